package plan

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// November's resolution has three tasks; December's plan lists them as
// carried, the secretary records their results, and December's resolution
// prints them in its assessment table. A month with no earlier plan starts
// empty.
func TestMonthToMonthFlow(t *testing.T) {
	s := testStore(t)
	if p, _, err := LoadCarried(s, "2026-11"); err != nil || len(p.Carried) != 0 {
		t.Fatalf("November with no October plan: %+v %v", p.Carried, err)
	}
	_, err := s.Update("2026-11", func(p *Plan) error {
		for _, task := range []struct{ text, owner, due string }{
			{"Vận động 5 hộ nghèo vay vốn", "Nguyễn Văn An", "15/12/2026"},
			{"Tổ chức dọn vệ sinh đường ấp", "Trần Thị Bình", "2026-12-20"},
			{"Thu đảng phí quý IV", "", ""},
		} {
			if _, err := p.AddTask(task.text, task.owner, task.due); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	dec, saved, err := LoadCarried(s, "2026-12")
	if err != nil || saved || len(dec.Carried) != 3 || dec.Carried[0].From != "2026-11" || dec.Carried[1].Due != "2026-12-20" || dec.Carried[0].Due != "2026-12-15" {
		t.Fatalf("December's carried tasks: %+v %v", dec.Carried, err)
	}
	_, err = UpdateCarried(s, "2026-12", func(p *Plan) error {
		p.Date = "2026-12-05"
		if err := p.SetResult(1, "Hoàn thành: 5/5 hộ được vay"); err != nil {
			return err
		}
		return p.SetResult(3, "Đã thu 14/14 đồng chí")
	})
	if err != nil {
		t.Fatal(err)
	}
	// A task added to November later still shows up, results stay.
	s.Update("2026-11", func(p *Plan) error { _, err := p.AddTask("Báo cáo kết quả", "Lê Văn Cường", ""); return err })
	dec, saved, err = LoadCarried(s, "2026-12")
	if err != nil || !saved || len(dec.Carried) != 4 || dec.Carried[0].Result != "Hoàn thành: 5/5 hộ được vay" || dec.Carried[1].Result != "" || dec.Carried[2].Result != "Đã thu 14/14 đồng chí" {
		t.Fatalf("after recording: %+v %v", dec.Carried, err)
	}
	md := string(ResolutionMarkdown(dec))
	for _, want := range []string{"THÁNG 11/2026", "Vận động 5 hộ nghèo vay vốn", "Nguyễn Văn An", "15/12/2026", "Hoàn thành: 5/5 hộ được vay", "Đã thu 14/14 đồng chí", "Báo cáo kết quả"} {
		if !strings.Contains(md, want) {
			t.Errorf("December's resolution lacks %q", want)
		}
	}
	// The assessment table has one row per carried task.
	if n := strings.Count(md, "| Hoàn thành") + strings.Count(md, "Tổ chức dọn vệ sinh"); n != 2 {
		t.Errorf("table rows: %d\n%s", n, md)
	}
	if err := dec.SetResult(9, "x"); !errors.Is(err, ErrNoTask) {
		t.Errorf("SetResult(9) = %v", err)
	}
	// A thematic meeting carries nothing.
	if PrevKey("2026-12-chuyen-de") != "" || PrevKey("2026-01") != "2025-12" {
		t.Error("PrevKey")
	}
	// A removed task without a result goes away; with a result it stays.
	s.Update("2026-11", func(p *Plan) error { p.Tasks = p.Tasks[:1]; return nil })
	dec, _, _ = LoadCarried(s, "2026-12")
	if len(dec.Carried) != 2 || dec.Carried[1].Result != "Đã thu 14/14 đồng chí" {
		t.Errorf("after removing tasks in November: %+v", dec.Carried)
	}
}

func TestAddTaskErrors(t *testing.T) {
	p := mustNew(t, "2026-11")
	if _, err := p.AddTask("  ", "", ""); !errors.Is(err, ErrEmptyTask) {
		t.Error(err)
	}
	if _, err := p.AddTask("x", "", "31/11/2026"); !errors.Is(err, ErrBadDate) {
		t.Error(err)
	}
	if len(p.Tasks) != 0 {
		t.Fatal("a refused task was added")
	}
	a, _ := p.AddTask("a\n b", "", "")
	p.RemoveTask(1)
	b, _ := p.AddTask("b", "", "")
	if a.Text != "a b" || b.ID == "" {
		t.Fatal(a, b)
	}
}

func TestRollAndMinutes(t *testing.T) {
	dir := t.TempDir()
	ms := OpenMembers(dir)
	list, err := ms.Update(func(l *[]Member) error {
		for _, m := range []struct {
			name   string
			st     Membership
			exempt bool
		}{{"Nguyễn Văn An", Official, false}, {"Trần Thị Bình", Official, false}, {"Lê Văn Cường", Probationary, false}, {"Phạm Văn Dũng", Official, true}, {"Hoàng Thị Em", Official, false}} {
			if _, err := AddMember(l, m.name, m.st, m.exempt); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil || len(list) != 5 {
		t.Fatal(list, err)
	}
	if _, err := ms.Update(func(l *[]Member) error { _, err := AddMember(l, "nguyễn văn an", Official, false); return err }); !errors.Is(err, ErrSameMember) {
		t.Fatalf("duplicate member: %v", err)
	}
	list, err = ms.Load()
	if err != nil || len(list) != 5 || list[2].Status != Probationary || !list[3].Exempt {
		t.Fatalf("reloaded: %+v %v", list, err)
	}
	p := mustNew(t, "2026-12")
	p.Date, p.Place, p.Locality, p.Cell, p.Party = "2026-12-05", "Nhà văn hóa ấp", "Tân Phú", "Chi bộ ấp Phú Lợi", "Đảng bộ xã Tân Phú"
	if _, err := p.Mark(list, "Trần Thị Bình", Excused, "đi công tác"); err != nil {
		t.Fatal(err)
	}
	if _, err := p.Mark(list, "5", Absent, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := p.Mark(list, "Không Có", Present, ""); !errors.Is(err, ErrNoMember) {
		t.Fatal(err)
	}
	p.AddGuest("đồng chí Võ Văn Giang, Đảng ủy viên xã")
	c := p.Counts()
	if c.Total != 5 || c.Present != 2 || c.Excused != 1 || c.Absent != 1 || c.Exempt != 1 || c.Expected() != 4 || c.PresentProbationary != 1 {
		t.Fatalf("counts %+v", c)
	}
	p.Record = Record{Chair: "Nguyễn Văn An", Secretary: "Lê Văn Cường", Start: "19:30", End: "21h05", Vote: &Vote{For: 2}, Grade: "Khá",
		Views: map[string]string{ItemCriticism: "Đ/c An: tự nhận còn chậm báo cáo."}, Rubric: "Tốt: đủ 4 nội dung, ≥ 90% có mặt"}
	bb := string(MinutesMarkdown(p))
	for _, want := range []string{"ĐẢNG BỘ XÃ TÂN PHÚ", "CHI BỘ ẤP PHÚ LỢI", "Tân Phú, ngày 05 tháng 12 năm 2026", "có mặt 2/4 đồng chí", "dự bị 1",
		"Trần Thị Bình (có lý do: đi công tác)", "Hoàng Thị Em (không lý do)", "Võ Văn Giang", "Đ/c An: tự nhận", "tán thành 2/2 đồng chí (đạt 100%)", "21 giờ 05", "19 giờ 30"} {
		if !strings.Contains(bb, want) {
			t.Errorf("minutes lack %q", want)
		}
	}
	nq := string(ResolutionMarkdown(p))
	for _, want := range []string{"ĐẢNG ỦY XÃ TÂN PHÚ", "CHI BỘ ẤP PHÚ LỢI", "Số ……-NQ/CB", "Tân Phú, ngày 05 tháng 12 năm 2026", "Chi bộ ấp Phú Lợi họp sinh hoạt thường kỳ từ 19 giờ 30 đến 21 giờ 05 (95 phút)",
		"có mặt 2/4", "☒ Khá", "☐ Tốt", "Tiêu chí của chi bộ: Tốt: đủ 4 nội dung", "III. TỔ CHỨC THỰC HIỆN", "Đảng ủy xã Tân Phú (để báo cáo)"} {
		if !strings.Contains(nq, want) {
			t.Errorf("resolution lacks %q", want)
		}
	}
	for _, bad := range []string{"CHI BỘ CHI BỘ", "ĐẢNG BỘ ĐẢNG BỘ", "Chi bộ Chi bộ", "ĐẢNG ỦY ĐẢNG"} {
		if strings.Contains(nq+bb, bad) {
			t.Errorf("doubled prefix %q", bad)
		}
	}
}

// Two stores on one members file (as two chibo processes would have)
// adding at once lose nothing: Update holds the file's lock.
func TestMembersConcurrentUpdate(t *testing.T) {
	dir := t.TempDir()
	a, b := OpenMembers(dir), OpenMembers(dir)
	done := make(chan error, 2)
	for i, s := range []*MemberStore{a, b} {
		go func() {
			for j := 0; j < 15; j++ {
				if _, err := s.Update(func(l *[]Member) error {
					_, err := AddMember(l, fmt.Sprintf("Đảng viên %d-%d", i, j), Official, false)
					return err
				}); err != nil {
					done <- err
					return
				}
			}
			done <- nil
		}()
	}
	for range 2 {
		if err := <-done; err != nil {
			t.Fatal(err)
		}
	}
	list, err := a.Load()
	if err != nil || len(list) != 30 {
		t.Fatalf("%d members after 2×15 concurrent adds, %v", len(list), err)
	}
}

// Control sequences typed into the record never reach the printed minutes.
func TestMinutesNoControlBytes(t *testing.T) {
	p := mustNew(t, "2026-12")
	p.Record.Chair = "An\x1b]8;;http://x\x07\x1b[31m"
	p.Record.Views = map[string]string{ItemInfo: "ý kiến\u202e\x9b2J"}
	p.AddTask("Nhiệm vụ\x1b[2J", "", "")
	for _, out := range [][]byte{MinutesMarkdown(p), ResolutionMarkdown(p)} {
		for _, r := range string(out) {
			if (r < 0x20 && r != '\n' && r != '\t') || (r >= 0x7f && r < 0xa0) || r == '\u202e' {
				t.Fatalf("control character %U printed", r)
			}
		}
	}
}
