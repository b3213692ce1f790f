package importer

import (
	"strings"
	"testing"
	"unicode"
)

// words is the comparison key of the round trips: the words of a text in
// order, with markdown and table syntax gone.
func words(s string) []string {
	s = strings.ReplaceAll(s, "<br>", " ")
	return strings.FieldsFunc(s, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r))
	})
}

func sameWords(t *testing.T, what, got, want string) {
	t.Helper()
	g, w := words(got), words(want)
	for i := 0; i < len(g) && i < len(w); i++ {
		if g[i] != w[i] {
			lo := max(0, i-8)
			t.Errorf("%s: word %d differs:\n got  %q\n want %q", what, i, g[lo:min(len(g), i+8)], w[lo:min(len(w), i+8)])
			return
		}
	}
	if len(g) != len(w) {
		t.Errorf("%s: %d words, want %d", what, len(g), len(w))
	}
}
