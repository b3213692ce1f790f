package content

import (
	"html"
	"regexp"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// seedByPrefix returns the embedded seed whose name starts with prefix.
func seedByPrefix(t testing.TB, prefix string) (string, []byte) {
	t.Helper()
	seeds, err := SeedFiles()
	if err != nil {
		t.Fatal(err)
	}
	for n, b := range seeds {
		if strings.HasPrefix(n, prefix) {
			return n, b
		}
	}
	t.Fatalf("no seed named %s*", prefix)
	return "", nil
}

func parseSeed(t testing.TB, prefix string) *Document {
	t.Helper()
	name, data := seedByPrefix(t, prefix)
	doc, err := Parse(name, data)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

var srcTagRe = regexp.MustCompile(`<[^>]*>`)

// sourceWords is the multiset of words a parse must keep: every word of
// the normalised source, minus HTML tag names and attributes, minus a
// table's header row (STT, Nội dung …), which repeats at every page break
// and becomes the labels of each row.
func sourceWords(text string) map[string]int {
	var keep []string
	for _, l := range strings.Split(text, "\n") {
		if strings.Count(l, "\t") >= 2 {
			first, _, _ := strings.Cut(strings.TrimSpace(l), "\t")
			if strings.EqualFold(strings.Trim(first, " *"), "STT") {
				continue
			}
		}
		keep = append(keep, l)
	}
	src := html.UnescapeString(srcTagRe.ReplaceAllString(strings.Join(keep, "\n"), " "))
	return countWords(src)
}

func countWords(s string) map[string]int {
	m := map[string]int{}
	for _, w := range Words(norm.NFC.String(s)) {
		m[w]++
	}
	return m
}

// outputWords is the multiset of words a reader and the index see:
// headings, plain text and footnotes of every section.
func outputWords(secs []*Section) map[string]int {
	var b strings.Builder
	for _, s := range secs {
		b.WriteString(s.Heading + "\n" + s.Text + "\n")
		for _, n := range s.Notes {
			b.WriteString(n.Mark + " " + n.Text + "\n")
		}
	}
	return countWords(html.UnescapeString(b.String()))
}

// wordsLost lists the words of src that the sections lost (case-sensitive,
// NFC), with how many occurrences are missing.
func wordsLost(src string, secs []*Section) []string {
	in, out := sourceWords(src), outputWords(secs)
	var lost []string
	for w, n := range in {
		if out[w] < n {
			lost = append(lost, w)
		}
	}
	sort.Strings(lost)
	return lost
}

// checkSections asserts the invariants every parser keeps on any input:
// valid NFC UTF-8, one-line headings, unique IDs, contiguous levels, and
// no word of src lost.
func checkSections(t *testing.T, src string, secs []*Section) {
	t.Helper()
	ids := map[string]bool{}
	for i, s := range secs {
		for _, f := range []string{s.ID, s.Heading, s.Markdown, s.Text} {
			if !utf8.ValidString(f) {
				t.Fatalf("section %d: invalid UTF-8 %q", i, f)
			}
			if !norm.NFC.IsNormalString(f) {
				t.Fatalf("section %d: not NFC %q", i, f)
			}
		}
		if strings.Contains(s.Heading, "\n") {
			t.Fatalf("section %d: heading spans lines %q", i, s.Heading)
		}
		if s.ID == "" || ids[s.ID] {
			t.Fatalf("section %d: empty or duplicate ID %q", i, s.ID)
		}
		ids[s.ID] = true
		if s.Level < 1 || (i == 0 && s.Level != 1) || (i > 0 && s.Level > secs[i-1].Level+1) {
			t.Fatalf("section %d (%s): level %d after %d", i, s.ID, s.Level, secs[max(i-1, 0)].Level)
		}
		if len(s.Path) != s.Level || s.Path[len(s.Path)-1] != s.Heading {
			t.Fatalf("section %d (%s): path %q does not end in its heading at level %d", i, s.ID, s.Path, s.Level)
		}
	}
	if lost := wordsLost(src, secs); len(lost) > 0 {
		if len(lost) > 20 {
			lost = lost[:20]
		}
		t.Fatalf("words lost: %q", lost)
	}
}

// TestSeedsNoWordLost checks every word of every seed survives parsing.
func TestSeedsNoWordLost(t *testing.T) {
	seeds, err := SeedFiles()
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range sortedKeys(seeds) {
		t.Run(name, func(t *testing.T) {
			text, err := DecodeText(name, seeds[name])
			if err != nil {
				t.Fatal(err)
			}
			doc, err := Parse(name, seeds[name])
			if err != nil {
				t.Fatal(err)
			}
			checkSections(t, text, doc.Sections)
		})
	}
}

// TestLostWordsDetects makes sure the no-word-lost check can fail.
func TestLostWordsDetects(t *testing.T) {
	secs := []*Section{{ID: "a", Level: 1, Heading: "Điều 1.", Path: []string{"Điều 1."}, Text: "một hai"}}
	if lost := wordsLost("Điều 1. Một hai ba", secs); strings.Join(lost, ",") != "Một,ba" {
		t.Fatalf("lost = %q, want Một and ba", lost)
	}
	hdr := "STT\tNội dung\tKết quả\n1.\tx\ty\nSTT\tNội dung\tKết quả\n"
	if n := sourceWords(hdr)["STT"]; n != 0 {
		t.Fatalf("header row counted %d times", n)
	}
}

// TestLayoutOfSeeds checks detection by content on every seed, also when
// the file name says nothing.
func TestLayoutOfSeeds(t *testing.T) {
	want := map[string]Layout{
		"phu-luc-2":               LayoutTable,
		"phu-luc-6":               LayoutTable,
		"nghi-quyet-hdnd-kinh-te": LayoutWrapped,
		"tai-lieu":                LayoutParagraphs,
		"nghi-quyet-hdnd-bo-sung": LayoutParagraphs,
	}
	for prefix, layout := range want {
		name, data := seedByPrefix(t, prefix)
		text, err := DecodeText(name, data)
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range []string{name, "x.txt", "noname"} {
			if got := LayoutOf(n, text); got != layout {
				t.Errorf("LayoutOf(%s as %q) = %s, want %s", name, n, got, layout)
			}
		}
	}
}

// FuzzParse feeds the whole dispatcher (decoding, layout detection, every
// parser, metadata, refs): it must never panic, and what it returns must
// keep the invariants.
func FuzzParse(f *testing.F) {
	seeds, err := SeedFiles()
	if err != nil {
		f.Fatal(err)
	}
	for _, name := range sortedKeys(seeds) {
		b := seeds[name]
		f.Add(name, b)
		f.Add("slice.txt", b[:len(b)/3])
		f.Add("slice.md", b[len(b)/2:])
	}
	f.Add("a.md", []byte("# Tiêu đề\n\nMở đầu *nhấn*.\n\n## 1. Mục\nThân\n===\n"))
	f.Add("b.txt", []byte("\ufeffNGHỊ QUYẾT\r\nĐiều 1. Một.\r\nNơi nhận:\r\n- A;\r\n"))
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		doc, err := Parse(name, data)
		if err != nil {
			if ProblemOf(err) == "" {
				t.Fatalf("error without a problem code: %v", err)
			}
			return
		}
		text, _ := DecodeText(name, data)
		checkSections(t, text, doc.Sections)
		if strings.Contains(doc.Title, "\n") || !utf8.ValidString(doc.Title) || doc.Title == "" {
			t.Fatalf("bad title %q", doc.Title)
		}
		if doc.Date != "" && !regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`).MatchString(doc.Date) {
			t.Fatalf("bad date %q", doc.Date)
		}
		for _, r := range doc.Refs {
			if _, ok := doc.Section(r.Section); !ok {
				t.Fatalf("ref %v cites a missing section", r)
			}
		}
	})
}

// BenchmarkParseSeeds parses the five seeds, as opening the library does.
func BenchmarkParseSeeds(b *testing.B) {
	seeds, err := SeedFiles()
	if err != nil {
		b.Fatal(err)
	}
	names := sortedKeys(seeds)
	b.ResetTimer()
	for b.Loop() {
		for _, n := range names {
			if _, err := Parse(n, seeds[n]); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkParseSeed parses each seed alone, to see which layout costs.
func BenchmarkParseSeed(b *testing.B) {
	seeds, err := SeedFiles()
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range sortedKeys(seeds) {
		b.Run(strings.TrimSuffix(n, ".txt"), func(b *testing.B) {
			for b.Loop() {
				if _, err := Parse(n, seeds[n]); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
