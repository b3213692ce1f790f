package index

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"chibo/content"
)

// TestByteBudget: shares are granted whole (two shards asking for most
// of the budget take turns instead of each holding part of it and
// waiting forever), a document larger than the budget takes all of it,
// and a cancelled wait holds nothing.
func TestByteBudget(t *testing.T) {
	b := newByteBudget(10 << 20)
	if c := b.cost(60 << 20); c != 10<<20 {
		t.Errorf("a 60 MB document costs %d, want the whole budget", c)
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	held, most := int64(0), int64(0)
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			n := b.cost(7 << 20)
			if !b.acquire(context.Background(), n) {
				t.Error("acquire failed")
				return
			}
			mu.Lock()
			held += n
			most = max(most, held)
			mu.Unlock()
			time.Sleep(time.Millisecond)
			mu.Lock()
			held -= n
			mu.Unlock()
			b.release(n)
		}()
	}
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("shares of 7 MB in a 10 MB budget deadlocked")
	}
	if most > 10<<20 {
		t.Errorf("%d bytes granted at once, over the 10 MB budget", most)
	}
	b.acquire(context.Background(), 10<<20)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	if b.acquire(ctx, 1) {
		t.Error("granted beyond a full budget")
	}
	b.release(10 << 20)
	if !b.acquire(context.Background(), 10<<20) {
		t.Error("the cancelled wait kept part of the budget")
	}
}

// TestSyncLoadsOneAtATime: a build and an update load each document
// they index from the Source once, by ID (never the whole library), and
// a document the Source lost meanwhile is left out rather than failing.
func TestSyncLoadsOneAtATime(t *testing.T) {
	docs := synthDocs(12, 1)
	src := &countingSource{Source: DocSource(docs), loads: map[string]int{}}
	ix, err := Open(t.TempDir(), Options{Wait: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if err := ix.Sync(context.Background(), src, nil); err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		if src.loads[d.ID] != 1 {
			t.Errorf("%s loaded %d times by the build, want 1", d.ID, src.loads[d.ID])
		}
	}
	// One changed document: only it is loaded.
	next := append(synthDocs(11, 1), synthDocs(12, 2)[11])
	src = &countingSource{Source: DocSource(next), loads: map[string]int{}}
	if err := ix.Sync(context.Background(), src, nil); err != nil {
		t.Fatal(err)
	}
	if len(src.loads) != 1 || src.loads["doc-11"] != 1 {
		t.Errorf("update loaded %v, want doc-11 once", src.loads)
	}
	// Listed, but gone when loaded.
	src = &countingSource{Source: DocSource(synthDocs(13, 1)), loads: map[string]int{}, lose: "doc-12"}
	if err := ix.Sync(context.Background(), src, nil); err != nil {
		t.Fatal(err)
	}
	if st := ix.Stats(); st.Documents != 12 {
		t.Errorf("%d documents indexed, want 12 (doc-12 was gone)", st.Documents)
	}
}

type countingSource struct {
	Source
	mu    sync.Mutex
	loads map[string]int
	lose  string
}

func (c *countingSource) Doc(id string) (*content.Document, bool) {
	c.mu.Lock()
	c.loads[id]++
	c.mu.Unlock()
	if id == c.lose {
		return nil, false
	}
	return c.Source.Doc(id)
}

func (c *countingSource) Each(func(*content.Document) error) error {
	panic("Sync must not walk the whole library")
}

// TestRefsFromCitations: Refs over the library (which reads only the
// stored citations) lists what it lists over the full documents.
func TestRefsFromCitations(t *testing.T) {
	dir := t.TempDir()
	lib, err := content.OpenLibrary(content.Dirs{Data: dir, Cache: dir})
	if err != nil {
		t.Fatal(err)
	}
	a, err := Refs(lib, "")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Refs(DocSource(lib.Docs()), "")
	if len(a) == 0 || fmt.Sprint(a) != fmt.Sprint(b) {
		t.Errorf("refs from the citations:\n%v\nfrom the documents:\n%v", a, b)
	}
}
