package index

import (
	"context"
	"strings"
	"testing"

	"chibo/content"
)

// sectionText is a hit's section as plain words, folded, one space apart.
func sectionText(t *testing.T, lib *content.Library, h Hit) string {
	t.Helper()
	d, ok := lib.Doc(h.Doc)
	if !ok {
		t.Fatalf("hit in unknown document %q", h.Doc)
	}
	s, ok := d.Section(h.Section)
	if !ok {
		t.Fatalf("hit in unknown section %q of %q", h.Section, h.Doc)
	}
	return strings.Join(strings.Fields(Fold(s.Heading+" "+s.Text)), " ")
}

// Each query must land first on a section that has what was asked for.
// IDs are not asserted: the seed parsers are still improving.
func TestSearchSeeds(t *testing.T) {
	ix, lib := seedIndex(t)
	for _, tc := range []struct {
		query, want string // want: folded words the first hit's section contains
	}{
		{"nong thon moi", "nong thon moi"},
		{"chi bo bon tot", "chi bo bon tot"},
		{"1399/QĐ-TTg", "1399/qd-ttg"},
		{"1399/qd-ttg", "1399/qd-ttg"},
		{`"Chợ Lách đạt chuẩn huyện nông thôn mới nâng cao"`, "cho lach dat chuan huyen nong thon moi nang cao"}, // "Chợ\nLách" in 001
		{`"Liên hiệp hợp tác xã nông nghiệp"`, "lien hiep hop tac xa nong nghiep"},                               // "hợp\ntác" in 001
		{"chuyển đổi số", "chuyen doi so"},
		{"CHUYEN DOI SO", "chuyen doi so"},
	} {
		t.Run(tc.query, func(t *testing.T) {
			r, err := ix.Search(context.Background(), Query{Text: tc.query, Limit: 5})
			if err != nil {
				t.Fatal(err)
			}
			if len(r.Hits) == 0 {
				t.Fatalf("no hits")
			}
			if got := sectionText(t, lib, r.Hits[0]); !strings.Contains(got, tc.want) {
				t.Errorf("first hit %s/%s %q lacks %q", r.Hits[0].Doc, r.Hits[0].Section, r.Hits[0].Heading, tc.want)
			}
			if r.Total < len(r.Hits) {
				t.Errorf("total %d < %d hits", r.Total, len(r.Hits))
			}
		})
	}
}

func TestSearchSnippetKeepsAccents(t *testing.T) {
	ix, _ := seedIndex(t)
	r, err := ix.Search(context.Background(), Query{Text: "nong thon moi", Limit: 1})
	if err != nil || len(r.Hits) == 0 {
		t.Fatalf("no hit: %v", err)
	}
	var marked []string
	for _, s := range r.Hits[0].Snippet {
		if s.Match {
			marked = append(marked, s.Text)
		}
	}
	if len(marked) == 0 {
		t.Fatalf("snippet marks nothing: %+v", r.Hits[0].Snippet)
	}
	for _, m := range marked {
		if Fold(m) != "nong thon moi" || m == Fold(m) {
			t.Errorf("marked %q: want the document's accented words for nong thon moi", m)
		}
	}
}

func TestSearchFiltersAndOperators(t *testing.T) {
	ix, lib := seedIndex(t)
	search := func(q string, exact bool) *Result {
		t.Helper()
		r, err := ix.Search(context.Background(), Query{Text: q, Limit: 50, Exact: exact})
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	all := search("kinh te", false)
	if all.Total == 0 {
		t.Fatal("no hits for kinh te")
	}
	for _, h := range search("kinh te loai:nghi-quyet", false).Hits {
		if h.Kind != string(content.KindResolution) {
			t.Errorf("loai:nghi-quyet gave a %s", h.Kind)
		}
	}
	for _, h := range search("kinh te nam:2024", false).Hits {
		if h.Year != 2024 {
			t.Errorf("nam:2024 gave year %d", h.Year)
		}
	}
	for _, h := range search("kinh te -xa", false).Hits {
		if strings.Contains(" "+sectionText(t, lib, h)+" ", " xa ") {
			t.Errorf("-xa: hit %s/%s has xa", h.Doc, h.Section)
		}
	}
	cited := search("van-ban:1399/QĐ-TTg", false)
	if cited.Total == 0 {
		t.Error("van-ban:1399/QĐ-TTg found nothing")
	}
	for _, h := range cited.Hits {
		if !strings.Contains(sectionText(t, lib, h), "1399/qd-ttg") {
			t.Errorf("van-ban: hit %s/%s does not cite it", h.Doc, h.Section)
		}
	}
	if len(all.Kinds) == 0 || len(all.Years) == 0 {
		t.Errorf("no facets: %+v %+v", all.Kinds, all.Years)
	}
	// Odd input is a search, never an error.
	for _, q := range []string{`"kinh te`, `kinh te"`, "+kinh :te", "kinh: te", "-", "loai:", `""`, "::"} {
		search(q, false)
	}
	// All words must match; without any section having all, the best
	// partial matches come back flagged.
	if r := search("kinh zzzqqq", false); !r.Relaxed || len(r.Hits) == 0 {
		t.Errorf("kinh zzzqqq: relaxed %v, %d hits", r.Relaxed, len(r.Hits))
	}
}

func TestSearchExact(t *testing.T) {
	ix, lib := seedIndex(t)
	exact, err := ix.Search(context.Background(), Query{Text: "Đảng viên", Limit: 200, Exact: true})
	if err != nil || len(exact.Hits) == 0 {
		t.Fatalf("exact Đảng viên: %v, %d hits", err, len(exact.Hits))
	}
	for _, h := range exact.Hits {
		d, _ := lib.Doc(h.Doc)
		s, _ := d.Section(h.Section)
		words := strings.ToLower(d.Title + " " + s.Heading + " " + s.Text)
		if !strings.Contains(words, "đảng") || !strings.Contains(words, "viên") {
			t.Errorf("exact hit %s/%s lacks đảng viên", h.Doc, h.Section)
		}
	}
	// "đang" (being) folds like "Đảng" but is another word.
	r, _ := ix.Search(context.Background(), Query{Text: "đang", Limit: 200, Exact: true})
	for _, h := range r.Hits {
		d, _ := lib.Doc(h.Doc)
		s, _ := d.Section(h.Section)
		has := false
		for _, w := range content.Words(strings.ToLower(d.Title + " " + s.Heading + " " + s.Text)) {
			has = has || Exact(w) == Exact("đang")
		}
		if !has {
			t.Errorf("exact đang: hit %s/%s has no đang", h.Doc, h.Section)
		}
	}
	// When the user types accents, exact spellings rank first.
	acc, _ := ix.Search(context.Background(), Query{Text: "đang", Limit: 1})
	if len(acc.Hits) == 0 {
		t.Fatal("no hit for đang")
	}
	if got := sectionTextRaw(lib, acc.Hits[0]); !strings.Contains(strings.ToLower(got), "đang") {
		t.Errorf("đang: first hit %s/%s lacks the exact word", acc.Hits[0].Doc, acc.Hits[0].Section)
	}
}

func sectionTextRaw(lib *content.Library, h Hit) string {
	d, _ := lib.Doc(h.Doc)
	s, _ := d.Section(h.Section)
	return d.Title + " " + s.Heading + " " + s.Text
}

// TestSearchFootnotes finds what only a footnote says: a section's notes
// are searched with its text.
func TestSearchFootnotes(t *testing.T) {
	ix, err := Open(t.TempDir(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	doc := &content.Document{ID: "bao-cao", Title: "Báo cáo cải cách hành chính", Kind: content.KindReport, Hash: "h1",
		Sections: []*content.Section{{ID: "i", Level: 1, Heading: "I. Kết quả", Path: []string{"I. Kết quả"},
			Text: "Triển khai kế hoạch trên địa bàn tỉnh¹.", Markdown: "Triển khai kế hoạch trên địa bàn tỉnh¹.",
			Notes: []content.Footnote{{Mark: "¹", Text: "Công văn số 716/UBND-HCC ngày 12/02/2026 về kiểm soát thủ tục."}}}}}
	if err := ix.Sync(context.Background(), []*content.Document{doc}, nil); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"716/UBND-HCC", "kiem soat thu tuc"} {
		r, err := ix.Search(context.Background(), Query{Text: q, Limit: 5})
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Hits) == 0 || r.Hits[0].Section != "i" {
			t.Errorf("%q: footnote not found (%d hits)", q, len(r.Hits))
		}
	}
}
