package plan

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"chibo/content"
	"chibo/content/lockfile"
	"chibo/content/userdata"
)

// Store keeps one JSON file per plan in <user dir>/plans/. Every Save is
// atomic; a file that cannot be read back is renamed aside and reported.
// A Store is safe for use from several goroutines; Update also keeps two
// screens of one process, and two chibo processes, from losing each
// other's changes: it holds the folder's lock file (plans/.lock) from the
// load to the save.
type Store struct {
	dir  string
	now  func() time.Time
	mu   sync.Mutex
	tidy sync.Once
}

// OpenStore returns the store under userDir (content.Dirs.User()). The
// directory is made on the first save.
func OpenStore(userDir string) *Store {
	return &Store{dir: filepath.Join(userDir, "plans"), now: time.Now}
}

// Dir is the directory holding the plan files.
func (s *Store) Dir() string { return s.dir }

// Now is the store's clock (tests fix it).
func (s *Store) Now() time.Time { return s.now() }

// SetClock replaces the clock, for tests and reproducible exports.
func (s *Store) SetClock(now func() time.Time) { s.now = now }

// Path is the file of the plan key.
func (s *Store) Path(key string) string { return filepath.Join(s.dir, key+".json") }

// Load reads the plan key. A plan never saved is the standard skeleton
// (saved is false). A damaged file is set aside and returned as a
// *userdata.DamagedError together with a fresh skeleton, so the caller can
// report it and carry on; a file from a newer chibo returns only the error.
func (s *Store) Load(key string) (p *Plan, saved bool, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.load(key)
}

func (s *Store) load(key string) (*Plan, bool, error) {
	fresh, err := New(key)
	if err != nil {
		return nil, false, err
	}
	var p Plan
	found, err := userdata.ReadVersioned(s.Path(key), Version, &p, s.now())
	if err != nil {
		if errors.Is(err, userdata.ErrNewerVersion) {
			return nil, false, err
		}
		return fresh, false, err
	}
	if !found {
		return fresh, false, nil
	}
	p.Month = key // the file name wins over a hand-edited field
	if p.Kind == "" {
		p.Kind = fresh.Kind
	}
	return &p, true, nil
}

// Save writes the plan atomically. It refuses to replace a file written by
// a newer chibo.
func (s *Store) Save(p *Plan) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	l, err := s.lock()
	if err != nil {
		return err
	}
	defer l.Release()
	return s.save(p)
}

// lock takes the inter-process lock of the plans folder, and the first
// time tidies the temporary files a killed chibo left there.
func (s *Store) lock() (*lockfile.Lock, error) {
	l, err := lockfile.Acquire(filepath.Join(s.dir, ".lock"), 0)
	if err != nil {
		return nil, err
	}
	s.tidy.Do(func() { content.RemoveStaleTemps(s.dir, content.StaleTempAge) })
	return l, nil
}

func (s *Store) save(p *Plan) error {
	if !ValidKey(p.Month) {
		return fmt.Errorf("plan key %q: %w", p.Month, ErrBadKey)
	}
	if err := s.checkNotNewer(s.Path(p.Month)); err != nil {
		return err
	}
	p.Version = Version
	p.Saved = s.now().UTC().Truncate(time.Second)
	return userdata.WriteJSON(s.Path(p.Month), p)
}

func (s *Store) checkNotNewer(path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil // missing or unreadable: the atomic rename will tell
	}
	var h struct {
		Version int `json:"version"`
	}
	if json.Unmarshal(data, &h) == nil && h.Version > Version {
		return fmt.Errorf("%s: version %d: %w; not overwritten", path, h.Version, userdata.ErrNewerVersion)
	}
	return nil
}

// Update loads the plan key (or its skeleton), applies fn and saves the
// result, all under the store's lock (held against other chibo processes
// too), and returns the saved plan. When fn
// fails nothing is written. When the file was damaged it has been set
// aside, the update went ahead on a fresh skeleton, and the
// *userdata.DamagedError is returned with the plan so it can be reported.
func (s *Store) Update(key string, fn func(*Plan) error) (*Plan, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	l, err := s.lock()
	if err != nil {
		return nil, err
	}
	defer l.Release()
	p, _, lerr := s.load(key)
	if p == nil {
		return nil, lerr
	}
	if err := fn(p); err != nil {
		return nil, err
	}
	if err := s.save(p); err != nil {
		return nil, err
	}
	return p, lerr
}

// Summary describes one saved plan for a list.
type Summary struct {
	Key      string
	Title    string
	Kind     Kind
	Date     string
	Items    int
	Excerpts int
	Minutes  int
	Saved    time.Time
	Err      error // the file could not be read; it is left untouched by List
}

// List returns the saved plans, newest key first. Unreadable files are
// listed with Err set; List never moves or changes a file.
func (s *Store) List() ([]Summary, error) {
	entries, err := os.ReadDir(s.dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []Summary
	for _, e := range entries {
		name := e.Name()
		key, ok := strings.CutSuffix(name, ".json")
		if e.IsDir() || !ok || !ValidKey(key) {
			continue // temporary files, damaged copies, anything else
		}
		sum := Summary{Key: key}
		var p Plan
		data, err := os.ReadFile(filepath.Join(s.dir, name))
		if err == nil {
			err = json.Unmarshal(data, &p)
		}
		if err == nil && (p.Version == 0 || p.Version > Version) {
			err = fmt.Errorf("version %d", p.Version)
		}
		if err != nil {
			sum.Err = err
		} else {
			sum.Title, sum.Kind, sum.Date = p.Title, p.Kind, p.Date
			sum.Items, sum.Excerpts, sum.Minutes, sum.Saved = len(p.Items), p.ExcerptCount(), p.TotalMinutes(), p.Saved
		}
		out = append(out, sum)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Key > out[j].Key })
	return out, nil
}
