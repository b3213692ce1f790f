package tui

import (
	"chibo/content/plan"
	"chibo/tui/planview"
)

// newPlanScreen is the meeting-plan screen of package planview (key m),
// on the meeting being prepared. It is a common.Screen like every other.
func newPlanScreen(sh *shared, store *plan.Store, members *plan.MemberStore) *planview.Model {
	m := planview.New(sh.com, store, planSource(sh.lib), "")
	if members != nil {
		m.SetMembers(members)
	}
	return m
}

// newPickerScreen is planview's "add to agenda item" chooser (key a), for
// the section under the cursor of the reader, outline or search results.
func newPickerScreen(sh *shared, store *plan.Store, ex plan.Excerpt, from string) *planview.Picker {
	return planview.NewPicker(sh.com, store, "", ex, from)
}

// planSource is the library as the plan sees it (nil when none).
func planSource(l Library) plan.Source {
	if l == nil {
		return nil
	}
	return l
}

// excerpter is a screen with a section under the cursor that `a` can add
// to the meeting agenda.
type excerpter interface {
	excerpt() (plan.Excerpt, string, bool)
}

func (r *readerScreen) excerpt() (plan.Excerpt, string, bool) {
	if r.selecting {
		return r.passage()
	}
	i := r.currentSection()
	if i < 0 || i >= len(r.doc.Sections) {
		return plan.Excerpt{}, "", false
	}
	return plan.FromSectionTree(r.doc, r.doc.Sections[i]), r.doc.Sections[i].Heading, true
}

func (s *outlineScreen) excerpt() (plan.Excerpt, string, bool) {
	i := s.current()
	if i < 0 {
		return plan.Excerpt{}, "", false
	}
	return plan.FromSectionTree(s.doc, s.doc.Sections[i]), s.doc.Sections[i].Heading, true
}
