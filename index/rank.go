package index

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Ranking. bleve retrieves candidates (all words required, shingles of
// neighbouring words as optional clauses, its TF-IDF as a first order);
// chibo then re-ranks the best of them with its own BM25F:
//
//   - one BM25 saturation per query word over a weighted sum of its
//     frequencies in the title, heading and text, each normalised by that
//     field's length against the collection average (bleve's "bm25" mode
//     gets length normalisation wrong, so it is not used);
//   - the same for each pair of neighbouring query words, counted as a
//     two-syllable shingle: Vietnamese words are mostly two syllables, so
//     "nông thôn" as a unit is far more telling than "nông" and "thôn";
//   - when the user typed diacritics, an occurrence written with other
//     diacritics counts only partly, so "bảo" prefers "bảo" to "báo";
//   - quoted phrases must occur in order, else the hit is dropped;
//   - in a long question (more than 8 words) later words count less and
//     single letters (item labels of a multiple-choice question) are
//     dropped: kept only because the ALQAC floor (0.87) needs them — on
//     the dev halves they are worth ≤ 0.002;
//   - a short query (at most 8 words) weights title, heading and text
//     alike: the long-question weights put a bare heading that names the
//     query above the passage that treats it.
//   - when fewer than ten sections have every word, the best sections
//     with most of them are candidates too (search.go, mostWordsQuery):
//     "giường bệnh trên vạn dân" finds "33,3 giường bệnh/vạn dân"; a word
//     a section lacks simply adds nothing to its score.
//   - a short query gains a little (×1.1 at most) where a section's
//     heading or text opens with its words in order, after numbering and
//     labels ("Điều 21. Người chưa thành niên", "1. Đặt cọc là việc …"):
//     the article or clause that defines the term, not the ones that use it.
//
// The weights below were tuned on the development halves of the ALQAC
// legal retrieval set and of the in-domain judged set (testdata/judged),
// checking that accented and unaccented questions rank alike; each rule
// earns its place in TestAblation (-ablation), the test halves confirm.
var weights = rankWeights{
	k1:           0.6,
	bText:        0.5,
	bHead:        0.4,
	bTitle:       0.3,
	wText:        1.0,
	wHead:        12.0,
	wTitle:       6.0,
	shortLen:     8,
	wHeadShort:   1.0,
	wTitleShort:  1.0,
	wPair:        1.0,
	otherTone:    0.7,
	toneMiss:     0.5,
	headCov:      0.1,
	early:        1.0,
	letters:      true,
	ownNumber:    true,
	emptyText:    1,
	wPath:        1,
	emptyOver:    1,
	parentCov:    true,
	lead:         0.1,
	labels:       true,
	leadText:     false,
	titleOnly:    0.2,
	fewAll:       10,
	mostPostings: 20000,
	partial:      0,
}

type rankWeights struct {
	k1                      float64 // BM25 term-frequency saturation
	bText, bHead, bTitle    float64 // length normalisation per field
	wText, wHead, wTitle    float64 // field weights
	shortLen                int     // a query of at most this many words is short
	wHeadShort, wTitleShort float64 // field weights for a short query
	wPair                   float64 // weight of neighbouring-word shingles
	headCov                 float64 // bonus for the share of the heading's words the query has
	otherTone               float64 // an occurrence with other diacritics than typed
	toneMiss                float64 // a short query typed with diacritics: score factor of a section where a word so typed occurs only with other diacritics ("môi", "mọi" for "mới"); 1: off
	early                   float64 // in a long question, how much less a later word counts
	letters                 bool    // drop single letters ("a", "b" item labels) from long questions
	noShingleQuery          bool    // ablation: no shingle clauses in bleve's candidate query either
	ownNumber               bool    // a typed directive number puts the document whose own number it is first
	emptyText               float64 // candidate rule, off (1): score factor of a section with no text of its own; did not earn its place on dev (TestAblation)
	wPath                   float64 // field weight of the ancestors' headings ("Chương II", "Điều 5. Khen thưởng"); 0: not a field
	wFull                   float64 // candidate rule: weight of the whole short query (3 words or more) found as a run; 0: off
	parentCov               bool    // heading coverage also from the parent's heading (the larger counts)
	emptyOver               float64 // candidate rule: score factor of a section with no text of its own when one of its subsections is a candidate too; 1: off
	order                   float64 // candidate rule: earlier sections of one parent count up to this much more (document order); 0: off
	lead                    float64 // short query: bonus for the share of the query that opens the section's heading, as a run ("Điều 21. Người chưa thành niên"); 0: off
	leadFull                bool    // the lead bonus only when the whole query opens the heading
	labels                  bool    // the lead rule skips structural labels ("Điều", "Chương", "Mục" before a number)
	covLabels               bool    // candidate rule: heading coverage skips them too; false: off
	leadText                bool    // candidate rule: the lead rule also looks at the opening of the section's text (a clause whose heading is only "1.9.2. Kỹ thuật trình bày"); false since 1 December 2026: equal until then, then 0.003 below on the dev half of 254 ("quyen be mat": three articles whose texts open with the words before the one whose heading is them), equal on test and ALQAC
	prox                    float64 // candidate rule: short query, bonus for the query's words close together (words ÷ smallest window holding them); 0: off
	inherit                 float64 // candidate rule: a section gains this share of its parent's score when the parent is a candidate too; 0: off
	fromChild               float64 // candidate rule: a section with no text of its own scores at least this share of its best subsection; 0: off
	fewAll                  int     // when fewer sections than this have every word, the best with most of them are ranked with them (search.go); 0: only when none has
	covTone                 bool    // candidate rule, off: a heading word with other diacritics than typed counts otherTone in heading coverage; no change on dev (TestAblation)
	mostPostings            int     // the widening's cost bound, in postings walked (mostWordsQuery); 0: none
	partial                 float64 // candidate rule, off (0): a candidate that lacks query words scores × (share of the query's idf it has) ^ partial; did not earn its place on dev (TestAblation)
	titleOnly               float64 // a query of directive numbers only: score factor of a section that has none of them in its own heading, text or the headings above it (only its document's title does); 1: off
}

// nFields is the number of fields BM25F weighs: title, heading, text and
// the ancestors' headings.
const nFields = 4

// unit is a query word or a pair of neighbouring words.
type unit struct {
	folded string // "nong" or "nong thon"
	exact  string // the exact term of a word ("" for pairs)
	typed  string // the word as typed, for explanations ("" for pairs)
	accent bool   // typed with diacritics
	idf    float64
	qtf    float64 // query weight: later words of a long question count less
}

type ranker struct {
	ix      *Index
	p       Parsed
	exact   bool
	w       rankWeights
	words   []unit
	pairs   []unit
	wordOf  map[string]int // folded → index in words
	pairOf  map[string]int // "a b" → index in pairs
	relaxed bool           // the search fell back to "most words"
	full    []string       // the query's words in order, when the whole-run rule applies
	seq     []string       // the query's words in order, for the lead rule (short queries without phrases)
	fullIDF float64
}

func (ix *Index) newRanker(p Parsed, exact bool) *ranker {
	w := weights
	// A short query (what a secretary types) is after the passage that
	// treats it, not the bare heading that names it: the heading and
	// title weights above are for long questions.
	nw := len(p.Terms)
	for _, ph := range p.Phrases {
		nw += len(ph.Words)
	}
	if nw <= w.shortLen {
		w.wHead, w.wTitle = w.wHeadShort, w.wTitleShort
	} else {
		// In a long question some word is nearly always found only with
		// other diacritics in the right article: the tier made ALQAC dev
		// 0.871 → 0.788.
		w.toneMiss = 1
	}
	rk := &ranker{ix: ix, p: p, exact: exact, w: w, wordOf: map[string]int{}, pairOf: map[string]int{}}
	n := float64(ix.stats.sections)
	idf := func(field, term string) float64 {
		df := float64(ix.docFreq(field, term))
		return math.Log(1 + (n-df+0.5)/(df+0.5))
	}
	addWord := func(t Term) {
		if _, ok := rk.wordOf[t.Folded]; ok {
			return
		}
		if w.letters && len(p.Terms) > 8 && len(t.Folded) == 1 {
			return // "a", "b" … of a multiple-choice question: item labels, not words
		}
		rk.wordOf[t.Folded] = len(rk.words)
		qtf := 1.0
		if n := len(p.Terms); w.early > 0 && n > 8 {
			qtf /= 1 + w.early*float64(t.Pos)/float64(n)
		}
		rk.words = append(rk.words, unit{folded: t.Folded, exact: t.Exact, typed: t.Text, accent: t.Accent && !exact, idf: idf(fAll, t.Folded), qtf: qtf})
	}
	seenPair := map[string]bool{}
	addPairs := func(ts []Term) {
		for i := 1; i < len(ts); i++ {
			f := ts[i-1].Folded + " " + ts[i].Folded
			if seenPair[f] {
				continue
			}
			seenPair[f] = true
			rk.pairOf[f] = len(rk.pairs)
			rk.pairs = append(rk.pairs, unit{folded: f, idf: idf(fShingle, f)})
		}
	}
	for _, t := range p.Terms {
		addWord(t)
	}
	for _, ph := range p.Phrases {
		for _, t := range ph.Words {
			addWord(t)
		}
	}
	addPairs(p.Terms)
	for _, ph := range p.Phrases {
		addPairs(ph.Words)
	}
	if w.wFull > 0 && len(p.Phrases) == 0 && len(p.Terms) >= 3 && nw <= w.shortLen {
		rk.full = querySeq(p)
		for _, u := range rk.pairs {
			rk.fullIDF += u.idf
		}
	}
	if w.lead > 0 && len(p.Phrases) == 0 && len(p.Terms) >= 1 && nw <= w.shortLen {
		rk.seq = querySeq(p)
	}
	return rk
}

// querySeq is the query's words (folded) in the order typed, or nil when
// a word repeats (there is then no single run to look for).
func querySeq(p Parsed) []string {
	seq := make([]string, len(p.Terms))
	for _, t := range p.Terms {
		if t.Count > 1 || t.Pos >= len(p.Terms) || seq[t.Pos] != "" {
			return nil
		}
		seq[t.Pos] = t.Folded
	}
	return seq
}

// fieldStat accumulates the weighted, length-normalised frequency of each
// unit over a candidate's fields.
func (rk *ranker) score(c *candidate) (float64, bool) {
	return rk.scoreExplain(c, nil)
}

// scoreExplain scores c and, when ex is not nil, adds each rule's part of
// the score to it, by field: a unit's saturated score is shared among the
// fields in proportion to their weighted frequencies.
func (rk *ranker) scoreExplain(c *candidate, ex *Explanation) (float64, bool) {
	for _, ph := range rk.p.Phrases {
		if !rk.hasPhrase(c, ph) {
			return 0, false
		}
	}
	st := rk.ix.stats
	norm := func(length int, avg, b float64) float64 {
		if avg <= 0 {
			return 1
		}
		return (1 - b) + b*float64(length)/avg
	}
	type field struct {
		src  string
		toks []token
		w    float64
	}
	fields := [nFields]field{
		{c.title, c.titleToks, rk.w.wTitle / norm(len(c.title), st.titleLen, rk.w.bTitle)},
		{c.heading, c.headToks, rk.w.wHead / norm(len(c.heading), st.headLen, rk.w.bHead)},
		{c.text, c.toks, rk.w.wText / norm(len(c.text), st.text, rk.w.bText)},
		// The headings above the section (its path without itself): a
		// clause of "Điều 20. Khen thưởng" that says "được tặng …" is
		// about khen thưởng. Not length-normalised: a path's length says
		// how deep the section lies, not how much it is about.
		{c.ancestors, c.ancToks, rk.w.wPath},
	}
	wordTF := make([]float64, len(rk.words))
	pairTF := make([]float64, len(rk.pairs))
	var wordF, pairF [][nFields]float64    // per field, only when explaining
	var toneLost []int                     // occurrences with other diacritics, per word
	asTyped := make([]bool, len(rk.words)) // a word found with the diacritics typed
	if ex != nil {
		wordF, pairF, toneLost = make([][nFields]float64, len(rk.words)), make([][nFields]float64, len(rk.pairs)), make([]int, len(rk.words))
	}
	var buf []byte
	fullTF := 0.0
	for fi, f := range fields {
		if f.w == 0 {
			continue
		}
		var prev *token // the previous word (not a symbol's part)
		run := 0        // query words matched in order up to the previous word
		for i := range f.toks {
			t := &f.toks[i]
			if len(rk.full) > 0 && !t.part {
				if run > 0 && prev != nil && t.pos == prev.pos+1 && t.folded == rk.full[run] {
					run++
				} else if t.folded == rk.full[0] {
					run = 1
				} else {
					run = 0
				}
				if run == len(rk.full) {
					fullTF += f.w
					run = 0
				}
			}
			wi, ok := rk.wordOf[t.folded]
			if ok {
				u := rk.words[wi]
				v := 1.0
				if (rk.exact || u.accent) && exactOf(f.src, *t) != u.exact {
					v = rk.w.otherTone
					if rk.exact {
						v = 0
					}
					if ex != nil {
						toneLost[wi]++
					}
				} else {
					asTyped[wi] = true
				}
				wordTF[wi] += v * f.w
				if ex != nil {
					wordF[wi][fi] += v * f.w
				}
			}
			if t.part {
				continue
			}
			if ok && prev != nil && t.pos == prev.pos+1 && len(rk.pairs) > 0 {
				buf = append(append(append(buf[:0], prev.folded...), ' '), t.folded...)
				if pi, ok := rk.pairOf[string(buf)]; ok {
					pairTF[pi] += f.w
					if ex != nil {
						pairF[pi][fi] += f.w
					}
				}
			}
			prev = t
		}
	}
	if rk.exact && !rk.exactOK(c, wordTF) {
		return 0, false
	}
	s := 0.0
	k1 := rk.w.k1
	for i, u := range rk.words {
		tf := wordTF[i]
		v := u.qtf * u.idf * tf / (k1 + tf)
		s += v
		if ex != nil {
			note := ""
			if toneLost[i] > 0 {
				note = fmt.Sprintf("%d× %s, other diacritics than typed (×%.2f)", toneLost[i], u.exact, rk.w.otherTone)
			}
			ex.addFields(RuleWord, u.folded, v, tf, wordF[i], note)
		}
	}
	for i, u := range rk.pairs {
		tf := pairTF[i]
		v := rk.w.wPair * u.idf * tf / (k1 + tf)
		s += v
		if ex != nil {
			ex.addFields(RulePair, u.folded, v, tf, pairF[i], "")
		}
	}
	if fullTF > 0 {
		v := rk.w.wFull * rk.fullIDF * fullTF / (k1 + fullTF)
		s += v
		if ex != nil {
			ex.Parts = append(ex.Parts, ScorePart{Rule: RuleFull, Unit: strings.Join(rk.full, " "), Value: round3(v)})
		}
	}
	if rk.w.toneMiss != 1 && !rk.exact {
		// "mới" typed: a section with only "môi" or "mọi" comes after
		// those that have the word as typed, whatever their lengths.
		for i, u := range rk.words {
			if u.accent && wordTF[i] > 0 && !asTyped[i] {
				if ex != nil {
					ex.Parts = append(ex.Parts, ScorePart{Rule: RuleToneMiss, Unit: u.typed, Value: round3(s*rk.w.toneMiss - s),
						Note: fmt.Sprintf("%s only with other diacritics (×%.2f)", u.typed, rk.w.toneMiss)})
				}
				s *= rk.w.toneMiss
				break
			}
		}
	}
	if rk.w.partial > 0 {
		var have, all float64
		for i, u := range rk.words {
			all += u.qtf * u.idf
			if wordTF[i] > 0 {
				have += u.qtf * u.idf
			}
		}
		if all > 0 && have < all {
			f := math.Pow(have/all, rk.w.partial)
			if ex != nil {
				ex.Parts = append(ex.Parts, ScorePart{Rule: RuleMostWords, Value: round3(s*f - s),
					Note: fmt.Sprintf("has %.0f%% of the query's weight", 100*have/all)})
			}
			s *= f
		}
	}
	if rk.w.headCov > 0 {
		cov, field, whose := rk.coverage(c.heading, c.headToks), "heading", "the heading's"
		// A clause of an article whose heading is made of the query's
		// words is about it as well.
		if rk.w.parentCov && len(c.path) >= 2 {
			ph := c.path[len(c.path)-2]
			if pc := rk.coverage(ph, tokens(ph)); pc > cov {
				cov, field, whose = pc, "path", "the parent heading's"
			}
		}
		if ex != nil && cov > 0 {
			ex.Parts = append(ex.Parts, ScorePart{Rule: RuleHeadCov, Field: field, Value: round3(s * rk.w.headCov * cov),
				Note: fmt.Sprintf("%.0f%% of %s words are in the query", 100*cov, whose)})
		}
		s *= 1 + rk.w.headCov*cov
	}
	if len(rk.seq) > 0 {
		f, field := rk.leadShare(c.heading, c.headToks), "heading"
		if rk.w.leadText && len(c.toks) > 0 {
			if ft := rk.leadShare(c.text, c.toks); ft > f {
				f, field = ft, "text"
			}
		}
		if f > 0 && (!rk.w.leadFull || f == 1) {
			if ex != nil {
				ex.Parts = append(ex.Parts, ScorePart{Rule: RuleLead, Field: field, Value: round3(s * rk.w.lead * f),
					Note: fmt.Sprintf("%.0f%% of the query opens the %s", 100*f, field)})
			}
			s *= 1 + rk.w.lead*f
		}
	}
	if rk.w.prox > 0 && len(rk.seq) > 1 {
		best := 0.0
		for _, toks := range [][]token{c.headToks, c.toks} {
			best = max(best, rk.closeness(toks))
		}
		s *= 1 + rk.w.prox*best
	}
	if rk.w.emptyText != 1 && len(c.toks) == 0 { // an ablation candidate, off
		s *= rk.w.emptyText
	}
	return s, true
}

// exactOK applies --exact: every word (in a relaxed search, some word)
// must occur with the accents typed, and no excluded word or phrase may.
func (rk *ranker) exactOK(c *candidate, wordTF []float64) bool {
	found := 0
	for _, t := range rk.p.Terms {
		if wordTF[rk.wordOf[t.Folded]] > 0 {
			found++
		}
	}
	if found == 0 && len(rk.p.Terms) > 0 || !rk.relaxed && found < len(rk.p.Terms) {
		return false
	}
	for _, f := range []struct {
		src  string
		toks []token
	}{{c.text, c.toks}, {c.heading, c.headToks}, {c.title, c.titleToks}} {
		for _, t := range f.toks {
			for _, x := range rk.p.Exclude {
				if t.folded == x.Folded && exactOf(f.src, t) == x.Exact {
					return false
				}
			}
		}
		for _, ph := range rk.p.ExcludePhrases {
			if rk.phraseAt(f.src, f.toks, ph) >= 0 {
				return false
			}
		}
	}
	return true
}

// structural labels of a heading: "Điều 5", "Chương II", "Mục 3",
// "Tiểu mục 4", "Phần thứ nhất", "Khoản 2", "Điểm a".
var labelWords = map[string]bool{"dieu": true, "chuong": true, "muc": true, "tieu": true, "phan": true, "khoan": true, "diem": true}

// isNumbering says whether t (a token of src) is an item number ("1.",
// "3.5.2"), an item letter ("a)", "đ)") or a roman numeral written in
// capitals ("II").
func isNumbering(src string, t token) bool {
	if t.part || len(t.folded) == 1 || t.folded[0] >= '0' && t.folded[0] <= '9' || t.folded == "dd" && t.end-t.start <= 3 {
		return true
	}
	return strings.Trim(src[t.start:t.end], "IVXLC") == ""
}

// labelAt says whether toks[i] (of src) is a structural label word: one
// of labelWords followed (through other label words or "thứ") by a number.
func labelAt(src string, toks []token, i int) bool {
	for j := i; j < len(toks); j++ {
		f := toks[j].folded
		if j > i && (isNumbering(src, toks[j]) || f == "thu") {
			return true
		}
		if !labelWords[f] {
			return false
		}
	}
	return false
}

// leadShare is the share of the query's words that open the heading src,
// in order, after its numbering and labels ("Điều 21. Người chưa thành
// niên" opens with all of "người chưa thành niên"; "6. Về mô hình, sáng
// kiến…" with "mô hình sáng kiến" of "mô hình sáng kiến cải cách hành
// chính"); 0 when the heading opens with something else. A word typed
// with diacritics counts only as typed.
func (rk *ranker) leadShare(src string, toks []token) float64 {
	i := 0
	for i < len(toks) && (isNumbering(src, toks[i]) || rk.w.labels && labelAt(src, toks, i)) {
		i++
	}
	if i < len(toks) && toks[i].folded == "ve" && rk.seq[0] != "ve" {
		i++ // "Về kết nạp lại …": a heading's "about"
	}
	k, pos := 0, 0
	for j := i; j < len(toks) && k < len(rk.seq); j++ {
		t := toks[j]
		if t.part {
			continue
		}
		if t.folded != rk.seq[k] || k > 0 && t.pos != pos+k {
			break
		}
		if u := rk.words[rk.wordOf[t.folded]]; (rk.exact || u.accent) && exactOf(src, t) != u.exact {
			break // "Đảng …" does not open with "đang" as typed
		}
		if k == 0 {
			pos = t.pos
		}
		k++
	}
	return float64(k) / float64(len(rk.seq))
}

// closeness is the number of distinct query words divided by the span
// (in word positions) of the smallest window of toks holding them all: 1
// when they stand side by side; 0 when toks lack one.
func (rk *ranker) closeness(toks []token) float64 {
	n := len(rk.words)
	count := make([]int, n)
	have := 0
	best := 0
	type at struct{ w, pos int }
	var win []at
	for _, t := range toks {
		if t.part {
			continue
		}
		wi, ok := rk.wordOf[t.folded]
		if !ok {
			continue
		}
		win = append(win, at{wi, t.pos})
		if count[wi] == 0 {
			have++
		}
		count[wi]++
		for have == n {
			if span := win[len(win)-1].pos - win[0].pos + 1; best == 0 || span < best {
				best = span
			}
			count[win[0].w]--
			if count[win[0].w] == 0 {
				have--
			}
			win = win[1:]
		}
	}
	if best == 0 {
		return 0
	}
	return min(1, float64(n)/float64(best))
}

// coverage is the share of a heading's words that the query has: a
// heading made of the query's words names what the user is after. Item
// numbers ("1.", "a)") do not count.
func (rk *ranker) coverage(src string, toks []token) float64 {
	n, m := 0, 0.0
	for i, t := range toks {
		if t.part || len(t.folded) == 1 || t.folded[0] >= '0' && t.folded[0] <= '9' {
			continue
		}
		if rk.w.covLabels && labelAt(src, toks, i) {
			continue
		}
		n++
		if wi, ok := rk.wordOf[t.folded]; ok {
			u := rk.words[wi]
			if rk.w.covTone && (rk.exact || u.accent) && exactOf(src, t) != u.exact {
				m += rk.w.otherTone // "Mở đầu" is not about "mô hình"
			} else {
				m++
			}
		}
	}
	if n == 0 {
		return 0
	}
	return m / float64(n)
}

// hasPhrase checks that the phrase's words occur in order, next to each
// other, in the title, heading or text.
func (rk *ranker) hasPhrase(c *candidate, ph Phrase) bool {
	for _, f := range []struct {
		src  string
		toks []token
	}{{c.text, c.toks}, {c.heading, c.headToks}, {c.title, c.titleToks}} {
		if rk.phraseAt(f.src, f.toks, ph) >= 0 {
			return true
		}
	}
	return false
}

// phraseAt returns the index of the first token where ph starts, or -1.
func (rk *ranker) phraseAt(src string, toks []token, ph Phrase) int {
	for i := range toks {
		if rk.phraseLen(src, toks, i, ph) > 0 {
			return i
		}
	}
	return -1
}

// phraseLen returns how many tokens the phrase spans when it starts at
// toks[i], or 0 when it does not.
func (rk *ranker) phraseLen(src string, toks []token, i int, ph Phrase) int {
	if toks[i].part || toks[i].folded != ph.Words[0].Folded {
		return 0
	}
	n := len(ph.Words)
	j, k, pos := i, 0, toks[i].pos
	for k < n && j < len(toks) {
		t := toks[j]
		if t.part {
			j++
			continue
		}
		if t.pos != pos || t.folded != ph.Words[k].Folded || rk.exact && exactOf(src, t) != ph.Words[k].Exact {
			return 0
		}
		k++
		j++
		pos++
	}
	if k < n {
		return 0
	}
	return j - i
}

// snippetWords is the length of a snippet, in words.
const snippetWords = 28

// snippet picks the passage of the text with the most (and rarest) query
// words and marks them, with the accents the document uses.
func (rk *ranker) snippet(c *candidate) []Span {
	toks := c.toks
	if len(toks) == 0 {
		if c.text == "" {
			return nil
		}
		return []Span{{Text: oneLine(c.text)}}
	}
	// Words of the query are marked wherever they occur; words of a
	// phrase only where the whole phrase does.
	terms := make(map[string]string, len(rk.p.Terms))
	for _, t := range rk.p.Terms {
		terms[t.Folded] = t.Exact
	}
	match := make([]bool, len(toks))
	for i, t := range toks {
		ex, ok := terms[t.folded]
		if !ok || rk.exact && exactOf(c.text, t) != ex {
			continue
		}
		if t.part && i > 0 && match[i-1] {
			continue // the symbol itself is already marked
		}
		match[i] = true
	}
	for _, ph := range rk.p.Phrases {
		for i := range toks {
			n := rk.phraseLen(c.text, toks, i, ph)
			for j := i; j < i+n; j++ {
				match[j] = !toks[j].part
			}
		}
	}
	var hits []int
	for i, m := range match {
		if m {
			hits = append(hits, i)
		}
	}
	// Best window: the most distinct words (by idf), then the most hits.
	best, bestScore := 0, -1.0
	if len(hits) > 200 {
		hits = hits[:200]
	}
	for a, h := range hits {
		seen := map[int]bool{}
		sc := 0.0
		for _, j := range hits[a:] {
			if j >= h+snippetWords {
				break
			}
			wi := rk.wordOf[toks[j].folded]
			if !seen[wi] {
				seen[wi] = true
				sc += 1 + rk.words[wi].idf
			} else {
				sc += 0.1
			}
		}
		if sc > bestScore {
			best, bestScore = h, sc
		}
	}
	from := best - 4
	if from < 0 || len(hits) == 0 {
		from = 0
	}
	// Start at the sentence when it begins just before.
	for i := best; i > 0 && i > best-8; i-- {
		if toks[i].pos > toks[i-1].pos+1 {
			from = i
			break
		}
	}
	if len(hits) == 0 {
		from = 0
	}
	to := min(from+snippetWords, len(toks)) - 1
	var out []Span
	add := func(s string, m bool) {
		if s == "" {
			return
		}
		s = oneLine(s)
		if n := len(out); n > 0 && out[n-1].Match == m {
			out[n-1].Text += s
			return
		}
		out = append(out, Span{Text: s, Match: m})
	}
	if from > 0 {
		add("…", false)
	}
	at := toks[from].start
	for i := from; i <= to; i++ {
		t := toks[i]
		if !match[i] || t.start < at {
			continue
		}
		add(c.text[at:t.start], false)
		add(c.text[t.start:t.end], true)
		at = t.end
	}
	end := toks[to].end
	if at < end {
		add(c.text[at:end], false)
	}
	if to < len(toks)-1 {
		add(" …", false)
	} else if end < len(c.text) {
		add(strings.TrimRight(c.text[end:], " \n"), false)
	}
	return joinMatches(out)
}

// joinMatches makes "[nông] [thôn]" one marked run "[nông thôn]": marked
// words separated only by spaces read as one match.
func joinMatches(in []Span) []Span {
	out := in[:0]
	for i := 0; i < len(in); i++ {
		s := in[i]
		if n := len(out); n > 0 && out[n-1].Match && !s.Match && i+1 < len(in) && in[i+1].Match && strings.TrimSpace(s.Text) == "" {
			out[n-1].Text += s.Text + in[i+1].Text
			i++
			continue
		}
		out = append(out, s)
	}
	return out
}

// oneLine joins the lines of a snippet, keeping single spaces at its
// edges so pieces still join with a space.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\n\t\r") && !strings.Contains(s, "  ") {
		return s
	}
	var b strings.Builder
	space := false
	for _, r := range s {
		if r == '\n' || r == '\t' || r == '\r' || r == ' ' {
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// addFields adds a unit's score v, shared among the fields by their
// weighted frequencies tf.
func (ex *Explanation) addFields(rule, unit string, v, tf float64, by [nFields]float64, note string) {
	if v == 0 || tf == 0 {
		return
	}
	for i, name := range [nFields]string{"title", "heading", "text", "path"} {
		if by[i] == 0 {
			continue
		}
		ex.Parts = append(ex.Parts, ScorePart{Rule: rule, Unit: unit, Field: name, Value: round3(v * by[i] / tf), Note: note})
		note = ""
	}
}

func round3(x float64) float64 { return math.Round(x*1000) / 1000 }

// ancestorsOf is the headings above c (its path without its own heading),
// one a line, and their tokens; cache holds the tokens of paths already
// seen (siblings share them), keyed apart from the titles it also holds.
func ancestorsOf(c *candidate, cache map[string][]token) (string, []token) {
	if len(c.path) < 2 {
		return "", nil
	}
	a := strings.Join(c.path[:len(c.path)-1], "\n")
	key := "\x00" + c.doc + "\x00" + a
	toks, ok := cache[key]
	if !ok {
		toks = tokens(a)
		cache[key] = toks
	}
	return a, toks
}

// indexAncestors puts the headings above a section into its matching
// field (fAll, with their shingles), so a clause whose own words lack a
// query word its article's heading has ("xác minh" under "3.4. Thẩm tra
// lý lịch") is found at all; the ranker weighs them as the path field.
// A variable for TestAblation, which builds an index without it.
var indexAncestors = true

// ancestorHeadings is the headings of path above its last one, each
// followed by a line break; "" when indexAncestors is off.
func ancestorHeadings(path []string) string {
	if !indexAncestors || len(path) < 2 {
		return ""
	}
	var b strings.Builder
	for _, h := range path[:len(path)-1] {
		b.WriteString(nfc(h))
		b.WriteByte('\n')
	}
	return b.String()
}

// adjust applies the rules that look at the candidates together: a
// section with no text of its own yields to its subsections that match
// too (emptyOver), and, among the sections under one parent, earlier ones
// count slightly more (order).
func (rk *ranker) adjust(hits []scored) {
	if rk.w.inherit > 0 || rk.w.fromChild > 0 {
		key := func(doc string, path []string) string { return doc + "\x00" + strings.Join(path, "\x00") }
		orig := make(map[string]float64, len(hits))
		best := map[string]float64{} // a parent's best subsection
		for _, h := range hits {
			orig[key(h.c.doc, h.c.path)] = h.score
			if len(h.c.path) >= 2 {
				k := key(h.c.doc, h.c.path[:len(h.c.path)-1])
				best[k] = max(best[k], h.score)
			}
		}
		for i := range hits {
			c := hits[i].c
			if rk.w.inherit > 0 && len(c.path) >= 2 {
				hits[i].score += rk.w.inherit * orig[key(c.doc, c.path[:len(c.path)-1])]
			}
			if rk.w.fromChild > 0 && len(c.toks) == 0 {
				hits[i].score = max(hits[i].score, rk.w.fromChild*best[key(c.doc, c.path)])
			}
		}
	}
	if rk.w.emptyOver != 1 {
		for i := range hits {
			a := hits[i].c
			if len(a.toks) > 0 || len(a.path) == 0 {
				continue
			}
			for j := range hits {
				if j != i && isBelow(hits[j].c, a) {
					hits[i].score *= rk.w.emptyOver
					break
				}
			}
		}
	}
	if rk.w.titleOnly != 1 {
		// "01-KL/TW": every section of a document whose title cites it
		// matches through the title alone ("Diễn biến … APEC" of the
		// bulletin "Thực hiện Kết luận số 01-KL/TW"); the sections that
		// cite it themselves come first (the document whose own number
		// it is stays first: ownSections).
		for i := range hits {
			if rk.titleOnlyApplies(hits[i].c) {
				hits[i].score *= rk.w.titleOnly
			}
		}
	}
	if rk.w.order > 0 {
		for i := range hits {
			if k := ordinal(hits[i].c.section); k > 0 {
				hits[i].score *= 1 + rk.w.order/float64(k)
			}
		}
	}
}

// isBelow reports whether b lies under a in the same document.
func isBelow(b, a *candidate) bool {
	if b.doc != a.doc || len(b.path) <= len(a.path) {
		return false
	}
	for i := range a.path {
		if b.path[i] != a.path[i] {
			return false
		}
	}
	return true
}

// ordinal is a clause's place among its siblings as its ID numbers it:
// the last part's number ("dieu-601.2" → 2, "3.3-5.3-5-4" → 4) or item
// letter ("….b" → 2, Vietnamese order a b c d đ e g h i k); 0 when
// there is none.
func ordinal(id string) int {
	i := strings.LastIndexByte(id, '.')
	if i < 0 {
		return 0
	}
	last := id[i+1:]
	if j := strings.LastIndexByte(last, '-'); j >= 0 {
		last = last[j+1:]
	}
	if n, err := strconv.Atoi(last); err == nil && n > 0 {
		return n
	}
	if k := strings.Index("a b c d dd e g h i k l m n", last); k >= 0 && len(last) <= 2 && last != "" {
		return 1 + strings.Count("a b c d dd e g h i k l m n"[:k], " ")
	}
	return 0
}

// missing lists the query's words (as typed) that occur in none of c's
// title, ancestors' headings, heading and text (with --exact, not with
// the accents typed); nil when it has them all.
func (rk *ranker) missing(c *candidate) []string {
	var out []string
	for _, t := range rk.p.Terms {
		if !rk.hasWord(c, t) {
			out = append(out, t.Text)
		}
	}
	return out
}

// titleOnlyApplies says c is scored down by the title-only rule: the
// query is directive numbers only, and c's own heading, text and the
// headings above it have none of them.
func (rk *ranker) titleOnlyApplies(c *candidate) bool {
	return rk.w.titleOnly != 1 && rk.symbolsOnly() && !rk.symbolInSection(c)
}

// symbolsOnly says every word of the query is a directive number.
func (rk *ranker) symbolsOnly() bool {
	for _, t := range rk.p.Terms {
		if !t.Symbol {
			return false
		}
	}
	return len(rk.p.Terms) > 0
}

// symbolInSection says one of the query's words occurs in c's own
// heading, text or the headings above it (not only in the title).
func (rk *ranker) symbolInSection(c *candidate) bool {
	for _, toks := range [...][]token{c.toks, c.headToks, c.ancToks} {
		for _, k := range toks {
			for _, t := range rk.p.Terms {
				if k.folded == t.Folded {
					return true
				}
			}
		}
	}
	return false
}

func (rk *ranker) hasWord(c *candidate, t Term) bool {
	for _, f := range [...]struct {
		src  string
		toks []token
	}{{c.text, c.toks}, {c.heading, c.headToks}, {c.ancestors, c.ancToks}, {c.title, c.titleToks}} {
		for _, k := range f.toks {
			if k.folded == t.Folded && (!rk.exact || exactOf(f.src, k) == t.Exact) {
				return true
			}
		}
	}
	return false
}
