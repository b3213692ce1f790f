package block

import (
	"testing"
	"unsafe"
)

// A long document is held as hundreds of thousands of blocks at once (a
// 400 000-paragraph .docx: 51 MB of them at 128 bytes, 70 MB at the 176
// bytes of the unordered layout); a new field must not quietly grow them.
func TestBlockSize(t *testing.T) {
	if n := unsafe.Sizeof(Block{}); n > 128 {
		t.Errorf("Block is %d bytes, want at most 128: order new fields by size, keep geometry float32", n)
	}
}
