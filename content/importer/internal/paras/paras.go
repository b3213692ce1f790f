// Package paras assembles the paragraphs and tables of chibo/content/block
// from runs of formatted text, for the readers of formats that describe
// text run by run (Word 97–2003 .doc, RTF): one place decides how a
// paragraph's text is tidied, when a paragraph counts as bold, which font
// size is its size, and how emphasis and note marks are written as
// markdown.
package paras

import (
	"bytes"
	"strconv"
	"strings"
	"unicode"

	"chibo/content/block"
	"chibo/content/internal/compose"
)

// Run is a stretch of a paragraph's text in one formatting.
type Run struct {
	Text               string
	Bold, Italic, Caps bool
	Size               float64 // font size in points, 0 when unknown
	// Note, when not empty, makes the run a footnote or endnote reference:
	// Note is the note's text and Text is ignored.
	Note string
}

// Doc collects blocks; the zero value is ready.
type Doc struct {
	Blocks []block.Block
	notes  int // footnote marks given so far
	size   int // what the text and blocks so far cost (see Size)
	table  *table
}

// blockCost and cellCost are what a paragraph block and a table cell cost
// in memory beyond their text, counted in Size so that a million empty-
// looking paragraphs or table cells are refused like too much text (a
// 6.8 MB RTF of 400 000 tiny cells took 188 MB).
const (
	blockCost = 64
	cellCost  = 48
)

type table struct {
	rows []block.Row
	row  block.Row
	cell []block.Block
}

// Size is what the document collected so far costs, in bytes: its text,
// blockCost a paragraph and cellCost a table cell. The readers check it
// against the text cap.
func (d *Doc) Size() int { return d.size }

// Para makes a paragraph block from runs and the paragraph-level evidence
// in ev (Align, Outline, Title, Indented, ListLevel, Label, Bullet), and
// adds it to the document, or to the open table cell when inCell. A
// paragraph without text is dropped.
func (d *Doc) Para(runs []Run, ev block.Block, inCell bool) {
	b, ok := d.make(runs, ev)
	if !ok {
		return
	}
	d.size += len(b.Text) + blockCost
	if inCell {
		if d.table == nil {
			d.table = &table{}
		}
		d.table.cell = append(d.table.cell, b)
		return
	}
	d.EndTable()
	d.Blocks = append(d.Blocks, b)
}

// InTable reports whether a table is open.
func (d *Doc) InTable() bool { return d.table != nil }

// RowOpen reports whether the open table has a row or cell in progress.
func (d *Doc) RowOpen() bool {
	return d.table != nil && (len(d.table.row) > 0 || len(d.table.cell) > 0)
}

// EndCell closes the current cell of the open table (opening a table if
// none is).
func (d *Doc) EndCell() {
	if d.table == nil {
		d.table = &table{}
	}
	t := d.table
	t.row = append(t.row, block.Cell{Paras: t.cell, Span: 1})
	t.cell = nil
	d.size += cellCost
}

// EndRow closes the current row; a cell left open is closed first.
func (d *Doc) EndRow() {
	t := d.table
	if t == nil {
		return
	}
	if len(t.cell) > 0 {
		d.EndCell()
	}
	if len(t.row) > 0 {
		t.rows = append(t.rows, t.row)
	}
	t.row = nil
}

// EndTable closes the open table, if any, and adds it to the document
// when it has a row.
func (d *Doc) EndTable() {
	if d.table == nil {
		return
	}
	d.EndRow()
	if rows := d.table.rows; len(rows) > 0 {
		d.Blocks = append(d.Blocks, block.Block{Kind: block.Table, Rows: rows})
	}
	d.table = nil
}

// Finish closes what is open and returns the blocks.
func (d *Doc) Finish() []block.Block {
	d.EndTable()
	return d.Blocks
}

// NoteText tidies the text of a note: one line, NFC.
func NoteText(s string) string { return compose.NFC(tidy(s)) }

var mdEscaper = strings.NewReplacer(`\`, `\\`, `*`, `\*`, `_`, `\_`)

// make builds the block: Text is the runs' text on one line (tabs, line
// breaks and no-break spaces become spaces, runs of spaces collapse), NFC;
// Bold, Italic and Caps hold when they cover at least 90% of the letters;
// Size is the size of the most letters; Markdown is written only when it
// says more than Text (partial emphasis, note marks).
func (d *Doc) make(runs []Run, ev block.Block) (block.Block, bool) {
	b := ev
	b.Kind = block.Para
	var text strings.Builder
	var segs []mdSeg // the runs for markdown, neighbours of one style merged
	var letters, bold, ita, caps int
	sizes := map[float64]int{}
	partial := false
	for _, r := range runs {
		if r.Note != "" {
			d.notes++
			mark := superscript(d.notes)
			b.Notes = append(b.Notes, block.Note{Mark: mark, Text: NoteText(r.Note)})
			segs = append(segs, mdSeg{text: []byte(mark), note: true})
			partial = true
			continue
		}
		t := clean(r.Text)
		if t == "" {
			continue
		}
		text.WriteString(t)
		n := 0
		for _, c := range t {
			if unicode.IsLetter(c) || unicode.IsDigit(c) {
				n++
			}
		}
		letters += n
		if r.Bold {
			bold += n
		}
		if r.Italic {
			ita += n
		}
		if r.Caps {
			caps += n
		}
		if r.Size > 0 {
			sizes[r.Size] += n
		}
		segs = addSeg(segs, mdSeg{text: []byte(t), bold: r.Bold, ita: r.Italic})
	}
	b.Text = compose.NFC(tidy(text.String()))
	if b.Label != "" {
		b.Label = compose.NFC(tidy(clean(b.Label)))
		b.Text = strings.TrimSpace(b.Label + " " + b.Text)
	}
	if b.Text == "" {
		return b, false
	}
	most := func(k int) bool { return letters > 0 && k*10 >= letters*9 }
	b.Bold, b.Italic, b.Caps = most(bold), most(ita), most(caps)
	if (bold > 0 && !b.Bold) || (ita > 0 && !b.Italic) {
		partial = true
	}
	best := 0
	for s, n := range sizes {
		if n > best || (n == best && float32(s) > b.Size) {
			b.Size, best = float32(s), n
		}
	}
	if partial {
		var md strings.Builder
		for _, s := range segs {
			if s.note {
				md.Write(s.text)
				continue
			}
			md.WriteString(emphasis(string(s.text), s.bold, s.ita))
		}
		b.Markdown = compose.NFC(tidy(md.String()))
		if b.Label != "" {
			b.Markdown = mdEscaper.Replace(b.Label) + " " + b.Markdown
		}
	}
	return b, true
}

// mdSeg is a stretch of a paragraph in one style, or a footnote mark.
type mdSeg struct {
	text      []byte // appended to as runs merge: a string's += was quadratic
	blank     bool   // text is only white space
	bold, ita bool
	note      bool
}

// addSeg appends a run, merged into the last stretch when it has the same
// style or is only spaces, so Word's many runs of one style make one
// emphasis ("***a*** ***b***" would not render).
func addSeg(segs []mdSeg, s mdSeg) []mdSeg {
	s.blank = len(bytes.TrimSpace(s.text)) == 0
	if n := len(segs); n > 0 && !segs[n-1].note {
		last := &segs[n-1]
		if (last.bold == s.bold && last.ita == s.ita) || s.blank {
			last.text = append(last.text, s.text...)
			last.blank = last.blank && s.blank
			return segs
		}
		if last.blank {
			last.text = append(last.text, s.text...)
			last.bold, last.ita, last.blank = s.bold, s.ita, false
			return segs
		}
	}
	s.text = append([]byte(nil), s.text...) // owned: later runs append to it
	return append(segs, s)
}

// clean turns a run's separators into spaces, drops control characters,
// and keeps of the private-use glyphs of the Symbol and Wingdings fonts
// (U+F000–U+F0FF) only the bullets, as "•".
func clean(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n' || r == '\r' || r == '\v' || r == '\f' || r == '\u00a0':
			return ' '
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == '\ufffd' || r == '\ufeff':
			return -1
		case r >= 0xF000 && r <= 0xF0FF: // a Symbol or Wingdings glyph
			switch r {
			case 0xF0B7, 0xF0A7, 0xF0A8, 0xF0D8, 0xF0FC, 0xF06C, 0xF06E, 0xF076, 0xF0A9:
				return '•'
			}
			return -1
		}
		return r
	}, s)
}

// emphasis writes a run as inline markdown, keeping spaces outside the
// markers.
func emphasis(t string, bold, ita bool) string {
	e := mdEscaper.Replace(t)
	core := strings.TrimSpace(e)
	if core == "" || (!bold && !ita) {
		return e
	}
	mark := ""
	if bold {
		mark += "**"
	}
	if ita {
		mark += "*"
	}
	lead := e[:len(e)-len(strings.TrimLeft(e, " "))]
	trail := e[len(strings.TrimRight(e, " ")):]
	return lead + mark + core + mark + trail
}

// tidy collapses runs of spaces and trims.
func tidy(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '\t' || r == '\n' }), " ")
}

func superscript(n int) string {
	const digits = "⁰¹²³⁴⁵⁶⁷⁸⁹"
	d := []rune(digits)
	if n <= 0 {
		return string(d[0])
	}
	var out []rune
	for ; n > 0; n /= 10 {
		out = append([]rune{d[n%10]}, out...)
	}
	return string(out)
}

// Text is the plain text of blocks: one line per paragraph, one line per
// table row with its cells separated by tabs (a cell's paragraphs joined by
// spaces).
func Text(blocks []block.Block) string {
	var b strings.Builder
	for _, bl := range blocks {
		switch bl.Kind {
		case block.Table:
			for _, row := range bl.Rows {
				for i, c := range row {
					if i > 0 {
						b.WriteByte('\t')
					}
					for j, p := range c.Paras {
						if j > 0 {
							b.WriteByte(' ')
						}
						b.WriteString(p.Text)
					}
				}
				b.WriteByte('\n')
			}
		default:
			b.WriteString(bl.Text)
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// Roman writes n in capital Roman numerals (a list's "I.", "IV."), or in
// digits outside 1–3999.
func Roman(n int) string {
	if n <= 0 || n >= 4000 {
		return strconv.Itoa(n)
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
