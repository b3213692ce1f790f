//go:build unix

package lockfile

import (
	"errors"
	"os"
	"syscall"
)

// TryLock takes the file's shared or exclusive lock without blocking; ok
// is false when another holder (process, or open file in this process) has
// a conflicting lock. Converting a held lock is not atomic (flock(2)):
// after a failed upgrade the caller holds nothing and must take the shared
// lock again.
func TryLock(f *os.File, exclusive bool) (bool, error) {
	how := syscall.LOCK_SH
	if exclusive {
		how = syscall.LOCK_EX
	}
	err := syscall.Flock(int(f.Fd()), how|syscall.LOCK_NB)
	if err == nil {
		return true, nil
	}
	if errors.Is(err, syscall.EWOULDBLOCK) || errors.Is(err, syscall.EAGAIN) || errors.Is(err, syscall.EINTR) {
		return false, nil
	}
	return false, err
}

// Unlock releases the file's lock.
func Unlock(f *os.File) error { return syscall.Flock(int(f.Fd()), syscall.LOCK_UN) }
