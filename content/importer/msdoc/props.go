package msdoc

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf16"
)

// Sprm codes ([MS-DOC] 2.6.1 Sprm, 2.6.2 paragraph and 2.6.3 character
// properties) that the reader applies.
const (
	sprmPIstd            = 0x4600
	sprmPJc80            = 0x2403
	sprmPJc              = 0x2461
	sprmPFInTable        = 0x2416
	sprmPFTtp            = 0x2417
	sprmPItap            = 0x6649
	sprmPDtap            = 0x664A
	sprmPFInnerTableCell = 0x244B
	sprmPFInnerTtp       = 0x244C
	sprmPOutLvl          = 0x2640
	sprmPIlvl            = 0x260A
	sprmPIlfo            = 0x460B
	sprmPDxaLeft80       = 0x840F
	sprmPDxaLeft         = 0x845E

	sprmCFRMarkDel = 0x0800
	sprmCFData     = 0x0806
	sprmCFOle2     = 0x080A
	sprmCFBold     = 0x0835
	sprmCFItalic   = 0x0836
	sprmCFCaps     = 0x083B
	sprmCFVanish   = 0x083C
	sprmCFSpec     = 0x0855
	sprmCIstd      = 0x4A30
	sprmCHps       = 0x4A43
	sprmCRgFtc0    = 0x4A4F
	sprmCRgFtc2    = 0x4A51
	sprmCSymbol    = 0x6A09

	sprmTDefTable = 0xD608
	sprmPChgTabs  = 0xC615
)

// eachSprm calls fn for each Prl ([MS-DOC] 2.6.6: a two-byte sprm and its
// operand) of a grpprl, stopping at the first one that does not fit.
func eachSprm(grpprl []byte, fn func(sprm uint16, arg []byte)) {
	for i := 0; i+2 <= len(grpprl); {
		sprm := u16(grpprl, i)
		i += 2
		var n int
		switch sprm >> 13 { // spra: the operand's size
		case 0, 1:
			n = 1
		case 2, 4, 5:
			n = 2
		case 3:
			n = 4
		case 7:
			n = 3
		default: // 6: variable
			switch sprm {
			case sprmTDefTable:
				n = 2 + int(u16(grpprl, i)) - 1
			case sprmPChgTabs:
				if i >= len(grpprl) {
					return
				}
				n = 1 + int(grpprl[i])
				if grpprl[i] == 255 && i+1 < len(grpprl) {
					del := int(grpprl[i+1])
					add := 0
					if j := i + 2 + 4*del; j < len(grpprl) {
						add = int(grpprl[j])
					}
					n = 1 + 1 + 4*del + 1 + 3*add
				}
			default:
				if i >= len(grpprl) {
					return
				}
				n = 1 + int(grpprl[i])
			}
		}
		if n < 0 || i+n > len(grpprl) {
			return
		}
		fn(sprm, grpprl[i:i+n])
		i += n
	}
}

// paraProps are the paragraph properties (PAP) the reader uses.
type paraProps struct {
	istd                 int
	inTable, ttp         bool
	innerCell, innerTtp  bool
	itap                 int
	jc                   int // 0 left, 1 centre, 2 right, 3+ justified; -1 unset
	outLvl               int // 0–8 outline level, 9 body text; -1 unset
	ilvl, ilfo           int
	dxaLeft              int // left indent, twips
	hasDxaLeft, hasIlvlS bool
}

func (p *paraProps) apply(grpprl []byte) {
	eachSprm(grpprl, func(sprm uint16, a []byte) {
		switch sprm {
		case sprmPIstd:
			p.istd = int(u16(a, 0))
		case sprmPJc80, sprmPJc:
			p.jc = int(a[0])
		case sprmPFInTable:
			p.inTable = a[0] != 0
		case sprmPFTtp:
			p.ttp = a[0] != 0
		case sprmPItap:
			p.itap = int(int32(u32(a, 0)))
		case sprmPDtap:
			p.itap += int(int32(u32(a, 0)))
		case sprmPFInnerTableCell:
			p.innerCell = a[0] != 0
		case sprmPFInnerTtp:
			p.innerTtp = a[0] != 0
		case sprmPOutLvl:
			p.outLvl = int(a[0])
		case sprmPIlvl:
			p.ilvl, p.hasIlvlS = int(a[0]), true
		case sprmPIlfo:
			p.ilfo = int(int16(u16(a, 0)))
		case sprmPDxaLeft80, sprmPDxaLeft:
			p.dxaLeft, p.hasDxaLeft = int(int16(u16(a, 0))), true
		}
	})
}

// charProps are the character properties (CHP) the reader uses.
type charProps struct {
	bold, italic, caps, vanish bool
	del, spec, data, ole       bool
	ftc, ftcOther              int // font indexes, -1 unset
	hps                        int // size in half-points
	symFont                    int
	symChar                    rune
}

// toggle reads a ToggleOperand ([MS-DOC] 2.9.326): 0 off, 1 on, 0x80 the
// style's value, 0x81 its opposite.
func toggle(a []byte, style bool) bool {
	switch a[0] {
	case 1:
		return true
	case 0x80:
		return style
	case 0x81:
		return !style
	}
	return false
}

// apply applies a CHPX grpprl on top of c; style is the paragraph style's
// (or character style's) properties for the toggles.
func (c *charProps) apply(grpprl []byte, style *charProps) {
	eachSprm(grpprl, func(sprm uint16, a []byte) {
		switch sprm {
		case sprmCFRMarkDel:
			c.del = a[0] != 0
		case sprmCFData:
			c.data = a[0] != 0
		case sprmCFOle2:
			c.ole = a[0] != 0
		case sprmCFBold:
			c.bold = toggle(a, style.bold)
		case sprmCFItalic:
			c.italic = toggle(a, style.italic)
		case sprmCFCaps:
			c.caps = toggle(a, style.caps)
		case sprmCFVanish:
			c.vanish = toggle(a, style.vanish)
		case sprmCFSpec:
			c.spec = a[0] != 0
		case sprmCHps:
			if v := int(u16(a, 0)); v > 0 {
				c.hps = v
			}
		case sprmCRgFtc0:
			c.ftc = int(u16(a, 0))
		case sprmCRgFtc2:
			c.ftcOther = int(u16(a, 0))
		case sprmCSymbol:
			c.symFont, c.symChar = int(u16(a, 0)), rune(u16(a, 2))
		}
	})
}

// style is one entry of the stylesheet ([MS-DOC] 2.9.271 STSH, 2.9.260
// STD): its built-in identifier (sti), kind (stk: 1 paragraph, 2
// character), base style, name and formatting (UPX).
type style struct {
	sti, stk, base int
	name           string
	papx, chpx     []byte
	resolving      bool
	resolved       bool
	pap            paraProps
	chp            charProps
}

// Built-in style identifiers ([MS-DOC] 2.9.260 sti).
const (
	stiHeading1 = 1
	stiHeading9 = 9
	stiTitle    = 62
	istdNil     = 0x0FFF
)

// readStyles reads the STSH: Stshi (cstd, cbSTDBaseInFile and the default
// fonts) then cstd LPStd, each a size and an STD.
func (r *reader) readStyles() {
	fc, lcb := r.fib.fcLcb(idxStshf)
	st := slice(r.tbl, fc, lcb)
	cbStshi := int(u16(st, 0))
	if len(st) < 2+cbStshi || cbStshi < 4 {
		return
	}
	cstd := int(u16(st, 2))
	cbBase := int(u16(st, 4))
	if cbStshi >= 14 {
		r.defFont = int(u16(st, 2+12))
	}
	pos := 2 + cbStshi
	for i := 0; i < cstd && pos+2 <= len(st); i++ {
		cb := int(u16(st, pos))
		pos += 2
		if pos+cb > len(st) {
			break
		}
		std := st[pos : pos+cb]
		pos += cb
		s := style{base: istdNil}
		if cb >= 10 {
			s.sti = int(u16(std, 0) & 0x0FFF)
			s.stk = int(u16(std, 2) & 0x000F)
			s.base = int(u16(std, 2) >> 4)
			cupx := int(u16(std, 4) & 0x000F)
			q := cbBase
			cch := int(u16(std, q))
			if q+2+2*cch <= len(std) {
				u := make([]uint16, cch)
				for k := range u {
					u[k] = u16(std, q+2+2*k)
				}
				s.name = string(utf16.Decode(u))
			}
			q += 2 + 2*cch + 2
			var upx [][]byte
			for k := 0; k < cupx && q+2 <= len(std); k++ {
				n := int(u16(std, q))
				if q+2+n > len(std) {
					break
				}
				upx = append(upx, std[q+2:q+2+n])
				q += 2 + n + n%2
			}
			switch {
			case s.stk == 1 && len(upx) >= 1: // paragraph: PAPX (istd, grpprl), CHPX
				if len(upx[0]) >= 2 {
					s.papx = upx[0][2:]
				}
				if len(upx) >= 2 {
					s.chpx = upx[1]
				}
			case s.stk == 2 && len(upx) >= 1: // character: CHPX
				s.chpx = upx[0]
			}
		}
		r.styles = append(r.styles, s)
	}
}

// resolve computes a style's properties through its base styles (bounded:
// a chain that loops stops where it loops).
func (r *reader) resolve(istd int) (paraProps, charProps) {
	def := paraProps{jc: -1, outLvl: -1}
	defc := charProps{ftc: -1, ftcOther: -1, hps: 20}
	if istd < 0 || istd >= len(r.styles) {
		return def, defc
	}
	s := &r.styles[istd]
	if s.resolved {
		return s.pap, s.chp
	}
	if s.resolving {
		return def, defc
	}
	s.resolving = true
	pap, chp := def, defc
	if s.base != istdNil && s.base != istd {
		pap, chp = r.resolve(s.base)
	}
	pap.apply(s.papx)
	base := chp
	chp.apply(s.chpx, &base)
	pap.istd = istd
	s.pap, s.chp, s.resolved, s.resolving = pap, chp, true, false
	return pap, chp
}

var headingName = regexp.MustCompile(`(?i)^(?:heading|đề mục|tiêu đề)\s*([1-9])\b`)

// styleOutline returns the heading level a paragraph style states (1–9,
// from its built-in identifier, name or outline level) and whether it is
// the Title style.
func (r *reader) styleOutline(istd int) (level int, title bool) {
	for i := 0; i < 10 && istd >= 0 && istd < len(r.styles); i++ {
		s := &r.styles[istd]
		switch {
		case s.sti >= stiHeading1 && s.sti <= stiHeading9:
			return s.sti, false
		case s.sti == stiTitle:
			return 0, true
		}
		name := s.name
		if j := strings.IndexByte(name, ','); j > 0 {
			name = name[:j] // aliases: "Heading 1,H1"
		}
		if m := headingName.FindStringSubmatch(name); m != nil {
			n, _ := strconv.Atoi(m[1])
			return n, false
		}
		if strings.EqualFold(name, "title") {
			return 0, true
		}
		if s.base == istdNil || s.base == istd {
			break
		}
		istd = s.base
	}
	return 0, false
}

// readFonts reads the font names of the SttbfFfn ([MS-DOC] 2.9.286): an
// STTB of FFN ([MS-DOC] 2.9.85) whose name (xszFfn, UTF-16, NUL-ended)
// starts 39 bytes in.
func (r *reader) readFonts() {
	fc, lcb := r.fib.fcLcb(idxSttbfFfn)
	b := slice(r.tbl, fc, lcb)
	n := int(u16(b, 0))
	if n == 0xFFFF {
		return // an extended STTB is not a font table
	}
	pos := 4
	for i := 0; i < n && pos < len(b); i++ {
		cch := int(b[pos])
		pos++
		if pos+cch > len(b) {
			break
		}
		ffn := b[pos : pos+cch]
		pos += cch
		var u []uint16
		for k := 39; k+2 <= len(ffn); k += 2 {
			c := u16(ffn, k)
			if c == 0 {
				break
			}
			u = append(u, c)
		}
		r.fonts = append(r.fonts, string(utf16.Decode(u)))
	}
}

// font returns the name of font index i, "" when unknown.
func (r *reader) font(i int) string {
	if i < 0 || i >= len(r.fonts) {
		return ""
	}
	return r.fonts[i]
}

// fkpIndex finds the CHPX or PAPX of a byte of the WordDocument stream:
// a PlcBteChpx/PlcBtePapx ([MS-DOC] 2.8.26 PlcfBteChpx) maps FC ranges to
// 512-byte formatted-disk pages (ChpxFkp 2.9.33, PapxFkp 2.9.176) that
// hold the runs' properties. Pages are parsed when first needed.
type fkpIndex struct {
	wd    []byte
	fcs   []uint32
	pns   []uint32
	chp   bool
	pages map[uint32]*fkpPage
}

type fkpPage struct {
	fcs   []uint32
	props [][]byte // per run: a CHPX grpprl, or a PAPX's istd + grpprl
}

func newFKPIndex(r *reader, idx int, chp bool) *fkpIndex {
	fc, lcb := r.fib.fcLcb(idx)
	b := slice(r.tbl, fc, lcb)
	x := &fkpIndex{wd: r.wd, chp: chp, pages: map[uint32]*fkpPage{}}
	n := (len(b) - 4) / 8
	if n < 1 {
		return x
	}
	x.fcs = make([]uint32, n+1)
	x.pns = make([]uint32, n)
	for i := range x.fcs {
		x.fcs[i] = u32(b, 4*i)
	}
	for i := range x.pns {
		x.pns[i] = u32(b, 4*(n+1)+4*i) & 0x3FFFFF
	}
	return x
}

// lookup returns the properties of the run holding byte fc and the run's
// byte range [start, end); ok is false when fc has no formatting.
func (x *fkpIndex) lookup(fc int64) (props []byte, start, end int64, ok bool) {
	if len(x.pns) == 0 || fc < 0 {
		return nil, 0, 0, false
	}
	j := sort.Search(len(x.pns), func(i int) bool { return int64(x.fcs[i+1]) > fc })
	if j >= len(x.pns) {
		j = len(x.pns) - 1
	}
	for _, k := range []int{j, j - 1, j + 1} {
		if k < 0 || k >= len(x.pns) {
			continue
		}
		pg := x.page(x.pns[k])
		if pg == nil {
			continue
		}
		i := sort.Search(len(pg.props), func(i int) bool { return int64(pg.fcs[i+1]) > fc })
		if i < len(pg.props) && int64(pg.fcs[i]) <= fc {
			return pg.props[i], int64(pg.fcs[i]), int64(pg.fcs[i+1]), true
		}
	}
	return nil, 0, 0, false
}

func (x *fkpIndex) page(pn uint32) *fkpPage {
	if pg, ok := x.pages[pn]; ok {
		return pg
	}
	var pg *fkpPage
	defer func() { x.pages[pn] = pg }()
	off := uint64(pn) * 512
	if off+512 > uint64(len(x.wd)) {
		return nil
	}
	b := x.wd[off : off+512]
	crun := int(b[511])
	entry := 13 // BxPap
	if x.chp {
		entry = 1
	}
	if crun == 0 || 4*(crun+1)+entry*crun > 511 {
		return nil
	}
	pg = &fkpPage{fcs: make([]uint32, crun+1), props: make([][]byte, crun)}
	for i := range pg.fcs {
		pg.fcs[i] = u32(b, 4*i)
	}
	for i := 0; i < crun; i++ {
		o := 2 * int(b[4*(crun+1)+entry*i])
		if o == 0 || o >= 511 {
			continue
		}
		if x.chp { // Chpx: cb, grpprl
			cb := int(b[o])
			pg.props[i] = b[o+1 : min(o+1+cb, 511)]
			continue
		}
		// PapxInFkp: cb; if cb is 0 the next byte cb' gives 2·cb' bytes,
		// else 2·cb−1 bytes of GrpPrlAndIstd follow.
		cb := int(b[o])
		n, at := 2*cb-1, o+1
		if cb == 0 && o+1 < 511 {
			n, at = 2*int(b[o+1]), o+2
		}
		if n > 0 && at < 511 {
			pg.props[i] = b[at:min(at+n, 511)]
		}
	}
	return pg
}

// notes are the foot- or endnotes of a subdocument: the CPs of their
// references in the main text and the CP range of each note's text
// ([MS-DOC] 2.8.23 PlcffndRef, 2.8.24 PlcffndTxt).
type notes struct {
	refs  map[int64]int // main-text CP → note index
	texts []int64       // note i is [texts[i], texts[i+1]) of the subdocument
	base  int64         // first CP of the subdocument
}

func (r *reader) readNotes() {
	f := r.fib
	r.footnotes = r.readNoteTable(idxPlcffndRef, idxPlcffndTxt, f.ccpText, f.ccpFtn)
	r.endnotes = r.readNoteTable(idxPlcfendRef, idxPlcfendTxt, f.ccpText+f.ccpFtn+f.ccpHdd+f.ccpAtn, f.ccpEdn)
}

func (r *reader) readNoteTable(refIdx, txtIdx int, base, ccp int64) notes {
	ns := notes{base: base}
	if ccp <= 0 {
		return ns
	}
	fc, lcb := r.fib.fcLcb(refIdx)
	ref := slice(r.tbl, fc, lcb)
	fc, lcb = r.fib.fcLcb(txtIdx)
	txt := slice(r.tbl, fc, lcb)
	n := (len(ref) - 4) / 6 // n+1 CPs and n two-byte FRDs
	m := len(txt) / 4
	if n < 1 || m < 2 {
		return ns
	}
	ns.refs = make(map[int64]int, n)
	for i := 0; i < n; i++ {
		ns.refs[int64(u32(ref, 4*i))] = i
	}
	ns.texts = make([]int64, m)
	for i := range ns.texts {
		ns.texts[i] = int64(u32(txt, 4*i))
	}
	return ns
}
