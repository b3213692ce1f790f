// Package compact writes and reads the compact binary values chibo decodes
// at every start — the library catalogue's snapshot (content/store) and
// the search index's document lists (index): a version byte, unsigned and
// zig-zag varints (encoding/binary) and strings written as a uvarint
// length and their bytes, sealed with a CRC-32C (Castagnoli) of the whole.
// Read back, the strings all share one copy of the value instead of one
// allocation each.
package compact

import (
	"encoding/binary"
	"hash/crc32"
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// AppendStr appends s as Str reads it: its length as a uvarint, then its
// bytes.
func AppendStr(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}

// Seal appends b's CRC-32C, big-endian: what Open checks.
func Seal(b []byte) []byte {
	return binary.BigEndian.AppendUint32(b, crc32.Checksum(b, castagnoli))
}

// Open checks a sealed value v: at least min bytes before its checksum,
// version as its first byte, its checksum right. It returns v without
// the checksum, or false.
func Open(v []byte, version byte, min int) (body []byte, ok bool) {
	if len(v) < max(min, 1)+4 || v[0] != version {
		return nil, false
	}
	body = v[:len(v)-4]
	if crc32.Checksum(body, castagnoli) != binary.BigEndian.Uint32(v[len(v)-4:]) {
		return nil, false
	}
	return body, true
}

// Decoder reads a value from a position on. Bad is set at the first read
// that does not fit, and every later read returns zero.
type Decoder struct {
	b   []byte
	all string // b as a string, once Share is called
	pos int
	bad bool
}

// NewDecoder reads b from byte pos on.
func NewDecoder(b []byte, pos int) *Decoder { return &Decoder{b: b, pos: min(max(pos, 0), len(b))} }

// Share copies the value once, into the string every later Str is part
// of: call it after the checks that need no strings (a count's bound),
// when the value's bytes do not outlive the read (a bbolt value).
func (d *Decoder) Share() { d.all = string(d.b) }

// Bad says whether a read did not fit.
func (d *Decoder) Bad() bool { return d.bad }

// Pos is the next byte's position; Left the bytes after it.
func (d *Decoder) Pos() int  { return d.pos }
func (d *Decoder) Left() int { return len(d.b) - d.pos }

// Uvarint reads an unsigned varint.
func (d *Decoder) Uvarint() uint64 {
	if d.bad {
		return 0
	}
	if d.pos < len(d.b) && d.b[d.pos] < 0x80 { // most are one byte
		d.pos++
		return uint64(d.b[d.pos-1])
	}
	x, n := binary.Uvarint(d.b[d.pos:])
	if n <= 0 {
		d.bad = true
		return 0
	}
	d.pos += n
	return x
}

// Varint reads a zig-zag varint.
func (d *Decoder) Varint() int64 {
	if d.bad {
		return 0
	}
	x, n := binary.Varint(d.b[d.pos:])
	if n <= 0 {
		d.bad = true
		return 0
	}
	d.pos += n
	return x
}

// Byte reads one byte.
func (d *Decoder) Byte() byte {
	if d.bad || d.pos >= len(d.b) {
		d.bad = true
		return 0
	}
	d.pos++
	return d.b[d.pos-1]
}

// Str reads a string: its length as a uvarint, then its bytes (part of
// the shared copy after Share, a copy of its own before).
func (d *Decoder) Str() string {
	n := d.Uvarint()
	if d.bad || n > uint64(len(d.b)-d.pos) {
		d.bad = true
		return ""
	}
	var s string
	if d.all != "" {
		s = d.all[d.pos : d.pos+int(n)]
	} else {
		s = string(d.b[d.pos : d.pos+int(n)])
	}
	d.pos += int(n)
	return s
}
