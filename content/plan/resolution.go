package plan

import (
	"fmt"
	"strconv"
	"strings"

	"chibo/content/safetext"
)

// ResolutionBlocks is the draft nghị quyết chi bộ. No national template
// exists; the form follows Hướng dẫn 36-HD/VPTW: the heading "ĐẢNG ỦY XÃ …
// / CHI BỘ … / Số …-NQ/CB" with the place-and-date line, the opening
// paragraph with attendance and duration, I. the assessment of the month
// assessed (a table of the carried tasks with owner, deadline and result),
// II. the tasks for the next month with owner and deadline, III. the
// organisation, the self-assessment of the meeting's quality and the vote.
// The months come from AssessedMonth and TasksMonth.
func (p *Plan) ResolutionBlocks() []block {
	var out []block
	add := func(b ...block) { out = append(out, b...) }
	para := func(class string, sp []span) block { return block{Kind: bPara, Class: class, Spans: sp} }
	line := para(cBlank, txt(dots))
	assessed, next := MonthLabel(p.AssessedMonth()), MonthLabel(p.TasksMonth())

	upper := CommitteeHeader(p.Party)
	if upper == "" {
		upper = "ĐẢNG ỦY " + blank
	}
	num := strings.TrimSpace(p.Record.Number)
	if num == "" {
		num = "……"
	}
	add(p.header(upper, "Số "+num+"-NQ/CB"))
	add(para(cTitle, bold("NGHỊ QUYẾT")))
	switch p.Kind {
	case KindTopical:
		sub := "Sinh hoạt chi bộ chuyên đề tháng " + MonthLabel(MonthOf(p.Month))
		if p.Record.Topic != "" {
			sub += ": " + p.Record.Topic
		}
		add(para(cSub, bold(sub)))
	default:
		add(para(cSub, bold("về kết quả thực hiện nhiệm vụ tháng "+assessed+" và nhiệm vụ tháng "+next)))
	}
	add(para(cCenter, txt("-----")))
	add(para("", txt("Căn cứ Điều lệ Đảng và Quy chế làm việc của chi bộ;")))
	add(para("", txt("Căn cứ chương trình công tác của "+p.partySentence()+";")))
	add(para("", txt(p.openingSentence()+".")))
	add(para(cCenter, bold("QUYẾT NGHỊ")))

	if p.Kind == KindTopical {
		add(block{Kind: bHeading, Level: 2, Spans: txt("I. NHẬN THỨC, KẾT QUẢ QUÁN TRIỆT CHUYÊN ĐỀ")})
		add(line, line, line)
		add(block{Kind: bHeading, Level: 2, Spans: txt("II. NHIỆM VỤ, GIẢI PHÁP THỰC HIỆN")})
	} else {
		add(block{Kind: bHeading, Level: 2, Spans: txt("I. ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG " + assessed)})
		if len(p.Carried) > 0 {
			add(p.carriedTable())
		} else {
			add(para(cHint, ital("(Chưa có nhiệm vụ nào được chuyển từ nghị quyết tháng trước.)")))
		}
		add(para("", bold("1. Ưu điểm")))
		add(line, line)
		add(para("", bold("2. Hạn chế, nguyên nhân")))
		add(line, line)
		add(block{Kind: bHeading, Level: 2, Spans: txt("II. NHIỆM VỤ, GIẢI PHÁP THÁNG " + next)})
	}
	rows := [][][]span{{bold("STT"), bold("Nhiệm vụ"), bold("Đảng viên phụ trách"), bold("Thời hạn")}}
	fill := len(p.Tasks) == 0
	for i, t := range p.Tasks {
		rows = append(rows, [][]span{txt(strconv.Itoa(i + 1)), txt(t.Text), txt(t.Owner), txt(ShowDate(t.Due))})
	}
	for i := len(p.Tasks) + 1; fill && i <= 5; i++ {
		rows = append(rows, [][]span{txt(strconv.Itoa(i)), txt(""), txt(""), txt("")})
	}
	add(block{Kind: bTable, Class: cGrid, Header: true, Fill: fill, Rows: rows, Widths: []int{8, 50, 25, 17}})

	add(block{Kind: bHeading, Level: 2, Spans: txt("III. TỔ CHỨC THỰC HIỆN")})
	add(para("", txt("Chi ủy (bí thư chi bộ) chỉ đạo, đôn đốc đảng viên thực hiện nghị quyết; đảng viên được phân công có trách nhiệm thực hiện và báo cáo kết quả tại kỳ sinh hoạt sau.")))
	add(para("", bold("Tự đánh giá chất lượng buổi sinh hoạt: ")))
	var marks []string
	for _, g := range Grades {
		box := "☐"
		if g == p.Record.Grade {
			box = "☒"
		}
		marks = append(marks, box+" "+g)
	}
	add(para("", txt(strings.Join(marks, "   "))))
	if r := strings.TrimSpace(p.Record.Rubric); r != "" {
		add(para(cSmall, ital("Tiêu chí của chi bộ: "+r)))
	}
	add(para("", txt("Nghị quyết được chi bộ biểu quyết thông qua: "+p.voteLine()+".")))
	add(signature([]string{"Nơi nhận:", "- " + orDots(CommitteeInline(p.Party), "Đảng ủy "+blank) + " (để báo cáo),", "- Đảng viên trong chi bộ,", "- Lưu chi bộ."},
		[]string{"T/M CHI BỘ", "BÍ THƯ", "(Ký, ghi rõ họ tên)"}))
	return out
}

// CommitteeInline names the committee inside a sentence: "Đảng ủy xã Tân
// Phú".
func CommitteeInline(name string) string { return with("Đảng ủy", PartyBare(name)) }

// openingSentence is "Ngày 05/12/2026, tại …, Chi bộ ấp Phú Lợi họp
// sinh hoạt thường kỳ từ 19 giờ 30 đến 21 giờ 05 (95 phút); tổng số …".
func (p *Plan) openingSentence() string {
	when := "Ngày …/…/20……"
	if t, ok := p.DateOf(); ok {
		when = "Ngày " + t.Format("02/01/2006")
	}
	s := when + ", tại " + orBlank(p.Place) + ", " + p.cellSentence() + " họp sinh hoạt " + p.Kind.Label()
	d, measured := p.Duration()
	if measured {
		s += fmt.Sprintf(" từ %s đến %s (%d phút)", clockText(p.Record.Start), clockText(p.Record.End), d)
	} else {
		s += fmt.Sprintf(", thời lượng %d phút", d)
	}
	s += "; " + p.attendanceLine()
	if p.Kind != KindRegular && strings.TrimSpace(p.Record.Topic) != "" {
		s += "; chi bộ nghe đồng chí " + orDots(p.Record.Presenter, blank) + " trình bày chuyên đề “" + strings.TrimSpace(p.Record.Topic) + "” và thảo luận"
	}
	return s
}

// MinutesMarkdown and ResolutionMarkdown render the minutes and the
// resolution alone, as Markdown (the CLI prints them; the pack includes
// them after the programme).
func MinutesMarkdown(p *Plan) []byte { return renderMD(p.MinutesBlocks()) }

// ResolutionMarkdown renders the resolution alone as Markdown.
func ResolutionMarkdown(p *Plan) []byte { return renderMD(p.ResolutionBlocks()) }

func renderMD(bs []block) []byte {
	var b strings.Builder
	for _, bl := range bs {
		mdBlock(&b, bl, "")
	}
	return []byte(safetext.Strip(strings.TrimSpace(b.String())) + "\n")
}
