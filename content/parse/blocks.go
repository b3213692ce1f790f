package parse

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"chibo/content/block"
	"chibo/content/model"
)

// Blocks builds the document of a reader's block stream: lines of PDF
// text are joined into paragraphs from their geometry, a header table is
// read as the document header, other tables are kept as markdown tables,
// and the paragraphs go through the same recogniser as plain text, with
// their style evidence. layout records how the source was read.
func Blocks(name string, bs []block.Block, layout model.Layout) *model.Document {
	paras, styled := toParas(bs)
	// bs is not used below: a long document's blocks are freed while the
	// recogniser builds its sections. The text (for the hash and the
	// header reader) is joined in one buffer, sized first.
	n := 0
	for i := range paras {
		p := &paras[i]
		if p.raw {
			for _, l := range p.headerLines() {
				n += len(l) + 1
			}
			continue
		}
		n += len(p.text) + 1
	}
	var sb strings.Builder
	sb.Grow(n)
	first := true
	line := func(l string) {
		if !first {
			sb.WriteByte('\n')
		}
		first = false
		sb.WriteString(l)
	}
	for i := range paras {
		p := &paras[i]
		if p.raw {
			for _, l := range p.headerLines() {
				line(l)
			}
			continue
		}
		line(p.text)
	}
	doc := finish(name, sb.String(), layout, structure(paras, styled))
	return doc
}

// toParas turns blocks into the recogniser's paragraphs; styled reports
// whether the blocks carry formatting evidence (bold, alignment, heading
// levels), which makes the recogniser ask for it.
func toParas(bs []block.Block) (paras []para, styled bool) {
	paras = make([]para, 0, len(bs)) // one each, mostly: no regrowth of a long document's
	for i := 0; i < len(bs); {
		b := bs[i]
		if b.Bold || b.Outline > 0 || b.Align != block.AlignUnknown || b.Title {
			styled = true
		}
		switch {
		case b.Kind == block.Para && b.Line:
			j := i
			for j < len(bs) && bs[j].Kind == block.Para && bs[j].Line {
				j++
			}
			paras = append(paras, reflowLines(bs[i:j])...)
			i = j
			continue
		case b.Kind == block.Table:
			paras = append(paras, tableParas(b, len(paras) == 0 || onlyHeader(paras))...)
		case b.Kind == block.Raw:
			md := strings.TrimSpace(b.Markdown)
			if md != "" {
				t := tidyText(model.PlainText(md))
				paras = append(paras, para{text: t, md: md, raw: true, extra: &paraExtra{headerLines: []string{t}}})
			}
		default:
			if p, ok := paraOf(b); ok {
				paras = append(paras, p)
			}
		}
		i++
	}
	return paras, styled
}

// onlyHeader reports whether the paragraphs so far are the header's: no
// body text has come yet, so a table here is the header table.
func onlyHeader(paras []para) bool {
	if len(paras) >= 12 {
		return false // checked first: a document of many tables asks at each
	}
	for _, p := range paras {
		if p.raw || utf8.RuneCountInString(p.text) > 120 {
			return false
		}
	}
	return len(paras) < 12
}

func paraOf(b block.Block) (para, bool) {
	t := tidyText(b.Text)
	if b.Text == "" && b.Markdown != "" {
		t = tidyText(model.PlainText(b.Markdown))
	}
	if t == "" {
		return para{}, false
	}
	md := strings.TrimSpace(b.Markdown)
	if md != "" && !strings.Contains(md, "*") && !strings.Contains(md, "[") && !strings.Contains(md, "`") && !strings.ContainsAny(md, "¹²³⁴⁵⁶⁷⁸⁹⁰") {
		md = "" // nothing the plain text lacks
	}
	if md != "" {
		md = strings.Join(strings.Fields(md), " ")
	}
	p := para{
		text:     t,
		md:       md,
		indented: b.Indented || b.Align == block.AlignRight,
		outline:  int(b.Outline),
		title:    b.Title,
		bold:     b.Bold || (b.Caps && b.Outline > 0),
		centered: b.Align == block.AlignCenter,
		bullet:   b.Bullet,
	}
	if len(b.Notes) > 0 {
		p.extra = &paraExtra{}
		for _, n := range b.Notes {
			p.extra.notes = append(p.extra.notes, model.Footnote{Mark: n.Mark, Text: tidyText(n.Text)})
		}
	}
	return p, true
}

// tidyText makes one line of a block's text: white space runs become one
// space (readers give NFC already; Normalize's character rules apply). A
// text that is one tidy line already is returned as it is, not copied: a
// long document's paragraphs share their readers' strings.
func tidyText(s string) string {
	s = Normalize(s)
	if oneLine(s) {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// oneLine reports whether strings.Join(strings.Fields(s), " ") == s: no
// white space but single spaces between words.
func oneLine(s string) bool {
	space := true // at the start, a space would be leading
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			sp := spaceByte[c]
			if sp && (c != ' ' || space) {
				return false
			}
			space = sp
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if unicode.IsSpace(r) {
			return false
		}
		space = false
	}
	return !space || s == ""
}

var spaceByte = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// tableParas reads a table. A table at the top of a document whose cells
// hold the header (motto, "Số …", issuing body, place and date) is the
// header laid out in two columns: its cells become paragraphs, left
// column first, so the header reader and the opening section see them as
// lines. Any other table is kept whole as a markdown table.
func tableParas(b block.Block, atTop bool) []para {
	var cells []string
	for _, row := range b.Rows {
		for _, c := range row {
			for _, p := range c.Paras {
				if t := tidyText(p.Text); t != "" {
					cells = append(cells, t)
				}
			}
		}
	}
	later := !atTop && isHeaderTable(b) && tableHasMotto(b)
	if (atTop || later) && isHeaderTable(b) {
		var out []para
		// Column by column: the issuer block and number on the left, the
		// motto and date on the right.
		cols := 0
		for _, row := range b.Rows {
			cols = max(cols, len(row))
		}
		for c := 0; c < cols; c++ {
			for _, row := range b.Rows {
				if c >= len(row) {
					continue
				}
				for _, cp := range row[c].Paras {
					if p, ok := paraOf(cp); ok {
						p.centered = true
						p.letterTop = later && len(out) == 0
						out = append(out, p)
					}
				}
			}
		}
		return out
	}
	md := tableMarkdown(b)
	if md == "" {
		return nil
	}
	return []para{{text: strings.Join(cells, " "), md: md, raw: true, extra: &paraExtra{headerLines: cells}}}
}

// tableHasMotto reports whether a cell of a table holds the national or
// party motto: a header table met further on heads another letter.
func tableHasMotto(b block.Block) bool {
	for _, row := range b.Rows {
		for _, c := range row {
			for _, p := range c.Paras {
				if mottoAt(p.Text) >= 0 {
					return true
				}
			}
		}
	}
	return false
}

// isHeaderTable reports whether a table holds a document header: a motto
// or a "Số" line, and no cell longer than a header line.
func isHeaderTable(b block.Block) bool {
	found := false
	for _, row := range b.Rows {
		for _, c := range row {
			for _, p := range c.Paras {
				t := strings.TrimSpace(p.Text)
				if utf8.RuneCountInString(t) > 160 {
					return false
				}
				if mottoAt(t) >= 0 || numberLineRe.MatchString(t) || datelineRe.MatchString(t) {
					found = true
				}
			}
		}
	}
	return found && len(b.Rows) <= 4
}

// tableMarkdown renders a table as a markdown pipe table, the first row as
// its header; a cell's paragraphs are joined by "<br>", which the
// renderers read as line breaks.
func tableMarkdown(b block.Block) string {
	width := 0
	for _, r := range b.Rows {
		n := 0
		for _, c := range r {
			n += max(c.Span, 1)
		}
		width = max(width, n)
	}
	if width == 0 {
		return ""
	}
	var sb strings.Builder
	for i, r := range b.Rows {
		sb.WriteString("|")
		n := 0
		for _, c := range r {
			var parts []string
			for _, p := range c.Paras {
				t := strings.TrimSpace(p.Markdown)
				if t == "" {
					t = escapeText(tidyText(p.Text))
				}
				if t != "" {
					parts = append(parts, strings.ReplaceAll(strings.Join(strings.Fields(t), " "), "|", `\|`))
				}
			}
			sb.WriteString(" " + strings.Join(parts, "<br>") + " |")
			for k := 1; k < c.Span; k++ {
				sb.WriteString("  |")
			}
			n += max(c.Span, 1)
		}
		for ; n < width; n++ {
			sb.WriteString("  |")
		}
		sb.WriteString("\n")
		if i == 0 {
			sb.WriteString("|" + strings.Repeat(" --- |", width) + "\n")
		}
	}
	return strings.TrimRight(sb.String(), "\n")
}

// reflowLines joins the visual lines of a paginated source (PDF) into
// paragraphs. A line starts a new paragraph after more space than the
// page's usual line spacing, at a first-line indent, after a short line
// that ends a sentence, where alignment or boldness changes, and wherever
// the numbering rules of hard-wrapped text say so (a line opening with
// "Điều 3.", "2.1.", "a)"; a short numbered heading never takes the line
// after it).
func reflowLines(ls []block.Block) []para {
	gaps := map[int32][]float32{}
	for i, l := range ls {
		if i > 0 && ls[i-1].Page == l.Page && l.Gap > 0 {
			gaps[l.Page] = append(gaps[l.Page], l.Gap)
		}
	}
	usual := map[int32]float32{}
	for p, g := range gaps {
		slices.Sort(g)
		usual[p] = g[len(g)/2]
	}
	var out []para
	var cur []string
	var first block.Block
	var curMark marker
	var notes []model.Footnote // the footnotes the lines of the paragraph cite
	allBold := true
	flush := func() {
		if len(cur) == 0 {
			return
		}
		t := tidyText(strings.Join(cur, " "))
		if t != "" {
			p := para{
				text:     t,
				bold:     allBold,
				centered: first.Align == block.AlignCenter,
				indented: first.Align == block.AlignRight || (first.Align != block.AlignCenter && first.Left > 180),
			}
			if len(notes) > 0 {
				p.extra = &paraExtra{notes: notes}
				notes = nil
			}
			out = append(out, p)
		}
		cur = cur[:0]
	}
	for i, l := range ls {
		t := tidyText(l.Text)
		if t == "" {
			continue
		}
		newPara := len(cur) == 0
		if !newPara {
			prev := ls[i-1]
			size := max(l.Size, prev.Size, 8)
			switch {
			case l.Page != prev.Page:
				r, _ := utf8.DecodeRuneInString(t)
				newPara = endsClause(cur[len(cur)-1]) || unicode.IsUpper(r) && curMark.structural() ||
					startsParagraph(cur, curMark, t, false)
			case l.Gap > usual[l.Page]+0.5*size:
				newPara = true
			case (l.Align == block.AlignCenter) != (first.Align == block.AlignCenter):
				newPara = true
			case l.Bold != prev.Bold && (isCapsLine(t) || l.Bold && markerOf(t).structural()):
				newPara = true
			case l.Left > prev.Left+0.8*size && l.Align != block.AlignCenter && prev.Right < 4*size && !endsClause(cur[len(cur)-1]) &&
				startsLower(t):
				// A hanging indent: a numbered line's text goes on below,
				// aligned after its number ("1. Phạm vi điều chỉnh: …, sử"
				// / "dụng lệ phí …", Word 2019).
				newPara = false
			case l.Left > prev.Left+0.8*size && l.Align != block.AlignCenter:
				newPara = true // a first-line indent
			case prev.Right > 4*size && prev.Align != block.AlignCenter && (endsClause(cur[len(cur)-1]) || opensSentence(t)):
				// The short last line of a paragraph: a line ends early
				// only where its paragraph does (a heading "1.3. Đảng ủy
				// cơ sở" before "- Xét và báo cáo …").
				newPara = true
			case prev.Right < 2*size && prev.Align != block.AlignCenter && markerOf(t).kind == mkNone && !endsClause(cur[len(cur)-1]) &&
				!recipientsRe.MatchString(t) && !signingRe.MatchString(t):
				// A full line that ends mid-sentence goes on below, even
				// when the next starts with a capital ("… Phó Trưởng" /
				// "Ban Chỉ đạo.") or in capitals ("… khoá" / "XIII,").
				newPara = false
			default:
				newPara = startsParagraph(cur, curMark, t, false)
			}
		}
		if newPara {
			flush()
			first, curMark, allBold = l, markerOf(t), true
		}
		allBold = allBold && l.Bold
		cur = append(cur, t)
		for _, n := range l.Notes {
			notes = append(notes, model.Footnote{Mark: n.Mark, Text: tidyText(n.Text)})
		}
	}
	flush()
	return out
}

// startsLower reports whether a line starts with a lower-case letter: the
// rest of a sentence, never a new one.
func startsLower(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	return unicode.IsLower(r)
}

// opensSentence reports whether a line starts like a new sentence or list
// item: a capital, after an optional dash or bullet.
func opensSentence(t string) bool {
	t = strings.TrimLeft(t, "-–+•*· ")
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(t, "“\"'("))
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}
