package tui

import (
	"fmt"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"chibo/content"
	"chibo/tui/common"
	"chibo/tui/i18n"
)

// libraryScreen lists the documents grouped by kind, newest first, with a
// filter that ignores diacritics.
type libraryScreen struct {
	sh     *shared
	w, h   int
	filter filterBox
	all    []*content.DocInfo
	keys   map[string]string // doc ID → folded title, number, issuer, date
	shown  []*content.DocInfo
	cursor int
	// confirm is the document x asked to remove, until y or n.
	confirm *content.DocInfo
	// twins are the titles more than one document has: their rows name
	// the file each came from, so two imports of the same guide (a
	// draft and the signed copy) can be told apart.
	twins map[string]bool
}

func newLibraryScreen(sh *shared) *libraryScreen {
	s := &libraryScreen{sh: sh, keys: map[string]string{}}
	s.filter = newFilterBox(sh)
	s.reload()
	return s
}

// newInput makes a text input in the app's look.
func newInput(sh *shared, prompt string) textinput.Model { return common.NewInput(sh.com, prompt) }

// reload reads the documents again (the library may have changed). The
// cursor goes to the document sel when given (the first one imported),
// else stays on its document, or on the same row if that one is gone.
func (s *libraryScreen) reload(sel ...string) {
	row := s.cursor
	cat := s.sh.lib.Catalog()
	s.all = s.all[:0]
	for i := range cat {
		s.all = append(s.all, &cat[i])
	}
	clear(s.keys) // filter keys, made when first matched (key)
	s.twins = twinTitles(s.all)
	var want *content.DocInfo
	id := ""
	if len(sel) > 0 && sel[0] != "" {
		id = sel[0]
	} else if d := s.selected(); d != nil {
		id = d.ID
	}
	for _, d := range s.all {
		if d.ID == id {
			want = d
		}
	}
	if want != nil && s.filter.Value() != "" && !matchFolded(s.key(want), content.Fold(s.filter.Value())) {
		s.filter.Clear() // show what was just imported
	}
	s.apply()
	s.cursor = min(row, max(0, len(s.shown)-1))
	for i, d := range s.shown {
		if want != nil && d.ID == want.ID {
			s.cursor = i
		}
	}
}

// key is what the filter matches for d: its title, number, issuer,
// date and source, folded. Made when first needed, not for every
// document at each reload (7,000 of them were a tenth of a 1 GB
// library's first frame).
func (s *libraryScreen) key(d *content.DocInfo) string {
	k, ok := s.keys[d.ID]
	if !ok {
		k = foldKey(d.Title, d.Number, d.Issuer, displayDate(d.Date), d.Date, d.Source)
		s.keys[d.ID] = k
	}
	return k
}

func (s *libraryScreen) apply() {
	q := content.Fold(s.filter.Value())
	var cur *content.DocInfo
	if s.cursor < len(s.shown) {
		cur = s.shown[s.cursor]
	}
	s.shown = s.shown[:0]
	for _, d := range s.all {
		if q == "" || matchFolded(s.key(d), q) {
			s.shown = append(s.shown, d)
		}
	}
	s.cursor = 0
	for i, d := range s.shown {
		if cur != nil && d.ID == cur.ID {
			s.cursor = i
		}
	}
}

func (s *libraryScreen) Capturing() bool { return s.filter.typing || s.confirm != nil }

func (s *libraryScreen) Back() bool {
	if s.filter.Clear() {
		s.apply()
		return true
	}
	return false
}

func (s *libraryScreen) Update(msg tea.Msg) tea.Cmd {
	k := s.sh.keys()
	switch msg := msg.(type) {
	case libraryChangedMsg:
		s.reload(msg.sel)
		return nil
	case tea.KeyPressMsg:
		if s.confirm != nil {
			return s.confirmKey(msg)
		}
		if s.filter.typing {
			return s.filter.Key(msg, s.apply)
		}
		if n, ok := k.moveBy(msg, max(1, s.h/2/2), len(s.shown)); ok {
			s.move(n)
			return nil
		}
		switch {
		case key.Matches(msg, k.Filter), key.Matches(msg, k.Focus):
			return s.filter.Focus()
		case key.Matches(msg, k.LibSearch):
			return send(openSearchMsg{})
		case key.Matches(msg, k.Remove):
			return s.askRemove()
		case key.Matches(msg, k.Problems) && len(s.sh.problems) > 0:
			return send(openProblemsMsg{})
		case key.Matches(msg, k.Open), key.Matches(msg, k.Expand):
			if d := s.selected(); d != nil {
				sec := ""
				if s.sh.user != nil {
					sec, _, _ = s.sh.user.Position(d.ID)
				}
				return send(openOutlineMsg{doc: d.ID, section: sec})
			}
		}
	case tea.MouseWheelMsg:
		s.move(wheelStep(msg))
	}
	return nil
}

// askRemove asks to confirm removing the selected document; documents
// shipped with chibo cannot be removed, and the user is told so.
func (s *libraryScreen) askRemove() tea.Cmd {
	d := s.selected()
	if d == nil {
		return nil
	}
	ed, ok := s.sh.lib.(libraryEditor)
	if !ok {
		return send(flashMsg{text: s.sh.T(i18n.AppImportOff), err: true})
	}
	if !ed.IsImported(d.ID) {
		return send(flashMsg{text: fmt.Sprintf(s.sh.T(i18n.AppRemoveSeed), d.Title), err: true})
	}
	s.confirm = d
	return nil
}

// confirmKey answers the removal question: y (or c, for "có") removes,
// n or esc keeps; other keys are ignored so a stray key removes nothing.
func (s *libraryScreen) confirmKey(msg tea.KeyPressMsg) tea.Cmd {
	k := s.sh.keys()
	d := s.confirm
	switch {
	case key.Matches(msg, k.Yes):
		s.confirm = nil
		ed := s.sh.lib.(libraryEditor)
		return func() tea.Msg {
			return docRemovedMsg{id: d.ID, title: d.Title, err: ed.Remove(d.ID)}
		}
	case key.Matches(msg, k.No):
		s.confirm = nil
		return send(flashMsg{text: fmt.Sprintf(s.sh.T(i18n.AppRemoveKept), d.Title)})
	}
	return nil
}

func (s *libraryScreen) move(n int) { s.cursor = moveRow(s.cursor, n, len(s.shown)) }

func (s *libraryScreen) selected() *content.DocInfo {
	if s.cursor < len(s.shown) {
		return s.shown[s.cursor]
	}
	return nil
}

func (s *libraryScreen) SetSize(w, h int) tea.Cmd {
	s.w, s.h = w, h
	s.filter.SetWidth(w - 2)
	return nil
}

func lenCells(s string) int { return len([]rune(s)) }

func (s *libraryScreen) View() string {
	st := s.sh.st()
	var top []string
	switch {
	case s.confirm != nil:
		q := wrapIndent(fmt.Sprintf(s.sh.T(i18n.AppRemoveConfirm), s.confirm.Title), s.w, 1)
		if len(q) > 3 {
			q = append(q[:2], clip(q[2]+" …", s.w-1))
		}
		for _, l := range q {
			top = append(top, st.Error.Render(l))
		}
		top = append(top, " "+st.Bold.Render(clip(s.sh.T(i18n.AppRemoveKeys), s.w-2)))
	case s.filter.Active():
		top = append(top, " "+s.filter.View())
	default:
		top = append(top, " "+st.Faint.Render(clip(s.sh.T(i18n.AppFilterHint), s.w-2)))
	}
	if s.confirm == nil {
		// The blank line under the filter says, when there are any, that
		// some files of the library could not be read.
		line := ""
		if n := len(s.sh.problems); n > 0 {
			line = " " + st.Error.Render(clip(fmt.Sprintf(s.sh.T(i18n.AppProblemsLine), n), s.w-2))
		}
		top = append(top, line)
	}
	listH := s.h - len(top)
	if len(s.all) == 0 {
		return strings.Join(append(top, wrapIndent(s.sh.T(i18n.AppLibraryEmpty), s.w, 1)...), "\n")
	}
	if len(s.shown) == 0 {
		return strings.Join(append(top, wrapIndent(fmt.Sprintf(s.sh.T(i18n.AppFilterNone), s.filter.Value()), s.w, 1)...), "\n")
	}
	// Lay the rows out without drawing them — a group header (with a
	// blank line above all but the first) and two lines a document — then
	// draw only those in the window around the cursor: a frame costs the
	// rows on screen, not the library (7,000 documents of a 1 GB one).
	header := func(i int) bool { return i == 0 || s.shown[i-1].Kind != s.shown[i].Kind }
	headers := map[int]bool{} // line → a group header
	total, curFrom, curTo := 0, 0, 0
	for i := range s.shown {
		if header(i) {
			if i > 0 {
				total++
			}
			headers[total] = true
			total++
		}
		if i == s.cursor {
			curFrom, curTo = total, total+1
			// keep the group header in view when the first item is selected
			if i > 0 && header(i) {
				curFrom--
			}
			if i == 0 {
				curFrom = 0
			}
		}
		total += 2
	}
	off := scrollTo(0, curTo, listH, total)
	if curFrom < off {
		off = curFrom
	}
	end := min(off+listH, total)
	if end < total && headers[end-1] {
		end-- // no group header without its first document
	}
	lines := make([]string, 0, end-off)
	n := 0 // the next line's number
	emit := func(count int, draw func() []string) {
		if n < end && n+count > off {
			for k, l := range draw() {
				if n+k >= off && n+k < end {
					lines = append(lines, l)
				}
			}
		}
		n += count
	}
	for i, d := range s.shown {
		if n >= end {
			break
		}
		if header(i) {
			if i > 0 {
				emit(1, func() []string { return []string{""} })
			}
			emit(1, func() []string {
				return []string{" " + st.Header.Render(clip(strings.ToUpper(s.sh.kindName(string(d.Kind))), s.w-2))}
			})
		}
		emit(2, func() []string { return s.docLines(i, d) })
	}
	return strings.Join(append(top, lines...), "\n")
}

// twinTitles lists the titles more than one of docs has.
func twinTitles(docs []*content.DocInfo) map[string]bool {
	seen := make(map[string]bool, len(docs))
	var twins map[string]bool
	for _, d := range docs {
		if seen[d.Title] {
			if twins == nil {
				twins = map[string]bool{}
			}
			twins[d.Title] = true
		}
		seen[d.Title] = true
	}
	return twins
}

// docLines draws one document as two lines: the title, then number, date,
// issuer and section count.
func (s *libraryScreen) docLines(i int, d *content.DocInfo) []string {
	st := s.sh.st()
	sel := i == s.cursor
	marker := "  "
	if sel {
		marker = "› "
	}
	num := strconv.Itoa(i+1) + ". "
	title := marker + num + d.Title
	number := d.Number
	if number == "" {
		number = s.sh.T(i18n.AppNoNumber)
	}
	meta := joinNonEmpty(" · ", number, displayDate(d.Date), d.Issuer, fmt.Sprintf(s.sh.T(i18n.AppSections), d.SectionCount))
	if s.twins[d.Title] && d.Source != "" {
		meta += " · " + d.Source
	}
	if s.sh.user != nil {
		if sec, _, ok := s.sh.user.Position(d.ID); ok && sec != "" {
			meta += " · " + s.sh.T(i18n.AppReadingHere)
		}
	}
	pad := strings.Repeat(" ", lenCells(marker)+lenCells(num))
	l1 := clip(title, s.w-1)
	l2 := pad + clip(meta, s.w-1-len(pad))
	if sel {
		l1 = st.Selected.Render(l1)
		l2 = st.Bold.Render(l2)
	} else {
		l2 = st.Faint.Render(l2)
	}
	return []string{" " + l1, " " + l2}
}

// wrapIndent wraps a message to the width with an indent.
func wrapIndent(msg string, w, indent int) []string {
	pad := strings.Repeat(" ", indent)
	var out []string
	for _, l := range wrapText(msg, w-2*indent) {
		out = append(out, pad+l)
	}
	return out
}

func (s *libraryScreen) Name() string  { return s.sh.T(i18n.AppScreenLibrary) }
func (s *libraryScreen) Crumb() string { return "" }
func (s *libraryScreen) Position() string {
	if len(s.shown) == 0 {
		return "0/" + strconv.Itoa(len(s.all))
	}
	if len(s.shown) != len(s.all) {
		return fmt.Sprintf("%d/%d (%d)", s.cursor+1, len(s.shown), len(s.all))
	}
	return fmt.Sprintf("%d/%d", s.cursor+1, len(s.shown))
}

func (s *libraryScreen) ShortKeys() []key.Binding {
	k := s.sh.keys()
	if s.confirm != nil {
		return []key.Binding{k.Yes, k.No}
	}
	if s.filter.typing {
		return []key.Binding{k.Done, k.Clear}
	}
	keys := []key.Binding{k.Open, k.Filter, k.LibSearch, k.Import}
	if len(s.sh.problems) > 0 {
		keys = append(keys, k.Problems)
	}
	return append(keys, k.Directives, k.Bookmarks, k.Plan, k.Quit)
}

func (s *libraryScreen) FullKeys() [][]key.Binding {
	k := s.sh.keys()
	groups := [][]key.Binding{
		k.moveGroup(),
		{k.Filter, k.LibSearch, k.Import, k.Remove, k.Directives, k.Bookmarks, k.Plan},
	}
	if s.filter.Active() {
		groups[1] = append(groups[1], k.Clear)
	}
	if len(s.sh.problems) > 0 {
		groups[1] = append(groups[1], k.Problems)
	}
	return groups
}
