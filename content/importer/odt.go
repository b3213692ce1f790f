package importer

import (
	"chibo/content/block"
	"context"
	"encoding/xml"
	"io"
	"strconv"
	"strings"
)

// OpenDocument text (.odt, LibreOffice) is a zip whose content.xml holds
// the body: text:h headings carry their outline level, text:list nests
// lists, table:table tables, text:note footnotes inline, and spans take
// bold/italic from automatic styles.

const (
	nsText   = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
	nsTable  = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
	nsStyle  = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
	nsFO     = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
	nsOffice = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
)

func attrNS(se xml.StartElement, space, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local && (space == "" || a.Name.Space == space) {
			return a.Value
		}
	}
	return ""
}

type odtStyle struct {
	bold, ita bool
	outline   int
	parent    string
}

// odtList is one numbering style's levels: format ("1", "I", "a", "" for
// bullets) with prefix and suffix.
type odtLevel struct{ format, prefix, suffix string }

type odtReader struct {
	ctx     context.Context
	styles  map[string]*odtStyle
	lists   map[string]map[int]odtLevel
	maxText int
}

func convertODT(ctx context.Context, data []byte, opt Options) (*Result, error) {
	a, err := openArchive(data, opt.maxUnzipped())
	if err != nil {
		return nil, err
	}
	r := &odtReader{ctx: ctx, styles: map[string]*odtStyle{}, lists: map[string]map[int]odtLevel{}, maxText: opt.maxText()}
	if d, err := a.open("styles.xml"); err != nil {
		return nil, err
	} else if d != nil {
		err = r.readStyles(d)
		d.Close()
		if err != nil {
			return nil, err
		}
	}
	// content.xml holds the automatic styles before the body: one pass
	// reads both, so the part is inflated once.
	content, err := a.open("content.xml")
	if err != nil {
		return nil, err
	}
	if content == nil {
		return nil, &Error{Problem: ProblemFormat, Detail: "content.xml missing"}
	}
	var md mdDoc
	err = r.readBody(content, &md)
	content.Close()
	if err != nil {
		return nil, err
	}
	text, enc := repairMojibake(md.String())
	blocks := md.out
	if enc != "" {
		blocks = repairBlocks(blocks, enc)
	}
	return &Result{Blocks: blocks, Text: text, Layout: LayoutMarkdown, Format: FormatODT, Encoding: enc}, nil
}

// readStyles reads styles.xml; a damaged part leaves the styles read so
// far, but a limit (a bomb) stops the file.
func (r *odtReader) readStyles(d *xmlStream) error {
	var st odtStyleState
	for {
		tok, err := d.Token()
		if err != nil {
			return limitErr(err)
		}
		if err := r.ctx.Err(); err != nil {
			return err
		}
		if se, ok := tok.(xml.StartElement); ok {
			r.styleStart(se, &st)
		}
	}
}

// odtStyleState is the style or list style being read.
type odtStyleState struct {
	cur  *odtStyle
	list map[int]odtLevel
}

// styleStart reads one element of a styles section (styles.xml, or the
// automatic styles at the head of content.xml).
func (r *odtReader) styleStart(se xml.StartElement, s *odtStyleState) {
	cur, list := s.cur, s.list
	defer func() { s.cur, s.list = cur, list }()
	{
		switch {
		case se.Name.Space == nsStyle && se.Name.Local == "style":
			cur = &odtStyle{parent: attrNS(se, nsStyle, "parent-style-name")}
			if n, err := strconv.Atoi(attrNS(se, nsStyle, "default-outline-level")); err == nil {
				cur.outline = n
			}
			r.styles[attrNS(se, nsStyle, "name")] = cur
		case se.Name.Space == nsStyle && se.Name.Local == "text-properties" && cur != nil:
			if w := attrNS(se, nsFO, "font-weight"); w == "bold" || w == "600" || w == "700" || w == "800" || w == "900" {
				cur.bold = true
			}
			if attrNS(se, nsFO, "font-style") == "italic" {
				cur.ita = true
			}
		case se.Name.Space == nsText && se.Name.Local == "list-style":
			list = map[int]odtLevel{}
			r.lists[attrNS(se, nsStyle, "name")] = list
		case se.Name.Space == nsText && (se.Name.Local == "list-level-style-number" || se.Name.Local == "list-level-style-bullet") && list != nil:
			lvl, _ := strconv.Atoi(attrNS(se, nsText, "level"))
			l := odtLevel{}
			if se.Name.Local == "list-level-style-number" {
				l = odtLevel{format: attrNS(se, nsStyle, "num-format"), prefix: attrNS(se, nsStyle, "num-prefix"), suffix: attrNS(se, nsStyle, "num-suffix")}
			}
			list[lvl] = l
		}
	}
}

func (r *odtReader) style(name string) odtStyle {
	var out odtStyle
	for i := 0; i < 10 && name != ""; i++ {
		s, ok := r.styles[name]
		if !ok {
			break
		}
		out.bold = out.bold || s.bold
		out.ita = out.ita || s.ita
		if out.outline == 0 {
			out.outline = s.outline
		}
		name = s.parent
	}
	return out
}

type odtListState struct {
	style   string
	counter int
}

// odtPara is a paragraph or heading being read.
type odtPara struct {
	heading int
	segs    []seg
	fmt     []odtStyle // span style stack
	prefix  string
}

// readBody walks office:text, writing blocks to md.
func (r *odtReader) readBody(d *xmlStream, md *mdDoc) error {
	var styles odtStyleState
	var paras []*odtPara
	var lists []*odtListState
	counters := map[string][]int{} // list style → counters per level (continues across lists)
	var tbls tables
	var noteDepth int
	var noteMD *mdDoc
	var noteStart int
	skip := 0
	cur := func() *odtPara {
		if len(paras) == 0 {
			return nil
		}
		return paras[len(paras)-1]
	}
	addText := func(s string) {
		p := cur()
		if p == nil {
			return
		}
		st := p.fmt[len(p.fmt)-1] // cumulative: see the span case
		p.segs = append(p.segs, seg{text: s, bold: st.bold, ita: st.ita})
	}
	depth := 0
	for n := 1; ; n++ {
		tok, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return xmlError("content.xml", err)
		}
		if n&0x3ff == 0 {
			if err := r.ctx.Err(); err != nil {
				return err
			}
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if t.Name.Space == nsStyle || t.Name.Space == nsText && t.Name.Local == "list-style" ||
				t.Name.Space == nsText && strings.HasPrefix(t.Name.Local, "list-level-style-") {
				r.styleStart(t, &styles) // automatic styles, before the body
			}
			if skip > 0 {
				skip++
				continue
			}
			switch t.Name.Space {
			case nsOffice:
				if t.Name.Local == "annotation" {
					skip = 1
				}
			case nsText:
				switch t.Name.Local {
				case "tracked-changes", "note-citation":
					skip = 1
				case "note":
					noteDepth = depth
					noteMD = &mdDoc{}
					noteStart = len(paras)
				case "h", "p":
					p := &odtPara{}
					st := r.style(attrNS(t, nsText, "style-name"))
					if t.Name.Local == "h" {
						p.heading, _ = strconv.Atoi(attrNS(t, nsText, "outline-level"))
						if p.heading == 0 {
							p.heading = max(st.outline, 1)
						}
					} else if st.outline > 0 {
						p.heading = st.outline
					}
					p.fmt = append(p.fmt, st)
					if n := len(lists); n > 0 && lists[n-1].counter >= 0 {
						l := lists[n-1]
						l.counter = -1 // only the item's first paragraph gets the number
						lv := r.lists[lists[0].style][n]
						if lv.format == "" {
							p.prefix = strings.Repeat("  ", n-1) + "- "
						} else {
							c := counters[lists[0].style]
							if c == nil {
								c = make([]int, 11)
								counters[lists[0].style] = c
							}
							if n < len(c) {
								c[n]++
								for i := n + 1; i < len(c); i++ {
									c[i] = 0
								}
								p.prefix = strings.Repeat("  ", n-1) + lv.prefix + listLabel(c[n], lv.format) + lv.suffix + " "
							}
						}
					}
					paras = append(paras, p)
				case "span", "a":
					if p := cur(); p != nil {
						// Each entry holds the emphasis of the spans around
						// it too, so adding text does not walk the stack.
						st, top := r.style(attrNS(t, nsText, "style-name")), p.fmt[len(p.fmt)-1]
						st.bold, st.ita = st.bold || top.bold, st.ita || top.ita
						p.fmt = append(p.fmt, st)
					}
				case "s":
					n, _ := strconv.Atoi(attrNS(t, nsText, "c"))
					addText(strings.Repeat(" ", min(max(n, 1), 100)))
				case "tab":
					addText(" ")
				case "line-break":
					addText("\n")
				case "list":
					style := attrNS(t, nsText, "style-name")
					if len(lists) == 0 && attrNS(t, nsText, "continue-numbering") != "true" && style != "" {
						delete(counters, style)
					}
					if len(lists) > 0 && style == "" {
						style = lists[0].style
					}
					lists = append(lists, &odtListState{style: style})
				case "list-item", "list-header":
					if n := len(lists); n > 0 {
						lists[n-1].counter = 0
					}
				}
			case nsTable:
				switch t.Name.Local {
				case "table":
					tbls.open(md)
				case "table-row":
					tbls.startRow()
				case "table-cell":
					tbls.startCell()
				}
			}
		case xml.CharData:
			if skip == 0 { // ODF reads line ends in text as spaces
				addText(strings.Map(func(r rune) rune {
					if r == '\n' || r == '\r' || r == '\t' {
						return ' '
					}
					return r
				}, string(t)))
			}
		case xml.EndElement:
			depth--
			if skip > 0 {
				skip--
				continue
			}
			switch t.Name.Space {
			case nsText:
				switch t.Name.Local {
				case "span", "a":
					if p := cur(); p != nil && len(p.fmt) > 1 {
						p.fmt = p.fmt[:len(p.fmt)-1]
					}
				case "list":
					if n := len(lists); n > 0 {
						lists = lists[:n-1]
					}
				case "note":
					if noteMD != nil && depth == noteDepth-1 {
						text := PlainInline(noteMD.String())
						noteMD = nil
						paras = paras[:min(noteStart, len(paras))]
						if p := cur(); p != nil {
							p.segs = append(p.segs, seg{text: md.note(text)})
						}
					}
				case "h", "p":
					n := len(paras)
					if n == 0 {
						continue
					}
					p := paras[n-1]
					if noteMD != nil && n > noteStart {
						paras = paras[:n-1]
						noteMD.para("", inline(p.segs, false))
						continue
					}
					paras = paras[:n-1]
					if len(tbls) > 0 {
						tbls.addText(p.prefix + inline(p.segs, false))
						tbls.addBlock(odtBlock(p))
						if md.cost() > r.maxText {
							return tooMuchText(r.maxText)
						}
						continue
					}
					if n > 1 { // a frame inside a paragraph: its own block
						md.para(p.prefix, inline(p.segs, false))
						md.add(odtBlock(p))
						continue
					}
					if p.heading > 0 {
						md.heading(p.heading, strings.TrimSpace(p.prefix)+" "+inline(p.segs, true))
					} else {
						md.para(p.prefix, inline(p.segs, false))
					}
					md.add(odtBlock(p))
					if md.cost() > r.maxText {
						return tooMuchText(r.maxText)
					}
					if err := r.ctx.Err(); err != nil {
						return err
					}
				}
			case nsTable:
				switch t.Name.Local {
				case "table-cell":
					tbls.endCell()
					if md.cost() > r.maxText {
						return tooMuchText(r.maxText)
					}
				case "table-row":
					tbls.endRow()
				case "table":
					tbls.close(md)
				}
			}
		}
	}
}

// odtBlock is the block of a paragraph or heading: its text with the list
// label ODF draws, its outline level and boldness.
func odtBlock(p *odtPara) block.Block {
	label := strings.TrimSpace(p.prefix)
	bullet := label == "-"
	text, md := segsText(p.segs), inline(p.segs, false)
	if label != "" && !bullet {
		text, md = label+" "+text, label+" "+md
	}
	bold, ita := segsBold(p.segs)
	b := block.Block{Kind: block.Para, Text: text, Markdown: plainMarkdown(text, md), Bullet: bullet,
		Outline: int8(min(max(p.heading, 0), 9)), Bold: bold, Italic: ita}
	if !bullet {
		b.Label = label
	}
	return b
}
