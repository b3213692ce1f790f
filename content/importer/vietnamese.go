package importer

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Detection of legacy encodings rests on one fact: decoded with the right
// table, Vietnamese text is made of valid syllables; decoded with a wrong
// one it is full of impossible letter clusters and stray symbols. The
// checker below is deliberately loose (it accepts a few non-words) because
// it only has to rank candidate decodings, not spell-check.

var initials = []string{"ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
	"b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x"}

var finals = []string{"ng", "nh", "ch", "c", "m", "n", "p", "t"}

var nuclei = map[string]bool{}

func init() {
	for _, v := range strings.Fields(`a ă â e ê i o ô ơ u ư y
		ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi oo ua uâ uê ui uô uơ uy ưa ưi ươ ưu yê
		iêu oai oay oao oeo uây uôi ươi ươu uya uyê uyu yêu`) {
		nuclei[v] = true
	}
}

// toneMarks are the five combining tone marks of Vietnamese.
func isTone(r rune) bool {
	switch r {
	case '\u0300', '\u0301', '\u0303', '\u0309', '\u0323':
		return true
	}
	return false
}

// validSyllable reports whether word (letters only, any case) could be a
// Vietnamese syllable: optional initial consonant, a known vowel cluster,
// optional final consonant, at most one tone mark.
func validSyllable(word string) bool {
	tones := 0
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.ToLower(word)) {
		switch {
		case isTone(r):
			tones++
		case r == '\u0302' || r == '\u0306' || r == '\u031b': // hat, breve, horn: kept
			b.WriteRune(r)
		case unicode.Is(unicode.Mn, r):
			return false
		default:
			b.WriteRune(r)
		}
	}
	if tones > 1 {
		return false
	}
	s := norm.NFC.String(b.String())
	for _, r := range s {
		if !strings.ContainsRune("aăâbcdđeêghiklmnoôơpqrstuưvxy", r) {
			return false
		}
	}
	return splitSyllable(s)
}

func splitSyllable(s string) bool {
	try := func(ini string) bool {
		rest := s[len(ini):]
		if nuclei[rest] {
			return true
		}
		for _, f := range finals {
			if strings.HasSuffix(rest, f) && nuclei[rest[:len(rest)-len(f)]] {
				return true
			}
		}
		return false
	}
	if try("") {
		return true
	}
	for _, ini := range initials {
		if strings.HasPrefix(s, ini) && try(ini) {
			return true
		}
	}
	// "gìn", "quý": gi/qu whose vowel is the i/u itself.
	if strings.HasPrefix(s, "gi") && try("g") {
		return true
	}
	return false
}

// score measures how Vietnamese a decoded text looks: good counts words with
// Vietnamese letters that are valid syllables, bad counts the others plus
// symbols a Vietnamese text would not contain.
type score struct{ good, bad int }

func (s score) net() int { return s.good - s.bad }

// ratio is the share of good among the scored tokens (1 when none).
func (s score) ratio() float64 {
	if s.good+s.bad == 0 {
		return 1
	}
	return float64(s.good) / float64(s.good+s.bad)
}

// allowedSymbols are non-ASCII non-letters ordinary in Vietnamese documents.
const allowedSymbols = "\u00a0“”‘’–—…•·°§±×÷¹²³⁰⁴⁵⁶⁷⁸⁹€«»©®™\ufeff"

func vietScore(text string) score {
	var sc score
	i := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) {
			j := i
			ascii := true
			for j < len(text) {
				r2, n2 := utf8.DecodeRuneInString(text[j:])
				if !(unicode.IsLetter(r2) || unicode.Is(unicode.Mn, r2)) {
					break
				}
				if r2 >= utf8.RuneSelf {
					ascii = false
				}
				j += n2
			}
			if !ascii {
				if validSyllable(text[i:j]) {
					sc.good++
				} else {
					sc.bad++
				}
			}
			i = j
			continue
		}
		if r >= utf8.RuneSelf && !unicode.IsSpace(r) && !strings.ContainsRune(allowedSymbols, r) {
			sc.bad++
		} else if r < 0x20 && r != '\n' && r != '\r' && r != '\t' && r != '\f' {
			sc.bad++
		}
		i += n
	}
	return sc
}

// readableWords counts the words of text made only of letters, and how
// many of them are Vietnamese syllables. Real Vietnamese prose has well
// over half of its words valid; the text layer a failed OCR left on a
// scan ("uv sA.N NUANoAN") has few.
func readableWords(text string) (valid, words int) {
	for w := range strings.FieldsSeq(text) {
		w = strings.Trim(w, ".,;:!?()“”\"'…-–")
		if w == "" || strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }) >= 0 {
			continue
		}
		words++
		if validSyllable(w) {
			valid++
		}
	}
	return valid, words
}
