package importer

import (
	"context"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"chibo/content/block"
	"chibo/content/importer/convtest"
)

// controlIn returns the first terminal control character in s, or -1.
func controlIn(s string) rune {
	for _, r := range s {
		if r < 0x20 && r != '\n' && r != '\t' || r >= 0x7f && r <= 0x9f || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 {
			return r
		}
	}
	return -1
}

func checkNoControls(t *testing.T, name string, res *Result) {
	t.Helper()
	if r := controlIn(res.Text); r >= 0 {
		t.Errorf("%s: text holds %U", name, r)
	}
	var walk func(bs []block.Block)
	walk = func(bs []block.Block) {
		for _, b := range bs {
			for _, s := range []string{b.Text, b.Markdown, b.Label} {
				if r := controlIn(s); r >= 0 {
					t.Errorf("%s: block %q holds %U", name, s, r)
				}
			}
			for _, n := range b.Notes {
				if r := controlIn(n.Text); r >= 0 {
					t.Errorf("%s: note %q holds %U", name, n.Text, r)
				}
			}
			for _, row := range b.Rows {
				for _, c := range row {
					walk(c.Paras)
				}
			}
		}
	}
	walk(res.Blocks)
}

// rel-13: terminal control sequences in a document reached the terminal
// raw (clear screen, title, clipboard, OSC 8 links, bell). Every format is
// cleaned at ingest, HTML entities that decode into controls too.
func TestControlsStripped(t *testing.T) {
	const seq = "\x1b[2J\x1b[H \x1b]52;c;ZWNobyBwd25lZA==\a \x1b]8;;http://evil.example/\x1b\\bấm\x1b]8;;\a \x1b]0;PWNED\a\a\a \x1b[31m đỏ \u009b31m \u202e"
	body := strings.Repeat("Chi bộ họp định kỳ hằng tháng, bàn về nông thôn mới.\n", 40)
	cases := map[string][]byte{
		"a.txt": []byte("I. MỞ ĐẦU " + seq + "\n" + body),
		"a.md":  []byte("# Tiêu đề " + seq + "\n\n" + body),
		"a.html": []byte("<html><body><h1>I. MỞ ĐẦU " + seq + "</h1><p>Đoạn &#27;[2J &#x1b;]0;ENTITY-TITLE&#7; &#155;31m xong</p><p>" +
			body + "</p><table><tr><td>ô &#x1B;[5m</td></tr></table></body></html>"),
		// XML forbids C0 controls; C1 and bidi overrides pass through it.
		"a.docx": convtest.MakeDOCX(t, "I. MỞ ĐẦU \u009b31m \u202e\n"+body+"Ô\u009b2J\tB\u0085\n"),
		"a.odt":  convtest.MakeODT(t, "I. MỞ ĐẦU \u009b31m \u202e\n"+body),
		"a.rtf":  []byte(`{\rtf1\ansi\ansicpg1258 {\fonttbl{\f0 Arial;}}\f0 I. M\'d4 \'1b[2J \'07 \'9b31m\par ` + body[:200] + `\par}`),
	}
	for name, data := range cases {
		res, err := Convert(context.Background(), name, data, Options{})
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if !utf8.ValidString(res.Text) || !strings.Contains(res.Text, "họp định") && name != "a.rtf" {
			t.Errorf("%s: text lost: %q", name, res.Text[:min(len(res.Text), 200)])
		}
		checkNoControls(t, name, res)
	}
	// Line ends survive: CR, CRLF and form feeds are not controls to drop.
	res, err := Convert(context.Background(), "b.txt", []byte("Dòng một\r\nDòng hai\rDòng ba\fbốn\n"), Options{})
	if err != nil || res.Text != "Dòng một\nDòng hai\nDòng ba bốn\n" {
		t.Errorf("line ends: %v %q", err, res.Text)
	}
	for _, glob := range []string{"rel-13*/escapes.txt", "rel-13*/escapes.html"} {
		p := sharedCase(t, glob)
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		res, err := Convert(context.Background(), p, b, Options{})
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		checkNoControls(t, p, res)
	}
}
