package plan

import (
	"fmt"
	"strconv"
	"strings"
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

func orBlank(s string) string {
	if strings.TrimSpace(s) == "" {
		return blank
	}
	return strings.TrimSpace(s)
}

// Pack builds the meeting pack: programme, agenda with time budget, the
// excerpts and notes of each item, then the templates of the minutes and of
// the resolution, each on its own page.
func (p *Plan) pack() []block {
	var out []block
	add := func(b ...block) { out = append(out, b...) }
	para := func(class string, sp []span) block { return block{Kind: bPara, Class: class, Spans: sp} }

	add(p.header(PartyHeader(p.Party), ""))
	add(para(cTitle, bold("CHƯƠNG TRÌNH SINH HOẠT CHI BỘ")))
	add(para(cSub, bold(strings.TrimSpace(p.Title))))

	add(block{Kind: bHeading, Level: 2, Spans: txt("I. THÔNG TIN CHUNG")})
	add(block{Kind: bList, Items: [][]span{
		labelled("Hình thức: ", "sinh hoạt "+p.Kind.Label()),
		labelled("Thời gian: ", p.timeLine()),
		labelled("Địa điểm: ", orBlank(p.Place)),
		labelled("Chủ trì: ", "đồng chí "+orDots(p.Record.Chair, blank)),
		labelled("Thư ký: ", "đồng chí "+orDots(p.Record.Secretary, blank)),
	}})

	add(block{Kind: bHeading, Level: 2, Spans: txt("II. CHƯƠNG TRÌNH VÀ THỜI LƯỢNG")})
	rows := [][][]span{{bold("STT"), bold("Nội dung"), bold("Thời lượng")}}
	for i, it := range p.Items {
		rows = append(rows, [][]span{txt(strconv.Itoa(i + 1)), txt(it.Title), txt(minutes(it.Minutes))})
	}
	rows = append(rows, [][]span{txt(""), bold("Tổng thời lượng"), bold(minutes(p.TotalMinutes()))})
	add(block{Kind: bTable, Class: cGrid, Header: true, Rows: rows, Widths: []int{8, 72, 20}})
	for _, w := range p.BudgetWarnings() {
		add(para(cWarn, ital(w.Text)))
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
			if h := x.PrintHeading(); h != "" {
				title += ": " + h
			}
			if x.Passage {
				title += " (trích)"
			}
			body := parseMarkdown(x.Text)
			// A source gone from the library is the secretary's concern
			// (shown in the app and on stderr), not the printed pack's.
			src := []span{{Text: "Nguồn: ", B: true}, {Text: x.Cite()}}
			children := append([]block{para("", bold(title))}, body...)
			children = append(children, para(cSource, src))
			add(block{Kind: bExcerpt, Children: children, Raw: x.Text})
		}
		if it.ID == ItemAssessment && len(p.Carried) > 0 {
			add(p.carriedTable())
		}
		if strings.TrimSpace(it.Notes) == "" && len(it.Excerpts) == 0 && !(it.ID == ItemAssessment && len(p.Carried) > 0) {
			add(para(cBlank, txt(dots)))
		}
	}

	add(block{Kind: bPageBreak})
	add(p.MinutesBlocks()...)
	add(block{Kind: bPageBreak})
	add(p.ResolutionBlocks()...)
	return out
}

func labelled(label, value string) []span {
	return []span{{Text: label, B: true}, {Text: value}}
}

func minutes(n int) string { return strconv.Itoa(n) + " phút" }

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
