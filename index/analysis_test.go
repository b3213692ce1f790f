package index

import (
	"reflect"

	"chibo/content"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
	"golang.org/x/text/unicode/norm"
)

func analyze(t *testing.T, name, text string) []*analysis.Token {
	t.Helper()
	a, err := registry.NewCache().AnalyzerNamed(name)
	if err != nil {
		t.Fatalf("analyzer %s not registered: %v", name, err)
	}
	return a.Analyze([]byte(text))
}

func terms(ts []*analysis.Token) []string {
	out := []string{}
	for _, t := range ts {
		out = append(out, string(t.Term))
	}
	return out
}

func TestFoldedAnalyzer(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     []string
	}{
		{"accents and case", "Đảng bộ TỈNH Bến Tre", []string{"dang", "bo", "tinh", "ben", "tre"}},
		{"tone placement hoá", "hoá hóa", []string{"hoa", "hoa"}},
		{"tone placement khoẻ", "khoẻ khỏe", []string{"khoe", "khoe"}},
		{"tone placement thuỷ", "thuỷ thủy", []string{"thuy", "thuy"}},
		{"NFD input", norm.NFD.String("Nông thôn mới"), []string{"nong", "thon", "moi"}},
		{"look-alike Ð U+00D0", "Ðảng", []string{"dang"}},
		{"look-alike Ɖ U+0189", "Ɖoàn", []string{"doan"}},
		{"party symbol", "Nghị quyết 21-NQ/TW.", []string{"nghi", "quyet", "21-nq/tw", "21", "nq", "tw"}},
		{"government symbol", "Quyết định 1399/QĐ-TTg ngày", []string{"quyet", "dinh", "1399/qd-ttg", "1399", "qd", "ttg", "ngay"}},
		{"decree symbol", "59/2019/NĐ-CP", []string{"59/2019/nd-cp", "59", "2019", "nd", "cp"}},
		{"date", "ngày 01/12/2023,", []string{"ngay", "01/12/2023", "01", "12", "2023"}},
		{"spaced dash splits", "kinh tế - xã hội", []string{"kinh", "te", "xa", "hoi"}},
		{"hyphenated words split", "Hà-Nội", []string{"ha", "noi"}},
		{"no stop words", "the and of là và", []string{"the", "and", "of", "la", "va"}},
		{"trailing slash", "a/ b-", []string{"a", "b"}},
		{"empty", "", []string{}},
		{"punctuation only", "…—“”", []string{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := terms(analyze(t, AnalyzerFolded, tc.in))
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("%q → %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

// Offsets must point at the document's own bytes, accents included, so
// highlights show the words as written.
func TestOffsetsSurviveFolding(t *testing.T) {
	for _, in := range []string{
		"Đảng bộ xã Phú Hưng, 1399/QĐ-TTg",
		norm.NFD.String("Chi bộ bốn tốt"),
		"Ðảng viên Ɖoàn",
	} {
		for _, tok := range analyze(t, AnalyzerFolded, in) {
			src := in[tok.Start:tok.End]
			if Fold(src) != string(tok.Term) {
				t.Errorf("%q: token %q at %d:%d covers %q", in, tok.Term, tok.Start, tok.End, src)
			}
		}
	}
}

func TestExactAnalyzer(t *testing.T) {
	same := [][2]string{
		{"hoá", "hóa"}, {"khoẻ", "khỏe"}, {"thuỷ", "thủy"}, {"HOÁ", "hóa"},
		{norm.NFD.String("thuỷ"), "thủy"}, {"Ðảng", "đảng"}, {"Ɖảng", "Đảng"},
	}
	for _, p := range same {
		a, b := terms(analyze(t, AnalyzerExact, p[0])), terms(analyze(t, AnalyzerExact, p[1]))
		if !reflect.DeepEqual(a, b) {
			t.Errorf("exact %q → %q but %q → %q; want the same", p[0], a, p[1], b)
		}
	}
	differ := [][2]string{{"bảo", "báo"}, {"dang", "đang"}, {"ma", "mà"}, {"hoa", "hoá"}}
	for _, p := range differ {
		a, b := terms(analyze(t, AnalyzerExact, p[0])), terms(analyze(t, AnalyzerExact, p[1]))
		if reflect.DeepEqual(a, b) {
			t.Errorf("exact %q and %q both → %q; want different", p[0], p[1], a)
		}
	}
}

func TestShingleAnalyzer(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     []string
	}{
		{"pairs", "Nông thôn mới", []string{"nong thon", "thon moi"}},
		{"not across sentences", "nông thôn. Mới", []string{"nong thon"}},
		{"across a comma", "phòng, chống ma túy", []string{"phong chong", "chong ma", "ma tuy"}},
		{"across a hard wrap", "phát triển\nkinh tế", []string{"phat trien", "trien kinh", "kinh te"}},
		{"not across a blank line", "phát triển\n\nkinh tế", []string{"phat trien", "kinh te"}},
		{"symbol whole, parts skipped", "theo 21-NQ/TW của", []string{"theo 21-nq/tw", "21-nq/tw cua"}},
		{"one word", "Đảng", []string{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := terms(analyze(t, AnalyzerShingle, tc.in))
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("%q → %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestFoldMatchesContent(t *testing.T) {
	s := "Đảng Cộng sản Việt Nam lãnh đạo toàn diện; Ðoàn ƉẢNG khoẻ thuỷ"
	for _, w := range strings.Fields(s) {
		if got, want := Fold(w), contentFold(w); got != want {
			t.Errorf("Fold(%q) = %q, content.Fold gives %q", w, got, want)
		}
	}
}

func FuzzAnalyzers(f *testing.F) {
	for _, s := range []string{"Đảng 21-NQ/TW", "01/12/2023", norm.NFD.String("hoá"), "a-/-b", "\xff\xfe", "-/-/"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, name := range []string{AnalyzerFolded, AnalyzerExact, AnalyzerShingle} {
			a, _ := registry.NewCache().AnalyzerNamed(name)
			for _, tok := range a.Analyze([]byte(s)) {
				if tok.Start < 0 || tok.End > len(s) || tok.Start > tok.End || len(tok.Term) == 0 {
					t.Fatalf("%s: bad token %v in %q", name, tok, s)
				}
			}
		}
	})
}

// The build's one-pass analysis must index exactly what the registered
// analyzers (used by incremental updates and by queries) produce.
func TestOnePassMatches(t *testing.T) {
	for _, text := range []string{
		"Nghị quyết 21-NQ/TW về Đảng; hoá học, khoẻ mạnh.\n\nNông thôn mới 01/12/2023 của 1399/QĐ-TTg",
		norm.NFD.String("Chi bộ bốn tốt") + " Ðảng Ɖoàn a-b c/d",
		"phát triển\nkinh tế - xã hội … (2021-2025) 59/2019/NĐ-CP: x",
		"",
	} {
		folded, shingles := analyseText(text)
		for _, c := range []struct {
			name string
			got  *termCounter
		}{{AnalyzerFolded, folded}, {AnalyzerShingle, shingles}} {
			toks := analyze(t, c.name, text)
			want := map[string]int{}
			for _, tok := range toks {
				want[string(tok.Term)]++
			}
			got := map[string]int{}
			for k, v := range c.got.freqs {
				got[k] = v.Frequency()
				if string(v.Term) != k {
					t.Errorf("%s: term %q under key %q", c.name, v.Term, k)
				}
			}
			if !reflect.DeepEqual(got, want) || c.got.n != len(toks) {
				t.Errorf("%s on %q:\n one pass %v (%d)\n analyzer %v (%d)", c.name, text, got, c.got.n, want, len(toks))
			}
		}
	}
}

// The tokenizer's cached rune classes are unicode's, for every rune they
// cover and beyond.
func TestRuneClasses(t *testing.T) {
	for r := rune(0); r < runeClassEnd+0x100; r++ {
		mark := unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)
		word := unicode.IsLetter(r) || unicode.IsDigit(r) || mark
		if r < utf8.RuneSelf {
			word = r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
		}
		if isWordRune(r) != word || isMark(r) != mark {
			t.Fatalf("%U: isWordRune %v isMark %v, unicode says %v %v", r, isWordRune(r), isMark(r), word, mark)
		}
	}
	if !isWordRune('ệ') || !isMark('\u0301') || isWordRune('–') {
		t.Error("ệ is a word rune, U+0301 a mark, – neither")
	}
}

// BenchmarkAnalyseText is the build's analysis of the seeds' sections
// (go test ./index -bench AnalyseText -benchmem).
func BenchmarkAnalyseText(b *testing.B) {
	seeds, err := content.SeedFiles()
	if err != nil {
		b.Fatal(err)
	}
	var texts []string
	size := 0
	for name, data := range seeds {
		d, err := content.ParseBytes(name, data)
		if err != nil {
			b.Fatal(err)
		}
		for _, s := range d.Sections {
			texts = append(texts, s.Text)
			size += len(s.Text)
		}
	}
	if size == 0 {
		b.Fatal("no text in the seeds")
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			analyseText(t)
		}
	}
}
