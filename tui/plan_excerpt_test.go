package tui

import (
	"strings"
	"testing"

	"chibo/content/plan"
	"chibo/tui/i18n"
	"chibo/tui/planview"
)

// TestAddKeepsSubsections: `a` in the outline, the reader and the search
// results adds a section with its subsections, as `chibo plan add` does —
// not the one sentence before the first subheading, and not an empty text
// for a heading-only section (seen in tmux: "2. Thủ tướng … phê duyệt Quy
// hoạch" printed one sentence of five parts).
func TestAddKeepsSubsections(t *testing.T) {
	for _, tc := range []struct {
		name string
		keys func(h *harness)
	}{
		// Section I of the first document has only a heading and two
		// subsections.
		{"outline", func(h *harness) { h.key("enter") }},
		{"reader", func(h *harness) { h.key("enter"); h.key("enter") }},
		{"search", func(h *harness) {
			h.key("/")
			h.text("phê duyệt Quy hoạch tỉnh Bến Tre")
			h.key("enter")
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			store := plan.OpenStore(t.TempDir())
			h := newHarness(t, 100, 30, i18n.VI, func(o *Options) { o.Plans = store })
			tc.keys(h)
			h.key("a")
			k, ok := h.app.cur.(*planview.Picker)
			if !ok {
				t.Fatalf("a did not open the picker, on %T:\n%s", h.app.cur, h.screen())
			}
			h.key("enter")
			p, saved, err := store.Load(k.Month())
			if err != nil || !saved || p.ExcerptCount() != 1 {
				t.Fatalf("no excerpt saved: saved=%v err=%v", saved, err)
			}
			var got plan.Excerpt
			for _, it := range p.Items {
				if len(it.Excerpts) > 0 {
					got = it.Excerpts[0]
				}
			}
			doc, sec, ok := plan.Lookup(h.lib, got.Doc+"#"+got.Section)
			if !ok || sec == nil {
				t.Fatalf("the excerpt's source %s#%s is not in the library", got.Doc, got.Section)
			}
			want := plan.FromSectionTree(doc, sec).Text
			if !strings.Contains(want, "**") {
				t.Fatalf("section %s has no subsections: the test proves nothing", sec.ID)
			}
			if got.Text != want {
				t.Fatalf("%s: excerpt of %q lacks its subsections:\n got %q\nwant %q", tc.name, sec.Heading, got.Text, want)
			}
		})
	}
}
