package plan

import (
	"fmt"
	"strconv"
	"strings"
)

// Record is what the minutes (biên bản) and the resolution need beyond
// the agenda; the secretary fills it in before and during the meeting.
type Record struct {
	Number    string            `json:"number,omitempty"` // số of the resolution: "12" prints "Số 12-NQ/CB"
	Chair     string            `json:"chair,omitempty"`  // "Nguyễn Văn An, Bí thư chi bộ"
	Secretary string            `json:"secretary,omitempty"`
	Start     string            `json:"start,omitempty"` // "19:30"
	End       string            `json:"end,omitempty"`
	Dues      string            `json:"dues,omitempty"`  // đảng phí, as it is to be printed
	Views     map[string]string `json:"views,omitempty"` // agenda item ID → the speakers' views
	// Conclusion is the chair's conclusion.
	Conclusion string `json:"conclusion,omitempty"`
	// Topic is the thematic paper: its title, the member who prepared it
	// and the day the chi ủy approved it.
	Topic         string `json:"topic,omitempty"`
	Presenter     string `json:"presenter,omitempty"`
	TopicApproved string `json:"topicApproved,omitempty"`
	// Vote is the vote on the resolution; nil until counted.
	Vote *Vote `json:"vote,omitempty"`
	// Grade is the cell's self-assessment of the meeting's quality
	// (Tốt, Khá, Trung bình, Kém) and Rubric the cell's own criteria,
	// printed as they are: chibo invents no official weights.
	Grade  string `json:"grade,omitempty"`
	Rubric string `json:"rubric,omitempty"`
}

// Vote is the count of the vote on the resolution.
type Vote struct {
	For     int `json:"for"`
	Against int `json:"against"`
	Other   int `json:"other"`
}

// Grades are the quality levels of a meeting's self-assessment.
var Grades = []string{"Tốt", "Khá", "Trung bình", "Kém"}

// ParseGrade reads a grade in any case, with or without diacritics'
// ASCII forms ("tot", "kha", "trung-binh", "kem").
func ParseGrade(s string) (string, bool) {
	k := strings.ToLower(strings.Join(strings.Fields(s), " "))
	for i, ascii := range []string{"tot", "kha", "trung-binh", "kem"} {
		if k == strings.ToLower(Grades[i]) || k == ascii || k == strings.ReplaceAll(ascii, "-", " ") {
			return Grades[i], true
		}
	}
	return "", false
}

// Duration is the meeting's length in minutes from Record.Start and End
// ("19:30"–"21:05"), or the agenda's total when they are not both set.
func (p *Plan) Duration() (minutes int, measured bool) {
	s, ok1 := clock(p.Record.Start)
	e, ok2 := clock(p.Record.End)
	if ok1 && ok2 && e > s {
		return e - s, true
	}
	return p.TotalMinutes(), false
}

// clock reads "19:30", "19h30" or "19 giờ 30" into minutes after midnight.
func clock(s string) (int, bool) {
	s = strings.NewReplacer("giờ", ":", "h", ":", "g", ":", " ", "").Replace(strings.ToLower(strings.TrimSpace(s)))
	hs, ms, _ := strings.Cut(s, ":")
	h, err1 := strconv.Atoi(hs)
	m := 0
	var err2 error
	if ms != "" {
		m, err2 = strconv.Atoi(ms)
	}
	if err1 != nil || err2 != nil || h < 0 || h > 23 || m < 0 || m > 59 {
		return 0, false
	}
	return h*60 + m, true
}

// clockText is "19 giờ 30" for "19:30", dots when unset.
func clockText(s string) string {
	if t, ok := clock(s); ok {
		return fmt.Sprintf("%d giờ %02d", t/60, t%60)
	}
	return "…… giờ ……"
}

// dayText is "ngày 05 tháng 12 năm 2026", dotted while the date is unset.
func (p *Plan) dayText() string {
	if t, ok := p.DateOf(); ok {
		return fmt.Sprintf("ngày %02d tháng %02d năm %d", t.Day(), int(t.Month()), t.Year())
	}
	return "ngày …… tháng …… năm 20……"
}

// timeLine is "19 giờ 30, ngày 05 tháng 12 năm 2026" for the programme.
func (p *Plan) timeLine() string { return clockText(p.Record.Start) + ", " + p.dayText() }

// header is the two-column heading of the cell's documents: the upper
// committee and the cell on the left (with the number under them), the
// party's name and the place-and-date line on the right.
func (p *Plan) header(upper, number string) block {
	if upper == "" {
		upper = "ĐẢNG BỘ " + blank
	}
	cell := CellHeader(p.Cell)
	if cell == "" {
		cell = "CHI BỘ " + blank
	}
	left := []block{
		{Kind: bPara, Class: cCenter, Spans: txt(upper)},
		{Kind: bPara, Class: cCenter, Spans: bold(cell)},
		{Kind: bPara, Class: cCenter, Spans: txt("*")},
	}
	if number != "" {
		left = append(left, block{Kind: bPara, Class: cCenter, Spans: txt(number)})
	}
	right := []block{
		{Kind: bPara, Class: cCenter, Spans: bold("ĐẢNG CỘNG SẢN VIỆT NAM")},
		{Kind: bPara, Class: cCenter, Spans: ital(DateLine(p.Locality, p.Date))},
	}
	return block{Kind: bMasthead, Widths: []int{42, 58}, Children: []block{
		{Kind: bQuote, Children: left},
		{Kind: bQuote, Children: right},
	}}
}

func (p *Plan) cellSentence() string {
	if c := CellInline(p.Cell); c != "" {
		return c
	}
	return "Chi bộ " + blank
}

func (p *Plan) partySentence() string {
	if c := PartyInline(p.Party); c != "" {
		return c
	}
	return "Đảng bộ " + blank
}

func countOrDots(n int, known bool) string {
	if !known {
		return "……"
	}
	return strconv.Itoa(n)
}

// attendanceLine is "có mặt 12/14 đảng viên (chính thức 11, dự bị 1);
// vắng 2 (có lý do 1, không lý do 1); miễn sinh hoạt 1", dotted without a
// roll.
func (p *Plan) attendanceLine() string {
	c, k := p.Counts(), p.Roll != nil
	return fmt.Sprintf("tổng số %s đảng viên (chính thức %s, dự bị %s); có mặt %s/%s đồng chí (chính thức %s, dự bị %s); vắng %s đồng chí (có lý do %s, không lý do %s); miễn sinh hoạt %s đồng chí",
		countOrDots(c.Total, k), countOrDots(c.Official, k), countOrDots(c.Probationary, k),
		countOrDots(c.Present, k), countOrDots(c.Expected(), k), countOrDots(c.PresentOfficial, k), countOrDots(c.PresentProbationary, k),
		countOrDots(c.Excused+c.Absent, k), countOrDots(c.Excused, k), countOrDots(c.Absent, k), countOrDots(c.Exempt, k))
}

// absentees lists the members absent, with their reasons.
func (p *Plan) absentees() []string {
	if p.Roll == nil {
		return nil
	}
	var out []string
	for _, a := range p.Roll.People {
		switch a.Presence {
		case Excused:
			r := "có lý do"
			if a.Reason != "" {
				r += ": " + a.Reason
			}
			out = append(out, "đồng chí "+a.Name+" ("+r+")")
		case Absent:
			out = append(out, "đồng chí "+a.Name+" (không lý do)")
		}
	}
	return out
}

func orDots(s, dots string) string {
	if strings.TrimSpace(s) == "" {
		return dots
	}
	return strings.TrimSpace(s)
}

// voteLine is the vote as printed, dotted before it is counted.
func (p *Plan) voteLine() string {
	v := p.Record.Vote
	if v == nil {
		return "tán thành ……/…… đồng chí (đạt ……%); không tán thành …… đồng chí; ý kiến khác …… đồng chí"
	}
	// Out of those present; when the roll was not taken (or counts fewer
	// than voted), out of the votes cast.
	base := max(p.Counts().Present, v.For+v.Against+v.Other)
	pct := "……"
	if base > 0 {
		pct = strconv.FormatFloat(float64(v.For)*100/float64(base), 'f', 1, 64)
		pct = strings.Replace(strings.TrimSuffix(pct, ".0"), ".", ",", 1)
	}
	return fmt.Sprintf("tán thành %d/%d đồng chí (đạt %s%%); không tán thành %d đồng chí; ý kiến khác %d đồng chí", v.For, base, pct, v.Against, v.Other)
}

// MinutesBlocks is the biên bản: time, place, chair, secretary, guests,
// attendance (present/total, official and probationary, the absent with
// their reasons), each agenda item with the speakers' views the secretary
// typed, the chair's conclusion, the vote, the end time and signatures.
// Parts not filled in are dotted for handwriting.
func (p *Plan) MinutesBlocks() []block {
	var out []block
	add := func(b ...block) { out = append(out, b...) }
	para := func(class string, sp []span) block { return block{Kind: bPara, Class: class, Spans: sp} }
	line := para(cBlank, txt(dots))
	upper := PartyHeader(p.Party)

	add(p.header(upper, ""))
	add(para(cTitle, bold("BIÊN BẢN")))
	add(para(cSub, bold("Sinh hoạt chi bộ "+p.Kind.Label()+" tháng "+MonthLabel(MonthOf(p.Month)))))
	guests := blank
	if p.Roll != nil && len(p.Roll.Guests) > 0 {
		guests = strings.Join(p.Roll.Guests, "; ")
	}
	absent := "không"
	if a := p.absentees(); len(a) > 0 {
		absent = strings.Join(a, "; ")
	} else if p.Roll == nil {
		absent = blank
	}
	date := p.dayText()
	add(block{Kind: bList, Items: [][]span{
		labelled("Thời gian: ", "bắt đầu lúc "+clockText(p.Record.Start)+", "+date+"."),
		labelled("Địa điểm: ", orBlank(p.Place)+"."),
		labelled("Chủ trì: ", "đồng chí "+orDots(p.Record.Chair, blank)+"."),
		labelled("Thư ký: ", "đồng chí "+orDots(p.Record.Secretary, blank)+"."),
		labelled("Khách mời: ", guests+"."),
		labelled("Đảng viên: ", p.attendanceLine()+"."),
		labelled("Vắng mặt: ", absent+"."),
		labelled("Đảng phí: ", orDots(p.Record.Dues, "đã thu …… đồng chí, số tiền …………… đồng")+"."),
	}})
	add(block{Kind: bHeading, Level: 2, Spans: txt("NỘI DUNG SINH HOẠT")})
	for i, it := range p.Items {
		add(para("", bold(fmt.Sprintf("%d. %s", i+1, it.Title))))
		if it.ID == ItemAssessment && len(p.Carried) > 0 {
			add(p.carriedTable())
		}
		if it.ID == ItemTopic && p.Record.Topic != "" {
			s := "Chuyên đề: " + p.Record.Topic + " — đồng chí " + orDots(p.Record.Presenter, blank) + " trình bày"
			if d := ShowDate(p.Record.TopicApproved); d != "" {
				s += " (chi ủy thông qua ngày " + d + ")"
			}
			add(para("", txt(s+".")))
		}
		if v := strings.TrimSpace(p.Record.Views[it.ID]); v != "" {
			add(parseMarkdown(v)...)
		} else {
			add(line, line)
		}
	}
	add(block{Kind: bHeading, Level: 2, Spans: txt("KẾT LUẬN CỦA CHỦ TRÌ")})
	if c := strings.TrimSpace(p.Record.Conclusion); c != "" {
		add(parseMarkdown(c)...)
	} else {
		add(line, line, line)
	}
	add(block{Kind: bHeading, Level: 2, Spans: txt("BIỂU QUYẾT")})
	add(para("", txt("Chi bộ biểu quyết thông qua nghị quyết: "+p.voteLine()+".")))
	add(para("", txt("Buổi sinh hoạt kết thúc lúc "+clockText(p.Record.End)+" cùng ngày. Biên bản đã được đọc lại cho chi bộ nghe và thống nhất.")))
	add(signature([]string{"THƯ KÝ", "(Ký, ghi rõ họ tên)"}, []string{"CHỦ TRÌ", "(Ký, ghi rõ họ tên)"}))
	return out
}

// carriedTable is last month's tasks with owner, deadline and result.
func (p *Plan) carriedTable() block {
	rows := [][][]span{{bold("STT"), bold("Nhiệm vụ"), bold("Phụ trách"), bold("Thời hạn"), bold("Kết quả")}}
	for i, t := range p.Carried {
		rows = append(rows, [][]span{txt(strconv.Itoa(i + 1)), txt(t.Text), txt(t.Owner), txt(ShowDate(t.Due)), txt(t.Result)})
	}
	return block{Kind: bTable, Class: cGrid, Header: true, Rows: rows, Widths: []int{8, 33, 18, 16, 25}}
}
