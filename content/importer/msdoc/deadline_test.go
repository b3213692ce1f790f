package msdoc

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// makeDOC builds a Word 97 .doc (a compound file with a WordDocument and a
// 0Table stream) whose main text is text, stored as one compressed
// (Windows-1252) piece: "\r" ends a paragraph. It has no formatting
// tables, as some generators write. text must fit a compound file
// without DIFAT sectors (under about 6.5 MB).
func makeDOC(t testing.TB, text string) []byte {
	t.Helper()
	le := binary.LittleEndian
	// WordDocument: the FIB, then the text.
	const fibLen = 1024
	wd := make([]byte, fibLen, fibLen+len(text))
	le.PutUint16(wd[0:], wIdentWord97)
	le.PutUint16(wd[2:], nFibWord97)
	pos := fibBaseSize
	le.PutUint16(wd[pos:], 14) // csw
	pos += 2 + 2*14
	le.PutUint16(wd[pos:], 22) // cslw
	lw := pos + 2
	le.PutUint32(wd[lw+4*fibRgLwCcpText:], uint32(len(text)))
	pos = lw + 4*22
	const cb = 93 // FibRgFcLcb97
	le.PutUint16(wd[pos:], cb)
	blob := pos + 2
	wd = append(wd, text...)
	if len(wd) < 4096 {
		wd = append(wd, make([]byte, 4096-len(wd))...) // not in the mini stream
	}
	// 0Table: the piece table (Clx: Pcdt holding one piece).
	var plc []byte
	plc = le.AppendUint32(plc, 0)
	plc = le.AppendUint32(plc, uint32(len(text)))
	plc = le.AppendUint16(plc, 0)
	plc = le.AppendUint32(plc, uint32(fibLen*2)|0x40000000) // compressed, at byte fibLen
	plc = le.AppendUint16(plc, 0)
	clx := append([]byte{0x02}, le.AppendUint32(nil, uint32(len(plc)))...)
	clx = append(clx, plc...)
	tbl := make([]byte, 4096, 4096+len(clx)) // a stream under 4096 bytes would go to the mini stream
	tbl = append(tbl, clx...)
	le.PutUint32(wd[blob+8*idxClx:], 4096)
	le.PutUint32(wd[blob+8*idxClx+4:], uint32(len(clx)))
	return compoundFile(t, [][2]any{{"WordDocument", wd}, {"0Table", tbl}})
}

// compoundFile writes a version-3 compound file (512-byte sectors) of
// streams of 4096 bytes or more, all in the root storage.
func compoundFile(t testing.TB, streams [][2]any) []byte {
	t.Helper()
	le := binary.LittleEndian
	const sec = 512
	const endChain, fatSect, free = 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
	sectors := func(n int) int { return (n + sec - 1) / sec }
	var body bytes.Buffer
	var fat []uint32
	var starts []int
	for _, s := range streams {
		data := s[1].([]byte)
		if len(data) < 4096 {
			t.Fatalf("stream %s of %d bytes: the mini stream is not written", s[0], len(data))
		}
		first := len(fat)
		starts = append(starts, first)
		n := sectors(len(data))
		for i := range n {
			if i == n-1 {
				fat = append(fat, endChain)
			} else {
				fat = append(fat, uint32(first+i+1))
			}
		}
		body.Write(data)
		body.Write(make([]byte, n*sec-len(data)))
	}
	// The directory: root, then the streams, one sector of 4 entries.
	dirSector := len(fat)
	fat = append(fat, endChain)
	dir := make([]byte, sec)
	entry := func(i int, name string, typ byte, start, size int, left, right, child int32) {
		e := dir[128*i : 128*(i+1)]
		u := []rune(name)
		for j, r := range u {
			le.PutUint16(e[2*j:], uint16(r))
		}
		le.PutUint16(e[64:], uint16(2*(len(u)+1)))
		e[66], e[67] = typ, 1 // black
		le.PutUint32(e[68:], uint32(left))
		le.PutUint32(e[72:], uint32(right))
		le.PutUint32(e[76:], uint32(child))
		le.PutUint32(e[116:], uint32(start))
		le.PutUint32(e[120:], uint32(size))
	}
	if len(streams) > 3 {
		t.Fatal("one directory sector holds the root and three streams")
	}
	for i := 1; i < 4; i++ {
		entry(i, "", 0, 0, 0, -1, -1, -1) // unused
	}
	entry(0, "Root Entry", 5, endChain, 0, -1, -1, 1)
	for i, s := range streams {
		right := int32(-1)
		if i+1 < len(streams) {
			right = int32(i + 2)
		}
		entry(i+1, s[0].(string), 2, starts[i], len(s[1].([]byte)), -1, right, -1)
	}
	body.Write(dir)
	// The FAT, in as many sectors as it needs with its own.
	nfat := 1
	for (len(fat)+nfat+127)/128 > nfat {
		nfat++
	}
	if nfat > 109 {
		t.Fatalf("%d FAT sectors: DIFAT sectors are not written", nfat)
	}
	firstFAT := len(fat)
	for range nfat {
		fat = append(fat, fatSect)
	}
	for len(fat)%128 != 0 {
		fat = append(fat, free)
	}
	for _, v := range fat {
		body.Write(le.AppendUint32(nil, v))
	}
	hdr := make([]byte, sec)
	copy(hdr, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
	le.PutUint16(hdr[24:], 0x003E)
	le.PutUint16(hdr[26:], 3)
	le.PutUint16(hdr[28:], 0xFFFE)
	le.PutUint16(hdr[30:], 9)
	le.PutUint16(hdr[32:], 6)
	le.PutUint32(hdr[44:], uint32(nfat))
	le.PutUint32(hdr[48:], uint32(dirSector))
	le.PutUint32(hdr[56:], 4096)
	le.PutUint32(hdr[60:], endChain)
	le.PutUint32(hdr[68:], endChain)
	for i := range 109 {
		v := uint32(free)
		if i < nfat {
			v = uint32(firstFAT + i)
		}
		le.PutUint32(hdr[76+4*i:], v)
	}
	return append(hdr, body.Bytes()...)
}

// countCtx counts the calls of Err and, after limit of them, is cancelled.
type countCtx struct {
	context.Context
	calls atomic.Int64
	limit int64
}

func (c *countCtx) Err() error {
	if c.calls.Add(1) > c.limit {
		return context.Canceled
	}
	return nil
}

// TestDOCReadsGenerated: the generator writes a .doc the reader reads.
func BenchmarkDOCOneParagraph(b *testing.B) {
	data := makeDOC(b, strings.Repeat("Chi bo hop dinh ky. ", 1<<20/20))
	for b.Loop() {
		if _, err := Read(data, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func TestDOCReadsGenerated(t *testing.T) {
	d, err := Read(makeDOC(t, "Chi bo hop dinh ky.\rNghi quyet so 12.\r"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, b := range d.Blocks {
		got = append(got, b.Text)
	}
	if strings.Join(got, "|") != "Chi bo hop dinh ky.|Nghi quyet so 12." {
		t.Fatalf("blocks %q", got)
	}
}

// TestDOCDeadline — issue 9: a large .doc, of many paragraphs or of one
// paragraph of 1 MB, is read under the caller's context: the reader asks
// it at least once per 256 KB of text, inside a paragraph too, and stops
// with the context's error once it is done; the text cap stops a long
// paragraph as it grows, not at its end.
func TestDOCDeadline(t *testing.T) {
	const size = 1 << 20
	line := "Chi bo hop dinh ky, dang vien thao luan nghi quyet. "
	many := strings.Repeat(line+"\r", size/(len(line)+1))
	one := strings.Repeat(line, size/len(line))
	for name, text := range map[string]string{"many paragraphs": many, "one paragraph": one} {
		data := makeDOC(t, text)
		count := &countCtx{Context: context.Background(), limit: 1 << 40}
		if _, err := Read(data, Options{Ctx: count}); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if n := count.calls.Load(); n < size/(256<<10) {
			t.Errorf("%s: the context was asked %d times for %d KB of text", name, n, size>>10)
		}
		stop := &countCtx{Context: context.Background(), limit: 2}
		if _, err := Read(data, Options{Ctx: stop}); !errors.Is(err, context.Canceled) {
			t.Errorf("%s: cancelled read gave %v", name, err)
		}
		ctx, cancel := context.WithTimeout(context.Background(), time.Millisecond)
		time.Sleep(2 * time.Millisecond)
		_, err := Read(data, Options{Ctx: ctx})
		cancel()
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("%s: read past its deadline gave %v", name, err)
		}
		if _, err := Read(data, Options{MaxText: size / 4}); !errors.Is(err, ErrTooLarge) {
			t.Errorf("%s: 1 MB of text under a 256 KB cap gave %v", name, err)
		}
	}
}
