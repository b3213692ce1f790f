package tui

import (
	"strings"
	"testing"

	"chibo/content"
	"chibo/tui/i18n"
)

func TestReaderParagraphLines(t *testing.T) {
	lib := seedLibrary(t)
	bad := 0
	n := 0
	for _, d := range allDocs(lib) {
		rd, err := newRenderCache().renderDocument(d, 80, ThemeDark, i18n.VI)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range rd.paras {
			n++
			md := d.Sections[p.sec].Heading
			if p.unit >= 0 {
				md = d.Sections[p.sec].Markdown[p.from:p.to]
			}
			w := strings.Fields(content.PlainText(md))
			if len(w) == 0 {
				continue
			}
			first := strings.Trim(w[0], "*_#-")
			if len(w) > 1 && strings.ContainsAny(w[0], ".)-") {
				first = strings.Trim(w[1], "*_")
			}
			line := rd.plain[p.start]
			if !strings.Contains(line, first) || p.end <= p.start || rd.plain[p.end-1] == "" {
				bad++
				if bad < 10 {
					t.Logf("%s sec %d unit %d: %q vs line %q", d.ID, p.sec, p.unit, first, line)
				}
			}
		}
	}
	t.Logf("%d/%d bad", bad, n)
}
