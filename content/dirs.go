package content

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// Dirs says where chibo keeps its files. Data holds what the user would
// miss (imported documents, plans, bookmarks); Cache holds what chibo can
// rebuild (the search index).
type Dirs struct {
	Data  string
	Cache string
}

// ErrNoHome is returned by ResolveDirs when there is no home directory to
// put the data in and none was given.
var ErrNoHome = errors.New("no home directory: set CHIBO_DATA or use --data")

// ResolveDirs picks the directories: the --data flag, else $CHIBO_DATA
// (both put everything in one directory), else the system's usual places
// (see DirsFor). Errors: ErrNoHome, or filepath.Abs's.
//
// On macOS, data an older chibo kept in ~/.local/share/chibo is moved to
// the new place once, at the first start (see MoveData).
func ResolveDirs(flagData string) (Dirs, error) {
	d, err := DirsFor(runtime.GOOS, flagData, os.Getenv, os.UserHomeDir)
	if err != nil {
		return d, err
	}
	if old := OldDataFor(runtime.GOOS, flagData, os.Getenv, os.UserHomeDir); old != "" {
		d.Data, _, _ = MoveData(old, d.Data)
	}
	return d, nil
}

// OldDataFor is the data folder an older chibo used where DirsFor now
// picks another, or "" when nothing moved: on macOS ("darwin"), chibo
// kept its data in ~/.local/share/chibo before it used
// ~/Library/Application Support/chibo. With --data, CHIBO_DATA or
// XDG_DATA_HOME the folder did not change.
func OldDataFor(goos, flagData string, getenv func(string) string, home func() (string, error)) string {
	if goos != "darwin" || flagData != "" || getenv("CHIBO_DATA") != "" || getenv("XDG_DATA_HOME") != "" {
		return ""
	}
	h, err := home()
	if err != nil || h == "" {
		return ""
	}
	return filepath.Join(h, ".local", "share", "chibo")
}

// rename is os.Rename; tests replace it to fail as across volumes.
var rename = os.Rename

// MoveData moves the data folder old to new, once: only when new does not
// exist and old is a folder, by one rename (atomic on one volume: a kill
// leaves it whole in one place or the other, and a second chibo starting
// at the same moment finds it moved). It returns the folder to use: new,
// or old when the rename failed (old on another volume, no permission) —
// the data then stays where it is and is used there; err says why, moved
// whether it moved now.
func MoveData(old, new string) (use string, moved bool, err error) {
	if _, err := os.Lstat(new); err == nil {
		return new, false, nil // already there (or the user made it)
	}
	if fi, err := os.Lstat(old); err != nil || !fi.IsDir() {
		return new, false, nil // nothing to move
	}
	if err := os.MkdirAll(filepath.Dir(new), 0o755); err != nil {
		return old, false, err
	}
	if err := rename(old, new); err != nil {
		if _, serr := os.Lstat(new); serr == nil {
			return new, false, nil // another chibo moved it meanwhile
		}
		return old, false, err
	}
	return new, true, nil
}

// DirsFor is ResolveDirs for the system goos ("linux", "windows",
// "darwin" …), reading the environment through getenv and the home
// directory through home, so every system's rule is tested on any:
//   - windows: everything under %LOCALAPPDATA%\chibo (the index in its
//     cache folder). Not the roaming %APPDATA%: the library holds copies of
//     the documents (often hundreds of MB) that a roaming profile would
//     copy at every sign-in, and the plans cite the library's documents,
//     so the two must stay together. Without LOCALAPPDATA, %APPDATA%, then
//     HOME\AppData\Local.
//   - darwin: ~/Library/Application Support/chibo and ~/Library/Caches/chibo,
//     unless XDG_DATA_HOME / XDG_CACHE_HOME are set.
//   - others: $XDG_DATA_HOME/chibo (~/.local/share/chibo) and
//     $XDG_CACHE_HOME/chibo (~/.cache/chibo).
func DirsFor(goos, flagData string, getenv func(string) string, home func() (string, error)) (Dirs, error) {
	if flagData == "" {
		flagData = getenv("CHIBO_DATA")
	}
	if flagData != "" {
		abs, err := filepath.Abs(flagData)
		if err != nil {
			return Dirs{}, err
		}
		return Dirs{Data: abs, Cache: abs}, nil
	}
	// under returns the environment variable v, else the home directory
	// joined with def.
	under := func(v string, def ...string) (string, error) {
		if d := getenv(v); d != "" && filepath.IsAbs(d) {
			return d, nil
		}
		h, err := home()
		if err != nil || h == "" {
			return "", ErrNoHome
		}
		return filepath.Join(append([]string{h}, def...)...), nil
	}
	var data, cache string
	var err error
	switch goos {
	case "windows":
		base := getenv("LOCALAPPDATA")
		if base == "" {
			base = getenv("APPDATA")
		}
		if base == "" {
			h, herr := home()
			if herr != nil || h == "" {
				return Dirs{}, ErrNoHome
			}
			base = filepath.Join(h, "AppData", "Local")
		}
		data = filepath.Join(base, "chibo")
		return Dirs{Data: data, Cache: filepath.Join(data, "cache")}, nil
	case "darwin":
		if data, err = under("XDG_DATA_HOME", "Library", "Application Support"); err != nil {
			return Dirs{}, err
		}
		if cache, err = under("XDG_CACHE_HOME", "Library", "Caches"); err != nil {
			return Dirs{}, err
		}
	default:
		if data, err = under("XDG_DATA_HOME", ".local", "share"); err != nil {
			return Dirs{}, err
		}
		if cache, err = under("XDG_CACHE_HOME", ".cache"); err != nil {
			return Dirs{}, err
		}
	}
	return Dirs{Data: filepath.Join(data, "chibo"), Cache: filepath.Join(cache, "chibo")}, nil
}

// Library is where imported documents are kept (copies of the originals).
func (d Dirs) Library() string { return filepath.Join(d.Data, "library") }

// User is where plans, bookmarks, reading positions and notes are kept.
func (d Dirs) User() string { return filepath.Join(d.Data, "user") }

// Index is where the search index lives.
func (d Dirs) Index() string { return filepath.Join(d.Cache, "index") }

// Compiled is the folder for PDFium's compiled code (cache/wazero).
func (d Dirs) Compiled() string { return filepath.Join(d.Cache, "wazero") }

// DocumentsDir is the folder where the app writes what a user exports (a
// meeting pack): the user's documents folder when it exists — on Linux
// the XDG documents directory named in ~/.config/user-dirs.dirs ("Tài
// liệu" on a Vietnamese desktop), else HOME/Documents (Windows' and
// macOS's, whatever name Explorer or Finder shows), on Windows also
// USERPROFILE\OneDrive\Documents when OneDrive backs it up — else the
// home folder; "" when there is no home folder.
func DocumentsDir(goos string, getenv func(string) string, home func() (string, error), isDir func(string) bool) string {
	h, err := home()
	if err != nil || h == "" {
		return ""
	}
	var candidates []string
	switch goos {
	case "windows":
		if p := getenv("USERPROFILE"); p != "" {
			h = p
		}
		candidates = []string{filepath.Join(h, "Documents"), filepath.Join(h, "OneDrive", "Documents")}
	case "darwin":
		candidates = []string{filepath.Join(h, "Documents")}
	default:
		if d := xdgDocuments(h, getenv); d != "" {
			candidates = append(candidates, d)
		}
		candidates = append(candidates, filepath.Join(h, "Documents"))
	}
	for _, c := range candidates {
		if isDir(c) {
			return c
		}
	}
	return h
}

// xdgDocuments reads XDG_DOCUMENTS_DIR from the user-dirs.dirs file of
// XDG_CONFIG_HOME (~/.config): a line `XDG_DOCUMENTS_DIR="$HOME/Tài liệu"`.
func xdgDocuments(home string, getenv func(string) string) string {
	cfg := getenv("XDG_CONFIG_HOME")
	if cfg == "" || !filepath.IsAbs(cfg) {
		cfg = filepath.Join(home, ".config")
	}
	data, err := os.ReadFile(filepath.Join(cfg, "user-dirs.dirs"))
	if err != nil || len(data) > 64<<10 {
		return ""
	}
	for _, l := range strings.Split(string(data), "\n") {
		v, ok := strings.CutPrefix(strings.TrimSpace(l), "XDG_DOCUMENTS_DIR=")
		if !ok {
			continue
		}
		v = strings.Trim(v, `"`)
		if rest, ok := strings.CutPrefix(v, "$HOME"); ok {
			v = home + rest
		}
		if filepath.IsAbs(v) && filepath.Clean(v) != filepath.Clean(home) {
			return filepath.Clean(v)
		}
	}
	return ""
}
