package parse

import (
	"chibo/content/model"

	"strings"
	"unicode"
	"unicode/utf8"
)

// parseWrapped reads text hard-wrapped at a fixed width, as PDF extraction
// produces: lines are rejoined into paragraphs, then read by the same
// heading recogniser as parseParagraphs.
func parseWrapped(text string) []*model.Section {
	return structure(reflow(text), false)
}

// reflow joins the lines of hard-wrapped text into paragraphs. A paragraph
// ends at a blank line; before a line that starts with numbering ("a)",
// "2.", "Điều 3.", a list dash after a finished line) or is indented; after
// a line that ends a sentence when the next starts with a capital; and
// after a short numbered heading when the next line starts with a capital,
// so "d) Về phát triển\nkinh tế\nTiếp tục …" is the heading "d) Về phát
// triển kinh tế" followed by its text. A wrapped heading ("2. Các chỉ tiêu
// chủ\nyếu") becomes one line.
func reflow(text string) []para {
	var blocks []para
	var cur []string
	var curMark marker
	indented := false
	flush := func() {
		if len(cur) > 0 {
			blocks = append(blocks, para{text: strings.Join(cur, " "), indented: indented})
			cur = cur[:0]
		}
	}
	for _, l := range strings.Split(text, "\n") {
		t := strings.TrimSpace(l)
		if t == "" {
			flush()
			continue
		}
		if len(cur) == 0 || startsParagraph(cur, curMark, t, startsIndented(l)) {
			flush()
			curMark = markerOf(t)
			indented = startsIndented(l)
			cur = append(cur, t)
			continue
		}
		cur = append(cur, t)
	}
	flush()
	return blocks
}

// startsParagraph decides whether line t begins a new paragraph after the
// lines cur (which began with numbering mark).
func startsParagraph(cur []string, mark marker, t string, indented bool) bool {
	prev := cur[len(cur)-1]
	m := markerOf(t)
	switch {
	case indented || loneNumber(t) || loneNumber(prev):
		// A number alone on a line is a page number or a footnote mark
		// the extraction put there, not part of the text beside it.
		return true
	case m.kind == mkBullet:
		// "- " opens a list item only after a finished line; otherwise it
		// is a dash the wrap moved to the start of the line.
		return endsClause(prev) || isCapsLine(prev) || markerOf(cur[0]).kind == mkBullet ||
			(len(cur) == 1 && mark.structural() && len(strings.Fields(prev)) <= 12 && opensSentence(m.rest))
	case m.kind != mkNone:
		return true
	case recipientsRe.MatchString(t) || signingRe.MatchString(t):
		return true
	}
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(t, "“\"'("))
	upper := unicode.IsUpper(r)
	if upper && endsClause(prev) {
		return true
	}
	if capsT := isCapsLine(t); capsT != isCapsLine(prev) && (capsT || isCapsLine(cur[0])) {
		return true // a title block line next to text
	}
	if upper && mark.structural() && !endsClause(prev) {
		joined := strings.TrimSpace(strings.TrimPrefix(strings.Join(cur, " "), mark.prefix))
		if len(strings.Fields(joined)) <= 25 && !strings.Contains(joined, ". ") {
			return true
		}
	}
	return false
}

// loneNumber reports whether a line is only a number of one to three
// digits.
func loneNumber(t string) bool {
	if t == "" || len(t) > 3 {
		return false
	}
	for _, c := range []byte(t) {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
