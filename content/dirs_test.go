package content

import (
	"errors"
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
