package plan

import (
	"errors"
	"fmt"
	"html"
	"strings"

	"chibo/content/safetext"
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

// ErrBadFormat is returned by Export for a format not in Formats.
var ErrBadFormat = errors.New("unknown export format (use md, html or docx)")

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
	return nil, fmt.Errorf("%w: %q", ErrBadFormat, f)
}

// Markdown renders the pack as Markdown, readable as plain text too.
// Text from a document or a form field is text: HTML, entities, links
// and emphasis in it are escaped (see mdEscape, rawEscape), and control
// characters are stripped.
func Markdown(p *Plan) []byte {
	var b strings.Builder
	for _, bl := range p.pack() {
		mdBlock(&b, bl, "")
	}
	return []byte(safetext.Strip(strings.TrimSpace(b.String())) + "\n")
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
			s = "# " + mdEscape(plain(bl.Spans))
		case cSub:
			s = "**" + mdEscape(plain(bl.Spans)) + "**"
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
				m = olLabel(bl, i) + " "
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
		// The title, the original markdown quoted (its structure and
		// emphasis kept, HTML and links made text), the source.
		kids := bl.Children
		mdBlock(b, kids[0], prefix)
		for _, l := range strings.Split(strings.TrimSpace(rawEscape(bl.Raw)), "\n") {
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
	for _, s := range sp {
		if s.Br {
			b.WriteString("<br>")
			continue
		}
		t := mdEscape(s.Text)
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

// mdEscape makes text from a form field or a document plain text in
// markdown: every character markdown or an HTML-aware viewer would act on
// (emphasis, code, link and image brackets, a '<' or '&' that opens an
// HTML tag, autolink or entity, a heading's "#" at the start of a line)
// is backslash-escaped, and link targets with an active scheme are
// dropped. A '>' needs no escape once no '<' opens a tag. Linear in len(s).
func mdEscape(s string) string {
	s = dropUnsafeTargets(s)
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	atLine := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '\\', '*', '_', '`', '[', ']':
			b.WriteByte('\\')
		case '<', '&':
			if opensMarkup(s, i) {
				b.WriteByte('\\')
			}
		case '#':
			if atLine {
				b.WriteByte('\\')
			}
		}
		b.WriteByte(c)
		if c == '\n' {
			atLine = true
		} else if c != ' ' && c != '\t' {
			atLine = false
		}
	}
	return b.String()
}

// rawEscape is mdEscape for an excerpt's markdown, which chibo's parsers
// wrote: its own structure and emphasis are kept (block markers at the
// start of a line, table pipes, "*" and "_", backslash escapes), while
// HTML tags, entities and link or image brackets — which can only come
// from the document's text — are escaped (but chibo's own "<br>" in a
// table cell is kept), and active link targets
// dropped. Linear in len(s).
func rawEscape(s string) string {
	s = dropUnsafeTargets(s)
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	lineStart := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\n':
			lineStart = true
		case lineStart && (c == ' ' || c == '>'):
			// quote markers and indentation at the start of a line
		case c == '\\' && i+1 < len(s) && isASCIIPunct(s[i+1]):
			b.WriteByte(c)
			b.WriteByte(s[i+1])
			i++
			lineStart = false
			continue
		case c == '<' && i+4 <= len(s) && strings.EqualFold(s[i:i+4], "<br>"):
			// a line break in a table cell, as chibo's parsers write it
			b.WriteString(s[i : i+4])
			i += 3
			lineStart = false
			continue
		case c == '[' || c == ']' || (c == '<' || c == '&') && opensMarkup(s, i):
			b.WriteByte('\\')
			lineStart = false
		default:
			lineStart = false
		}
		b.WriteByte(c)
	}
	return b.String()
}

// opensMarkup reports whether the '<' or '&' at s[i] could start an HTML
// tag, comment, autolink or entity ("<a", "</", "<!", "<?", "&amp;",
// "&#60;"); a '<' or '&' before a blank or a digit is read as itself.
func opensMarkup(s string, i int) bool {
	if i+1 >= len(s) {
		return false
	}
	n := s[i+1]
	if n|0x20 >= 'a' && n|0x20 <= 'z' {
		return true
	}
	if s[i] == '<' {
		return n == '/' || n == '!' || n == '?'
	}
	return n == '#'
}

func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}

// dropUnsafeTargets removes the target of every markdown link or image
// "[text](target)" whose scheme runs code or embeds content (javascript:,
// vbscript:, data:), leaving "[text]"; an unclosed one is dropped to the
// end of its line. Each byte is looked at a bounded number of times:
// linear in len(s).
func dropUnsafeTargets(s string) string {
	if !strings.Contains(s, "](") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for {
		i := strings.Index(s, "](")
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i+1])
		s = s[i+1:] // starts at "("
		if !unsafeTarget(s[1:]) {
			b.WriteByte('(')
			s = s[1:]
			continue
		}
		// Drop up to the matching ")" on this line.
		end, depth := len(s), 0
	scan:
		for j := 0; j < len(s); j++ {
			switch s[j] {
			case '\\':
				j++
			case '\n':
				end = j
				break scan
			case '(':
				depth++
			case ')':
				if depth--; depth == 0 {
					end = j + 1
					break scan
				}
			}
		}
		s = s[min(end, len(s)):]
	}
}

// unsafeTarget reports whether the link target at the start of t has a
// scheme that runs code or embeds content. Browsers ignore blanks and
// controls inside the scheme ("java\tscript:"), so they are skipped too;
// only a bounded prefix of t is read.
func unsafeTarget(t string) bool {
	var scheme strings.Builder
	for i := 0; i < len(t) && i < 64 && scheme.Len() < 16; i++ {
		c := t[i]
		switch {
		case c == ':':
			switch scheme.String() {
			case "javascript", "vbscript", "data":
				return true
			}
			return false
		case c <= ' ' || c == '<':
			continue
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		}
		scheme.WriteByte(c)
	}
	return false
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
@counter-style paren { system: extends decimal; suffix: ") "; }
ol.paren { list-style: paren; }
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
	return []byte(safetext.Strip(b.String()))
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
		tag, open := "ul", "<ul>"
		if bl.Kind == bOList {
			tag, open = "ol", "<ol>"
			if len(bl.Labels) > 0 && strings.HasSuffix(bl.Labels[0], ")") {
				open = `<ol class="paren">`
			}
		}
		b.WriteString(open + "\n")
		for i, it := range bl.Items {
			li := "<li>"
			if bl.Kind == bOList {
				li = fmt.Sprintf(`<li value="%s">`, strings.TrimRight(olLabel(bl, i), ".)"))
			}
			b.WriteString(li + htmlSpans(it) + "</li>\n")
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

// olLabel is the label of item i of an ordered list as its source wrote it
// ("1)", "3."): a document's numbering is part of its text, so an excerpt
// of items 2–4, or items that were separate paragraphs, keep their numbers.
// Lists built by chibo itself, without labels, count from 1.
func olLabel(bl block, i int) string {
	if i < len(bl.Labels) {
		return bl.Labels[i]
	}
	return fmt.Sprintf("%d.", i+1)
}
