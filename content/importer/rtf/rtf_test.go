package rtf

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"chibo/content/block"
)

func text(t *testing.T, src string) []block.Block {
	t.Helper()
	d, err := Read([]byte(src), Options{})
	if err != nil {
		t.Fatal(err)
	}
	return d.Blocks
}

func TestTokens(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{`{\rtf1\ansi a\'e9b\par}`, "aéb"},
		{`{\rtf1\ansi\uc2 x\u7871\'3f\'3fy\par}`, "xếy"},
		{`{\rtf1\ansi\uc1 \u-10179?\u-8704?\par}`, "😀"},
		{`{\rtf1\ansi\ansicpg1258 Vi\'ea\'f2t\par}`, "Việt"},
		{`{\rtf1\ansi a\~b\_c\-d\tab e\line f\par}`, "a b-cd e f"},
		{`{\rtf1\ansi {\field{\*\fldinst HYPERLINK "x"}{\fldrslt link}}\par}`, "link"},
		{`{\rtf1\ansi {\*\unknown hidden}{\header head}{\pict 0a0b}shown\par}`, "shown"},
		{`{\rtf1\ansi a\bin3 {}}b\par}`, "ab"},
		{`{\rtf1\ansi \{\}\\\par}`, `{}\`},
		{`{\rtf1\ansi {\upr{ansi}{\*\ud{uni}}}\par}`, "uni"},
		{`{\rtf1\ansi a{\v hidden}{\deleted gone}b\par}`, "ab"},
	} {
		b := text(t, c.src)
		if len(b) != 1 || b[0].Text != c.want {
			t.Errorf("%s: %+v, want %q", c.src, b, c.want)
		}
	}
}

func TestNotRTF(t *testing.T) {
	if _, err := Read([]byte("hello"), Options{}); err != ErrNotRTF {
		t.Errorf("err %v", err)
	}
}

// Deep nesting, unclosed groups and long control words stay bounded.
func TestHostile(t *testing.T) {
	deep := `{\rtf1 ` + strings.Repeat("{", 100000) + "x" + strings.Repeat("}", 100000) + `\par}`
	if b := text(t, deep); len(b) != 0 {
		t.Errorf("text inside over-deep groups: %+v", b)
	}
	long := `{\rtf1 \` + strings.Repeat("a", 10000) + `123456789012345 y\par`
	b := text(t, long)
	if len(b) != 1 || !strings.HasSuffix(b[0].Text, "y") {
		t.Errorf("%+v", b)
	}
	if _, err := Read([]byte(`{\rtf1 `+strings.Repeat("x", 1000)), Options{MaxText: 100}); err != ErrTooLarge {
		t.Errorf("MaxText: %v", err)
	}
}

// FuzzRTF: any bytes give valid UTF-8 blocks no larger than a small
// multiple of the input, or an error; never a panic.
func FuzzRTF(f *testing.F) {
	files, _ := filepath.Glob("../testdata/rtf/*.rtf")
	for _, p := range files {
		if data, err := os.ReadFile(p); err == nil && len(data) < 64<<10 {
			f.Add(data)
		}
	}
	f.Add([]byte(`{\rtf1\ansi\ansicpg1258{\fonttbl{\f0 .VnTime;}}\trowd\intbl a\cell\row{\footnote n}\u-1?\par}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := Read(data, Options{Legacy: func(string) func([]byte) string { return func(b []byte) string { return string(b) } }})
		if err != nil {
			return
		}
		n := 0
		var check func([]block.Block)
		check = func(bs []block.Block) {
			for _, b := range bs {
				if !utf8.ValidString(b.Text) || !utf8.ValidString(b.Markdown) {
					t.Fatalf("invalid UTF-8: %q", b.Text)
				}
				n += len(b.Text) + len(b.Markdown)
				for _, r := range b.Rows {
					for _, c := range r {
						check(c.Paras)
					}
				}
			}
		}
		check(d.Blocks)
		if n > 16*len(data)+64 {
			t.Fatalf("%d bytes of text from %d bytes", n, len(data))
		}
	})
}
