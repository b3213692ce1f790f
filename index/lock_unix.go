//go:build unix

package index

import (
	"errors"
	"os"
	"syscall"
)

// tryLock takes the lock file's shared or exclusive lock without blocking;
// ok is false when another process holds a conflicting lock. Converting a
// held lock is not atomic (flock(2)): after a failed upgrade the caller
// holds nothing and must take the shared lock again.
func tryLock(f *os.File, exclusive bool) (bool, error) {
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

func unlock(f *os.File) error { return syscall.Flock(int(f.Fd()), syscall.LOCK_UN) }
