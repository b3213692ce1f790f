//go:build !unix

package content

import "os"

// openNoBlock opens a file for reading (Windows has no FIFOs to wait on).
func openNoBlock(path string) (*os.File, error) { return os.Open(path) }
