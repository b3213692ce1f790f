package content

import (
	"os"
	"testing"
	"time"
)

// TestOpenLibraryScale measures opening a large imported library with and
// without the parse cache. It needs a data directory filled by
//
//	python3 /work/shared/tools/make-library /tmp/lib100 --mb 100
//	chibo --data /tmp/chibo-data100 import /tmp/lib100
//
// and CHIBO_SCALE_DATA=/tmp/chibo-data100; it is skipped otherwise.
func TestOpenLibraryScale(t *testing.T) {
	data := os.Getenv("CHIBO_SCALE_DATA")
	if data == "" {
		t.Skip("set CHIBO_SCALE_DATA to an imported library to measure")
	}
	if _, err := os.Stat(data); err != nil {
		t.Skip(err)
	}
	start := time.Now()
	cold, err := OpenLibrary(Dirs{Data: data}) // no cache directory: parse everything
	if err != nil {
		t.Fatal(err)
	}
	coldTime := time.Since(start)
	dirs := Dirs{Data: data, Cache: data}
	if _, err := OpenLibrary(dirs); err != nil { // make sure the cache is warm
		t.Fatal(err)
	}
	start = time.Now()
	warm, err := OpenLibrary(dirs)
	if err != nil {
		t.Fatal(err)
	}
	warmTime := time.Since(start)
	if len(warm.Docs()) != len(cold.Docs()) || len(warm.Problems) != 0 {
		t.Fatalf("cached open: %d docs (want %d), problems %v", len(warm.Docs()), len(cold.Docs()), warm.Problems)
	}
	for _, d := range cold.Docs() {
		w, ok := warm.Doc(d.ID)
		if !ok || w.Hash != d.Hash || len(w.Sections) != len(d.Sections) || w.Title != d.Title {
			t.Fatalf("cached %s differs from parsed", d.ID)
		}
	}
	t.Logf("%d documents: OpenLibrary without cache %v, with cache %v", len(warm.Docs()), coldTime.Round(time.Millisecond), warmTime.Round(time.Millisecond))
}
