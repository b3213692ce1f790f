package importer

import (
	"chibo/content/block"

	"context"
	"encoding/xml"
	"io"
	"regexp"
	"strconv"
	"strings"
)

// Word (.docx) is a zip of XML parts. We read word/document.xml with the
// styles (for heading levels), the numbering definitions (to write the
// numbers Word draws but does not store) and the foot- and endnotes.

func isW(n xml.Name) bool {
	return strings.HasSuffix(n.Space, "wordprocessingml/2006/main") || strings.HasSuffix(n.Space, "/wordprocessingml/main")
}

func wAttr(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// onOff reads a w:b / w:i toggle: present means on unless val says off.
func onOff(se xml.StartElement) bool {
	switch wAttr(se, "val") {
	case "0", "false", "off", "none":
		return false
	}
	return true
}

type wStyle struct {
	name, basedOn string
	outline       int // 1-based heading level, 0 none
	numID, ilvl   string
	bold, ita     bool
}

type wLevel struct {
	start       int
	format, txt string
}

type docxReader struct {
	ctx      context.Context
	styles   map[string]*wStyle
	abstract map[string]map[string]wLevel // abstractNumId → ilvl → level
	nums     map[string]string            // numId → abstractNumId
	counters map[string][]int             // numId → counter per level
	notes    map[string]string            // "f3"/"e2" → note text
	hasTitle bool
	md       mdDoc
	maxText  int
}

func convertDOCX(ctx context.Context, data []byte, opt Options) (*Result, error) {
	a, err := openArchive(data, opt.maxUnzipped())
	if err != nil {
		return nil, err
	}
	r := &docxReader{ctx: ctx, styles: map[string]*wStyle{}, abstract: map[string]map[string]wLevel{},
		nums: map[string]string{}, counters: map[string][]int{}, notes: map[string]string{}, maxText: opt.maxText()}
	for _, part := range []string{"word/styles.xml", "word/numbering.xml", "word/footnotes.xml", "word/endnotes.xml"} {
		d, err := a.open(part)
		if err != nil {
			return nil, err
		}
		if d == nil {
			continue
		}
		switch part {
		case "word/styles.xml":
			err = r.readStyles(d)
		case "word/numbering.xml":
			err = r.readNumbering(d)
		case "word/footnotes.xml":
			err = r.readNotes(d, "f")
		case "word/endnotes.xml":
			err = r.readNotes(d, "e")
		}
		d.Close()
		if err != nil {
			return nil, err
		}
	}
	doc, err := a.open("word/document.xml")
	if err != nil {
		return nil, err
	}
	if doc == nil {
		return nil, &Error{Problem: ProblemFormat, Detail: "word/document.xml missing"}
	}
	err = r.readBody(doc, &r.md)
	doc.Close()
	if err != nil {
		return nil, err
	}
	text, enc := repairMojibake(r.md.String())
	blocks := r.md.out
	if enc != "" {
		blocks = repairBlocks(blocks, enc)
	}
	return &Result{Blocks: blocks, Text: text, Layout: LayoutMarkdown, Format: FormatDOCX, Encoding: enc}, nil
}

var headingName = regexp.MustCompile(`(?i)^heading\s*([1-9])$`)

// readStyles reads the styles part; a damaged part leaves the styles read
// so far, but a limit (a bomb) stops the file.
func (r *docxReader) readStyles(d *xmlStream) error {
	var cur *wStyle
	inPPr, inRPr := false, false
	for {
		tok, err := d.Token()
		if err != nil {
			return limitErr(err)
		}
		if err := r.ctx.Err(); err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if !isW(t.Name) {
				continue
			}
			switch t.Name.Local {
			case "style":
				cur = &wStyle{}
				r.styles[wAttr(t, "styleId")] = cur
			case "pPr":
				inPPr = true
			case "rPr":
				inRPr = true
			}
			if cur == nil {
				continue
			}
			switch t.Name.Local {
			case "name":
				cur.name = wAttr(t, "val")
				if m := headingName.FindStringSubmatch(cur.name); m != nil {
					cur.outline, _ = strconv.Atoi(m[1])
				} else if strings.EqualFold(cur.name, "title") {
					cur.outline = -1 // the document title
				}
			case "basedOn":
				cur.basedOn = wAttr(t, "val")
			case "outlineLvl":
				if n, err := strconv.Atoi(wAttr(t, "val")); err == nil && n < 9 && inPPr && cur.outline == 0 {
					cur.outline = n + 1
				}
			case "numId":
				if inPPr {
					cur.numID = wAttr(t, "val")
				}
			case "ilvl":
				if inPPr {
					cur.ilvl = wAttr(t, "val")
				}
			case "b":
				if inRPr {
					cur.bold = onOff(t)
				}
			case "i":
				if inRPr {
					cur.ita = onOff(t)
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "style":
				cur = nil
			case "pPr":
				inPPr = false
			case "rPr":
				inRPr = false
			}
		}
	}
}

// style resolves a style through basedOn (bounded: chains can loop).
func (r *docxReader) style(id string) wStyle {
	var out wStyle
	for i := 0; i < 10 && id != ""; i++ {
		s, ok := r.styles[id]
		if !ok {
			break
		}
		if out.outline == 0 {
			out.outline = s.outline
		}
		if out.numID == "" {
			out.numID, out.ilvl = s.numID, s.ilvl
		}
		out.bold = out.bold || s.bold
		out.ita = out.ita || s.ita
		id = s.basedOn
	}
	return out
}

func (r *docxReader) readNumbering(d *xmlStream) error {
	var abs, numID string
	var lvl string
	var cur wLevel
	for {
		tok, err := d.Token()
		if err != nil {
			return limitErr(err)
		}
		if err := r.ctx.Err(); err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if !isW(t.Name) {
				continue
			}
			switch t.Name.Local {
			case "abstractNum":
				abs = wAttr(t, "abstractNumId")
				r.abstract[abs] = map[string]wLevel{}
			case "lvl":
				lvl, cur = wAttr(t, "ilvl"), wLevel{start: 1, format: "decimal"}
			case "start":
				cur.start, _ = strconv.Atoi(wAttr(t, "val"))
			case "numFmt":
				cur.format = wAttr(t, "val")
			case "lvlText":
				cur.txt = wAttr(t, "val")
			case "num":
				numID = wAttr(t, "numId")
			case "abstractNumId":
				if numID != "" {
					r.nums[numID] = wAttr(t, "val")
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "lvl":
				if abs != "" && r.abstract[abs] != nil {
					r.abstract[abs][lvl] = cur
				}
			case "abstractNum":
				abs = ""
			case "num":
				numID = ""
			}
		}
	}
}

func (r *docxReader) readNotes(d *xmlStream, kind string) error {
	for {
		tok, err := d.Token()
		if err != nil {
			return limitErr(err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok || !isW(se.Name) || (se.Name.Local != "footnote" && se.Name.Local != "endnote") {
			continue
		}
		id := wAttr(se, "id")
		var md mdDoc
		sub := &docxReader{ctx: r.ctx, styles: r.styles, abstract: r.abstract, nums: r.nums,
			counters: map[string][]int{}, notes: map[string]string{}, maxText: r.maxText}
		if err := sub.walk(d, se, &md); err != nil {
			if IsCancel(err) {
				return err
			}
			return limitErr(err)
		}
		text := strings.TrimSpace(PlainInline(md.String()))
		if t := wAttr(se, "type"); t == "" || t == "normal" {
			r.notes[kind+id] = text
		}
	}
}

// PlainInline flattens the blocks of a note into one line.
func PlainInline(md string) string {
	return strings.Join(strings.Fields(md), " ")
}

// readBody walks document.xml.
func (r *docxReader) readBody(d *xmlStream, md *mdDoc) error {
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return xmlError("word/document.xml", err)
		}
		if se, ok := tok.(xml.StartElement); ok && isW(se.Name) && se.Name.Local == "body" {
			return r.walk(d, se, md)
		}
	}
}

// para is a paragraph being read.
type wPara struct {
	style        string
	jc           string // w:jc: "center", "right", "both" …
	caps         bool   // a run in w:caps
	lastLabel    string // the number paraText drew
	lastBullet   bool
	outline      int
	numID, ilvl  string
	segs         []seg
	bold, ita    bool // current run
	runB, runI   bool // run properties seen
	inRPr, inPPr bool
}

// walk reads the children of start until its end element, writing blocks.
func (r *docxReader) walk(d *xmlStream, start xml.StartElement, md *mdDoc) error {
	var stack []*wPara // nested paragraphs (text boxes)
	var tbls tables
	depth := 0
	skip := 0 // depth inside an element whose content is not text
	cur := func() *wPara {
		if len(stack) == 0 {
			return nil
		}
		return stack[len(stack)-1]
	}
	for n := 1; ; n++ {
		tok, err := d.Token()
		if err != nil {
			if err == io.EOF {
				return nil
			}
			return xmlError("xml", err)
		}
		if n&0x3ff == 0 {
			if err := r.ctx.Err(); err != nil {
				return err
			}
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if skip > 0 {
				skip++
				continue
			}
			if t.Name.Local == "Fallback" || t.Name.Local == "delText" || t.Name.Local == "instrText" {
				skip = 1 // alternate copies of text boxes; deleted and field-code text
				continue
			}
			if !isW(t.Name) {
				continue
			}
			p := cur()
			switch t.Name.Local {
			case "p":
				stack = append(stack, &wPara{})
			case "pPr":
				if p != nil {
					p.inPPr = true
				}
			case "rPr":
				if p != nil && !p.inPPr {
					p.inRPr = true
				}
			case "pStyle":
				if p != nil {
					p.style = wAttr(t, "val")
				}
			case "outlineLvl":
				if p != nil && p.inPPr {
					if n, err := strconv.Atoi(wAttr(t, "val")); err == nil && n < 9 {
						p.outline = n + 1
					}
				}
			case "jc":
				if p != nil && p.inPPr && !p.inRPr {
					p.jc = wAttr(t, "val")
				}
			case "caps":
				if p != nil && p.inRPr && onOff(t) {
					p.caps = true
				}
			case "gridSpan":
				if n, err := strconv.Atoi(wAttr(t, "val")); err == nil {
					tbls.setSpan(n)
				}
			case "numId":
				if p != nil && p.inPPr {
					p.numID = wAttr(t, "val")
				}
			case "ilvl":
				if p != nil && p.inPPr {
					p.ilvl = wAttr(t, "val")
				}
			case "r":
				if p != nil {
					p.runB, p.runI, p.bold, p.ita = false, false, false, false
				}
			case "b":
				if p != nil && p.inRPr {
					p.runB, p.bold = true, onOff(t)
				}
			case "i":
				if p != nil && p.inRPr {
					p.runI, p.ita = true, onOff(t)
				}
			case "t":
				var s string
				if err := d.DecodeElement(&s, &t); err != nil {
					return xmlError("xml", err)
				}
				depth--
				if p != nil {
					p.segs = append(p.segs, seg{text: s, bold: p.bold, ita: p.ita})
				}
			case "tab", "ptab":
				if p != nil && !p.inPPr {
					p.segs = append(p.segs, seg{text: " "})
				}
			case "br", "cr":
				if p != nil {
					p.segs = append(p.segs, seg{text: "\n"})
				}
			case "noBreakHyphen":
				if p != nil {
					p.segs = append(p.segs, seg{text: "-"})
				}
			case "footnoteReference", "endnoteReference":
				if p != nil {
					kind := "f"
					if t.Name.Local == "endnoteReference" {
						kind = "e"
					}
					if text, ok := r.notes[kind+wAttr(t, "id")]; ok {
						p.segs = append(p.segs, seg{text: md.note(text)})
					}
				}
			case "tbl":
				tbls.open(md)
			case "tr":
				tbls.startRow()
			case "tc":
				tbls.startCell()
			}
		case xml.EndElement:
			depth--
			if skip > 0 {
				skip--
				continue
			}
			if depth < 0 {
				return nil // end of start
			}
			if !isW(t.Name) {
				continue
			}
			p := cur()
			switch t.Name.Local {
			case "pPr":
				if p != nil {
					p.inPPr = false
				}
			case "rPr":
				if p != nil {
					p.inRPr = false
					st := r.style(p.style)
					if !p.runB {
						p.bold = st.bold
					}
					if !p.runI {
						p.ita = st.ita
					}
				}
			case "p":
				stack = stack[:len(stack)-1]
				if p == nil {
					continue
				}
				if len(tbls) > 0 && len(stack) == 0 {
					tbls.addText(r.paraText(p))
					tbls.addBlock(r.cellBlock(p))
				} else {
					r.emit(p, md)
				}
				if md.cost() > r.maxText {
					return tooMuchText(r.maxText)
				}
				if err := r.ctx.Err(); err != nil {
					return err
				}
			case "tc":
				tbls.endCell()
				if md.cost() > r.maxText {
					return tooMuchText(r.maxText)
				}
			case "tr":
				tbls.endRow()
			case "tbl":
				tbls.close(md)
			}
		}
	}
}

// level returns the heading level of p (0: body text).
func (r *docxReader) level(p *wPara) int {
	lvl := p.outline
	if lvl == 0 {
		lvl = r.style(p.style).outline
	}
	return lvl
}

// label computes the number Word draws before a numbered paragraph.
func (r *docxReader) label(p *wPara) (label string, bullet bool) {
	numID, ilvl := p.numID, p.ilvl
	if numID == "" {
		st := r.style(p.style)
		numID, ilvl = st.numID, st.ilvl
	}
	if numID == "" || numID == "0" {
		return "", false
	}
	lv, _ := strconv.Atoi(ilvl)
	if lv < 0 || lv > 8 {
		lv = 0
	}
	levels := r.abstract[r.nums[numID]]
	def, ok := levels[strconv.Itoa(lv)]
	if !ok {
		return "", false
	}
	if def.format == "bullet" {
		return "", true
	}
	c := r.counters[numID]
	if c == nil {
		c = make([]int, 9)
		r.counters[numID] = c
	}
	if c[lv] == 0 {
		c[lv] = def.start
	} else {
		c[lv]++
	}
	for i := lv + 1; i < 9; i++ {
		c[i] = 0
	}
	txt := def.txt
	for i := 8; i >= 0; i-- {
		ph := "%" + strconv.Itoa(i+1)
		if !strings.Contains(txt, ph) {
			continue
		}
		n := c[i]
		if n == 0 {
			n = max(levels[strconv.Itoa(i)].start, 1)
		}
		f := levels[strconv.Itoa(i)].format
		if i != lv && f == "bullet" {
			f = "decimal"
		}
		txt = strings.ReplaceAll(txt, ph, listLabel(n, f))
	}
	if def.format == "none" {
		txt = ""
	}
	return strings.TrimSpace(txt), false
}

// paraText is a cell paragraph as markdown; it numbers the paragraph, so
// it runs once per paragraph, before cellBlock.
func (r *docxReader) paraText(p *wPara) string {
	label, bullet := r.label(p)
	p.lastLabel, p.lastBullet = label, bullet
	text := inline(p.segs, false)
	switch {
	case bullet:
		return "• " + text
	case label != "":
		return label + " " + text
	}
	return text
}

// cellBlock is a table cell's paragraph as a block (after paraText).
func (r *docxReader) cellBlock(p *wPara) block.Block {
	return r.paraBlock(p, p.lastLabel, p.lastBullet, r.level(p))
}

// listLevel is a w:ilvl value as a nesting depth 1–8, 0 for none or out
// of range (no error is made for the common empty value: a long
// document's paragraphs are many).
func listLevel(ilvl string) int {
	if ilvl == "" {
		return 0
	}
	if n, err := strconv.Atoi(ilvl); err == nil && n > 0 && n < 9 {
		return n
	}
	return 0
}

// paraBlock is the block of a paragraph: its text with the number Word
// draws, and the evidence of its style and runs.
func (r *docxReader) paraBlock(p *wPara, label string, bullet bool, lvl int) block.Block {
	text := segsText(p.segs)
	md := inline(p.segs, false)
	if label != "" {
		text, md = label+" "+text, label+" "+md
	}
	bold, ita := segsBold(p.segs)
	b := block.Block{Kind: block.Para, Text: text, Markdown: plainMarkdown(text, md), Label: label, Bullet: bullet,
		Bold: bold, Italic: ita, Caps: p.caps}
	if n := listLevel(p.ilvl); n > 0 {
		b.ListLevel = int8(n)
	}
	switch {
	case lvl == -1:
		b.Title = true
	case lvl > 0:
		b.Outline = int8(min(lvl, 9))
	}
	switch p.jc {
	case "center":
		b.Align = block.AlignCenter
	case "right", "end":
		b.Align = block.AlignRight
	case "both", "distribute":
		b.Align = block.AlignJustify
	default:
		b.Align = block.AlignLeft
	}
	return b
}

func (r *docxReader) emit(p *wPara, md *mdDoc) {
	label, bullet := r.label(p)
	lvl := r.level(p)
	b := r.paraBlock(p, label, bullet, lvl)
	md.add(b)
	if lvl != 0 {
		text := inline(p.segs, true)
		if label != "" {
			text = label + " " + text
		}
		if lvl == -1 {
			r.hasTitle = true
			md.heading(1, text)
			return
		}
		if r.hasTitle {
			lvl++
		}
		md.heading(lvl, text)
		return
	}
	text := inline(p.segs, false)
	indent := ""
	if n := listLevel(p.ilvl); n > 0 {
		indent = strings.Repeat("  ", n)
	}
	switch {
	case bullet:
		md.para(indent+"- ", text)
	case label != "":
		md.paraShared(indent+label+" ", text, b.Text)
	default:
		md.paraShared("", text, b.Text)
	}
}
