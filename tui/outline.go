package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"chibo/content"
	"chibo/tui/i18n"
)

// outlineScreen is a document's section tree, collapsible, with a preview
// of the selected section beside it when the window is wide enough.
type outlineScreen struct {
	sh        *shared
	doc       *content.Document
	w, h      int
	collapsed map[int]bool
	visible   []int // indices into doc.Sections
	cursor    int   // index into visible
	offset    int
	focus     int // 0 tree, 1 preview
	prevOff   int
}

// previewMinWidth is the width from which the preview pane is shown.
const previewMinWidth = 80

func newOutlineScreen(sh *shared, d *content.Document, section string) *outlineScreen {
	s := &outlineScreen{sh: sh, doc: d, collapsed: map[int]bool{}}
	// Long documents open with their top levels only.
	if len(d.Sections) > 30 {
		for i, sec := range d.Sections {
			if sec.Level >= 2 && s.hasChildren(i) {
				s.collapsed[i] = true
			}
		}
	}
	s.rebuild()
	if section != "" {
		s.selectSection(section)
	}
	return s
}

func (s *outlineScreen) hasChildren(i int) bool {
	secs := s.doc.Sections
	return i+1 < len(secs) && secs[i+1].Level > secs[i].Level
}

// selectSection expands the ancestors of a section and puts the cursor on it.
func (s *outlineScreen) selectSection(id string) {
	for i, sec := range s.doc.Sections {
		if sec.ID != id {
			continue
		}
		for p := s.doc.Parent(i); p >= 0; p = s.doc.Parent(p) {
			delete(s.collapsed, p)
		}
		s.rebuild()
		for j, v := range s.visible {
			if v == i {
				s.cursor = j
			}
		}
		return
	}
}

func (s *outlineScreen) rebuild() {
	var cur = -1
	if s.cursor < len(s.visible) {
		cur = s.visible[s.cursor]
	}
	s.visible = s.visible[:0]
	hideBelow := 0 // hide sections deeper than this level (0: none)
	for i, sec := range s.doc.Sections {
		if hideBelow > 0 {
			if sec.Level > hideBelow {
				continue
			}
			hideBelow = 0
		}
		s.visible = append(s.visible, i)
		if s.collapsed[i] {
			hideBelow = sec.Level
		}
	}
	s.cursor = 0
	for j, v := range s.visible {
		if v == cur {
			s.cursor = j
		}
	}
	// the cursor's section was hidden: move to its visible ancestor
	if cur >= 0 && len(s.visible) > 0 && s.visible[s.cursor] != cur {
		for p := s.doc.Parent(cur); p >= 0; p = s.doc.Parent(p) {
			for j, v := range s.visible {
				if v == p {
					s.cursor = j
					return
				}
			}
		}
	}
}

func (s *outlineScreen) current() int {
	if s.cursor < len(s.visible) {
		return s.visible[s.cursor]
	}
	return -1
}

func (s *outlineScreen) Capturing() bool { return false }

func (s *outlineScreen) Update(msg tea.Msg) tea.Cmd {
	k := s.sh.keys()
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if key.Matches(msg, k.Focus) {
			if s.showPreview() {
				s.focus = 1 - s.focus
			}
			return nil
		}
		if s.focus == 1 {
			switch {
			case key.Matches(msg, k.Up):
				s.prevOff = max(0, s.prevOff-1)
			case key.Matches(msg, k.Down):
				s.prevOff++
			case key.Matches(msg, k.PageUp):
				s.prevOff = max(0, s.prevOff-s.h/2)
			case key.Matches(msg, k.PageDown):
				s.prevOff += s.h / 2
			case key.Matches(msg, k.Open):
				return s.open()
			}
			return nil
		}
		if n, ok := k.moveBy(msg, max(1, s.h-2), len(s.visible)); ok {
			s.move(n)
			return nil
		}
		i := s.current()
		switch {
		case key.Matches(msg, k.Collapse):
			if i < 0 {
				return nil
			}
			if s.hasChildren(i) && !s.collapsed[i] {
				s.collapsed[i] = true
				s.rebuild()
			} else if p := s.doc.Parent(i); p >= 0 {
				s.selectSection(s.doc.Sections[p].ID)
			}
		case key.Matches(msg, k.Expand):
			if i < 0 {
				return nil
			}
			if s.collapsed[i] {
				delete(s.collapsed, i)
				s.rebuild()
			} else if s.hasChildren(i) {
				s.move(1)
			}
		case key.Matches(msg, k.Open):
			return s.open()
		}
	case tea.MouseWheelMsg:
		if n := wheelStep(msg); n != 0 {
			s.move(n) // moving resets the preview, so a sideways turn must not
		}
	}
	return nil
}

func (s *outlineScreen) open() tea.Cmd {
	i := s.current()
	if i < 0 {
		return send(openReaderMsg{doc: s.doc.ID})
	}
	return send(openReaderMsg{doc: s.doc.ID, section: s.doc.Sections[i].ID, restore: true})
}

func (s *outlineScreen) move(n int) {
	s.cursor = moveRow(s.cursor, n, len(s.visible))
	s.prevOff = 0
}

func (s *outlineScreen) SetSize(w, h int) tea.Cmd {
	s.w, s.h = w, h
	if !s.showPreview() {
		s.focus = 0
	}
	return nil
}

func (s *outlineScreen) showPreview() bool { return s.w >= previewMinWidth }

func (s *outlineScreen) View() string {
	st := s.sh.st()
	treeW := s.w
	if s.showPreview() {
		treeW = s.w * 11 / 20
	}
	head := []string{" " + st.Bold.Render(clip(s.doc.Title, treeW-2))}
	meta := joinNonEmpty(" · ", s.doc.Number, displayDate(s.doc.Date), s.doc.Issuer)
	if meta != "" && s.h >= 18 {
		head = append(head, " "+st.Faint.Render(clip(meta, treeW-2)))
	}
	head = append(head, "")
	treeH := s.h - len(head)
	var rows []string
	if len(s.doc.Sections) == 0 {
		rows = wrapIndent(s.sh.T(i18n.AppOutlineEmpty), treeW, 1)
	}
	s.offset = scrollTo(s.offset, s.cursor, treeH, len(s.visible))
	for j := s.offset; j < len(s.visible) && j < s.offset+treeH; j++ {
		rows = append(rows, s.row(j, treeW))
	}
	tree := append(head, rows...)
	if !s.showPreview() {
		return strings.Join(tree, "\n")
	}
	prevW := s.w - treeW - 1
	left := strings.Split(block(tree, treeW, s.h), "\n")
	right := s.preview(prevW)
	sep := st.Border.Render("│")
	out := make([]string, s.h)
	for i := range out {
		r := ""
		if i < len(right) {
			r = right[i]
		}
		out[i] = left[i] + sep + r
	}
	return strings.Join(out, "\n")
}

func (s *outlineScreen) row(j, w int) string {
	st := s.sh.st()
	i := s.visible[j]
	sec := s.doc.Sections[i]
	mark := "  "
	if s.hasChildren(i) {
		if s.collapsed[i] {
			mark = "▸ "
		} else {
			mark = "▾ "
		}
	}
	cursor := "  "
	if j == s.cursor {
		cursor = "› "
	}
	star := ""
	if s.sh.user != nil && s.sh.user.IsBookmarked(s.doc.ID, sec.ID) {
		star = " " + s.sh.T(i18n.AppBookmarkedTag)
	}
	line := cursor + strings.Repeat("  ", sec.Level-1) + mark + sec.Heading + star
	line = clip(line, w-2)
	if j == s.cursor {
		if s.focus == 0 {
			line = st.Selected.Render(line)
		} else {
			line = st.Bold.Render(line)
		}
	}
	return " " + line
}

// preview shows the selected section's breadcrumb and plain text; it is
// cheap (no markdown render), so moving through the tree stays instant.
func (s *outlineScreen) preview(w int) []string {
	st := s.sh.st()
	i := s.current()
	if i < 0 {
		return nil
	}
	sec := s.doc.Sections[i]
	inner := w - 2
	var lines []string
	title := sec.Heading
	if s.focus == 1 {
		title = st.Focus.Render(clip(title, inner))
	} else {
		title = st.Bold.Render(clip(title, inner))
	}
	lines = append(lines, title)
	if len(sec.Path) > 1 {
		lines = append(lines, st.Faint.Render(clip(strings.Join(sec.Path[:len(sec.Path)-1], " › "), inner)))
	}
	info := fmt.Sprintf(s.sh.T(i18n.AppWordsInBody), len(content.Words(sec.Text)))
	if n := s.childCount(i); n > 0 {
		info += " · " + fmt.Sprintf(s.sh.T(i18n.AppChildren), n)
	}
	lines = append(lines, st.Faint.Render(info), "")
	var body []string
	if strings.TrimSpace(sec.Text) == "" {
		body = []string{st.Faint.Render(s.sh.T(i18n.AppPreviewEmpty))}
	} else {
		body = wrapText(sec.Text, inner)
	}
	for _, n := range sec.Notes {
		body = append(body, wrapText(n.Mark+" "+n.Text, inner)...)
	}
	if refs := sectionRefs(s.doc, sec.ID); len(refs) > 0 {
		var syms []string
		for _, r := range refs {
			syms = append(syms, r.Symbol)
		}
		body = append(body, "")
		body = append(body, wrapText(s.sh.T(i18n.AppCited)+": "+strings.Join(syms, ", "), inner)...)
	}
	maxOff := max(0, len(body)-(s.h-len(lines)))
	s.prevOff = min(s.prevOff, maxOff)
	lines = append(lines, body[s.prevOff:]...)
	for k := range lines {
		lines[k] = " " + lines[k]
	}
	return lines
}

func (s *outlineScreen) childCount(i int) int {
	n := 0
	for j := i + 1; j < len(s.doc.Sections) && s.doc.Sections[j].Level > s.doc.Sections[i].Level; j++ {
		if s.doc.Sections[j].Level == s.doc.Sections[i].Level+1 {
			n++
		}
	}
	return n
}

func (s *outlineScreen) Name() string  { return s.sh.T(i18n.AppScreenOutline) }
func (s *outlineScreen) Crumb() string { return s.doc.Title }
func (s *outlineScreen) Position() string {
	if i := s.current(); i >= 0 {
		return fmt.Sprintf("%d/%d", i+1, len(s.doc.Sections))
	}
	return ""
}

func (s *outlineScreen) ShortKeys() []key.Binding {
	k := s.sh.keys()
	return []key.Binding{k.Open, k.Collapse, k.Expand, k.Focus, k.Back}
}

func (s *outlineScreen) FullKeys() [][]key.Binding {
	k := s.sh.keys()
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom},
		{k.Open, k.Collapse, k.Expand, k.Focus, k.Agenda},
	}
}
