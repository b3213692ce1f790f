// Package eval measures search relevance: it loads judged question sets
// (a BEIR-layout collection such as ALQAC, or chibo's own in-domain set
// in testdata/judged), splits them into a development half and a
// test half fixed by a hash, and scores a search function with Hit@1,
// Hit@10 and MRR@10, each question as written and stripped of accents.
//
// It does not know the index: callers hand it a Search function, so the
// product's search package never carries evaluation code.
package eval

import (
	"context"
	"hash/fnv"

	"chibo/content"
)

// Key names one section: a hit or a judged relevant section.
type Key struct{ Doc, Section string }

// Query is one judged question.
type Query struct {
	ID     string
	Text   string       // as written (with diacritics when it has them)
	Folded string       // the same stripped of diacritics
	Kind   string       // in-domain sets: what kind of query it is (words, number, phrase …)
	Split  string       // Dev or Test
	Group  string       // in-domain sets: GroupDevFirst, GroupDevAdded or "" (reported apart in Result.Groups)
	Rel    map[Key]bool // relevant sections
}

// Set is a collection and its judged questions.
type Set struct {
	Name    string
	Docs    []*content.Document
	Queries []Query
}

// The two halves of a set. Which half a question belongs to is fixed by a
// hash of its key (the query text for the in-domain set, the law for
// ALQAC), decided before any tuning and never by results.
const (
	Dev  = "dev"
	Test = "test"
)

// SplitOf assigns a key to a half: FNV-1a, even → dev, odd → test.
func SplitOf(key string) string {
	h := fnv.New32a()
	h.Write([]byte(key))
	if h.Sum32()%2 == 0 {
		return Dev
	}
	return Test
}

// Metrics are the scores of one set of questions.
type Metrics struct {
	Hit1  float64 `json:"hit1"`
	Hit10 float64 `json:"hit10"`
	MRR10 float64 `json:"mrr10"`
}

// Part is the scores of some questions in both forms.
type Part struct {
	Queries    int     `json:"queries"`
	Accented   Metrics `json:"accented"`
	Unaccented Metrics `json:"unaccented"`
}

// Result is a whole set's scores and each half's.
type Result struct {
	Part
	Dev  Part `json:"dev"`
	Test Part `json:"test"`
	// Groups scores the queries of each non-empty Query.Group apart
	// (the in-domain development half as first split, and the queries
	// added to it later).
	Groups map[string]*Part `json:"groups,omitempty"`
}

// Search runs one query and returns the keys of its first k hits, best
// first.
type Search func(ctx context.Context, text string, k int) ([]Key, error)

// Ranked is one question's outcome in one form: its hits and the
// reciprocal rank of the first relevant one (0 when none is in the top 10).
type Ranked struct {
	Query  *Query
	Form   int // 0 as written, 1 without diacritics
	Text   string
	Hits   []Key
	RR     float64
	Ranked int // 1-based rank of the first relevant hit, 0 when none
}

// Options narrow a run.
type Options struct {
	Split    string // "" for both halves
	Progress func(done, total int)
	Each     func(r Ranked) // called for every question and form
}

// Score runs every judged question of the set (of opt.Split when set) in
// both forms through search.
func (s *Set) Score(ctx context.Context, search Search, opt Options) (*Result, error) {
	var qs []*Query
	for i := range s.Queries {
		q := &s.Queries[i]
		if len(q.Rel) == 0 || opt.Split != "" && q.Split != opt.Split {
			continue
		}
		qs = append(qs, q)
	}
	res := &Result{}
	acc := map[string]*Part{"": &res.Part, Dev: &res.Dev, Test: &res.Test}
	keys := func(q *Query) []string {
		if q.Group == "" {
			return []string{"", q.Split}
		}
		if acc["g:"+q.Group] == nil {
			if res.Groups == nil {
				res.Groups = map[string]*Part{}
			}
			p := &Part{}
			res.Groups[q.Group] = p
			acc["g:"+q.Group] = p
		}
		return []string{"", q.Split, "g:" + q.Group}
	}
	for i, q := range qs {
		for form, text := range []string{q.Text, q.Folded} {
			hits, err := search(ctx, text, 10)
			if err != nil {
				return nil, err
			}
			r := Ranked{Query: q, Form: form, Text: text, Hits: hits}
			for rank, h := range hits {
				if rank < 10 && q.Rel[h] {
					r.RR, r.Ranked = 1/float64(rank+1), rank+1
					break
				}
			}
			for _, key := range keys(q) {
				p := acc[key]
				m := &p.Accented
				if form == 1 {
					m = &p.Unaccented
				}
				if r.Ranked == 1 {
					m.Hit1++
				}
				if r.Ranked > 0 {
					m.Hit10++
				}
				m.MRR10 += r.RR
			}
			if opt.Each != nil {
				opt.Each(r)
			}
		}
		for _, key := range keys(q) {
			acc[key].Queries++
		}
		if opt.Progress != nil {
			opt.Progress(i+1, len(qs))
		}
	}
	for _, p := range acc {
		if n := float64(p.Queries); n > 0 {
			for _, m := range []*Metrics{&p.Accented, &p.Unaccented} {
				m.Hit1, m.Hit10, m.MRR10 = Round3(m.Hit1/n), Round3(m.Hit10/n), Round3(m.MRR10/n)
			}
		}
	}
	return res, nil
}

// Round3 rounds to three decimals, as the figures are reported.
func Round3(x float64) float64 { return float64(int(x*1000+0.5)) / 1000 }
