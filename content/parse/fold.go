package parse

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"chibo/content/model"
)

// foldTableSize covers Latin, Vietnamese (Latin Extended Additional) and
// the general punctuation: nearly every rune of a Vietnamese document.
const foldTableSize = 0x2100

// foldTable[r] is model.Fold(string(r)); "\x00" marks a rune fold leaves to
// model.Fold (a combining mark, whose folding depends on its neighbours).
// Built at first use (it folds 8,000 runes through NFD), not at init.
var foldTable = sync.OnceValue(func() *[foldTableSize]string {
	var t [foldTableSize]string
	for r := rune(0x80); r < foldTableSize; r++ {
		if unicode.In(r, unicode.Mn, unicode.Mc, unicode.Me) || !utf8.ValidRune(r) {
			t[r] = "\x00"
			continue
		}
		t[r] = model.Fold(string(r))
	}
	return &t
})

// fold is model.Fold — accent-free lower case, đ→d — computed rune by rune
// from a table instead of through NFD: the recogniser folds every heading
// and contents line, and NFD was a fifth of its time. Text with a rune
// outside the table or a combining mark goes to model.Fold, so the result
// is always the same.
func fold(s string) string {
	tab := foldTable()
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			b.WriteByte(byte(r))
			continue
		}
		if r >= foldTableSize || tab[r] == "\x00" {
			return model.Fold(s)
		}
		b.WriteString(tab[r])
	}
	return b.String()
}

// slug is model.Slug through fold.
func slug(s string, maxWords int) string {
	words := strings.FieldsFunc(fold(s), func(r rune) bool {
		return !(r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)))
	})
	if len(words) > maxWords {
		words = words[:maxWords]
	}
	return strings.Join(words, "-")
}
