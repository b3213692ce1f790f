package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"chibo/tui/i18n"
)

// helpScreen is the full key map: the keys of the screen it was opened
// from, then the keys that work everywhere.
type helpScreen struct {
	sh      *shared
	from    screen
	globals []key.Binding // the app-wide keys in force on from
	w, h    int
	offset  int
	lines   []string
}

func newHelpScreen(sh *shared, from screen, globals []key.Binding) *helpScreen {
	return &helpScreen{sh: sh, from: from, globals: globals}
}

func (s *helpScreen) build() {
	st := s.sh.st()
	type group struct {
		title string
		keys  []key.Binding
	}
	var groups []group
	for i, g := range helpGroups(s.from) {
		title := s.from.Name()
		if i == 0 {
			title = s.sh.T(i18n.AppHelpMove)
		}
		groups = append(groups, group{title, g})
	}
	groups = append(groups, group{s.sh.T(i18n.AppHelpGlobal), s.globals})
	keyW, descW := 0, 0
	for _, g := range groups {
		for _, b := range g.keys {
			keyW = max(keyW, ansi.StringWidth(b.Help().Key))
			descW = max(descW, ansi.StringWidth(b.Help().Desc))
		}
	}
	// A key is listed once, in the first group that has it (the screen's
	// own before "everywhere"), and a title once: a screen's further
	// groups go on under the first one's title.
	var col []string
	seen := map[string]bool{}
	titled := map[string]bool{}
	for _, g := range groups {
		var rows []string
		for _, b := range g.keys {
			h := b.Help()
			if seen[h.Key] {
				continue
			}
			seen[h.Key] = true
			rows = append(rows, "  "+st.Bold.Render(fit(h.Key, keyW))+"  "+h.Desc)
		}
		if len(rows) == 0 {
			continue
		}
		if !titled[g.title] {
			titled[g.title] = true
			col = append(col, st.Header.Render(g.title))
		} else if len(col) > 0 && col[len(col)-1] == "" {
			col = col[:len(col)-1] // the same group goes on
		}
		col = append(col, rows...)
		col = append(col, "")
	}
	s.lines = []string{" " + st.Bold.Render(s.sh.T(i18n.AppHelpTitle)+" — "+s.from.Name()), ""}
	// Two columns when they fit side by side.
	colW := 1 + 2 + keyW + 2 + descW
	if s.w >= 2*colW+2 && len(col) > s.h-3 {
		// split at the group boundary nearest the middle
		half := len(col)
		for b := 1; b < len(col); b++ {
			if col[b-1] == "" && abs(b-len(col)/2) < abs(half-len(col)/2) {
				half = b
			}
		}
		left, right := col[:half], col[half:]
		for i := 0; i < max(len(left), len(right)); i++ {
			l, r := "", ""
			if i < len(left) {
				l = left[i]
			}
			if i < len(right) {
				r = right[i]
			}
			s.lines = append(s.lines, " "+fit(l, s.w/2-1)+" "+r)
		}
	} else {
		for _, l := range col {
			s.lines = append(s.lines, " "+l)
		}
	}
	s.lines = append(s.lines, " "+st.Faint.Render(s.sh.T(i18n.AppHelpClose)))
}

func (s *helpScreen) Update(msg tea.Msg) tea.Cmd {
	k := s.sh.keys()
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, s.closeKey()):
			return send(escBackMsg{})
		case key.Matches(msg, k.Up):
			s.offset--
		case key.Matches(msg, k.Down):
			s.offset++
		case key.Matches(msg, k.PageUp):
			s.offset -= s.h - 1
		case key.Matches(msg, k.PageDown):
			s.offset += s.h - 1
		}
	case tea.MouseWheelMsg:
		if msg.Button == tea.MouseWheelUp {
			s.offset--
		} else if msg.Button == tea.MouseWheelDown {
			s.offset++
		}
	}
	s.offset = max(0, min(s.offset, len(s.lines)-s.h))
	return nil
}

func (s *helpScreen) SetSize(w, h int) tea.Cmd {
	s.w, s.h = w, h
	s.build()
	s.offset = max(0, min(s.offset, len(s.lines)-s.h))
	return nil
}

func (s *helpScreen) View() string {
	end := min(len(s.lines), s.offset+s.h)
	return strings.Join(s.lines[s.offset:end], "\n")
}

func (s *helpScreen) Name() string     { return s.sh.T(i18n.AppScreenHelp) }
func (s *helpScreen) Crumb() string    { return s.from.Name() }
func (s *helpScreen) Position() string { return "" }
func (s *helpScreen) ShortKeys() []key.Binding {
	k := s.sh.keys()
	if len(s.lines) > s.h {
		return []key.Binding{s.closeKey(), k.Up, k.Down, k.PageUp, k.PageDown, k.Back}
	}
	return []key.Binding{s.closeKey(), k.Back}
}
func (s *helpScreen) FullKeys() [][]key.Binding { return nil }
func (s *helpScreen) Capturing() bool           { return false }

// closeKey is ? and F1 on the help screen: they close it (the screen's
// own binding, so the app's "open the help" does not apply here).
func (s *helpScreen) closeKey() key.Binding {
	return key.NewBinding(key.WithKeys("?", "f1"), key.WithHelp("?/f1", s.sh.T(i18n.AppKeyClose)))
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
