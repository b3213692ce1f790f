package parse

import (
	"chibo/content/model"

	"fmt"
	"html"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

const (
	seedAppendix2 = "../seeds/phu-luc-2-ket-qua-7-nhom-nhiem-vu-2023.txt"
	seedAppendix6 = "../seeds/phu-luc-6-khac-phuc-han-che-2022.txt"
)

func readSeed(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return Normalize(string(b))
}

// tbl builds a table source from rows of cells.
func tbl(lines ...string) string { return strings.Join(lines, "\n") }

const hdrLine = "STT\tNỘI DUNG\tKết quả triển khai thực hiện\tGhi chú"

func secByID(t *testing.T, secs []*model.Section, id string) *model.Section {
	t.Helper()
	for _, s := range secs {
		if s.ID == id {
			return s
		}
	}
	var ids []string
	for _, s := range secs {
		ids = append(ids, s.ID)
	}
	t.Fatalf("no section %q in %v", id, ids)
	return nil
}

func TestParseTableSynthetic(t *testing.T) {
	tests := []struct {
		name  string
		src   string
		check func(t *testing.T, secs []*model.Section)
	}{
		{
			name: "repeated header dropped, sentence joined across page break",
			src: tbl("PHỤ LỤC 9", "", "Kết quả thực hiện", "", hdrLine,
				"1.\tNhóm một\t\t",
				"1.1\t<p>Làm tốt việc</p>\t<p>Đã tổ chức hội</p>\t",
				"", hdrLine,
				"\t\t<p>nghị toàn tỉnh.</p>\t",
				"1.2\tViệc hai\tXong.\tĐúng hạn"),
			check: func(t *testing.T, secs []*model.Section) {
				if got := secs[0].Heading; got != "PHỤ LỤC 9" {
					t.Errorf("title heading %q", got)
				}
				if !strings.Contains(secs[0].Markdown, "Kết quả thực hiện") {
					t.Errorf("title body lost: %q", secs[0].Markdown)
				}
				for _, s := range secs {
					if strings.Contains(s.Text, "NỘI DUNG") || strings.Contains(s.Heading, "STT") {
						t.Errorf("header row kept in %s: %q", s.ID, s.Text)
					}
				}
				r := secByID(t, secs, "1.1")
				if !strings.Contains(r.Markdown, "**Kết quả triển khai thực hiện:** Đã tổ chức hội nghị toàn tỉnh.") {
					t.Errorf("continuation not joined into one sentence:\n%s", r.Markdown)
				}
				if r.Level != 2 || r.Heading != "1.1. Làm tốt việc" {
					t.Errorf("row: level %d heading %q", r.Level, r.Heading)
				}
				r2 := secByID(t, secs, "1.2")
				if !strings.Contains(r2.Markdown, "**Ghi chú:** Đúng hạn") {
					t.Errorf("note missing:\n%s", r2.Markdown)
				}
			},
		},
		{
			name: "continuation after a finished sentence is a new paragraph",
			src: tbl(hdrLine,
				"1\t<p>Nhiệm vụ một.</p>\t<p>Kết quả một.</p>\t",
				hdrLine,
				"\t<p>Nhiệm vụ hai.</p>\t<p>Kết quả hai.</p>\t"),
			check: func(t *testing.T, secs []*model.Section) {
				r := secByID(t, secs, "1")
				if !strings.Contains(r.Markdown, "Nhiệm vụ một.\n\nNhiệm vụ hai.") ||
					!strings.Contains(r.Markdown, "Kết quả một.\n\nKết quả hai.") {
					t.Errorf("paragraphs not kept apart:\n%s", r.Markdown)
				}
			},
		},
		{
			name: "footnotes attached to the citing row, continued across a page, never in a cell",
			src: tbl(hdrLine,
				"1.\tNhóm\t\t",
				"1.1\tViệc một\t<p>Đã làm¹ và xong</p>\t",
				"",
				"¹ Chú thích một, còn",
				"",
				hdrLine,
				"\t\t<p>việc cuối.</p>\t",
				"",
				"tiếp ở trang sau.",
				"",
				"² Chú thích không ai dẫn.",
				"",
				hdrLine,
				"1.2\tViệc hai\tSân rộng 500 m² và 40m³ nước³.\t",
				"",
				"³ Chú thích ba."),
			check: func(t *testing.T, secs []*model.Section) {
				r := secByID(t, secs, "1.1")
				want := []model.Footnote{{Mark: "¹", Text: "Chú thích một, còn tiếp ở trang sau."}, {Mark: "²", Text: "Chú thích không ai dẫn."}}
				if !slices.Equal(r.Notes, want) {
					t.Errorf("1.1 notes = %v, want %v", r.Notes, want)
				}
				if !strings.Contains(r.Markdown, "Đã làm¹ và xong việc cuối.") {
					t.Errorf("cell glued to a footnote or not joined:\n%s", r.Markdown)
				}
				if !strings.HasSuffix(r.Markdown, "---\n\n¹ Chú thích một, còn tiếp ở trang sau.\n\n² Chú thích không ai dẫn.") {
					t.Errorf("notes not at the end of the section:\n%s", r.Markdown)
				}
				r2 := secByID(t, secs, "1.2")
				if len(r2.Notes) != 1 || r2.Notes[0].Mark != "³" {
					t.Errorf("1.2 notes = %v (m² and m³ are units, not citations)", r2.Notes)
				}
			},
		},
		{
			name: "a footnote is cited by a row after it",
			src: tbl(hdrLine,
				"1\tMột\tXong.\t",
				"",
				"⁷ Ghi chú bảy.",
				"",
				hdrLine,
				"2\tHai\tTheo⁷ kế hoạch.\t"),
			check: func(t *testing.T, secs []*model.Section) {
				if n := secByID(t, secs, "2").Notes; len(n) != 1 || n[0].Mark != "⁷" {
					t.Errorf("notes of 2 = %v", n)
				}
				if n := secByID(t, secs, "1").Notes; len(n) != 0 {
					t.Errorf("notes of 1 = %v", n)
				}
			},
		},
		{
			name: "¹ is not cited by ¹⁵",
			src: tbl(hdrLine,
				"1\tMột\tCó¹⁵ dự án.\t",
				"2\tHai\tCó¹ dự án.\t",
				"",
				"¹ Một.",
				"",
				"¹⁵ Mười lăm."),
			check: func(t *testing.T, secs []*model.Section) {
				if n := secByID(t, secs, "1").Notes; len(n) != 1 || n[0].Mark != "¹⁵" {
					t.Errorf("notes of 1 = %v", n)
				}
				if n := secByID(t, secs, "2").Notes; len(n) != 1 || n[0].Mark != "¹" {
					t.Errorf("notes of 2 = %v", n)
				}
			},
		},
		{
			name: "HTML cells become markdown",
			src: tbl(hdrLine,
				"1\t<p>Việc <b>quan trọng</b></p>\t<p><i>Về kinh tế:</i> tăng&nbsp;trưởng &amp; ổn định</p><ul style=\"list-style-type: none\">- Ý một.- Ý hai; kinh tế - xã hội. - Ý ba</ul><br>Dòng mới <span>giữ chữ</span>\t"),
			check: func(t *testing.T, secs []*model.Section) {
				r := secByID(t, secs, "1")
				for _, want := range []string{
					"**Nội dung:** Việc **quan trọng**",
					"**Kết quả triển khai thực hiện:** *Về kinh tế*: tăng trưởng & ổn định",
					"- Ý một.\n- Ý hai; kinh tế - xã hội.\n- Ý ba",
					"\n\nDòng mới giữ chữ",
				} {
					if !strings.Contains(r.Markdown, want) {
						t.Errorf("missing %q in\n%s", want, r.Markdown)
					}
				}
				if strings.Contains(r.Text, "<") || strings.Contains(r.Text, "*") {
					t.Errorf("markup left in text: %q", r.Text)
				}
			},
		},
		{
			name: "groups with unnumbered task rows (appendix 6)",
			src: tbl("PHỤ LỤC 6", "", "**Kết quả khắc phục", "hạn chế năm 2022**", "",
				"STT\tNội dung nhiệm vụ, giải pháp khắc phục\tKết quả khắc phục\tGhi chú",
				"I\tNhóm thứ nhất: quán triệt chưa\t\t",
				"STT\tNội dung nhiệm vụ, giải pháp khắc phục\tKết quả khắc phục\tGhi chú",
				"\t<p>sâu.</p>\t\t",
				"\tTập trung lãnh đạo\t<p>- Đã chỉ đạo.</p> <p>- Đã ban hành.</p>\t",
				"II\tNhóm thứ hai\t\t",
				"STT\tNội dung nhiệm vụ, giải pháp khắc phục\tKết quả khắc phục\tGhi chú",
				"\tThực hiện nghiêm\t<p>Đã thực hiện.</p>\t"),
			check: func(t *testing.T, secs []*model.Section) {
				if !strings.Contains(secs[0].Markdown, "**Kết quả khắc phục hạn chế năm 2022**") {
					t.Errorf("bold title not joined: %q", secs[0].Markdown)
				}
				var got []string
				for _, s := range secs[1:] {
					got = append(got, fmt.Sprintf("%d %s", s.Level, s.Heading))
				}
				want := []string{
					"1 I. Nhóm thứ nhất: quán triệt chưa sâu.",
					"2 Tập trung lãnh đạo",
					"1 II. Nhóm thứ hai",
					"2 Thực hiện nghiêm",
				}
				if !slices.Equal(got, want) {
					t.Errorf("tree:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
				}
				if !strings.Contains(secs[2].Markdown, "**Kết quả khắc phục:**\n\n- Đã chỉ đạo.\n- Đã ban hành.") {
					t.Errorf("dash items:\n%s", secs[2].Markdown)
				}
			},
		},
		{
			name: "long task: one-line short heading, full text in the body",
			src: tbl(hdrLine,
				"1.1\tTiếp tục tập trung xây dựng Đảng bộ trong sạch, vững mạnh, nâng cao năng lực hoạt động của hệ thống chính trị, phát huy vai trò\tXong\t"),
			check: func(t *testing.T, secs []*model.Section) {
				s := secs[0]
				if s.Heading != "1.1. Tiếp tục tập trung xây dựng Đảng bộ trong sạch, vững mạnh, nâng cao…" {
					t.Errorf("heading %q", s.Heading)
				}
				if !strings.Contains(s.Markdown, "**Nội dung:** Tiếp tục tập trung xây dựng Đảng bộ trong sạch, vững mạnh, nâng cao năng lực hoạt động của hệ thống chính trị, phát huy vai trò") {
					t.Errorf("full task missing:\n%s", s.Markdown)
				}
			},
		},
		{
			name: "no header, text after the table kept",
			src:  tbl("a\tb\tc", "1\tx\ty", "2\tz\tw", "", "Nơi nhận: các đơn vị."),
			check: func(t *testing.T, secs []*model.Section) {
				if len(secs) != 3 {
					t.Fatalf("%d sections", len(secs))
				}
				if !strings.Contains(secs[2].Text, "Nơi nhận: các đơn vị.") {
					t.Errorf("trailing text lost: %q", secs[2].Text)
				}
			},
		},
		{
			name: "no table at all",
			src:  "Chỉ có một dòng.",
			check: func(t *testing.T, secs []*model.Section) {
				if len(secs) != 1 || secs[0].Heading != "Chỉ có một dòng." {
					t.Errorf("%+v", secs)
				}
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src := Normalize(tc.src)
			secs := parseTable(src)
			tc.check(t, secs)
			checkTableSections(t, src, secs)
		})
	}
}

// checkTableSections asserts what every parse must give: one-line NFC
// headings, unique IDs, text that is the plain form of the markdown, and
// every word of the source.
func checkTableSections(t testing.TB, src string, secs []*model.Section) {
	t.Helper()
	ids := map[string]bool{}
	for _, s := range secs {
		if ids[s.ID] {
			t.Errorf("duplicate ID %q", s.ID)
		}
		ids[s.ID] = true
		if strings.Contains(s.Heading, "\n") || s.Heading == "" {
			t.Errorf("heading %q", s.Heading)
		}
		for _, f := range []string{s.Heading, s.Markdown, s.Text} {
			if !utf8.ValidString(f) || !norm.NFC.IsNormalString(f) {
				t.Errorf("%s: not NFC UTF-8: %q", s.ID, f)
			}
		}
		if s.Text != model.PlainText(s.Markdown) {
			t.Errorf("%s: Text is not PlainText(Markdown)", s.ID)
		}
	}
	if missing := lostWords(src, secs); len(missing) > 0 {
		t.Errorf("words lost: %v", missing)
	}
}

var tagRe = regexp.MustCompile(`</?[a-zA-Z][^>]*>`)

// lostWords lists the words of src (without repeated header rows, HTML
// markup in cells and markdown markup in the other lines) that the sections' headings and texts do not hold as often.
func lostWords(src string, secs []*model.Section) []string {
	want := map[string]int{}
	header := ""
	for _, l := range strings.Split(src, "\n") {
		if strings.Contains(l, "\t") {
			if header == "" {
				header = l
			}
			if tblSameRow(l, header) {
				continue
			}
		}
		if strings.Contains(l, "\t") {
			l = html.UnescapeString(tagRe.ReplaceAllString(l, " "))
		} else {
			l = model.PlainText(l) // title and footnote lines are markdown: "**bold**"
		}
		for _, w := range model.Words(l) {
			want[w]++
		}
	}
	for _, s := range secs {
		for _, w := range model.Words(s.Heading + "\n" + s.Text) {
			want[w]--
		}
	}
	var missing []string
	for w, n := range want {
		if n > 0 {
			missing = append(missing, fmt.Sprintf("%s×%d", w, n))
		}
	}
	slices.Sort(missing)
	return missing
}

func TestParseTableAppendix2(t *testing.T) {
	src := readSeed(t, seedAppendix2)
	secs := parseTable(src)
	checkTableSections(t, src, secs)

	if secs[0].Heading != "PHỤ LỤC 2" || !strings.Contains(secs[0].Text, "Kết quả triển khai thực hiện 7 nhóm nhiệm vụ") {
		t.Errorf("opening section: %q / %q", secs[0].Heading, secs[0].Text)
	}
	rows := map[int]int{1: 6, 2: 3, 3: 9, 4: 4, 5: 4, 6: 3, 7: 3}
	var want []string
	for g := 1; g <= 7; g++ {
		want = append(want, fmt.Sprint(g))
		for r := 1; r <= rows[g]; r++ {
			want = append(want, fmt.Sprintf("%d.%d", g, r))
		}
	}
	var got []string
	for _, s := range secs[1:] {
		got = append(got, s.ID)
		wantLevel := 1 + strings.Count(s.ID, ".")
		if s.Level != wantLevel {
			t.Errorf("%s: level %d", s.ID, s.Level)
		}
		if !strings.HasPrefix(s.Heading, s.ID+". ") {
			t.Errorf("%s: heading %q", s.ID, s.Heading)
		}
		if s.Level == 2 && (!strings.Contains(s.Markdown, "**Nội dung:**") || !strings.Contains(s.Markdown, "**Kết quả triển khai thực hiện:**")) {
			t.Errorf("%s: missing labels:\n%.300s", s.ID, s.Markdown)
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("sections:\n got %v\nwant %v", got, want)
	}

	// All 30 footnotes, each with the row that cites it.
	var marks []string
	for _, s := range secs {
		body := s.Markdown
		if i := strings.LastIndex(body, "\n---\n"); i >= 0 {
			body = body[:i]
		}
		for _, n := range s.Notes {
			marks = append(marks, n.Mark)
			if !slices.Contains(tblMarksIn(body), n.Mark) {
				t.Errorf("%s holds note %s but does not cite it", s.ID, n.Mark)
			}
			if !strings.Contains(s.Markdown, "\n\n"+n.Mark+" ") {
				t.Errorf("%s: note %s not shown in the section", s.ID, n.Mark)
			}
			if n.Text == "" {
				t.Errorf("%s: note %s empty", s.ID, n.Mark)
			}
		}
	}
	var wantMarks []string
	for i := 1; i <= 30; i++ {
		wantMarks = append(wantMarks, superscript(i))
	}
	if !slices.Equal(marks, wantMarks) {
		t.Errorf("notes in order: %v", marks)
	}
	// Footnote 4 runs across a page break; 27 has no space after its mark.
	n4 := secByID(t, secs, "2.1").Notes[0]
	if !strings.HasSuffix(n4.Text, "Trung tâm Công nghệ thông tin, Trung tâm Quan trắc trực thuộc Sở Tài nguyên và Môi trường. Xếp hạng 13 đơn vị sự nghiệp công lập (Bệnh viện, Trung tâm Y tế huyện, thành phố, Trung tâm) thuộc Sở Y tế.") {
		t.Errorf("note ⁴ not continued: %q", n4.Text)
	}
	if s := secByID(t, secs, "2.1"); strings.Contains(s.Markdown[:strings.Index(s.Markdown, "\n---\n")], "Trung tâm Quan trắc") {
		t.Errorf("note ⁴ glued into a cell")
	}
	// A sentence cut by a page break is whole again.
	if s := secByID(t, secs, "1.1"); !strings.Contains(s.Text, "cả hệ thống chính trị nội dung, phương châm “Hai chân, ba mũi”") {
		t.Errorf("1.1 result not joined across the page break")
	}
	// <ul> with " - " items.
	if s := secByID(t, secs, "1.5"); !strings.Contains(s.Markdown, "\n- Hoạt động tiếp xúc cử tri được các đại biểu quan tâm, thực hiện tốt; qua đó, kịp thời") {
		t.Errorf("1.5 list items:\n%s", s.Markdown)
	}
}

func superscript(n int) string {
	digits := []rune(tblSupDigits)
	var b strings.Builder
	for _, c := range fmt.Sprint(n) {
		b.WriteRune(digits[c-'0'])
	}
	return b.String()
}

func TestParseTableAppendix6(t *testing.T) {
	src := readSeed(t, seedAppendix6)
	secs := parseTable(src)
	checkTableSections(t, src, secs)

	if secs[0].Heading != "PHỤ LỤC 6" || !strings.HasPrefix(secs[0].Markdown, "**Kết quả thực hiện khắc phục hạn chế, khuyết điểm sau kiểm điểm") ||
		!strings.HasSuffix(secs[0].Markdown, "của Ban Thường vụ Tỉnh ủy)**") {
		t.Errorf("opening section: %q\n%s", secs[0].Heading, secs[0].Markdown)
	}
	var groups []string
	for i, s := range secs[1:] {
		if s.Level == 1 {
			groups = append(groups, s.ID)
			if !strings.Contains(s.Heading, "Nhóm hạn chế, khuyết điểm thứ") {
				t.Errorf("group heading %q", s.Heading)
			}
			// Each group has its remedy as a row of its own.
			next := secs[i+2]
			if next.Level != 2 || !strings.HasPrefix(next.ID, s.ID+".") ||
				!strings.Contains(next.Markdown, "**Nội dung nhiệm vụ, giải pháp khắc phục:**") || !strings.Contains(next.Markdown, "**Kết quả khắc phục:**\n\n- ") {
				t.Errorf("group %s: next section %s %q\n%.300s", s.ID, next.ID, next.Heading, next.Markdown)
			}
		}
	}
	if want := []string{"i", "ii", "iii", "iv", "v"}; !slices.Equal(groups, want) {
		t.Errorf("groups %v", groups)
	}
	if len(secs) != 11 {
		t.Errorf("%d sections, want title + 5 groups + 5 rows", len(secs))
	}
	// III continues across a page break before its row.
	if s := secByID(t, secs, "iii"); !strings.Contains(s.Text, "tội phạm giết người, cố ý gây thương tích tăng cao so cùng kỳ.") {
		t.Errorf("group III text not joined: %.200q", s.Text)
	}
	// The first item of I's result runs over the page break.
	i1 := secs[2]
	if !strings.Contains(i1.Markdown, "góp phần thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội năm 2023. Ban Tuyên giao") {
		t.Errorf("I row not joined:\n%s", i1.Markdown)
	}
	if !strings.Contains(i1.Markdown, "\n- Ban hành Công văn số 3106-CV/TU") {
		t.Errorf("\"Đảng.- Ban\" not split into items")
	}
}

func FuzzTable(f *testing.F) {
	for _, name := range []string{seedAppendix2, seedAppendix6} {
		src := readSeed(f, name)
		lines := strings.Split(src, "\n")
		f.Add(src)
		f.Add(strings.Join(lines[:min(30, len(lines))], "\n"))
	}
	f.Add(tbl(hdrLine, "1\ta¹\tb\t", hdrLine, "\tc\t\t", "¹ x", "y"))
	f.Add("STT\tA\n\t\n1.1.1\t<ul><li>x<ol><li>y</ul>\n¹\n")
	f.Fuzz(func(t *testing.T, in string) {
		if !utf8.ValidString(in) {
			return
		}
		src := Normalize(in)
		secs := parseTable(src)
		ids := map[string]bool{}
		for _, s := range secs {
			if ids[s.ID] {
				t.Fatalf("duplicate ID %q", s.ID)
			}
			ids[s.ID] = true
			for _, v := range []string{s.Heading, s.Markdown, s.Text} {
				if !utf8.ValidString(v) || !norm.NFC.IsNormalString(v) {
					t.Fatalf("%s: not NFC UTF-8: %q", s.ID, v)
				}
			}
			if strings.Contains(s.Heading, "\n") {
				t.Fatalf("heading on two lines: %q", s.Heading)
			}
		}
		// Without markup every word must survive; with it, what is markup
		// is the HTML tokenizer's call (htmlmd's fuzz test checks that).
		if !strings.ContainsAny(src, "<&") {
			if missing := lostWords(src, secs); len(missing) > 0 {
				t.Fatalf("words lost: %v", missing)
			}
		}
	})
}

func BenchmarkParseTable(b *testing.B) {
	srcs := []string{readSeed(b, seedAppendix2), readSeed(b, seedAppendix6)}
	size := 0
	for _, s := range srcs {
		size += len(s)
	}
	b.SetBytes(int64(size))
	for b.Loop() {
		for _, s := range srcs {
			parseTable(s)
		}
	}
}
