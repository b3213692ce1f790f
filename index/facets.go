package index

import (
	"context"
	"encoding/binary"
	"sort"
	"sync"

	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/collector"
	bindex "github.com/blevesearch/bleve_index_api"
)

// Facets without a second pass and without bleve's facet builder. bleve
// counts a facet by reading every matching section's doc values (a
// snappy-compressed chunk per few hundred sections): on a common word
// that was a third of a search. Kind and year belong to the document, so
// each live view of a shard gets a table once — internal section number →
// its kind and year, read from the two fields' posting lists — and the
// collector counts each match with two array increments while bleve
// gathers its top hits as usual.

// facetTable maps a shard snapshot's internal section numbers to the
// index of their kind and year term (noFacet when absent).
type facetTable struct {
	kinds, years []string // the terms
	kindOf       []uint16 // by internal number
	yearOf       []uint16
}

const noFacet = ^uint16(0)

// facetTables caches the table of each open snapshot; a snapshot is
// immutable, and bleve hands out the same one until the index changes.
// The shards' tables are built side by side, each once.
type facetTables struct {
	mu sync.Mutex
	m  map[bindex.IndexReader]*facetEntry
}

type facetEntry struct {
	once sync.Once
	t    *facetTable
	err  error
}

var tables = &facetTables{m: map[bindex.IndexReader]*facetEntry{}}

func (ft *facetTables) get(ctx context.Context, r bindex.IndexReader) (*facetTable, error) {
	ft.mu.Lock()
	e, ok := ft.m[r]
	if !ok {
		if len(ft.m) >= 4*maxShards { // old snapshots: forget them
			ft.m = map[bindex.IndexReader]*facetEntry{}
		}
		e = &facetEntry{}
		ft.m[r] = e
	}
	ft.mu.Unlock()
	e.once.Do(func() { e.t, e.err = buildFacetTable(ctx, r) })
	if e.err != nil {
		ft.mu.Lock()
		if ft.m[r] == e {
			delete(ft.m, r) // try again next time
		}
		ft.mu.Unlock()
	}
	return e.t, e.err
}

func buildFacetTable(ctx context.Context, r bindex.IndexReader) (*facetTable, error) {
	t := &facetTable{}
	var err error
	if t.kinds, t.kindOf, err = termTable(ctx, r, fKind, 0); err != nil {
		return nil, err
	}
	if t.years, t.yearOf, err = termTable(ctx, r, fYear, len(t.kindOf)); err != nil {
		return nil, err
	}
	return t, nil
}

// termTable reads every term of field and, for each internal section
// number, the index of its term.
func termTable(ctx context.Context, r bindex.IndexReader, field string, n int) ([]string, []uint16, error) {
	of := make([]uint16, n)
	for i := range of {
		of[i] = noFacet
	}
	d, err := r.FieldDict(field)
	if err != nil {
		return nil, nil, err
	}
	var terms []string
	for {
		e, err := d.Next()
		if err != nil {
			d.Close()
			return nil, nil, err
		}
		if e == nil {
			break
		}
		terms = append(terms, e.Term)
	}
	d.Close()
	for ti, term := range terms {
		if ti >= int(noFacet) {
			break
		}
		tfr, err := r.TermFieldReader(ctx, []byte(term), field, false, false, false)
		if err != nil {
			return nil, nil, err
		}
		var td *bindex.TermFieldDoc
		for {
			td, err = tfr.Next(td)
			if err != nil || td == nil {
				break
			}
			num, ok := internalNum(td.ID)
			if !ok {
				continue
			}
			for uint64(len(of)) <= num {
				of = append(of, noFacet)
			}
			of[num] = uint16(ti)
		}
		tfr.Close()
		if err != nil {
			return nil, nil, err
		}
	}
	return terms, of, nil
}

// internalNum reads scorch's internal section number (8 bytes, big
// endian).
func internalNum(id bindex.IndexInternalID) (uint64, bool) {
	if len(id) != 8 {
		return 0, false
	}
	return binary.BigEndian.Uint64(id), true
}

// facetCounter counts the kinds and years of all matches of one search,
// over every shard.
type facetCounter struct {
	mu    sync.Mutex
	kinds map[string]int
	years map[string]int
}

func newFacetCounter() *facetCounter {
	return &facetCounter{kinds: map[string]int{}, years: map[string]int{}}
}

// context returns ctx carrying a match handler that counts each match's
// facets and then hands it to bleve's own top-N handler.
func (fc *facetCounter) context(ctx context.Context) context.Context {
	var mk search.MakeDocumentMatchHandler = func(sc *search.SearchContext) (search.DocumentMatchHandler, bool, error) {
		next, loadID, err := collector.MakeTopNDocumentMatchHandler(sc)
		if err != nil || next == nil {
			return next, loadID, err
		}
		t, err := tables.get(ctx, sc.IndexReader)
		if err != nil {
			return nil, false, err
		}
		kc := make([]int, len(t.kinds))
		yc := make([]int, len(t.years))
		return func(d *search.DocumentMatch) error {
			if d == nil { // the end of this shard's matches
				fc.add(t, kc, yc)
				return next(nil)
			}
			if num, ok := internalNum(d.IndexInternalID); ok {
				if num < uint64(len(t.kindOf)) && t.kindOf[num] != noFacet {
					kc[t.kindOf[num]]++
				}
				if num < uint64(len(t.yearOf)) && t.yearOf[num] != noFacet {
					yc[t.yearOf[num]]++
				}
			}
			return next(d)
		}, loadID, nil
	}
	return context.WithValue(ctx, search.MakeDocumentMatchHandlerKey, mk)
}

func (fc *facetCounter) add(t *facetTable, kc, yc []int) {
	fc.mu.Lock()
	defer fc.mu.Unlock()
	for i, n := range kc {
		if n > 0 {
			fc.kinds[t.kinds[i]] += n
		}
	}
	for i, n := range yc {
		if n > 0 {
			fc.years[t.years[i]] += n
		}
	}
}

// topFacets lists the size most frequent values, most frequent first, ties by
// value (as bleve orders a facet).
func topFacets(counts map[string]int, size int) []Facet {
	out := []Facet{}
	for v, n := range counts {
		if v != "" && n > 0 {
			out = append(out, Facet{Value: v, Count: n})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Value < out[j].Value
	})
	if len(out) > size {
		out = out[:size]
	}
	return out
}
