package plan

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// samplePlan is a meeting prepared the way a secretary would: place and
// date set, excerpts from the bulletin (one with a list, one with a table),
// notes with the task assignments, and one excerpt whose document has since
// been removed from the library.
func samplePlan(t *testing.T) *Plan {
	t.Helper()
	p := mustNew(t, "2026-11")
	p.Date = "2026-11-25"
	p.Place = "Nhà văn hoá thôn Đông"
	p.Cell = "thôn Đông"
	p.Party = "xã Tân An"
	p.Locality = "Tân An"
	add := func(item string, x Excerpt) {
		t.Helper()
		if _, err := p.AddExcerpt(item, x, t0); err != nil {
			t.Fatal(err)
		}
	}
	add("thong-tin", Excerpt{
		Doc: "tai-lieu-sinh-hoat-chi-bo-cuoi-2023", DocTitle: "Tài liệu sinh hoạt chi bộ", DocNumber: "12-TL/BTGTU",
		Section: "ii.1", Path: []string{"II. THÔNG TIN THỜI SỰ", "1. Kinh tế – xã hội"},
		Text: "Tăng trưởng kinh tế (GRDP) ước đạt **6,5%**; thu ngân sách vượt *dự toán*.\n\n- Sản xuất nông nghiệp ổn định;\n- Xây dựng nông thôn mới: 3 xã đạt chuẩn.",
	})
	add("thong-tin", Excerpt{
		Doc: "nghi-quyet-hdnd-kinh-te-xa-hoi-2025", DocTitle: "Nghị quyết về kế hoạch phát triển kinh tế – xã hội năm 2025", DocNumber: "25/NQ-HĐND",
		Section: "dieu-1.2", Path: []string{"Điều 1", "2. Các chỉ tiêu chủ yếu"},
		Text: "| Chỉ tiêu | Kế hoạch |\n| --- | --- |\n| Tốc độ tăng trưởng | 7% |\n| Tỷ lệ hộ nghèo <br> (chuẩn mới) | dưới 2% |",
	})
	add("tu-phe-binh", Excerpt{
		Doc: "tai-lieu-da-xoa", DocTitle: "Chuyên đề học tập năm 2026", Section: "i", Path: []string{"I. Nội dung"},
		Text: "Nêu cao tinh thần \"cần, kiệm, liêm, chính, chí công vô tư\" & trách nhiệm nêu gương <của> đảng viên.",
	})
	p.SetNotes("ket-luan", "Phân công:\n\n- Đ/c An: vận động hộ nghèo vay vốn;\n- Đ/c Bình: tổ chức dọn vệ sinh đường thôn (trước 15/12).")
	p.SetNotes("khai-mac", "Nhắc đ/c Hoa nộp đảng phí quý IV.")
	p.Items[1].Excerpts[0].Missing = false
	p.Items[3].Excerpts[0].Missing = true // as Check marks it when the document is gone
	return p
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./content/plan/ -update)", err)
	}
	if !bytes.Equal(got, want) {
		gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(gl) && i < len(wl); i++ {
			if gl[i] != wl[i] {
				t.Fatalf("%s differs at line %d:\n got: %s\nwant: %s\n(run with -update if the change is intended)", name, i+1, gl[i], wl[i])
			}
		}
		t.Fatalf("%s differs in length: %d vs %d lines", name, len(gl), len(wl))
	}
}

func TestExportMarkdownGolden(t *testing.T) {
	golden(t, "pack.md", Markdown(samplePlan(t)))
}

func TestExportHTMLGolden(t *testing.T) {
	golden(t, "pack.html", HTML(samplePlan(t)))
}

// TestExportSkeletonGolden is the pack of a plan nobody has filled in: every
// blank is dotted, nothing says "<nil>" or "0001".
func TestExportSkeletonGolden(t *testing.T) {
	p := mustNew(t, "2026-12-chuyen-de-chuyen-doi-so")
	golden(t, "skeleton.md", Markdown(p))
}

func TestExportContents(t *testing.T) {
	p := samplePlan(t)
	for _, f := range Formats {
		out, err := Export(p, f)
		if err != nil {
			t.Fatal(err)
		}
		text := string(out)
		if f == FormatDOCX {
			text = docxText(t, out)
		}
		for _, want := range []string{
			"ĐẢNG CỘNG SẢN VIỆT NAM", "CHI BỘ THÔN ĐÔNG", "ĐẢNG BỘ XÃ TÂN AN",
			"Sinh hoạt chi bộ thường kỳ tháng 11/2026", "ngày 25 tháng 11 năm 2026",
			"90 phút", "Khai mạc", "Thảo luận",
			"6,5%", "Tài liệu sinh hoạt chi bộ số 12-TL/BTGTU, mục II.1", "Tân An, ngày 25 tháng 11 năm 2026", "ĐẢNG ỦY XÃ TÂN AN",
			"Đ/c Bình", "BIÊN BẢN", "NGHỊ QUYẾT", "Số ……-NQ/CB", "Nơi nhận:", "T/M CHI BỘ", "BÍ THƯ",
			"THÁNG 12/2026", "Tỷ lệ hộ nghèo",
		} {
			if !strings.Contains(text, want) {
				t.Errorf("%s pack lacks %q", f, want)
			}
		}
		// Internal notes and doubled prefixes never reach the print.
		for _, bad := range []string{MissingSource, "ĐẢNG BỘ ĐẢNG BỘ", "CHI BỘ CHI BỘ"} {
			if strings.Contains(text, bad) {
				t.Errorf("%s pack prints %q", f, bad)
			}
		}
		if strings.Contains(text, "dự toán") && f == FormatHTML && !strings.Contains(text, "<em>dự toán</em>") {
			t.Errorf("html: emphasis not rendered")
		}
	}
	if _, err := Export(p, "pdf"); err == nil {
		t.Error("unknown format accepted")
	}
}

func TestExportWarnsShortMeeting(t *testing.T) {
	p := mustNew(t, "2026-11")
	p.SetMinutes("thao-luan", 5)
	if !strings.Contains(string(Markdown(p)), "cần ít nhất 90 phút") {
		t.Error("a meeting under 90 minutes is not flagged")
	}
	if strings.Contains(string(Markdown(mustNew(t, "2026-11"))), "cần ít nhất 90 phút") {
		t.Error("a 95-minute meeting is flagged")
	}
}

func TestHTMLSelfContainedPrintable(t *testing.T) {
	h := string(HTML(samplePlan(t)))
	for _, want := range []string{"@page { size: A4", `<meta charset="utf-8">`, "break-before: page", `class="pagebreak"`, "serif"} {
		if !strings.Contains(h, want) {
			t.Errorf("html lacks %q", want)
		}
	}
	for _, bad := range []string{"<script", "src=", "href=", "@import", "url("} {
		if strings.Contains(h, bad) {
			t.Errorf("html is not self-contained: %q", bad)
		}
	}
	if strings.Count(h, `class="pagebreak"`) != 2 {
		t.Error("the minutes and the resolution do not each start a page")
	}
	// Special characters of the excerpt are escaped, not interpreted.
	if !strings.Contains(h, "&amp; trách nhiệm nêu gương &lt;của&gt;") {
		t.Error("excerpt text not escaped")
	}
	// The HTML must be well-formed enough for an XML reader (tags balanced).
	d := xml.NewDecoder(strings.NewReader(strings.Replace(strings.ReplaceAll(h, "<br>", "<br/>"), "<!DOCTYPE html>", "", 1)))
	d.Strict = false
	d.AutoClose = []string{"meta", "col", "hr"}
	d.Entity = xml.HTMLEntity
	for {
		if _, err := d.Token(); err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("html does not parse: %v", err)
		}
	}
}

// docxText opens a docx the way a reader does (zip, then the main part
// named in the package relationships) and returns its paragraphs' text.
func docxText(t *testing.T, data []byte) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("docx is not a zip: %v", err)
	}
	parts := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		parts[f.Name] = b
		// Every part must be well-formed XML.
		d := xml.NewDecoder(bytes.NewReader(b))
		for {
			if _, err := d.Token(); err == io.EOF {
				break
			} else if err != nil {
				t.Fatalf("%s: %v", f.Name, err)
			}
		}
	}
	for _, need := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml", "word/_rels/document.xml.rels"} {
		if parts[need] == nil {
			t.Fatalf("docx lacks %s", need)
		}
	}
	var rels struct {
		Rel []struct {
			Type   string `xml:"Type,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	xml.Unmarshal(parts["_rels/.rels"], &rels)
	main := ""
	for _, r := range rels.Rel {
		if strings.HasSuffix(r.Type, "/officeDocument") {
			main = r.Target
		}
	}
	if parts[main] == nil {
		t.Fatalf("officeDocument relationship points to %q", main)
	}
	if !strings.Contains(string(parts["word/styles.xml"]), `w:styleId="Heading2"`) {
		t.Fatal("styles.xml lacks the heading styles")
	}
	var paras []string
	var cur strings.Builder
	d := xml.NewDecoder(bytes.NewReader(parts[main]))
	inT := false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			inT = e.Name.Local == "t"
			if e.Name.Local == "tab" {
				cur.WriteString("\t")
			}
		case xml.EndElement:
			inT = false
			if e.Name.Local == "p" {
				paras = append(paras, cur.String())
				cur.Reset()
			}
		case xml.CharData:
			if inT {
				cur.Write(e)
			}
		}
	}
	return strings.Join(paras, "\n")
}

func TestExportDOCXReadBack(t *testing.T) {
	p := samplePlan(t)
	data, err := DOCX(p)
	if err != nil {
		t.Fatal(err)
	}
	text := docxText(t, data)
	lines := strings.Split(text, "\n")
	// Paragraph order follows the pack: title before agenda before templates.
	order := []string{"CHƯƠNG TRÌNH SINH HOẠT CHI BỘ", "II. CHƯƠNG TRÌNH VÀ THỜI LƯỢNG", "Tài liệu 2.1: 1. Kinh tế – xã hội", "BIÊN BẢN", "NGHỊ QUYẾT"}
	at := 0
	for _, want := range order {
		found := false
		for ; at < len(lines); at++ {
			if strings.Contains(lines[at], want) {
				found = true
				break
			}
		}
		if !found {
			t.Fatalf("docx: %q missing or out of order", want)
		}
	}
	if !strings.Contains(text, "Sản xuất nông nghiệp ổn định;") || !strings.Contains(text, "trách nhiệm nêu gương <của> đảng viên") {
		t.Error("docx lost excerpt text")
	}
	// Same plan, same bytes.
	again, _ := DOCX(p)
	if !bytes.Equal(data, again) {
		t.Error("docx export is not deterministic")
	}
	if os.Getenv("CHIBO_PLAN_SAMPLE_OUT") != "" {
		dir := os.Getenv("CHIBO_PLAN_SAMPLE_OUT")
		os.WriteFile(filepath.Join(dir, "pack.docx"), data, 0o644)
		os.WriteFile(filepath.Join(dir, "pack.html"), HTML(p), 0o644)
	}
}

func TestInlineMarkdown(t *testing.T) {
	cases := []struct{ in, want string }{
		{"a **b** c", "a |B:b| c"},
		{"*nghiêng* và __đậm__", "I:nghiêng| và |B:đậm"},
		{"5 * 3 = 15", "5 * 3 = 15"},
		{`giá \*đặc biệt\*`, "giá *đặc biệt*"},
		{"dòng<br>mới", "dòng|BR|mới"},
		{"**không đóng", "**không đóng"},
		{"snake_case_name", "snake_case_name"},
	}
	for _, c := range cases {
		var parts []string
		for _, s := range inline(c.in) {
			switch {
			case s.Br:
				parts = append(parts, "BR")
			case s.B:
				parts = append(parts, "B:"+s.Text)
			case s.I:
				parts = append(parts, "I:"+s.Text)
			default:
				parts = append(parts, s.Text)
			}
		}
		if got := strings.Join(parts, "|"); got != c.want {
			t.Errorf("inline(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestParseMarkdownBlocks(t *testing.T) {
	md := "# Tiêu đề\n\nĐoạn một\ntiếp tục.\n\n- một\n- hai\n  nối dòng\n\n1. thứ nhất\n2) thứ hai\n\n> trích\n\n| a | b |\n|---|---|\n| 1 | x \\| y |\n\n---"
	bs := parseMarkdown(md)
	kinds := []blockKind{bHeading, bPara, bList, bOList, bQuote, bTable, bRule}
	if len(bs) != len(kinds) {
		t.Fatalf("%d blocks: %+v", len(bs), bs)
	}
	for i, k := range kinds {
		if bs[i].Kind != k {
			t.Errorf("block %d kind %d, want %d", i, bs[i].Kind, k)
		}
	}
	if plain(bs[1].Spans) != "Đoạn một tiếp tục." || plain(bs[2].Items[1]) != "hai nối dòng" || len(bs[3].Items) != 2 {
		t.Errorf("blocks = %+v", bs[1:4])
	}
	if !bs[5].Header || len(bs[5].Rows) != 2 || plain(bs[5].Rows[1][1]) != "x | y" {
		t.Errorf("table = %+v", bs[5])
	}
}

// TestExportKeepsListNumbers: a document's numbering is part of its text.
// An excerpt whose numbered points are separate paragraphs ("1) …", blank
// line, "2) …"), or that starts at point 3, prints those numbers in every
// format — not "1." before each point, as a list that restarts would.
func TestExportKeepsListNumbers(t *testing.T) {
	p := mustNew(t, "2026-11")
	if _, err := p.AddExcerpt("thong-tin", Excerpt{
		Doc: "tai-lieu", DocTitle: "Tài liệu", Section: "ii.3", Path: []string{"3. Tiêu chí"},
		Text: "1) Có giải pháp đổi mới nội dung;\n\n2) Nâng cao chất lượng nghị quyết;\n\n3. Thực hiện nghiêm chế độ sinh hoạt.\n4. Sinh hoạt chuyên đề.",
	}, t0); err != nil {
		t.Fatal(err)
	}
	for _, f := range Formats {
		out, err := Export(p, f)
		if err != nil {
			t.Fatal(err)
		}
		text := string(out)
		var want []string
		switch f {
		case FormatDOCX:
			text = docxText(t, out)
			want = []string{"1)\tCó giải pháp", "2)\tNâng cao", "3.\tThực hiện", "4.\tSinh hoạt"}
		case FormatHTML:
			want = []string{`<ol class="paren">` + "\n" + `<li value="1">Có giải pháp`, `<li value="2">Nâng cao`, `<li value="3">Thực hiện`, `<li value="4">Sinh hoạt`}
		default:
			want = []string{"1) Có giải pháp", "2) Nâng cao", "3. Thực hiện", "4. Sinh hoạt"}
		}
		for _, w := range want {
			if !strings.Contains(text, w) {
				t.Errorf("%s export lacks %q", f, w)
			}
		}
	}
}
