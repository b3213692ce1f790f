package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/term"

	"chibo/content"
	"chibo/content/plan"
	"chibo/content/safetext"
	"chibo/tui"
	"chibo/tui/i18n"
)

// The reading commands: list, outline, show. Their JSON field names are a
// contract for scripts; keep them.

func init() {
	register(&command{name: "list", usage: i18n.CLIListUsage, summary: i18n.CLIListSummary, quick: true, run: runList})
	register(&command{name: "outline", usage: i18n.CLIOutlineUsage, summary: i18n.CLIOutlineSummary, quick: true, run: runOutline})
	register(&command{name: "show", usage: i18n.CLIShowUsage, summary: i18n.CLIShowSummary, run: runShow})
}

type listEntry struct {
	ID       string       `json:"id"`
	Title    string       `json:"title"`
	Kind     content.Kind `json:"kind"`
	Number   string       `json:"number"`
	Date     string       `json:"date"`
	Issuer   string       `json:"issuer"`
	Source   string       `json:"source"`
	Sections int          `json:"sections"`
}

func runList(e *env, args []string) int {
	c := commands["list"]
	fs := newFlags(e, c)
	asJSON := fs.Bool("json", false, "")
	pos, ok := parseFlags(e, c, fs, args)
	if !ok {
		return 2
	}
	if len(pos) > 0 {
		return extraArgs(e, c, pos)
	}
	lib, err := e.library()
	if err != nil {
		return fail(e, err)
	}
	docs := lib.Catalog()
	if *asJSON {
		entries := make([]listEntry, 0, len(docs))
		for _, d := range docs {
			entries = append(entries, listEntry{d.ID, d.Title, d.Kind, d.Number, d.Date, d.Issuer, d.Source, d.SectionCount})
		}
		return writeJSON(e, entries)
	}
	// Through one buffer: 7,000 documents were 42,000 write calls, a
	// third of the command, when tabwriter wrote each cell apart.
	bw := bufio.NewWriter(e.stdout)
	defer bw.Flush()
	const cols = 6 // as in CLIListHeader
	cells := make([]string, 0, cols*(len(docs)+1))
	cells = append(cells, strings.SplitN(e.T(i18n.CLIListHeader), "\t", cols)...)
	for _, d := range docs {
		cells = append(cells, safetext.Line(d.ID), i18n.KindName(string(d.Kind)).In(e.lang), dash(safetext.Line(d.Number)), dash(safetext.Line(plan.ShowDate(d.Date))), strconv.Itoa(d.SectionCount), truncate(safetext.Line(d.Title), 60))
	}
	alignColumns(bw, cells, cols)
	for _, p := range lib.Problems {
		fmt.Fprintln(e.stderr, "chibo:", safetext.Line(describeError(e, p)))
	}
	return 0
}

type outlineSection struct {
	ID      string   `json:"id"`
	Level   int      `json:"level"`
	Heading string   `json:"heading"`
	Path    []string `json:"path"`
}

type outlineDoc struct {
	ID       string           `json:"id"`
	Title    string           `json:"title"`
	Kind     content.Kind     `json:"kind"`
	Sections []outlineSection `json:"sections"`
}

func runOutline(e *env, args []string) int {
	c := commands["outline"]
	fs := newFlags(e, c)
	asJSON := fs.Bool("json", false, "")
	pos, ok := parseFlags(e, c, fs, args)
	if !ok {
		return 2
	}
	if len(pos) > 1 {
		return extraArgs(e, c, pos[1:])
	}
	if len(pos) != 1 {
		return usageError(e, c, e.T(i18n.CLINeedDoc))
	}
	doc, _, code := resolveDoc(e, pos[0])
	if doc == nil {
		return code
	}
	out := outlineDoc{ID: doc.ID, Title: doc.Title, Kind: doc.Kind, Sections: []outlineSection{}}
	for _, s := range doc.Sections {
		out.Sections = append(out.Sections, outlineSection{s.ID, s.Level, s.Heading, s.Path})
	}
	if *asJSON {
		return writeJSON(e, out)
	}
	// Titles, headings and IDs come from the document (and its file
	// name): one line each, with no control sequence.
	bw := bufio.NewWriter(e.stdout)
	fmt.Fprintln(bw, safetext.Line(doc.Title))
	for _, s := range out.Sections {
		fmt.Fprintf(bw, "%s%s  [%s]\n", strings.Repeat("  ", s.Level), safetext.Line(s.Heading), safetext.Line(s.ID))
	}
	bw.Flush()
	return 0
}

func runShow(e *env, args []string) int {
	c := commands["show"]
	fs := newFlags(e, c)
	md := fs.Bool("markdown", false, "")
	plain := fs.Bool("plain", false, "")
	width := fs.Int("width", 0, "")
	pos, ok := parseFlags(e, c, fs, args)
	if !ok {
		return 2
	}
	if len(pos) > 1 {
		return extraArgs(e, c, pos[1:])
	}
	if len(pos) != 1 {
		return usageError(e, c, e.T(i18n.CLINeedDoc))
	}
	if *md && *plain {
		return usageError(e, c, e.T(i18n.CLIShowOneFormat))
	}
	if *width != 0 && (*width < tui.MinTextWidth || *width > tui.MaxTextWidth) {
		return usageError(e, c, fmt.Sprintf(e.T(i18n.CLIShowBadWidth), tui.MinTextWidth, tui.MaxTextWidth, *width))
	}
	doc, sec, code := resolveDoc(e, pos[0])
	if doc == nil {
		return code
	}
	// Document text is stripped of control sequences at import; Strip
	// again on the way out (a file shown by path, a library written by an
	// older chibo). The rendered form is stripped by tui.RenderMarkdown.
	switch {
	case *plain:
		writePlain(e.stdout, doc, sec)
		return 0
	case *md:
		writeMarkdown(e.stdout, doc, sec)
		return 0
	}
	w := *width
	tty := isTerminal(e.stdout)
	if w == 0 {
		w = 80
		if f, ok := e.stdout.(*os.File); ok && tty {
			if tw, _, err := term.GetSize(f.Fd()); err == nil && tw > 20 {
				w = tw
			}
		}
	}
	style := "notty"
	if tty && os.Getenv("NO_COLOR") == "" {
		style = "dark"
	}
	if sec == nil && markdownBytes(doc) > showWhole {
		if err := writeRendered(e.stdout, doc, w, style); err != nil {
			return fail(e, err)
		}
		return 0
	}
	out, err := tui.RenderMarkdown(markdownOf(doc, sec), w, style)
	if err != nil {
		return fail(e, err)
	}
	io.WriteString(e.stdout, trimLines(out))
	return 0
}

// showWhole is the most markdown show renders in one piece. A larger
// document is rendered and written section by section, so memory follows
// its largest section, not the whole (a 60 MB one-paragraph text took
// 572 MB to show). Below it the document is rendered whole, as it always
// was: piped output (style notty) is the same either way, but on a
// terminal the blank lines between sections carry the style's padding
// only when rendered whole.
const showWhole = 1 << 20

// markdownBytes is about len(markdownOf(doc, nil)), without building it.
func markdownBytes(doc *content.Document) int {
	n := len(doc.Title)
	for _, s := range doc.Sections {
		n += len(s.Heading) + len(s.Markdown) + 16
	}
	return n
}

// writeRendered renders doc's markdown for the terminal a piece at a time:
// the title, then each section. Glamour opens every render with a blank
// line and closes it with one: the blank line opening each section is
// dropped, so the sections sit one blank line apart as in one render.
func writeRendered(w io.Writer, doc *content.Document, width int, style string) error {
	r, err := tui.NewMarkdownRenderer(width, style)
	if err != nil {
		return err
	}
	out, err := r.Render("# " + doc.Title + "\n")
	if err != nil {
		return err
	}
	if _, err := io.WriteString(w, trimLines(out)); err != nil {
		return nil // the reader went away (a closed pipe): nothing more to say
	}
	for _, s := range doc.Sections {
		out, err := r.Render(sectionMarkdown(s))
		if err != nil {
			return err
		}
		if _, err := io.WriteString(w, strings.TrimPrefix(trimLines(out), "\n")); err != nil {
			return nil
		}
	}
	return nil
}

// sectionMarkdown is one section as Document.Markdown writes it after the
// title, but for its body as the reader shows it (Section.ShownMarkdown).
func sectionMarkdown(s *content.Section) string {
	md := "\n" + s.HeadingMarkdown() + "\n"
	if s.Markdown != "" {
		md += "\n" + s.ShownMarkdown() + "\n"
	}
	return md
}

// writeMarkdown writes markdownOf(doc, sec) stripped of control
// sequences, a section at a time.
func writeMarkdown(w io.Writer, doc *content.Document, sec *content.Section) {
	if sec != nil {
		io.WriteString(w, safetext.Strip(markdownOf(doc, sec)))
		return
	}
	io.WriteString(w, safetext.Strip("# "+doc.Title+"\n"))
	for _, s := range doc.Sections {
		if _, err := io.WriteString(w, safetext.Strip(sectionMarkdown(s))); err != nil {
			return
		}
	}
}

// trimLines drops the spaces the renderer pads each line with to the
// width, so text piped to a file has none at the end of its lines.
func trimLines(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n")
}

// resolveDoc finds DOC[#SECTION]: a library ID, or a path to a file that is
// parsed on the spot (not added to the library). On failure it has printed
// the reason and returns the exit code.
func resolveDoc(e *env, arg string) (*content.Document, *content.Section, int) {
	ref, secID, _ := strings.Cut(arg, "#")
	var doc *content.Document
	if st, err := os.Stat(ref); err == nil && !st.IsDir() {
		d, err := content.ParseFile(ref)
		if err != nil {
			return nil, nil, fail(e, err)
		}
		doc = d
	} else {
		lib, err := e.library()
		if err != nil {
			return nil, nil, fail(e, err)
		}
		d, ok := lib.Doc(ref)
		if !ok {
			fmt.Fprintf(e.stderr, e.T(i18n.CLINoSuchDoc)+"\n", ref)
			return nil, nil, 1
		}
		doc = d
	}
	if secID == "" {
		return doc, nil, 0
	}
	s, ok := doc.FindSection(secID) // its ID, or the numbering the outline shows ("1.1")
	if !ok {
		fmt.Fprintf(e.stderr, e.T(i18n.CLINoSuchSection)+"\n", secID, safetext.Line(doc.ID), safetext.Line(doc.ID))
		return nil, nil, 1
	}
	return doc, s, 0
}

// markdownOf is doc (or its section sec) as show prints it: each
// section's heading, then its body as the reader shows it under that
// heading (Section.ShownMarkdown: a clipped run-in heading's words are not
// printed twice).
func markdownOf(doc *content.Document, sec *content.Section) string {
	if sec == nil {
		var b strings.Builder
		b.WriteString("# " + doc.Title + "\n")
		for _, s := range doc.Sections {
			b.WriteString(sectionMarkdown(s))
		}
		return b.String()
	}
	md := "# " + sec.Heading + "\n"
	if sec.Markdown != "" {
		md += "\n" + sec.ShownMarkdown() + "\n"
	}
	return md
}

// writePlain writes the plain text of doc (or of its section sec),
// stripped of control sequences, a section at a time.
func writePlain(w io.Writer, doc *content.Document, sec *content.Section) {
	write := func(s *content.Section) error {
		var parts []string
		// A run-in heading ("a) Tốc độ tăng trưởng…") is the start of
		// its text: the text alone says it once.
		if h := strings.TrimSuffix(s.Heading, "…"); s.Text == "" || !strings.HasPrefix(s.Text, h) {
			parts = append(parts, s.Heading)
		}
		if s.Text != "" {
			parts = append(parts, s.Text)
		}
		if len(s.Notes) > 0 {
			notes := make([]string, len(s.Notes))
			for i, n := range s.Notes {
				notes[i] = n.Mark + " " + n.Text
			}
			parts = append(parts, strings.Join(notes, "\n"))
		}
		_, err := io.WriteString(w, safetext.Strip(strings.Join(parts, "\n\n")+"\n\n"))
		return err
	}
	if sec != nil {
		write(sec)
		return
	}
	io.WriteString(w, safetext.Strip(doc.Title+"\n\n"))
	for i, s := range doc.Sections {
		if i == 0 && strings.EqualFold(s.Heading, doc.Title) && s.Text == "" {
			continue // the title again
		}
		if write(s) != nil {
			return
		}
	}
}

func writeJSON(e *env, v any) int {
	enc := json.NewEncoder(e.stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return fail(e, err)
	}
	return 0
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}

func dash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n { // most titles: nothing to allocate
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}
