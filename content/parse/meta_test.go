package parse

import (
	"chibo/content/model"
	"strings"
	"testing"
	"time"
)

func TestSeedMetadata(t *testing.T) {
	tests := []struct {
		seed                        string
		kind                        model.Kind
		title, number, date, issuer string
	}{
		{"phu-luc-2", model.KindAppendix, "Phụ lục 2: Kết quả triển khai thực hiện 7 nhóm nhiệm vụ, giải pháp chủ yếu Nghị quyết Tỉnh uỷ năm 2023", "525-BC/TU", "2023-12-01", "Ban Thường vụ Tỉnh ủy"},
		{"phu-luc-6", model.KindAppendix, "", "525-BC/TU", "2023-12-01", "Ban Thường vụ Tỉnh ủy"},
		{"nghi-quyet-hdnd-kinh-te", model.KindResolution, "Nghị quyết về nhiệm vụ, giải pháp phát triển kinh tế - xã hội năm 2025", "", "2024-12-06", "Hội đồng nhân dân tỉnh Bến Tre"},
		{"tai-lieu", model.KindBulletin, "Tài liệu sinh hoạt chi bộ: Thực hiện Kết luận số 01-KL/TW của Bộ Chính trị", "", "", ""},
		{"nghi-quyet-hdnd-bo-sung", model.KindResolution, "Nghị quyết về bổ sung một số nhiệm vụ, giải pháp phát triển kinh tế - xã hội 6 tháng cuối năm 2023", "", "2023-07-05", "Hội đồng nhân dân tỉnh Bến Tre"},
	}
	for _, tt := range tests {
		t.Run(tt.seed, func(t *testing.T) {
			d := parseSeed(t, tt.seed)
			if d.Kind != tt.kind || d.Number != tt.number || d.Date != tt.date || d.Issuer != tt.issuer {
				t.Errorf("got kind %s number %q date %q issuer %q", d.Kind, d.Number, d.Date, d.Issuer)
			}
			if tt.title != "" && d.Title != tt.title {
				t.Errorf("title %q, want %q", d.Title, tt.title)
			}
			if len([]rune(d.Title)) > maxTitle {
				t.Errorf("title too long: %q", d.Title)
			}
		})
	}
}

// TestMetadataLines table-tests fillMetadata on the header and closing
// lines real documents have.
func TestMetadataLines(t *testing.T) {
	tests := []struct {
		name, text                  string
		kind                        model.Kind
		title, number, date, issuer string
	}{
		{
			name: "party report header",
			text: "TỈNH ỦY BẾN TRE\nSố 525-BC/TU\nBến Tre, ngày 01 tháng 12 năm 2023\nBÁO CÁO\nKẾT QUẢ THỰC HIỆN NGHỊ QUYẾT TỈNH ỦY NĂM 2023\nI. KẾT QUẢ\nNội dung.",
			kind: model.KindReport, title: "Báo cáo kết quả thực hiện Nghị quyết Tỉnh ủy năm 2023", number: "525-BC/TU", date: "2023-12-01", issuer: "Tỉnh ủy Bến Tre",
		},
		{
			name: "council resolution header",
			text: "HỘI ĐỒNG NHÂN DÂN TỈNH BẾN TRE\nSố: 15/2023/NQ-HĐND\nBến Tre, ngày 6 tháng 12 năm 2023\nNGHỊ QUYẾT\nVề nhiệm vụ năm 2024\nĐiều 1. Một.",
			kind: model.KindResolution, title: "Nghị quyết về nhiệm vụ năm 2024", number: "15/2023/NQ-HĐND", date: "2023-12-06", issuer: "Hội đồng nhân dân tỉnh Bến Tre",
		},
		{
			name: "closing formula only",
			text: "Điều 1. Một.\nNghị quyết này đã được Hội đồng nhân dân tỉnh Vĩnh Long khóa X, kỳ họp thứ 5 thông qua ngày 10/7/2024.",
			kind: model.KindResolution, title: "Nghị quyết của Hội đồng nhân dân tỉnh Vĩnh Long", date: "2024-07-10", issuer: "Hội đồng nhân dân tỉnh Vĩnh Long",
		},
		{
			// No header: the implementation article names the matter.
			name: "fragment with its implementation article",
			text: "2. Các chỉ tiêu\na) Tăng trưởng 6%;\nĐiều 3. Tổ chức thực hiện\n1. Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết này.\n2. Ủy ban nhân dân tỉnh tổ chức triển khai có hiệu quả các giải pháp phát triển du lịch cộng đồng năm 2026. Trong quá trình thực hiện, báo cáo.\nNghị quyết này đã được Hội đồng nhân dân tỉnh Vĩnh Long khóa X, kỳ họp thứ 5 thông qua ngày 10/7/2024.",
			kind: model.KindResolution, title: "Nghị quyết về giải pháp phát triển du lịch cộng đồng năm 2026", date: "2024-07-10", issuer: "Hội đồng nhân dân tỉnh Vĩnh Long",
		},
		{
			// No header: the first part (I.) names the bulletin's matter;
			// an article, a sentence or a fragment's "II." does not.
			name: "bulletin without a header",
			text: "I. HỌC TẬP VÀ LÀM THEO BÁC HỒ\n1. Bài một\nNội dung.\nII. NỘI DUNG SINH HOẠT TẠI CHI BỘ\nx",
			kind: model.KindBulletin, title: "Tài liệu sinh hoạt chi bộ: Học tập và làm theo Bác Hồ",
		},
		{
			name: "bulletin fragment",
			text: "II. NỘI DUNG SINH HOẠT TẠI CHI BỘ\n1. Bài một\nNội dung.",
			kind: model.KindBulletin, title: "Tài liệu sinh hoạt chi bộ",
		},
		{
			name: "appendix of a report",
			text: "PHỤ LỤC 3\nDanh sách công trình (kèm theo Báo cáo số 12-BC/HU ngày 5/1/2024 của Ban Thường vụ Huyện uỷ)\nSTT\tTên\tGhi chú",
			kind: model.KindAppendix, title: "Phụ lục 3: Danh sách công trình", number: "12-BC/HU", date: "2024-01-05", issuer: "Ban Thường vụ Huyện ủy",
		},
		{
			name: "bulletin cover",
			text: "TÀI LIỆU SINH HOẠT CHI BỘ\nTHÁNG 12/2023\nI. NỘI DUNG\nx",
			kind: model.KindBulletin, title: "Tài liệu sinh hoạt chi bộ tháng 12/2023",
		},
		{
			// Type and subject on one line (545/HD-BTV of the notaries'
			// association, printed to PDF): the title names the kind.
			name: "type sharing the subject's line",
			text: "HIỆP HỘI\nCÔNG CHỨNG VIÊN VIỆT NAM\nBAN THƯỜNG VỤ\nSố: 545 /HD-BTV\nHướng dẫn một số nội dung liên quan đến hợp nhất Hội công chứng viên\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nHà Nội, ngày 29 tháng 7 năm 2025\n1. Hình thức Đại hội\nNội dung.",
			kind: model.KindGuidance, title: "Hướng dẫn một số nội dung liên quan đến hợp nhất Hội công chứng viên", number: "545/HD-BTV", date: "2025-07-29", issuer: "Ban Thường vụ Hiệp hội công chứng viên Việt Nam",
		},
		{
			// A caps type line with no header around it.
			name: "caps guidance line without a header",
			text: "HƯỚNG DẪN\nTHỰC HIỆN QUY TRÌNH KẾT NẠP ĐẢNG VIÊN\n1. Chuẩn bị\nNội dung.",
			kind: model.KindGuidance, title: "Hướng dẫn thực hiện quy trình kết nạp đảng viên",
		},
		{
			// The type line carries the number (án lệ, HĐTP resolutions);
			// a footnote's mark after it is no part of either.
			name: "type and number on one line",
			text: "ÁN LỆ SỐ 43/2021/AL¹\nVề hiệu lực của hợp đồng thế chấp\nĐược Hội đồng Thẩm phán Tòa án nhân dân tối cao thông qua ngày 24 tháng 02 năm 2021 và được công bố theo Quyết định số 42/QĐ-CA.\n1. Nội dung.",
			kind: model.KindLaw, title: "Án lệ số 43/2021/AL về hiệu lực của hợp đồng thế chấp", number: "43/2021/AL",
		},
		{
			// A law's type line alone, its trích yếu in capitals below.
			name: "law type line without a header",
			text: "LUẬT\nSỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA LUẬT QUẢN LÝ, SỬ DỤNG VŨ KHÍ\nCăn cứ Hiến pháp;\nĐiều 1. Một.",
			kind: model.KindLaw, title: "Luật sửa đổi, bổ sung một số điều của Luật Quản lý, sử dụng vũ khí",
		},
		{
			// Hướng dẫn 06-HD/TW without its header: the legal grounds are
			// no title, the enacting sentence names type and matter.
			name: "fragment opening on its legal grounds",
			text: "- Căn cứ Quy định số 294-QĐ/TW ngày 26/5/2025 của Ban Chấp hành Trung ương;\n- Căn cứ Quy chế làm việc,\nBan Bí thư hướng dẫn một số vấn đề cụ thể thi hành Điều lệ Đảng như sau:\n1. Tuổi đời\nNội dung.",
			kind: model.KindGuidance, title: "Hướng dẫn một số vấn đề cụ thể thi hành Điều lệ Đảng",
		},
		{
			// A page cut from a guide: it opens mid-sentence, then a list
			// item; its first heading names it, without its list number.
			name: "page opening mid-sentence",
			text: "hiệu nhà trường thì do cấp uỷ nhà trường xem xét, đề nghị kết nạp.\n- Nếu thời gian làm việc từ đủ 12 tháng trở lên thì xem xét.\nb) Nơi người làm hợp đồng lao động không có tổ chức đảng\nBan thường vụ giới thiệu.",
			kind: model.KindOther, title: "Nơi người làm hợp đồng lao động không có tổ chức đảng",
		},
		{
			name: "excerpt opening on a numbered heading",
			text: "2. Điều 3: Về quyền của đảng viên\n2.1. Quyền được thông tin\nNội dung.",
			kind: model.KindOther, title: "Điều 3: Về quyền của đảng viên",
		},
		{
			// A scan whose first page has no text: the e-signature box
			// is no title, the first heading is.
			name: "signature box before the text",
			text: "Người ký: Sở Y tế Email: syt@tphcm.gov.vn Cơ quan: Thành phố Hồ Chí Minh\nThời gian ký: 09.02.2021 12:16:11 +07:00 - Phát hiện những quy định trái pháp luật.\nII. ĐỐI TƯỢNG VÀ THỜI GIAN:\n1. Đối tượng thực hiện:\nCác văn bản.",
			kind: model.KindOther, title: "Đối tượng và thời gian",
		},
		{
			name: "plain note",
			text: "Ghi chú họp chi bộ\nNội dung trao đổi.",
			kind: model.KindOther, title: "Ghi chú họp chi bộ",
		},
		{
			name: "impossible dates are not dates",
			text: "Bến Tre, ngày 45 tháng 13 năm 2023\nx",
			kind: model.KindOther, title: "Bến Tre, ngày 45 tháng 13 năm 2023",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Parse("x.txt", []byte(tt.text))
			if err != nil {
				t.Fatal(err)
			}
			if d.Kind != tt.kind || d.Title != tt.title || d.Number != tt.number || d.Date != tt.date || d.Issuer != tt.issuer {
				t.Errorf("got kind %s title %q number %q date %q issuer %q\nwant     %s %q %q %q %q",
					d.Kind, d.Title, d.Number, d.Date, d.Issuer, tt.kind, tt.title, tt.number, tt.date, tt.issuer)
			}
		})
	}
}

func TestSentenceCase(t *testing.T) {
	tests := map[string]string{
		"VỀ BỔ SUNG MỘT SỐ NHIỆM VỤ NĂM 2023":                "Về bổ sung một số nhiệm vụ năm 2023",
		"THỰC HIỆN KẾT LUẬN SỐ 01-KL/TW CỦA BỘ CHÍNH TRỊ":    "Thực hiện Kết luận số 01-KL/TW của Bộ Chính trị",
		"HỘI ĐỒNG NHÂN DÂN TỈNH BẾN TRE":                     "Hội đồng nhân dân tỉnh Bến Tre",
		"BAN TUYÊN GIÁO TỈNH ỦY QUẢNG NAM":                   "Ban tuyên giáo Tỉnh ủy Quảng Nam",
		"ĐẢNG UỶ XÃ PHÚ HƯNG":                                "Đảng uỷ xã Phú Hưng",
		"ĐẠI HỘI XI ĐẢNG BỘ TỈNH":                            "Đại hội XI Đảng bộ tỉnh",
		"HỘI NGHỊ APEC VÀ HĐND":                              "Hội nghị APEC và HĐND",
		"QUY TRÌNH KẾT NẠP ĐẢNG VIÊN":                        "Quy trình kết nạp đảng viên",
		"THI HÀNH ĐIỀU LỆ ĐẢNG":                              "Thi hành Điều lệ Đảng",
		"HỘI ĐỒNG THẨM PHÁN TÒA ÁN NHÂN DÂN TỐI CAO":         "Hội đồng thẩm phán Tòa án nhân dân tối cao",
		"NGHỊ ĐỊNH HƯỚNG DẪN THI HÀNH BỘ LUẬT DÂN SỰ":        "Nghị định hướng dẫn thi hành Bộ luật Dân sự",
		"SỬA ĐỔI MỘT SỐ ĐIỀU CỦA LUẬT ĐẤT ĐAI VÀ LUẬT NHÀ Ở": "Sửa đổi một số điều của Luật Đất đai và Luật Nhà ở",
		"HƯỚNG DẪN THI HÀNH LUẬT NÀY":                        "Hướng dẫn thi hành luật này",
		"DỰ ÁN LUẬT VÀ PHÁP LỆNH":                            "Dự án luật và pháp lệnh",
	}
	for in, want := range tests {
		if got := sentenceCase(in); got != want {
			t.Errorf("sentenceCase(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestHeaderLayouts reads the document header laid out as Nghị định
// 30/2020/NĐ-CP and Hướng dẫn 36-HD/VPTW have it, in the shapes readers
// give it: columns one after the other, both columns on one line, lost
// line breaks, spaced numbers, drafts without a day.
func TestHeaderLayouts(t *testing.T) {
	tests := []struct {
		name                           string
		lines                          []string
		title, number, date, issuerHas string
	}{
		{"party, columns in turn", []string{"BAN CHẤP HÀNH TRUNG ƯƠNG", "BAN TỔ CHỨC", "*", "Số 38 - HD/BTCTW", "ĐẢNG CỘNG SẢN VIỆT NAM", "Hà Nội, ngày 29 tháng 9 năm 2025", "HƯỚNG DẪN", "nghiệp vụ công tác đảng viên", "-----", "Căn cứ Điều lệ Đảng"},
			"Hướng dẫn nghiệp vụ công tác đảng viên", "38-HD/BTCTW", "2025-09-29", "Ban Tổ chức Trung ương"},
		{"state, one line per row", []string{"QUỐC HỘI CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "------- Độc lập - Tự do - Hạnh phúc", "Luật số: 50/2019/QH14 Hà Nội, ngày 25 tháng 11 năm 2019", "LUẬT", "SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA LUẬT QUẢN LÝ, SỬ DỤNG VŨ KHÍ", "Căn cứ Hiến pháp"},
			"Luật sửa đổi, bổ sung một số điều của Luật Quản lý, sử dụng vũ khí", "50/2019/QH14", "2019-11-25", "Quốc hội"},
		{"lost breaks, draft date", []string{"ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG -------- Số: /BC-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc", "Lâm Đồng, ngày tháng 3 năm 2026", "BÁO CÁO", "Công tác cải cách hành chính quý I năm 2026", "I. KẾT QUẢ"},
			"Báo cáo công tác cải cách hành chính quý I năm 2026", "", "", "Ủy ban nhân dân tỉnh Lâm Đồng"},
		{"parent and department on one line", []string{"BAN CHẤP HÀNH TRUNG ƯƠNG VĂN PHÒNG", "*", "Số 36-HD/VPTW", "ĐẢNG CỘNG SẢN VIỆT NAM", "HƯỚNG DẪN", "thể thức và kỹ thuật trình bày văn bản của Đảng"},
			"Hướng dẫn thể thức và kỹ thuật trình bày văn bản của Đảng", "36-HD/VPTW", "", "Văn phòng Trung ương"},
		{"petition: motto only", []string{"CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập – Tự do – Hạnh phúc", "ĐƠN YÊU CẦU KHÔNG HOÀ GIẢI TẠI TRUNG TÂM HOÀ GIẢI", "Kính gửi: Tòa án nhân dân huyện A"},
			"Đơn yêu cầu không hoà giải tại trung tâm hoà giải", "", "", ""},
		{"columns row by row, place on the next line", []string{"VĂN PHÒNG UBND TỈNH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "BÌNH THUẬN Độc lập - Tự do - Hạnh phúc", "PHÒNG NCKSTTHC", "Bình Thuận, ngày 05 tháng 12 năm 2024", "PHIẾU TRÌNH GIẢI QUYẾT CÔNG VIỆC", "Kính gửi:"},
			"Phiếu trình giải quyết công việc", "", "2024-12-05", "Phòng NCKSTTHC"},
		{"e-office stamps the day and month", []string{"BỘ NỘI VỤ", "Số: 1187 /QĐ-BNV", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Hà Nội, ngày tháng năm 2025", "15 10", "QUYẾT ĐỊNH", "Phê duyệt Đề án “Xác định Chỉ số cải cách hành chính”", "BỘ TRƯỞNG BỘ NỘI VỤ"},
			"Quyết định phê duyệt Đề án “Xác định Chỉ số cải cách hành chính”", "1187/QĐ-BNV", "2025-10-15", "Bộ nội vụ"},
		{"a title over a table", []string{"Số: 666/TTr-SNV; 22/12/2025; 18:56:39; +07:00", "PHỤ LỤC", "TỔNG HỢP Ý KIẾN GÓP Ý", "STT", "Nội dung góp ý"},
			"Phụ lục tổng hợp ý kiến góp ý", "666/TTr-SNV", "", ""},
		// An e-office export (iTextSharp): the left column's second row
		// joined after the motto, a stray 1-point "(", a stop typed after
		// the number, the day and month stamped below the date line.
		{"e-office rows joined after the motto", []string{"UỶ BAN NHÂN DÂN CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM THỊ XÃ BỈM SƠN", "Số:3070. /KH-UBND", "(", "Độc lập - Tự do - Hạnh phúc", "Bỉm Sơn, ngày tháng năm 2024", "09 9", "KẾ HOẠCH", "Khắc phục những tồn tại, hạn chế năm 2024", "Thực hiện Công văn số 1781-CV/TU ngày 27/8/2024 của Tỉnh uỷ Thanh Hoá về việc triển khai thực hiện các nội dung theo Kết luận số 17/KL-BCA-A03 của Bộ Công an,"},
			"Kế hoạch khắc phục những tồn tại, hạn chế năm 2024", "3070/KH-UBND", "2024-09-09", "Ủy ban nhân dân thị xã Bỉm Sơn"},
		{"công văn", []string{"UBND TỈNH BẾN TRE", "SỞ NỘI VỤ", "Số: 12/SNV-CCHC", "V/v triển khai Kế hoạch cải cách hành chính", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Bến Tre, ngày 5 tháng 3 năm 2024"},
			"Công văn về việc triển khai Kế hoạch cải cách hành chính", "12/SNV-CCHC", "2024-03-05", "Sở nội vụ"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := readHeader(tt.lines)
			if h.title() != tt.title || h.number != tt.number || h.date != tt.date || (tt.issuerHas != "" && !strings.EqualFold(h.issuer, tt.issuerHas)) {
				t.Errorf("got title %q number %q date %q issuer %q\nwant      %q        %q      %q        %q", h.title(), h.number, h.date, h.issuer, tt.title, tt.number, tt.date, tt.issuerHas)
			}
		})
	}
}

// TestGazetteHeader reads the one-block header of Công báo and the legal
// databases, and gives the issuer its capitals.
func TestGazetteHeader(t *testing.T) {
	h, ok := gazetteHeader([]string{"THÔNG TƯ", "CỦA BỘ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN SỐ 03/2010/TT-BNNPTNT", "NGÀY 15 THÁNG 01 NĂM 2010", "HƯỚNG DẪN ÁP DỤNG TIÊU CHUẨN QUỐC GIA", "ĐỐI VỚI CÀ PHÊ NHÂN", "BỘ TRƯỞNG BỘ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN", "Căn cứ Nghị định"})
	if !ok || h.title() != "Thông tư hướng dẫn áp dụng tiêu chuẩn quốc gia đối với cà phê nhân" || h.number != "03/2010/TT-BNNPTNT" ||
		h.date != "2010-01-15" || h.issuer != "Bộ Nông nghiệp và Phát triển nông thôn" {
		t.Errorf("got %v title %q number %q date %q issuer %q", ok, h.title(), h.number, h.date, h.issuer)
	}
	if _, ok := gazetteHeader([]string{"Chi bộ họp ngày 5 tháng 12 năm 2026.", "Căn cứ Điều lệ Đảng"}); ok {
		t.Error("a sentence read as a gazette header")
	}
}

// TestKindOfType files documents by the type their header states.
func TestKindOfType(t *testing.T) {
	for typ, want := range map[string]model.Kind{
		"Nghị quyết": model.KindResolution, "Quyết định": model.KindDecision, "Chỉ thị": model.KindDecision,
		"Hướng dẫn": model.KindGuidance, "Kế hoạch": model.KindPlan, "Bộ luật": model.KindLaw, "Nghị định": model.KindLaw,
		"Thông tư": model.KindLaw, "Công văn": model.KindLetter, "Giấy mời": model.KindLetter, "Báo cáo": model.KindReport,
		"Đơn yêu cầu không hoà giải": model.KindOther, "": "",
	} {
		if got := kindOfType(typ); got != want {
			t.Errorf("kindOfType(%q) = %q, want %q", typ, got, want)
		}
	}
}

// TestClosingTextOneLine — issue 9: a one-line text holding the closing
// formula's key thousands of times is read in linear time (each key used
// to re-read the line from its start: a 60 MB one-line file took minutes),
// and the formula opening a line is still found.
func TestClosingTextOneLine(t *testing.T) {
	var b strings.Builder
	b.WriteString("Chi bộ họp định kỳ hằng tháng. ")
	for b.Len() < 2<<20 {
		b.WriteString("Văn bản này được các đảng viên thông qua ngày 5 tháng 3 năm 2024 tại hội nghị chi bộ. ")
	}
	long := b.String()
	formula := "Nghị quyết này đã được Hội đồng nhân dân tỉnh khóa X thông qua ngày 7 tháng 7 năm 2023"
	done := make(chan string, 1)
	go func() { done <- closingText(long + "\n" + formula + ".\n" + long) }()
	select {
	case got := <-done:
		if !strings.HasPrefix(got, formula) {
			t.Fatalf("closing formula %q, want %q", got, formula)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("closingText on 4 MB of one-line text: over 20 s (quadratic)")
	}
}
