package pdftext

import (
	"bytes"
	"chibo/content/importer/convtest"
	"compress/zlib"
	"context"
	"errors"
	"fmt"
	"os"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// makePDF writes a one-page A4 PDF: its content stream and resources.
func makePDF(content, resources string, extra ...string) []byte {
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources " + resources + " /Contents 4 0 R >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content),
	}
	objs = append(objs, extra...)
	return convtest.AssemblePDF(objs)
}

const helvetica = "<< /Font << /F1 5 0 R >> >>"
const helveticaObj = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"

// textPDF shows each line in 12 pt Helvetica, 20 pt apart, from the top.
func textPDF(lines ...string) []byte {
	var c strings.Builder
	c.WriteString("BT /F1 12 Tf 72 770 Td 20 TL\n")
	for _, l := range lines {
		fmt.Fprintf(&c, "(%s) Tj T*\n", l)
	}
	c.WriteString("ET")
	return makePDF(c.String(), helvetica, helveticaObj)
}

func mustExtract(t testing.TB, data []byte, opt Options) *Document {
	t.Helper()
	doc, err := Extract(context.Background(), data, opt)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func allText(doc *Document) string {
	var b strings.Builder
	for _, p := range doc.Pages {
		for _, l := range p.Lines {
			b.WriteString(l.Text())
			b.WriteByte('\n')
		}
	}
	return b.String()
}

func TestLinesAndGeometry(t *testing.T) {
	doc := mustExtract(t, textPDF("Chi bo hop dinh ky", "thang nay ban ve", "", "nong thon moi."), Options{})
	if len(doc.Pages) != 1 {
		t.Fatalf("%d pages", len(doc.Pages))
	}
	p := doc.Pages[0]
	if p.Width != 595 || p.Height != 842 {
		t.Errorf("page %vx%v", p.Width, p.Height)
	}
	var texts []string
	for _, l := range p.Lines {
		texts = append(texts, l.Text())
	}
	if got := strings.Join(texts, "|"); got != "Chi bo hop dinh ky|thang nay ban ve|nong thon moi." {
		t.Fatalf("lines %q", got)
	}
	l0, l1, l2 := p.Lines[0], p.Lines[1], p.Lines[2]
	if l0.Size != 12 || l0.Bold || l0.Page != 1 || l0.Runs[0].Font != "Helvetica" {
		t.Errorf("first line %+v", l0)
	}
	if l0.X0 < 71 || l0.X0 > 73 || l0.Top < 60 || l0.Top > 72 {
		t.Errorf("first line at %v,%v", l0.X0, l0.Top)
	}
	// 20 pt apart; an empty line doubles the gap.
	if l1.Gap <= 0 || l1.Gap > 10 || l2.Gap < l1.Gap+15 {
		t.Errorf("gaps %v %v", l1.Gap, l2.Gap)
	}
	if l0.Left != 0 || l0.Right != 0 && l1.Right == 0 {
		t.Errorf("margins %v/%v, %v", l0.Left, l0.Right, l1.Right)
	}
}

func TestCentredBoldAndColumns(t *testing.T) {
	content := `BT /F1 12 Tf 72 770 Td (Left block of the header) Tj ET
BT /F1 12 Tf 360 770 Td (Right block) Tj ET
BT /F1 12 Tf 72 750 Td (Second left) Tj ET
BT /F1 12 Tf 360 750 Td (Second right) Tj ET
BT /F2 14 Tf 250 700 Td (TITLE) Tj ET
BT /F1 12 Tf 72 660 Td (A body line that runs across the whole width of the text column.) Tj ET`
	res := "<< /Font << /F1 5 0 R /F2 6 0 R >> >>"
	doc := mustExtract(t, makePDF(content, res, helveticaObj, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold >>"), Options{})
	var texts []string
	for _, l := range doc.Pages[0].Lines {
		texts = append(texts, l.Text())
	}
	want := "Left block of the header|Second left|Right block|Second right|TITLE|A body line that runs across the whole width of the text column."
	if got := strings.Join(texts, "|"); got != want {
		t.Fatalf("order\n got  %s\n want %s", got, want)
	}
	title := doc.Pages[0].Lines[4]
	if !title.Bold || title.Size != 14 {
		t.Errorf("title %+v", title)
	}
}

func TestPageNumbersAndRunningHeaders(t *testing.T) {
	// Three pages, each with a running header, a body and a page number
	// at the bottom centre.
	var kids, objs []string
	for i := 1; i <= 3; i++ {
		content := fmt.Sprintf(`BT /F1 10 Tf 72 800 Td (Bao cao tong ket nam 2025) Tj ET
BT /F1 12 Tf 72 700 Td (Noi dung trang %d cua bao cao.) Tj ET
BT /F1 12 Tf 72 680 Td (Dong thu hai.) Tj ET
BT /F1 10 Tf 292 40 Td (- %d -) Tj ET`, i, i)
		page := 4 + 2*(i-1)
		kids = append(kids, fmt.Sprintf("%d 0 R", page))
		objs = append(objs,
			"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents "+fmt.Sprint(page+1)+" 0 R >>",
			fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content))
	}
	all := append([]string{"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [" + strings.Join(kids, " ") + "] /Count 3 >>", helveticaObj}, objs...)
	doc := mustExtract(t, convtest.AssemblePDF(all), Options{})
	text := allText(doc)
	for _, bad := range []string{"- 1 -", "- 2 -", "- 3 -"} {
		if strings.Contains(text, bad) {
			t.Errorf("furniture %q in text:\n%s", bad, text)
		}
	}
	// The top of the first page is kept: it may be the document's own
	// header, which letters printed together repeat on later pages.
	if n := strings.Count(text, "Bao cao tong ket"); n != 1 {
		t.Errorf("running header kept %d times, want once (page 1):\n%s", n, text)
	}
	if !strings.Contains(text, "Noi dung trang 3 cua bao cao.") || len(doc.Pages[2].Furniture) != 2 {
		t.Errorf("text %q, furniture of page 3: %v", text, doc.Pages[2].Furniture)
	}
}

func TestIsPageNumber(t *testing.T) {
	for s, want := range map[string]bool{
		"3": true, "- 3 -": true, "– 12 –": true, "Trang 3": true, "trang 3/12": true, "Page 2 of 9": true,
		"iv": true, "12/40": true, "IV": false, "I": false, "3.": false, "Điều 3": false, "2025": true,
		"Chương I": false, "": false, "1. Mở đầu": false,
	} {
		if got := isPageNumber(s); got != want {
			t.Errorf("isPageNumber(%q) = %v", s, got)
		}
	}
}

func TestLegacyFont(t *testing.T) {
	for name, want := range map[string]string{
		".VnTime": "tcvn3", ".VnTimeH": "tcvn3", "VnTimeH,Bold": "tcvn3", "ABCDEF+.VnArial": "tcvn3",
		"VNI-Times": "vni", "VNI-Helve-Bold": "vni", "VniTimes": "vni",
		"TimesNewRomanPSMT": "", "Verdana": "", "Vnexpress": "", "Arial": "",
	} {
		if got := LegacyFont(name); got != want {
			t.Errorf("LegacyFont(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestRunBytes(t *testing.T) {
	b, ok := RunBytes("Quy\u00d5t \u00ae\u00deinh tr\u2212\u00eang \u2219 \u201c\u201d")
	if !ok || !bytes.Equal(b, []byte("Quy\xd5t \xae\xdeinh tr\xad\xeang \xb7 \x93\x94")) {
		t.Errorf("%q %v", b, ok)
	}
	if _, ok := RunBytes("Quyết"); ok {
		t.Error("Unicode Vietnamese read as bytes")
	}
}

func TestClean(t *testing.T) {
	in := "a\x00b\x03c\u00a0d\te\u0085f\u00adg\ufffeh\u200bi\nj" + "e\u0301"
	if got, want := Clean(in), "abc d ef"+"ghi\nj"+"é"; got != want {
		t.Errorf("Clean = %q, want %q", got, want)
	}
}

func TestEngineKey(t *testing.T) {
	mod, err := os.ReadFile("../../../go.mod")
	if err != nil {
		t.Skip("no go.mod")
	}
	for _, dep := range []string{"github.com/klippa-app/go-pdfium", "github.com/tetratelabs/wazero"} {
		m := regexp.MustCompile(regexp.QuoteMeta(dep) + ` (v\S+)`).FindSubmatch(mod)
		if m == nil {
			t.Fatalf("go.mod lacks %s", dep)
		}
		if !strings.Contains(engineKey, string(m[1])) {
			t.Errorf("engineKey %q does not name %s %s: bump it", engineKey, dep, m[1])
		}
	}
}

func TestTrailingBytesAndJunk(t *testing.T) {
	good := textPDF("Chi bo")
	for name, data := range map[string][]byte{
		"junk after %%EOF":  append(append([]byte{}, good...), []byte("\nxref\n0 1\n0000000000 65535 f \n% junk\n")...),
		"NULs after %%EOF":  append(append([]byte{}, good...), make([]byte, 4096)...),
		"mail before %PDF-": append([]byte("From: a@b\r\n\r\n"), good...),
	} {
		doc, err := Extract(context.Background(), data, Options{})
		if err != nil || !strings.Contains(allText(doc), "Chi bo") {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func TestBadFiles(t *testing.T) {
	for name, data := range map[string][]byte{
		"not a pdf": []byte("%PDF-1.4 nothing here"),
		"truncated": textPDF("Chi bo")[:200],
	} {
		_, err := Extract(context.Background(), data, Options{})
		if !errors.Is(err, ErrDamaged) {
			t.Errorf("%s: %v, want ErrDamaged", name, err)
		}
	}
}

// bomb is a page whose content stream inflates to size bytes of text.
func bomb(t testing.TB, size int) []byte {
	var z bytes.Buffer
	w, _ := zlib.NewWriterLevel(&z, zlib.BestCompression)
	w.Write([]byte("BT /F1 12 Tf 72 720 Td "))
	chunk := bytes.Repeat([]byte("(AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA) Tj "), 1<<14)
	for n := 0; n < size; n += len(chunk) {
		w.Write(chunk)
	}
	w.Write([]byte(" ET"))
	w.Close()
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources " + helvetica + " /Contents 4 0 R >>",
		fmt.Sprintf("<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream", z.Len(), z.Bytes()),
		helveticaObj,
	}
	return convtest.AssemblePDF(objs)
}

// TestDecompressionBomb: a 1 MB file whose page inflates to 512 MB is
// refused as too large, within seconds, without the sandbox going past
// its text memory limit.
func TestDecompressionBomb(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 512 MB stream")
	}
	data := bomb(t, 512<<20)
	start := time.Now()
	_, err := Extract(context.Background(), data, Options{})
	if !errors.Is(err, ErrTooLarge) {
		t.Errorf("got %v, want ErrTooLarge", err)
	}
	if d := time.Since(start); d > 20*time.Second {
		t.Errorf("took %v", d)
	}
}

func TestCancelAndTimeout(t *testing.T) {
	data := bomb(t, 24<<20) // a page that takes a while, within the memory limit
	ctx, cancel := context.WithCancel(context.Background())
	go func() { time.Sleep(30 * time.Millisecond); cancel() }()
	start := time.Now()
	_, err := Extract(ctx, data, Options{})
	if !errors.Is(err, context.Canceled) && err != nil {
		t.Errorf("cancel: %v", err)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("cancel took %v", d)
	}
	start = time.Now()
	_, err = Extract(context.Background(), data, Options{Timeout: 20 * time.Millisecond})
	if err != nil && !errors.Is(err, ErrTimeout) {
		t.Errorf("timeout: %v", err)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("timeout took %v", d)
	}
	// The engine is still fine afterwards.
	if !strings.Contains(allText(mustExtract(t, textPDF("Chi bo"), Options{})), "Chi bo") {
		t.Error("no text after a cancel")
	}
}

// TestConcurrent reads PDFs from several goroutines at once (import runs
// several workers).
func TestConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	errs := make(chan error, 16)
	for i := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			want := fmt.Sprintf("Chi bo so %d hop", i)
			doc, err := Extract(context.Background(), textPDF(want), Options{})
			if err == nil && !strings.Contains(allText(doc), want) {
				err = fmt.Errorf("%d: got %q", i, allText(doc))
			}
			if err != nil {
				errs <- err
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// scanOf renders page 1 of a PDF with PDFium at 300 dpi and returns a PDF
// whose only page is that picture: a scan.
func scanOf(t *testing.T, data []byte) []byte {
	t.Helper()
	e, err := acquireEngine(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer releaseEngine()
	s, err := e.open(context.Background(), newGuard(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	defer s.close()
	s.guard.setLimits(RenderMemoryLimit, maxRenderAlloc)
	buf, _ := s.malloc(uint32(len(data)))
	s.mem.Write(buf, data)
	d, err := s.call(fnLoadMemDocument64, uint64(buf), uint64(len(data)), 0)
	if err != nil || d == 0 {
		t.Fatal("load", err)
	}
	img, w, h, _, err := s.renderGray(d, &Page{Number: 1, Width: 595, Height: 842})
	if err != nil {
		t.Fatal(err)
	}
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	zw.Write(img)
	zw.Close()
	content := "q 595 0 0 842 0 0 cm /Im1 Do Q"
	image := fmt.Sprintf("<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream", w, h, z.Len(), z.Bytes())
	return makePDF(content, "<< /XObject << /Im1 5 0 R >> >>", image)
}

// scanPages is scan (a PDF of one scanned page, see scanOf) with its
// picture on each of n pages.
func scanPages(t *testing.T, scan []byte, n int) []byte {
	t.Helper()
	start := bytes.Index(scan, []byte("<< /Type /XObject"))
	end := bytes.Index(scan[start:], []byte("endstream"))
	if start < 0 || end < 0 {
		t.Fatal("no picture in the scan")
	}
	image := string(scan[start : start+end+len("endstream")])
	content := "q 595 0 0 842 0 0 cm /Im1 Do Q"
	kids := make([]string, n)
	objs := []string{"<< /Type /Catalog /Pages 2 0 R >>", "", fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content), image}
	for i := range n {
		kids[i] = fmt.Sprintf("%d 0 R", 5+i)
		objs = append(objs, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 4 0 R >> >> /Contents 3 0 R >>")
	}
	objs[1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), n)
	return convtest.AssemblePDF(objs)
}

// TestOCRProgress: OCR reports each scanned page as it is read (a long
// scan shows it moves), and a cancellation between pages ends it there,
// with the context's error (issue 14).
func TestOCRProgress(t *testing.T) {
	if testing.Short() {
		t.Skip("OCR of four pages: seconds")
	}
	if !OCRAvailable() {
		t.Skip("tesseract with Vietnamese (vie) is not installed")
	}
	scan := scanPages(t, scanOf(t, textPDF("Chi bo hop dinh ky", "Nghi quyet nam 2025")), 3)
	var got []string
	doc, err := Extract(context.Background(), scan, Options{OCR: true, OCRProgress: func(done, total int) {
		got = append(got, fmt.Sprintf("%d/%d", done, total))
	}})
	if err != nil {
		t.Fatal(err)
	}
	if want := "0/3 1/3 2/3 3/3"; strings.Join(got, " ") != want || doc.OCRed != 3 {
		t.Fatalf("progress %q, OCRed %d; want %q, 3", got, doc.OCRed, want)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	got = nil
	_, err = Extract(ctx, scan, Options{OCR: true, OCRProgress: func(done, total int) {
		got = append(got, fmt.Sprintf("%d/%d", done, total))
		if done == 1 {
			cancel()
		}
	}})
	if !errors.Is(err, context.Canceled) || strings.Join(got, " ") != "0/3 1/3" {
		t.Fatalf("cancelled after page 1: %v, progress %q", err, got)
	}
}

// TestOCR makes a scan of a text page and reads it back with tesseract;
// it skips where tesseract with Vietnamese is not installed.
func TestOCR(t *testing.T) {
	words := []string{"Nghi", "quyet", "chi", "bo", "ve", "phat", "trien", "kinh", "te", "nam", "2025"}
	var content strings.Builder
	content.WriteString("BT /F1 20 Tf 72 760 Td 30 TL\n")
	for i := 0; i < len(words); i += 4 {
		fmt.Fprintf(&content, "(%s) Tj T*\n", strings.Join(words[i:min(i+4, len(words))], " "))
	}
	content.WriteString("ET")
	scan := scanOf(t, makePDF(content.String(), helvetica, helveticaObj))
	doc := mustExtract(t, scan, Options{})
	if doc.Scanned != 1 || doc.OCRed != 0 || allText(doc) != "" {
		t.Fatalf("without OCR: scanned %d, OCRed %d, text %q", doc.Scanned, doc.OCRed, allText(doc))
	}
	if !OCRAvailable() {
		t.Skip("tesseract with Vietnamese (vie) is not installed")
	}
	doc = mustExtract(t, scan, Options{OCR: true})
	if doc.OCRed != 1 || !doc.Pages[0].OCR {
		t.Fatalf("OCRed %d", doc.OCRed)
	}
	got := strings.Fields(strings.ToLower(allText(doc)))
	found := 0
	for _, w := range words {
		for _, g := range got {
			if strings.Trim(g, ".,") == strings.ToLower(w) {
				found++
				break
			}
		}
	}
	if found < len(words)*8/10 {
		t.Errorf("OCR found %d of %d words: %q", found, len(words), got)
	}
	if l := doc.Pages[0].Lines[0]; l.X0 < 60 || l.X0 > 90 || l.Top < 50 || l.Top > 100 {
		t.Errorf("first OCR line at %v,%v", l.X0, l.Top)
	}
}

// FuzzPDF feeds arbitrary bytes to Extract: it must not panic or hang, and
// what it reads must be valid UTF-8, NFC, without control characters.
func FuzzPDF(f *testing.F) {
	f.Add(textPDF("Chi bo hop dinh ky", "- 2 -"))
	f.Add(bomb(f, 1<<16))
	f.Add([]byte("%PDF-1.7\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF"))
	if b, err := os.ReadFile("../testdata/pdf/01-per-glyph-positioned.pdf"); err == nil {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		start := time.Now()
		doc, err := Extract(context.Background(), data, Options{Timeout: 10 * time.Second})
		if d := time.Since(start); d > 15*time.Second {
			t.Fatalf("took %v", d)
		}
		if err != nil {
			return
		}
		for _, p := range doc.Pages {
			for _, l := range p.Lines {
				s := l.Text()
				if !utf8.ValidString(s) || !norm.NFC.IsNormalString(s) {
					t.Fatalf("bad text %q", s)
				}
				for _, r := range s {
					if r < 0x20 || (r >= 0x7f && r < 0xa0) {
						t.Fatalf("control character in %q", s)
					}
				}
			}
		}
	})
}

// TestFootnoteMark: a digit set smaller and raised right after a word is
// a footnote's mark ("tỉnh²", the án lệ's "AL¹"); a digit of the same
// line's size, one after a space, one on the baseline, or a legacy font's
// code is not.
func TestFootnoteMark(t *testing.T) {
	body := &fontInfo{size: 14}
	small := &fontInfo{size: 9}
	legacy := &fontInfo{size: 9, legacy: "tcvn3"}
	base := &glyph{r: 'L', x0: 368.9, x1: 378.3, top: 66.1, bottom: 78.6, font: body}
	tests := []struct {
		name string
		g    glyph
		want rune
	}{
		{"raised and smaller", glyph{r: '1', x0: 378.3, x1: 382.8, top: 64.4, bottom: 72.5, font: small}, '¹'},
		{"same size", glyph{r: '1', x0: 378.3, x1: 385, top: 65.9, bottom: 78.6, font: body}, 0},
		{"smaller on the baseline", glyph{r: '2', x0: 378.3, x1: 382.8, top: 70, bottom: 78, font: small}, 0},
		{"after a space", glyph{r: '3', x0: 382, x1: 386, top: 64.4, bottom: 72.5, font: small, space: true}, 0},
		{"a letter", glyph{r: 'a', x0: 378.3, x1: 382.8, top: 64.4, bottom: 72.5, font: small}, 0},
		{"legacy code", glyph{r: '1', x0: 378.3, x1: 382.8, top: 64.4, bottom: 72.5, font: legacy}, 0},
	}
	for _, tt := range tests {
		got, ok := footnoteMark(&tt.g, base)
		if got != tt.want || ok != (tt.want != 0) {
			t.Errorf("%s: got %q %v, want %q", tt.name, got, ok, tt.want)
		}
	}
	if _, ok := footnoteMark(&tests[0].g, nil); ok {
		t.Error("a digit opening a line is no mark")
	}
	line := makeLine([]glyph{*base, tests[0].g}, 1)
	if got := line.Text(); got != "L¹" {
		t.Errorf("line text %q, want %q", got, "L¹")
	}
}

// TestMergeStamps: the number an e-office system stamps into "Số:      /QĐ"
// joins its line where it shows, also when it is set a little wider than
// the blank left for it (Test AI (07): "142" 2 points into the "/").
func TestMergeStamps(t *testing.T) {
	f := &fontInfo{size: 14}
	stamp := &fontInfo{size: 13}
	var host []glyph
	x := 133.1
	for _, r := range "Số:" {
		host = append(host, glyph{r: r, x0: x, x1: x + 6, top: 96.3, bottom: 112, font: f})
		x += 6
	}
	x = 172.9
	for i, r := range "/QĐ-UBND" {
		host = append(host, glyph{r: r, x0: x, x1: x + 8, top: 96.3, bottom: 112, font: f, space: i == 0})
		x += 8
	}
	var num []glyph
	x = 155.5
	for _, r := range "142" {
		num = append(num, glyph{r: r, x0: x, x1: x + 6.5, top: 98.5, bottom: 110.3, font: stamp})
		x += 6.5
	}
	lines := []Line{makeLine(host, 1), makeLine(num, 1)}
	lines[0].glyphs, lines[1].glyphs = host, num
	got := mergeStamps(lines, 1)
	if len(got) != 1 || got[0].Text() != "Số: 142 /QĐ-UBND" && got[0].Text() != "Số: 142/QĐ-UBND" {
		var texts []string
		for _, l := range got {
			texts = append(texts, l.Text())
		}
		t.Fatalf("lines %q, want the number in its blank", texts)
	}
}
