package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"chibo/content"
	"chibo/content/plan"
	"chibo/tui/i18n"
)

// mdUnit is one paragraph of a section's markdown as the reader selects
// it: a top-level block (a paragraph, a table, a quote, a code block), or
// one item of a list. start and end are byte offsets in the markdown
// (end exclusive, without the line break); tight says the unit follows
// the previous one with no blank line between (items of a tight list).
type mdUnit struct {
	start, end int
	tight      bool
}

// splitUnits cuts md into the units the reader selects and renders one
// by one. A new block starts after a blank line at a line that is not
// indented (an indented line after a blank continues the block above: a
// list item's second paragraph, an indented code block), never inside a
// fenced code block; a block that is a list is cut again at each item
// that starts in column 0. Joining the units' renders with a blank line
// (none before a tight unit) gives the section as glamour shows it whole.
func splitUnits(md string) []mdUnit {
	var lines []srcLine
	for i := 0; i <= len(md); {
		j := strings.IndexByte(md[i:], '\n')
		if j < 0 {
			lines = append(lines, srcLine{i, len(md)})
			break
		}
		lines = append(lines, srcLine{i, i + j})
		i += j + 1
	}
	text := func(l srcLine) string { return strings.TrimRight(md[l.start:l.end], "\r") }
	blank := func(l srcLine) bool { return strings.TrimSpace(text(l)) == "" }

	// Blocks: runs of lines split at a blank line followed by a line in
	// column 0, outside fences.
	var blocks [][]srcLine
	var cur []srcLine
	fence := ""
	sawBlank := false
	for _, l := range lines {
		t := text(l)
		if fence != "" {
			cur = append(cur, l)
			if f := fenceOf(t); f != "" && strings.HasPrefix(f, fence) && strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(t), fence[:1])) == "" {
				fence = ""
			}
			continue
		}
		if blank(l) {
			sawBlank = true
			continue
		}
		if sawBlank && len(cur) > 0 && t[0] != ' ' && t[0] != '\t' {
			blocks = append(blocks, cur)
			cur = nil
		}
		if sawBlank && len(cur) > 0 {
			// An indented continuation keeps the blank line between.
			cur = append(cur, srcLine{-1, -1})
		}
		sawBlank = false
		cur = append(cur, l)
		if f := fenceOf(t); f != "" {
			fence = f
		}
	}
	if len(cur) > 0 {
		blocks = append(blocks, cur)
	}

	var out []mdUnit
	prevList := "" // the marker kind of the list the last unit was an item of
	for _, b := range blocks {
		first := text(b[0])
		if !isListItem(first) {
			out = append(out, mdUnit{start: b[0].start, end: lastEnd(b)})
			prevList = ""
			continue
		}
		// Glamour shows a loose list's items with no blank line between,
		// as a tight list's: an item after an item of the same list is
		// tight whatever the blank lines.
		kind := listKind(first)
		tightFirst := kind == prevList
		prevList = kind
		// A list: one unit per item in column 0.
		from := 0
		for i := 1; i <= len(b); i++ {
			if i < len(b) && (b[i].start < 0 || !isListItem(text(b[i])) || text(b[i])[0] == ' ' || text(b[i])[0] == '\t') {
				continue
			}
			out = append(out, mdUnit{start: b[from].start, end: lastEnd(b[from:i]), tight: from > 0 || tightFirst})
			from = i
		}
	}
	return out
}

// srcLine is a line of markdown by its byte offsets (-1, -1: a blank
// line kept inside a block).
type srcLine struct{ start, end int }

func lastEnd(ls []srcLine) int {
	for i := len(ls) - 1; i >= 0; i-- {
		if ls[i].end >= 0 {
			return ls[i].end
		}
	}
	return 0
}

// fenceOf is the fence a line opens (``` or ~~~, three or more, indented
// at most three columns), or "".
func fenceOf(t string) string {
	s := strings.TrimLeft(t, " ")
	if len(t)-len(s) > 3 || len(s) < 3 {
		return ""
	}
	c := s[0]
	if c != '`' && c != '~' {
		return ""
	}
	n := 0
	for n < len(s) && s[n] == c {
		n++
	}
	if n < 3 {
		return ""
	}
	return s[:n]
}

// isListItem says whether a line opens a list item: a bullet (-, *, +)
// or a number (1. or 1)) followed by a blank, not a thematic break.
func isListItem(t string) bool {
	s := strings.TrimLeft(t, " ")
	if len(t)-len(s) > 3 {
		return false
	}
	if k, ok := markerEnd(s, 0); ok && s[0] != '>' {
		if strings.Trim(strings.ReplaceAll(strings.ReplaceAll(s, " ", ""), "\t", ""), string(s[0])) == "" && len(strings.TrimSpace(s)) >= 3 && s[0] != '+' {
			return false // "- - -", "***": a thematic break
		}
		return k > 0
	}
	return false
}

// listKind is the kind of list an item line belongs to: its bullet, or
// the delimiter of its number ("." or ")").
func listKind(t string) string {
	s := strings.TrimLeft(t, " ")
	if s == "" {
		return ""
	}
	if s[0] == '-' || s[0] == '*' || s[0] == '+' {
		return s[:1]
	}
	i := strings.IndexAny(s, ".)")
	if i < 0 {
		return ""
	}
	return "1" + s[i:i+1]
}

// ---- selecting a passage in the reader (V) ----

// startSelect starts selecting at the paragraph at the top of the view
// (the marked section's heading when [ ] chose one lower down).
func (r *readerScreen) startSelect() tea.Cmd {
	if r.rd == nil {
		return send(flashMsg{text: r.sh.T(i18n.AppSelectWait)})
	}
	if len(r.rd.paras) == 0 {
		return send(flashMsg{text: r.sh.T(i18n.AppSelectNone)})
	}
	at := -1
	if r.selSet {
		for i, p := range r.rd.paras {
			if p.sec == r.sel {
				at = i
				break
			}
		}
	}
	if at < 0 {
		at = len(r.rd.paras) - 1
		for i, p := range r.rd.paras {
			if p.end > r.y {
				at = i
				break
			}
		}
	}
	r.selecting, r.selFrom, r.selTo = true, at, at
	r.showPara(at)
	return nil
}

// selectKey handles a key while selecting: ↑/↓ move the selection's
// moving end by a paragraph, pgup/pgdn by a screen, g/G to the document's
// ends; enter and y add the passage (a is the app's, see excerpt).
func (r *readerScreen) selectKey(msg tea.KeyPressMsg) tea.Cmd {
	k := r.sh.keys()
	n := len(r.rd.paras)
	switch {
	case key.Matches(msg, k.Up):
		r.selTo = max(0, r.selTo-1)
	case key.Matches(msg, k.Down):
		r.selTo = min(n-1, r.selTo+1)
	case key.Matches(msg, k.PageUp), key.Matches(msg, k.PageDown):
		dir := 1
		if key.Matches(msg, k.PageUp) {
			dir = -1
		}
		page := max(1, r.textHeight()-2)
		from := r.rd.paras[r.selTo].start
		i := r.selTo
		for i+dir >= 0 && i+dir < n {
			i += dir
			if d := r.rd.paras[i].start - from; d*dir >= page {
				break
			}
		}
		r.selTo = i
	case key.Matches(msg, k.Top):
		r.selTo = 0
	case key.Matches(msg, k.Bottom):
		r.selTo = n - 1
	case key.Matches(msg, k.SelectAdd):
		return send(addToAgendaMsg{})
	default:
		return nil
	}
	r.showPara(r.selTo)
	return nil
}

// showPara scrolls so paragraph i is in view: its first line, and as
// much of it as fits.
func (r *readerScreen) showPara(i int) {
	p := r.rd.paras[i]
	th := r.textHeight()
	switch {
	case p.start < r.y:
		r.y = p.start
	case p.end > r.y+th:
		r.y = min(p.start, p.end-th)
	}
	r.y = max(0, min(r.maxY(), r.y))
	r.anchored, r.selSet = false, false
}

// selRange is the selected paragraphs, first and last (inclusive).
func (r *readerScreen) selRange() (int, int) {
	return min(r.selFrom, r.selTo), max(r.selFrom, r.selTo)
}

// selectedLines is the screen lines the selection marks, from first to
// last as a set: the lines of the selected paragraphs and the blank lines
// between them, not what the reader shows between two sections (the
// directives a section cites, its footnotes), which the passage leaves
// out.
func (r *readerScreen) selectedLines() (from, to int, marked func(int) bool) {
	lo, hi := r.selRange()
	from, to = r.rd.paras[lo].start, r.rd.paras[hi].end
	gaps := map[int]bool{} // lines between two paragraphs that hold text
	for k := lo; k < hi; k++ {
		a, b := r.rd.paras[k].end, r.rd.paras[k+1].start
		for i := a; i < b; i++ {
			if r.rd.plain[i] != "" {
				for j := a; j < b; j++ {
					gaps[j] = true
				}
				break
			}
		}
	}
	return from, to, func(i int) bool { return i >= from && i < to && !gaps[i] }
}

// passage is the excerpt of the selected paragraphs. It is cited with
// the deepest section holding all of them (the section of the first
// paragraph when they are all in it or in its subsections; else the
// nearest section holding both ends; the whole document when they span
// top-level sections). Its text is the paragraphs' markdown exactly as
// stored, the headings of sections inside it in bold as in a section's
// excerpt with its subsections (plan.FromSectionTree), so the passage
// occurs in the cited section (plan.PassageIn); the cited section's own
// heading is the excerpt's title and is left out.
func (r *readerScreen) passage() (plan.Excerpt, string, bool) {
	if r.rd == nil || len(r.rd.paras) == 0 {
		return plan.Excerpt{}, "", false
	}
	lo, hi := r.selRange()
	first, last := r.rd.paras[lo], r.rd.paras[hi]
	cite := commonSection(r.doc, first.sec, last.sec)
	var pieces []string
	for i := lo; i <= hi; {
		p := r.rd.paras[i]
		s := r.doc.Sections[p.sec]
		if p.unit < 0 {
			if p.sec != cite {
				pieces = append(pieces, "**"+strings.TrimSpace(s.Heading)+"**")
			}
			i++
			continue
		}
		// The section's paragraphs in the selection, as they are stored
		// (a list's items stay one list).
		j := i
		for j+1 <= hi && r.rd.paras[j+1].sec == p.sec {
			j++
		}
		pieces = append(pieces, s.Markdown[p.from:r.rd.paras[j].to])
		i = j + 1
	}
	text := strings.Join(pieces, "\n\n")
	if strings.TrimSpace(text) == "" && cite >= 0 {
		text = "**" + strings.TrimSpace(r.doc.Sections[cite].Heading) + "**"
	}
	var sec *content.Section
	from := r.doc.Title
	if cite >= 0 {
		sec = r.doc.Sections[cite]
		from = sec.Heading
	}
	return plan.FromPassage(r.doc, sec, text), from, true
}

// commonSection is the index of the deepest section that is a or b or
// holds both (a ≤ b in reading order), -1 for the whole document.
func commonSection(d *content.Document, a, b int) int {
	anc := map[int]bool{}
	for i := a; i >= 0; i = d.Parent(i) {
		anc[i] = true
	}
	for i := b; i >= 0; i = d.Parent(i) {
		if anc[i] {
			return i
		}
	}
	return -1
}

// addToAgendaMsg asks the app to add what the current screen offers
// (its excerpt) to the agenda, as the a key does.
type addToAgendaMsg struct{}

// excerptAdded is a screen told that the excerpt it offered was added
// (the picker went back to it): the reader ends its selection.
type excerptAdded interface{ excerptAdded() }

func (r *readerScreen) excerptAdded() { r.selecting = false }
