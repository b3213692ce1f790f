package index

import (
	"strings"
	"testing"
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
