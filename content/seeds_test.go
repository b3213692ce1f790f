package content

import (
	"chibo/content/internal/parsetest"
	"chibo/content/parse"

	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
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

// TestSeedsNoWordLost checks every word of every seed survives parsing.
func TestSeedsNoWordLost(t *testing.T) {
	seeds, err := SeedFiles()
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range parsetest.SortedKeys(seeds) {
		t.Run(name, func(t *testing.T) {
			text, err := DecodeText(name, seeds[name])
			if err != nil {
				t.Fatal(err)
			}
			doc, err := Parse(name, seeds[name])
			if err != nil {
				t.Fatal(err)
			}
			parsetest.CheckSections(t, text, doc.Sections)
		})
	}
}

// TestLostWordsDetects makes sure the no-word-lost check can fail.
func TestLostWordsDetects(t *testing.T) {
	secs := []*Section{{ID: "a", Level: 1, Heading: "Điều 1.", Path: []string{"Điều 1."}, Text: "một hai"}}
	if lost := parsetest.WordsLost("Điều 1. Một hai ba", secs); strings.Join(lost, ",") != "Một,ba" {
		t.Fatalf("lost = %q, want Một and ba", lost)
	}
	hdr := "STT\tNội dung\tKết quả\n1.\tx\ty\nSTT\tNội dung\tKết quả\n"
	if n := parsetest.SourceWords(hdr)["STT"]; n != 0 {
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
			if got := parse.LayoutOf(n, text); got != layout {
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
	for _, name := range parsetest.SortedKeys(seeds) {
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
		parsetest.CheckSections(t, text, doc.Sections)
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
	names := parsetest.SortedKeys(seeds)
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
	for _, n := range parsetest.SortedKeys(seeds) {
		b.Run(strings.TrimSuffix(n, ".txt"), func(b *testing.B) {
			for b.Loop() {
				if _, err := Parse(n, seeds[n]); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
