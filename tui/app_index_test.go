package tui

import (
	"context"
	"io/fs"
	"strings"
	"syscall"
	"testing"

	"chibo/index"
	"chibo/tui/i18n"
)

// TestIndexBuildFailure: an index build that fails — a full disk, or a
// panic inside the build (rel-09: scorch's builder on a full disk killed
// the app and left the terminal in the alternate screen) — is an error in
// the status line, in words, and the app goes on.
func TestIndexBuildFailure(t *testing.T) {
	for _, tc := range []struct {
		name string
		open func() (index.Searcher, error)
		want string
	}{
		{"disk full", func() (index.Searcher, error) {
			return nil, &fs.PathError{Op: "write", Path: "/d/index", Err: syscall.ENOSPC}
		}, "không đủ chỗ trống trên đĩa để ghi /d/index"},
		{"panic", func() (index.Searcher, error) {
			var segs []string
			_ = segs[len(segs)] // index out of range, as in scorch's Builder.Close
			return nil, nil
		}, "index out of range"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			hs := newHarness(t, 100, 30, i18n.VI, func(o *Options) {
				o.OpenIndex = func(ctx context.Context, l Library, progress func(int, int)) (index.Searcher, error) {
					progress(0, 3)
					return tc.open()
				}
			})
			a := hs.app
			if !a.flashEr || !strings.Contains(a.flash, tc.want) || strings.Contains(a.flash, "no space left") {
				t.Errorf("status line %q (error %v), want %q", a.flash, a.flashEr, tc.want)
			}
			if a.indexBusy || a.sh.indexing || a.sh.indexErr == nil {
				t.Errorf("after a failed build: busy %v, indexing %v, err %v", a.indexBusy, a.sh.indexing, a.sh.indexErr)
			}
			if v := a.View(); v.Content == "" {
				t.Error("the app draws nothing after a failed build")
			}
		})
	}
}
