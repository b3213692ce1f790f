// Package msdoc reads the text of Word 97–2003 binary documents (.doc,
// "Word Binary File Format", Microsoft's [MS-DOC] specification) into the
// paragraphs and tables of chibo/content/block, with the style evidence
// the file carries: the paragraph style's name (Heading 1…9, Title), its
// outline level, alignment, left indent, font size, bold, italic and caps.
//
// A .doc is an OLE compound file (read with github.com/richardlehane/mscfb)
// holding a WordDocument stream, which starts with the File Information
// Block (FIB) and holds the text, and a table stream (0Table or 1Table)
// with the piece table (CLX), the formatting (the PLCs of CHPX and PAPX
// pages), the stylesheet (STSH) and the font table (SttbfFfn). Section
// names below are [MS-DOC]'s.
//
// Reading is bounded: no stream is read past the size of the file, the text
// read is never longer than the WordDocument stream in characters, and
// every table is indexed with bounds checks, so a damaged or hostile file
// gives an error or less text, never a panic or an unbounded allocation.
// Word 6.0/95 files (another FIB) and encrypted files are refused with
// ErrOldVersion and ErrEncrypted.
package msdoc

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/richardlehane/mscfb"

	"chibo/content/block"
)

var (
	// ErrEncrypted is returned for a password-protected (encrypted or
	// XOR-obfuscated) document: its text cannot be read without the
	// password.
	ErrEncrypted = errors.New("encrypted Word document")
	// ErrOldVersion is returned for Word 6.0/95 (and older) files, whose
	// FIB and formatting differ from Word 97's.
	ErrOldVersion = errors.New("old Word 6.0/95 document")
	// ErrNotWord is returned for a compound file without a WordDocument
	// stream (an Excel, PowerPoint or other OLE file named .doc).
	ErrNotWord = errors.New("compound file without a WordDocument stream")
)

// FormatError says what is wrong with a damaged file.
type FormatError struct{ Detail string }

func (e *FormatError) Error() string { return "damaged .doc: " + e.Detail }

func formatErr(f string, a ...any) error { return &FormatError{Detail: fmt.Sprintf(f, a...)} }

// Options tune Read; the zero value is usable.
type Options struct {
	// FontText, if set, rewrites the text of each run of characters set in
	// one font, given the font's name (".VnTime", "VNI-Times", "Times New
	// Roman"). It is how text typed in legacy Vietnamese fonts, which Word
	// stores as Windows-1252 characters, is decoded by the caller.
	FontText func(font, text string) string
	// MaxText caps the text read, in bytes of UTF-8; 0 means no cap beyond
	// the size of the file.
	MaxText int
	// Ctx, if set, is checked after each paragraph: a cancelled or timed
	// out import stops with Ctx.Err().
	Ctx context.Context
}

// ErrTooLarge is returned when the text exceeds Options.MaxText.
var ErrTooLarge = errors.New("too much text")

// Doc is a read document.
type Doc struct {
	Blocks []block.Block
	// NFib is the FIB's nFib (0x00C1 for Word 97 and later).
	NFib int
}

// Read parses a Word 97–2003 file.
func Read(data []byte, opt Options) (*Doc, error) {
	streams, err := openStreams(data)
	if err != nil {
		return nil, err
	}
	wd := streams["WordDocument"]
	if wd == nil {
		return nil, ErrNotWord
	}
	f, err := parseFIB(wd)
	if err != nil {
		return nil, err
	}
	tblName := "0Table"
	if f.whichTbl {
		tblName = "1Table"
	}
	tbl := streams[tblName]
	if tbl == nil {
		return nil, formatErr("no %s stream", tblName)
	}
	r := &reader{wd: wd, tbl: tbl, fib: f, opt: opt}
	if err := r.readPieces(); err != nil {
		return nil, err
	}
	r.readStyles()
	r.readFonts()
	r.chpx = newFKPIndex(r, idxPlcfBteChpx, true)
	r.papx = newFKPIndex(r, idxPlcfBtePapx, false)
	r.readNotes()
	r.readLists()
	blocks, err := r.build()
	if err != nil {
		return nil, err
	}
	return &Doc{Blocks: blocks, NFib: int(f.nFib)}, nil
}

// openStreams reads the root-level streams of the compound file that the
// reader needs. A stream is read up to the size of the file at most: a
// sector chain that loops cannot make it larger.
func openStreams(data []byte) (map[string][]byte, error) {
	cf, err := mscfb.New(bytes.NewReader(data))
	if err != nil {
		return nil, formatErr("compound file: %v", err)
	}
	// Compound-file names compare without case ("worddocument" is seen).
	want := map[string]string{"worddocument": "WordDocument", "0table": "0Table", "1table": "1Table"}
	out := map[string][]byte{}
	for _, e := range cf.File {
		name := want[strings.ToLower(e.Name)]
		if len(e.Path) != 0 || name == "" || out[name] != nil {
			continue
		}
		size := e.Size
		if size <= 0 {
			continue
		}
		if size > int64(len(data)) {
			size = int64(len(data))
		}
		buf := make([]byte, size)
		n, err := io.ReadFull(e, buf)
		if err != nil && n == 0 {
			return nil, formatErr("stream %s: %v", name, err)
		}
		out[name] = buf[:n]
	}
	return out, nil
}

// fib holds what the reader uses of the File Information Block ([MS-DOC]
// 2.5.1 Fib): the FibBase flags, the character counts of FibRgLw97 and the
// (fc, lcb) pairs of FibRgFcLcb97 (offset and size of a structure in the
// table stream).
type fib struct {
	nFib     uint16
	whichTbl bool
	// ccp are the character counts of the subdocuments, in CP order:
	// main text, footnotes, headers, comments, endnotes, text boxes,
	// header text boxes.
	ccpText, ccpFtn, ccpHdd, ccpAtn, ccpEdn, ccpTxbx, ccpHdrTxbx int64
	fcLcbBlob                                                    []byte
}

// Indexes of (fc, lcb) pairs in FibRgFcLcb97 ([MS-DOC] 2.5.6).
const (
	idxStshf        = 1
	idxPlcffndRef   = 2
	idxPlcffndTxt   = 3
	idxPlcfBteChpx  = 12
	idxPlcfBtePapx  = 13
	idxSttbfFfn     = 15
	idxClx          = 33
	idxPlcfendRef   = 46
	idxPlcfendTxt   = 47
	idxPlfLst       = 73
	idxPlfLfo       = 74
	fibBaseSize     = 32
	wIdentWord97    = 0xA5EC
	wIdentWord6     = 0xA5DC
	nFibWord97      = 0x00C1
	fEncrypted      = 0x0100
	fWhichTblStm    = 0x0200
	fObfuscated     = 0x8000
	fibRgLwCcpText  = 3
	fibRgLwCcpFtn   = 4
	fibRgLwCcpHdd   = 5
	fibRgLwCcpAtn   = 7
	fibRgLwCcpEdn   = 8
	fibRgLwCcpTxbx  = 9
	fibRgLwCcpHdrTb = 10
)

func parseFIB(wd []byte) (*fib, error) {
	if len(wd) < fibBaseSize+2 {
		return nil, formatErr("WordDocument stream of %d bytes", len(wd))
	}
	f := &fib{}
	ident := u16(wd, 0)
	f.nFib = u16(wd, 2)
	flags := u16(wd, 10)
	switch {
	case ident == wIdentWord6 || (ident == wIdentWord97 && f.nFib < 0x00C0 && f.nFib != 0):
		return nil, ErrOldVersion
	case ident != wIdentWord97:
		return nil, formatErr("FIB identifier %#04x", ident)
	}
	if flags&(fEncrypted|fObfuscated) != 0 {
		return nil, ErrEncrypted
	}
	f.whichTbl = flags&fWhichTblStm != 0
	pos := fibBaseSize
	csw := int(u16(wd, pos))
	pos += 2 + 2*csw
	if pos+2 > len(wd) {
		return nil, formatErr("FIB cut short")
	}
	cslw := int(u16(wd, pos))
	lw := pos + 2
	pos = lw + 4*cslw
	if pos+2 > len(wd) {
		return nil, formatErr("FIB cut short")
	}
	ccp := func(i int) int64 {
		if i >= cslw {
			return 0
		}
		v := int64(int32(u32(wd, lw+4*i)))
		if v < 0 {
			return 0
		}
		return v
	}
	f.ccpText, f.ccpFtn, f.ccpHdd = ccp(fibRgLwCcpText), ccp(fibRgLwCcpFtn), ccp(fibRgLwCcpHdd)
	f.ccpAtn, f.ccpEdn = ccp(fibRgLwCcpAtn), ccp(fibRgLwCcpEdn)
	f.ccpTxbx, f.ccpHdrTxbx = ccp(fibRgLwCcpTxbx), ccp(fibRgLwCcpHdrTb)
	cb := int(u16(wd, pos))
	start := pos + 2
	end := min(start+8*cb, len(wd))
	f.fcLcbBlob = wd[start:end]
	if len(f.fcLcbBlob) < 8*(idxClx+1) {
		return nil, formatErr("FIB without a piece table")
	}
	return f, nil
}

// fcLcb returns the i-th (fc, lcb) pair: where a structure starts in the
// table stream and its size in bytes.
func (f *fib) fcLcb(i int) (fc, lcb uint32) {
	if 8*i+8 > len(f.fcLcbBlob) {
		return 0, 0
	}
	return u32(f.fcLcbBlob, 8*i), u32(f.fcLcbBlob, 8*i+4)
}

// slice returns b[off:off+n] clipped to b; nil when off is outside b.
func slice(b []byte, off, n uint32) []byte {
	if uint64(off) >= uint64(len(b)) {
		return nil
	}
	end := uint64(off) + uint64(n)
	if end > uint64(len(b)) {
		end = uint64(len(b))
	}
	return b[off:end]
}

func u16(b []byte, off int) uint16 {
	if off < 0 || off+2 > len(b) {
		return 0
	}
	return binary.LittleEndian.Uint16(b[off:])
}

func u32(b []byte, off int) uint32 {
	if off < 0 || off+4 > len(b) {
		return 0
	}
	return binary.LittleEndian.Uint32(b[off:])
}
