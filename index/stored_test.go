package index

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// TestStoredRoundTrip: heading, breadcrumb and text come back as they
// went in, whatever they hold, and smaller than snappy would keep them.
func TestStoredRoundTrip(t *testing.T) {
	text := strings.Repeat("Đảng viên có quyền được thông tin và thảo luận các vấn đề về Cương lĩnh chính trị, Điều lệ Đảng. ", 8)
	cases := [][3]string{
		{"", "", ""},
		{"Điều 2. Quyền của đảng viên", "Chương I" + pathSep + "Điều 2", text},
		{"a\x00b", "\x1f\x1f", "\xff\xfe not UTF-8 \x00"},
		{strings.Repeat("h", 300), "", strings.Repeat("x", 1<<20)},
	}
	for _, c := range cases {
		v := packStored(c[0], c[1], c[2])
		h, p, x, err := unpackStored(v)
		if err != nil || h != c[0] || p != c[1] || x != c[2] {
			t.Errorf("%q: got %q %q %d bytes, %v", c[0], h, p, len(x), err)
		}
	}
	if v := packStored("Điều 2", "Chương I", text); len(v) > len(text)*45/100 {
		t.Errorf("%d bytes of text stored in %d", len(text), len(v))
	}
}

// TestStoredRefusesDamage: a value cut short, altered or not packed is
// refused, never read as another section.
func TestStoredRefusesDamage(t *testing.T) {
	v := packStored("Điều 2", "Chương I", strings.Repeat("Chi bộ lãnh đạo toàn diện. ", 50))
	flipped := []byte(v)
	flipped[len(flipped)/2] ^= 0x20
	for name, bad := range map[string]string{"cut": v[:len(v)-5], "flipped": string(flipped), "plain text": "Điều 2. Quyền", "empty frame": v[:4]} {
		if h, _, x, err := unpackStored(bad); err == nil {
			t.Errorf("%s: read as %q / %d bytes", name, h, len(x))
		}
	}
}

// TestPlainNFC: every rune plainNFC accepts is NFC and starts a segment
// (so any string of them is NFC), and plainNFC agrees with
// norm on Vietnamese text, decomposed text and invalid bytes.
func TestPlainNFC(t *testing.T) {
	n := 0
	for _, rg := range nfcRanges {
		for r := rg[0]; r <= rg[1]; r++ {
			if !nfcRune(r) {
				t.Fatalf("%U in nfcRanges, not in nfcRune", r)
			}
			p := norm.NFC.PropertiesString(string(r))
			// NFC alone, combining class 0 and combining with nothing
			// before it: no pair of such runes composes or reorders.
			if !norm.NFC.IsNormalString(string(r)) || !p.BoundaryBefore() || p.CCC() != 0 {
				t.Errorf("%U: NFC %v, boundary %v, class %d", r, norm.NFC.IsNormalString(string(r)), p.BoundaryBefore(), p.CCC())
			}
			n++
		}
	}
	for _, r := range []rune{0x300, 0x1dff, 0x1f00, 0x200f, 0x2028, 0x2000, 0x2126, 0xfffd} {
		if nfcRune(r) {
			t.Errorf("%U accepted", r)
		}
	}
	vi := "Đảng viên có quyền được thông tin – “thảo luận”, chất vấn… Điều 2. Ưu tiên"
	for _, c := range []struct {
		s    string
		want bool
	}{{vi, true}, {norm.NFD.String(vi), false}, {"ab\xffc", false}, {"", true}, {"Ω Ω", false}} {
		if got := plainNFC(c.s); got != c.want || got && !norm.NFC.IsNormalString(c.s) {
			t.Errorf("plainNFC(%q) = %v", c.s, got)
		}
		if nfc(c.s) != norm.NFC.String(c.s) && utf8.ValidString(c.s) {
			t.Errorf("nfc(%q) = %q", c.s, nfc(c.s))
		}
	}
	if n < 0x300+0x100 {
		t.Errorf("%d runes checked", n)
	}
}
