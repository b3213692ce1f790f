package tui

import (
	"fmt"
	"sort"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"chibo/content"
	"chibo/tui/i18n"
)

// directive is one cited directive and every place the library cites it.
type directive struct {
	Symbol, Kind string
	Cites        []citation
	key          string // folded symbol and kind, for the filter
}

type citation struct {
	Doc     *content.Document
	Section *content.Section
}

// collectDirectives aggregates Document.Refs across the library: one entry
// per symbol, most cited first.
func collectDirectives(lib Library) []*directive {
	by := map[string]*directive{}
	var out []*directive
	for _, d := range lib.Docs() {
		seen := map[string]bool{}
		for _, r := range d.Refs {
			dir, ok := by[r.Symbol]
			if !ok {
				dir = &directive{Symbol: r.Symbol, Kind: r.Kind, key: foldKey(r.Symbol, r.Kind)}
				by[r.Symbol] = dir
				out = append(out, dir)
			}
			k := d.ID + "\x00" + r.Section
			if seen[r.Symbol+"\x00"+k] {
				continue
			}
			seen[r.Symbol+"\x00"+k] = true
			sec, _ := d.Section(r.Section)
			dir.Cites = append(dir.Cites, citation{Doc: d, Section: sec})
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if len(out[i].Cites) != len(out[j].Cites) {
			return len(out[i].Cites) > len(out[j].Cites)
		}
		return out[i].Symbol < out[j].Symbol
	})
	return out
}

// directivesScreen lists every cited directive (symbol, kind, count),
// filterable; Enter lists where one is cited, and Enter there opens the
// reader at that section with the symbol highlighted.
type directivesScreen struct {
	sh     *shared
	w, h   int
	all    []*directive
	only   map[string]bool // restricted to one section's refs
	shown  []*directive
	filter textinput.Model
	typing bool
	cursor int
	offset int

	detail  *directive
	dcursor int
	doffset int
}

func newDirectivesScreen(sh *shared, symbols []string, symbol string) *directivesScreen {
	s := &directivesScreen{sh: sh, all: collectDirectives(sh.lib)}
	s.filter = newInput(sh, sh.T(i18n.AppFilterPrompt))
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

func (s *directivesScreen) Capturing() bool { return s.typing }

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
	case s.filter.Value() != "":
		s.filter.SetValue("")
		s.apply()
		return true
	}
	return false
}

func (s *directivesScreen) Update(msg tea.Msg) tea.Cmd {
	k := s.sh.keys
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if s.typing {
			switch msg.String() {
			case "esc":
				s.typing = false
				s.filter.Blur()
				s.filter.SetValue("")
				s.apply()
				return nil
			case "enter", "down", "tab":
				s.typing = false
				s.filter.Blur()
				return nil
			}
			var cmd tea.Cmd
			s.filter, cmd = s.filter.Update(msg)
			s.apply()
			return cmd
		}
		if s.detail != nil {
			n := len(s.detail.Cites)
			switch {
			case key.Matches(msg, k.Up):
				s.dcursor = max(0, s.dcursor-1)
			case key.Matches(msg, k.Down):
				s.dcursor = min(n-1, s.dcursor+1)
			case key.Matches(msg, k.Top):
				s.dcursor = 0
			case key.Matches(msg, k.Bottom):
				s.dcursor = n - 1
			case key.Matches(msg, k.Collapse):
				s.detail = nil
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
		switch {
		case key.Matches(msg, k.Filter), key.Matches(msg, k.Focus):
			s.typing = true
			return s.filter.Focus()
		case key.Matches(msg, k.Up):
			s.cursor = max(0, s.cursor-1)
		case key.Matches(msg, k.Down):
			s.cursor = max(0, min(len(s.shown)-1, s.cursor+1))
		case key.Matches(msg, k.PageUp):
			s.cursor = max(0, s.cursor-(s.h-4))
		case key.Matches(msg, k.PageDown):
			s.cursor = max(0, min(len(s.shown)-1, s.cursor+(s.h-4)))
		case key.Matches(msg, k.Top):
			s.cursor = 0
		case key.Matches(msg, k.Bottom):
			s.cursor = max(0, len(s.shown)-1)
		case key.Matches(msg, k.Open), key.Matches(msg, k.Expand):
			if s.cursor < len(s.shown) {
				s.detail, s.dcursor, s.doffset = s.shown[s.cursor], 0, 0
			}
		}
	case tea.MouseWheelMsg:
		d := 0
		if msg.Button == tea.MouseWheelUp {
			d = -1
		} else if msg.Button == tea.MouseWheelDown {
			d = 1
		}
		if s.detail != nil {
			s.dcursor = max(0, min(len(s.detail.Cites)-1, s.dcursor+d))
		} else {
			s.cursor = max(0, min(len(s.shown)-1, s.cursor+d))
		}
	}
	return nil
}

func (s *directivesScreen) SetSize(w, h int) tea.Cmd {
	s.w, s.h = w, h
	s.filter.SetWidth(max(5, w-lenCells(s.filter.Prompt)-3))
	return nil
}

func (s *directivesScreen) View() string {
	if s.detail != nil {
		return s.detailView()
	}
	st := s.sh.st
	var top []string
	switch {
	case s.typing || s.filter.Value() != "":
		top = append(top, " "+s.filter.View())
	case s.only != nil:
		top = append(top, " "+st.Bold.Render(clip(s.sh.T(i18n.AppDirectivesOnly), s.w-2)))
	default:
		top = append(top, " "+st.Faint.Render(clip(s.sh.T(i18n.AppDirectivesFilter), s.w-2)))
	}
	top = append(top, "")
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
		count := fmt.Sprintf(s.sh.T(i18n.AppCitedTimes), len(d.Cites))
		kindW := s.w - 2 - 2 - symW - 2 - lenCells(count) - 2
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
	st := s.sh.st
	d := s.detail
	lines := []string{" " + st.Bold.Render(clip(fmt.Sprintf(s.sh.T(i18n.AppCitationsOf), d.Symbol+" ("+d.Kind+")", len(d.Cites)), s.w-2)), ""}
	per := 2
	visible := max(1, (s.h-len(lines))/per)
	s.doffset = scrollTo(s.doffset, s.dcursor, visible, len(d.Cites))
	for i := s.doffset; i < len(d.Cites) && i < s.doffset+visible; i++ {
		c := d.Cites[i]
		mark := "  "
		if i == s.dcursor {
			mark = "› "
		}
		l1 := clip(mark+c.Doc.Title, s.w-2)
		crumb := ""
		if c.Section != nil {
			crumb = strings.Join(c.Section.Path, " › ")
		}
		l2 := "    " + st.Faint.Render(clip(crumb, s.w-6))
		if i == s.dcursor {
			l1 = st.Selected.Render(l1)
		}
		lines = append(lines, " "+l1, " "+l2)
	}
	return strings.Join(lines, "\n")
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
	k := s.sh.keys
	if s.typing {
		return []key.Binding{k.Done, k.Clear}
	}
	if s.detail != nil {
		return []key.Binding{k.Open, k.Back}
	}
	return []key.Binding{k.Open, k.Filter, k.Back}
}

func (s *directivesScreen) FullKeys() [][]key.Binding {
	k := s.sh.keys
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom},
		{k.Open, k.Filter, k.Clear, k.Back},
	}
}
