package importer

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

// VISCII text (uchardet's fixture) is detected as VISCII and decodes to
// what glibc iconv gives, not to TCVN3 mojibake.
func TestVISCIIDetected(t *testing.T) {
	data, err := os.ReadFile("testdata/encoding/viscii-uchardet.txt")
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("testdata/encoding/viscii-uchardet.iconv.txt")
	if err != nil {
		t.Fatal(err)
	}
	g, ok := DetectEncoding(data)
	if !ok || g.Encoding != VISCII {
		t.Fatalf("DetectEncoding = %+v, %v; want viscii", g, ok)
	}
	res, err := Convert(context.Background(), "viscii.txt", data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Encoding != VISCII || res.Text != string(want) {
		t.Errorf("Convert: encoding %q, text %q\nwant %q", res.Encoding, res.Text, want)
	}
	if enc, ok := ParseEncoding("VISCII"); !ok || enc != VISCII {
		t.Errorf("ParseEncoding(VISCII) = %q, %v", enc, ok)
	}
	forced, err := Convert(context.Background(), "x.txt", data, Options{Encoding: "viscii"})
	if err != nil || forced.Text != string(want) {
		t.Errorf("--encoding viscii: %v %q", err, forced.Text)
	}
}

// Every byte decodes to one character and every VISCII letter encodes back.
func TestVISCIIRoundTrip(t *testing.T) {
	all := make([]byte, 256)
	for i := range all {
		all[i] = byte(i)
	}
	s := decodeVISCII(all)
	if utf8.RuneCountInString(s) != 256 {
		t.Fatalf("%d runes", utf8.RuneCountInString(s))
	}
	if back := encodeVISCII(s); !bytes.Equal(back, all) {
		t.Errorf("round trip differs: %x", back)
	}
	seen := map[rune]bool{}
	for _, r := range s {
		if seen[r] {
			t.Errorf("%q twice", r)
		}
		seen[r] = true
	}
	// The syllables the other decoders are confused by.
	text := "Chữ Quốc ngữ là hệ chữ viết thống nhất. ẲẴẪỶỸỴ Đảng, Nhà nước"
	if got := decodeVISCII(encodeVISCII(text)); got != text {
		t.Errorf("got %q", got)
	}
}

// Vietnamese text written in VISCII scores as VISCII, and text in the other
// legacy encodings is not taken for VISCII.
func TestVISCIIAgainstOthers(t *testing.T) {
	text := strings.Repeat("Chi bộ tổ chức sinh hoạt thường kỳ, quán triệt nghị quyết của Đảng ủy xã về phát triển kinh tế. ", 3)
	for _, enc := range []string{CP1258, TCVN3, VNI, VISCII} {
		data, err := Encode(text, enc)
		if err != nil {
			t.Fatal(err)
		}
		g, ok := DetectEncoding(data)
		if !ok || g.Encoding != enc {
			t.Errorf("%s detected as %+v %v", enc, g, ok)
		}
	}
}

// Word's "Web Page" saved as Unicode is HTML, whatever its name, with or
// without a byte-order mark.
func TestUTF16WordHTML(t *testing.T) {
	data, err := os.ReadFile("testdata/encoding/word-html-utf16.doc")
	if err != nil {
		t.Fatal(err)
	}
	noBOM := data[2:]
	be, _ := Encode(strings.TrimPrefix(mustDecode(t, data, UTF16LE), "\ufeff"), UTF16BE)
	for _, c := range []struct {
		name string
		data []byte
		enc  string
	}{
		{"word-html-utf16.doc", data, UTF16LE},
		{"page.htm", data, UTF16LE},
		{"nobom.doc", noBOM, UTF16LE},
		{"big-endian.doc", be, UTF16BE},
	} {
		if f := Sniff(c.name, c.data); f != FormatHTML {
			t.Errorf("%s: Sniff = %s", c.name, f)
			continue
		}
		res, err := Convert(context.Background(), c.name, c.data, Options{})
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if res.Format != FormatHTML || res.Encoding != c.enc {
			t.Errorf("%s: format %s encoding %s", c.name, res.Format, res.Encoding)
		}
		for _, bad := range []string{"<html", "<p ", "MsoNormal", "xmlns", "charset=unicode", "<o:p>"} {
			if strings.Contains(res.Text, bad) {
				t.Errorf("%s: markup %q in text", c.name, bad)
			}
		}
		if !strings.Contains(res.Text, "Luật này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2020.") {
			t.Errorf("%s: body missing:\n%s", c.name, res.Text)
		}
	}
}

// A file named .doc is read as what its bytes are.
func TestDocNameSniffedByContent(t *testing.T) {
	for _, c := range []struct {
		data string
		want Format
	}{
		{"{\\rtf1\\ansi hello\\par}", FormatRTF},
		{"<html><body><p>xin chào</p></body></html>", FormatHTML},
		{"Xin chào các đồng chí", FormatText},
		{"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", FormatDOC},
	} {
		if got := Sniff("van-ban.doc", []byte(c.data)); got != c.want {
			t.Errorf("%q: %s, want %s", c.data, got, c.want)
		}
	}
}

func mustDecode(t *testing.T, b []byte, enc string) string {
	t.Helper()
	s, err := Decode(b, enc)
	if err != nil {
		t.Fatal(err)
	}
	return s
}
