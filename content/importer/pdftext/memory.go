package pdftext

import "github.com/tetratelabs/wazero/experimental"

// heapMemory is the portable linear memory: a Go slice grown by copying,
// never beyond max. Growth rounds up by a quarter so a module that grows
// page by page is not copied at every step.
type heapMemory struct {
	buf []byte
	max uint64
}

func newHeapMemory(capacity, max uint64) experimental.LinearMemory {
	return &heapMemory{buf: make([]byte, 0, capacity), max: max}
}

func (m *heapMemory) Reallocate(size uint64) []byte {
	if size > m.max {
		return nil
	}
	if size > uint64(cap(m.buf)) {
		c := min(m.max, max(size, uint64(cap(m.buf))+uint64(cap(m.buf))/4))
		nb := make([]byte, size, c)
		copy(nb, m.buf)
		m.buf = nb
		return m.buf
	}
	m.buf = m.buf[:size]
	return m.buf
}

func (m *heapMemory) Free() { m.buf = nil }
