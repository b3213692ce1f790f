package userdata

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"time"

	"chibo/content"
)

// DamagedError reports a user file that could not be read back. The file is
// never overwritten: it is renamed to Aside (when that worked) so the user or
// a helper can recover it by hand, and chibo carries on without it.
type DamagedError struct {
	File  string // the path chibo expected to read
	Aside string // where the damaged bytes are now; "" when the file was left in place
	Err   error  // why it could not be read
}

func (e *DamagedError) Error() string {
	if e.Aside == "" {
		return fmt.Sprintf("%s: %v (left in place)", e.File, e.Err)
	}
	return fmt.Sprintf("%s: %v (kept as %s)", e.File, e.Err, e.Aside)
}

func (e *DamagedError) Unwrap() error { return e.Err }

// ErrNewerVersion means the file was written by a newer chibo. It is left in
// place and not written to, so a downgrade never destroys a newer file.
var ErrNewerVersion = errors.New("written by a newer version of chibo")

// versioned is the header every user file starts with.
type versioned struct {
	Version int `json:"version"`
}

// ReadVersioned reads a versioned JSON file into v. A missing file is not an
// error (found is false). A file that does not parse, or has no version, is
// renamed aside with SetAside and returned as a *DamagedError; a file from a
// newer chibo (version > max) is left in place and reported with
// ErrNewerVersion, and the caller must not write over it.
func ReadVersioned(path string, max int, v any, now time.Time) (found bool, err error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, &DamagedError{File: path, Err: err}
	}
	var h versioned
	perr := json.Unmarshal(data, &h)
	if perr == nil && h.Version == 0 {
		perr = errors.New(`no "version" field`)
	}
	if perr == nil && h.Version > max {
		return false, &DamagedError{File: path, Err: fmt.Errorf("version %d: %w", h.Version, ErrNewerVersion)}
	}
	if perr == nil {
		perr = json.Unmarshal(data, v)
	}
	if perr != nil {
		aside, aerr := SetAside(path, now)
		if aerr != nil {
			return false, &DamagedError{File: path, Err: errors.Join(perr, aerr)}
		}
		return false, &DamagedError{File: path, Aside: aside, Err: perr}
	}
	return true, nil
}

// SetAside renames a damaged file to path.damaged-YYYYMMDDTHHMMSS (with a
// counter when that name is taken) and returns the new name. It never
// replaces an existing file.
func SetAside(path string, now time.Time) (string, error) {
	base := path + ".damaged-" + now.Format("20060102T150405")
	name := base
	for i := 2; ; i++ {
		if _, err := os.Lstat(name); errors.Is(err, fs.ErrNotExist) {
			break
		}
		name = fmt.Sprintf("%s-%d", base, i)
	}
	// os.Link fails rather than replace, closing the race between the
	// check above and the move; fall back to rename where links are not
	// supported (some USB-stick file systems).
	if err := os.Link(path, name); err == nil {
		return name, os.Remove(path)
	}
	return name, os.Rename(path, name)
}

// WriteJSON writes v as indented JSON atomically (see content.WriteFileAtomic).
func WriteJSON(path string, v any) error {
	data, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	return content.WriteFileAtomic(path, append(data, '\n'), 0o644)
}
