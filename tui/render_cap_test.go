package tui

import (
	"fmt"
	"strings"
	"testing"

	"chibo/content"
	"chibo/tui/i18n"
)

// TestReaderCapsHugeDocument — issue 9: the reader renders at most
// readerMaxMarkdown of a document (it holds each line four times); the
// sections past it start at a note naming the command that prints the
// whole text. A document under the cap is rendered whole.
func TestReaderCapsHugeDocument(t *testing.T) {
	old := readerMaxMarkdown
	readerMaxMarkdown = 64 << 10
	defer func() { readerMaxMarkdown = old }()
	doc := &content.Document{ID: "rat-dai", Title: "Văn bản rất dài", Hash: "h"}
	for i := range 40 {
		body := strings.Repeat(fmt.Sprintf("Chi bộ họp lần %d, đảng viên thảo luận. ", i), 200)
		doc.Sections = append(doc.Sections, &content.Section{ID: fmt.Sprint("muc-", i), Level: 1, Heading: fmt.Sprint("Mục ", i), Markdown: body, Text: body})
	}
	rd, err := newRenderCache().renderDocument(doc, 80, ThemeDark, i18n.VI)
	if err != nil {
		t.Fatal(err)
	}
	all := strings.Join(rd.plain, "\n")
	if !strings.Contains(all, "chibo show rat-dai") {
		t.Fatal("no note naming chibo show past the cap")
	}
	if strings.Contains(all, "Chi bộ họp lần 39,") {
		t.Fatal("the last section rendered: the cap did not hold")
	}
	if n := len(all); n > 4*readerMaxMarkdown {
		t.Fatalf("%d bytes of plain lines for a cap of %d", n, readerMaxMarkdown)
	}
	last := rd.secStart[len(rd.secStart)-1]
	if last >= len(rd.plain) || !strings.Contains(strings.Join(rd.plain[last:min(len(rd.plain), last+8)], " "), "quá dài") {
		t.Fatalf("the last section starts at line %d, not at the note", last)
	}
	doc.Sections = doc.Sections[:3] // under the cap: whole, no note
	rd, err = newRenderCache().renderDocument(doc, 80, ThemeDark, i18n.VI)
	if err != nil {
		t.Fatal(err)
	}
	if all := strings.Join(rd.plain, "\n"); strings.Contains(all, "chibo show") || !strings.Contains(all, "Chi bộ họp lần 2,") {
		t.Fatal("a document under the cap is not rendered whole")
	}
}
