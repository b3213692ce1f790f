package content

import "strings"

func parseParagraphs(text string) []*Section {
	b := newBuilder()
	for _, l := range strings.Split(text, "\n") {
		b.para(l, "Mở đầu")
	}
	return b.sections()
}

func parseWrapped(text string) []*Section  { return parseParagraphs(text) }
func parseMarkdown(text string) []*Section { return parseParagraphs(text) }
func parseTable(text string) []*Section    { return parseParagraphs(text) }

func fillMetadata(d *Document, text string) {
	d.Title = d.Source
	d.Kind = KindOther
}

func extractRefs(secs []*Section) []Ref { return nil }
