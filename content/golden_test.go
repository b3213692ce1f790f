package content

import (
	"chibo/content/internal/parsetest"

	"flag"
	"fmt"
	"os"
	"path/filepath"
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
	for _, name := range parsetest.SortedKeys(seeds) {
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
				t.Errorf("%s differs from the parse; first difference:\n%s\n(run `go test ./content -run Golden -update` and review the diff)", path, parsetest.FirstDiff(string(want), got))
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
