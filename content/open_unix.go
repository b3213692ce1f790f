//go:build unix

package content

import (
	"os"
	"syscall"
)

// openNoBlock opens a file for reading without waiting: O_NONBLOCK makes
// opening a FIFO return at once (and reading a regular file is unchanged).
func openNoBlock(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}
