package index

import (
	"context"
	"errors"
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
		{"nam:abc", want{}},
		{"nam:1-99999", want{}},
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

// TestParseQueryBadYear: a year filter whose value is not a year is an
// error, never a search for the word "năm" (rel-19: nam:abc answered the
// same 8174 sections as a plain search for nam).
func TestParseQueryBadYear(t *testing.T) {
	for _, tc := range []struct{ in, value string }{
		{"nam:abc", "abc"},
		{"nam:99999999999999999999", "99999999999999999999"},
		{"chi bộ năm:hai", "hai"},
		{"year:202", "202"},
		{"nam:2025-2020", "2025-2020"},
		{"nam:1-99999", "1-99999"},
		{`nam:"x"`, "x"},
		{"nam:2023 nam:abc nam:xyz", "abc"},
	} {
		p := ParseQuery(tc.in)
		var qe *QueryError
		if !errors.As(p.Err, &qe) || qe.Value != tc.value {
			t.Errorf("%q: Err %v, want a QueryError for %q", tc.in, p.Err, tc.value)
			continue
		}
		for _, w := range p.Terms {
			if w.Folded == "nam" || w.Folded == Fold(tc.value) {
				t.Errorf("%q: the filter became the word %q", tc.in, w.Text)
			}
		}
	}
	for _, ok := range []string{"nam:2023", "nam:2021-2023", "nam:2022,2023", "nam:", "năm 2023", "nam:3000"} {
		if p := ParseQuery(ok); p.Err != nil {
			t.Errorf("%q: %v", ok, p.Err)
		}
	}
	// Search refuses it, on an empty index too.
	ix, err := Open(t.TempDir(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if err := ix.Sync(context.Background(), DocSource(synthDocs(1, 1)), nil); err != nil {
		t.Fatal(err)
	}
	var qe *QueryError
	if _, err := ix.Search(context.Background(), Query{Text: "mk1x0 nam:abc"}); !errors.As(err, &qe) {
		t.Errorf("Search(nam:abc): %v, want a QueryError", err)
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
