package tui

import (
	"strings"

	tea "charm.land/bubbletea/v2"
)

// moveRow moves row cur by n, staying inside a list of total rows (row 0
// when the list is empty).
func moveRow(cur, n, total int) int { return max(0, min(total-1, cur+n)) }

// wheelStep is one row up (-1) or down (1) for a mouse wheel turn, 0 for
// a sideways one.
func wheelStep(msg tea.MouseWheelMsg) int {
	switch msg.Button {
	case tea.MouseWheelUp:
		return -1
	case tea.MouseWheelDown:
		return 1
	}
	return 0
}

// twoLineList draws head, then as many items as fit in h lines under it,
// two lines each: the title (in the selected style under the cursor) and
// a faint detail line indented below. off is the first item shown, moved
// so the cursor's item stays in view; item gives item i's two texts.
func (st styles) twoLineList(head []string, w, h int, off *int, cursor, n int, item func(i int) (title, detail string)) string {
	lines := head
	visible := max(1, (h-len(head))/2)
	*off = scrollTo(*off, cursor, visible, n)
	for i := *off; i < n && i < *off+visible; i++ {
		title, detail := item(i)
		mark := "  "
		if i == cursor {
			mark = "› "
		}
		l1 := clip(mark+title, w-2)
		l2 := "    " + st.Faint.Render(clip(detail, w-6))
		if i == cursor {
			l1 = st.Selected.Render(l1)
		}
		lines = append(lines, " "+l1, " "+l2)
	}
	return strings.Join(lines, "\n")
}
