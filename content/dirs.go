package content

import (
	"errors"
	"os"
	"path/filepath"
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
// (both put everything in one directory), else the XDG data and cache
// directories.
func ResolveDirs(flagData string) (Dirs, error) {
	if flagData == "" {
		flagData = os.Getenv("CHIBO_DATA")
	}
	if flagData != "" {
		abs, err := filepath.Abs(flagData)
		if err != nil {
			return Dirs{}, err
		}
		return Dirs{Data: abs, Cache: abs}, nil
	}
	data := os.Getenv("XDG_DATA_HOME")
	cache := os.Getenv("XDG_CACHE_HOME")
	home, herr := os.UserHomeDir()
	if data == "" {
		if herr != nil {
			return Dirs{}, ErrNoHome
		}
		data = filepath.Join(home, ".local", "share")
	}
	if cache == "" {
		if herr != nil {
			return Dirs{}, ErrNoHome
		}
		cache = filepath.Join(home, ".cache")
	}
	return Dirs{Data: filepath.Join(data, "chibo"), Cache: filepath.Join(cache, "chibo")}, nil
}

// Library is where imported documents are kept (copies of the originals).
func (d Dirs) Library() string { return filepath.Join(d.Data, "library") }

// User is where plans, bookmarks, reading positions and notes are kept.
func (d Dirs) User() string { return filepath.Join(d.Data, "user") }

// Index is where the search index lives.
func (d Dirs) Index() string { return filepath.Join(d.Cache, "index") }
