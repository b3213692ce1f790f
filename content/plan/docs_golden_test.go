package plan

import (
	"strings"
	"testing"
)

// meetingOf is a prepared meeting of a kind: names typed with their
// prefixes, a roll, carried tasks with results, next month's tasks and the
// record filled in.
func meetingOf(t *testing.T, key string, k Kind) *Plan {
	t.Helper()
	p := mustNew(t, key)
	if err := p.SetKind(k); err != nil {
		t.Fatal(err)
	}
	p.Date, p.Place, p.Locality = "2026-12-05", "Nhà văn hóa ấp Phú Lợi", "Tân Phú"
	p.Cell, p.Party = "Chi bộ ấp Phú Lợi", "Đảng bộ xã Tân Phú"
	prev := mustNew(t, "2026-11")
	prev.AddTask("Vận động 5 hộ nghèo vay vốn", "Nguyễn Văn An", "15/12/2026")
	prev.AddTask("Tổ chức dọn vệ sinh đường ấp", "Trần Thị Bình", "20/12/2026")
	prev.AddTask("Thu đảng phí quý IV", "Lê Văn Cường", "")
	if PrevKey(key) != "" {
		p.Carry(prev)
		p.SetResult(1, "Hoàn thành: 5/5 hộ được vay")
		p.SetResult(2, "Chưa xong: còn 300 m")
	}
	p.AddTask("Tuyên truyền Chỉ thị 50-CT/TW đến hộ dân", "Nguyễn Văn An", "31/12/2026")
	p.AddTask("Rà soát hộ cận nghèo", "Trần Thị Bình", "2027-01-10")
	var members []Member
	for _, m := range []struct {
		n  string
		st Membership
		ex bool
	}{{"Nguyễn Văn An", Official, false}, {"Trần Thị Bình", Official, false}, {"Lê Văn Cường", Probationary, false}, {"Phạm Văn Dũng", Official, true}, {"Hoàng Thị Em", Official, false}} {
		AddMember(&members, m.n, m.st, m.ex)
	}
	p.StartRoll(members)
	p.Mark(members, "Hoàng Thị Em", Excused, "đi công tác")
	p.AddGuest("đồng chí Võ Văn Giang, Đảng ủy viên xã")
	p.Record = Record{Number: "12", Chair: "Nguyễn Văn An, Bí thư chi bộ", Secretary: "Lê Văn Cường", Start: "19:30", End: "21:10",
		Dues: "đã thu 4/4 đồng chí, số tiền 120.000 đồng", Vote: &Vote{For: 3}, Grade: "Khá", Rubric: "Tốt: đủ nội dung, có mặt từ 90%; Khá: đủ nội dung, có mặt từ 80%",
		Views:      map[string]string{ItemAssessment: "- Đ/c Bình: đường ấp còn 300 m chưa dọn vì mưa.", ItemDiscussion: "Đ/c Cường đề nghị họp tổ vận động vào thứ Bảy."},
		Conclusion: "Chi bộ thống nhất các nhiệm vụ tháng 12.", Topic: "Chuyển đổi số trong sinh hoạt chi bộ", Presenter: "Lê Văn Cường", TopicApproved: "2026-11-28"}
	return p
}

// TestMeetingDocsGolden: the minutes and the resolution of a regular, a
// thematic and a combined meeting, byte for byte.
func TestMeetingDocsGolden(t *testing.T) {
	for _, c := range []struct {
		name, key string
		kind      Kind
	}{{"regular", "2026-12", KindRegular}, {"thematic", "2026-12-chuyen-doi-so", KindTopical}, {"combined", "2026-12", KindCombined}} {
		p := meetingOf(t, c.key, c.kind)
		bb, nq := MinutesMarkdown(p), ResolutionMarkdown(p)
		golden(t, "minutes-"+c.name+".md", bb)
		golden(t, "resolution-"+c.name+".md", nq)
		all := string(bb) + string(nq)
		for _, bad := range []string{"CHI BỘ CHI BỘ", "ĐẢNG BỘ ĐẢNG BỘ", "ĐẢNG ỦY ĐẢNG", MissingSource, "<nil>", "0001"} {
			if strings.Contains(all, bad) {
				t.Errorf("%s: prints %q", c.name, bad)
			}
		}
		if !strings.Contains(all, "Tân Phú, ngày 05 tháng 12 năm 2026") || !strings.Contains(string(nq), "Số 12-NQ/CB") {
			t.Errorf("%s: heading", c.name)
		}
	}
}

// TestMeetingPackGolden: the whole pack of a regular, a thematic and a
// combined meeting in md and html byte for byte, and the docx read back.
func TestMeetingPackGolden(t *testing.T) {
	for _, c := range []struct {
		name, key string
		kind      Kind
	}{{"regular", "2026-12", KindRegular}, {"thematic", "2026-12-chuyen-doi-so", KindTopical}, {"combined", "2026-12", KindCombined}} {
		p := meetingOf(t, c.key, c.kind)
		p.AddExcerpt(p.Items[1].ID, Excerpt{Doc: "kl01", DocTitle: "Kết luận về tiếp tục thực hiện Chỉ thị 05", DocNumber: "01-KL/TW", DocDate: "2021-05-18",
			DocIssuer: "Bộ Chính trị", Path: []string{"II. NHIỆM VỤ", "3. Tăng cường kiểm tra"}, Text: "Tăng cường kiểm tra, giám sát."}, t0)
		golden(t, "pack-"+c.name+".md", Markdown(p))
		golden(t, "pack-"+c.name+".html", HTML(p))
		data, err := DOCX(p)
		if err != nil {
			t.Fatal(err)
		}
		text := docxText(t, data)
		for _, want := range []string{"CHI BỘ ẤP PHÚ LỢI", "ĐẢNG ỦY XÃ TÂN PHÚ", "Tân Phú, ngày 05 tháng 12 năm 2026", "Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính trị, mục II.3",
			"BIÊN BẢN", "NGHỊ QUYẾT", "Số 12-NQ/CB", "Tuyên truyền Chỉ thị 50-CT/TW đến hộ dân", "Hoàng Thị Em"} {
			if !strings.Contains(text, want) {
				t.Errorf("%s docx lacks %q", c.name, want)
			}
		}
		if c.kind != KindTopical && !strings.Contains(text, "Hoàn thành: 5/5 hộ được vay") {
			t.Errorf("%s docx lacks the carried task's result", c.name)
		}
	}
}
