package index

import (
	"context"
	"sync"

	"chibo/content"
)

// Source is the library as the index reads it: a catalogue to decide what
// to (re)index, and documents loaded one at a time for the ones it must.
// *content.Library is one; DocSource adapts a slice.
type Source interface {
	// Catalog lists every document's metadata (hash, title, kind, date
	// and text size are what the index compares and plans with).
	Catalog() []content.DocInfo
	// Doc loads one document; false when it is gone.
	Doc(id string) (*content.Document, bool)
	// Each calls fn for every document, loading one at a time.
	Each(fn func(*content.Document) error) error
}

// DocSource is a Source over documents already in memory (tests, the
// evaluation harness).
func DocSource(docs []*content.Document) Source { return sliceSource(docs) }

type sliceSource []*content.Document

func (s sliceSource) Catalog() []content.DocInfo {
	out := make([]content.DocInfo, len(s))
	for i, d := range s {
		out[i] = d.Info()
	}
	return out
}

// Doc returns the last document with that ID (a later one replaces an
// earlier one, as in a library).
func (s sliceSource) Doc(id string) (*content.Document, bool) {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i].ID == id {
			return s[i], true
		}
	}
	return nil, false
}

func (s sliceSource) Each(fn func(*content.Document) error) error {
	for _, d := range s {
		if err := fn(d); err != nil {
			return err
		}
	}
	return nil
}

// byteBudget is a weighted semaphore of bytes shared by the shards of a
// build: a request is granted whole or not at all, so two shards waiting
// for large shares never hold parts of the budget each.
type byteBudget struct {
	mu   sync.Mutex
	free int64
	size int64
	more chan struct{} // closed and replaced on each release
}

func newByteBudget(n int64) *byteBudget {
	return &byteBudget{free: n, size: n, more: make(chan struct{})}
}

// cost is the share of a document of textBytes: a fixed overhead plus
// its text, at most the whole budget (a document larger than the budget
// is analysed alone).
func (b *byteBudget) cost(textBytes int) int64 {
	return min(int64(textBytes)+64<<10, b.size)
}

// acquire takes n bytes, waiting; false when ctx ends first (nothing is
// then held).
func (b *byteBudget) acquire(ctx context.Context, n int64) bool {
	for {
		b.mu.Lock()
		if b.free >= n {
			b.free -= n
			b.mu.Unlock()
			return true
		}
		more := b.more
		b.mu.Unlock()
		select {
		case <-more:
		case <-ctx.Done():
			return false
		}
	}
}

func (b *byteBudget) release(n int64) {
	b.mu.Lock()
	b.free += n
	close(b.more)
	b.more = make(chan struct{})
	b.mu.Unlock()
}
