package pdftext

import (
	"math"
	"regexp"
	"sort"
	"strings"
	"unicode"

	"chibo/content/block"
)

// columnGap is the horizontal gap, in font sizes, that splits a line PDFium
// reads as one into two pieces: side-by-side blocks such as the two halves
// of a Vietnamese document header ("ĐẢNG BỘ…" | "ĐẢNG CỘNG SẢN VIỆT NAM").
// Word spaces are a third of a size; tab stops in running text reach about
// two sizes, blank date fields ("ngày    tháng") about three.
const columnGap = 5.0

// buildLines groups a page's glyphs into visual lines: at PDFium's line
// ends, where a glyph does not share the line's vertical extent, and at
// gaps wider than columnGap.
func buildLines(glyphs []glyph, page int) []Line {
	var lines []Line
	var cur []glyph
	top, bottom := 0.0, 0.0
	flush := func() {
		if len(cur) > 0 {
			addSpaces(cur)
			l := makeLine(cur, page)
			l.glyphs = cur
			lines = append(lines, l)
			cur = cur[:0:0]
		}
	}
	broken := false // PDFium ended the line before this glyph
	for _, g := range glyphs {
		if g.r == '\n' {
			broken = true
			continue
		}
		boxed := g.bottom > g.top
		if broken && len(cur) > 0 {
			// PDFium also ends a line where a superscript ("tỉnh²") or
			// a change of size moves the baseline: the line goes on when
			// the glyph stands on the same row right after it.
			last := cur[len(cur)-1]
			size := math.Max(math.Max(g.font.size, last.font.size), 4)
			h := math.Min(g.bottom-g.top, bottom-top)
			if !boxed || last.x1 <= last.x0 || math.Min(g.bottom, bottom)-math.Max(g.top, top) < h/2 ||
				g.x0 < last.x1-size/4 || g.x0-last.x1 > size {
				flush()
			}
		}
		broken = false
		if len(cur) > 0 && boxed && bottom > top {
			last := cur[len(cur)-1]
			size := math.Max(g.font.size, last.font.size)
			switch {
			case g.top >= bottom || g.bottom <= top:
				flush() // no vertical overlap: another line
			case g.space && last.x1 > last.x0 && g.x0-last.x1 > columnGap*math.Max(size, 4):
				flush()
			}
		}
		if len(cur) == 0 {
			g.space = false
			top, bottom = 0, 0
		}
		if boxed {
			if bottom <= top {
				top, bottom = g.top, g.bottom
			} else {
				top, bottom = math.Min(top, g.top), math.Max(bottom, g.bottom)
			}
		}
		cur = append(cur, g)
	}
	flush()
	return mergeStamps(lines, page)
}

// mergeStamps puts a short piece of text that a PDF draws into a blank of
// another line — the number and date an e-signature system stamps into
// "Số:      /GM-UBND" and "ngày    tháng" — into that line, where it
// shows, with a space on a side where a gap remains.
func mergeStamps(lines []Line, page int) []Line {
	out := lines[:0:0]
	merged := make([]bool, len(lines))
	for i, l := range lines {
		if l.Bottom <= l.Top || len(l.glyphs) > 12 {
			continue
		}
		for h := range lines {
			host := &lines[h]
			if h == i || merged[h] || host.Bottom <= host.Top || len(host.glyphs) <= len(l.glyphs) ||
				l.X0 < host.X0 || l.X1 > host.X1 {
				continue
			}
			hgt := math.Min(l.Bottom-l.Top, host.Bottom-host.Top)
			if math.Min(l.Bottom, host.Bottom)-math.Max(l.Top, host.Top) < hgt/2 {
				continue
			}
			// The stamp may overhang the blank a little (a number set
			// wider than the blank left for it: "Số: 142/QĐ-UBND" with
			// "142" 2 points into the "/").
			slack := math.Max(0.5, 0.25*math.Max(host.glyphs[0].font.size, 4))
			k := 1
			for ; k < len(host.glyphs); k++ {
				if host.glyphs[k-1].x1 <= l.X0+slack && host.glyphs[k].x0 >= l.X1-slack {
					break
				}
			}
			if k == len(host.glyphs) {
				continue
			}
			size := math.Max(host.glyphs[k].font.size, 4)
			ins := append([]glyph(nil), l.glyphs...)
			ins[0].space = l.X0-host.glyphs[k-1].x1 > 0.2*size
			gs := append(append(append([]glyph(nil), host.glyphs[:k]...), ins...), host.glyphs[k:]...)
			gs[k+len(ins)].space = host.glyphs[k].x0-l.X1 > 0.2*size
			nl := makeLine(gs, page)
			nl.glyphs = gs
			*host = nl
			merged[i] = true
			break
		}
	}
	for i, l := range lines {
		if !merged[i] {
			out = append(out, l)
		}
	}
	return out
}

// addSpaces adds the spaces PDFium misses between words set close
// together ("Một số" in a tightly justified line): a gap between two glyphs
// wider than a tenth of the font size (pdftotext's word break) and clearly
// wider than the line's usual gap between letters (which letter-spaced
// text makes large) is a space.
func addSpaces(gs []glyph) {
	var gaps []float64
	for k := 1; k < len(gs); k++ {
		if !gs[k].space && gs[k].x1 > gs[k].x0 && gs[k-1].x1 > gs[k-1].x0 {
			gaps = append(gaps, gs[k].x0-gs[k-1].x1)
		}
	}
	if len(gaps) == 0 {
		return
	}
	sort.Float64s(gaps)
	usual := math.Max(0, gaps[len(gaps)/2])
	for k := 1; k < len(gs); k++ {
		a, b := gs[k-1], gs[k]
		if b.space || b.x1 <= b.x0 || a.x1 <= a.x0 {
			continue
		}
		size := math.Max(a.font.size, b.font.size)
		if gap := b.x0 - a.x1; gap > size/10 && gap > 1.5*usual+size/20 {
			gs[k].space = true
		}
	}
}

// makeLine turns a line's glyphs into a Line with its runs and geometry.
func makeLine(gs []glyph, page int) Line {
	l := Line{Page: page}
	var b strings.Builder
	var runFont *fontInfo
	endRun := func() {
		if b.Len() > 0 {
			l.Runs = append(l.Runs, Run{Text: b.String(), Font: runFont.name, Legacy: runFont.legacy})
			b.Reset()
		}
	}
	sizes := map[float64]int{}
	letters, boldLetters, all, boldAll := 0, 0, 0, 0
	boxed := false
	var base *glyph // the last glyph not written as a superscript
	for i := range gs {
		g := &gs[i]
		if runFont == nil || g.font.name != runFont.name {
			endRun()
			runFont = g.font
		}
		if g.space {
			b.WriteByte(' ')
		}
		if sup, ok := footnoteMark(g, base); ok {
			b.WriteRune(sup)
		} else {
			b.WriteRune(g.r)
			base = g
		}
		if g.font.size > 0 {
			sizes[math.Round(g.font.size*2)/2]++
		}
		all++
		if g.font.bold {
			boldAll++
		}
		if unicode.IsLetter(g.r) || g.font.legacy != "" && g.r >= 0x80 {
			letters++
			if g.font.bold {
				boldLetters++
			}
		}
		if g.bottom > g.top {
			if !boxed {
				l.X0, l.X1, l.Top, l.Bottom = g.x0, g.x1, g.top, g.bottom
				boxed = true
			} else {
				l.X0, l.X1 = math.Min(l.X0, g.x0), math.Max(l.X1, g.x1)
				l.Top, l.Bottom = math.Min(l.Top, g.top), math.Max(l.Bottom, g.bottom)
			}
		}
	}
	endRun()
	best := 0
	for sz, n := range sizes {
		if n > best || n == best && sz > l.Size {
			l.Size, best = sz, n
		}
	}
	if letters > 0 {
		l.Bold = boldLetters*10 >= letters*9
	} else {
		l.Bold = all > 0 && boldAll == all
	}
	return l
}

// supDigits are the superscript digits 0 to 9, as a footnote's mark is
// written in the text of every format ("tỉnh²").
var supDigits = []rune("⁰¹²³⁴⁵⁶⁷⁸⁹")

// footnoteMark returns the superscript digit g stands for when it is a
// footnote's mark set after base: a digit touching it (no space before),
// in a font at most 0.8 of base's size, standing raised (its box's bottom
// at least 0.15 of base's size above base's). A legacy font's codes are
// left alone (they are decoded as bytes later).
func footnoteMark(g, base *glyph) (rune, bool) {
	if g.r < '0' || g.r > '9' || g.space || base == nil || base.r == ' ' || g.font.legacy != "" ||
		g.bottom <= g.top || base.bottom <= base.top {
		return 0, false
	}
	size := base.font.size
	if size <= 0 || g.font.size <= 0 || g.font.size > 0.8*size || g.bottom > base.bottom-0.15*size {
		return 0, false
	}
	return supDigits[g.r-'0'], true
}

// boldName reports a bold face named in a font's name ("Arial-BoldMT",
// "TimesNewRoman,Bold", "Roboto-Black", "VnTimeH-Bold").
func boldName(name string) bool {
	n := strings.ToLower(name)
	for _, w := range []string{"bold", "black", "heavy", "demi", "semibold", "extrabold", "ultrabold"} {
		if strings.Contains(n, w) {
			return true
		}
	}
	return strings.HasSuffix(n, ",b") || strings.HasSuffix(n, "-bd") || strings.HasSuffix(n, ",bd")
}

// pageNumberRe matches a line that is only a page number: "3", "- 3 -",
// "– 3 –", "Trang 3", "Trang 3/12", "Page 3 of 12", "3/12", "iv".
var pageNumberRe = regexp.MustCompile(`^(?i:(?:trang|page|tr\.)\s*)?[-–—]?\s*(?:\d{1,4}|[ivxlc]{1,7})\s*[-–—]?(?:\s*(?:/|of|trên)\s*\d{1,4})?$`)

// isPageNumber reports whether text is only a page number.
func isPageNumber(text string) bool {
	t := strings.TrimSpace(text)
	if t == "" || len(t) > 24 {
		return false
	}
	if !pageNumberRe.MatchString(t) {
		return false
	}
	// Roman numerals only in lower case: "I" or "V" alone can be a heading.
	return strings.IndexFunc(t, unicode.IsUpper) < 0 || strings.ContainsAny(t, "0123456789")
}

// furnitureKey is a line's text with digits folded, for matching running
// headers and footers across pages ("Trang 3" ~ "Trang 4").
func furnitureKey(text string) string {
	var b strings.Builder
	prevDigit := false
	for _, r := range strings.ToLower(strings.Join(strings.Fields(text), " ")) {
		if unicode.IsDigit(r) {
			if !prevDigit {
				b.WriteByte('#')
			}
			prevDigit = true
			continue
		}
		prevDigit = false
		b.WriteRune(r)
	}
	return b.String()
}

// band is the share of the page height at the top and at the bottom
// where page furniture is looked for.
const band = 0.16

// edgeLines returns the indexes of up to k lines nearest the top and the
// bottom of a page that lie within the band, outermost first.
func edgeLines(p *Page, k int) (top, bottom []int) {
	idx := make([]int, 0, len(p.Lines))
	for i, l := range p.Lines {
		if l.Bottom > l.Top {
			idx = append(idx, i)
		}
	}
	sort.SliceStable(idx, func(a, b int) bool { return p.Lines[idx[a]].Top < p.Lines[idx[b]].Top })
	for _, i := range idx {
		if len(top) == k || p.Lines[i].Bottom > p.Height*band {
			break
		}
		top = append(top, i)
	}
	for j := len(idx) - 1; j >= 0; j-- {
		i := idx[j]
		if len(bottom) == k || p.Lines[i].Top < p.Height*(1-band) {
			break
		}
		bottom = append(bottom, i)
	}
	return top, bottom
}

// alone reports whether no other line of the page shares line i's height
// (a page number stands on its own row; a number in a table row does not).
func alone(p *Page, i int) bool {
	l := p.Lines[i]
	for j, o := range p.Lines {
		if j != i && o.Bottom > o.Top && o.Top < l.Bottom-0.5 && o.Bottom > l.Top+0.5 {
			return false
		}
	}
	return true
}

// dropFurniture moves page numbers and running headers and footers from
// the pages' Lines to their Furniture. A page number is a line that is only
// a number ("3", "- 3 -", "Trang 3"), alone on its row, centred or at the
// right, and the outermost line at the top or the bottom of its page. A
// running header or footer is a line near the top or bottom whose text
// (digits aside) recurs there on at least half the pages, and on three or
// more, except at the top of the first page, where the document's own
// header stands, and at the top of a page that shows a national or party
// motto there: the motto opens a document (Nghị định 30/2020/NĐ-CP,
// Hướng dẫn 36-HD/VPTW), so that page starts another letter printed in
// the same file, whose header the recogniser needs.
func dropFurniture(doc *Document) {
	drop := make([]map[int]bool, len(doc.Pages))
	for pi := range doc.Pages {
		drop[pi] = pageNumbers(&doc.Pages[pi])
	}
	if n := len(doc.Pages); n >= 3 {
		need := max(3, (n+1)/2)
		count := map[string]int{}
		for pi := range doc.Pages {
			top, bottom := edgeLines(&doc.Pages[pi], 3)
			if len(top)+len(bottom) >= len(doc.Pages[pi].Lines) {
				continue // all the page is near its edges: no header on a body
			}
			seen := map[string]bool{}
			for _, i := range append(top, bottom...) {
				k := furnitureKey(doc.Pages[pi].Lines[i].Text())
				if k != "" && !seen[k] {
					seen[k] = true
					count[k]++
				}
			}
		}
		for pi := range doc.Pages {
			p := &doc.Pages[pi]
			top, bottom := edgeLines(p, 3)
			if len(top)+len(bottom) >= len(p.Lines) {
				continue
			}
			for j, i := range append(top, bottom...) {
				// The top of the first page is the document's own
				// header (issuer, motto, number), which letters printed
				// together repeat on later pages: a running header is
				// dropped from the pages after it.
				if j < len(top) && (pi == 0 || mottoTop(p, top)) {
					continue
				}
				if count[furnitureKey(p.Lines[i].Text())] >= need {
					drop[pi][i] = true
				}
			}
		}
	}
	for pi := range doc.Pages {
		moveFurniture(&doc.Pages[pi], drop[pi])
	}
}

// mottoRe finds the national motto or the party's in a header line (on the
// row of the issuer, as a PDF reads it: "BỘ TƯ PHÁP CỘNG HOÀ …"), in any
// case.
var mottoRe = regexp.MustCompile(`(?i)(?:CỘNG\s*H[OÒ][AÀ]\s*X[AÃ]\s*H[OỘ]I\s*CH[UỦ]\s*NGH[IĨ]A\s*VI[EỆ]T\s*NAM|Đ[AẢ]NG\s*C[OỘ]NG\s*S[AẢ]N\s*VI[EỆ]T\s*NAM)\b`)

// mottoTop reports whether one of a page's top lines is a motto.
func mottoTop(p *Page, top []int) bool {
	for _, i := range top {
		if mottoRe.MatchString(strings.TrimSpace(p.Lines[i].Text())) {
			return true
		}
	}
	return false
}

// dropPageNumbers moves a page's page-number lines to its Furniture.
func dropPageNumbers(p *Page) { moveFurniture(p, pageNumbers(p)) }

// pageNumbers returns the indexes of the lines of p that are page numbers.
func pageNumbers(p *Page) map[int]bool {
	drop := map[int]bool{}
	top, bottom := edgeLines(p, 2)
	for _, side := range [][]int{top, bottom} {
		for _, i := range side {
			l := p.Lines[i]
			if !isPageNumber(l.Text()) || !alone(p, i) {
				break
			}
			mid := (l.X0 + l.X1) / 2
			if math.Abs(mid-p.Width/2) > p.Width*0.15 && l.X1 < p.Width*0.7 {
				break
			}
			drop[i] = true
		}
	}
	return drop
}

// moveFurniture moves the lines of p indexed in drop to its Furniture.
func moveFurniture(p *Page, drop map[int]bool) {
	if len(drop) == 0 {
		return
	}
	kept := p.Lines[:0:0]
	for i, l := range p.Lines {
		if drop[i] {
			p.Furniture = append(p.Furniture, l)
		} else {
			kept = append(kept, l)
		}
	}
	p.Lines = kept
}

// layout fills the lines' Gap, Left, Right and Align from the page's
// text column.
func layout(p *Page) {
	colL, colR := math.Inf(1), math.Inf(-1)
	for _, l := range p.Lines {
		if l.Bottom > l.Top {
			colL, colR = math.Min(colL, l.X0), math.Max(colR, l.X1)
		}
	}
	if colR < colL {
		return
	}
	width := colR - colL
	var prev *Line
	for i := range p.Lines {
		l := &p.Lines[i]
		if l.Bottom <= l.Top {
			continue
		}
		l.Left, l.Right = round2(l.X0-colL), round2(colR-l.X1)
		if prev != nil && l.Top >= prev.Top+0.5 {
			l.Gap = round2(math.Max(0, l.Top-prev.Bottom))
		}
		prev = l
		const edge = 3.0
		switch {
		case l.Left > edge && l.Right > edge && math.Abs(l.Left-l.Right) <= math.Max(6, 0.12*(l.Left+l.Right)) &&
			l.Left+l.Right > 0.08*width:
			l.Align = block.AlignCenter
		case l.Right <= edge && l.Left > 0.3*width:
			l.Align = block.AlignRight
		case l.Left <= edge:
			l.Align = block.AlignLeft
		}
	}
}

func round2(v float64) float64 { return math.Round(v*100) / 100 }

// readingOrder sorts a page's lines as a reader (and pdftotext) takes
// them: rows from top to bottom, pieces of a row from left to right; but
// where consecutive rows stand in columns — the two halves of a document
// header (issuer and number | motto and date), the recipients and the
// signature at the end — the left column is read down before the right
// one. A row stands in columns when a vertical strip (the gutter) is free
// of text in it; the columns go on while rows leave the gutter free. Text
// a PDF draws late (an e-signature's stamped number, a footer written
// first) thus lands where it shows.
func readingOrder(lines []Line) []Line {
	var boxed, unboxed []Line
	for _, l := range lines {
		if l.Bottom > l.Top {
			boxed = append(boxed, l)
		} else {
			unboxed = append(unboxed, l)
		}
	}
	if len(boxed) < 2 {
		return lines
	}
	sort.SliceStable(boxed, func(a, b int) bool { return boxed[a].Top < boxed[b].Top })
	// Rows: lines whose vertical extents overlap by half the smaller one.
	var rows [][]Line
	rowBottom := 0.0
	for _, l := range boxed {
		if n := len(rows); n > 0 {
			last := rows[n-1][len(rows[n-1])-1]
			h := math.Min(l.Bottom-l.Top, last.Bottom-last.Top)
			if math.Min(l.Bottom, rowBottom)-l.Top >= h/2 {
				rows[n-1] = append(rows[n-1], l)
				rowBottom = math.Max(rowBottom, l.Bottom)
				continue
			}
		}
		rows = append(rows, []Line{l})
		rowBottom = l.Bottom
	}
	for _, r := range rows {
		sort.SliceStable(r, func(a, b int) bool { return r[a].X0 < r[b].X0 })
	}
	out := make([]Line, 0, len(lines))
	for i := 0; i < len(rows); {
		lo, hi, ok := gutter(rows[i])
		if !ok {
			out = append(out, rows[i]...)
			i++
			continue
		}
		// The band: following rows that leave [lo, hi] free.
		j := i + 1
		for ; j < len(rows); j++ {
			nlo, nhi, free := narrow(rows[j], lo, hi)
			if !free {
				break
			}
			lo, hi = nlo, nhi
		}
		var left, right []Line
		for _, r := range rows[i:j] {
			for _, l := range r {
				if l.X1 <= lo {
					left = append(left, l)
				} else {
					right = append(right, l)
				}
			}
		}
		out = append(append(out, left...), right...)
		i = j
	}
	return append(out, unboxed...)
}

// minGutter is the narrowest strip, in points, that separates columns.
const minGutter = 8.0

// gutter returns the widest free strip between the pieces of a row, if
// the row has more than one piece.
func gutter(row []Line) (lo, hi float64, ok bool) {
	end := row[0].X1
	for _, l := range row[1:] {
		if l.X0-end >= minGutter && l.X0-end > hi-lo {
			lo, hi, ok = end, l.X0, true
		}
		end = math.Max(end, l.X1)
	}
	return lo, hi, ok
}

// narrow returns what remains of the strip [lo, hi] once the row's pieces
// are taken out of it, and whether a strip of minGutter remains.
func narrow(row []Line, lo, hi float64) (float64, float64, bool) {
	for _, l := range row {
		if l.X1 <= lo || l.X0 >= hi {
			continue
		}
		if l.X0 > lo && l.X1 < hi {
			return lo, hi, false // in the gutter: a centred title, not a column
		}
		// The piece reaches into the strip from one side: keep the rest.
		if l.X0-lo >= hi-l.X1 {
			hi = l.X0
		} else {
			lo = l.X1
		}
		if hi-lo < minGutter {
			return lo, hi, false
		}
	}
	return lo, hi, true
}
