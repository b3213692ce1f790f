package parse

import (
	"chibo/content/model"

	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file holds the heading recogniser shared by the plain-text layouts:
// parseParagraphs (one paragraph per line) and parseWrapped (hard-wrapped
// text, reflowed into paragraphs first) both hand their paragraphs to
// structure, so Vietnamese administrative numbering is read one way.

// parseParagraphs reads text with one paragraph per line (Word "save as
// text", most copy-pastes): every non-empty line is a block.
func parseParagraphs(text string) []*model.Section {
	var paras []para
	for _, l := range strings.Split(text, "\n") {
		if t := strings.TrimSpace(l); t != "" {
			paras = append(paras, para{text: t, indented: startsIndented(l)})
		}
	}
	return structure(paras, false)
}

// para is one paragraph (or table, or raw markdown block) as the
// recogniser sees it: its text and the evidence its format gave (see
// chibo/content/block). Plain text gives only text and indented.
type para struct {
	text string // plain, one line
	md   string // the paragraph as markdown; "" means text, escaped
	// outline is the heading level the format states, 0 none.
	outline int
	// indented marks text set off to the right: a line that began with a
	// tab (in Word exports, right-aligned signatures and author lines), a
	// right-aligned paragraph. Never a heading.
	indented bool
	raw      bool // a table or markdown block: body, never a heading
	title    bool // the format's Title style
	bold     bool // the whole paragraph is bold
	centered bool
	bullet   bool // a bulleted list item (format's list, not typed)
	// letterTop marks the first paragraph of a header table met after the
	// document's start: where a further letter of the file may begin.
	letterTop bool
	// extra holds what few paragraphs have (footnotes, a table's cells),
	// so that a long document's paragraphs stay small: nil for most.
	extra *paraExtra
}

// paraExtra is the rarely present part of a paragraph.
type paraExtra struct {
	notes []model.Footnote
	// headerLines are a raw block's lines as the header reader sees them
	// (a table's cells, one per line).
	headerLines []string
}

// notes are the footnotes the paragraph cites.
func (p *para) notes() []model.Footnote {
	if p.extra == nil {
		return nil
	}
	return p.extra.notes
}

// headerLines are a raw block's lines as the header reader sees them.
func (p *para) headerLines() []string {
	if p.extra == nil {
		return nil
	}
	return p.extra.headerLines
}

func startsIndented(l string) bool {
	return strings.HasPrefix(strings.TrimLeft(l, " "), "\t")
}

// markKind is the kind of numbering a paragraph starts with, from the
// outermost (Phần, Chương) to the innermost (a, b, c).
type markKind int

const (
	mkNone     markKind = iota
	mkPart              // Phần I, Chương II
	mkAppendix          // PHỤ LỤC 2
	mkUpper             // A. B. (uppercase letters)
	mkRoman             // I. II. III.
	mkSection           // Mục 1
	mkArticle           // Điều 1.
	mkNumber            // 1. 2. / 1.1 1.2
	mkLetter            // a) b) … đ) … x)
	mkParen             // 1) 2): list items kept as body text
	mkBullet            // - + • : list items kept as body text
)

// marker is the numbering at the start of a paragraph.
type marker struct {
	kind   markKind
	label  string // for section IDs: "ii", "dieu-2", "1-1", "dd"
	prefix string // the numbering as written: "Điều 2.", "II.", "a)"
	rest   string // the text after it
	depth  int    // 1 for "1.", 2 for "1.1" …
}

var (
	// articleRe, numberRe and letterRe match the numbering only; markerOf
	// reads the rest of the line itself (a pattern ending in `(\S.*)$`
	// stepped through every rune of every paragraph).
	articleRe = lazyRE(`^((?:Điều|ĐIỀU)\s+(\d{1,3}[a-z]?))`)
	// The number of a part, section or appendix ends at punctuation, a
	// space or the end ("Chương 0ê0" is no heading).
	partRe     = lazyRE(`^((?:Phần|PHẦN|Chương|CHƯƠNG)\s+([IVXLC]+|\d{1,2}|(?:thứ|THỨ)\s+\pL+))(?:(?:\s*([.:\-–])\s*|\s+)(.*))?$`)
	sectionRe  = lazyRE(`^((?:Mục|MỤC)\s+(\d{1,2}|[IVX]+))(?:(?:\s*([.:])\s*|\s+)(.*))?$`)
	appendixRe = lazyRE(`^((?:PHỤ LỤC|Phụ lục)(?:\s+(\d{1,2}[a-z]?|[IVX]+))?)(?:(?:\s*([.:\-–])\s*|\s+)(.*))?$`)
	romanRe    = lazyRE(`^(([IVX]{1,5})[.)])\s+(\S.*)$`)
	// "I- HƯỚNG DẪN CHUNG": the hyphen numbering of older documents.
	romanHyphenRe = lazyRE(`^(([IVX]{1,5})\s*[-–])\s*(\p{Lu}.*)$`)
	upperRe       = lazyRE(`^(([A-HK-UYĐ])[.)])\s+(\p{Lu}.*)$`)
	numberRe      = lazyRE(`^((\d{1,2})\.)\s+`)
	multiNumRe    = lazyRE(`^((\d{1,2}(?:\.\d{1,2}){1,3})\.?)\s+(\pL.*)$`)
	// "2.1. (Khoản 1): …", "1.2. “Chi bộ bốn tốt” …": a numbered khoản
	// whose text opens with a bracket or quote needs the final dot.
	multiNumOpenRe = lazyRE(`^((\d{1,2}(?:\.\d{1,2}){1,3})\.)\s*([(“"'][^\s\d].*)$`)
	numberOpenRe   = lazyRE(`^((\d{1,2})\.)\s*([(“"][^\s\d].*)$`)
	// "1- Đối tượng áp dụng:", "2.1- Nội địa hoá": the hyphen numbering of
	// documents typed before about 2005, read as "1." and "2.1.".
	hyphenNumRe = lazyRE(`^((\d{1,2}(?:\.\d{1,2}){0,3})\s*[-–])\s*(\p{Lu}.*)$`)
	letterRe    = lazyRE(`^(([a-zđ])\))\s*`)
	letterDot   = lazyRE(`^(([a-zđ])\.)\s+(\p{Lu}.*)$`)
	parenRe     = lazyRE(`^(\(?\d{1,2}\))\s*(\S.*)$`)
	bulletRe    = lazyRE(`^([-+•◦▪●*–])\s+(\S.*)$`)
	romanValid  = lazyRE(`^(X{0,3})(IX|IV|V?I{0,3})$`)
)

// markerOf reads the numbering a paragraph starts with. Each pattern can
// only match text that starts with certain characters, so the first rune
// decides which are worth running: markerOf runs several times on every
// paragraph.
func markerOf(t string) marker {
	if clean, mark, at := noteAfterNumbering(t); mark != "" {
		// "3.⁵ Thị thực …": a footnote's mark on the number stays with
		// it, where it was, in the heading.
		m := markerOf(clean)
		if m.kind != mkNone {
			if at <= len(m.prefix) {
				m.prefix = m.prefix[:at] + mark + m.prefix[at:]
			} else {
				m.prefix += mark
			}
		}
		return m
	}
	c, _ := utf8.DecodeRuneInString(t)
	digit := c >= '0' && c <= '9'
	lower := c >= 'a' && c <= 'z' || c == 'đ'
	if c == 'Đ' {
		if m, ok := articleOf(t); ok {
			return m
		}
	}
	if c == 'P' || c == 'C' {
		if m := partRe.FindStringSubmatch(t); m != nil && len(strings.Fields(t)) <= 25 && !partCited(m[3], m[4]) {
			return marker{kind: mkPart, label: slug(m[1], 3), prefix: m[1] + m[3], rest: m[4]}
		}
	}
	if c == 'M' {
		if m := sectionRe.FindStringSubmatch(t); m != nil && (m[3] != "" || len(t) == len(m[1])) {
			return marker{kind: mkSection, label: slug(m[1], 2), prefix: m[1] + m[3], rest: m[4]}
		}
	}
	if c == 'P' {
		if m := appendixRe.FindStringSubmatch(t); m != nil && len(strings.Fields(t)) <= 25 && !strings.HasSuffix(t, ".") &&
			(m[2] != "" || m[3] != "" || len(t) == len(m[1])) {
			return marker{kind: mkAppendix, label: slug(m[1], 3), prefix: m[1] + m[3], rest: m[4]}
		}
	}
	if c == 'I' || c == 'V' || c == 'X' {
		if m := romanRe.FindStringSubmatch(t); m != nil && romanValid.MatchString(m[2]) {
			return marker{kind: mkRoman, label: strings.ToLower(m[2]), prefix: m[1], rest: m[3]}
		}
		if m := romanHyphenRe.FindStringSubmatch(t); m != nil && romanValid.MatchString(m[2]) {
			return marker{kind: mkRoman, label: strings.ToLower(m[2]), prefix: m[1], rest: m[3]}
		}
	}
	if c >= 'A' && c <= 'Y' || c == 'Đ' {
		// "Q. CHÁNH VĂN PHÒNG": a signature's authority (quyền), not
		// part Q.
		if m := upperRe.FindStringSubmatch(t); m != nil && !signingRe.MatchString(t) {
			return marker{kind: mkUpper, label: letterLabel(strings.ToLower(m[2])), prefix: m[1], rest: m[3]}
		}
	}
	if digit {
		if m := multiNumRe.FindStringSubmatch(t); m != nil {
			return marker{kind: mkNumber, label: slug(m[2], 4), prefix: m[1], rest: m[3], depth: strings.Count(m[2], ".") + 1}
		}
		if m := numberRe.FindStringSubmatch(t); m != nil {
			if rest, ok := lineRest(t, m[0]); ok && !startsWithDigit(rest) {
				return marker{kind: mkNumber, label: m[2], prefix: m[1], rest: rest, depth: 1}
			}
		}
		if m := multiNumOpenRe.FindStringSubmatch(t); m != nil {
			return marker{kind: mkNumber, label: slug(m[2], 4), prefix: m[1], rest: m[3], depth: strings.Count(m[2], ".") + 1}
		}
		if m := numberOpenRe.FindStringSubmatch(t); m != nil {
			return marker{kind: mkNumber, label: m[2], prefix: m[1], rest: m[3], depth: 1}
		}
		if m := hyphenNumRe.FindStringSubmatch(t); m != nil {
			return marker{kind: mkNumber, label: slug(m[2], 4), prefix: m[1], rest: m[3], depth: strings.Count(m[2], ".") + 1}
		}
	}
	if lower {
		if m := letterRe.FindStringSubmatch(t); m != nil {
			if rest, ok := lineRest(t, m[0]); ok {
				return marker{kind: mkLetter, label: letterLabel(m[2]), prefix: m[1], rest: rest}
			}
		}
		if m := letterDot.FindStringSubmatch(t); m != nil {
			return marker{kind: mkLetter, label: letterLabel(m[2]), prefix: m[1], rest: m[3]}
		}
	}
	if digit || c == '(' {
		if m := parenRe.FindStringSubmatch(t); m != nil {
			return marker{kind: mkParen, prefix: m[1], rest: m[2]}
		}
	}
	if strings.ContainsRune("-+•◦▪●*–", c) {
		if m := bulletRe.FindStringSubmatch(t); m != nil {
			return marker{kind: mkBullet, prefix: m[1], rest: m[2]}
		}
	}
	return marker{}
}

// partCited tells a sentence that a wrapped line starts with a chapter's
// name ("… các Điều tại Mục 2 và 3" / "Chương II Nghị định này theo thẩm
// quyền quy định tại Điều 62 … được giao.") from a chapter's heading: no
// separator after the number, and the rest in lower case or ending as a
// sentence ends. A heading's name is in capitals, or after ".", ":" or
// "-", or a name without a final stop.
func partCited(sep, rest string) bool {
	if sep != "" || rest == "" || isCapsLine(rest) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(rest)
	last, _ := utf8.DecodeLastRuneInString(strings.TrimSpace(rest))
	return unicode.IsLower(r) || strings.ContainsRune(".;,", last)
}

// noteAfterNumbering takes out a footnote's mark (superscript digits) set
// right after the numbering a paragraph opens with — "3.⁵ Thị thực …",
// "1.¹⁸ …", "Điều 7¹. …" in the consolidated texts (văn bản hợp nhất)
// whose footnotes say what amended the khoản —, returning the text
// without it, the mark and its byte offset; mark is "" when there is none.
func noteAfterNumbering(t string) (clean, mark string, at int) {
	limit := min(len(t), 24)
	for i, r := range t[:limit] {
		if !tblIsSup(r) {
			continue
		}
		if i == 0 {
			return t, "", 0
		}
		prev, _ := utf8.DecodeLastRuneInString(t[:i])
		if !strings.ContainsRune(".):", prev) && (prev < '0' || prev > '9') {
			return t, "", 0
		}
		j := supRunEnd(t, i)
		return t[:i] + t[j:], t[i:j], i
	}
	return t, "", 0
}

// articleOf reads "Điều 5." / "Điều 5: …" / "Điều 5" alone; "Điều 5 của
// Luật …" is a citation, not a heading. articleRe matches the number only;
// the rest is read here, not by a pattern that would step through the
// whole article.
func articleOf(t string) (marker, bool) {
	m := articleRe.FindStringSubmatch(t)
	if m == nil {
		return marker{}, false
	}
	tail := t[len(m[0]):]
	if tail == "" {
		return marker{kind: mkArticle, label: "dieu-" + strings.ToLower(m[2]), prefix: m[1]}, true
	}
	tail = strings.TrimLeft(tail, asciiSpace)
	if tail == "" || (tail[0] != '.' && tail[0] != ':') {
		return marker{}, false
	}
	rest := strings.TrimLeft(tail[1:], asciiSpace)
	if strings.IndexByte(rest, '\n') >= 0 {
		return marker{}, false
	}
	return marker{kind: mkArticle, label: "dieu-" + strings.ToLower(m[2]), prefix: m[1] + tail[:1], rest: rest}, true
}

// asciiSpace is what \s matches in a regexp.
const asciiSpace = " \t\n\f\r\v"

// lineRest is the text after head, the match of a numbering pattern at
// the start of t, when `head(\S.*)$` would match t: it is not empty and
// holds no line break (head ends with every space it could take).
func lineRest(t, head string) (string, bool) {
	rest := t[len(head):]
	if rest == "" || strings.IndexByte(rest, '\n') >= 0 || strings.IndexByte(asciiSpace, rest[0]) >= 0 {
		return "", false
	}
	return rest, true
}

// letterLabel keeps đ apart from d in section IDs.
func letterLabel(l string) string {
	if l == "đ" {
		return "dd"
	}
	return l
}

func startsWithDigit(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsDigit(r)
}

// structural reports whether the numbering opens a section.
func (m marker) structural() bool { return m.kind != mkNone && m.kind < mkParen }

// rank orders the kinds of heading: a heading closes every open section of
// the same or a higher rank number and nests under the rest.
func (m marker) rank() float64 {
	switch m.kind {
	case mkPart, mkAppendix:
		if strings.HasPrefix(m.prefix, "Chương") || strings.HasPrefix(m.prefix, "CHƯƠNG") {
			return 1.2 // a law's Chương sits in its Phần
		}
		return 1
	case mkUpper:
		return 1.5
	case mkRoman:
		return 2
	case mkSection:
		return 3
	case mkArticle:
		return 4
	case mkNumber:
		return 5 + 0.1*float64(m.depth-1)
	case mkLetter:
		return 6
	}
	return 7
}

const (
	rankCaps  = 2    // an unnumbered line in capitals: a part
	subOffset = 0.05 // a sub-heading nests just under the numbered heading it follows
)

var (
	recipientsRe = lazyRE(`^(?:Nơi nhận|NƠI NHẬN)\s*:?`)
	closingRe    = lazyRE(`^(?:Nghị quyết|Quyết định|Chỉ thị|Kết luận|Quy định|Kế hoạch|Thông báo|Hướng dẫn|Báo cáo|Văn bản|Thông tư|Nghị định|Chương trình|Quy chế) này\s.*(?:thông qua|hiệu lực|có hiệu lực|thi hành)`)
	signingRe    = lazyRE(`^(?:TM|KT|TL|TUQ|Q)\.\s*\p{Lu}`)
	// signerTitleRe is a signer's position under "KT."/"TM." or alone
	// (Nghị định 30/2020/NĐ-CP, Phụ lục I, mục VIII; Hướng dẫn
	// 36-HD/VPTW): "PHÓ GIÁM ĐỐC", "THỨ TRƯỞNG", "CHỦ TỊCH", "BÍ THƯ" —
	// never the first line of an issuer block ("BỘ TƯ PHÁP", "SỞ NỘI VỤ").
	signerTitleRe = lazyRE(`^(?:PHÓ\s+)*(?:GIÁM ĐỐC|TỔNG GIÁM ĐỐC|CHỦ TỊCH|BỘ TRƯỞNG|THỨ TRƯỞNG|THỦ TƯỚNG|BÍ THƯ|TRƯỞNG BAN|CHÁNH VĂN PHÒNG|CHÁNH ÁN|VIỆN TRƯỞNG|CỤC TRƯỞNG|TỔNG CỤC TRƯỞNG|VỤ TRƯỞNG|TRƯỞNG PHÒNG|HIỆU TRƯỞNG|CHỦ NHIỆM|THỦ TRƯỞNG|TRƯỞNG ĐOÀN|GIÁM ĐỐC SỞ)(?:\s+THƯỜNG TRỰC)?(?:\s+\p{Lu}[\p{Lu}\s]*)?$`)
	authorRe      = lazyRE(`^(?:\(\s*(?:Theo|Nguồn)\s.*\)|Nguồn\s*:.*|(?:GS|PGS|TS|ThS|TSKH|NCS|CN|BS|KS|Nhà báo|Đại tá|Thượng tá|Trung tá|Thiếu tá|Thiếu tướng|Trung tướng|Đại tướng)(?:[\s.,].*)?)$`)
)

// structurer turns paragraphs into sections. It keeps the ranks of the
// open headings so levels stay contiguous whatever numbering a document
// skips (a resolution fragment starting at "2." then "Điều 3.").
type structurer struct {
	b      *builder
	ranks  []float64
	subs   []bool // ranks[i] is an unnumbered sub-heading
	list   []string
	opened bool // a heading has been opened (not just the opening section)
	body   bool // a real body paragraph has been seen
	// styled: the paragraphs carry formatting evidence (bold, heading
	// styles), so an unnumbered sub-heading must show it.
	styled bool
	// outlineRank maps a heading style's outline level to the rank of the
	// numbered headings seen with it, for unnumbered headings in that style.
	outlineRank map[int]float64
}

// structure builds the section tree from paragraphs. Before the first
// heading, title blocks and "Căn cứ" preambles form an opening section;
// from "Nơi nhận:" or the closing formula on, the distribution list and
// signature form a closing section; author and source lines stay as body
// text of the article they close. It consumes blocks: each paragraph is
// cleared once read, so that a long document's paragraph texts are freed
// while its sections are built.
func structure(blocks []para, styled bool) []*model.Section {
	b := newBuilder()
	starts := letterStarts(blocks)
	if len(starts) == 1 {
		structureInto(b, blocks, styled)
		return b.sections()
	}
	// A file holding several letters (a công văn with its companion
	// letters, each with its own header and signature): each letter is a
	// top-level part titled by its own header, its sections under it, so
	// that the later letters are not read as the first one's closing.
	titles := make([]string, len(starts))
	for k, from := range starts {
		to := len(blocks)
		if k+1 < len(starts) {
			to = starts[k+1]
		}
		titles[k] = letterTitle(blocks[from:to], k)
	}
	for k, from := range starts {
		to := len(blocks)
		if k+1 < len(starts) {
			to = starts[k+1]
		}
		b.floor = 0
		b.open(1, "van-ban-"+strconv.Itoa(k+1), titles[k])
		b.floor = 1
		structureInto(b, blocks[from:to], styled)
	}
	b.floor = 0
	return b.sections()
}

// maxLetters bounds the letters one file is split into (and the scans
// that find them).
const maxLetters = 64

// letterStarts returns where each letter of a file begins: 0, then, after
// each letter's closing (Nơi nhận, signature), the first line of a second
// full document header — the national or party motto with a số/ký hiệu
// line and a place-and-date line around it — if one follows within the
// closing's reach.
func letterStarts(blocks []para) []int {
	starts := []int{0}
	for from := 0; len(starts) < maxLetters; {
		seg := blocks[from:]
		c := closingStart(seg)
		if c >= len(seg) {
			break
		}
		h := nextHeader(seg, c)
		if h < 0 {
			break
		}
		starts = append(starts, from+h)
		from += h
	}
	return starts
}

var (
	letterNumberRe = lazyRE(`(?:^|\s)(?:Số|SỐ)\s*:`)
	letterDateRe   = lazyRE(`\pL,\s*ngày\b.*\bnăm\s*\d{4}`)
)

// nextHeader returns the index in seg of the first line of a document
// header after the closing that starts at c, or -1. The header's first
// line is the issuer block's (capital lines just before the motto, or the
// first paragraph of a header table); the signature before it stays with
// the letter it signs.
func nextHeader(seg []para, c int) int {
	const reach = 60 // a long Nơi nhận list and a signature
	for i := c + 1; i < len(seg) && i <= c+reach; i++ {
		t := seg[i].text
		if appendixHeadRe.MatchString(t) || utf8.RuneCountInString(t) > 300 {
			return -1 // an appendix, or body text: no letter follows
		}
		if mottoAt(t) < 0 {
			continue
		}
		lo, hi := max(c+1, i-6), min(len(seg), i+10)
		number, date := false, false
		for _, p := range seg[lo:hi] {
			number = number || letterNumberRe.MatchString(p.text)
			date = date || letterDateRe.MatchString(p.text)
		}
		if !number || !date {
			continue
		}
		start := i
		for j := i - 1; j >= lo; j-- {
			if seg[j].letterTop {
				return j
			}
		}
		for j := i - 1; j >= lo && i-j <= 3; j-- {
			t := seg[j].text
			if !isCapsLine(t) || signingRe.MatchString(t) || strings.HasSuffix(t, ":") {
				break
			}
			start = j
		}
		// A signer's title ("THỨ TRƯỞNG") is in capitals too: it stays
		// with the letter it signs, also when no name follows it (an
		// unsigned or redacted copy). A title not known as one is told by
		// the signer's name, which is not in capitals.
		titled := false
		for start < i && signerTitleRe.MatchString(seg[start].text) {
			start++
			titled = true
		}
		if !titled && start > c+1 && start < i && isCapsLine(seg[start-1].text) {
			start = i
		}
		return start
	}
	return -1
}

// letterTitle is the part title of letter k of a file: its header's
// document type and trích yếu, else "Văn bản k+1".
func letterTitle(seg []para, k int) string {
	var lines []string
	for _, p := range seg[:min(len(seg), 40)] {
		if p.raw {
			lines = append(lines, p.headerLines()...)
			continue
		}
		lines = append(lines, p.text)
	}
	if t := clipTitle(readHeader(lines).title()); t != "" {
		return t
	}
	return "Văn bản " + strconv.Itoa(k+1)
}

// structureInto builds the sections of one letter's paragraphs into b.
func structureInto(b *builder, blocks []para, styled bool) {
	s := &structurer{b: b, styled: styled, outlineRank: map[int]float64{}}
	closeAt := closingStart(blocks)
	toc := tableOfContents(blocks)
	openEnd := openingEnd(blocks)
	prevAuthor := false
	prevText := "" // the paragraph before this one
	quoteEnd := -1 // the last paragraph of the amended text being quoted
	for i := 0; i < len(blocks); i++ {
		if i > 0 {
			prevText = blocks[i-1].text
			blocks[i-1] = para{} // read: only the next one is looked at
		}
		bl := blocks[i]
		t := bl.text
		if toc[i] || i < openEnd {
			prevAuthor = false
			s.bodyPara(bl)
			continue
		}
		if i == closeAt {
			s.flushList()
			s.ranks, s.subs = s.ranks[:0], s.subs[:0]
			s.b.open(1, "phan-ket", "Phần kết")
			s.opened = true
		}
		if bl.raw {
			prevAuthor = false
			s.flushList()
			s.para(bl.md)
			s.notes(bl.notes())
			continue
		}
		if i >= closeAt {
			s.bodyPara(bl)
			continue
		}
		// "Sửa đổi, bổ sung khoản 2 như sau:" / "“2. Vũ khí quân dụng bao
		// gồm:" / "a) …" / "b) ….”;": the text an amending law quotes is
		// the amended law's, not this one's: its numbering opens no
		// section.
		if i > quoteEnd && introducesQuote(prevText) {
			quoteEnd = max(quoteEnd, quotationEnd(blocks, i, closeAt))
		}
		if i <= quoteEnd {
			prevAuthor = false
			s.bodyPara(bl)
			s.notes(bl.notes())
			continue
		}
		m := markerOf(t)
		if m.structural() && !bl.indented {
			prevAuthor = false
			head, body := splitHeading(m.prefix, m.rest)
			// "Chương I" / "NHỮNG QUY ĐỊNH CHUNG": a bare number with its
			// name on the line below (laws, decrees) is one heading.
			if m.rest == "" && i+1 < len(blocks) && i+1 < closeAt && isTitleLine(blocks[i+1]) {
				i++
				head = head + " " + blocks[i].text
				s.notes(blocks[i].notes())
			}
			if bl.outline > 0 {
				s.outlineRank[bl.outline] = m.rank()
			}
			s.heading(m.rank(), false, m.label, head)
			if body != "" {
				s.para(escapeText(body))
			}
			s.notes(bl.notes())
			continue
		}
		var next *para
		if i+1 < len(blocks) && i+1 < closeAt {
			next = &blocks[i+1]
		}
		switch {
		case bl.outline > 0 && !bl.indented && utf8.RuneCountInString(t) <= 200 && s.opened:
			// A heading style without numbering: at the rank numbered
			// headings of that style have, else just under the open one.
			prevAuthor = false
			rank, ok := s.outlineRank[bl.outline]
			if !ok {
				rank = s.subRank()
				if bl.outline == 1 && len(s.ranks) == 0 {
					rank = rankCaps
				}
			}
			s.heading(rank, !ok, "", t)
			s.notes(bl.notes())
		case bl.outline > 0 && !s.opened && !bl.title && (s.body || !isCapsLine(t)) && utf8.RuneCountInString(t) <= 200:
			// A heading before any numbered one: an article's title on a
			// web page; a title block in capitals stays in the opening.
			prevAuthor = false
			s.heading(rankCaps, false, "", t)
			s.notes(bl.notes())
		case s.isAuthor(bl, next, prevAuthor):
			prevAuthor = true
			s.flushList()
			s.para(emphasise(t))
			s.notes(bl.notes())
		case isCapsLine(t) && !strings.HasSuffix(t, ":") && !bl.indented && (!s.styled || bl.bold || bl.outline > 0 || bl.centered) &&
			!headerLike(t):
			prevAuthor = false
			if !s.opened {
				s.bodyPara(bl) // the title block of the opening section
				continue
			}
			s.heading(rankCaps, false, "", t)
			s.notes(bl.notes())
		case s.isSubheading(bl, next):
			prevAuthor = false
			s.heading(s.subRank(), true, "", t)
			s.notes(bl.notes())
		default:
			prevAuthor = false
			if m.kind == mkNone && utf8.RuneCountInString(t) > 60 {
				s.body = true
			}
			s.bodyPara(bl)
		}
	}
	s.flushList()
}

// maxQuoted is the most paragraphs a quotation of amended text runs to
// (a whole article of ten khoản and their điểm); an opening quote not
// closed by then is taken for a typo.
const maxQuoted = 200

// introducesQuote tells a paragraph after which quoted text is the
// amended law's: it ends "… như sau:", or it is an amending article or
// khoản ("Điều 67. Sửa đổi, bổ sung Điều 34 của Nghị định số 162/2018/NĐ-CP
// … (đã được sửa đổi, bổ sung tại …)").
func introducesQuote(prev string) bool {
	prev = strings.TrimSpace(prev)
	if strings.HasSuffix(prev, ":") {
		return true
	}
	f := fold(prev)
	return strings.Contains(f, "sua doi") || strings.Contains(f, "bo sung") || strings.Contains(f, "thay the")
}

// quotationEnd is the index of the paragraph that closes the quotation
// blocks[i] opens — a paragraph starting with “ (or ") that does not close
// it —, before limit; -1 when blocks[i] opens none or it is not closed
// within maxQuoted paragraphs.
func quotationEnd(blocks []para, i, limit int) int {
	t := strings.TrimSpace(blocks[i].text)
	curly := strings.HasPrefix(t, "“")
	if !curly && !strings.HasPrefix(t, "\"") {
		return -1
	}
	open := func(t string) int {
		if curly {
			return strings.Count(t, "“") - strings.Count(t, "”")
		}
		return strings.Count(t, "\"") % 2 // straight quotes: an odd count opens or closes
	}
	if open(t) <= 0 {
		return -1 // closed in the same paragraph
	}
	depth := open(t)
	for j := i + 1; j < limit && j <= i+maxQuoted; j++ {
		if curly {
			depth += open(blocks[j].text)
		} else {
			depth -= open(blocks[j].text)
		}
		if depth <= 0 {
			return j
		}
	}
	return -1
}

// openingEnd is where a document with a header (a motto or a "Số:" line
// in its first lines) may open its first section: at its first numbered
// heading. The type line, the trích yếu, the enacting body ("CHÍNH
// PHỦ"), "Kính gửi", Căn cứ and the preamble before it all belong to the
// opening. 0 when there is no header or no numbered heading.
func openingEnd(blocks []para) int {
	header := false
	for _, b := range blocks[:min(len(blocks), 40)] {
		if len(b.text) < 400 && (mottoAt(b.text) >= 0 || numberLineRe.MatchString(b.text)) {
			header = true
			break
		}
	}
	if !header {
		return 0
	}
	for i, b := range blocks {
		if b.raw || b.indented {
			continue
		}
		if m := markerOf(b.text); m.structural() && !headerLike(b.text) {
			return i
		}
	}
	return 0
}

// tableOfContents marks the paragraphs of a table of contents (Mục lục):
// a run of three or more numbered headings with no text between them,
// each of which stands again further on (a web page's side panel, a
// printed contents page with its dot leaders and page numbers). They are
// kept as text, so the headings are the ones with their articles.
func tableOfContents(blocks []para) map[int]bool {
	keys := make([]string, len(blocks))
	count := map[string]int{}
	for i, b := range blocks {
		if b.raw || b.indented || len(b.text) > 400 {
			continue
		}
		if m := markerOf(b.text); m.structural() {
			keys[i] = tocKey(b.text)
			count[keys[i]]++
		}
	}
	toc := map[int]bool{}
	for i := 0; i < len(blocks); {
		j := i
		inRun := map[string]bool{}
		for j < len(blocks) && keys[j] != "" && count[keys[j]] >= 2 && !inRun[keys[j]] {
			inRun[keys[j]] = true // a heading met again: the contents ended
			j++
		}
		if j-i >= 3 {
			for k := i; k < j; k++ {
				toc[k] = true
				count[keys[k]]-- // its later copy is the heading
			}
		}
		i = max(j, i+1)
	}
	return toc
}

// tocKey is what a contents line and its heading share: the folded text
// without dot leaders and a final page number.
func tocKey(t string) string {
	t = strings.TrimRight(t, " .…\t0123456789")
	return fold(strings.Join(strings.Fields(t), " "))
}

// closingStart finds where the closing part begins: the "Nơi nhận:" line,
// or an earlier closing formula ("Nghị quyết này … thông qua …") or
// signing line ("TM. …", "KT. …") after which no numbered heading comes.
func closingStart(blocks []para) int {
	// The recipients line that closes the document is one after which no
	// part, Roman-numbered section or article opens: an earlier
	// "Nơi nhận:" is an example quoted in the text (a guide on how to
	// write documents shows one).
	end := len(blocks)
	first := -1
	for i, b := range blocks {
		if recipientsRe.MatchString(b.text) {
			first = i
			break
		}
	}
	major := false // a major heading follows
	for i := len(blocks) - 1; i >= max(first, 0) && first >= 0; i-- {
		b := blocks[i]
		if recipientsRe.MatchString(b.text) && !major {
			end = i
		}
		if m := markerOf(b.text); !b.indented && (m.kind == mkPart || m.kind == mkRoman || m.kind == mkUpper || m.kind == mkArticle) {
			major = true
		}
	}
	at := end
	for i := end - 1; i >= 0; i-- {
		t := blocks[i].text
		if m := markerOf(t); m.structural() && !blocks[i].indented {
			break
		}
		if closingRe.MatchString(t) || signingRe.MatchString(t) {
			at = i
		}
	}
	// A consolidated text (văn bản hợp nhất) ends with the consolidating
	// office's authentication: "VĂN PHÒNG QUỐC HỘI" / "Số: 30/VBHN-VPQH" /
	// "XÁC THỰC VĂN BẢN HỢP NHẤT" / place and date / signer.
	for i := len(blocks) - 1; i >= 0 && i >= len(blocks)-12; i-- {
		if !consolidatedRe.MatchString(blocks[i].text) {
			continue
		}
		j := i
		for j > 0 && i-j < 3 && !markerOf(blocks[j-1].text).structural() &&
			(numberLineRe.MatchString(blocks[j-1].text) || isCapsLine(blocks[j-1].text)) {
			j--
		}
		at = min(at, j)
		break
	}
	return at
}

// consolidatedRe is the authentication line of a consolidated text
// (Pháp lệnh 01/2012/UBTVQH13 về hợp nhất văn bản quy phạm pháp luật).
var consolidatedRe = lazyRE(`^XÁC THỰC VĂN BẢN HỢP NHẤT`)

// heading opens a section of the given rank.
func (s *structurer) heading(rank float64, sub bool, label, text string) {
	s.flushList()
	for len(s.ranks) > 0 && s.ranks[len(s.ranks)-1] >= rank {
		s.ranks, s.subs = s.ranks[:len(s.ranks)-1], s.subs[:len(s.subs)-1]
	}
	s.ranks, s.subs = append(s.ranks, rank), append(s.subs, sub)
	s.b.open(len(s.ranks), label, text)
	s.opened = true
}

// subRank is the rank of an unnumbered sub-heading: just under the
// innermost numbered heading, so consecutive sub-headings are siblings.
func (s *structurer) subRank() float64 {
	for i := len(s.ranks) - 1; i >= 0; i-- {
		if !s.subs[i] {
			return s.ranks[i] + subOffset
		}
	}
	return rankCaps + subOffset
}

// bodyBlock adds a paragraph; consecutive list items form one list, and
// the labels of a resolution's structure ("QUYẾT NGHỊ:", "Nơi nhận:") are
// set in bold.
func (s *structurer) bodyBlock(t string) {
	if m := markerOf(t); m.kind == mkBullet {
		s.list = append(s.list, "- "+escapeText(m.rest))
		return
	}
	s.flushList()
	if recipientsRe.MatchString(t) || labelRe.MatchString(t) {
		s.para("**" + escapeText(t) + "**")
		return
	}
	s.para(escapeText(t))
}

// bodyPara adds a paragraph with its own markdown (emphasis, links) when
// its format gave some, and the footnotes it cites.
func (s *structurer) bodyPara(bl para) {
	switch {
	case bl.bullet:
		s.list = append(s.list, "- "+mdOr(bl))
	case bl.md != "" && !recipientsRe.MatchString(bl.text) && !labelRe.MatchString(bl.text):
		if m := markerOf(bl.text); m.kind == mkBullet {
			s.bodyBlock(bl.text)
			break
		}
		s.flushList()
		s.para(bl.md)
	default:
		s.bodyBlock(bl.text)
	}
	s.notes(bl.notes())
}

func mdOr(bl para) string {
	if bl.md != "" {
		return bl.md
	}
	return escapeText(bl.text)
}

// notes attaches footnotes to the section being filled.
func (s *structurer) notes(ns []model.Footnote) {
	if len(ns) == 0 {
		return
	}
	if s.b.current() == nil {
		s.b.open(1, "mo-dau", "Mở đầu")
	}
	cur := s.b.current()
	cur.Notes = append(cur.Notes, ns...)
}

var labelRe = lazyRE(`^(?:QUYẾT NGHỊ|QUYẾT ĐỊNH|NGHỊ QUYẾT|KẾT LUẬN|CHỈ THỊ)\s*:$`)

// emphasise sets an author or source line in italics when it begins and
// ends with a word, so the markers cannot attach to punctuation.
func emphasise(t string) string {
	first, _ := utf8.DecodeRuneInString(t)
	last, _ := utf8.DecodeLastRuneInString(t)
	if isWordRune(first) && isWordRune(last) {
		return "*" + escapeText(t) + "*"
	}
	return escapeText(t)
}

func (s *structurer) para(md string) {
	s.b.para(md, "Mở đầu")
}

func (s *structurer) flushList() {
	if len(s.list) > 0 {
		s.b.para(strings.Join(s.list, "\n"), "Mở đầu")
		s.list = s.list[:0]
	}
}

// isAuthor recognises the lines that close an article: its author and
// their title ("GS,TS. …" then "Chuyên gia cao cấp …"), the desk that
// wrote it ("Ban Biên tập", "Văn phòng Tỉnh uỷ") or its source ("(Theo …)").
// A short capitalised name right before the next numbered heading, or at
// the end, is one too.
func (s *structurer) isAuthor(bl para, next *para, prevAuthor bool) bool {
	t := bl.text
	if !s.opened || endsClause(t) {
		return authorRe.MatchString(t) && strings.HasPrefix(t, "(")
	}
	words := len(strings.Fields(t))
	if words > 20 {
		return false
	}
	if bl.indented || authorRe.MatchString(t) {
		return true
	}
	if prevAuthor && words <= 16 {
		return true
	}
	endOfArticle := next == nil || (markerOf(next.text).structural() && !next.indented)
	return endOfArticle && words <= 8 && nameLike(t)
}

// nameLike reports whether most words are capitalised, as in the name of a
// person or a body ("Ban Tuyên giáo Trung ương").
func nameLike(t string) bool {
	words := strings.Fields(t)
	caps := 0
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(r) {
			caps++
		}
	}
	return caps*2 >= len(words)
}

// isSubheading recognises a short unnumbered line without closing
// punctuation followed by body text: the sub-titles of bulletin articles.
func (s *structurer) isSubheading(bl para, next *para) bool {
	t := bl.text
	if next == nil || bl.indented || (!s.opened && !s.body) || endsClause(t) || strings.HasSuffix(t, ",") {
		return false
	}
	if s.styled && !bl.bold {
		return false // the format would show a sub-heading in bold
	}
	if headerLike(t) {
		return false
	}
	if len(strings.Fields(t)) > 16 || utf8.RuneCountInString(t) > 120 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(t, "“\"'("))
	if !unicode.IsUpper(r) {
		return false
	}
	nm := markerOf(t)
	return nm.kind == mkNone
}

// headerLike reports whether a line belongs to a document header — a
// motto, a "Số:" line, a party body's name over its "*" (Hướng dẫn
// 36-HD/VPTW) — as a guide on writing documents quotes them: never a
// heading of the text around it.
func headerLike(t string) bool {
	return strings.HasSuffix(t, "*") || soLineRe.MatchString(t) || isMottoLine(t) || ruleLineRe.MatchString(t) ||
		addresseeRe.MatchString(t) && strings.HasPrefix(fold(t), "kinh")
}

// soLineRe is a header's "Số:" line on its own ("Quyết định số 12/QĐ-UBND"
// in a heading is a citation, not a header part).
var soLineRe = lazyRE(`^[\s*\-–—_=~.·]*(?:Số|SỐ)\s*:?\s*\d`)

// isTitleLine reports whether a paragraph can be the name under a bare
// "Chương I", "Mục 2", "PHẦN THỨ NHẤT": in capitals or bold, short, not
// numbered itself.
func isTitleLine(bl para) bool {
	t := bl.text
	if bl.raw || bl.indented || markerOf(t).kind != mkNone || len(strings.Fields(t)) > 30 {
		return false
	}
	return isCapsLine(t) || (bl.bold && !endsClause(t))
}

// isCapsLine reports whether t is written in capitals (a title or part line).
func isCapsLine(t string) bool {
	if strings.Count(t, " ") >= 30 {
		return false
	}
	letters, upper := 0, 0
	for _, r := range t {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	return letters >= 4 && upper*10 >= letters*9 && len(strings.Fields(t)) <= 30
}

// splitHeading makes a one-line heading from a numbered paragraph. A short
// paragraph is the heading; otherwise its first sentence is, with the rest
// as body; a first sentence too long for a heading is cut at a word
// boundary with "…" and the whole paragraph, its number included, is kept
// as body, so no word is lost and the paragraph reads as written.
func splitHeading(prefix, rest string) (heading, body string) {
	rest = strings.TrimSpace(rest)
	if rest == "" {
		return prefix, ""
	}
	first, tail := firstSentence(rest)
	n := min(utf8.RuneCountInString(first[:min(len(first), 4*161)]), 161) // only n <= 160 matters
	switch {
	case tail == "" && n <= 160:
		return prefix + " " + rest, ""
	case tail != "" && n <= 120:
		return prefix + " " + first, tail
	}
	return prefix + " " + cutAtWord(rest, 90), prefix + " " + rest
}

// firstSentence splits s after its first sentence: a full stop, "?" or
// "!" followed by a space and a capital, not after an abbreviation
// ("TS.", "TP.") or a single letter.
func firstSentence(s string) (first, tail string) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '.' && c != '?' && c != '!' {
			continue
		}
		if i+2 >= len(s) || s[i+1] != ' ' {
			continue
		}
		r, _ := utf8.DecodeRuneInString(s[i+2:])
		if !unicode.IsUpper(r) && r != '“' && r != '"' {
			continue
		}
		if c == '.' && isAbbrev(s[:i]) {
			continue
		}
		return s[:i+1], strings.TrimSpace(s[i+2:])
	}
	return s, ""
}

// isAbbrev reports whether the text before a dot ends with an
// abbreviation: a word with a dot inside ("v.v"), a single letter, or a
// short word mostly in capitals ("TS", "ThS", "TP").
func isAbbrev(before string) bool {
	w := before
	if i := strings.LastIndexAny(before, " (“\""); i >= 0 {
		w = before[i+1:]
	}
	n := utf8.RuneCountInString(w)
	switch {
	case n == 0 || strings.Contains(w, "."):
		return true
	case n == 1:
		return true
	case n > 4 || strings.ContainsFunc(w, unicode.IsDigit):
		return false
	}
	upper := 0
	for _, r := range w {
		if unicode.IsUpper(r) {
			upper++
		}
	}
	return upper >= 2 && upper*2 >= n
}

// cutAtWord shortens s to at most max runes at a word boundary and marks
// the cut with "…".
func cutAtWord(s string, max int) string {
	var b strings.Builder
	whole := true // every word of s is in b
	runes := 0    // in b
	for w := range strings.FieldsSeq(s) {
		n := utf8.RuneCountInString(w[:min(len(w), 4*(max+1))])
		if b.Len() > 0 && runes+1+n > max {
			whole = false
			break
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
			runes++
		}
		b.WriteString(w)
		runes += n
	}
	out := strings.TrimRight(b.String(), ",;:-–—")
	if out == "" {
		out = b.String()
	}
	if !whole || len(out) < b.Len() {
		out += "…"
	}
	return out
}

// escapeText makes source text safe to embed in markdown: characters that
// would turn into emphasis, links or headings are escaped the way
// PlainText undoes them.
func escapeText(t string) string {
	if !strings.ContainsAny(t, "\\*_[]#") {
		return t
	}
	var b strings.Builder
	for i, r := range t {
		switch r {
		case '\\', '*', '_', '[', ']':
			b.WriteByte('\\')
		case '#':
			if strings.TrimSpace(t[:i]) == "" {
				b.WriteByte('\\')
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}
