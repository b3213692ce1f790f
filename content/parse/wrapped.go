package parse

import (
	"chibo/content/model"

	"slices"
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
//
// When the text was wrapped by a program at a fixed width (see wrapWidth),
// the width decides first: a line that left room for the next line's
// first word ends its paragraph (a wrapping program would have put the
// word there), and a full line goes on unless the next one opens a
// numbered heading, a list item or the closing.
func reflow(text string) []para {
	var blocks []para
	var cur []string
	var curMark marker
	indented := false
	lines := strings.Split(text, "\n")
	width := wrapWidth(lines)
	flush := func() {
		if len(cur) > 0 {
			blocks = append(blocks, para{text: strings.Join(cur, " "), indented: indented})
			cur = cur[:0]
		}
	}
	prevLen := 0 // the previous line's width, with its indentation
	for i, l := range lines {
		t := strings.TrimSpace(l)
		if t == "" {
			flush()
			continue
		}
		starts := len(cur) == 0 || width > 0 && startsAtWidth(cur, prevLen, t, startsIndented(l), width, endsAtWidth(lines, i, width)) ||
			width == 0 && startsParagraph(cur, curMark, t, startsIndented(l))
		if width > 0 {
			prevLen = utf8.RuneCountInString(strings.TrimRight(l, " \t"))
		}
		if starts {
			flush()
			curMark = markerOf(t)
			indented = startsIndented(l)
		}
		cur = append(cur, t)
	}
	flush()
	return blocks
}

// wrapWidth returns the width in runes at which a program wrapped the
// lines (an editor, a mail client, a text copied from a PDF viewer), or 0
// when they show none. The evidence is the text's own: a greedy wrap at
// width W leaves no line longer than W, fills most lines to near W, and
// never breaks a line where the next word would still have fitted — so
// where a line goes on in lower case (certainly the same sentence), the
// line plus that word is longer than W, nearly always. Text set in a
// proportional font (PDF extraction) fails the last test and is reflowed
// by the other rules.
func wrapWidth(lines []string) int {
	var lens []int
	for _, l := range lines {
		t := strings.TrimSpace(l)
		if t != "" && !strings.Contains(l, "\t") {
			lens = append(lens, utf8.RuneCountInString(t))
		}
	}
	if len(lens) < 3 {
		return 0
	}
	small := len(lens) < 8 // a short note or one paragraph: every line must agree
	sorted := slices.Clone(lens)
	slices.Sort(sorted)
	w := sorted[len(sorted)*98/100]
	if w < 30 || w > 160 {
		return 0
	}
	near := 0
	for _, n := range lens {
		if n <= w && n > w-15 {
			near++
		}
	}
	if near*3 < len(lens) || small && near < len(lens)-1 {
		return 0
	}
	cont, full := 0, 0
	for i := 0; i+1 < len(lines); i++ {
		t, next := strings.TrimSpace(lines[i]), strings.TrimSpace(lines[i+1])
		if t == "" || next == "" || strings.Contains(lines[i], "\t") || utf8.RuneCountInString(t) > w {
			continue
		}
		r, _ := utf8.DecodeRuneInString(next)
		if !unicode.IsLower(r) {
			continue
		}
		cont++
		if utf8.RuneCountInString(t)+1+firstWordLen(next) > w {
			full++
		}
	}
	if !small && (cont < 5 || full*10 < cont*9) || small && (cont < 2 || full < cont) {
		return 0
	}
	return w
}

// firstWordLen is the length in runes of the first word of t.
func firstWordLen(t string) int {
	if i := strings.IndexByte(t, ' '); i >= 0 {
		t = t[:i]
	}
	return utf8.RuneCountInString(t)
}

// startsAtWidth decides whether line t begins a new paragraph in text
// wrapped at width runes: after a line (prevLen runes wide, with its
// indentation) with room left for t's first word, always. After a full line the wrap may have fallen anywhere, so t must
// show it: numbering or a list item after a finished clause (a number the
// wrap carried to the line start, "…Kết luận số" / "01- KL/TW", goes on),
// the recipients or a signature.
func startsAtWidth(cur []string, prevLen int, t string, indented bool, width int, tEnds bool) bool {
	prev := cur[len(cur)-1]
	if prevLen+1+firstWordLen(t) <= width || prevLen > width {
		// Room was left, or the line is longer than the wrap: the
		// program did not break it, its paragraph ends there.
		return true
	}
	m := markerOf(t)
	finished := endsClause(prev) || isCapsLine(prev)
	switch {
	case indented || loneNumber(t):
		return true
	case m.kind == mkBullet:
		return finished || markerOf(cur[0]).kind == mkBullet
	case m.kind != mkNone:
		return finished
	case recipientsRe.MatchString(t) || signingRe.MatchString(t):
		return true
	case isCapsLine(t) && !isCapsLine(prev):
		return true // a line in capitals ("QUYẾT NGHỊ:") after text
	}
	// A capital after a full line is most often a name or a sentence of
	// the same paragraph: a paragraph's last line is full only by chance.
	// But a line that is a paragraph by itself without a final stop
	// after a finished sentence is a heading ("Tiêu chí về chất lượng
	// sinh hoạt tốt").
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(t, "“\"'("))
	return unicode.IsUpper(r) && tEnds && endsClause(prev) && !endsClause(t)
}

// endsAtWidth reports whether line i of text wrapped at width ends its
// paragraph: the next line is blank or missing, or its first word would
// have fitted on line i.
func endsAtWidth(lines []string, i, width int) bool {
	if i+1 >= len(lines) {
		return true
	}
	next := strings.TrimSpace(lines[i+1])
	return next == "" || utf8.RuneCountInString(strings.TrimRight(lines[i], " \t"))+1+firstWordLen(next) <= width
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
