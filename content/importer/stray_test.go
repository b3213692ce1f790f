package importer

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// sharedCase returns the path of a file of the reliability cases, or
// skips when /work/shared is not there.
func sharedCase(t *testing.T, glob string) string {
	t.Helper()
	dir, _ := os.Getwd()
	for ; dir != filepath.Dir(dir); dir = filepath.Dir(dir) {
		if m, _ := filepath.Glob(filepath.Join(dir, "..", "shared", "cases", "reliability", glob)); len(m) > 0 {
			return m[0]
		}
	}
	t.Skip("no shared reliability cases here")
	return ""
}

// rel-16: UTF-8 with a stray byte was guessed windows-1258 (53 %) and
// refused, and --encoding utf-8 refused it too.
func TestStrayBytesUTF8(t *testing.T) {
	text := strings.Repeat("Chi bộ họp định kỳ hằng tháng, bàn về nông thôn mới.\n", 300)
	cut := strings.Index(text[7000:], "\n") + 7001 // on a character boundary
	data := []byte(text[:cut] + "\xff" + text[cut:])
	res, err := Convert(context.Background(), "a.txt", data, Options{})
	if err != nil || res.Encoding != UTF8 || res.Replaced != 1 || strings.Count(res.Text, "\ufffd") != 1 {
		t.Fatalf("one stray byte: %v %+v", err, res)
	}
	bad := []byte("Chi b\xf4 h\xf5p \xff\xfe \xc3 định kỳ nhé.\n")
	if res, err := Convert(context.Background(), "a.txt", bad, Options{}); err == nil && res.Encoding == UTF8 {
		t.Fatal("many bad bytes taken for UTF-8 without --encoding")
	}
	res, err = Convert(context.Background(), "a.txt", bad, Options{Encoding: "utf-8"})
	if err != nil || res.Replaced != 5 {
		t.Fatalf("forced utf-8: %v %+v", err, res)
	}
	html := []byte("<html><body><p>" + text[:cut] + "\xfe</p></body></html>")
	if res, err := Convert(context.Background(), "a.html", html, Options{}); err != nil || res.Replaced != 1 {
		t.Fatalf("html with a stray byte: %v %+v", err, res)
	}
	// Legacy encodings are still recognised: their letters are not UTF-8.
	for _, enc := range []string{CP1258, TCVN3, VNI} {
		b, _ := Encode(text, enc)
		res, err := Convert(context.Background(), "a.txt", b, Options{})
		if err != nil || res.Encoding != enc || res.Replaced != 0 {
			t.Errorf("%s: %v %+v", enc, err, res)
		}
	}
	if p := sharedCase(t, "rel-16*/mostly-utf8.txt"); p != "" {
		b, _ := os.ReadFile(p)
		if res, err := Convert(context.Background(), p, b, Options{}); err != nil || res.Replaced == 0 {
			t.Errorf("%s: %v", p, err)
		}
	}
}
