package index

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
)

// DefaultLimit is the number of hits when Query.Limit is 0.
const DefaultLimit = 20

// candidates is how many of bleve's best hits are re-ranked with chibo's
// own scoring; a hit ranked lower by bleve rarely belongs in the top ten.
const candidates = 60

// exactCandidates is how many folded matches --exact checks for exact ones.
const exactCandidates = 400

// Search runs a query. Words must all match (when no section has them all,
// sections with most of them are returned instead and Result.Relaxed is
// set; when fewer than ten have them all, the best sections with most of
// them are ranked with those, each naming in Hit.Missing the words it
// lacks); hits are ranked by BM25F over title, heading and text with
// two-word shingles, phrase and accent bonuses (see rank.go), and carry a
// snippet of their best passage.
func (ix *Index) Search(ctx context.Context, q Query) (*Result, error) {
	start := time.Now()
	p := ParseQuery(q.Text)
	if p.Err != nil {
		return nil, p.Err // nam:abc is a mistake to show, not a word to search
	}
	for _, k := range q.Kinds {
		p.Kinds = appendUniq(p.Kinds, k)
	}
	for _, y := range q.Years {
		if !containsInt(p.Years, y) {
			p.Years = append(p.Years, y)
		}
	}
	res := &Result{Query: q.Text, Hits: []Hit{}, Kinds: []Facet{}, Years: []Facet{}}
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if ix.bi == nil || (!p.Positive() && !p.HasFilter() && q.Doc == "") {
		res.Took = time.Since(start)
		return res, nil
	}
	limit := q.Limit
	if limit <= 0 {
		limit = DefaultLimit
	}
	offset := max(q.Offset, 0)
	k := max(offset+limit, candidates)

	if q.Exact {
		// Exact matches are picked from the folded ones: look at more.
		k = max(k, exactCandidates)
	}
	filters := filterQueries(p, q.Doc)
	main, ok := mainQuery(p, false)
	newFC := func() *facetCounter {
		if q.NoFacets {
			return nil
		}
		return newFacetCounter()
	}
	fc := newFC()
	r, err := ix.run(ctx, main, filters, p, q.Exact, k, fc)
	if err != nil {
		return nil, err
	}
	widened := false // a few sections had every word: the best with most of them were added
	if r.Total == 0 && ok && len(p.Terms) > 1 {
		// No section has every word: show those with most of them.
		relaxed, _ := mainQuery(p, true)
		relaxed = ix.namedDirective(p, relaxed)
		fc = newFC()
		if r, err = ix.run(ctx, relaxed, filters, p, q.Exact, k, fc); err != nil {
			return nil, err
		}
		res.Relaxed = r.Total > 0
	} else if !q.Exact && r.Total > 0 && int(r.Total) < weights.fewAll && ok && len(p.Exclude) == 0 && len(p.ExcludePhrases) == 0 {
		// (An exclusion narrows on purpose: "nông thôn mới -huyện" is
		// not widened to sections lacking "mới" because few are left.)
		// Only a few sections have every word: the sections with most of
		// them are ranked with those few ("giường bệnh trên vạn dân"
		// against "33,3 giường bệnh/vạn dân"); a missing word costs them
		// its share of the score and Hit.Missing names it.
		if most := ix.namedDirective(p, ix.mostWordsQuery(p)); most != nil {
			fc2 := newFC()
			r2, err := ix.run(ctx, most, filters, p, false, k, fc2)
			if err != nil {
				return nil, err
			}
			have := make(map[string]bool, len(r.Hits))
			for _, h := range r.Hits {
				have[h.ID] = true
			}
			for _, h := range r2.Hits {
				if len(r.Hits) >= k {
					break
				}
				if !have[h.ID] {
					r.Hits = append(r.Hits, h)
				}
			}
			r.Total, fc, widened = r2.Total, fc2, true
		}
	}
	// The stored text of the candidates only, once bleve has merged the
	// shards' best: asking each shard for its own best k with their text
	// read four times as many.
	if err := ix.loadFields(ctx, r.Hits); err != nil {
		return nil, err
	}
	rk := ix.newRanker(p, q.Exact)
	rk.relaxed = res.Relaxed
	hits := make([]scored, 0, len(r.Hits))
	dropped := 0
	titles := map[string][]token{} // a document's title, analysed once for all its sections
	seen := map[string]bool{}
	for _, h := range r.Hits {
		c := ix.candidate(h, titles)
		if c == nil {
			continue
		}
		seen[h.ID] = true
		s, keep := rk.score(c)
		if !keep {
			dropped++
			continue
		}
		hits = append(hits, scored{c: c, score: s})
	}
	rk.adjust(hits) // rules that compare candidates with each other (rank.go)
	// A directive number typed lands first on the document whose own
	// number it is (its opening section), then on the sections citing it.
	if own := ix.ownSections(p); len(own) > 0 {
		var ids []string
		for _, id := range own {
			if !seen[id] {
				ids = append(ids, id)
			}
		}
		if len(ids) > 0 {
			r2, err := ix.run(ctx, bleve.NewDocIDQuery(ids), filters, p, false, len(ids), nil)
			if err == nil {
				err = ix.loadFields(ctx, r2.Hits)
			}
			if err != nil {
				return nil, err
			}
			for _, h := range r2.Hits {
				if c := ix.candidate(h, titles); c != nil {
					s, _ := rk.score(c)
					hits = append(hits, scored{c: c, score: s})
					r.Total++
				}
			}
		}
		isOwn := map[string]bool{}
		for _, id := range own {
			isOwn[id] = true
		}
		for i := range hits {
			hits[i].own = isOwn[hits[i].c.doc+idSep+hits[i].c.section]
		}
	}
	sort.SliceStable(hits, func(i, j int) bool {
		if hits[i].own != hits[j].own {
			return hits[i].own
		}
		if hits[i].score != hits[j].score {
			return hits[i].score > hits[j].score
		}
		// Ties (a search by filters alone scores 0) in a fixed order.
		if hits[i].c.doc != hits[j].c.doc {
			return hits[i].c.doc < hits[j].c.doc
		}
		return hits[i].c.section < hits[j].c.section
	})
	res.Total = int(r.Total) - dropped
	if q.Exact && int(r.Total) > len(r.Hits) && len(r.Hits) > 0 {
		// Only the candidates were checked: estimate the rest alike.
		res.Total = int(float64(r.Total) * float64(len(hits)) / float64(len(r.Hits)))
	}
	if res.Total < len(hits) {
		res.Total = len(hits)
	}
	for i := offset; i < len(hits) && i < offset+limit; i++ {
		c := hits[i].c
		hit := Hit{
			Doc: c.doc, Title: c.title, Kind: c.kind, Year: c.year,
			Section: c.section, Heading: c.heading, Path: c.path,
			Snippet: rk.snippet(c),
			Missing: rk.missing(c),
			Score:   math.Round(hits[i].score*1000) / 1000,
		}
		if q.Explain {
			ex := &Explanation{Parts: []ScorePart{}}
			before, _ := rk.scoreExplain(c, ex)
			if rk.titleOnlyApplies(c) {
				ex.Parts = append(ex.Parts, ScorePart{Rule: RuleTitleOnly, Value: hits[i].score - before, Note: "the number is only in the document's title"})
			}
			if widened && len(hit.Missing) > 0 {
				ex.Parts = append(ex.Parts, ScorePart{Rule: RuleMostWords, Unit: strings.Join(hit.Missing, " "),
					Note: fmt.Sprintf("lacks these words: fewer than %d sections have every word, so those with most of them are ranked with them", weights.fewAll)})
			}
			if hits[i].own {
				ex.Parts = append(ex.Parts, ScorePart{Rule: RuleOwnNumber, Unit: ix.docs[c.doc].Number, Note: "the document's own number: placed first"})
			}
			hit.Explain = ex
		}
		res.Hits = append(res.Hits, hit)
	}
	if fc != nil {
		res.Kinds = topFacets(fc.kinds, 10)
		res.Years = topFacets(fc.years, 20)
	}
	res.Took = time.Since(start)
	return res, nil
}

type scored struct {
	c     *candidate
	score float64
	own   bool // the opening section of a document whose own number was typed
}

// ownSections lists the bleve IDs of the opening sections of the
// documents whose own number (số/ký hiệu) the query has as a word.
func (ix *Index) ownSections(p Parsed) []string {
	if !weights.ownNumber {
		return nil
	}
	var keys []string
	for _, t := range p.Terms {
		if t.Symbol {
			if k := symbolKey(t.Text); k != "" {
				keys = append(keys, k)
			}
		}
	}
	if len(keys) == 0 {
		return nil
	}
	var out []string
	for id, m := range ix.docs {
		if m.Number == "" || m.First == "" {
			continue
		}
		n := symbolKey(m.Number)
		for _, k := range keys {
			if n == k {
				out = append(out, id+idSep+m.First)
				break
			}
		}
	}
	sort.Strings(out)
	return out
}

// run asks bleve for the k best candidates of main narrowed by filters
// (IDs and scores; loadFields reads their text) and, when fc is not nil,
// counts the facets of all matches into it in the same pass.
func (ix *Index) run(ctx context.Context, main query.Query, filters []query.Query, p Parsed, exact bool, k int, fc *facetCounter) (*bleve.SearchResult, error) {
	bq := bleve.NewBooleanQuery()
	if main != nil {
		bq.AddMust(main)
	}
	for _, f := range filters {
		bq.AddMust(f)
	}
	if main == nil && len(filters) == 0 {
		bq.AddMust(bleve.NewMatchNoneQuery())
	}
	if !exact { // exact exclusions are checked by the ranker
		for _, t := range p.Exclude {
			bq.AddMustNot(termQ(t))
		}
		for _, ph := range p.ExcludePhrases {
			bq.AddMustNot(phraseQ(ph))
		}
	}
	if main == nil {
		bq.AddShould(bleve.NewMatchAllQuery())
	}
	req := bleve.NewSearchRequestOptions(bq, k, 0, false)
	if fc != nil {
		ctx = fc.context(ctx)
	}
	return ix.bi.search(ctx, req)
}

// loadFields reads the stored fields ranking and snippets need into hits,
// in one request for all of them.
func (ix *Index) loadFields(ctx context.Context, hits search.DocumentMatchCollection) error {
	if len(hits) == 0 {
		return nil
	}
	ids := make([]string, len(hits))
	for i, h := range hits {
		ids[i] = h.ID
	}
	req := bleve.NewSearchRequestOptions(bleve.NewDocIDQuery(ids), len(ids), 0, false)
	req.Fields = []string{fStored}
	r, err := ix.bi.search(ctx, req)
	if err != nil {
		return err
	}
	byID := make(map[string]map[string]interface{}, len(r.Hits))
	for _, h := range r.Hits {
		byID[h.ID] = h.Fields
	}
	for _, h := range hits {
		h.Fields = byID[h.ID]
	}
	return nil
}

// mainQuery is the positive part: every word and phrase (or, relaxed, any
// word), plus the shingles of neighbouring words as optional clauses so
// that bleve's own ranking already favours sections where the words stand
// together. ok is false when the query has no words.
func mainQuery(p Parsed, relaxed bool) (query.Query, bool) {
	if !p.Positive() {
		return nil, false
	}
	var must, should []query.Query
	for _, t := range p.Terms {
		must = append(must, termQ(t))
	}
	for _, ph := range p.Phrases {
		must = append(must, phraseQ(ph))
	}
	for i := 1; i < len(p.Terms) && !weights.noShingleQuery; i++ {
		sq := bleve.NewTermQuery(p.Terms[i-1].Folded + " " + p.Terms[i].Folded)
		sq.SetField(fShingle)
		should = append(should, sq)
	}
	if relaxed {
		d := bleve.NewDisjunctionQuery(append(must, should...)...)
		return d, true
	}
	if len(should) == 0 && len(must) == 1 {
		return must[0], true
	}
	bq := bleve.NewBooleanQuery()
	bq.AddMust(must...)
	if len(should) > 0 {
		bq.AddShould(should...)
	}
	return bq, true
}

// namedDirective narrows q, a query for sections with some of the
// query's words, to those with a directive number the query names, when
// the library has that number: "Nghị định 04/2015/NĐ-CP còn hiệu lực
// không" is about that decree, and a section on "hiệu lực" of anything
// else does not answer it, however many of the other words it has. The
// number counts in the section or its document's title (the fields of
// fAll). q as it is when the query names no number the library has, or
// q is nil.
func (ix *Index) namedDirective(p Parsed, q query.Query) query.Query {
	if q == nil {
		return nil
	}
	var named []query.Query
	for _, t := range p.Terms {
		if t.Symbol && symbolKey(t.Text) != "" && ix.docFreq(fAll, t.Folded) > 0 {
			named = append(named, termQ(t))
		}
	}
	if len(named) == 0 {
		return q
	}
	bq := bleve.NewBooleanQuery()
	bq.AddMust(bleve.NewDisjunctionQuery(named...))
	bq.AddMust(q)
	return bq
}

// mostWordsQuery matches the sections that have most of the query's
// words, for the few-all-words widening, when that is cheap: bleve walks
// the postings of every word a query lists, and "any of cải cách hành
// chính năm" walks a fifth of a 100 MB library (100 ms). So, when the
// query's words together have at most weights.mostPostings postings,
// any word (as mainQuery relaxed); else, in a short query, its rarest
// word and all the others but one, as one conjunction per word left out,
// when the rarest word's postings times the conjunctions stay under the
// same bound; else nil, as when the query has fewer than three words
// (one of two is not most of them).
func (ix *Index) mostWordsQuery(p Parsed) query.Query {
	n := len(p.Terms)
	if n < 3 || weights.fewAll <= 0 {
		return nil
	}
	nw := n
	for _, ph := range p.Phrases {
		nw += len(ph.Words)
	}
	rarest, least, sum := 0, -1, 0
	for i, t := range p.Terms {
		df := ix.docFreq(fAll, t.Folded)
		sum += df
		if least < 0 || df < least {
			rarest, least = i, df
		}
	}
	limit := weights.mostPostings
	if limit <= 0 || sum <= limit {
		q, _ := mainQuery(p, true)
		return q
	}
	if nw > weights.shortLen || least*(n-1) > limit {
		return nil
	}
	var alts []query.Query
	for skip := range p.Terms {
		if skip == rarest {
			continue
		}
		c := bleve.NewConjunctionQuery()
		for i, t := range p.Terms {
			if i != skip {
				c.AddQuery(termQ(t))
			}
		}
		for _, ph := range p.Phrases {
			c.AddQuery(phraseQ(ph))
		}
		alts = append(alts, c)
	}
	bq := bleve.NewBooleanQuery()
	bq.AddMust(bleve.NewDisjunctionQuery(alts...))
	for i := 1; i < n && !weights.noShingleQuery; i++ {
		sq := bleve.NewTermQuery(p.Terms[i-1].Folded + " " + p.Terms[i].Folded)
		sq.SetField(fShingle)
		bq.AddShould(sq)
	}
	return bq
}

func termQ(t Term) query.Query {
	q := bleve.NewTermQuery(t.Folded)
	q.SetField(fAll)
	return q
}

// phraseQ matches the phrase's shingles: almost always the phrase itself;
// the ranker checks the words' order (and, exact, their accents).
func phraseQ(ph Phrase) query.Query {
	var qs []query.Query
	for i := 1; i < len(ph.Words); i++ {
		sq := bleve.NewTermQuery(ph.Words[i-1].Folded + " " + ph.Words[i].Folded)
		sq.SetField(fShingle)
		qs = append(qs, sq)
	}
	if len(qs) == 1 {
		return qs[0]
	}
	return bleve.NewConjunctionQuery(qs...)
}

// filterQueries turns loai:, nam:, van-ban: and the document narrowing
// into required clauses; values of one filter are alternatives.
func filterQueries(p Parsed, doc string) []query.Query {
	var out []query.Query
	any := func(field string, vals []string) {
		if len(vals) == 0 {
			return
		}
		var qs []query.Query
		for _, v := range vals {
			tq := bleve.NewTermQuery(v)
			tq.SetField(field)
			qs = append(qs, tq)
		}
		if len(qs) == 1 {
			out = append(out, qs[0])
		} else {
			out = append(out, bleve.NewDisjunctionQuery(qs...))
		}
	}
	any(fKind, p.Kinds)
	var years []string
	for _, y := range p.Years {
		years = append(years, strconv.Itoa(y))
	}
	any(fYear, years)
	for _, s := range p.Symbols {
		any(fRef, []string{s})
	}
	if doc != "" {
		any(fDoc, []string{doc})
	}
	return out
}

// candidate is a hit being ranked: its stored fields, analysed once.
type candidate struct {
	doc, section, title, kind string
	year                      int
	heading, text             string
	path                      []string
	titleToks, headToks, toks []token
	ancestors                 string  // the headings above the section, one a line (rank.go)
	ancToks                   []token // their tokens, shared by siblings
}

// candidate reads a hit's stored fields and analyses them; titles caches
// the tokens of document titles (read only, shared by the candidates).
func (ix *Index) candidate(h *search.DocumentMatch, titles map[string][]token) *candidate {
	doc, sec, ok := strings.Cut(h.ID, idSep)
	if !ok {
		return nil
	}
	c := &candidate{doc: doc, section: sec}
	if m := ix.docs[doc]; m != nil {
		c.title, c.kind, c.year = m.Title, m.Kind, m.Year
	}
	var heading, p, text string
	if packed, _ := h.Fields[fStored].(string); packed != "" {
		var err error
		if heading, p, text, err = unpackStored(packed); err != nil {
			return nil // a damaged value: the section is left out
		}
	}
	c.heading, c.text = heading, text
	if p != "" {
		c.path = strings.Split(p, pathSep)
	} else {
		c.path = []string{}
	}
	toks, ok := titles[doc]
	if !ok {
		toks = tokens(c.title)
		titles[doc] = toks
	}
	c.titleToks = toks
	c.headToks = tokens(c.heading)
	c.toks = tokens(c.text)
	c.ancestors, c.ancToks = ancestorsOf(c, titles)
	return c
}

// docFreq is the number of sections whose field has term; cached per
// live view.
func (ix *Index) docFreq(field, term string) int {
	key := field + "\x00" + term
	ix.dfMu.Lock()
	if n, ok := ix.dfCache[key]; ok {
		ix.dfMu.Unlock()
		return n
	}
	ix.dfMu.Unlock()
	n := ix.bi.docFreq(field, term)
	ix.dfMu.Lock()
	if ix.dfCache == nil || len(ix.dfCache) > 100000 {
		ix.dfCache = map[string]int{}
	}
	ix.dfCache[key] = n
	ix.dfMu.Unlock()
	return n
}
