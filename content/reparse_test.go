package content

import (
	"fmt"
	"path/filepath"
	"testing"

	"chibo/content/store"
)

// A store's records carry the parser version alone, not the executable:
// an upgraded chibo with the same ParserVersion reuses every parse. The
// files that must be parsed are counted on progress, and an open with
// nothing to parse reports nothing.
func TestReparseStampAndProgress(t *testing.T) {
	dirs := Dirs{Data: t.TempDir(), Cache: t.TempDir()}
	var calls [][2]int
	rec := func(done, total int) { calls = append(calls, [2]int{done, total}) }
	if _, err := OpenLibraryProgress(dirs, rec); err != nil {
		t.Fatal(err)
	}
	seeds, err := SeedFiles()
	if err != nil {
		t.Fatal(err)
	}
	if len(calls) != len(seeds) || calls[len(calls)-1] != [2]int{len(seeds), len(seeds)} {
		t.Fatalf("first open: progress %v, want 1..%d of %d (the seeds)", calls, len(seeds), len(seeds))
	}
	st, err := store.Open(filepath.Join(dirs.Cache, storeFile), true)
	if err != nil {
		t.Fatal(err)
	}
	recs, _, err := st.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != len(seeds) {
		t.Fatalf("%d records, want %d", len(recs), len(seeds))
	}
	for _, r := range recs {
		if want := fmt.Sprintf("v%d", ParserVersion); r.Parser != want {
			t.Errorf("%s: parser stamp %q, want %q (the version alone, so an upgrade does not re-parse)", r.ID, r.Parser, want)
		}
	}
	calls = nil
	if _, err := OpenLibraryProgress(dirs, rec); err != nil {
		t.Fatal(err)
	}
	if len(calls) != 0 {
		t.Errorf("second open reported progress %v; nothing needed parsing", calls)
	}
}
