package tui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"chibo/content"
	"chibo/content/plan"
	"chibo/tui/i18n"
	"chibo/tui/planview"
)

// TestEscClearsInnermostFirst: esc closes the innermost state — a find
// highlight, a filter, the plan's checklist — before it leaves a screen.
func TestEscClearsInnermostFirst(t *testing.T) {
	h := newHarness(t, 80, 24, i18n.VI)
	h.key("enter")
	h.key("enter")
	h.key("/")
	h.text("chi bo")
	h.key("enter")
	r := reader(t, h)
	if len(r.terms) == 0 {
		t.Fatal("no find highlight to clear")
	}
	h.key("esc")
	if h.app.cur != r || len(r.terms) != 0 {
		t.Fatalf("esc with a highlight: on %T, terms %v (want the reader, none)", h.app.cur, r.terms)
	}
	h.key("esc")
	if _, ok := h.app.cur.(*outlineScreen); !ok {
		t.Fatalf("second esc should leave the reader, on %T", h.app.cur)
	}

	h = newHarness(t, 80, 24, i18n.VI)
	h.key("f")
	h.text("ben tre")
	h.key("enter")
	lib := h.app.cur.(*libraryScreen)
	h.key("esc")
	if h.app.cur != lib || lib.filter.Value() != "" {
		t.Fatalf("esc on a filtered library: on %T, filter %q", h.app.cur, lib.filter.Value())
	}

	h.key("m")
	pl := h.app.cur.(*planview.Model)
	h.key("c")
	if !strings.Contains(h.screen(), "Việc trước và sau buổi họp") {
		t.Fatalf("c should show the checklist:\n%s", h.screen())
	}
	h.key("esc")
	if h.app.cur != pl || strings.Contains(h.screen(), "Việc trước và sau buổi họp") {
		t.Fatalf("esc should close the checklist and stay on the plan:\n%s", h.screen())
	}
	h.key("esc")
	if h.app.cur != lib {
		t.Fatalf("esc from the plan list should go back, on %T", h.app.cur)
	}
}

// TestPlanBackspaceDeletesNotBack: ⌫ deletes on the plan screen (after a
// question), so the status bar never offers it as "back".
func TestPlanBackspaceDeletesNotBack(t *testing.T) {
	h := newHarness(t, 80, 24, i18n.VI)
	h.key("m")
	if bar := h.app.statusBar(); strings.Contains(bar, "⌫/alt+← quay lại") || strings.Contains(bar, "esc/⌫") {
		t.Fatalf("plan status bar offers ⌫ as back: %q", bar)
	}
	h.key("backspace")
	if _, ok := h.app.cur.(*planview.Model); !ok || !strings.Contains(h.screen(), "[c/K]") {
		t.Fatalf("⌫ should ask to delete, on %T:\n%s", h.app.cur, h.screen())
	}
}

// TestConfirmConvention: every question takes c/y for yes, k/n/esc/enter
// for no (enter is the safe default), and ignores other keys.
func TestConfirmConvention(t *testing.T) {
	items := func(h *harness) int {
		p := h.app.cur.(*planview.Model).Plan()
		return len(p.Items)
	}
	for _, c := range []struct {
		keys    []string
		deleted bool
	}{
		{[]string{"enter"}, false}, {[]string{"k"}, false}, {[]string{"n"}, false}, {[]string{"esc"}, false},
		{[]string{"x", "z", "enter"}, false}, {[]string{"c"}, true}, {[]string{"y"}, true}, {[]string{"x", "C"}, true},
	} {
		h := newHarness(t, 80, 24, i18n.VI)
		h.key("m")
		before := items(h)
		h.key("d")
		if !strings.Contains(h.screen(), "Xoá mục “Khai mạc”") || !strings.Contains(h.screen(), "[c/K]") {
			t.Fatalf("d should ask with [c/K]:\n%s", h.screen())
		}
		for i, k := range c.keys {
			h.key(k)
			if i < len(c.keys)-1 && !strings.Contains(h.screen(), "[c/K]") {
				t.Fatalf("%v: the stray key %q closed the question", c.keys, k)
			}
		}
		if got := before - items(h); (got == 1) != c.deleted {
			t.Errorf("%v: deleted %d items, want deleted=%v", c.keys, got, c.deleted)
		}
	}

	// The library's removal question follows the same convention.
	h, _ := importHarness(t, 80, 24, i18n.VI)
	h.key("i")
	h.text("tai-lieu")
	h.key("enter")
	h.key("esc")
	for _, k := range []string{"enter", "k", "esc"} {
		h.key("x")
		if !strings.Contains(h.screen(), "[c/K]") {
			t.Fatalf("x should ask with [c/K]:\n%s", h.screen())
		}
		h.key(k)
		if _, ok := h.lib.Doc("ghi-chu"); !ok {
			t.Fatalf("%q removed the document", k)
		}
	}
	h.key("x")
	h.key("c")
	if _, ok := h.lib.Doc("ghi-chu"); ok {
		t.Fatal("c did not remove the document")
	}
}

// TestPlanDeleteShowsAndUndo: after deleting an excerpt the screen and an
// export from the app no longer hold it; u puts it back, where it was.
func TestPlanDeleteShowsAndUndo(t *testing.T) {
	out := t.TempDir()
	h := newHarness(t, 100, 30, i18n.VI)
	h.key("enter")
	h.key("enter")
	h.key("a")
	h.key("enter") // into "thông tin"
	h.key("]")
	h.key("a")
	h.key("enter")
	h.key("m")
	pl := h.app.cur.(*planview.Model)
	pl.SetExportDir(out)
	exported := func() string {
		h.key("e")
		h.key("m")
		if strings.Contains(h.screen(), "[c/K]") {
			h.key("c") // the second export: overwrite the first
		}
		data, err := os.ReadFile(filepath.Join(out, plan.FileName(pl.Plan(), plan.FormatMarkdown)))
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	if pl.Plan().ExcerptCount() != 2 {
		t.Fatalf("two excerpts expected, plan has %d", pl.Plan().ExcerptCount())
	}
	first := pl.Plan().Items[1].Excerpts[0]
	h.key("j")
	h.key("j") // the first excerpt
	if !strings.Contains(h.screen(), "> ") {
		t.Fatal("no cursor")
	}
	h.key("d")
	h.key("c")
	if pl.Plan().ExcerptCount() != 1 {
		t.Fatalf("after delete the screen's plan holds %d excerpts", pl.Plan().ExcerptCount())
	}
	if strings.Contains(h.screen(), "• "+first.Heading()) {
		t.Fatalf("the deleted excerpt is still shown:\n%s", h.screen())
	}
	if md := exported(); strings.Contains(md, first.Heading()) {
		t.Fatalf("the export from the app still prints the deleted excerpt %q", first.Heading())
	}
	h.key("u")
	p := pl.Plan()
	if p.ExcerptCount() != 2 || p.Items[1].Excerpts[0].Section != first.Section {
		t.Fatalf("undo did not put the excerpt back first: %+v", p.Items[1].Excerpts)
	}
	if md := exported(); !strings.Contains(md, first.Heading()) {
		t.Fatal("the export after undo lacks the excerpt")
	}
}

// TestNotesSurviveCtrlC: ctrl+c while typing notes saves them before the
// app quits.
func TestNotesSurviveCtrlC(t *testing.T) {
	dir := t.TempDir()
	store := plan.OpenStore(dir)
	h := newHarness(t, 80, 24, i18n.VI, func(o *Options) { o.Plans = store })
	h.key("m")
	h.key("enter")
	h.text("Điểm danh 12/14")
	_, cmd := h.app.Update(keyMsg("ctrl+c"))
	h.run(cmd)
	p, saved, err := store.Load(h.app.cur.(*planview.Model).Month())
	if err != nil || !saved || p.Items[0].Notes != "Điểm danh 12/14" {
		t.Fatalf("notes after ctrl+c: saved=%v err=%v %q", saved, err, p.Items[0].Notes)
	}
}

// TestPickerNextMeeting: a in the reader targets the meeting being
// prepared — next month's once this month's meeting date has passed — and
// [ ] choose another month.
func TestPickerNextMeeting(t *testing.T) {
	store := plan.OpenStore(t.TempDir())
	store.SetClock(func() time.Time { return time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC) })
	if _, err := store.Update("2026-11", func(p *plan.Plan) error { p.Date = "2026-11-05"; return nil }); err != nil {
		t.Fatal(err)
	}
	h := newHarness(t, 80, 24, i18n.VI, func(o *Options) { o.Plans = store })
	h.key("enter")
	h.key("enter")
	h.key("a")
	k := h.app.cur.(*planview.Picker)
	if k.Month() != "2026-12" || !strings.Contains(h.screen(), "12/2026") {
		t.Fatalf("picker on %q, want the next meeting 2026-12:\n%s", k.Month(), h.screen())
	}
	h.key("[")
	if k.Month() != "2026-11" {
		t.Fatalf("[ should go to 2026-11, on %q", k.Month())
	}
	h.key("]")
	h.key("enter")
	if p, saved, _ := store.Load("2026-12"); !saved || p.ExcerptCount() != 1 {
		t.Fatal("the excerpt did not go to December's plan")
	}
	if !strings.Contains(h.screen(), "12/2026") {
		t.Fatalf("the flash should name the month:\n%s", h.screen())
	}
}

// TestUnikeyBackspace: Unikey in Windows Terminal types "đảng viên" by
// sending a letter, 0x08 (its backspace) and the accented letter; the raw
// bytes go through bubbletea's real input decoder into the search box.
func TestUnikeyBackspace(t *testing.T) {
	h := newHarness(t, 80, 24, i18n.VI)
	in, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	probe := make(chan string, 1)
	p := tea.NewProgram(queryProbe{h.app, probe}, tea.WithInput(in), tea.WithOutput(discard{}), tea.WithWindowSize(80, 24), tea.WithoutSignalHandler())
	done := make(chan error, 1)
	go func() { _, err := p.Run(); done <- err }()
	typed := "/d\bđa\bản\bng vie\bên"
	if _, err := w.Write([]byte(typed)); err != nil {
		t.Fatal(err)
	}
	want := "đảng viên"
	got := ""
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline) && got != want; time.Sleep(20 * time.Millisecond) {
		p.Send(queryProbeMsg{})
		got = <-probe
	}
	p.Quit()
	w.Close()
	<-done
	if got != want {
		t.Fatalf("search box holds %q, want %q", got, want)
	}
}

type queryProbeMsg struct{}

// queryProbe reports the search box's value from the program's goroutine.
type queryProbe struct {
	a  *App
	ch chan string
}

func (m queryProbe) Init() tea.Cmd { return nil }
func (m queryProbe) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(queryProbeMsg); ok {
		v := ""
		if s, ok := m.a.cur.(*searchScreen); ok {
			v = s.query().Text
		}
		m.ch <- v
		return m, nil
	}
	_, cmd := m.a.Update(msg)
	return m, cmd
}
func (m queryProbe) View() tea.View { return m.a.View() }

type discard struct{}

func (discard) Write(b []byte) (int, error) { return len(b), nil }

// TestComposedTyping: a letter and its combining marks typed as separate
// keys are stored composed (NFC) in the search box.
func TestComposedTyping(t *testing.T) {
	h := newHarness(t, 80, 24, i18n.VI)
	h.key("/")
	h.text("vie\u0302\u0301t") // e, circumflex, acute: "việt" decomposed
	s := h.app.cur.(*searchScreen)
	if got := s.query().Text; got != "viết" {
		t.Fatalf("query %q (% x), want NFC \"viết\"", got, []byte(got))
	}
}

// TestReaderLastSections: ] reaches every section, the last ones too
// (their headings never get to the top of the view), and b bookmarks the
// section ] chose, not the one at the top.
func TestReaderLastSections(t *testing.T) {
	d := &content.Document{ID: "ngan", Title: "Văn bản ngắn", Kind: content.KindOther}
	for i := 1; i <= 6; i++ {
		d.Sections = append(d.Sections, &content.Section{ID: fmt.Sprint(i), Heading: fmt.Sprintf("Mục %d", i),
			Path: []string{fmt.Sprintf("Mục %d", i)}, Markdown: "Một dòng nội dung.", Text: "Một dòng nội dung."})
	}
	user := newMemUser()
	a := New(Options{Lang: i18n.VI, Theme: ThemeNone, Plans: plan.OpenStore(t.TempDir()),
		OpenLibrary: func() (Library, error) { return oneDoc{d}, nil },
		OpenUser:    func() (UserData, error) { return user, nil }})
	h := &harness{t: t, app: a, user: user}
	h.send(tea.WindowSizeMsg{Width: 80, Height: 40})
	h.run(a.Init())
	h.key("enter")
	h.key("enter")
	r := reader(t, h)
	n := len(d.Sections)
	for k := 1; k < n; k++ {
		h.key("]")
		if got := r.currentSection(); got != k {
			t.Fatalf("] %d times: current section %d, want %d (the whole text fits: nothing scrolls)", k, got+1, k+1)
		}
	}
	h.key("b")
	if !user.IsBookmarked(d.ID, "6") {
		t.Fatalf("b did not bookmark the last section: %+v", user.Bookmarks())
	}
	if !strings.Contains(h.screen(), "▸") {
		t.Fatalf("the current section's heading is not marked:\n%s", h.screen())
	}
	h.key("[")
	if got := r.currentSection(); got != n-2 {
		t.Fatalf("[ from the last section went to %d, want %d", got+1, n-1)
	}
	h.key("a")
	if k, ok := h.app.cur.(*planview.Picker); !ok || k.Crumb() != "Mục 5" {
		t.Fatalf("a should add the section [ chose, on %T", h.app.cur)
	}
}
