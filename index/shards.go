package index

import (
	"context"
	"encoding/json"
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
		part := map[string]*docMeta{}
		if err == nil {
			err = json.Unmarshal(raw, &part)
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

// sectionLists reads shard i's section lists (doc ID → section IDs).
func (s *shardSet) sectionLists(i int) (map[string][]string, error) {
	raw, err := s.shards[i].GetInternal([]byte(sectionsKey))
	if err == nil && raw == nil {
		err = errors.New("no section list")
	}
	var secs map[string][]string
	if err == nil {
		raw, err = storedDecoder().DecodeAll(raw, nil)
	}
	if err == nil {
		err = json.Unmarshal(raw, &secs)
	}
	if err != nil {
		return nil, fmt.Errorf("shard %d: %w", i, err)
	}
	return secs, nil
}

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
