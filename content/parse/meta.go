package parse

import (
	"chibo/content/model"

	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// fillMetadata reads what the text states about itself: kind, a one-line
// title, number (số/ký hiệu), date and issuing body. Nothing is invented:
// a field the text does not state stays empty (the title falls back to a
// description built from the text, then to the file name).
func fillMetadata(d *model.Document, text string) {
	head := headLines(text, 40)
	closing := closingText(text)
	var attached []string // "(kèm Báo cáo số 525-BC/TU ngày 01/12/2023 của …)"
	if top := strings.Join(head[:min(len(head), 8)], " "); strings.Contains(top, "kèm") {
		attached = attachedRe.FindStringSubmatch(top)
	}
	h := readHeader(head)
	if !h.motto && h.number == "" {
		h = laterHeader(text, h)
	}
	if !h.motto && h.number == "" {
		if g, ok := gazetteHeader(head); ok {
			h = g
		}
	}
	d.Kind = kindOf(d, head, text, closing)
	if k := kindOfType(h.docType); k != "" {
		d.Kind = k
	}
	d.Number = h.number
	if d.Number == "" {
		d.Number = numberOf(head, attached)
	}
	d.Date = h.date
	if d.Date == "" {
		d.Date = dateOf(head, attached, closing)
	}
	d.Issuer = h.issuer
	if d.Issuer == "" {
		d.Issuer = issuerOf(head, attached, closing)
	}
	if t := h.title(); t != "" && (h.motto || h.number != "" || h.issuer != "") {
		d.Title = clipTitle(t)
	} else {
		d.Title = titleOf(d, skipHeaderLines(head), text)
	}
	if d.Title == "" {
		d.Title = strings.TrimSuffix(d.Source, ".txt")
	}
	if d.Kind == model.KindOther {
		// A header whose type shares the subject's line ("Hướng dẫn một
		// số nội dung …", "Công văn về việc …") names its kind in the title.
		if k := kindOfType(d.Title); k != "" {
			d.Kind = k
		}
	}
}

// laterHeader looks for a header below other text — a web page's site
// navigation, a cover note — from the first motto line in the first 200
// lines, starting a few lines above it where the issuer block stands. It
// returns h when there is none.
func laterHeader(text string, h header) header {
	lines := headLines(text, 200)
	for k, l := range lines {
		if k == 0 || mottoAt(l) < 0 {
			continue
		}
		start := k
		for start > 0 && k-start < 6 {
			p := lines[start-1]
			if !(isCapsLine(p) || ruleLineRe.MatchString(p) || numberLineRe.MatchString(p)) || len(strings.Fields(p)) > 12 {
				break
			}
			start--
		}
		if later := readHeader(lines[start:]); later.motto && (later.number != "" || later.docType != "") {
			return later
		}
		break
	}
	return h
}

// kindOfType maps a document type to a library kind, "" when the type
// says nothing (a type the library has no group for is KindOther).
func kindOfType(t string) model.Kind {
	switch f := fold(t); {
	case t == "":
		return ""
	case strings.HasPrefix(f, "nghi quyet"):
		return model.KindResolution
	case strings.HasPrefix(f, "bao cao"):
		return model.KindReport
	case strings.HasPrefix(f, "tai lieu sinh hoat"):
		return model.KindBulletin
	case strings.HasPrefix(f, "phu luc"):
		return model.KindAppendix
	case hasAnyPrefix(f, "quyet dinh", "chi thi", "quy dinh", "ket luan", "quy che"):
		return model.KindDecision
	case hasAnyPrefix(f, "huong dan"):
		return model.KindGuidance
	case hasAnyPrefix(f, "ke hoach", "chuong trinh", "de an"):
		return model.KindPlan
	case hasAnyPrefix(f, "luat", "bo luat", "nghi dinh", "thong tu", "phap lenh", "sac lenh", "hien phap", "an le"):
		return model.KindLaw
	case hasAnyPrefix(f, "cong van", "thong bao", "giay moi", "to trinh", "phieu trinh", "cong dien"):
		return model.KindLetter
	}
	return model.KindOther
}

// skipHeaderLines drops the mottos and rules from the head lines, so that
// a title taken from the first line is never "Cộng hòa xã hội chủ nghĩa
// Việt Nam", "ĐẢNG CỘNG SẢN VIỆT NAM" or "-----".
func skipHeaderLines(head []string) []string {
	out := make([]string, 0, len(head))
	for _, l := range head {
		if isMottoLine(l) || ruleLineRe.MatchString(l) {
			continue
		}
		out = append(out, l)
	}
	if len(out) == 0 {
		return head
	}
	return out
}

func clipTitle(t string) string {
	t = strings.Join(strings.Fields(t), " ")
	if utf8.RuneCountInString(t) > maxTitle {
		t = cutAtWord(t, maxTitle-1)
	}
	return t
}

// closingText is the closing formula ("Nghị quyết này đã được … thông qua
// ngày …") on one line, or "". Only a window of text is searched with the
// patterns, which keeps large documents fast.
func closingText(text string) string {
	last, lastAt := "", -1
	for _, key := range []string{" này đã được", " này được"} {
		start := 0 // where the line holding the key starts, found going forward
		for from := 0; from < len(text); {
			i := strings.Index(text[from:], key)
			if i < 0 {
				break
			}
			if nl := strings.LastIndexByte(text[from:from+i], '\n'); nl >= 0 {
				start = from + nl + 1
			}
			i += from
			from = i + len(key)
			if !fewWordsBefore(text[start:i], 2) {
				// The formula opens its line with one or two words
				// ("Nghị quyết này …"): a key deep in a long line
				// cannot start it, and reading that line again for
				// each key would be quadratic in a one-line file.
				continue
			}
			window := strings.Join(strings.Fields(text[start:min(len(text), i+600)]), " ")
			if !strings.Contains(window, "thông qua") {
				continue // the formula needs it; the pattern is costly to run
			}
			if m := closingFormulaRe.FindString(window); m != "" && i > lastAt {
				last, lastAt = m, i
			}
		}
	}
	return last
}

// fewWordsBefore says whether s holds at most n words (runs of
// non-space runes, as strings.Fields cuts them). It reads s from its end
// and stops at the (n+1)th word, so a long s costs no more than its last
// words.
func fewWordsBefore(s string, n int) bool {
	words, inWord := 0, false
	for len(s) > 0 {
		r, size := utf8.DecodeLastRuneInString(s)
		s = s[:len(s)-size]
		if unicode.IsSpace(r) {
			inWord = false
			continue
		}
		if !inWord {
			words++
			if words > n {
				return false
			}
			inWord = true
		}
	}
	return true
}

// headLines returns the first n non-empty lines, trimmed, without the
// markdown emphasis and heading marks a converter may have added.
func headLines(text string, n int) []string {
	var out []string
	for rest := text; rest != ""; {
		var l string
		l, rest, _ = strings.Cut(rest, "\n")
		t := strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(l), "#"))
		t = strings.TrimSpace(strings.ReplaceAll(t, "**", ""))
		if t == "" {
			continue
		}
		if len(t) > 1000 {
			t = t[:1000] // a table row or long paragraph: its start is enough
			t = strings.ToValidUTF8(t, "")
		}
		out = append(out, t)
		if len(out) == n {
			break
		}
	}
	return out
}

var (
	appendixHeadRe   = lazyRE(`^(?:PHỤ LỤC|Phụ lục)\b`)
	docTypeRe        = lazyRE(`^(NGHỊ QUYẾT|BÁO CÁO|KẾ HOẠCH|QUYẾT ĐỊNH|CHỈ THỊ|KẾT LUẬN|HƯỚNG DẪN|THÔNG BÁO|CHƯƠNG TRÌNH|QUY ĐỊNH|TỜ TRÌNH|ĐỀ ÁN|TÀI LIỆU SINH HOẠT CHI BỘ|LUẬT|BỘ LUẬT|NGHỊ ĐỊNH|THÔNG TƯ(?: LIÊN TỊCH)?|PHÁP LỆNH|ÁN LỆ|QUY CHẾ|CÔNG VĂN|CÔNG ĐIỆN)((?:[\s:,.(–-].*)?)$`)
	closingFormulaRe = lazyRE(`^\pL+(?: \pL+)? này (?:đã )?được\s(?:[^.]|\.\d){0,300}?thông qua(?:[^.]|\.\d){0,200}`)
	attachedRe       = lazyRE(`kèm(?:\s+theo)?\s+(Báo cáo|Nghị quyết|Kế hoạch|Quyết định|Chương trình|Tờ trình|Kết luận|Thông báo)\s+số\s+(\S+)(?:\s+ngày\s+(\d{1,2})/(\d{1,2})/(\d{4}))?(?:\s+của\s+([^)]+))?`)
	ownNumberRe      = lazyRE(`^Số\s*:?\s*(\S+)`)
	datelineRe       = lazyRE(`\pL,\s*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})`)
	passedRe         = lazyRE(`thông qua\s+ngày\s+(\d{1,2})(?:\s+tháng\s+|/)(\d{1,2})(?:\s+năm\s+|/)(\d{4})`)
	passedByRe       = lazyRE(`^\pL+(?: \pL+)? này (?:đã )?được\s+(.+?)(?:\s+khóa\s|\s+khoá\s|,|\s+kỳ họp|\s+tại\s|\s+thông qua)`)
	issuerLineRe     = lazyRE(`^(?:HỘI ĐỒNG NHÂN DÂN|Ủ?Y BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|BAN THƯỜNG VỤ|BAN CHẤP HÀNH|BAN TUYÊN GIÁO|BAN DÂN VẬN|BAN TỔ CHỨC|ỦY BAN KIỂM TRA|UỶ BAN KIỂM TRA|TỈNH Ủ?Y|TỈNH UỶ|THÀNH Ủ?Y|THÀNH UỶ|HUYỆN Ủ?Y|HUYỆN UỶ|ĐẢNG Ủ?Y|ĐẢNG UỶ|ĐẢNG BỘ|CHI BỘ|BỘ CHÍNH TRỊ|CHÍNH PHỦ|THỦ TƯỚNG CHÍNH PHỦ|QUỐC HỘI)(?:\s|$)`)
)

func kindOf(d *model.Document, head []string, text, closing string) model.Kind {
	if len(head) > 0 && appendixHeadRe.MatchString(head[0]) {
		return model.KindAppendix
	}
	for _, l := range head[:min(len(head), 12)] {
		if m := docTypeRe.FindStringSubmatch(l); m != nil && (m[2] == "" || isCapsLine(l)) {
			switch m[1] {
			case "NGHỊ QUYẾT":
				return model.KindResolution
			case "BÁO CÁO":
				return model.KindReport
			case "TÀI LIỆU SINH HOẠT CHI BỘ":
				return model.KindBulletin
			}
			return kindOfType(m[1])
		}
	}
	if strings.HasPrefix(closing, "Nghị quyết") || strings.Contains(text, "\nQUYẾT NGHỊ:") {
		return model.KindResolution
	}
	for _, s := range d.Sections {
		if s.Level != 1 {
			continue
		}
		if f := fold(s.Heading); strings.Contains(f, "sinh hoat") && strings.Contains(f, "chi bo") {
			return model.KindBulletin
		}
	}
	if strings.Contains(fold(strings.Join(head[:min(len(head), 5)], " ")), "tai lieu sinh hoat") {
		return model.KindBulletin
	}
	return model.KindOther
}

func numberOf(head, attached []string) string {
	for _, l := range head[:min(len(head), 15)] {
		if m := ownNumberRe.FindStringSubmatch(l); m != nil {
			if sym, _, ok := ParseSymbol(m[1]); ok {
				return sym
			}
		}
	}
	if m := attached; m != nil {
		if sym, _, ok := ParseSymbol(m[2]); ok {
			return sym
		}
	}
	return ""
}

func dateOf(head, attached []string, closing string) string {
	for _, l := range head[:min(len(head), 20)] {
		if !strings.Contains(l, "ngày") || strings.HasPrefix(l, "Căn cứ") {
			continue
		}
		if m := datelineRe.FindStringSubmatch(l); m != nil {
			if d := isoDate(m[1], m[2], m[3]); d != "" {
				return d
			}
		}
	}
	if m := attached; m != nil && m[3] != "" {
		if d := isoDate(m[3], m[4], m[5]); d != "" {
			return d
		}
	}
	if m := passedRe.FindStringSubmatch(closing); m != nil {
		return isoDate(m[1], m[2], m[3])
	}
	return ""
}

// isoDate formats a Vietnamese day, month, year as ISO 8601, or "" when
// it is not a date.
func isoDate(day, month, year string) string {
	d, _ := strconv.Atoi(day)
	m, _ := strconv.Atoi(month)
	y, _ := strconv.Atoi(year)
	if d < 1 || d > 31 || m < 1 || m > 12 || y < 1900 || y > 2200 {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, m, d)
}

func issuerOf(head, attached []string, closing string) string {
	if m := attached; m != nil && m[6] != "" {
		return tidyIssuer(m[6])
	}
	for _, l := range head[:min(len(head), 10)] {
		if issuerLineRe.MatchString(l) && isCapsLine(l) {
			return tidyIssuer(sentenceCase(l))
		}
	}
	if m := passedByRe.FindStringSubmatch(closing); m != nil && len(strings.Fields(m[1])) <= 10 {
		return tidyIssuer(m[1])
	}
	return ""
}

// tidyIssuer writes "uỷ" the modern way ("Tỉnh ủy"), so one body is one
// facet value whichever spelling a document uses, and gives a body's
// specific name its capital as Nghị định 30/2020/NĐ-CP (Phụ lục II)
// writes it: "Bộ Nội vụ", "Sở Tư pháp", "Bộ Kế hoạch và Đầu tư", "Hội
// đồng Thẩm phán" — not "Ủy ban nhân dân", whose next word is common.
func tidyIssuer(s string) string {
	s = strings.NewReplacer("uỷ", "ủy", "Uỷ", "Ủy", "UỶ", "ỦY").Replace(strings.TrimSpace(s))
	s = strings.TrimRight(s, " .,;")
	words := strings.Fields(s)
	for _, t := range bodyTypes {
		tw := strings.Fields(t)
		if len(words) <= len(tw) || !strings.EqualFold(strings.Join(words[:len(tw)], " "), t) {
			continue
		}
		if next := words[len(tw)]; next != "nhân" && next != "các" && next != "của" {
			words[len(tw)] = capitalize(next)
			if tw[0] == "Bộ" || tw[0] == "Sở" {
				// "Bộ Nông nghiệp và Phát triển nông thôn"
				for i := len(tw) + 1; i+1 < len(words); i++ {
					if words[i] == "và" {
						words[i+1] = capitalize(words[i+1])
					}
				}
			}
		}
		return strings.Join(words, " ")
	}
	return s
}

// bodyTypes are the words that name a kind of body before its specific
// name.
var bodyTypes = []string{"Tổng cục", "Văn phòng", "Hội đồng", "Ủy ban", "Học viện", "Bộ", "Sở", "Ban", "Cục", "Vụ", "Viện", "Phòng", "Tòa án"}

const maxTitle = 150

func titleOf(d *model.Document, head []string, text string) string {
	t := rawTitle(d, head, text)
	t = strings.Join(strings.Fields(t), " ")
	if utf8.RuneCountInString(t) > maxTitle {
		t = cutAtWord(t, maxTitle-1)
	}
	if t == "" {
		t = strings.TrimSuffix(d.Source, ".txt")
	}
	return t
}

func rawTitle(d *model.Document, head []string, text string) string {
	if len(head) == 0 {
		return ""
	}
	if d.Kind == model.KindAppendix {
		return appendixTitle(head)
	}
	for i, l := range head[:min(len(head), 12)] {
		m := docTypeRe.FindStringSubmatch(l)
		if m == nil || (m[2] != "" && !isCapsLine(l)) {
			continue
		}
		parts := []string{l}
		for _, n := range head[i+1 : min(len(head), i+4)] {
			if markerOf(n).structural() || issuerLineRe.MatchString(n) || ownNumberRe.MatchString(n) || datelineRe.MatchString(n) ||
				strings.HasPrefix(n, "Căn cứ") || strings.HasPrefix(n, "KHÓA") || strings.HasPrefix(n, "KHOÁ") {
				break
			}
			f := fold(n)
			if !isCapsLine(n) && !strings.HasPrefix(f, "ve ") {
				break
			}
			parts = append(parts, n)
		}
		return sentenceCase(strings.Join(parts, " "))
	}
	if t := headerlessTitle(d); t != "" {
		return t
	}
	if d.Layout == model.LayoutMarkdown && len(d.Sections) > 0 && d.Sections[0].ID != "mo-dau" {
		return d.Sections[0].Heading
	}
	if t := enactedMatter(head[:min(len(head), 8)]); t != "" {
		return t
	}
	first, ok := firstTitleLine(head[:min(len(head), 8)])
	if !ok {
		// A fragment that opens mid-sentence or on its legal grounds:
		// its first heading names what it is about.
		for _, s := range d.Sections {
			if s.ID != "mo-dau" {
				return numberedTitle(s.Heading)
			}
		}
		first = head[0]
	}
	if len(strings.Fields(first)) <= 25 {
		t := numberedTitle(first)
		if isCapsLine(t) {
			return sentenceCase(t)
		}
		return t
	}
	if len(d.Sections) > 0 && d.Sections[0].ID != "mo-dau" {
		return numberedTitle(d.Sections[0].Heading)
	}
	return cutAtWord(numberedTitle(first), 80)
}

// firstTitleLine is the first of the head lines that can name a document:
// not its legal grounds ("Căn cứ …", "- Căn cứ …"), not a list item, not
// the end of a sentence begun on an earlier page (a line in lower case).
// ok is false when none of them can.
func firstTitleLine(head []string) (string, bool) {
	for _, l := range head {
		l = strings.TrimSpace(l)
		t := strings.TrimLeft(l, "-–+•* \t")
		r, _ := utf8.DecodeRuneInString(t)
		m := markerOf(l)
		switch {
		case m.structural():
			return l, true
		case t == "" || strings.HasPrefix(t, "Căn cứ") || unicode.IsLower(r) || t != l && !isCapsLine(t) ||
			m.kind == mkBullet || m.kind == mkParen || signStampRe.MatchString(t):
			continue
		case len(strings.Fields(t)) > 25 && strings.HasSuffix(t, "."):
			continue // a sentence of the body
		case !strings.ContainsFunc(t, unicode.IsLetter):
			continue // a page number, a rule
		}
		return l, true
	}
	return "", false
}

// signStampRe is the box an e-signature system stamps on a page ("Người
// ký: Sở Y tế Email: … Cơ quan: …", "Ký bởi: …", "Thời gian ký: …") or
// the Official Gazette's running header ("CÔNG BÁO/Số 1583 + 1584/Ngày
// 17-11-2025"): no title.
var signStampRe = lazyRE(`^(?:Người ký|Ký bởi|Được ký bởi|Thời gian ký|Ngày ký|Cơ quan|Email|Signature)\s*:|^(?:CÔNG BÁO|Công báo)\s*/`)

// numberedTitle is a heading used as a title without its list number
// ("2. Điều 3: Về quyền của đảng viên" → "Điều 3: Về quyền của đảng
// viên"): the number places it in a document the fragment is not. The
// numbering of an article, chapter or part stays.
func numberedTitle(h string) string {
	m := markerOf(h)
	switch m.kind {
	case mkNumber, mkLetter, mkRoman, mkUpper:
		if rest := strings.TrimRight(strings.TrimSpace(m.rest), ":"); len(strings.Fields(rest)) >= 2 {
			return rest
		}
	}
	return strings.TrimRight(h, ":")
}

// enactingRe is the sentence that opens the body of a guide or regulation
// after its legal grounds: "Ban Bí thư hướng dẫn một số vấn đề cụ thể thi
// hành Điều lệ Đảng như sau:" — who, the act, and its matter.
var enactingRe = lazyRE(`^(?:\p{Lu}[\pL ,-]{2,80}?)\s(hướng dẫn|quy định|quyết định|kết luận|thông báo)\s((?:[^.:;]){8,200}?)\s+(?:cụ thể\s+)?như sau\s*:?$`)

// enactedMatter is the title an enacting sentence among the head lines
// gives a document without its header: "Hướng dẫn một số vấn đề cụ thể
// thi hành Điều lệ Đảng". "" when there is none or its matter is an act
// alone ("thống nhất hướng dẫn thực hiện như sau:").
func enactedMatter(head []string) string {
	for _, l := range head {
		m := enactingRe.FindStringSubmatch(strings.TrimSpace(l))
		if m == nil {
			continue
		}
		if f := fold(m[2]); len(strings.Fields(m[2])) < 3 || hasAnyPrefix(f, "thuc hien", "trien khai") && len(strings.Fields(m[2])) < 5 {
			return ""
		}
		return capitalize(m[1]) + " " + m[2]
	}
	return ""
}

// kindTypes name the document type of the kinds a text can reveal without
// a header line (the closing formula of a resolution, a bulletin's part
// "… sinh hoạt tại chi bộ").
var kindTypes = map[model.Kind]string{
	model.KindResolution: "Nghị quyết",
	model.KindBulletin:   "Tài liệu sinh hoạt chi bộ",
}

// headerlessTitle composes the title of a document whose header is lost
// (a fragment, a bulletin typed without one) as the header would have it,
// document type + trích yếu (Nghị định 30/2020/NĐ-CP, Hướng dẫn
// 36-HD/VPTW), with the trích yếu taken from the document's own words:
//
//  1. the implementation part ("Điều 3. Tổ chức thực hiện", "IV. TỔ CHỨC
//     THỰC HIỆN") names the matter it puts to work: "… tổ chức triển
//     khai hiệu quả các nhiệm vụ, giải pháp phát triển kinh tế - xã hội
//     năm 2025." → "Nghị quyết về nhiệm vụ, giải pháp phát triển …";
//  2. else the heading of the first top-level part, when the outline
//     starts at the first number of a part series (Phần thứ nhất, A.,
//     I.) and the heading is a name, not a sentence: the part a document
//     opens with is its main matter (articles and items are content) → "Tài liệu sinh hoạt chi
//     bộ: Thực hiện Kết luận số 01-KL/TW của Bộ Chính trị";
//  3. else the type and the issuer ("Nghị quyết của Hội đồng nhân dân
//     tỉnh …"), or the type alone.
//
// It returns "" for a kind the text cannot name a type for.
func headerlessTitle(d *model.Document) string {
	typ := kindTypes[d.Kind]
	if typ == "" {
		return ""
	}
	if s := implementedMatter(d.Sections); s != "" {
		return typ + " về " + s
	}
	if s := openingPart(d.Sections); s != "" {
		return typ + ": " + s
	}
	if d.Issuer != "" {
		return typ + " của " + d.Issuer
	}
	return typ
}

// putToWorkRe finds what a sentence of an implementation part puts to
// work: "tổ chức (triển khai) (thực hiện) (có hiệu quả) (các) X" up to the
// end of the sentence or clause.
var putToWorkRe = lazyRE(`tổ chức (?:triển khai )?(?:thực hiện )?(?:(?:có )?hiệu quả |tốt |nghiêm túc |đồng bộ )?(?:các |những )?([^.;:()]{8,200}?)(?:[.;:(]|$| trong | theo )`)

// implementedMatter is the matter the implementation part of secs puts to
// work, in the words of its first sentence that names one — not the
// document itself ("tổ chức thực hiện Nghị quyết này"); "" when there is
// no such part or it names nothing else.
func implementedMatter(secs []*model.Section) string {
	for i, s := range secs {
		if f := fold(headingRest(s.Heading)); !strings.HasPrefix(f, "to chuc thuc hien") {
			continue
		}
		// The part's own text, then its sub-sections' headings and texts.
		for _, t := range partTexts(secs, i) {
			for _, m := range putToWorkRe.FindAllStringSubmatch(strings.Join(strings.Fields(t), " "), -1) {
				x := strings.TrimSpace(m[1])
				f := fold(x)
				if strings.Contains(" "+f+" ", " nay ") || hasAnyPrefix(f, "thuc hien", "trien khai", "kiem tra", "giam sat") ||
					kindOfType(x) != model.KindOther || len(strings.Fields(x)) < 3 {
					continue // the document itself, or an act rather than a matter
				}
				return strings.TrimPrefix(x, "về ")
			}
		}
		return ""
	}
	return ""
}

// partTexts are the heading rests and texts of secs[i] and of the sections
// under it, in order.
func partTexts(secs []*model.Section, i int) []string {
	out := []string{secs[i].Text}
	for _, s := range secs[i+1:] {
		if s.Level <= secs[i].Level {
			break
		}
		out = append(out, headingRest(s.Heading), s.Text)
	}
	return out
}

// headingRest is a heading without its numbering.
func headingRest(h string) string {
	if m := markerOf(h); m.kind != mkNone {
		return m.rest
	}
	return h
}

// openingPart is the heading of the first top-level section, without its
// number and in sentence case, when that section carries the first number
// of its series; "" otherwise (a fragment that starts at "2.").
func openingPart(secs []*model.Section) string {
	for _, s := range secs {
		if s.Level != 1 || s.ID == "mo-dau" {
			continue
		}
		m := markerOf(s.Heading)
		if m.kind != mkPart && m.kind != mkUpper && m.kind != mkRoman || !isFirstNumber(m.label) {
			return "" // an article or item is content, not a matter
		}
		topic := strings.TrimSpace(m.rest)
		if n := len(strings.Fields(topic)); n == 0 || n > 20 || strings.HasSuffix(topic, ".") {
			return ""
		}
		if isCapsLine(topic) {
			topic = sentenceCase(topic)
		}
		return topic
	}
	return ""
}

// isFirstNumber tells whether a marker label ("i", "1", "a", "dieu-1",
// "phan-thu-nhat") is the first of its series.
func isFirstNumber(label string) bool {
	last := label[strings.LastIndexByte(label, '-')+1:]
	switch last {
	case "1", "i", "a", "nhat":
		return true
	}
	return false
}

// appendixTitle is "Phụ lục 2: " and the description that follows the
// "PHỤ LỤC 2" line, without the "(kèm Báo cáo số …)" note.
func appendixTitle(head []string) string {
	label := strings.TrimSpace(head[0])
	rest := ""
	if m := appendixRe.FindStringSubmatch(label); m != nil {
		label, rest = m[1], m[4]
	}
	label = sentenceCase(label)
	var desc []string
	if rest != "" {
		desc = append(desc, rest)
	}
	for _, l := range head[1:min(len(head), 6)] {
		if strings.Contains(l, "\t") || strings.EqualFold(l, "STT") {
			break
		}
		desc = append(desc, l)
		if strings.Contains(l, "(kèm") || strings.HasSuffix(l, ")") || strings.HasSuffix(l, ".") {
			break
		}
	}
	t := strings.Join(desc, " ")
	if i := strings.Index(t, "(kèm"); i > 0 {
		t = strings.TrimSpace(t[:i])
	}
	if isCapsLine(t) {
		t = sentenceCase(t)
	}
	if t == "" {
		return label
	}
	return label + ": " + t
}

var (
	// properNames are written with capitals even in a title that was all
	// capitals. The list holds the bodies and places party documents name.
	properNames = []string{
		"Ban Chấp hành Trung ương", "Bộ Chính trị", "Ban Bí thư", "Ban Thường vụ", "Thường trực",
		"Tỉnh ủy", "Tỉnh uỷ", "Thành ủy", "Thành uỷ", "Huyện ủy", "Huyện uỷ", "Trung ương",
		"Hội đồng nhân dân", "Ủy ban nhân dân", "Uỷ ban nhân dân", "Mặt trận Tổ quốc",
		"Quốc hội", "Chính phủ", "Thủ tướng", "Nhà nước", "Đảng", "Bác Hồ", "Hồ Chí Minh", "Việt Nam",
		"Nghị quyết", "Kết luận", "Chỉ thị", "Quyết định", "Quy định", "Kế hoạch", "Chương trình",
		"Điều lệ Đảng", "Tòa án nhân dân", "Toà án nhân dân", "Viện kiểm sát nhân dân",
	}
	// A place name ends a body's or a unit's name: "tỉnh Bến Tre", "Tỉnh
	// ủy Bến Tre", "Đảng ủy xã Phú Hưng".
	placeRe = lazyRE(`(?:^|\s)(tỉnh|thành phố|huyện|quận|xã|phường|thị xã|thị trấn|(?:Tỉnh|Thành|Huyện|Quận) (?:ủy|uỷ)) ((?:\pL+ ?){1,3})$`)
)

// sentenceCase rewrites a line in capitals as a sentence: first letter
// capital, then lower case except directive symbols, Roman numerals,
// acronyms, the names of bodies and the place name after "tỉnh", "huyện" ….
func sentenceCase(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		switch {
		case strings.ContainsAny(w, "0123456789") && strings.ContainsAny(w, "/-"):
			// a symbol such as 01-KL/TW stays as written
		case romanValid.MatchString(strings.Trim(w, ".,;:()")) && strings.Trim(w, ".,;:()") != "":
		case isAcronym(w):
		default:
			words[i] = strings.ToLower(w)
		}
	}
	out := strings.Join(words, " ")
	lower := strings.ToLower(out)
	if len(lower) != len(out) {
		return capitalize(out) // byte offsets would not line up
	}
	for _, n := range properNames {
		ln := strings.ToLower(n)
		for from := 0; ; {
			j := strings.Index(lower[from:], ln)
			if j < 0 {
				break
			}
			j += from
			end := j + len(ln)
			before, _ := utf8.DecodeLastRuneInString(lower[:j])
			after, _ := utf8.DecodeRuneInString(lower[end:])
			// "đảng viên" (a party member) is a common noun: "kết nạp
			// đảng viên", not "Đảng viên".
			member := n == "Đảng" && strings.HasPrefix(lower[end:], " viên")
			if !isWordRune(before) && !isWordRune(after) && !member {
				out = out[:j] + n + out[end:]
			}
			from = end
		}
	}
	out = lawNames(out)
	if m := placeRe.FindStringSubmatchIndex(out); m != nil {
		place := strings.Fields(out[m[4]:m[5]])
		for i, p := range place {
			place[i] = capitalize(p)
		}
		out = out[:m[4]] + strings.Join(place, " ") + out[m[5]:]
	}
	return capitalize(out)
}

// lawNameRe finds a law named in a title lowered from capitals: "… một
// số điều của luật quản lý, sử dụng vũ khí …", "hướng dẫn thi hành bộ
// luật dân sự".
var lawNameRe = lazyRE(`(?:^|\s)(?:của|thi hành|hướng dẫn|theo|và|tại)\s+(bộ luật|luật|pháp lệnh)\s+(\pL+)`)

// lawNames writes the names of laws in s as Nghị định 30/2020/NĐ-CP
// (Phụ lục II, on capitals: a document's type named for a particular
// one) has them: the type and the first word of the name capitalised ("của Luật Quản lý, sử dụng vũ khí", "Bộ luật Dân sự"). A
// common noun after the type ("luật này", "luật số", "các luật khác") is
// no name.
func lawNames(s string) string {
	locs := lawNameRe.FindAllStringSubmatchIndex(s, -1)
	for k := len(locs) - 1; k >= 0; k-- {
		m := locs[k]
		switch s[m[4]:m[5]] {
		case "này", "số", "và", "hoặc", "khác", "có", "liên", "đã", "được", "hiện", "mới":
			continue
		}
		s = s[:m[2]] + capitalize(s[m[2]:m[3]]) + s[m[3]:m[4]] + capitalize(s[m[4]:m[5]]) + s[m[5]:]
	}
	return s
}

// isAcronym recognises short all-capital words that are abbreviations
// (HĐND, UBND, APEC): no vowel, or a known one.
func isAcronym(w string) bool {
	w = strings.Trim(w, ".,;:()“”\"")
	switch w {
	case "HĐND", "UBND", "MTTQ", "APEC", "ASEAN", "GRDP", "OCOP", "COVID", "TW", "TU", "ĐUK":
		return true
	}
	if utf8.RuneCountInString(w) < 2 || strings.ToUpper(w) != w {
		return false
	}
	return !strings.ContainsFunc(fold(w), func(r rune) bool { return strings.ContainsRune("aeiouy", r) })
}

func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

func hasAnyPrefix(s string, prefixes ...string) bool {
	for _, p := range prefixes {
		if s == p || strings.HasPrefix(s, p+" ") {
			return true
		}
	}
	return false
}
