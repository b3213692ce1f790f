package tui

import (
	"fmt"
	"strings"
	"testing"

	"chibo/tui/i18n"
	"chibo/tui/internal/tuitest"
)

// sizes every screen is checked at: the usual terminal, and the smallest
// that chibo lays out.
var goldenSizes = [][2]int{{80, 24}, {50, 15}}

// TestGoldenScreens renders each screen over the real seed library and
// compares the ANSI-stripped frame with testdata/golden. The seed parsers
// are still changing: regenerate with go test ./tui -run Golden -update.
func TestGoldenScreens(t *testing.T) {
	flows := []struct {
		name string
		keys func(h *harness)
	}{
		{"library", func(h *harness) {}},
		{"library-filter", func(h *harness) { h.key("f"); h.text("ben tre 2025") }},
		{"outline", func(h *harness) { h.key("enter") }},
		{"reader", func(h *harness) { h.key("enter"); h.key("down"); h.key("enter") }},
		{"reader-find", func(h *harness) { h.key("enter"); h.key("enter"); h.key("/"); h.text("chi bo"); h.key("enter") }},
		{"reader-toc", func(h *harness) { h.key("enter"); h.key("enter"); h.key("t") }},
		// V in section I.1, three paragraphs: the heading and two.
		{"reader-select", func(h *harness) {
			h.key("enter")
			h.key("enter")
			h.key("]")
			h.key("V")
			h.key("down")
			h.key("down")
		}},
		{"search-empty", func(h *harness) { h.key("/") }},
		{"search", func(h *harness) { h.key("/"); h.text("nong thon moi"); h.key("enter") }},
		{"search-none", func(h *harness) { h.key("/"); h.text("khong co gi xyz"); h.key("enter") }},
		{"search-hit", func(h *harness) { h.key("/"); h.text("nong thon moi"); h.key("enter"); h.key("enter") }},
		{"directives", func(h *harness) { h.key("v") }},
		{"citations", func(h *harness) { h.key("v"); h.key("enter") }},
		{"bookmarks", func(h *harness) {
			h.key("enter")
			h.key("enter")
			h.key("b")
			h.key("B")
		}},
		{"help", func(h *harness) { h.key("?") }},
	}
	for _, f := range flows {
		for _, sz := range goldenSizes {
			name := fmt.Sprintf("%s-%dx%d", f.name, sz[0], sz[1])
			t.Run(name, func(t *testing.T) {
				h := newHarness(t, sz[0], sz[1], i18n.VI)
				f.keys(h)
				got := h.screen()
				tuitest.CheckFrame(t, got, sz[0], sz[1])
				golden(t, name, got)
			})
		}
	}
}

func TestGoldenTooSmallAndEnglish(t *testing.T) {
	h := newHarness(t, 40, 10, i18n.VI)
	got := h.screen()
	if !strings.Contains(got, "40×10") || !strings.Contains(got, "50×15") {
		t.Fatalf("too-small message missing sizes:\n%s", got)
	}
	golden(t, "too-small-40x10", got)
	e := newHarness(t, 80, 24, i18n.EN)
	golden(t, "library-en-80x24", e.screen())
}
