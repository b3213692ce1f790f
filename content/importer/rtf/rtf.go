// Package rtf reads the text of Rich Text Format files (Microsoft's RTF
// 1.9.1 specification) into the paragraphs and tables of
// chibo/content/block, with the evidence RTF carries: paragraph style
// names (\sN of the stylesheet: "heading 1", "Title"), outline levels
// (\outlinelevelN), alignment (\qc \qr \qj), left indent (\li), font size
// (\fs), bold, italic and capitals (\b \i \caps).
//
// The reader is a tokenizer of groups, control words and control symbols.
// Text bytes are decoded with the code page of their font's charset
// (\fcharsetN) or the document's (\ansicpgN; Windows-1258 for Vietnamese),
// \'hh escapes likewise, \uN as Unicode with the \ucN fallback characters
// skipped. Destinations that are not body text (font, colour and style
// tables, document info, pictures, objects, headers and footers, and every
// unknown \* destination) are skipped; footnotes become notes; fields keep
// their result (\fldrslt) and drop their instructions. Text in fonts whose
// names are legacy Vietnamese (".VnTime", "VNI-Times") is handed to the
// caller's decoder as raw bytes.
//
// Reading is bounded: groups nest at most MaxDepth deep (deeper groups are
// skipped), control words and their parameters have bounded lengths,
// \binN skips at most the rest of the file, and the text is never larger
// than a small multiple of the input.
package rtf

import (
	"context"
	"errors"
	"strings"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"

	"chibo/content/block"
	"chibo/content/importer/internal/paras"
)

// MaxDepth is the deepest group nesting read.
const MaxDepth = 256

// ErrNotRTF is returned for data that does not start with "{\rtf".
var ErrNotRTF = errors.New("not an RTF file")

// ErrTooLarge is returned when the text exceeds Options.MaxText.
var ErrTooLarge = errors.New("too much text")

// Options tune Read; the zero value is usable.
type Options struct {
	// Legacy, if set, returns the decoder of the raw bytes of text set in
	// the named font, or nil to decode them with the font's code page.
	Legacy func(font string) func([]byte) string
	// MaxText caps the text read, in bytes; 0 means no cap.
	MaxText int
	// Ctx, if set, is checked as the file is read: a cancelled or timed
	// out import stops here with Ctx.Err().
	Ctx context.Context
}

// Doc is a read document.
type Doc struct {
	Blocks   []block.Block
	CodePage int // the document's ANSI code page (\ansicpg)
}

type font struct {
	name    string
	charset int
}

// state is what a group sets: it is saved at '{' and restored at '}'.
type state struct {
	skip                bool // inside a destination that is not text
	uc                  int  // bytes to skip after \uN
	font                int
	bold, italic, caps  bool
	hidden, deleted     bool
	fs                  int // half-points
	align               block.Align
	outline             int // \outlinelevelN + 1
	style               int
	intbl               bool
	itap                int
	li                  int
	dest                string // the destination this group is ("fonttbl", "footnote"…)
	noteLevel, styleDef bool
	uprOuter            bool // whether the text around a \upr group is skipped
}

type reader struct {
	data []byte
	pos  int
	opt  Options

	st     state
	stack  []state
	over   int // groups deeper than MaxDepth, skipped
	ucSkip int

	codePage int
	defFont  int
	fonts    map[int]font
	styles   map[int]string // \sN → name
	styleOut map[int]int    // \sN → outline level of its definition

	// the font table or stylesheet entry being read
	entry      strings.Builder
	entryNum   int
	entryCS    int
	entryStyle bool

	doc  paras.Doc
	runs []paras.Run
	cur  paras.Run
	key  runKey
	pend []byte // text bytes not yet decoded, in key's font
	note *strings.Builder
	size int
	err  error
}

// runKey is the formatting of a run.
type runKey struct {
	font               int
	bold, italic, caps bool
	fs                 int
}

// Read parses an RTF file.
func Read(data []byte, opt Options) (*Doc, error) {
	i := 0
	for i < len(data) && (data[i] == ' ' || data[i] == '\r' || data[i] == '\n' || data[i] == '\t') {
		i++
	}
	if !strings.HasPrefix(string(data[i:min(len(data), i+5)]), `{\rtf`) {
		return nil, ErrNotRTF
	}
	r := &reader{data: data, pos: i, opt: opt, codePage: 1252,
		fonts: map[int]font{}, styles: map[int]string{}, styleOut: map[int]int{}}
	r.st = state{uc: 1, fs: 24, align: block.AlignLeft}
	r.run()
	if r.err != nil {
		return nil, r.err
	}
	r.endPara(false)
	return &Doc{Blocks: r.doc.Finish(), CodePage: r.codePage}, nil
}

func (r *reader) run() {
	for n := 0; r.pos < len(r.data) && r.err == nil; n++ {
		if n&0xfff == 0 && r.opt.Ctx != nil {
			if err := r.opt.Ctx.Err(); err != nil {
				r.err = err
				return
			}
		}
		c := r.data[r.pos]
		switch c {
		case '{':
			r.pos++
			r.push()
		case '}':
			r.pos++
			r.pop()
		case '\\':
			r.control()
		case '\r', '\n':
			r.pos++
		default:
			r.pos++
			if r.ucSkip > 0 {
				r.ucSkip--
				continue
			}
			if c == '\t' {
				r.text(" ")
				continue
			}
			r.byteText(c)
		}
	}
}

func (r *reader) push() {
	if r.over > 0 || len(r.stack) >= MaxDepth {
		r.over++
		return
	}
	r.ucSkip = 0
	r.stack = append(r.stack, r.st)
	r.st.dest = ""
	r.st.noteLevel = false
	r.st.styleDef = false
}

func (r *reader) pop() {
	if r.over > 0 {
		r.over--
		return
	}
	if len(r.stack) == 0 {
		r.pos = len(r.data) // the closing brace of the document
		return
	}
	r.endDest()
	r.ucSkip = 0
	r.st = r.stack[len(r.stack)-1]
	r.stack = r.stack[:len(r.stack)-1]
}

// endDest finishes the destination the closing group was.
func (r *reader) endDest() {
	switch {
	case r.st.dest == "fontentry":
		name := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(r.entry.String()), ";"))
		if _, ok := r.fonts[r.entryNum]; !ok || name != "" {
			r.fonts[r.entryNum] = font{name: name, charset: r.entryCS}
		}
	case r.st.dest == "styleentry":
		name := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(r.entry.String()), ";"))
		if r.entryStyle {
			r.styles[r.entryNum] = name
			if r.st.outline > 0 {
				r.styleOut[r.entryNum] = r.st.outline
			}
		}
	case r.st.noteLevel:
		r.flushRun()
		if r.note != nil {
			text := r.note.String()
			r.note = nil
			if strings.TrimSpace(text) != "" {
				r.runs = append(r.runs, paras.Run{Note: text})
			}
		}
	}
}

// control reads a control word or symbol at r.pos (a backslash).
func (r *reader) control() {
	r.pos++
	if r.pos >= len(r.data) {
		return
	}
	c := r.data[r.pos]
	if !isLetter(c) {
		r.pos++
		r.symbol(c)
		return
	}
	start := r.pos
	for r.pos < len(r.data) && isLetter(r.data[r.pos]) && r.pos-start < 32 {
		r.pos++
	}
	word := string(r.data[start:r.pos])
	param, hasParam := 0, false
	neg := false
	if r.pos < len(r.data) && r.data[r.pos] == '-' {
		neg = true
		r.pos++
	}
	digits := 0
	for r.pos < len(r.data) && r.data[r.pos] >= '0' && r.data[r.pos] <= '9' {
		if digits < 10 {
			param = param*10 + int(r.data[r.pos]-'0')
		}
		digits++
		hasParam = true
		r.pos++
	}
	if neg {
		param = -param
	}
	if r.pos < len(r.data) && r.data[r.pos] == ' ' {
		r.pos++
	}
	r.word(word, param, hasParam)
}

func isLetter(c byte) bool { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') }

func (r *reader) symbol(c byte) {
	if r.ucSkip > 0 && c != '*' {
		r.ucSkip--
		if c == '\'' {
			r.pos = min(r.pos+2, len(r.data))
		}
		return
	}
	switch c {
	case '\\', '{', '}':
		r.byteText(c)
	case '\'':
		if r.pos+2 <= len(r.data) {
			if b, ok := hexByte(r.data[r.pos], r.data[r.pos+1]); ok {
				r.pos += 2
				r.byteText(b)
			}
		}
	case '~':
		r.text("\u00a0")
	case '_':
		r.text("-")
	case '-': // optional hyphen
	case '*':
		// An ignorable destination: skipped unless the next control word
		// is one the reader knows and keeps.
		save := r.pos
		for save < len(r.data) && (r.data[save] == ' ' || r.data[save] == '\r' || r.data[save] == '\n') {
			save++
		}
		if save+1 < len(r.data) && r.data[save] == '\\' {
			j := save + 1
			for j < len(r.data) && isLetter(r.data[j]) {
				j++
			}
			if keepStarred[string(r.data[save+1:j])] {
				return
			}
		}
		r.st.skip = true
	case '\r', '\n':
		r.word("par", 0, false)
	case '|', ':':
	}
}

// keepStarred are \* destinations whose text is read.
var keepStarred = map[string]bool{"cs": true, "footnote": true, "ud": true}

func hexByte(a, b byte) (byte, bool) {
	h, ok1 := hexVal(a)
	l, ok2 := hexVal(b)
	return h<<4 | l, ok1 && ok2
}

func hexVal(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

// skipDest are destinations whose content is not body text.
var skipDest = map[string]bool{
	"colortbl": true, "info": true, "pict": true, "object": true, "objdata": true,
	"header": true, "headerl": true, "headerr": true, "headerf": true,
	"footer": true, "footerl": true, "footerr": true, "footerf": true,
	"fldinst": true, "xe": true, "tc": true, "txe": true, "rxe": true,
	"bkmkstart": true, "bkmkend": true, "nonshppict": true, "shpinst": true,
	"shprslt": true, "do": true, "pn": true, "listtable": true,
	"listoverridetable": true, "revtbl": true, "rsidtbl": true, "generator": true,
	"themedata": true, "colorschememapping": true, "latentstyles": true,
	"datastore": true, "xmlnstbl": true, "nonesttables": true, "annotation": true,
	"atnid": true, "atnauthor": true, "template": true, "comment": true,
	"falt": true, "panose": true, "fontemb": true, "fontfile": true,
	"userprops": true, "docvar": true, "field_": true, "pgdsctbl": true,
	"mmathPr": true, "wgrffmtfilter": true, "filetbl": true, "ftnsep": true,
	"ftnsepc": true, "ftncn": true, "aftnsep": true, "aftnsepc": true, "aftncn": true,
	"blipuid": true, "fchars": true, "lchars": true, "protusertbl": true,
}

// word applies a control word.
func (r *reader) word(w string, p int, has bool) {
	if w == "bin" {
		n := max(p, 0)
		r.pos = min(r.pos+n, len(r.data))
		return
	}
	if r.over > 0 {
		return
	}
	if r.ucSkip > 0 {
		r.ucSkip--
		return
	}
	switch w {
	case "ud": // the Unicode alternative of a \upr group
		r.st.skip = r.st.uprOuter
		return
	case "upr":
		r.st.uprOuter, r.st.skip = r.st.skip, true
		return
	}
	if r.st.skip {
		if w == "uc" {
			r.st.uc = max(min(p, 8), 0)
		}
		return
	}
	if skipDest[w] {
		r.st.skip = true
		return
	}
	switch w {
	case "fonttbl":
		r.st.dest = "fonttbl"
		return
	case "stylesheet":
		r.st.dest = "stylesheet"
		return
	case "footnote":
		if r.note == nil {
			r.flushRun()
			r.note = &strings.Builder{}
			r.st.noteLevel = true
		} else {
			r.st.skip = true
		}
		return
	}
	parent := ""
	if n := len(r.stack); n > 0 {
		parent = r.stack[n-1].dest
	}
	if parent == "fonttbl" && r.st.dest == "" && w == "f" {
		r.st.dest, r.entryNum, r.entryCS = "fontentry", p, 0
		r.entry.Reset()
		return
	}
	if r.st.dest == "fonttbl" && w == "f" { // a font table without groups
		r.entryNum, r.entryCS = p, 0
		r.entry.Reset()
		r.st.dest = "fontentry"
		return
	}
	if parent == "stylesheet" && r.st.dest == "" {
		r.st.dest = "styleentry"
		r.entry.Reset()
		r.entryNum, r.entryStyle = 0, true
		r.st.outline = 0
	}
	switch w {
	case "fcharset":
		if r.st.dest == "fontentry" {
			r.entryCS = p
		}
	case "s":
		if r.st.dest == "styleentry" {
			r.entryNum, r.entryStyle = p, true
			return
		}
		r.st.style = p
	case "cs", "ts", "ds":
		if r.st.dest == "styleentry" {
			r.entryStyle = false
		}
	case "ansicpg":
		if p > 0 {
			r.codePage = p
		}
	case "mac":
		r.codePage = 10000
	case "pc":
		r.codePage = 437
	case "pca":
		r.codePage = 850
	case "deff":
		r.defFont, r.st.font = p, p
	case "uc":
		r.st.uc = max(min(p, 8), 0)
	case "u":
		r.unicode(p)
	case "par":
		r.endPara(false)
	case "sect":
		r.endPara(false)
	case "line", "tab":
		r.text(" ")
	case "cell":
		r.endPara(true)
		if !r.inNote() {
			r.doc.EndCell()
			r.checkSize()
		}
	case "nestcell":
		r.endPara(true)
	case "row":
		r.endPara(true)
		if !r.inNote() {
			r.doc.EndRow()
		}
	case "pard":
		r.st.align, r.st.outline, r.st.style, r.st.intbl, r.st.itap, r.st.li = block.AlignLeft, 0, 0, false, 0, 0
	case "plain":
		r.st.font, r.st.bold, r.st.italic, r.st.caps, r.st.fs = r.defFont, false, false, false, 24
		r.st.hidden, r.st.deleted = false, false
	case "f":
		r.st.font = p
	case "fs":
		if p > 0 {
			r.st.fs = p
		}
	case "b":
		r.st.bold = !has || p != 0
	case "i":
		r.st.italic = !has || p != 0
	case "caps":
		r.st.caps = !has || p != 0
	case "v":
		r.st.hidden = !has || p != 0
	case "deleted":
		r.st.deleted = !has || p != 0
	case "ql":
		r.st.align = block.AlignLeft
	case "qc":
		r.st.align = block.AlignCenter
	case "qr":
		r.st.align = block.AlignRight
	case "qj", "qd":
		r.st.align = block.AlignJustify
	case "outlinelevel":
		if p >= 0 && p < 9 {
			r.st.outline = p + 1
		} else {
			r.st.outline = 0
		}
	case "intbl":
		r.st.intbl = true
	case "itap":
		r.st.itap = p
		r.st.intbl = p > 0
	case "li":
		r.st.li = p
	case "emdash":
		r.text("—")
	case "endash":
		r.text("–")
	case "bullet":
		r.text("•")
	case "lquote":
		r.text("‘")
	case "rquote":
		r.text("’")
	case "ldblquote":
		r.text("“")
	case "rdblquote":
		r.text("”")
	case "emspace", "enspace", "qmspace":
		r.text(" ")
	}
}

func (r *reader) inNote() bool { return r.note != nil }

// unicode writes \uN (a signed 16-bit value; a surrogate pair comes as two
// \u) and arms the skip of its fallback characters.
func (r *reader) unicode(p int) {
	if p < 0 {
		p += 65536
	}
	r.ucSkip = r.st.uc
	ch := rune(p)
	if ch >= 0xD800 && ch < 0xDC00 {
		// A high surrogate: the low one follows as the next \u.
		save, skip := r.pos, r.ucSkip
		r.ucSkip = 0
		for skip > 0 && r.pos < len(r.data) { // skip the fallback first
			if r.data[r.pos] == '\\' && r.pos+1 < len(r.data) && r.data[r.pos+1] == '\'' {
				r.pos += 4
			} else {
				r.pos++
			}
			skip--
		}
		if strings.HasPrefix(string(r.data[r.pos:min(len(r.data), r.pos+2)]), `\u`) {
			j := r.pos + 2
			neg := j < len(r.data) && r.data[j] == '-'
			if neg {
				j++
			}
			v, k := 0, j
			for k < len(r.data) && k-j < 6 && r.data[k] >= '0' && r.data[k] <= '9' {
				v = v*10 + int(r.data[k]-'0')
				k++
			}
			if neg {
				v = 65536 - v
			}
			if k > j && v >= 0xDC00 && v < 0xE000 {
				if k < len(r.data) && r.data[k] == ' ' {
					k++
				}
				r.pos = k
				r.ucSkip = r.st.uc
				r.text(string(utf16Pair(ch, rune(v))))
				return
			}
		}
		r.pos, r.ucSkip = save, r.st.uc
		return
	}
	if ch >= 0xDC00 && ch < 0xE000 {
		return
	}
	r.text(string(ch))
}

func utf16Pair(hi, lo rune) rune { return (hi-0xD800)<<10 + (lo - 0xDC00) + 0x10000 }

// byteText adds a text byte (literal or \'hh) in the current font.
func (r *reader) byteText(b byte) {
	if r.over > 0 {
		return
	}
	switch r.st.dest {
	case "fontentry", "styleentry":
		if r.entry.Len() < 256 {
			r.entry.WriteString(decodeBytes([]byte{b}, 1252))
		}
		return
	}
	if r.st.skip || r.st.dest == "fonttbl" || r.st.dest == "stylesheet" || r.st.hidden || r.st.deleted {
		return
	}
	r.switchRun()
	r.pend = append(r.pend, b)
	r.size++
}

// text adds decoded text.
func (r *reader) text(s string) {
	if r.over > 0 {
		return
	}
	switch r.st.dest {
	case "fontentry", "styleentry":
		if r.entry.Len() < 256 {
			r.entry.WriteString(s)
		}
		return
	}
	if r.st.skip || r.st.dest == "fonttbl" || r.st.dest == "stylesheet" || r.st.hidden || r.st.deleted {
		return
	}
	r.switchRun()
	r.flushBytes()
	r.cur.Text += s
	r.size += len(s)
}

// switchRun starts a new run when the formatting changed.
func (r *reader) switchRun() {
	k := runKey{font: r.st.font, bold: r.st.bold, italic: r.st.italic, caps: r.st.caps, fs: r.st.fs}
	if k != r.key {
		r.flushRun()
		r.key = k
	}
	r.checkSize()
}

// checkSize sets ErrTooLarge once the text, or what the blocks and table
// cells made so far cost (paras.Doc.Size), passes Options.MaxText.
func (r *reader) checkSize() {
	if r.opt.MaxText > 0 && (r.size > r.opt.MaxText || r.doc.Size() > r.opt.MaxText) && r.err == nil {
		r.err = ErrTooLarge
	}
}

// flushBytes decodes the pending bytes in the run's font.
func (r *reader) flushBytes() {
	if len(r.pend) == 0 {
		return
	}
	f, ok := r.fonts[r.key.font]
	var s string
	var dec func([]byte) string
	if ok && r.opt.Legacy != nil {
		dec = r.opt.Legacy(f.name)
	}
	switch {
	case dec != nil:
		s = dec(r.pend)
	default:
		cp := r.codePage
		if ok {
			if c := charsetCodePage(f.charset); c != 0 {
				cp = c
			}
		}
		s = decodeBytes(r.pend, cp)
	}
	r.pend = r.pend[:0]
	r.cur.Text += s
}

func (r *reader) flushRun() {
	r.flushBytes()
	if r.cur.Text == "" {
		return
	}
	if r.note != nil {
		r.note.WriteString(r.cur.Text)
	} else {
		r.cur.Bold, r.cur.Italic, r.cur.Caps = r.key.bold, r.key.italic, r.key.caps
		r.cur.Size = float64(r.key.fs) / 2
		r.runs = append(r.runs, r.cur)
	}
	r.cur = paras.Run{}
}

// endPara ends the paragraph: into the open table cell when it is in a
// table (\intbl) or ends a cell.
func (r *reader) endPara(cell bool) {
	r.flushRun()
	if r.note != nil {
		r.note.WriteString(" ")
		return
	}
	runs := r.runs
	r.runs = nil
	ev := block.Block{Align: r.st.align, Outline: int8(min(max(r.st.outline, 0), 9))}
	name := strings.ToLower(strings.TrimSpace(r.styles[r.st.style]))
	if j := strings.IndexByte(name, ','); j > 0 {
		name = name[:j]
	}
	switch {
	case name == "title":
		ev.Title = true
	case strings.HasPrefix(name, "heading ") && len(name) == 9 && name[8] >= '1' && name[8] <= '9':
		if ev.Outline == 0 {
			ev.Outline = int8(name[8] - '0')
		}
	}
	if ev.Outline == 0 {
		ev.Outline = int8(min(max(r.styleOut[r.st.style], 0), 9))
	}
	ev.Indented = ev.Align == block.AlignRight || r.st.li >= 1134
	r.doc.Para(runs, ev, cell || r.st.intbl)
}

// charsetCodePage maps \fcharsetN to a Windows code page (0: the
// document's).
func charsetCodePage(cs int) int {
	switch cs {
	case 77:
		return 10000
	case 128:
		return 932
	case 129:
		return 949
	case 134:
		return 936
	case 136:
		return 950
	case 161:
		return 1253
	case 162:
		return 1254
	case 163:
		return 1258
	case 177:
		return 1255
	case 178:
		return 1256
	case 186:
		return 1257
	case 204:
		return 1251
	case 222:
		return 874
	case 238:
		return 1250
	case 255:
		return 437
	}
	return 0
}

func codePageEncoding(cp int) encoding.Encoding {
	switch cp {
	case 437:
		return charmap.CodePage437
	case 850:
		return charmap.CodePage850
	case 866:
		return charmap.CodePage866
	case 874:
		return charmap.Windows874
	case 932:
		return japanese.ShiftJIS
	case 936:
		return simplifiedchinese.GBK
	case 949:
		return korean.EUCKR
	case 950:
		return traditionalchinese.Big5
	case 1250:
		return charmap.Windows1250
	case 1251:
		return charmap.Windows1251
	case 1253:
		return charmap.Windows1253
	case 1254:
		return charmap.Windows1254
	case 1255:
		return charmap.Windows1255
	case 1256:
		return charmap.Windows1256
	case 1257:
		return charmap.Windows1257
	case 1258:
		return charmap.Windows1258
	case 10000:
		return charmap.Macintosh
	}
	return charmap.Windows1252
}

// decodeBytes decodes text bytes in a code page; undecodable bytes are
// dropped.
func decodeBytes(b []byte, cp int) string {
	out, err := codePageEncoding(cp).NewDecoder().Bytes(b)
	if err != nil {
		return ""
	}
	return strings.ToValidUTF8(strings.ReplaceAll(string(out), "\ufffd", ""), "")
}
