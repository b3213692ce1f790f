package plan

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"chibo/content"

	"golang.org/x/text/unicode/norm"
)

// WithDocument fills the excerpt's citation fields (type, number, date,
// issuer) from the document it was taken from, so the pack can cite it as
// "Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính trị".
func WithDocument(ex Excerpt, doc *content.Document) Excerpt {
	if doc == nil {
		return ex
	}
	if ex.DocNumber == "" {
		ex.DocNumber = strings.TrimSpace(doc.Number)
	}
	ex.DocDate = strings.TrimSpace(doc.Date)
	ex.DocIssuer = strings.TrimSpace(doc.Issuer)
	ex.DocType = docType(doc.Title, "") // the number's code is only a fallback, in Cite
	return ex
}

// typeWords are the document types a title may start with, longest first
// where one is a prefix of another.
var typeWords = []string{
	"Nghị quyết liên tịch", "Nghị quyết", "Kết luận", "Chỉ thị", "Quy định", "Quyết định",
	"Hướng dẫn", "Thông báo", "Kế hoạch", "Báo cáo", "Công văn", "Thông tư", "Nghị định",
	"Luật", "Quy chế", "Chương trình hành động", "Đề án", "Tờ trình",
}

// typeCodes name the type from the code in a số/ký hiệu ("01-KL/TW").
// QĐ is left out: it is Quy định in the party's numbering and Quyết định
// in the state's, and a guess would miscite.
var typeCodes = map[string]string{
	"NQ": "Nghị quyết", "KL": "Kết luận", "CT": "Chỉ thị", "HD": "Hướng dẫn",
	"TB": "Thông báo", "KH": "Kế hoạch", "BC": "Báo cáo", "NĐ": "Nghị định",
	"TT": "Thông tư", "QC": "Quy chế", "CTr": "Chương trình", "TL": "Tài liệu",
}

var codeRE = regexp.MustCompile(`^[0-9]+[-/]([A-Za-zĐđ]+)`)

// docType is the document's type for a citation: the type word its title
// starts with, else the one its number's code names, else "".
func docType(title, number string) string {
	t := strings.TrimSpace(title)
	for _, w := range typeWords {
		if len(t) >= len(w) && strings.EqualFold(t[:len(w)], w) && (len(t) == len(w) || t[len(w)] == ' ') {
			return w
		}
	}
	if m := codeRE.FindStringSubmatch(strings.TrimSpace(number)); m != nil {
		return typeCodes[m[1]]
	}
	return ""
}

// cite builds Excerpt.Cite.
func cite(e Excerpt) string {
	var s string
	if e.DocNumber != "" {
		// "Kết luận số 01-KL/TW" when the type is known; a title that is
		// not a type ("Tài liệu sinh hoạt chi bộ") is kept as it is.
		typ := e.DocType
		if typ == "" {
			typ = docType(e.DocTitle, "")
		}
		if typ == "" {
			typ = strings.TrimSpace(e.DocTitle)
		}
		if typ == "" {
			typ = docType("", e.DocNumber)
		}
		if typ == "" {
			typ = "Văn bản"
		}
		s = typ + " số " + e.DocNumber
		if d := shortDate(e.DocDate); d != "" {
			s += " ngày " + d
		}
		if e.DocIssuer != "" {
			s += " của " + e.DocIssuer
		}
	} else {
		s = e.DocTitle
		if s == "" {
			s = e.Doc
		}
		if d := shortDate(e.DocDate); d != "" {
			s += " ngày " + d
		}
		if e.DocIssuer != "" {
			s += " của " + e.DocIssuer
		}
	}
	path := e.Path
	if full := e.PrintHeading(); len(path) > 0 && full != path[len(path)-1] {
		// A shortened heading is cited in full (a quoted heading with
		// "…" is no citation).
		path = append(append([]string(nil), path[:len(path)-1]...), full)
	}
	if m := sectionLabel(path); m != "" {
		s += ", " + m
	}
	return s
}

// shortDate is "18/5/2021" for "2021-05-18", "" for anything else.
func shortDate(iso string) string {
	t, err := time.Parse("2006-01-02", strings.TrimSpace(iso))
	if err != nil {
		return ""
	}
	return strconv.Itoa(t.Day()) + "/" + strconv.Itoa(int(t.Month())) + "/" + strconv.Itoa(t.Year())
}

// sectionLabel names a section by its numbering: "mục II.3" for the
// headings "II. …", "3. …"; "Điều 5, khoản 2" style headings keep their
// words ("Điều 5, mục 2"). When a heading is not numbered the last heading
// is quoted instead: "mục “Kinh tế”".
func sectionLabel(path []string) string {
	if len(path) == 0 {
		return ""
	}
	var word string
	var nums []string
	for _, h := range path {
		w, label, ok := content.HeadingNumber(h) // the numbering the outline and show use
		switch {
		case ok && w != "":
			if len(nums) > 0 {
				word += strings.Join(nums, ".") + ", "
				nums = nil
			}
			word += w + " " + label + ", "
			continue
		case ok:
			nums = append(nums, label)
			continue
		}
		return "mục “" + strings.TrimSpace(path[len(path)-1]) + "”"
	}
	if len(nums) == 0 {
		return strings.TrimSuffix(word, ", ")
	}
	if word == "" {
		return "mục " + strings.Join(nums, ".")
	}
	return word + "mục " + strings.Join(nums, ".")
}

// PassageIn says whether passage occurs in the section or its
// subsections (sec nil: anywhere in the document), comparing in NFC with runs of spaces and line breaks
// as one space and markdown's emphasis and escape marks ignored, so text
// copied from the reader or the printed document matches.
func PassageIn(doc *content.Document, sec *content.Section, passage string) bool {
	want := passageKey(passage)
	if want == "" {
		return false
	}
	secs := doc.Sections
	if sec != nil {
		// The section with its subsections, as FromSectionTree copies it.
		if strings.Contains(passageKey(FromSectionTree(doc, sec).Text), want) {
			return true
		}
		secs = []*content.Section{sec}
	} else if strings.Contains(passageKey(FromSection(doc, nil).Text), want) {
		// The whole document, headings in bold, as FromSection copies
		// it: a passage across top-level sections.
		return true
	}
	for _, s := range secs {
		if strings.Contains(passageKey(s.Text), want) || strings.Contains(passageKey(s.Markdown), want) ||
			strings.Contains(passageKey(s.Heading), want) {
			return true
		}
	}
	return false
}

var markMarks = strings.NewReplacer("**", "", "*", "", "__", "", "\\", "", "`", "")

func passageKey(s string) string {
	return strings.Join(strings.Fields(markMarks.Replace(norm.NFC.String(s))), " ")
}
