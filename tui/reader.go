package tui

import (
	"fmt"
	"strings"
	"sync/atomic"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"chibo/content"
	"chibo/tui/common"
	"chibo/tui/i18n"
)

// renderGen numbers render requests app-wide, so a render that finishes
// after a resize (or for a screen left in history) is recognised as stale.
var renderGen atomic.Int64

type renderedMsg struct {
	gen   int64
	rd    *renderedDoc
	err   error
	width int
	theme string
}

// readerScreen shows a whole document rendered with glamour as one
// scrolling text, knowing where each section starts: [ and ] move by
// section, t jumps through the table of contents, / finds in the document.
type readerScreen struct {
	sh   *shared
	doc  *content.Document
	w, h int

	rd          *renderedDoc
	renderW     int
	renderTheme string
	gen         int64 // the render we wait for (0: none)
	err         error

	y int // first line shown
	// sel is the current section when [ ] or the table of contents chose
	// one whose heading is below the top of the view (the last sections
	// of a document, which never reach the top): a, b, c and ] act on it.
	// Scrolling lets the top of the view decide again.
	sel    int
	selSet bool
	// anchor is where to put the view once a render arrives: a section and
	// a line inside it.
	anchorSec, anchorLine int
	anchored              bool

	// find in document (and the words of the search that led here)
	input    textinput.Model
	finding  bool
	terms    []string
	exact    bool
	spans    map[int][]span // line → matches
	matches  [][2]int       // (line, index in spans[line]) in reading order
	cur      int            // current match, -1 none
	oldTerms []string
	oldY     int

	toc       bool
	tocCursor int
	tocOff    int

	// selecting a passage (V): selFrom is the paragraph it started at,
	// selTo the one ↑/↓ move (indexes in rd.paras).
	selecting      bool
	selFrom, selTo int
}

func newReaderScreen(sh *shared, d *content.Document, section string, terms []string, restore bool) *readerScreen {
	r := &readerScreen{sh: sh, doc: d, cur: -1, anchored: true}
	r.input = newInput(sh, sh.T(i18n.AppFindPrompt))
	if i := sectionIndex(d, section); i >= 0 {
		r.anchorSec = i
	}
	if restore && sh.user != nil {
		if sec, line, ok := sh.user.Position(d.ID); ok && sec == section {
			r.anchorLine = line
		}
	}
	r.terms = cleanTerms(terms)
	return r
}

func sectionIndex(d *content.Document, id string) int {
	for i, s := range d.Sections {
		if s.ID == id {
			return i
		}
	}
	return -1
}

func cleanTerms(terms []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, t := range terms {
		t = strings.TrimSpace(t)
		k := content.Fold(t)
		if t == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, t)
	}
	return out
}

func (r *readerScreen) SetSize(w, h int) tea.Cmd {
	r.w, r.h = w, h
	return r.ensureRender()
}

// ensureRender asks for a render when the width or theme changed or a
// render was lost while the screen was hidden. The old text stays on
// screen until the new one arrives.
func (r *readerScreen) ensureRender() tea.Cmd {
	theme := r.sh.st().Theme
	if r.rd != nil && r.renderW == r.w && r.renderTheme == theme {
		return nil
	}
	if r.rd != nil && !r.anchored {
		r.anchorSec, r.anchorLine = r.position()
		r.anchored = true
	}
	r.gen = renderGen.Add(1)
	gen, d, w, cache, lang := r.gen, r.doc, r.w, r.sh.render, r.sh.lang()
	r.renderW, r.renderTheme = w, theme
	return func() tea.Msg {
		rd, err := cache.renderDocument(d, w, theme, lang)
		return renderedMsg{gen: gen, rd: rd, err: err, width: w, theme: theme}
	}
}

// position is the current section and the line within it.
func (r *readerScreen) position() (int, int) {
	if r.rd == nil {
		return r.anchorSec, r.anchorLine
	}
	i := r.currentSection()
	if i < 0 {
		return 0, 0
	}
	return i, r.y - r.rd.secStart[i]
}

// currentSection is the last section starting at or above the top of the
// view (a heading on the first lines counts as current).
func (r *readerScreen) currentSection() int {
	if r.rd == nil {
		return r.anchorSec
	}
	if r.selSet && r.sel < len(r.rd.secStart) {
		return r.sel
	}
	cur := -1
	for i, start := range r.rd.secStart {
		if start <= r.y+1 {
			cur = i
		} else {
			break
		}
	}
	if cur < 0 && len(r.doc.Sections) > 0 {
		cur = 0
	}
	return cur
}

func (r *readerScreen) textHeight() int {
	if r.finding || len(r.terms) > 0 {
		return max(1, r.h-1)
	}
	return r.h
}

func (r *readerScreen) maxY() int {
	if r.rd == nil {
		return 0
	}
	return max(0, len(r.rd.lines)-r.textHeight())
}

func (r *readerScreen) scroll(n int) {
	r.y = max(0, min(r.maxY(), r.y+n))
	r.anchored, r.selSet = false, false
}

func (r *readerScreen) Capturing() bool { return r.finding }

// Modal is true while a passage is being selected (V): esc ends it; keys
// that would leave the reader do nothing meanwhile.
func (r *readerScreen) Modal() bool { return r.selecting }

// Back closes the innermost state on esc: the table of contents, then a
// find highlight; false lets the app leave the reader.
func (r *readerScreen) Back() bool {
	switch {
	case r.selecting:
		r.selecting = false
		return true
	case r.toc:
		r.toc = false
		return true
	case len(r.terms) > 0:
		r.terms, r.cur = nil, -1
		r.findAll()
		return true
	}
	return false
}

func (r *readerScreen) Leave() tea.Cmd {
	if r.rd == nil || len(r.doc.Sections) == 0 {
		return nil
	}
	i, line := r.position()
	return r.sh.savePosition(r.doc.ID, r.doc.Sections[i].ID, line)
}

func (r *readerScreen) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case renderedMsg:
		if msg.gen != r.gen {
			return nil
		}
		r.gen = 0
		if msg.err != nil {
			r.err = msg.err
			return nil
		}
		r.rd = msg.rd
		if r.anchored && r.anchorSec < len(r.rd.secStart) {
			end := len(r.rd.lines)
			if r.anchorSec+1 < len(r.rd.secStart) {
				end = r.rd.secStart[r.anchorSec+1]
			}
			r.y = min(r.rd.secStart[r.anchorSec]+r.anchorLine, max(end-1, 0))
			r.y = max(0, min(r.maxY(), r.y))
		}
		r.anchored = false
		r.findAll()
		if len(r.terms) > 0 && r.cur < 0 {
			r.gotoMatchFrom(r.y, 1)
		}
		return nil
	case tea.MouseWheelMsg:
		switch msg.Button {
		case tea.MouseWheelUp:
			r.scroll(-3)
		case tea.MouseWheelDown:
			r.scroll(3)
		}
		return nil
	case tea.KeyPressMsg:
		if r.finding {
			return r.findKey(msg)
		}
		if r.toc {
			return r.tocKey(msg)
		}
		if r.selecting && r.rd != nil {
			return r.selectKey(msg)
		}
		return r.key(msg)
	}
	if r.finding {
		var cmd tea.Cmd
		r.input, cmd = r.input.Update(msg)
		return cmd
	}
	return nil
}

func (r *readerScreen) key(msg tea.KeyPressMsg) tea.Cmd {
	k := r.sh.keys()
	th := r.textHeight()
	switch {
	case key.Matches(msg, k.Up):
		r.scroll(-1)
	case key.Matches(msg, k.Down):
		r.scroll(1)
	case key.Matches(msg, k.PageUp):
		r.scroll(-max(1, th-2))
	case key.Matches(msg, k.PageDown):
		r.scroll(max(1, th-2))
	case key.Matches(msg, k.Top):
		r.scroll(-r.y)
	case key.Matches(msg, k.Bottom):
		r.scroll(r.maxY())
	case key.Matches(msg, k.NextSec):
		return r.stepSection(1)
	case key.Matches(msg, k.PrevSec):
		return r.stepSection(-1)
	case key.Matches(msg, k.TOC):
		if len(r.doc.Sections) > 0 {
			r.toc = true
			r.tocCursor = max(0, r.currentSection())
		}
	case key.Matches(msg, k.Find):
		r.finding = true
		r.oldTerms, r.oldY = r.terms, r.y
		r.input.SetValue("")
		return r.input.Focus()
	case key.Matches(msg, k.NextMatch):
		r.stepMatch(1)
	case key.Matches(msg, k.PrevMatch):
		r.stepMatch(-1)
	case key.Matches(msg, k.Exact):
		r.exact = !r.exact
		r.findAll()
	case key.Matches(msg, k.Select):
		return r.startSelect()
	case key.Matches(msg, k.Bookmark):
		return r.toggleBookmark()
	case key.Matches(msg, k.Cites):
		i := r.currentSection()
		if i < 0 {
			return nil
		}
		refs := sectionRefs(r.doc, r.doc.Sections[i].ID)
		switch len(refs) {
		case 0:
			return send(flashMsg{text: r.sh.T(i18n.AppNoRefsHere)})
		case 1:
			return send(openDirectivesMsg{symbol: refs[0].Symbol})
		}
		var syms []string
		for _, x := range refs {
			syms = append(syms, x.Symbol)
		}
		return send(openDirectivesMsg{symbols: syms})
	case key.Matches(msg, k.Outline):
		i := r.currentSection()
		id := ""
		if i >= 0 {
			id = r.doc.Sections[i].ID
		}
		return send(openOutlineMsg{doc: r.doc.ID, section: id})
	}
	return nil
}

// stepSection moves to the start of the next or previous section; [ first
// returns to the start of the current one when scrolled into it.
func (r *readerScreen) stepSection(dir int) tea.Cmd {
	if r.rd == nil || len(r.rd.secStart) == 0 {
		return nil
	}
	i := r.currentSection()
	target := i + dir
	if dir < 0 && !r.selSet && r.y > r.rd.secStart[i]+1 {
		target = i
	}
	if target < 0 {
		if r.y > 0 {
			r.scroll(-r.y)
			return nil
		}
		return send(flashMsg{text: r.sh.T(i18n.AppFirstSection)})
	}
	if target >= len(r.rd.secStart) {
		return send(flashMsg{text: r.sh.T(i18n.AppLastSection)})
	}
	r.y = max(0, min(r.maxY(), r.rd.secStart[target]))
	r.selSet = false
	if r.y < r.rd.secStart[target] { // near the end: the heading is lower on the screen
		r.y = r.maxY()
		r.sel, r.selSet = target, true // it is the current section all the same
	}
	return nil
}

func (r *readerScreen) toggleBookmark() tea.Cmd {
	u := r.sh.user
	if u == nil {
		return send(flashMsg{text: r.sh.T(i18n.AppUserDataNone), err: true})
	}
	i := r.currentSection()
	if i < 0 {
		return nil
	}
	sec := r.doc.Sections[i]
	doc, lang := r.doc.ID, r.sh.lang()
	return func() tea.Msg {
		on, err := u.ToggleBookmark(doc, sec.ID, sec.Heading)
		if err != nil {
			return flashMsg{text: fmt.Sprintf(i18n.AppSaveError.In(lang), i18n.Describe(lang, err)), err: true}
		}
		if on {
			return flashMsg{text: fmt.Sprintf(i18n.AppBookmarkAdded.In(lang), sec.Heading)}
		}
		return flashMsg{text: fmt.Sprintf(i18n.AppBookmarkGone.In(lang), sec.Heading)}
	}
}

func (r *readerScreen) findKey(msg tea.KeyPressMsg) tea.Cmd {
	switch msg.String() {
	case "enter":
		r.finding = false
		r.input.Blur()
		if strings.TrimSpace(r.input.Value()) == "" {
			r.terms = r.oldTerms
			r.findAll()
		}
		return nil
	case "esc":
		r.finding = false
		r.input.Blur()
		r.terms, r.y = r.oldTerms, r.oldY
		r.cur = -1
		r.findAll()
		return nil
	case "ctrl+e":
		r.exact = !r.exact
		r.findAll()
		r.gotoMatchFrom(r.oldY, 1)
		return nil
	}
	var cmd tea.Cmd
	before := r.input.Value()
	r.input, cmd = r.input.Update(msg)
	r.input = common.ComposeInput(r.input)
	if v := r.input.Value(); v != before {
		r.terms = cleanTerms([]string{v})
		r.cur = -1
		r.findAll()
		r.gotoMatchFrom(r.oldY, 1)
	}
	return cmd
}

// findAll finds the terms in the whole rendered text. Folded lines are
// prepared by the render command, so this stays fast while typing.
func (r *readerScreen) findAll() {
	r.spans, r.matches = nil, nil
	if r.rd == nil || len(r.terms) == 0 {
		r.cur = -1
		return
	}
	terms := make([][]rune, 0, len(r.terms))
	for _, t := range r.terms {
		terms = append(terms, foldTerm(t, r.exact))
	}
	spans := map[int][]span{}
	var matches [][2]int
	for i, p := range r.rd.plain {
		var ss []span
		if r.exact {
			ss = findSpans(p, terms, true)
		} else {
			ss = findSpansIn(p, r.rd.folded[i], r.rd.from[i], terms)
		}
		if len(ss) > 0 {
			spans[i] = ss
			for j := range ss {
				matches = append(matches, [2]int{i, j})
			}
		}
	}
	r.spans, r.matches = spans, matches
	if r.cur >= len(matches) {
		r.cur = len(matches) - 1
	}
}

// gotoMatchFrom makes the first match at or after line current (the last
// one before it with dir < 0), wrapping around, and scrolls to it.
func (r *readerScreen) gotoMatchFrom(line, dir int) {
	if len(r.matches) == 0 {
		r.cur = -1
		return
	}
	r.cur = -1
	if dir >= 0 {
		for i, m := range r.matches {
			if m[0] >= line {
				r.cur = i
				break
			}
		}
		if r.cur < 0 {
			r.cur = 0
		}
	} else {
		for i := len(r.matches) - 1; i >= 0; i-- {
			if r.matches[i][0] < line {
				r.cur = i
				break
			}
		}
		if r.cur < 0 {
			r.cur = len(r.matches) - 1
		}
	}
	r.showMatch()
}

func (r *readerScreen) stepMatch(dir int) {
	if len(r.matches) == 0 {
		if len(r.terms) == 0 {
			return
		}
		r.findAll()
		if len(r.matches) == 0 {
			return
		}
	}
	if r.cur < 0 {
		r.gotoMatchFrom(r.y, dir)
		return
	}
	r.cur = (r.cur + dir + len(r.matches)) % len(r.matches)
	r.showMatch()
}

// showMatch scrolls so the current match is in view, a third down.
func (r *readerScreen) showMatch() {
	if r.cur < 0 || r.cur >= len(r.matches) {
		return
	}
	line := r.matches[r.cur][0]
	th := r.textHeight()
	if line < r.y || line >= r.y+th {
		r.y = max(0, min(r.maxY(), line-th/3))
	}
}

func (r *readerScreen) tocKey(msg tea.KeyPressMsg) tea.Cmd {
	k := r.sh.keys()
	n := len(r.doc.Sections)
	if d, ok := k.moveBy(msg, r.h-2, n); ok {
		r.tocCursor = moveRow(r.tocCursor, d, n)
		return nil
	}
	switch {
	case key.Matches(msg, k.TOC), msg.String() == "q":
		r.toc = false
	case key.Matches(msg, k.Open):
		r.toc = false
		if r.rd == nil {
			r.anchorSec, r.anchorLine, r.anchored = r.tocCursor, 0, true
			return nil
		}
		snap := *r
		r.y = max(0, min(r.maxY(), r.rd.secStart[r.tocCursor]))
		r.sel, r.selSet = r.tocCursor, r.y < r.rd.secStart[r.tocCursor]
		return send(pushHistoryMsg{snap: &snap})
	}
	return nil
}

func (r *readerScreen) View() string {
	st := r.sh.st()
	if r.toc {
		return r.tocView()
	}
	if r.err != nil {
		return strings.Join(wrapIndent(fmt.Sprintf(r.sh.T(i18n.AppRenderError), r.err), r.w, 1), "\n")
	}
	if r.rd == nil {
		return lipgloss.Place(r.w, r.h, lipgloss.Center, lipgloss.Center, r.sh.T(i18n.AppRendering))
	}
	th := r.textHeight()
	r.y = max(0, min(r.maxY(), r.y))
	out := make([]string, 0, r.h)
	curLine, curIdx := -1, -1
	if r.cur >= 0 && r.cur < len(r.matches) {
		curLine, curIdx = r.matches[r.cur][0], r.matches[r.cur][1]
	}
	selLine := -1
	if r.selSet && r.sel < len(r.rd.secStart) {
		selLine = r.rd.secStart[r.sel]
	}
	marked := func(int) bool { return false } // the selected passage's lines
	if r.selecting {
		_, _, marked = r.selectedLines()
	}
	for i := r.y; i < r.y+th && i < len(r.rd.lines); i++ {
		l := r.rd.lines[i]
		if marked(i) {
			// A bar in the margin marks the passage, with or without
			// colour.
			l = st.Selected.Render("▌") + ansi.Cut(l, 1, ansi.StringWidth(l))
		} else if i == selLine {
			// The current section's heading, marked: it is not at the top.
			l = st.Selected.Render("▸") + ansi.Cut(l, 1, ansi.StringWidth(l))
		}
		if ss := r.spans[i]; len(ss) > 0 {
			c := -1
			if i == curLine {
				c = curIdx
			}
			l = highlight(l, ss, st.Match, st.Current, c)
		}
		out = append(out, l)
	}
	if r.finding || len(r.terms) > 0 {
		for len(out) < th {
			out = append(out, "")
		}
		out = append(out, r.findBar())
	}
	return strings.Join(out, "\n")
}

func (r *readerScreen) findBar() string {
	st := r.sh.st()
	var count string
	switch {
	case len(r.terms) == 0:
	case len(r.matches) == 0:
		count = fmt.Sprintf(r.sh.T(i18n.AppFindNone), strings.Join(r.terms, ", "))
	default:
		count = fmt.Sprintf(r.sh.T(i18n.AppFindCount), r.cur+1, len(r.matches))
	}
	mode := r.sh.T(i18n.AppFindLoose)
	if r.exact {
		mode = r.sh.T(i18n.AppFindExact)
	}
	right := joinNonEmpty(" · ", count, mode)
	if r.w < 70 {
		right = count
	}
	if r.finding {
		r.input.SetWidth(max(5, r.w-lipgloss.Width(right)-lenCells(r.input.Prompt)-4))
		return fit(" "+r.input.View(), r.w-lipgloss.Width(right)-1) + st.Bold.Render(right) + " "
	}
	left := " " + fmt.Sprintf(r.sh.T(i18n.AppHighlightTerms), strings.Join(r.terms, ", "))
	return fit(left, r.w-lipgloss.Width(right)-1) + st.Bold.Render(right) + " "
}

func (r *readerScreen) tocView() string {
	st := r.sh.st()
	lines := []string{" " + st.Bold.Render(clip(r.sh.T(i18n.AppScreenTOC)+" — "+r.doc.Title, r.w-2)), ""}
	listH := r.h - len(lines)
	r.tocOff = scrollTo(r.tocOff, r.tocCursor, listH, len(r.doc.Sections))
	cur := r.currentSection()
	for i := r.tocOff; i < len(r.doc.Sections) && i < r.tocOff+listH; i++ {
		sec := r.doc.Sections[i]
		mark := "  "
		if i == r.tocCursor {
			mark = "› "
		}
		here := ""
		if i == cur {
			here = " •"
		}
		l := clip(mark+strings.Repeat("  ", sec.Level-1)+sec.Heading+here, r.w-2)
		if i == r.tocCursor {
			l = st.Selected.Render(l)
		}
		lines = append(lines, " "+l)
	}
	return strings.Join(lines, "\n")
}

func (r *readerScreen) Name() string {
	if r.selecting {
		return r.sh.T(i18n.AppScreenSelect)
	}
	if r.toc {
		return r.sh.T(i18n.AppScreenTOC)
	}
	return r.sh.T(i18n.AppScreenReader)
}

func (r *readerScreen) Crumb() string {
	c := r.doc.Title
	if i := r.currentSection(); i >= 0 && i < len(r.doc.Sections) {
		c += " › " + r.doc.Sections[i].Heading
	}
	return c
}

func (r *readerScreen) Position() string {
	i := r.currentSection()
	if i < 0 {
		return ""
	}
	pos := fmt.Sprintf(r.sh.T(i18n.AppSectionOf), i+1, len(r.doc.Sections))
	if r.selecting && r.rd != nil {
		lo, hi := r.selRange()
		n := r.sh.T(i18n.AppSelectOne)
		if hi > lo {
			n = fmt.Sprintf(r.sh.T(i18n.AppSelectCount), hi-lo+1)
		}
		pos = n + " · " + pos
	}
	if r.rd != nil {
		pct := 100
		if m := r.maxY(); m > 0 {
			pct = r.y * 100 / m
		}
		pos += fmt.Sprintf(" %d%%", pct)
	}
	if r.sh.user != nil && r.sh.user.IsBookmarked(r.doc.ID, r.doc.Sections[i].ID) {
		pos += " " + r.sh.T(i18n.AppBookmarkedTag)
	}
	return pos
}

func (r *readerScreen) ShortKeys() []key.Binding {
	k := r.sh.keys()
	switch {
	case r.selecting:
		return []key.Binding{k.SelectAdd, k.SelectMove, k.SelectPage, k.SelectClear}
	case r.finding:
		return []key.Binding{k.Done, k.Cancel, k.Exact}
	case r.toc:
		return []key.Binding{k.Open, k.Cancel}
	case len(r.terms) > 0:
		return []key.Binding{k.NextMatch, k.PrevMatch, k.ClearFind, k.PrevSec, k.NextSec, k.TOC, k.Agenda, k.Back}
	}
	return []key.Binding{k.PrevSec, k.NextSec, k.TOC, k.Find, k.Bookmark, k.Agenda, k.Select, k.Back}
}

func (r *readerScreen) FullKeys() [][]key.Binding {
	k := r.sh.keys()
	if r.toc {
		return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom, k.Open, k.Cancel}}
	}
	if r.selecting {
		return [][]key.Binding{{k.SelectMove, k.SelectPage, k.Top, k.Bottom, k.Wheel}, {k.SelectAdd, k.SelectClear}}
	}
	acts := []key.Binding{k.PrevSec, k.NextSec, k.TOC, k.Outline, k.Find}
	if len(r.terms) > 0 {
		acts = append(acts, k.NextMatch, k.PrevMatch, k.Exact, k.ClearFind)
	}
	acts = append(acts, k.Bookmark, k.Cites, k.Agenda, k.Select)
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom, k.Wheel},
		acts,
	}
}
