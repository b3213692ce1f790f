package tui

import (
	"strconv"
	"strings"
	"testing"

	"chibo/content"
	"chibo/tui/i18n"
)

// withDoc is the seed library plus one document.
type withDoc struct {
	Library
	extra *content.Document
}

func (l withDoc) Catalog() []content.DocInfo { return append(l.Library.Catalog(), l.extra.Info()) }

func (l withDoc) Each(fn func(*content.Document) error) error {
	if err := l.Library.Each(fn); err != nil {
		return err
	}
	return fn(l.extra)
}

func (l withDoc) Doc(id string) (*content.Document, bool) {
	if id == l.extra.ID {
		return l.extra, true
	}
	return l.Library.Doc(id)
}

// kl01 is the directive the seeds cite most (01-KL/TW), as a document of
// the library: its number is written with other spacing and case, as an
// importer may read it.
func kl01Harness(t *testing.T, w, h int) *harness {
	t.Helper()
	doc := &content.Document{ID: "ket-luan-01", Title: "Kết luận số 01-KL/TW", Number: "01-kl/tw ", Kind: content.KindOther,
		Sections: []*content.Section{{ID: "1", Level: 1, Heading: "1. Nội dung", Path: []string{"1. Nội dung"}, Text: "Tiếp tục thực hiện Chỉ thị 05-CT/TW.", Markdown: "Tiếp tục thực hiện Chỉ thị 05-CT/TW."}}}
	return newHarness(t, w, h, i18n.VI, func(o *Options) {
		open := o.OpenLibrary
		o.OpenLibrary = func() (Library, error) {
			l, err := open()
			if err != nil {
				return nil, err
			}
			return withDoc{l, doc}, nil
		}
	})
}

// The directives screen marks the cited directives the library has and
// counts the missing; Enter on one it has opens the document itself, on a
// missing one lists where it is cited; → lists the citations of either,
// and o there opens the document.
func TestDirectivesInLibrary(t *testing.T) {
	h := kl01Harness(t, 80, 24)
	h.key("v")
	d, ok := h.app.cur.(*directivesScreen)
	if !ok {
		t.Fatalf("v opened %T", h.app.cur)
	}
	// The seeds' annex is itself numbered 525-BC/TU, which the seeds cite.
	want := map[string]string{"01-KL/TW": "ket-luan-01", "525-BC/TU": "phu-luc-2-ket-qua-7-nhom-nhiem-vu-2023"}
	missing := 0
	for _, x := range d.all {
		got := ""
		if x.Doc != nil {
			got = x.Doc.ID
		} else {
			missing++
		}
		if got != want[x.Symbol] {
			t.Errorf("%s: in the library as %q, want %q", x.Symbol, got, want[x.Symbol])
		}
	}
	if missing != len(d.all)-len(want) || missing < 50 {
		t.Fatalf("%d of %d directives missing", missing, len(d.all))
	}
	f := h.screen()
	golden(t, "directives-in-library-80x24", f)
	if !strings.Contains(f, "› ✓ 01-KL/TW") || !strings.Contains(f, "chưa có: "+strconv.Itoa(missing)) || strings.Contains(f, "✓ 18-NQ/TW") {
		t.Fatalf("in-library mark or missing count not shown:\n%s", f)
	}
	h.key("enter")
	r, ok := h.app.cur.(*readerScreen)
	if !ok || r.doc.ID != "ket-luan-01" {
		t.Fatalf("enter on 01-KL/TW opened %T, want the reader on the document:\n%s", h.app.cur, h.screen())
	}

	h = kl01Harness(t, 80, 24)
	h.key("v")
	h.key("down") // 18-NQ/TW: not in the library
	h.key("enter")
	d = h.app.cur.(*directivesScreen)
	if d.detail == nil || d.detail.Symbol != "18-NQ/TW" || !strings.Contains(h.screen(), "Chưa có trong thư viện") {
		t.Fatalf("enter on a missing directive did not list its citations:\n%s", h.screen())
	}
	h.key("o")
	if _, ok := h.app.cur.(*directivesScreen); !ok {
		t.Fatalf("o on a missing directive opened %T", h.app.cur)
	}

	h = kl01Harness(t, 80, 24)
	h.key("v")
	h.key("right")
	d = h.app.cur.(*directivesScreen)
	if d.detail == nil || d.detail.Symbol != "01-KL/TW" || !strings.Contains(h.screen(), "Có trong thư viện: Kết luận số 01-KL/TW") {
		t.Fatalf("→ did not list the citations:\n%s", h.screen())
	}
	h.key("o")
	if r, ok := h.app.cur.(*readerScreen); !ok || r.doc.ID != "ket-luan-01" {
		t.Fatalf("o in the citations opened %T", h.app.cur)
	}
}
