package index

import (
	"context"
	"encoding/json"
	"path/filepath"
	"testing"
	"time"

	"chibo/content"
)

// indexedSections counts the sections bleve holds in every shard (not
// what the document lists say).
func indexedSections(t *testing.T, ix *Index) int {
	t.Helper()
	n := 0
	for _, bi := range ix.bi.shards {
		c, err := bi.DocCount()
		if err != nil {
			t.Fatal(err)
		}
		n += int(c)
	}
	return n
}

func syncDocs(t *testing.T, ix *Index, docs []*content.Document) {
	t.Helper()
	if err := ix.Sync(context.Background(), DocSource(docs), nil); err != nil {
		t.Fatal(err)
	}
}

// An in-place update deletes every section of a changed or removed
// document, found in its shard page by page.
func TestUpdateRemovesEverySection(t *testing.T) {
	defer func(p int) { sectionPage = p }(sectionPage)
	sectionPage = 7 // 40 sections a document: six pages, the last short
	ix, err := Open(t.TempDir(), Options{Wait: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	syncDocs(t, ix, synthDocs(6, 1))
	if n := indexedSections(t, ix); n != 240 {
		t.Fatalf("built: %d sections in the shards, want 240", n)
	}
	docs := mixDocs(6, 2, 2)[:5] // two changed, the last removed
	syncDocs(t, ix, docs)
	checkComplete(t, ix, docs, 1)
	if n := indexedSections(t, ix); n != 200 {
		t.Fatalf("updated: %d sections in the shards, want 200", n)
	}
	r, err := ix.Search(context.Background(), Query{Text: "mk1x5"})
	if err != nil || r.Total != 0 {
		t.Fatalf("the removed document is still found: %d hits (%v)", r.Total, err)
	}
}

// An index written before the document list became binary and the
// section lists were dropped (JSON list, chibo.sections present) opens
// as it is and updates correctly; each shard written loses its old
// section list.
func TestUpdateOlderIndex(t *testing.T) {
	dir := t.TempDir()
	ix, err := Open(dir, Options{Wait: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	first := synthDocs(8, 1)
	syncDocs(t, ix, first)
	want := ix.Stats()
	live, n := ix.live, ix.shards
	ix.Close()

	// Rewrite each shard's internal values as the older version did.
	set, _, err := openShards(filepath.Join(dir, live), n, false, "1s")
	if err != nil {
		t.Fatal(err)
	}
	for i, bi := range set.shards {
		raw, err := bi.GetInternal([]byte(docsKey))
		if err != nil {
			t.Fatal(err)
		}
		part, err := unmarshalDocList(raw)
		if err != nil {
			t.Fatal(err)
		}
		secs := map[string][]string{}
		for id := range part {
			ids, err := set.sectionIDs(context.Background(), i, id)
			if err != nil {
				t.Fatal(err)
			}
			secs[id] = ids
		}
		js, _ := json.Marshal(part)
		ss, _ := json.Marshal(secs)
		if err := bi.SetInternal([]byte(docsKey), js); err != nil {
			t.Fatal(err)
		}
		if err := bi.SetInternal([]byte(sectionsKey), storedEncoder().EncodeAll(ss, nil)); err != nil {
			t.Fatal(err)
		}
	}
	set.Close()

	ix, err = Open(dir, Options{Wait: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if ix.bi == nil || ix.Stats() != want {
		t.Fatalf("older index read as %+v, want %+v", ix.Stats(), want)
	}
	if ix.NeedsSync(DocSource(first)) {
		t.Fatal("an older index of the same documents needs a sync")
	}
	docs := mixDocs(8, 2, 3)
	syncDocs(t, ix, docs)
	checkComplete(t, ix, docs, 1)
	if got := indexedSections(t, ix); got != 320 {
		t.Fatalf("%d sections in the shards, want 320", got)
	}
	written := 0
	for i, bi := range ix.bi.shards {
		raw, err := bi.GetInternal([]byte(docsKey))
		if err != nil {
			t.Fatal(err)
		}
		old, _ := bi.GetInternal([]byte(sectionsKey))
		if raw[0] == docListBinary {
			written++
			if old != nil {
				t.Errorf("shard %d was written but kept its old section list", i)
			}
		}
	}
	if written == 0 {
		t.Fatal("the update wrote no shard")
	}
}
