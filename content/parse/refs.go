package parse

import (
	"chibo/content/model"
	"sync"

	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// symbolRe matches the số/ký hiệu of a Vietnamese directive in running
// text: a number, optionally the year, the type code, optionally the
// issuer — "21-NQ/TW", "1399/QĐ-TTg", "59/2019/NĐ-CP", "31/2024/QH15",
// "49/UBND-NC". It is case-insensitive so typed queries match too;
// candidates are then checked against the known type codes.
const symbolExpr = `(\d{1,5})(/\d{4})?([-/])(\pL{1,5}\d{0,2})(?:([-/])(\pL[\pL\d&]{0,11}(?:[-.]\pL[\pL\d&]{0,11})?))?`

var (
	symbolRe    = lazyRE(`(?i)\b` + symbolExpr)
	symbolAtRe  = lazyRE(`^` + symbolExpr) // anchored, for the scan in extractRefs
	symbolWhole = lazyRE(`(?i)^` + symbolExpr + `$`)
)

// typeKinds maps a directive type code (upper-cased) to its canonical
// spelling and Vietnamese name.
var typeKinds = map[string][2]string{
	"NQ":   {"NQ", "Nghị quyết"},
	"KL":   {"KL", "Kết luận"},
	"QĐ":   {"QĐ", "Quyết định"},
	"QĐI":  {"QĐi", "Quy định"},
	"QC":   {"QC", "Quy chế"},
	"CT":   {"CT", "Chỉ thị"},
	"NĐ":   {"NĐ", "Nghị định"},
	"KH":   {"KH", "Kế hoạch"},
	"CTR":  {"CTr", "Chương trình"},
	"BC":   {"BC", "Báo cáo"},
	"TTR":  {"TTr", "Tờ trình"},
	"HD":   {"HD", "Hướng dẫn"},
	"ĐA":   {"ĐA", "Đề án"},
	"TB":   {"TB", "Thông báo"},
	"CV":   {"CV", "Công văn"},
	"TT":   {"TT", "Thông tư"},
	"TTLT": {"TTLT", "Thông tư liên tịch"},
	"CĐ":   {"CĐ", "Công điện"},
	"PL":   {"PL", "Pháp lệnh"},
	"BB":   {"BB", "Biên bản"},
	"QH":   {"QH", "Luật"},
	"L":    {"L", "Luật"},
	// Án lệ of the Hội đồng Thẩm phán TANDTC ("Án lệ số 43/2021/AL",
	// Nghị quyết 04/2019/NQ-HĐTP Điều 4): the year always, no issuer.
	"AL": {"AL", "Án lệ"},
}

// mixedCase are issuer codes not written in plain capitals.
var mixedCase = map[string]string{"TTG": "TTg"}

// kindWordRe finds the name written before a symbol ("Quy định số
// 948-QĐ/TU"), which beats the code: party "QĐ" is both Quyết định and
// Quy định.
var kindWordRe = lazyRE(`(?i)(nghị quyết|kết luận|quyết định|quy định|quy chế|chỉ thị|nghị định|kế hoạch|chương trình|báo cáo|tờ trình|hướng dẫn|đề án|thông báo|công văn|thông tư|luật[\pL ]{0,30}?|pháp lệnh|án lệ)(?:\s+liên tịch)?\s*(?:số\s*)?$`)

// SymbolPattern returns the pattern of a directive symbol, for tokenizers
// that must keep "21-NQ/TW" whole. Matches still need ParseSymbol to be
// confirmed as symbols.
func SymbolPattern() *regexp.Regexp { return symbolRe.get() }

// ParseSymbol normalises a directive symbol as written or typed
// ("1399/qđ-ttg", "21-NQ/TW.") to its canonical form ("1399/QĐ-TTg",
// "21-NQ/TW") and names its kind from the type code. The number keeps its
// leading zeros as written ("01-KL/TW").
func ParseSymbol(s string) (symbol, kind string, ok bool) {
	s = norm.NFC.String(strings.TrimSpace(s))
	s = strings.TrimRight(s, ".,;:)”\"'")
	s = strings.TrimLeft(s, "(“\"'")
	loc := symbolWhole.FindStringSubmatchIndex(s)
	if loc == nil {
		return "", "", false
	}
	return canonSymbol(s, loc)
}

// canonSymbol builds the canonical symbol from a symbolRe match.
func canonSymbol(s string, loc []int) (symbol, kind string, ok bool) {
	part := func(i int) string {
		if loc[2*i] < 0 {
			return ""
		}
		return s[loc[2*i]:loc[2*i+1]]
	}
	num, year, sep1, code, sep2, issuer := part(1), part(2), part(3), part(4), part(5), part(6)
	up := strings.ToUpper(code)
	base := strings.TrimRightFunc(up, unicode.IsDigit)
	tk, known := typeKinds[base]
	if !known || (base != up && base != "QH") {
		// "49/UBND-NC": a number, an office and a unit — a công văn.
		if sep1 != "/" || issuer == "" || year != "" || up != code || len([]rune(code)) < 2 {
			return "", "", false
		}
		return num + "/" + up + "-" + strings.ToUpper(issuer), "Công văn", true
	}
	if base == "AL" {
		if issuer != "" || year == "" || base != up {
			return "", "", false
		}
	} else if base == "QH" || base == "L" {
		if issuer != "" && base == "QH" {
			return "", "", false
		}
	} else if issuer == "" {
		return "", "", false // "5-NQ" alone is too ambiguous
	}
	canon := tk[0] + up[len(base):]
	out := num + year + sep1 + canon
	if issuer != "" {
		iu := strings.ToUpper(issuer)
		if m, ok := mixedCase[iu]; ok {
			iu = m
		}
		out += sep2 + iu
	}
	return out, tk[1], true
}

// extractRefs lists every directive the sections cite, once per symbol and
// section, in order of first citation.
func extractRefs(secs []*model.Section) []model.Ref {
	var refs []model.Ref
	seen := map[[2]string]bool{}
	for _, s := range secs {
		for _, text := range []string{s.Heading, s.Text} {
			for _, loc := range findSymbols(text) {
				if loc[1] < len(text) {
					// "12-NQ/TWx" or "5/2020/NĐ-CP2": part of a longer token
					if r, _ := utf8.DecodeRuneInString(text[loc[1]:]); unicode.IsLetter(r) || unicode.IsDigit(r) {
						continue
					}
				}
				sym, kind, ok := canonSymbol(text, loc)
				if !ok {
					continue
				}
				key := [2]string{sym, s.ID}
				if seen[key] {
					continue
				}
				seen[key] = true
				if m := kindWordRe.FindStringSubmatch(text[max(0, loc[0]-40):loc[0]]); m != nil {
					if k := kindName(m[1]); k != "" && compatibleKind(kind, k) {
						kind = k
					}
				}
				refs = append(refs, model.Ref{Symbol: sym, Kind: kind, Section: s.ID})
			}
		}
	}
	return refs
}

// findSymbols returns the submatch indexes of the symbol candidates in
// text. It runs the pattern only where a number is followed by "-" or "/",
// which is much faster than searching the whole text with it.
func findSymbols(text string) [][]int {
	var out [][]int
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c < '0' || c > '9' {
			continue
		}
		if i > 0 {
			if r, _ := utf8.DecodeLastRuneInString(text[:i]); isWordRune(r) {
				for i < len(text) && text[i] >= '0' && text[i] <= '9' {
					i++
				}
				continue
			}
		}
		j := i
		for j < len(text) && text[j] >= '0' && text[j] <= '9' {
			j++
		}
		if j == len(text) || (text[j] != '-' && text[j] != '/') {
			i = j
			continue
		}
		loc := symbolAtRe.FindStringSubmatchIndex(text[i:min(len(text), i+64)])
		if loc == nil {
			i = j
			continue
		}
		for k := range loc {
			if loc[k] >= 0 {
				loc[k] += i
			}
		}
		out = append(out, loc)
		i = loc[1] - 1
	}
	return out
}

// kindName is the canonical spelling of a directive name found in text.
func kindName(w string) string {
	w = strings.ToLower(strings.TrimSpace(w))
	if strings.HasPrefix(w, "luật") {
		return "Luật"
	}
	return kindNames()[w]
}

// kindNames maps the lower-case name of each directive kind to its
// spelling, for kindName.
var kindNames = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	for _, tk := range typeKinds {
		m[strings.ToLower(tk[1])] = tk[1]
	}
	return m
})

// compatibleKind lets the written name refine the code's kind only where
// one code stands for several names.
func compatibleKind(fromCode, written string) bool {
	if fromCode == written {
		return true
	}
	switch fromCode {
	case "Quyết định":
		return written == "Quy định" || written == "Quy chế"
	case "Công văn":
		return true
	}
	return false
}
