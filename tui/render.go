package tui

import (
	"fmt"
	"strings"
	"sync"

	"charm.land/glamour/v2"
	"github.com/charmbracelet/x/ansi"

	"chibo/content"
	"chibo/tui/i18n"
)

// renderKey identifies one glamour render: the same section at the same
// width in the same style always renders the same, so it is cached.
type renderKey struct {
	doc, hash, section string
	width              int
	theme              string
	lang               i18n.Lang
}

// renderCache keeps rendered sections across screens and resizes (going
// back and forth between two widths, or reopening a document, is instant).
// It is safe for the render commands that run concurrently.
type renderCache struct {
	mu sync.Mutex
	m  map[renderKey]rendered
}

// rendered is one cached render: its text and, for a section, the line
// where each of its paragraphs starts (paraLines[0] is the heading's).
type rendered struct {
	text      string
	paraLines []int
}

func newRenderCache() *renderCache { return &renderCache{m: map[renderKey]rendered{}} }

// renderedDoc is a whole document as lines, with the first line of every
// section, so the reader scrolls one continuous text yet knows where each
// section starts, and the lines of every source paragraph, so the reader
// can select paragraphs.
type renderedDoc struct {
	lines    []string // styled
	plain    []string // ANSI stripped, for find-in-document
	folded   [][]rune // plain lines folded for accent-free matching …
	from     [][]int  // … and, per folded rune, its rune index in plain
	secStart []int    // line of each section (same order as Document.Sections)
	paras    []rpara  // the source paragraphs in reading order
}

// rpara is one source paragraph on screen: a section's heading (unit -1)
// or one of the units splitUnits cuts its markdown into, with the lines
// it takes (end exclusive, trailing blank lines not included).
type rpara struct {
	sec, unit  int
	start, end int
	// from and to are the paragraph's bytes in the section's markdown
	// (both 0 for the heading).
	from, to int
}

// readerMaxMarkdown bounds the markdown the reader renders of one
// document: the reader holds every rendered line four times (styled,
// plain, folded runes and their offsets, ~25 bytes per character of
// text), so a 60 MB one-paragraph text would take gigabytes. Past it the
// reader shows a note naming the command that prints the whole text
// (which streams it). Real documents, a 300-page report included, are far
// below it. (A variable for tests.)
var readerMaxMarkdown = 8 << 20

// renderDocument renders every section of d with glamour at width (up to
// readerMaxMarkdown of it). It is
// slow for big documents and runs in a tea.Cmd.
func (c *renderCache) renderDocument(d *content.Document, width int, theme string, lang i18n.Lang) (*renderedDoc, error) {
	width = ClampWidth(width)
	style := theme
	if style == "" {
		style = ThemeDark
	}
	var r *glamour.TermRenderer
	render := func(md string) (string, error) {
		if r == nil {
			var err error
			r, err = newRenderer(style, width, true)
			if err != nil {
				return "", err
			}
		}
		out, err := renderBounded(r, md, width)
		if err != nil {
			return "", err
		}
		return trimBlankLines(out), nil
	}
	cached := func(key renderKey, make func() (rendered, error)) (rendered, error) {
		c.mu.Lock()
		v, ok := c.m[key]
		c.mu.Unlock()
		if ok {
			return v, nil
		}
		v, err := make()
		if err != nil {
			return rendered{}, err
		}
		c.mu.Lock()
		c.m[key] = v
		c.mu.Unlock()
		return v, nil
	}
	get := func(key renderKey, md string) (string, error) {
		v, err := cached(key, func() (rendered, error) {
			out, err := render(md)
			return rendered{text: out}, err
		})
		return v.text, err
	}
	rd := &renderedDoc{secStart: make([]int, len(d.Sections))}
	add := func(s string) {
		for _, l := range strings.Split(s, "\n") {
			l = strings.TrimRight(l, " ")
			if ansi.StringWidth(l) > width {
				l = ansi.Truncate(l, width, "")
			}
			rd.lines = append(rd.lines, l)
			p := strings.TrimRight(ansi.Strip(l), " ")
			f, from := foldedRunes(p, false)
			rd.plain = append(rd.plain, p)
			rd.folded = append(rd.folded, f)
			rd.from = append(rd.from, from)
		}
		rd.lines = append(rd.lines, "")
		rd.plain = append(rd.plain, "")
		rd.folded = append(rd.folded, nil)
		rd.from = append(rd.from, nil)
	}
	head, err := get(renderKey{d.ID, d.Hash, "", width, style, lang}, docHeaderMarkdown(d, lang))
	if err != nil {
		return nil, err
	}
	add(head)
	shown := 0 // bytes of section markdown rendered
	for i, s := range d.Sections {
		rd.secStart[i] = len(rd.lines)
		if shown > readerMaxMarkdown {
			// The rest is not rendered: every later section starts at
			// the note that says so and how to read it all.
			note := fmt.Sprintf(i18n.AppReaderCut.In(lang), i, len(d.Sections), d.ID)
			out, err := get(renderKey{d.ID, d.Hash, "\x00cut", width, style, lang}, "> **"+escapeMD(note)+"**\n")
			if err != nil {
				return nil, err
			}
			add(out)
			for j := i + 1; j < len(d.Sections); j++ {
				rd.secStart[j] = rd.secStart[i]
			}
			break
		}
		shown += len(s.Markdown)
		units := splitUnits(s.Markdown)
		body, err := cached(renderKey{d.ID, d.Hash, s.ID, width, style, lang}, func() (rendered, error) {
			return renderSection(render, s, units)
		})
		if err != nil {
			return nil, fmt.Errorf("%s: %w", s.Heading, err)
		}
		base := len(rd.lines)
		add(body.text)
		bodyEnd := len(rd.lines) - 1 // the blank line add appends
		for k, at := range body.paraLines {
			end := bodyEnd
			if k+1 < len(body.paraLines) {
				end = base + body.paraLines[k+1]
			}
			for end > base+at+1 && rd.plain[end-1] == "" {
				end--
			}
			p := rpara{sec: i, unit: k - 1, start: base + at, end: end}
			if k > 0 {
				p.from, p.to = units[k-1].start, units[k-1].end
			}
			rd.paras = append(rd.paras, p)
		}
		if extra := sectionExtras(d, s, lang); extra != "" {
			out, err := get(renderKey{d.ID, d.Hash, s.ID + "\x00extra", width, style, lang}, extra)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", s.Heading, err)
			}
			add(out)
		}
	}
	return rd, nil
}

// renderSection renders a section's heading and body and finds the line
// each paragraph (the heading, then units) starts on. The whole is
// rendered at once; when its blocks (runs of lines between blank lines)
// do not match the paragraphs one to one (a list, whose items follow each
// other with no blank line, a quote or code block with blank lines
// inside), the paragraphs are rendered one by one and joined as glamour
// joins them, which shows the same text.
func renderSection(render func(string) (string, error), s *content.Section, units []mdUnit) (rendered, error) {
	md := headingMarkdown(s) + "\n"
	if strings.TrimSpace(s.Markdown) != "" {
		md += "\n" + s.ShownMarkdown() + "\n"
	}
	from, to := s.RunIn() // the first paragraph goes on from the heading
	whole, err := render(md)
	if err != nil {
		return rendered{}, err
	}
	tight := false
	for _, u := range units {
		tight = tight || u.tight
	}
	if !tight {
		if starts := blockStarts(whole); len(starts) == len(units)+1 {
			return rendered{text: whole, paraLines: starts}, nil
		}
	}
	head, err := render(headingMarkdown(s) + "\n")
	if err != nil {
		return rendered{}, err
	}
	lines := strings.Split(head, "\n")
	starts := []int{0}
	for k, u := range units {
		piece := s.Markdown[u.start:u.end]
		if k == 0 && to > 0 && from >= u.start && to < u.end {
			piece = s.Markdown[u.start:from] + "…" + s.Markdown[to:u.end]
		}
		out, err := render(piece + "\n")
		if err != nil {
			return rendered{}, err
		}
		if !u.tight {
			lines = append(lines, "")
		}
		starts = append(starts, len(lines))
		lines = append(lines, strings.Split(out, "\n")...)
	}
	return rendered{text: strings.Join(lines, "\n"), paraLines: starts}, nil
}

// headingMarkdown is the section's heading as a markdown heading one
// level below the document's title. A heading is plain text: its
// characters that markdown reads as markup are escaped, so "Điều 2 [sửa
// đổi](2020)" or "Mục *" show as written (unescaped, the brackets and
// stars were taken for a link and emphasis and dropped).
func headingMarkdown(s *content.Section) string {
	return strings.Repeat("#", min(max(s.Level+1, 1), 6)) + " " + escapeMD(s.Heading)
}

// blockStarts is the first line of every run of non-blank lines of s.
func blockStarts(s string) []int {
	var out []int
	prevBlank := true
	for i, l := range strings.Split(s, "\n") {
		blank := strings.TrimSpace(ansi.Strip(l)) == ""
		if !blank && prevBlank {
			out = append(out, i)
		}
		prevBlank = blank
	}
	return out
}

// MarkdownRenderer renders many pieces of markdown for display at one
// width and style with one glamour renderer (RenderMarkdown makes one per
// call), each bounded as RenderMarkdown bounds it: for writing a large
// document section by section.
type MarkdownRenderer struct {
	r     *glamour.TermRenderer
	width int
}

// NewMarkdownRenderer makes a renderer for width columns (clamped to
// MinTextWidth…MaxTextWidth) in a glamour standard style ("dark",
// "notty" …).
func NewMarkdownRenderer(width int, style string) (*MarkdownRenderer, error) {
	width = ClampWidth(width)
	r, err := newRenderer(style, width, false)
	if err != nil {
		return nil, err
	}
	return &MarkdownRenderer{r: r, width: width}, nil
}

// Render is RenderMarkdown with this renderer.
func (m *MarkdownRenderer) Render(md string) (string, error) { return renderBounded(m.r, md, m.width) }

// docHeaderMarkdown is the title block: title and the document's number,
// date and issuer.
func docHeaderMarkdown(d *content.Document, lang i18n.Lang) string {
	var b strings.Builder
	b.WriteString("# " + escapeMD(d.Title) + "\n")
	meta := joinNonEmpty(" · ",
		ifSet(d.Number, i18n.AppNumberLabel.In(lang)),
		ifSet(displayDate(d.Date), i18n.AppDateLabel.In(lang)),
		ifSet(d.Issuer, i18n.AppIssuedBy.In(lang)))
	if meta != "" {
		b.WriteString("\n*" + escapeMD(meta) + "*\n")
	}
	return b.String()
}

func ifSet(v, format string) string {
	if v == "" {
		return ""
	}
	return fmt.Sprintf(format, v)
}

// sectionExtras is what the reader shows under a section's heading and
// text (renderSection): its footnotes right under it (for a table row,
// under the row), and the directives it cites ("" when neither).
func sectionExtras(d *content.Document, s *content.Section, lang i18n.Lang) string {
	var b strings.Builder
	if len(s.Notes) > 0 {
		b.WriteString("**" + i18n.AppNotes.In(lang) + "**\n\n")
		for _, n := range s.Notes {
			b.WriteString("- " + escapeMD(n.Mark) + " " + escapeMD(n.Text) + "\n")
		}
	}
	if refs := sectionRefs(d, s.ID); len(refs) > 0 {
		var parts []string
		for _, r := range refs {
			parts = append(parts, "`"+r.Symbol+"` "+escapeMD(r.Kind))
		}
		if b.Len() > 0 {
			b.WriteString("\n")
		}
		b.WriteString("> **" + i18n.AppCited.In(lang) + ":** " + strings.Join(parts, " · ") + "\n>\n> *" + i18n.AppCitedHint.In(lang) + "*\n")
	}
	return b.String()
}

// sectionRefs lists the distinct directives one section cites.
func sectionRefs(d *content.Document, section string) []content.Ref {
	var out []content.Ref
	seen := map[string]bool{}
	for _, r := range d.Refs {
		if r.Section == section && !seen[r.Symbol] {
			seen[r.Symbol] = true
			out = append(out, r)
		}
	}
	return out
}

var mdEscaper = strings.NewReplacer("*", "\\*", "_", "\\_", "`", "\\`", "[", "\\[", "]", "\\]", "#", "\\#", "<", "\\<")

func escapeMD(s string) string { return mdEscaper.Replace(s) }

// trimBlankLines drops glamour's leading and trailing blank lines (which
// may hold spaces and escape codes), so sections sit one blank line apart.
func trimBlankLines(s string) string {
	lines := strings.Split(s, "\n")
	blank := func(l string) bool { return strings.TrimSpace(ansi.Strip(l)) == "" }
	for len(lines) > 0 && blank(lines[0]) {
		lines = lines[1:]
	}
	for len(lines) > 0 && blank(lines[len(lines)-1]) {
		lines = lines[:len(lines)-1]
	}
	return strings.Join(lines, "\n")
}
