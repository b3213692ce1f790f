package importer

import (
	"chibo/content/importer/convtest"
	"context"
	"testing"
)

// The fuzz targets feed arbitrary bytes to each reader: any outcome but a
// panic or a hang is acceptable, and a success must be valid text.

func fuzzConvert(f *testing.F, name string, seedsFn func(testing.TB) [][]byte) {
	for _, s := range seedsFn(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := Convert(context.Background(), name, data, Options{MaxUnzipped: 8 << 20})
		if err == nil && res.Text == "" {
			t.Fatal("success with no text")
		}
		if err != nil {
			if _, ok := err.(*Error); !ok {
				t.Fatalf("error of type %T: %v", err, err)
			}
		}
	})
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
		DetectEncoding(data)
		for _, e := range []string{TCVN3, VNI, CP1258} {
			Decode(data, e)
		}
	})
}
