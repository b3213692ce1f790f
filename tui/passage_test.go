package tui

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/teatest/v2"

	"chibo/content"
	"chibo/content/plan"
	"chibo/index"
	"chibo/tui/i18n"
	"chibo/tui/planview"
)

// TestReaderParagraphLines: every source paragraph the reader can select
// (a heading, a paragraph, a list item, a table) starts on the screen
// line that shows its first words and ends on a line with text, in every
// seed document.
func TestReaderParagraphLines(t *testing.T) {
	lib := seedLibrary(t)
	bad := 0
	n := 0
	for _, d := range allDocs(lib) {
		rd, err := newRenderCache().renderDocument(d, 80, ThemeDark, i18n.VI)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range rd.paras {
			n++
			md := d.Sections[p.sec].Heading
			if p.unit >= 0 {
				s := d.Sections[p.sec]
				md = s.Markdown[p.from:p.to]
				if from, to := s.RunIn(); p.unit == 0 && to > 0 && from >= p.from && to < p.to {
					md = s.Markdown[p.from:from] + s.Markdown[to:p.to] // shown after the heading's words
				}
			}
			w := strings.Fields(content.PlainText(md))
			if len(w) == 0 {
				continue
			}
			first := strings.Trim(w[0], "*_#-")
			if len(w) > 1 && strings.ContainsAny(w[0], ".)-") {
				first = strings.Trim(w[1], "*_")
			}
			line := rd.plain[p.start]
			if !strings.Contains(line, first) || p.end <= p.start || rd.plain[p.end-1] == "" {
				bad++
				if bad < 10 {
					t.Logf("%s sec %d unit %d: %q vs line %q", d.ID, p.sec, p.unit, first, line)
				}
			}
		}
	}
	if bad > 0 || n < 500 {
		t.Fatalf("%d of %d paragraphs not where the screen shows them", bad, n)
	}
}

// TestSelectPassageFlow: through a real tea.Program, ] to "1. Bác Hồ dặn
// …", V, three ↓ (the heading and its first three paragraphs), a, Enter:
// the plan on disk holds exactly those three paragraphs as stored, marked
// a passage, cited with section I.1, and the plan screen lists it as a
// passage. Esc in the reader cancels a selection first; keys that would
// leave the reader do nothing while selecting.
func TestSelectPassageFlow(t *testing.T) {
	lib := seedLibrary(t)
	store := plan.OpenStore(t.TempDir())
	app := New(Options{
		Lang:        i18n.VI,
		Theme:       ThemeNone,
		OpenLibrary: func() (Library, error) { return lib, nil },
		OpenUser:    func() (UserData, error) { return newMemUser(), nil },
		OpenIndex: func(ctx context.Context, l Library, progress func(int, int)) (index.Searcher, error) {
			return &fakeSearcher{lib: lib}, nil
		},
		Plans: store,
	})
	tm := teatest.NewTestModel(t, probeModel{app}, teatest.WithInitialTermSize(80, 24))
	waitScreen(t, tm, "library", has("THƯ VIỆN", "TÀI LIỆU SINH HOẠT"))
	tm.Send(keyMsg("enter"))
	waitScreen(t, tm, "outline", has("MỤC LỤC", "I. THỰC HIỆN KẾT LUẬN"))
	tm.Send(keyMsg("enter"))
	waitScreen(t, tm, "reader", has("ĐỌC", "mục 1/", "Bác Hồ dặn"))
	tm.Send(keyMsg("]"))
	waitScreen(t, tm, "section I.1", has("mục 2/"))
	// V, esc: no selection left; V again and three paragraphs more.
	tm.Send(keyMsg("V"))
	waitScreen(t, tm, "a selection", has("CHỌN ĐOẠN", "1 đoạn", "▌"))
	tm.Send(keyMsg("esc"))
	if f := waitScreen(t, tm, "the reader again", has("ĐỌC", "mục 2/")); strings.Contains(f, "▌") {
		t.Fatalf("esc left the selection marked:\n%s", f)
	}
	tm.Send(keyMsg("V"))
	for range 3 {
		tm.Send(keyMsg("down"))
	}
	waitScreen(t, tm, "four paragraphs selected", has("CHỌN ĐOẠN", "4 đoạn"))
	// Keys that would leave the reader (search, the plan, quit) do
	// nothing while selecting: the selection is not lost by a slip.
	for _, k := range []string{"/", "m", "q", "B"} {
		tm.Send(keyMsg(k))
	}
	tm.Send(keyMsg("up"))
	waitScreen(t, tm, "still selecting after / m q B", has("CHỌN ĐOẠN", "3 đoạn", "▌"))
	tm.Send(keyMsg("down"))
	waitScreen(t, tm, "four paragraphs again", has("CHỌN ĐOẠN", "4 đoạn"))
	tm.Send(keyMsg("a"))
	// Until the plan is read the picker shows "Buổi họp: …" and adds
	// nothing.
	waitScreen(t, tm, "the picker", func(f string) bool {
		return has("THÊM VÀO CHƯƠNG TRÌNH", "Đoạn: [trích đoạn] “Là người cha thân yêu của…” — 1. Bác Hồ dặn", "Buổi họp: ")(f) &&
			!strings.Contains(f, "Buổi họp: …")
	})
	tm.Send(keyMsg("enter"))
	f := waitScreen(t, tm, "added", has("ĐỌC", "Đã thêm vào: Bí thư trình bày"))
	if strings.Contains(f, "▌") || strings.Contains(f, "CHỌN ĐOẠN") {
		t.Errorf("the selection is still shown after adding:\n%s", f)
	}
	tm.Send(keyMsg("m"))
	waitScreen(t, tm, "the plan screen", has("KẾ HOẠCH HỌP", "• [trích đoạn] “Là người cha thân yêu của…” — 1. Bác Hồ"))
	tm.Send(keyMsg("ctrl+c"))
	tm.WaitFinished(t, teatest.WithFinalTimeout(60*time.Second))

	p, saved, err := store.Load(planview.NextMeeting(store))
	if err != nil || !saved || p.ExcerptCount() != 1 {
		t.Fatalf("plan on disk: saved=%v err=%v", saved, err)
	}
	got := p.Items[p.Index("thong-tin")].Excerpts[0]
	doc, _ := lib.Doc("tai-lieu-sinh-hoat-chi-bo-cuoi-2023")
	sec, _ := doc.Section("i.1")
	paras := strings.Split(sec.Markdown, "\n\n")
	want := strings.Join(paras[:3], "\n\n")
	if got.Doc != doc.ID || got.Section != "i.1" || !got.Passage || got.Text != want {
		t.Fatalf("excerpt %s#%s passage=%v\n got %q\nwant %q", got.Doc, got.Section, got.Passage, got.Text, want)
	}
	if !plan.PassageIn(doc, sec, got.Text) {
		t.Errorf("the passage does not occur in its section")
	}
	if c := got.Cite(); !strings.HasSuffix(c, ", mục I.1") {
		t.Errorf("cited as %q", c)
	}
}

// TestPassageAcrossSections: a selection running from the last paragraph
// of I.1 over the heading of I.2 into its first paragraph is cited with
// section I, the heading of I.2 in bold between; one across the two
// top-level sections is cited with the whole document. Every passage the
// reader makes of the seed documents, from any paragraph to any of the
// next thirty, occurs in the section it cites (plan.PassageIn), so the
// CLI's check and the pack agree with it.
func TestPassageAcrossSections(t *testing.T) {
	h := newHarness(t, 80, 24, i18n.VI)
	h.key("enter")
	h.key("enter")
	r, ok := h.app.cur.(*readerScreen)
	if !ok || r.rd == nil {
		t.Fatalf("no reader: %T", h.app.cur)
	}
	paraOf := func(sec string, unit int) int {
		i := sectionIndex(r.doc, sec)
		for k, p := range r.rd.paras {
			if p.sec == i && p.unit == unit {
				return k
			}
		}
		t.Fatalf("no paragraph %d of %s", unit, sec)
		return -1
	}
	s11, _ := r.doc.Section("i.1")
	last := len(splitUnits(s11.Markdown)) - 1
	r.selecting, r.selFrom, r.selTo = true, paraOf("i.1", last), paraOf("i.2", 0)
	ex, _, ok := r.passage()
	s12, _ := r.doc.Section("i.2")
	if !ok || ex.Section != "i" || !strings.Contains(ex.Text, "**"+s12.Heading+"**") || !ex.Passage {
		t.Fatalf("across I.1 and I.2: %s %q", ex.Section, ex.Text)
	}
	sI, _ := r.doc.Section("i")
	if !plan.PassageIn(r.doc, sI, ex.Text) {
		t.Errorf("the passage is not in section I:\n%s", ex.Text)
	}
	r.selFrom, r.selTo = paraOf("i.2", 0), paraOf("ii", -1)+1
	if ex, _, _ = r.passage(); ex.Section != "" || !plan.PassageIn(r.doc, nil, ex.Text) {
		t.Errorf("across I and II: cited %q; in the document: %v", ex.Section, plan.PassageIn(r.doc, nil, ex.Text))
	}

	n := 0
	for _, d := range allDocs(h.lib) {
		rd, err := newRenderCache().renderDocument(d, 80, ThemeDark, i18n.VI)
		if err != nil {
			t.Fatal(err)
		}
		rs := &readerScreen{sh: r.sh, doc: d, rd: rd, selecting: true}
		for i := range rd.paras {
			for j := i; j < len(rd.paras) && j < i+30; j += 7 {
				rs.selFrom, rs.selTo = j, i // either way round
				ex, _, ok := rs.passage()
				var sec *content.Section
				if ex.Section != "" {
					sec, _ = d.Section(ex.Section)
				}
				if !ok || !plan.PassageIn(d, sec, ex.Text) {
					t.Fatalf("%s paragraphs %d–%d: not in %q:\n%s", d.ID, i, j, ex.Section, ex.Text)
				}
				n++
			}
		}
	}
	if n < 500 {
		t.Fatalf("only %d passages checked", n)
	}
}

// TestReaderKeepsLiteralMarks: a heading is plain text, and its brackets
// and stars are shown as written (they were read as a link and as
// emphasis and dropped: "Điều 2. Sửa đổi [khoản 1](Điều 3)" showed
// "khoản 1 /Điều 3"); without colour (NO_COLOR, theme notty) bold and
// italic text is shown without its markdown marks (it showed
// "**Kết quả khắc phục:**").
func TestReaderKeepsLiteralMarks(t *testing.T) {
	heading := "Điều 2. Sửa đổi [khoản 1](Điều 3) và mục [a] *mới*"
	doc := &content.Document{ID: "d", Title: "Tài liệu [thử]", Hash: "h", Sections: []*content.Section{{
		ID: "dieu-2", Level: 1, Heading: heading, Path: []string{heading},
		Markdown: "**Kết quả khắc phục:** theo \\[1\\] và *nhấn mạnh*.",
	}}}
	for _, theme := range []string{ThemeDark, ThemeNone} {
		rd, err := newRenderCache().renderDocument(doc, 100, theme, i18n.VI)
		if err != nil {
			t.Fatal(err)
		}
		all := strings.Join(rd.plain, "\n")
		for _, want := range []string{heading, "Tài liệu [thử]", "Kết quả khắc phục: theo [1] và nhấn mạnh."} {
			if !strings.Contains(all, want) {
				t.Errorf("%s: the reader lacks %q:\n%s", theme, want, all)
			}
		}
		if strings.Contains(all, "**") {
			t.Errorf("%s: literal ** in the reader:\n%s", theme, all)
		}
	}
}

// TestReaderKeepsBracketsOfWordFiles: square brackets typed in a Word
// document are text. The docx reader escaped * and _ but not [ ]: "[1]:
// Nghị quyết …" was read as a link definition and vanished from the
// reader, and "[Quy định](2020)" was shown as a link, "Quy định /2020".
func TestReaderKeepsBracketsOfWordFiles(t *testing.T) {
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	w, err := z.Create("word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	p := func(s string) string { return `<w:p><w:r><w:t xml:space="preserve">` + s + `</w:t></w:r></w:p>` }
	// A paragraph with a bold or italic run is kept as markdown (one
	// without is escaped by the recogniser).
	b := func(bold, rest string) string {
		return `<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">` + bold + `</w:t></w:r><w:r><w:t xml:space="preserve">` + rest + `</w:t></w:r></w:p>`
	}
	body := p("QUY ĐỊNH VỀ THỬ NGHIỆM") + p("Điều 1. Phạm vi áp dụng") +
		b("Điểm mới:", " theo [Quy định](2020) của tỉnh và mục [a], văn bản sau đây.") + b("[1]:", " Nghị quyết số 5 ngày 01/01/2020.") +
		b("Ghi chú", "") + p("[2]: Quyết định số 7.")
	io.WriteString(w, `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`+body+`</w:body></w:document>`)
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	doc, err := content.ParseBytes("thu.docx", buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	rd, err := newRenderCache().renderDocument(doc, 100, ThemeDark, i18n.VI)
	if err != nil {
		t.Fatal(err)
	}
	all := strings.Join(rd.plain, "\n")
	for _, want := range []string{"Điểm mới: theo [Quy định](2020) của tỉnh và mục [a]", "[1]: Nghị quyết số 5"} {
		if !strings.Contains(all, want) {
			t.Errorf("the reader lacks %q:\n%s", want, all)
		}
	}
}
