package tui

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// assertOnlySGR fails if s holds any control byte other than '\n' and '\t',
// or any escape sequence other than SGR styling (CSI … m): no OSC (title,
// clipboard, hyperlink), no other CSI, no BEL, no 8-bit C1 control.
func assertOnlySGR(t *testing.T, what, s string) {
	t.Helper()
	for i := 0; i < len(s); {
		c := s[i]
		if c == 0x1b {
			j := i + 1
			if j < len(s) && s[j] == '[' {
				j++
				for j < len(s) && s[j] >= 0x30 && s[j] <= 0x3f {
					j++
				}
				if j < len(s) && s[j] == 'm' {
					i = j + 1
					continue
				}
			}
			t.Errorf("%s: escape sequence other than SGR at byte %d: %q", what, i, s[i:min(i+20, len(s))])
			return
		}
		if c < 0x20 && c != '\n' && c != '\t' || c == 0x7f {
			t.Errorf("%s: control byte %#x at %d: %q", what, c, i, s[max(i-10, 0):min(i+10, len(s))])
			return
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r >= 0x80 && r <= 0x9f {
			t.Errorf("%s: C1 control %U at %d", what, r, i)
			return
		}
		i += n
	}
}

// renderWithin renders md like show does and fails if it takes longer than
// d (normal is well under a second; before the bounds some of these took
// half a minute and gigabytes).
func renderWithin(t *testing.T, md string, width int, d time.Duration) string {
	t.Helper()
	type result struct {
		out string
		err error
	}
	done := make(chan result, 1)
	go func() {
		out, err := RenderMarkdown(md, width, "notty")
		done <- result{out, err}
	}()
	select {
	case r := <-done:
		if r.err != nil {
			t.Fatal(r.err)
		}
		return r.out
	case <-time.After(d):
		t.Fatalf("rendering %d bytes took more than %v", len(md), d)
		return ""
	}
}

func TestDisplayMarkdownCapsNesting(t *testing.T) {
	head := "# I. MỞ ĐẦU\n\n"
	var indented strings.Builder
	for i := range 120 {
		indented.WriteString(strings.Repeat("  ", i) + "- mục\n")
	}
	cases := map[string]string{
		"quote-1000":  head + strings.Repeat(">", 1000) + " sâu\n",
		"quote-100KB": head + strings.Repeat(">", 100_000) + " sâu\n",
		"quote-space": head + strings.Repeat("> ", 2000) + "sâu\n",
		"list":        head + strings.Repeat("- ", 2000) + "sâu\n",
		"ordered":     head + strings.Repeat("1. ", 2000) + "sâu\n",
		"mixed":       head + strings.Repeat("> - 1) * + ", 400) + "sâu\n",
		"indented":    head + indented.String() + "sâu\n",
		"many-lines":  head + strings.Repeat(strings.Repeat(">", 200)+" sâu\n", 200),
	}
	for name, md := range cases {
		t.Run(name, func(t *testing.T) {
			var m0, m1 runtime.MemStats
			runtime.ReadMemStats(&m0)
			got := DisplayMarkdown(md, 80)
			runtime.ReadMemStats(&m1)
			if a := m1.TotalAlloc - m0.TotalAlloc; a > uint64(20*len(md)+1<<20) {
				t.Errorf("DisplayMarkdown allocated %d bytes for %d bytes of input", a, len(md))
			}
			lines := strings.Split(got, "\n")
			for _, l := range lines {
				p, n := containerPrefix(l)
				if n > maxNesting {
					t.Fatalf("line keeps %d nesting markers, want at most %d: %.80q", n, maxNesting, l)
				}
				if b := len(skipBlanksPrefix(l, p)); b > maxIndent+maxNesting+4 {
					t.Fatalf("line keeps %d blanks of indentation: %.80q", b, l)
				}
			}
			if !strings.Contains(got, "sâu") {
				t.Fatalf("the text after the markers is lost: %.200q", got)
			}
			out := renderWithin(t, md, 80, 20*time.Second)
			if !strings.Contains(out, "sâu") {
				t.Errorf("rendered output lost the text: %.300q", out)
			}
		})
	}
}

// skipBlanksPrefix returns the blanks in line's container prefix p and the
// indentation after it.
func skipBlanksPrefix(l, p string) string {
	end := skipBlanks(l, len(p))
	var b strings.Builder
	for _, c := range l[:end] {
		if c == ' ' || c == '\t' {
			b.WriteRune(c)
		}
	}
	return b.String()
}

func TestCapNestingKeepsOrdinaryMarkdown(t *testing.T) {
	for _, l := range []string{
		"> trích dẫn", "- mục", "1. Một", "  - con", "> > - hai tầng", "**đậm** chữ", "*nghiêng*",
		"---", "- - -", "| a | b |", "    mã", strings.Repeat("> ", maxNesting) + "x",
	} {
		if got := capNesting(l); got != l {
			t.Errorf("capNesting(%q) = %q, want it unchanged", l, got)
		}
	}
	if got, want := capNesting(strings.Repeat("- ", 20)+"x"), strings.Repeat("- ", maxNesting)+"x"; got != want {
		t.Errorf("capNesting(20 bullets) = %q, want %q", got, want)
	}
	if got, want := capNesting(strings.Repeat(">", 20)+" x"), strings.Repeat(">", maxNesting)+" x"; got != want {
		t.Errorf("capNesting(20 >) = %q, want %q", got, want)
	}
}

func wideTable(cols, rows int) string {
	var b strings.Builder
	b.WriteString("# Bảng\n\n")
	row := func(f func(j int) string) {
		b.WriteString("|")
		for j := range cols {
			b.WriteString(" " + f(j) + " |")
		}
		b.WriteString("\n")
	}
	row(func(j int) string { return fmt.Sprintf("c%d", j) })
	row(func(int) string { return "---" })
	for i := range rows {
		row(func(j int) string { return fmt.Sprintf("r%dc%d", i, j) })
	}
	return b.String()
}

func TestDisplayMarkdownWideTableIsAList(t *testing.T) {
	for _, cols := range []int{60, 8000} {
		md := wideTable(cols, 2)
		got := DisplayMarkdown(md, 80)
		for _, l := range strings.Split(got, "\n") {
			if delimiterCols(l) > 0 {
				t.Fatalf("%d columns: a table delimiter row is still there: %.80q", cols, l)
			}
		}
		last := fmt.Sprintf("c%d: r1c%d", cols-1, cols-1)
		if !strings.Contains(got, "- c0: r0c0 · c1: r0c1") || !strings.Contains(got, last) {
			t.Fatalf("%d columns: rows not listed as header: cell: %.300q", cols, got)
		}
		out := renderWithin(t, md, 80, 20*time.Second)
		if !strings.Contains(out, "r1c0") {
			t.Errorf("%d columns: rendered output lost the cells", cols)
		}
	}
	// Narrow screens hold fewer columns: 20 columns fit at 80 but not at 40.
	md := wideTable(20, 1)
	if got := DisplayMarkdown(md, 80); !strings.Contains(got, "| --- |") {
		t.Errorf("a 20-column table at width 80 should stay a grid: %.200q", got)
	}
	if got := DisplayMarkdown(md, 40); strings.Contains(got, "| --- |") {
		t.Errorf("a 20-column table at width 40 should be a list: %.200q", got)
	}
	// A small table is unchanged.
	small := wideTable(3, 2)
	if got := DisplayMarkdown(small, 80); got != small {
		t.Errorf("small table changed:\n%s\nwant\n%s", got, small)
	}
}

func TestDisplayMarkdownLongTableIsSplit(t *testing.T) {
	md := wideTable(10, 500)
	got := DisplayMarkdown(md, 80)
	grids, rows := 0, 0
	cells := 0
	for _, l := range strings.Split(got, "\n") {
		switch {
		case l == "":
			cells = 0
		case delimiterCols(l) > 0:
			grids++
		case strings.HasPrefix(l, "|"):
			cells += 10
			if cells > maxTableCells {
				t.Fatalf("a grid holds more than %d cells", maxTableCells)
			}
			if strings.HasPrefix(l, "| r") {
				rows++
			}
		}
	}
	if grids < 2 || rows != 500 {
		t.Errorf("got %d grids and %d rows, want several grids and all 500 rows", grids, rows)
	}
	renderWithin(t, md, 80, 20*time.Second)
}

// A header row with fewer cells than its delimiter row is still a table
// to goldmark (it pads the header), and so is one cut off mid-row (a long
// section split inside a huge table: rel-07's 64 000 columns gave a part
// holding the last 4 512 header cells and 36 920 delimiter cells, whose
// grid layout took 24 s). Such tables are bounded too.
func TestDisplayMarkdownShortHeaderWideTable(t *testing.T) {
	var b strings.Builder
	for i := 0; i < 100; i++ {
		fmt.Fprintf(&b, "c%d | ", i)
	}
	md := b.String() + "\n" + strings.Repeat("| --- ", 20000) + "|\n"
	got := DisplayMarkdown(md, 80)
	for _, l := range strings.Split(got, "\n") {
		if delimiterCols(l) > 0 {
			t.Fatalf("a 20 000-column delimiter row is still a table: %.80q", l)
		}
	}
	if !strings.Contains(got, "c0") || !strings.Contains(got, "c99") {
		t.Fatalf("header cells lost: %.200q", got)
	}
	out := renderWithin(t, md, 80, 20*time.Second)
	if !strings.Contains(out, "c99") {
		t.Errorf("rendered output lost the cells: %.200q", out)
	}
	// A narrow table with a short header stays a grid, padded by goldmark.
	small := "| a | b |\n| --- | --- | --- |\n| 1 | 2 | 3 |"
	if got := DisplayMarkdown(small, 80); got != small {
		t.Errorf("small table changed:\n%s\nwant\n%s", got, small)
	}
	// Wide, with no rows: the header cells are listed.
	if got := DisplayMarkdown("| x | y |\n"+strings.Repeat("| --- ", 200)+"|", 80); !strings.Contains(got, "- x · y") {
		t.Errorf("a wide header-only table is not a list: %.200q", got)
	}
}

func TestDisplayMarkdownWideTableInQuoteIsText(t *testing.T) {
	md := "> " + strings.Repeat("| a ", 5000) + "|\n> " + strings.Repeat("| --- ", 5000) + "|\n"
	got := DisplayMarkdown(md, 80)
	if strings.Contains(got, "> | --- |") {
		t.Errorf("a wide table in a quote is still a table: %.100q", got)
	}
	renderWithin(t, md, 80, 20*time.Second)
}

func TestRenderMarkdownOnlySGR(t *testing.T) {
	md := "# \x1b[5mTIÊU ĐỀ\x1b[0m\n\nXin chào \x1b[2J\x1b[H đồng chí \x1b]52;c;ZWNobyBwd25lZA==\a " +
		"\x1b]0;PWNED-TITLE\a \a\a \x1b]8;;http://evil.example/\x1b\\bấm vào đây\x1b]8;;\x1b\\ \u009b31m đỏ\n\n" +
		"[trang chủ](http://example.org/a) và ![ảnh](http://example.org/b.png)\n\n| a | [b](http://x.example/) |\n|---|---|\n| 1 | 2 |\n"
	for _, style := range []string{"dark", "notty"} {
		out, err := RenderMarkdown(md, 80, style)
		if err != nil {
			t.Fatal(err)
		}
		assertOnlySGR(t, style, out)
		out = ansi.Strip(out)
		if !strings.Contains(out, "http://example.org/a") {
			t.Errorf("%s: the link's URL is not shown as text: %q", style, out)
		}
		if !strings.Contains(out, "bấm vào đây") || !strings.Contains(out, "TIÊU ĐỀ") {
			t.Errorf("%s: document text lost: %q", style, out)
		}
	}
	if got := onlySGR("a\x1b[1mb\x1b[0m\x1b]8;id=1;http://x\x1b\\c\x1b]8;;\x07\x1b[2Jd"); got != "a\x1b[1mb\x1b[0mcd" {
		t.Errorf("onlySGR = %q", got)
	}
}

func TestClampWidth(t *testing.T) {
	for in, want := range map[int]int{0: MinTextWidth, 5: MinTextWidth, 80: 80, 500: 500, 99999999999: MaxTextWidth} {
		if got := ClampWidth(in); got != want {
			t.Errorf("ClampWidth(%d) = %d, want %d", in, got, want)
		}
	}
}
