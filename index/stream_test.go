package index

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"chibo/content"
)

// An index built by a Stream fed during an "import" is the index a
// rebuild of the same library makes: documents not fed (the library's
// own), a document changed after it was fed, and one of long sections
// (left to the Sync after Finish) all end up as in the rebuild.
func TestStreamMatchesRebuild(t *testing.T) {
	ctx := context.Background()
	docs := synthDocs(30, 1)
	changed := synthDocs(6, 2)[5] // doc-5 as a later import has it
	long := &content.Document{ID: "long", Title: "Văn bản dài", Kind: content.KindOther, Hash: "long-1"}
	long.Sections = []*content.Section{{ID: "1", Level: 1, Heading: "Một", Path: []string{"Một"}, Text: strings.Repeat("Đoạn văn rất dài về chuyển đổi số mklong. ", 400)}}
	if streamable(long.Info()) {
		t.Fatal("the long document should be left to the Sync")
	}
	lib := append(append([]*content.Document{}, docs...), long)
	lib[5] = changed
	src := DocSource(lib)

	streamed, err := Open(t.TempDir(), Options{Wait: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer streamed.Close()
	s, err := streamed.Stream(ctx, src)
	if err != nil || s == nil {
		t.Fatalf("Stream on an empty index: %v, %v", s, err)
	}
	fed := append(docs[:20:20], long)
	for i, d := range fed {
		if err := s.Add(d, i+1, 40); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Finish(nil); err != nil {
		t.Fatal(err)
	}
	s.Abort() // after Finish: nothing

	rebuilt, err := Open(t.TempDir(), Options{Wait: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer rebuilt.Close()
	if err := rebuilt.Sync(ctx, src, nil); err != nil {
		t.Fatal(err)
	}
	if streamed.NeedsSync(src) {
		t.Error("the streamed index is behind its library")
	}
	if a, b := streamed.Stats(), rebuilt.Stats(); a.Documents != b.Documents || a.Sections != b.Sections || a.Documents != len(lib) {
		t.Errorf("streamed %+v, rebuilt %+v, library %d documents", a, b, len(lib))
	}
	for _, q := range []string{"mk1x3", "mk1x25", "mk2x5", "mk1x5", "mklong", "nông thôn mới", "chi bộ bốn tốt", "sinh hoạt"} {
		// All: the synthetic sections tie, and ties keep the order the
		// documents were built in.
		a, err := streamed.Search(ctx, Query{Text: q, Limit: 2000})
		if err != nil {
			t.Fatal(err)
		}
		b, err := rebuilt.Search(ctx, Query{Text: q, Limit: 2000})
		if err != nil {
			t.Fatal(err)
		}
		if q != "mk1x5" && len(a.Hits) == 0 {
			t.Errorf("%q: no hit", q)
		}
		if q == "mk1x5" && len(a.Hits) > 0 {
			t.Errorf("%q: the version fed before the change is still in: %v", q, a.Hits[0].Doc)
		}
		if !reflect.DeepEqual(hitKeys(a), hitKeys(b)) {
			t.Errorf("%q: streamed %v, rebuilt %v", q, hitKeys(a), hitKeys(b))
		}
	}
}

func hitKeys(r *Result) []string {
	out := []string{fmt.Sprint(r.Total)}
	for _, h := range r.Hits {
		out = append(out, fmt.Sprintf("%s/%s %.3f", h.Doc, h.Section, h.Score))
	}
	sort.Strings(out[1:])
	return out
}

// A Stream aborted (the import cancelled) leaves no build behind and the
// index as it was, unlocked; an index that is usable starts no Stream.
func TestStreamAbort(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	docs := synthDocs(10, 1)
	ix, err := Open(dir, Options{Wait: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	s, err := ix.Stream(ctx, DocSource(docs))
	if err != nil || s == nil {
		t.Fatalf("Stream on an empty index: %v, %v", s, err)
	}
	for i, d := range docs[:5] {
		if err := s.Add(d, i+1, 10); err != nil {
			t.Fatal(err)
		}
	}
	s.Abort()
	if err := s.Finish(nil); err == nil {
		t.Error("Finish after Abort: no error")
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if e.IsDir() {
			t.Errorf("left behind: %s", e.Name())
		}
	}
	if _, err := os.Stat(filepath.Join(dir, metaFile)); err == nil {
		t.Error("an aborted stream wrote the index's meta file")
	}
	// The exclusive lock is given back: another process (here another
	// Index) may open it at once, and build it once ix lets go.
	other, err := Open(dir, Options{Wait: 0})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	ix.Close()
	if err := other.Sync(ctx, DocSource(docs), nil); err != nil {
		t.Fatal(err)
	}
	other.Close()
	// Now usable: no stream, Sync keeps it up to date.
	ix, err = Open(dir, Options{Wait: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if s, err := ix.Stream(ctx, DocSource(docs)); s != nil || err != nil {
		t.Errorf("Stream on a usable index: %v, %v", s, err)
	}
}
