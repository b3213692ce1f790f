package importer

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"chibo/content/block"
)

// refWords are the words of a reference text (LibreOffice's "Text
// (encoded)" export): NFC, soft hyphens removed, the bullets LibreOffice
// draws for bulleted lists ("•", "◦") dropped (blocks mark them Bullet).
func refWords(s string) []string {
	s = norm.NFC.String(strings.ReplaceAll(strings.TrimPrefix(s, "\ufeff"), "\u00ad", ""))
	var out []string
	for _, w := range strings.Fields(strings.ReplaceAll(s, "\u00a0", " ")) {
		if w != "•" && w != "◦" {
			out = append(out, w)
		}
	}
	return out
}

// firstWordDiff describes where two word sequences first differ.
func firstWordDiff(a, b []string) string {
	for i := 0; i < len(a) && i < len(b); i++ {
		if a[i] != b[i] {
			lo := max(0, i-5)
			return "word " + itoa(i) + ": want …" + strings.Join(a[lo:min(len(a), i+5)], " ") + "… got …" + strings.Join(b[lo:min(len(b), i+5)], " ") + "…"
		}
	}
	return "lengths " + itoa(len(a)) + " and " + itoa(len(b))
}

func convertFile(t *testing.T, path string) *Result {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	res, err := Convert(context.Background(), filepath.Base(path), data, Options{})
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return res
}

// Real Word 97–2003 and RTF files read to the same words LibreOffice
// extracts: Vietnamese legal documents of hieuhan/LuatVietNam (ministry
// circulars of 2010 and 2014, an RTF saved as .doc whose embedded
// picture and OLE object data were cut to keep it small) and test files of
// Apache Tika (Czech, Japanese, \ucN fallbacks, table cells).
func TestLegacyOfficeMatchesLibreOffice(t *testing.T) {
	for _, c := range []struct {
		file   string
		format Format
	}{
		{"doc/10209633.doc", FormatDOC},
		{"doc/10209628.doc", FormatDOC},
		{"doc/14222595.doc", FormatDOC},
		{"rtf/lvn-10209656.rtf", FormatRTF},
		{"rtf/testRTFJapanese.rtf", FormatRTF},
		{"rtf/testRTFWord2010CzechCharacters.rtf", FormatRTF},
		{"rtf/testRTFUnicodeUCNControlWordCharacterDoubling.rtf", FormatRTF},
	} {
		t.Run(c.file, func(t *testing.T) {
			res := convertFile(t, filepath.Join("testdata", c.file))
			ref, err := os.ReadFile(filepath.Join("testdata", strings.TrimSuffix(c.file, filepath.Ext(c.file))+".libreoffice.txt"))
			if err != nil {
				t.Fatal(err)
			}
			if res.Format != c.format || res.Layout != LayoutParagraphs || len(res.Blocks) == 0 {
				t.Errorf("format %s layout %s, %d blocks", res.Format, res.Layout, len(res.Blocks))
			}
			want, got := refWords(string(ref)), refWords(res.Text)
			if strings.Join(want, " ") != strings.Join(got, " ") {
				t.Errorf("text differs from LibreOffice's: %s", firstWordDiff(want, got))
			}
		})
	}
}

// A Word 97 document typed in the TCVN3 fonts .VnTime/.VnTimeH (a 1945
// decree, LuatVietNam) is decoded from its fonts: the words equal
// LibreOffice's export decoded by glibc iconv's TCVN5712-1, up to case (the
// capital fonts draw capitals that iconv leaves small).
func TestDOCLegacyFontDecoded(t *testing.T) {
	res := convertFile(t, "testdata/doc/45000002-tcvn3.doc")
	ref, err := os.ReadFile("testdata/doc/45000002-tcvn3.libreoffice-iconv.txt")
	if err != nil {
		t.Fatal(err)
	}
	if res.Encoding != TCVN3 {
		t.Errorf("encoding %q, want tcvn3", res.Encoding)
	}
	want, got := refWords(strings.ToLower(string(ref))), refWords(strings.ToLower(res.Text))
	if strings.Join(want, " ") != strings.Join(got, " ") {
		t.Errorf("%s", firstWordDiff(want, got))
	}
	for _, s := range []string{"SẮC LỆNH", "Điều thứ nhất: Thiết quân luật ở Hà Nội."} {
		if !strings.Contains(res.Text, s) {
			t.Errorf("missing %q", s)
		}
	}
}

// The evidence of a ministry circular: the centred bold 16 pt title, bold
// "Điều N." openings written as markdown emphasis, justified body text,
// the centred signature block.
func TestDOCEvidence(t *testing.T) {
	res := convertFile(t, "testdata/doc/10209633.doc")
	b := res.Blocks
	if b[0].Text != "THÔNG TƯ" || !b[0].Bold || b[0].Align != block.AlignCenter || b[0].Size != 16 {
		t.Errorf("title block %+v", b[0])
	}
	found := false
	for _, p := range b {
		if strings.HasPrefix(p.Text, "Điều 1.") {
			found = true
			if p.Bold || !strings.HasPrefix(p.Markdown, "**Điều 1.**") || p.Align != block.AlignJustify {
				t.Errorf("Điều 1 block %+v", p)
			}
		}
	}
	if !found {
		t.Error("no Điều 1 paragraph")
	}
	last := b[len(b)-1]
	if last.Text != "Bùi Bá Bổng" || !last.Bold || last.Align != block.AlignCenter {
		t.Errorf("signature %+v", last)
	}
}

// Tables: a tariff list whose first column is numbered by Word's list
// numbering; the numbers are the cells' labels, rows are whole.
func TestDOCTable(t *testing.T) {
	res := convertFile(t, "testdata/doc/10209632.doc")
	var tbl *block.Block
	for i := range res.Blocks {
		if res.Blocks[i].Kind == block.Table {
			tbl = &res.Blocks[i]
			break
		}
	}
	if tbl == nil {
		t.Fatal("no table")
	}
	if len(tbl.Rows) < 10 {
		t.Fatalf("%d rows", len(tbl.Rows))
	}
	head := tbl.Rows[0]
	if len(head) != 4 || head[0].CellText() != "Stt" || head[3].CellText() != "Thuế suất (%)" {
		t.Errorf("header row %+v", head)
	}
	r1 := tbl.Rows[1]
	if r1[0].CellText() != "1." || r1[0].Paras[0].Label != "1." ||
		r1[1].CellText() != "Các sản phẩm khác bằng cao su lưu hóa trừ cao su cứng thuộc nhóm 4016" {
		t.Errorf("row 1 %+v", r1)
	}
	if !strings.Contains(res.Text, "1.\tCác sản phẩm khác bằng cao su lưu hóa trừ cao su cứng thuộc nhóm 4016\t4016") {
		t.Error("table row not tab-separated in Text")
	}
}

// Word 6/95 and password-protected files are refused with a reason.
func TestDOCRefused(t *testing.T) {
	for _, c := range []struct{ file, problem, detail string }{
		{"doc/45000001-word6.doc", ProblemUnsupported, "Word 6.0/95"},
		{"doc/testWORD_protected_passtika.doc", ProblemEncrypted, "password"},
	} {
		data, err := os.ReadFile(filepath.Join("testdata", c.file))
		if err != nil {
			t.Fatal(err)
		}
		_, err = Convert(context.Background(), c.file, data, Options{})
		var e *Error
		if !errors.As(err, &e) || e.Problem != c.problem || !strings.Contains(e.Detail, c.detail) {
			t.Errorf("%s: %v", c.file, err)
		}
	}
}

// RTF evidence from control words: stylesheet heading names, \outlinelevel,
// alignment, bold, tables, footnotes, \uN with \uc skips, Windows-1258 and a
// TCVN3 font.
func TestRTFEvidence(t *testing.T) {
	src := `{\rtf1\ansi\ansicpg1258\deff0{\fonttbl{\f0\froman\fcharset163 Times New Roman;}{\f1\fnil\fcharset0 .VnTimeH;}{\f2\fnil\fcharset0 .VnTime;}}` +
		`{\stylesheet{\s0 Normal;}{\s1\qc\b\outlinelevel0 heading 1;}{\s2 Title;}}` +
		`{\info{\title Kh\'f4ng ph\'e1i v\'e3n b\'e1n}}` +
		`\pard\s2\qc\f1 ngh\'de quy\'d5t\par` +
		`\pard\s1\qc\b\f0 Ch\'fd\'f5ng I\b0\par` +
		`\pard\qj\f0 Chi b\u7897? ho\'f2p {\b th\u432?\u7901?ng ki\'cc}{\footnote \pard chi b\u7897? th\'f4n}.\par` +
		`\pard\outlinelevel2 \f2 \'a7i\'d2u 1.\par` +
		`\trowd\cellx1000\cellx2000\pard\intbl A\cell B\cell\row` +
		`\pard\f0 Sau ba\'d2ng\par}`
	res, err := Convert(context.Background(), "x.rtf", []byte(src), Options{})
	if err != nil {
		t.Fatal(err)
	}
	b := res.Blocks
	if len(b) != 6 {
		t.Fatalf("%d blocks: %+v", len(b), b)
	}
	if b[0].Text != "NGHỊ QUYẾT" || !b[0].Title || b[0].Align != block.AlignCenter {
		t.Errorf("title %+v", b[0])
	}
	if b[1].Text != "Chương I" || b[1].Outline != 1 || !b[1].Bold {
		t.Errorf("heading %+v", b[1])
	}
	if b[2].Text != "Chi bộ họp thường kì." || b[2].Align != block.AlignJustify || len(b[2].Notes) != 1 ||
		b[2].Notes[0].Text != "chi bộ thôn" || !strings.Contains(b[2].Markdown, "**thường kì**¹") {
		t.Errorf("body %+v", b[2])
	}
	if b[3].Text != "Điều 1." || b[3].Outline != 3 {
		t.Errorf("outline level %+v", b[3])
	}
	if b[4].Kind != block.Table || len(b[4].Rows) != 1 || len(b[4].Rows[0]) != 2 || b[4].Rows[0][1].CellText() != "B" {
		t.Errorf("table %+v", b[4])
	}
	if b[5].Text != "Sau bảng" {
		t.Errorf("after table %+v", b[5])
	}
	if strings.Contains(res.Text, "Không phải") {
		t.Error("\\info text read as body")
	}
	if res.Encoding != TCVN3 {
		t.Errorf("encoding %q", res.Encoding)
	}
}
