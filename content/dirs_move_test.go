package content

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

func TestOldDataFor(t *testing.T) {
	home := func() (string, error) { return "/Users/an", nil }
	env := func(kv ...string) func(string) string {
		return func(k string) string {
			for i := 0; i+1 < len(kv); i += 2 {
				if kv[i] == k {
					return kv[i+1]
				}
			}
			return ""
		}
	}
	for _, c := range []struct {
		name, goos, flag string
		getenv           func(string) string
		want             string
	}{
		{"mac default", "darwin", "", env(), "/Users/an/.local/share/chibo"},
		{"mac --data", "darwin", "/x", env(), ""},
		{"mac CHIBO_DATA", "darwin", "", env("CHIBO_DATA", "/x"), ""},
		{"mac XDG_DATA_HOME (the same folder before and after)", "darwin", "", env("XDG_DATA_HOME", "/x"), ""},
		{"linux", "linux", "", env(), ""},
		{"windows", "windows", "", env(), ""},
	} {
		if got := OldDataFor(c.goos, c.flag, c.getenv, home); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
	if got := OldDataFor("darwin", "", env(), func() (string, error) { return "", errors.New("no home") }); got != "" {
		t.Errorf("no home: %q", got)
	}
	// The new place DirsFor gives is not the old one.
	d, err := DirsFor("darwin", "", env(), home)
	if err != nil || d.Data == OldDataFor("darwin", "", env(), home) {
		t.Fatalf("DirsFor %v %v", d, err)
	}
}

// fakeMacHome lays out a home with data where an older chibo kept it on
// macOS, and returns the old and new data folders.
func fakeMacHome(t *testing.T) (old, new string) {
	t.Helper()
	home := t.TempDir()
	getenv := func(string) string { return "" }
	homeFn := func() (string, error) { return home, nil }
	old = OldDataFor("darwin", "", getenv, homeFn)
	d, err := DirsFor("darwin", "", getenv, homeFn)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(old, "user", "plans"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(old, "user", "plans", "2026-11.json"), []byte(`{"version":1}`), 0o644); err != nil {
		t.Fatal(err)
	}
	return old, d.Data
}

func TestMoveDataMoves(t *testing.T) {
	old, new := fakeMacHome(t)
	use, moved, err := MoveData(old, new)
	if err != nil || !moved || use != new {
		t.Fatalf("MoveData = %q %v %v, want %q moved", use, moved, err, new)
	}
	if b, err := os.ReadFile(filepath.Join(new, "user", "plans", "2026-11.json")); err != nil || string(b) != `{"version":1}` {
		t.Fatalf("the plan did not arrive: %q %v", b, err)
	}
	if _, err := os.Lstat(old); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("the old folder is still there: %v", err)
	}
	// The second start finds nothing to do.
	if use, moved, err := MoveData(old, new); use != new || moved || err != nil {
		t.Fatalf("second start: %q %v %v", use, moved, err)
	}
}

func TestMoveDataLeavesNewAlone(t *testing.T) {
	old, new := fakeMacHome(t)
	if err := os.MkdirAll(new, 0o755); err != nil {
		t.Fatal(err)
	}
	use, moved, err := MoveData(old, new)
	if use != new || moved || err != nil {
		t.Fatalf("MoveData = %q %v %v", use, moved, err)
	}
	if _, err := os.Stat(filepath.Join(old, "user", "plans", "2026-11.json")); err != nil {
		t.Fatalf("the old data was touched: %v", err)
	}
}

func TestMoveDataNothingToMove(t *testing.T) {
	home := t.TempDir()
	new := filepath.Join(home, "Library", "Application Support", "chibo")
	use, moved, err := MoveData(filepath.Join(home, ".local", "share", "chibo"), new)
	if use != new || moved || err != nil {
		t.Fatalf("MoveData = %q %v %v", use, moved, err)
	}
	if _, err := os.Lstat(filepath.Join(home, "Library")); !errors.Is(err, os.ErrNotExist) {
		t.Fatal("a folder was made with nothing to move")
	}
}

// On another volume the rename fails: the data stays and is used where it
// is, whole.
func TestMoveDataOtherVolume(t *testing.T) {
	old, new := fakeMacHome(t)
	rename = func(o, n string) error { return &os.LinkError{Op: "rename", Old: o, New: n, Err: syscall.EXDEV} }
	defer func() { rename = os.Rename }()
	use, moved, err := MoveData(old, new)
	if use != old || moved || !errors.Is(err, syscall.EXDEV) {
		t.Fatalf("MoveData = %q %v %v, want the old folder and EXDEV", use, moved, err)
	}
	if _, err := os.Stat(filepath.Join(old, "user", "plans", "2026-11.json")); err != nil {
		t.Fatalf("the old data is not whole: %v", err)
	}
	if _, err := os.Lstat(new); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("a half-made new folder: %v", err)
	}
}

// A second chibo that moved the folder first: this one uses the new place.
func TestMoveDataRace(t *testing.T) {
	old, new := fakeMacHome(t)
	rename = func(o, n string) error {
		if err := os.Rename(o, n); err != nil { // the other process wins
			return err
		}
		return &os.LinkError{Op: "rename", Old: o, New: n, Err: syscall.ENOENT}
	}
	defer func() { rename = os.Rename }()
	if use, _, err := MoveData(old, new); use != new || err != nil {
		t.Fatalf("MoveData = %q %v, want the new folder", use, err)
	}
}

// A parent that cannot be made (a file where Library should be) leaves
// the data where it is.
func TestMoveDataNoParent(t *testing.T) {
	old, new := fakeMacHome(t)
	lib := filepath.Dir(filepath.Dir(new)) // HOME/Library
	if err := os.WriteFile(lib, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	use, moved, err := MoveData(old, new)
	if use != old || moved || err == nil {
		t.Fatalf("MoveData = %q %v %v, want the old folder and an error", use, moved, err)
	}
}
