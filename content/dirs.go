package content

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
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
func ResolveDirs(flagData string) (Dirs, error) {
	return DirsFor(runtime.GOOS, flagData, os.Getenv, os.UserHomeDir)
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
