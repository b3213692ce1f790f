//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package pdftext

import "github.com/tetratelabs/wazero/experimental"

func newLinearMemory(capacity, max uint64) experimental.LinearMemory {
	return newHeapMemory(capacity, max)
}
