package importer

import (
	"chibo/content/importer/internal/paras"
	"regexp"
	"strings"
	"unicode"

	"chibo/content/block"
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
	// out is the same content as blocks with evidence, for the structure
	// recogniser; notesOut are the notes cited since the last block.
	out      []block.Block
	notesOut []block.Note
	// n is the length of String() so far (blocks and their separators),
	// kept as blocks are added: the readers check it after every
	// paragraph, and summing the blocks each time was quadratic.
	n int
	// tableCost is what the cells read into tables (open or written)
	// cost against the text cap: their text and blocks (see tables).
	tableCost int
}

// add appends a paragraph block with the notes it cites.
func (d *mdDoc) add(b block.Block) {
	if strings.TrimSpace(b.Text) == "" && len(d.notesOut) == 0 {
		return
	}
	b.Notes = append(b.Notes, d.notesOut...)
	d.notesOut = d.notesOut[:0]
	d.push(b)
}

// push appends a block, doubling the slice when it is full: append grows
// a large slice by a quarter, and copying the blocks (pointers, under
// the collector's write barrier) then dominated a long document's reading.
func (d *mdDoc) push(b block.Block) {
	if len(d.out) == cap(d.out) {
		grown := make([]block.Block, len(d.out), 2*len(d.out)+16)
		copy(grown, d.out)
		d.out = grown
	}
	d.out = append(d.out, b)
}

// segsText is the plain text of runs, white space collapsed.
func segsText(segs []seg) string {
	var b strings.Builder
	for _, s := range segs {
		b.WriteString(s.text)
	}
	return strings.Join(strings.Fields(strings.ReplaceAll(b.String(), "\u00a0", " ")), " ")
}

// segsBold reports whether (nearly) every letter of the runs is bold, and
// the same for italics.
func segsBold(segs []seg) (bold, ita bool) {
	letters, b, i := 0, 0, 0
	for _, s := range segs {
		for _, r := range s.text {
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				continue
			}
			letters++
			if s.bold {
				b++
			}
			if s.ita {
				i++
			}
		}
	}
	return letters > 0 && b*10 >= letters*9, letters > 0 && i*10 >= letters*9
}

// seg is a run of text with its emphasis.
type seg struct {
	text      string
	bold, ita bool
}

var mdEscaper = strings.NewReplacer(`\`, `\\`, `*`, `\*`, `_`, `\_`, `[`, `\[`, `]`, `\]`, "\u00a0", " ")

// inline renders runs as markdown, merging neighbours with the same
// emphasis and keeping spaces outside the markers ("** x**" is not bold).
// plain drops the emphasis (headings).
func inline(segs []seg, plain bool) string {
	// Neighbours are merged by index ranges, then joined once: appending
	// run by run to a string was quadratic in a paragraph of many runs.
	type span struct {
		from, to  int
		bold, ita bool
	}
	var merged []span
	for i, s := range segs {
		if s.text == "" {
			continue
		}
		if plain {
			s.bold, s.ita = false, false
		}
		if n := len(merged); n > 0 && merged[n-1].bold == s.bold && merged[n-1].ita == s.ita {
			merged[n-1].to = i + 1
			continue
		}
		merged = append(merged, span{from: i, to: i + 1, bold: s.bold, ita: s.ita})
	}
	var b, run strings.Builder
	for _, s := range merged {
		run.Reset()
		for _, g := range segs[s.from:s.to] {
			run.WriteString(g.text)
		}
		t := mdEscaper.Replace(run.String())
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

// paraShared is para for a paragraph whose block has the plain text
// plain: when the markdown comes out equal to it, the block's string is
// kept rather than a copy (a long document's markdown and blocks then hold
// each paragraph's text once).
func (d *mdDoc) paraShared(prefix, text, plain string) {
	text = tidy(text)
	if text == "" {
		return
	}
	if prefix == "" && (strings.HasPrefix(text, "#") || strings.HasPrefix(text, ">")) {
		text = `\` + text // literal, not markdown structure
	}
	if text = prefix + text; text == plain {
		text = plain
	}
	d.block(text)
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
	d.notesOut = append(d.notesOut, block.Note{Mark: mark, Text: strings.Join(strings.Fields(text), " ")})
	return mark
}

func (d *mdDoc) block(s string) {
	d.blocks = append(d.blocks, s)
	d.n += len(s) + 2
	d.flushNotes()
}

func (d *mdDoc) flushNotes() {
	for _, p := range d.pending {
		d.n += len(p) + 2
	}
	d.blocks = append(d.blocks, d.pending...)
	d.pending = d.pending[:0]
}

func (d *mdDoc) String() string {
	d.flushNotes()
	return strings.Join(d.blocks, "\n\n") + "\n"
}

// size is the length of the blocks written so far, in constant time.
func (d *mdDoc) size() int { return d.n }

// blockCost is what a block costs in memory beyond its text (the
// block.Block, the string headers), counted against the text cap so that
// millions of empty-looking paragraphs are refused like too much text.
const blockCost = 64

// cost is what the readers check against the text cap after each
// paragraph: the text so far and the blocks holding it.
func (d *mdDoc) cost() int { return d.n + len(d.out)*blockCost + d.tableCost }

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
		return paras.Roman(n)
	case "lowerRoman", "i":
		return strings.ToLower(paras.Roman(n))
	case "upperLetter", "A":
		return letters(n, 'A')
	case "lowerLetter", "a":
		return letters(n, 'a')
	case "none", "":
		return ""
	}
	return itoa(n)
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
//
// What the cells hold counts against the text cap (mdDoc.cost): their
// text, blockCost a paragraph and cellCost a cell, so that a table of a
// million small cells is refused like a million paragraphs (it cost
// 500 MB before the refusal, or was imported at that cost). A row keeps
// at most maxTableCols cells; the text of the cells beyond is joined into
// its last one.
type tables []*tableState

// maxTableCols is the most cells a table row keeps as cells. No screen
// shows a wider grid (the reader lists wider tables row by row); the text
// of further cells is appended to the row's last cell, " · " apart, so a
// hostile row of 200 000 cells costs its text, not 275 bytes a cell.
const maxTableCols = 64

// cellCost is what a cell costs beyond its paragraphs (block.Cell, the
// row's string).
const cellCost = 48

type tableState struct {
	md        *mdDoc
	rows      [][]string
	row, cell []string
	// The same cells as blocks, with their paragraphs' evidence.
	brows []block.Row
	brow  block.Row
	bcell []block.Block
	span  int
	// foldMD and foldText gather the current row's cells beyond
	// maxTableCols (markdown and plain text).
	foldMD, foldText strings.Builder
}

func (s tables) top() *tableState {
	if len(s) == 0 {
		return nil
	}
	return s[len(s)-1]
}

func (s *tables) open(md *mdDoc) { *s = append(*s, &tableState{md: md}) }

func (s tables) startRow() {
	if t := s.top(); t != nil {
		t.row, t.brow = nil, nil
		t.foldMD.Reset()
		t.foldText.Reset()
	}
}

func (s tables) startCell() {
	if t := s.top(); t != nil {
		t.cell, t.bcell, t.span = nil, nil, 1
	}
}

// setSpan records how many grid columns the current cell spans.
func (s tables) setSpan(n int) {
	if t := s.top(); t != nil && n > 1 && n < 64 {
		t.span = n
	}
}

// addBlock adds one paragraph, with its evidence, to the current cell.
func (s tables) addBlock(b block.Block) {
	if t := s.top(); t != nil && strings.TrimSpace(b.Text) != "" {
		t.bcell = append(t.bcell, b)
		t.md.tableCost += len(b.Text) + blockCost
	}
}

// addText adds one paragraph of text to the current cell.
func (s tables) addText(text string) {
	if t := s.top(); t != nil {
		t.cell = append(t.cell, text)
		t.md.tableCost += len(text)
	}
}

func (s tables) endCell() {
	t := s.top()
	if t == nil {
		return
	}
	if len(t.row) >= maxTableCols {
		// Beyond the row's last kept cell: keep the text only.
		fold(&t.foldMD, strings.Join(nonEmpty(t.cell), " "))
		for _, b := range t.bcell {
			fold(&t.foldText, b.Text)
		}
		t.md.tableCost -= len(t.bcell) * blockCost
		t.cell, t.bcell = nil, nil
		return
	}
	t.row = append(t.row, strings.Join(nonEmpty(t.cell), "\n"))
	t.brow = append(t.brow, block.Cell{Paras: t.bcell, Span: max(t.span, 1)})
	t.md.tableCost += cellCost
}

// fold appends text to b, " · " apart.
func fold(b *strings.Builder, text string) {
	if text = strings.TrimSpace(text); text == "" {
		return
	}
	if b.Len() > 0 {
		b.WriteString(" · ")
	}
	b.WriteString(text)
}

func (s tables) endRow() {
	t := s.top()
	if t == nil {
		return
	}
	if n := len(t.row); n > 0 && t.foldMD.Len()+t.foldText.Len() > 0 {
		// The cells beyond maxTableCols go into the last cell.
		if md := t.foldMD.String(); md != "" {
			t.row[n-1] = strings.Join(nonEmpty([]string{t.row[n-1], md}), " · ")
		}
		if text := t.foldText.String(); text != "" {
			c := &t.brow[n-1]
			c.Paras = append(c.Paras, block.Block{Kind: block.Para, Text: text})
		}
		t.foldMD.Reset()
		t.foldText.Reset()
	}
	t.rows = append(t.rows, t.row)
	t.brows = append(t.brows, t.brow)
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
			line := strings.Join(nonEmpty(row), " ")
			outer.cell = append(outer.cell, line)
			outer.bcell = append(outer.bcell, block.Block{Kind: block.Para, Text: strings.Join(strings.Fields(line), " ")})
		}
		return
	}
	md.table(t.rows)
	md.push(block.Block{Kind: block.Table, Rows: t.brows, Notes: md.takeNotes()})
}

// takeNotes returns the notes cited since the last block.
func (d *mdDoc) takeNotes() []block.Note {
	if len(d.notesOut) == 0 {
		return nil
	}
	ns := append([]block.Note(nil), d.notesOut...)
	d.notesOut = d.notesOut[:0]
	return ns
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

// repairBlocks decodes the text of blocks typed in a legacy Vietnamese
// font (enc, as repairMojibake found for the whole file): each string is
// taken back to its Windows-1252 bytes and decoded as enc. A string that
// does not encode is kept.
func repairBlocks(bs []block.Block, enc string) []block.Block {
	fix := func(s string) string {
		raw, ok := cp1252Bytes(s)
		if !ok {
			return s
		}
		t, err := Decode(raw, enc)
		if err != nil {
			return s
		}
		return t
	}
	for i := range bs {
		b := &bs[i]
		b.Text, b.Markdown = fix(b.Text), fix(b.Markdown)
		for j := range b.Notes {
			b.Notes[j].Text = fix(b.Notes[j].Text)
		}
		for _, row := range b.Rows {
			for k := range row {
				row[k].Paras = repairBlocks(row[k].Paras, enc)
			}
		}
	}
	return bs
}

var (
	mdATXRe  = regexp.MustCompile(`^ {0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$`)
	mdRawRe  = regexp.MustCompile(`^ {0,3}(?:[-+*][ \t]|\d{1,9}[.)][ \t]|>|\||<|` + "```" + `|~~~)|^(?: {4}|\t)`)
	mdFenceS = regexp.MustCompile("^ {0,3}(```+|~~~+)")
)

// mdBlocks splits markdown that a reader produced (HTML converted by
// htmlmd) into blocks: ATX headings as paragraphs with their Outline
// level, paragraphs with their markdown, and lists, quotes, tables, code
// and HTML kept whole as Raw blocks. Text is left empty: the recogniser
// takes the plain text of the markdown.
func mdBlocks(md string) []block.Block {
	var out []block.Block
	var cur []string
	fence := ""
	flush := func() {
		if len(cur) == 0 {
			return
		}
		first := cur[0]
		switch {
		case mdRawRe.MatchString(first):
			out = append(out, block.Block{Kind: block.Raw, Markdown: strings.Join(cur, "\n")})
		default:
			out = append(out, block.Block{Kind: block.Para, Markdown: strings.Join(strings.Fields(strings.Join(cur, " ")), " ")})
		}
		cur = cur[:0]
	}
	for _, l := range strings.Split(md, "\n") {
		if fence != "" {
			cur = append(cur, l)
			if strings.HasPrefix(strings.TrimLeft(l, " "), fence) {
				fence = ""
				flush()
			}
			continue
		}
		if m := mdFenceS.FindStringSubmatch(l); m != nil {
			flush()
			fence = m[1]
			cur = append(cur, l)
			continue
		}
		if strings.TrimSpace(l) == "" {
			flush()
			continue
		}
		if m := mdATXRe.FindStringSubmatch(l); m != nil {
			flush()
			if t := strings.TrimSpace(m[2]); t != "" {
				out = append(out, block.Block{Kind: block.Para, Markdown: t, Outline: int8(len(m[1]))})
			}
			continue
		}
		cur = append(cur, l)
	}
	flush()
	return out
}

// plainMarkdown is a paragraph's markdown for its Block: md on one line, or
// "" ("Text, escaped") when that is the text itself — nothing marked up —
// which spares a long document a second copy of every paragraph.
func plainMarkdown(text, md string) string {
	md = strings.Join(strings.Fields(md), " ")
	if md == text {
		return ""
	}
	return md
}
