package index

import (
	"reflect"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// words lists the folded forms of terms.
func words(ts []Term) []string {
	out := []string{}
	for _, t := range ts {
		out = append(out, t.Folded)
	}
	return out
}

func phrases(ps []Phrase) [][]string {
	out := [][]string{}
	for _, p := range ps {
		out = append(out, words(p.Words))
	}
	return out
}

func TestParseQuery(t *testing.T) {
	type want struct {
		terms, exclude []string
		phrases        [][]string
		exPhrases      [][]string
		kinds          []string
		years          []int
		symbols        []string
	}
	for _, tc := range []struct {
		in   string
		want want
	}{
		{"nong thon moi", want{terms: []string{"nong", "thon", "moi"}}},
		{"Nông thôn MỚI", want{terms: []string{"nong", "thon", "moi"}}},
		{norm.NFD.String("nông thôn"), want{terms: []string{"nong", "thon"}}},
		{`"chuyển đổi số" tỉnh`, want{terms: []string{"tinh"}, phrases: [][]string{{"chuyen", "doi", "so"}}}},
		{`"chi bo bon tot`, want{phrases: [][]string{{"chi", "bo", "bon", "tot"}}}},
		{`chi bo "`, want{terms: []string{"chi", "bo"}}},
		{`"" ""`, want{}},
		{`"đảng"`, want{terms: []string{"dang"}}},
		{"dang -vien", want{terms: []string{"dang"}, exclude: []string{"vien"}}},
		{`dang -"chi bo"`, want{terms: []string{"dang"}, exPhrases: [][]string{{"chi", "bo"}}}},
		{"dang - vien", want{terms: []string{"dang", "vien"}}},
		{"dang --vien", want{terms: []string{"dang", "vien"}}},
		{"dang -", want{terms: []string{"dang"}}},
		{"+dang +vien", want{terms: []string{"dang", "vien"}}},
		{"+ + +", want{}},
		{"a:b", want{terms: []string{"a", "b"}}},
		{": :: dang:", want{terms: []string{"dang"}}},
		{"loai:nghi-quyet", want{kinds: []string{"nghi-quyet"}}},
		{`loai:"nghị quyết" nam:2023 thu hoach`, want{terms: []string{"thu", "hoach"}, kinds: []string{"nghi-quyet"}, years: []int{2023}}},
		{"LOẠI:Phụ-lục", want{kinds: []string{"phu-luc"}}},
		{"loai:xyz", want{terms: []string{"loai", "xyz"}}},
		{"loai:", want{}},
		{"nam:2022-2024", want{years: []int{2022, 2023, 2024}}},
		{"nam:2022,2024 nam:2022", want{years: []int{2022, 2024}}},
		{"nam:abc", want{terms: []string{"nam", "abc"}}},
		{"nam:1-99999", want{terms: []string{"nam", "1-99999", "1", "99999"}[:2]}},
		{"van-ban:21-NQ/TW", want{symbols: []string{"21-nq/tw"}}},
		{"van-ban:1399/qđ-ttg.", want{symbols: []string{"1399/qd-ttg"}}},
		{"vanban:", want{}},
		{"1399/QĐ-TTg", want{terms: []string{"1399/qd-ttg"}}},
		{"59/2019/NĐ-CP thông tư", want{terms: []string{"59/2019/nd-cp", "thong", "tu"}}},
		{"dang dang Đảng", want{terms: []string{"dang", "dang"}}},
		{"", want{}},
		{"   \t ", want{}},
		{"-dang", want{exclude: []string{"dang"}}},
		{"\xff\xfe", want{}},
	} {
		t.Run(tc.in, func(t *testing.T) {
			p := ParseQuery(tc.in)
			got := want{terms: words(p.Terms), exclude: words(p.Exclude), phrases: phrases(p.Phrases), exPhrases: phrases(p.ExcludePhrases), kinds: p.Kinds, years: p.Years, symbols: p.Symbols}
			w := tc.want
			norm := func(x *want) {
				if x.terms == nil {
					x.terms = []string{}
				}
				if x.exclude == nil {
					x.exclude = []string{}
				}
				if x.phrases == nil {
					x.phrases = [][]string{}
				}
				if x.exPhrases == nil {
					x.exPhrases = [][]string{}
				}
			}
			norm(&w)
			norm(&got)
			if !reflect.DeepEqual(got, w) {
				t.Errorf("ParseQuery(%q)\n got %+v\nwant %+v", tc.in, got, w)
			}
		})
	}
}

func TestParseQueryAccentFlags(t *testing.T) {
	p := ParseQuery("Đảng dang hoá")
	if len(p.Terms) != 3 {
		t.Fatalf("terms %+v", p.Terms)
	}
	if !p.Terms[0].Accent || p.Terms[1].Accent || !p.Terms[2].Accent {
		t.Errorf("accent flags wrong: %+v", p.Terms)
	}
	if p.Terms[2].Exact != Exact("hóa") {
		t.Errorf("hoá and hóa should share an exact term")
	}
	if !ParseQuery("21-NQ/TW").Terms[0].Symbol {
		t.Errorf("symbol not flagged")
	}
}

func FuzzParseQuery(f *testing.F) {
	for _, s := range []string{`"a b`, `-"x y"`, "loai:nq nam:2023", "van-ban:21-NQ/TW", "+-:\"", norm.NFD.String("hoá"), "nam:2000-2050"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p := ParseQuery(s)
		for _, ts := range [][]Term{p.Terms, p.Exclude} {
			for _, x := range ts {
				if x.Folded == "" {
					t.Fatalf("%q: empty term", s)
				}
			}
		}
		for _, ph := range append(p.Phrases, p.ExcludePhrases...) {
			if len(ph.Words) < 2 {
				t.Fatalf("%q: phrase of %d words", s, len(ph.Words))
			}
		}
		mainQuery(p, false)
		mainQuery(p, true)
		filterQueries(p, "")
	})
}
