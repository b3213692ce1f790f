package content

import (
	"regexp"
	"strings"

	"golang.org/x/text/unicode/norm"
)

var bookmarkRe = regexp.MustCompile(`\[bookmark: [^\]]*\]`)

// Normalize puts text in the one form every parser expects: NFC, LF line
// ends, no Word bookmark artifacts, no trailing spaces.
func Normalize(s string) string {
	s = strings.TrimPrefix(s, "\ufeff")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	s = bookmarkRe.ReplaceAllString(s, "")
	s = norm.NFC.String(s)
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \u00a0")
	}
	return strings.Join(lines, "\n")
}

// LayoutOf recognises the layout of normalised text.
func LayoutOf(name, text string) Layout {
	lines := strings.Split(text, "\n")
	tabs := 0
	for _, l := range lines {
		if strings.Count(l, "\t") >= 2 {
			tabs++
		}
	}
	if tabs > 5 {
		return LayoutTable
	}
	if strings.HasSuffix(strings.ToLower(name), ".md") {
		return LayoutMarkdown
	}
	return LayoutParagraphs
}
