// Package block is the stream every format reader produces and the one
// structure recogniser consumes: the paragraphs and tables of a file in
// reading order, each with the style evidence its format carries.
//
// Readers (chibo/content/importer) know nothing of sections: they say what
// the file shows — "this paragraph is bold, centred, in Word's Heading 2
// style, numbered 'a)' by Word's list numbering, on page 3 in 13 pt" — and
// the recogniser (chibo/content/parse) decides what is a heading. Plain
// text gives blocks with no evidence but their text; a markdown file gives
// its ATX/setext headings as Outline levels.
//
// The package is a leaf: it imports nothing of chibo.
package block

// Kind is what a block is.
type Kind uint8

const (
	// Para is a paragraph of running text: a heading candidate or body.
	Para Kind = iota
	// Table is a table; its cells are in Rows.
	Table
	// Raw is a block of markdown kept as written (a list, quote, code
	// fence or pipe table of a markdown file): never a heading.
	Raw
)

// Align is a paragraph's horizontal alignment.
type Align uint8

const (
	AlignUnknown Align = iota // the format does not say (plain text)
	AlignLeft
	AlignCenter
	AlignRight
	AlignJustify
)

// Block is one paragraph or table.
//
// A long document is hundreds of thousands of blocks held at once, so the
// fields are ordered and sized to keep a block small (128 bytes): the
// strings and lists first, then the PDF geometry in float32 (a point is
// 1/72 inch; float32 holds it to far below a pixel), then the small
// numbers and flags together.
type Block struct {
	// Text is the plain text of a paragraph: NFC, on one line (soft line
	// breaks become spaces), with the visible numbering label at its start
	// when the format draws it (Word list numbering "a)" is written into
	// Text as "a) …"). Empty for tables; empty for a paragraph read from
	// markdown, whose plain text the recogniser takes from Markdown.
	Text string
	// Markdown is the paragraph as inline markdown (emphasis, links,
	// footnote marks), or a Raw block's markdown. "" means Text, escaped.
	Markdown string
	// Label is the numbering the format drew, as shown ("1.", "a)",
	// "Điều 1."), also present at the start of Text; "" when the number was
	// typed by hand or there is none. Bullet marks a bulleted list item.
	Label string

	// Rows are a table's rows, each a list of cells.
	Rows []Row

	// Notes are the footnotes and endnotes this block cites, with the marks
	// ("¹", "²") that stand in Markdown.
	Notes []Note

	// Size is the font size in points (the most used in the block), 0 when
	// unknown. Gap is the blank space above the line or paragraph, in
	// points, from the previous one on the same page (0 for the first on a
	// page or when unknown). Left and Right are the distances in points of
	// the text from the left and right edges of the page's text column
	// (the minimum left and maximum right x of the page's body lines), so
	// a first-line indent has Left > 0, a centred line has both large, and
	// the short last line of a paragraph has a large Right.
	Size        float32
	Gap         float32
	Left, Right float32
	// Page is the 1-based page of a paginated source (PDF), 0 otherwise.
	Page int32

	// ListLevel is the list nesting depth, 0 for the outermost (at most 8).
	ListLevel int8
	// Outline is the heading level the format states: Word's outline
	// level or "Heading N" style, ODF's outline-level, HTML's <hN>,
	// markdown's "#"×N; 1–9, 0 when it states none. Title marks Word's or
	// ODF's Title style and HTML's <title>.
	Outline int8

	Kind   Kind
	Bullet bool
	Title  bool

	// Bold, Italic and Caps hold when they cover (almost) all the letters
	// of the paragraph; Caps is capitals by format (Word's w:caps), not
	// capitals typed.
	Bold, Italic, Caps bool
	Align              Align
	// Indented marks a paragraph set off to the right: a leading tab in a
	// text export, a large left indent, right-aligned signature lines.
	Indented bool

	// Line marks one visual line of a paragraph the reader cannot delimit
	// by itself (PDF text, hard-wrapped): the recogniser joins consecutive
	// Line blocks into paragraphs from the geometry above and from the
	// numbering it knows.
	Line bool
}

// Row is one table row.
type Row []Cell

// Cell is one table cell: its paragraphs (with their own evidence) and how
// many grid columns it spans (1 when the format does not say).
type Cell struct {
	Paras []Block
	Span  int
}

// Note is a footnote or endnote.
type Note struct {
	Mark string // as cited: "¹"
	Text string // plain, one line
}

// CellText is a cell's paragraphs' Text joined by newlines.
func (c Cell) CellText() string {
	s := ""
	for i, p := range c.Paras {
		if i > 0 {
			s += "\n"
		}
		s += p.Text
	}
	return s
}
