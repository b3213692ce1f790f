package parse

import (
	"strings"
	"testing"

	"chibo/content/block"
	"chibo/content/model"
)

func bpara(t string) block.Block {
	return block.Block{Kind: block.Para, Text: t, Align: block.AlignJustify}
}

func cell(ts ...string) block.Cell {
	c := block.Cell{Span: 1}
	for _, t := range ts {
		c.Paras = append(c.Paras, block.Block{Kind: block.Para, Text: t, Align: block.AlignCenter, Bold: true})
	}
	return c
}

// TestBlocksWordDocument reads a Word document as Vietnamese offices type
// it: the header in a two-column table, the type and trích yếu centred,
// articles numbered by hand in Normal style, a bold unnumbered
// sub-heading, a table, a footnote.
func TestBlocksWordDocument(t *testing.T) {
	bold := func(b block.Block) block.Block { b.Bold = true; return b }
	center := func(b block.Block) block.Block { b.Align = block.AlignCenter; return b }
	bs := []block.Block{
		{Kind: block.Table, Rows: []block.Row{
			{cell("HUYỆN ỦY TÂN PHÚ", "ĐẢNG ỦY XÃ TÂN AN", "*", "Số 12-NQ/ĐU"), cell("ĐẢNG CỘNG SẢN VIỆT NAM", "Tân An, ngày 05 tháng 12 năm 2026")},
		}},
		center(bold(bpara("NGHỊ QUYẾT"))),
		center(bold(bpara("về nhiệm vụ tháng 12 năm 2026"))),
		bpara("Căn cứ Điều lệ Đảng;"),
		bold(bpara("I. ĐÁNH GIÁ TÌNH HÌNH THÁNG 11")),
		bold(bpara("1. Ưu điểm")),
		bpara("Chi bộ họp đúng kỳ, đủ số đảng viên, bàn đúng nội dung."),
		bold(bpara("Về công tác dân vận")),
		{Kind: block.Para, Text: "Tổ dân phố vận động được 20 hộ¹.", Markdown: "Tổ dân phố vận động được 20 hộ¹.", Notes: []block.Note{{Mark: "¹", Text: "Số liệu của tổ dân phố."}}},
		bpara("Một câu ngắn không đậm"),
		bpara("Thêm một đoạn để câu ngắn kia không phải là tiêu đề."),
		{Kind: block.Table, Rows: []block.Row{{cell("STT"), cell("Nội dung")}, {cell("1"), cell("Họp chi bộ")}}},
		bold(bpara("II. NHIỆM VỤ THÁNG 12")),
		bpara("a) Triển khai kế hoạch tháng 12."),
	}
	doc := Blocks("nq.docx", bs, model.LayoutParagraphs)
	if doc.Title != "Nghị quyết về nhiệm vụ tháng 12 năm 2026" || doc.Number != "12-NQ/ĐU" || doc.Date != "2026-12-05" ||
		doc.Issuer != "Đảng ủy xã Tân An" || doc.Kind != model.KindResolution {
		t.Errorf("metadata: title %q number %q date %q issuer %q kind %q", doc.Title, doc.Number, doc.Date, doc.Issuer, doc.Kind)
	}
	var got []string
	for _, s := range doc.Sections {
		got = append(got, strings.Repeat("  ", s.Level-1)+s.Heading)
	}
	want := []string{"Mở đầu", "I. ĐÁNH GIÁ TÌNH HÌNH THÁNG 11", "  1. Ưu điểm", "    Về công tác dân vận", "II. NHIỆM VỤ THÁNG 12", "  a) Triển khai kế hoạch tháng 12."}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("outline:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, s := range doc.Sections {
		if s.Heading == "Về công tác dân vận" {
			if len(s.Notes) != 1 || s.Notes[0].Text != "Số liệu của tổ dân phố." {
				t.Errorf("footnote not kept with its section: %+v", s.Notes)
			}
			if !strings.Contains(s.Markdown, "| STT | Nội dung |") || !strings.Contains(s.Text, "Một câu ngắn không đậm") {
				t.Errorf("table or short line lost: %q", s.Markdown)
			}
		}
	}

}

// TestBlocksPDFLines joins PDF lines into paragraphs from their geometry:
// a first-line indent, a short last line, a numbered heading on a line of
// its own, a paragraph running across a page break.
func TestBlocksPDFLines(t *testing.T) {
	line := func(page int32, gap, left, right float32, t string) block.Block {
		return block.Block{Kind: block.Para, Line: true, Text: t, Page: page, Size: 13, Gap: gap, Left: left, Right: right, Align: block.AlignJustify}
	}
	bs := []block.Block{
		line(1, 0, 0, 300, "1.3. Đảng ủy cơ sở"),
		line(1, 3, 28, 0, "- Xét và báo cáo cấp ủy cấp trên danh sách đảng viên đề nghị tặng"),
		line(1, 3, 0, 200, "Huy hiệu Đảng."),
		line(1, 3, 28, 0, "Thời gian thực hiện chậm nhất là ngày 15 hằng tháng, theo hướng dẫn của"),
		line(2, 0, 0, 0, "cấp ủy cấp trên trực tiếp và quy định của Điều lệ Đảng, không để tồn đọng"),
		line(2, 3, 0, 250, "hồ sơ."),
		line(2, 3, 0, 290, "1.4. Ban Thường vụ"),
	}
	doc := Blocks("hd.pdf", bs, model.LayoutWrapped)
	var heads []string
	for _, s := range doc.Sections {
		heads = append(heads, s.Heading)
	}
	if strings.Join(heads, "|") != "1.3. Đảng ủy cơ sở|1.4. Ban Thường vụ" {
		t.Fatalf("headings %q", heads)
	}
	body := doc.Sections[0].Text
	for _, p := range []string{
		"- Xét và báo cáo cấp ủy cấp trên danh sách đảng viên đề nghị tặng Huy hiệu Đảng.\n",
		"Thời gian thực hiện chậm nhất là ngày 15 hằng tháng, theo hướng dẫn của cấp ủy cấp trên trực tiếp và quy định của Điều lệ Đảng, không để tồn đọng hồ sơ.",
	} {
		if !strings.Contains(body+"\n", p) {
			t.Errorf("paragraph not joined as written: %q\nin %q", p, body)
		}
	}
}

// A numbered khoản set with a hanging indent (Word 2019 to PDF): its text
// goes on below, aligned after the number, and stays one paragraph; a
// line indented further that starts a sentence is a new one.
func TestBlocksHangingIndent(t *testing.T) {
	line := func(gap, left, right float32, t string) block.Block {
		return block.Block{Kind: block.Para, Line: true, Text: t, Page: 1, Size: 13, Gap: gap, Left: left, Right: right, Align: block.AlignJustify}
	}
	bs := []block.Block{
		line(0, 0, 0, "Điều 1. Quy định mức thu lệ phí cấp giấy phép lao động, cụ thể như sau:"),
		line(3, 14, 2, "1. Phạm vi điều chỉnh: Nghị quyết này quy định mức thu, chế độ thu, nộp, quản lý, sử"),
		line(3, 35, 2, "dụng lệ phí cấp giấy phép lao động trên địa bàn tỉnh Cao Bằng."),
		line(3, 14, 2, "2. Đối tượng nộp lệ phí: Người sử dụng lao động khi làm thủ tục để được cơ quan quản"),
		line(3, 35, 120, "lý nhà nước về lao động cấp giấy phép lao động."),
		line(3, 35, 2, "Người nộp lệ phí nộp tại Sở Lao động – Thương binh và Xã hội."),
	}
	doc := Blocks("nq.pdf", bs, model.LayoutWrapped)
	var heads []string
	for _, s := range doc.Sections {
		heads = append(heads, s.Heading)
	}
	want := "Điều 1. Quy định mức thu lệ phí cấp giấy phép lao động, cụ thể như sau:|1. Phạm vi điều chỉnh: Nghị quyết này quy định mức thu, chế độ thu, nộp, quản lý, sử dụng lệ phí cấp giấy phép lao động trên địa bàn tỉnh Cao Bằng.|2. Đối tượng nộp lệ phí: Người sử dụng lao động khi làm thủ tục để được cơ quan quản lý nhà nước về lao động cấp giấy phép lao động."
	if got := strings.Join(heads, "|"); got != want {
		t.Fatalf("headings\n%s\nwant\n%s", strings.ReplaceAll(got, "|", "\n"), strings.ReplaceAll(want, "|", "\n"))
	}
	if last := doc.Sections[len(doc.Sections)-1]; !strings.Contains(last.Text, "Người nộp lệ phí nộp tại Sở") {
		t.Errorf("the indented sentence is not the khoản's text: %q", last.Text)
	}
}

// FuzzBlocks feeds the recogniser block streams made from any text, with
// evidence drawn from the bytes: it must not panic, must keep every word,
// and must give valid NFC headings with unique IDs.
func FuzzBlocks(f *testing.F) {
	f.Add("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố 38 - HD/BTCTW\nHƯỚNG DẪN\nnghiệp vụ\nI. KẾT NẠP\n1. Bồi dưỡng\nNgười vào Đảng phải học.", uint64(0x5a5a))
	f.Add("Chương I\nQUY ĐỊNH CHUNG\nĐiều 1. Phạm vi\n2.1. (Khoản 1): Quyền\n1- Đối tượng\nNơi nhận:\n- Như trên", uint64(0x1234567))
	f.Add("MỤC LỤC\nĐiều 1. A ..... 3\nĐiều 2. B ..... 4\nĐiều 3. C\nĐiều 1. A\nĐiều 2. B\nĐiều 3. C", uint64(3))
	f.Fuzz(func(t *testing.T, s string, seed uint64) {
		if !strings.ContainsFunc(s, func(r rune) bool { return r > ' ' }) || len(s) > 1<<14 {
			return
		}
		var bs []block.Block
		var src []string
		for i, l := range strings.Split(s, "\n") {
			bit := func(k int) bool { return seed>>(uint(i*3+k)%64)&1 == 1 }
			b := block.Block{Kind: block.Para, Text: l, Bold: bit(0), Line: bit(1) && bit(2), Page: int32(1 + i/10), Size: 12, Left: float32(i % 3 * 20)}
			if bit(2) && !b.Line {
				b.Outline = int8(1 + i%3)
			}
			if bit(0) && bit(1) && !b.Line {
				b = block.Block{Kind: block.Table, Rows: []block.Row{{block.Cell{Paras: []block.Block{{Kind: block.Para, Text: l}}, Span: 1}}}}
			}
			bs = append(bs, b)
			src = append(src, l)
		}
		doc := Blocks("fuzz.docx", bs, model.LayoutParagraphs)
		checkSections(t, Normalize(strings.Join(src, "\n")), doc.Sections)
	})
}

func TestOneLine(t *testing.T) {
	for _, s := range []string{"", "a", "a b", " a", "a ", "a  b", "a\tb", "a\u00a0b", "a\u3000b", "Đoạn 1 nông thôn", "x\n", "\u2003", " "} {
		want := strings.Join(strings.Fields(s), " ") == s
		if got := oneLine(s); got != want {
			t.Errorf("oneLine(%q) = %v, want %v", s, got, want)
		}
	}
}

// A tidy one-line text is the reader's string itself, not a copy: the
// paragraphs of a long document share their blocks' text.
func TestTidyTextShares(t *testing.T) {
	s := strings.Repeat("Đoạn 1 nông thôn mới chi bộ họp định kỳ. ", 3) + "Hết."
	if n := testing.AllocsPerRun(20, func() { _ = tidyText(s) }); n > 1 {
		t.Errorf("tidyText of a tidy line: %v allocations, want at most 1 (no copy of the text)", n)
	}
	if got := tidyText(" a \u00a0 b\t"); got != "a b" {
		t.Errorf("tidyText = %q", got)
	}
}
