package msdoc

import (
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"chibo/content/block"
)

// FuzzDOC: any bytes give blocks of valid UTF-8 whose text is no longer
// than a small multiple of the input, or an error; never a panic.
func FuzzDOC(f *testing.F) {
	files, _ := filepath.Glob("../testdata/doc/*.doc")
	for _, p := range files {
		if data, err := os.ReadFile(p); err == nil && len(data) < 64<<10 {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := Read(data, Options{})
		if err != nil {
			return
		}
		n := 0
		var check func([]block.Block)
		check = func(bs []block.Block) {
			for _, b := range bs {
				if !utf8.ValidString(b.Text) || !utf8.ValidString(b.Markdown) {
					t.Fatalf("invalid UTF-8: %q", b.Text)
				}
				n += len(b.Text)
				for _, r := range b.Rows {
					for _, c := range r {
						check(c.Paras)
					}
				}
			}
		}
		check(d.Blocks)
		if n > 8*len(data)+64 {
			t.Fatalf("%d bytes of text from %d bytes", n, len(data))
		}
	})
}

// A hostile piece table (pieces that all point at the whole stream, CPs
// out of order) cannot multiply the text.
func TestPiecesBounded(t *testing.T) {
	wd := make([]byte, 2048)
	for i := range wd {
		wd[i] = 'a'
	}
	const k = 100
	plc := make([]byte, 4*(k+1)+8*k)
	for i := 0; i <= k; i++ {
		cp := uint32(i * 1000000)
		if i == k/2 {
			cp = 5 // out of order
		}
		putU32(plc[4*i:], cp)
	}
	for i := 0; i < k; i++ {
		putU32(plc[4*(k+1)+8*i+2:], 0x40000000) // compressed, fc 0
	}
	clx := append([]byte{2, 0, 0, 0, 0}, plc...)
	putU32(clx[1:], uint32(len(plc)))
	blob := make([]byte, 8*(idxClx+1))
	putU32(blob[8*idxClx+4:], uint32(len(clx)))
	r := &reader{wd: wd, tbl: clx, fib: &fib{fcLcbBlob: blob}}
	if err := r.readPieces(); err != nil {
		t.Fatal(err)
	}
	total := int64(0)
	for _, p := range r.pieces {
		total += p.cpEnd - p.cpStart
	}
	if total > int64(len(wd)) {
		t.Errorf("%d characters from a %d-byte stream", total, len(wd))
	}
}

func putU32(b []byte, v uint32) {
	b[0], b[1], b[2], b[3] = byte(v), byte(v>>8), byte(v>>16), byte(v>>24)
}
