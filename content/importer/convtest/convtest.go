// Package convtest writes test documents — Word, OpenDocument and PDF
// files — from plain text, so the readers in convert and the library's
// import can be tested on real Vietnamese text without binary fixtures.
// Each text line becomes a paragraph: a heading when it starts with a
// Roman numeral, a one-row table when it has tabs, a real footnote when it
// is a "¹ note" line following the paragraph that cites it.
package convtest

import (
	"archive/zip"
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"
)

var (
	romanHead = regexp.MustCompile(`^[IVX]+\. `)
	noteLine  = regexp.MustCompile(`^([⁰¹²³⁴⁵⁶⁷⁸⁹]+) (.*)$`)
)

type genPara struct {
	text    string
	heading int
	cells   []string
	note    string // footnote text cited at the end of the previous paragraph's mark
	mark    string
}

func genParas(seed string) []genPara {
	var out []genPara
	for _, l := range strings.Split(seed, "\n") {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		if m := noteLine.FindStringSubmatch(l); m != nil && len(out) > 0 && out[len(out)-1].cells == nil &&
			strings.Contains(out[len(out)-1].text, m[1]) {
			out = append(out, genPara{note: m[2], mark: m[1]})
			continue
		}
		p := genPara{text: l}
		if strings.Contains(l, "\t") {
			p.cells = strings.Split(l, "\t")
		} else if romanHead.MatchString(l) && len(l) < 200 {
			p.heading = 1
		}
		out = append(out, p)
	}
	return out
}

// XMLEscape escapes text for XML content and attributes.
func XMLEscape(s string) string {
	var b bytes.Buffer
	_ = xmlEscapeText(&b, s)
	return b.String()
}

func xmlEscapeText(b *bytes.Buffer, s string) error {
	r := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")
	b.WriteString(r.Replace(s))
	return nil
}

// ZipFiles writes an archive of (name, content) pairs; "mimetype" is stored.
func ZipFiles(t testing.TB, files [][2]string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range files {
		method := zip.Deflate
		if f[0] == "mimetype" {
			method = zip.Store
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f[0], Method: method})
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(f[1]))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// WordNS declares the WordprocessingML namespace as w.
const WordNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`

// wRuns splits text into runs, the first word bold and the rest plain, as
// Word does when a user formats part of a paragraph.
func wRuns(text string) string {
	first, rest, _ := strings.Cut(text, " ")
	s := `<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">` + XMLEscape(first) + `</w:t></w:r>`
	if rest != "" {
		s += `<w:r><w:t xml:space="preserve"> ` + XMLEscape(rest) + `</w:t></w:r>`
	}
	return s
}

// MakeDOCX writes a Word document of text.
func MakeDOCX(t testing.TB, seed string) []byte {
	var body, notes strings.Builder
	paras := genParas(seed)
	nid := 0
	for i, p := range paras {
		if p.note != "" {
			continue
		}
		// Footnotes following this paragraph replace their marks by references.
		text := p.text
		var refs []string
		for j := i + 1; j < len(paras) && paras[j].note != ""; j++ {
			nid++
			refs = append(refs, paras[j].mark)
			fmt.Fprintf(&notes, `<w:footnote w:id="%d"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> %s</w:t></w:r></w:p></w:footnote>`, nid, XMLEscape(paras[j].note))
		}
		switch {
		case p.cells != nil:
			body.WriteString(`<w:tbl><w:tr>`)
			for _, c := range p.cells {
				body.WriteString(`<w:tc><w:p><w:r><w:t xml:space="preserve">` + XMLEscape(c) + `</w:t></w:r></w:p></w:tc>`)
			}
			body.WriteString(`</w:tr></w:tbl>`)
		default:
			body.WriteString(`<w:p>`)
			if p.heading > 0 {
				body.WriteString(`<w:pPr><w:pStyle w:val="u1"/></w:pPr>`)
			}
			k := nid - len(refs)
			for _, m := range refs {
				k++
				before, after, _ := strings.Cut(text, m)
				body.WriteString(wRuns(before))
				fmt.Fprintf(&body, `<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="%d"/></w:r>`, k)
				text = after
			}
			if text != "" {
				body.WriteString(wRuns(text))
			}
			body.WriteString(`</w:p>`)
		}
	}
	styles := `<w:styles ` + WordNS + `><w:style w:type="paragraph" w:styleId="u1"><w:name w:val="heading 1"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/></w:rPr></w:style></w:styles>`
	return ZipFiles(t, [][2]string{
		{"[Content_Types].xml", `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`},
		{"word/document.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ` + WordNS + `><w:body>` + body.String() + `</w:body></w:document>`},
		{"word/styles.xml", styles},
		{"word/footnotes.xml", `<w:footnotes ` + WordNS + `><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>` + notes.String() + `</w:footnotes>`},
	})
}

const odtNS = `xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"`

// MakeODT writes an OpenDocument text of text.
func MakeODT(t testing.TB, seed string) []byte {
	var body strings.Builder
	paras := genParas(seed)
	for i, p := range paras {
		if p.note != "" {
			continue
		}
		text := p.text
		switch {
		case p.cells != nil:
			body.WriteString(`<table:table><table:table-row>`)
			for _, c := range p.cells {
				body.WriteString(`<table:table-cell><text:p>` + XMLEscape(c) + `</text:p></table:table-cell>`)
			}
			body.WriteString(`</table:table-row></table:table>`)
		default:
			if p.heading > 0 {
				body.WriteString(`<text:h text:outline-level="1">`)
			} else {
				body.WriteString(`<text:p>`)
			}
			for j := i + 1; j < len(paras) && paras[j].note != ""; j++ {
				before, after, _ := strings.Cut(text, paras[j].mark)
				body.WriteString(odtRuns(before))
				body.WriteString(`<text:note text:note-class="footnote"><text:note-citation>` + paras[j].mark + `</text:note-citation><text:note-body><text:p>` + XMLEscape(paras[j].note) + `</text:p></text:note-body></text:note>`)
				text = after
			}
			body.WriteString(odtRuns(text))
			if p.heading > 0 {
				body.WriteString(`</text:h>`)
			} else {
				body.WriteString(`</text:p>`)
			}
		}
	}
	content := `<?xml version="1.0" encoding="UTF-8"?><office:document-content ` + odtNS + `><office:automatic-styles><style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style></office:automatic-styles><office:body><office:text>` + body.String() + `</office:text></office:body></office:document-content>`
	return ZipFiles(t, [][2]string{
		{"mimetype", "application/vnd.oasis.opendocument.text"},
		{"content.xml", content},
		{"styles.xml", `<office:document-styles ` + odtNS + `/>`},
	})
}

// odtRuns writes runs of spaces the ODF way (text:s) and the first word bold.
func odtRuns(text string) string {
	first, rest, found := strings.Cut(text, " ")
	s := `<text:span text:style-name="T1">` + XMLEscape(first) + `</text:span>`
	if found {
		s += `<text:s/>` + XMLEscape(rest)
	}
	return s
}
