package msdoc

import (
	"sort"
	"unicode/utf16"
)

// piece is one entry of the piece table ([MS-DOC] 2.9.177 PlcPcd): the
// characters [cpStart, cpEnd) of the document are stored from byte off of
// the WordDocument stream, one byte each (compressed: Windows-1252 with the
// mapping of 2.4.1) or two (UTF-16LE).
type piece struct {
	cpStart, cpEnd int64
	off            int64
	compressed     bool
	prm            uint16 // Prm ([MS-DOC] 2.6.5): extra properties of the piece
}

// reader is the state of one Read.
type reader struct {
	wd, tbl []byte
	fib     *fib
	opt     Options

	prcs   [][]byte // grpprls of the CLX's RgPrc, for Prm1
	pieces []piece

	styles    []style
	defFont   int // the stylesheet's default ASCII font (rgftcStandardChp)
	fonts     []string
	chpx      *fkpIndex
	papx      *fkpIndex
	footnotes notes
	endnotes  notes
	lists     *numbering
}

// readPieces reads the CLX ([MS-DOC] 2.9.38): any number of Prc (clxt 1,
// a grpprl for Prm1) then the Pcdt (clxt 2) holding the PlcPcd. Pieces are
// kept in CP order without overlap, and their total length never exceeds
// the WordDocument stream, so a hostile table cannot multiply the text.
func (r *reader) readPieces() error {
	fc, lcb := r.fib.fcLcb(idxClx)
	clx := slice(r.tbl, fc, lcb)
	if len(clx) == 0 {
		return formatErr("no piece table (fcClx %d, lcbClx %d)", fc, lcb)
	}
	i := 0
	for i < len(clx) && clx[i] == 0x01 {
		cb := int(int16(u16(clx, i+1)))
		if cb < 0 || i+3+cb > len(clx) {
			return formatErr("piece table: Prc of %d bytes", cb)
		}
		r.prcs = append(r.prcs, clx[i+3:i+3+cb])
		i += 3 + cb
	}
	if i >= len(clx) || clx[i] != 0x02 {
		return formatErr("piece table: no Pcdt")
	}
	plc := slice(clx, uint32(i+5), u32(clx, i+1))
	k := (len(plc) - 4) / 12
	if k < 1 {
		return formatErr("piece table: %d bytes", len(plc))
	}
	budget := int64(len(r.wd))
	var last int64
	for j := 0; j < k && budget > 0; j++ {
		cs, ce := int64(u32(plc, 4*j)), int64(u32(plc, 4*j+4))
		if cs < last {
			cs = last
		}
		if ce <= cs {
			continue
		}
		pcd := 4*(k+1) + 8*j
		raw := u32(plc, pcd+2)
		p := piece{cpStart: cs, compressed: raw&0x40000000 != 0, prm: u16(plc, pcd+6)}
		fcv := int64(raw & 0x3FFFFFFF)
		width := int64(2)
		p.off = fcv
		if p.compressed {
			p.off, width = fcv/2, 1
		}
		avail := (int64(len(r.wd)) - p.off) / width
		n := min(ce-cs, avail, budget)
		last = ce
		if n <= 0 {
			continue
		}
		budget -= n
		p.cpEnd = cs + n
		r.pieces = append(r.pieces, p)
	}
	if len(r.pieces) == 0 {
		return formatErr("piece table without text")
	}
	return nil
}

// cp1252 maps the bytes 0x80–0x9F of compressed pieces ([MS-DOC] 2.4.1:
// the listed Windows-1252 punctuation; €, Ž and ž, absent from that list,
// as Windows-1252 has them; the five unassigned bytes are dropped).
var cp1252 = [32]rune{
	'€', 0, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 0, 'Ž', 0,
	0, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 0, 'ž', 'Ÿ',
}

// char is one character of the text with where it is stored.
type char struct {
	cp int64
	fc int64 // byte offset in the WordDocument stream, for CHPX/PAPX
	r  rune
	p  *piece
}

// walk calls fn for each character with a CP in [from, to), in order,
// until fn returns false. A UTF-16 surrogate pair is one character; an
// unpaired surrogate is skipped.
func (r *reader) walk(from, to int64, fn func(c char) bool) {
	i := sort.Search(len(r.pieces), func(i int) bool { return r.pieces[i].cpEnd > from })
	for ; i < len(r.pieces); i++ {
		p := &r.pieces[i]
		if p.cpStart >= to {
			return
		}
		cp := max(from, p.cpStart)
		end := min(to, p.cpEnd)
		for cp < end {
			k := cp - p.cpStart
			var c char
			if p.compressed {
				b := r.wd[p.off+k]
				c = char{cp: cp, fc: p.off + k, r: rune(b), p: p}
				if b >= 0x80 && b < 0xA0 {
					c.r = cp1252[b-0x80]
				}
				cp++
			} else {
				at := p.off + 2*k
				u := rune(u16(r.wd, int(at)))
				c = char{cp: cp, fc: at, r: u, p: p}
				cp++
				if utf16.IsSurrogate(u) {
					c.r = 0
					if u < 0xDC00 && cp < end {
						if v := rune(u16(r.wd, int(at+2))); v >= 0xDC00 && v < 0xE000 {
							c.r = utf16.DecodeRune(u, v)
							cp++
						}
					}
				}
			}
			if c.r == 0 {
				continue // NUL, an unassigned byte, an unpaired surrogate
			}
			if !fn(c) {
				return
			}
		}
	}
}
