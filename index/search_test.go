package index

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode"

	"chibo/content"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
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

// Each query lands on the expected sections, in the expected order (read
// in the seeds: the section that treats the words first), and each of
// them has what was asked for. A change of the seed parsers that renames
// or loses these sections fails here: review it, then update the IDs.
func TestSearchSeeds(t *testing.T) {
	ix, lib := seedIndex(t)
	const (
		nq23 = "nghi-quyet-hdnd-bo-sung-nhiem-vu-cuoi-2023/"
		nq25 = "nghi-quyet-hdnd-kinh-te-xa-hoi-2025/"
		tl   = "tai-lieu-sinh-hoat-chi-bo-cuoi-2023/"
		pl   = "phu-luc-2-ket-qua-7-nhom-nhiem-vu-2023/"
	)
	for _, tc := range []struct {
		query, want string   // want: folded words each top hit's section contains
		top         []string // the first hits, in order
	}{
		{"nong thon moi", "nong thon moi", []string{nq25 + "2.k", nq23 + "dieu-2.2.b"}},
		{"chi bo bon tot", "chi bo bon tot", []string{tl + "ii.3", tl + "ii.3.ve-dieu-kien-cong-nhan"}},
		{"1399/QĐ-TTg", "1399/qd-ttg", []string{tl + "ii.2", tl + "ii.4.tren-linh-vuc-kinh-te"}},
		{"1399/qd-ttg", "1399/qd-ttg", []string{tl + "ii.2", tl + "ii.4.tren-linh-vuc-kinh-te"}},
		{`"Chợ Lách đạt chuẩn huyện nông thôn mới nâng cao"`, "cho lach dat chuan huyen nong thon moi nang cao", []string{nq25 + "2.k"}}, // "Chợ\nLách" in 001
		{`"Liên hiệp hợp tác xã nông nghiệp"`, "lien hiep hop tac xa nong nghiep", []string{nq25 + "2.h"}},                               // "hợp\ntác" in 001
		// Phụ lục 2 5.2 (ten times, under "5. … chuyển đổi số") and the
		// resolution's đ) (its heading) both treat it; since the headings
		// above a section count, 5.2 comes first.
		{"chuyển đổi số", "chuyen doi so", []string{pl + "5.2", nq23 + "dieu-2.3.dd"}},
		{"CHUYEN DOI SO", "chuyen doi so", []string{pl + "5.2", nq23 + "dieu-2.3.dd"}},
	} {
		t.Run(tc.query, func(t *testing.T) {
			r, err := ix.Search(context.Background(), Query{Text: tc.query, Limit: 5})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, h := range r.Hits {
				got = append(got, h.Doc+"/"+h.Section)
			}
			if len(got) < len(tc.top) {
				t.Fatalf("hits %v, want at least %v", got, tc.top)
			}
			for i, w := range tc.top {
				if got[i] != w {
					t.Fatalf("hits %v, want %v first", got, tc.top)
				}
				if s := sectionText(t, lib, r.Hits[i]); !strings.Contains(s, tc.want) {
					t.Errorf("hit %d %s %q lacks %q", i+1, got[i], r.Hits[i].Heading, tc.want)
				}
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

// ids lists the hits as "doc/section", best first.
func ids(r *Result) []string {
	var out []string
	for _, h := range r.Hits {
		out = append(out, h.Doc+"/"+h.Section)
	}
	return out
}

// A filter or an excluded word narrows the results without reordering
// them: the filtered hits are those of the plain search that pass, in the
// same order, and there are some.
func TestSearchFiltersAndOperators(t *testing.T) {
	ix, lib := seedIndex(t)
	search := func(q string, exact bool) *Result {
		t.Helper()
		r, err := ix.Search(context.Background(), Query{Text: q, Limit: 500, Exact: exact})
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	all := search("kinh te", false)
	if all.Total < 20 || len(all.Hits) != all.Total {
		t.Fatalf("kinh te: %d hits of %d", len(all.Hits), all.Total)
	}
	narrows := func(q string, keep func(h Hit) bool) {
		t.Helper()
		var want []string
		for _, h := range all.Hits {
			if keep(h) {
				want = append(want, h.Doc+"/"+h.Section)
			}
		}
		got := ids(search(q, false))
		if len(want) == 0 || len(want) == len(all.Hits) {
			t.Fatalf("%s: the fixture should keep some hits and drop some (keeps %d of %d)", q, len(want), len(all.Hits))
		}
		if len(got) != len(want) {
			t.Errorf("%s: %d hits, want %d", q, len(got), len(want))
		}
		// Only the best candidates are re-ranked, so the order is
		// compared over the first ten.
		n := min(10, len(want))
		if len(got) < n || strings.Join(got[:n], " ") != strings.Join(want[:n], " ") {
			t.Errorf("%s:\n got  %v\n want %v", q, got[:min(n, len(got))], want[:n])
		}
	}
	narrows("kinh te loai:nghi-quyet", func(h Hit) bool { return h.Kind == string(content.KindResolution) })
	narrows("kinh te nam:2024", func(h Hit) bool { return h.Year == 2024 })
	narrows("kinh te -xa", func(h Hit) bool {
		d, _ := lib.Doc(h.Doc)
		s, _ := d.Section(h.Section)
		for _, w := range content.Words(d.Title + " " + s.Heading + " " + s.Text) {
			if Fold(w) == "xa" {
				return false
			}
		}
		return true
	})
	// van-ban: only the sections citing the number, in document order.
	const tl = "tai-lieu-sinh-hoat-chi-bo-cuoi-2023/"
	if got, want := ids(search("van-ban:1399/QĐ-TTg", false)), []string{tl + "ii.2", tl + "ii.4.tren-linh-vuc-kinh-te"}; strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("van-ban:1399/QĐ-TTg: %v, want %v", got, want)
	}
	if len(all.Kinds) == 0 || len(all.Years) == 0 {
		t.Errorf("no facets: %+v %+v", all.Kinds, all.Years)
	}
	// Odd input is a search, never an error.
	for _, q := range []string{`"kinh te`, `kinh te"`, "+kinh :te", "kinh: te", "-", "loai:", `""`, "::"} {
		search(q, false)
	}
	// All words must match; without any section having all, the best
	// partial matches come back flagged, each with the word found.
	r := search("kinh zzzqqq", false)
	if !r.Relaxed || len(r.Hits) == 0 {
		t.Fatalf("kinh zzzqqq: relaxed %v, %d hits", r.Relaxed, len(r.Hits))
	}
	for _, h := range r.Hits[:min(5, len(r.Hits))] {
		if !strings.Contains(" "+sectionText(t, lib, h)+" ", " kinh ") {
			t.Errorf("kinh zzzqqq: hit %s/%s lacks kinh", h.Doc, h.Section)
		}
	}
}

func TestSearchExact(t *testing.T) {
	ix, lib := seedIndex(t)
	exact, err := ix.Search(context.Background(), Query{Text: "Đảng viên", Limit: 200, Exact: true})
	if err != nil || len(exact.Hits) == 0 {
		t.Fatalf("exact Đảng viên: %v, %d hits", err, len(exact.Hits))
	}
	if got := ids(exact); got[0] != "tai-lieu-sinh-hoat-chi-bo-cuoi-2023/ii.3.tieu-chi-ve-can-bo" {
		t.Errorf("exact Đảng viên: %v, want the criteria for party members first", got[:min(3, len(got))])
	}
	// --exact keeps only hits of the plain search.
	plain := map[string]bool{}
	for _, id := range ids(mustSearchN(t, ix, "Đảng viên", 500)) {
		plain[id] = true
	}
	for _, id := range ids(exact) {
		if !plain[id] {
			t.Errorf("exact hit %s is not a hit of the plain search", id)
		}
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
	if len(r.Hits) == 0 {
		t.Fatal("exact đang: no hits")
	}
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
	if err := ix.Sync(context.Background(), DocSource([]*content.Document{doc}), nil); err != nil {
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
	if err := ix.Sync(context.Background(), DocSource(docs), nil); err != nil {
		t.Fatal(err)
	}
	return ix
}

func sec(id, heading, text string) *content.Section {
	return &content.Section{ID: id, Level: 1, Heading: heading, Path: []string{heading}, Text: text}
}

// under puts s below the headings given, as the recogniser's Path does.
func under(s *content.Section, above ...string) *content.Section {
	s.Path = append(append([]string{}, above...), s.Heading)
	s.Level = len(s.Path)
	return s
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
		&content.Document{ID: "short", Title: "Hướng dẫn thể thức", Sections: []*content.Section{
			sec("heading", "1.9. Nơi nhận văn bản", ""),
			sec("passage", "1.9.2. Kỹ thuật trình bày", "Nơi nhận văn bản trình bày góc phải, dưới nội dung văn bản. Từ nơi nhận trình bày một dòng riêng."+filler),
		}},
		&content.Document{ID: "weights", Title: "Quy chế công tác văn thư", Sections: []*content.Section{
			sec("heading", "3. Tiếp nhận, đăng ký, chuyển giao, lưu trữ hồ sơ và sao văn bản", "Việc tiếp nhận văn bản đến do văn thư cơ quan thực hiện."+filler),
			sec("passage", "4. Trách nhiệm", "Lưu trữ hồ sơ được thực hiện hằng năm; hồ sơ lưu trữ được bàn giao đúng hạn và lưu trữ hồ sơ điện tử theo quy định."+filler),
		}},
		&content.Document{ID: "sym", Title: "Văn bản bốn", Sections: []*content.Section{
			sec("num", "Mục sáu", "Có 01 kết luận và KL của TW được nêu."+filler),
			sec("cite", "Mục bảy", "Thực hiện Kết luận số 01-KL/TW của Bộ Chính trị."+filler),
		}},
		&content.Document{ID: "anc", Title: "Quy chế", Sections: []*content.Section{
			under(sec("dieu-20", "Điều 20. Khen thưởng", "")),
			under(sec("dieu-20.1", "1. Cá nhân", "Cá nhân có thành tích được tặng bằng khen."+filler), "Điều 20. Khen thưởng"),
			under(sec("z", "2. Mức", "Khen thưởng cá nhân theo quy định."+filler), "Điều 20. Khen thưởng"),
			under(sec("dieu-21", "Điều 21. Kỷ luật", "")),
			under(sec("a", "1. Mức", "Khen thưởng cá nhân theo quy định."+filler), "Điều 21. Kỷ luật"),
		}},
		&content.Document{ID: "pcov", Title: "Bộ luật", Sections: []*content.Section{
			under(sec("a", "Điều 2. Hủy bỏ quyết định tuyên bố mất tích", "")),
			under(sec("a.1", "1. Khoản một", "Tòa án tuyên bố mất tích theo yêu cầu."+filler), "Điều 2. Hủy bỏ quyết định tuyên bố mất tích"),
			under(sec("z", "Điều 1. Tuyên bố mất tích", "")),
			under(sec("z.1", "1. Khoản một", "Tòa án tuyên bố mất tích theo yêu cầu."+filler), "Điều 1. Tuyên bố mất tích"),
		}},
		&content.Document{ID: "lead", Title: "Bộ luật", Sections: []*content.Section{
			sec("a", "Điều 4. Bên thuê và đặt cọc", "Nội dung theo thỏa thuận."+filler),
			sec("z", "Điều 3. Đặt cọc và bên thuê", "Nội dung theo thỏa thuận."+filler),
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
	t.Run("in a long question the heading weighs more than text", func(t *testing.T) {
		wantOrder(t, ix, "chuyển đổi số các đơn vị triển khai thực hiện theo kế hoạch", "head/heading", "head/text")
	})
	t.Run("in a short query the heading that is the query comes first", func(t *testing.T) {
		// The lead rule looks at headings only since 1 December 2026: a
		// heading made of the query ranks above a passage whose text
		// opens with it (the audited set judges both relevant).
		wantOrder(t, ix, "nơi nhận văn bản", "short/heading", "short/passage")
		wantOrder(t, ix, "noi nhan van ban", "short/heading", "short/passage")
	})
	t.Run("in a short query text weighs as much as a heading", func(t *testing.T) {
		// A passage about the thing beats a heading that names it among
		// other matters; with the long questions' weights (heading ×12)
		// the heading would win.
		wantOrder(t, ix, "lưu trữ hồ sơ", "weights/passage", "weights/heading")
		saved := weights
		defer func() { weights = saved }()
		weights.shortLen = 0
		wantOrder(t, ix, "lưu trữ hồ sơ", "weights/heading", "weights/passage")
	})
	t.Run("the headings above a section match and weigh", func(t *testing.T) {
		// "khen thưởng" is only in the article's heading, "thành tích"
		// only in its clause: the clause matches every word.
		r := mustSearch(t, ix, "khen thưởng thành tích")
		if r.Relaxed || len(r.Hits) == 0 || r.Hits[0].Doc+"/"+r.Hits[0].Section != "anc/dieu-20.1" {
			t.Errorf("khen thưởng thành tích: relaxed %v, %v, want anc/dieu-20.1 first", r.Relaxed, order(t, ix, "khen thưởng thành tích"))
		}
		// The same clause under two articles: the one under the article
		// the query names ranks first (without the rule the tie goes to "a").
		for _, q := range []string{"khen thưởng cá nhân", "khen thuong ca nhan"} {
			got := order(t, ix, q)
			if slices.Index(got, "anc/z") < 0 || slices.Index(got, "anc/a") < slices.Index(got, "anc/z") {
				t.Errorf("%q: %v, want anc/z before anc/a", q, got)
			}
		}
	})
	t.Run("a clause under a heading made of the query's words", func(t *testing.T) {
		// The same clause under two articles that both name the words:
		// the one whose heading is the query ranks first (without the
		// parent's coverage the tie goes to "a.1").
		for _, q := range []string{"tuyên bố mất tích", "tuyen bo mat tich"} {
			got := order(t, ix, q)
			if slices.Index(got, "pcov/z.1") < 0 || slices.Index(got, "pcov/a.1") < slices.Index(got, "pcov/z.1") {
				t.Errorf("%q: %v, want pcov/z.1 before pcov/a.1", q, got)
			}
		}
	})
	t.Run("a heading that opens with the query", func(t *testing.T) {
		// The same words in both headings; after its label ("Điều 3.")
		// one opens with the query (without the rule the tie goes to "a").
		wantOrder(t, ix, "đặt cọc", "lead/z", "lead/a")
		wantOrder(t, ix, "dat coc", "lead/z", "lead/a")
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
	return mustSearchN(t, ix, q, 10)
}

func mustSearchN(t *testing.T, ix *Index, q string, limit int) *Result {
	t.Helper()
	r, err := ix.Search(context.Background(), Query{Text: q, Limit: limit})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// bleveFacets counts the facets of q's matches the way bleve does, for
// comparison with Search's own count.
func bleveFacets(t *testing.T, ix *Index, q string) (kinds, years []Facet, total uint64) {
	t.Helper()
	p := ParseQuery(q)
	main, _ := mainQuery(p, false)
	bq := bleve.NewBooleanQuery()
	if main != nil {
		bq.AddMust(main)
	}
	for _, f := range filterQueries(p, "") {
		bq.AddMust(f)
	}
	req := bleve.NewSearchRequestOptions(bq, 1, 0, false)
	req.AddFacet("kind", bleve.NewFacetRequest(fKind, 10))
	req.AddFacet("year", bleve.NewFacetRequest(fYear, 20))
	r, err := ix.bi.search(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	conv := func(fr *search.FacetResult) []Facet {
		out := []Facet{}
		for _, tf := range fr.Terms.Terms() {
			out = append(out, Facet{Value: tf.Term, Count: tf.Count})
		}
		return out
	}
	return conv(r.Facets["kind"]), conv(r.Facets["year"]), r.Total
}

// TestSearchFacets: the kinds and years counted in the search's own pass
// are bleve's facets of the same matches, also after documents were
// removed and added (new segments, deleted sections).
func TestSearchFacets(t *testing.T) {
	set, ix := judgedIndex(t)
	queries := []string{"chi bộ", "kinh tế", "quy định", "cai cach hanh chinh", "loai:luat", "nam:2025 dữ liệu", "đảng viên"}
	check := func(when string) {
		for _, q := range queries {
			r := mustSearch(t, ix, q)
			kinds, years, total := bleveFacets(t, ix, q)
			if total == 0 || len(kinds) == 0 {
				t.Fatalf("%s %q: bleve finds no facets", when, q)
			}
			if fmt.Sprint(r.Kinds) != fmt.Sprint(kinds) || fmt.Sprint(r.Years) != fmt.Sprint(years) {
				t.Errorf("%s %q: facets %v %v, bleve %v %v", when, q, r.Kinds, r.Years, kinds, years)
			}
			if r.Total != int(total) {
				t.Errorf("%s %q: total %d, bleve %d", when, q, r.Total, total)
			}
		}
	}
	check("built")
	docs := set.Docs
	if err := ix.Sync(context.Background(), DocSource(docs[3:]), nil); err != nil {
		t.Fatal(err)
	}
	check("after removing")
	if err := ix.Sync(context.Background(), DocSource(docs), nil); err != nil {
		t.Fatal(err)
	}
	check("after adding back")
}

// A hit of a relaxed search names the query words its section lacks (as
// typed); words in the headings above it count as present; a hit with
// every word names none.
func TestHitMissing(t *testing.T) {
	ix := fixtureIndex(t,
		&content.Document{ID: "m", Title: "Kế hoạch", Sections: []*content.Section{
			sec("a", "Mục một", "Phát triển nông thôn bền vững."),
			sec("b", "Mục hai", "Phát triển đô thị thông minh."),
			under(sec("c", "Điều 3. Giao thông", "")),
			under(sec("c.1", "1. Khoản", "Xây dựng cầu đường."), "Điều 3. Giao thông"),
		}},
	)
	r := mustSearch(t, ix, "Nông thôn đô thị")
	if !r.Relaxed || len(r.Hits) < 2 {
		t.Fatalf("relaxed %v, %d hits", r.Relaxed, len(r.Hits))
	}
	want := map[string][]string{"a": {"đô", "thị"}, "b": {"Nông", "thôn"}}
	for _, h := range r.Hits {
		if w, ok := want[h.Section]; ok && !slices.Equal(h.Missing, w) {
			t.Errorf("%s: missing %q, want %q", h.Section, h.Missing, w)
		}
		delete(want, h.Section)
	}
	if len(want) > 0 {
		t.Errorf("hits %v lack %v", order(t, ix, "Nông thôn đô thị"), want)
	}
	r = mustSearch(t, ix, "giao thông cầu đường")
	if len(r.Hits) == 0 || r.Hits[0].Section != "c.1" || r.Hits[0].Missing != nil {
		t.Errorf("giao thông cầu đường: %+v, want c.1 first with no word missing", r.Hits)
	}
}

// NoFacets gives the same hits without the kind and year counts.
func TestSearchNoFacets(t *testing.T) {
	ix, _ := seedIndex(t)
	q := Query{Text: "chi bộ", Limit: 5}
	with, err := ix.Search(context.Background(), q)
	if err != nil {
		t.Fatal(err)
	}
	q.NoFacets = true
	without, err := ix.Search(context.Background(), q)
	if err != nil {
		t.Fatal(err)
	}
	if len(with.Hits) == 0 || len(with.Kinds) == 0 {
		t.Fatalf("with facets: %d hits, %d kinds; want some of both", len(with.Hits), len(with.Kinds))
	}
	if len(without.Kinds) != 0 || len(without.Years) != 0 {
		t.Errorf("NoFacets: kinds %v, years %v; want none", without.Kinds, without.Years)
	}
	if without.Total != with.Total || len(without.Hits) != len(with.Hits) {
		t.Fatalf("NoFacets: %d total, %d hits; want %d, %d", without.Total, len(without.Hits), with.Total, len(with.Hits))
	}
	for i := range with.Hits {
		if with.Hits[i].Doc != without.Hits[i].Doc || with.Hits[i].Section != without.Hits[i].Section {
			t.Errorf("hit %d: %s/%s, want %s/%s", i, without.Hits[i].Doc, without.Hits[i].Section, with.Hits[i].Doc, with.Hits[i].Section)
		}
	}
}

// TestTitleOnlySymbolYields: for a query of directive numbers, a section
// whose document title cites the number but whose own heading and text do
// not ("Diễn biến hội nghị APEC" in a bulletin titled "Thực hiện Kết luận
// số 02-KL/TW") comes after a section of another document that cites it
// in its text; the bulletin's section that cites it too stays first.
func TestTitleOnlySymbolYields(t *testing.T) {
	filler := " Các đơn vị triển khai thực hiện theo kế hoạch của tỉnh trong năm, báo cáo kết quả về cơ quan thường trực đúng thời hạn quy định."
	ix := fixtureIndex(t,
		&content.Document{ID: "bulletin", Title: "Tài liệu sinh hoạt chi bộ: Thực hiện Kết luận số 02-KL/TW", Sections: []*content.Section{
			sec("own", "1. Kết quả", "Sau một năm thực hiện Kết luận số 02-KL/TW, các chi bộ đã chuyển biến."+filler+filler),
			sec("apec", "2. Diễn biến hội nghị APEC", "Hội nghị cấp cao diễn ra tại thủ đô."),
			sec("world", "3. Tình hình thế giới", "Kinh tế thế giới phục hồi chậm."),
		}},
		&content.Document{ID: "report", Title: "Phụ lục 6: Kết quả khắc phục hạn chế", Sections: []*content.Section{
			sec("cite", "V. Nhóm hạn chế thứ năm", "Việc học tập và làm theo Kết luận số 02-KL/TW của Bộ Chính trị có chuyển biến."+filler+filler+filler),
		}},
	)
	got := order(t, ix, "02-KL/TW")
	pos := map[string]int{}
	for i, id := range got {
		pos[id] = i
	}
	for _, id := range []string{"bulletin/own", "bulletin/apec", "bulletin/world", "report/cite"} {
		if _, ok := pos[id]; !ok {
			t.Fatalf("%s not found: %v", id, got)
		}
	}
	if pos["report/cite"] > pos["bulletin/apec"] || pos["report/cite"] > pos["bulletin/world"] || pos["bulletin/own"] > pos["bulletin/apec"] {
		t.Errorf("sections matching through the title alone rank above those citing the number: %v", got)
	}
}

// TestFewAllWordsWidened: when only a few sections have every word of
// the query, the sections with most of them are ranked with those few: a
// target that writes "giường bệnh/vạn dân" (no "trên") comes before the
// one section that has every word only scattered through a long text,
// and names the word it lacks.
func TestFewAllWordsWidened(t *testing.T) {
	filler := " Các đơn vị triển khai thực hiện theo kế hoạch của tỉnh trong năm, báo cáo kết quả về cơ quan thường trực đúng thời hạn quy định."
	ix := fixtureIndex(t,
		&content.Document{ID: "nq", Title: "Nghị quyết về kinh tế - xã hội", Sections: []*content.Section{
			sec("o", "o) Chỉ tiêu y tế", "Đạt 33,3 giường bệnh/vạn dân; 10,48 bác sĩ/vạn dân."),
			sec("x", "Trên lĩnh vực kinh tế", "Dân số ổn định."+filler+" Bệnh viện tuyến huyện thêm giường điều trị."+filler+" Mười vạn hội viên tham gia."+filler),
			sec("y", "Giáo dục", "Trường học trên địa bàn được xây mới."+filler),
			sec("z", "Văn hóa", "Các thiết chế văn hóa trên địa bàn được nâng cấp."+filler),
			sec("w", "Giao thông", "Đường giao thông trên địa bàn được mở rộng."+filler),
		}},
	)
	q := "giường bệnh trên vạn dân"
	r, err := ix.Search(context.Background(), Query{Text: q, Limit: 10, Explain: true})
	if err != nil {
		t.Fatal(err)
	}
	if r.Relaxed {
		t.Errorf("%q: Relaxed set, but a section has every word", q)
	}
	wantOrder(t, ix, q, "nq/o", "nq/x")
	h := r.Hits[0]
	if !slices.Equal(h.Missing, []string{"trên"}) {
		t.Errorf("%s: missing %q, want [trên]", h.Section, h.Missing)
	}
	found := false
	for _, p := range h.Explain.Parts {
		found = found || p.Rule == RuleMostWords && p.Unit == "trên"
	}
	if !found {
		t.Errorf("%s: no %s part in the explanation: %+v", h.Section, RuleMostWords, h.Explain.Parts)
	}
	if r.Hits[1].Missing != nil {
		t.Errorf("%s: missing %q, want none", r.Hits[1].Section, r.Hits[1].Missing)
	}
}

// An exclusion narrows on purpose: the sections left are the sections
// with every word and without the excluded one, never widened to
// sections lacking a word because few are left.
func TestExclusionNotWidened(t *testing.T) {
	ix, lib := seedIndex(t)
	ctx := context.Background()
	all, err := ix.Search(ctx, Query{Text: "nông thôn mới", Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	r, err := ix.Search(ctx, Query{Text: "nông thôn mới -huyện", Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Hits) == 0 || len(r.Hits) >= len(all.Hits) || r.Total > all.Total {
		t.Fatalf("with -huyện: %d hits of %d, without: %d of %d; want fewer, and some", len(r.Hits), r.Total, len(all.Hits), all.Total)
	}
	for _, h := range r.Hits {
		if len(h.Missing) > 0 {
			t.Errorf("%s/%s lacks %v", h.Doc, h.Section, h.Missing)
		}
		d, _ := lib.Doc(h.Doc)
		s, _ := d.Section(h.Section)
		for _, w := range strings.FieldsFunc(strings.ToLower(s.Heading+" "+s.Text), func(r rune) bool { return !unicode.IsLetter(r) }) {
			if w == "huyện" {
				t.Errorf("%s/%s has the excluded word", h.Doc, h.Section)
			}
		}
	}
}

// A short query typed with diacritics: the sections with the word as typed
// come before those with it only under other diacritics ("mới" before a
// section with only "môi" or "mọi"), whatever their lengths; typed
// without diacritics, all count alike.
func TestTypedDiacriticsFirst(t *testing.T) {
	ix, lib := seedIndex(t)
	r, err := ix.Search(context.Background(), Query{Text: "mới", Limit: 200})
	if err != nil {
		t.Fatal(err)
	}
	has := func(h Hit) bool {
		d, _ := lib.Doc(h.Doc)
		s, _ := d.Section(h.Section)
		text := strings.ToLower(d.Title + " " + strings.Join(s.Path, " ") + " " + s.Heading + " " + s.Text)
		for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) }) {
			if w == "mới" {
				return true
			}
		}
		return false
	}
	with, without := 0, 0
	for i, h := range r.Hits {
		if has(h) {
			with++
			if without > 0 {
				t.Fatalf("hit %d (%s/%s) has \"mới\" but comes after %d without it", i+1, h.Doc, h.Section, without)
			}
		} else {
			without++
		}
	}
	if with < 10 || without == 0 {
		t.Fatalf("%d hits with \"mới\", %d without: want both", with, without)
	}
}

// A query naming a directive number the library has, with other words,
// is about that directive: widened or relaxed, it lists only sections
// with the number (in their text or their document's title). Session 22
// ranked first a section of Phụ lục 2 on "giường bệnh" that never cites
// 1399/QĐ-TTg. A number the library lacks narrows nothing.
func TestNamedDirectiveNarrows(t *testing.T) {
	ix, lib := seedIndex(t)
	ctx := context.Background()
	r, err := ix.Search(ctx, Query{Text: "1399/QĐ-TTg giường bệnh", Limit: 50})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Hits) == 0 {
		t.Fatal("no hits")
	}
	for _, h := range r.Hits {
		d, _ := lib.Doc(h.Doc)
		s, _ := d.Section(h.Section)
		if !strings.Contains(Fold(d.Title+" "+strings.Join(s.Path, " ")+" "+s.Heading+" "+s.Text), Fold("1399/QĐ-TTg")) {
			t.Errorf("%s/%s does not cite 1399/QĐ-TTg", h.Doc, h.Section)
		}
	}
	r, err = ix.Search(ctx, Query{Text: "99-KL/TW giường bệnh", Limit: 50})
	if err != nil {
		t.Fatal(err)
	}
	if !r.Relaxed || len(r.Hits) == 0 {
		t.Fatalf("an unknown number: relaxed %v, %d hits; want the sections with most words", r.Relaxed, len(r.Hits))
	}
}

// The lead rule has its own part in an explanation, with the share of the
// query that opens the heading or the text.
func TestExplainLead(t *testing.T) {
	ix, _ := seedIndex(t)
	r, err := ix.Search(context.Background(), Query{Text: "quy trình công nhận", Limit: 5, Explain: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Hits) == 0 {
		t.Fatal("no hits")
	}
	for _, p := range r.Hits[0].Explain.Parts {
		if p.Rule == RuleLead && strings.HasPrefix(p.Note, "100%") && (p.Field == "heading" || p.Field == "text") {
			return
		}
	}
	t.Errorf("%s/%s: no lead part: %+v", r.Hits[0].Doc, r.Hits[0].Section, r.Hits[0].Explain.Parts)
}
