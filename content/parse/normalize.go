package parse

import (
	"chibo/content/model"

	"path/filepath"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"chibo/content/internal/compose"
)

// bookmarkRe matches the anchors Word leaves in text exported from .docx
// ("[bookmark: _Hlk141880432]"); they are noise glued to the next word.
var bookmarkRe = lazyRE(`\[bookmark:[^\]\n]*\]`)

// Normalize puts text in the one form every parser expects: valid NFC
// UTF-8, LF line ends, no Word bookmark artifacts, no zero-width or
// non-breaking spaces, no trailing or doubled spaces and no space before
// closing punctuation ("trách ." → "trách."). Only space characters are
// ever removed, never letters, so no word is lost. Tabs are kept: they are
// the cell separators of report tables. Leading indentation is kept too,
// because markdown lists and code depend on it; the text parsers trim it.
func Normalize(s string) string {
	if !charsNormal(s) {
		s = normalizeChars(s)
	}
	lines := strings.Split(s, "\n")
	changed := false
	for i, l := range lines {
		if t := tidyLine(l); t != l {
			lines[i], changed = t, true
		}
	}
	if !changed {
		return s
	}
	return strings.Join(lines, "\n")
}

// charsNormal reports whether normalizeChars would leave s as it is: valid
// UTF-8 of stable runes (see compose.Stable) with no carriage return,
// bookmark or invisible character. Most converted text passes, and these
// scans are cheaper than the steps of normalizeChars.
func charsNormal(s string) bool {
	return compose.StableSpan(s) == len(s) && !strings.Contains(s, "\r") &&
		!strings.Contains(s, "[bookmark:") && !hasInvisible(s)
}

// normalizeChars is the character-level part of Normalize: valid UTF-8,
// no BOM, LF line ends, no bookmarks, no invisible characters, NFC.
func normalizeChars(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	s = strings.TrimPrefix(s, "\ufeff")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	if strings.Contains(s, "[bookmark:") {
		s = bookmarkRe.ReplaceAllString(s, "")
	}
	if hasInvisible(s) {
		s = strings.Map(func(r rune) rune {
			switch r {
			case '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad':
				return -1 // zero-width and soft hyphen: invisible, split words in search
			case '\u00a0', '\u202f', '\u2007', '\u3000', '\f', '\v':
				return ' '
			}
			if r >= '\u2000' && r <= '\u200a' {
				return ' '
			}
			return r
		}, s)
	}
	return compose.NFC(s)
}

// hasInvisible reports whether s (valid UTF-8) holds a character Normalize
// maps away (zero-width, soft hyphen, special spaces, form feed). Only
// runes with the lead bytes of those characters are decoded, not every
// Vietnamese letter.
func hasInvisible(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\f', '\v':
			return true
		case 0xc2, 0xe2, 0xe3, 0xef:
			if r, _ := utf8.DecodeRuneInString(s[i:]); isInvisible(r) {
				return true
			}
		}
	}
	return false
}

// isInvisible reports whether Normalize maps r away or to a plain space
// (besides form feed and vertical tab).
func isInvisible(r rune) bool {
	return r == 0xa0 || r == 0xad || r == 0x202f || r == 0x2060 || r == 0x3000 || r == 0xfeff || (r >= 0x2000 && r <= 0x200d)
}

// tidyLine fixes the spacing of one line, cell by cell so tab-separated
// tables keep their columns.
func tidyLine(l string) string {
	if !strings.Contains(l, " ") {
		return l
	}
	indent := len(l) - len(strings.TrimLeft(l, " "))
	if l[indent:] != "" && !cellsNeedTidy(l[indent:]) {
		return l // most lines: nothing to do, so nothing to split and join
	}
	cells := strings.Split(l[indent:], "\t")
	for i, c := range cells {
		cells[i] = tidySpaces(c)
	}
	out := strings.Join(cells, "\t")
	if out == "" {
		return ""
	}
	return l[:indent] + out
}

// tidySpaces trims a cell, collapses runs of spaces and removes the space
// typists put before closing punctuation or after opening brackets.
func tidySpaces(c string) string {
	c = strings.Trim(c, " ")
	if !needsTidy(c) {
		return c
	}
	var b strings.Builder
	b.Grow(len(c))
	last := rune(0) // the last rune written
	for i := 0; i < len(c); {
		r, size := utf8.DecodeRuneInString(c[i:])
		next := i + size
		if r == ' ' {
			if next < len(c) && (c[next] == ' ' || closesTight(c, next)) {
				i = next
				continue
			}
			if opensTight(last) {
				i = next
				continue
			}
		}
		b.WriteRune(r)
		last = r
		i = next
	}
	return b.String()
}

// cellsNeedTidy reports whether tidySpaces would change a cell of the
// tab-separated line.
func cellsNeedTidy(line string) bool {
	for c := range strings.SplitSeq(line, "\t") {
		if strings.HasPrefix(c, " ") || strings.HasSuffix(c, " ") || needsTidy(c) {
			return true
		}
	}
	return false
}

// needsTidy is a fast check that tidySpaces has something to do.
func needsTidy(c string) bool {
	for i := 0; i < len(c); i++ {
		if c[i] != ' ' {
			continue
		}
		if i+1 < len(c) && strings.IndexByte(" ,;!?)].:", c[i+1]) >= 0 ||
			strings.HasPrefix(c[i+1:], "”") || strings.HasPrefix(c[i+1:], "…") {
			return true
		}
		if i > 0 && (c[i-1] == '(' || c[i-1] == '[' || strings.HasSuffix(c[:i], "“")) {
			return true
		}
	}
	return false
}

// closesTight reports whether the rune at byte i of s is punctuation that
// attaches to the word before it. A dot only counts when it ends the text
// or is followed by a space, so " .NET" or " .5" keep their space. (It
// reads the text in place: a rune slice of a one-line 60 MB file took four
// times its size.)
func closesTight(s string, i int) bool {
	r, size := utf8.DecodeRuneInString(s[i:])
	switch r {
	case ',', ';', '!', '?', ')', ']', '”', '…':
		return true
	case '.', ':':
		j := i + size
		return j == len(s) || s[j] == ' ' || s[j] == '.' || s[j] == '/'
	}
	return false
}

func opensTight(r rune) bool { return r == '(' || r == '[' || r == '“' }

// LayoutOf recognises the layout of normalised text from its content; the
// name only hints that a ".md" file is markdown when nothing else decides.
func LayoutOf(name, text string) model.Layout {
	lines := strings.Split(text, "\n")
	var nonEmpty, tabbed, atx int
	stt := false
	for _, l := range lines {
		t := strings.TrimSpace(l)
		if t == "" {
			continue
		}
		nonEmpty++
		if strings.Count(l, "\t") >= 2 {
			tabbed++
			first, _, _ := strings.Cut(strings.TrimLeft(l, " "), "\t")
			if strings.EqualFold(strings.Trim(first, " *"), "STT") {
				stt = true
			}
		}
		if strings.Contains(l, "#") && atxRe.MatchString(l) {
			atx++
		}
	}
	if tabbed >= 3 && (stt || tabbed*3 >= nonEmpty) {
		return model.LayoutTable
	}
	if atx > 0 {
		return model.LayoutMarkdown
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".md", ".markdown":
		return model.LayoutMarkdown
	}
	if looksWrapped(lines) || wrapWidth(lines) > 0 {
		return model.LayoutWrapped
	}
	return model.LayoutParagraphs
}

// looksWrapped recognises text hard-wrapped by PDF extraction: lines of
// similar, moderate length, many of which end mid-sentence and continue in
// lower case on the next line. One-paragraph-per-line text has long lines
// that end with punctuation.
func looksWrapped(lines []string) bool {
	var lens []int
	var ts []string
	for _, l := range lines {
		t := strings.TrimSpace(l)
		if t == "" {
			continue
		}
		ts = append(ts, t)
		// Only whether the median is within 25..110 runes matters, so a
		// length is counted up to 111 (444 bytes hold at least 111 runes).
		lens = append(lens, min(utf8.RuneCountInString(t[:min(len(t), 444)]), 111))
	}
	if len(ts) < 6 {
		return false
	}
	mid := 0
	for i := 0; i+1 < len(ts); i++ {
		if endsClause(ts[i]) {
			continue
		}
		r, _ := utf8.DecodeRuneInString(ts[i+1])
		if unicode.IsLower(r) && markerOf(ts[i+1]).kind == mkNone {
			mid++
		}
	}
	sort.Ints(lens)
	median := lens[len(lens)/2]
	return median >= 25 && median <= 110 && mid*5 >= len(ts)
}

// endsClause reports whether t ends with sentence or clause punctuation
// (ignoring closing quotes and brackets).
func endsClause(t string) bool {
	t = strings.TrimRight(t, " ”\"')]*")
	if t == "" {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(t)
	switch r {
	case '.', ';', ':', '!', '?', '…':
		return true
	}
	return false
}
