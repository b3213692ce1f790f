// Package lockfile is chibo's inter-process lock: an advisory lock on a
// file (flock on Unix, LockFileEx on Windows), so two chibo processes —
// two terminals, or the app and the command line — do not lose each
// other's changes to the same files. The lock belongs to the open file:
// it goes away when the file is closed or the process dies, so a killed
// chibo never leaves a stale lock behind.
package lockfile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"time"
)

// ErrBusy is returned by Acquire when another process kept the lock for
// longer than the wait.
var ErrBusy = errors.New("locked by another chibo process")

// DefaultWait is how long Acquire waits for a lock held by another
// process. Locks are held for a file write, not for user interaction, so
// this is generous.
const DefaultWait = 30 * time.Second

// Lock is a held exclusive lock; Release gives it back.
type Lock struct{ f *os.File }

// Acquire takes the exclusive lock on the file at path (created, with its
// folder, when missing), waiting up to wait (0: DefaultWait) for another
// process to let go. Goroutines of one process exclude each other too:
// each Acquire opens the file anew.
//
// When the folder may not be written (permission, read-only file system),
// Acquire returns (nil, nil): there is nothing to protect, since no write
// can succeed there either, and the caller's own write reports the error.
// Release on a nil *Lock is a no-op.
func Acquire(path string, wait time.Duration) (*Lock, error) {
	if wait <= 0 {
		wait = DefaultWait
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		if notWritable(err) {
			return nil, nil
		}
		return nil, err
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if notWritable(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	deadline := time.Now().Add(wait)
	pause := time.Millisecond
	for {
		ok, err := TryLock(f, true)
		if err != nil {
			f.Close()
			return nil, err
		}
		if ok {
			return &Lock{f: f}, nil
		}
		if time.Now().After(deadline) {
			f.Close()
			return nil, ErrBusy
		}
		time.Sleep(pause)
		pause = min(2*pause, 20*time.Millisecond)
	}
}

// Release gives the lock back.
func (l *Lock) Release() error {
	if l == nil || l.f == nil {
		return nil
	}
	Unlock(l.f)
	err := l.f.Close()
	l.f = nil
	return err
}

// notWritable says whether err means the folder may not be written.
func notWritable(err error) bool {
	return errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS)
}
