package tui

import (
	"strings"
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
