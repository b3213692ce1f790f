package content

import "strings"

func parseParagraphs(text string) []*Section {
	b := newBuilder()
	for _, l := range strings.Split(text, "\n") {
		b.para(l, "Mở đầu")
	}
	return b.sections()
}
