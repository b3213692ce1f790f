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

// A sealed value opens with its version and checksum; a wrong version, a
// flipped byte or a value too short does not.
func TestSealOpen(t *testing.T) {
	v := Seal(AppendStr([]byte{7}, "chi bộ"))
	body, ok := Open(v, 7, 2)
	if !ok || len(body) != len(v)-4 {
		t.Fatalf("a sealed value does not open: %v", ok)
	}
	if d := NewDecoder(body, 1); d.Str() != "chi bộ" || d.Bad() || d.Left() != 0 {
		t.Fatal("AppendStr does not read back with Str")
	}
	if _, ok := Open(v, 8, 2); ok {
		t.Error("opened with another version")
	}
	if _, ok := Open(v, 7, len(v)); ok {
		t.Error("opened below its minimum length")
	}
	for i := range v {
		w := append([]byte(nil), v...)
		w[i] ^= 0x10
		if _, ok := Open(w, 7, 2); ok {
			t.Errorf("opened with byte %d flipped", i)
		}
	}
	if _, ok := Open(nil, 7, 0); ok {
		t.Error("opened nothing")
	}
}
