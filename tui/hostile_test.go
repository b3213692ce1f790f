package tui

import (
	"strings"
	"testing"

	"chibo/content"
	"chibo/tui/i18n"
)

// hostileSeqs are the terminal sequences of rel-13: clear screen, window
// title (OSC 0), clipboard write (OSC 52), a hidden hyperlink (OSC 8),
// bells, a colour, the 8-bit CSI, and a carriage return.
const hostileSeqs = "\x1b[2J\x1b[H\x1b]0;PWNED-TITLE\a\x1b]52;c;ZWNobyBwd25lZA==\a\x1b]8;;http://evil.example/\x1b\\" +
	"link\x1b]8;;\x1b\\\a\a\x1b[31m\u009b5m\r"

// hostileName is hostileSeqs without the slashes a file name cannot hold.
var hostileName = strings.ReplaceAll(hostileSeqs, "/", "")

// hostileDoc is a document whose text carries every sequence, in the
// title, a heading and a paragraph, plus a markdown link glamour would
// wrap in OSC 8.
var hostileDoc = "# Nghị quyết " + hostileSeqs + "chi bộ\n\n## I. NỘI DUNG " + hostileSeqs + "\n\n" +
	"Đảng viên " + hostileSeqs + " học tập nghị quyết. [bấm vào đây](http://evil.example/) để xem.\n\n" +
	// Enough ordinary text that the sequences stay under the importer's
	// 1 % limit on control characters, as in rel-13's escapes.txt.
	strings.Repeat("Chi bộ tổ chức sinh hoạt chuyên đề, đảng viên phát biểu ý kiến. ", 100) + "\n"

// TestFramesCarryNoOutsideSequences imports files whose names and text
// are full of terminal sequences through the import screen, then opens
// the reader and the problem list: every frame may carry the app's own
// SGR styling and nothing else (rel-13).
func TestFramesCarryNoOutsideSequences(t *testing.T) {
	home := t.TempDir()
	writeTree(t, home, map[string]string{
		"evil/nghi-quyet" + hostileName + ".md": hostileDoc,
		"evil/anh\x1b]0;T\a\rchup.txt":          pngData,
	})
	h := newHarness(t, 80, 24, i18n.VI, func(o *Options) { o.Home = home })
	h.key("i")
	h.text("evil")
	h.key("enter")
	f := h.app.Render()
	assertOnlySGR(t, "import summary", f)
	if p := h.screen(); !strings.Contains(p, "nghi-quyet") || !strings.Contains(p, "chup.txt") {
		t.Fatalf("the import summary should list both files:\n%s", p)
	}
	h.key("esc")
	h.key("enter") // outline of the imported document
	h.key("enter") // reader
	f = h.app.Render()
	assertOnlySGR(t, "reader", f)
	if p := h.screen(); !strings.Contains(p, "học tập nghị quyết") || !strings.Contains(p, "http://evil.example/") {
		t.Fatalf("the reader should show the text, and the link's URL as text:\n%s", p)
	}

	// The problem list names a file of the library folder.
	dir := t.TempDir()
	d := content.Dirs{Data: dir, Cache: dir}
	writeTree(t, d.Library(), map[string]string{"anh\x1b]52;c;eA==\a\x1b[2J\rchup.txt": pngData})
	lib, err := content.OpenLibrary(d)
	if err != nil {
		t.Fatal(err)
	}
	h = newHarness(t, 80, 24, i18n.VI, func(o *Options) {
		o.OpenLibrary = func() (Library, error) { return lib, nil }
	})
	h.key("e")
	f = h.app.Render()
	assertOnlySGR(t, "problems", f)
	if p := h.screen(); !strings.Contains(p, "chup.txt") {
		t.Fatalf("the problem list should name the file:\n%s", p)
	}
}
