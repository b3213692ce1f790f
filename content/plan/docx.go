package plan

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"
	"time"

	"chibo/content/safetext"
)

// DOCX renders the pack as a minimal WordprocessingML package, written by
// hand so chibo needs no office library: the content types, the package
// relationships, the document, its styles (Title, Heading 2/3, Quote …) and
// the core properties. It opens in Word and LibreOffice and prints on A4.
func DOCX(p *Plan) ([]byte, error) {
	var doc bytes.Buffer
	doc.WriteString(xml.Header)
	doc.WriteString(`<w:document xmlns:w="` + wNS + `" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>`)
	for _, bl := range p.pack() {
		docxBlock(&doc, bl, "")
	}
	// A4, margins 20/15/20/30 mm, as for administrative documents.
	doc.WriteString(`<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="851" w:bottom="1134" w:left="1701" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr>`)
	doc.WriteString(`</w:body></w:document>`)

	files := []struct{ name, body string }{
		{"[Content_Types].xml", contentTypesXML},
		{"_rels/.rels", relsXML},
		{"word/document.xml", doc.String()},
		{"word/styles.xml", stylesXML},
		{"word/_rels/document.xml.rels", docRelsXML},
		{"docProps/core.xml", coreXML(p.Title)},
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	// A fixed time keeps the bytes the same for the same plan.
	mod := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, f := range files {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.name, Method: zip.Deflate, Modified: mod})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write([]byte(f.body)); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

const wNS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

// textWidth is the A4 width between the margins, in twentieths of a point.
const textWidth = 11906 - 1701 - 851

// esc is text for the XML of the docx: control characters stripped (see
// safetext), then escaped.
func esc(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(safetext.Strip(s)))
	return b.String()
}

func docxRuns(b *bytes.Buffer, sp []span) {
	for _, s := range sp {
		if s.Br {
			b.WriteString(`<w:r><w:br/></w:r>`)
			continue
		}
		b.WriteString(`<w:r>`)
		if s.B || s.I {
			b.WriteString(`<w:rPr>`)
			if s.B {
				b.WriteString(`<w:b/>`)
			}
			if s.I {
				b.WriteString(`<w:i/>`)
			}
			b.WriteString(`</w:rPr>`)
		}
		b.WriteString(`<w:t xml:space="preserve">` + esc(s.Text) + `</w:t></w:r>`)
	}
}

func docxPara(b *bytes.Buffer, style, align string, sp []span) {
	b.WriteString(`<w:p>`)
	if style != "" || align != "" {
		b.WriteString(`<w:pPr>`)
		if style != "" {
			b.WriteString(`<w:pStyle w:val="` + style + `"/>`)
		}
		if align != "" {
			b.WriteString(`<w:jc w:val="` + align + `"/>`)
		}
		b.WriteString(`</w:pPr>`)
	}
	docxRuns(b, sp)
	b.WriteString(`</w:p>`)
}

// docxBlock writes one block; inQuote is the paragraph style of an
// enclosing excerpt ("Quote") or "".
func docxBlock(b *bytes.Buffer, bl block, inQuote string) {
	switch bl.Kind {
	case bPara:
		style, align := inQuote, ""
		switch bl.Class {
		case cTitle:
			style = "Title"
		case cSub:
			style = "Subtitle"
		case cCenter:
			align = "center"
		case cHint:
			style = "Hint"
		case cSource:
			style = "Source"
		case cBlank:
			style = "Blank"
		case cWarn:
			style = "Warn"
		case cSmall:
			style = "Small"
		}
		docxPara(b, style, align, bl.Spans)
	case bHeading:
		lvl := bl.Level
		if lvl < 2 {
			lvl = 2
		}
		if lvl > 3 {
			lvl = 3
		}
		if inQuote != "" {
			docxPara(b, inQuote, "", []span{{Text: plain(bl.Spans), B: true}})
			return
		}
		docxPara(b, fmt.Sprintf("Heading%d", lvl), "", bl.Spans)
	case bList, bOList:
		style := "ListPara"
		if inQuote != "" {
			style = "QuoteList"
		}
		for i, it := range bl.Items {
			mark := "–\t"
			if bl.Kind == bOList {
				mark = olLabel(bl, i) + "\t"
			}
			docxPara(b, style, "", append([]span{{Text: mark}}, it...))
		}
	case bQuote:
		for _, c := range bl.Children {
			docxBlock(b, c, "Quote")
		}
	case bTable:
		docxTable(b, bl, true)
	case bRule:
		docxPara(b, "", "center", txt("* * *"))
	case bPageBreak:
		b.WriteString(`<w:p><w:r><w:br w:type="page"/></w:r></w:p>`)
	case bExcerpt:
		for _, c := range bl.Children {
			docxBlock(b, c, "Quote")
		}
		docxPara(b, "Cell", "", nil) // keeps the next excerpt's border apart
	case bMasthead:
		if bl.Class == cSign {
			docxPara(b, "", "", nil) // room above the signatures
		}
		b.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="` + fmt.Sprint(textWidth) + `" w:type="dxa"/><w:tblLayout w:type="fixed"/>`)
		b.WriteString(`<w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders></w:tblPr>`)
		n := len(bl.Children)
		widths := make([]int, n)
		for i := range widths {
			widths[i] = textWidth / n
			if len(bl.Widths) == n {
				widths[i] = textWidth * bl.Widths[i] / 100
			}
		}
		b.WriteString(`<w:tblGrid>`)
		for _, w := range widths {
			fmt.Fprintf(b, `<w:gridCol w:w="%d"/>`, w)
		}
		b.WriteString(`</w:tblGrid><w:tr>`)
		for i, col := range bl.Children {
			fmt.Fprintf(b, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/></w:tcPr>`, widths[i])
			for _, c := range col.Children {
				style, align := "Cell", ""
				if c.Class == cCenter {
					align = "center"
				}
				if c.Class == cSmall {
					style = "Small"
				}
				docxPara(b, style, align, c.Spans)
			}
			b.WriteString(`</w:tc>`)
		}
		b.WriteString(`</w:tr></w:tbl>`)
		docxPara(b, "", "", nil) // Word needs a paragraph between tables
	}
}

func docxTable(b *bytes.Buffer, bl block, borders bool) {
	cols := 0
	for _, r := range bl.Rows {
		if len(r) > cols {
			cols = len(r)
		}
	}
	if cols == 0 {
		return
	}
	widths := make([]int, cols)
	for i := range widths {
		if len(bl.Widths) == cols {
			widths[i] = textWidth * bl.Widths[i] / 100
		} else {
			widths[i] = textWidth / cols
		}
	}
	b.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="` + fmt.Sprint(textWidth) + `" w:type="dxa"/><w:tblLayout w:type="fixed"/>`)
	if borders {
		b.WriteString(`<w:tblBorders>`)
		for _, side := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
			b.WriteString(`<w:` + side + ` w:val="single" w:sz="4" w:space="0" w:color="000000"/>`)
		}
		b.WriteString(`</w:tblBorders>`)
	}
	b.WriteString(`<w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid>`)
	for _, w := range widths {
		fmt.Fprintf(b, `<w:gridCol w:w="%d"/>`, w)
	}
	b.WriteString(`</w:tblGrid>`)
	for i, row := range bl.Rows {
		b.WriteString(`<w:tr>`)
		if i == 0 && bl.Header {
			b.WriteString(`<w:trPr><w:tblHeader/></w:trPr>`)
		} else if bl.Fill {
			b.WriteString(`<w:trPr><w:trHeight w:val="454"/></w:trPr>`) // 8 mm to write in
		}
		for j := 0; j < cols; j++ {
			fmt.Fprintf(b, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/></w:tcPr>`, widths[j])
			var sp []span
			if j < len(row) {
				sp = row[j]
			}
			if i == 0 && bl.Header {
				sp = []span{{Text: plain(sp), B: true}}
			}
			docxPara(b, "Cell", "", sp)
			b.WriteString(`</w:tc>`)
		}
		b.WriteString(`</w:tr>`)
	}
	b.WriteString(`</w:tbl>`)
	docxPara(b, "Cell", "", nil)
}

const contentTypesXML = xml.Header + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
	`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
	`<Default Extension="xml" ContentType="application/xml"/>` +
	`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
	`<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
	`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
	`</Types>`

const relsXML = xml.Header + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
	`</Relationships>`

const docRelsXML = xml.Header + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
	`</Relationships>`

func coreXML(title string) string {
	return xml.Header + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
		`<dc:title>` + esc(title) + `</dc:title><dc:creator>chibo</dc:creator><dc:language>vi-VN</dc:language></cp:coreProperties>`
}

// stylesXML: Times New Roman 13 pt, the face and size of Vietnamese
// administrative documents; sizes are in half-points, spacing in twips.
const stylesXML = xml.Header + `<w:styles xmlns:w="` + wNS + `">` +
	`<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="26"/><w:szCs w:val="26"/><w:lang w:val="vi-VN"/></w:rPr></w:rPrDefault>` +
	`<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="276" w:lineRule="auto"/><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>` +
	`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:before="240" w:after="40"/><w:jc w:val="center"/></w:pPr><w:rPr><w:b/><w:sz w:val="30"/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="240"/><w:jc w:val="center"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/><w:jc w:val="left"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="200" w:after="80"/><w:jc w:val="left"/><w:outlineLvl w:val="2"/></w:pPr><w:rPr><w:b/><w:i/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Quote"><w:name w:val="Quote"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:pBdr><w:left w:val="single" w:sz="12" w:space="8" w:color="000000"/></w:pBdr><w:ind w:left="340"/></w:pPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="QuoteList"><w:name w:val="Quote List"/><w:basedOn w:val="Quote"/><w:pPr><w:tabs><w:tab w:val="left" w:pos="680"/></w:tabs><w:ind w:left="680" w:hanging="340"/></w:pPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="ListPara"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/><w:pPr><w:tabs><w:tab w:val="left" w:pos="397"/></w:tabs><w:spacing w:after="60"/><w:ind w:left="397" w:hanging="397"/></w:pPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Hint"><w:name w:val="Hint"/><w:basedOn w:val="Normal"/><w:rPr><w:i/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Source"><w:name w:val="Source"/><w:basedOn w:val="Quote"/><w:pPr><w:jc w:val="left"/></w:pPr><w:rPr><w:sz w:val="22"/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Blank"><w:name w:val="Blank"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="left"/></w:pPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Warn"><w:name w:val="Warning"/><w:basedOn w:val="Normal"/><w:pPr><w:pBdr><w:top w:val="single" w:sz="4" w:space="2" w:color="000000"/><w:left w:val="single" w:sz="4" w:space="4" w:color="000000"/><w:bottom w:val="single" w:sz="4" w:space="2" w:color="000000"/><w:right w:val="single" w:sz="4" w:space="4" w:color="000000"/></w:pBdr></w:pPr><w:rPr><w:i/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Cell"><w:name w:val="Table Text"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="0"/><w:jc w:val="left"/></w:pPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Small"><w:name w:val="Small"/><w:basedOn w:val="Cell"/><w:rPr><w:sz w:val="22"/></w:rPr></w:style>` +
	`</w:styles>`
