package importer

import (
	"strings"
)

// mdDoc collects the markdown blocks the office readers produce: headings
// as "#", list items with their numbers, tables as pipe tables, emphasis,
// and footnotes written as "¹ text" right after the block citing them —
// the convention of the seed documents, which the parsers attach to the
// section.
type mdDoc struct {
	blocks  []string
	pending []string // footnote lines waiting for the end of the block
	notes   int
}

// seg is a run of text with its emphasis.
type seg struct {
	text      string
	bold, ita bool
}

var mdEscaper = strings.NewReplacer(`\`, `\\`, `*`, `\*`, `_`, `\_`, "\u00a0", " ")

// inline renders runs as markdown, merging neighbours with the same
// emphasis and keeping spaces outside the markers ("** x**" is not bold).
// plain drops the emphasis (headings).
func inline(segs []seg, plain bool) string {
	var merged []seg
	for _, s := range segs {
		if s.text == "" {
			continue
		}
		if plain {
			s.bold, s.ita = false, false
		}
		if n := len(merged); n > 0 && merged[n-1].bold == s.bold && merged[n-1].ita == s.ita {
			merged[n-1].text += s.text
			continue
		}
		merged = append(merged, s)
	}
	var b strings.Builder
	for _, s := range merged {
		t := mdEscaper.Replace(s.text)
		mark := ""
		if s.bold {
			mark += "**"
		}
		if s.ita {
			mark += "*"
		}
		core := strings.TrimSpace(t)
		if mark == "" || core == "" || strings.Contains(core, "\n") {
			b.WriteString(t)
			continue
		}
		lead := t[:len(t)-len(strings.TrimLeft(t, " \t"))]
		trail := t[len(strings.TrimRight(t, " \t")):]
		b.WriteString(lead + mark + core + reverse(mark) + trail)
	}
	return b.String()
}

func reverse(s string) string {
	r := []byte(s)
	for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
		r[i], r[j] = r[j], r[i]
	}
	return string(r)
}

// tidy collapses runs of spaces and trims each line of a paragraph.
func tidy(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.Join(strings.FieldsFunc(l, func(r rune) bool { return r == ' ' || r == '\t' }), " ")
	}
	return strings.TrimSpace(strings.Join(lines, "\n"))
}

// heading adds a heading of level 1–6.
func (d *mdDoc) heading(level int, text string) {
	text = strings.ReplaceAll(tidy(text), "\n", " ")
	if text == "" {
		return
	}
	level = min(max(level, 1), 6)
	d.block(strings.Repeat("#", level) + " " + text)
}

// para adds a paragraph, with a list prefix ("- ", "1. ", "a) ") if any.
func (d *mdDoc) para(prefix, text string) {
	text = tidy(text)
	if text == "" {
		return
	}
	if prefix == "" && (strings.HasPrefix(text, "#") || strings.HasPrefix(text, ">")) {
		text = `\` + text // literal, not markdown structure
	}
	d.block(prefix + text)
}

// table adds a pipe table; the first row is the header.
func (d *mdDoc) table(rows [][]string) {
	width := 0
	for _, r := range rows {
		width = max(width, len(r))
	}
	if width == 0 {
		return
	}
	var b strings.Builder
	for i, r := range rows {
		b.WriteString("|")
		for c := 0; c < width; c++ {
			cell := ""
			if c < len(r) {
				cell = strings.ReplaceAll(strings.ReplaceAll(tidy(r[c]), "|", `\|`), "\n", "<br>")
			}
			b.WriteString(" " + cell + " |")
		}
		b.WriteString("\n")
		if i == 0 {
			b.WriteString("|" + strings.Repeat(" --- |", width) + "\n")
		}
	}
	d.block(strings.TrimRight(b.String(), "\n"))
}

// note registers a footnote and returns its mark for the citing text.
func (d *mdDoc) note(text string) string {
	d.notes++
	mark := superscript(d.notes)
	d.pending = append(d.pending, mark+" "+strings.ReplaceAll(tidy(text), "\n", " "))
	return mark
}

func (d *mdDoc) block(s string) {
	d.blocks = append(d.blocks, s)
	d.flushNotes()
}

func (d *mdDoc) flushNotes() {
	d.blocks = append(d.blocks, d.pending...)
	d.pending = d.pending[:0]
}

func (d *mdDoc) String() string {
	d.flushNotes()
	return strings.Join(d.blocks, "\n\n") + "\n"
}

func (d *mdDoc) size() int {
	n := 0
	for _, b := range d.blocks {
		n += len(b) + 2
	}
	return n
}

func superscript(n int) string {
	const sup = "⁰¹²³⁴⁵⁶⁷⁸⁹"
	digits := []rune(sup)
	var out []rune
	for _, c := range []byte(itoa(n)) {
		out = append(out, digits[c-'0'])
	}
	return string(out)
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

// listLabel formats counter n in a numbering format (Word's numFmt or
// ODF's num-format).
func listLabel(n int, format string) string {
	switch format {
	case "upperRoman", "I":
		return roman(n)
	case "lowerRoman", "i":
		return strings.ToLower(roman(n))
	case "upperLetter", "A":
		return letters(n, 'A')
	case "lowerLetter", "a":
		return letters(n, 'a')
	case "none", "":
		return ""
	}
	return itoa(n)
}

func roman(n int) string {
	if n <= 0 || n >= 4000 {
		return itoa(n)
	}
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}

func letters(n int, base byte) string {
	if n <= 0 {
		return itoa(n)
	}
	var b []byte
	for n > 0 {
		n--
		b = append([]byte{base + byte(n%26)}, b...)
		n /= 26
	}
	return string(b)
}

// tables is the stack of tables an office reader is inside. Word and ODF
// both nest tables in cells, and Markdown cannot: a nested table is
// flattened into its outer cell, one line per row.
type tables []*tableState

type tableState struct {
	rows      [][]string
	row, cell []string
}

func (s tables) top() *tableState {
	if len(s) == 0 {
		return nil
	}
	return s[len(s)-1]
}

func (s *tables) open() { *s = append(*s, &tableState{}) }

func (s tables) startRow() {
	if t := s.top(); t != nil {
		t.row = nil
	}
}

func (s tables) startCell() {
	if t := s.top(); t != nil {
		t.cell = nil
	}
}

// addText adds one paragraph of text to the current cell.
func (s tables) addText(text string) {
	if t := s.top(); t != nil {
		t.cell = append(t.cell, text)
	}
}

func (s tables) endCell() {
	if t := s.top(); t != nil {
		t.row = append(t.row, strings.Join(nonEmpty(t.cell), "\n"))
	}
}

func (s tables) endRow() {
	if t := s.top(); t != nil {
		t.rows = append(t.rows, t.row)
	}
}

// close ends the current table: an outermost one is written to md, a
// nested one goes into the enclosing cell.
func (s *tables) close(md *mdDoc) {
	n := len(*s)
	if n == 0 {
		return
	}
	t := (*s)[n-1]
	*s = (*s)[:n-1]
	if outer := s.top(); outer != nil {
		for _, row := range t.rows {
			outer.cell = append(outer.cell, strings.Join(nonEmpty(row), " "))
		}
		return
	}
	md.table(t.rows)
}

func nonEmpty(ss []string) []string {
	var out []string
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			out = append(out, s)
		}
	}
	return out
}
