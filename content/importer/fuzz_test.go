package importer

import (
	"chibo/content/block"
	"chibo/content/importer/convtest"
	"context"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"unicode/utf8"
)

// The fuzz targets feed arbitrary bytes to each reader. Any outcome but a
// panic or a hang is acceptable, a success must be valid text, and the
// resources are bounded: the bytes allocated grow at most linearly with the
// input (fuzzAllocPerByte per input byte, plus fuzzAllocBase for the
// decompression budget and the readers' tables), and the text produced is
// within the cap.
const (
	fuzzMaxText       = 1 << 20
	fuzzMaxUnzipped   = 8 << 20
	fuzzAllocPerByte  = 2000
	fuzzAllocBase     = 192 << 20
	fuzzBlocksPerText = 4 // block text, markdown, label and notes per byte of Text
)

// checkBounded converts data and checks the oracle above.
func checkBounded(t *testing.T, name string, data []byte) {
	var m0, m1 runtime.MemStats
	runtime.ReadMemStats(&m0)
	res, err := Convert(context.Background(), name, data, Options{MaxUnzipped: fuzzMaxUnzipped, MaxText: fuzzMaxText})
	runtime.ReadMemStats(&m1)
	if alloc := m1.TotalAlloc - m0.TotalAlloc; alloc > uint64(fuzzAllocBase+fuzzAllocPerByte*len(data)) {
		t.Fatalf("%d input bytes allocated %d MB", len(data), alloc>>20)
	}
	if err != nil {
		if _, ok := err.(*Error); !ok {
			t.Fatalf("error of type %T: %v", err, err)
		}
		return
	}
	if res.Text == "" {
		t.Fatal("success with no text")
	}
	if len(res.Text) > fuzzMaxText {
		t.Fatalf("%d bytes of text over the %d cap", len(res.Text), fuzzMaxText)
	}
	if !utf8.ValidString(res.Text) {
		t.Fatal("invalid UTF-8")
	}
	if r := controlIn(res.Text); r >= 0 {
		t.Fatalf("control %U in the text", r)
	}
	if n := blocksSize(res.Blocks); n > fuzzBlocksPerText*fuzzMaxText {
		t.Fatalf("blocks hold %d bytes", n)
	}
}

func blocksSize(bs []block.Block) int {
	n := 0
	for _, b := range bs {
		n += len(b.Text) + len(b.Markdown) + len(b.Label)
		for _, note := range b.Notes {
			n += len(note.Text)
		}
		for _, row := range b.Rows {
			for _, c := range row {
				n += blocksSize(c.Paras)
			}
		}
	}
	return n
}

func fuzzConvert(f *testing.F, name string, seedsFn func(testing.TB) [][]byte) {
	for _, s := range seedsFn(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) { checkBounded(t, name, data) })
}

const fuzzText = "I. MỞ ĐẦU\nChi bộ họp¹ định kỳ.\n¹ Theo Quy định 24.\nA\tB\tC\n"

func FuzzText(f *testing.F) {
	fuzzConvert(f, "a.txt", func(t testing.TB) [][]byte {
		var out [][]byte
		for _, e := range Encodings {
			b, _ := Encode(fuzzText, e)
			out = append(out, b)
		}
		return out
	})
}

func FuzzDOCX(f *testing.F) {
	fuzzConvert(f, "a.docx", func(t testing.TB) [][]byte { return [][]byte{convtest.MakeDOCX(t, fuzzText)} })
}

func FuzzODT(f *testing.F) {
	fuzzConvert(f, "a.odt", func(t testing.TB) [][]byte { return [][]byte{convtest.MakeODT(t, fuzzText)} })
}

func FuzzPDF(f *testing.F) {
	fuzzConvert(f, "a.pdf", func(t testing.TB) [][]byte { return [][]byte{convtest.MakePDF(t, fuzzText, 20, 2)} })
}

func FuzzHTML(f *testing.F) {
	fuzzConvert(f, "a.html", func(t testing.TB) [][]byte {
		return [][]byte{[]byte("<html><head><meta charset=utf-8><title>T</title></head><body><h1>Chi bộ</h1><p>họp <b>định kỳ</b></p><table><tr><td>a</td></tr></table></body></html>")}
	})
}

func FuzzDecodeLegacy(f *testing.F) {
	for _, e := range []string{TCVN3, VNI, CP1258} {
		b, _ := Encode(fuzzText, e)
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var m0, m1 runtime.MemStats
		runtime.ReadMemStats(&m0)
		DetectEncoding(data)
		for _, e := range []string{TCVN3, VNI, CP1258, UTF8} {
			if s, err := Decode(data, e); err == nil && len(s) > 4*len(data)+16 {
				t.Fatalf("%s: %d bytes out of %d", e, len(s), len(data))
			}
		}
		mostlyUTF8(data)
		if fixed, _ := replaceInvalidUTF8(data); !utf8.Valid(fixed) || len(fixed) > 3*len(data) {
			t.Fatalf("replaceInvalidUTF8: %q", fixed)
		}
		runtime.ReadMemStats(&m1)
		if alloc := m1.TotalAlloc - m0.TotalAlloc; alloc > uint64(1<<20+200*len(data)) {
			t.Fatalf("%d input bytes allocated %d KB", len(data), alloc>>10)
		}
	})
}

func FuzzMarkdown(f *testing.F) {
	fuzzConvert(f, "a.md", func(t testing.TB) [][]byte {
		return [][]byte{[]byte("# I. MỞ ĐẦU\n\nChi bộ **họp** định kỳ.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n> trích\n")}
	})
}

func FuzzRTFConvert(f *testing.F) {
	fuzzConvert(f, "a.rtf", func(t testing.TB) [][]byte {
		return [][]byte{[]byte(`{\rtf1\ansi\ansicpg1258{\fonttbl{\f0 .VnTime;}{\f1 Arial;}}\f1 I. M\'d4 \b Chi b\'f4\b0 {\f0 h\'b5p}\par\trowd\cellx100 a\cell\row}`)}
	})
}

func FuzzDOCConvert(f *testing.F) {
	fuzzConvert(f, "a.doc", func(t testing.TB) [][]byte {
		var out [][]byte
		names, _ := filepath.Glob("testdata/doc/*.doc")
		for _, n := range names {
			if b, err := os.ReadFile(n); err == nil && len(b) < 64<<10 {
				out = append(out, b)
			}
		}
		return out
	})
}
