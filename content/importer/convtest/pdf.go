package convtest

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
	"testing"
)

// MakePDF is a small pure-Go PDF writer: the text is
// hard-wrapped at width runes, set in a Type0 font with Identity-H codes
// (the UTF-16 code of each character) and a ToUnicode map, which is how
// Word and LibreOffice export Vietnamese. Lines alternate between Td, T*
// and TJ arrays whose word gaps are kerning offsets rather than spaces.
func MakePDF(t testing.TB, text string, width, linesPerPage int) []byte {
	var lines []string
	for _, para := range strings.Split(strings.ReplaceAll(text, "\t", " "), "\n") {
		para = strings.TrimSpace(para)
		if para == "" {
			continue
		}
		var cur []string
		n := 0
		for _, w := range strings.Fields(para) {
			if n > 0 && n+1+len([]rune(w)) > width {
				lines = append(lines, strings.Join(cur, " "))
				cur, n = nil, 0
			}
			cur = append(cur, w)
			n += len([]rune(w)) + 1
		}
		if len(cur) > 0 {
			lines = append(lines, strings.Join(cur, " "))
		}
	}
	highs := map[rune]bool{}
	hex := func(s string) string {
		var b strings.Builder
		b.WriteString("<")
		for _, r := range s {
			if r > 0xFFFF {
				r = '?'
			}
			highs[r>>8] = true
			fmt.Fprintf(&b, "%04X", r)
		}
		b.WriteString(">")
		return b.String()
	}
	var pages []string
	for start := 0; start < len(lines); start += linesPerPage {
		var c strings.Builder
		c.WriteString("BT /F1 11 Tf 14 TL 72 800 Td\n")
		for i, l := range lines[start:min(len(lines), start+linesPerPage)] {
			switch {
			case i == 0:
				c.WriteString(hex(l) + " Tj\n")
			case i%3 == 1:
				c.WriteString("0 -14 Td " + hex(l) + " Tj\n")
			case i%3 == 2:
				c.WriteString("T* [")
				for j, w := range strings.Split(l, " ") {
					if j > 0 {
						c.WriteString(" -250 ")
					}
					c.WriteString(hex(w))
				}
				c.WriteString("] TJ\n")
			default:
				c.WriteString(hex(l) + " '\n")
			}
		}
		c.WriteString("ET\n")
		pages = append(pages, c.String())
	}
	var hs []int
	for h := range highs {
		hs = append(hs, int(h))
	}
	sort.Ints(hs)
	var cmap strings.Builder
	cmap.WriteString("/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /U def 1 begincodespacerange <0000> <FFFF> endcodespacerange\n")
	fmt.Fprintf(&cmap, "%d beginbfrange\n", len(hs))
	for _, h := range hs {
		fmt.Fprintf(&cmap, "<%02X00> <%02XFF> <%02X00>\n", h, h, h)
	}
	cmap.WriteString("endbfrange endcmap CMapName currentdict /CMap defineresource pop end end\n")

	// Objects: 1 catalog, 2 pages, 3 font, 4 CID font, 5 ToUnicode, then page/content pairs.
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"", // pages, filled below
		"<< /Type /Font /Subtype /Type0 /BaseFont /Arial /Encoding /Identity-H /DescendantFonts [4 0 R] /ToUnicode 5 0 R >>",
		"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Arial /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 500 >>", // half-em glyphs: a 90-character line fits the page
		fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", cmap.Len(), cmap.String()),
	}
	var kids []string
	for _, p := range pages {
		pageObj := len(objs) + 1
		kids = append(kids, fmt.Sprintf("%d 0 R", pageObj))
		objs = append(objs,
			fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>", pageObj+1),
			fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", len(p), p))
	}
	objs[1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(pages))
	return AssemblePDF(objs)
}

// AssemblePDF writes a PDF file of the given objects, numbered from 1
// (object 1 is the catalog), with its cross-reference table and trailer.
func AssemblePDF(objs []string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	offs := make([]int, len(objs))
	for i, o := range objs {
		offs[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}
