package parse

import (
	"chibo/content/model"
	"slices"

	"fmt"
	"strings"
	"testing"
)

// outline renders sections as "level id heading" lines for comparisons.
func outline(secs []*model.Section) string {
	var b strings.Builder
	for _, s := range secs {
		fmt.Fprintf(&b, "%d %s %s\n", s.Level, s.ID, s.Heading)
	}
	return b.String()
}

func findSection(t *testing.T, secs []*model.Section, id string) *model.Section {
	t.Helper()
	for _, s := range secs {
		if s.ID == id {
			return s
		}
	}
	t.Fatalf("no section %q in\n%s", id, outline(secs))
	return nil
}

func TestMarkerOf(t *testing.T) {
	tests := []struct {
		line  string
		kind  markKind
		label string
		rest  string
	}{
		{"I. THỰC HIỆN KẾT LUẬN", mkRoman, "i", "THỰC HIỆN KẾT LUẬN"},
		{"III. MỘT SỐ NỘI DUNG THAM KHẢO", mkRoman, "iii", "MỘT SỐ NỘI DUNG THAM KHẢO"},
		{"IIII. sai", mkNone, "", ""},
		{"Điều 2. Để hoàn thành", mkArticle, "dieu-2", "Để hoàn thành"},
		{"Điều 3", mkArticle, "dieu-3", ""},
		{"Điều 3 của Luật này quy định", mkNone, "", ""},
		{"Chương II", mkPart, "chuong-ii", ""},
		{"PHẦN THỨ NHẤT: TÌNH HÌNH", mkPart, "phan-thu-nhat", "TÌNH HÌNH"},
		{"Mục 1. Quy định chung", mkSection, "muc-1", "Quy định chung"},
		{"Mục tiêu cụ thể, tốc độ tăng trưởng", mkNone, "", ""},
		{"PHỤ LỤC 2", mkAppendix, "phu-luc-2", ""},
		{"A. KẾT QUẢ ĐẠT ĐƯỢC", mkUpper, "a", "KẾT QUẢ ĐẠT ĐƯỢC"},
		{"2. Về phát triển kinh tế", mkNumber, "2", "Về phát triển kinh tế"},
		{"1.2. Nhiệm vụ", mkNumber, "1-2", "Nhiệm vụ"},
		{"1.300 ha dừa", mkNone, "", ""},
		{"2023. Năm bản lề", mkNone, "", ""},
		{"03 Hành lang phát triển", mkNone, "", ""},
		{"a) Đẩy mạnh", mkLetter, "a", "Đẩy mạnh"},
		{"đ) Tập trung", mkLetter, "dd", "Tập trung"},
		{"x) Điều tra", mkLetter, "x", "Điều tra"},
		{"1) Căn cứ chức năng", mkParen, "", "Căn cứ chức năng"},
		{"- Chính phủ;", mkBullet, "", "Chính phủ;"},
		{"Tiêu chí về đoàn kết", mkNone, "", ""},
	}
	for _, tt := range tests {
		m := markerOf(tt.line)
		if m.kind != tt.kind || m.label != tt.label || m.rest != tt.rest {
			t.Errorf("markerOf(%q) = kind %d label %q rest %q; want %d %q %q", tt.line, m.kind, m.label, m.rest, tt.kind, tt.label, tt.rest)
		}
	}
}

func TestSplitHeading(t *testing.T) {
	long := strings.Repeat("rất dài ", 30) + "cuối."
	tests := []struct{ prefix, rest, head, body string }{
		{"Điều 3.", "Tổ chức thực hiện", "Điều 3. Tổ chức thực hiện", ""},
		{"1.", "Tiếp tục đẩy nhanh tiến độ. Tập trung chỉ đạo quyết liệt.", "1. Tiếp tục đẩy nhanh tiến độ.", "Tập trung chỉ đạo quyết liệt."},
		{"a)", "Theo GS. TS. Nguyễn Văn An. Sau đó", "a) Theo GS. TS. Nguyễn Văn An.", "Sau đó"},
		{"b)", "Ông Nguyễn Văn A. Trần làm", "b) Ông Nguyễn Văn A. Trần làm", ""},
		{"Điều 1.", long, "Điều 1. " + cutAtWord(long, 90), "Điều 1. " + long},
		{"II.", "", "II.", ""},
	}
	for _, tt := range tests {
		h, b := splitHeading(tt.prefix, tt.rest)
		if h != tt.head || b != tt.body {
			t.Errorf("splitHeading(%q, %q) = %q, %q; want %q, %q", tt.prefix, tt.rest, h, b, tt.head, tt.body)
		}
		if strings.Contains(tt.head, "…") && !strings.HasSuffix(h, "…") {
			t.Errorf("cut heading %q lacks …", h)
		}
	}
}

// TestParagraphsBulletin checks the structure of seed 002: three parts with
// their numbered articles, sub-headings under articles, and author lines
// kept as text of the article they close.
func TestParagraphsBulletin(t *testing.T) {
	doc := parseSeed(t, "tai-lieu")
	var top []string
	for _, s := range doc.Sections {
		if s.Level == 1 {
			top = append(top, s.ID)
		}
	}
	if strings.Join(top, " ") != "i ii iii" {
		t.Fatalf("top-level parts = %v, want i ii iii\n%s", top, outline(doc.Sections))
	}
	want := map[string]int{"i": 2, "ii": 4, "iii": 3}
	for part, n := range want {
		for k := 1; k <= n; k++ {
			s := findSection(t, doc.Sections, fmt.Sprintf("%s.%d", part, k))
			if s.Level != 2 || !strings.HasPrefix(s.Heading, fmt.Sprintf("%d. ", k)) {
				t.Errorf("%s: level %d heading %q", s.ID, s.Level, s.Heading)
			}
		}
		if _, ok := doc.Section(fmt.Sprintf("%s.%d", part, n+1)); ok {
			t.Errorf("part %s has more than %d articles", part, n)
		}
	}
	sub := findSection(t, doc.Sections, "ii.3.tieu-chi-ve-doan-ket")
	if sub.Level != 3 || sub.Heading != "Tiêu chí về đoàn kết, kỷ luật tốt" {
		t.Errorf("sub-heading: level %d %q", sub.Level, sub.Heading)
	}
	for id, author := range map[string]string{
		"i.1":                         "GS,TS. Hoàng Chi Bảo",
		"i.2":                         "Ban Tuyên giáo ĐUK",
		"ii.1.cong-tac-xay-dung-dang": "Ban Biên tập",
		"ii.4.tren-linh-vuc-kinh-te":  "Văn phòng Tỉnh uỷ",
		"iii.1":                       "Ban Tuyên giáo Trung ương",
	} {
		s := findSection(t, doc.Sections, id)
		if !strings.HasSuffix(strings.TrimSpace(strings.SplitAfter(s.Text, author)[0]), author) {
			t.Errorf("%s: author line %q not in its text", id, author)
		}
	}
	for _, s := range doc.Sections {
		for _, bad := range []string{"Ban Biên tập", "GS,TS", "Văn phòng Tỉnh uỷ", "(Theo", "Chuyên gia cao cấp"} {
			if strings.HasPrefix(s.Heading, bad) {
				t.Errorf("author line became heading %q", s.Heading)
			}
		}
		if strings.Contains(s.Text, "bookmark") {
			t.Errorf("%s: Word bookmark left in text", s.ID)
		}
	}
	if s := findSection(t, doc.Sections, "i.1"); !strings.Contains(s.Text, "Chuyên gia cao cấp, nguyên Ủy viên Hội đồng Lý luận Trung ương") {
		t.Errorf("author's title line not kept with the article")
	}
}

// TestParagraphsResolution checks seed 003: opening section with the title
// block and preamble, Điều 1–3, numbered items under Điều 2 with lettered
// items under them, and the closing section.
func TestParagraphsResolution(t *testing.T) {
	doc := parseSeed(t, "nghi-quyet-hdnd-bo-sung")
	secs := doc.Sections
	open := secs[0]
	if open.ID != "mo-dau" || !strings.Contains(open.Text, "Căn cứ Luật Tổ chức chính quyền địa phương") ||
		!strings.Contains(open.Text, "QUYẾT NGHỊ:") || !strings.Contains(open.Text, "HỘI ĐỒNG NHÂN DÂN TỈNH BẾN TRE") {
		t.Errorf("opening section: %q\n%s", open.ID, open.Text)
	}
	var top []string
	for _, s := range secs {
		if s.Level == 1 {
			top = append(top, s.ID)
		}
	}
	if strings.Join(top, " ") != "mo-dau dieu-1 dieu-2 dieu-3 phan-ket" {
		t.Fatalf("top level = %v\n%s", top, outline(secs))
	}
	for k := 1; k <= 6; k++ {
		s := findSection(t, secs, fmt.Sprintf("dieu-2.%d", k))
		if s.Level != 2 {
			t.Errorf("%s level %d", s.ID, s.Level)
		}
	}
	letters := strings.Fields("a b c d dd e g h i")
	for _, l := range letters {
		s := findSection(t, secs, "dieu-2.2."+l)
		if s.Level != 3 {
			t.Errorf("%s level %d", s.ID, s.Level)
		}
	}
	if _, ok := doc.Section("dieu-2.2.k"); ok {
		t.Error("unexpected item k)")
	}
	d2 := findSection(t, secs, "dieu-2")
	if !strings.HasPrefix(d2.Heading, "Điều 2. Để hoàn thành") || !strings.HasSuffix(d2.Heading, "…") ||
		!strings.Contains(d2.Text, "bổ sung một số nhiệm vụ, giải pháp như sau:") {
		t.Errorf("Điều 2 heading %q / text %q", d2.Heading, d2.Text)
	}
	if s := findSection(t, secs, "dieu-3"); s.Heading != "Điều 3. Tổ chức thực hiện" {
		t.Errorf("Điều 3 heading %q", s.Heading)
	}
	end := findSection(t, secs, "phan-ket")
	for _, want := range []string{"Nơi nhận:", "Chính phủ;", "KT. CHỦ TỊCH", "Huỳnh Quang Triệu", "thông qua ngày 05 tháng 7 năm 2023"} {
		if !strings.Contains(end.Text, want) {
			t.Errorf("closing section lacks %q", want)
		}
	}
	if !strings.Contains(end.Markdown, "- Ủy ban Thường vụ Quốc hội;\n- Chính phủ;") {
		t.Errorf("Nơi nhận is not one list:\n%s", end.Markdown)
	}
}

func TestParagraphsSynthetic(t *testing.T) {
	tests := []struct {
		name, text, outline string
		check               func(t *testing.T, secs []*model.Section)
	}{
		{
			name:    "text before the first heading opens the document",
			text:    "Một lời giới thiệu dài hơn sáu mươi ký tự để được coi là đoạn văn thật sự.\n1. Mục một\nNội dung.",
			outline: "1 mo-dau Mở đầu\n1 1 1. Mục một\n",
		},
		{
			name:    "levels close up when numbering is skipped",
			text:    "a) Mục chữ\nNội dung.\n2. Mục số\nb) Chữ dưới số\nĐiều 3. Tổ chức\n1. Một",
			outline: "1 a a) Mục chữ\n1 2 2. Mục số\n2 2.b b) Chữ dưới số\n1 dieu-3 Điều 3. Tổ chức\n2 dieu-3.1 1. Một\n",
		},
		{
			name:    "capitals mid-document are a part; sub-headings nest",
			text:    "I. MỘT\n1. Bài\nĐoạn văn đầu tiên của bài viết này đủ dài để là thân bài thật sự.\nTiêu đề phụ ngắn\nThân của tiêu đề phụ.\nKẾT LUẬN CHUNG\nHết.",
			outline: "1 i I. MỘT\n2 i.1 1. Bài\n3 i.1.tieu-de-phu-ngan Tiêu đề phụ ngắn\n1 ket-luan-chung KẾT LUẬN CHUNG\n",
		},
		{
			name:    "author lines stay in the article",
			text:    "1. Bài một\nThân bài một.\n\tNguyễn Văn A\n(Theo Báo Nhân Dân)\nBan Biên tập\n2. Bài hai\nThân.\nBan Tuyên giáo Trung ương",
			outline: "1 1 1. Bài một\n1 2 2. Bài hai\n",
			check: func(t *testing.T, secs []*model.Section) {
				if !strings.Contains(secs[0].Text, "Nguyễn Văn A") || !strings.Contains(secs[0].Text, "Ban Biên tập") ||
					!strings.Contains(secs[1].Text, "Ban Tuyên giáo Trung ương") {
					t.Errorf("author lines: %q / %q", secs[0].Text, secs[1].Text)
				}
			},
		},
		{
			name:    "a formula quoted mid-document does not close it",
			text:    "1. Tin\nNghị quyết này có hiệu lực từ ngày 1/1/2024 theo tin báo.\n2. Tin khác\nThân.",
			outline: "1 1 1. Tin\n1 2 2. Tin khác\n",
		},
		{
			name:    "signature closes the document",
			text:    "Điều 1. Một.\nTM. BAN THƯỜNG VỤ\nBÍ THƯ\nNguyễn Văn B",
			outline: "1 dieu-1 Điều 1. Một.\n1 phan-ket Phần kết\n",
		},
		{
			name:    "duplicate numbering keeps IDs unique",
			text:    "1. Một\n1. Một lần nữa\n1.2 Con\n1-2 x",
			outline: "1 1 1. Một\n1 1-2 1. Một lần nữa\n2 1-2.1-2 1.2 Con\n",
		},
		{
			name:    "markdown characters are escaped",
			text:    "1. Mục *một*\n# không phải tiêu đề [x] a_b\\c",
			outline: "1 1 1. Mục *một*\n",
			check: func(t *testing.T, secs []*model.Section) {
				if want := `\# không phải tiêu đề \[x\] a\_b\\c`; secs[0].Markdown != want {
					t.Errorf("markdown %q, want %q", secs[0].Markdown, want)
				}
				if secs[0].Text != "# không phải tiêu đề [x] a_b\\c" {
					t.Errorf("text %q", secs[0].Text)
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := Normalize(tt.text)
			secs := parseParagraphs(text)
			checkSections(t, text, secs)
			if got := outline(secs); got != tt.outline {
				t.Errorf("outline:\n%s\nwant:\n%s", got, tt.outline)
			}
			if tt.check != nil {
				tt.check(t, secs)
			}
		})
	}
}

func FuzzParagraphs(f *testing.F) {
	for _, p := range []string{"tai-lieu", "nghi-quyet-hdnd-bo-sung"} {
		_, b := seedByPrefix(f, p)
		f.Add(string(b))
		lines := strings.Split(string(b), "\n")
		for i := 0; i+8 < len(lines); i += len(lines) / 6 {
			f.Add(strings.Join(lines[i:i+8], "\n"))
		}
	}
	f.Add("Điều 1.\nNơi nhận:\n- a\n\tKT. CHỦ TỊCH")
	f.Fuzz(func(t *testing.T, s string) {
		text := Normalize(s)
		checkSections(t, text, parseParagraphs(text))
	})
}

// TestTableOfContents keeps a contents list (Mục lục) as text, so the
// headings are the ones followed by their articles.
func TestTableOfContents(t *testing.T) {
	text := "MỤC LỤC\nChương I. QUY ĐỊNH CHUNG ........ 3\nĐiều 1. Phạm vi điều chỉnh ........ 3\nĐiều 2. Đối tượng áp dụng ........ 4\n" +
		"Chương I. QUY ĐỊNH CHUNG\nĐiều 1. Phạm vi điều chỉnh\nNghị định này quy định việc họp chi bộ hằng tháng.\nĐiều 2. Đối tượng áp dụng\nĐảng viên và chi bộ."
	secs := parseParagraphs(text)
	var heads []string
	for _, s := range secs {
		heads = append(heads, s.Heading)
	}
	want := []string{"Mở đầu", "Chương I. QUY ĐỊNH CHUNG", "Điều 1. Phạm vi điều chỉnh", "Điều 2. Đối tượng áp dụng"}
	if !slices.Equal(heads, want) {
		t.Errorf("headings %q, want %q", heads, want)
	}
	if !strings.Contains(secs[0].Text, "Điều 2. Đối tượng áp dụng ........ 4") {
		t.Errorf("contents not kept as text of the opening: %q", secs[0].Text)
	}
}

// TestQuotedHeaderNotHeadings keeps the header parts a guide on writing
// documents quotes as examples (a party body over its "*", a "Số" line, a
// signature's "Q.") in the text of the section quoting them.
func TestQuotedHeaderNotHeadings(t *testing.T) {
	text := "I. HƯỚNG DẪN CỤ THỂ\n1. Tên cơ quan ban hành\nVăn bản của cấp ủy ghi như sau:\nTỈNH UỶ ĐỒNG THÁP *\nSố 05-QC/BTCTU-BDVTU\nQ. CHÁNH VĂN PHÒNG\n2. Số và ký hiệu\nSố văn bản là số thứ tự."
	var heads []string
	for _, s := range parseParagraphs(text) {
		heads = append(heads, s.Heading)
	}
	want := []string{"I. HƯỚNG DẪN CỤ THỂ", "1. Tên cơ quan ban hành", "2. Số và ký hiệu"}
	if !slices.Equal(heads, want) {
		t.Errorf("headings %q, want %q", heads, want)
	}
}

// An amending law quotes the text it puts in ("… như sau:" / "“2. … / a) …
// / b) ….”;"): the quoted numbering is the amended law's and opens no
// section here, with curly or straight quotes (Luật 50/2019/QH14,
// Quyết định 115/2004/QĐ-TTg). A quote never closed is a typo: the
// numbering after it is read as usual.
func TestQuotedAmendment(t *testing.T) {
	for name, tt := range map[string]struct {
		text string
		want string
	}{
		"curly": {
			"Điều 1. Sửa đổi, bổ sung một số điều của Luật Quản lý\n1. Sửa đổi, bổ sung Điều 3 như sau:\na) Sửa đổi, bổ sung khoản 2 như sau:\n“2. Vũ khí quân dụng bao gồm:\na) Vũ khí được chế tạo theo tiêu chuẩn;\nb) Vũ khí được chế tạo thủ công.”;\nb) Sửa đổi, bổ sung khoản 6 như sau:\n“6. Vũ khí thô sơ là vũ khí khác.”.\n2. Sửa đổi khoản 2 Điều 73 như sau:\n“2. Bộ Quốc phòng quản lý.”.\nĐiều 2. Hiệu lực thi hành\nLuật này có hiệu lực.",
			"dieu-1 dieu-1.1 dieu-1.1.a dieu-1.1.b dieu-1.2 dieu-2",
		},
		"straight": {
			"Điều 1. Sửa đổi Quy chế như sau:\n1. Điểm a khoản 1 Điều 3 được sửa đổi như sau:\n\"a) Vốn cấp của ngân sách tỉnh\";\n2. Điều 13 được sửa đổi như sau:\n\"Điều 13. Ban điều hành gồm Giám đốc.\nViệc điều hành được thực hiện theo một trong các phương thức sau:\n1. Uỷ thác cho Quỹ hỗ trợ phát triển.\n2. Giao cho Quỹ tài chính địa phương.\"\nĐiều 2. Quyết định này có hiệu lực.",
			"dieu-1 dieu-1.1 dieu-1.2 dieu-2",
		},
		"never closed": {
			"Điều 1. Sửa đổi như sau:\n“Nội dung mới của điều này được quy định lại cho mọi trường hợp phát sinh từ năm 2026.\n1. Một là.\n2. Hai là.\nĐiều 2. Hiệu lực.",
			"dieu-1 dieu-1.1 dieu-1.2 dieu-2",
		},
	} {
		d, err := Parse("x.txt", []byte(tt.text))
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, s := range d.Sections {
			if s.ID != "mo-dau" {
				ids = append(ids, s.ID)
			}
		}
		if got := strings.Join(ids, " "); got != tt.want {
			t.Errorf("%s: sections %s, want %s\n%s", name, got, tt.want, outline(d.Sections))
		}
	}
}

// A consolidated text (văn bản hợp nhất) marks each amended khoản with a
// footnote: "3.⁵ Thị thực …" is khoản 3, its mark kept in the heading.
func TestNumberingWithNoteMark(t *testing.T) {
	for in, want := range map[string][2]string{
		"3.⁵ Thị thực có giá trị một lần hoặc nhiều lần.": {"3", "3.⁵"},
		"1.¹⁸ Người nước ngoài nhập cảnh.":                {"1", "1.¹⁸"},
		"Điều 7². Thị thực":                               {"dieu-7", "Điều 7²."},
		"a)³ điểm được bổ sung":                           {"a", "a)³"},
	} {
		m := markerOf(in)
		if !m.structural() || m.label != want[0] || m.prefix != want[1] {
			t.Errorf("markerOf(%q) = %+v, want label %q prefix %q", in, m, want[0], want[1])
		}
	}
	for _, in := range []string{"²⁷ Ghi chú cuối trang", "Diện tích 120 m² đất ở.", "5 m³ nước"} {
		if m := markerOf(in); m.structural() {
			t.Errorf("markerOf(%q) = %+v, want no numbering", in, m)
		}
	}
}

// A wrapped sentence whose line starts with a chapter's name is no
// chapter (Nghị định 282/2025/NĐ-CP: "… các Điều tại Mục 2 và 3 / Chương
// II Nghị định này theo thẩm quyền … được giao.").
func TestPartCitedNotHeading(t *testing.T) {
	for _, in := range []string{
		"Chương II Nghị định này theo thẩm quyền quy định tại Điều 62 Nghị định này và chức năng, nhiệm vụ, quyền hạn được giao.",
		"Chương III của Luật này;",
		"Phần thứ hai quy định tại Nghị quyết này",
	} {
		if m := markerOf(in); m.kind == mkPart {
			t.Errorf("markerOf(%q) = %+v, want no part", in, m)
		}
	}
	for _, in := range []string{"Chương II", "Chương II NHỮNG QUY ĐỊNH CHUNG", "Chương I. Những quy định chung", "Chương 2: Tổ chức thực hiện", "Phần thứ nhất - Quy định chung", "Chương IV Điều khoản thi hành"} {
		if m := markerOf(in); m.kind != mkPart {
			t.Errorf("markerOf(%q) = %+v, want a part", in, m)
		}
	}
}

// A consolidated text ends with the consolidating office's authentication
// block: the closing part, not a heading "VĂN PHÒNG QUỐC HỘI" under the
// last article.
func TestConsolidatedClosing(t *testing.T) {
	d, err := Parse("x.txt", []byte("Chương IX\nĐIỀU KHOẢN THI HÀNH\nĐiều 55. Quy định chi tiết\nChính phủ quy định chi tiết các điều, khoản được giao trong Luật.\nVĂN PHÒNG QUỐC HỘI\nSố: 30/VBHN-VPQH\nXÁC THỰC VĂN BẢN HỢP NHẤT\nHà Nội, ngày 02 tháng 8 năm 2023\nCHỦ NHIỆM\nBùi Văn Cường"))
	if err != nil {
		t.Fatal(err)
	}
	last := d.Sections[len(d.Sections)-1]
	if last.ID != "phan-ket" || !strings.Contains(last.Text, "VĂN PHÒNG QUỐC HỘI") || !strings.Contains(last.Text, "XÁC THỰC VĂN BẢN HỢP NHẤT") {
		t.Fatalf("last section %s %q: %q\n%s", last.ID, last.Heading, last.Text, outline(d.Sections))
	}
}
