// Package htmlmd converts HTML to the small markdown dialect chibo renders
// and indexes: whole pages (from the HTML importer) as well as the fragments
// found in the cells of exported report tables.
//
// It walks the token stream of golang.org/x/net/html rather than the parsed
// tree, because real cells are broken HTML (a <ul> never closed, a <p>
// split across a page break) and the tree builder would move or drop text
// to repair them; here every piece of text outside script and style reaches
// the output, with terminal control characters removed (safetext), also
// those an entity such as &#27; decodes to. The package is a leaf: it
// imports nothing of chibo but the internal NFC helper and safetext.
package htmlmd

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"

	"chibo/content/internal/compose"
	"chibo/content/safetext"
)

// Convert returns src as markdown. The page title, if any, is left out; see
// Page.
func Convert(src string) string {
	_, md := Page(src)
	return md
}

// Page returns the text of the <title> element (one line) and the rest of
// src as markdown. Headings become "#" headings, paragraphs and list items
// markdown blocks, <b>/<i> emphasis, tables one block per cell labelled by
// the column header (wide tables do not fit a terminal), and script, style
// and template content is dropped. Unknown tags are dropped, their text
// kept. The result is NFC.
func Page(src string) (title, markdown string) {
	title, markdown, _ = PageLimit(src, 0)
	return title, markdown
}

// BlockCost is what PageLimit counts for each block beyond its text, in
// bytes: the memory a block costs its reader.
const BlockCost = 64

// PageLimit is Page that gives up once the markdown's blocks would cost
// more than max bytes (their text and BlockCost each; 0 for no limit):
// ok is false then, and title and markdown are empty. A page of a million
// table cells, each its own block, held some 40 MB of blocks before the
// text was checked.
func PageLimit(src string, max int) (title, markdown string, ok bool) {
	// A page that marks its <main> content is read from there; if that
	// leaves next to nothing, the markup lied and the whole page is read.
	if hasMain(src) {
		title, markdown, ok = page(src, true, max)
		if !ok || len(strings.TrimSpace(markdown)) >= 200 {
			return title, markdown, ok
		}
	}
	return page(src, false, max)
}

// hasMain reports whether src has a <main> element or role="main".
func hasMain(src string) bool {
	for _, k := range []string{"<main", "<MAIN", `role="main"`} {
		if strings.Contains(src, k) {
			return true
		}
	}
	return false
}

func page(src string, mainOnly bool, max int) (title, markdown string, ok bool) {
	c := &conv{mainOnly: mainOnly}
	z := html.NewTokenizer(strings.NewReader(skipServerCode(skipDoctypeSubset(src))))
	for {
		if max > 0 && c.cost > max {
			return "", "", false
		}
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		switch tt {
		case html.TextToken:
			c.text(safetext.Strip(strings.Map(controlSpace, string(z.Text()))))
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			var attrs map[string]string
			if string(name) == "img" || string(name) == "ol" || hasAttr {
				attrs = tagAttrs(z)
			}
			c.start(string(name), tt == html.SelfClosingTagToken, attrs)
		case html.EndTagToken:
			name, _ := z.TagName()
			c.end(string(name))
		}
	}
	c.finish()
	if max > 0 && c.cost > max {
		return "", "", false
	}
	title = strings.Join(strings.Fields(c.title.String()), " ")
	return compose.NFC(title), compose.NFC(c.join()), true
}

func tagAttrs(z *html.Tokenizer) map[string]string {
	m := map[string]string{}
	for {
		k, v, more := z.TagAttr()
		m[string(k)] = string(v)
		if !more {
			return m
		}
	}
}

// maxDepth bounds the nesting of lists and quotes that indentation shows.
const maxDepth = 4

// style is the emphasis in force on a run of text.
type style uint8

const (
	bold style = 1 << iota
	italic
)

type run struct {
	text string
	st   style
}

type blockKind int

const (
	kPara blockKind = iota
	kHeading
	kPre
)

// block is one finished markdown block; items of one list are joined by a
// single newline so the list stays tight.
type block struct {
	text string
	item bool
}

type list struct {
	ordered bool
	next    int    // number of the next ordered item
	marker  string // marker of the open item, "" when no <li> is open
	started bool   // the open item has written its first block
}

type table struct {
	labels    []string // column labels from a header row of <th>
	used      []bool   // labels written before a cell
	col       int      // cells seen in the current row
	allTH     bool     // the current row has only <th> cells
	inHead    bool     // inside <thead>
	row       int      // rows seen
	rowStart  int      // index in blocks where the current row began
	cellStart int      // index in blocks where the current cell began
	cells     []string // text of the current row's cells, for a header
	dataRows  int      // rows emitted as data
	width     int      // most cells seen in a row
}

type conv struct {
	blocks []block
	cost   int // the blocks' text and BlockCost each (see PageLimit)
	runs   []run
	kind   blockKind
	level  int // heading level

	b, i    int // open <b>/<strong> and <i>/<em> tags
	lists   []*list
	tables  []*table
	quote   int
	pre     int
	skip    string // raw-text element whose content is dropped
	tmpl    int    // open <template> elements: inert content, dropped
	inTitle bool
	title   strings.Builder
	prefix  string // label written before the next block (table cells)
	labeled bool   // the prefix was written

	// Page chrome: site navigation, banners, side panels and footers are
	// not the document. chrome is the stack of open <nav>, <aside> (and
	// <header>/<footer> outside an <article> or <main>) whose text is
	// dropped; with mainOnly, only the text inside <main> is kept.
	chrome   []string
	article  int // open <article> and <main> elements
	mainOnly bool
	inMain   int
}

// blockTags end the current block when they open or close.
var blockTags = map[string]bool{
	"address": true, "article": true, "aside": true, "blockquote": true, "body": true,
	"caption": true, "center": true, "dd": true, "details": true, "dialog": true,
	"div": true, "dl": true, "dt": true, "fieldset": true, "figcaption": true,
	"figure": true, "footer": true, "form": true, "h1": true, "h2": true, "h3": true,
	"h4": true, "h5": true, "h6": true, "head": true, "header": true, "hgroup": true,
	"hr": true, "html": true, "legend": true, "li": true, "main": true, "menu": true,
	"nav": true, "ol": true, "p": true, "pre": true, "section": true, "summary": true,
	"table": true, "tbody": true, "td": true, "tfoot": true, "th": true, "thead": true,
	"tr": true, "ul": true, "option": true, "br": true, "title": true,
}

// IsBlock reports whether the tag ends a block of text, for callers that
// need to know where words are separated (tests, plain-text extraction).
func IsBlock(tag string) bool { return blockTags[tag] }

// dropTags have content that is not text of the document.
var dropTags = map[string]bool{
	"script": true, "style": true, "noscript": true, "iframe": true,
	"noembed": true, "noframes": true,
}

// IsDropped reports whether the content of tag is left out of the output.
func IsDropped(tag string) bool { return dropTags[tag] || tag == "template" }

func (c *conv) start(name string, selfClosing bool, attrs map[string]string) {
	if c.skip != "" {
		return
	}
	if !selfClosing && c.startChrome(name, attrs) {
		return
	}
	if name == "template" {
		if !selfClosing {
			c.tmpl++
		}
		return
	}
	if c.tmpl > 0 {
		return
	}
	if dropTags[name] {
		if !selfClosing {
			c.skip = name
		}
		return
	}
	switch name {
	case "b", "strong":
		if !selfClosing {
			c.b++
		}
		return
	case "i", "em", "cite", "dfn":
		if !selfClosing {
			c.i++
		}
		return
	case "img":
		if alt := strings.TrimSpace(attrs["alt"]); alt != "" {
			c.text(" " + alt + " ")
		}
		return
	case "title":
		c.flush()
		c.inTitle = !selfClosing
		return
	}
	if !blockTags[name] {
		return // unknown or inline: its text is kept
	}
	c.flush()
	switch name {
	case "br":
		// A line break ends the paragraph: it is how cells separate lines.
	case "hr":
		c.blocks = append(c.blocks, block{text: "---"})
		c.cost += 3 + BlockCost
	case "h1", "h2", "h3", "h4", "h5", "h6":
		c.kind, c.level = kHeading, int(name[1]-'0')
	case "pre":
		c.pre++
		c.kind = kPre
	case "blockquote":
		c.quote++
	case "ul", "ol", "menu":
		l := &list{ordered: name == "ol", next: 1}
		if n, err := strconv.Atoi(strings.TrimSpace(attrs["start"])); err == nil && n >= 0 && n < 1e6 {
			l.next = n
		}
		c.lists = append(c.lists, l)
	case "li":
		if len(c.lists) == 0 {
			c.lists = append(c.lists, &list{next: 1}) // stray <li>: a list of its own
		}
		l := c.lists[len(c.lists)-1]
		if l.ordered {
			l.marker = strconv.Itoa(l.next) + ". "
			l.next++
		} else {
			l.marker = "- "
		}
		l.started = false
	case "table":
		c.tables = append(c.tables, &table{})
	case "thead":
		if t := c.table(); t != nil {
			t.inHead = true
		}
	case "tbody", "tfoot":
		if t := c.table(); t != nil {
			t.endRow(c)
			t.inHead = false
		}
	case "tr":
		if t := c.table(); t != nil {
			t.endRow(c)
			t.startRow(c)
		}
	case "td", "th":
		if t := c.table(); t != nil {
			t.startCell(c, name == "th")
		}
	}
}

func (c *conv) end(name string) {
	if c.skip != "" {
		if name == c.skip {
			c.skip = ""
		}
		return
	}
	if c.endChrome(name) {
		return
	}
	if name == "template" {
		if c.tmpl > 0 {
			c.tmpl--
		}
		return
	}
	if c.tmpl > 0 {
		return
	}
	switch name {
	case "b", "strong":
		if c.b > 0 {
			c.b--
		}
		return
	case "i", "em", "cite", "dfn":
		if c.i > 0 {
			c.i--
		}
		return
	case "title":
		c.inTitle = false
		return
	}
	if !blockTags[name] {
		return
	}
	c.flush()
	switch name {
	case "h1", "h2", "h3", "h4", "h5", "h6":
		c.kind = kPara
	case "pre":
		if c.pre > 0 {
			c.pre--
		}
		if c.pre == 0 {
			c.kind = kPara
		}
	case "blockquote":
		if c.quote > 0 {
			c.quote--
		}
	case "ul", "ol", "menu":
		for k := len(c.lists) - 1; k >= max(0, len(c.lists)-16); k-- {
			if c.lists[k].ordered == (name == "ol") {
				c.lists = c.lists[:k]
				break
			}
		}
	case "li":
		if len(c.lists) > 0 {
			c.lists[len(c.lists)-1].marker = ""
		}
	case "tr":
		if t := c.table(); t != nil {
			t.endRow(c)
		}
	case "thead":
		if t := c.table(); t != nil {
			t.endRow(c)
			t.inHead = false
		}
	case "td", "th":
		if t := c.table(); t != nil {
			t.endCell(c)
		}
	case "table":
		if t := c.table(); t != nil {
			t.endRow(c)
			t.finish(c)
			c.tables = c.tables[:len(c.tables)-1]
		}
	}
}

func (c *conv) table() *table {
	if len(c.tables) == 0 {
		return nil
	}
	return c.tables[len(c.tables)-1]
}

func (c *conv) text(s string) {
	if c.skip != "" || c.tmpl > 0 || s == "" {
		return
	}
	if c.inTitle {
		c.title.WriteString(s + " ")
		return
	}
	if len(c.chrome) > 0 || c.mainOnly && c.inMain == 0 {
		return
	}
	var st style
	if c.b > 0 {
		st |= bold
	}
	if c.i > 0 {
		st |= italic
	}
	c.runs = append(c.runs, run{text: s, st: st})
}

func (c *conv) finish() {
	c.flush()
	for len(c.tables) > 0 {
		t := c.tables[len(c.tables)-1]
		t.endRow(c)
		t.finish(c)
		c.tables = c.tables[:len(c.tables)-1]
	}
}

// indent is the indentation of text inside the open list items of the
// first n lists.
func (c *conv) indent(n int) string {
	w := 0
	// Deeper nesting is shown flat: indentation past a few levels only
	// pushes text off a narrow screen (and lets hostile input blow up).
	for _, l := range c.lists[max(0, n-maxDepth):n] {
		if l.marker != "" {
			w += utf8.RuneCountInString(l.marker)
		}
	}
	return strings.Repeat(" ", w)
}

// flush ends the current block and appends it to the output.
func (c *conv) flush() {
	runs := c.runs
	c.runs = c.runs[:0]
	if c.kind == kPre {
		var sb strings.Builder
		for _, r := range runs {
			sb.WriteString(r.text)
		}
		text := strings.Trim(sb.String(), "\n")
		if strings.TrimSpace(text) == "" {
			return
		}
		ind := c.indent(len(c.lists)) + "    "
		lines := strings.Split(text, "\n")
		for i, l := range lines {
			lines[i] = ind + strings.TrimRight(escape(l), " \t")
		}
		c.add(block{text: strings.Join(lines, "\n")})
		return
	}
	text := render(runs)
	if text == "" {
		return
	}
	if c.prefix != "" {
		c.labeled = true
		if c.kind == kPara && len(c.lists) == 0 {
			text = c.prefix + " " + text
		} else {
			c.add(block{text: c.prefix})
		}
		c.prefix = ""
	}
	if c.kind == kHeading {
		c.add(block{text: strings.Repeat("#", c.level) + " " + text})
		return
	}
	n := len(c.lists)
	if n > 0 && c.lists[n-1].marker != "" {
		// Inside an <li>: the first block carries the marker, later ones
		// are indented under it.
		l := c.lists[n-1]
		if !l.started {
			l.started = true
			lead, items := splitDashItems(trimMarker(text))
			first := lead
			if first == "" && len(items) > 0 {
				first, items = items[0], items[1:]
			}
			c.add(block{text: c.indent(n-1) + l.marker + first, item: true})
			for _, it := range items {
				c.add(block{text: c.indent(n) + "- " + it, item: true})
			}
			return
		}
		c.addPara(text, c.indent(n), false)
		return
	}
	// Text of a list outside any <li> (cells write "<ul>- a. - b"), or a
	// paragraph that is itself a dash list: one item per dash.
	c.addPara(text, c.indent(max(n-1, 0)), n > 0)
}

// addPara writes text as a paragraph, split into list items where it is a
// run of "- " items.
func (c *conv) addPara(text, indent string, inList bool) {
	if inList || startsDash(text) {
		lead, items := splitDashItems(text)
		if lead != "" {
			c.add(block{text: indent + escapeLead(lead)})
		}
		for _, it := range items {
			c.add(block{text: indent + "- " + it, item: true})
		}
		return
	}
	c.add(block{text: indent + escapeLead(text)})
}

func (c *conv) add(b block) {
	if c.quote > 0 {
		q := strings.Repeat("> ", min(c.quote, maxDepth))
		lines := strings.Split(b.text, "\n")
		for i, l := range lines {
			lines[i] = strings.TrimRight(q+l, " ")
		}
		b.text = strings.Join(lines, "\n")
	}
	c.blocks = append(c.blocks, b)
	c.cost += len(b.text) + BlockCost
}

func (c *conv) join() string {
	var sb strings.Builder
	for i, b := range c.blocks {
		if i > 0 {
			if b.item && c.blocks[i-1].item {
				sb.WriteString("\n")
			} else {
				sb.WriteString("\n\n")
			}
		}
		sb.WriteString(b.text)
	}
	return sb.String()
}

func (t *table) startRow(c *conv) {
	t.row++
	t.col = 0
	t.allTH = true
	t.rowStart = len(c.blocks)
	t.cells = t.cells[:0]
}

func (t *table) startCell(c *conv, th bool) {
	if t.row == 0 { // a cell without <tr>
		t.startRow(c)
	}
	t.endCell(c)
	t.col++
	if t.col > t.width {
		t.width = t.col
	}
	if !th {
		t.allTH = false
	}
	t.cellStart = len(c.blocks)
	c.prefix, c.labeled = "", false
	if !t.inHead && t.labels != nil && t.col-1 < len(t.labels) && t.labels[t.col-1] != "" {
		c.prefix = "**" + t.labels[t.col-1] + ":**"
	}
}

// endCell records the text of the cell that is open, if any.
func (t *table) endCell(c *conv) {
	c.flush()
	if c.labeled && t.col > 0 && t.col <= len(t.used) {
		t.used[t.col-1] = true
	}
	c.prefix, c.labeled = "", false
	if t.col == 0 || len(t.cells) >= t.col {
		return
	}
	var parts []string
	for _, b := range c.blocks[t.cellStart:] {
		parts = append(parts, strings.TrimSpace(b.text))
	}
	t.cells = append(t.cells, strings.Join(parts, " "))
}

// endRow turns a first row of <th> into the labels of the columns (its
// blocks are taken back: each later cell repeats its label), and separates
// data rows of a multi-column table by a rule.
func (t *table) endRow(c *conv) {
	if t.row == 0 || t.col == 0 {
		return
	}
	t.endCell(c)
	emitted := len(c.blocks) > t.rowStart
	if (t.allTH || t.inHead) && t.labels == nil && t.dataRows == 0 && t.col > 1 && shortLabels(t.cells) {
		t.labels = make([]string, len(t.cells))
		t.used = make([]bool, len(t.cells))
		for i, s := range t.cells {
			t.labels[i] = strings.TrimRight(strings.ReplaceAll(s, "**", ""), ":： ")
		}
		c.blocks = c.blocks[:t.rowStart]
	} else if emitted {
		if t.dataRows > 0 && t.width > 1 {
			c.blocks = append(c.blocks[:t.rowStart], append([]block{{text: "---"}}, c.blocks[t.rowStart:]...)...)
			c.cost += 3 + BlockCost
		}
		t.dataRows++
	}
	t.col = 0
	t.cells = t.cells[:0]
	t.rowStart = len(c.blocks)
}

// maxLabel is the longest header cell used as a label repeated before
// each cell of its column: a longer one is text, not a label, and
// repeating it made a 45 KB table 34 MB of markdown.
const maxLabel = 200

func shortLabels(cells []string) bool {
	for _, s := range cells {
		if len(s) > maxLabel {
			return false
		}
	}
	return true
}

// finish writes back the header labels no cell was shown under, so their
// words are not lost.
func (t *table) finish(c *conv) {
	if len(t.labels) > 0 {
		var ls []string
		for i, l := range t.labels {
			if l != "" && !t.used[i] {
				ls = append(ls, l)
			}
		}
		if len(ls) > 0 {
			c.add(block{text: escapeLead(strings.Join(ls, " · "))})
		}
	}
	c.prefix = ""
}

// render joins runs into one line of markdown: white space collapsed,
// emphasis markers placed around the words only (so "*x:*" becomes "*x*:",
// which both markdown and plain-text extraction read right), and no markers
// inside a word.
func render(runs []run) string {
	// Merge runs of the same style and collapse white space.
	type seg struct {
		text string
		st   style
	}
	var segs []seg
	var cur strings.Builder
	var curSt style
	for _, r := range runs {
		t := collapse(r.text)
		if t == "" {
			continue
		}
		if cur.Len() > 0 && curSt != r.st && strings.TrimSpace(t) != "" {
			segs = append(segs, seg{cur.String(), curSt})
			cur.Reset()
		}
		if cur.Len() == 0 {
			curSt = r.st
		}
		cur.WriteString(t)
	}
	if cur.Len() > 0 {
		segs = append(segs, seg{cur.String(), curSt})
	}
	var sb strings.Builder
	for k, s := range segs {
		t := s.text
		if s.st == 0 {
			sb.WriteString(escape(t))
			continue
		}
		// Split off what is not a word at either end.
		start := strings.IndexFunc(t, isWordRune)
		if start < 0 {
			sb.WriteString(escape(t))
			continue
		}
		endIdx := strings.LastIndexFunc(t, isWordRune)
		_, w := utf8.DecodeRuneInString(t[endIdx:])
		endIdx += w
		// Extend the end over combining marks so a word is never cut.
		for endIdx < len(t) {
			r, w := utf8.DecodeRuneInString(t[endIdx:])
			if !unicode.Is(unicode.Mn, r) {
				break
			}
			endIdx += w
		}
		lead, core, trail := t[:start], t[start:endIdx], t[endIdx:]
		prevWord := false
		if lead == "" && sb.Len() > 0 {
			r, _ := utf8.DecodeLastRuneInString(sb.String())
			prevWord = isWordRune(r) || unicode.Is(unicode.Mn, r)
		}
		nextWord := false
		if trail == "" && k+1 < len(segs) {
			r, _ := utf8.DecodeRuneInString(segs[k+1].text)
			nextWord = isWordRune(r) || unicode.Is(unicode.Mn, r)
		}
		if prevWord || nextWord {
			sb.WriteString(escape(t)) // emphasis inside a word: dropped
			continue
		}
		mark := ""
		if s.st&bold != 0 {
			mark += "**"
		}
		if s.st&italic != 0 {
			mark += "*"
		}
		sb.WriteString(escape(lead) + mark + escape(core) + mark + escape(trail))
	}
	return strings.TrimSpace(collapse(sb.String()))
}

// collapse turns every run of white space into one space (and each bad
// byte into U+FFFD). It runs on every piece of text, which mostly has
// single plain spaces only and is returned as it is.
func collapse(s string) string {
	if !needsCollapse(s) {
		return s
	}
	var sb strings.Builder
	sb.Grow(len(s))
	space := false
	for _, r := range s {
		if isSpace(r) {
			space = true
			continue
		}
		if space {
			sb.WriteByte(' ')
			space = false
		}
		sb.WriteRune(r)
	}
	if space {
		sb.WriteByte(' ')
	}
	return sb.String()
}

// needsCollapse reports whether collapse changes s: it has white space
// other than single plain spaces, or bytes that are not UTF-8.
func needsCollapse(s string) bool {
	space := false
	for i, r := range s {
		switch {
		case r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD"):
			return true
		case isSpace(r):
			if space || r != ' ' {
				return true
			}
			space = true
		default:
			space = false
		}
	}
	return false
}

// isSpace reports white space as unicode.IsSpace does, and the no-break
// and zero-width spaces of copied text. The letters of Vietnamese text are
// answered before the Unicode table would be searched.
func isSpace(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return r == ' ' || r >= '\t' && r <= '\r'
	case r < 0x2000:
		return r == '\u0085' || r == '\u00a0' || r == '\u1680'
	}
	return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff'
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// escape protects characters of the text that markdown would read as
// markup. Only the escapes a plain-text pass can undo are used.
func escape(s string) string {
	if !strings.ContainsAny(s, "\\*_[]<") {
		return s
	}
	var sb strings.Builder
	for i, r := range s {
		switch r {
		case '\\', '*', '_', '[', ']':
			sb.WriteByte('\\')
		case '<':
			// "<abc" would be read as raw HTML and hidden.
			if i+1 < len(s) {
				n := s[i+1]
				if n == '/' || n == '!' || n == '?' || (n|0x20 >= 'a' && n|0x20 <= 'z') {
					sb.WriteByte('\\')
				}
			}
		}
		sb.WriteRune(r)
	}
	return sb.String()
}

// escapeLead keeps a paragraph that starts with "#" from becoming a heading.
func escapeLead(s string) string {
	t := strings.TrimLeft(s, " ")
	if strings.HasPrefix(t, "#") {
		return s[:len(s)-len(t)] + "\\" + t
	}
	return s
}

func startsDash(s string) bool {
	return strings.HasPrefix(s, "- ") || strings.HasPrefix(s, "• ")
}

// trimMarker drops a dash the source wrote inside an <li>.
func trimMarker(s string) string {
	if startsDash(s) {
		return strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(s, "- "), "• "))
	}
	return s
}

// splitDashItems cuts text written as "- a. - b.- c" into its items. A dash
// starts an item at the start of the text or after the end of a sentence
// (". - B", "Đảng.- Ban"), when a space and a capital, a digit or an
// opening quote follow; "kinh tế - xã hội" stays one phrase. lead is the
// text before the first item.
func splitDashItems(s string) (lead string, items []string) {
	if !strings.Contains(s, "- ") && !strings.Contains(s, "• ") {
		return strings.TrimSpace(s), nil // no dash that could start an item
	}
	rs := []rune(s)
	var cuts []int // rune index of each item's dash
	lastSignificant := rune(0)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if (r == '-' || r == '•') && i+1 < len(rs) && rs[i+1] == ' ' {
			atStart := lastSignificant == 0
			afterSentence := strings.ContainsRune(".;:!?…”\"»)", lastSignificant)
			if atStart || afterSentence {
				j := i + 1
				for j < len(rs) && rs[j] == ' ' {
					j++
				}
				if j < len(rs) && (atStart || opensItem(rs[j])) && !(i > 0 && rs[i-1] == '-') {
					cuts = append(cuts, i)
					lastSignificant = r
					continue
				}
			}
		}
		if r != ' ' {
			lastSignificant = r
		}
	}
	if len(cuts) == 0 {
		return strings.TrimSpace(s), nil
	}
	lead = strings.TrimSpace(string(rs[:cuts[0]]))
	for k, at := range cuts {
		end := len(rs)
		if k+1 < len(cuts) {
			end = cuts[k+1]
		}
		it := strings.TrimSpace(string(rs[at+1 : end]))
		if it != "" {
			items = append(items, it)
		}
	}
	return lead, items
}

func opensItem(r rune) bool {
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("“\"'(*\\", r)
}

// startChrome tracks the page-chrome elements as tag opens; it reports
// whether the tag is inside chrome (and so has nothing to add).
func (c *conv) startChrome(name string, attrs map[string]string) bool {
	if len(c.chrome) > 0 {
		if name == c.chrome[len(c.chrome)-1] || isChrome(name, attrs, c.article) {
			c.chrome = append(c.chrome, name)
		}
		return true
	}
	if isChrome(name, attrs, c.article) {
		c.flush()
		c.chrome = append(c.chrome, name)
		return true
	}
	switch {
	case name == "main" || attrs["role"] == "main":
		c.inMain++
		c.article++
	case name == "article":
		c.article++
	}
	return false
}

// endChrome closes what startChrome opened; it reports whether the tag
// was inside chrome.
func (c *conv) endChrome(name string) bool {
	if n := len(c.chrome); n > 0 {
		if name == c.chrome[n-1] {
			c.chrome = c.chrome[:n-1]
		}
		return true
	}
	switch name {
	case "main":
		if c.inMain > 0 {
			c.inMain--
		}
		if c.article > 0 {
			c.article--
		}
	case "article":
		if c.article > 0 {
			c.article--
		}
	}
	return false
}

// isChrome reports whether an element is page chrome: navigation, a side
// panel, or a banner or footer of the page (an article's own <header>
// holds its title and stays).
func isChrome(name string, attrs map[string]string, inArticle int) bool {
	switch name {
	case "nav", "aside":
		return true
	case "header", "footer":
		return inArticle == 0
	}
	switch attrs["role"] {
	case "navigation", "banner", "contentinfo", "complementary":
		return true
	}
	return false
}

// skipDoctypeSubset removes the internal subset of a DOCTYPE at the head
// of src (<!DOCTYPE x [ <!ENTITY …> ]>, from XHTML and XML tools): the
// HTML tokenizer ends the doctype at its first '>', and the rest of the
// subset, "]>" included, would be read as text.
func skipDoctypeSubset(src string) string {
	head := src[:min(len(src), 1024)]
	i := strings.Index(strings.ToLower(head), "<!doctype")
	if i < 0 {
		return src
	}
	gt := strings.IndexByte(src[i:], '>')
	open := strings.IndexByte(src[i:], '[')
	if gt < 0 || open < 0 || open > gt {
		return src
	}
	end := strings.Index(src[i+open:], "]")
	if end < 0 {
		return src
	}
	rest := src[i+open+end+1:]
	gt = strings.IndexByte(rest, '>')
	if gt < 0 || strings.TrimSpace(rest[:gt]) != "" {
		return src
	}
	return src[:i+open] + ">" + rest[gt+1:]
}

// skipServerCode drops the server-side code of a page saved from its
// template — JSP and ASP directives and scriptlets, "<%@ page … %>",
// "<% … %>" — which the HTML tokenizer would read as text. An opening
// "<%" without its "%>" is left as it is.
func skipServerCode(src string) string {
	i := strings.Index(src, "<%")
	if i < 0 {
		return src
	}
	var b strings.Builder
	b.Grow(len(src))
	for i >= 0 {
		end := strings.Index(src[i+2:], "%>")
		if end < 0 {
			break
		}
		b.WriteString(src[:i])
		src = src[i+2+end+2:]
		i = strings.Index(src, "<%")
	}
	b.WriteString(src)
	return b.String()
}

// controlSpace turns a lone C0 control (NUL, form feed …) into a space, so
// that dropping it does not join the words on either side; ESC and BEL
// are left for safetext, which removes whole sequences they start or end.
func controlSpace(r rune) rune {
	if r < 0x20 && r != '\n' && r != '\t' && r != 0x1b && r != 0x07 || r == 0x7f {
		return ' '
	}
	return r
}
