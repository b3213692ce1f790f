package tui

import (
	"strings"

	"charm.land/glamour/v2"
	gansi "charm.land/glamour/v2/ansi"
	gstyles "charm.land/glamour/v2/styles"

	"chibo/content/safetext"
)

// Display bounds. Glamour's renderer does work per node that grows with
// the node's depth (hundreds of nested ">" took seconds, a thousand took
// 30 s and 850 MB), and its table layout is quadratic in the number of
// columns. Markdown handed to glamour for display therefore goes through
// DisplayMarkdown first, which caps both; the stored text is unchanged
// (show --markdown/--plain and exports print it whole).
const (
	// MinTextWidth and MaxTextWidth bound the width text is laid out at.
	// Glamour pads every line to the width, so an unbounded width costs
	// memory in proportion to it.
	MinTextWidth = 20
	MaxTextWidth = 500

	// maxNesting is the deepest blockquote/list nesting shown; markers
	// beyond it on a line are dropped (the text stays).
	maxNesting = 12
	// maxIndent is the most leading blank columns kept inside a line's
	// container prefix (nesting by indentation).
	maxIndent = 4 * maxNesting
	// maxTableCols is the most columns shown as a grid at any width;
	// narrower screens show fewer (width/3). A wider table is shown as
	// a list of rows.
	maxTableCols = 50
	// maxTableCells bounds the cells of one grid handed to the table
	// layout; longer tables are split into several grids, each repeating
	// the header row.
	maxTableCells = 2000
)

// ClampWidth returns w bounded to [MinTextWidth, MaxTextWidth].
func ClampWidth(w int) int {
	return min(max(w, MinTextWidth), MaxTextWidth)
}

// RenderMarkdown renders markdown for a terminal the way the reader does:
// bounded by DisplayMarkdown, and with only SGR styling in the result
// (glamour's OSC 8 hyperlinks are removed: a link's URL is shown as text).
// style is a glamour standard style ("dark", "light", "notty").
func RenderMarkdown(md string, width int, style string) (string, error) {
	width = ClampWidth(width)
	r, err := newRenderer(style, width, false)
	if err != nil {
		return "", err
	}
	return renderBounded(r, md, width)
}

// newRenderer makes a glamour renderer for width columns in a standard
// style. reader is the reader's renderer: tables wrap their cells, and
// without colour (style notty) bold and italic text is shown bold and
// italic rather than between the markdown's ** and * (glamour's notty
// style prints the marks, which in a reader look like stray asterisks);
// headings keep their # marks, the only sign of a heading there.
func newRenderer(style string, width int, reader bool) (*glamour.TermRenderer, error) {
	opts := []glamour.TermRendererOption{glamour.WithWordWrap(width - 4)}
	if reader && style == gstyles.NoTTYStyle {
		opts = append(opts, glamour.WithStyles(noColorReaderStyle()))
	} else {
		opts = append(opts, glamour.WithStandardStyle(style))
	}
	if reader {
		opts = append(opts, glamour.WithTableWrap(true))
	}
	return glamour.NewTermRenderer(opts...)
}

// noColorReaderStyle is glamour's notty style with emphasis as text
// attributes (bold, italic, crossed out), which NO_COLOR allows.
func noColorReaderStyle() gansi.StyleConfig {
	c := gstyles.NoTTYStyleConfig
	on := true
	c.Strong = gansi.StylePrimitive{Bold: &on}
	c.Emph = gansi.StylePrimitive{Italic: &on}
	c.Strikethrough = gansi.StylePrimitive{CrossedOut: &on}
	return c
}

// renderBounded is the one place markdown reaches glamour for display.
func renderBounded(r *glamour.TermRenderer, md string, width int) (string, error) {
	out, err := r.Render(DisplayMarkdown(md, width))
	if err != nil {
		return "", err
	}
	return onlySGR(out), nil
}

// DisplayMarkdown returns md made safe and bounded for glamour at width:
// control sequences stripped (safetext.Strip), blockquote/list nesting
// capped at maxNesting levels, and tables wider than the screen can hold
// turned into lists of rows. It runs in time linear in len(md).
func DisplayMarkdown(md string, width int) string {
	md = safetext.Strip(md)
	lines := strings.Split(md, "\n")
	out := make([]string, 0, len(lines))
	maxCols := min(maxTableCols, max(ClampWidth(width)/3, 2))
	for i := 0; i < len(lines); i++ {
		l := capNesting(lines[i])
		// A table: a header row, then a delimiter row.
		if i+1 < len(lines) && strings.Contains(l, "|") {
			prefix, _ := containerPrefix(lines[i+1])
			if n := delimiterCols(lines[i+1][len(prefix):]); n > 0 {
				end := i + 2
				for end < len(lines) && strings.TrimSpace(lines[end]) != "" && strings.Contains(lines[end], "|") {
					end++
				}
				// Goldmark makes a table of a header row with up to as
				// many cells as the delimiter row (it pads the header).
				if prefix == "" && len(splitRow(lines[i])) <= n {
					out = append(out, boundTable(lines[i], lines[i+1], lines[i+2:end], n, maxCols)...)
					i = end - 1
					continue
				}
				if n > maxCols {
					// Any other wide table (inside a quote or list, or
					// one whose header row does not match): break its
					// delimiter row so it is shown as text, not a grid.
					out = append(out, l, capNesting(strings.ReplaceAll(lines[i+1], "|", `\|`)))
					i++
					continue
				}
			}
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}

// containerPrefix returns the blockquote/list-marker prefix of line (with
// the blanks around the markers) and how many markers it holds.
func containerPrefix(line string) (string, int) {
	i, n := 0, 0
	for {
		j := skipBlanks(line, i)
		k, ok := markerEnd(line, j)
		if !ok {
			return line[:i], n
		}
		i, n = k, n+1
	}
}

func skipBlanks(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	return i
}

// markerEnd reports whether a container marker (">", a bullet "-", "*",
// "+", or an ordered "1." / "1)" followed by a blank or the line end)
// starts at line[j], and where it ends.
func markerEnd(line string, j int) (int, bool) {
	if j >= len(line) {
		return j, false
	}
	k := j + 1
	switch c := line[j]; {
	case c == '>':
		return k, true
	case c == '-' || c == '*' || c == '+':
	case c >= '0' && c <= '9':
		for k < len(line) && k-j < 9 && line[k] >= '0' && line[k] <= '9' {
			k++
		}
		if k >= len(line) || line[k] != '.' && line[k] != ')' {
			return j, false
		}
		k++
	default:
		return j, false
	}
	if k < len(line) && line[k] != ' ' && line[k] != '\t' {
		return j, false
	}
	return k, true
}

// capNesting keeps at most maxNesting container markers and maxIndent
// blank columns in line's prefix (plain leading indentation nests too,
// as list continuation); the markers and blanks beyond are dropped and
// the text after the prefix is kept.
func capNesting(line string) string {
	prefix, n := containerPrefix(line)
	lead := skipBlanks(line, len(prefix))
	blanks := lead - len(prefix)
	for i := 0; i < len(prefix); i++ {
		if prefix[i] == ' ' || prefix[i] == '\t' {
			blanks++
		}
	}
	if n <= maxNesting && blanks <= maxIndent {
		return line
	}
	var b strings.Builder
	b.Grow(len(line))
	i, kept, cols := 0, 0, 0
	for {
		j := skipBlanks(line, i)
		k, ok := markerEnd(line, j)
		keep := min(j-i, maxIndent-cols)
		if !ok {
			b.WriteString(line[i : i+keep])
			if keep == 0 && j > i && b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(line[j:])
			return b.String()
		}
		if kept < maxNesting {
			b.WriteString(line[i : i+keep])
			cols += keep
			if keep == 0 && j > i && b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(line[j:k])
			kept++
		}
		i = k
	}
}

// delimiterCols returns the number of columns of a table delimiter row
// ("| --- | :-: |"), or 0 if s is not one.
func delimiterCols(s string) int {
	s = strings.TrimSpace(s)
	if !strings.Contains(s, "|") || !strings.Contains(s, "-") {
		return 0
	}
	cells := splitRow(s)
	for _, c := range cells {
		c = strings.TrimSpace(c)
		c = strings.TrimPrefix(c, ":")
		c = strings.TrimSuffix(c, ":")
		if c == "" || strings.Trim(c, "-") != "" {
			return 0
		}
	}
	return len(cells)
}

// splitRow splits a table row into its cells at the pipes that are not
// escaped; the outer pipes are optional.
func splitRow(s string) []string {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(s, "|")
	if strings.HasSuffix(s, "|") && !strings.HasSuffix(s, `\|`) {
		s = s[:len(s)-1]
	}
	var cells []string
	start := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '|':
			cells = append(cells, s[start:i])
			start = i + 1
		}
	}
	return append(cells, s[start:])
}

// boundTable returns a table's lines for display: unchanged if it is
// small; split into several grids of at most maxTableCells cells (each
// repeating the header) if it is long; as a list, one item per row with
// each cell after its column's header, if it has more than maxCols
// columns, which no screen can show as a grid.
func boundTable(header, delim string, rows []string, n, maxCols int) []string {
	if n > maxCols {
		hdr := splitRow(header)
		for len(hdr) < n {
			hdr = append(hdr, "")
		}
		out := []string{""}
		item := func(cells []string) {
			var b strings.Builder
			b.WriteString("-")
			for j, c := range cells[:min(len(cells), n)] {
				c = strings.TrimSpace(c)
				if c == "" {
					continue
				}
				if b.Len() > 1 {
					b.WriteString(" ·")
				}
				b.WriteByte(' ')
				if h := strings.TrimSpace(hdr[j]); h != "" && h != c {
					b.WriteString(h + ": ")
				}
				b.WriteString(c)
			}
			if b.Len() > 1 {
				out = append(out, b.String())
			}
		}
		if len(rows) == 0 {
			hdr = make([]string, n)
			item(splitRow(header))
		}
		for _, r := range rows {
			item(splitRow(r))
		}
		return append(out, "")
	}
	per := max(maxTableCells/n-1, 1)
	if len(rows) <= per {
		return append([]string{header, delim}, rows...)
	}
	var out []string
	for len(rows) > 0 {
		k := min(per, len(rows))
		if out != nil {
			out = append(out, "")
		}
		out = append(out, header, delim)
		out = append(out, rows[:k]...)
		rows = rows[k:]
	}
	return out
}

// onlySGR returns glamour's output with every escape sequence removed
// except SGR styling (CSI … m). Glamour wraps links in OSC 8 hyperlinks,
// whose target a terminal hides; the URL is shown as text anyway.
func onlySGR(s string) string {
	if !strings.Contains(s, "\x1b") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		if s[i] != 0x1b {
			b.WriteByte(s[i])
			i++
			continue
		}
		j := i + 1
		switch {
		case j < len(s) && s[j] == '[': // CSI: keep only SGR
			j++
			for j < len(s) && s[j] >= 0x20 && s[j] <= 0x3f {
				j++
			}
			if j < len(s) && s[j] >= 0x40 && s[j] <= 0x7e {
				j++
				if s[j-1] == 'm' {
					b.WriteString(s[i:j])
				}
			}
		case j < len(s) && s[j] == ']': // OSC: drop up to BEL or ST
			j++
			for j < len(s) && s[j] != 0x07 && s[j] != 0x1b {
				j++
			}
			if j < len(s) && s[j] == 0x07 {
				j++
			} else if j+1 < len(s) && s[j+1] == '\\' {
				j += 2
			}
		case j < len(s):
			j++
		}
		i = j
	}
	return b.String()
}
