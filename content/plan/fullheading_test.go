package plan

import (
	"strings"
	"testing"
	"time"

	"chibo/content"
)

// TestFullHeadingOfTableRows: the recogniser shortens a table row's
// heading ("I. Nhóm hạn chế, khuyết điểm thứ nhất: Công tác tổ chức quán
// triệt, triển…") to fit a screen line; an excerpt of such a section must
// print the whole first sentence as its title and in its source line, never
// the clipped heading. Checked on every shortened heading of the seed
// documents (Phụ lục 2 and 6 are tables), through the Markdown pack.
func TestFullHeadingOfTableRows(t *testing.T) {
	dir := t.TempDir()
	lib, err := content.OpenLibrary(content.Dirs{Data: dir, Cache: dir})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range lib.Catalog() {
		doc, ok := lib.Doc(e.ID)
		if !ok {
			t.Fatalf("no document %s", e.ID)
		}
		for _, sec := range doc.Sections {
			if !strings.HasSuffix(sec.Heading, "…") {
				continue
			}
			ex := FromSectionTree(doc, sec)
			full := ex.PrintHeading()
			if full == sec.Heading || strings.Contains(full, "…") {
				t.Errorf("%s#%s: printed heading %q is the clipped one", doc.ID, sec.ID, full)
				continue
			}
			stem := strings.TrimSuffix(sec.Heading, "…")
			if !strings.HasPrefix(full, stem) {
				t.Errorf("%s#%s: %q does not start with the heading %q", doc.ID, sec.ID, full, stem)
			}
			if !PassageIn(doc, sec, strings.TrimPrefix(full, content.LeadNumbering(full)+" ")) {
				t.Errorf("%s#%s: %q is not the section's text", doc.ID, sec.ID, full)
			}
			p, _ := New("2026-12")
			if _, err := p.AddExcerpt("thong-tin", ex, time.Now()); err != nil {
				t.Fatal(err)
			}
			md := string(Markdown(p))
			if strings.Contains(md, sec.Heading) {
				t.Errorf("%s#%s: the pack prints the clipped heading %q", doc.ID, sec.ID, sec.Heading)
			}
			if !strings.Contains(md, ": "+full+"**") {
				t.Errorf("%s#%s: the pack's title is not %q", doc.ID, sec.ID, full)
			}
			n++
		}
	}
	if n < 10 {
		t.Fatalf("only %d shortened headings in the seed documents", n)
	}
	// An excerpt stored before FullHeading existed finds it in its text;
	// a heading with an ellipsis of its own stays as written.
	old := Excerpt{Path: []string{"2. Thường xuyên củng cố, kiện toàn…"}, Text: "Thường xuyên củng cố, kiện toàn tổ chức, bộ máy. Sau đó …"}
	if got := old.PrintHeading(); got != "2. Thường xuyên củng cố, kiện toàn tổ chức, bộ máy." {
		t.Errorf("PrintHeading from the text = %q", got)
	}
	own := Excerpt{Path: []string{"Chờ đợi…"}, Text: "Một đoạn khác."}
	if got := own.PrintHeading(); got != "Chờ đợi…" {
		t.Errorf("PrintHeading of an authored ellipsis = %q", got)
	}
}
