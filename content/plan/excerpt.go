package plan

import (
	"strings"

	"chibo/content"
)

// FromSectionTree makes an excerpt of a section with its subsections (the
// sections after it with a deeper level), each subsection's heading in
// bold before its text, so adding "2. Thủ tướng … phê duyệt Quy hoạch"
// keeps all its parts and a heading-only section is not empty. sec nil is
// the whole document, as FromSection.
func FromSectionTree(doc *content.Document, sec *content.Section) Excerpt {
	ex := FromSection(doc, sec)
	if sec == nil {
		return ex
	}
	start := -1
	for i, s := range doc.Sections {
		if s == sec || s.ID == sec.ID {
			start = i
			break
		}
	}
	if start < 0 {
		return ex
	}
	var b strings.Builder
	b.WriteString(strings.TrimSpace(ex.Text))
	for _, s := range doc.Sections[start+1:] {
		if s.Level <= sec.Level {
			break
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString("**" + strings.TrimSpace(s.Heading) + "**")
		body := strings.TrimSpace(s.Markdown)
		if body == "" {
			body = strings.TrimSpace(s.Text)
		}
		if body != "" {
			b.WriteString("\n\n" + body)
		}
	}
	if b.Len() == 0 {
		b.WriteString("**" + strings.TrimSpace(sec.Heading) + "**")
	}
	ex.Text = b.String()
	return ex
}
