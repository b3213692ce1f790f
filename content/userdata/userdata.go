// Package userdata keeps what a reader adds to the library: bookmarks and
// the reading position in each document. The files are small,
// human-readable JSON in the user directory (content.Dirs.User()), each with
// a "version" field, written atomically at every change so a kill or power
// cut leaves either the old or the new file. A file that cannot be read back
// is renamed aside and reported, never silently overwritten.
package userdata

import (
	"errors"
	"fmt"
	"path/filepath"
	"sort"
	"sync"
	"time"

	"chibo/content"
	"chibo/content/lockfile"
)

// Version is the file format version this code writes.
const Version = 1

// File names in the user directory.
const (
	BookmarksFile = "bookmarks.json"
	PositionsFile = "positions.json"
)

// Bookmark marks one section of one document. Doc and Section are the
// stable IDs (content.Document.ID, content.Section.ID), so a bookmark
// survives re-indexing and re-importing; Heading is kept so the list reads
// well even when the section has gone.
type Bookmark struct {
	Doc     string    `json:"doc"`
	Section string    `json:"section"`
	Heading string    `json:"heading"`
	Added   time.Time `json:"added"`
}

// position is where the reader left a document.
type position struct {
	Section string    `json:"section"`
	Line    int       `json:"line"`
	Updated time.Time `json:"updated"`
}

type bookmarksFile struct {
	Version   int        `json:"version"`
	Bookmarks []Bookmark `json:"bookmarks"`
}

type positionsFile struct {
	Version   int                 `json:"version"`
	Positions map[string]position `json:"positions"`
}

// Store is the user's bookmarks and reading positions. It is safe for use
// from several goroutines, and several chibo processes may share the
// files: each change re-reads the file under the folder's lock file
// (user/.lock) and applies itself to what is there, so a bookmark added by
// another process is not lost.
type Store struct {
	dir  string
	now  func() time.Time
	tidy sync.Once

	mu        sync.Mutex
	bookmarks []Bookmark
	positions map[string]position
	// locked lists files from a newer chibo: read-only for this run.
	locked map[string]bool

	// Problems lists the files that could not be read when the store was
	// opened (each a *DamagedError). The store works without them.
	Problems []error
}

// Open reads the store in dir (content.Dirs.User()). Missing files are
// normal (a new user); damaged ones are set aside and listed in Problems;
// the returned error is for the directory itself being unusable.
func Open(dir string) (*Store, error) {
	return open(dir, time.Now)
}

func open(dir string, now func() time.Time) (*Store, error) {
	if dir == "" {
		return nil, errors.New("userdata: no directory")
	}
	s := &Store{dir: dir, now: now, positions: map[string]position{}, locked: map[string]bool{}}
	var bf bookmarksFile
	if _, err := ReadVersioned(s.path(BookmarksFile), Version, &bf, now()); err != nil {
		s.problem(BookmarksFile, err)
	} else {
		s.bookmarks = bf.Bookmarks
	}
	var pf positionsFile
	if _, err := ReadVersioned(s.path(PositionsFile), Version, &pf, now()); err != nil {
		s.problem(PositionsFile, err)
	} else if pf.Positions != nil {
		s.positions = pf.Positions
	}
	return s, nil
}

func (s *Store) problem(name string, err error) {
	s.Problems = append(s.Problems, err)
	if errors.Is(err, ErrNewerVersion) {
		s.locked[name] = true
	}
}

func (s *Store) path(name string) string { return filepath.Join(s.dir, name) }

// Bookmarks returns the bookmarks, newest first.
func (s *Store) Bookmarks() []Bookmark {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := append([]Bookmark(nil), s.bookmarks...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Added.After(out[j].Added) })
	return out
}

// IsBookmarked says whether the section is bookmarked.
func (s *Store) IsBookmarked(doc, section string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.find(doc, section) >= 0
}

func (s *Store) find(doc, section string) int {
	for i, b := range s.bookmarks {
		if b.Doc == doc && b.Section == section {
			return i
		}
	}
	return -1
}

// ToggleBookmark adds the bookmark when absent and removes it when present,
// and saves at once. It returns whether the section is now bookmarked. When
// the save fails, the change is undone and the error returned.
func (s *Store) ToggleBookmark(doc, section, heading string) (bool, error) {
	if doc == "" {
		return false, errors.New("userdata: bookmark without a document")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	l, err := s.lock()
	if err != nil {
		return false, err
	}
	defer l.Release()
	var bf bookmarksFile
	if s.refresh(BookmarksFile, &bf) {
		s.bookmarks = bf.Bookmarks
	}
	old := s.bookmarks
	var on bool
	if i := s.find(doc, section); i >= 0 {
		s.bookmarks = append(append([]Bookmark(nil), old[:i]...), old[i+1:]...)
	} else {
		s.bookmarks = append(append([]Bookmark(nil), old...), Bookmark{Doc: doc, Section: section, Heading: heading, Added: s.now().UTC().Truncate(time.Second)})
		on = true
	}
	if err := s.save(BookmarksFile, bookmarksFile{Version: Version, Bookmarks: s.bookmarks}); err != nil {
		s.bookmarks = old
		return !on, err
	}
	return on, nil
}

// Position returns where the reader left doc.
func (s *Store) Position(doc string) (section string, line int, ok bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	p, ok := s.positions[doc]
	return p.Section, p.Line, ok
}

// SetPosition records where the reader is in doc and saves at once. An
// unchanged position is not written again, so callers may call it freely.
func (s *Store) SetPosition(doc, section string, line int) error {
	if doc == "" {
		return errors.New("userdata: position without a document")
	}
	if line < 0 {
		line = 0
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if p, ok := s.positions[doc]; ok && p.Section == section && p.Line == line {
		return nil
	}
	l, err := s.lock()
	if err != nil {
		return err
	}
	defer l.Release()
	var pf positionsFile
	if s.refresh(PositionsFile, &pf) && pf.Positions != nil {
		s.positions = pf.Positions
	}
	old, had := s.positions[doc]
	s.positions[doc] = position{Section: section, Line: line, Updated: s.now().UTC().Truncate(time.Second)}
	if err := s.save(PositionsFile, positionsFile{Version: Version, Positions: s.positions}); err != nil {
		if had {
			s.positions[doc] = old
		} else {
			delete(s.positions, doc)
		}
		return err
	}
	return nil
}

// lock takes the user folder's inter-process lock, and the first time
// tidies the temporary files a killed chibo left there.
func (s *Store) lock() (*lockfile.Lock, error) {
	l, err := lockfile.Acquire(s.path(".lock"), 0)
	if err != nil {
		return nil, err
	}
	s.tidy.Do(func() { content.RemoveStaleTemps(s.dir, content.StaleTempAge) })
	return l, nil
}

// refresh re-reads one file into v under the lock, to apply a change to
// what another process may have saved since; it says whether v holds the
// file. A file that has become unreadable is handled as at Open (set
// aside, or read-only when newer) and the store carries on from memory.
func (s *Store) refresh(name string, v any) bool {
	found, err := ReadVersioned(s.path(name), Version, v, s.now())
	if err != nil {
		s.problem(name, err)
		return false
	}
	return found
}

// save writes one file; the caller holds s.mu.
func (s *Store) save(name string, v any) error {
	if s.locked[name] {
		return fmt.Errorf("%s: %w; not overwritten", s.path(name), ErrNewerVersion)
	}
	return WriteJSON(s.path(name), v)
}
