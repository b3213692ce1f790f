package parse

import (
	"chibo/content/model"

	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"chibo/content/htmlmd"
)

// A report table, as exported from the provincial reporting system, is
// tab-separated text: a title block, then rows of STT, content, result and
// note cells holding HTML. Every page break repeats the header row, a row
// with an empty STT continues the cells above it (often in the middle of a
// sentence), and the footnotes of a page sit as plain lines between page
// chunks. parseTable rebuilds the logical rows and turns each into a
// section a narrow terminal can show: a one-line heading, the full task,
// the result and note under bold labels, and the footnotes the row cites.

// tableRow is one logical row after the page-break pieces are joined.
type tableRow struct {
	stt    string   // numbering as written, "" for unnumbered rows
	level  int      // 1 for groups
	cells  []string // HTML of the cells after the STT column
	extra  []string // loose paragraphs found after the row
	notes  []*tableNote
	merged bool // a continuation piece was joined to it
}

type tableNote struct {
	mark  string
	text  string
	parts []string // lines continuing the note on later pages
	at    int      // index of the row the note follows; -1 before the first
	row   int      // row the note is attached to
}

// tail is the last line of the note so far, to see whether the next line
// continues it.
func (n *tableNote) tail() string {
	if len(n.parts) > 0 {
		return n.parts[len(n.parts)-1]
	}
	return n.text
}

// heading row of a table: what it says and how its columns are labelled.
type tableHeader struct {
	line   string   // the header line, to recognise its repetitions
	labels []string // labels of the columns after STT
	hasSTT bool
}

// tblSupDigits are the superscript digits, 0 to 9: the marks of footnotes.
var tblSupDigits = "⁰¹²³⁴⁵⁶⁷⁸⁹"

// tblIsSup reports whether r is one of tblSupDigits; it runs on every rune
// of every cell, so it compares rather than searching the string.
func tblIsSup(r rune) bool {
	return r == '¹' || r == '²' || r == '³' || r == '⁰' || (r >= '⁴' && r <= '⁹')
}

// supRunEnd is the byte offset where the run of superscript digits that
// starts at i in s ends.
func supRunEnd(s string, i int) int {
	for i < len(s) {
		r, w := utf8.DecodeRuneInString(s[i:])
		if !tblIsSup(r) {
			break
		}
		i += w
	}
	return i
}

func parseTable(text string) []*model.Section {
	lines := strings.Split(text, "\n")
	var (
		title   []string // lines before the first table row
		hdr     *tableHeader
		rows    []*tableRow
		notes   []*tableNote
		loose   []string // text before any row after the header
		brk     bool     // a page break (repeated header) precedes the next row
		lastTxt *tableNote
		levels  = map[string]int{}
		started bool
	)
	for _, line := range lines {
		if !strings.Contains(line, "\t") {
			t := strings.TrimSpace(line)
			if !started {
				title = append(title, line)
				continue
			}
			if t == "" {
				continue
			}
			if mark, rest := tblFootnoteMark(t); mark != "" {
				n := &tableNote{mark: mark, text: rest, at: len(rows) - 1}
				notes = append(notes, n)
				lastTxt = n
				continue
			}
			if lastTxt != nil && tblContinuesNote(lastTxt.tail(), t) {
				lastTxt.parts = append(lastTxt.parts, t)
				continue
			}
			lastTxt = nil
			if len(rows) == 0 {
				loose = append(loose, t)
			} else {
				r := rows[len(rows)-1]
				r.extra = append(r.extra, t)
			}
			continue
		}
		cells := strings.Split(line, "\t")
		if !started {
			started = true
			if h := tblHeaderOf(cells, text, line); h != nil {
				hdr = h
				continue
			}
			hdr = &tableHeader{hasSTT: tblLooksNumbered(cells[0]) || strings.TrimSpace(cells[0]) == ""}
		}
		if hdr.line != "" && tblSameRow(line, hdr.line) {
			brk = true
			continue
		}
		if tblAllBlank(cells) {
			continue
		}
		stt := ""
		if hdr.hasSTT {
			stt = strings.TrimSpace(cells[0])
			cells = cells[1:]
		}
		if n := len(hdr.labels); n > 0 && len(cells) > n {
			// More cells than columns: keep the text in the last column.
			cells = append(cells[:n-1], strings.Join(cells[n-1:], " "))
		}
		var prev *tableRow
		if len(rows) > 0 {
			prev = rows[len(rows)-1]
		}
		afterBreak := brk
		brk = false
		if stt == "" && prev != nil && tblContinues(prev, cells, afterBreak) {
			for i, c := range cells {
				for len(prev.cells) <= i {
					prev.cells = append(prev.cells, "")
				}
				prev.cells[i] = tblJoinCell(prev.cells[i], c)
			}
			prev.merged = true
			continue
		}
		r := &tableRow{stt: stt, cells: cells}
		switch {
		case stt != "" && !tblIsBullet(stt):
			key := tblNumberStyle(stt)
			if _, ok := levels[key]; !ok {
				levels[key] = len(levels) + 1
			}
			r.level = levels[key]
		case prev != nil && tblIsGroup(prev):
			r.level = prev.level + 1
		case prev != nil:
			r.level = prev.level
		default:
			r.level = 1
		}
		rows = append(rows, r)
	}

	// Attach each footnote to the row that cites it, nearest to where the
	// note stands (at or before it first, as notes follow their page).
	for _, n := range notes {
		if len(n.parts) > 0 {
			n.text = strings.TrimSpace(n.text + " " + strings.Join(n.parts, " "))
		}
	}
	cites := tblCitations(rows)
	for _, n := range notes {
		n.row = tblCitingRow(cites, n)
		if n.row >= 0 {
			rows[n.row].notes = append(rows[n.row].notes, n)
		}
	}

	b := newBuilder()
	var lead []*tableNote // notes with no row: they go with the title
	for _, n := range notes {
		if n.row < 0 {
			lead = append(lead, n)
		}
	}
	tblWriteTitle(b, title, loose, lead)
	for _, r := range rows {
		tblWriteRow(b, r, hdr)
	}
	return b.sections()
}

// tblHeaderOf recognises the first table line as a header: it names the STT
// column, or it is repeated later (at page breaks).
func tblHeaderOf(cells []string, text, line string) *tableHeader {
	first := fold(strings.TrimSpace(cells[0]))
	stt := first == "stt" || first == "tt" || first == "so tt" || first == "so thu tu" || first == "#"
	repeated := strings.Count(text, "\n"+strings.TrimSpace(line)) > 1 ||
		strings.Count(text, line+"\n") > 1
	if !stt && !repeated {
		return nil
	}
	h := &tableHeader{line: line, hasSTT: stt}
	rest := cells
	if stt {
		rest = cells[1:]
	}
	for _, c := range rest {
		h.labels = append(h.labels, tblColumnLabel(c))
	}
	return h
}

// tblColumnLabel is the label a column's cells are shown under: the
// column's header as the document writes it, in sentence case when it is
// written in capitals.
func tblColumnLabel(h string) string {
	h = strings.TrimSpace(htmlmd.Convert(h))
	if h == "" {
		return ""
	}
	// Sentence case for headers written in capitals.
	if strings.ToUpper(h) == h {
		rs := []rune(strings.ToLower(h))
		rs[0] = unicode.ToUpper(rs[0])
		h = string(rs)
	}
	return strings.TrimRight(h, ": ")
}

func tblSameRow(a, b string) bool {
	if len(a) > 2*len(b)+16 || len(b) > 2*len(a)+16 {
		return false // cheap reject: data rows are long, headers short
	}
	return strings.Join(strings.Fields(a), " ") == strings.Join(strings.Fields(b), " ")
}

func tblAllBlank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// tblContinues tells whether a row with an empty STT belongs to prev. After a
// page break it does, unless prev is a group heading and the row brings a
// result of its own starting a new sentence (the first task of the group
// fell on the new page). Without a break it does unless prev is a group
// heading: groups in appendix 6 list their task as an unnumbered row.
func tblContinues(prev *tableRow, cells []string, afterBreak bool) bool {
	if !tblIsGroup(prev) {
		return true
	}
	if !afterBreak {
		return false
	}
	if len(cells) < 2 || tblEdgeText(cells[1], true) == "" {
		return true
	}
	return !tblStartsSentence(tblEdgeText(cells[0], false))
}

// tblIsGroup: a numbered row with nothing but its content, a heading over the
// rows below it.
func tblIsGroup(r *tableRow) bool {
	if r.stt == "" {
		return false
	}
	for _, c := range r.cells[min(1, len(r.cells)):] {
		if tblEdgeText(c, true) != "" {
			return false
		}
	}
	return true
}

var (
	tblRomanRe  = lazyRE(`^[IVXLC]+[.)]?$`)
	tblArabicRe = lazyRE(`^\d+(\.\d+)*[.)]?$`)
	tblLetterRe = lazyRE(`^[a-zđ][.)]?$`)
	tblEnumRe   = lazyRE(`^(\d+(\.\d+)*|[IVXLC]+|[a-zđ])[.)] +`)
)

// tblNumberStyle names the kind of numbering, so levels follow the order in
// which kinds first appear: "1." then "1.1" in appendix 2, "I" in 6.
func tblNumberStyle(stt string) string {
	switch {
	case tblRomanRe.MatchString(stt):
		return "roman"
	case tblArabicRe.MatchString(stt):
		return "arabic" + string(rune('0'+min(strings.Count(strings.TrimRight(stt, ".)"), "."), 9)))
	case tblLetterRe.MatchString(stt):
		return "letter"
	}
	return "other"
}

func tblLooksNumbered(s string) bool {
	s = strings.TrimSpace(s)
	return s != "" && tblNumberStyle(s) != "other"
}

func tblIsBullet(stt string) bool { return strings.Trim(stt, "-+•*– ") == "" }

// tblSttLabel is the ID label of a numbered row: its last component, so
// "1.1" under "1" gets the ID "1.1".
func tblSttLabel(stt string) string {
	s := strings.TrimRight(stt, ".) ")
	if i := strings.LastIndex(s, "."); i >= 0 {
		s = s[i+1:]
	}
	return s
}

// tblEdgeText is s without the tags and spaces at its end (or start), so
// the last (first) character of its text can be read without scanning a
// whole cell each time a piece is joined to it.
func tblEdgeText(s string, end bool) string {
	for range 64 {
		if end {
			s = strings.TrimRightFunc(s, unicode.IsSpace)
			if !strings.HasSuffix(s, ">") {
				break
			}
			i := strings.LastIndexByte(s, '<')
			if i < 0 {
				break
			}
			s = s[:i]
		} else {
			s = strings.TrimLeftFunc(s, unicode.IsSpace)
			if !strings.HasPrefix(s, "<") {
				break
			}
			i := strings.IndexByte(s, '>')
			if i < 0 {
				break
			}
			s = s[i+1:]
		}
	}
	return s
}

// tblJoinCell appends a continuation piece to a cell. A page break often cuts
// a sentence, and the exporter closes and reopens the paragraph around it;
// then the two halves become one paragraph again. Otherwise the piece
// starts a new paragraph.
func tblJoinCell(prev, next string) string {
	p, n := strings.TrimSpace(prev), strings.TrimSpace(next)
	if n == "" {
		return prev
	}
	if p == "" {
		return next
	}
	pText, nText := tblEdgeText(p, true), tblEdgeText(n, false)
	if pText == "" || nText == "" {
		return p + "\n" + n
	}
	if !tblEndsSentence(pText) || !tblStartsSentence(nText) {
		p = strings.TrimSuffix(p, "</p>")
		n = strings.TrimPrefix(n, "<p>")
		return strings.TrimSpace(p) + " " + strings.TrimSpace(n)
	}
	if strings.HasPrefix(n, "<") {
		return p + "\n" + n
	}
	return p + "\n<p>" + n
}

func tblEndsSentence(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!?…:;”\"»", r)
}

// tblStartsSentence: not a lower-case letter (a sentence cut in two), so a
// capital, a digit, a dash item or an opening bracket.
func tblStartsSentence(s string) bool {
	r, _ := utf8.DecodeRuneInString(strings.TrimSpace(s))
	return !unicode.IsLower(r)
}

// tblFootnoteMark splits "¹⁵ text" (or "²⁷text") into its mark and text.
func tblFootnoteMark(line string) (mark, rest string) {
	i := 0
	for i < len(line) {
		r, w := utf8.DecodeRuneInString(line[i:])
		if !tblIsSup(r) {
			break
		}
		i += w
	}
	if i == 0 {
		return "", ""
	}
	return line[:i], strings.TrimSpace(line[i:])
}

// tblContinuesNote: a plain line after a footnote that stopped mid-sentence
// (the note runs on to the next page) or that starts in lower case.
func tblContinuesNote(note, line string) bool {
	return !tblEndsSentence(strings.TrimSpace(note)) || !tblStartsSentence(line)
}

// tblCitations maps each footnote mark to the rows citing it, in order.
func tblCitations(rows []*tableRow) map[string][]int {
	idx := map[string][]int{}
	for i, r := range rows {
		seen := map[string]bool{}
		for _, c := range append(slices.Clone(r.cells), r.extra...) {
			for _, m := range tblMarksIn(c) {
				if !seen[m] {
					seen[m] = true
					idx[m] = append(idx[m], i)
				}
			}
		}
	}
	return idx
}

// tblCitingRow is the row citing note n by its mark, the nearest at or
// before the note (notes follow their page), else the nearest after it; a
// note nobody cites goes with the row it follows.
func tblCitingRow(cites map[string][]int, n *tableNote) int {
	rs := cites[n.mark]
	if len(rs) == 0 {
		return n.at
	}
	k, _ := slices.BinarySearch(rs, n.at+1) // first row after the note
	if k > 0 {
		return rs[k-1]
	}
	return rs[0]
}

// tblMarksIn lists the superscript numbers of s, leaving out units (m², km³).
func tblMarksIn(s string) []string {
	var marks []string
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		if !tblIsSup(r) {
			i += w
			continue
		}
		j := supRunEnd(s, i)
		if m := s[i:j]; !((m == "²" || m == "³") && tblIsUnit(s[:i])) {
			marks = append(marks, m)
		}
		i = j
	}
	return marks
}

// tblIsUnit: the text before a ² or ³ ends with a unit of length (m, km, cm…)
// standing after a number or on its own.
func tblIsUnit(before string) bool {
	for _, u := range []string{"km", "cm", "dm", "mm", "m"} {
		if strings.HasSuffix(before, u) {
			r, _ := utf8.DecodeLastRuneInString(before[:len(before)-len(u)])
			return !unicode.IsLetter(r)
		}
	}
	return false
}

// tblWriteTitle makes the opening section from the lines before the table:
// its first line is the heading, the rest (paragraphs joined, so **bold**
// wrapped across lines stays whole) the body.
func tblWriteTitle(b *builder, lines, loose []string, notes []*tableNote) {
	var paras []string
	var cur []string
	for _, l := range lines {
		if t := strings.TrimSpace(l); t != "" {
			cur = append(cur, t)
			continue
		}
		if len(cur) > 0 {
			paras = append(paras, strings.Join(cur, " "))
			cur = nil
		}
	}
	if len(cur) > 0 {
		paras = append(paras, strings.Join(cur, " "))
	}
	paras = append(paras, loose...)
	if len(paras) == 0 && len(notes) == 0 {
		return
	}
	heading := "Mở đầu"
	if len(paras) > 0 {
		first := model.PlainText(paras[0])
		h, cut := tblShortHeading(first)
		heading = h
		if !cut && !strings.Contains(first, "\n") {
			paras = paras[1:]
		}
	}
	b.open(1, "", heading)
	for _, p := range paras {
		b.para(p, heading)
	}
	tblWriteNotes(b, notes, heading)
}

func tblWriteRow(b *builder, r *tableRow, hdr *tableHeader) {
	md := make([]string, len(r.cells))
	for i, c := range r.cells {
		md[i] = strings.TrimSpace(htmlmd.Convert(c))
	}
	// The heading comes from the content, or the first cell with text.
	src := ""
	for _, m := range md {
		if m != "" {
			src = m
			break
		}
	}
	short, cut := tblShortHeading(strings.TrimPrefix(tblFirstLine(model.PlainText(src)), "- "))
	heading := short
	if num := strings.TrimRight(r.stt, ".) "); num != "" && !tblIsBullet(r.stt) {
		// "IV" over "4. Nhóm …": one number in the heading is enough.
		if m := tblEnumRe.FindString(short); m != "" && len(m) < len(short) {
			short, cut = short[len(m):], true // the body keeps the number
		}
		heading = strings.TrimSpace(num + ". " + short)
	} else if heading == "" {
		heading = strings.TrimSpace(r.stt)
	}
	if heading == "" {
		heading = "…"
	}
	label := ""
	if r.stt != "" && !tblIsBullet(r.stt) {
		label = tblSttLabel(r.stt)
	}
	b.open(r.level, label, heading)
	group := tblIsGroup(r)
	for i, m := range md {
		if m == "" {
			continue
		}
		name := ""
		if i < len(hdr.labels) {
			name = hdr.labels[i]
		}
		if group && i == 0 {
			// A group's text is its heading; repeat it whole only when
			// the heading had to be shortened.
			if cut || strings.Contains(m, "\n") {
				b.para(m, heading)
			}
			continue
		}
		b.para(tblLabelled(name, m), heading)
	}
	for _, e := range r.extra {
		b.para(e, heading)
	}
	tblWriteNotes(b, r.notes, heading)
}

// tblLabelled puts "**Label:**" before a cell's markdown: on the same line
// when the cell starts with a plain paragraph, else on a line of its own.
func tblLabelled(name, md string) string {
	if name == "" {
		return md
	}
	l := "**" + name + ":**"
	first := md
	if i := strings.Index(md, "\n"); i >= 0 {
		first = md[:i]
	}
	if strings.HasPrefix(first, "- ") || strings.HasPrefix(first, "#") || strings.HasPrefix(first, "    ") || tblStartsOrdered(first) {
		return l + "\n\n" + md
	}
	return l + " " + md
}

func tblStartsOrdered(s string) bool {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i > 0 && i+1 < len(s) && (s[i] == '.' || s[i] == ')') && s[i+1] == ' '
}

// tblWriteNotes ends a section with its footnotes, after a rule, so a reader
// shows them with the row that cites them.
func tblWriteNotes(b *builder, notes []*tableNote, heading string) {
	if len(notes) == 0 {
		return
	}
	b.para("---", heading)
	s := b.current()
	for _, n := range notes {
		b.para(n.mark+" "+n.text, heading)
		s.Notes = append(s.Notes, model.Footnote{Mark: n.mark, Text: model.PlainText(n.text)})
	}
}

func tblFirstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.Index(s, "\n"); i >= 0 {
		s = s[:i]
	}
	return strings.TrimSpace(s)
}

// tblHeadingWords is how long a heading may be: about one line of a narrow
// terminal.
const tblHeadingWords = 14

// tblShortHeading makes a one-line heading of text: the whole of it when
// short, else its first sentence when that is short enough, else its first
// tblHeadingWords words; cut reports that words were left out (the caller then
// keeps the full text in the body).
func tblShortHeading(text string) (h string, cut bool) {
	var words []string // one more than a heading may have is enough to decide
	for w := range strings.FieldsSeq(text) {
		if words = append(words, w); len(words) > tblHeadingWords {
			break
		}
	}
	if len(words) <= tblHeadingWords {
		return strings.Join(words, " "), false
	}
	n := tblHeadingWords
	for i, w := range words[:tblHeadingWords] {
		if i >= 3 && (strings.HasSuffix(w, ".") || strings.HasSuffix(w, ";")) {
			n = i + 1
			break
		}
	}
	h = strings.Join(words[:n], " ")
	h = strings.TrimRightFunc(h, func(r rune) bool {
		return unicode.IsPunct(r) && !strings.ContainsRune(")”\"»", r) || unicode.IsSpace(r)
	})
	return h + "…", true
}
