package content

import (
	"os"
	"path/filepath"
	"strings"
	"time"
)

// StaleTempAge is how old a temporary file must be before it is taken for
// the leftover of a killed chibo: no write keeps one open for that long.
const StaleTempAge = 5 * time.Minute

// RemoveStaleTemps deletes, in dir (not below it), the temporary files
// WriteFileAtomic and the parse cache create (".NAME.tmp-*", ".tmp-*")
// when they are older than age: what a kill -9 or power cut in the middle
// of a write leaves behind. It returns how many it removed; errors (a
// folder that cannot be written) are ignored, the files are only litter.
func RemoveStaleTemps(dir string, age time.Duration) int {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return 0
	}
	n := 0
	for _, e := range entries {
		name := e.Name()
		if !strings.HasPrefix(name, ".") || !strings.Contains(name, ".tmp-") || !e.Type().IsRegular() {
			continue
		}
		info, err := e.Info()
		if err != nil || time.Since(info.ModTime()) < age {
			continue
		}
		if os.Remove(filepath.Join(dir, name)) == nil {
			n++
		}
	}
	return n
}

// WriteFileAtomic replaces path with data so that a crash or kill at any
// moment leaves either the old file or the new one, never a torn mix: the
// data goes to a temporary file in the same directory, is synced, and is
// renamed over the target; the directory is synced so the rename sticks.
func WriteFileAtomic(path string, data []byte, perm os.FileMode) error {
	return writeFileAtomic(path, data, perm, true, true)
}

// writeFileAtomic is WriteFileAtomic with its two syncs chosen: without
// syncFile the file may be empty after a power cut (not after a kill),
// for hints whose loss is harmless; without syncDir the caller syncs the
// directory itself (syncDir), once for many files.
func writeFileAtomic(path string, data []byte, perm os.FileMode, syncFile, syncDir bool) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	defer os.Remove(tmp) // no-op after a successful rename
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Chmod(perm); err != nil {
		f.Close()
		return err
	}
	if syncFile {
		if err := f.Sync(); err != nil {
			f.Close()
			return err
		}
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		return err
	}
	if syncDir {
		syncDirectory(dir)
	}
	return nil
}

// syncDirectory makes the names created or renamed in dir durable (a
// no-op where directories cannot be synced).
func syncDirectory(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
