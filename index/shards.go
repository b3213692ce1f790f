package index

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strconv"
	"sync"

	"github.com/blevesearch/bleve/v2"
)

// shardSet is the live index: one or more bleve indexes (shards) of
// disjoint documents, searched as one through an alias. A large library is
// built as several shards at once, which keeps both cores busy and each
// build's final merge small; a small one is a single shard.
type shardSet struct {
	shards []bleve.Index
	alias  bleve.IndexAlias
}

// shardTarget is the text a shard is built for.
const shardTarget = 28 << 20

// maxShards bounds the fan-out of every search.
const maxShards = 4

// shardsFor is the number of shards for a library of textBytes.
func shardsFor(textBytes int) int {
	return min(max(1, (textBytes+shardTarget-1)/shardTarget), maxShards)
}

func shardPath(live string, i int) string { return filepath.Join(live, strconv.Itoa(i)) }

// openShards opens the n shards under live and reads their documents.
func openShards(live string, n int, readOnly bool, boltTimeout string) (*shardSet, map[string]*docMeta, error) {
	s := &shardSet{}
	docs := map[string]*docMeta{}
	for i := 0; i < n; i++ {
		cfg := map[string]interface{}{"bolt_timeout": boltTimeout}
		if readOnly {
			cfg["read_only"] = true
		}
		bi, err := bleve.OpenUsing(shardPath(live, i), cfg)
		if err != nil {
			s.Close()
			return nil, nil, err
		}
		s.shards = append(s.shards, bi)
		raw, err := bi.GetInternal([]byte(docsKey))
		if err == nil && raw == nil {
			err = errors.New("no document list")
		}
		var part map[string]*docMeta
		if err == nil {
			part, err = unmarshalDocList(raw)
		}
		if err != nil {
			s.Close()
			return nil, nil, fmt.Errorf("shard %d: %w", i, err)
		}
		for id, m := range part {
			m.Shard = i
			docs[id] = m
		}
	}
	s.alias = bleve.NewIndexAlias(s.shards...)
	return s, docs, nil
}

// sectionIDs returns the bleve IDs of every section shard i holds for
// document doc (its sections, whatever a document list says), in pages
// of sectionPage so that a document of 200,000 sections costs one page
// of matches at a time.
func (s *shardSet) sectionIDs(ctx context.Context, i int, doc string) ([]string, error) {
	var ids []string
	var after []string
	for {
		q := bleve.NewTermQuery(doc)
		q.SetField(fDoc)
		req := bleve.NewSearchRequestOptions(q, sectionPage, 0, false)
		req.SortBy([]string{"_id"})
		req.Score = "none"
		if after != nil {
			req.SetSearchAfter(after)
		}
		r, err := s.shards[i].SearchInContext(ctx, req)
		if err != nil {
			return nil, err
		}
		for _, h := range r.Hits {
			ids = append(ids, h.ID)
		}
		if len(r.Hits) < sectionPage {
			return ids, nil
		}
		after = []string{r.Hits[len(r.Hits)-1].ID}
	}
}

// sectionPage is how many section IDs sectionIDs asks for at a time.
var sectionPage = 10000

// Close closes every shard.
func (s *shardSet) Close() error {
	if s == nil {
		return nil
	}
	var first error
	for _, bi := range s.shards {
		if err := bi.Close(); err != nil && first == nil {
			first = err
		}
	}
	s.shards = nil
	return first
}

func (s *shardSet) search(ctx context.Context, req *bleve.SearchRequest) (*bleve.SearchResult, error) {
	if len(s.shards) == 1 {
		return s.shards[0].SearchInContext(ctx, req)
	}
	return s.alias.SearchInContext(ctx, req)
}

// docFreq sums a term's document frequency over the shards.
func (s *shardSet) docFreq(field, term string) int {
	var mu sync.Mutex
	n := 0
	for _, bi := range s.shards {
		adv, err := bi.Advanced()
		if err != nil {
			continue
		}
		r, err := adv.Reader()
		if err != nil {
			continue
		}
		if tfr, err := r.TermFieldReader(context.Background(), []byte(term), field, false, false, false); err == nil {
			mu.Lock()
			n += int(tfr.Count())
			mu.Unlock()
			tfr.Close()
		}
		r.Close()
	}
	return n
}

// smallest returns the shard holding the fewest sections, where new
// documents go.
func smallest(docs map[string]*docMeta, n int) int {
	sizes := make([]int, n)
	for _, m := range docs {
		if m.Shard < n {
			sizes[m.Shard] += m.Count
		}
	}
	best := 0
	for i, v := range sizes {
		if v < sizes[best] {
			best = i
		}
	}
	return best
}
