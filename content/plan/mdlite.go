package plan

import (
	"regexp"
	"strings"
	"unicode"
)

// The excerpts are the markdown the content parsers write: paragraphs,
// lists, quotes, pipe tables, headings, emphasis and escapes. mdlite reads
// exactly that subset into blocks so the HTML and docx packs render it the
// same way, without a markdown dependency in the domain package.

// span is a run of inline text.
type span struct {
	Text string
	B, I bool
	Br   bool // a line break (<br> in a table cell, a soft break)
}

// block is one block of the pack or of an excerpt.
type block struct {
	Kind     blockKind
	Level    int      // heading level
	Class    string   // rendering hint: see the class constants
	Spans    []span   // heading, paragraph
	Items    [][]span // list items
	Labels   []string // ordered list: each item's own label as written ("1)", "3."), so numbering that is part of the text survives
	Rows     [][][]span
	Header   bool    // first table row is a header
	Widths   []int   // table column widths in percent, optional
	Fill     bool    // a table of empty rows to write in by hand
	Children []block // quote / excerpt body, masthead columns
	Raw      string  // excerpt: original markdown for the md pack
}

type blockKind int

const (
	bPara blockKind = iota
	bHeading
	bList
	bOList
	bQuote
	bTable
	bRule
	bPageBreak
	bExcerpt  // an excerpt box: Children are its body, Raw its markdown
	bMasthead // two columns side by side: Rows[0][0] left, Rows[0][1] right
)

// Class hints.
const (
	cCenter  = "center"
	cTitle   = "title"    // the big centred title of a document
	cSub     = "subtitle" // the line under a title
	cHint    = "hint"     // what an agenda item covers
	cSource  = "source"   // the source line under an excerpt
	cMissing = "missing"  // a source no longer in the library
	cBlank   = "blank"    // a line to fill in by hand
	cSmall   = "small"
	cWarn    = "warn"
	cSign    = "sign" // signature block table
	cGrid    = "grid" // bordered table
)

var (
	olRE      = regexp.MustCompile(`^([0-9]{1,3})[.)]\s+`)
	headingRE = regexp.MustCompile(`^(#{1,6})\s+(.*)$`)
)

// parseMarkdown reads the markdown subset into blocks.
func parseMarkdown(md string) []block {
	lines := strings.Split(strings.ReplaceAll(md, "\r\n", "\n"), "\n")
	var out []block
	var para []string
	flush := func() {
		if len(para) > 0 {
			out = append(out, block{Kind: bPara, Spans: inline(strings.Join(para, " "))})
			para = nil
		}
	}
	for i := 0; i < len(lines); i++ {
		t := strings.TrimSpace(lines[i])
		switch {
		case t == "":
			flush()
		case t == "---" || t == "***" || t == "___":
			flush()
			out = append(out, block{Kind: bRule})
		case headingRE.MatchString(t):
			flush()
			m := headingRE.FindStringSubmatch(t)
			out = append(out, block{Kind: bHeading, Level: len(m[1]), Spans: inline(m[2])})
		case strings.HasPrefix(t, "|"):
			flush()
			var rows [][][]span
			header := false
			for ; i < len(lines) && strings.HasPrefix(strings.TrimSpace(lines[i]), "|"); i++ {
				row := strings.TrimSpace(lines[i])
				if isRule(row) {
					if len(rows) == 1 {
						header = true
					}
					continue
				}
				var cells [][]span
				for _, c := range splitCells(row) {
					cells = append(cells, inline(strings.TrimSpace(c)))
				}
				rows = append(rows, cells)
			}
			i--
			out = append(out, block{Kind: bTable, Rows: rows, Header: header, Class: cGrid})
		case strings.HasPrefix(t, ">"):
			flush()
			var q []string
			for ; i < len(lines) && strings.HasPrefix(strings.TrimSpace(lines[i]), ">"); i++ {
				q = append(q, strings.TrimPrefix(strings.TrimPrefix(strings.TrimSpace(lines[i]), ">"), " "))
			}
			i--
			out = append(out, block{Kind: bQuote, Children: parseMarkdown(strings.Join(q, "\n"))})
		case isBullet(t) || olRE.MatchString(t):
			flush()
			kind := bList
			if !isBullet(t) {
				kind = bOList
			}
			b := block{Kind: kind}
			for ; i < len(lines); i++ {
				l := lines[i]
				lt := strings.TrimSpace(l)
				if lt == "" {
					break
				}
				if (kind == bList && isBullet(lt)) || (kind == bOList && olRE.MatchString(lt)) {
					if kind == bList {
						lt = lt[2:]
					} else {
						m := olRE.FindString(lt)
						b.Labels = append(b.Labels, strings.TrimSpace(m))
						lt = lt[len(m):]
					}
					b.Items = append(b.Items, inline(lt))
					continue
				}
				if len(b.Items) > 0 && (strings.HasPrefix(l, " ") || strings.HasPrefix(l, "\t")) && !isBullet(lt) && !olRE.MatchString(lt) {
					last := &b.Items[len(b.Items)-1]
					*last = append(*last, span{Text: " "})
					*last = append(*last, inline(lt)...)
					continue
				}
				break
			}
			i--
			out = append(out, b)
		default:
			para = append(para, t)
		}
	}
	flush()
	return out
}

func isBullet(t string) bool {
	return len(t) > 2 && (t[0] == '-' || t[0] == '*' || t[0] == '+') && t[1] == ' '
}

func isRule(t string) bool { return strings.Trim(t, "|-: ") == "" }

// splitCells splits a pipe-table row, honouring \| escapes.
func splitCells(row string) []string {
	row = strings.TrimSpace(row)
	row = strings.TrimPrefix(row, "|")
	if strings.HasSuffix(row, "|") && !strings.HasSuffix(row, `\|`) {
		row = row[:len(row)-1]
	}
	var cells []string
	var cur strings.Builder
	for i := 0; i < len(row); i++ {
		if row[i] == '\\' && i+1 < len(row) && row[i+1] == '|' {
			cur.WriteString(`\|`)
			i++
			continue
		}
		if row[i] == '|' {
			cells = append(cells, cur.String())
			cur.Reset()
			continue
		}
		cur.WriteByte(row[i])
	}
	return append(cells, cur.String())
}

// inline reads emphasis, escapes and <br> into spans.
func inline(s string) []span {
	rs := []rune(s)
	var out []span
	var cur strings.Builder
	bold, ital := false, false
	emit := func() {
		if cur.Len() > 0 {
			out = append(out, span{Text: cur.String(), B: bold, I: ital})
			cur.Reset()
		}
	}
	// has reports whether marker ("**", "__", "*" or "_") occurs at or
	// after rune from: the start of its last occurrence is at or after
	// from. Precomputed, so a line of many markers stays linear.
	last := map[string]int{"**": -1, "__": -1, "*": -1, "_": -1}
	for i, r := range rs {
		if r == '*' || r == '_' {
			last[string(r)] = i
			if i > 0 && rs[i-1] == r {
				last[string([]rune{r, r})] = i - 1
			}
		}
	}
	has := func(from int, marker string) bool { return last[marker] >= from }
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case r == '\\' && i+1 < len(rs) && strings.ContainsRune(`\*_#[]|<>`+"`", rs[i+1]):
			cur.WriteRune(rs[i+1])
			i++
		case r == '<' && strings.HasPrefix(strings.ToLower(string(rs[i:])), "<br>"):
			emit()
			out = append(out, span{Br: true})
			i += 3
		case (r == '*' || r == '_') && i+1 < len(rs) && rs[i+1] == r:
			marker := string([]rune{r, r})
			if bold || has(i+2, marker) {
				emit()
				bold = !bold
				i++
			} else {
				cur.WriteString(marker)
				i++
			}
		case r == '*' || r == '_':
			prevWord := i > 0 && isWord(rs[i-1])
			nextWord := i+1 < len(rs) && isWord(rs[i+1])
			if prevWord != nextWord && (ital || has(i+1, string(r))) {
				emit()
				ital = !ital
			} else {
				cur.WriteRune(r)
			}
		default:
			cur.WriteRune(r)
		}
	}
	emit()
	return out
}

func isWord(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// plain is the text of spans without formatting.
func plain(sp []span) string {
	var b strings.Builder
	for _, s := range sp {
		if s.Br {
			b.WriteString(" ")
		}
		b.WriteString(s.Text)
	}
	return b.String()
}

// txt is a plain span list of one string.
func txt(s string) []span { return []span{{Text: s}} }

// bold is a bold span list of one string.
func bold(s string) []span { return []span{{Text: s, B: true}} }

// ital is an italic span list of one string.
func ital(s string) []span { return []span{{Text: s, I: true}} }
