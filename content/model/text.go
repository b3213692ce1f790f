package model

import (
	"strings"
	"unicode"
	"unicode/utf8"

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
	return strings.FieldsFunc(s, func(r rune) bool { return !IsWordRune(r) })
}

// IsWordRune reports whether r belongs to a word as Words splits them: a
// letter, a digit or a combining mark (Mn).
func IsWordRune(r rune) bool {
	if r < 0x80 {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// PlainText strips the markdown the parsers write (emphasis, headings,
// quote markers, "*"/"+" list markers, table pipes, escapes) and leaves the
// words and punctuation of the source, "- " list dashes included.
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
		// A "- " item keeps its dash, as documents type it; the
		// markdown-only markers go.
		if strings.HasPrefix(t, "* ") || strings.HasPrefix(t, "+ ") {
			t = t[2:]
		}
		t = strings.Trim(t, "|")
		t = strings.ReplaceAll(t, " | ", " ")
		out = append(out, t)
	}
	s := strings.Join(out, "\n")
	if strings.ContainsAny(s, "*_\\<") { // what unescapeMarkdown's keys start with
		s = unescapeMarkdown.Replace(s)
	}
	s = stripSingleEmphasis(s)
	if strings.Contains(s, "\ue000") || strings.Contains(s, "\ue001") {
		s = restoreEscaped.Replace(s)
	}
	return strings.TrimSpace(collapseBlankLines(s))
}

// The replacers of PlainText, built once: building one costs more than
// running it on a section. Escaped markers become placeholders so the
// emphasis stripper keeps them; restoreEscaped puts them back.
var (
	unescapeMarkdown = strings.NewReplacer("**", "", "__", "", "\\*", "\ue000", "\\_", "\ue001", "\\<", "<", "\\#", "#", "\\[", "[", "\\]", "]", "\\|", "|", "\\\\", "\\", "<br>", " ")
	restoreEscaped   = strings.NewReplacer("\ue000", "*", "\ue001", "_")
)

// stripSingleEmphasis drops *x* and _x_ markers that open or close a word.
// Neighbours are those of the original text, so "**" pairs are judged as
// before; only the bytes around markers are decoded.
func stripSingleEmphasis(s string) string {
	if !strings.ContainsAny(s, "*_") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	last := 0
	for i := 0; i < len(s); i++ {
		if s[i] != '*' && s[i] != '_' {
			continue
		}
		prev, _ := utf8.DecodeLastRuneInString(s[:i])
		next, _ := utf8.DecodeRuneInString(s[i+1:])
		// A marker flanks text on one side (*word*, *“quote”*,); a literal
		// sits inside a word (0*0) or alone between spaces (a * b).
		prevWord, nextWord := i > 0 && isWordRune(prev), i+1 < len(s) && isWordRune(next)
		prevSpace, nextSpace := i == 0 || unicode.IsSpace(prev), i+1 >= len(s) || unicode.IsSpace(next)
		if !(prevWord && nextWord) && !(prevSpace && nextSpace) {
			b.WriteString(s[last:i])
			last = i + 1
		}
	}
	b.WriteString(s[last:])
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
