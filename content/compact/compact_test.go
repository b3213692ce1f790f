package compact

import (
	"encoding/binary"
	"testing"
)

func TestDecoder(t *testing.T) {
	var b []byte
	b = append(b, 'x')
	b = binary.AppendUvarint(b, 300)
	b = binary.AppendVarint(b, -7)
	b = binary.AppendUvarint(b, 5)
	b = append(b, "chi b"...)
	b = append(b, 3)
	d := NewDecoder(b, 1)
	d.Share()
	if u, v, s, c := d.Uvarint(), d.Varint(), d.Str(), d.Byte(); d.Bad() || u != 300 || v != -7 || s != "chi b" || c != 3 || d.Left() != 0 || d.Pos() != len(b) {
		t.Fatalf("read %d %d %q %d (bad %v, %d left)", u, v, s, c, d.Bad(), d.Left())
	}
	// Past the end: bad, and zero from then on.
	if d.Byte(); !d.Bad() || d.Uvarint() != 0 || d.Str() != "" {
		t.Fatal("a read past the end is not bad")
	}
	// A string longer than what is left.
	d = NewDecoder([]byte{9, 'a'}, 0)
	if s := d.Str(); s != "" || !d.Bad() {
		t.Fatalf("a cut string read as %q", s)
	}
	// Strings before Share are copies of their own.
	d = NewDecoder([]byte{2, 'a', 'b'}, 0)
	if s := d.Str(); s != "ab" || d.Bad() {
		t.Fatalf("read %q before Share", s)
	}
}
