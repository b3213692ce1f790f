package index

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"chibo/content"

	"golang.org/x/text/unicode/norm"
)

// Parsed is a query as chibo understands it. The language is small and
// forgiving: words (all must match), "quoted phrases", -word and -"phrase"
// to exclude, and the filters loai: (kind), nam: (year) and van-ban: (a
// directive symbol). Any input parses: an unclosed quote runs to the end,
// stray + - : and unknown filters are read as words, so a typo never turns
// into an empty search. The one exception is a year filter whose value is
// not a year (nam:abc, nam:99999999999999999999): searching it as the word
// "năm" answered thousands of unrelated sections, so it is recorded in Err
// and Search refuses the query.
type Parsed struct {
	Terms          []Term   `json:"terms,omitempty"`
	Phrases        []Phrase `json:"phrases,omitempty"`
	Exclude        []Term   `json:"exclude,omitempty"`
	ExcludePhrases []Phrase `json:"exclude_phrases,omitempty"`
	Kinds          []string `json:"kinds,omitempty"`   // content.Kind values
	Years          []int    `json:"years,omitempty"`   // from nam:
	Symbols        []string `json:"symbols,omitempty"` // folded symbols from van-ban:
	// Err is the first filter whose value could not be read (a
	// *QueryError), nil when every filter is valid.
	Err error `json:"-"`
}

// QueryError is a filter whose value chibo cannot read: so far a year
// (nam:abc). Search returns it; the interfaces say it in words.
type QueryError struct {
	Filter string // the filter as typed, without the colon: "nam", "year"
	Value  string // its value as typed
}

func (e *QueryError) Error() string {
	return "index: invalid year in " + e.Filter + ":" + e.Value
}

// Term is one word of the query: as typed (NFC), folded and exact.
type Term struct {
	Text   string `json:"text"`
	Folded string `json:"folded"`
	Exact  string `json:"exact"`
	Accent bool   `json:"accent,omitempty"` // typed with diacritics: rank exact matches higher
	Symbol bool   `json:"symbol,omitempty"` // a directive symbol or date kept whole
	Count  int    `json:"-"`                // times typed: a word repeated in a long question matters more
	Pos    int    `json:"-"`                // index of its first occurrence among the query's words
}

// Phrase is a quoted run of words that must appear together in order.
type Phrase struct {
	Text  string `json:"text"`
	Words []Term `json:"words"`
}

// Empty says the query has nothing to search for and no filter.
func (p Parsed) Empty() bool {
	return len(p.Terms) == 0 && len(p.Phrases) == 0 && !p.HasFilter()
}

// HasFilter says whether the query narrows by kind, year or symbol.
func (p Parsed) HasFilter() bool {
	return len(p.Kinds) > 0 || len(p.Years) > 0 || len(p.Symbols) > 0
}

// Positive says whether the query has words or phrases to rank by.
func (p Parsed) Positive() bool { return len(p.Terms) > 0 || len(p.Phrases) > 0 }

// kindAliases maps the folded, de-hyphenated ways people write a kind to
// its code.
var kindAliases = map[string]content.Kind{
	"tailieu": content.KindBulletin, "tailieusinhhoat": content.KindBulletin, "bantin": content.KindBulletin,
	"nghiquyet": content.KindResolution, "nq": content.KindResolution,
	"baocao": content.KindReport, "bc": content.KindReport,
	"phuluc": content.KindAppendix, "pl": content.KindAppendix,
	"quyetdinh": content.KindDecision, "qd": content.KindDecision, "chithi": content.KindDecision, "quydinh": content.KindDecision,
	"huongdan": content.KindGuidance, "hd": content.KindGuidance,
	"kehoach": content.KindPlan, "kh": content.KindPlan, "chuongtrinh": content.KindPlan,
	"phapluat": content.KindLaw, "luat": content.KindLaw, "nghidinh": content.KindLaw, "thongtu": content.KindLaw,
	"congvan": content.KindLetter, "cv": content.KindLetter, "thongbao": content.KindLetter,
	"khac": content.KindOther,
}

// ParseQuery reads the query language; it never fails.
func ParseQuery(s string) Parsed {
	s = norm.NFC.String(s)
	var p Parsed
	i := 0
	for i < len(s) {
		r, w := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) || r == '+' {
			i += w
			continue
		}
		neg := false
		if r == '-' {
			if i+1 >= len(s) {
				break
			}
			r2, _ := utf8.DecodeRuneInString(s[i+1:])
			if r2 == '-' { // "--word": a stray dash run, not an exclusion
				for i < len(s) && s[i] == '-' {
					i++
				}
				continue
			}
			if unicode.IsSpace(r2) {
				i++
				continue
			}
			neg = true
			i++
		}
		if i < len(s) && s[i] == '"' {
			end := strings.IndexByte(s[i+1:], '"')
			var body string
			if end < 0 {
				body, i = s[i+1:], len(s)
			} else {
				body, i = s[i+1:i+1+end], i+1+end+1
			}
			p.addPhrase(body, neg)
			continue
		}
		// A bare item runs to the next space; a quote inside a filter
		// value ("loai:"nghị quyết"") extends it to the closing quote.
		j := i
		for j < len(s) {
			r, w := utf8.DecodeRuneInString(s[j:])
			if unicode.IsSpace(r) {
				break
			}
			if r == '"' {
				if j > i && s[j-1] == ':' {
					end := strings.IndexByte(s[j+1:], '"')
					if end < 0 {
						j = len(s)
					} else {
						j += 1 + end + 1
					}
					continue
				}
				break
			}
			j += w
		}
		item := s[i:j]
		i = j
		if !neg && p.addFilter(item) {
			continue
		}
		p.addWords(item, neg)
	}
	return p
}

// addFilter handles key:value; it returns false when item is not a filter
// it understands, so the caller searches it as words.
func (p *Parsed) addFilter(item string) bool {
	k, v, ok := strings.Cut(item, ":")
	if !ok {
		return false
	}
	v = strings.Trim(v, `"`)
	key := strings.ReplaceAll(Fold(k), "-", "")
	switch key {
	case "loai", "kind":
		if v == "" {
			return true // "loai:" alone: nothing to narrow by
		}
		kind, ok := kindAliases[strings.NewReplacer("-", "", " ", "", "_", "").Replace(Fold(v))]
		if !ok {
			for _, kk := range content.Kinds {
				if string(kk) == v {
					kind, ok = kk, true
				}
			}
		}
		if !ok {
			return false
		}
		p.Kinds = appendUniq(p.Kinds, string(kind))
		return true
	case "nam", "year":
		if v == "" {
			return true
		}
		years, ok := parseYears(v)
		if !ok {
			if p.Err == nil {
				p.Err = &QueryError{Filter: k, Value: v}
			}
			return true
		}
		for _, y := range years {
			if !containsInt(p.Years, y) {
				p.Years = append(p.Years, y)
			}
		}
		return true
	case "vanban", "symbol", "ref":
		if v == "" {
			return true
		}
		if sym := symbolKey(strings.TrimRight(v, ".,;)")); sym != "" {
			p.Symbols = appendUniq(p.Symbols, sym)
		}
		return true
	}
	return false
}

// parseYears reads "2023", "2022,2023" or "2021-2023" (at most 50 years,
// each of four digits).
func parseYears(v string) ([]int, bool) {
	var out []int
	for _, part := range strings.Split(v, ",") {
		if part == "" {
			continue
		}
		a, b, rng := strings.Cut(part, "-")
		lo, err1 := strconv.Atoi(a)
		hi := lo
		var err2 error
		if rng {
			hi, err2 = strconv.Atoi(b)
		}
		if err1 != nil || err2 != nil || lo < 1000 || hi > 9999 || hi < lo || hi-lo > 50 {
			return nil, false
		}
		for y := lo; y <= hi; y++ {
			out = append(out, y)
		}
	}
	return out, len(out) > 0
}

func (p *Parsed) addWords(item string, neg bool) {
	for _, t := range queryTerms(item) {
		if neg {
			p.Exclude = appendTerm(p.Exclude, t)
		} else {
			p.Terms = appendTerm(p.Terms, t)
		}
	}
}

func (p *Parsed) addPhrase(body string, neg bool) {
	words := queryTerms(body)
	switch {
	case len(words) == 0:
		return
	case len(words) == 1: // a one-word phrase is a word
		if neg {
			p.Exclude = appendTerm(p.Exclude, words[0])
		} else {
			p.Terms = appendTerm(p.Terms, words[0])
		}
		return
	}
	ph := Phrase{Text: normSpace(body), Words: words}
	if neg {
		p.ExcludePhrases = append(p.ExcludePhrases, ph)
	} else {
		p.Phrases = append(p.Phrases, ph)
	}
}

// queryTerms analyses text the way the index does: words, symbols whole
// (their parts are not separate terms in a query).
func queryTerms(text string) []Term {
	var out []Term
	for _, t := range (tokenizer{}).Tokenize([]byte(text)) {
		if t.Type == typePart {
			continue
		}
		w := string(t.Term)
		out = append(out, Term{
			Text:   w,
			Folded: string(foldBytes(t.Term)),
			Exact:  Exact(w),
			Accent: hasAccent(w),
			Symbol: t.Type == typeSymbol,
		})
	}
	return out
}

func appendTerm(ts []Term, t Term) []Term {
	for i, x := range ts {
		if x.Exact == t.Exact {
			ts[i].Count++
			return ts
		}
	}
	t.Count = 1
	t.Pos = len(ts)
	return append(ts, t)
}

func appendUniq(ss []string, s string) []string {
	for _, x := range ss {
		if x == s {
			return ss
		}
	}
	return append(ss, s)
}

func containsInt(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
