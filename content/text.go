package content

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Fold maps Vietnamese text to its accent-free lowercase form: NFD, drop the
// combining marks (tones and vowel hats), đ→d (with the look-alikes Ð U+00D0
// and Ɖ U+0189). "Đảng" and "dang" fold alike, which is how people type
// without a Vietnamese keyboard.
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		b.WriteRune(foldRune(r))
	}
	return b.String()
}

func foldRune(r rune) rune {
	switch r {
	case 'đ', 'Đ', 'Ð', 'Ɖ', 'ɖ', 'ð':
		return 'd'
	}
	return unicode.ToLower(r)
}

// Slug turns text into a short ASCII identifier of at most maxWords words:
// "Điều 2" → "dieu-2", "II" → "ii".
func Slug(s string, maxWords int) string {
	words := strings.FieldsFunc(Fold(s), func(r rune) bool {
		return !(r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)))
	})
	if len(words) > maxWords {
		words = words[:maxWords]
	}
	return strings.Join(words, "-")
}

// Words splits text into its words (letters and digits), for word counts and
// the no-word-lost checks.
func Words(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r))
	})
}

// PlainText strips the markdown the parsers write (emphasis, headings,
// list and quote markers, table pipes, escapes) and leaves the words and
// punctuation of the source.
func PlainText(md string) string {
	lines := strings.Split(md, "\n")
	out := make([]string, 0, len(lines))
	for _, l := range lines {
		t := strings.TrimSpace(l)
		if t == "---" || t == "***" || isTableRule(t) {
			continue
		}
		t = strings.TrimLeft(t, "#>")
		t = strings.TrimSpace(t)
		if strings.HasPrefix(t, "- ") || strings.HasPrefix(t, "* ") || strings.HasPrefix(t, "+ ") {
			t = t[2:]
		}
		t = strings.Trim(t, "|")
		t = strings.ReplaceAll(t, " | ", " ")
		out = append(out, t)
	}
	s := strings.Join(out, "\n")
	s = strings.NewReplacer("**", "", "__", "", "\\*", "*", "\\_", "_", "\\#", "#", "\\[", "[", "\\]", "]", "\\|", "|", "\\\\", "\\", "<br>", " ").Replace(s)
	s = stripSingleEmphasis(s)
	return strings.TrimSpace(collapseBlankLines(s))
}

// stripSingleEmphasis drops *x* and _x_ markers that open or close a word.
func stripSingleEmphasis(s string) string {
	rs := []rune(s)
	var b strings.Builder
	for i, r := range rs {
		if r == '*' || r == '_' {
			prevWord := i > 0 && isWordRune(rs[i-1])
			nextWord := i+1 < len(rs) && isWordRune(rs[i+1])
			if prevWord != nextWord { // at a word edge: a marker, not a literal
				continue
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func isTableRule(t string) bool {
	if !strings.HasPrefix(t, "|") {
		return false
	}
	return strings.Trim(t, "|-: ") == ""
}

func collapseBlankLines(s string) string {
	for strings.Contains(s, "\n\n\n") {
		s = strings.ReplaceAll(s, "\n\n\n", "\n\n")
	}
	return s
}
