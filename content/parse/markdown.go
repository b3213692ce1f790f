package parse

import (
	"chibo/content/model"

	"strings"
)

var (
	// atxRe is an ATX heading line ("## Title", up to three spaces indent).
	atxRe     = lazyRE(`^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$`)
	setextRe  = lazyRE(`^ {0,3}(=+|-+)[ \t]*$`)
	fenceRe   = lazyRE("^ {0,3}(```+|~~~+)")
	mdBlockRe = lazyRE(`^ {0,3}(?:[-+*]\s|\d{1,9}[.)]\s|>|\||    |\t)`)
)

// parseMarkdown reads a markdown file: ATX and setext headings become
// sections at their level (levels a file skips are closed up), the text
// under each is kept as markdown, and text before the first heading goes
// to an opening section. Headings inside fenced code and front matter are
// not headings.
func parseMarkdown(text string) []*model.Section {
	s := &structurer{b: newBuilder()}
	lines := strings.Split(text, "\n")
	var body []string
	para := 0 // lines of the paragraph being read, for setext headings
	flush := func() {
		if md := strings.TrimSpace(strings.Join(body, "\n")); md != "" {
			s.para(md)
		}
		body = body[:0]
		para = 0
	}
	open := func(level int, raw string) {
		head := strings.Join(strings.Fields(model.PlainText(raw)), " ")
		if head == "" {
			head = strings.Join(strings.Fields(raw), " ")
		}
		label := ""
		if m := markerOf(head); m.structural() {
			label = m.label
		}
		s.heading(float64(level), false, label, head)
	}
	start := 0
	if len(lines) > 0 && strings.TrimSpace(lines[0]) == "---" {
		// YAML front matter: kept as text of the opening section.
		for i := 1; i < len(lines); i++ {
			if t := strings.TrimSpace(lines[i]); t == "---" || t == "..." {
				body = append(body, "```yaml")
				body = append(body, lines[1:i]...)
				body = append(body, "```")
				start = i + 1
				break
			}
		}
	}
	fence := ""
	for _, l := range lines[start:] {
		if fence != "" {
			body = append(body, l)
			if strings.HasPrefix(strings.TrimLeft(l, " "), fence) {
				fence = ""
			}
			continue
		}
		if m := fenceRe.FindStringSubmatch(l); m != nil {
			fence = m[1]
			body = append(body, l)
			para = 0
			continue
		}
		if m := atxRe.FindStringSubmatch(l); m != nil {
			head := m[2]
			// An optional closing "###" needs a space before it ("C#" stays).
			if k := strings.TrimRight(head, "#"); k != head && (k == "" || strings.HasSuffix(k, " ") || strings.HasSuffix(k, "\t")) {
				head = k
			}
			head = strings.TrimSpace(head)
			if head != "" {
				flush()
				open(len(m[1]), head)
				continue
			}
		}
		if m := setextRe.FindStringSubmatch(l); m != nil && para > 0 {
			heading := strings.Join(body[len(body)-para:], " ")
			body = body[:len(body)-para]
			flush()
			level := 1
			if m[1][0] == '-' {
				level = 2
			}
			open(level, heading)
			continue
		}
		body = append(body, l)
		switch {
		case strings.TrimSpace(l) == "":
			para = 0
		case mdBlockRe.MatchString(l) || (para == 0 && strings.HasPrefix(strings.TrimSpace(l), "<")):
			para = -1 << 30 // list, quote, table, code or HTML: no setext heading
		default:
			para++
		}
	}
	flush()
	return s.b.sections()
}
