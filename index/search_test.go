package index

import (
	"context"
	"fmt"
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

// fixtureIndex indexes tiny documents, one section each unless given.
func fixtureIndex(t *testing.T, docs ...*content.Document) *Index {
	t.Helper()
	ix, err := Open(t.TempDir(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	for i, d := range docs {
		d.Hash = fmt.Sprint("h", i)
		if d.Kind == "" {
			d.Kind = content.KindOther
		}
	}
	if err := ix.Sync(context.Background(), docs, nil); err != nil {
		t.Fatal(err)
	}
	return ix
}

func sec(id, heading, text string) *content.Section {
	return &content.Section{ID: id, Level: 1, Heading: heading, Path: []string{heading}, Text: text}
}

// order runs q and returns "doc/section" of the hits, best first.
func order(t *testing.T, ix *Index, q string) []string {
	t.Helper()
	r, err := ix.Search(context.Background(), Query{Text: q, Limit: 10, Explain: true})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, h := range r.Hits {
		out = append(out, h.Doc+"/"+h.Section)
		sum := 0.0
		for _, p := range h.Explain.Parts {
			sum += p.Value
		}
		if d := sum - h.Score; d > 0.01 || d < -0.01 {
			t.Errorf("%q %s/%s: explanation sums to %.3f, score %.3f: %+v", q, h.Doc, h.Section, sum, h.Score, h.Explain.Parts)
		}
	}
	return out
}

func wantOrder(t *testing.T, ix *Index, q string, want ...string) {
	t.Helper()
	got := order(t, ix, q)
	if len(got) < len(want) {
		t.Fatalf("%q: %d hits %v, want at least %v", q, len(got), got, want)
	}
	for i, w := range want {
		if got[i] != w {
			t.Fatalf("%q: hits %v, want %v first", q, got, want)
		}
	}
}

// Each ranking rule pinned on a fixture where it alone decides the order.
func TestRankRules(t *testing.T) {
	filler := " Các đơn vị triển khai thực hiện theo kế hoạch của tỉnh trong năm."
	ix := fixtureIndex(t,
		&content.Document{ID: "tone", Title: "Văn bản một", Sections: []*content.Section{
			sec("bao", "Mục một", "Công tác báo chí được quan tâm."+filler),
			sec("bảo", "Mục hai", "Công tác bảo vệ được quan tâm."+filler),
		}},
		&content.Document{ID: "pair", Title: "Văn bản hai", Sections: []*content.Section{
			sec("apart", "Mục ba", "Phát triển nông nghiệp và xây dựng thôn xóm."+filler),
			sec("together", "Mục bốn", "Phát triển nông thôn và xây dựng nghiệp đoàn."+filler),
		}},
		&content.Document{ID: "head", Title: "Văn bản ba", Sections: []*content.Section{
			sec("text", "Mục năm", "Nội dung có nhắc tới chuyển đổi số một lần."+filler),
			sec("heading", "Chuyển đổi số", "Nội dung của mục này nói về công việc chung."+filler),
		}},
		&content.Document{ID: "sym", Title: "Văn bản bốn", Sections: []*content.Section{
			sec("num", "Mục sáu", "Có 01 kết luận và KL của TW được nêu."+filler),
			sec("cite", "Mục bảy", "Thực hiện Kết luận số 01-KL/TW của Bộ Chính trị."+filler),
		}},
	)
	t.Run("accents typed count fully, other diacritics in part", func(t *testing.T) {
		wantOrder(t, ix, "bảo", "tone/bảo", "tone/bao")
		wantOrder(t, ix, "báo", "tone/bao", "tone/bảo")
		if got := order(t, ix, "bao"); len(got) != 2 {
			t.Errorf("bao: %v, want both spellings", got)
		}
	})
	t.Run("neighbouring words as a shingle", func(t *testing.T) {
		wantOrder(t, ix, "nông thôn", "pair/together", "pair/apart")
		wantOrder(t, ix, "nong thon", "pair/together", "pair/apart")
	})
	t.Run("heading weighs more than text", func(t *testing.T) {
		wantOrder(t, ix, "chuyển đổi số", "head/heading", "head/text")
	})
	t.Run("a directive symbol matches whole", func(t *testing.T) {
		if got := order(t, ix, "01-KL/TW"); len(got) != 1 || got[0] != "sym/cite" {
			t.Errorf("01-KL/TW: %v, want only sym/cite", got)
		}
	})
}

// A directive's number lands first on the document whose own number it
// is (even when its sections do not repeat it), then on the sections
// citing it; a filter still narrows.
func TestSearchOwnNumber(t *testing.T) {
	ix := fixtureIndex(t,
		&content.Document{ID: "citing", Title: "Tài liệu sinh hoạt", Sections: []*content.Section{
			sec("a", "Mục một", "Thực hiện Báo cáo số 525-BC/TU của Tỉnh ủy về kết quả năm."),
			sec("b", "Mục hai", "Nội dung khác không liên quan."),
		}},
		&content.Document{ID: "report", Title: "Báo cáo kết quả năm 2023", Number: "525-BC/TU", Kind: content.KindReport, Sections: []*content.Section{
			sec("i", "I. Kết quả", "Tình hình chung của tỉnh trong năm."),
			sec("ii", "II. Phương hướng", "Nhiệm vụ năm tới."),
		}},
	)
	wantOrder(t, ix, "525-BC/TU", "report/i", "citing/a")
	wantOrder(t, ix, "525-bc/tu", "report/i", "citing/a")
	r, err := ix.Search(context.Background(), Query{Text: "525-BC/TU", Explain: true})
	if err != nil || len(r.Hits) == 0 {
		t.Fatalf("%v %d", err, len(r.Hits))
	}
	last := r.Hits[0].Explain.Parts[len(r.Hits[0].Explain.Parts)-1]
	if last.Rule != RuleOwnNumber {
		t.Errorf("first hit's explanation lacks the own-number rule: %+v", r.Hits[0].Explain.Parts)
	}
	// loai:ke-hoach excludes the report: only a citing section could be left.
	for _, h := range mustSearch(t, ix, "525-BC/TU loai:ke-hoach").Hits {
		t.Errorf("loai:ke-hoach gave %s/%s", h.Doc, h.Section)
	}
	if got := order(t, ix, "525-BC/TU loai:bao-cao"); len(got) != 1 || got[0] != "report/i" {
		t.Errorf("loai:bao-cao: %v, want report/i", got)
	}
}

func mustSearch(t *testing.T, ix *Index, q string) *Result {
	t.Helper()
	r, err := ix.Search(context.Background(), Query{Text: q, Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	return r
}
