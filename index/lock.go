package index

import (
	"os"

	"chibo/content/lockfile"
)

// tryLock and unlock are content/lockfile's (one implementation of the
// inter-process lock for the index, the library and the user's files).
func tryLock(f *os.File, exclusive bool) (bool, error) { return lockfile.TryLock(f, exclusive) }

func unlock(f *os.File) error { return lockfile.Unlock(f) }
