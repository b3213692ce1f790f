package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// hostileSeqs are rel-13's terminal sequences: clear screen, window title
// (OSC 0), clipboard write (OSC 52), a hidden hyperlink (OSC 8), bells, a
// colour, the 8-bit CSI, and a carriage return that would overwrite the
// line. No '/', so it can be part of a file name.
const hostileSeqs = "\x1b[2J\x1b[H\x1b]0;PWNED-TITLE\a\x1b]52;c;ZWNobyBwd25lZA==\a\x1b]8;;http:evil.example\x1b\\" +
	"link\x1b]8;;\x1b\\\a\a\x1b[31m\u009b5m\r"

// assertNoControls fails if s (output to a file, not a terminal) holds
// any control byte but '\n' and '\t': no ESC at all (chibo styles only a
// terminal), no BEL, no CR, no C1 control.
func assertNoControls(t *testing.T, what, s string) {
	t.Helper()
	if s == "" {
		t.Errorf("%s: no output", what)
	}
	for i, r := range s {
		if r < 0x20 && r != '\n' && r != '\t' || r >= 0x7f && r <= 0x9f || r == utf8.RuneError {
			t.Errorf("%s: control %U at byte %d: %q", what, r, i, s[max(i-20, 0):min(i+20, len(s))])
			return
		}
	}
}

// TestCLIPrintsNoOutsideSequences imports a document whose text, and
// file name, carry every sequence, and a picture with such a name, then
// runs each reading command on it: nothing from outside reaches the
// output raw (rel-13).
func TestCLIPrintsNoOutsideSequences(t *testing.T) {
	data, src := t.TempDir(), t.TempDir()
	doc := "# Nghị quyết " + hostileSeqs + " chi bộ\n\n## I. NỘI DUNG " + hostileSeqs + "\n\n" +
		"Đảng viên " + hostileSeqs + " học tập nghị quyết. [bấm vào đây](http://evil.example/) để xem.\n\n" +
		strings.Repeat("Chi bộ tổ chức sinh hoạt chuyên đề, đảng viên phát biểu ý kiến. ", 100) + "\n"
	name := filepath.Join(src, "nghi-quyet"+hostileSeqs+".md")
	if err := os.WriteFile(name, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(src, "anh"+hostileSeqs+".txt"), []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errs, code := runCLI(t, data, "import", src)
	if code != 1 { // the picture fails
		t.Fatalf("import: exit %d\n%s\n%s", code, out, errs)
	}
	assertNoControls(t, "import stdout", out)
	assertNoControls(t, "import stderr", errs)
	if !strings.Contains(out, "nghi-quyet") || !strings.Contains(out, "anh") {
		t.Errorf("import output lacks the files: %q", out)
	}

	out, errs, code = runCLI(t, data, "list", "--json")
	var docs []struct{ ID, Source string }
	if err := json.Unmarshal([]byte(out), &docs); code != 0 || err != nil {
		t.Fatalf("list --json: exit %d, %v, %s", code, err, errs)
	}
	id := ""
	for _, d := range docs {
		if strings.Contains(d.ID, "nghi-quyet") {
			id = d.ID
		}
	}
	if id == "" {
		t.Fatalf("the document was not imported: %s", out)
	}
	for _, args := range [][]string{
		{"list"},
		{"show", id},
		{"show", "--width", "60", id},
		{"show", "--plain", id},
		{"show", "--markdown", id},
		{"show", name},
		{"show", "--plain", name},
		{"outline", id},
		{"outline", name},
	} {
		out, errs, code := runCLI(t, data, args...)
		what := strings.Join(args[:len(args)-1], " ")
		if code != 0 {
			t.Errorf("%s: exit %d: %s", what, code, errs)
			continue
		}
		assertNoControls(t, what, out)
		if errs != "" {
			assertNoControls(t, what+" stderr", errs)
		}
		if args[0] == "show" && !strings.Contains(out, "học tập nghị quyết") {
			t.Errorf("%s: the document text is missing:\n%s", what, out)
		}
		if args[0] == "show" && len(args) == 2 && !strings.Contains(out, "http://evil.example/") {
			t.Errorf("%s: the link's URL should be shown as text:\n%s", what, out)
		}
	}
	// An unknown section names the document in the message.
	_, errs, _ = runCLI(t, data, "show", id+"#khong-co")
	assertNoControls(t, "show unknown section", errs)
}

// TestProgressBarNameIsOneLine: the progress bar on a terminal draws the
// file name through safetext.Line (no '\r' to overwrite it, no ESC).
func TestProgressBarNameIsOneLine(t *testing.T) {
	var b bytes.Buffer
	p := &progressBar{w: &b, on: true, label: "Đang nhập"}
	p.draw(1, 2, "a"+hostileSeqs+"b.txt")
	got := b.String()
	// The bar's own "\r\x1b[K" comes first; nothing after it.
	if !strings.HasPrefix(got, "\r\x1b[K") {
		t.Fatalf("bar = %q", got)
	}
	assertNoControls(t, "progress bar", got[len("\r\x1b[K"):])
	if !strings.Contains(got, "alink b.txt") {
		t.Errorf("bar lost the name: %q", got)
	}
}
