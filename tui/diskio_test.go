package tui

import (
	"strings"
	"sync"
	"testing"

	"chibo/content"
	"chibo/tui/i18n"
)

// watchedLibrary is the seed library, recording each document read
// (Doc, Each, EachCitations: the bbolt store on disk in the real
// program) made while the app's Update or Render runs.
type watchedLibrary struct {
	*content.Library
	h *harness

	mu     sync.Mutex
	reads  int
	inLoop []string
}

func (w *watchedLibrary) note(what string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.reads++
	if w.h != nil && w.h.updating.Load() {
		w.inLoop = append(w.inLoop, what)
	}
}

func (w *watchedLibrary) Doc(id string) (*content.Document, bool) {
	w.note("Doc(" + id + ")")
	return w.Library.Doc(id)
}

func (w *watchedLibrary) Each(fn func(*content.Document) error) error {
	w.note("Each")
	return w.Library.Each(fn)
}

func (w *watchedLibrary) EachCitations(fn func(*content.Document) error) error {
	w.note("EachCitations")
	return w.Library.EachCitations(fn)
}

// TestNoDiskReadsInUpdate walks the screens that read documents —
// outline, reader, bookmarks, cited directives, a search hit added to the
// agenda — and fails if any document is read from the library's store
// inside Update or Render: those reads belong in tea.Cmds, so a slow
// disk or a large library never freezes the keyboard.
func TestNoDiskReadsInUpdate(t *testing.T) {
	w := &watchedLibrary{Library: seedLibrary(t)}
	h := newHarness(t, 100, 30, i18n.VI, func(o *Options) {
		o.OpenLibrary = func() (Library, error) { return w, nil }
	})
	w.mu.Lock()
	w.h = h
	w.mu.Unlock()
	step := func(want string, keys ...string) {
		t.Helper()
		for _, k := range keys {
			h.key(k)
		}
		if s := h.screen(); !strings.Contains(s, want) {
			t.Fatalf("after %v: %q not on screen:\n%s", keys, want, s)
		}
	}
	step("Mục lục", "enter")
	step("Đọc", "enter")
	step("★", "b")
	step("Dấu trang", "B")
	step("Văn bản được trích dẫn", "v")
	step("Nơi trích dẫn", "enter")
	step("Đọc", "enter")
	h.key("/")
	h.text("nong thon moi")
	step("kết quả", "enter")
	step("Thêm vào", "a")
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.reads == 0 {
		t.Fatal("the walk read no document: the test watches nothing")
	}
	if len(w.inLoop) > 0 {
		t.Errorf("%d of %d document reads ran inside Update or Render: %v", len(w.inLoop), w.reads, w.inLoop)
	}
}
