package msdoc

import (
	"chibo/content/importer/internal/paras"
	"strconv"
	"strings"
	"unicode/utf16"
)

// Word draws list numbers ("1.", "a)", "Điều 3.") that are not in the
// text: a paragraph's ilfo (sprmPIlfo) picks an LFO ([MS-DOC] 2.9.131),
// which names a list (LSTF 2.9.147, by lsid) of nine levels (LVL 2.9.150)
// each with a start, a number format (nfc) and a template (xst) in which
// the characters 0–8 stand for the counters of levels 1–9.

type lvl struct {
	start int
	nfc   int
	legal bool
	xst   []uint16
}

type list struct {
	lsid   uint32
	levels []lvl
}

// lfo is a list instance: the list it uses and its start-at overrides.
type lfo struct {
	lsid   uint32
	starts map[int]int // level → start override
	used   bool
}

// Number formats (nfc, [MS-DOC] 2.9.158 MSONFC) the reader writes.
const (
	nfcDecimal     = 0
	nfcUpperRoman  = 1
	nfcLowerRoman  = 2
	nfcUpperLetter = 3
	nfcLowerLetter = 4
	nfcOrdinal     = 5
	nfcDecimalZero = 22
	nfcBullet      = 23
	nfcNone        = 255
)

// numbering holds the lists and the running counters.
type numbering struct {
	lists    map[uint32]*list
	lfos     []lfo
	counters map[uint32]*counter
}

// counter is a list's running numbers, per level.
type counter struct {
	n       [9]int
	started [9]bool
	next    map[int]int // start overrides waiting for their level
}

// readLists reads the PlfLst (cLst, then cLst LSTF of 28 bytes, then —
// after the lcbPlfLst bytes — the LVLs of each list in order: 1 for a
// simple list, else 9) and the PlfLfo (lfoMac, LFOs of 16 bytes, then an
// LFOData per LFO with its LFOLVL overrides).
func (r *reader) readLists() {
	nb := &numbering{lists: map[uint32]*list{}, counters: map[uint32]*counter{}}
	r.lists = nb
	fc, lcb := r.fib.fcLcb(idxPlfLst)
	if lcb < 2 || uint64(fc) >= uint64(len(r.tbl)) {
		return
	}
	b := r.tbl[fc:]
	n := int(int16(u16(b, 0)))
	if n <= 0 || 2+28*n > len(b) {
		return
	}
	pos := 2 + 28*n
	for i := 0; i < n; i++ {
		lstf := b[2+28*i:]
		l := &list{lsid: u32(lstf, 0)}
		count := 9
		if lstf[26]&1 != 0 { // fSimpleList
			count = 1
		}
		for k := 0; k < count; k++ {
			v, next, ok := readLVL(b, pos)
			if !ok {
				return
			}
			l.levels = append(l.levels, v)
			pos = next
		}
		nb.lists[l.lsid] = l
	}
	fc, lcb = r.fib.fcLcb(idxPlfLfo)
	if lcb < 4 || uint64(fc) >= uint64(len(r.tbl)) {
		return
	}
	b = r.tbl[fc:]
	m := int(int32(u32(b, 0)))
	if m <= 0 || 4+16*m > len(b) {
		return
	}
	nb.lfos = make([]lfo, m)
	pos = 4 + 16*m
	for i := 0; i < m; i++ {
		e := b[4+16*i:]
		nb.lfos[i].lsid = u32(e, 0)
		clfolvl := int(e[12])
		// LFOData: cp, then clfolvl LFOLVL (iStartAt, flags, optional LVL).
		pos += 4
		for k := 0; k < clfolvl && pos+8 <= len(b); k++ {
			start := int(int32(u32(b, pos)))
			flags := u32(b, pos+4)
			pos += 8
			ilvl := int(flags & 0xF)
			if flags&0x10 != 0 && ilvl < 9 { // fStartAt
				if nb.lfos[i].starts == nil {
					nb.lfos[i].starts = map[int]int{}
				}
				nb.lfos[i].starts[ilvl] = start
			}
			if flags&0x20 != 0 { // fFormatting: an LVL follows
				_, next, ok := readLVL(b, pos)
				if !ok {
					return
				}
				pos = next
			}
		}
	}
}

// readLVL reads the LVL at pos: LVLF (28 bytes), grpprlPapx, grpprlChpx,
// then the number text (an Xst: a count and UTF-16 characters).
func readLVL(b []byte, pos int) (lvl, int, bool) {
	if pos+28 > len(b) {
		return lvl{}, 0, false
	}
	f := b[pos:]
	v := lvl{start: int(int32(u32(f, 0))), nfc: int(f[4]), legal: f[5]&0x04 != 0}
	cbChpx, cbPapx := int(f[24]), int(f[25])
	pos += 28 + cbPapx + cbChpx
	cch := int(u16(b, pos))
	if pos+2+2*cch > len(b) {
		return lvl{}, 0, false
	}
	v.xst = make([]uint16, cch)
	for i := range v.xst {
		v.xst[i] = u16(b, pos+2+2*i)
	}
	return v, pos + 2 + 2*cch, true
}

// label advances the counters of the paragraph's list and returns the
// number Word draws before it ("" when none) and whether it is a bullet.
func (nb *numbering) label(ilfo, ilvl int) (string, bool) {
	if nb == nil || ilfo <= 0 || ilfo > len(nb.lfos) || ilvl < 0 || ilvl > 8 {
		return "", false
	}
	o := &nb.lfos[ilfo-1]
	l := nb.lists[o.lsid]
	if l == nil {
		return "", false
	}
	if ilvl >= len(l.levels) {
		ilvl = len(l.levels) - 1
	}
	def := l.levels[ilvl]
	if def.nfc == nfcBullet {
		return "", true
	}
	c := nb.counters[o.lsid]
	if c == nil {
		c = &counter{}
		nb.counters[o.lsid] = c
	}
	if !o.used {
		o.used = true
		for lv, st := range o.starts {
			if c.next == nil {
				c.next = map[int]int{}
			}
			c.next[lv] = st
			c.started[lv] = false
		}
	}
	if st, ok := c.next[ilvl]; ok {
		c.n[ilvl], c.started[ilvl] = st, true
		delete(c.next, ilvl)
	} else if !c.started[ilvl] {
		c.n[ilvl], c.started[ilvl] = def.start, true
	} else {
		c.n[ilvl]++
	}
	for i := ilvl + 1; i < 9; i++ {
		c.n[i], c.started[i] = 0, false
	}
	if def.nfc == nfcNone {
		return "", false
	}
	var b strings.Builder
	for _, ch := range utf16.Decode(def.xst) {
		if ch < 9 {
			lv := int(ch)
			n := c.n[lv]
			f := nfcDecimal
			if lv < len(l.levels) {
				if n == 0 {
					n = max(l.levels[lv].start, 1)
				}
				f = l.levels[lv].nfc
				if def.legal {
					f = nfcDecimal
				}
			}
			b.WriteString(format(n, f))
			continue
		}
		b.WriteRune(ch)
	}
	return strings.TrimSpace(b.String()), false
}

// format writes counter n in number format f.
func format(n, f int) string {
	switch f {
	case nfcUpperRoman:
		return paras.Roman(n)
	case nfcLowerRoman:
		return strings.ToLower(paras.Roman(n))
	case nfcUpperLetter:
		return letters(n, 'A')
	case nfcLowerLetter:
		return letters(n, 'a')
	case nfcOrdinal:
		suf := "th"
		switch {
		case n%100 >= 11 && n%100 <= 13:
		case n%10 == 1:
			suf = "st"
		case n%10 == 2:
			suf = "nd"
		case n%10 == 3:
			suf = "rd"
		}
		return strconv.Itoa(n) + suf
	case nfcDecimalZero:
		if n < 10 {
			return "0" + strconv.Itoa(n)
		}
	case nfcBullet, nfcNone:
		return ""
	}
	return strconv.Itoa(n)
}

// letters writes 1 → a, 26 → z, 27 → aa (Word repeats the letter).
func letters(n int, base byte) string {
	if n <= 0 {
		return strconv.Itoa(n)
	}
	k := (n-1)/26 + 1
	if k > 10 {
		return strconv.Itoa(n)
	}
	return strings.Repeat(string(rune(base)+rune((n-1)%26)), k)
}
