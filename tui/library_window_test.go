package tui

import (
	"fmt"
	"strings"
	"testing"

	"chibo/content"
	"chibo/tui/i18n"
)

// manyDocs is the seed library plus n listed documents in three kinds.
type manyDocs struct {
	Library
	n int
}

func (l manyDocs) Catalog() []content.DocInfo {
	cat := l.Library.Catalog()
	kinds := []content.Kind{content.KindLaw, content.KindDecision, content.KindOther}
	for k, kind := range kinds {
		for i := range l.n / len(kinds) {
			cat = append(cat, content.DocInfo{ID: fmt.Sprintf("vb-%d-%05d", k, i), Title: fmt.Sprintf("Văn bản %d-%05d về quyền lợi đảng viên", k, i),
				Kind: kind, Number: fmt.Sprintf("%d/2025/QH15", i), Date: "2025-06-30", SectionCount: i % 90})
		}
	}
	return cat
}

// manyDocsHarness starts the app over the seeds and n more documents.
func manyDocsHarness(tb testing.TB, w, h, n int) *harness {
	return newHarness(tb, w, h, i18n.VI, func(o *Options) {
		open := o.OpenLibrary
		o.OpenLibrary = func() (Library, error) {
			l, err := open()
			if err != nil {
				return nil, err
			}
			return manyDocs{l, n}, nil
		}
	})
}

// naiveLibraryRows is how the library screen drew its list before it drew
// only the window: every row, then the window around the cursor. The
// screen must show the same lines.
func naiveLibraryRows(s *libraryScreen, listH int) []string {
	st := s.sh.st()
	var lines []string
	headers := map[int]bool{}
	curFrom, curTo := 0, 0
	kind := content.Kind("")
	for i, d := range s.shown {
		if d.Kind != kind || i == 0 {
			kind = d.Kind
			if i > 0 {
				lines = append(lines, "")
			}
			headers[len(lines)] = true
			lines = append(lines, " "+st.Header.Render(clip(strings.ToUpper(s.sh.kindName(string(d.Kind))), s.w-2)))
		}
		if i == s.cursor {
			curFrom = len(lines)
		}
		lines = append(lines, s.docLines(i, d)...)
		if i == s.cursor {
			curTo = len(lines) - 1
			if curFrom > 0 && i > 0 && s.shown[i-1].Kind != d.Kind {
				curFrom--
			}
			if i == 0 {
				curFrom = 0
			}
		}
	}
	off := scrollTo(0, curTo, listH, len(lines))
	if curFrom < off {
		off = curFrom
	}
	end := min(off+listH, len(lines))
	if end < len(lines) && headers[end-1] {
		end--
	}
	return lines[off:end]
}

// The library list draws only the rows on screen, and they are the rows
// the whole list would show there, wherever the cursor is: at the top, on
// a group's first document, in the middle, at the end, filtered.
func TestLibraryWindow(t *testing.T) {
	h := manyDocsHarness(t, 90, 30, 3000)
	s, ok := h.app.cur.(*libraryScreen)
	if !ok {
		t.Fatalf("the app opened on %T, want the library", h.app.cur)
	}
	if len(s.shown) < 3000 {
		t.Fatalf("%d documents listed, want over 3000", len(s.shown))
	}
	check := func(what string) {
		t.Helper()
		view := strings.Split(s.View(), "\n")
		top := 2 // the filter hint and the line under it
		want := naiveLibraryRows(s, s.h-top)
		got := view[top:]
		if len(want) == 0 || strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Fatalf("%s (cursor %d of %d): the window shows\n%s\nwant\n%s", what, s.cursor, len(s.shown), strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		if !strings.Contains(strings.Join(got, "\n"), "› ") {
			t.Fatalf("%s: the selected document is not on screen", what)
		}
	}
	firstOfGroup := -1
	for i := 1; i < len(s.shown); i++ {
		if s.shown[i].Kind != s.shown[i-1].Kind && i > 20 {
			firstOfGroup = i
			break
		}
	}
	if firstOfGroup < 0 {
		t.Fatal("no group starts after the first screen")
	}
	for _, c := range []int{0, 1, 12, 13, firstOfGroup - 1, firstOfGroup, firstOfGroup + 1, len(s.shown) / 2, len(s.shown) - 2, len(s.shown) - 1} {
		s.cursor = c
		check(fmt.Sprintf("cursor at %d", c))
	}
	h.key("end")
	if s.cursor != len(s.shown)-1 {
		t.Fatalf("end: cursor %d, want %d", s.cursor, len(s.shown)-1)
	}
	check("after end")
	if !strings.Contains(h.screen(), "Văn bản 2-00999") {
		t.Fatalf("the last document is not on screen after end:\n%s", h.screen())
	}
	h.key("f")
	h.text("00042")
	if len(s.shown) != 3 {
		t.Fatalf("filter 00042: %d documents, want 3", len(s.shown))
	}
	check("filtered")
}

// BenchmarkLibraryView: one frame of the library list over 7,000
// documents (a 1 GB library's), cursor in the middle.
func BenchmarkLibraryView(b *testing.B) {
	h := manyDocsHarness(b, 120, 40, 7000)
	s := h.app.cur.(*libraryScreen)
	s.cursor = len(s.shown) / 2
	for b.Loop() {
		_ = s.View()
	}
}

// twinDocs is the seed library plus two imports with one title (the
// draft and the signed copy of a guide).
type twinDocs struct{ Library }

func (l twinDocs) Catalog() []content.DocInfo {
	return append(l.Library.Catalog(),
		content.DocInfo{ID: "hd38-nhap", Title: "Hướng dẫn nghiệp vụ công tác đảng viên", Kind: content.KindGuidance, Number: "38-HD/BTCTW", Source: "hd38-nhap.docx", SectionCount: 3},
		content.DocInfo{ID: "hd38-ky-so", Title: "Hướng dẫn nghiệp vụ công tác đảng viên", Kind: content.KindGuidance, Number: "38-HD/BTCTW", Source: "hd38-ky-so.pdf", SectionCount: 3})
}

// Two documents with one title: each row names its file, so a user can
// tell them apart; a title no other document has does not.
func TestLibraryTwinsNamed(t *testing.T) {
	h := newHarness(t, 120, 60, i18n.VI, func(o *Options) {
		open := o.OpenLibrary
		o.OpenLibrary = func() (Library, error) {
			l, err := open()
			return twinDocs{l}, err
		}
	})
	s, ok := h.app.cur.(*libraryScreen)
	if !ok {
		t.Fatalf("the app opened on %T, want the library", h.app.cur)
	}
	view := s.View()
	for _, want := range []string{"3 mục · hd38-nhap.docx", "3 mục · hd38-ky-so.pdf"} {
		if !strings.Contains(view, want) {
			t.Errorf("no %q in\n%s", want, view)
		}
	}
	if strings.Contains(view, ".txt") {
		t.Errorf("a title of its own got its file name:\n%s", view)
	}
}
