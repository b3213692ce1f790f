package parse

import (
	"chibo/content/model"

	"strings"
	"testing"
)

func TestParseSymbol(t *testing.T) {
	tests := []struct{ in, symbol, kind string }{
		{"21-NQ/TW", "21-NQ/TW", "Nghị quyết"},
		{"01-KL/TW", "01-KL/TW", "Kết luận"},
		{"1399/qđ-ttg", "1399/QĐ-TTg", "Quyết định"},
		{"1399/QĐ-TTG.", "1399/QĐ-TTg", "Quyết định"},
		{" 13-ct/tu ", "13-CT/TU", "Chỉ thị"},
		{"59/2019/NĐ-CP", "59/2019/NĐ-CP", "Nghị định"},
		{"244-KH/TU", "244-KH/TU", "Kế hoạch"},
		{"25-CTR/TU", "25-CTr/TU", "Chương trình"},
		{"3253/TTr-UBND", "3253/TTr-UBND", "Tờ trình"},
		{"31/2022/NQ-HĐND", "31/2022/NQ-HĐND", "Nghị quyết"},
		{"525-BC/TU", "525-BC/TU", "Báo cáo"},
		{"03-HD/TW", "03-HD/TW", "Hướng dẫn"},
		{"11-QĐi/TW", "11-QĐi/TW", "Quy định"},
		{"12/2022/TT-BNV", "12/2022/TT-BNV", "Thông tư"},
		{"31/2024/QH15", "31/2024/QH15", "Luật"},
		{"01-ĐA/TU", "01-ĐA/TU", "Đề án"},
		{"49/UBND-NC", "49/UBND-NC", "Công văn"},
		{"Nghi\u0323 quyê\u0301t", "", ""},
		{"27/7/1947", "", ""},
		{"COVID-19", "", ""},
		{"5-NQ", "", ""},
		{"09/2023/HĐND", "", ""},
		{"", "", ""},
	}
	for _, tt := range tests {
		sym, kind, ok := ParseSymbol(tt.in)
		if sym != tt.symbol || kind != tt.kind || ok != (tt.symbol != "") {
			t.Errorf("ParseSymbol(%q) = %q, %q, %v; want %q, %q", tt.in, sym, kind, ok, tt.symbol, tt.kind)
		}
	}
}

func TestSymbolPattern(t *testing.T) {
	re := SymbolPattern()
	text := "theo Nghị quyết số 21-NQ/TW ngày 16/6/2022 và Quyết định 1399/QĐ-TTg."
	var got []string
	for _, m := range re.FindAllString(text, -1) {
		if sym, _, ok := ParseSymbol(m); ok {
			got = append(got, sym)
		}
	}
	if strings.Join(got, " ") != "21-NQ/TW 1399/QĐ-TTg" {
		t.Errorf("symbols found: %q", got)
	}
}

func TestExtractRefs(t *testing.T) {
	secs := []*model.Section{
		{ID: "a", Heading: "I. THỰC HIỆN KẾT LUẬN SỐ 01-KL/TW", Text: "Theo Kết luận 01-KL/TW và Quy định số 948-QĐ/TU; Quyết định số 1399/QĐ-TTG ngày 17/11/2023."},
		{ID: "b", Text: "Nghị định 59/2019/NĐ-CP, Nghị quyết số 31/2022/NQ-HĐND, Chương trình số 25-CTr/TU, Tờ trình số 3253/TTr-UBND. Lại 01-KL/TW. Ngày 27/7/1947, mã COVID-19."},
	}
	var got []string
	for _, r := range extractRefs(secs) {
		got = append(got, r.Symbol+"|"+r.Kind+"|"+r.Section)
	}
	want := []string{
		"01-KL/TW|Kết luận|a", "948-QĐ/TU|Quy định|a", "1399/QĐ-TTg|Quyết định|a",
		"59/2019/NĐ-CP|Nghị định|b", "31/2022/NQ-HĐND|Nghị quyết|b", "25-CTr/TU|Chương trình|b", "3253/TTr-UBND|Tờ trình|b", "01-KL/TW|Kết luận|b",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("refs:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestSeedRefs checks directives the seeds cite are found where cited.
func TestSeedRefs(t *testing.T) {
	tests := []struct{ seed, symbol, kind, section string }{
		{"tai-lieu", "01-KL/TW", "Kết luận", "i"},
		{"tai-lieu", "1399/QĐ-TTg", "Quyết định", "ii.2"},
		{"tai-lieu", "244-KH/TU", "Kế hoạch", "ii.1.cong-tac-xay-dung-dang"},
		{"tai-lieu", "948-QĐ/TU", "Quy định", "ii.3"},
		{"nghi-quyet-hdnd-bo-sung", "3253/TTr-UBND", "Tờ trình", "mo-dau"},
		{"nghi-quyet-hdnd-bo-sung", "31/2022/NQ-HĐND", "Nghị quyết", "dieu-2"},
		{"nghi-quyet-hdnd-bo-sung", "13-CT/TU", "Chỉ thị", "dieu-2.3.d"},
		{"nghi-quyet-hdnd-kinh-te", "59/2019/NĐ-CP", "Nghị định", "3.g"},
		{"nghi-quyet-hdnd-kinh-te", "18-NQ/TW", "Nghị quyết", "3.g"},
		{"phu-luc-2", "525-BC/TU", "Báo cáo", ""},
		{"phu-luc-2", "21-NQ/TW", "Nghị quyết", ""},
	}
	docs := map[string]*model.Document{}
	for _, tt := range tests {
		d := docs[tt.seed]
		if d == nil {
			d = parseSeed(t, tt.seed)
			docs[tt.seed] = d
		}
		found := false
		for _, r := range d.Refs {
			if r.Symbol == tt.symbol && r.Kind == tt.kind && (tt.section == "" || r.Section == tt.section) {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: no ref %s (%s) in %q", tt.seed, tt.symbol, tt.kind, tt.section)
		}
	}
	for seed, d := range docs {
		seen := map[[2]string]bool{}
		for _, r := range d.Refs {
			k := [2]string{r.Symbol, r.Section}
			if seen[k] {
				t.Errorf("%s: duplicate ref %v", seed, r)
			}
			seen[k] = true
		}
	}
}

func FuzzParseSymbol(f *testing.F) {
	for _, s := range []string{"21-NQ/TW", "1399/qđ-ttg", "59/2019/NĐ-CP", "49/UBND-NC", "31/2024/QH15"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		sym, kind, ok := ParseSymbol(s)
		if !ok {
			return
		}
		again, kind2, ok2 := ParseSymbol(sym)
		if !ok2 || again != sym || kind2 != kind {
			t.Fatalf("ParseSymbol(%q) = %q, but ParseSymbol(%q) = %q, %v", s, sym, sym, again, ok2)
		}
	})
}
