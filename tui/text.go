package tui

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"chibo/content"
)

// foldKey is the text a filter compares: accent-free lowercase, so "nong
// thon" finds "nông thôn".
func foldKey(parts ...string) string { return content.Fold(strings.Join(parts, " ")) }

// matchFolded says whether every word of the (folded) query occurs in key.
func matchFolded(key, query string) bool {
	for _, w := range strings.Fields(query) {
		if !strings.Contains(key, w) {
			return false
		}
	}
	return true
}

// foldedRunes folds s rune by rune, remembering for every folded rune the
// index of the rune of s it came from, so a match in the folded text can be
// highlighted in the original. With exact, only case is folded.
func foldedRunes(s string, exact bool) ([]rune, []int) {
	out := make([]rune, 0, len(s))
	from := make([]int, 0, len(s))
	i := 0
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf:
			out = append(out, unicode.ToLower(r))
			from = append(from, i)
		case exact:
			out = append(out, unicode.ToLower(r))
			from = append(from, i)
		default:
			for _, f := range content.Fold(string(r)) {
				out = append(out, f)
				from = append(from, i)
			}
		}
		i++
	}
	return out, from
}

// foldTerm prepares a search term the way foldedRunes prepares the text.
func foldTerm(t string, exact bool) []rune {
	r, _ := foldedRunes(strings.TrimSpace(t), exact)
	return r
}

// span is a match in a line, in terminal cells.
type span struct{ start, end int }

// findSpans finds every occurrence of any term in a plain line and returns
// them as cell ranges, left to right, without overlaps.
func findSpans(line string, terms [][]rune, exact bool) []span {
	if len(terms) == 0 || line == "" {
		return nil
	}
	text, from := foldedRunes(line, exact)
	return findSpansIn(line, text, from, terms)
}

// findSpansIn is findSpans over a line already folded by foldedRunes.
func findSpansIn(line string, text []rune, from []int, terms [][]rune) []span {
	if len(terms) == 0 || len(text) == 0 {
		return nil
	}
	var found [][2]int // rune indices in line
	for _, t := range terms {
		if len(t) == 0 {
			continue
		}
		for i := 0; i+len(t) <= len(text); i++ {
			if runesEqual(text[i:i+len(t)], t) {
				found = append(found, [2]int{from[i], from[i+len(t)-1] + 1})
				i += len(t) - 1
			}
		}
	}
	if len(found) == 0 {
		return nil
	}
	sort.Slice(found, func(a, b int) bool { return found[a][0] < found[b][0] })
	// rune index → cell column
	runes := []rune(line)
	cols := make([]int, len(runes)+1)
	for i, r := range runes {
		cols[i+1] = cols[i] + runeCells(r)
	}
	var out []span
	last := -1
	for _, f := range found {
		if f[0] < last {
			continue
		}
		s := span{cols[f[0]], cols[f[1]]}
		if s.end > s.start {
			out = append(out, s)
		}
		last = f[1]
	}
	return out
}

func runeCells(r rune) int {
	if unicode.Is(unicode.Mn, r) {
		return 0
	}
	return ansi.StringWidth(string(r))
}

func runesEqual(a, b []rune) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// highlight styles spans of a (possibly styled) line; cur, when ≥ 0, is the
// span drawn as the current match.
func highlight(line string, spans []span, st lipgloss.Style, curSt lipgloss.Style, cur int) string {
	if len(spans) == 0 {
		return line
	}
	rs := make([]lipgloss.Range, len(spans))
	for i, s := range spans {
		style := st
		if i == cur {
			style = curSt
		}
		rs[i] = lipgloss.NewRange(s.start, s.end, style)
	}
	return lipgloss.StyleRanges(line, rs...)
}

// fit truncates s to w cells with an ellipsis and pads it to exactly w.
func fit(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if ansi.StringWidth(s) > w {
		s = ansi.Truncate(s, w, "…")
	}
	if pad := w - ansi.StringWidth(s); pad > 0 {
		s += strings.Repeat(" ", pad)
	}
	return s
}

// clip truncates s to w cells with an ellipsis, without padding.
func clip(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if ansi.StringWidth(s) > w {
		return ansi.Truncate(s, w, "…")
	}
	return s
}

// wrapText word-wraps plain text to w cells.
func wrapText(s string, w int) []string {
	if w < 4 {
		w = 4
	}
	var out []string
	for _, para := range strings.Split(s, "\n") {
		if strings.TrimSpace(para) == "" {
			out = append(out, "")
			continue
		}
		out = append(out, strings.Split(ansi.Wrap(para, w, ""), "\n")...)
	}
	return out
}

// block pads or cuts lines to exactly h lines of w cells, so panes join
// cleanly and the frame never jumps.
func block(lines []string, w, h int) string {
	out := make([]string, h)
	for i := 0; i < h; i++ {
		l := ""
		if i < len(lines) {
			l = lines[i]
		}
		out[i] = fit(l, w)
	}
	return strings.Join(out, "\n")
}

// scrollTo returns the first visible row so that row cur is inside a window
// of h rows starting at off.
func scrollTo(off, cur, h, total int) int {
	if h <= 0 {
		return 0
	}
	if cur < off {
		off = cur
	}
	if cur >= off+h {
		off = cur - h + 1
	}
	if off > total-h {
		off = total - h
	}
	if off < 0 {
		off = 0
	}
	return off
}

// displayDate turns ISO 2023-12-01 into 01/12/2023, the way Vietnamese
// documents write it.
func displayDate(iso string) string {
	if len(iso) == 10 && iso[4] == '-' && iso[7] == '-' {
		return iso[8:10] + "/" + iso[5:7] + "/" + iso[0:4]
	}
	return iso
}

// joinNonEmpty joins the non-empty parts with sep.
func joinNonEmpty(sep string, parts ...string) string {
	var keep []string
	for _, p := range parts {
		if strings.TrimSpace(p) != "" {
			keep = append(keep, p)
		}
	}
	return strings.Join(keep, sep)
}
