package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"chibo/content"
	"chibo/content/safetext"
	"chibo/tui/i18n"
)

// problemsScreen lists the files of the library folder that could not be
// read when the library was opened (key e in the library), each with
// what is wrong and what to do, in the words of i18n.Describe.
type problemsScreen struct {
	sh     *shared
	w, h   int
	offset int
}

func newProblemsScreen(sh *shared) *problemsScreen { return &problemsScreen{sh: sh} }

func (s *problemsScreen) lines() []string {
	dir := ""
	if cl, ok := s.sh.lib.(*content.Library); ok {
		dir = cl.Dir()
	}
	out := wrapIndent(fmt.Sprintf(s.sh.T(i18n.AppProblemsIntro), safetext.Line(dir)), s.w, 1)
	for _, err := range s.sh.problems {
		out = append(out, "")
		// The reason names a file of the folder: one line, no control
		// sequence from its name.
		for i, l := range wrapText(safetext.Line(i18n.Describe(s.sh.lang(), err)), s.w-4) {
			p := "   "
			if i == 0 {
				p = " • "
			}
			out = append(out, p+l)
		}
	}
	return out
}

func (s *problemsScreen) Update(msg tea.Msg) tea.Cmd {
	k := s.sh.keys()
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if n, ok := k.moveBy(msg, max(1, s.h-1), len(s.lines())); ok {
			s.scroll(n)
		}
	case tea.MouseWheelMsg:
		if n := wheelStep(msg); n != 0 {
			s.scroll(3 * n)
		}
	}
	return nil
}

func (s *problemsScreen) scroll(n int) {
	s.offset = max(0, min(s.offset+n, len(s.lines())-s.h))
}

func (s *problemsScreen) View() string {
	lines := s.lines()
	end := min(s.offset+s.h, len(lines))
	return strings.Join(lines[min(s.offset, end):end], "\n")
}

func (s *problemsScreen) SetSize(w, h int) tea.Cmd {
	s.w, s.h = w, h
	s.offset = max(0, min(s.offset, len(s.lines())-s.h))
	return nil
}

func (s *problemsScreen) Name() string     { return s.sh.T(i18n.AppScreenProblems) }
func (s *problemsScreen) Crumb() string    { return "" }
func (s *problemsScreen) Position() string { return "" }
func (s *problemsScreen) ShortKeys() []key.Binding {
	k := s.sh.keys()
	return []key.Binding{k.Back, k.Up, k.Down}
}
func (s *problemsScreen) FullKeys() [][]key.Binding {
	k := s.sh.keys()
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}}
}
func (s *problemsScreen) Capturing() bool { return false }
