package parse

import (
	"fmt"
	"strings"
	"testing"

	"chibo/content/model"
)

// sentences is n bytes or more of Vietnamese sentences on one line.
func sentences(n int) string {
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		fmt.Fprintf(&b, "Chi bộ số %d họp định kỳ, đảng viên thảo luận nghị quyết. ", i)
	}
	return strings.TrimSpace(b.String())
}

// checkSplit asserts that no section is over MaxSectionBytes and that the
// sections' text holds the words of src in their order.
func checkSplit(t *testing.T, src string, d *model.Document, minSections int) {
	t.Helper()
	checkSections(t, src, d.Sections)
	if len(d.Sections) < minSections {
		t.Fatalf("%d sections, want at least %d", len(d.Sections), minSections)
	}
	var words []string
	for _, s := range d.Sections {
		if len(s.Markdown) > MaxSectionBytes || len(s.Text) > MaxSectionBytes {
			t.Fatalf("section %s holds %d bytes of markdown, %d of text; at most %d", s.ID, len(s.Markdown), len(s.Text), MaxSectionBytes)
		}
		if strings.HasPrefix(s.Heading, "Mở đầu") || strings.HasPrefix(s.Heading, "I. MỞ ĐẦU") {
			words = append(words, strings.Fields(s.Text)...)
		}
	}
	want := strings.Fields(src)
	if got := strings.Join(words, " "); !strings.Contains(strings.Join(want, " "), got) || len(words) < len(want)/2 {
		t.Fatalf("the parts' words are not the source's in order (%d words of %d)", len(words), len(want))
	}
}

// TestHugeSectionSplit — issue 9: an 800 KB text on one line becomes parts of
// at most MaxSectionBytes, cut after sentences, under its section, with
// every word in order.
func TestHugeSectionSplit(t *testing.T) {
	src := sentences(800 << 10)
	d := Text("mot-dong.txt", src, model.LayoutParagraphs)
	checkSplit(t, src, d, 800<<10/MaxSectionBytes)
	for _, s := range d.Sections[1:] {
		if s.Level != 2 || !strings.HasPrefix(s.Heading, d.Sections[0].Heading+" (phần ") {
			t.Fatalf("part %s %q at level %d, want a part of %q at level 2", s.ID, s.Heading, s.Level, d.Sections[0].Heading)
		}
		if !strings.HasSuffix(s.Markdown, ".") {
			t.Fatalf("part %s ends mid-sentence: …%q", s.ID, s.Markdown[max(0, len(s.Markdown)-40):])
		}
	}
}

// TestHugeSectionKeepsTree: a heading's long body is split into parts
// that come before its sub-sections, which still nest under it.
func TestHugeSectionKeepsTree(t *testing.T) {
	var b strings.Builder
	b.WriteString("I. MỞ ĐẦU\n")
	for b.Len() < 600<<10 {
		b.WriteString(sentences(2000) + "\n")
	}
	b.WriteString("1. Mục con\nNội dung mục con.\nII. PHẦN HAI\nKết thúc.\n")
	src := b.String()
	d := Text("cay.txt", src, model.LayoutParagraphs)
	checkSplit(t, src, d, 4)
	var sub, two *model.Section
	for _, s := range d.Sections {
		switch s.Heading {
		case "1. Mục con":
			sub = s
		case "II. PHẦN HAI":
			two = s
		}
	}
	if sub == nil || two == nil || sub.Level != 2 || two.Level != 1 || sub.Path[0] != "I. MỞ ĐẦU" {
		t.Fatalf("tree lost: sub %+v, II %+v", sub, two)
	}
}

// TestCutBody: pieces at most max bytes, cut at white space, the words
// all kept; a run with no space at all is cut between runes.
func TestCutBody(t *testing.T) {
	for _, s := range []string{
		sentences(10000),
		strings.Repeat("đảng ", 3000),
		strings.Repeat("đ", 9000),
		strings.Repeat("dòng một\n", 2000),
	} {
		pieces := cutBody(s, 1000)
		if len(pieces) < 2 {
			t.Fatalf("%d pieces", len(pieces))
		}
		for _, p := range pieces {
			if len(p) > 1000 || !strings.HasPrefix(s, "đđ") && p != strings.TrimSpace(p) {
				t.Fatalf("piece of %d bytes %q…", len(p), p[:min(len(p), 30)])
			}
		}
		if strings.Join(strings.Fields(strings.Join(pieces, " ")), " ") != strings.Join(strings.Fields(s), " ") && !strings.HasPrefix(s, "đđ") {
			t.Fatal("words changed")
		}
		if strings.HasPrefix(s, "đđ") && strings.Join(pieces, "") != s {
			t.Fatal("runes changed")
		}
	}
}
