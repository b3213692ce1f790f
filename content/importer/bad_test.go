package importer

import (
	"archive/zip"
	"bytes"
	"chibo/content/block"
	"chibo/content/importer/convtest"
	"context"
	"errors"
	"strings"
	"testing"
)

func TestHTMLEncodings(t *testing.T) {
	seed := seeds(t)["nghi-quyet-hdnd-kinh-te-xa-hoi-2025.txt"]
	body := ""
	for _, l := range strings.Split(seed, "\n") {
		if strings.TrimSpace(l) != "" {
			body += "<p>" + convtest.XMLEscape(l) + "</p>\n"
		}
	}
	for _, c := range []struct{ enc, meta string }{
		{UTF8, `<meta charset="utf-8">`},
		{CP1258, `<meta http-equiv="Content-Type" content="text/html; charset=windows-1258">`},
		{CP1258, ``},                         // undeclared: detected
		{VNI, `<meta charset="iso-8859-1">`}, // wrongly declared: detected
		{TCVN3, ``},
	} {
		page := "<!DOCTYPE html><html><head>" + c.meta + "<title>Nghị quyết</title><script>alert(1)</script></head><body>" + body + "</body></html>"
		data, err := Encode(representable(page, c.enc), c.enc)
		if err != nil {
			t.Fatal(err)
		}
		res, err := Convert(context.Background(), "trang.htm", data, Options{})
		if err != nil {
			t.Fatalf("%s %q: %v", c.enc, c.meta, err)
		}
		if res.Encoding != c.enc {
			t.Errorf("%q: encoding %s, want %s", c.meta, res.Encoding, c.enc)
		}
		if strings.Contains(res.Text, "alert") {
			t.Error("script text kept")
		}
		sameWords(t, c.enc, res.Text, "Nghị quyết "+representable(seed, c.enc))
	}
}

func TestForcedEncoding(t *testing.T) {
	text := "Đảng bộ xã Tân Phú họp ngày 5"
	data, _ := Encode(text, VNI)
	res, err := Convert(context.Background(), "a.txt", data, Options{Encoding: "VNI Windows"})
	if err != nil || res.Text != text {
		t.Fatalf("got %v, %v", res, err)
	}
	if _, err := Convert(context.Background(), "a.txt", data, Options{Encoding: "klingon"}); problem(err) != ProblemEncoding {
		t.Errorf("unknown encoding: %v", err)
	}
}

func problem(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Problem
	}
	return ""
}

func bomb(t testing.TB, size int) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.Create("word/document.xml")
	w.Write([]byte(`<w:document ` + convtest.WordNS + `><w:body><w:p><w:r><w:t>`))
	zero := make([]byte, 1<<20)
	for i := range zero {
		zero[i] = 'a'
	}
	for n := 0; n < size; n += len(zero) {
		w.Write(zero)
	}
	zw.Close()
	return buf.Bytes()
}

// TestBadInputs: every bad file gets a clear problem, never a panic.
func TestBadInputs(t *testing.T) {
	docx := convtest.MakeDOCX(t, "Chi bộ họp.")
	cases := []struct {
		name string
		data []byte
		opt  Options
		want string
	}{
		{"empty.txt", nil, Options{}, ProblemEmpty},
		{"spaces.txt", []byte(" \n\t\n"), Options{}, ProblemEmpty},
		{"image.txt", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"), Options{}, ProblemBinary},
		{"random.bin", bytes.Repeat([]byte{0x01, 0x02, 0x9f, 0x00, 0xff}, 100), Options{}, ProblemBinary},
		{"truncated.docx", docx[:len(docx)/2], Options{}, ProblemFormat},     // no central directory: damaged
		{"truncated.bin", docx[:len(docx)/2], Options{}, ProblemUnsupported}, // and without the name: some zip
		{"bomb.docx", bomb(t, 300<<20), Options{}, ProblemUnzipLimit},
		{"small-budget.docx", bomb(t, 4<<20), Options{MaxUnzipped: 1 << 20}, ProblemUnzipLimit},
		// A compound-file signature with nothing behind it: a damaged .doc.
		{"old.doc", append([]byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), make([]byte, 512)...), Options{}, ProblemFormat},
		{"no-text.rtf", []byte(`{\rtf1\ansi{\fonttbl{\f0 Times;}}}`), Options{}, ProblemEmpty},
		{"latin1.txt", []byte("Voil\xe0 un fichier fran\xe7ais tr\xe8s ordinaire, \xe9crit en Latin-1, qui n'est pas du vietnamien du tout."), Options{}, ProblemEncoding},
		{"broken.pdf", []byte("%PDF-1.4\n1 0 obj << >> endobj\n"), Options{}, ProblemFormat},
		{"huge.txt", []byte(strings.Repeat("Chi bộ họp định kỳ.\n", 2000)), Options{MaxText: 1000}, ProblemTooLarge},
	}
	for _, c := range cases {
		res, err := Convert(context.Background(), c.name, c.data, c.opt)
		if got := problem(err); got != c.want {
			t.Errorf("%s: problem %q (%v, %v), want %q", c.name, got, err, res != nil, c.want)
		}
	}
}

func TestTruncatedZipWithDirectory(t *testing.T) {
	// A docx whose document part is cut short: recognised, then refused.
	data := convtest.MakeDOCX(t, strings.Repeat("Chi bộ họp định kỳ hằng tháng.\n", 200))
	zr, _ := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		rc, _ := f.Open()
		var b bytes.Buffer
		b.ReadFrom(rc)
		w, _ := zw.Create(f.Name)
		if f.Name == "word/document.xml" {
			w.Write(b.Bytes()[:b.Len()/2])
		} else {
			w.Write(b.Bytes())
		}
	}
	zw.Close()
	if _, err := Convert(context.Background(), "cut.docx", buf.Bytes(), Options{}); problem(err) != ProblemFormat {
		t.Errorf("got %v", err)
	}
}

func TestCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := Convert(ctx, "a.pdf", convtest.MakePDF(t, seeds(t)["tai-lieu-sinh-hoat-chi-bo-cuoi-2023.txt"], 80, 50), Options{})
	if !IsCancel(err) {
		t.Errorf("got %v", err)
	}
}

// A page's <title> is often its site's name (Ban Tuyên giáo Quận 8's page
// has "Viện Kiểm Sát Quận 8"): such a part is dropped, and when nothing
// is left the page's first heading is the title.
func TestPageTitle(t *testing.T) {
	head := func(md string) []block.Block {
		return []block.Block{{Kind: block.Para, Markdown: "/ HỌC VÀ LÀM THEO BÁC"}, {Kind: block.Para, Markdown: md, Outline: 3}}
	}
	tests := []struct {
		title, heading string
		want           string
		fromHeading    bool
	}{
		{"Viện Kiểm Sát Quận 8", "Khai thác, sử dụng sách **điện tử**", "Khai thác, sử dụng sách điện tử", true},
		{"Khai thác sách điện tử | Cổng thông tin điện tử Quận 8", "Tin tức", "Khai thác sách điện tử", false},
		{"Hướng dẫn kết nạp đảng viên - www.dangcongsan.vn", "Tin tức", "Hướng dẫn kết nạp đảng viên", false},
		{"Hướng dẫn kết nạp đảng viên", "Tin tức", "Hướng dẫn kết nạp đảng viên", false},
		// Title case that the heading repeats is the article's own title.
		{"Hướng Dẫn Kết Nạp", "Hướng dẫn kết nạp đảng viên mới", "Hướng Dẫn Kết Nạp", false},
		{"Viện Kiểm Sát Quận 8", "", "", false},
		// A law's name in title case is still the document's.
		{"Luật Đất Đai 2024", "Chương I QUY ĐỊNH CHUNG", "Luật Đất Đai 2024", false},
	}
	for _, tt := range tests {
		var blocks []block.Block
		if tt.heading != "" {
			blocks = head(tt.heading)
		}
		got, fromHeading := pageTitle(tt.title, blocks)
		if got != tt.want || fromHeading != tt.fromHeading {
			t.Errorf("pageTitle(%q) = %q %v, want %q %v", tt.title, got, fromHeading, tt.want, tt.fromHeading)
		}
	}
}

// A spreadsheet or a presentation is a zip chibo does not read: the error
// names its media type (the message then names the kind), while another
// zip is "zip".
func TestOfficeZipDetail(t *testing.T) {
	mk := func(files map[string]string) []byte {
		var b bytes.Buffer
		z := zip.NewWriter(&b)
		for name, body := range files {
			w, _ := z.Create(name)
			w.Write([]byte(body))
		}
		z.Close()
		return b.Bytes()
	}
	for name, tt := range map[string]struct {
		files map[string]string
		want  string
	}{
		"bang.xlsx":  {map[string]string{"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>"}, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
		"bang.ods":   {map[string]string{"mimetype": "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<x/>"}, "application/vnd.oasis.opendocument.spreadsheet"},
		"slide.pptx": {map[string]string{"ppt/presentation.xml": "<p/>"}, "application/vnd.openxmlformats-officedocument.presentationml.presentation"},
		"nen.zip":    {map[string]string{"a.txt": "x"}, "zip"},
	} {
		_, err := Convert(context.Background(), name, mk(tt.files), Options{})
		var fe *Error
		if !errors.As(err, &fe) || fe.Problem != ProblemUnsupported || fe.Detail != tt.want {
			t.Errorf("%s: %v, want unsupported %q", name, err, tt.want)
		}
	}
}
