//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package pdftext

import (
	"golang.org/x/sys/unix"

	"github.com/tetratelabs/wazero/experimental"
)

// mmapMemory backs one sandbox's linear memory with an anonymous mapping
// reserved at its maximum size and made accessible as the memory grows, so
// growing never copies (no transient double use) and closing the sandbox
// returns the pages to the system at once rather than at the next garbage
// collection.
type mmapMemory struct {
	buf       []byte // the whole reservation, len = max
	committed int    // bytes made readable and writable
}

func newLinearMemory(capacity, max uint64) experimental.LinearMemory {
	if max == 0 || max > 1<<32 {
		return newHeapMemory(capacity, max)
	}
	buf, err := unix.Mmap(-1, 0, int(max), unix.PROT_NONE, unix.MAP_PRIVATE|unix.MAP_ANON)
	if err != nil {
		return newHeapMemory(capacity, max)
	}
	return &mmapMemory{buf: buf}
}

func (m *mmapMemory) Reallocate(size uint64) []byte {
	if m.buf == nil || size > uint64(len(m.buf)) {
		return nil
	}
	if n := int(size); n > m.committed {
		// Commit in steps of at least 4 MiB to keep the system calls few.
		to := min(len(m.buf), max(n, m.committed+4<<20))
		if err := unix.Mprotect(m.buf[m.committed:to], unix.PROT_READ|unix.PROT_WRITE); err != nil {
			return nil
		}
		m.committed = to
	}
	return m.buf[:size:size]
}

func (m *mmapMemory) Free() {
	if m.buf != nil {
		_ = unix.Munmap(m.buf)
		m.buf, m.committed = nil, 0
	}
}
