package content

import (
	"crypto/sha256"
	"encoding/hex"
	"testing"
)

// wordsFingerprint is the fingerprint's definition as stores written by
// earlier versions hold it: each word (Words) followed by a space, over the
// headings the document has, the text and the notes of every section.
func wordsFingerprint(d *Document) string {
	h := sha256.New()
	for _, s := range d.Sections {
		if s.ID != "mo-dau" && s.ID != "phan-ket" {
			for _, w := range Words(s.Heading) {
				h.Write([]byte(w + " "))
			}
		}
		for _, w := range Words(s.Text) {
			h.Write([]byte(w + " "))
		}
		for _, n := range s.Notes {
			for _, w := range Words(n.Text) {
				h.Write([]byte(w + " "))
			}
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

// TestFingerprintAsWords: the allocation-free fingerprint equals the
// word-list definition, so duplicates of documents recorded by an earlier
// version are still recognised.
func TestFingerprintAsWords(t *testing.T) {
	docs := parsedSeeds(t)
	odd := []string{
		"", " ", "a", "Điều 1. Phạm vi", "x\xffy \xc3", "tiếng\u0301 việt", "1.2.3-KL/TW", "a\uFFFDb",
		"ª º µ ½ ²", "  hai  khoảng\tcách\n", "chữ Hán 漢字 và số ٣",
	}
	for i, s := range odd {
		docs = append(docs, &Document{Sections: []*Section{
			{ID: "mo-dau", Heading: "Mở đầu", Text: s},
			{ID: "x", Heading: s, Text: odd[(i+1)%len(odd)], Notes: []Footnote{{Text: s}}},
		}})
	}
	if len(docs) < len(odd)+5 {
		t.Fatalf("%d documents", len(docs))
	}
	for i, d := range docs {
		if got, want := fingerprint(d), wordsFingerprint(d); got != want {
			t.Errorf("document %d (%s): %s, want %s", i, d.Title, got, want)
		}
	}
}

func BenchmarkFingerprint(b *testing.B) {
	docs := parsedSeeds(b)
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			fingerprint(d)
		}
	}
}

// parsedSeeds parses the five embedded documents.
func parsedSeeds(tb testing.TB) []*Document {
	tb.Helper()
	seeds, err := SeedFiles()
	if err != nil {
		tb.Fatal(err)
	}
	var docs []*Document
	for name, b := range seeds {
		d, err := Parse(name, b)
		if err != nil {
			tb.Fatal(name, err)
		}
		docs = append(docs, d)
	}
	return docs
}
