package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"chibo/content"
	"chibo/tui/i18n"
)

// TestLibraryChangedElsewhere: while the app is open, another chibo
// process (the command line) imports a document and then removes it; the
// app's next look at the library (the LibraryPoll tick) lists it, then
// stops listing it, instead of showing what is gone.
func TestLibraryChangedElsewhere(t *testing.T) {
	dir := t.TempDir()
	dirs := content.Dirs{Data: dir, Cache: dir}
	appLib, err := content.OpenLibrary(dirs)
	if err != nil {
		t.Fatal(err)
	}
	h := newHarness(t, 100, 40, i18n.VI, func(o *Options) {
		o.OpenLibrary = func() (Library, error) { return appLib, nil }
		// Off: the harness runs commands to completion, so the test
		// delivers the tick's message itself.
		o.LibraryPoll = 0
	})
	const title = "Biên bản họp chi bộ tháng mười hai"
	if strings.Contains(h.screen(), title) {
		t.Fatal("the document is listed before it is imported")
	}
	src := filepath.Join(t.TempDir(), "bien-ban-thang-12.txt")
	if err := os.WriteFile(src, []byte(title+"\n\nI. Tình hình\n\nChi bộ họp thường kỳ, đủ số đảng viên.\n"), 0o644); err != nil {
		t.Fatal(err)
	}

	// The command line: another Library over the same folders.
	cli, err := content.OpenLibrary(dirs)
	if err != nil {
		t.Fatal(err)
	}
	var id string
	cli.Import([]string{src}, func(r content.ImportResult) {
		if r.Err != nil || r.Doc == nil {
			t.Fatalf("import: %+v", r)
		}
		id = r.Doc.ID
	})
	if strings.Contains(h.screen(), title) {
		t.Fatal("the app changed before it looked at the library")
	}
	h.send(libraryPollMsg{})
	if !strings.Contains(h.screen(), title) {
		t.Fatalf("the import from the command line is not listed after the poll:\n%s", h.screen())
	}
	if d, ok := appLib.Doc(id); !ok || d.Title != title {
		t.Fatalf("the app cannot open the imported document: %v %v", d, ok)
	}

	cli2, err := content.OpenLibrary(dirs)
	if err != nil {
		t.Fatal(err)
	}
	if err := cli2.Remove(id); err != nil {
		t.Fatal(err)
	}
	h.send(libraryPollMsg{})
	if strings.Contains(h.screen(), title) {
		t.Fatalf("the document removed from the command line is still listed:\n%s", h.screen())
	}
	if _, ok := appLib.Doc(id); ok {
		t.Error("the app still opens the removed document")
	}
	// Nothing changed since: the poll keeps the list as it is.
	before := h.screen()
	h.send(libraryPollMsg{})
	if h.screen() != before {
		t.Error("a poll with no change redrew the list differently")
	}
}

// TestLibraryPollTicks: with LibraryPoll set, the app arms a tick that
// delivers libraryPollMsg; without it, none.
func TestLibraryPollTicks(t *testing.T) {
	a := New(Options{LibraryPoll: time.Millisecond})
	cmd := a.pollLibrary()
	if cmd == nil {
		t.Fatal("no tick armed")
	}
	if _, ok := cmd().(libraryPollMsg); !ok {
		t.Error("the tick does not ask the library")
	}
	if New(Options{}).pollLibrary() != nil {
		t.Error("a tick armed with LibraryPoll 0")
	}
}
