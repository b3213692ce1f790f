package content

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// TestDirsFor: each system's usual places, the flag and CHIBO_DATA first,
// and ErrNoHome when there is nowhere to go.
func TestDirsFor(t *testing.T) {
	homeOK := func() (string, error) { return "/home/an", nil }
	noHome := func() (string, error) { return "", errors.New("no home") }
	env := func(kv ...string) func(string) string {
		m := map[string]string{}
		for i := 0; i+1 < len(kv); i += 2 {
			m[kv[i]] = kv[i+1]
		}
		return func(k string) string { return m[k] }
	}
	local := `C:\Users\An\AppData\Local`
	cases := []struct {
		name, goos, flag string
		getenv           func(string) string
		home             func() (string, error)
		data, cache      string
		err              error
	}{
		{"linux default", "linux", "", env(), homeOK, "/home/an/.local/share/chibo", "/home/an/.cache/chibo", nil},
		{"linux XDG", "linux", "", env("XDG_DATA_HOME", "/d", "XDG_CACHE_HOME", "/c"), homeOK, "/d/chibo", "/c/chibo", nil},
		{"linux relative XDG ignored", "linux", "", env("XDG_DATA_HOME", "rel"), homeOK, "/home/an/.local/share/chibo", "/home/an/.cache/chibo", nil},
		{"linux no home", "linux", "", env(), noHome, "", "", ErrNoHome},
		{"flag wins", "windows", "/x/y", env("CHIBO_DATA", "/z", "LOCALAPPDATA", local), homeOK, "/x/y", "/x/y", nil},
		{"CHIBO_DATA", "darwin", "", env("CHIBO_DATA", "/z"), homeOK, "/z", "/z", nil},
		{"windows LOCALAPPDATA", "windows", "", env("LOCALAPPDATA", local, "APPDATA", `C:\Users\An\AppData\Roaming`), noHome,
			filepath.Join(local, "chibo"), filepath.Join(local, "chibo", "cache"), nil},
		{"windows APPDATA only", "windows", "", env("APPDATA", `C:\R`), noHome, filepath.Join(`C:\R`, "chibo"), filepath.Join(`C:\R`, "chibo", "cache"), nil},
		{"windows neither", "windows", "", env(), homeOK, "/home/an/AppData/Local/chibo", "/home/an/AppData/Local/chibo/cache", nil},
		{"windows nothing", "windows", "", env(), noHome, "", "", ErrNoHome},
		{"darwin default", "darwin", "", env(), homeOK, "/home/an/Library/Application Support/chibo", "/home/an/Library/Caches/chibo", nil},
		{"darwin XDG set", "darwin", "", env("XDG_DATA_HOME", "/d"), homeOK, "/d/chibo", "/home/an/Library/Caches/chibo", nil},
	}
	for _, c := range cases {
		d, err := DirsFor(c.goos, c.flag, c.getenv, c.home)
		if !errors.Is(err, c.err) || d.Data != c.data || d.Cache != c.cache {
			t.Errorf("%s: %+v, %v; want %s, %s, %v", c.name, d, err, c.data, c.cache, c.err)
		}
	}
	d, _ := DirsFor("windows", "", env("LOCALAPPDATA", local), noHome)
	if d.Library() != filepath.Join(local, "chibo", "library") || d.Index() != filepath.Join(local, "chibo", "cache", "index") {
		t.Errorf("windows library %s, index %s", d.Library(), d.Index())
	}
}

// The app writes exports into the documents folder a user knows: the XDG
// one on Linux (localised), Documents on Windows (USERPROFILE, or its
// OneDrive copy) and macOS; the home folder when there is none.
func TestDocumentsDir(t *testing.T) {
	home := t.TempDir()
	homeFn := func() (string, error) { return home, nil }
	env := map[string]string{}
	getenv := func(k string) string { return env[k] }
	isDir := func(p string) bool { fi, err := os.Stat(p); return err == nil && fi.IsDir() }
	if got := DocumentsDir("linux", getenv, homeFn, isDir); got != home {
		t.Errorf("no documents folder: %q, want the home %q", got, home)
	}
	docs := filepath.Join(home, "Documents")
	os.Mkdir(docs, 0o755)
	for _, goos := range []string{"linux", "darwin", "windows"} {
		if got := DocumentsDir(goos, getenv, homeFn, isDir); got != docs {
			t.Errorf("%s: %q, want %q", goos, got, docs)
		}
	}
	vi := filepath.Join(home, "Tài liệu")
	os.Mkdir(vi, 0o755)
	os.MkdirAll(filepath.Join(home, ".config"), 0o755)
	os.WriteFile(filepath.Join(home, ".config", "user-dirs.dirs"), []byte("# written by xdg-user-dirs-update\nXDG_DESKTOP_DIR=\"$HOME/Màn hình nền\"\nXDG_DOCUMENTS_DIR=\"$HOME/Tài liệu\"\n"), 0o644)
	if got := DocumentsDir("linux", getenv, homeFn, isDir); got != vi {
		t.Errorf("XDG: %q, want %q", got, vi)
	}
	os.RemoveAll(docs)
	one := filepath.Join(home, "OneDrive", "Documents")
	os.MkdirAll(one, 0o755)
	if got := DocumentsDir("windows", getenv, homeFn, isDir); got != one {
		t.Errorf("windows OneDrive: %q, want %q", got, one)
	}
	if got := DocumentsDir("linux", getenv, func() (string, error) { return "", ErrNoHome }, isDir); got != "" {
		t.Errorf("no home: %q", got)
	}
}
