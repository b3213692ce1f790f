package content

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// rel-16: a UTF-8 text with stray bytes is imported with U+FFFD and a
// warning (forced --encoding utf-8 accepts any number), and the copy kept
// in the library reads again on reopen.
func TestImportStrayBytesUTF8(t *testing.T) {
	dirs := Dirs{Data: t.TempDir(), Cache: t.TempDir()}
	lib, err := OpenLibrary(dirs)
	if err != nil {
		t.Fatal(err)
	}
	src := t.TempDir()
	text := strings.Repeat("Chi bộ họp định kỳ hằng tháng, bàn về nông thôn mới.\n", 300)
	one := filepath.Join(src, "mot.txt")
	os.WriteFile(one, []byte(text[:5000]+"\xff"+text[5000:]), 0o644)
	many := filepath.Join(src, "nhieu.txt")
	os.WriteFile(many, []byte("I. MỞ ĐẦU\nChi b\xf4 h\xf5p \xff\xfe \xc3 định kỳ.\n"), 0o644)

	r := importAll(t, lib, ImportOptions{}, one)[0]
	if r.Status != ImportAdded || r.Replaced != 1 {
		t.Fatalf("one stray byte: %+v", r)
	}
	if r := importAll(t, lib, ImportOptions{}, many)[0]; r.Status != ImportFailed {
		t.Fatalf("many bad bytes, not forced: %+v", r)
	}
	r = importAll(t, lib, ImportOptions{Encoding: "utf-8"}, many)[0]
	if r.Status != ImportAdded || r.Replaced != 5 {
		t.Fatalf("forced utf-8: %+v", r)
	}
	again, err := OpenLibrary(dirs)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"mot", "nhieu"} {
		if _, ok := again.Doc(id); !ok {
			t.Errorf("%s not read again on reopen", id)
		}
	}
}
