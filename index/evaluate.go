package index

import (
	"context"
	"os"

	"chibo/index/internal/eval"
)

// EvalResult is a relevance run (see EvaluateBEIR): the whole set's
// Hit@1, Hit@10 and MRR@10 as written and without diacritics, then the
// development and test halves (questions split by law).
type (
	EvalResult  = eval.Result
	EvalPart    = eval.Part
	EvalMetrics = eval.Metrics
)

// EvaluateBEIR measures relevance on a BEIR-layout collection
// (corpus.jsonl, queries.jsonl, qrels/test.tsv in dir) with the product's
// analysis and ranking. The collection is indexed into a temporary
// directory that is removed afterwards; nothing of it is kept. progress,
// if not nil, is called as questions are run.
func EvaluateBEIR(ctx context.Context, dir string, progress func(done, total int)) (*EvalResult, error) {
	b, err := eval.LoadBEIR(dir)
	if err != nil {
		return nil, err
	}
	set := b.Set("beir")
	tmp, err := os.MkdirTemp("", "chibo-eval-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	ix, err := Open(tmp, Options{})
	if err != nil {
		return nil, err
	}
	defer ix.Close()
	if err := ix.Rebuild(ctx, DocSource(set.Docs), nil); err != nil {
		return nil, err
	}
	return set.Score(ctx, evalSearch(ix), eval.Options{Progress: progress})
}

// evalSearch adapts the index to the evaluation harness: the (doc,
// section) of the first k hits of a plain search.
func evalSearch(ix *Index) eval.Search {
	return func(ctx context.Context, text string, k int) ([]eval.Key, error) {
		r, err := ix.Search(ctx, Query{Text: text, Limit: k})
		if err != nil {
			return nil, err
		}
		out := make([]eval.Key, len(r.Hits))
		for i, h := range r.Hits {
			out[i] = eval.Key{Doc: h.Doc, Section: h.Section}
		}
		return out, nil
	}
}
