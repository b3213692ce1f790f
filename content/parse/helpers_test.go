package parse

import (
	"strings"
	"testing"

	"chibo/content/internal/parsetest"
	"chibo/content/model"
)

var (
	checkSections = parsetest.CheckSections
	firstDiff     = parsetest.FirstDiff
)

func sortedKeys(m map[string][]byte) []string { return parsetest.SortedKeys(m) }

// SeedFiles reads the seed documents from content/seeds.
func SeedFiles() (map[string][]byte, error) { return parsetest.Seeds() }

// Parse parses the bytes of a UTF-8 text file as content.Parse does for
// text: normalised, layout detected.
func Parse(name string, data []byte) (*model.Document, error) {
	text := Normalize(string(data))
	return Text(name, text, LayoutOf(name, text)), nil
}

func parseSeed(t testing.TB, prefix string) *model.Document {
	t.Helper()
	n, b := seedByPrefix(t, prefix)
	d, _ := Parse(n, b)
	return d
}

// seedByPrefix returns the seed whose name starts with prefix.
func seedByPrefix(t testing.TB, prefix string) (string, []byte) {
	t.Helper()
	seeds, err := parsetest.Seeds()
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
