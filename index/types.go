// Package index is chibo's search engine: a bleve index over the sections
// of the library, analysed for Vietnamese (with and without diacritics,
// directive symbols kept whole), with its own query language, ranking and
// highlighted snippets. It exposes only the small types below; callers
// never see bleve.
package index

import (
	"context"
	"time"
)

// Query is a search as the user typed it plus the narrowing they chose.
type Query struct {
	Text   string   // the user's words; parsed by ParseQuery, never handed to bleve raw
	Limit  int      // hits to return (0: a default)
	Offset int      // for paging
	Exact  bool     // diacritics must match exactly
	Kinds  []string // narrow to these document kinds (content.Kind values)
	Years  []int    // narrow to documents of these years
	Doc    string   // narrow to one document ID
	// Explain fills Hit.Explain with each hit's score broken down by
	// rule and field.
	Explain bool
	// NoFacets leaves Result.Kinds and Result.Years empty, for a caller
	// that shows no counts (the CLI's text output): their tables cost
	// a pass over every section's kind and year at a process's first
	// search (a sixth of a search process on a 1 GB library).
	NoFacets bool
}

// Span is a piece of a snippet; Match marks the words the query matched,
// with the accents as the document writes them.
type Span struct {
	Text  string `json:"text"`
	Match bool   `json:"match,omitempty"`
}

// Hit is one matching section.
type Hit struct {
	Doc     string   `json:"doc"`
	Title   string   `json:"title"`
	Kind    string   `json:"kind"`
	Year    int      `json:"year,omitempty"`
	Section string   `json:"section"`
	Heading string   `json:"heading"`
	Path    []string `json:"path"`
	Snippet []Span   `json:"-"`
	Score   float64  `json:"score"`
	// Missing are the query's words (as typed) that the section — its
	// title, the headings above it, its heading and text — lacks: set
	// only on a partial match: when no section had every word
	// (Result.Relaxed), when fewer than ten had them all (the best with
	// most of them are ranked with those), or when a word is in no field
	// the ranker reads.
	Missing []string `json:"missing,omitempty"`
	// Explain is set when Query.Explain asked for it.
	Explain *Explanation `json:"explain,omitempty"`
}

// Explanation is a hit's score broken down by ranking rule and field; the
// parts add up to the score (rounding aside).
type Explanation struct {
	Parts []ScorePart `json:"parts"`
}

// ScorePart is one rule's contribution to a score.
type ScorePart struct {
	Rule  string  `json:"rule"`            // one of the Rule… names
	Unit  string  `json:"unit,omitempty"`  // the query word or word pair, folded
	Field string  `json:"field,omitempty"` // title, heading or text
	Value float64 `json:"value"`
	Note  string  `json:"note,omitempty"` // e.g. occurrences with other diacritics
}

// The ranking rules an Explanation names.
const (
	RuleWord      = "word"             // BM25F of a query word over title, heading and text
	RulePair      = "pair"             // BM25F of two neighbouring query words as a shingle
	RuleHeadCov   = "heading-coverage" // the share of the heading's words the query has
	RuleOwnNumber = "own-number"       // the document's own số/ký hiệu: placed first
	RuleFull      = "whole-query"      // the whole short query found as a run of words
	RuleTitleOnly = "title-only"       // a directive number only in the document's title: counts less
	RuleMostWords = "most-words"       // a section that lacks some query words, ranked with the few that have them all
	RuleToneMiss  = "other-diacritics" // a word typed with diacritics found only with others: counts less
	RuleLead      = "lead"             // the heading (or the text) opens with the short query's words, in order
)

// Facet is one value of a facet with its count of hits.
type Facet struct {
	Value string `json:"value"`
	Count int    `json:"count"`
}

// Result is one page of hits with the facets of all of them.
type Result struct {
	Query string        `json:"query"`
	Total int           `json:"total"`
	Took  time.Duration `json:"-"`
	Hits  []Hit         `json:"hits"`
	Kinds []Facet       `json:"kinds"`
	// Relaxed is set when no section has every word, so the hits are
	// those with most of them.
	Relaxed bool    `json:"relaxed,omitempty"`
	Years   []Facet `json:"years"`
}

// Searcher is what the UI needs from the index.
type Searcher interface {
	Search(ctx context.Context, q Query) (*Result, error)
}
