package tui

import (
	"image/color"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"chibo/content"
	"chibo/index"
	"chibo/tui/i18n"
	"chibo/tui/internal/tuitest"
	"chibo/tui/planview"
)

func reader(t *testing.T, h *harness) *readerScreen {
	t.Helper()
	r, ok := h.app.cur.(*readerScreen)
	if !ok {
		t.Fatalf("current screen is %T, want the reader:\n%s", h.app.cur, h.screen())
	}
	return r
}

func TestFirstFrameBeforeLibrary(t *testing.T) {
	a := New(Options{Lang: i18n.VI, OpenLibrary: func() (Library, error) { select {} }})
	a.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	_ = a.Init() // not run: the library never opens
	f := tuitest.Plain(a.Render())
	if !strings.Contains(f, "Đang mở thư viện") {
		t.Fatalf("first frame:\n%s", f)
	}
}

func TestIndexProgressBar(t *testing.T) {
	h := newHarness(t, 80, 24, i18n.VI)
	h.app.sh.search = nil
	h.app.Update(indexProgressMsg{done: 2, total: 5, ch: make(chan tea.Msg)}) // its command waits on ch: not run
	f := h.screen()
	if !strings.Contains(f, "Đang xây dựng chỉ mục tìm kiếm") || !strings.Contains(f, "2/5 tài liệu") || !strings.Contains(f, "█") {
		t.Fatalf("no progress bar:\n%s", f)
	}
	tuitest.CheckFrame(t, f, 80, 24)
	h.key("/")
	if f := h.screen(); !strings.Contains(f, "kết quả sẽ hiện khi xong") {
		t.Fatalf("search while indexing:\n%s", f)
	}
	h.text("nong thon")
	h.send(indexDoneMsg{s: h.srch})
	if f := h.screen(); strings.Contains(f, "Đang xây dựng") || !strings.Contains(f, "kết quả") {
		t.Fatalf("the query typed while indexing did not run once ready:\n%s", f)
	}
}

func TestReaderSectionsTOCHistory(t *testing.T) {
	h := newHarness(t, 80, 24, i18n.VI)
	h.key("enter")
	h.key("enter")
	r := reader(t, h)
	if r.currentSection() != 0 {
		t.Fatalf("opened at section %d", r.currentSection())
	}
	h.key("]")
	h.key("]")
	if got := r.currentSection(); got != 2 {
		t.Fatalf("after ]] section %d, want 2", got)
	}
	h.key("[")
	if got := r.currentSection(); got != 1 {
		t.Fatalf("after [ section %d, want 1", got)
	}
	// table of contents: jump to the last section, then back returns here
	h.key("t")
	if !strings.Contains(h.screen(), "Nhảy tới mục") {
		t.Fatalf("no toc:\n%s", h.screen())
	}
	h.key("G")
	h.key("enter")
	last := len(r.doc.Sections) - 1
	if got := reader(t, h).currentSection(); got < last-2 {
		t.Fatalf("toc jump landed on %d, want near %d", got, last)
	}
	h.key("alt+left")
	if got := reader(t, h).currentSection(); got != 1 {
		t.Fatalf("back after the jump: section %d, want 1", got)
	}
	h.key("alt+right")
	if got := reader(t, h).currentSection(); got < last-2 {
		t.Fatalf("forward: section %d", got)
	}
}

func TestReaderFindCounterAndAccents(t *testing.T) {
	h := newHarness(t, 80, 24, i18n.VI)
	h.key("enter")
	h.key("enter")
	h.key("/")
	h.text("dang vien")
	h.key("enter")
	r := reader(t, h)
	loose := len(r.matches)
	if loose == 0 {
		t.Fatal("no match for 'dang vien'")
	}
	if !regexp.MustCompile(`1/` + strconv.Itoa(loose) + ` kết quả`).MatchString(h.screen()) {
		t.Fatalf("no counter 1/%d:\n%s", loose, h.screen())
	}
	h.key("n")
	if r.cur != 1 {
		t.Fatalf("n: cur %d", r.cur)
	}
	h.key("N")
	h.key("N")
	if r.cur != loose-1 {
		t.Fatalf("N wraps: cur %d, want %d", r.cur, loose-1)
	}
	// exact accents: "dang vien" without accents matches nothing
	h.send(keyMsg("ctrl+e"))
	if len(r.matches) != 0 || !strings.Contains(h.screen(), "không thấy") {
		t.Fatalf("exact: %d matches\n%s", len(r.matches), h.screen())
	}
	h.key("/")
	h.text("đảng viên")
	h.key("enter")
	if n := len(r.matches); n == 0 || n > loose {
		t.Fatalf("exact 'đảng viên': %d matches (loose %d)", n, loose)
	}
}

func TestReaderResizeAndTheme(t *testing.T) {
	h := newHarness(t, 100, 30, i18n.VI)
	h.app.opt.FollowBackground = true
	h.key("enter")
	h.key("down")
	h.key("down")
	h.key("enter")
	r := reader(t, h)
	sec := r.currentSection()
	h.send(tea.WindowSizeMsg{Width: 60, Height: 20})
	if r.renderW != 60 || r.currentSection() != sec {
		t.Fatalf("after resize: width %d, section %d (was %d)", r.renderW, r.currentSection(), sec)
	}
	for _, l := range strings.Split(h.screen(), "\n") {
		if ansi.StringWidth(l) > 60 {
			t.Fatalf("line wider than 60: %q", l)
		}
	}
	h.send(tea.BackgroundColorMsg{Color: color.White})
	if r.renderTheme != ThemeLight || h.app.sh.st().Theme != ThemeLight {
		t.Fatalf("light background: theme %q / %q", r.renderTheme, h.app.sh.st().Theme)
	}
	if r.currentSection() != sec {
		t.Fatalf("theme change moved the reader to %d", r.currentSection())
	}
}

func TestBookmarkAndReadingPosition(t *testing.T) {
	h := newHarness(t, 80, 24, i18n.VI)
	h.key("enter")
	h.key("down")
	h.key("down")
	h.key("enter")
	r := reader(t, h)
	doc := r.doc
	h.key("down")
	h.key("down")
	h.key("down")
	sec, line := r.position()
	h.key("b")
	if !h.user.IsBookmarked(doc.ID, doc.Sections[sec].ID) {
		t.Fatal("b did not bookmark")
	}
	if !strings.Contains(h.screen(), "Đã đánh dấu") {
		t.Fatalf("no confirmation:\n%s", h.screen())
	}
	h.key("esc") // leave: position saved
	got, gotLine, ok := h.user.Position(doc.ID)
	if !ok || got != doc.Sections[sec].ID || gotLine != line {
		t.Fatalf("position %q %d %v, want %q %d", got, gotLine, ok, doc.Sections[sec].ID, line)
	}
	// reopening from the library lands on the same section and line
	h.key("esc")
	h.key("enter")
	h.key("enter")
	r2 := reader(t, h)
	if s2, l2 := r2.position(); s2 != sec || l2 != line {
		t.Fatalf("reopened at %d:%d, want %d:%d", s2, l2, sec, line)
	}
	// the bookmarks list opens it too, and x removes it
	h.key("B")
	if !strings.Contains(h.screen(), doc.Sections[sec].Heading[:10]) {
		t.Fatalf("bookmark not listed:\n%s", h.screen())
	}
	h.key("x")
	if len(h.user.Bookmarks()) != 0 || !strings.Contains(h.screen(), "Chưa có dấu trang") {
		t.Fatalf("x did not remove:\n%s", h.screen())
	}
}

func TestLibraryShowsReadingMark(t *testing.T) {
	h := newHarness(t, 80, 24, i18n.VI)
	d := h.lib.Docs()[0]
	h.user.SetPosition(d.ID, d.Sections[3].ID, 0)
	if !strings.Contains(h.screen(), "đang đọc") {
		t.Fatalf("no reading mark:\n%s", h.screen())
	}
	h.key("enter")
	o := h.app.cur.(*outlineScreen)
	if o.current() != 3 {
		t.Fatalf("outline opened on %d, want the remembered section 3", o.current())
	}
}

func TestOutlineCollapseExpand(t *testing.T) {
	h := newHarness(t, 80, 24, i18n.VI)
	h.key("enter")
	o := h.app.cur.(*outlineScreen)
	n := len(o.visible)
	h.key("h")
	if len(o.visible) >= n || !strings.Contains(h.screen(), "▸ I.") {
		t.Fatalf("collapse: %d → %d rows\n%s", n, len(o.visible), h.screen())
	}
	h.key("l")
	if len(o.visible) != n {
		t.Fatalf("expand: %d rows, want %d", len(o.visible), n)
	}
	h.key("l") // into the first child
	h.key("h") // a leaf: to its parent
	if o.current() != 0 {
		t.Fatalf("h on a leaf went to %d, want the parent 0", o.current())
	}
	h.key("tab") // focus the preview
	if o.focus != 1 {
		t.Fatal("tab did not focus the preview")
	}
}

func TestSearchDebounceAndStale(t *testing.T) {
	h := newHarness(t, 80, 24, i18n.VI)
	h.key("/")
	s := h.app.cur.(*searchScreen)
	// a result for an old query is dropped
	s.Update(searchResultMsg{seq: s.seq - 1, res: &index.Result{Total: 99, Hits: []index.Hit{{Doc: "x"}}}})
	if s.res != nil {
		t.Fatal("stale result shown")
	}
	// typing schedules; only the last tick searches
	before := len(h.srch.calls)
	_, c1 := h.app.Update(keyMsg("n"))
	_, c2 := h.app.Update(keyMsg("o"))
	if len(h.srch.calls) != before {
		t.Fatal("a keypress searched synchronously")
	}
	h.run(c1) // the tick of "n" is stale by now
	if len(h.srch.calls) != before {
		t.Fatalf("stale tick searched: %v", h.srch.calls[before:])
	}
	h.run(c2)
	if len(h.srch.calls) != before+1 || h.srch.calls[before] != "no" {
		t.Fatalf("calls %v, want one search for \"no\"", h.srch.calls[before:])
	}
}

func TestSearchFacetsNarrow(t *testing.T) {
	h := newHarness(t, 80, 24, i18n.VI)
	h.key("/")
	h.text("nong thon moi")
	h.key("enter")
	s := h.app.cur.(*searchScreen)
	all := s.res.Total
	h.key("tab") // from the results to the facets
	h.key("space")
	if s.res.Total >= all || len(s.query().Kinds) != 1 {
		t.Fatalf("facet did not narrow: %d of %d, kinds %v", s.res.Total, all, s.query().Kinds)
	}
	for _, hit := range s.res.Hits {
		if hit.Kind != s.query().Kinds[0] {
			t.Fatalf("hit of kind %s after narrowing to %v", hit.Kind, s.query().Kinds)
		}
	}
	h.key("space")
	if s.res.Total != all {
		t.Fatalf("unchecking: %d, want %d", s.res.Total, all)
	}
}

// TestSearchKeypressNeverWaits: with a searcher that takes a second, every
// keypress still returns at once.
func TestSearchKeypressNeverWaits(t *testing.T) {
	h := newHarness(t, 80, 24, i18n.VI)
	h.srch.delay = time.Second
	h.key("/")
	var worst time.Duration
	for _, r := range "nong thon moi" {
		start := time.Now()
		_, cmd := h.app.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
		h.app.Render()
		if d := time.Since(start); d > worst {
			worst = d
		}
		go func() { // the runtime runs commands off the update loop
			if cmd != nil {
				cmd()
			}
		}()
	}
	// Half the searcher's second: a keypress that waited for it fails,
	// a machine under load (CI, -race) does not.
	if worst > h.srch.delay/2 {
		t.Fatalf("a keypress took %v with a slow searcher", worst)
	}
	t.Logf("worst keypress (Update+View) with a 1s searcher: %v", worst)
}

func TestNoColorTheme(t *testing.T) {
	lib := seedLibrary(t)
	a := New(Options{Lang: i18n.VI, Theme: ThemeNone, OpenLibrary: func() (Library, error) { return lib, nil }})
	h := &harness{t: t, app: a, lib: lib}
	h.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	h.run(a.Init())
	h.key("enter")
	h.key("enter")
	frame := a.Render()
	sgr := regexp.MustCompile("\x1b\\[([0-9;:]*)m")
	for _, m := range sgr.FindAllStringSubmatch(frame, -1) {
		for _, p := range strings.FieldsFunc(m[1], func(r rune) bool { return r == ';' || r == ':' }) {
			n, _ := strconv.Atoi(p)
			if (n >= 30 && n <= 49) || (n >= 90 && n <= 107) {
				t.Fatalf("colour code %q in the no-colour theme", m[0])
			}
		}
	}
	if !strings.Contains(tuitest.Plain(frame), "ĐỌC") {
		t.Fatalf("reader not shown:\n%s", tuitest.Plain(frame))
	}
}

func TestDirectivesAggregate(t *testing.T) {
	lib := seedLibrary(t)
	dirs := collectDirectives(lib)
	want := map[string]int{}
	for _, d := range lib.Docs() {
		seen := map[string]bool{}
		for _, r := range d.Refs {
			if !seen[r.Symbol+"/"+r.Section] {
				seen[r.Symbol+"/"+r.Section] = true
				want[r.Symbol]++
			}
		}
	}
	if len(dirs) != len(want) {
		t.Fatalf("%d directives, want %d", len(dirs), len(want))
	}
	for i, d := range dirs {
		if len(d.Cites) != want[d.Symbol] {
			t.Errorf("%s: %d citations, want %d", d.Symbol, len(d.Cites), want[d.Symbol])
		}
		if i > 0 && len(dirs[i-1].Cites) < len(d.Cites) {
			t.Errorf("not sorted by count at %d", i)
		}
	}
}

func TestReaderCitesOpensDirective(t *testing.T) {
	h := newHarness(t, 80, 24, i18n.VI)
	h.key("enter")
	h.key("enter") // section I cites 01-KL/TW
	h.key("c")
	d, ok := h.app.cur.(*directivesScreen)
	if !ok {
		t.Fatalf("c opened %T:\n%s", h.app.cur, h.screen())
	}
	if d.detail == nil && d.only == nil {
		t.Fatal("c did not narrow to the section's directives")
	}
}

func TestFoldedFind(t *testing.T) {
	spans := findSpans("Xây dựng nông thôn mới; NÔNG THÔN", [][]rune{foldTerm("nong thon", false)}, false)
	if len(spans) != 2 || spans[0] != (span{9, 18}) {
		t.Fatalf("spans %v", spans)
	}
	if s := findSpans("nông thôn", [][]rune{foldTerm("nong", true)}, true); len(s) != 0 {
		t.Fatalf("exact matched without accents: %v", s)
	}
}

func TestEnglish(t *testing.T) {
	h := newHarness(t, 80, 24, i18n.EN)
	f := h.screen()
	if !strings.Contains(f, "LIBRARY") || !strings.Contains(f, "sections") || strings.Contains(f, "mục") {
		t.Fatalf("english frame:\n%s", f)
	}
}

func BenchmarkFirstFrame(b *testing.B) {
	lib := seedLibrary(b)
	for b.Loop() {
		a := New(Options{Lang: i18n.VI, OpenLibrary: func() (Library, error) { return lib, nil }})
		a.Init()
		a.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
		_ = a.View()
	}
}

func BenchmarkSearchKeypress(b *testing.B) {
	h := newHarness(b, 80, 24, i18n.VI)
	h.srch.delay = time.Hour // never answers: the keypress must not care
	h.key("/")
	s := h.app.cur.(*searchScreen)
	keys := []tea.KeyPressMsg{keyMsg("a"), keyMsg("backspace")}
	i := 0
	for b.Loop() {
		s.Update(keys[i%2])
		i++
	}
}

func BenchmarkSearchKeypressWithView(b *testing.B) {
	h := newHarness(b, 80, 24, i18n.VI)
	h.key("/")
	h.text("nong thon moi")
	h.key("enter")
	h.app.Update(keyMsg("esc"))
	keys := []tea.KeyPressMsg{keyMsg("a"), keyMsg("backspace")}
	h.key("/") // back in the input with results shown
	i := 0
	for b.Loop() {
		h.app.Update(keys[i%2])
		_ = h.app.Render()
		i++
	}
}

// TestAgendaPickerAndPlan: a in the reader adds the section to an agenda
// item of this month's plan; m shows the plan with it; esc comes back.
func TestAgendaPickerAndPlan(t *testing.T) {
	h := newHarness(t, 80, 24, i18n.VI)
	h.key("enter")
	h.key("down")
	h.key("enter")
	r := reader(t, h)
	h.key("a")
	if _, ok := h.app.cur.(*planview.Picker); !ok {
		t.Fatalf("a opened %T:\n%s", h.app.cur, h.screen())
	}
	h.key("enter")
	if _, ok := h.app.cur.(*readerScreen); !ok {
		t.Fatalf("after adding, screen is %T:\n%s", h.app.cur, h.screen())
	}
	if !strings.Contains(h.screen(), "Đã thêm vào") {
		t.Fatalf("no confirmation:\n%s", h.screen())
	}
	h.key("m")
	ps, ok := h.app.cur.(*planview.Model)
	if !ok {
		t.Fatalf("m opened %T", h.app.cur)
	}
	found := false
	for _, it := range ps.Plan().Items {
		for _, x := range it.Excerpts {
			found = found || x.Section == r.doc.Sections[r.currentSection()].ID
		}
	}
	if !found {
		t.Fatalf("the plan does not hold the excerpt:\n%s", h.screen())
	}
	h.key("esc")
	if _, ok := h.app.cur.(*readerScreen); !ok {
		t.Fatalf("esc from the plan went to %T", h.app.cur)
	}
}

// oneDoc is a library of one document, for odd documents.
type oneDoc struct{ d *content.Document }

func (l oneDoc) Catalog() []content.DocInfo                  { return []content.DocInfo{l.d.Info()} }
func (l oneDoc) Each(fn func(*content.Document) error) error { return fn(l.d) }
func (l oneDoc) Doc(id string) (*content.Document, bool) {
	return l.d, id == l.d.ID
}

// TestEmptyDocumentNeverPanics walks every screen over a document with no
// sections and no refs, at the smallest size.
func TestEmptyDocumentNeverPanics(t *testing.T) {
	lib := oneDoc{&content.Document{ID: "rong", Title: "Văn bản rỗng", Kind: content.KindOther}}
	a := New(Options{Lang: i18n.VI, OpenLibrary: func() (Library, error) { return lib, nil }})
	h := &harness{t: t, app: a}
	h.send(tea.WindowSizeMsg{Width: 50, Height: 15})
	h.run(a.Init())
	for _, k := range []string{"enter", "h", "l", "tab", "enter", "]", "[", "t", "/", "x", "enter", "n", "b", "c", "esc", "esc", "esc", "v", "enter", "esc", "B", "enter", "?", "esc", "a", "m"} {
		h.key(k)
		tuitest.CheckFrame(t, h.screen(), 50, 15)
	}
	if f := h.screen(); !strings.Contains(f, "Kế hoạch họp chưa dùng được") {
		t.Fatalf("m without a plan store should say so:\n%s", f)
	}
}

// A long reading session jumps between sections many times; the back
// history keeps only the newest steps.
func TestHistoryIsBounded(t *testing.T) {
	h := newHarness(t, 80, 24, i18n.VI)
	h.key("enter")
	h.key("enter")
	for i := range 3 * maxHistory {
		h.key("t") // a jump through the table of contents is a step back can undo
		if i%2 == 0 {
			h.key("down")
		} else {
			h.key("up")
		}
		h.key("enter")
	}
	if n := len(h.app.backStack); n > maxHistory {
		t.Fatalf("back stack holds %d screens, want at most %d", n, maxHistory)
	}
}

// TestSearchErrorInWords: a search error reaches the screen in the user's
// language (a bad year typed in the box), not as Go's error text.
func TestSearchErrorInWords(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.VI, i18n.EN} {
		h := newHarness(t, 80, 24, lang)
		h.key("/")
		h.text("nam:abc")
		s := h.app.cur.(*searchScreen)
		err := &index.QueryError{Filter: "nam", Value: "abc"}
		s.Update(searchResultMsg{seq: s.seq, err: err})
		screen := h.screen()
		words := []rune(i18n.Describe(lang, err))
		if strings.Contains(screen, "invalid year in") || !strings.Contains(screen, string(words[:24])) {
			t.Errorf("%v: the error is not in words:\n%s", lang, screen)
		}
	}
}
