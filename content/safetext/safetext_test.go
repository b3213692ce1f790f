package safetext

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestStrip(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Nghị quyết số 01-NQ/TW\n\tđiều 1", "Nghị quyết số 01-NQ/TW\n\tđiều 1"},
		{"a\x1b[2J\x1b[Hb", "ab"},
		{"x\x1b]52;c;ZWNobyBwd25lZA==\x07y", "xy"},
		{"\x1b]8;;http://evil.example/\x1b\\bấm vào đây\x1b]8;;\x1b\\", "bấm vào đây"},
		{"\x1b]0;PWNED-TITLE\x07tiêu đề", "tiêu đề"},
		{"chuông\x07\x07\x07", "chuông"},
		{"\x1b[31mđỏ\x1b[0m", "đỏ"},
		{"\x1b[5mTIÊU ĐỀ NHẤP NHÁY\x1b[0m", "TIÊU ĐỀ NHẤP NHÁY"},
		{"a\u009b31mb", "ab"},
		{"a\u009d0;t\u009cb", "ab"},
		{"a\u202eb\u2066c", "abc"},
		{"dòng\r\nhai", "dòng\nhai"},
		{"\x1b]0;unterminated\nnext line", "\nnext line"},
		{"a\x1b(Bb", "ab"},       // nF: designate G0
		{"a\x1b7b\x1b8c", "abc"}, // Fp: save/restore cursor
		{"bad\xffbyte", "bad\ufffdbyte"},
		{"trailing\x1b", "trailing"},
		{"del\x7f", "del"},
	} {
		if got := Strip(tc.in); got != tc.want {
			t.Errorf("Strip(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if got := Strip(Strip(tc.in)); got != Strip(tc.in) {
			t.Errorf("Strip not idempotent on %q", tc.in)
		}
	}
}

func TestLine(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"bao-cao.txt", "bao-cao.txt"},
		{"a\rb\nc\td", "a b c d"},
		{"x\x1b[2J\x1b]0;PWNED-TITLE\x07.txt", "x.txt"},
	} {
		if got := Line(tc.in); got != tc.want {
			t.Errorf("Line(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestStripReliabilityCase runs the escapes.txt of the reliability probe
// (rel-13) when ../shared is present: nothing that a terminal acts on may
// survive, and every Vietnamese word must.
func TestStripReliabilityCase(t *testing.T) {
	path := filepath.Join("..", "..", "..", "shared", "cases", "reliability", "rel-13-terminal-escape-injection", "escapes.txt")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Skip("../shared not present:", err)
	}
	in := string(data)
	out := Strip(in)
	if strings.ContainsAny(out, "\x1b\x07\u009b") {
		t.Errorf("control left in %q", out)
	}
	for _, w := range []string{"Chuông", "PWNED-TITLE", "evil.example"} {
		if w == "Chuông" && !strings.Contains(out, w) {
			t.Errorf("lost the word %q", w)
		}
		if w != "Chuông" && strings.Contains(out, w) {
			t.Errorf("the payload %q of a sequence is left as text", w)
		}
	}
}

func FuzzStrip(f *testing.F) {
	f.Add("a\x1b[2Jb\x1b]0;t\x07c\u009bd")
	f.Fuzz(func(t *testing.T, s string) {
		out := Strip(s)
		if !utf8.ValidString(out) {
			t.Fatalf("invalid UTF-8 from %q", s)
		}
		if Strip(out) != out {
			t.Fatalf("not idempotent: %q → %q", s, out)
		}
		if len(out) > len(s)+2*strings.Count(s, "\xff")+3*len(s) {
			t.Fatalf("grew: %d → %d", len(s), len(out))
		}
		for _, r := range out {
			if r < 0x20 && r != '\n' && r != '\t' || r == 0x7f || drop(r) {
				t.Fatalf("control %U left from %q", r, s)
			}
		}
		if l := Line(s); strings.ContainsAny(l, "\n\r\t") {
			t.Fatalf("Line kept a line break: %q", l)
		}
	})
}
