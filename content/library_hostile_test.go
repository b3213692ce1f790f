//go:build unix

package content

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"chibo/content/importer/convtest"
)

// sharedCases is /work/shared/cases/reliability, reached as ../shared from
// the repository root; "" when it is absent.
func sharedCases() string {
	dir, _ := os.Getwd()
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			p := filepath.Join(d, "..", "shared", "cases", "reliability")
			if info, err := os.Stat(p); err == nil && info.IsDir() {
				return p
			}
			return ""
		}
		if filepath.Dir(d) == d {
			return ""
		}
	}
}

// zipBomb is a docx whose document.xml inflates to n bytes of spaces.
func zipBomb(t testing.TB, n int) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.Create("[Content_Types].xml")
	w.Write([]byte(`<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`))
	w, _ = zw.Create("word/document.xml")
	w.Write([]byte(`<?xml version="1.0"?><w:document ` + convtest.WordNS + `><w:body>`))
	chunk := bytes.Repeat([]byte(" "), 1<<20)
	for range n >> 20 {
		w.Write(chunk)
	}
	w.Write([]byte(`</w:body></w:document>`))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestImportHostileFolder: one folder holding every hostile file of the
// reliability cases (those present in ../shared, and generated ones: a
// zip bomb, a FIFO, long names, a 1000-deep quote, a stray byte, broken
// and looping links, an empty and a binary file) among good documents.
// Every good document lands, every file gets its result, the bad ones
// with a stated problem, and the import ends in time.
func TestImportHostileFolder(t *testing.T) {
	src := t.TempDir()
	write := func(name string, data []byte) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(src, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	good := map[string]string{ // file → a word only it has
		"tot-1.txt":                       "I. MỞ ĐẦU\n\nChi bộ họp định kỳ, từ khoá totmot.\n",
		"tot-2.md":                        "# I. MỞ ĐẦU\n\nNghị quyết chi bộ, từ khoá tothai.\n",
		"tot-3.docx":                      "I. MỞ ĐẦU\nBáo cáo chi bộ, từ khoá totba.\n",
		"tot-4.odt":                       "I. MỞ ĐẦU\nKế hoạch chi bộ, từ khoá totbon.\n",
		strings.Repeat("a", 240) + ".txt": "I. MỞ ĐẦU\n\nTên rất dài, từ khoá totnam.\n",
		strings.Repeat("nghiquyetthuchien-", 13) + "nghiquyetthuchien.txt": "I. MỞ ĐẦU\n\nTên dài nhiều chữ, từ khoá totsau.\n",
		"sau-byte-le.txt": "I. MỞ ĐẦU\n\n" + strings.Repeat("Chi bộ họp định kỳ hằng tháng, bàn việc xây dựng nông thôn mới và chuyển đổi số.\n", 40) + "Một byte lạc \xff giữa dòng, từ khoá totbay.\n",
		"trich-sau.md":    strings.Repeat("> ", 1000) + "Trích dẫn lồng sâu, từ khoá totmuoi.\n",
	}
	for name, text := range good {
		switch filepath.Ext(name) {
		case ".docx":
			write(name, convtest.MakeDOCX(t, text))
		case ".odt":
			write(name, convtest.MakeODT(t, text))
		default:
			write(name, []byte(text))
		}
	}
	write("bom.docx", zipBomb(t, 24<<20))
	write("rong.txt", nil)
	write("anh.txt", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01"))
	if err := syscall.Mkfifo(filepath.Join(src, "ong.txt"), 0o644); err != nil {
		t.Fatal(err)
	}
	os.Symlink("khong-co.txt", filepath.Join(src, "lien-ket-hong.txt"))
	os.Symlink("vong-2.txt", filepath.Join(src, "vong-1.txt"))
	os.Symlink("vong-1.txt", filepath.Join(src, "vong-2.txt"))
	// The case files, when the shared folder is here.
	shared := 0
	if cases := sharedCases(); cases != "" {
		filepath.WalkDir(cases, func(p string, d fs.DirEntry, err error) error {
			if err != nil || !d.Type().IsRegular() || !Importable(p) || strings.EqualFold(d.Name(), "README.md") {
				return nil
			}
			// The small ones: the large cases (500 pages, 25 000
			// paragraphs) measure speed and have their own tests.
			if info, err := d.Info(); err != nil || info.Size() > 32<<10 {
				return nil
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return nil
			}
			rel, _ := filepath.Rel(cases, p)
			write("ca-"+strings.ReplaceAll(rel, string(filepath.Separator), "-"), b)
			shared++
			return nil
		})
	} else {
		t.Log("no ../shared/cases/reliability: generated hostile files only")
	}
	entries, _ := os.ReadDir(src)

	dirs := Dirs{Data: t.TempDir(), Cache: t.TempDir()}
	lib, err := OpenLibrary(dirs)
	if err != nil {
		t.Fatal(err)
	}
	var rs []ImportResult
	done := make(chan error, 1)
	go func() {
		done <- lib.ImportContext(context.Background(), []string{src}, ImportOptions{MaxUnzipped: 8 << 20, FileTimeout: 20 * time.Second}, func(r ImportResult) { rs = append(rs, r) })
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(90 * time.Second):
		t.Fatal("the import of the hostile folder did not end in 90 s")
	}
	if len(rs) != len(entries) {
		t.Errorf("%d results for %d entries", len(rs), len(entries))
	}
	byName := map[string]ImportResult{}
	for _, r := range rs {
		if testing.Verbose() {
			t.Logf("%-40.40s %s %v", filepath.Base(r.Path), r.Status, r.Err)
		}
		byName[filepath.Base(r.Path)] = r
		if r.Status == ImportFailed && ProblemOf(r.Err) == "" {
			t.Errorf("%s: failed without a stated problem: %v", filepath.Base(r.Path), r.Err)
		}
	}
	for name, text := range good {
		r, ok := byName[name]
		if !ok || r.Status != ImportAdded {
			t.Errorf("good file %.30s: %s %v", name, r.Status, r.Err)
			continue
		}
		word := text[strings.LastIndex(text, " ")+1 : strings.LastIndex(text, ".")]
		if !strings.Contains(docText(r.Doc), word) {
			t.Errorf("good file %.30s: %q not in its document", name, word)
		}
	}
	bad := map[string]func(ImportResult) bool{
		"bom.docx":          func(r ImportResult) bool { return ProblemOf(r.Err) == ProblemUnzipLimit },
		"rong.txt":          func(r ImportResult) bool { return ProblemOf(r.Err) == ProblemEmpty },
		"anh.txt":           func(r ImportResult) bool { return ProblemOf(r.Err) == ProblemBinary },
		"ong.txt":           func(r ImportResult) bool { return ProblemOf(r.Err) == ProblemRead },
		"lien-ket-hong.txt": func(r ImportResult) bool { return errors.Is(r.Err, ErrBrokenLink) },
		"vong-1.txt":        func(r ImportResult) bool { return errors.Is(r.Err, ErrBrokenLink) },
		"vong-2.txt":        func(r ImportResult) bool { return errors.Is(r.Err, ErrBrokenLink) },
	}
	for name, ok := range bad {
		r, found := byName[name]
		if !found || r.Status == ImportAdded || !ok(r) {
			t.Errorf("hostile %s: %s %v", name, r.Status, r.Err)
		}
	}
	if r := byName["sau-byte-le.txt"]; r.Replaced != 1 {
		t.Errorf("stray byte: Replaced = %d", r.Replaced)
	}
	t.Logf("%d files (%d from the shared cases): %d results", len(entries), shared, len(rs))
}

func docText(d *Document) string {
	var b strings.Builder
	for _, s := range d.Sections {
		b.WriteString(s.Heading + "\n" + s.Text + "\n")
	}
	return b.String()
}
