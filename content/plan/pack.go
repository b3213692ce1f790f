package plan

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// The meeting pack is written once, as blocks, and rendered three ways
// (Markdown, HTML, docx), so the three files always say the same thing. It
// is in Vietnamese whatever the UI language: it is an official document of
// the cell.

// Blank is the dotted leader printed where the secretary writes by hand.
const blank = "…………………"

// dots is a whole line to write on: 35 ellipses fill the 165 mm between
// the margins in 13 pt Times without wrapping.
var dots = strings.Repeat("…", 35)

// MissingSource is printed (and shown in UIs) next to an excerpt whose
// document or section is no longer in the library.
const MissingSource = "nguồn không còn trong thư viện"

func (p *Plan) cellName() string {
	if strings.TrimSpace(p.Cell) != "" {
		return "CHI BỘ " + strings.ToUpper(strings.TrimSpace(p.Cell))
	}
	return "CHI BỘ " + blank
}

func (p *Plan) partyName() string {
	if strings.TrimSpace(p.Party) != "" {
		return "ĐẢNG BỘ " + strings.ToUpper(strings.TrimSpace(p.Party))
	}
	return "ĐẢNG BỘ " + blank
}

// monthLabel is "11/2026" for the key 2026-11…; offset moves by months.
func monthLabel(key string, offset int) string {
	t, err := time.Parse("2006-01", MonthOf(key))
	if err != nil {
		return blank
	}
	t = t.AddDate(0, offset, 0)
	return strconv.Itoa(int(t.Month())) + "/" + strconv.Itoa(t.Year())
}

// dateLine is "ngày 25 tháng 11 năm 2026", or blanks when the date is unset.
func dateLine(iso string) string {
	if t, err := time.Parse("2006-01-02", iso); err == nil {
		return fmt.Sprintf("ngày %d tháng %d năm %d", t.Day(), int(t.Month()), t.Year())
	}
	return "ngày …… tháng …… năm " + "20……"
}

func orBlank(s string) string {
	if strings.TrimSpace(s) == "" {
		return blank
	}
	return strings.TrimSpace(s)
}

// masthead is the two-column heading of a party document: the issuing
// committee on the left, the party's name and the place and date on the
// right (Hướng dẫn 36-HD/VPTW on the form of party documents).
func (p *Plan) masthead(number string) block {
	left := []block{
		{Kind: bPara, Class: cCenter, Spans: txt(p.partyName())},
		{Kind: bPara, Class: cCenter, Spans: bold(p.cellName())},
		{Kind: bPara, Class: cCenter, Spans: txt("*")},
	}
	if number != "" {
		left = append(left, block{Kind: bPara, Class: cCenter, Spans: txt(number)})
	}
	right := []block{
		{Kind: bPara, Class: cCenter, Spans: bold("ĐẢNG CỘNG SẢN VIỆT NAM")},
		{Kind: bPara, Class: cCenter, Spans: ital(orBlankPlace(p.Place) + ", " + dateLine(p.Date))},
	}
	return block{Kind: bMasthead, Widths: []int{42, 58}, Children: []block{
		{Kind: bQuote, Children: left},
		{Kind: bQuote, Children: right},
	}}
}

// orBlankPlace is the place name for the date line ("Xã A, ngày …").
func orBlankPlace(place string) string {
	if strings.TrimSpace(place) == "" {
		return "……………"
	}
	return strings.TrimSpace(place)
}

// Pack builds the meeting pack: programme, agenda with time budget, the
// excerpts and notes of each item, then the templates of the minutes and of
// the resolution, each on its own page.
func (p *Plan) pack() []block {
	var out []block
	add := func(b ...block) { out = append(out, b...) }
	para := func(class string, sp []span) block { return block{Kind: bPara, Class: class, Spans: sp} }

	add(p.masthead(""))
	add(para(cTitle, bold("CHƯƠNG TRÌNH SINH HOẠT CHI BỘ")))
	add(para(cSub, bold(strings.TrimSpace(p.Title))))

	add(block{Kind: bHeading, Level: 2, Spans: txt("I. THÔNG TIN CHUNG")})
	add(block{Kind: bList, Items: [][]span{
		labelled("Hình thức: ", "sinh hoạt "+p.Kind.Label()),
		labelled("Thời gian: ", timeLine(p.Date)),
		labelled("Địa điểm: ", orBlank(p.Place)),
		labelled("Chủ trì: ", "đồng chí "+blank),
		labelled("Thư ký: ", "đồng chí "+blank),
	}})

	add(block{Kind: bHeading, Level: 2, Spans: txt("II. CHƯƠNG TRÌNH VÀ THỜI LƯỢNG")})
	rows := [][][]span{{bold("STT"), bold("Nội dung"), bold("Thời lượng")}}
	for i, it := range p.Items {
		rows = append(rows, [][]span{txt(strconv.Itoa(i + 1)), txt(it.Title), txt(minutes(it.Minutes))})
	}
	rows = append(rows, [][]span{txt(""), bold("Tổng thời lượng"), bold(minutes(p.TotalMinutes()))})
	add(block{Kind: bTable, Class: cGrid, Header: true, Rows: rows, Widths: []int{8, 72, 20}})
	if p.Kind == KindRegular && p.TotalMinutes() < MinMeetingMinutes {
		add(para(cWarn, ital(fmt.Sprintf("Lưu ý: buổi sinh hoạt chi bộ thường kỳ cần ít nhất %d phút; chương trình hiện có %d phút.", MinMeetingMinutes, p.TotalMinutes()))))
	}

	add(block{Kind: bHeading, Level: 2, Spans: txt("III. NỘI DUNG CHI TIẾT")})
	for i, it := range p.Items {
		add(block{Kind: bHeading, Level: 3, Spans: txt(fmt.Sprintf("%d. %s (%s)", i+1, it.Title, minutes(it.Minutes)))})
		if it.Hint != "" {
			add(para(cHint, ital(it.Hint)))
		}
		if strings.TrimSpace(it.Notes) != "" {
			add(para("", bold("Ghi chú của bí thư:")))
			add(parseMarkdown(it.Notes)...)
		}
		for j, x := range it.Excerpts {
			title := fmt.Sprintf("Tài liệu %d.%d", i+1, j+1)
			if h := x.Heading(); h != "" {
				title += ": " + h
			}
			body := parseMarkdown(x.Text)
			src := []span{{Text: "Nguồn: ", B: true}, {Text: x.Cite()}}
			if x.Missing {
				src = append(src, span{Text: " (" + MissingSource + ")", I: true})
			}
			children := append([]block{para("", bold(title))}, body...)
			children = append(children, para(cSource, src))
			class := ""
			if x.Missing {
				class = cMissing
			}
			add(block{Kind: bExcerpt, Class: class, Children: children, Raw: x.Text})
		}
		if strings.TrimSpace(it.Notes) == "" && len(it.Excerpts) == 0 {
			add(para(cBlank, txt(dots)))
		}
	}

	add(block{Kind: bPageBreak})
	add(p.minutesTemplate()...)
	add(block{Kind: bPageBreak})
	add(p.resolutionTemplate()...)
	return out
}

func labelled(label, value string) []span {
	return []span{{Text: label, B: true}, {Text: value}}
}

func minutes(n int) string { return strconv.Itoa(n) + " phút" }

func timeLine(date string) string {
	return "…… giờ …… phút, " + dateLine(date)
}

// minutesTemplate is the biên bản to fill in during the meeting.
func (p *Plan) minutesTemplate() []block {
	var out []block
	add := func(b ...block) { out = append(out, b...) }
	para := func(class string, sp []span) block { return block{Kind: bPara, Class: class, Spans: sp} }
	line := para(cBlank, txt(dots))

	add(p.masthead(""))
	add(para(cTitle, bold("BIÊN BẢN")))
	add(para(cSub, bold("Sinh hoạt chi bộ "+p.Kind.Label()+" tháng "+monthLabel(p.Month, 0))))
	add(block{Kind: bList, Items: [][]span{
		labelled("Thời gian: ", "bắt đầu lúc …… giờ …… phút, "+dateLine(p.Date)+"."),
		labelled("Địa điểm: ", orBlank(p.Place)+"."),
		labelled("Chủ trì: ", "đồng chí "+blank+", chức vụ "+blank+"."),
		labelled("Thư ký: ", "đồng chí "+blank+", chức vụ "+blank+"."),
		labelled("Đảng viên: ", "tổng số …… đồng chí; có mặt …… đồng chí; vắng mặt …… đồng chí (có lý do ……, không lý do ……); miễn sinh hoạt …… đồng chí."),
		labelled("Khách mời: ", blank+"."),
		labelled("Đảng phí: ", "đã thu …… đồng chí, số tiền …………… đồng."),
	}})
	add(block{Kind: bHeading, Level: 2, Spans: txt("NỘI DUNG SINH HOẠT")})
	for i, it := range p.Items {
		add(para("", bold(fmt.Sprintf("%d. %s", i+1, it.Title))))
		add(line, line)
	}
	add(block{Kind: bHeading, Level: 2, Spans: txt("Ý KIẾN PHÁT BIỂU")})
	for i := 0; i < 4; i++ {
		add(para(cBlank, txt("Đồng chí "+blank+": "+strings.Repeat("…", 22))))
		add(line)
	}
	add(block{Kind: bHeading, Level: 2, Spans: txt("KẾT LUẬN CỦA CHỦ TRÌ")})
	add(line, line, line)
	add(block{Kind: bHeading, Level: 2, Spans: txt("BIỂU QUYẾT")})
	add(para("", txt("Chi bộ biểu quyết thông qua nghị quyết: tán thành ……/…… đồng chí (đạt ……%); không tán thành …… đồng chí; ý kiến khác …… đồng chí.")))
	add(para("", txt("Buổi sinh hoạt kết thúc lúc …… giờ …… phút cùng ngày. Biên bản đã được đọc lại cho chi bộ nghe và thống nhất.")))
	add(signature([]string{"THƯ KÝ", "(Ký, ghi rõ họ tên)"}, []string{"CHỦ TRÌ", "(Ký, ghi rõ họ tên)"}))
	return out
}

// resolutionTemplate is the draft nghị quyết.
func (p *Plan) resolutionTemplate() []block {
	var out []block
	add := func(b ...block) { out = append(out, b...) }
	para := func(class string, sp []span) block { return block{Kind: bPara, Class: class, Spans: sp} }
	line := para(cBlank, txt(dots))
	this, next := monthLabel(p.Month, 0), monthLabel(p.Month, 1)

	add(p.masthead("Số ……-NQ/CB"))
	add(para(cTitle, bold("NGHỊ QUYẾT")))
	if p.Kind == KindTopical {
		add(para(cSub, bold("Sinh hoạt chi bộ chuyên đề tháng "+this)))
	} else {
		add(para(cSub, bold("Sinh hoạt chi bộ thường kỳ tháng "+this+", nhiệm vụ tháng "+next)))
	}
	add(para(cCenter, txt("-----")))
	add(para("", txt("Căn cứ Điều lệ Đảng và Quy chế làm việc của chi bộ;")))
	add(para("", txt("Căn cứ chương trình công tác của "+p.partyInline()+" và kết quả thực hiện nhiệm vụ tháng "+this+";")))
	add(para("", txt(dateLineCap(p.Date)+", "+p.cellInline()+" đã họp sinh hoạt "+p.Kind.Label()+". Có mặt ……/…… đảng viên.")))
	add(para(cCenter, bold("QUYẾT NGHỊ")))
	if p.Kind == KindTopical {
		add(block{Kind: bHeading, Level: 2, Spans: txt("I. NHẬN THỨC, KẾT QUẢ QUÁN TRIỆT CHUYÊN ĐỀ")})
		add(line, line, line)
		add(block{Kind: bHeading, Level: 2, Spans: txt("II. NHIỆM VỤ, GIẢI PHÁP THỰC HIỆN")})
	} else {
		add(block{Kind: bHeading, Level: 2, Spans: txt("I. ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG " + this)})
		add(para("", bold("1. Ưu điểm")))
		add(line, line)
		add(para("", bold("2. Hạn chế, nguyên nhân")))
		add(line, line)
		add(block{Kind: bHeading, Level: 2, Spans: txt("II. NHIỆM VỤ, GIẢI PHÁP THÁNG " + next)})
	}
	add(line, line, line)
	rows := [][][]span{{bold("STT"), bold("Nhiệm vụ"), bold("Đảng viên phụ trách"), bold("Thời hạn")}}
	for i := 1; i <= 5; i++ {
		rows = append(rows, [][]span{txt(strconv.Itoa(i)), txt(""), txt(""), txt("")})
	}
	add(para("", bold("Phân công thực hiện:")))
	add(block{Kind: bTable, Class: cGrid, Header: true, Fill: true, Rows: rows, Widths: []int{8, 50, 25, 17}})
	add(block{Kind: bHeading, Level: 2, Spans: txt("III. TỔ CHỨC THỰC HIỆN")})
	add(para("", txt("Chi uỷ (bí thư chi bộ) chỉ đạo, đôn đốc đảng viên thực hiện nghị quyết; đảng viên được phân công có trách nhiệm thực hiện và báo cáo kết quả tại kỳ sinh hoạt sau.")))
	add(para("", txt("Nghị quyết được ……/…… đảng viên có mặt biểu quyết tán thành (đạt ……%).")))
	add(signature([]string{"Nơi nhận:", "- " + p.partyInline() + " (để báo cáo),", "- Đảng viên trong chi bộ,", "- Lưu chi bộ."},
		[]string{"T/M CHI BỘ", "BÍ THƯ", "(Ký, ghi rõ họ tên)"}))
	return out
}

func dateLineCap(date string) string {
	s := dateLine(date)
	return "N" + s[1:]
}

// cellInline and partyInline name the cell and the party committee inside
// a sentence, as the secretary typed them ("Chi bộ thôn Đông").
func (p *Plan) cellInline() string { return "Chi bộ " + orBlank(p.Cell) }

func (p *Plan) partyInline() string { return "Đảng bộ " + orBlank(p.Party) }

// signature is a two-column block of lines: left (Nơi nhận / Thư ký),
// right (the signer).
func signature(left, right []string) block {
	col := func(lines []string, center bool) block {
		var bs []block
		for i, l := range lines {
			class := cSmall
			if center {
				class = cCenter
			}
			sp := txt(l)
			if i == 0 || (center && !strings.HasPrefix(l, "(")) {
				sp = bold(l)
			}
			if strings.HasPrefix(l, "(") {
				sp = ital(l)
			}
			bs = append(bs, block{Kind: bPara, Class: class, Spans: sp})
		}
		return block{Kind: bQuote, Children: bs}
	}
	leftCentered := len(left) > 0 && !strings.HasSuffix(left[0], ":")
	return block{Kind: bMasthead, Class: cSign, Children: []block{col(left, leftCentered), col(right, true)}}
}
