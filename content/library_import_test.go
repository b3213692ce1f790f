package content

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"chibo/content/importer"
	"chibo/content/importer/convtest"
)

func seedText(t testing.TB, name string) string {
	t.Helper()
	b, err := seedFS.ReadFile("seeds/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return Normalize(string(b))
}

// snapshot lists the library directory: name and content hash of each file.
func snapshot(t testing.TB, dir string) string {
	t.Helper()
	var out []string
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		b, _ := os.ReadFile(filepath.Join(dir, e.Name()))
		out = append(out, fmt.Sprintf("%s %x", e.Name(), sha256.Sum256(b)))
	}
	sort.Strings(out)
	return strings.Join(out, "\n")
}

func importAll(t testing.TB, l *Library, opt ImportOptions, paths ...string) []ImportResult {
	t.Helper()
	var rs []ImportResult
	if err := l.ImportContext(context.Background(), paths, opt, func(r ImportResult) { rs = append(rs, r) }); err != nil {
		t.Fatal(err)
	}
	return rs
}

func minus(a, b []string) []string {
	m := map[string]bool{}
	for _, x := range b {
		m[x] = true
	}
	var out []string
	for _, x := range a {
		if !m[x] {
			out = append(out, x)
		}
	}
	return out
}

func wordSet(ws []string) string {
	m := map[string]bool{}
	for _, w := range ws {
		m[w] = true
	}
	var out []string
	for w := range m {
		out = append(out, w)
	}
	sort.Strings(out)
	return strings.Join(out, " ")
}

func docWords(d *Document) []string {
	var all []string
	for _, s := range d.Sections {
		if s.ID != "mo-dau" && s.ID != "phan-ket" {
			all = append(all, Words(s.Heading)...)
		}
		all = append(all, Words(s.Text)...)
		for _, n := range s.Notes {
			all = append(all, Words(n.Text)...)
		}
	}
	return all
}

// TestImportEveryFormat imports one seed in each format and encoding and
// checks that the text read equals the seed's, and that reopening the
// library (through the parse cache, then without it) gives the same.
func TestImportEveryFormat(t *testing.T) {
	const seed = "nghi-quyet-hdnd-bo-sung-nhiem-vu-cuoi-2023.txt"
	// Not a seed's exact text, or the import would be a duplicate of it.
	text := "Bản sao để thử nhập.\n" + seedText(t, seed)
	src := t.TempDir()
	legacy := strings.NewReplacer("⁰", "0", "¹", "1", "²", "2", "³", "3", "⁴", "4", "⁵", "5", "⁶", "6", "⁷", "7", "⁸", "8", "⁹", "9").Replace(text)
	files := map[string][]byte{
		"utf8.txt":   []byte(text),
		"bom.txt":    append([]byte("\xef\xbb\xbf"), text...),
		"doc.docx":   convtest.MakeDOCX(t, text),
		"doc.odt":    convtest.MakeODT(t, text),
		"doc.pdf":    convtest.MakePDF(t, text, 90, 45),
		"trang.html": []byte("<!DOCTYPE html><html><head><meta charset=utf-8></head><body><p>" + strings.ReplaceAll(convtest.XMLEscape(text), "\n", "</p><p>") + "</p></body></html>"),
	}
	for _, enc := range []string{importer.UTF16LE, importer.CP1258, importer.TCVN3, importer.VNI} {
		b, err := importer.Encode(legacy, enc)
		if err != nil {
			t.Fatal(err)
		}
		files[enc+".txt"] = b
	}
	dirs := Dirs{Data: t.TempDir(), Cache: t.TempDir()}
	for name, b := range files {
		// Each in its own library: they are all the same text, so in one
		// library all but the first would be duplicates.
		os.WriteFile(filepath.Join(src, name), b, 0o644)
		lib, err := OpenLibrary(Dirs{Data: filepath.Join(dirs.Data, name), Cache: filepath.Join(dirs.Cache, name)})
		if err != nil {
			t.Fatal(err)
		}
		rs := importAll(t, lib, ImportOptions{}, filepath.Join(src, name))
		if len(rs) != 1 || rs[0].Status != ImportAdded {
			t.Fatalf("%s: %+v", name, rs)
		}
		want := text
		if strings.HasPrefix(name, "tcvn3") || strings.HasPrefix(name, "vni") || strings.HasPrefix(name, "windows") {
			want = legacy
		}
		// Every encoding of the text gives the very document the UTF-8 file
		// gives; every format gives the seed's words (the word-for-word
		// round trip of each reader is in package convert; here the layout
		// parsers may legitimately regroup lines).
		if strings.HasSuffix(name, ".txt") {
			ref, err := ParseBytes("ref.txt", []byte(want))
			if err != nil {
				t.Fatal(err)
			}
			if fingerprint(ref) != fingerprint(rs[0].Doc) {
				t.Errorf("%s (%s): differs from the UTF-8 text", name, rs[0].Encoding)
			}
		} else if got, w := wordSet(docWords(rs[0].Doc)), wordSet(Words(want)); got != w {
			gs, ws := strings.Fields(got), strings.Fields(w)
			t.Errorf("%s: words differ from the seed's: only in the import %q; only in the seed %q", name, minus(gs, ws), minus(ws, gs))
		}
		for round := 0; round < 2; round++ {
			again, err := OpenLibrary(Dirs{Data: filepath.Join(dirs.Data, name), Cache: filepath.Join(dirs.Cache, name)})
			if err != nil || len(again.Problems) > 0 {
				t.Fatalf("%s: reopen: %v %v", name, err, again.Problems)
			}
			d, ok := again.Doc(rs[0].Doc.ID)
			if !ok || d.Hash != rs[0].Doc.Hash || len(d.Sections) != len(rs[0].Doc.Sections) {
				t.Errorf("%s: reopened (round %d) differs", name, round)
			}
		}
	}
}

func TestImportDuplicateUpdateRemove(t *testing.T) {
	dirs := Dirs{Data: t.TempDir(), Cache: t.TempDir()}
	lib, err := OpenLibrary(dirs)
	if err != nil {
		t.Fatal(err)
	}
	src := t.TempDir()
	p := filepath.Join(src, "Báo cáo tháng 5.txt")
	os.WriteFile(p, []byte("I. TÌNH HÌNH\nChi bộ họp định kỳ.\n"), 0o644)
	r := importAll(t, lib, ImportOptions{}, p)[0]
	if r.Status != ImportAdded || r.Doc.ID != "bao-cao-thang-5" {
		t.Fatalf("%+v", r)
	}
	if r := importAll(t, lib, ImportOptions{}, p)[0]; r.Status != ImportDuplicate {
		t.Errorf("same file again: %s", r.Status)
	}
	// The same text as a Word file is the same document.
	os.WriteFile(filepath.Join(src, "khac.docx"), convtest.MakeDOCX(t, "I. TÌNH HÌNH\nChi bộ họp định kỳ.\n"), 0o644)
	if r := importAll(t, lib, ImportOptions{}, filepath.Join(src, "khac.docx"))[0]; r.Status != ImportDuplicate {
		t.Errorf("same text as docx: %s %v", r.Status, r.Err)
	}
	// A seed's text under another name is a duplicate too.
	os.WriteFile(filepath.Join(src, "seed-copy.txt"), []byte(seedText(t, "phu-luc-6-khac-phuc-han-che-2022.txt")), 0o644)
	if r := importAll(t, lib, ImportOptions{}, filepath.Join(src, "seed-copy.txt"))[0]; r.Status != ImportDuplicate {
		t.Errorf("seed copy: %s", r.Status)
	}
	// A changed file of the same name updates in place, under the same ID,
	// even when it comes back in another format.
	os.Remove(p)
	p2 := filepath.Join(src, "Báo cáo tháng 5.docx")
	os.WriteFile(p2, convtest.MakeDOCX(t, "I. TÌNH HÌNH\nChi bộ họp định kỳ, đủ số đảng viên.\n"), 0o644)
	r2 := importAll(t, lib, ImportOptions{}, p2)[0]
	if r2.Status != ImportUpdated || r2.Doc.ID != "bao-cao-thang-5" {
		t.Fatalf("update: %+v", r2)
	}
	if n := len(lib.Docs()); n != 6 {
		t.Errorf("%d documents, want 5 seeds + 1", n)
	}
	entries, _ := os.ReadDir(dirs.Library())
	if len(entries) != 1 || entries[0].Name() != "bao-cao-thang-5.docx" {
		t.Errorf("library dir: %v", entries)
	}
	again, _ := OpenLibrary(dirs)
	if d, ok := again.Doc("bao-cao-thang-5"); !ok || d.Hash != r2.Doc.Hash {
		t.Error("update not kept on reopen")
	}
	// Remove: seeds refuse, imported documents go, with their file.
	if err := lib.Remove("phu-luc-6-khac-phuc-han-che-2022"); !errors.Is(err, ErrSeed) {
		t.Errorf("removing a seed: %v", err)
	}
	if err := lib.Remove("nope"); !errors.Is(err, ErrNoDocument) {
		t.Errorf("removing nothing: %v", err)
	}
	if err := lib.Remove("bao-cao-thang-5"); err != nil {
		t.Fatal(err)
	}
	if _, ok := lib.Doc("bao-cao-thang-5"); ok || snapshot(t, dirs.Library()) != "" {
		t.Error("document still there")
	}
	again, _ = OpenLibrary(dirs)
	if len(again.Docs()) != 5 {
		t.Errorf("after remove, reopen has %d documents", len(again.Docs()))
	}
}

func TestImportSameNameTwiceInOneRun(t *testing.T) {
	lib, _ := OpenLibrary(Dirs{Data: t.TempDir(), Cache: t.TempDir()})
	src := t.TempDir()
	for _, d := range []string{"a", "b"} {
		os.MkdirAll(filepath.Join(src, d), 0o755)
		os.WriteFile(filepath.Join(src, d, "bao-cao.txt"), []byte("Báo cáo của chi bộ "+d), 0o644)
	}
	rs := importAll(t, lib, ImportOptions{}, src)
	if len(rs) != 2 || rs[0].Status != ImportAdded || rs[1].Status != ImportAdded || rs[0].Doc.ID == rs[1].Doc.ID {
		t.Errorf("%+v", rs)
	}
}

// TestBadFilesLeaveLibraryUntouched: each bad input gets a clear problem
// naming the file, the others in the same import still go in, and the
// library directory is not touched by the bad ones.
func TestBadFilesLeaveLibraryUntouched(t *testing.T) {
	dirs := Dirs{Data: t.TempDir(), Cache: t.TempDir()}
	lib, _ := OpenLibrary(dirs)
	src := t.TempDir()
	good := convtest.MakeDOCX(t, "I. MỞ ĐẦU\nChi bộ họp định kỳ.\n")
	os.WriteFile(filepath.Join(src, "tot.docx"), good, 0o644)
	importAll(t, lib, ImportOptions{}, filepath.Join(src, "tot.docx"))
	before := snapshot(t, dirs.Library())

	bad := map[string]struct {
		data []byte
		want Problem
	}{
		"rong.txt":   {nil, ProblemEmpty},
		"anh.txt":    {[]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01"), ProblemBinary},
		"cut.docx":   {good[:len(good)/2], ProblemFormat},
		"latin1.txt": {[]byte("Voil\xe0 un fichier fran\xe7ais tr\xe8s ordinaire, \xe9crit en Latin-1, qui n'est pas du vietnamien."), ProblemEncoding},
		"cu.doc":     {append([]byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), make([]byte, 600)...), ProblemFormat},
		"hong.pdf":   {[]byte("%PDF-1.4\n1 0 obj << >> endobj\n"), ProblemFormat},
	}
	var paths []string
	for name, b := range bad {
		p := filepath.Join(src, name)
		os.WriteFile(p, b.data, 0o644)
		paths = append(paths, p)
	}
	// A zip bomb: a small file inflating to far more than the budget.
	bomb := filepath.Join(src, "bom.docx")
	os.WriteFile(bomb, convtest.ZipFiles(t, [][2]string{{"word/document.xml", strings.Repeat("a", 40<<20)}}), 0o644)
	paths = append(paths, bomb)
	// A 200 MB file (sparse: no disk used) is refused before it is read.
	big := filepath.Join(src, "lon.txt")
	f, _ := os.Create(big)
	f.Truncate(200 << 20)
	f.Close()
	paths = append(paths, big)
	// A good file after the bad ones still goes in.
	os.WriteFile(filepath.Join(src, "sau.txt"), []byte("Nghị quyết của chi bộ về công tác tháng 6."), 0o644)
	paths = append(paths, filepath.Join(src, "sau.txt"))

	rs := importAll(t, lib, ImportOptions{MaxUnzipped: 16 << 20}, paths...)
	if len(rs) != len(paths) {
		t.Fatalf("%d results for %d files", len(rs), len(paths))
	}
	for _, r := range rs {
		name := filepath.Base(r.Path)
		want := bad[name].want
		switch name {
		case "bom.docx":
			want = ProblemUnzipLimit
		case "lon.txt":
			want = ProblemTooLarge
		case "sau.txt":
			if r.Status != ImportAdded {
				t.Errorf("good file after bad ones: %+v", r)
			}
			continue
		}
		var fe *FileError
		if r.Status != ImportFailed || !errors.As(r.Err, &fe) || fe.Problem != want || fe.File != name {
			t.Errorf("%s: %s %v, want failure %s naming the file", name, r.Status, r.Err, want)
		}
	}
	after := snapshot(t, dirs.Library())
	if !strings.HasPrefix(after, before) && !strings.Contains(after, before) {
		t.Errorf("library changed:\nbefore %s\nafter  %s", before, after)
	}
	if strings.Count(after, "\n") != strings.Count(before, "\n")+1 {
		t.Errorf("library should hold the good files only:\n%s", after)
	}
}

func TestImportSkipsAndSymlinks(t *testing.T) {
	lib, _ := OpenLibrary(Dirs{Data: t.TempDir(), Cache: t.TempDir()})
	src, outside := t.TempDir(), t.TempDir()
	os.WriteFile(filepath.Join(src, "a.txt"), []byte("Chi bộ họp định kỳ."), 0o644)
	os.WriteFile(filepath.Join(src, "anh.jpg"), []byte("\xff\xd8\xff"), 0o644)
	os.WriteFile(filepath.Join(outside, "bi-mat.txt"), []byte("Tài liệu ngoài thư mục."), 0o644)
	os.WriteFile(filepath.Join(src, ".an.txt"), []byte("ẩn"), 0o644)
	if err := os.Symlink(filepath.Join(outside, "bi-mat.txt"), filepath.Join(src, "link.txt")); err != nil {
		t.Skip("no symlinks:", err)
	}
	os.Symlink(filepath.Join(src, "a.txt"), filepath.Join(src, "inside.txt"))
	got := map[string]ImportStatus{}
	for _, r := range importAll(t, lib, ImportOptions{}, src) {
		got[filepath.Base(r.Path)] = r.Status
		if filepath.Base(r.Path) == "link.txt" && !errors.Is(r.Err, ErrOutside) {
			t.Errorf("outside link: %v", r.Err)
		}
	}
	want := map[string]ImportStatus{"a.txt": ImportAdded, "anh.jpg": ImportSkipped, "link.txt": ImportSkipped, "inside.txt": ImportDuplicate}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestImportCancel(t *testing.T) {
	dirs := Dirs{Data: t.TempDir(), Cache: t.TempDir()}
	lib, _ := OpenLibrary(dirs)
	src := t.TempDir()
	for i := 0; i < 5; i++ {
		os.WriteFile(filepath.Join(src, fmt.Sprintf("t%d.txt", i)), []byte(fmt.Sprintf("Chi bộ họp lần thứ %d.", i)), 0o644)
	}
	ctx, cancel := context.WithCancel(context.Background())
	var rs []ImportResult
	err := lib.ImportContext(ctx, []string{src}, ImportOptions{}, func(r ImportResult) {
		rs = append(rs, r)
		if len(rs) == 2 {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) || len(rs) != 2 {
		t.Fatalf("err %v after %d files", err, len(rs))
	}
	again, err := OpenLibrary(dirs)
	if err != nil || len(again.Docs()) != 7 || len(again.Problems) != 0 {
		t.Errorf("after cancel: %v, %d docs, problems %v", err, len(again.Docs()), again.Problems)
	}
}

// Two files with one ID (an interrupted update) open as one document and
// a typed problem the UIs can explain, naming both files.
func TestOpenLibraryDuplicateID(t *testing.T) {
	dirs := Dirs{Data: t.TempDir()}
	if err := os.MkdirAll(dirs.Library(), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"bien-ban.md", "bien-ban.txt"} {
		if err := os.WriteFile(filepath.Join(dirs.Library(), name), []byte("# Biên bản\n\nNội dung "+name+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	lib, err := OpenLibrary(dirs)
	if err != nil {
		t.Fatal(err)
	}
	if len(lib.Problems) != 1 {
		t.Fatalf("problems = %v, want one", lib.Problems)
	}
	var fe *FileError
	if !errors.As(lib.Problems[0], &fe) || fe.Problem != ProblemDuplicateID || fe.File != "bien-ban.txt" || fe.Detail != "bien-ban.md" {
		t.Errorf("problem = %#v, want duplicate-id of bien-ban.txt kept as bien-ban.md", lib.Problems[0])
	}
	if _, ok := lib.Doc("bien-ban"); !ok {
		t.Error("the kept copy is not in the library")
	}
}
