package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"chibo/content/plan"
	"chibo/tui/i18n"
	"chibo/tui/planview"
)

// planScreen hosts the meeting-plan screen of package planview (key m).
// It owns every key but ctrl+c, the history keys and ? (outside its
// prompts): the plan screen has its own (esc and q close it, i, x, e …).
type planScreen struct {
	sh *shared
	m  planview.Model
}

func newPlanScreen(sh *shared, store *plan.Store) *planScreen {
	return &planScreen{sh: sh, m: planview.New(store, sh.lib, sh.lang, "")}
}

func (s *planScreen) Update(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	s.m, cmd = s.m.Update(msg)
	return cmd
}

func (s *planScreen) View() string { return s.m.View() }

// SetSize also reloads the plan (Init), so excerpts added with the picker
// or the command line show when the screen comes back.
func (s *planScreen) SetSize(w, h int) tea.Cmd {
	s.m.SetSize(w, h)
	return s.m.Init()
}

func (s *planScreen) Name() string              { return s.sh.T(i18n.AppScreenPlan) }
func (s *planScreen) Crumb() string             { return s.m.Month() }
func (s *planScreen) Position() string          { return "" }
func (s *planScreen) ShortKeys() []key.Binding  { return []key.Binding{s.sh.keys.Back} }
func (s *planScreen) FullKeys() [][]key.Binding { return nil }
func (s *planScreen) Capturing() bool           { return s.m.Capturing() }

// pickerScreen is planview's "add to agenda item" chooser (key a), for the
// section under the cursor of the reader, outline or search results.
type pickerScreen struct {
	sh   *shared
	k    planview.Picker
	from string
}

func newPickerScreen(sh *shared, store *plan.Store, ex plan.Excerpt, from string) *pickerScreen {
	return &pickerScreen{sh: sh, k: planview.NewPicker(store, "", ex, sh.lang), from: from}
}

func (s *pickerScreen) Update(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	s.k, cmd = s.k.Update(msg)
	return cmd
}

func (s *pickerScreen) View() string             { return s.k.View() }
func (s *pickerScreen) SetSize(w, h int) tea.Cmd { s.k.SetSize(w, h); return nil }
func (s *pickerScreen) Name() string             { return s.sh.T(i18n.AppScreenPicker) }
func (s *pickerScreen) Crumb() string            { return s.from }
func (s *pickerScreen) Position() string         { return "" }
func (s *pickerScreen) ShortKeys() []key.Binding {
	return []key.Binding{s.sh.keys.Open, s.sh.keys.Cancel}
}
func (s *pickerScreen) FullKeys() [][]key.Binding { return nil }
func (s *pickerScreen) Capturing() bool           { return true }

// excerpter is a screen with a section under the cursor that `a` can add
// to the meeting agenda.
type excerpter interface {
	excerpt() (plan.Excerpt, string, bool)
}

func (r *readerScreen) excerpt() (plan.Excerpt, string, bool) {
	i := r.currentSection()
	if i < 0 || i >= len(r.doc.Sections) {
		return plan.Excerpt{}, "", false
	}
	return plan.FromSection(r.doc, r.doc.Sections[i]), r.doc.Sections[i].Heading, true
}

func (s *outlineScreen) excerpt() (plan.Excerpt, string, bool) {
	i := s.current()
	if i < 0 {
		return plan.Excerpt{}, "", false
	}
	return plan.FromSection(s.doc, s.doc.Sections[i]), s.doc.Sections[i].Heading, true
}

func (s *searchScreen) excerpt() (plan.Excerpt, string, bool) {
	if s.focus != 1 || s.cursor >= s.hits() || s.sh.lib == nil {
		return plan.Excerpt{}, "", false
	}
	h := s.res.Hits[s.cursor]
	d, ok := s.sh.lib.Doc(h.Doc)
	if !ok {
		return plan.Excerpt{}, "", false
	}
	sec, ok := d.Section(h.Section)
	if !ok {
		return plan.Excerpt{}, "", false
	}
	return plan.FromSection(d, sec), sec.Heading, true
}
