package i18n

import (
	"fmt"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Noun is a counted word: Vietnamese has one form ("1 mục", "2 mục"),
// English a singular and a plural ("1 section", "2 sections").
type Noun struct{ VI, One, Many string }

// N is "n noun" in l.
func (w Noun) N(l Lang, n int) string {
	switch {
	case l != EN:
		return fmt.Sprintf("%d %s", n, w.VI)
	case n == 1:
		return fmt.Sprintf("%d %s", n, w.One)
	}
	return fmt.Sprintf("%d %s", n, w.Many)
}

// Counted words of the command line.
var (
	NounResult    = Noun{"kết quả", "result", "results"}
	NounMore      = Noun{"kết quả", "more result", "more results"}
	NounSection   = Noun{"mục", "section", "sections"}
	NounDocument  = Noun{"văn bản", "document", "documents"}
	NounItem      = Noun{"mục", "item", "items"}
	NounExcerpt   = Noun{"trích dẫn", "excerpt", "excerpts"}
	NounMinute    = Noun{"phút", "minute", "minutes"}
	NounFile      = Noun{"tệp", "file", "files"}
	NounDuplicate = Noun{"trùng lặp", "duplicate", "duplicates"}
	NounQuery     = Noun{"truy vấn", "query", "queries"}
	NounRun       = Noun{"lượt", "run", "runs"}
)

// Command-line sentences with counts: each %s is a Noun's N.
var (
	CLISearchCount  = Msg{"%s cho “%s” (%d ms)", "%s for “%s” (%d ms)"}
	CLISearchMoreN  = Msg{"… còn %s (--limit để xem thêm)", "… %s (--limit to see more)"}
	CLIRefsCitingN  = Msg{"%s (%s) được trích dẫn trong %s:", "%s (%s) is cited in %s:"}
	CLIReindexDoneN = Msg{"Đã lập chỉ mục %s, %s (%.1f MB chữ) trong %.1f s — %.1f MB/s; chỉ mục %.1f MB trên đĩa.", "Indexed %s, %s (%.1f MB of text) in %.1f s — %.1f MB/s; index %.1f MB on disk."}
	CLIImportDone   = Msg{"Xong: %d thêm mới, %d cập nhật, %s, %d lỗi, %d bỏ qua.", "Done: %d added, %d updated, %s, %d failed, %d skipped."}
	CLIImportSpeed  = Msg{"%s, %.1f MB trong %.1f giây (%.1f MB/giây).", "%s, %.1f MB in %.1f s (%.1f MB/s)."}
	CLIPlanListN    = Msg{"%s  %s — %s, %s, %s", "%s  %s — %s, %s, %s"}
	CLIPlanTotalN   = Msg{"Tổng thời lượng: %s", "Total time: %s"}
	CLIPlanMissingS = Msg{"Lưu ý: %s có nguồn không còn trong thư viện (vẫn được giữ và in kèm).", "Note: %s with a source no longer in the library (kept and printed)."}
	CLIBenchResultN = Msg{
		"%s × %s: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, tối đa %.1f ms\nThư viện: %s, %s, %.1f MB chữ; chỉ mục %.1f MB trên đĩa (%.2f× chữ)",
		"%s × %s: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms\nLibrary: %s, %s, %.1f MB of text; index %.1f MB on disk (%.2f× the text)",
	}
)

// directiveKinds names the kinds of cited directives, by the code
// DirectiveCode gives their Vietnamese name.
var directiveKinds = map[string]Msg{
	"nghi-quyet":           {"Nghị quyết", "Resolution"},
	"nghi-quyet-lien-tich": {"Nghị quyết liên tịch", "Joint resolution"},
	"ket-luan":             {"Kết luận", "Conclusion"},
	"quyet-dinh":           {"Quyết định", "Decision"},
	"quy-dinh":             {"Quy định", "Regulation"},
	"quy-che":              {"Quy chế", "Rules"},
	"chi-thi":              {"Chỉ thị", "Directive"},
	"nghi-dinh":            {"Nghị định", "Decree"},
	"ke-hoach":             {"Kế hoạch", "Plan"},
	"chuong-trinh":         {"Chương trình", "Programme"},
	"bao-cao":              {"Báo cáo", "Report"},
	"to-trinh":             {"Tờ trình", "Submission"},
	"huong-dan":            {"Hướng dẫn", "Guidance"},
	"de-an":                {"Đề án", "Scheme"},
	"thong-bao":            {"Thông báo", "Notice"},
	"cong-van":             {"Công văn", "Official letter"},
	"thong-tu":             {"Thông tư", "Circular"},
	"thong-tu-lien-tich":   {"Thông tư liên tịch", "Joint circular"},
	"cong-dien":            {"Công điện", "Urgent dispatch"},
	"phap-lenh":            {"Pháp lệnh", "Ordinance"},
	"bien-ban":             {"Biên bản", "Minutes"},
	"luat":                 {"Luật", "Law"},
}

// DirectiveCode is the stable machine code of a directive kind named in
// Vietnamese ("Quyết định" → "quyet-dinh", "Kết luận" → "ket-luan"): the
// name without diacritics, lower case, words joined by "-". It is what
// JSON output carries, like the document kind codes (nghi-quyet …).
// "" stays "".
func DirectiveCode(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFD.String(strings.TrimSpace(name)) {
		switch {
		case r == 'đ' || r == 'Đ':
			r = 'd'
		case unicode.Is(unicode.Mn, r):
			continue
		}
		r = unicode.ToLower(r)
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		} else {
			dash = true
		}
	}
	return b.String()
}

// DirectiveName is the display name of a directive kind given by its code
// or its Vietnamese name; a kind it does not know is shown as given.
func DirectiveName(l Lang, kind string) string {
	if m, ok := directiveKinds[DirectiveCode(kind)]; ok {
		return m.In(l)
	}
	return kind
}
