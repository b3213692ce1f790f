// Package parsetest holds the checks every parser test shares: the
// invariants of a section tree and the no-word-lost multiset comparison,
// plus the embedded seeds read from disk for packages below content.
package parsetest

import (
	"fmt"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"chibo/content/model"
)

// Seeds returns the names and bytes of the five seed documents
// (content/seeds/*.txt), read from disk for the packages that cannot
// import content's embedded copy.
func Seeds() (map[string][]byte, error) {
	_, file, _, _ := runtime.Caller(0)
	dir := filepath.Join(filepath.Dir(file), "..", "..", "seeds")
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	out := map[string][]byte{}
	for _, e := range ents {
		if filepath.Ext(e.Name()) != ".txt" {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		out[e.Name()] = b
	}
	return out, nil
}

var srcTagRe = regexp.MustCompile(`<[^>]*>`)

// SourceWords is the multiset of words a parse must keep: every word of
// the normalised source, minus HTML tag names and attributes, minus a
// table's header row (STT, Nội dung …), which repeats at every page break
// and becomes the labels of each row.
func SourceWords(text string) map[string]int {
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
	return CountWords(src)
}

func CountWords(s string) map[string]int {
	m := map[string]int{}
	for _, w := range model.Words(norm.NFC.String(s)) {
		m[w]++
	}
	return m
}

// OutputWords is the multiset of words a reader and the index see:
// headings, plain text and footnotes of every section.
func OutputWords(secs []*model.Section) map[string]int {
	var b strings.Builder
	for _, s := range secs {
		b.WriteString(s.Heading + "\n" + s.Text + "\n")
		for _, n := range s.Notes {
			b.WriteString(n.Mark + " " + n.Text + "\n")
		}
	}
	return CountWords(html.UnescapeString(b.String()))
}

// WordsLost lists the words of src that the sections lost (case-sensitive,
// NFC), with how many occurrences are missing.
//
// A source with "**" or "__" may be read as markdown, where "6**ếa …**" is
// "6" and a bold "ếa …": one word once the marks go. The words are counted
// both ways and the reading that loses fewer is taken.
func WordsLost(src string, secs []*model.Section) []string {
	out := OutputWords(secs)
	lost := wordsLost(SourceWords(src), out)
	if len(lost) > 0 && (strings.Contains(src, "**") || strings.Contains(src, "__")) {
		if alt := wordsLost(SourceWords(strings.NewReplacer("**", "", "__", "").Replace(src)), out); len(alt) < len(lost) {
			lost = alt
		}
	}
	return lost
}

func wordsLost(in, out map[string]int) []string {
	var lost []string
	for w, n := range in {
		if out[w] < n {
			lost = append(lost, w)
		}
	}
	sort.Strings(lost)
	return lost
}

// CheckSections asserts the invariants every parser keeps on any input:
// valid NFC UTF-8, one-line headings, unique IDs, contiguous levels, and
// no word of src lost.
func CheckSections(t testing.TB, src string, secs []*model.Section) {
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
	if lost := WordsLost(src, secs); len(lost) > 0 {
		if len(lost) > 20 {
			lost = lost[:20]
		}
		t.Fatalf("words lost: %q", lost)
	}
}

func FirstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) || i < len(bl); i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			return fmt.Sprintf("line %d\n- %q\n+ %q", i+1, x, y)
		}
	}
	return "(none)"
}

func SortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}
