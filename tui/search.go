package tui

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"chibo/index"
	"chibo/tui/common"
	"chibo/tui/i18n"
)

// searchLimit is how many hits one search returns; facets narrow further.
const searchLimit = 50

// searchScreen searches across the library as the user types. A keypress
// only edits the input and schedules a debounced search; the search runs in
// a command with a context cancelled by the next one, and a result that is
// not for the latest query is dropped.
type searchScreen struct {
	sh   *shared
	w, h int

	input textinput.Model
	focus int // 0 input, 1 results, 2 facets

	seq     int // latest query number
	ranSeq  int // the query whose search is running or done
	gotSeq  int // the query whose result is shown
	cancel  context.CancelFunc
	res     *index.Result
	err     error
	running bool
	// toResults moves the focus to the results when the pending search
	// returns (Enter pressed before the debounce fired).
	toResults     bool
	openWhenReady bool

	exact bool // diacritics must match
	kinds map[string]bool
	years map[int]bool
	// facets as last shown, so the facet cursor stays on the same value
	facetRows []facetRow
	facetCur  int

	cursor, offset int

	// explain shows the selected hit's score broken down by rule and
	// field (explainKey toggles it).
	explain    bool
	explainKey key.Binding
}

type facetRow struct {
	kind  string
	year  int
	label string
	count int
	head  bool
}

type (
	searchTickMsg   struct{ seq int }
	searchResultMsg struct {
		seq int
		res *index.Result
		err error
	}
)

func newSearchScreen(sh *shared) *searchScreen {
	s := &searchScreen{sh: sh, kinds: map[string]bool{}, years: map[int]bool{}}
	s.input = newInput(sh, sh.T(i18n.AppSearchPrompt))
	s.explainKey = key.NewBinding(key.WithKeys("x"), key.WithHelp("x", sh.T(i18n.AppKeyExplain)))
	return s
}

func (s *searchScreen) focusInput() tea.Cmd {
	s.focus = 0
	return s.input.Focus()
}

func (s *searchScreen) Capturing() bool { return s.focus == 0 }

func (s *searchScreen) SetSize(w, h int) tea.Cmd {
	s.w, s.h = w, h
	s.input.SetWidth(max(5, w-lenCells(s.input.Prompt)-3))
	return s.refresh()
}

// refresh re-runs the latest query when its result was lost (the screen
// was hidden, or the index was not ready).
func (s *searchScreen) refresh() tea.Cmd {
	if s.sh.search == nil || strings.TrimSpace(s.input.Value()) == "" {
		return nil
	}
	if s.gotSeq == s.seq || (s.running && s.ranSeq == s.seq) {
		return nil
	}
	return s.run()
}

func (s *searchScreen) query() index.Query {
	q := index.Query{Text: strings.TrimSpace(s.input.Value()), Limit: searchLimit, Exact: s.exact, Explain: s.explain}
	for k, on := range s.kinds {
		if on {
			q.Kinds = append(q.Kinds, k)
		}
	}
	sort.Strings(q.Kinds)
	for y, on := range s.years {
		if on {
			q.Years = append(q.Years, y)
		}
	}
	sort.Ints(q.Years)
	return q
}

// run starts the search for the latest query in a command.
func (s *searchScreen) run() tea.Cmd {
	if s.cancel != nil {
		s.cancel()
		s.cancel = nil
	}
	q := s.query()
	if q.Text == "" {
		s.res, s.err, s.running, s.gotSeq = nil, nil, false, s.seq
		return nil
	}
	if s.sh.search == nil {
		return nil
	}
	ctx, cancel := context.WithCancel(context.Background())
	s.cancel = cancel
	s.running, s.ranSeq = true, s.seq
	seq, searcher := s.seq, s.sh.search
	return func() tea.Msg {
		res, err := searcher.Search(ctx, q)
		if err == nil && res != nil {
			groupFacets(ctx, searcher, q, res)
		}
		cancel()
		return searchResultMsg{seq: seq, res: res, err: err}
	}
}

// changed schedules a search for the new query after the debounce delay.
func (s *searchScreen) changed() tea.Cmd {
	s.seq++
	seq := s.seq
	if strings.TrimSpace(s.input.Value()) == "" {
		return s.run()
	}
	return tea.Tick(s.sh.searchDelay, func(time.Time) tea.Msg { return searchTickMsg{seq: seq} })
}

func (s *searchScreen) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case searchTickMsg:
		if msg.seq != s.seq {
			return nil // the user kept typing
		}
		return s.run()
	case searchResultMsg:
		if msg.seq != s.seq {
			return nil // stale: a newer query is on its way
		}
		s.running = false
		s.gotSeq = msg.seq
		if msg.err != nil && isCanceled(msg.err) {
			return nil
		}
		s.res, s.err = msg.res, msg.err
		s.cursor, s.offset = 0, 0
		s.buildFacets()
		open := s.openWhenReady
		if s.toResults && s.focus == 0 && s.hits() > 0 {
			s.input.Blur()
			s.focus = 1
		}
		s.toResults, s.openWhenReady = false, false
		if open && s.focus == 1 {
			return s.openHit()
		}
		return nil
	case indexReadyMsg:
		return s.refresh()
	case tea.KeyPressMsg:
		return s.key(msg)
	case tea.MouseWheelMsg:
		s.moveCursor(wheelStep(msg))
		return nil
	}
	if s.focus == 0 {
		var cmd tea.Cmd
		s.input, cmd = s.input.Update(msg)
		return cmd
	}
	return nil
}

func isCanceled(err error) bool {
	return err == context.Canceled || strings.Contains(err.Error(), context.Canceled.Error())
}

func (s *searchScreen) key(msg tea.KeyPressMsg) tea.Cmd {
	k := s.sh.keys()
	if key.Matches(msg, k.Focus) {
		dir := 1
		if msg.String() == "shift+tab" {
			dir = 2
		}
		s.focus = (s.focus + dir) % 3
		if s.focus == 0 {
			return s.input.Focus()
		}
		s.input.Blur()
		return nil
	}
	switch s.focus {
	case 0:
		switch msg.String() {
		case "esc":
			s.input.Blur()
			s.focus = 1
			if s.input.Value() == "" || s.res == nil {
				return send(escBackMsg{})
			}
			return nil
		case "enter", "down":
			if s.gotSeq != s.seq && msg.String() == "enter" {
				// Don't wait for the debounce: search now, then show the
				// results; a second Enter before they arrive opens the first.
				if s.toResults {
					s.openWhenReady = true
				}
				s.toResults = true
				if s.running && s.ranSeq == s.seq {
					return nil
				}
				return s.run()
			}
			if s.hits() > 0 {
				s.input.Blur()
				s.focus = 1
			}
			return nil
		case "ctrl+e":
			s.exact = !s.exact
			s.seq++
			return s.run()
		}
		before := s.input.Value()
		var cmd tea.Cmd
		s.input, cmd = s.input.Update(msg)
		s.input = common.ComposeInput(s.input)
		if s.input.Value() != before {
			s.toResults, s.openWhenReady = false, false
			return tea.Batch(cmd, s.changed())
		}
		return cmd
	case 1:
		if key.Matches(msg, k.Up) && s.cursor == 0 {
			return s.focusInput()
		}
		if n, ok := k.moveBy(msg, 5, s.hits()); ok {
			s.moveCursor(n)
			return nil
		}
		switch {
		case key.Matches(msg, s.explainKey):
			s.explain = !s.explain
			s.seq++
			return s.run()
		case key.Matches(msg, k.Open), key.Matches(msg, k.Expand):
			return s.openHit()
		case msg.Text != "" && msg.Mod == 0 && !strings.ContainsAny(msg.Text, "?qvBmaix/gGjkudnN"):
			// typing in the results goes back to the input
			cmd := s.focusInput()
			return tea.Batch(cmd, s.key(msg))
		}
	case 2:
		switch {
		case key.Matches(msg, k.Up):
			s.moveFacet(-1)
		case key.Matches(msg, k.Down):
			s.moveFacet(1)
		case key.Matches(msg, k.Toggle):
			return s.toggleFacet()
		}
	}
	return nil
}

// escBackMsg lets a screen ask the app to go back (esc in an empty input).
type escBackMsg struct{}

func (s *searchScreen) hits() int {
	if s.res == nil {
		return 0
	}
	return len(s.res.Hits)
}

func (s *searchScreen) moveCursor(n int) {
	s.cursor = moveRow(s.cursor, n, s.hits())
}

func (s *searchScreen) openHit() tea.Cmd {
	if s.cursor >= s.hits() {
		return nil
	}
	h := s.res.Hits[s.cursor]
	terms := matchedWords(h.Snippet)
	if len(terms) == 0 {
		terms = strings.Fields(strings.Trim(s.query().Text, "\""))
	}
	return send(openReaderMsg{doc: h.Doc, section: h.Section, terms: terms})
}

// matchedWords are the words of a snippet the search matched, as the
// document writes them: the reader highlights those.
func matchedWords(spans []index.Span) []string {
	var out []string
	for _, sp := range spans {
		if sp.Match && strings.TrimSpace(sp.Text) != "" {
			out = append(out, strings.TrimSpace(sp.Text))
		}
	}
	return cleanTerms(out)
}

func (s *searchScreen) buildFacets() {
	var prev facetRow
	if s.facetCur < len(s.facetRows) {
		prev = s.facetRows[s.facetCur]
	}
	s.facetRows = s.facetRows[:0]
	if s.res == nil {
		return
	}
	s.facetRows = append(s.facetRows, facetRow{label: s.sh.T(i18n.AppFacetKinds), head: true})
	kinds := s.res.Kinds
	for k, on := range s.kinds { // a chosen value stays visible even at 0 hits
		if on && !hasFacet(kinds, k) {
			kinds = append(kinds, index.Facet{Value: k})
		}
	}
	for _, f := range kinds {
		s.facetRows = append(s.facetRows, facetRow{kind: f.Value, label: s.sh.kindName(f.Value), count: f.Count})
	}
	s.facetRows = append(s.facetRows, facetRow{label: s.sh.T(i18n.AppFacetYears), head: true})
	years := s.res.Years
	for y, on := range s.years {
		if on && !hasFacet(years, strconv.Itoa(y)) {
			years = append(years, index.Facet{Value: strconv.Itoa(y)})
		}
	}
	for _, f := range years {
		y, err := strconv.Atoi(f.Value)
		label := f.Value
		if err != nil || y == 0 {
			label = s.sh.T(i18n.AppNoYear)
		}
		s.facetRows = append(s.facetRows, facetRow{year: max(y, 0), label: label, count: f.Count})
	}
	s.facetCur = 1
	for i, r := range s.facetRows {
		if !r.head && r.kind == prev.kind && r.year == prev.year && (r.kind != "" || r.year != 0) {
			s.facetCur = i
		}
	}
	s.facetCur = min(s.facetCur, len(s.facetRows)-1)
	if s.facetCur >= 0 && s.facetRows[s.facetCur].head {
		s.moveFacet(1)
	}
}

func hasFacet(fs []index.Facet, v string) bool {
	for _, f := range fs {
		if f.Value == v {
			return true
		}
	}
	return false
}

func (s *searchScreen) moveFacet(dir int) {
	for i := s.facetCur + dir; i >= 0 && i < len(s.facetRows); i += dir {
		if !s.facetRows[i].head {
			s.facetCur = i
			return
		}
	}
}

func (s *searchScreen) toggleFacet() tea.Cmd {
	if s.facetCur >= len(s.facetRows) || s.facetRows[s.facetCur].head {
		return nil
	}
	r := s.facetRows[s.facetCur]
	if r.kind != "" {
		s.kinds[r.kind] = !s.kinds[r.kind]
	} else if r.year != 0 {
		s.years[r.year] = !s.years[r.year]
	} else {
		return nil
	}
	s.seq++
	return s.run() // a deliberate choice: no debounce
}

func (s *searchScreen) wide() bool { return s.w >= 80 }

func (s *searchScreen) View() string {
	st := s.sh.st()
	top := []string{" " + s.input.View()}
	if !s.wide() {
		top = append(top, " "+st.Faint.Render(clip(s.facetSummary(), s.w-2)))
	}
	top = append(top, st.Border.Render(strings.Repeat("─", s.w)))
	bodyH := s.h - len(top)
	if !s.wide() {
		if s.focus == 2 {
			return strings.Join(append(top, s.facetLines(s.w, bodyH)...), "\n")
		}
		return strings.Join(append(top, s.resultLines(s.w, bodyH)...), "\n")
	}
	facetW := 22
	left := strings.Split(block(s.facetLines(facetW, bodyH), facetW, bodyH), "\n")
	right := s.resultLines(s.w-facetW-1, bodyH)
	sep := st.Border.Render("│")
	for i := range left {
		r := ""
		if i < len(right) {
			r = right[i]
		}
		top = append(top, left[i]+sep+r)
	}
	return strings.Join(top, "\n")
}

func (s *searchScreen) facetSummary() string {
	names := func(on map[string]bool, f func(string) string) string {
		var out []string
		for k, v := range on {
			if v {
				out = append(out, f(k))
			}
		}
		sort.Strings(out)
		if len(out) == 0 {
			return s.sh.T(i18n.AppFacetAll)
		}
		return strings.Join(out, ", ")
	}
	ys := map[string]bool{}
	for y, v := range s.years {
		ys[strconv.Itoa(y)] = v
	}
	return fmt.Sprintf(s.sh.T(i18n.AppFacetSummary), names(s.kinds, s.sh.kindName), names(ys, func(x string) string { return x }))
}

func (s *searchScreen) facetLines(w, h int) []string {
	st := s.sh.st()
	var out []string
	if len(s.facetRows) == 0 {
		out = append(out, " "+st.Bold.Render(s.sh.T(i18n.AppFacetKinds)), "  "+st.Faint.Render(s.sh.T(i18n.AppFacetNone)),
			" "+st.Bold.Render(s.sh.T(i18n.AppFacetYears)), "  "+st.Faint.Render(s.sh.T(i18n.AppFacetNone)))
		return out
	}
	for i, r := range s.facetRows {
		if r.head {
			if i > 0 {
				out = append(out, "")
			}
			h := clip(r.label, w-2)
			if s.focus == 2 {
				h = st.Focus.Render(h)
			} else {
				h = st.Bold.Render(h)
			}
			out = append(out, " "+h)
			continue
		}
		on := (r.kind != "" && s.kinds[r.kind]) || (r.year != 0 && s.years[r.year])
		box := "[ ] "
		if on {
			box = "[x] "
		}
		mark := " "
		if s.focus == 2 && i == s.facetCur {
			mark = "›"
		}
		count := " " + strconv.Itoa(r.count)
		label := clip(box+r.label, w-2-len(count))
		line := mark + fit(label, w-1-len(count)) + count
		if s.focus == 2 && i == s.facetCur {
			line = st.Selected.Render(line)
		}
		out = append(out, line)
	}
	if len(out) > h { // keep the cursor in view
		line := 0
		for i := 0; i <= s.facetCur && i < len(s.facetRows); i++ {
			line++
			if s.facetRows[i].head && i > 0 {
				line++
			}
		}
		off := scrollTo(0, line-1, h, len(out))
		out = out[off:]
	}
	return out
}

func (s *searchScreen) resultLines(w, h int) []string {
	st := s.sh.st()
	q := strings.TrimSpace(s.input.Value())
	msgLines := func(m string, style func(...string) string) []string {
		var out []string
		for _, l := range wrapIndent(m, w, 1) {
			out = append(out, style(l))
		}
		return out
	}
	plain := func(s ...string) string { return strings.Join(s, "") }
	switch {
	case s.sh.search == nil && s.sh.indexErr != nil:
		return msgLines(fmt.Sprintf(s.sh.T(i18n.AppIndexError), i18n.Describe(s.sh.lang(), s.sh.indexErr)), st.Error.Render)
	case s.sh.search == nil && s.sh.indexing:
		return append(msgLines(s.sh.T(i18n.AppIndexWait), plain), "", " "+fmt.Sprintf(s.sh.T(i18n.AppIndexProgress), s.sh.indexDone, s.sh.indexAll))
	case s.sh.search == nil:
		if q == "" {
			return msgLines(s.sh.T(i18n.AppSearchTips), plain)
		}
		return msgLines(s.sh.T(i18n.AppIndexMissing), plain)
	case q == "":
		return msgLines(s.sh.T(i18n.AppSearchTips), plain)
	case s.err != nil:
		return msgLines(fmt.Sprintf(s.sh.T(i18n.AppSearchError), i18n.Describe(s.sh.lang(), s.err)), st.Error.Render)
	case s.res == nil:
		return msgLines(s.sh.T(i18n.AppSearching), st.Faint.Render)
	case len(s.res.Hits) == 0 && s.exact:
		return msgLines(fmt.Sprintf(s.sh.T(i18n.AppSearchNoneExact), q), plain)
	case len(s.res.Hits) == 0:
		return msgLines(fmt.Sprintf(s.sh.T(i18n.AppSearchNone), q), plain)
	}
	head := fmt.Sprintf(s.sh.T(i18n.AppSearchTotal), s.res.Total)
	if s.exact {
		head += " · " + s.sh.T(i18n.AppFindExact)
	}
	if s.running || s.gotSeq != s.seq {
		head += " · " + s.sh.T(i18n.AppSearching)
	}
	out := []string{" " + st.Faint.Render(clip(head, w-2))}
	if s.explain && s.focus != 0 && s.cursor < len(s.res.Hits) {
		// The selected hit's score by rule and field, above the list.
		h0 := s.res.Hits[s.cursor]
		lines := ExplainLines(s.sh.T, h0.Score, h0.Explain)
		if len(lines) > h/2 {
			lines = append(lines[:max(h/2-1, 0)], "…")
		}
		for _, l := range lines {
			out = append(out, "  "+st.Faint.Render(clip(l, w-3)))
		}
		h -= len(lines)
	}
	const per = 4 // lines per hit
	listH := h - 1
	visible := max(1, listH/per)
	s.offset = scrollTo(s.offset, s.cursor, visible, len(s.res.Hits))
	for i := s.offset; i < len(s.res.Hits) && i < s.offset+visible; i++ {
		out = append(out, s.hitLines(i, w)...)
	}
	if rest := s.res.Total - len(s.res.Hits); rest > 0 && s.offset+visible >= len(s.res.Hits) && len(out) < h {
		out = append(out, " "+st.Faint.Render(clip(fmt.Sprintf(s.sh.T(i18n.AppSearchMoreHit), rest), w-2)))
	}
	return out
}

// hitLines draws one hit: document, breadcrumb, highlighted snippet.
func (s *searchScreen) hitLines(i, w int) []string {
	st := s.sh.st()
	h := s.res.Hits[i]
	sel := i == s.cursor && s.focus != 0
	mark := "  "
	if i == s.cursor {
		mark = "› "
	}
	title := h.Title
	if title == "" {
		title = h.Doc
	}
	l1 := clip(mark+title, w-1)
	if sel {
		l1 = st.Selected.Render(l1)
	} else {
		l1 = st.Bold.Render(l1)
	}
	path := h.Path
	if len(path) == 0 && h.Heading != "" {
		path = []string{h.Heading}
	}
	var l2 string
	if len(h.Missing) > 0 {
		// A partial match says which words it lacks (the index knows:
		// index.Hit.Missing); the path gets the rest.
		miss := fmt.Sprintf(s.sh.T(i18n.AppSearchMissing), strings.Join(h.Missing, ", "))
		miss = clip(miss, max(w-3-12, 8))
		l2 = "  " + st.Faint.Render(crumb(path, w-3-ansi.StringWidth(miss)-3)) + " · " + st.Error.Render(miss)
	} else {
		l2 = "  " + st.Faint.Render(crumb(path, w-3))
	}
	// the snippet on one line (white space collapsed), matches highlighted
	line, spans := snippetLine(h.Snippet)
	line = clip(line, w-3)
	var vis []span
	for _, sp := range spans {
		if sp.end <= ansi.StringWidth(line) {
			vis = append(vis, sp)
		}
	}
	l3 := "  " + highlight(line, vis, st.Match, st.Match, -1)
	return []string{" " + l1, " " + l2, " " + l3, ""}
}

// snippetLine joins snippet spans into one line with single spaces and
// returns the cell ranges of the matched words.
func snippetLine(snippet []index.Span) (string, []span) {
	var b strings.Builder
	var spans []span
	col := 0
	space := true // drop leading white space
	for _, sp := range snippet {
		start, end := -1, -1
		for _, r := range sp.Text {
			if unicode.IsSpace(r) {
				if !space {
					b.WriteByte(' ')
					col++
					space = true
				}
				continue
			}
			if start < 0 {
				start = col
			}
			b.WriteRune(r)
			col += runeCells(r)
			end = col
			space = false
		}
		if sp.Match && start >= 0 {
			spans = append(spans, span{start, end})
		}
	}
	return strings.TrimRight(b.String(), " "), spans
}

// ExplainLines renders a hit's score explanation, one line per rule and
// field, for the search screen and chibo search --explain.
func ExplainLines(t func(i18n.Msg) string, score float64, ex *index.Explanation) []string {
	if ex == nil {
		return nil
	}
	out := []string{fmt.Sprintf(t(i18n.ExplainTotal), score)}
	fields := map[string]i18n.Msg{"title": i18n.ExplainTitle, "heading": i18n.ExplainHeading, "text": i18n.ExplainText, "path": i18n.ExplainPath}
	for _, p := range ex.Parts {
		var what string
		switch p.Rule {
		case index.RuleWord:
			what = fmt.Sprintf(t(i18n.ExplainWord), p.Unit)
		case index.RulePair:
			what = fmt.Sprintf(t(i18n.ExplainPair), p.Unit)
		case index.RuleHeadCov:
			var pct float64
			fmt.Sscanf(p.Note, "%f%%", &pct)
			what = fmt.Sprintf(t(i18n.ExplainHeadCov), pct)
			if p.Field == "path" {
				what = fmt.Sprintf(t(i18n.ExplainParentCov), pct)
			}
		case index.RuleLead:
			var pct float64
			fmt.Sscanf(p.Note, "%f%%", &pct)
			what = fmt.Sprintf(t(i18n.ExplainLead), pct)
		case index.RuleTitleOnly:
			what = t(i18n.ExplainTitleOnly)
		case index.RuleToneMiss:
			what = fmt.Sprintf(t(i18n.ExplainToneMiss), p.Unit)
		case index.RuleMostWords:
			out = append(out, "  · "+fmt.Sprintf(t(i18n.ExplainMostWords), p.Unit))
			continue
		case index.RuleOwnNumber:
			out = append(out, "  ↑ "+fmt.Sprintf(t(i18n.ExplainOwnNumber), p.Unit))
			continue
		default:
			what = p.Rule
		}
		if f, ok := fields[p.Field]; ok && p.Rule != index.RuleHeadCov {
			what += " · " + t(f)
		}
		sign, v := "+", p.Value
		if v < 0 {
			sign, v = "−", -v // a rule that lowers the score
		}
		out = append(out, fmt.Sprintf("  %s %7.3f  %s", sign, v, what))
		if p.Rule == index.RuleWord && p.Note != "" {
			out = append(out, "             "+fmt.Sprintf(t(i18n.ExplainTone), p.Unit))
		}
	}
	return out
}

func (s *searchScreen) Name() string  { return s.sh.T(i18n.AppScreenSearch) }
func (s *searchScreen) Crumb() string { return strings.TrimSpace(s.input.Value()) }
func (s *searchScreen) Position() string {
	if s.res == nil || len(s.res.Hits) == 0 {
		return ""
	}
	return fmt.Sprintf("%d/%d", s.cursor+1, len(s.res.Hits))
}

func (s *searchScreen) ShortKeys() []key.Binding {
	k := s.sh.keys()
	switch s.focus {
	case 0:
		if strings.TrimSpace(s.input.Value()) == "" {
			return []key.Binding{k.Focus, k.Cancel}
		}
		return []key.Binding{k.Open, k.Focus, k.Exact, k.Cancel}
	case 2:
		return []key.Binding{k.Toggle, k.Focus, k.Back}
	}
	if s.hits() == 0 {
		return []key.Binding{k.Focus, k.Back}
	}
	return []key.Binding{k.Open, k.Agenda, s.explainKey, k.Focus, k.Back}
}

func (s *searchScreen) FullKeys() [][]key.Binding {
	k := s.sh.keys()
	switch s.focus {
	case 0:
		return [][]key.Binding{s.ShortKeys()}
	case 2:
		return [][]key.Binding{{k.Up, k.Down, k.Toggle, k.Focus}}
	}
	if s.hits() == 0 {
		return [][]key.Binding{{k.Focus}}
	}
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom, k.Open},
		{k.Agenda, s.explainKey, k.Focus},
	}
}

// hitSection is the document and section of the result under the cursor,
// for `a` (the app loads the document off the Update loop).
func (s *searchScreen) hitSection() (doc, section string, ok bool) {
	if s.focus != 1 || s.cursor >= s.hits() {
		return "", "", false
	}
	h := s.res.Hits[s.cursor]
	return h.Doc, h.Section, true
}
