package plan

import (
	"errors"
	"strings"
	"testing"
	"time"
)

var t0 = time.Date(2026, 11, 20, 9, 30, 0, 0, time.UTC)

func ids(p *Plan) string {
	var s []string
	for _, it := range p.Items {
		s = append(s, it.ID)
	}
	return strings.Join(s, ",")
}

func exIDs(it Item) string {
	var s []string
	for _, x := range it.Excerpts {
		s = append(s, x.ID)
	}
	return strings.Join(s, ",")
}

func mustNew(t *testing.T, key string) *Plan {
	t.Helper()
	p, err := New(key)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestNewSkeleton(t *testing.T) {
	cases := []struct {
		key, title string
		kind       Kind
		items      int
	}{
		{"2026-11", "Sinh hoạt chi bộ thường kỳ tháng 11/2026", KindRegular, 7},
		{"2026-03", "Sinh hoạt chi bộ thường kỳ tháng 3/2026", KindRegular, 7},
		{"2026-03-chuyen-de-chuyen-doi-so", "Sinh hoạt chi bộ chuyên đề tháng 3/2026", KindTopical, 5},
	}
	for _, c := range cases {
		p := mustNew(t, c.key)
		if p.Title != c.title || p.Kind != c.kind || len(p.Items) != c.items {
			t.Errorf("New(%s) = %q %s %d items", c.key, p.Title, p.Kind, len(p.Items))
		}
		if p.TotalMinutes() < MinMeetingMinutes {
			t.Errorf("New(%s) lasts %d minutes, less than %d", c.key, p.TotalMinutes(), MinMeetingMinutes)
		}
		seen := map[string]bool{}
		for _, it := range p.Items {
			if it.ID == "" || seen[it.ID] || it.Title == "" || it.Minutes <= 0 {
				t.Errorf("New(%s): bad item %+v", c.key, it)
			}
			seen[it.ID] = true
		}
	}
	// The regular agenda is the standard one, in order.
	want := "khai-mac,thong-tin,danh-gia,tu-phe-binh,thao-luan,ket-luan,bieu-quyet"
	if got := ids(mustNew(t, "2026-11")); got != want {
		t.Errorf("skeleton = %s, want %s", got, want)
	}
	for _, bad := range []string{"", "2026", "2026-13", "2026-1", "26-11", "2026-11-", "2026-11-Chuyen", "../x", "2026-11-a b"} {
		if _, err := New(bad); err == nil {
			t.Errorf("New(%q) accepted", bad)
		}
	}
}

func TestItemOperations(t *testing.T) {
	type op func(p *Plan) error
	cases := []struct {
		name    string
		op      op
		want    string // item IDs after
		wantErr error
	}{
		{"add at end", func(p *Plan) error { _, err := p.AddItem("Kiểm điểm", 15, -1); return err }, "khai-mac,thong-tin,danh-gia,tu-phe-binh,thao-luan,ket-luan,bieu-quyet,muc-8", nil},
		{"add at 1", func(p *Plan) error { _, err := p.AddItem("Kiểm điểm", 15, 1); return err }, "khai-mac,muc-8,thong-tin,danh-gia,tu-phe-binh,thao-luan,ket-luan,bieu-quyet", nil},
		{"add empty title", func(p *Plan) error { _, err := p.AddItem("  ", 15, -1); return err }, "", ErrEmptyTitle},
		{"add bad minutes", func(p *Plan) error { _, err := p.AddItem("x", -1, -1); return err }, "", ErrBadMinutes},
		{"remove", func(p *Plan) error { return p.RemoveItem("danh-gia") }, "khai-mac,thong-tin,tu-phe-binh,thao-luan,ket-luan,bieu-quyet", nil},
		{"remove missing", func(p *Plan) error { return p.RemoveItem("nope") }, "", ErrNoItem},
		{"move down", func(p *Plan) error { _, err := p.MoveItem("khai-mac", 1); return err }, "thong-tin,khai-mac,danh-gia,tu-phe-binh,thao-luan,ket-luan,bieu-quyet", nil},
		{"move up", func(p *Plan) error { _, err := p.MoveItem("bieu-quyet", -2); return err }, "khai-mac,thong-tin,danh-gia,tu-phe-binh,bieu-quyet,thao-luan,ket-luan", nil},
		{"move past top clamps", func(p *Plan) error { _, err := p.MoveItem("thong-tin", -9); return err }, "thong-tin,khai-mac,danh-gia,tu-phe-binh,thao-luan,ket-luan,bieu-quyet", nil},
		{"move past end clamps", func(p *Plan) error { _, err := p.MoveItem("thong-tin", 99); return err }, "khai-mac,danh-gia,tu-phe-binh,thao-luan,ket-luan,bieu-quyet,thong-tin", nil},
		{"move missing", func(p *Plan) error { _, err := p.MoveItem("nope", 1); return err }, "", ErrNoItem},
		{"rename", func(p *Plan) error { return p.RenameItem("ket-luan", "Thảo luận, góp ý") }, "khai-mac,thong-tin,danh-gia,tu-phe-binh,thao-luan,ket-luan,bieu-quyet", nil},
		{"rename empty", func(p *Plan) error { return p.RenameItem("ket-luan", "") }, "", ErrEmptyTitle},
		{"rename missing", func(p *Plan) error { return p.RenameItem("nope", "x") }, "", ErrNoItem},
		{"minutes", func(p *Plan) error { return p.SetMinutes("ket-luan", 30) }, "khai-mac,thong-tin,danh-gia,tu-phe-binh,thao-luan,ket-luan,bieu-quyet", nil},
		{"minutes bad", func(p *Plan) error { return p.SetMinutes("ket-luan", 601) }, "", ErrBadMinutes},
		{"notes", func(p *Plan) error {
			return p.SetNotes("tu-phe-binh", "- Đ/c An: vệ sinh môi trường\r\n- Đ/c Bình: thu quỹ\n\n")
		}, "khai-mac,thong-tin,danh-gia,tu-phe-binh,thao-luan,ket-luan,bieu-quyet", nil},
		{"notes missing", func(p *Plan) error { return p.SetNotes("nope", "x") }, "", ErrNoItem},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := mustNew(t, "2026-11")
			before := ids(p)
			err := c.op(p)
			if c.wantErr != nil {
				if !errors.Is(err, c.wantErr) {
					t.Fatalf("err = %v, want %v", err, c.wantErr)
				}
				if ids(p) != before {
					t.Fatalf("failed op changed the plan: %s", ids(p))
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := ids(p); got != c.want {
				t.Fatalf("items = %s\nwant    %s", got, c.want)
			}
		})
	}
	p := mustNew(t, "2026-11")
	p.RenameItem("ket-luan", "  Thảo luận, góp ý ")
	p.SetMinutes("ket-luan", 30)
	p.SetNotes("tu-phe-binh", "- Đ/c An\r\n- Đ/c Bình\n\n")
	it, _ := p.Item("ket-luan")
	if it.Title != "Thảo luận, góp ý" || it.Minutes != 30 || p.TotalMinutes() != 110 {
		t.Fatalf("rename/minutes: %+v total %d", it, p.TotalMinutes())
	}
	if it, _ := p.Item("tu-phe-binh"); it.Notes != "- Đ/c An\n- Đ/c Bình" {
		t.Fatalf("notes = %q", it.Notes)
	}
	// New IDs never collide, even after removals.
	a, _ := p.AddItem("A", 5, -1)
	p.RemoveItem("khai-mac")
	b, _ := p.AddItem("B", 5, -1)
	if a == b {
		t.Fatalf("AddItem reused ID %s", a)
	}
}

func TestItemByRef(t *testing.T) {
	p := mustNew(t, "2026-11")
	cases := []struct {
		ref, want string
		err       bool
	}{{"1", "khai-mac", false}, {"7", "bieu-quyet", false}, {"ket-luan", "ket-luan", false}, {"0", "", true}, {"8", "", true}, {"x", "", true}}
	for _, c := range cases {
		it, err := p.ItemByRef(c.ref)
		if (err != nil) != c.err || (err == nil && it.ID != c.want) {
			t.Errorf("ItemByRef(%q) = %v, %v", c.ref, it, err)
		}
	}
}

func ex(doc, sec, text string) Excerpt {
	return Excerpt{Doc: doc, DocTitle: "Tài liệu " + doc, Section: sec, Path: []string{"Phần " + sec}, Text: text}
}

func TestExcerptOperations(t *testing.T) {
	setup := func(t *testing.T) *Plan {
		p := mustNew(t, "2026-11")
		for i, sec := range []string{"a", "b", "c"} {
			x, err := p.AddExcerpt("thong-tin", ex("d", sec, "text "+sec), t0)
			if err != nil || x.ID != []string{"t1", "t2", "t3"}[i] || !x.Added.Equal(t0) {
				t.Fatalf("AddExcerpt = %+v, %v", x, err)
			}
		}
		if _, err := p.AddExcerpt("tu-phe-binh", ex("d", "z", "text z"), t0); err != nil {
			t.Fatal(err)
		}
		return p
	}
	cases := []struct {
		name        string
		op          func(p *Plan) error
		info, tasks string // excerpt IDs of thong-tin and nhiem-vu after
		wantErr     error
	}{
		{"none", func(p *Plan) error { return nil }, "t1,t2,t3", "t4", nil},
		{"duplicate", func(p *Plan) error { _, err := p.AddExcerpt("thong-tin", ex("d", "a", "text a"), t0); return err }, "", "", ErrDuplicate},
		{"same section other passage", func(p *Plan) error { _, err := p.AddExcerpt("thong-tin", ex("d", "a", "other"), t0); return err }, "t1,t2,t3,t5", "t4", nil},
		{"same section other item", func(p *Plan) error { _, err := p.AddExcerpt("tu-phe-binh", ex("d", "a", "text a"), t0); return err }, "t1,t2,t3", "t4,t5", nil},
		{"no doc", func(p *Plan) error { _, err := p.AddExcerpt("thong-tin", Excerpt{Text: "x"}, t0); return err }, "", "", ErrEmptySource},
		{"no item", func(p *Plan) error { _, err := p.AddExcerpt("nope", ex("d", "q", "q"), t0); return err }, "", "", ErrNoItem},
		{"remove", func(p *Plan) error { return p.RemoveExcerpt("t2") }, "t1,t3", "t4", nil},
		{"remove missing", func(p *Plan) error { return p.RemoveExcerpt("t9") }, "", "", ErrNoExcerpt},
		{"move up", func(p *Plan) error { _, err := p.MoveExcerpt("t3", -1); return err }, "t1,t3,t2", "t4", nil},
		{"move down clamps", func(p *Plan) error { _, err := p.MoveExcerpt("t1", 5); return err }, "t2,t3,t1", "t4", nil},
		{"move missing", func(p *Plan) error { _, err := p.MoveExcerpt("t9", 1); return err }, "", "", ErrNoExcerpt},
		{"move to other item end", func(p *Plan) error { return p.MoveExcerptTo("t2", "tu-phe-binh", -1) }, "t1,t3", "t4,t2", nil},
		{"move to other item front", func(p *Plan) error { return p.MoveExcerptTo("t2", "tu-phe-binh", 0) }, "t1,t3", "t2,t4", nil},
		{"move within item", func(p *Plan) error { return p.MoveExcerptTo("t3", "thong-tin", 0) }, "t3,t1,t2", "t4", nil},
		{"move to missing item", func(p *Plan) error { return p.MoveExcerptTo("t1", "nope", 0) }, "", "", ErrNoItem},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := setup(t)
			err := c.op(p)
			info, _ := p.Item("thong-tin")
			tasks, _ := p.Item("tu-phe-binh")
			if c.wantErr != nil {
				if !errors.Is(err, c.wantErr) {
					t.Fatalf("err = %v, want %v", err, c.wantErr)
				}
				if exIDs(*info) != "t1,t2,t3" || exIDs(*tasks) != "t4" {
					t.Fatalf("failed op changed the plan: %s / %s", exIDs(*info), exIDs(*tasks))
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if exIDs(*info) != c.info || exIDs(*tasks) != c.tasks {
				t.Fatalf("excerpts = %s / %s, want %s / %s", exIDs(*info), exIDs(*tasks), c.info, c.tasks)
			}
			if p.ExcerptCount() != strings.Count(c.info+","+c.tasks, "t") {
				t.Fatalf("ExcerptCount = %d", p.ExcerptCount())
			}
		})
	}
	// Removing an item takes its excerpts with it.
	p := setup(t)
	p.RemoveItem("tu-phe-binh")
	if p.ExcerptCount() != 3 {
		t.Fatalf("ExcerptCount after removing an item = %d", p.ExcerptCount())
	}
	x, _ := p.AddExcerpt("ket-luan", ex("d", "y", "y"), t0)
	if i, _, err := p.FindExcerpt(x.ID); err != nil || p.Items[i].ID != "ket-luan" {
		t.Fatal(i, err)
	}
}

func TestCite(t *testing.T) {
	cases := []struct {
		ex   Excerpt
		want string
	}{
		// The form: type, number, date, issuer, section numbering.
		{Excerpt{Doc: "d", DocTitle: "Kết luận về tiếp tục thực hiện Chỉ thị 05", DocNumber: "01-KL/TW", DocDate: "2021-05-18", DocIssuer: "Bộ Chính trị",
			Path: []string{"II. NHIỆM VỤ", "3. Tăng cường kiểm tra"}}, "Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính trị, mục II.3"},
		// A title that is not a type word keeps the title; the type comes from the code.
		{Excerpt{Doc: "d", DocTitle: "Tài liệu sinh hoạt chi bộ", DocNumber: "12-TL/BTG", Path: []string{"II. Thông tin", "3. Kinh tế"}}, "Tài liệu sinh hoạt chi bộ số 12-TL/BTG, mục II.3"},
		{Excerpt{Doc: "d", DocTitle: "Nghị quyết về kinh tế", DocNumber: "25/NQ-HĐND", DocType: "Nghị quyết", Path: []string{"Điều 1", "2. Các chỉ tiêu"}}, "Nghị quyết số 25/NQ-HĐND, Điều 1, mục 2"},
		{Excerpt{Doc: "d", DocTitle: "Quy định về ...", DocNumber: "339-QĐ/TW", Path: []string{"Chương II", "Điều 5"}}, "Quy định số 339-QĐ/TW, Chương II, Điều 5"},
		{Excerpt{Doc: "d", DocTitle: "Thư", Path: []string{"Lời mở đầu"}}, "Thư, mục “Lời mở đầu”"},
		{Excerpt{Doc: "d", DocTitle: "Nghị quyết"}, "Nghị quyết"},
		{Excerpt{Doc: "d"}, "d"},
	}
	for _, c := range cases {
		if got := c.ex.Cite(); got != c.want {
			t.Errorf("Cite = %q, want %q", got, c.want)
		}
	}
}

// TestParseKey: a plan's key, or a month as Vietnamese write it.
func TestParseKey(t *testing.T) {
	for in, want := range map[string]string{
		"2026-12": "2026-12", "2026-12-chuyen-de": "2026-12-chuyen-de", "12/2026": "2026-12",
		" 1/2027 ": "2027-01", "tháng 12/2026": "2026-12", "Tháng 3-2027": "2027-03", "T12/2026": "2026-12",
		"thang 12.2026": "2026-12", "13/2026": "", "0/2026": "", "12/26": "", "tháng mười hai": "", "": "",
	} {
		got, ok := ParseKey(in)
		if got != want || ok != (want != "") {
			t.Errorf("ParseKey(%q) = %q %v, want %q", in, got, ok, want)
		}
	}
}
