//go:build unix

package index

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"math/rand"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"chibo/content"
)

// noisyDocs are n documents whose text (words more random words per
// section) does not compress, so the segments a build writes are as large
// as the text.
func noisyDocs(n, words int) []*content.Document {
	rng := rand.New(rand.NewSource(1))
	vocab := make([]string, 512)
	for i := range vocab {
		vocab[i] = fmt.Sprintf("w%x", rng.Int63())
	}
	docs := synthDocs(n, 3)
	for _, d := range docs {
		for _, s := range d.Sections {
			var b strings.Builder
			for range words {
				b.WriteString(vocab[rng.Intn(len(vocab))] + " ")
			}
			s.Text = b.String()
		}
		d.Hash += "-noisy"
	}
	return docs
}

// TestDiskFull: a build or an update that cannot write (here the file
// size limit, RLIMIT_FSIZE, makes every write past 128 KB fail with EFBIG
// as a full disk fails with ENOSPC) is an ordinary error that says so: no
// panic (scorch's builder indexed an empty slice in Close and killed the
// process), no half-written build left behind, and the previous index
// still answers. The limit is set in a child process (this test binary
// again), so nothing else in the test run is limited.
func TestDiskFull(t *testing.T) {
	if dir := os.Getenv("CHIBO_DISKFULL_CHILD"); dir != "" {
		diskFullChild(t, dir)
		return
	}
	dir := t.TempDir()
	ix, err := Open(dir, Options{Wait: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	if err := ix.Sync(context.Background(), DocSource(synthDocs(5, 1)), nil); err != nil {
		t.Fatal(err)
	}
	ix.Close()
	cmd := exec.Command(os.Args[0], "-test.run=^TestDiskFull$", "-test.v")
	cmd.Env = append(os.Environ(), "CHIBO_DISKFULL_CHILD="+dir)
	out, err := cmd.CombinedOutput()
	if err != nil || strings.Contains(string(out), "panic") || !strings.Contains(string(out), "--- PASS: TestDiskFull") {
		t.Fatalf("child: %v\n%s", err, out)
	}
}

func diskFullChild(t *testing.T, dir string) {
	signal.Ignore(syscall.SIGXFSZ)
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &syscall.Rlimit{Cur: 128 << 10, Max: 128 << 10}); err != nil {
		t.Fatal(err)
	}
	ix, err := Open(dir, Options{Wait: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	check := func(what string, err error) {
		t.Helper()
		var pe *fs.PathError
		if err == nil {
			t.Fatalf("%s: no error, want EFBIG", what)
		}
		if !errors.Is(err, syscall.EFBIG) || !errors.As(err, &pe) || pe.Path != dir {
			t.Errorf("%s: %v, want EFBIG on %s", what, err, dir)
		}
		if r, err := ix.Search(context.Background(), Query{Text: "mk1x3", Limit: 100}); err != nil || r.Total != 40 {
			t.Errorf("%s: the old index answers %v, %+v; want 40 sections", what, err, r)
		}
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if strings.HasPrefix(e.Name(), buildPrefix) {
				t.Errorf("%s: %s left behind", what, e.Name())
			}
		}
	}
	// A rebuild (the path of a first build and of a large change).
	check("rebuild", ix.Rebuild(context.Background(), DocSource(noisyDocs(16, 30)), nil))
	// An update in place: one document more.
	check("update", ix.Sync(context.Background(), DocSource(append(synthDocs(5, 1), noisyDocs(1, 250)...)), nil))
	if _, err := os.Stat(filepath.Join(dir, metaFile)); err != nil {
		t.Error(err)
	}
}

// TestReadOnlyFolder: a data folder the user may read but not write (rel-17:
// "open …/index/lock: permission denied") is searched as it is; a sync it
// would need fails with a ReadOnlyError (missing or behind), never with a
// raw permission error. As root permissions do not bite, so the check runs
// in this test binary again as the user nobody.
func TestReadOnlyFolder(t *testing.T) {
	if dir := os.Getenv("CHIBO_READONLY_CHILD"); dir != "" {
		readOnlyChild(t, dir)
		return
	}
	root := t.TempDir()
	dir := filepath.Join(root, "index")
	ix, err := Open(dir, Options{Wait: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	if err := ix.Sync(context.Background(), DocSource(synthDocs(3, 1)), nil); err != nil {
		t.Fatal(err)
	}
	ix.Close()
	if err := os.Mkdir(filepath.Join(root, "empty"), 0o755); err != nil {
		t.Fatal(err)
	}
	// Everything readable by all, nothing writable.
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil {
			mode := fs.FileMode(0o444)
			if d.IsDir() {
				mode = 0o555
			}
			os.Chmod(p, mode)
		}
		return nil
	})
	t.Cleanup(func() {
		filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err == nil {
				os.Chmod(p, 0o755)
			}
			return nil
		})
	})
	if os.Geteuid() != 0 {
		readOnlyChild(t, root)
		return
	}
	// Root: run the check as nobody, from a copy of this binary nobody may
	// run, in folders nobody may enter.
	for p := root; p != os.TempDir() && p != "/"; p = filepath.Dir(p) {
		if fi, err := os.Stat(p); err == nil {
			os.Chmod(p, fi.Mode().Perm()|0o555)
		}
	}
	bin := filepath.Join(t.TempDir(), "index.test")
	data, err := os.ReadFile(os.Args[0])
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bin, data, 0o755); err != nil {
		t.Fatal(err)
	}
	os.Chmod(filepath.Dir(bin), 0o755)
	os.Chmod(filepath.Dir(filepath.Dir(bin)), 0o755)
	cmd := exec.Command(bin, "-test.run=^TestReadOnlyFolder$", "-test.v")
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "CHIBO_READONLY_CHILD="+root)
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "--- PASS: TestReadOnlyFolder") {
		t.Fatalf("child as nobody: %v\n%s", err, out)
	}
}

func readOnlyChild(t *testing.T, root string) {
	if err := os.WriteFile(filepath.Join(root, "probe"), nil, 0o644); err == nil {
		t.Fatal("the folder is writable: the test checks nothing")
	}
	dir := filepath.Join(root, "index")
	ix, err := Open(dir, Options{Wait: time.Second})
	if err != nil {
		t.Fatalf("open read-only: %v", err)
	}
	defer ix.Close()
	if !ix.ReadOnly() {
		t.Error("ReadOnly false")
	}
	if r, err := ix.Search(context.Background(), Query{Text: "mk1x1", Limit: 100}); err != nil || r.Total != 40 {
		t.Fatalf("search read-only: %v, %+v", err, r)
	}
	if err := ix.Sync(context.Background(), DocSource(synthDocs(3, 1)), nil); err != nil {
		t.Errorf("sync of an index up to date: %v", err)
	}
	var ro *ReadOnlyError
	err = ix.Sync(context.Background(), DocSource(synthDocs(4, 1)), nil)
	if !errors.Is(err, ErrReadOnly) || !errors.As(err, &ro) || ro.Missing || ro.Dir != dir {
		t.Errorf("sync behind: %v, want a ReadOnlyError on %s", err, dir)
	}
	if r, err := ix.Search(context.Background(), Query{Text: "mk1x1", Limit: 100}); err != nil || r.Total != 40 {
		t.Fatalf("search after a refused sync: %v, %+v", err, r)
	}
	// No index at all, in a folder that exists or not.
	for _, d := range []string{filepath.Join(root, "empty"), filepath.Join(root, "none")} {
		ix, err := Open(d, Options{Wait: time.Second})
		if err != nil {
			t.Fatalf("open %s: %v", d, err)
		}
		err = ix.Sync(context.Background(), DocSource(synthDocs(1, 1)), nil)
		if !errors.As(err, &ro) || !ro.Missing {
			t.Errorf("%s: sync %v, want a ReadOnlyError, missing", d, err)
		}
		ix.Close()
	}
}
