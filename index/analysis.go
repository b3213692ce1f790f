package index

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
	"golang.org/x/text/unicode/norm"
)

// Names of the analysis components, registered with bleve's registry in
// init so that any binary that opens a chibo index can analyse it.
const (
	TokenizerName   = "chibo_vi"      // words, with directive symbols and dates kept whole
	FoldFilterName  = "chibo_fold"    // lowercase, tones and hats removed, đ→d
	ExactFilterName = "chibo_exact"   // lowercase, accents kept, tone placement canonical
	ShingleName     = "chibo_shingle" // folded two-syllable shingles only

	AnalyzerFolded  = "chibo_folded"
	AnalyzerExact   = "chibo_exact"
	AnalyzerShingle = "chibo_shingles"
)

func init() {
	must := func(err error) {
		if err != nil {
			panic(err)
		}
	}
	must(registry.RegisterTokenizer(TokenizerName, func(map[string]interface{}, *registry.Cache) (analysis.Tokenizer, error) {
		return tokenizer{}, nil
	}))
	must(registry.RegisterTokenFilter(FoldFilterName, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return foldFilter{}, nil
	}))
	must(registry.RegisterTokenFilter(ExactFilterName, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return exactFilter{}, nil
	}))
	must(registry.RegisterTokenFilter(ShingleName, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return shingleFilter{}, nil
	}))
	analyzer := func(name string, filters ...string) {
		must(registry.RegisterAnalyzer(name, func(_ map[string]interface{}, cache *registry.Cache) (analysis.Analyzer, error) {
			tok, err := cache.TokenizerNamed(TokenizerName)
			if err != nil {
				return nil, err
			}
			a := &analysis.DefaultAnalyzer{Tokenizer: tok}
			for _, f := range filters {
				tf, err := cache.TokenFilterNamed(f)
				if err != nil {
					return nil, err
				}
				a.TokenFilters = append(a.TokenFilters, tf)
			}
			return a, nil
		}))
	}
	analyzer(AnalyzerFolded, FoldFilterName)
	analyzer(AnalyzerExact, ExactFilterName)
	analyzer(AnalyzerShingle, FoldFilterName, ShingleName)
}

// tokenizer splits text into Unicode words (letters, digits and the marks
// attached to them) but keeps directive symbols and dates whole:
// "21-NQ/TW", "1399/QĐ-TTg", "59/2019/NĐ-CP", "01/12/2023". A symbol is
// words joined by "/" or "-" with no space, containing a "/" or a digit;
// after it the tokenizer also emits its parts at the same position, so
// "2023" finds "01/12/2023". Other hyphenated words are split.
//
// Positions skip one after sentence punctuation (. ; : ! ? and line
// breaks), so the shingle filter never joins words across sentences.
type tokenizer struct{}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	if r < runeClassEnd {
		return runeClasses()[r]&classWord != 0
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)
}

// isMark says whether r is a combining mark (Mn or Mc).
func isMark(r rune) bool {
	if r < runeClassEnd {
		return runeClasses()[r]&classMark != 0
	}
	return unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)
}

// runeClasses caches isWordRune and isMark for the runes below
// runeClassEnd (every Vietnamese letter, precomposed or not): the
// tokenizer asks them of every rune, and unicode's range tables answer
// by binary search. TestRuneClasses checks every entry against unicode.
const runeClassEnd = 0x1F00

const (
	classWord = 1 << iota // letter, digit or combining mark
	classMark             // combining mark (Mn, Mc)
)

var runeClasses = sync.OnceValue(func() []uint8 {
	tab := make([]uint8, runeClassEnd)
	for r := rune(0); r < runeClassEnd; r++ {
		mark := unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)
		if mark {
			tab[r] |= classMark
		}
		if mark || unicode.IsLetter(r) || unicode.IsDigit(r) {
			tab[r] |= classWord
		}
	}
	return tab
})

// blankLineAt says whether only spaces stand between i and the next line
// break: a line break ends a sentence only before a blank line, so words
// of a hard-wrapped paragraph still pair up.
func blankLineAt(b []byte, i int) bool {
	for ; i < len(b); i++ {
		switch b[i] {
		case ' ', '\t', '\r':
		case '\n':
			return true
		default:
			return false
		}
	}
	return true
}

func isBreakRune(r rune) bool {
	switch r {
	case '.', ';', ':', '!', '?', '\n', '…':
		return true
	}
	return false
}

type span struct{ start, end int }

// Token types the tokenizer sets: a symbol's parts follow it at its
// position, so queries and shingles can skip them.
const (
	typeWord   = analysis.AlphaNumeric
	typeSymbol = analysis.DateTime
	typePart   = analysis.Numeric
)

func (tokenizer) Tokenize(input []byte) analysis.TokenStream {
	var out analysis.TokenStream
	var slab []analysis.Token
	scan(input, func(start, end, pos int, typ analysis.TokenType) {
		if len(slab) == 0 {
			slab = make([]analysis.Token, 64)
		}
		t := &slab[0]
		slab = slab[1:]
		*t = analysis.Token{Term: input[start:end], Start: start, End: end, Position: pos, Type: typ}
		out = append(out, t)
	})
	return out
}

// scan is the tokenizer's loop; it calls emit for each token, so the
// one-pass build analysis (analyseText) and the registered tokenizer share
// every rule.
func scan(input []byte, emit func(start, end, pos int, typ analysis.TokenType)) {
	pos := 0
	brk := false
	var partsBuf [8]span
	i := 0
	for i < len(input) {
		r, w := rune(input[i]), 1
		if r >= utf8.RuneSelf {
			r, w = utf8.DecodeRune(input[i:])
		}
		if !isWordRune(r) || r >= utf8.RuneSelf && isMark(r) {
			// A mark with no letter before it starts no word.
			if isBreakRune(r) && (r != '\n' || blankLineAt(input, i+1)) {
				brk = true
			}
			i += w
			continue
		}
		// A run of words joined by single '/' or '-'.
		parts := partsBuf[:0]
		start := i
		for {
			j := i
			for j < len(input) {
				r2, w2 := rune(input[j]), 1
				if r2 >= utf8.RuneSelf {
					r2, w2 = utf8.DecodeRune(input[j:])
				}
				if !isWordRune(r2) {
					break
				}
				j += w2
			}
			parts = append(parts, span{i, j})
			if j+1 < len(input) && (input[j] == '/' || input[j] == '-') {
				r3, _ := utf8.DecodeRune(input[j+1:])
				if isWordRune(r3) && !isMark(r3) {
					i = j + 1
					continue
				}
			}
			i = j
			break
		}
		if brk {
			pos++
			brk = false
		}
		if len(parts) > 1 && isSymbol(input[start:i]) {
			pos++
			emit(start, i, pos, typeSymbol)
			for _, p := range parts {
				emit(p.start, p.end, pos, typePart)
			}
			continue
		}
		for _, p := range parts {
			pos++
			emit(p.start, p.end, pos, typeWord)
		}
	}
}

// isSymbol says whether a run of words joined by '/' or '-' is a directive
// symbol or a date rather than hyphenated words.
func isSymbol(b []byte) bool {
	for _, c := range b {
		if c == '/' || c >= '0' && c <= '9' {
			return true
		}
	}
	return false
}

// foldFilter folds each term: NFD, tone and vowel marks dropped, đ (and its
// look-alikes) → d, lowercase. Only terms change, never offsets, so
// highlighting points at the document's own accented words.
type foldFilter struct{}

func (foldFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	for _, t := range in {
		t.Term = foldBytes(t.Term)
	}
	return in
}

// Fold folds a word the way the index does; "Đảng", "dang" and "ĐẢNG"
// all give "dang".
func Fold(s string) string { return string(foldBytes([]byte(s))) }

func foldBytes(b []byte) []byte {
	ascii := true
	for _, c := range b {
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		for i, c := range b {
			if c >= 'A' && c <= 'Z' {
				out := append([]byte(nil), b...)
				for j := i; j < len(out); j++ {
					if out[j] >= 'A' && out[j] <= 'Z' {
						out[j] += 'a' - 'A'
					}
				}
				return out
			}
		}
		return b
	}
	return foldAppend(make([]byte, 0, len(b)), b)
}

// foldAppend appends the folded form of b to dst (foldBytes without an
// allocation of its own, for the build's analysis of every word).
func foldAppend(out, b []byte) []byte {
	letterTab := letterTab()
	for len(b) > 0 {
		r, w := rune(b[0]), 1
		if r >= utf8.RuneSelf {
			r, w = utf8.DecodeRune(b)
		}
		b = b[w:]
		switch {
		case r < utf8.RuneSelf:
			if r >= 'A' && r <= 'Z' {
				r += 'a' - 'A'
			}
			out = append(out, byte(r))
			continue
		case r < rune(len(letterTab)):
			if e := letterTab[r]; e.fold != 0 {
				r = e.fold
			} else if unicode.Is(unicode.Mn, r) {
				continue
			} else {
				r = unicode.ToLower(r)
			}
		case unicode.Is(unicode.Mn, r):
			continue
		default:
			r = unicode.ToLower(r)
		}
		out = utf8.AppendRune(out, r)
	}
	return out
}

// letterInfo is how one precomposed Latin letter folds: fold is the bare
// lowercase letter, base keeps the vowel hats but not the tone, tone is
// the tone mark (0 when none).
type letterInfo struct{ fold, base, tone rune }

// letterTab covers Latin-1 to Latin Extended Additional (where every
// precomposed Vietnamese letter lives), so folding NFC text needs no
// normalisation pass. Built at first use, not at init: commands that
// analyse no text (list, show) do not pay for it.
var letterTab = sync.OnceValue(func() []letterInfo {
	tab := make([]letterInfo, 0x1F00)
	for r := rune(0x80); r < 0x1F00; r++ {
		if !unicode.IsLetter(r) {
			continue
		}
		d := []rune(norm.NFD.String(string(r)))
		e := letterInfo{fold: unicode.ToLower(d[0])}
		base := []rune{d[0]}
		for _, m := range d[1:] {
			if isTone(m) {
				e.tone = m
			} else {
				base = append(base, m)
			}
		}
		if b := []rune(norm.NFC.String(string(base))); len(b) == 1 {
			e.base = unicode.ToLower(b[0])
		} else {
			e.base = unicode.ToLower(r)
			e.tone = 0
		}
		tab[r] = e
	}
	for _, r := range []rune{'đ', 'Đ', 'Ð', 'Ɖ', 'ɖ'} {
		tab[r] = letterInfo{fold: 'd', base: 'đ'}
	}
	return tab
})

// exactFilter lowercases and keeps diacritics but writes the tone mark in
// one canonical place (after the syllable), so the old and new tone
// placements — hoá/hóa, khoẻ/khỏe, thuỷ/thủy — are the same term. The look-
// alikes Ð (U+00D0) and Ɖ (U+0189) become đ.
type exactFilter struct{}

func (exactFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	for _, t := range in {
		t.Term = exactBytes(t.Term)
	}
	return in
}

// Exact gives a word's exact-accent term; see exactFilter.
func Exact(s string) string { return string(exactBytes([]byte(s))) }

func isTone(r rune) bool {
	switch r {
	case '\u0300', '\u0301', '\u0303', '\u0309', '\u0323':
		return true
	}
	return false
}

func exactBytes(b []byte) []byte {
	ascii := true
	for _, c := range b {
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return foldBytes(b)
	}
	letterTab := letterTab()
	out := make([]byte, 0, len(b)+2)
	var tone rune
	for i := 0; i < len(b); {
		r, w := utf8.DecodeRune(b[i:])
		i += w
		switch {
		case r < utf8.RuneSelf:
			if r >= 'A' && r <= 'Z' {
				r += 'a' - 'A'
			}
		case unicode.Is(unicode.Mn, r):
			return exactSlow(b) // decomposed input
		case r < rune(len(letterTab)) && letterTab[r].base != 0:
			e := letterTab[r]
			if e.tone != 0 {
				tone = e.tone
			}
			r = e.base
		default:
			r = unicode.ToLower(r)
		}
		out = utf8.AppendRune(out, r)
	}
	if tone != 0 {
		out = utf8.AppendRune(out, tone)
	}
	return out
}

// exactSlow is exactBytes for text with combining marks (NFD input).
func exactSlow(b []byte) []byte {
	base := make([]byte, 0, len(b)+2)
	var tone rune
	var it norm.Iter
	it.Init(norm.NFD, b)
	for !it.Done() {
		seg := it.Next()
		for len(seg) > 0 {
			r, w := utf8.DecodeRune(seg)
			seg = seg[w:]
			if isTone(r) {
				tone = r
				continue
			}
			switch r {
			case 'Đ', 'Ð', 'Ɖ', 'ɖ':
				r = 'đ'
			default:
				r = unicode.ToLower(r)
			}
			base = utf8.AppendRune(base, r)
		}
	}
	out := norm.NFC.Bytes(base)
	if tone != 0 {
		out = utf8.AppendRune(out, tone)
	}
	return out
}

// shingleFilter replaces a folded token stream by its two-word shingles
// ("nong thon", "thon moi"), joining only neighbours in the same sentence
// (positions one apart) and skipping the parts of a symbol, which share the
// symbol's position.
type shingleFilter struct{}

func (shingleFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	out := make(analysis.TokenStream, 0, len(in))
	var prev *analysis.Token
	for _, t := range in {
		if prev != nil && t.Position == prev.Position {
			continue // a symbol's part
		}
		if prev != nil && t.Position == prev.Position+1 {
			term := make([]byte, 0, len(prev.Term)+1+len(t.Term))
			term = append(append(append(term, prev.Term...), ' '), t.Term...)
			out = append(out, &analysis.Token{Term: term, Start: prev.Start, End: t.End, Position: prev.Position, Type: analysis.Shingle})
		}
		prev = t
	}
	return out
}

// token is one word of a text with its folded and exact forms, as the
// ranking and snippet code sees it.
type token struct {
	folded string
	start  int
	end    int
	pos    int
	part   bool // part of a symbol, at the symbol's position
}

// tokens analyses s once into folded forms with offsets.
func tokens(s string) []token {
	b := []byte(s)
	out := make([]token, 0, len(b)/5+1)
	scan(b, func(start, end, pos int, typ analysis.TokenType) {
		out = append(out, token{folded: string(foldBytes(b[start:end])), start: start, end: end, pos: pos, part: typ == typePart})
	})
	return out
}

// exactOf returns the exact term of a token of s (computed lazily: most
// ranking needs only folded forms).
func exactOf(s string, t token) string { return Exact(s[t.start:t.end]) }

// hasAccent says whether the user typed any diacritic (or đ) in s.
func hasAccent(s string) bool {
	for _, r := range s {
		if r >= 0x80 && unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) {
			return true
		}
	}
	return false
}

// normSpace collapses white space.
func normSpace(s string) string { return strings.Join(strings.Fields(s), " ") }
