package tui

import (
	"fmt"
	"sort"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"chibo/content"
	"chibo/tui/i18n"
)

// directive is one cited directive and every place the library cites it.
type directive struct {
	Symbol, Kind string
	Cites        []citation
	Doc          *content.Document // the library's document whose own number it is; nil when missing
	key          string            // folded symbol and kind, for the filter
}

// numberKey compares directive numbers: the canonical symbol when it
// parses as one, folded and lower case.
func numberKey(s string) string {
	if sym, _, ok := content.ParseSymbol(s); ok {
		s = sym
	}
	return strings.ToLower(content.Fold(strings.TrimSpace(s)))
}

type citation struct {
	Doc     *content.Document
	Section *content.Section
}

// collectDirectives aggregates Document.Refs across the library: one entry
// per symbol, most cited first, each with the library's document of that
// number (Document.Number) when there is one.
func collectDirectives(lib Library) []*directive {
	by := map[string]*directive{}
	var out []*directive
	own := map[string]*content.Document{}
	for _, d := range lib.Catalog() {
		if d.Number != "" {
			if _, dup := own[numberKey(d.Number)]; !dup {
				own[numberKey(d.Number)] = &content.Document{ID: d.ID, Title: d.Title, Number: d.Number}
			}
		}
	}
	// Documents are read one at a time; a citation keeps only the names
	// it shows, not the document's text.
	each := lib.Each
	if c, ok := lib.(interface {
		EachCitations(func(*content.Document) error) error
	}); ok {
		each = c.EachCitations // the citations without the text
	}
	each(func(d *content.Document) error {
		light := &content.Document{ID: d.ID, Title: d.Title, Number: d.Number}
		seen := map[string]bool{}
		for _, r := range d.Refs {
			dir, ok := by[r.Symbol]
			if !ok {
				dir = &directive{Symbol: r.Symbol, Kind: r.Kind, Doc: own[numberKey(r.Symbol)], key: foldKey(r.Symbol, r.Kind)}
				by[r.Symbol] = dir
				out = append(out, dir)
			}
			k := d.ID + "\x00" + r.Section
			if seen[r.Symbol+"\x00"+k] {
				continue
			}
			seen[r.Symbol+"\x00"+k] = true
			var sec *content.Section
			if full, ok := d.Section(r.Section); ok {
				sec = &content.Section{ID: full.ID, Level: full.Level, Heading: full.Heading, Path: full.Path}
			}
			dir.Cites = append(dir.Cites, citation{Doc: light, Section: sec})
		}
		return nil
	})
	sort.SliceStable(out, func(i, j int) bool {
		if len(out[i].Cites) != len(out[j].Cites) {
			return len(out[i].Cites) > len(out[j].Cites)
		}
		return out[i].Symbol < out[j].Symbol
	})
	return out
}

// directivesScreen lists every cited directive (symbol, kind, count),
// filterable, marking those the library has (✓) and counting the missing;
// Enter opens a directive the library has, else lists where it is cited
// (→ always does), and Enter there opens the reader at that section with
// the symbol highlighted.
type directivesScreen struct {
	sh     *shared
	w, h   int
	all    []*directive
	only   map[string]bool // restricted to one section's refs
	shown  []*directive
	filter filterBox
	cursor int
	offset int

	detail  *directive
	dcursor int
	doffset int
}

// newDirectivesScreenOf builds the screen over all, the directives
// collectDirectives found (disk I/O: the app calls it in a tea.Cmd).
func newDirectivesScreenOf(sh *shared, all []*directive, symbols []string, symbol string) *directivesScreen {
	s := &directivesScreen{sh: sh, all: all}
	s.filter = newFilterBox(sh)
	if len(symbols) > 0 {
		s.only = map[string]bool{}
		for _, x := range symbols {
			s.only[x] = true
		}
	}
	s.apply()
	if symbol != "" {
		for _, d := range s.all {
			if d.Symbol == symbol {
				s.detail = d
			}
		}
	}
	return s
}

func (s *directivesScreen) apply() {
	q := content.Fold(s.filter.Value())
	s.shown = s.shown[:0]
	for _, d := range s.all {
		if s.only != nil && !s.only[d.Symbol] {
			continue
		}
		if q == "" || matchFolded(d.key, q) {
			s.shown = append(s.shown, d)
		}
	}
	s.cursor = max(0, min(s.cursor, len(s.shown)-1))
}

func (s *directivesScreen) Capturing() bool { return s.filter.typing }

// Back closes the citations list, then the restriction, then the filter.
func (s *directivesScreen) Back() bool {
	switch {
	case s.detail != nil:
		s.detail = nil
		return true
	case s.only != nil:
		s.only = nil
		s.apply()
		return true
	case s.filter.Clear():
		s.apply()
		return true
	}
	return false
}

func (s *directivesScreen) Update(msg tea.Msg) tea.Cmd {
	k := s.sh.keys()
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if s.filter.typing {
			return s.filter.Key(msg, s.apply)
		}
		if s.detail != nil {
			n := len(s.detail.Cites)
			if d, ok := k.moveBy(msg, 0, n); ok {
				s.dcursor = moveRow(s.dcursor, d, n)
				return nil
			}
			switch {
			case key.Matches(msg, k.Collapse):
				s.detail = nil
			case key.Matches(msg, k.OpenDoc) && s.detail.Doc != nil:
				return send(openReaderMsg{doc: s.detail.Doc.ID})
			case key.Matches(msg, k.Open), key.Matches(msg, k.Expand):
				if s.dcursor < n {
					c := s.detail.Cites[s.dcursor]
					sec := ""
					if c.Section != nil {
						sec = c.Section.ID
					}
					return send(openReaderMsg{doc: c.Doc.ID, section: sec, terms: []string{s.detail.Symbol}})
				}
			}
			return nil
		}
		if n, ok := k.moveBy(msg, s.h-4, len(s.shown)); ok {
			s.cursor = moveRow(s.cursor, n, len(s.shown))
			return nil
		}
		switch {
		case key.Matches(msg, k.Filter), key.Matches(msg, k.Focus):
			return s.filter.Focus()
		case key.Matches(msg, k.Open), key.Matches(msg, k.Expand):
			if s.cursor < len(s.shown) {
				d := s.shown[s.cursor]
				if d.Doc != nil && key.Matches(msg, k.Open) {
					return send(openReaderMsg{doc: d.Doc.ID})
				}
				s.detail, s.dcursor, s.doffset = d, 0, 0
			}
		}
	case tea.MouseWheelMsg:
		if s.detail != nil {
			s.dcursor = moveRow(s.dcursor, wheelStep(msg), len(s.detail.Cites))
		} else {
			s.cursor = moveRow(s.cursor, wheelStep(msg), len(s.shown))
		}
	}
	return nil
}

func (s *directivesScreen) SetSize(w, h int) tea.Cmd {
	s.w, s.h = w, h
	s.filter.SetWidth(w - 3)
	return nil
}

func (s *directivesScreen) View() string {
	if s.detail != nil {
		return s.detailView()
	}
	st := s.sh.st()
	var top []string
	switch {
	case s.filter.Active():
		top = append(top, " "+s.filter.View())
	case s.only != nil:
		top = append(top, " "+st.Bold.Render(clip(s.sh.T(i18n.AppDirectivesOnly), s.w-2)))
	default:
		top = append(top, " "+st.Faint.Render(clip(s.sh.T(i18n.AppDirectivesFilter), s.w-2)))
	}
	have := 0
	for _, d := range s.all {
		if d.Doc != nil {
			have++
		}
	}
	top = append(top, " "+st.Faint.Render(clip(fmt.Sprintf(s.sh.T(i18n.AppDirectivesHave), have, len(s.all)-have), s.w-2)), "")
	if len(s.all) == 0 {
		return strings.Join(append(top, wrapIndent(s.sh.T(i18n.AppDirectivesEmpty), s.w, 1)...), "\n")
	}
	if len(s.shown) == 0 {
		return strings.Join(append(top, wrapIndent(fmt.Sprintf(s.sh.T(i18n.AppDirectivesNone), s.filter.Value()), s.w, 1)...), "\n")
	}
	listH := s.h - len(top)
	s.offset = scrollTo(s.offset, s.cursor, listH, len(s.shown))
	symW := 0
	for _, d := range s.shown {
		symW = max(symW, lenCells(d.Symbol))
	}
	symW = min(symW, s.w/2)
	for i := s.offset; i < len(s.shown) && i < s.offset+listH; i++ {
		d := s.shown[i]
		mark := "  "
		if i == s.cursor {
			mark = "› "
		}
		if d.Doc != nil {
			mark += "✓ "
		} else {
			mark += "  "
		}
		count := fmt.Sprintf(s.sh.T(i18n.AppCitedTimes), len(d.Cites))
		kindW := s.w - 2 - 4 - symW - 2 - lenCells(count) - 2
		line := mark + fit(d.Symbol, symW) + "  " + fit(d.Kind, max(kindW, 1)) + "  " + count
		line = clip(line, s.w-1)
		if i == s.cursor {
			line = st.Selected.Render(line)
		}
		top = append(top, " "+line)
	}
	return strings.Join(top, "\n")
}

func (s *directivesScreen) detailView() string {
	st := s.sh.st()
	d := s.detail
	have := s.sh.T(i18n.AppDirectiveMissing)
	if d.Doc != nil {
		have = fmt.Sprintf(s.sh.T(i18n.AppDirectiveInLibrary), d.Doc.Title)
	}
	head := []string{" " + st.Bold.Render(clip(fmt.Sprintf(s.sh.T(i18n.AppCitationsOf), d.Symbol+" ("+d.Kind+")", len(d.Cites)), s.w-2)),
		" " + st.Faint.Render(clip(have, s.w-2)), ""}
	return st.twoLineList(head, s.w, s.h, &s.doffset, s.dcursor, len(d.Cites), func(i int) (string, string) {
		c := d.Cites[i]
		crumb := ""
		if c.Section != nil {
			crumb = strings.Join(c.Section.Path, " › ")
		}
		return c.Doc.Title, crumb
	})
}

func (s *directivesScreen) Name() string {
	if s.detail != nil {
		return s.sh.T(i18n.AppScreenCitations)
	}
	return s.sh.T(i18n.AppScreenDirectives)
}

func (s *directivesScreen) Crumb() string {
	if s.detail != nil {
		return s.detail.Symbol
	}
	return ""
}

func (s *directivesScreen) Position() string {
	if s.detail != nil {
		return fmt.Sprintf("%d/%d", s.dcursor+1, len(s.detail.Cites))
	}
	if len(s.shown) == 0 {
		return ""
	}
	return fmt.Sprintf("%d/%d", s.cursor+1, len(s.shown))
}

func (s *directivesScreen) ShortKeys() []key.Binding {
	k := s.sh.keys()
	if s.filter.typing {
		return []key.Binding{k.Done, k.Clear}
	}
	if s.detail != nil {
		keys := []key.Binding{k.Open}
		if s.detail.Doc != nil {
			keys = append(keys, k.OpenDoc)
		}
		return append(keys, k.Back)
	}
	return []key.Binding{k.Open, k.Filter, k.Back}
}

// Hides: v leads here.
func (s *directivesScreen) Hides() []key.Binding { return []key.Binding{s.sh.keys().Directives} }

func (s *directivesScreen) FullKeys() [][]key.Binding {
	k := s.sh.keys()
	if s.detail != nil {
		open := []key.Binding{k.Open, k.Collapse}
		if s.detail.Doc != nil {
			open = append(open, k.OpenDoc)
		}
		return [][]key.Binding{{k.Up, k.Down, k.Top, k.Bottom}, open}
	}
	groups := [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom},
		{k.Open, k.Expand, k.Filter},
	}
	if s.filter.Active() || s.only != nil {
		groups[1] = append(groups[1], k.Clear)
	}
	return groups
}
