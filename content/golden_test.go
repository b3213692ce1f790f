package content

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// TestGoldenSeeds parses every seed and compares metadata, outline, refs
// and the rendered markdown with testdata/golden/<seed>.txt. Regenerate
// with `go test ./content -run Golden -update` and read the diff.
func TestGoldenSeeds(t *testing.T) {
	seeds, err := SeedFiles()
	if err != nil {
		t.Fatal(err)
	}
	if len(seeds) != 5 {
		t.Fatalf("want 5 seeds, got %d", len(seeds))
	}
	for _, name := range sortedKeys(seeds) {
		t.Run(name, func(t *testing.T) {
			doc, err := Parse(name, seeds[name])
			if err != nil {
				t.Fatal(err)
			}
			got := goldenText(doc)
			path := filepath.Join("testdata", "golden", strings.TrimSuffix(name, ".txt")+".golden")
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create)", err)
			}
			if string(want) != got {
				t.Errorf("%s differs from the parse; first difference:\n%s\n(run `go test ./content -run Golden -update` and review the diff)", path, firstDiff(string(want), got))
			}
		})
	}
}

// goldenText is the reviewable form of a parsed document, in txtar-like
// parts: metadata, outline (level, ID, heading), refs, markdown.
func goldenText(d *Document) string {
	var b strings.Builder
	b.WriteString("-- meta --\n")
	fmt.Fprintf(&b, "id: %s\ntitle: %s\nkind: %s\nnumber: %s\ndate: %s\nissuer: %s\nlayout: %s\nsections: %d\nrefs: %d\n",
		d.ID, d.Title, d.Kind, d.Number, d.Date, d.Issuer, d.Layout, len(d.Sections), len(d.Refs))
	b.WriteString("-- outline --\n")
	for _, s := range d.Sections {
		fmt.Fprintf(&b, "%s%s  [%s]\n", strings.Repeat("  ", s.Level-1), s.Heading, s.ID)
	}
	b.WriteString("-- refs --\n")
	for _, r := range d.Refs {
		fmt.Fprintf(&b, "%s\t%s\t%s\n", r.Symbol, r.Kind, r.Section)
	}
	b.WriteString("-- markdown --\n")
	b.WriteString(d.Markdown())
	return b.String()
}

func firstDiff(a, b string) string {
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

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}
