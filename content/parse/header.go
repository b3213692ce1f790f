package parse

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// header is what the opening block of an administrative document states
// about it. The layout is fixed by Nghị định 30/2020/NĐ-CP (state
// documents, Phụ lục I) and Hướng dẫn 36-HD/VPTW (party documents): at the
// top left the issuing body under its parent ("THÀNH UỶ HÀ NỘI" / "BAN TỔ
// CHỨC"), a rule or "*", and "Số: 38-HD/BTCTW"; at the top right the
// national motto ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" / "Độc lập - Tự do -
// Hạnh phúc") or the party's ("ĐẢNG CỘNG SẢN VIỆT NAM") and the place and
// date ("Hà Nội, ngày 29 tháng 9 năm 2025"); then, centred, the document
// type ("HƯỚNG DẪN") and its trích yếu ("nghiệp vụ công tác đảng viên" —
// lower case in party documents, capitals or "Về …" in state ones), or for
// a công văn the "V/v …" line under the number.
//
// Readers give the two columns one after the other (a docx header table
// read cell by cell) or side by side on one line (PDF text), so every
// line is read for each part, and a line holding both a left and a right
// part is split at the motto.
type header struct {
	issuer  string // the issuing body in sentence case: "Ban Tổ chức Trung ương"; "" when not stated
	number  string // số/ký hiệu, canonical ("38-HD/BTCTW"); "" when not stated
	date    string // ISO 8601; "" when not stated
	docType string // "Hướng dẫn", "Luật" … ; "" when no type line was found
	subject string // the trích yếu in sentence case; may be ""
	motto   bool   // a national or party motto was seen
	// leftSubject is a trích yếu written under the number in the left
	// column (a công văn's "V/v …", some guides' subject), with the lines
	// that continue it.
	leftSubject string
	afterNumber bool   // the line read last was the number line
	draftDate   bool   // the date line left the day or month blank
	draftLine   string // that line
	// end is the index in the lines just after the header (after the
	// trích yếu and its rule), where the body starts.
	end int
}

// title is the document type and its trích yếu: "Hướng dẫn nghiệp vụ
// công tác đảng viên"; "" when the header names no type.
func (h header) title() string {
	switch {
	case h.docType == "" && h.leftSubject != "":
		if m := vvRe.FindStringSubmatch(h.leftSubject); m != nil {
			return "Công văn về việc " + strings.TrimSpace(m[1])
		}
		return h.leftSubject
	case h.docType == "":
		return ""
	case h.subject == "":
		return h.docType
	}
	return h.docType + " " + h.subject
}

var (
	// numberLineRe is the "Số" line: "Số: 50/2019/QH14", "Số 38 - HD/BTCTW",
	// "Luật số: 50/2019/QH14", "Số:   /KH-UBND" (a draft: no number).
	numberLineRe = lazyRE(`^[\s*\-–—_=~.·]*(?:\p{Lu}\pL*(?:\s+\pL+)?\s+)?(?:Số|SỐ|số)\s*:?\s*(\d{1,5}\.?(?:\s*[-/]\s*[\pL\d.&]+){1,4})`)
	ruleLineRe   = lazyRE(`^[\s\-–—_*=~.…·•⁕✻+]+$`)
	// dateDraftRe is a place and date line left for the signing day to
	// fill in ("Lâm Đồng, ngày    tháng 3 năm 2026"): a header line, with
	// no date to read.
	draftYearRe = lazyRE(`năm\s*(\d{4})`)
	dateDraftRe = lazyRE(`^\pL[\pL ]{0,40},\s*ngày[\s.…_]*(?:\d{1,2})?[\s.…_]*tháng[\s.…_]*(?:\d{1,2})?[\s.…_]*năm\s*\d{4}`)
	// headerSplitRe cuts a header paragraph where a cell's soft line
	// breaks were: at a rule ("QUỐC HỘI -------- Luật số: …") and before
	// a "Số:" line.
	headerSplitRe = lazyRE(`\s*[-–—_=*~]{3,}\s*|\s+(?:Số|SỐ)\s*:`)
	// deptInsideRe finds a department after its parent on one line (not
	// the "BAN" of "ỦY BAN NHÂN DÂN").
	deptInsideRe = lazyRE(`(?:TRUNG ƯƠNG|TỈNH ỦY|TỈNH UỶ|THÀNH ỦY|THÀNH UỶ|HUYỆN ỦY|HUYỆN UỶ|ĐẢNG ỦY|ĐẢNG UỶ)(?:\s+\p{Lu}+){0,3}?\s+((?:BAN\s|VĂN PHÒNG|ỦY BAN KIỂM TRA|UỶ BAN KIỂM TRA))`)
	// enactorRe opens the line naming who enacts the document, under its
	// trích yếu ("BỘ TRƯỞNG BỘ NÔNG NGHIỆP …", "THỦ TƯỚNG CHÍNH PHỦ").
	enactorRe = lazyRE(`^(?:BỘ TRƯỞNG|THỦ TƯỚNG|CHỦ TỊCH|PHÓ CHỦ TỊCH|GIÁM ĐỐC|TỔNG GIÁM ĐỐC|CỤC TRƯỞNG|TỔNG CỤC TRƯỞNG|CHÁNH ÁN|VIỆN TRƯỞNG|TỔNG KIỂM TOÁN|THỐNG ĐỐC|TRƯỞNG BAN)\b`)
	// tableHeadRe is the header row of a table under a title ("STT",
	// "TT  Nội dung"): not part of the trích yếu.
	tableHeadRe = lazyRE(`^(?:STT|TT|Số TT)(?:\s|$)`)
	// unitEndRe is a line ending in an administrative unit whose name is
	// on the next line.
	unitEndRe = lazyRE(`\s(?:TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG)$`)
	// placeLineRe continues an issuing body's name on the line below it:
	// "ỦY BAN NHÂN DÂN" / "TỈNH LÂM ĐỒNG".
	placeLineRe = lazyRE(`^(?:TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|THỊ TRẤN|XÃ|PHƯỜNG|ĐẶC KHU)\s`)
	// bareBodyRe is a line holding only the kind of a body, whose name
	// goes on below: "HIỆP HỘI" / "CÔNG CHỨNG VIÊN VIỆT NAM".
	bareBodyRe = lazyRE(`^(?:HIỆP HỘI|HỘI|LIÊN HIỆP|LIÊN ĐOÀN|TỔNG LIÊN ĐOÀN|TỔNG CÔNG TY|CÔNG TY|TRUNG TÂM|HỌC VIỆN|VIỆN|TRƯỜNG|TỔNG CỤC|CỤC|SỞ|BỘ)$`)
	vvRe       = lazyRE(`^(?:V/v|V/V|v/v|Về việc|VỀ VIỆC)[\s:.]+(.+)$`)
	sessionRe  = lazyRE(`^(?:KHÓA|KHOÁ|Khóa|Khoá|KỲ HỌP|Kỳ họp)\b`)
	// addresseeRe opens the lines under a title that are not part of it:
	// the addressee of a letter or petition, a form's first field.
	addresseeRe = lazyRE(`^(?:Kính gửi|KÍNH GỬI|Đồng kính gửi|Kính trình)|^[\pL ]{1,30}:`)
	// deptRe is a department of a body, named in full only with its parent
	// ("BAN TỔ CHỨC" of "BAN CHẤP HÀNH TRUNG ƯƠNG" is the Ban Tổ chức Trung
	// ương).
	deptRe = lazyRE(`^(?:BAN|VĂN PHÒNG|ỦY BAN KIỂM TRA|UỶ BAN KIỂM TRA|ĐẢNG ĐOÀN|BAN CÁN SỰ)\b`)
)

// mottoAt returns the byte offset in l where a national or party motto
// starts, -1 when l holds none.
func mottoAt(l string) int {
	// Every motto has "Nam", "nghĩa" or "phúc", however it is typed (or
	// cut short by OCR); Fold is too slow to run on every line of a large
	// library.
	if len(l) > 400 || !strings.Contains(l, "am") && !strings.Contains(l, "AM") && !strings.Contains(l, "úc") &&
		!strings.Contains(l, "ÚC") && !strings.Contains(l, "uc") && !strings.Contains(l, "UC") &&
		!strings.Contains(l, "gh") && !strings.Contains(l, "GH") {
		return -1
	}
	f := fold(l)
	for _, m := range []string{"cong hoa xa hoi chu nghia", "dang cong san viet nam", "doc lap - tu do - hanh phuc", "doc lap tu do hanh phuc", "doc lap – tu do – hanh phuc"} {
		if i := strings.Index(f, m); i >= 0 {
			return foldOffset(l, i)
		}
	}
	return -1
}

// foldOffset maps a rune index of Fold(l) back to a byte offset in l:
// Fold keeps one rune per letter (it only drops combining marks of the
// decomposed form, and l is NFC), so rune counts line up.
func foldOffset(l string, foldByte int) int {
	runes := utf8.RuneCountInString(fold(l)[:foldByte])
	for i := range l {
		if runes == 0 {
			return i
		}
		runes--
	}
	return len(l)
}

func isMottoLine(l string) bool {
	i := mottoAt(l)
	return i >= 0 && strings.TrimSpace(l[:i]) == ""
}

// readHeader reads the header from the first lines of a document (blank
// lines dropped, table cells one per line). It stops at the first
// structural heading, "Căn cứ" or "Nơi nhận".
func readHeader(lines []string) header {
	var h header
	lines = splitHeaderLines(lines)
	var left []string // caps lines before the number or motto: the issuer block
	issuerDone := false
	skipped := 0  // lines of the header zone that are none of its parts
	rows := false // the columns are merged row by row
	limit := min(len(lines), 30)
	i := 0
	for ; i < limit; i++ {
		l := strings.TrimSpace(lines[i])
		if l == "" {
			continue
		}
		if strings.HasPrefix(l, "Căn cứ") || recipientsRe.MatchString(l) {
			break
		}
		if m := markerOf(l); m.structural() && m.kind != mkPart && m.kind != mkAppendix && (h.motto || h.number != "") {
			break
		}
		// A left-column part before the motto on the same line: the two
		// columns come row by row, so the issuer block goes on below.
		if at := mottoAt(l); at > 0 {
			if before := strings.TrimSpace(l[:at]); before != "" {
				h.readLeft(before, &left, &issuerDone)
				rows = true
			}
			l = strings.TrimSpace(l[at:])
			// "… CHỦ NGHĨA VIỆT NAM THỊ XÃ BỈM SƠN": the left column's
			// next row joined after the motto.
			if f := fold(l); rows && strings.HasPrefix(f, "cong hoa") {
				if k := strings.Index(f, "viet nam"); k >= 0 {
					end := foldOffset(l, k+len("viet nam"))
					if rest := strings.TrimSpace(l[end:]); rest != "" && isCapsLine(rest) && !strings.HasPrefix(fold(rest), "doc lap") {
						h.readLeft(rest, &left, &issuerDone)
						l = strings.TrimSpace(l[:end])
					}
				}
			}
		}
		if isMottoLine(l) {
			h.motto = true
			issuerDone = !rows
			if m := datelineRe.FindStringSubmatch(l); m != nil && h.date == "" {
				h.date = isoDate(m[1], m[2], m[3])
			}
			continue
		}
		if ruleLineRe.MatchString(l) || !strings.ContainsFunc(l, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
			continue // a rule, or a stray mark ("(" a signing system left at 1 point)
		}
		// "ÁN LỆ SỐ 43/2021/AL", "NGHỊ QUYẾT SỐ 04/2019/NQ-HĐTP": the
		// type line carries the number; the trích yếu is below it.
		if m := numberLineRe.FindStringSubmatchIndex(l); m != nil && h.docType == "" && isCapsLine(l) {
			if t := typeBeforeNumber(l[:m[2]]); t != "" {
				if sym, _, ok := ParseSymbol(strings.Join(strings.Fields(l[m[2]:m[3]]), "")); ok {
					// Named with its number, as on its type line ("Án
					// lệ số 43/2021/AL về …").
					h.docType, h.number = t+" số "+sym, sym
					h.end = i + 1
					h.readSubject(lines, i+1)
					break
				}
			}
		}
		wasNumber := h.number == ""
		if h.readLeft(l, &left, &issuerDone) {
			h.afterNumber = wasNumber && h.number != ""
			continue
		}
		h.afterNumber = false
		// "15 10" under "Hà Nội, ngày   tháng   năm 2025": the day and
		// month an e-office signing system stamps into the blanks.
		if h.draftDate && h.date == "" {
			if f := strings.Fields(l); len(f) == 2 && loneNumber(f[0]) && loneNumber(f[1]) {
				if y := draftYearRe.FindStringSubmatch(h.draftLine); y != nil {
					h.date = isoDate(f[0], f[1], y[1])
				}
				continue
			}
		}
		if m := datelineRe.FindStringSubmatch(l); m != nil && len(strings.Fields(l)) <= 16 {
			if h.date == "" {
				h.date = isoDate(m[1], m[2], m[3])
			}
			issuerDone = true
			continue
		}
		if dateDraftRe.MatchString(l) {
			issuerDone = true
			h.draftDate, h.draftLine = true, l
			continue
		}
		if h.docType != "" || !(h.motto || h.number != "" || h.date != "" || len(left) > 0) {
			break
		}
		if !isCapsLine(l) && !vvRe.MatchString(l) && skipped < 2 && len(strings.Fields(l)) <= 12 &&
			(!h.motto || strings.Contains(l, "Số") || strings.Contains(l, "ngày")) {
			// A stray line of the left column (a lone "Luật", a seal
			// note), or a number or date line OCR misread: the issuer
			// block is over.
			skipped++
			if h.motto {
				issuerDone = true
			}
			continue
		}
		// The type line: the first line in capitals after the header's
		// parts, or a "V/v" line.
		if m := vvRe.FindStringSubmatch(l); m != nil {
			h.docType, h.subject = "Công văn", "về việc "+strings.TrimSpace(m[1])
			h.end = i + 1
			// The subject goes on over the next short lines of its
			// column ("V/v đề nghị hướng dẫn hợp nhất" / "Đoàn Luật sư
			// khi …" / "địa giới hành chính"), up to the date, the
			// addressee or the other column's capitals.
			for j := i + 1; j < len(lines) && j <= i+3 && vvGoesOn(h.subject, strings.TrimSpace(lines[j])); j++ {
				h.subject += " " + strings.TrimSpace(lines[j])
				h.end = j + 1
			}
			break
		}
		if !isCapsLine(l) || len(strings.Fields(l)) > 30 {
			break
		}
		h.docType = typeCase(l)
		h.end = i + 1
		h.readSubject(lines, i+1)
		break
	}
	if len(left) > 0 && (h.motto || h.number != "") {
		h.issuer = issuerName(left)
	}
	return h
}

// typeBeforeNumber is the document type a number line opens with
// ("ÁN LỆ SỐ" → "Án lệ"), "" when what comes before "SỐ" is not a type.
func typeBeforeNumber(before string) string {
	t := strings.TrimSpace(before)
	for _, suffix := range []string{"SỐ", "Số", "số"} {
		if strings.HasSuffix(t, suffix) {
			t = strings.TrimSpace(strings.TrimSuffix(t, suffix))
			break
		}
	}
	if m := docTypeRe.FindStringSubmatch(t); m != nil && m[2] == "" {
		return typeCase(t)
	}
	return ""
}

// splitHeaderLines cuts the first lines where a header cell's line breaks
// were lost (see headerSplitRe); rules become lines of their own.
func splitHeaderLines(lines []string) []string {
	out := make([]string, 0, len(lines))
	for i, l := range lines {
		if i >= 30 || len(l) > 400 {
			out = append(out, lines[i:]...)
			break
		}
		last := 0
		for _, m := range headerSplitRe.FindAllStringIndex(l, -1) {
			if m[0] == 0 && m[1] == len(l) {
				break
			}
			seg := l[m[0]:m[1]]
			isRule := strings.ContainsAny(seg, "-–—_=*~")
			if part := strings.TrimSpace(l[last:m[0]]); part != "" {
				out = append(out, part)
			}
			if isRule {
				out = append(out, "---")
				last = m[1]
			} else {
				last = m[0]
			}
		}
		if part := strings.TrimSpace(l[last:]); part != "" || last == 0 {
			out = append(out, strings.TrimSpace(l[last:]))
		}
	}
	return out
}

// vvGoesOn reports whether line l continues the "V/v" subject so far.
func vvGoesOn(subject, l string) bool {
	return l != "" && !endsClause(subject) && !strings.HasSuffix(l, ":") && len(strings.Fields(l)) <= 12 &&
		!isCapsLine(l) && !isMottoLine(l) && mottoAt(l) < 0 && !datelineRe.MatchString(l) && !dateDraftRe.MatchString(l) &&
		!addresseeRe.MatchString(l) && !numberLineRe.MatchString(l) && markerOf(l).kind == mkNone
}

// readLeft takes a line of the left column: the number line, or a line of
// the issuer block. It reports whether the line was one of them.
func (h *header) readLeft(l string, left *[]string, issuerDone *bool) bool {
	if m := numberLineRe.FindStringSubmatch(l); m != nil && h.number == "" {
		// "Số: 3070. /KH-UBND": a stop typed after the number.
		raw := strings.Replace(strings.Join(strings.Fields(m[1]), ""), "./", "/", 1)
		if sym, _, ok := ParseSymbol(raw); ok {
			h.number = sym
		}
		*issuerDone = true
		// "Số: 12/KH-UBND   Hà Nội, ngày …": the date on the same line.
		if d := datelineRe.FindStringSubmatch(l); d != nil && h.date == "" {
			h.date = isoDate(d[1], d[2], d[3])
		}
		// "Số: 545/HD-BTV Hướng dẫn một số nội dung …": the subject
		// under the number, on the same line once columns are merged.
		if rest := strings.TrimSpace(l[len(m[0]):]); len(strings.Fields(rest)) >= 2 && !strings.Contains(rest, "ngày") {
			h.leftSubject = rest
		}
		return true
	}
	if h.number != "" && h.docType == "" {
		switch r, _ := utf8.DecodeRuneInString(l); {
		case vvRe.MatchString(l) && h.leftSubject == "":
			h.leftSubject = l
			return true
		case h.leftSubject == "" && h.afterNumber && !h.motto && !isCapsLine(l) && !datelineRe.MatchString(l) &&
			!dateDraftRe.MatchString(l) && !addresseeRe.MatchString(l) && len(strings.Fields(l)) <= 40:
			// The trích yếu under the number, before the right column.
			h.leftSubject = l
			return true
		case h.leftSubject != "" && unicode.IsLower(r) && !isMottoLine(l):
			h.leftSubject += " " + l // the subject's next line
			return true
		}
	}
	if !*issuerDone && h.docType == "" && isCapsLine(l) && len(strings.Fields(l)) <= 12 && !docTypeRe.MatchString(l) &&
		!appendixRe.MatchString(l) && !markerOf(l).structural() {
		*left = append(*left, l)
		return true
	}
	return false
}

// readSubject reads the trích yếu under the type line at lines[from:]: the
// lines up to a rule, "Căn cứ", a heading, the enacting body or session
// line, or a change between capitals and lower case (a state document's
// type line is followed by "CHÍNH PHỦ" after a lower-case "Về …").
func (h *header) readSubject(lines []string, from int) {
	var parts []string
	caps := false
	for j := from; j < len(lines) && j < from+5; j++ {
		l := strings.TrimSpace(lines[j])
		if l == "" {
			if len(parts) > 0 {
				break
			}
			continue
		}
		if ruleLineRe.MatchString(l) {
			h.end = j + 1
			break
		}
		if strings.HasPrefix(l, "Căn cứ") || sessionRe.MatchString(l) || addresseeRe.MatchString(l) || tableHeadRe.MatchString(l) ||
			enactorRe.MatchString(l) || markerOf(l).structural() ||
			(datelineRe.MatchString(l) && len(strings.Fields(l)) <= 16) || issuerLineRe.MatchString(l) || labelRe.MatchString(l) ||
			len(strings.Fields(l)) > 60 && (len(parts) > 0 || len(strings.Fields(l)) > 300) {
			// A trích yếu line is short but for the first, which may list
			// everything a decree amends.
			break
		}
		if len(strings.Fields(l)) > 20 && strings.ContainsAny(l[len(l)-1:], ".,;:") {
			break // a sentence of the body ("Thực hiện …, cụ thể như sau:")
		}
		c := isCapsLine(l)
		r, _ := utf8.DecodeRuneInString(l)
		if len(parts) == 0 {
			caps = c
		} else if c != caps && !(r >= 'a' && r <= 'z' || strings.ContainsRune("àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ", r)) {
			break
		}
		parts = append(parts, l)
		h.end = j + 1
		if strings.HasSuffix(l, ".") {
			break
		}
	}
	s := strings.Join(parts, " ")
	if s == "" {
		return
	}
	if caps {
		s = sentenceCase(s)
	}
	// The subject continues the type: "Hướng dẫn nghiệp vụ …", "Nghị
	// định về …", so it starts in lower case but for a proper name.
	h.subject = lowerFirst(s)
}

// typeCase writes a type line in capitals as the start of a title:
// "HƯỚNG DẪN" → "Hướng dẫn", "ĐƠN YÊU CẦU …" → "Đơn yêu cầu …".
func typeCase(l string) string {
	return sentenceCase(strings.Join(strings.Fields(l), " "))
}

// lowerFirst lowers the first letter of s unless the first word is a
// proper name or an acronym sentenceCase kept. A document type opening a
// trích yếu ("Quy định chi tiết …", "Kế hoạch …") is a common word there.
func lowerFirst(s string) string {
	for _, n := range properNames {
		if strings.HasPrefix(s, n) && kindWordRe.FindString(strings.ToLower(n)) == "" {
			return s
		}
	}
	w, _, _ := strings.Cut(s, " ")
	if isAcronym(w) || (utf8.RuneCountInString(w) > 1 && strings.ToUpper(w) == w) {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	return strings.ToLower(string(r)) + s[n:]
}

// issuerName is the issuing body from the lines of the issuer block: the
// lowest line, completed by its parent when it is a department
// ("BAN CHẤP HÀNH TRUNG ƯƠNG" / "BAN TỔ CHỨC" → "Ban Tổ chức Trung ương";
// "TỈNH ỦY BẾN TRE" / "BAN TUYÊN GIÁO" → "Ban Tuyên giáo Tỉnh ủy Bến Tre").
func issuerName(left []string) string {
	// A reader that lost the line break: "BAN CHẤP HÀNH TRUNG ƯƠNG VĂN
	// PHÒNG" is the parent and its department on one line.
	if n := len(left); n > 0 {
		l := left[n-1]
		if m := deptInsideRe.FindStringSubmatchIndex(l); m != nil && m[2] > 0 {
			left = append(left[:n-1:n-1], strings.TrimSpace(l[:m[2]]), strings.TrimSpace(l[m[2]:]))
		}
	}
	// "ỦY BAN NHÂN DÂN" / "TỈNH LÂM ĐỒNG", "VĂN PHÒNG UBND TỈNH" /
	// "BÌNH THUẬN", "HIỆP HỘI" / "CÔNG CHỨNG VIÊN VIỆT NAM": one name on
	// two lines.
	for k := 1; k < len(left); k++ {
		if placeLineRe.MatchString(left[k]) || unitEndRe.MatchString(left[k-1]) || bareBodyRe.MatchString(left[k-1]) {
			left = append(left[:k-1:k-1], append([]string{left[k-1] + " " + left[k]}, left[k+1:]...)...)
			k--
		}
	}
	last := left[len(left)-1]
	name := sentenceCase(last)
	if len(left) > 1 && deptRe.MatchString(last) {
		parent := left[len(left)-2]
		switch pf := fold(parent); {
		case strings.Contains(pf, "ban chap hanh trung uong"):
			name += " Trung ương"
		case strings.HasPrefix(pf, "dang cong san"):
		default:
			name += " " + sentenceCase(parent)
		}
	}
	return tidyIssuer(name)
}

// gazetteRe is the one-block header of documents as Công báo and the
// legal databases print them: "NGHỊ ĐỊNH CỦA CHÍNH PHỦ SỐ 05/2010/NĐ-CP
// NGÀY 18 THÁNG 01 NĂM 2010 QUY ĐỊNH …" (the type may stand on the line
// above, the subject on the lines below).
var gazetteRe = lazyRE(`(?i)^(?:(.*?)\s+)?của\s+(.+?)\s+số\s*:?\s*(\d{1,5}(?:\s*[-/]\s*[\pL\d.&]+){0,4})\s+ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})\s*(.*)$`)

// gazetteHeader reads that layout from the first lines; ok is false when
// they do not have it.
func gazetteHeader(lines []string) (h header, ok bool) {
	for k, l := range lines[:min(len(lines), 6)] {
		if !mostlyCaps(l) {
			continue // the layout is set in capitals
		}
		last := k // the header's last line
		m := gazetteRe.FindStringSubmatch(l)
		if m == nil && k+1 < len(lines) {
			// "… SỐ 03/2010/TT-BNNPTNT" / "NGÀY 15 THÁNG 01 NĂM 2010"
			if m = gazetteRe.FindStringSubmatch(l + " " + lines[k+1]); m != nil {
				last = k + 1
			}
		}
		if m == nil {
			continue
		}
		typ := strings.TrimSpace(m[1])
		if typ == "" && k > 0 && isCapsLine(lines[k-1]) && len(strings.Fields(lines[k-1])) <= 4 {
			typ = lines[k-1]
		}
		if typ == "" || len(strings.Fields(typ)) > 4 || !mostlyCaps(typ) {
			return h, false
		}
		// A number without a symbol (a 1945 "Sắc lệnh số 3") is no số/ký
		// hiệu to store; the rest of the header still holds.
		sym, _, _ := ParseSymbol(strings.Join(strings.Fields(m[3]), ""))
		h.docType, h.number, h.date = typeCase(typ), sym, isoDate(m[4], m[5], m[6])
		h.issuer = tidyIssuer(sentenceCase(m[2]))
		h.readSubject(lines, last+1)
		if rest := strings.TrimSpace(m[7]); rest != "" {
			first := rest
			if mostlyCaps(rest) {
				first = sentenceCase(rest)
			}
			h.subject = strings.TrimSpace(lowerFirst(first) + " " + h.subject)
		}
		return h, true
	}
	return h, false
}

// mostlyCaps reports whether nine in ten letters of s are capitals, however
// long s is (isCapsLine also asks for a short line).
func mostlyCaps(s string) bool {
	letters, upper := 0, 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	return letters >= 4 && upper*10 >= letters*9
}
