package content

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

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
		if strings.HasPrefix(e.Name(), ".") {
			continue // the folder's lock and the documents' origins
		}
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
	if got := snapshot(t, dirs.Library()); !strings.HasPrefix(got, "bao-cao-thang-5.docx ") || strings.Contains(got, "\n") {
		t.Errorf("library dir: %v", got)
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

// TestSameNameLaterImport (rel-12): a later file with the name of an
// imported document replaces it only when it is plausibly the same
// document (same folder and name, or same số/ký hiệu and title); another
// month's file of the same name is kept beside it, and the result says so.
func TestSameNameLaterImport(t *testing.T) {
	dirs := Dirs{Data: t.TempDir(), Cache: t.TempDir()}
	lib, _ := OpenLibrary(dirs)
	src := t.TempDir()
	write := func(rel, text string) string {
		p := filepath.Join(src, rel)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	nov := write("2023-11/tai-lieu-sinh-hoat.txt", "TÀI LIỆU SINH HOẠT CHI BỘ THÁNG 11\n\nI. NỘI DUNG\n\nChuyên đề về phòng chống thiên tai.\n")
	r := importAll(t, lib, ImportOptions{}, nov)[0]
	if r.Status != ImportAdded || r.Doc.ID != "tai-lieu-sinh-hoat" || r.Beside != "" {
		t.Fatalf("first: %+v", r)
	}
	// Next month, another folder, the same file name: both kept.
	dec := write("2023-12/tai-lieu-sinh-hoat.txt", "TÀI LIỆU SINH HOẠT CHI BỘ THÁNG 12\n\nI. NỘI DUNG\n\nChuyên đề về chuyển đổi số.\n")
	r = importAll(t, lib, ImportOptions{}, dec)[0]
	if r.Status != ImportAdded || r.Doc.ID == "tai-lieu-sinh-hoat" || r.Beside != "tai-lieu-sinh-hoat" {
		t.Fatalf("next month: %+v, want added beside tai-lieu-sinh-hoat", r)
	}
	if d, ok := lib.Doc("tai-lieu-sinh-hoat"); !ok || !strings.Contains(d.Sections[len(d.Sections)-1].Text+d.Title, "11") {
		t.Fatal("November's document was replaced")
	}
	// November's file edited in place: a new version, updated in place.
	write("2023-11/tai-lieu-sinh-hoat.txt", "TÀI LIỆU SINH HOẠT CHI BỘ THÁNG 11\n\nI. NỘI DUNG\n\nChuyên đề về phòng chống thiên tai, bão lũ.\n")
	r = importAll(t, lib, ImportOptions{}, nov)[0]
	if r.Status != ImportUpdated || r.Doc.ID != "tai-lieu-sinh-hoat" || r.Beside != "" {
		t.Fatalf("same path, new content: %+v, want updated in place", r)
	}
	// Same số/ký hiệu and title from another folder: the same document.
	const nq = "ĐẢNG BỘ XÃ A\nCHI BỘ B\nSố 12-NQ/CB\n\nNGHỊ QUYẾT\nvề công tác tháng 6\n\nI. MỞ ĐẦU\n"
	r = importAll(t, lib, ImportOptions{}, write("a/nghi-quyet.txt", nq+"Chi bộ họp.\n"))[0]
	if r.Status != ImportAdded || r.Doc.Number != "12-NQ/CB" {
		t.Fatalf("resolution: %+v", r)
	}
	r = importAll(t, lib, ImportOptions{}, write("b/nghi-quyet.txt", nq+"Chi bộ họp, đã sửa lỗi chính tả.\n"))[0]
	if r.Status != ImportUpdated || r.Doc.ID != "nghi-quyet" {
		t.Fatalf("same number and title elsewhere: %+v, want updated", r)
	}
	// And all of it as the next process sees it.
	again, err := OpenLibrary(dirs)
	if err != nil || len(again.Problems) > 0 {
		t.Fatal(err, again.Problems)
	}
	if n := len(again.Docs()); n != 5+3 {
		t.Errorf("%d documents, want 5 seeds + 3", n)
	}
}

// TestLongNames (rel-14): names whose slug passes the file-name limit
// import, under an ID of at most 80 bytes cut at a word boundary; short
// IDs and IDs imported before the cap do not change.
func TestLongNames(t *testing.T) {
	dirs := Dirs{Data: t.TempDir(), Cache: t.TempDir()}
	lib, _ := OpenLibrary(dirs)
	src := t.TempDir()
	// The names of rel-14's make_long.sh.
	a := filepath.Join(src, strings.Repeat("a", 240)+".txt")
	n := filepath.Join(src, strings.Repeat("nghiquyetthuchien-", 13)+"nghiquyetthuchien.txt")
	os.WriteFile(a, []byte("I. MỞ ĐẦU\n\nTài liệu chi bộ họp định kỳ nông thôn mới.\n"), 0o644)
	os.WriteFile(n, []byte("I. MỞ ĐẦU\n\nNghị quyết thực hiện nhiệm vụ chuyển đổi số.\n"), 0o644)
	rs := importAll(t, lib, ImportOptions{}, a, n)
	if len(rs) != 2 {
		t.Fatalf("%d results", len(rs))
	}
	for _, r := range rs {
		if r.Status != ImportAdded {
			t.Fatalf("%s: %s %v", filepath.Base(r.Path)[:20], r.Status, r.Err)
		}
		if len(r.Doc.ID) > 80 {
			t.Errorf("ID of %d bytes: %s", len(r.Doc.ID), r.Doc.ID)
		}
	}
	if id := rs[1].Doc.ID; !strings.HasPrefix(id, "nghiquyetthuchien-nghiquyetthuchien-") || strings.Contains(id, "--") {
		t.Errorf("ID not cut at a word boundary: %s", id)
	}
	// The same names again: the same IDs (a new version updates in place).
	os.WriteFile(n, []byte("I. MỞ ĐẦU\n\nNghị quyết thực hiện nhiệm vụ chuyển đổi số, bản sửa.\n"), 0o644)
	if r := importAll(t, lib, ImportOptions{}, n)[0]; r.Status != ImportUpdated || r.Doc.ID != rs[1].Doc.ID {
		t.Errorf("again: %s %v %s, want updated as %s", r.Status, r.Err, r.Doc.ID, rs[1].Doc.ID)
	}
	if id := DocID("Báo cáo tháng 5.txt"); capID(id) != id {
		t.Errorf("a short ID changed: %s", capID(id))
	}
	// A 100-byte ID imported before the cap is still found under it.
	longID := strings.Repeat("bao-cao-", 12) + "cu"
	os.WriteFile(filepath.Join(dirs.Library(), longID+".txt"), []byte("I. MỞ ĐẦU\n\nBáo cáo cũ.\n"), 0o644)
	lib, _ = OpenLibrary(dirs)
	old := filepath.Join(src, longID+".txt")
	os.WriteFile(old, []byte("I. MỞ ĐẦU\n\nBáo cáo cũ.\n"), 0o644)
	if r := importAll(t, lib, ImportOptions{}, old)[0]; r.Status != ImportDuplicate || r.Doc.ID != longID {
		t.Errorf("pre-cap long ID: %s %+v", r.Status, r.Doc)
	}
}

// TestLibraryWriteError (rel-09, rel-17): when the copy cannot be written
// into the library, the problem says so (not "cannot open the file") and
// carries the system's error.
func TestLibraryWriteError(t *testing.T) {
	dirs := Dirs{Data: t.TempDir(), Cache: t.TempDir()}
	lib, _ := OpenLibrary(dirs)
	src := t.TempDir()
	p := filepath.Join(src, "bao-cao.txt")
	os.WriteFile(p, []byte("I. MỞ ĐẦU\n\nChi bộ họp.\n"), 0o644)
	// A folder where the copy should go: the rename over it fails, as a
	// full or read-only disk would make the write fail (even for root).
	os.MkdirAll(filepath.Join(dirs.Library(), "bao-cao.txt", "x"), 0o755)
	r := importAll(t, lib, ImportOptions{}, p)[0]
	var fe *FileError
	if r.Status != ImportFailed || !errors.As(r.Err, &fe) || fe.Problem != ProblemLibraryWrite || fe.Err == nil || fe.File != "bao-cao.txt" {
		t.Fatalf("%s %v, want a library-write problem", r.Status, r.Err)
	}
	if m, _ := filepath.Glob(filepath.Join(dirs.Library(), ".*.tmp-*")); len(m) > 0 {
		t.Errorf("temporary copy left: %v", m)
	}
}

// TestStaleTempsRemovedOnImport (rel-20): partial copies a killed import
// left in the library (and the parse cache) are removed by the next
// import once they are old; fresh ones are not touched.
func TestStaleTempsRemovedOnImport(t *testing.T) {
	dirs := Dirs{Data: t.TempDir(), Cache: t.TempDir()}
	os.MkdirAll(dirs.Library(), 0o755)
	os.MkdirAll(filepath.Join(dirs.Cache, "parsed"), 0o755)
	long := time.Now().Add(-time.Hour)
	stale := []string{filepath.Join(dirs.Library(), ".bao-cao.txt.tmp-3517845901"), filepath.Join(dirs.Cache, "parsed", ".tmp-42")}
	fresh := filepath.Join(dirs.Library(), ".khac.txt.tmp-1")
	for _, f := range append(stale, fresh) {
		os.WriteFile(f, []byte("partial"), 0o644)
	}
	for _, f := range stale {
		os.Chtimes(f, long, long)
	}
	lib, _ := OpenLibrary(dirs)
	p := filepath.Join(t.TempDir(), "moi.txt")
	os.WriteFile(p, []byte("I. MỞ ĐẦU\n\nChi bộ họp.\n"), 0o644)
	if r := importAll(t, lib, ImportOptions{}, p)[0]; r.Status != ImportAdded {
		t.Fatal(r.Status, r.Err)
	}
	for _, f := range stale {
		if _, err := os.Stat(f); err == nil {
			t.Errorf("stale %s still there", f)
		}
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Errorf("fresh temporary file removed: %v", err)
	}
}

// importChildEnv carries "data dir|file" to TestImportChild.
const importChildEnv = "CHIBO_IMPORT_CHILD"

// TestImportChild is the child of TestTwoProcessesImport: one import.
func TestImportChild(t *testing.T) {
	arg := os.Getenv(importChildEnv)
	if arg == "" {
		t.Skip("only run as the child of TestTwoProcessesImport")
	}
	data, file, _ := strings.Cut(arg, "|")
	lib, err := OpenLibrary(Dirs{Data: data, Cache: data})
	if err != nil {
		t.Fatal(err)
	}
	r := importAll(t, lib, ImportOptions{}, file)[0]
	if r.Status != ImportAdded && r.Status != ImportUpdated {
		t.Fatal(r.Status, r.Err)
	}
}

// TestTwoProcessesImport (rel-11): two processes importing files with
// one name from two folders at once both keep their document (each
// process chose the ID from its own memory, and one rename won).
func TestTwoProcessesImport(t *testing.T) {
	src := t.TempDir()
	var files []string
	for _, d := range []string{"X", "Y"} {
		p := filepath.Join(src, d, "bao-cao.txt")
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte("I. MỞ ĐẦU\n\nBáo cáo của chi bộ "+d+", từ khoá riêng tukhoa"+d+".\n"), 0o644)
		files = append(files, p)
	}
	for round := range 2 {
		data := t.TempDir()
		var wg sync.WaitGroup
		outs := make([][]byte, 2)
		errs := make([]error, 2)
		for i, f := range files {
			wg.Add(1)
			go func() {
				defer wg.Done()
				cmd := exec.Command(os.Args[0], "-test.run=^TestImportChild$", "-test.count=1")
				cmd.Env = append(os.Environ(), importChildEnv+"="+data+"|"+f)
				outs[i], errs[i] = cmd.CombinedOutput()
			}()
		}
		wg.Wait()
		for i := range errs {
			if errs[i] != nil {
				t.Fatalf("round %d child %d: %v\n%s", round, i, errs[i], outs[i])
			}
		}
		lib, err := OpenLibrary(Dirs{Data: data, Cache: data})
		if err != nil || len(lib.Problems) > 0 {
			t.Fatal(err, lib.Problems)
		}
		found := map[string]bool{}
		for _, d := range lib.Docs() {
			for _, s := range d.Sections {
				for _, w := range []string{"tukhoaX", "tukhoaY"} {
					if strings.Contains(s.Text, w) {
						found[w] = true
					}
				}
			}
		}
		if !found["tukhoaX"] || !found["tukhoaY"] {
			t.Fatalf("round %d: documents kept: %v (library: %s)", round, found, snapshot(t, filepath.Join(data, "library")))
		}
	}
}

// TestImportPanicAndTimeout: a file whose reading panics, and one whose
// reading never returns, are each reported for themselves; the other
// files land and the import ends.
func TestImportPanicAndTimeout(t *testing.T) {
	dirs := Dirs{Data: t.TempDir(), Cache: t.TempDir()}
	lib, _ := OpenLibrary(dirs)
	src := t.TempDir()
	for _, n := range []string{"a-tot.txt", "b-panic.txt", "c-treo.txt", "d-tot.txt"} {
		os.WriteFile(filepath.Join(src, n), []byte("I. MỞ ĐẦU\n\nChi bộ họp, tệp "+n+".\n"), 0o644)
	}
	release := make(chan struct{})
	defer close(release)
	hook := func(ctx context.Context, path string) {
		switch filepath.Base(path) {
		case "b-panic.txt":
			panic("reader bug")
		case "c-treo.txt":
			<-release // ignores its context, as a reader in an endless loop would
		}
	}
	testHookPrepare.Store(&hook)
	defer testHookPrepare.Store(nil)
	grace := timeoutGrace
	timeoutGrace = 50 * time.Millisecond
	defer func() { timeoutGrace = grace }()
	start := time.Now()
	rs := importAll(t, lib, ImportOptions{FileTimeout: 200 * time.Millisecond}, src)
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("import took %v", d)
	}
	if len(rs) != 4 {
		t.Fatalf("%d results", len(rs))
	}
	want := map[string]Problem{"b-panic.txt": ProblemFormat, "c-treo.txt": ProblemTimeout}
	for _, r := range rs {
		name := filepath.Base(r.Path)
		if p, bad := want[name]; bad {
			if r.Status != ImportFailed || ProblemOf(r.Err) != p {
				t.Errorf("%s: %s %v (%s), want %s", name, r.Status, r.Err, ProblemOf(r.Err), p)
			}
		} else if r.Status != ImportAdded {
			t.Errorf("%s: %s %v", name, r.Status, r.Err)
		}
	}
}

// TestImportMemoryBudget: files whose reading may take much memory (large
// docx) are read one at a time when the budget holds only one, however
// many workers there are.
func TestImportMemoryBudget(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	lib, _ := OpenLibrary(Dirs{Data: t.TempDir(), Cache: t.TempDir()})
	src := t.TempDir()
	// Damaged archives: refused at once, only their size matters here.
	junk := append([]byte("PK\x03\x04"), make([]byte, 256<<10)...)
	for i := range 6 {
		os.WriteFile(filepath.Join(src, fmt.Sprintf("lon-%d.docx", i)), junk, 0o644)
	}
	var mu sync.Mutex
	now, peak := 0, 0
	hook := func(ctx context.Context, path string) {
		mu.Lock()
		now++
		peak = max(peak, now)
		mu.Unlock()
		time.Sleep(20 * time.Millisecond)
		mu.Lock()
		now--
		mu.Unlock()
	}
	testHookPrepare.Store(&hook)
	defer testHookPrepare.Store(nil)
	opt := ImportOptions{MemoryBudget: 20 << 20} // one 256-KB docx (12.5 MB estimated) at a time
	rs := importAll(t, lib, opt, src)
	if len(rs) != 6 {
		t.Fatalf("%d results", len(rs))
	}
	if peak != 1 {
		t.Errorf("%d large files read at once under a budget for one", peak)
	}
	peak = 0
	importAll(t, lib, ImportOptions{MemoryBudget: 1 << 30}, src)
	if peak < 2 {
		t.Errorf("with room for all, %d read at once: the budget serialises everything", peak)
	}
}

// dupChildEnv carries "data dir|file|barrier dir" to TestImportDupChild.
const dupChildEnv = "CHIBO_IMPORT_DUP_CHILD"

// TestImportDupChild is the child of TestTwoProcessesSameText: it opens
// the library, says so, waits for the parent's go, then imports its file.
func TestImportDupChild(t *testing.T) {
	arg := os.Getenv(dupChildEnv)
	if arg == "" {
		t.Skip("only run as the child of TestTwoProcessesSameText")
	}
	parts := strings.Split(arg, "|")
	data, file, barrier := parts[0], parts[1], parts[2]
	lib, err := OpenLibrary(Dirs{Data: data, Cache: data})
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(barrier, filepath.Base(file)+".ready"), nil, 0o644)
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		if _, err := os.Stat(filepath.Join(barrier, "go")); err == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("no go from the parent")
		}
	}
	r := importAll(t, lib, ImportOptions{}, file)[0]
	if r.Status != ImportAdded && r.Status != ImportDuplicate {
		t.Fatal(r.Status, r.Err)
	}
}

// TestTwoProcessesSameText (issue 9): two processes, both opened before
// either imports, importing the same text under two file names keep one
// document: the duplicate check reads the store's catalogue under the
// library's lock, not only what each process knew when it opened.
func TestTwoProcessesSameText(t *testing.T) {
	src := t.TempDir()
	text := []byte("I. MỞ ĐẦU\n\nChi bộ họp định kỳ, văn bản riêng tukhoachung.\n\nII. KẾT LUẬN\n\nĐảng viên thống nhất.\n")
	var files []string
	for _, n := range []string{"ban-mot.txt", "ban-hai.txt"} {
		p := filepath.Join(src, n)
		os.WriteFile(p, text, 0o644)
		files = append(files, p)
	}
	data, barrier := t.TempDir(), t.TempDir()
	var wg sync.WaitGroup
	outs := make([][]byte, 2)
	errs := make([]error, 2)
	for i, f := range files {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cmd := exec.Command(os.Args[0], "-test.run=^TestImportDupChild$", "-test.count=1")
			cmd.Env = append(os.Environ(), dupChildEnv+"="+data+"|"+f+"|"+barrier)
			outs[i], errs[i] = cmd.CombinedOutput()
		}()
	}
	for deadline := time.Now().Add(60 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		m, _ := filepath.Glob(filepath.Join(barrier, "*.ready"))
		if len(m) == 2 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the children did not open the library")
		}
	}
	os.WriteFile(filepath.Join(barrier, "go"), nil, 0o644)
	wg.Wait()
	for i := range errs {
		if errs[i] != nil {
			t.Fatalf("child %d: %v\n%s", i, errs[i], outs[i])
		}
	}
	lib, err := OpenLibrary(Dirs{Data: data, Cache: data})
	if err != nil {
		t.Fatal(err)
	}
	var with []string
	for _, d := range lib.Docs() {
		for _, s := range d.Sections {
			if strings.Contains(s.Text, "tukhoachung") {
				with = append(with, d.ID)
				break
			}
		}
	}
	if len(with) != 1 {
		t.Fatalf("documents holding the text: %v, want one (the second import a duplicate)", with)
	}
}
