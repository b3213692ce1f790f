package importer

import (
	"context"
	"strings"
	"testing"

	"chibo/content/importer/convtest"
)

// TestDOCXNumbering: Word stores list numbers as definitions, not text; the
// reader writes them, on headings (which then give section IDs) and lists.
func TestDOCXNumbering(t *testing.T) {
	w := convtest.WordNS
	numbering := `<w:numbering ` + w + `>
<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1)"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num><w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>
</w:numbering>`
	styles := `<w:styles ` + w + `><w:style w:styleId="Heading1"><w:name w:val="heading 1"/></w:style><w:style w:styleId="Heading2"><w:name w:val="heading 2"/></w:style></w:styles>`
	p := func(style, num, ilvl, text string) string {
		s := `<w:p><w:pPr>`
		if style != "" {
			s += `<w:pStyle w:val="` + style + `"/>`
		}
		if num != "" {
			s += `<w:numPr><w:ilvl w:val="` + ilvl + `"/><w:numId w:val="` + num + `"/></w:numPr>`
		}
		return s + `</w:pPr><w:r><w:t>` + text + `</w:t></w:r></w:p>`
	}
	body := p("Heading1", "1", "0", "MỞ ĐẦU") + p("Heading2", "1", "1", "Tình hình") + p("", "2", "0", "họp đủ") +
		p("", "3", "0", "đúng giờ") + p("", "3", "0", "đúng nội dung") + p("Heading1", "1", "0", "NHIỆM VỤ") + p("Heading2", "1", "1", "Tháng tới")
	data := convtest.ZipFiles(t, [][2]string{
		{"word/document.xml", `<w:document ` + w + `><w:body>` + body + `</w:body></w:document>`},
		{"word/styles.xml", styles}, {"word/numbering.xml", numbering},
	})
	res, err := Convert(context.Background(), "a.docx", data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := "# I. MỞ ĐẦU\n\n## 1. Tình hình\n\n- họp đủ\n\na) đúng giờ\n\nb) đúng nội dung\n\n# II. NHIỆM VỤ\n\n## 1. Tháng tới\n"
	if res.Text != want {
		t.Errorf("got\n%s\nwant\n%s", res.Text, want)
	}
	if strings.Contains(res.Text, "%") {
		t.Error("placeholder left")
	}
}
