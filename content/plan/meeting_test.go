package plan

import (
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"chibo/content"
	"chibo/content/userdata"
)

func TestNamesNeverDoubled(t *testing.T) {
	for _, c := range []struct{ in, party, committee, cell, inline string }{
		{"Đảng bộ xã Tân Phú", "ĐẢNG BỘ XÃ TÂN PHÚ", "ĐẢNG ỦY XÃ TÂN PHÚ", "CHI BỘ ĐẢNG BỘ XÃ TÂN PHÚ", "Chi bộ Đảng bộ xã Tân Phú"},
		{"xã Tân Phú", "ĐẢNG BỘ XÃ TÂN PHÚ", "ĐẢNG ỦY XÃ TÂN PHÚ", "CHI BỘ XÃ TÂN PHÚ", "Chi bộ xã Tân Phú"},
		{"  ĐẢNG   ỦY phường 3 ", "ĐẢNG BỘ PHƯỜNG 3", "ĐẢNG ỦY PHƯỜNG 3", "CHI BỘ ĐẢNG ỦY PHƯỜNG 3", "Chi bộ ĐẢNG ỦY phường 3"},
		{"Chi bộ ấp Phú Lợi", "ĐẢNG BỘ CHI BỘ ẤP PHÚ LỢI", "ĐẢNG ỦY CHI BỘ ẤP PHÚ LỢI", "CHI BỘ ẤP PHÚ LỢI", "Chi bộ ấp Phú Lợi"},
		{"ấp Phú Lợi", "ĐẢNG BỘ ẤP PHÚ LỢI", "ĐẢNG ỦY ẤP PHÚ LỢI", "CHI BỘ ẤP PHÚ LỢI", "Chi bộ ấp Phú Lợi"},
		// Decomposed (NFD) input, as some keyboards and macOS file names give it.
		{"Chi bo\u0302\u0323 a\u0302\u0301p Phu\u0301 Lơ\u0323i", "", "", "CHI BỘ ẤP PHÚ LỢI", "Chi bộ ấp Phú Lợi"},
		{"", "", "", "", ""},
		{"Chi bộ", "", "", "", ""},
	} {
		if c.party != "" && PartyHeader(c.in) != c.party {
			t.Errorf("PartyHeader(%q) = %q, want %q", c.in, PartyHeader(c.in), c.party)
		}
		if c.committee != "" && CommitteeHeader(c.in) != c.committee {
			t.Errorf("CommitteeHeader(%q) = %q, want %q", c.in, CommitteeHeader(c.in), c.committee)
		}
		if CellHeader(c.in) != c.cell || CellInline(c.in) != c.inline {
			t.Errorf("Cell(%q) = %q / %q, want %q / %q", c.in, CellHeader(c.in), CellInline(c.in), c.cell, c.inline)
		}
	}
}

func TestParseDate(t *testing.T) {
	for in, want := range map[string]string{
		"05/12/2026": "2026-12-05", "5/12/2026": "2026-12-05", "2026-12-05": "2026-12-05", "2026-1-5": "2026-01-05",
		" 29/2/2028 ": "2028-02-29", "5.12.2026": "2026-12-05",
	} {
		if got, err := ParseDate(in); err != nil || got != want {
			t.Errorf("ParseDate(%q) = %q, %v; want %s", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "31/11/2026", "29/2/2027", "12/2026", "2026/12/05", "0/1/2026", "5/13/2026", "hôm nay"} {
		if got, err := ParseDate(bad); !errors.Is(err, ErrBadDate) {
			t.Errorf("ParseDate(%q) = %q, %v; want ErrBadDate", bad, got, err)
		}
	}
}

func TestDateLine(t *testing.T) {
	for _, c := range []struct{ loc, date, want string }{
		{"Tân Phú", "2026-12-05", "Tân Phú, ngày 05 tháng 12 năm 2026"},
		{"Tân Phú", "2026-03-01", "Tân Phú, ngày 01 tháng 03 năm 2026"},
		{"", "2026-11-25", "……………, ngày 25 tháng 11 năm 2026"},
		{"Tân Phú", "", "Tân Phú, ngày …… tháng …… năm 20……"},
	} {
		if got := DateLine(c.loc, c.date); got != c.want {
			t.Errorf("DateLine(%q, %q) = %q, want %q", c.loc, c.date, got, c.want)
		}
	}
}

// A meeting on 05/12 closes November: it assesses November and sets
// December's tasks (the pack used to assess "tháng 12").
func TestAssessedMonth(t *testing.T) {
	for _, c := range []struct{ key, date, assessed, tasks string }{
		{"2026-12", "2026-12-05", "2026-11", "2026-12"},
		{"2026-11", "2026-11-25", "2026-11", "2026-12"},
		{"2026-01", "2026-01-03", "2025-12", "2026-01"},
		{"2026-12", "2026-12-15", "2026-11", "2026-12"},
		{"2026-12", "2026-12-16", "2026-12", "2027-01"},
		{"2026-11", "", "2026-11", "2026-12"},
	} {
		p := mustNew(t, c.key)
		p.Date = c.date
		if p.AssessedMonth() != c.assessed || p.TasksMonth() != c.tasks {
			t.Errorf("%s on %q: assessed %s, tasks %s; want %s, %s", c.key, c.date, p.AssessedMonth(), p.TasksMonth(), c.assessed, c.tasks)
		}
	}
	p := mustNew(t, "2026-12")
	p.Date = "2026-12-05"
	md := string(ResolutionMarkdown(p))
	if !strings.Contains(md, "ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 11/2026") || strings.Contains(md, "THỰC HIỆN NHIỆM VỤ THÁNG 12/2026") || !strings.Contains(md, "NHIỆM VỤ, GIẢI PHÁP THÁNG 12/2026") {
		t.Errorf("resolution of a meeting on 05/12 does not assess November:\n%s", md)
	}
}

func TestKindsAndBudget(t *testing.T) {
	for _, k := range Kinds {
		items := Skeleton(k)
		p := &Plan{Month: "2026-12", Kind: k, Items: items}
		if p.TotalMinutes() != k.MinMinutes() || len(p.BudgetWarnings()) != 0 {
			t.Errorf("%s skeleton: %d min (want %d), warnings %v", k, p.TotalMinutes(), k.MinMinutes(), p.BudgetWarnings())
		}
		if items[0].ID != ItemOpening || items[len(items)-1].ID != ItemVote {
			t.Errorf("%s skeleton does not open and close as Hướng dẫn 42 has it: %s", k, ids(p))
		}
		hasTopic, hasCrit := p.Index(ItemTopic) >= 0, p.Index(ItemCriticism) >= 0
		if hasTopic != (k != KindRegular) || hasCrit != (k != KindTopical) {
			t.Errorf("%s skeleton: topic %v, self-criticism %v", k, hasTopic, hasCrit)
		}
	}
	if KindRegular.MinMinutes() != 90 || KindTopical.MinMinutes() != 90 || KindCombined.MinMinutes() != 120 {
		t.Error("minimum durations are not 90/90/120")
	}
	// A combined meeting at 100 minutes is short; so is a regular one at 85.
	p := mustNew(t, "2026-12")
	if err := p.SetKind(KindCombined); err != nil || p.TotalMinutes() != 120 || p.Title != "Sinh hoạt chi bộ thường kỳ kết hợp chuyên đề tháng 12/2026" {
		t.Fatalf("SetKind(ket-hop): %v %d %q", err, p.TotalMinutes(), p.Title)
	}
	p.SetMinutes(ItemTopic, 10)
	w := p.BudgetWarnings()
	if len(w) != 1 || w[0].Code != "short" || !strings.Contains(w[0].Text, "120 phút") {
		t.Errorf("combined at %d min: %v", p.TotalMinutes(), w)
	}
	p.SetMinutes(ItemCriticism, 40)
	if w := p.BudgetWarnings(); len(w) != 1 || w[0].Code != "criticism" {
		t.Errorf("self-criticism at 40 min: %v", w)
	}
	if err := p.SetKind("hop-bat-thuong"); !errors.Is(err, ErrBadKind) {
		t.Errorf("SetKind(bad) = %v", err)
	}
	// A plan with excerpts keeps its agenda when the kind changes.
	q := mustNew(t, "2026-12")
	q.AddExcerpt(ItemInfo, ex("d", "a", "x"), t0)
	q.SetKind(KindTopical)
	if q.Kind != KindTopical || q.ExcerptCount() != 1 || q.Index(ItemInfo) < 0 {
		t.Errorf("SetKind dropped the agenda: %s", ids(q))
	}
}

func TestChecklist(t *testing.T) {
	p := mustNew(t, "2026-12")
	list := p.Checklist()
	if len(list) < 5 || list[0].Date != "" {
		t.Fatalf("checklist without a date: %+v", list)
	}
	p.Date = "2026-12-05"
	list = p.Checklist()
	byID := map[string]CheckItem{}
	for _, c := range list {
		byID[c.ID] = c
	}
	for id, want := range map[string]string{"dang-tai-lieu": "2026-12-04", "hoan-thien-bien-ban": "2026-12-07", "dang-nghi-quyet": "2026-12-07"} {
		if byID[id].Date != want {
			t.Errorf("%s on %s, want %s", id, byID[id].Date, want)
		}
	}
	for _, c := range list {
		d, _ := time.Parse(time.DateOnly, c.Date)
		if c.ID != "hoan-thien-bien-ban" && c.ID != "dang-nghi-quyet" && !d.Before(time.Date(2026, 12, 5, 0, 0, 0, 0, time.UTC)) {
			t.Errorf("%s is not before the meeting: %s", c.ID, c.Date)
		}
	}
	if c, err := p.Tick(4, true); err != nil || !c.Done || !p.Checklist()[3].Done || p.Checklist()[2].Done {
		t.Fatalf("Tick 4: %+v %v", c, err)
	}
	p.Tick(4, true) // twice is once
	if len(p.Ticked) != 1 {
		t.Fatalf("Ticked = %v", p.Ticked)
	}
	p.Tick(4, false)
	if p.Checklist()[3].Done || len(p.Ticked) != 0 {
		t.Fatal("untick")
	}
	if _, err := p.Tick(99, true); !errors.Is(err, ErrNoCheck) {
		t.Fatal(err)
	}
}

func TestWithDocument(t *testing.T) {
	doc := &content.Document{ID: "kl01", Title: "Kết luận về tiếp tục thực hiện Chỉ thị 05-CT/TW", Number: "01-KL/TW", Date: "2021-05-18", Issuer: "Bộ Chính trị"}
	sec := &content.Section{ID: "ii.3", Path: []string{"II. NHIỆM VỤ, GIẢI PHÁP", "3. Đẩy mạnh"}, Markdown: "Nội dung."}
	x := WithDocument(FromSection(doc, sec), doc)
	if got := x.Cite(); got != "Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính trị, mục II.3" {
		t.Errorf("Cite = %q", got)
	}
}

// TestExcerptsCiteDocument: every way of making an excerpt (the app's
// `a` uses FromSectionTree, a selection FromPassage) cites the document's
// number, date and issuer, not only `chibo plan add` (seen in tmux: the app
// printed "Phụ lục 2: … số 525-BC/TU, mục 2" without "ngày … của …").
func TestExcerptsCiteDocument(t *testing.T) {
	doc := &content.Document{ID: "kl01", Title: "Kết luận về tiếp tục thực hiện Chỉ thị 05-CT/TW", Number: "01-KL/TW", Date: "2021-05-18", Issuer: "Bộ Chính trị",
		Sections: []*content.Section{{ID: "ii.3", Level: 2, Path: []string{"II. NHIỆM VỤ, GIẢI PHÁP", "3. Đẩy mạnh"}, Markdown: "Nội dung."}}}
	sec := doc.Sections[0]
	const want = "Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính trị, mục II.3"
	for name, x := range map[string]Excerpt{
		"FromSection":     FromSection(doc, sec),
		"FromSectionTree": FromSectionTree(doc, sec),
		"FromPassage":     FromPassage(doc, sec, "Nội dung."),
	} {
		if got := x.Cite(); got != want {
			t.Errorf("%s: Cite = %q, want %q", name, got, want)
		}
	}
}

// A plan written by the previous format (version 1, the 2018 agenda)
// still loads, keeps its agenda and kind, and is saved as version 2.
func TestVersion1PlanLoads(t *testing.T) {
	s := testStore(t)
	v1 := `{"version":1,"month":"2026-10","title":"Sinh hoạt chi bộ thường kỳ tháng 10/2026","kind":"thuong-ky","date":"2026-10-25","cell":"thôn Đông",
"items":[{"id":"khai-mac","title":"Khai mạc","minutes":10},{"id":"hoc-tap-bac","title":"Học tập và làm theo Bác","minutes":10,"excerpts":[{"id":"t1","doc":"d","docTitle":"T","docNumber":"01-KL/TW","section":"ii.3","text":"x","added":"2026-10-01T00:00:00Z"}]}]}`
	if err := os.MkdirAll(s.Dir(), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(s.Path("2026-10"), []byte(v1), 0o644); err != nil {
		t.Fatal(err)
	}
	p, saved, err := s.Load("2026-10")
	if err != nil || !saved || p.Kind != KindRegular || ids(p) != "khai-mac,hoc-tap-bac" || p.ExcerptCount() != 1 {
		t.Fatalf("v1 plan: %+v %v %v", p, saved, err)
	}
	if _, err := s.Update("2026-10", func(p *Plan) error { _, err := p.AddTask("a", "", ""); return err }); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(s.Path("2026-10"))
	if !strings.Contains(string(data), `"version": 2`) || !strings.Contains(string(data), "hoc-tap-bac") {
		t.Fatalf("saved v1 plan:\n%s", data)
	}
	q := mustNew(t, "2026-10-x")
	q.Kind = "chuyen-de"
	if q.Kind.MinMinutes() != 90 || q.Kind.Label() != "chuyên đề" {
		t.Fatal("old chuyen-de kind")
	}
}

func TestTopicInQuarter(t *testing.T) {
	s := testStore(t)
	nov := mustNew(t, "2026-11")
	if TopicInQuarter(s, nov) || QuarterOf("2026-11") != "IV/2026" || QuarterOf("2026-01-x") != "I/2026" {
		t.Fatal("an empty quarter has a thematic meeting")
	}
	s.Update("2026-09-chuyen-de", func(*Plan) error { return nil }) // last quarter's does not count
	if TopicInQuarter(s, nov) {
		t.Fatal("Q3's thematic meeting counted for Q4")
	}
	s.Update("2026-12", func(p *Plan) error { return p.SetKind(KindCombined) })
	if !TopicInQuarter(s, nov) {
		t.Fatal("December's combined meeting not counted")
	}
}

// A damaged previous month is set aside and reported, and nothing is
// carried from it.
func TestCarryDamagedPrevious(t *testing.T) {
	s := testStore(t)
	os.MkdirAll(s.Dir(), 0o755)
	os.WriteFile(s.Path("2026-11"), []byte(`{"version": 2, "tasks": [`), 0o644)
	p, _, err := LoadCarried(s, "2026-12")
	var de *userdata.DamagedError
	if p == nil || len(p.Carried) != 0 || !errors.As(err, &de) || de.Aside == "" {
		t.Fatalf("LoadCarried with a damaged November: %v %v", p, err)
	}
}

func TestFromSectionTree(t *testing.T) {
	secs := []*content.Section{
		{ID: "1", Level: 1, Heading: "1. Mục tiêu", Markdown: "Mục tiêu chung."},
		{ID: "2", Level: 1, Heading: "2. Thủ tướng Chính phủ phê duyệt Quy hoạch"},
		{ID: "2.a", Level: 2, Heading: "a) Phạm vi", Markdown: "Toàn tỉnh."},
		{ID: "2.a.1", Level: 3, Heading: "- Phần đất liền", Markdown: "Gồm 9 huyện."},
		{ID: "2.b", Level: 2, Heading: "b) Thời kỳ", Markdown: "2021–2030."},
		{ID: "3", Level: 1, Heading: "3. Tổ chức thực hiện", Markdown: "Giao UBND tỉnh."},
	}
	doc := &content.Document{ID: "qd", Title: "Quyết định", Sections: secs}
	x := FromSectionTree(doc, secs[1])
	for _, want := range []string{"**a) Phạm vi**", "Toàn tỉnh.", "Gồm 9 huyện.", "**b) Thời kỳ**", "2021–2030."} {
		if !strings.Contains(x.Text, want) {
			t.Errorf("excerpt of section 2 lacks %q:\n%s", want, x.Text)
		}
	}
	if strings.Contains(x.Text, "Giao UBND") || strings.Contains(x.Text, "Mục tiêu chung") {
		t.Errorf("excerpt of section 2 runs into its siblings:\n%s", x.Text)
	}
	if x := FromSectionTree(doc, secs[5]); x.Text != "Giao UBND tỉnh." {
		t.Errorf("leaf section: %q", x.Text)
	}
	lone := &content.Document{ID: "d", Sections: []*content.Section{{ID: "h", Level: 1, Heading: "II. NHIỆM VỤ"}}}
	if x := FromSectionTree(lone, lone.Sections[0]); strings.TrimSpace(x.Text) == "" {
		t.Error("a heading-only section gives an empty excerpt")
	}
}

func TestPassageIn(t *testing.T) {
	secs := []*content.Section{
		{ID: "2", Level: 1, Heading: "2. Nhiệm vụ", Markdown: "Tăng cường **công tác** kiểm tra,\ngiám sát.", Text: "Tăng cường công tác kiểm tra, giám sát."},
		{ID: "2.a", Level: 2, Heading: "a) Phạm vi", Markdown: "Toàn tỉnh và các huyện."},
		{ID: "3", Level: 1, Heading: "3. Khác", Markdown: "Không liên quan."},
	}
	doc := &content.Document{ID: "d", Sections: secs}
	for _, ok := range []string{"công tác kiểm tra, giám sát", "công tác  kiểm\ntra", "Toàn tỉnh và", "tác kiểm"} {
		if !PassageIn(doc, secs[0], ok) {
			t.Errorf("PassageIn(%q) = false", ok)
		}
	}
	for _, bad := range []string{"Không liên quan", "giám sát chặt chẽ", "  "} {
		if PassageIn(doc, secs[0], bad) {
			t.Errorf("PassageIn(%q) = true", bad)
		}
	}
	// NFD input matches NFC text.
	if !PassageIn(doc, secs[0], "co\u0302ng ta\u0301c") {
		t.Error("decomposed input does not match")
	}
}

// TestDateOutsideMonth: a date in the plan's month or the month after is
// expected; any other (a slip: 05/03/2027 for November 2026) is flagged,
// and so is a date a month early. No date, no flag.
func TestDateOutsideMonth(t *testing.T) {
	for _, c := range []struct {
		month, date string
		want        bool
	}{
		{"2026-11", "", false},
		{"2026-11", "2026-11-05", false},
		{"2026-11", "2026-11-28", false},
		{"2026-11", "2026-12-03", false},
		{"2026-12", "2027-01-04", false},
		{"2026-11-chuyen-de", "2026-11-20", false},
		{"2026-11", "2027-03-05", true},
		{"2026-11", "2026-10-30", true},
		{"2026-11", "2025-11-05", true},
		{"2026-12", "2027-02-01", true},
	} {
		p := &Plan{Month: c.month, Date: c.date}
		if got := p.DateOutsideMonth(); got != c.want {
			t.Errorf("%s on %q: %v, want %v", c.month, c.date, got, c.want)
		}
	}
}

// TestUndatedFollowsThePreviousMeeting: a meeting with no date yet
// assesses the month the previous meeting set tasks for — after one on
// 05/12 (December's tasks), January's assesses December, above the
// December tasks it carries (it assessed January); after one on 25/12
// (January's tasks), January. With no previous plan, its own month.
func TestUndatedFollowsThePreviousMeeting(t *testing.T) {
	for _, c := range []struct{ prevDate, assessed string }{
		{"2026-12-05", "2026-12"},
		{"2026-12-25", "2027-01"},
		{"", "2027-01"},
	} {
		s := OpenStore(t.TempDir())
		if c.prevDate != "" {
			if _, err := s.Update("2026-12", func(p *Plan) error {
				p.Date = c.prevDate
				_, err := p.AddTask("Vệ sinh đường ấp", "Đ/c Bình", "2026-12-31")
				return err
			}); err != nil {
				t.Fatal(err)
			}
		}
		p, _, err := LoadCarried(s, "2027-01")
		if err != nil {
			t.Fatal(err)
		}
		if got := p.AssessedMonth(); got != c.assessed {
			t.Errorf("after a meeting on %q: January assesses %s, want %s", c.prevDate, got, c.assessed)
		}
		if c.prevDate == "2026-12-05" {
			md := string(ResolutionMarkdown(p))
			if !strings.Contains(md, "THỰC HIỆN NHIỆM VỤ THÁNG 12/2026") || !strings.Contains(md, "Vệ sinh đường ấp") {
				t.Errorf("January's resolution does not assess December's carried task:\n%s", md)
			}
		}
	}
}
