package parse

import (
	"strings"
	"testing"

	"chibo/content/block"
	"chibo/content/model"
)

// letter is one công văn with its header, two numbered points, recipients
// and signature.
func letter(issuer, number, place, subject, to, body string) []string {
	return []string{
		issuer, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
		"Số: " + number, place + ", ngày 05 tháng 3 năm 2026",
		"V/v " + subject,
		"Kính gửi: " + to,
		body + " đề nghị các đơn vị thực hiện một số nội dung sau đây:",
		"1. Về tổ chức thực hiện", "Các đơn vị chủ động triển khai " + body + ".",
		"2. Về báo cáo kết quả", "Báo cáo gửi về trước ngày 30 tháng 3 năm 2026.",
		"Nơi nhận:", "- Như trên;", "- Lưu: VT.",
		"KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Văn An",
	}
}

func checkLetters(t *testing.T, doc *model.Document, subjects []string) {
	t.Helper()
	var parts []*model.Section
	for _, s := range doc.Sections {
		if s.Level == 1 {
			parts = append(parts, s)
		}
	}
	if len(parts) != len(subjects) {
		for _, s := range doc.Sections {
			t.Logf("%d %s", s.Level, s.Heading)
		}
		t.Fatalf("%d top-level parts, want one per letter (%d)", len(parts), len(subjects))
	}
	for k, p := range parts {
		if !strings.Contains(p.Heading, subjects[k]) || !strings.HasPrefix(p.Heading, "Công văn") {
			t.Errorf("part %d heading %q, want the letter's type and subject %q", k+1, p.Heading, subjects[k])
		}
	}
	// Each letter keeps its own numbered points and closing, under it.
	for _, want := range []string{"van-ban-2.1", "van-ban-2.2", "van-ban-2.phan-ket", "van-ban-3.phan-ket"} {
		found := false
		for _, s := range doc.Sections {
			if s.ID == want {
				found = true
				if s.Level != 2 {
					t.Errorf("%s at level %d, want 2", want, s.Level)
				}
			}
		}
		if !found && (len(subjects) > 2 || !strings.HasPrefix(want, "van-ban-3")) {
			t.Errorf("no section %s", want)
		}
	}
	// No later letter's text in the first letter's closing.
	for _, s := range doc.Sections {
		if s.ID == "van-ban-1.phan-ket" && strings.Contains(s.Text, "Kính gửi") {
			t.Errorf("the first letter's closing holds a later letter:\n%s", s.Text)
		}
	}
	if doc.Number != "12/SNV-VP" {
		t.Errorf("number %q, want the first letter's", doc.Number)
	}
}

var letterSubjects = []string{"triển khai kế hoạch cải cách hành chính năm 2026", "góp ý dự thảo quy chế làm việc", "cử cán bộ dự tập huấn"}

func threeLetters() [][]string {
	return [][]string{
		letter("SỞ NỘI VỤ", "12/SNV-VP", "Lâm Đồng", letterSubjects[0], "Các phòng, ban thuộc Sở", "Sở Nội vụ"),
		letter("SỞ NỘI VỤ", "13/SNV-VP", "Lâm Đồng", letterSubjects[1], "Văn phòng Sở", "Văn phòng"),
		letter("SỞ NỘI VỤ", "14/SNV-VP", "Lâm Đồng", letterSubjects[2], "Trung tâm Phục vụ hành chính công", "Trung tâm"),
	}
}

// A file holding several letters, as plain text: each letter becomes its
// own top-level part, titled by its own header.
func TestSeveralLettersText(t *testing.T) {
	var lines []string
	for _, l := range threeLetters() {
		lines = append(lines, l...)
	}
	doc := Text("cong-van.txt", Normalize(strings.Join(lines, "\n")), model.LayoutParagraphs)
	checkLetters(t, doc, letterSubjects)
}

// The same letters as a Word file lays them out: each header in a
// two-column table (issuer and number on the left, motto and date on the
// right).
func TestSeveralLettersTables(t *testing.T) {
	var bs []block.Block
	cell := func(ls ...string) block.Cell {
		var c block.Cell
		for _, l := range ls {
			c.Paras = append(c.Paras, block.Block{Kind: block.Para, Text: l, Bold: true, Align: block.AlignCenter})
		}
		return c
	}
	for _, l := range threeLetters() {
		bs = append(bs, block.Block{Kind: block.Table, Rows: []block.Row{
			{cell(l[0], l[3], l[5]), cell(l[1], l[2], l[4])},
		}})
		for _, p := range l[6:] {
			bs = append(bs, block.Block{Kind: block.Para, Text: p, Align: block.AlignJustify})
		}
	}
	doc := Blocks("cong-van.docx", bs, model.LayoutMarkdown)
	checkLetters(t, doc, letterSubjects)
}

// One letter, or a letter whose appendix carries a form with its own
// motto, stays one document: no part is made.
func TestOneLetterNoParts(t *testing.T) {
	l := threeLetters()[0]
	doc := Text("cv.txt", Normalize(strings.Join(l, "\n")), model.LayoutParagraphs)
	for _, s := range doc.Sections {
		if strings.HasPrefix(s.ID, "van-ban") {
			t.Fatalf("one letter split into parts: %s", s.ID)
		}
	}
	withForm := append(append([]string{}, l...), "PHỤ LỤC", "MẪU BÁO CÁO", "SỞ NỘI VỤ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: .../BC-...", "...., ngày ... tháng ... năm 2026")
	doc = Text("cv.txt", Normalize(strings.Join(withForm, "\n")), model.LayoutParagraphs)
	for _, s := range doc.Sections {
		if strings.HasPrefix(s.ID, "van-ban") {
			t.Fatalf("an appendix form split off as a letter: %s", s.ID)
		}
	}
}

// Copies often leave the signer's name out (not yet signed, or
// redacted): the signer's title ("PHÓ GIÁM ĐỐC") and the next letter's
// issuer ("SỞ NỘI VỤ") are then two capital lines in a row, and the
// issuer must still open the next letter, not close the last one.
func TestSeveralLettersNoSignerName(t *testing.T) {
	for _, title := range [][]string{
		{"KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"},
		{"GIÁM ĐỐC"},
		{"TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"},
		{"KT. BỘ TRƯỞNG", "THỨ TRƯỞNG"},
	} {
		var lines []string
		for _, l := range threeLetters() {
			l = append(l[:len(l)-3:len(l)-3], title...) // no name under the title
			lines = append(lines, l...)
		}
		doc := Text("cong-van.txt", Normalize(strings.Join(lines, "\n")), model.LayoutParagraphs)
		checkLetters(t, doc, letterSubjects)
		closings := 0
		for _, s := range doc.Sections {
			if !strings.HasSuffix(s.ID, ".phan-ket") {
				continue
			}
			closings++
			if strings.Contains(s.Text, "SỞ NỘI VỤ") {
				t.Errorf("%v: the next letter's issuer closes %s:\n%s", title, s.ID, s.Text)
			}
			if !strings.Contains(s.Text, title[len(title)-1]) {
				t.Errorf("%v: the signer's title is not in %s:\n%s", title, s.ID, s.Text)
			}
		}
		if closings != 3 {
			t.Errorf("%v: %d closings, want 3", title, closings)
		}
	}
}
