package planview

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"chibo/content"
	"chibo/content/plan"
	"chibo/tui/i18n"
	"chibo/tui/internal/tuitest"
)

var t0 = time.Date(2026, 11, 20, 9, 30, 0, 0, time.UTC)

// fakeLib holds the one document the sample excerpts come from; the second
// document of the sample is "gone" so its excerpt shows as missing.
type fakeLib map[string]*content.Document

func (f fakeLib) Doc(id string) (*content.Document, bool) { d, ok := f[id]; return d, ok }

func sampleLib() fakeLib {
	return fakeLib{"tai-lieu": {ID: "tai-lieu", Title: "Tài liệu sinh hoạt chi bộ", Number: "12-TL/BTG", Sections: []*content.Section{
		{ID: "ii.1", Heading: "1. Kinh tế – xã hội", Path: []string{"II. THÔNG TIN", "1. Kinh tế – xã hội"}, Markdown: "GRDP tăng **6,5%**."},
		{ID: "ii.2", Heading: "2. Quy hoạch tỉnh", Path: []string{"II. THÔNG TIN", "2. Quy hoạch tỉnh"}, Markdown: "Quy hoạch đến năm 2050."},
		{ID: "i.1", Heading: "1. Bác Hồ dặn cán bộ", Path: []string{"I. HỌC TẬP", "1. Bác Hồ dặn cán bộ"}, Markdown: "Cần, kiệm, liêm, chính."},
	}}}
}

func excerptOf(lib fakeLib, sec string) plan.Excerpt {
	d := lib["tai-lieu"]
	s, _ := d.Section(sec)
	return plan.FromSection(d, s)
}

// sampleStore saves a plan for 2026-11 with excerpts in two items, notes,
// and an excerpt whose document is no longer in the library.
func sampleStore(t *testing.T) (*plan.Store, fakeLib) {
	t.Helper()
	st := plan.OpenStore(t.TempDir())
	st.SetClock(func() time.Time { return t0 })
	lib := sampleLib()
	_, err := st.Update("2026-11", func(p *plan.Plan) error {
		p.Date, p.Place = "2026-11-25", "Nhà văn hoá thôn Đông"
		for _, sec := range []string{"ii.1", "ii.2"} {
			if _, err := p.AddExcerpt("thong-tin", excerptOf(lib, sec), t0); err != nil {
				return err
			}
		}
		if _, err := p.AddExcerpt("tu-phe-binh", excerptOf(lib, "i.1"), t0); err != nil {
			return err
		}
		gone := plan.Excerpt{Doc: "da-xoa", DocTitle: "Chuyên đề năm 2025", Section: "i", Path: []string{"I. Nội dung"}, Text: "…"}
		if _, err := p.AddExcerpt("tu-phe-binh", gone, t0); err != nil {
			return err
		}
		return p.SetNotes("ket-luan", "- Đ/c An: vận động hộ nghèo\n- Đ/c Bình: vệ sinh đường thôn")
	})
	if err != nil {
		t.Fatal(err)
	}
	return st, lib
}

// key is the key press for a key name; see tuitest.Key.
func key(s string) tea.KeyPressMsg { return tuitest.Key(s) }

// press sends keys one by one and runs the commands they return, giving
// back the last message a command produced.
func press(t *testing.T, m Model, keys ...string) (Model, tea.Msg) {
	t.Helper()
	var last tea.Msg
	for _, k := range keys {
		var cmd tea.Cmd
		m, cmd = m.Update(key(k))
		if msg := run(cmd); msg != nil {
			last = msg
		}
	}
	return m, last
}

// run runs a command and returns the screen's own message it yields, if
// any. Cursor-blink ticks would sleep, so a command is given 50ms.
func run(cmd tea.Cmd) tea.Msg {
	if cmd == nil {
		return nil
	}
	ch := make(chan tea.Msg, 1)
	go func() { ch <- cmd() }()
	select {
	case msg := <-ch:
		switch msg := msg.(type) {
		case OpenSourceMsg, CloseMsg, AddedMsg, CancelMsg:
			return msg
		case tea.BatchMsg:
			for _, c := range msg {
				if m := run(c); m != nil {
					return m
				}
			}
		}
	case <-time.After(50 * time.Millisecond):
	}
	return nil
}

func typeText(m Model, s string) Model {
	for _, r := range s {
		m, _ = m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	return m
}

// golden compares got with testdata/name.golden (-update rewrites it).
func golden(t *testing.T, name, got string) {
	t.Helper()
	tuitest.Golden(t, filepath.Join("testdata", name+".golden"), got, "go test ./tui/planview -update")
}

func TestViewGolden(t *testing.T) {
	cases := []struct {
		name string
		w, h int
		lang i18n.Lang
		keys []string
	}{
		{"plan-80x24", 80, 24, i18n.VI, nil},
		{"plan-50x15", 50, 15, i18n.VI, nil},
		{"plan-80x24-en", 80, 24, i18n.EN, nil},
		{"plan-80x24-missing-selected", 80, 24, i18n.VI, []string{"G", "k", "k"}},
		{"plan-50x15-scrolled", 50, 15, i18n.VI, []string{"G"}},
		{"plan-80x24-notes", 80, 24, i18n.VI, []string{"j", "j", "j", "j", "j", "enter"}},
		{"plan-80x24-export", 80, 24, i18n.VI, []string{"e"}},
		{"plan-50x15-confirm", 50, 15, i18n.VI, []string{"d"}},
		{"plan-80x24-moveto", 80, 24, i18n.VI, []string{"j", "j", "x"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			st, lib := sampleStore(t)
			m := New(st, lib, c.lang, "2026-11")
			m.SetSize(c.w, c.h)
			m, _ = press(t, m, c.keys...)
			v := m.View()
			tuitest.CheckFrame(t, v, c.w, c.h)
			golden(t, c.name, tuitest.Plain(v))
		})
	}
}

func TestUnsavedSkeleton(t *testing.T) {
	st := plan.OpenStore(t.TempDir())
	m := New(st, nil, i18n.VI, "2026-12")
	m.SetSize(80, 24)
	v := tuitest.Plain(m.View())
	for _, want := range []string{"chưa lưu", "90/90", "6. Kết luận", "bấm a để thêm"} {
		if !strings.Contains(v, want) {
			t.Errorf("skeleton view lacks %q:\n%s", want, v)
		}
	}
	if _, err := os.Stat(st.Path("2026-12")); err == nil {
		t.Error("viewing a plan saved it")
	}
}

func TestItemOperationsByKeys(t *testing.T) {
	st, lib := sampleStore(t)
	m := New(st, lib, i18n.VI, "2026-11")
	m.SetSize(80, 24)

	// n: a new item after the selected one (item 1).
	m, _ = press(t, m, "n")
	if !m.Capturing() {
		t.Fatal("prompt not open")
	}
	m = typeText(m, "Kiểm điểm đảng viên")
	m, _ = press(t, m, "enter")
	p, _, _ := st.Load("2026-11")
	if p.Items[1].Title != "Kiểm điểm đảng viên" || m.Capturing() {
		t.Fatalf("new item: %q", p.Items[1].Title)
	}
	// r: rename it (the cursor is on it).
	m, _ = press(t, m, "r")
	for range []rune("Kiểm điểm đảng viên") {
		m, _ = press(t, m, "backspace")
	}
	m = typeText(m, "Kiểm điểm")
	m, _ = press(t, m, "enter")
	// t: time budget, with a bad number first.
	m, _ = press(t, m, "t", "backspace", "backspace")
	m = typeText(m, "abc")
	m, _ = press(t, m, "enter")
	if !m.Capturing() || !strings.Contains(tuitest.Plain(m.View()), "số phút") {
		t.Fatal("a bad number was accepted")
	}
	for i := 0; i < 3; i++ {
		m, _ = press(t, m, "backspace")
	}
	m = typeText(m, "20")
	m, _ = press(t, m, "enter")
	p, _, _ = st.Load("2026-11")
	if p.Items[1].Title != "Kiểm điểm" || p.Items[1].Minutes != 20 {
		t.Fatalf("rename/time: %+v", p.Items[1])
	}
	// K: move it up; J: back down.
	m, _ = press(t, m, "K")
	p, _, _ = st.Load("2026-11")
	if p.Items[0].Title != "Kiểm điểm" {
		t.Fatalf("move up: %s", p.Items[0].Title)
	}
	m, _ = press(t, m, "J")
	p, _, _ = st.Load("2026-11")
	if p.Items[1].Title != "Kiểm điểm" {
		t.Fatalf("move down: %s", p.Items[1].Title)
	}
	// d then n: nothing happens; d then y: removed.
	m, _ = press(t, m, "d", "n")
	if p, _, _ = st.Load("2026-11"); len(p.Items) != 8 {
		t.Fatal("delete without confirmation")
	}
	m, _ = press(t, m, "d", "y")
	if p, _, _ = st.Load("2026-11"); len(p.Items) != 7 {
		t.Fatalf("delete: %d items", len(p.Items))
	}
	// Empty title is refused with a message, the prompt stays open.
	m, _ = press(t, m, "n", "enter")
	if !m.Capturing() || !strings.Contains(tuitest.Plain(m.View()), "không được để trống") {
		t.Fatal("empty title accepted")
	}
	m, _ = press(t, m, "esc")
	if m.Capturing() {
		t.Fatal("esc did not close the prompt")
	}
}

func TestExcerptOperationsByKeys(t *testing.T) {
	st, lib := sampleStore(t)
	m := New(st, lib, i18n.VI, "2026-11")
	m.SetSize(80, 24)
	// Rows: 1 item, 2 item, t1, t2, 3 item …
	m, _ = press(t, m, "j", "j", "j") // t2
	m, _ = press(t, m, "K")
	p, _, _ := st.Load("2026-11")
	if p.Items[1].Excerpts[0].ID != "t2" {
		t.Fatalf("move excerpt up: %v", p.Items[1].Excerpts)
	}
	// x: move t2 to item 6 (Kết luận).
	m, _ = press(t, m, "x", "6", "enter")
	p, _, _ = st.Load("2026-11")
	if len(p.Items[5].Excerpts) != 1 || p.Items[5].Excerpts[0].ID != "t2" || len(p.Items[1].Excerpts) != 1 {
		t.Fatalf("move to item: %+v", p.Items[5])
	}
	if id, ex := m.selected(); id != "ket-luan" || ex != "t2" {
		t.Fatalf("cursor after move: %s %s", id, ex)
	}
	// enter on an excerpt: jump to its source.
	_, msg := press(t, m, "enter")
	if o, ok := msg.(OpenSourceMsg); !ok || o.Doc != "tai-lieu" || o.Section != "ii.2" {
		t.Fatalf("open source: %#v", msg)
	}
	// A missing source cannot be opened, and says so.
	m, _ = press(t, m, "g")
	for i := 0; i < 20; i++ {
		if _, ex := m.selected(); ex == "t4" {
			break
		}
		m, _ = press(t, m, "j")
	}
	m2, msg := press(t, m, "o")
	if msg != nil || !strings.Contains(tuitest.Plain(m2.View()), "nguồn không còn trong thư viện") {
		t.Fatalf("missing source opened: %#v", msg)
	}
	// d y on an excerpt removes only it.
	m, _ = press(t, m, "d", "y")
	p, _, _ = st.Load("2026-11")
	if p.ExcerptCount() != 3 {
		t.Fatalf("after removing t4: %d excerpts", p.ExcerptCount())
	}
	// esc: close.
	if _, msg := press(t, m, "esc"); msg != (CloseMsg{}) {
		t.Fatalf("esc: %#v", msg)
	}
}

func TestNotesEditor(t *testing.T) {
	st, lib := sampleStore(t)
	m := New(st, lib, i18n.VI, "2026-11")
	m.SetSize(80, 24)
	m, _ = press(t, m, "enter") // notes of item 1
	if !m.Capturing() {
		t.Fatal("editor not open")
	}
	m = typeText(m, "Điểm danh: 12/14")
	m, _ = m.Update(tea.KeyPressMsg{Code: tea.KeyEnter})
	m = typeText(m, "Đảng phí: đủ")
	m, _ = press(t, m, "ctrl+s")
	p, _, _ := st.Load("2026-11")
	if p.Items[0].Notes != "Điểm danh: 12/14\nĐảng phí: đủ" || !m.Capturing() {
		t.Fatalf("ctrl+s: %q", p.Items[0].Notes)
	}
	m = typeText(m, " (thu sau)")
	m, _ = press(t, m, "esc") // esc saves too: nothing typed is lost
	p, _, _ = st.Load("2026-11")
	if p.Items[0].Notes != "Điểm danh: 12/14\nĐảng phí: đủ (thu sau)" || m.Capturing() {
		t.Fatalf("esc: %q", p.Items[0].Notes)
	}
	if !strings.Contains(tuitest.Plain(m.View()), "Ghi chú: Điểm danh: 12/14 …") {
		t.Fatalf("notes preview missing:\n%s", tuitest.Plain(m.View()))
	}
}

func TestDetailsAndMonths(t *testing.T) {
	st, lib := sampleStore(t)
	m := New(st, lib, i18n.VI, "2026-11")
	m.SetSize(80, 24)
	m, _ = press(t, m, "i")
	for range "2026-11-25" {
		m, _ = press(t, m, "backspace")
	}
	m = typeText(m, "25/11")
	m, _ = press(t, m, "enter")
	if !strings.Contains(tuitest.Plain(m.View()), "không hợp lệ") {
		t.Fatal("bad date accepted")
	}
	for range "25/11" {
		m, _ = press(t, m, "backspace")
	}
	m = typeText(m, "2026-11-27")
	m, _ = press(t, m, "enter", "enter") // date, keep the place
	m = typeText(m, "thôn Đông")
	m, _ = press(t, m, "enter")
	m = typeText(m, "xã Tân An")
	m, _ = press(t, m, "enter")
	p, _, _ := st.Load("2026-11")
	if p.Date != "2026-11-27" || p.Place != "Nhà văn hoá thôn Đông" || p.Cell != "thôn Đông" || p.Party != "xã Tân An" || m.Capturing() {
		t.Fatalf("details: %+v", p)
	}
	m, _ = press(t, m, "]")
	if m.Month() != "2026-12" || !strings.Contains(tuitest.Plain(m.View()), "tháng 12/2026") {
		t.Fatal("next month")
	}
	m, _ = press(t, m, "[", "[")
	if m.Month() != "2026-10" {
		t.Fatal("previous month")
	}
}

func TestExportKey(t *testing.T) {
	st, lib := sampleStore(t)
	dir := t.TempDir()
	for _, c := range []struct{ key, ext string }{{"h", ".html"}, {"d", ".docx"}, {"m", ".md"}} {
		m := New(st, lib, i18n.VI, "2026-11")
		m.SetSize(200, 24)
		m.SetExportDir(dir)
		m, _ = press(t, m, "e", c.key)
		path := filepath.Join(dir, "chibo-hop-2026-11"+c.ext)
		data, err := os.ReadFile(path)
		if err != nil || len(data) == 0 {
			t.Fatalf("%s: %v", path, err)
		}
		if !strings.Contains(tuitest.Plain(m.View()), path) {
			t.Errorf("the path is not shown:\n%s", tuitest.Plain(m.View()))
		}
		// The screen marks a source gone from the library; the printed
		// pack (the cell's document) carries no such internal note.
		if c.ext == ".md" && (bytes.Contains(data, []byte("nguồn không còn trong thư viện")) || !bytes.Contains(data, []byte("Chuyên đề năm 2025"))) {
			t.Error("the pack prints the internal missing-source note, or lost the excerpt")
		}
	}
}

func TestReloadSeesPickerAdditions(t *testing.T) {
	st, lib := sampleStore(t)
	m := New(st, lib, i18n.VI, "2026-11")
	k := NewPicker(st, "2026-11", excerptOf(lib, "i.1"), i18n.VI)
	k, _ = k.Update(key("j")) // from "thong-tin" to item 3
	k, cmd := k.Update(key("enter"))
	if msg := cmd(); msg != (AddedMsg{Item: "Đánh giá việc thực hiện nhiệm vụ tháng trước", ItemID: "danh-gia", Month: "2026-11"}) {
		t.Fatalf("picker: %#v", msg)
	}
	_ = k
	m, _ = m.Update(m.Init()())
	if m.Plan().ExcerptCount() != 5 {
		t.Fatalf("reload: %d excerpts", m.Plan().ExcerptCount())
	}
}

func TestPicker(t *testing.T) {
	st, lib := sampleStore(t)
	ex := excerptOf(lib, "ii.1")
	k := NewPicker(st, "2026-11", ex, i18n.VI)
	for _, size := range [][2]int{{80, 24}, {50, 15}} {
		k.SetSize(size[0], size[1])
		v := k.View()
		tuitest.CheckFrame(t, v, size[0], size[1])
		golden(t, "picker-"+map[int]string{80: "80x24", 50: "50x15"}[size[0]], tuitest.Plain(v))
	}
	// The same section again in "thong-tin": refused, the picker stays.
	k2, cmd := k.Update(key("enter"))
	if cmd != nil || !strings.Contains(tuitest.Plain(k2.View()), "đã có trong mục đó") {
		t.Fatal("duplicate added")
	}
	// A number picks and adds at once.
	_, cmd = k2.Update(key("6"))
	if cmd == nil {
		t.Fatal("no command")
	}
	if msg := cmd(); msg.(AddedMsg).ItemID != "ket-luan" {
		t.Fatalf("%#v", msg)
	}
	p, _, _ := st.Load("2026-11")
	if x := p.Items[5].Excerpts; len(x) != 1 || x[0].Section != "ii.1" || x[0].Text != "GRDP tăng **6,5%**." {
		t.Fatalf("added: %+v", x)
	}
	// esc cancels.
	if _, cmd := k.Update(key("esc")); cmd().(CancelMsg) != (CancelMsg{}) {
		t.Fatal("esc")
	}
	// A picker on an unsaved month creates the plan with the excerpt.
	k3 := NewPicker(st, "2027-01", ex, i18n.EN)
	if _, cmd := k3.Update(key("enter")); cmd == nil {
		t.Fatal("no add on a new month")
	}
	if p, saved, _ := st.Load("2027-01"); !saved || p.Items[1].Excerpts[0].Doc != "tai-lieu" {
		t.Fatal("new month plan not saved")
	}
}

// appModel wraps the screen as a program, the way the app hosts it.
type appModel struct {
	m      Model
	closed bool
	opened []OpenSourceMsg
}

func (a appModel) Init() tea.Cmd { return a.m.Init() }

func (a appModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case CloseMsg:
		a.closed = true
		return a, tea.Quit
	case OpenSourceMsg:
		a.opened = append(a.opened, msg)
		return a, nil
	}
	var cmd tea.Cmd
	a.m, cmd = a.m.Update(msg)
	return a, cmd
}

func (a appModel) View() tea.View { return tea.NewView(a.m.View()) }

func TestTeatestFlow(t *testing.T) {
	st, lib := sampleStore(t)
	dir := t.TempDir()
	m := New(st, lib, i18n.VI, "2026-11")
	m.SetExportDir(dir)
	tm := teatest.NewTestModel(t, appModel{m: m}, teatest.WithInitialTermSize(80, 24))
	wait := func(s string) {
		t.Helper()
		teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return strings.Contains(ansi.Strip(string(b)), s) },
			teatest.WithDuration(60*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
	}
	wait("Khai mạc")
	// Write the notes of item 4, export to HTML, open an excerpt, close.
	for _, k := range []string{"j", "j", "j", "j", "j"} {
		tm.Send(key(k))
	}
	tm.Send(key("enter"))
	wait("esc lưu và đóng")
	tm.Type("Phân công đ/c Hoa")
	tm.Send(key("esc"))
	wait("Đã lưu")
	tm.Send(key("e"))
	wait("Xuất tài liệu họp")
	tm.Send(key("h"))
	wait("Đã xuất")
	tm.Send(key("g"))
	tm.Send(key("j"))
	tm.Send(key("j"))
	tm.Send(key("enter"))
	tm.Send(key("esc"))
	tm.WaitFinished(t, teatest.WithFinalTimeout(60*time.Second))
	final := tm.FinalModel(t).(appModel)
	if !final.closed || len(final.opened) != 1 || final.opened[0].Section != "ii.1" {
		t.Fatalf("final: closed=%v opened=%v", final.closed, final.opened)
	}
	p, _, _ := st.Load("2026-11")
	if !strings.Contains(p.Items[3].Notes, "Phân công đ/c Hoa") {
		t.Fatalf("notes not saved: %q", p.Items[3].Notes)
	}
	if html, err := os.ReadFile(filepath.Join(dir, "chibo-hop-2026-11.html")); err != nil || !bytes.Contains(html, []byte("Phân công đ/c Hoa")) {
		t.Fatalf("export: %v", err)
	}
}

func TestBadMonthFallsBackToThisMonth(t *testing.T) {
	st := plan.OpenStore(t.TempDir())
	st.SetClock(func() time.Time { return t0 })
	for _, month := range []string{"", "11/2026", "../x"} {
		m := New(st, nil, i18n.VI, month)
		k := NewPicker(st, month, plan.Excerpt{Doc: "d"}, i18n.VI)
		if m.Month() != "2026-11" || k.month != "2026-11" || !strings.Contains(m.View(), "tháng 11/2026") {
			t.Errorf("New(%q) opened %q / %q", month, m.Month(), k.month)
		}
	}
}
