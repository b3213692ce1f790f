package index

import (
	"context"
	"testing"
	"time"

	"chibo/content"
)

// seedIndex opens the seed library and a fresh index over it.
func seedIndex(t testing.TB) (*Index, *content.Library) {
	t.Helper()
	dirs := content.Dirs{Data: t.TempDir(), Cache: t.TempDir()}
	lib, err := content.OpenLibrary(dirs)
	if err != nil {
		t.Fatal(err)
	}
	ix, err := Open(dirs.Index(), Options{Wait: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	if err := ix.Sync(context.Background(), lib, nil); err != nil {
		t.Fatal(err)
	}
	return ix, lib
}

func contentFold(s string) string { return content.Fold(s) }
