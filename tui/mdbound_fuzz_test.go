package tui

import (
	"runtime"
	"strings"
	"testing"
	"time"
)

// FuzzRenderMarkdown is the renderer path of show and the reader: any
// markdown renders in bounded time and memory, and the result carries no
// control sequence but SGR styling. The seeds are the shapes that once
// hung or blew up (nested quotes and lists, wide tables, escapes).
func FuzzRenderMarkdown(f *testing.F) {
	for _, s := range []string{
		"# I. MỞ ĐẦU\n\nChi bộ họp **định kỳ**.",
		strings.Repeat(">", 300) + " sâu",
		strings.Repeat("- ", 200) + "sâu",
		strings.Repeat("> - 1. ", 80) + "x",
		"| a | b |\n|---|---|\n| 1 | 2 |",
		"|" + strings.Repeat(" c |", 400) + "\n|" + strings.Repeat("---|", 400) + "\n|" + strings.Repeat(" x |", 400),
		"a \x1b]8;;http://evil.example/\x1b\\link\x1b]8;;\x1b\\ \x1b[2J [x](javascript:alert(1)) \u009b31m",
		"```\n" + strings.Repeat("code\n", 50) + "```",
	} {
		f.Add(s, 80)
	}
	f.Fuzz(func(t *testing.T, md string, width int) {
		if len(md) > 64<<10 {
			return
		}
		var before runtime.MemStats
		runtime.ReadMemStats(&before)
		start := time.Now()
		out := renderWithin(t, md, width, 20*time.Second)
		var after runtime.MemStats
		runtime.ReadMemStats(&after)
		assertOnlySGR(t, "render", out)
		// Generous bounds, two orders above what a page of text takes:
		// a regression to super-linear work fails them.
		if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 256<<20+20000*uint64(len(md)) {
			t.Fatalf("rendering %d bytes allocated %d MB", len(md), alloc>>20)
		}
		if len(out) > 1<<20+400*len(md) {
			t.Fatalf("rendering %d bytes gave %d bytes", len(md), len(out))
		}
		if d := time.Since(start); d > 10*time.Second {
			t.Fatalf("rendering %d bytes took %v", len(md), d)
		}
	})
}
