package index

import (
	"context"

	"chibo/content"

	"golang.org/x/sync/semaphore"
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

// byteBudget is the bytes of text the shards of a build may analyse at
// once: a weighted semaphore (golang.org/x/sync/semaphore) whose requests
// are granted whole and in order, so two shards waiting for large shares
// never hold parts of the budget each.
type byteBudget struct {
	sem  *semaphore.Weighted
	size int64
}

func newByteBudget(n int64) *byteBudget {
	return &byteBudget{sem: semaphore.NewWeighted(n), size: n}
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
	return b.sem.Acquire(ctx, n) == nil
}

func (b *byteBudget) release(n int64) { b.sem.Release(n) }
