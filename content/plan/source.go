package plan

import (
	"strings"

	"chibo/content"
)

// Source is where excerpts come from: *content.Library satisfies it.
type Source interface {
	Doc(id string) (*content.Document, bool)
}

// FromSection makes an excerpt of a whole section (sec nil: the whole
// document), copying its markdown so the pack prints without the library,
// and the document's type, number, date and issuer for the citation (see
// WithDocument), whichever screen or command the excerpt comes from.
func FromSection(doc *content.Document, sec *content.Section) Excerpt {
	ex := WithDocument(Excerpt{Doc: doc.ID, DocTitle: doc.Title, DocNumber: doc.Number}, doc)
	if sec == nil {
		var b strings.Builder
		for _, s := range doc.Sections {
			if b.Len() > 0 {
				b.WriteString("\n\n")
			}
			b.WriteString("**" + s.Heading + "**")
			if s.Markdown != "" {
				b.WriteString("\n\n" + s.Markdown)
			}
		}
		ex.Text = b.String()
		return ex
	}
	ex.Section = sec.ID
	ex.Path = append([]string(nil), sec.Path...)
	if full := FullHeading(sec.Heading, sec.Markdown); full != sec.Heading {
		ex.FullHeading = full
	}
	ex.Text = sec.Markdown
	if strings.TrimSpace(ex.Text) == "" {
		ex.Text = sec.Text
	}
	return ex
}

// FromPassage makes an excerpt of a passage the reader selected inside a
// section (sec nil: a passage of the document spanning top-level
// sections); passage is markdown or plain text, and the excerpt is marked
// Passage. An empty passage gives the whole section, as FromSection.
func FromPassage(doc *content.Document, sec *content.Section, passage string) Excerpt {
	ex := FromSection(doc, sec)
	if p := strings.TrimSpace(passage); p != "" {
		ex.Text = p
		ex.Passage = true
	}
	return ex
}

// Opening is the first n words of the excerpt's text as plain text,
// followed by "…" when there are more: "Tiếp tục quán triệt, triển khai
// thực hiện…". It tells two passages of one section apart wherever a
// plan lists its excerpts (the plan screen, chibo plan show).
func (x Excerpt) Opening(n int) string {
	words := strings.Fields(content.PlainText(x.Text))
	first := strings.Join(words[:min(len(words), n)], " ")
	if len(words) > n {
		first += "…"
	}
	return first
}

// FullHeading is heading in full when it is a shortened form of a
// sentence of the section's text (markdown): a heading ending in "…"
// whose words, after any numbering ("I. ", "2. "), occur in text is
// completed up to the end of that sentence (". ", "; " or the end of the
// line) and keeps its numbering: "I. Nhóm hạn chế …: Công tác tổ chức
// quán triệt, triển…" becomes "I. Nhóm hạn chế …: Công tác tổ chức quán
// triệt, triển khai, … đôi lúc chưa kịp thời.". The recogniser shortens
// the heading of a table row (or of an untitled first paragraph) this way
// so it fits a screen line; a printed document wants the whole. Any
// other heading is returned as it is.
func FullHeading(heading, text string) string {
	h := strings.TrimSpace(heading)
	stem, ok := strings.CutSuffix(h, "…")
	if !ok {
		return heading
	}
	stem = strings.TrimSpace(stem)
	num := ""
	if m := content.LeadNumbering(stem); m != "" && strings.HasPrefix(stem[len(m):], " ") {
		num, stem = m+" ", strings.TrimSpace(stem[len(m):])
	}
	if len(strings.Fields(stem)) < 2 {
		return heading
	}
	plain := strings.Join(strings.Fields(strings.ReplaceAll(content.PlainText(text), "\n", " \x00 ")), " ")
	at := strings.Index(plain, strings.Join(strings.Fields(stem), " "))
	if at < 0 {
		return heading
	}
	rest := plain[at:]
	end := len(rest)
	if i := strings.Index(rest, " \x00"); i >= 0 {
		end = i // the end of the paragraph
	}
	from := min(len(strings.Join(strings.Fields(stem), " ")), end)
	for _, stop := range []string{". ", "; "} {
		if i := strings.Index(rest[from:end], stop); i >= 0 {
			end = min(end, from+i+1)
		}
	}
	return num + strings.TrimSuffix(strings.TrimSpace(rest[:end]), ";")
}

// Lookup finds a source written "DOC#SECTION" (or "DOC" for the whole
// document) in src; SECTION is a section's ID or, when one section only
// opens with it, the numbering of its heading ("1.1", "Điều 5", "II").
func Lookup(src Source, ref string) (*content.Document, *content.Section, bool) {
	docID, secID, _ := strings.Cut(strings.TrimSpace(ref), "#")
	doc, ok := src.Doc(docID)
	if !ok {
		return nil, nil, false
	}
	if secID == "" {
		return doc, nil, true
	}
	sec, ok := doc.FindSection(secID) // its ID, or the numbering the outline shows ("1.1", "Điều 5")
	if !ok {
		return doc, nil, false
	}
	return doc, sec, true
}

// CheckResult says what Check found.
type CheckResult struct {
	Missing  int // excerpts whose source is not in the library
	Relinked int // excerpts whose section ID changed and was found again by its heading path
}

// Check marks the excerpts whose document or section is no longer in the
// library (Excerpt.Missing), so UIs and the pack show "nguồn không còn trong
// thư viện"; excerpts are never dropped. When a re-imported document gave a
// section a new ID but the same heading path, the excerpt follows it
// (Relinked), and the caller may save the plan.
func (p *Plan) Check(src Source) CheckResult {
	var r CheckResult
	for i := range p.Items {
		for j := range p.Items[i].Excerpts {
			x := &p.Items[i].Excerpts[j]
			x.Missing = false
			doc, ok := src.Doc(x.Doc)
			if !ok {
				x.Missing = true
				r.Missing++
				continue
			}
			if x.Section == "" {
				continue
			}
			if _, ok := doc.Section(x.Section); ok {
				continue
			}
			if id, ok := findByPath(doc, x.Path); ok {
				x.Section = id
				r.Relinked++
				continue
			}
			x.Missing = true
			r.Missing++
		}
	}
	return r
}

func findByPath(doc *content.Document, path []string) (string, bool) {
	if len(path) == 0 {
		return "", false
	}
	want := strings.Join(path, "\x00")
	found := ""
	for _, s := range doc.Sections {
		if strings.Join(s.Path, "\x00") == want {
			if found != "" {
				return "", false // ambiguous: leave it to the user
			}
			found = s.ID
		}
	}
	return found, found != ""
}
