package eval

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"chibo/content"
)

// writeJudged writes a one-document set with the given queries.json.
func writeJudged(t *testing.T, queries string) string {
	t.Helper()
	dir := t.TempDir()
	doc := &content.Document{ID: "d", Title: "T", Sections: []*content.Section{
		{ID: "dieu-1", Heading: "Điều 1. Khen thưởng"},
		{ID: "dieu-1.1", Heading: "1. Được tặng bằng khen"},
		{ID: "dieu-10", Heading: "Điều 10. Kỷ luật"},
	}}
	if err := WriteLibrary(filepath.Join(dir, LibraryFile), []*content.Document{doc}); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, QueriesFile), []byte(queries), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestJudgedUnderAndSplit pins two parts of queries.json: "under" names a
// section and the sections below it (not a sibling whose ID merely starts
// alike), and "split" can put an added query into the development half
// but never into the test half.
func TestJudgedUnderAndSplit(t *testing.T) {
	dir := writeJudged(t, `[{"id":"a","q":"khen thưởng","kind":"words","split":"dev","rel":[{"doc":"d","under":"dieu-1"}]},
		{"id":"b","q":"kỷ luật","kind":"words","rel":[{"doc":"d","section":"dieu-10"}]}]`)
	s, err := LoadJudged(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Queries) != 2 {
		t.Fatalf("%d queries", len(s.Queries))
	}
	a := s.Queries[0]
	if !a.Rel[Key{"d", "dieu-1"}] || !a.Rel[Key{"d", "dieu-1.1"}] || a.Rel[Key{"d", "dieu-10"}] || len(a.Rel) != 2 {
		t.Errorf("under dieu-1: %v", a.Rel)
	}
	if a.Split != Dev || a.Group != GroupDevAdded {
		t.Errorf("forced dev: split %q group %q", a.Split, a.Group)
	}
	b := s.Queries[1]
	if want := SplitOf(strings.ToLower(content.Fold(b.Text))); b.Split != want {
		t.Errorf("hash split %q, want %q", b.Split, want)
	}
	if (b.Split == Dev) != (b.Group == GroupDevFirst) {
		t.Errorf("hash split %q with group %q", b.Split, b.Group)
	}
	dir = writeJudged(t, `[{"id":"a","q":"khen thưởng","kind":"words","split":"test","rel":[{"doc":"d"}]}]`)
	if _, err := LoadJudged(dir); err == nil || !strings.Contains(err.Error(), "test half is fixed") {
		t.Errorf("a query forced into the test half loaded: %v", err)
	}
}

// TestScoreGroups checks that the groups are scored apart and add up.
func TestScoreGroups(t *testing.T) {
	s := &Set{Queries: []Query{
		{ID: "1", Text: "x", Folded: "x", Split: Dev, Group: GroupDevFirst, Rel: map[Key]bool{{"d", "1"}: true}},
		{ID: "2", Text: "y", Folded: "y", Split: Dev, Group: GroupDevAdded, Rel: map[Key]bool{{"d", "9"}: true}},
		{ID: "3", Text: "z", Folded: "z", Split: Test, Rel: map[Key]bool{{"d", "1"}: true}},
	}}
	res, err := s.Score(t.Context(), func(_ context.Context, _ string, _ int) ([]Key, error) {
		return []Key{{"d", "1"}}, nil
	}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	first, added := res.Groups[GroupDevFirst], res.Groups[GroupDevAdded]
	if first == nil || added == nil || first.Queries != 1 || added.Queries != 1 || res.Dev.Queries != 2 || res.Test.Queries != 1 {
		b, _ := json.Marshal(res)
		t.Fatalf("groups: %s", b)
	}
	if first.Accented.MRR10 != 1 || added.Accented.MRR10 != 0 || res.Dev.Accented.MRR10 != 0.5 {
		t.Errorf("MRR@10 first %v added %v dev %v", first.Accented.MRR10, added.Accented.MRR10, res.Dev.Accented.MRR10)
	}
}
