package plan

import (
	"fmt"
	"html"
	"strings"
)

// Format is an export format of the meeting pack.
type Format string

const (
	FormatMarkdown Format = "md"
	FormatHTML     Format = "html"
	FormatDOCX     Format = "docx"
)

// Formats lists the export formats in the order UIs offer them.
var Formats = []Format{FormatHTML, FormatDOCX, FormatMarkdown}

// ParseFormat reads a --format value.
func ParseFormat(s string) (Format, bool) {
	switch strings.ToLower(strings.TrimPrefix(s, ".")) {
	case "md", "markdown":
		return FormatMarkdown, true
	case "html", "htm":
		return FormatHTML, true
	case "docx", "word":
		return FormatDOCX, true
	}
	return "", false
}

// Ext is the file extension, with the dot.
func (f Format) Ext() string { return "." + string(f) }

// FileName is the default file name of the pack: chibo-hop-2026-11.html.
func FileName(p *Plan, f Format) string { return "chibo-hop-" + p.Month + f.Ext() }

// Export renders the meeting pack. Call Check first so missing sources are
// marked in the pack.
func Export(p *Plan, f Format) ([]byte, error) {
	switch f {
	case FormatMarkdown:
		return Markdown(p), nil
	case FormatHTML:
		return HTML(p), nil
	case FormatDOCX:
		return DOCX(p)
	}
	return nil, fmt.Errorf("unknown export format %q (use md, html or docx)", f)
}

// Markdown renders the pack as Markdown, readable as plain text too.
func Markdown(p *Plan) []byte {
	var b strings.Builder
	for _, bl := range p.pack() {
		mdBlock(&b, bl, "")
	}
	return []byte(strings.TrimSpace(b.String()) + "\n")
}

func mdBlock(b *strings.Builder, bl block, prefix string) {
	w := func(s string) {
		for _, l := range strings.Split(s, "\n") {
			b.WriteString(strings.TrimRight(prefix+l, " ") + "\n")
		}
	}
	switch bl.Kind {
	case bPara:
		s := mdSpans(bl.Spans)
		switch bl.Class {
		case cTitle:
			s = "# " + plain(bl.Spans)
		case cSub:
			s = "**" + plain(bl.Spans) + "**"
		}
		w(s)
		w("")
	case bHeading:
		w(strings.Repeat("#", bl.Level) + " " + mdSpans(bl.Spans))
		w("")
	case bList, bOList:
		for i, it := range bl.Items {
			m := "- "
			if bl.Kind == bOList {
				m = fmt.Sprintf("%d. ", i+1)
			}
			w(m + mdSpans(it))
		}
		w("")
	case bQuote:
		for _, c := range bl.Children {
			mdBlock(b, c, prefix+"> ")
		}
	case bTable:
		for i, row := range bl.Rows {
			cells := make([]string, len(row))
			for j, c := range row {
				cells[j] = strings.ReplaceAll(mdSpans(c), "|", `\|`)
			}
			w("| " + strings.Join(cells, " | ") + " |")
			if i == 0 {
				w("|" + strings.Repeat(" --- |", len(row)))
			}
		}
		w("")
	case bRule:
		w("---")
		w("")
	case bPageBreak:
		w("---")
		w("")
	case bExcerpt:
		// The title, the original markdown quoted verbatim, the source.
		kids := bl.Children
		mdBlock(b, kids[0], prefix)
		for _, l := range strings.Split(strings.TrimSpace(bl.Raw), "\n") {
			w(strings.TrimRight("> "+l, " "))
		}
		w("")
		mdBlock(b, kids[len(kids)-1], prefix)
	case bMasthead:
		for _, col := range bl.Children {
			var lines []string
			for _, c := range col.Children {
				lines = append(lines, mdSpans(c.Spans))
			}
			// A trailing backslash is a hard line break in Markdown.
			for i, l := range lines {
				if i < len(lines)-1 {
					l += "\\"
				}
				b.WriteString(prefix + l + "\n")
			}
			w("")
		}
	}
}

// mdSpans writes spans as markdown, escaping what would be read as markup.
func mdSpans(sp []span) string {
	var b strings.Builder
	esc := strings.NewReplacer(`\`, `\\`, `*`, `\*`, `_`, `\_`, "`", "\\`")
	for _, s := range sp {
		if s.Br {
			b.WriteString("<br>")
			continue
		}
		t := esc.Replace(s.Text)
		lead := t[:len(t)-len(strings.TrimLeft(t, " "))]
		trail := t[len(strings.TrimRight(t, " ")):]
		core := strings.TrimSpace(t)
		if core == "" {
			b.WriteString(t)
			continue
		}
		switch {
		case s.B && s.I:
			core = "***" + core + "***"
		case s.B:
			core = "**" + core + "**"
		case s.I:
			core = "*" + core + "*"
		}
		b.WriteString(lead + core + trail)
	}
	return b.String()
}

// htmlCSS prints the pack on A4 with the margins of Vietnamese
// administrative documents (left 30 mm) in a serif face that has every
// Vietnamese glyph; the templates start on new pages.
const htmlCSS = `@page { size: A4; margin: 20mm 15mm 20mm 30mm; }
html { font-family: "Times New Roman", "Tinos", "Liberation Serif", "Noto Serif", "DejaVu Serif", serif; font-size: 13pt; line-height: 1.4; color: #000; background: #fff; }
body { max-width: 165mm; margin: 0 auto; padding: 8mm 0; }
@media print { body { max-width: none; padding: 0; } }
h2 { font-size: 13pt; margin: 14pt 0 6pt; }
h3 { font-size: 13pt; margin: 12pt 0 4pt; break-after: avoid; }
p { margin: 0 0 6pt; text-align: justify; }
ul, ol { margin: 0 0 6pt; padding-left: 7mm; }
li { margin-bottom: 2pt; }
.masthead { width: 100%; border-collapse: collapse; margin-bottom: 14pt; }
.masthead td { vertical-align: top; width: 50%; padding: 0; }
.masthead td:first-child { width: 42%; }
.masthead.sign td:first-child { width: 50%; }
.masthead p, p.center { text-align: center; margin: 0; }
.sign { margin-top: 18pt; break-inside: avoid; }
.sign p.small { text-align: left; font-size: 11pt; }
p.title { text-align: center; font-size: 15pt; margin: 10pt 0 2pt; }
p.subtitle { text-align: center; margin: 0 0 12pt; }
p.hint { font-style: italic; }
p.blank { color: #444; text-align: left; overflow: hidden; white-space: nowrap; }
p.warn { border: 1pt solid #000; padding: 3pt 6pt; }
table.grid { width: 100%; border-collapse: collapse; margin: 4pt 0 8pt; }
table.grid td, table.grid th { border: 0.75pt solid #000; padding: 2pt 5pt; vertical-align: top; text-align: left; }
table.grid th { font-weight: bold; }
table.fill td { height: 8mm; }
.excerpt { border-left: 2pt solid #000; padding: 2pt 0 2pt 8pt; margin: 6pt 0 10pt; }
.excerpt.missing { border-left-style: dashed; }
p.source { font-size: 11pt; text-align: left; }
blockquote { margin: 0 0 6pt 6mm; }
.pagebreak { break-before: page; page-break-before: always; height: 0; }
hr { border: 0; border-top: 0.75pt solid #000; }`

// HTML renders the pack as one self-contained HTML file (no scripts, no
// external resources) that prints on A4.
func HTML(p *Plan) []byte {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n")
	b.WriteString("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	b.WriteString("<title>" + html.EscapeString(p.Title) + "</title>\n<style>\n" + htmlCSS + "\n</style>\n</head>\n<body>\n")
	for _, bl := range p.pack() {
		htmlBlock(&b, bl)
	}
	b.WriteString("</body>\n</html>\n")
	return []byte(b.String())
}

func htmlBlock(b *strings.Builder, bl block) {
	switch bl.Kind {
	case bPara:
		if bl.Class != "" {
			fmt.Fprintf(b, "<p class=\"%s\">%s</p>\n", bl.Class, htmlSpans(bl.Spans))
		} else {
			fmt.Fprintf(b, "<p>%s</p>\n", htmlSpans(bl.Spans))
		}
	case bHeading:
		lvl := bl.Level
		if lvl < 2 {
			lvl = 2 // the pack's h1 is the title paragraph
		}
		fmt.Fprintf(b, "<h%d>%s</h%d>\n", lvl, htmlSpans(bl.Spans), lvl)
	case bList, bOList:
		tag := "ul"
		if bl.Kind == bOList {
			tag = "ol"
		}
		b.WriteString("<" + tag + ">\n")
		for _, it := range bl.Items {
			b.WriteString("<li>" + htmlSpans(it) + "</li>\n")
		}
		b.WriteString("</" + tag + ">\n")
	case bQuote:
		b.WriteString("<blockquote>\n")
		for _, c := range bl.Children {
			htmlBlock(b, c)
		}
		b.WriteString("</blockquote>\n")
	case bTable:
		fmt.Fprintf(b, "<table class=\"%s\">\n", strings.TrimSpace(bl.Class+" "+map[bool]string{true: "fill"}[bl.Fill]))
		if len(bl.Widths) > 0 {
			b.WriteString("<colgroup>")
			for _, w := range bl.Widths {
				fmt.Fprintf(b, "<col style=\"width:%d%%\">", w)
			}
			b.WriteString("</colgroup>\n")
		}
		for i, row := range bl.Rows {
			cell := "td"
			if i == 0 && bl.Header {
				cell = "th"
			}
			b.WriteString("<tr>")
			for _, c := range row {
				b.WriteString("<" + cell + ">" + htmlSpans(c) + "</" + cell + ">")
			}
			b.WriteString("</tr>\n")
		}
		b.WriteString("</table>\n")
	case bRule:
		b.WriteString("<hr>\n")
	case bPageBreak:
		b.WriteString("<div class=\"pagebreak\"></div>\n")
	case bExcerpt:
		class := "excerpt"
		if bl.Class != "" {
			class += " " + bl.Class
		}
		b.WriteString("<div class=\"" + class + "\">\n")
		for _, c := range bl.Children {
			htmlBlock(b, c)
		}
		b.WriteString("</div>\n")
	case bMasthead:
		class := "masthead"
		if bl.Class != "" {
			class += " " + bl.Class
		}
		b.WriteString("<table class=\"" + class + "\"><tr>\n")
		for _, col := range bl.Children {
			b.WriteString("<td>\n")
			for _, c := range col.Children {
				htmlBlock(b, c)
			}
			b.WriteString("</td>\n")
		}
		b.WriteString("</tr></table>\n")
	}
}

func htmlSpans(sp []span) string {
	var b strings.Builder
	for _, s := range sp {
		if s.Br {
			b.WriteString("<br>")
			continue
		}
		t := html.EscapeString(s.Text)
		if s.I {
			t = "<em>" + t + "</em>"
		}
		if s.B {
			t = "<strong>" + t + "</strong>"
		}
		b.WriteString(t)
	}
	return b.String()
}
