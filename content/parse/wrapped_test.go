package parse

import (
	"chibo/content/model"

	"strings"
	"testing"
)

func TestReflow(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"wrapped heading", "2. Các chỉ tiêu chủ\nyếu\na) Tốc độ tăng trưởng\nkinh tế đạt 6%;", []string{"2. Các chỉ tiêu chủ yếu", "a) Tốc độ tăng trưởng kinh tế đạt 6%;"}},
		{"item heading then text", "d) Về phát triển\nkinh tế\nTiếp tục xây dựng\nvùng sản xuất.", []string{"d) Về phát triển kinh tế", "Tiếp tục xây dựng vùng sản xuất."}},
		{"proper noun across a wrap", "nghiên cứu dự án ven biển kết nối tỉnh Bến\nTre với tỉnh Tiền Giang.", []string{"nghiên cứu dự án ven biển kết nối tỉnh Bến Tre với tỉnh Tiền Giang."}},
		{"sentence end then capital", "hoàn thành kế hoạch.\nKịp thời hỗ trợ.", []string{"hoàn thành kế hoạch.", "Kịp thời hỗ trợ."}},
		{"items not glued", "c) Kim ngạch\nđạt 1.850 triệu USD;\nđ) GRDP bình quân\nđạt 62 triệu;", []string{"c) Kim ngạch đạt 1.850 triệu USD;", "đ) GRDP bình quân đạt 62 triệu;"}},
		{"colon ends an item heading", "b) Cơ cấu kinh tế:\nKhu vực I: 33,10%;", []string{"b) Cơ cấu kinh tế:", "Khu vực I: 33,10%;"}},
		{"dash carried to the next line", "Khu vực nông\n- lâm - thủy sản tăng", []string{"Khu vực nông - lâm - thủy sản tăng"}},
		{"list after a colon", "Nơi nhận:\n- Chính phủ;\n- Lưu: VT.", []string{"Nơi nhận:", "- Chính phủ;", "- Lưu: VT."}},
		{"blank line ends a paragraph", "một\n\nhai", []string{"một", "hai"}},
		{"title block", "NGHỊ QUYẾT\nVỀ NHIỆM VỤ NĂM 2025\nCăn cứ Luật\nTổ chức;", []string{"NGHỊ QUYẾT VỀ NHIỆM VỤ NĂM 2025", "Căn cứ Luật Tổ chức;"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, b := range reflow(tt.text) {
				got = append(got, b.text)
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("reflow =\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}

// TestWrappedResolution checks seed 001: wrapped headings read as one
// line, items a) … x) with đ) apart, and phrases that crossed a hard wrap
// are contiguous in the section text (search depends on it).
func TestWrappedResolution(t *testing.T) {
	doc := parseSeed(t, "nghi-quyet-hdnd-kinh-te")
	if doc.Layout != model.LayoutWrapped {
		t.Fatalf("layout %s", doc.Layout)
	}
	secs := doc.Sections
	for id, heading := range map[string]string{
		"2":        "2. Các chỉ tiêu chủ yếu",
		"3":        "3. Một số nhiệm vụ trọng tâm",
		"3.d":      "d) Về phát triển kinh tế",
		"3.dd":     "đ) Về văn hóa - xã hội",
		"3.g":      "g) Công tác cải cách hành chính, chế độ công vụ, công chức; phòng chống tham nhũng, tiêu cực, lãng phí",
		"dieu-3":   "Điều 3. Tổ chức thực hiện",
		"2.b":      "b) Cơ cấu kinh tế:",
		"2.c":      "c) Kim ngạch xuất khẩu đạt 1.850 triệu USD;",
		"phan-ket": "Phần kết",
	} {
		if s := findSection(t, secs, id); s.Heading != heading {
			t.Errorf("%s: heading %q, want %q", id, s.Heading, heading)
		}
	}
	var items []string
	for _, s := range secs {
		if strings.HasPrefix(s.ID, "2.") {
			items = append(items, strings.TrimPrefix(s.ID, "2."))
		}
	}
	if got := strings.Join(items, " "); got != "a b c d dd e g h i k l m n o p q r s t u v x" {
		t.Errorf("items under 2: %s", got)
	}
	for id, phrase := range map[string]string{
		"3.b":      "khởi công dự án Bệnh viện đa khoa Bến Tre",
		"3.d":      "hoàn thành mục tiêu xây dựng xã nông thôn mới, huyện đạt chuẩn nông thôn mới",
		"3.g":      "theo Nghị định số 59/2019/NĐ-CP ngày 01 tháng 7 năm 2019",
		"2.k":      "các huyện: Châu Thành, Thạnh Phú, Mỏ Cày Bắc và Bình Đại",
		"dieu-3.2": "",
	} {
		s := findSection(t, secs, id)
		if !strings.Contains(s.Heading+" "+s.Text, phrase) {
			t.Errorf("%s: phrase %q not contiguous in %q", id, phrase, s.Text)
		}
	}
	for _, s := range secs {
		if strings.Contains(s.Heading, "\n") || strings.Contains(s.Text, "chủ\nyếu") {
			t.Errorf("%s: wrap left in %q", s.ID, s.Heading)
		}
	}
}

func FuzzWrapped(f *testing.F) {
	_, b := seedByPrefix(f, "nghi-quyet-hdnd-kinh-te")
	f.Add(string(b))
	lines := strings.Split(string(b), "\n")
	for i := 0; i+12 < len(lines); i += len(lines) / 8 {
		f.Add(strings.Join(lines[i:i+12], "\n"))
	}
	f.Add("2. Các chỉ tiêu chủ\nyếu\nđ) x\n- y\n\tKT. CHỦ TỊCH")
	f.Fuzz(func(t *testing.T, s string) {
		text := Normalize(s)
		checkSections(t, text, parseWrapped(text))
	})
}
