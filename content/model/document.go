// Package model is chibo's model of a document: a Document with its
// metadata (số/ký hiệu, date, issuing body, trích yếu as the title) and its
// tree of Sections (Phần, Chương, Điều, khoản, điểm …), the footnotes kept
// with the section citing them and the directives it cites (Ref).
//
// It is a leaf: the readers, the structure recogniser, the library, the
// index and the UI all speak it, so they agree on one model of a document.
package model

import (
	"regexp"
	"strings"
	"unicode"
)

// Kind is what sort of document it is. The values are stable codes used in
// JSON, on disk and in search filters (loai:); UIs translate them.
type Kind string

const (
	KindBulletin   Kind = "tai-lieu"   // tài liệu sinh hoạt chi bộ
	KindResolution Kind = "nghi-quyet" // nghị quyết
	KindReport     Kind = "bao-cao"    // báo cáo
	KindAppendix   Kind = "phu-luc"    // phụ lục
	KindDecision   Kind = "quyet-dinh" // quyết định, chỉ thị, quy định, kết luận, quy chế
	KindGuidance   Kind = "huong-dan"  // hướng dẫn
	KindPlan       Kind = "ke-hoach"   // kế hoạch, chương trình, đề án
	KindLaw        Kind = "phap-luat"  // luật, nghị định, thông tư, pháp lệnh: văn bản quy phạm pháp luật
	KindLetter     Kind = "cong-van"   // công văn, thông báo, giấy mời, tờ trình
	KindOther      Kind = "khac"       // văn bản khác
)

// Kinds lists every kind in the order UIs group them.
var Kinds = []Kind{KindBulletin, KindResolution, KindDecision, KindGuidance, KindPlan, KindReport, KindAppendix, KindLaw, KindLetter, KindOther}

// Layout names the shape of the source the parser recognised. It is kept so
// tests and diagnostics can say how a file was read.
type Layout string

const (
	LayoutParagraphs Layout = "paragraphs" // one paragraph per line
	LayoutWrapped    Layout = "wrapped"    // hard-wrapped (PDF extraction)
	LayoutTable      Layout = "table"      // tab-separated report table
	LayoutMarkdown   Layout = "markdown"
)

// Document is one source file turned into a tree of sections.
type Document struct {
	ID     string `json:"id"`     // stable: derived from the source name, not the content
	Title  string `json:"title"`  // one line
	Kind   Kind   `json:"kind"`   // see Kinds
	Number string `json:"number"` // số/ký hiệu, e.g. "525-BC/TU"; "" when the text states none
	Date   string `json:"date"`   // ISO 8601 (2023-12-01); "" when the text states none
	Issuer string `json:"issuer"` // cơ quan ban hành; "" when unknown
	Source string `json:"source"` // file name the document came from
	Hash   string `json:"hash"`   // hex SHA-256 of the normalised text; changes when the content does

	Layout   Layout     `json:"layout"`
	Sections []*Section `json:"sections"` // document order; the tree is given by Level
	Refs     []Ref      `json:"refs"`     // directives cited, in order of first citation
}

// Section is one heading and the text under it up to the next heading of any
// level. Sections form a tree through Level: a section's parent is the
// nearest earlier section with a smaller level.
type Section struct {
	ID       string     `json:"id"`       // stable across re-parses: built from the numbering ("ii.3.a", "dieu-2.1")
	Level    int        `json:"level"`    // 1 for top-level sections
	Heading  string     `json:"heading"`  // as written, one line
	Path     []string   `json:"path"`     // headings from the top-level ancestor down to this section
	Markdown string     `json:"markdown"` // body only (the heading is not repeated)
	Text     string     `json:"text"`     // body as plain text, for search and word counts
	Notes    []Footnote `json:"notes,omitempty"`
}

// Footnote is a note a section cites by its mark (¹, ², …), kept with the
// section so a reader never has to hunt for it.
type Footnote struct {
	Mark string `json:"mark"`
	Text string `json:"text"`
}

// Ref is one citation of a directive (nghị quyết, kết luận, quyết định …).
type Ref struct {
	Symbol  string `json:"symbol"`  // normalised, e.g. "21-NQ/TW", "1399/QĐ-TTg", "59/2019/NĐ-CP"
	Kind    string `json:"kind"`    // Vietnamese name of the directive type: "Nghị quyết", "Kết luận" …
	Section string `json:"section"` // ID of the citing section
}

// RunIn finds the words a reader would read twice in s: those of a
// heading that is the opening of the body's first paragraph clipped to
// fit a line ("a) Tốc độ tăng trưởng … Khu vực nông - lâm - thủy…", as
// the recogniser heads a run-in point, an untitled paragraph or a table
// row). It returns their span in Markdown, from and to in bytes, or 0, 0.
// The heading's numbering ("1.1.", "a)") may be missing from the body,
// which may open with a bold label ("**Nội dung:** "); the words must
// match as written, spaces aside, within one paragraph, and some of the
// paragraph must go on after them.
func (s *Section) RunIn() (from, to int) {
	stem, ok := strings.CutSuffix(strings.TrimSpace(s.Heading), "…")
	stem = strings.TrimSpace(stem)
	if !ok || stem == "" {
		return 0, 0
	}
	md := s.Markdown
	at := len(md) - len(strings.TrimLeft(md, " \t\n"))
	if m := boldLabel.FindStringIndex(md[at:]); m != nil {
		at += m[1]
	}
	stems := []string{stem}
	if n := len(numbering.FindString(stem)); n > 0 && n < len(stem) {
		stems = append(stems, stem[n:])
	}
	for _, st := range stems {
		if to := matchWords(md, at, st); to > 0 {
			rest := strings.TrimLeft(md[to:], " \t")
			para, _, _ := strings.Cut(rest, "\n\n")
			if !strings.ContainsFunc(para, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
				return 0, 0 // the paragraph ends with the heading's words
			}
			return at, len(md) - len(rest)
		}
	}
	return 0, 0
}

var (
	// numbering is the numbering a heading opens with, with the spaces
	// after it: "Điều 5. ", "Chương II ", "I. ", "1.2. ", "a) ", "đ) ".
	numbering = regexp.MustCompile(`^(?:(Phần|Chương|Mục|Tiểu mục|Điều)\s+([0-9IVXLCDM]+[a-zđ]?)[.:]?|([IVXLCDM]+|\d+(?:\.\d+)*|[a-zđ])[.)])(?:\s+|$)`)
	// boldLabel is a table row's cell label: "**Nội dung:** ".
	boldLabel = regexp.MustCompile(`^\*\*[^*\n]{1,40}:\*\*[ \t]*`)
)

// matchWords matches words against md from at, spaces aside (in md at
// most one line break between two words: one paragraph), and returns the
// byte after the match, or 0.
func matchWords(md string, at int, words string) int {
	i := at
	for j := 0; j < len(words); {
		if words[j] == ' ' || words[j] == '\t' {
			for j < len(words) && (words[j] == ' ' || words[j] == '\t') {
				j++
			}
			breaks, spaces := 0, 0
			for ; i < len(md) && (md[i] == ' ' || md[i] == '\t' || md[i] == '\n'); i++ {
				spaces++
				if md[i] == '\n' {
					breaks++
				}
			}
			if breaks > 1 || spaces == 0 {
				return 0
			}
			continue
		}
		if i >= len(md) || md[i] != words[j] {
			return 0
		}
		i, j = i+1, j+1
	}
	return i
}

// ShownMarkdown is the body as a reader shows it under the heading: the
// words RunIn finds replaced by "…", so the paragraph goes on from where
// the heading stopped ("…sản tăng 2,99%; …"); else Markdown.
func (s *Section) ShownMarkdown() string {
	if from, to := s.RunIn(); to > 0 {
		return s.Markdown[:from] + "…" + s.Markdown[to:]
	}
	return s.Markdown
}

// LeadNumbering is the numbering a heading opens with, as written and
// without the spaces after it ("Điều 5.", "1.1.", "a)"); "" when none.
func LeadNumbering(h string) string {
	return strings.TrimSpace(numbering.FindString(strings.TrimSpace(h)))
}

// HeadingNumber splits the numbering a heading opens with into its word
// and its label: "Điều 5. Quyền" → ("Điều", "5"); "Chương II" →
// ("Chương", "II"); "1.1. Đảng viên" → ("", "1.1"); "a) …" → ("", "a").
// ok is false when the heading opens with no numbering.
func HeadingNumber(h string) (word, label string, ok bool) {
	m := numbering.FindStringSubmatch(strings.TrimSpace(h))
	if m == nil {
		return "", "", false
	}
	if m[1] != "" {
		return m[1], m[2], true
	}
	return "", m[3], true
}

// FindSection finds a section by its ID or, when no section has that ID,
// by the numbering its heading opens with, as a reader sees it in the
// outline: "1.1" or "1.1." for "1.1. Đảng viên" (ID "ii.1.1-1"), "Điều
// 5" or "dieu-5", "II", "a)" — when one section only has it (two "1."
// under two parts are not guessed).
func (d *Document) FindSection(ref string) (*Section, bool) {
	if s, ok := d.Section(ref); ok {
		return s, true
	}
	want := Slug(ref, 8) // "Điều 5." and "dieu-5" alike, "1.1" and "1.1."
	if want == "" {
		return nil, false
	}
	var found *Section
	for _, s := range d.Sections {
		if l := numbering.FindString(strings.TrimSpace(s.Heading)); l != "" && Slug(l, 8) == want {
			if found != nil {
				return nil, false
			}
			found = s
		}
	}
	return found, found != nil
}

// Section returns the section with the given ID.
func (d *Document) Section(id string) (*Section, bool) {
	for _, s := range d.Sections {
		if s.ID == id {
			return s, true
		}
	}
	return nil, false
}

// Parent returns the index of section i's parent in d.Sections, or -1.
func (d *Document) Parent(i int) int {
	for j := i - 1; j >= 0; j-- {
		if d.Sections[j].Level < d.Sections[i].Level {
			return j
		}
	}
	return -1
}

// Markdown renders the whole document: each section's heading as a markdown
// heading of its level, then its body.
func (d *Document) Markdown() string {
	var b strings.Builder
	b.WriteString("# " + d.Title + "\n")
	for _, s := range d.Sections {
		b.WriteString("\n" + s.HeadingMarkdown() + "\n")
		if s.Markdown != "" {
			b.WriteString("\n" + s.Markdown + "\n")
		}
	}
	return b.String()
}

// HeadingMarkdown is the section heading as a markdown heading one level
// below the document title.
func (s *Section) HeadingMarkdown() string {
	lvl := s.Level + 1
	if lvl > 6 {
		lvl = 6
	}
	return strings.Repeat("#", lvl) + " " + s.Heading
}

// SectionMarkdown renders one section alone: heading, body and footnotes.
func (s *Section) SectionMarkdown() string {
	var b strings.Builder
	b.WriteString("# " + s.Heading + "\n")
	if s.Markdown != "" {
		b.WriteString("\n" + s.Markdown + "\n")
	}
	return b.String()
}

// DocInfo is what lists show of a document without loading it: its
// metadata and sizes. The library's catalogue holds one per document.
type DocInfo struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Kind   Kind   `json:"kind"`
	Number string `json:"number"`
	Date   string `json:"date"`
	Issuer string `json:"issuer"`
	Source string `json:"source"`
	Hash   string `json:"hash"`
	// SectionCount is len(Sections); TextBytes the bytes of all headings
	// and texts (what indexing the document handles).
	SectionCount int `json:"sections"`
	TextBytes    int `json:"text_bytes"`
	// Imported is false for the documents chibo ships with.
	Imported bool `json:"imported"`
}

// Citations returns a copy of d holding only what lists of citations
// show: ID, title, number, kind, date, its Refs and the sections they cite
// from, with heading and path but no text.
func (d *Document) Citations() *Document {
	c := &Document{ID: d.ID, Title: d.Title, Kind: d.Kind, Number: d.Number, Date: d.Date, Refs: d.Refs}
	cited := map[string]bool{}
	for _, r := range d.Refs {
		cited[r.Section] = true
	}
	for _, s := range d.Sections {
		if cited[s.ID] {
			c.Sections = append(c.Sections, &Section{ID: s.ID, Level: s.Level, Heading: s.Heading, Path: s.Path})
		}
	}
	return c
}

// Info returns d's DocInfo (Imported false: the library sets it).
func (d *Document) Info() DocInfo {
	n := 0
	for _, s := range d.Sections {
		n += len(s.Heading) + len(s.Text)
	}
	return DocInfo{ID: d.ID, Title: d.Title, Kind: d.Kind, Number: d.Number, Date: d.Date, Issuer: d.Issuer,
		Source: d.Source, Hash: d.Hash, SectionCount: len(d.Sections), TextBytes: n}
}
