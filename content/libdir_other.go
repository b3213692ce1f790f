//go:build !linux

package content

import "os"

// statFiles fills in the size and time of files, named relative to the
// open folder dir, and sets keep for the regular ones that are still
// there.
func statFiles(dir *os.File, files []libFile, keep []bool) {
	statFilesByPath(dir.Name(), files, keep)
}
