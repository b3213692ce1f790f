package content

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// TestImportGroupReleasesDocuments: documents committed in a group are held
// in memory only until the group's store transaction; afterwards the
// library holds none of them (an import of a gigabyte would otherwise keep
// every parsed document), and every one reads back from the store.
func TestImportGroupReleasesDocuments(t *testing.T) {
	dirs := Dirs{Data: t.TempDir(), Cache: t.TempDir()}
	lib, err := OpenLibrary(dirs)
	if err != nil {
		t.Fatal(err)
	}
	src := t.TempDir()
	const n = 150
	for i := range n {
		text := fmt.Sprintf("Điều %d. Quy định số %d\n\nChi bộ họp lần thứ %d bàn việc thôn %d.\n", i+1, i, i, i*7)
		if err := os.WriteFile(filepath.Join(src, fmt.Sprintf("t%03d.txt", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	added := 0
	err = lib.ImportContext(context.Background(), []string{src}, ImportOptions{}, func(r ImportResult) {
		if r.Status == ImportAdded {
			added++
		}
	})
	if err != nil || added != n {
		t.Fatalf("err %v, %d of %d added", err, added, n)
	}
	lib.mu.RLock()
	held := len(lib.mem)
	lib.mu.RUnlock()
	if held != 0 {
		t.Errorf("%d documents still held in memory after the import", held)
	}
	again, err := OpenLibrary(dirs)
	if err != nil {
		t.Fatal(err)
	}
	if got := len(again.Docs()); got != n+5 {
		t.Errorf("reopened: %d documents, want %d", got, n+5)
	}
}
