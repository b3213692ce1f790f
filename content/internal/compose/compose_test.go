package compose

import (
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// TestStableRanges checks every rune Stable accepts against the norm tables.
func TestStableRanges(t *testing.T) {
	for r := rune(0); r < 0x3000; r++ {
		if !Stable(r) {
			continue
		}
		s := string(r)
		p := norm.NFC.PropertiesString(s)
		if p.CCC() != 0 || !p.BoundaryBefore() || !norm.NFC.IsNormalString(s) {
			t.Errorf("U+%04X is not stable under NFC", r)
		}
	}
}

func TestNFC(t *testing.T) {
	cases := []string{
		"", "abc", "Nghị quyết số 21-NQ/TW “Đồng Khởi mới” – 2023…",
		"e\u0301", "Tie\u0302\u0301ng Vie\u0323\u0302t", "a\u0301b", "ạ\u0302", "x\u0323\u0301",
		"\u2126 ohm", "\u2000space", "Ω\u0301", "\xff\xfe bad", "ok\xe1", "\u1100\u1161",
		"đ" + strings.Repeat("\u0301", 40), "\u0301 starts", "Ở tỉnh\u0308",
	}
	for _, c := range cases {
		if got, want := NFC(c), norm.NFC.String(c); got != want {
			t.Errorf("NFC(%+q) = %+q, want %+q", c, got, want)
		}
		if got, want := StableSpan(c), stableSpan(c); got != want {
			t.Errorf("StableSpan(%+q) = %d, want %d", c, got, want)
		}
	}
}

// stableSpan is StableSpan the plain way.
func stableSpan(s string) int {
	for i, r := range s {
		if !Stable(r) {
			return i
		}
	}
	return len(s)
}

func FuzzNFC(f *testing.F) {
	f.Add("Tie\u0302\u0301ng Vie\u0323\u0302t")
	f.Add("ạ\u0302 \u2126")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := NFC(s), norm.NFC.String(s); got != want {
			t.Errorf("NFC(%+q) = %+q, want %+q", s, got, want)
		}
		if got, want := StableSpan(s), stableSpan(s); got != want {
			t.Errorf("StableSpan(%+q) = %d, want %d", s, got, want)
		}
	})
}
