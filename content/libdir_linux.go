package content

import (
	"errors"
	"io/fs"
	"os"

	"golang.org/x/sys/unix"
)

// statFiles fills in the size and time of files, named relative to the
// open folder dir, and sets keep for the regular ones that are still
// there. fstatat on the folder's descriptor: no path to resolve from the
// root, no FileInfo to allocate.
func statFiles(dir *os.File, files []libFile, keep []bool) {
	sc, err := dir.SyscallConn()
	if err != nil {
		statFilesByPath(dir.Name(), files, keep)
		return
	}
	sc.Control(func(fd uintptr) {
		var st unix.Stat_t
		for i := range files {
			for {
				err = unix.Fstatat(int(fd), files[i].name, &st, unix.AT_SYMLINK_NOFOLLOW)
				if err != unix.EINTR {
					break
				}
			}
			switch {
			case err == nil:
				keep[i] = st.Mode&unix.S_IFMT == unix.S_IFREG
				files[i].size, files[i].mtime = st.Size, st.Mtim.Nano()
			case errors.Is(err, fs.ErrNotExist):
			default:
				keep[i] = true
			}
		}
	})
}
