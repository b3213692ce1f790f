package importer

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"

	"chibo/content/block"
	"chibo/content/importer/convtest"
	"chibo/content/importer/pdftext"
)

func TestPDFRoundTripSeeds(t *testing.T) {
	for name, seed := range seeds(t) {
		data := convtest.MakePDF(t, seed, 80, 50)
		if f := Sniff(name, data); f != FormatPDF {
			t.Fatalf("%s: sniffed %s", name, f)
		}
		res, err := Convert(context.Background(), name+".pdf", data, Options{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if res.Layout != LayoutWrapped {
			t.Errorf("%s: layout %q", name, res.Layout)
		}
		sameWords(t, name, res.Text, seed)
	}
}

func TestPDFLines(t *testing.T) {
	res, err := Convert(context.Background(), "a.pdf", convtest.MakePDF(t, "Nghị quyết của Đảng bộ xã về phát triển kinh tế", 20, 2), Options{})
	if err != nil {
		t.Fatal(err)
	}
	// Two lines a page: pages are apart by a blank line.
	want := "Nghị quyết của Đảng\nbộ xã về phát triển\n\nkinh tế\n"
	if res.Text != want {
		t.Errorf("got %q, want %q", res.Text, want)
	}
	if len(res.Blocks) != 3 {
		t.Fatalf("%d blocks, want 3 lines", len(res.Blocks))
	}
	for i, b := range res.Blocks {
		if b.Kind != block.Para || !b.Line {
			t.Errorf("block %d: kind %v line %v", i, b.Kind, b.Line)
		}
		if b.Size != 11 {
			t.Errorf("block %d: size %v, want 11", i, b.Size)
		}
	}
	if p := []int32{res.Blocks[0].Page, res.Blocks[1].Page, res.Blocks[2].Page}; p[0] != 1 || p[1] != 1 || p[2] != 2 {
		t.Errorf("pages %v", p)
	}
	// 14 pt leading with an 11 pt Helvetica box: a small gap, not a paragraph's.
	if g := res.Blocks[1].Gap; g <= 0 || g > 4 {
		t.Errorf("gap of the second line %v", g)
	}
	if res.Blocks[0].Text != "Nghị quyết của Đảng" || res.Blocks[0].Left != 0 {
		t.Errorf("first line %+v", res.Blocks[0])
	}
}

func TestPDFWithoutText(t *testing.T) {
	data := convtest.MakePDF(t, "x", 80, 50)
	data = []byte(strings.Replace(string(data), "<0078> Tj", "", 1))
	_, err := Convert(context.Background(), "scan.pdf", data, Options{})
	var e *Error
	if !errors.As(err, &e) || e.Problem != ProblemEmpty {
		t.Errorf("a page without text or picture: got %v, want %s", err, ProblemEmpty)
	}
	// A scan (a picture, no text layer), with OCR off.
	t.Setenv("CHIBO_OCR", "off")
	scan, err := os.ReadFile("../../testdata/corpus/totrinh-289-TTr-CAT-PC06-2025-scan-naps2.pdf")
	if err != nil {
		t.Skip("no scan in testdata/corpus")
	}
	_, err = Convert(context.Background(), "scan.pdf", scan, Options{})
	if !errors.As(err, &e) || e.Problem != ProblemNoText || !strings.Contains(e.Detail, "scanned") {
		t.Errorf("a scan: got %v, want %s", err, ProblemNoText)
	}
}

// pdfCase is a PDF with pdftotext's text beside it ("NAME.pdftotext.txt").
type pdfCase struct {
	path, reference string
}

// pdfCases lists the PDFs of testdata/pdf (copied from the import and
// reliability cases) and of the repository's corpus, when present.
func pdfCases(t *testing.T) []pdfCase {
	var out []pdfCase
	for _, dir := range []string{"testdata/pdf", "../../testdata/corpus"} {
		names, _ := filepath.Glob(filepath.Join(dir, "*.pdf"))
		for _, n := range names {
			ref := strings.TrimSuffix(n, ".pdf") + ".pdftotext.txt"
			if _, err := os.Stat(ref); err == nil {
				out = append(out, pdfCase{n, ref})
			}
		}
	}
	if len(out) < 10 {
		t.Fatalf("only %d PDFs with a pdftotext reference", len(out))
	}
	return out
}

// knownDiffs are pdftotext's errors in the reference PDFs, per file, that
// the rules above do not cover: in the Spire.Doc guide pdftotext merges
// the bullet "-" of the first paragraph into the rule above it.
var knownDiffs = map[string][]struct{ want, got string }{
	"huongdan-btctu-hanoi-2025-spire-p1-3.pdf": {{want: "", got: "-"}},
}

// fuzzyFiles may differ from pdftotext by a few words, for the reason
// given: neither reading is right.
var fuzzyFiles = map[string]string{
	"quyetdinh-1716-QD-UBND-lamdong-2025-scan-bad-ocr.pdf": "an invisible text layer from a failed OCR, its fragments placed " +
		"at random: pdftotext and chibo group a few of them into words differently",
}

// TestPDFWordsMatchPdftotext checks that chibo reads every reference PDF
// with pdftotext's words: the same whitespace-separated tokens (NFC,
// invisible characters dropped), each as many times. A word chibo splits,
// glues to another, loses or invents fails the test. The only tolerated
// differences are the words of the page furniture chibo drops (page
// numbers, running headers and footers) and pdftotext's errors listed in
// knownDiffs. For a PDF in a legacy font, pdftotext's text is decoded the
// same way (its tokens read back as bytes) and compared case-insensitively,
// since pdftotext cannot know that a .VnTimeH font shows capitals.
//
// The order of the words is checked too, more loosely: chibo reads the
// columns of a header or a signature block left before right as pdftotext
// does, but the two differ on where a block that a PDF draws out of order
// belongs, and read the cells of a table in different orders; at least 85%
// of the words must be in pdftotext's order (the longest common
// subsequence; the spreadsheet export has 87%, the others 99–100%), and all
// of them for the import cases.
func TestPDFWordsMatchPdftotext(t *testing.T) {
	t.Setenv("CHIBO_OCR", "off") // the scans' pages stay unread: pdftotext reads none of them
	for _, c := range pdfCases(t) {
		name := filepath.Base(c.path)
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(c.path)
			if err != nil {
				t.Fatal(err)
			}
			ref, err := os.ReadFile(c.reference)
			if err != nil {
				t.Fatal(err)
			}
			res, err := Convert(context.Background(), name, data, Options{})
			if len(strings.Fields(pdftext.Clean(string(ref)))) == 0 {
				// A scan without a text layer: nothing to compare (OCR
				// has its own test).
				if err == nil && !res.OCR {
					t.Errorf("pdftotext reads no text, chibo reads %q", short(res.Text))
				}
				return
			}
			var perr *Error
			if errors.As(err, &perr) && perr.Problem == ProblemNoText && len(strings.Fields(pdftext.Clean(string(ref)))) <= 60 {
				// A scan whose only text is a signing stamp: with OCR off
				// it is refused as a scan, not imported as the stamp.
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			enc := ""
			if res.Encoding == TCVN3 || res.Encoding == VNI {
				enc = res.Encoding
			}
			want := stripRules(pdfRefWords(strings.Fields(string(ref)), enc))
			furniture := pdfRefWords(furnitureWords(t, data), enc)
			// pdftotext writes a footnote's raised mark as a plain digit
			// ("tỉnh2"), chibo as a superscript one ("tỉnh²").
			got := stripRules(strings.Fields(supToDigits.Replace(res.Text)))
			if enc != "" {
				for i := range got {
					got[i] = strings.ToLower(got[i])
				}
			}
			dropped, err := compareWords(got, want, furniture, knownDiffs[name])
			if err != nil {
				if why, ok := fuzzyFiles[name]; ok && wordsApart(got, want) <= len(want)/100 {
					t.Logf("%v (tolerated: %s)", err, why)
				} else {
					t.Fatal(err)
				}
			}
			if len(dropped) > 0 {
				t.Logf("%d words; page furniture dropped: %q", len(want), short(strings.Join(dropped, " ")))
			}
			lcs := commonSubsequence(got, want)
			t.Logf("%d of %d words in pdftotext's order", lcs, len(got))
			minOrder := len(got) * 85 / 100
			if filepath.Dir(c.path) == "testdata/pdf" {
				minOrder = len(got) - 2*len(knownDiffs[name])
			}
			if lcs < minOrder {
				t.Errorf("only %d of %d words in pdftotext's order", lcs, len(got))
			}
		})
	}
}

// rulesRe matches a rule drawn with characters ("-----", "______").
var rulesRe = regexp.MustCompile(`^[-_=.…*]{3,}`)

// stripRules drops rules from the words: they are not words, and
// pdftotext glues a rule to the next line's first word ("----Căn").
var supToDigits = strings.NewReplacer("⁰", "0", "¹", "1", "²", "2", "³", "3", "⁴", "4", "⁵", "5", "⁶", "6", "⁷", "7", "⁸", "8", "⁹", "9")

func stripRules(words []string) []string {
	out := words[:0:0]
	for _, w := range words {
		if w = rulesRe.ReplaceAllString(w, ""); w != "" {
			out = append(out, w)
		}
	}
	return out
}

// pdfRefWords cleans reference tokens: a legacy document's tokens are first
// decoded (they are the font's codes) and folded to lower case.
func pdfRefWords(words []string, enc string) []string {
	out := make([]string, 0, len(words))
	for _, w := range words {
		if enc != "" {
			if b, ok := pdftext.RunBytes(w); ok {
				if d, err := Decode(b, enc); err == nil {
					w = d
				}
			}
			w = strings.ToLower(w)
		}
		out = append(out, strings.Fields(pdftext.Clean(w))...)
	}
	return out
}

// furnitureWords are the words of the lines pdftext drops as page furniture.
func furnitureWords(t *testing.T, data []byte) []string {
	doc, err := pdftext.Extract(context.Background(), data, pdftext.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, p := range doc.Pages {
		for _, l := range p.Furniture {
			var b strings.Builder
			for _, r := range l.Runs {
				b.WriteString(r.Text)
			}
			out = append(out, strings.Fields(b.String())...)
		}
	}
	return out
}

// compareWords checks that got and want hold the same words as many times,
// but for want's furniture words (returned) and the known differences.
func compareWords(got, want, furniture []string, known []struct{ want, got string }) (dropped []string, err error) {
	count := map[string]int{}
	for _, w := range want {
		count[w]++
	}
	for _, w := range got {
		count[w]--
	}
	for _, k := range known {
		if k.want != "" {
			count[k.want]--
		}
		for _, w := range strings.Fields(k.got) {
			count[w]++
		}
	}
	// pdftotext joins a word hyphenated at a line end and drops the
	// hyphen ("3917/BTP-" "BTTP" → "3917/BTPBTTP"); chibo keeps the line
	// as shown. Pair such leftovers.
	for a, na := range count {
		if na >= 0 || !strings.HasSuffix(a, "-") || a == "-" {
			continue
		}
		for b, nb := range count {
			joined := strings.TrimSuffix(a, "-") + b
			for nb < 0 && count[a] < 0 && count[joined] > 0 {
				count[joined]--
				count[a]++
				count[b]++
				nb++
			}
		}
	}
	spare := map[string]int{}
	for _, w := range furniture {
		spare[w]++
	}
	var missing, extra []string
	for w, n := range count {
		for ; n > 0; n-- {
			if spare[w] > 0 {
				spare[w]--
				dropped = append(dropped, w)
			} else {
				missing = append(missing, w)
			}
		}
		for ; n < 0; n++ {
			extra = append(extra, w)
		}
	}
	sort.Strings(missing)
	sort.Strings(extra)
	sort.Strings(dropped)
	if len(missing)+len(extra) > 0 {
		return dropped, fmt.Errorf("words differ from pdftotext's:\n lacks %q\n has   %q", short(strings.Join(missing, " ")), short(strings.Join(extra, " ")))
	}
	return dropped, nil
}

// wordsApart counts the words of want that got lacks.
func wordsApart(got, want []string) int {
	count := map[string]int{}
	for _, w := range got {
		count[w]++
	}
	n := 0
	for _, w := range want {
		if count[w] > 0 {
			count[w]--
		} else {
			n++
		}
	}
	return n
}

// commonSubsequence is the length of the longest common subsequence of a
// and b (Myers' O((N+M)D) algorithm).
func commonSubsequence(a, b []string) int {
	n, m := len(a), len(b)
	maxD := n + m
	v := make([]int, 2*maxD+2)
	for d := 0; d <= maxD; d++ {
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || (k != d && v[maxD+k-1] < v[maxD+k+1]) {
				x = v[maxD+k+1]
			} else {
				x = v[maxD+k-1] + 1
			}
			y := x - k
			for x < n && y < m && a[x] == b[y] {
				x, y = x+1, y+1
			}
			v[maxD+k] = x
			if x >= n && y >= m {
				return (n + m - d) / 2
			}
		}
	}
	return 0
}

func short(s string) string {
	if r := []rune(s); len(r) > 160 {
		return string(r[:160]) + "…"
	}
	return s
}

// phrase is one plain_has check of the import cases (../shared/cases/import/expect.json).
type phrase struct {
	Text    string `json:"text"`
	CI      bool   `json:"ci"`
	NoSpace bool   `json:"nospace"`
}

func (p *phrase) UnmarshalJSON(b []byte) error {
	var s string
	if json.Unmarshal(b, &s) == nil {
		p.Text = s
		return nil
	}
	type plain phrase
	return json.Unmarshal(b, (*plain)(p))
}

type textExpect struct {
	PlainHas       []phrase `json:"plain_has"`
	PlainNot       []string `json:"plain_not"`
	NoControlChars bool     `json:"no_control_chars"`
}

// pdfExpect are the text-level expectations of the PDF import cases,
// copied from ../shared/cases/import/expect.json (which, when present,
// is checked too) for the PDFs copied into testdata/pdf.
var pdfExpect = map[string]textExpect{
	"01-per-glyph-positioned.pdf": {
		PlainHas: []phrase{{Text: "Hello world"}},
		PlainNot: []string{"H e l l o", "w o r l d", "Hel lo", "wor ld"},
	},
	"01-anle-43-2021-page1.pdf": {
		PlainHas: []phrase{{Text: "ÁN LỆ SỐ 43/2021/AL"},
			{Text: "Về hiệu lực của hợp đồng thế chấp trong trường hợp tài sản thế chấp là nhà đất do bên thế chấp nhận chuyển nhượng của người khác"},
			{Text: "Quyết định giám đốc thẩm số 01/2019/KDTM-GĐT ngày 11/01/2019"},
			{Text: "Điều 10 Nghị định số 163/2006/NĐ-CP ngày 29/12/2006 của Chính phủ về giao dịch bảo đảm"},
			{Text: "Phạm Thị Kim H, ông Dương Quốc K."}},
		PlainNot: []string{"L Ệ", "S Ố", "h ợ p", "th ế", "ch ấ p", "/202 1", "Nguy ễ n", "NĐ - CP", "đề xuất. 1"},
	},
	"02-hd21-btctu-page2.pdf": {
		PlainNot: []string{"21. Quy trình", "thích hợp. 2", "cá nhân đảng viên). 2"},
	},
	"05-hd21-btctu-pages1-2.pdf": {
		PlainHas: []phrase{{Text: "HƯỚNG DẪN"}, {Text: "Thực hiện quy trình, thủ tục, tổ chức trao tặng Huy hiệu Đảng"},
			{Text: "Căn cứ Điều lệ Đảng Cộng sản Việt Nam; các quy định, hướng dẫn của Trung ương, Thành ủy"},
			{Text: "Đảng viên có đủ 30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90 năm tuổi đảng làm tờ khai đề nghị chi bộ"}},
		PlainNot: []string{"VIỆT NAMHà Nội", "HƯỚNG DẪNThực hiện", "BTCTUĐẢNG", "Đảng1.1", "Đảng viênĐảng viên",
			"Chi bộTrên", "cơ sở- Xét", "Thành ủy- Ban", "HUY HIỆU ĐẢNG - Việc"},
	},
	"06-hd-btctu-hanoi-page19.pdf": {
		NoControlChars: true,
		PlainHas: []phrase{{Text: "Thực hiện theo điểm 3.4 Quy định số 294-QĐ/TW ngày 26/5/2025 của BCH Trung ương"},
			{Text: "Thực hiện tương tự như các đơn vị sự nghiệp"}},
	},
	"08-qd-115-2004-ttg-tcvn3.pdf": {
		PlainHas: []phrase{{Text: "Quyết định của Thủ tướng Chính phủ số 115/2004/QĐ-TTg", CI: true, NoSpace: true},
			{Text: "ngày 25 tháng 6 năm 2004 về việc sửa đổi, bổ sung Quy chế thành lập, tổ chức và hoạt động của Quỹ bảo lãnh tín dụng cho doanh nghiệp nhỏ và vừa", CI: true, NoSpace: true},
			{Text: "Điều 1. Sửa đổi, bổ sung một số điều của Quy chế thành lập, tổ chức và hoạt động của Quỹ bảo lãnh tín dụng cho doanh nghiệp nhỏ và vừa"},
			{Text: "Nhiệm vụ và quyền hạn của Giám đốc Quỹ bảo lãnh tín dụng thực hiện theo Điều lệ Quỹ."},
			{Text: "Điều 2. Quyết định này có hiệu lực sau 15 ngày kể từ ngày đăng Công báo."}},
		PlainNot: []string{"QuyÕt", "®Þnh", "cña", "Quü", "ChÝnh", "−", "∙"},
	},
	"09-nd-109-2004-pdffactory.pdf": {
		PlainHas: []phrase{{Text: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"},
			{Text: "Nghị định này quy định về cơ quan đăng ký kinh doanh và việc đăng ký kinh doanh đối với các doanh nghiệp hoạt động theo Luật Doanh nghiệp"},
			{Text: "Điều 1. Phạm vi điều chỉnh"}, {Text: "NHIỆM VỤ, QUYỀN HẠN, TỔ CHỨC BỘ MÁY"},
			{Text: "ĐĂNG KÝ KINH DOANH ĐỐI VỚI HỘ KINH DOANH CÁ THỂ"}, {Text: "ĐIỀU KHOẢN THI HÀNH"}},
		PlainNot: []string{"NghÞ", "®¨ng", "cña", "ChÝnh", "CñA", "NHIệM", "CHíNH"},
	},
}

// sharedCaseFiles maps the import cases' PDFs to their copies here.
var sharedCaseFiles = map[string]string{
	"01-pdf-spaces-inside-words/per-glyph-positioned.pdf":           "01-per-glyph-positioned.pdf",
	"01-pdf-spaces-inside-words/anle-43-2021-page1.pdf":             "01-anle-43-2021-page1.pdf",
	"02-pdf-page-number-in-text/anle-43-2021-page1.pdf":             "01-anle-43-2021-page1.pdf",
	"02-pdf-page-number-in-text/hd21-btctu-page2.pdf":               "02-hd21-btctu-page2.pdf",
	"05-pdf-cm-positioned-lines-merged/hd21-btctu-pages1-2.pdf":     "05-hd21-btctu-pages1-2.pdf",
	"06-pdf-raw-glyph-codes-nul/hd-btctu-hanoi-page19.pdf":          "06-hd-btctu-hanoi-page19.pdf",
	"08-tcvn3-pdf-not-converted/qd-115-2004-ttg-tcvn3.pdf":          "08-qd-115-2004-ttg-tcvn3.pdf",
	"09-pdf-abbreviated-filter-rejected/nd-109-2004-pdffactory.pdf": "09-nd-109-2004-pdffactory.pdf",
}

var spacesRe = regexp.MustCompile(`[ \t\x{00a0}]+`)

func checkText(t *testing.T, what, text string, want textExpect) {
	t.Helper()
	flat := strings.Join(strings.Fields(text), " ")
	for _, p := range want.PlainHas {
		hay, needle := flat, norm.NFC.String(p.Text)
		if p.NoSpace {
			hay, needle = strings.ReplaceAll(hay, " ", ""), strings.Join(strings.Fields(needle), "")
		}
		if p.CI {
			hay, needle = strings.ToLower(hay), strings.ToLower(needle)
		}
		if !strings.Contains(hay, needle) {
			t.Errorf("%s: lacks %q", what, p.Text)
		}
	}
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(spacesRe.ReplaceAllString(line, " "))
		for _, s := range want.PlainNot {
			if strings.Contains(line, s) {
				t.Errorf("%s: has %q in line %q", what, s, line)
			}
		}
	}
	for _, r := range text {
		if (r < 0x20 && r != '\n' && r != '\t') || (r >= 0x7f && r < 0xa0) {
			t.Errorf("%s: control character %U", what, r)
			break
		}
	}
}

// TestPDFCaseExpectations checks the text-level expectations of the PDF
// import cases on the copies in testdata/pdf, and the case files'
// current expect.json when ../shared is present.
func TestPDFCaseExpectations(t *testing.T) {
	text := map[string]*Result{}
	convert := func(file string) *Result {
		if r := text[file]; r != nil {
			return r
		}
		data, err := os.ReadFile(filepath.Join("testdata/pdf", file))
		if err != nil {
			t.Fatal(err)
		}
		r, err := Convert(context.Background(), file, data, Options{})
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		text[file] = r
		return r
	}
	for file, want := range pdfExpect {
		checkText(t, file, convert(file).Text, want)
	}
	for _, legacy := range []string{"08-qd-115-2004-ttg-tcvn3.pdf", "09-nd-109-2004-pdffactory.pdf"} {
		if enc := convert(legacy).Encoding; enc != TCVN3 {
			t.Errorf("%s: encoding %q, want %q", legacy, enc, TCVN3)
		}
	}
	b, err := os.ReadFile("../../../shared/cases/import/expect.json")
	if err != nil {
		t.Log("../shared/cases/import/expect.json absent: checked the copies only")
		return
	}
	var shared map[string]json.RawMessage
	if err := json.Unmarshal(b, &shared); err != nil {
		t.Fatal(err)
	}
	for key, file := range sharedCaseFiles {
		raw, ok := shared[key]
		if !ok {
			t.Errorf("expect.json lacks %s", key)
			continue
		}
		var want textExpect
		if err := json.Unmarshal(raw, &want); err != nil {
			t.Fatalf("%s: %v", key, err)
		}
		checkText(t, key, convert(file).Text, want)
	}
}

// TestPDFEncodingOption checks that --encoding applies to PDF text: forced
// TCVN3 reads the TCVN3 decree as the detection does, forced UTF-8 leaves
// it as the font's codes.
func TestPDFEncodingOption(t *testing.T) {
	data, err := os.ReadFile("testdata/pdf/08-qd-115-2004-ttg-tcvn3.pdf")
	if err != nil {
		t.Fatal(err)
	}
	auto, err := Convert(context.Background(), "a.pdf", data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	forced, err := Convert(context.Background(), "a.pdf", data, Options{Encoding: "abc"})
	if err != nil {
		t.Fatal(err)
	}
	if forced.Encoding != TCVN3 || forced.Text != auto.Text {
		t.Errorf("forced tcvn3: encoding %q, same text %v", forced.Encoding, forced.Text == auto.Text)
	}
	raw, err := Convert(context.Background(), "a.pdf", data, Options{Encoding: "utf-8"})
	if err != nil {
		t.Fatal(err)
	}
	if raw.Encoding != UTF8 || !strings.Contains(raw.Text, "QuyÕt") {
		t.Errorf("forced utf-8: encoding %q, text %q", raw.Encoding, short(raw.Text))
	}
}

// TestPDFHostile reads the hostile PDFs of the reliability cases (rel-01,
// rel-03: huge xref sizes, loops in the page tree and the xref chain, a
// huge page count): each is read or refused as damaged within seconds.
// rel-21's PDFs with bytes after %%EOF are read.
func TestPDFHostile(t *testing.T) {
	names, _ := filepath.Glob("testdata/pdf/hostile/*.pdf")
	if len(names) < 8 {
		t.Fatalf("%d hostile PDFs", len(names))
	}
	for _, n := range names {
		data, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		res, err := Convert(context.Background(), filepath.Base(n), data, Options{})
		if d := time.Since(start); d > 10*time.Second {
			t.Errorf("%s: %v", n, d)
		}
		var e *Error
		switch {
		case err == nil:
			if strings.ContainsFunc(res.Text, func(r rune) bool { return r < 0x20 && r != '\n' }) {
				t.Errorf("%s: control characters in %q", n, res.Text)
			}
		case errors.As(err, &e) && (e.Problem == ProblemFormat || e.Problem == ProblemNoText || e.Problem == ProblemEmpty):
		default:
			t.Errorf("%s: %v", n, err)
		}
	}
	for _, n := range []string{"rel21-good.pdf", "rel21-trailing-junk.pdf", "rel21-trailing-nuls.pdf"} {
		data, err := os.ReadFile(filepath.Join("testdata/pdf", n))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := Convert(context.Background(), n, data, Options{}); err != nil {
			t.Errorf("%s: %v", n, err)
		}
	}
}

// BenchmarkPDF measures the import of each reference PDF (PDFium already
// started): compare with pdftotext on the same files.
func BenchmarkPDF(b *testing.B) {
	names, _ := filepath.Glob("testdata/pdf/*.pdf")
	corpus, _ := filepath.Glob("../../testdata/corpus/*.pdf")
	names = append(names, corpus...)
	for _, n := range names {
		data, err := os.ReadFile(n)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := Convert(context.Background(), n, data, Options{}); err != nil {
			var e *Error
			if errors.As(err, &e) && (e.Problem == ProblemNoText || e.Problem == ProblemEmpty) {
				continue
			}
			b.Fatal(err)
		}
		b.Run(filepath.Base(n), func(b *testing.B) {
			for b.Loop() {
				if _, err := Convert(context.Background(), n, data, Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// pageNotes: the small lines at a page's foot that open with a number the
// page cites in superscript are footnotes, each running to the next; a
// page number under them stays; small print that opens with no cited
// number is left alone; the rest of a note from the page before is "more".
func TestPageNotes(t *testing.T) {
	l := func(size float64, text string) pdftext.Line {
		return pdftext.Line{Runs: []pdftext.Run{{Text: text}}, Size: size}
	}
	// pageNotes on lines, as convertPDF calls it: the kept lines back.
	pageNotes := func(lines []pdftext.Line, body float64, goesOn bool) ([]pdftext.Line, []block.Note, string) {
		texts := make([]string, len(lines))
		for i, l := range lines {
			texts[i] = l.Text()
		}
		idx, notes, more := pageNotes(lines, texts, body, goesOn)
		var keep []pdftext.Line
		for _, i := range idx {
			keep = append(keep, lines[i])
		}
		return keep, notes, more
	}
	page := []pdftext.Line{
		l(14, "Điều 7. Hình thức và giá trị sử dụng của thị thực⁴"),
		l(14, "3.⁵ Thị thực có giá trị một lần hoặc nhiều lần."),
		l(12, "4 Điều này được sửa đổi, bổ sung theo quy định tại khoản 2 Điều 1 của"),
		l(12, "Luật số 51/2019/QH14."),
		l(12, "⁵ Khoản này được sửa đổi."),
		l(14, "5"),
	}
	keep, notes, more := pageNotes(page, 14, false)
	if len(keep) != 3 || keep[2].Text() != "5" || more != "" {
		t.Fatalf("kept %d lines (last %q), more %q", len(keep), keep[len(keep)-1].Text(), more)
	}
	want := []block.Note{{Mark: "⁴", Text: "Điều này được sửa đổi, bổ sung theo quy định tại khoản 2 Điều 1 của Luật số 51/2019/QH14."}, {Mark: "⁵", Text: "Khoản này được sửa đổi."}}
	if !reflect.DeepEqual(notes, want) {
		t.Fatalf("notes %q, want %q", notes, want)
	}
	small := []pdftext.Line{l(14, "Căn cứ Luật⁴ này."), l(12, "Ghi chú: văn bản in nhỏ.")}
	if keep, notes, _ := pageNotes(small, 14, false); len(keep) != 2 || len(notes) != 0 {
		t.Errorf("small print taken for notes: %d kept, %q", len(keep), notes)
	}
	next := []pdftext.Line{l(14, "Điều 55. Quy định chi tiết"), l(12, "3. Trường hợp công dân đề nghị cấp giấy tờ."), l(12, "4. Trường hợp khác.”.")}
	if keep, notes, more := pageNotes(next, 14, true); len(keep) != 1 || len(notes) != 0 || more != "3. Trường hợp công dân đề nghị cấp giấy tờ. 4. Trường hợp khác.”." {
		t.Errorf("a note going on: %d kept, %q, more %q", len(keep), notes, more)
	}
	if got := supRuns("thị thực⁴, khoản¹⁸; 120 m² và 5 km³"); !reflect.DeepEqual(got, []string{"4", "18"}) {
		t.Errorf("supRuns = %q, want the marks without the units", got)
	}
	if !citesMark("thị thực⁴ và", "⁴") || citesMark("thị thực⁴⁵", "⁴") || citesMark("thị thực¹⁴", "⁴") {
		t.Error("citesMark")
	}
}
