package model

import "testing"

func TestRunIn(t *testing.T) {
	for _, c := range []struct {
		name, heading, md, shown string
	}{
		{"a run-in point",
			"a) Tốc độ tăng trưởng kinh tế (GRDP) năm là 6,0% - 6,5%; trong đó, Khu vực nông - lâm - thủy…",
			"a) Tốc độ tăng trưởng kinh tế (GRDP) năm là 6,0% - 6,5%; trong đó, Khu vực nông - lâm - thủy sản tăng 2,99%;\n\nĐoạn sau.",
			"…sản tăng 2,99%;\n\nĐoạn sau."},
		{"numbering only in the heading",
			"1. Tập trung xây dựng Đảng bộ trong sạch, vững mạnh, nâng cao năng lực…",
			"Tập trung xây dựng Đảng bộ trong sạch, vững mạnh, nâng cao năng lực hoạt động của hệ thống chính trị.",
			"…hoạt động của hệ thống chính trị."},
		{"a table row's labelled cell",
			"1.1. Tiếp tục tập trung xây dựng Đảng bộ…",
			"**Nội dung:** Tiếp tục tập trung xây dựng Đảng bộ trong sạch.\n\n**Kết quả:** Đạt.",
			"**Nội dung:** …trong sạch.\n\n**Kết quả:** Đạt."},
		{"the heading's words wrapped on two lines",
			"Điều 2. Để hoàn thành các chỉ tiêu phát triển…",
			"Điều 2. Để hoàn thành các chỉ tiêu\nphát triển kinh tế - xã hội năm 2023.",
			"…kinh tế - xã hội năm 2023."},
		{"not clipped",
			"b) Cơ cấu kinh tế:",
			"Khu vực I: 33,10%;",
			"Khu vực I: 33,10%;"},
		{"other words",
			"IV. Nhóm hạn chế, khuyết điểm thứ tư: Lãnh đạo…",
			"4. Nhóm hạn chế, khuyết điểm thứ tư: Lãnh đạo công tác cải cách.",
			"4. Nhóm hạn chế, khuyết điểm thứ tư: Lãnh đạo công tác cải cách."},
		{"the words end the paragraph",
			"c) Kim ngạch xuất khẩu…",
			"c) Kim ngạch xuất khẩu\n\nđạt 1.850 triệu USD;",
			"c) Kim ngạch xuất khẩu\n\nđạt 1.850 triệu USD;"},
		{"across a blank line",
			"c) Kim ngạch xuất khẩu đạt…",
			"c) Kim ngạch xuất khẩu\n\nđạt 1.850 triệu USD;",
			"c) Kim ngạch xuất khẩu\n\nđạt 1.850 triệu USD;"},
		{"the body is longer only by its ellipsis",
			"Mục…",
			"Mục…",
			"Mục…"},
		{"an empty body", "Điều 1. Phạm vi…", "", ""},
	} {
		s := &Section{Heading: c.heading, Markdown: c.md}
		if got := s.ShownMarkdown(); got != c.shown {
			t.Errorf("%s: shown %q, want %q", c.name, got, c.shown)
		}
		from, to := s.RunIn()
		if (to > 0) != (c.shown != c.md) || from > to || to > len(c.md) {
			t.Errorf("%s: RunIn %d, %d", c.name, from, to)
		}
	}
}
