package msdoc

import (
	"math"
	"strings"

	"chibo/content/block"
	"chibo/content/importer/internal/paras"
)

// rawRun is text of one CHPX run and piece, kept raw until the paragraph
// mark tells the paragraph's style, which the character properties
// toggle against.
type rawRun struct {
	text  strings.Builder
	chpx  []byte
	prm   uint16
	start int64 // the CHPX run's first byte, -1 without CHPX
	piece *piece
	note  string // a note reference: the note's text
}

// collector gathers the characters of a paragraph, dropping field codes
// ([MS-DOC] 2.8.25 PlcFld: 0x13 code 0x14 result 0x15, nested) and the
// characters that are not text.
type collector struct {
	r      *reader
	runs   []*rawRun
	fields []bool // per open field: true once its separator is seen
	notes  bool   // resolve note references (main text only)
	cs, ce int64  // the current CHPX run's byte range
	key    int64  // the run's start: cs, or -1 where there is no CHPX
	chpx   []byte
	cok    bool
}

// Special characters of the text stream ([MS-DOC] 2.4.x and 2.8.25).
const (
	chFieldBegin = 0x13
	chFieldSep   = 0x14
	chFieldEnd   = 0x15
	chCellMark   = 0x07
	chLineBreak  = 0x0B
	chPageBreak  = 0x0C
	chColBreak   = 0x0E
	chNBHyphen   = 0x1E
	chOptHyphen  = 0x1F
	chNoteRef    = 0x02
)

// add takes one character; it reports whether c ends a paragraph
// (paragraph mark, cell or row mark, page, column or section break).
func (k *collector) add(c char) bool {
	switch c.r {
	case chFieldBegin:
		k.fields = append(k.fields, false)
		return false
	case chFieldSep:
		if n := len(k.fields); n > 0 {
			k.fields[n-1] = true
		}
		return false
	case chFieldEnd:
		if n := len(k.fields); n > 0 {
			k.fields = k.fields[:n-1]
		}
		return false
	}
	for _, sep := range k.fields {
		if !sep {
			return false // field code
		}
	}
	switch c.r {
	case '\r', chCellMark, chPageBreak, chColBreak:
		return true
	case chLineBreak, '\t':
		k.text(c, " ")
	case chNBHyphen:
		k.text(c, "-")
	case chNoteRef:
		if k.notes {
			if t, ok := k.r.noteAt(c.cp); ok {
				k.runs = append(k.runs, &rawRun{note: t, start: -2})
			}
		}
	default:
		switch {
		case c.r < 0x20 || c.r == chOptHyphen:
			// objects (0x01, 0x08), note separators, annotation marks
		default:
			k.text(c, string(c.r))
		}
	}
	return false
}

// text appends s to the run of c's CHPX, starting a run when the
// formatting changes.
func (k *collector) text(c char, s string) {
	if !k.cok || c.fc < k.cs || c.fc >= k.ce {
		var found bool
		k.chpx, k.cs, k.ce, found = k.r.chpx.lookup(c.fc)
		k.key = k.cs
		if !found {
			// Text without formatting is one run (key -1), however long:
			// a run per character made a .doc without CHPX tables cost
			// ~100 bytes of memory and an allocation per character.
			k.chpx, k.cs, k.ce, k.key = nil, c.fc, c.fc+1, -1
			if len(k.r.chpx.pns) == 0 {
				k.ce = math.MaxInt64 // no formatting anywhere
			}
		}
		k.cok = true
	}
	if n := len(k.runs); n > 0 {
		last := k.runs[n-1]
		if last.start == k.key && last.piece == c.p {
			last.text.WriteString(s)
			return
		}
	}
	run := &rawRun{chpx: k.chpx, prm: c.p.prm, start: k.key, piece: c.p}
	run.text.WriteString(s)
	k.runs = append(k.runs, run)
}

// prmGrpprl returns the properties a piece's Prm adds: Prm1 (fComplex)
// points into the CLX's RgPrc; Prm0's single-sprm form is not applied.
func (r *reader) prmGrpprl(prm uint16) []byte {
	if prm&1 == 0 {
		return nil
	}
	i := int(prm >> 1)
	if i < len(r.prcs) {
		return r.prcs[i]
	}
	return nil
}

// paraAt returns the paragraph properties of the paragraph whose mark is
// the character c.
func (r *reader) paraAt(c char) (paraProps, bool) {
	props, _, _, ok := r.papx.lookup(c.fc)
	istd := 0
	if ok && len(props) >= 2 {
		istd = int(u16(props, 0))
	}
	pap, _ := r.resolve(istd)
	pap.istd = istd
	if ok && len(props) > 2 {
		pap.apply(props[2:])
	}
	if c.p != nil {
		pap.apply(r.prmGrpprl(c.p.prm))
	}
	return pap, ok
}

// runs resolves the collected runs of a paragraph in style istd into
// formatted text, dropping deleted and hidden text, and decoding text in
// legacy fonts through Options.FontText.
func (r *reader) runs(raw []*rawRun, istd int) []paras.Run {
	_, base := r.resolve(istd)
	out := make([]paras.Run, 0, len(raw))
	for _, rr := range raw {
		if rr.note != "" {
			out = append(out, paras.Run{Note: rr.note})
			continue
		}
		c := base
		eachSprm(rr.chpx, func(sprm uint16, a []byte) {
			if sprm == sprmCIstd {
				if i := int(u16(a, 0)); i < len(r.styles) && r.styles[i].stk == 2 {
					c.apply(r.styles[i].chpx, &base)
				}
			}
		})
		c.apply(rr.chpx, &base)
		c.apply(r.prmGrpprl(rr.prm), &base)
		if c.del || c.vanish {
			continue
		}
		text := rr.text.String()
		ftc := c.ftcOther
		if ftc < 0 {
			ftc = c.ftc
		}
		if ftc < 0 {
			ftc = r.defFont
		}
		if r.opt.FontText != nil {
			text = r.opt.FontText(r.font(ftc), text)
		}
		out = append(out, paras.Run{Text: text, Bold: c.bold, Italic: c.italic, Caps: c.caps, Size: float64(c.hps) / 2})
	}
	return out
}

// noteAt returns the text of the foot- or endnote referenced at cp.
func (r *reader) noteAt(cp int64) (string, bool) {
	for _, ns := range []*notes{&r.footnotes, &r.endnotes} {
		i, ok := ns.refs[cp]
		if !ok || i+1 >= len(ns.texts) {
			continue
		}
		from, to := ns.base+ns.texts[i], ns.base+ns.texts[i+1]
		if to <= from {
			return "", false
		}
		k := &collector{r: r}
		n := 0
		r.walk(from, to, func(c char) bool {
			if k.add(c) {
				k.text(c, " ")
			}
			n++
			return n < 1<<16
		})
		var b strings.Builder
		for _, run := range r.runs(k.runs, 0) {
			b.WriteString(run.Text)
		}
		t := paras.NoteText(b.String())
		return t, t != ""
	}
	return "", false
}

// build reads the main text into blocks. Tables ([MS-DOC] 2.4.3): the
// paragraphs of a cell end with a cell mark (0x07); the row ends with a
// further 0x07 whose paragraph has fTtp; nested tables (itap > 1) end
// their cells and rows with paragraph marks and are read as paragraphs of
// the outer cell. Without paragraph properties, a 0x07 right after a cell
// end is taken for the row end.
func (r *reader) build() ([]block.Block, error) {
	var doc paras.Doc
	k := &collector{r: r, notes: true}
	havePAPX := len(r.papx.pns) > 0
	lastCellEnd := false
	var err error
	inPara := 0 // characters since the last paragraph mark
	r.walk(0, r.fib.ccpText, func(c char) bool {
		if !k.add(c) {
			// A paragraph can be the whole text: the cap and the context
			// are checked inside it too, every 64 K characters (a
			// character is at least one byte of text).
			if inPara++; inPara&0xFFFF == 0 {
				if r.opt.MaxText > 0 && doc.Size()+inPara > r.opt.MaxText {
					err = ErrTooLarge
					return false
				}
				if r.opt.Ctx != nil {
					if err = r.opt.Ctx.Err(); err != nil {
						return false
					}
				}
			}
			return true
		}
		inPara = 0
		raw := k.runs
		k.runs = nil
		pap, _ := r.paraAt(c)
		inTable := pap.inTable || pap.itap > 0
		if !havePAPX {
			inTable = c.r == chCellMark || doc.RowOpen()
		}
		switch {
		case c.r == chCellMark && inTable:
			rowEnd := pap.ttp
			if !havePAPX {
				rowEnd = lastCellEnd && len(raw) == 0
			}
			if rowEnd {
				doc.EndRow()
				lastCellEnd = false
			} else {
				doc.Para(r.runs(raw, pap.istd), r.evidence(pap), true)
				doc.EndCell()
				lastCellEnd = true
			}
		case inTable:
			lastCellEnd = false
			if !pap.innerTtp {
				doc.Para(r.runs(raw, pap.istd), r.evidence(pap), true)
			}
		default:
			lastCellEnd = false
			doc.Para(r.runs(raw, pap.istd), r.evidence(pap), false)
		}
		if r.opt.MaxText > 0 && doc.Size() > r.opt.MaxText {
			err = ErrTooLarge
			return false
		}
		if r.opt.Ctx != nil {
			if err = r.opt.Ctx.Err(); err != nil {
				return false
			}
		}
		return true
	})
	if err != nil {
		return nil, err
	}
	if len(k.runs) > 0 { // text after the last paragraph mark
		doc.Para(r.runs(k.runs, 0), block.Block{Align: block.AlignLeft}, false)
	}
	return doc.Finish(), nil
}

// evidence is the paragraph-level evidence of a paragraph's properties,
// with its list number (which advances the list's counters).
func (r *reader) evidence(pap paraProps) block.Block {
	var b block.Block
	b.Label, b.Bullet = r.lists.label(pap.ilfo, pap.ilvl)
	switch pap.jc {
	case 1:
		b.Align = block.AlignCenter
	case 2:
		b.Align = block.AlignRight
	case 3, 4, 5:
		b.Align = block.AlignJustify
	default:
		b.Align = block.AlignLeft
	}
	lvl, title := r.styleOutline(pap.istd)
	if lvl == 0 && pap.outLvl >= 0 && pap.outLvl < 9 {
		lvl = pap.outLvl + 1
	}
	b.Outline, b.Title = int8(min(max(lvl, 0), 9)), title
	b.Indented = b.Align == block.AlignRight || pap.dxaLeft >= 1134 // 2 cm
	if pap.ilfo > 0 {
		b.ListLevel = int8(min(max(pap.ilvl, 0), 8))
	}
	return b
}
