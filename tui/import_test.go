package tui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"chibo/content"
	"chibo/tui/i18n"
	"chibo/tui/internal/tuitest"
)

// writeTree creates files (and their folders) under dir; a name ending in
// / is an empty folder.
func writeTree(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if strings.HasSuffix(name, "/") {
			if err := os.MkdirAll(p, 0o755); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// A folder of documents to import: two that read, one that is a picture
// named .txt (it fails, with the reason), and one that is not a document.
const (
	planTxt = "KẾ HOẠCH SINH HOẠT CHI BỘ THÁNG 5\n\nI. MỤC ĐÍCH, YÊU CẦU\n\nChi bộ sinh hoạt chuyên đề về chuyển đổi số trong thôn, ấp.\n\nII. NỘI DUNG\n\nMỗi đảng viên chuẩn bị một ý kiến về dịch vụ công trực tuyến.\n"
	notesMd = "# Ghi chú họp chi bộ tháng 5\n\n## Ý kiến đảng viên\n\nĐồng chí Ba đề nghị mở lớp hướng dẫn cài ứng dụng VNeID cho bà con.\n"
	pngData = "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde"
)

func importTree(t testing.TB) string {
	home := t.TempDir()
	writeTree(t, home, map[string]string{
		"tai-lieu/ke-hoach.txt":   planTxt,
		"tai-lieu/ghi-chu.md":     notesMd,
		"tai-lieu/anh-chup.txt":   pngData,
		"tai-lieu/danh-sach.xlsx": "PK\x03\x04",
		"tai-chinh.txt":           "Báo cáo tài chính chi bộ quý I.\n",
		"Tài liệu họp/":           "",
		".cau-hinh/":              "",
		".bash_history":           "ls\n",
	})
	return home
}

func TestCompletePath(t *testing.T) {
	home := t.TempDir()
	writeTree(t, home, map[string]string{
		"Documents/a.txt":        "a",
		"Downloads/b.pdf":        "b",
		"Desktop/":               "",
		"notes.txt":              "n",
		"notes-2.md":             "n",
		"Tài liệu/nghi-quyet.md": "x",
		"tailieu.txt":            "x",
		".hidden/":               "",
		".profile":               "x",
		"only/one/":              "",
		"Mixed/":                 "",
	})
	abs := filepath.ToSlash(home)
	tests := []struct {
		in    string
		value string
		cands []string
		none  bool
	}{
		{in: "~", value: "~/"},
		{in: "~/Doc", value: "~/Documents/"},
		{in: "~/D", value: "~/D", cands: []string{"Desktop/", "Documents/", "Downloads/"}},
		{in: "~/Do", value: "~/Do", cands: []string{"Documents/", "Downloads/"}},
		{in: "~/Dow", value: "~/Downloads/"},
		{in: "~/no", value: "~/notes", cands: []string{"notes-2.md", "notes.txt"}},
		{in: "~/notes.", value: "~/notes.txt"},
		{in: "~/Documents/", value: "~/Documents/a.txt"},
		{in: "~/only/", value: "~/only/one/"},
		{in: "~/mix", value: "~/Mixed/"}, // case ignored when nothing matches exactly
		{in: "~/T", value: "~/Tài liệu/"},
		{in: "~/Tai l", value: "~/Tài liệu/"},                       // then diacritics, when nothing else matches
		{in: "~/" + abs + "/Desk", value: "~/" + abs + "/Desktop/"}, // a full path typed after ~/
		{in: "~/ta", value: "~/tailieu.txt"},                        // an exact match wins over a folded one
		{in: "~/zz", value: "~/zz", none: true},
		{in: "~/nowhere/x", value: "~/nowhere/x", none: true},
		{in: "~/.h", value: "~/.hidden/"},
		{in: "~/.", value: "~/.", cands: []string{".hidden/", ".profile"}},
		{in: abs + "/Desk", value: abs + "/Desktop/"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got := completePath(tc.in, home)
			if got.value != tc.value || got.none != tc.none || !reflect.DeepEqual(got.cands, tc.cands) {
				t.Errorf("completePath(%q) = %q %q none=%v, want %q %q none=%v", tc.in, got.value, got.cands, got.none, tc.value, tc.cands, tc.none)
			}
		})
	}
	// Hidden names never show among the candidates of a plain prefix.
	all := completePath("~/", home)
	for _, c := range all.cands {
		if strings.HasPrefix(c, ".") {
			t.Errorf("hidden %q listed for ~/: %q", c, all.cands)
		}
	}
	if len(all.cands) != 9 {
		t.Errorf("~/ lists %d names, want 9: %q", len(all.cands), all.cands)
	}
	if all.cands[0] != "Desktop/" || all.cands[len(all.cands)-1] != "tailieu.txt" {
		t.Errorf("folders should come first, then files, each alphabetical: %q", all.cands)
	}
}

func TestResolvePath(t *testing.T) {
	home := t.TempDir()
	writeTree(t, home, map[string]string{"My Files/a.txt": "a"})
	want := filepath.Join(home, "My Files", "a.txt")
	for _, in := range []string{
		"~/My Files/a.txt",
		"  ~/My Files/a.txt  ",
		"'" + want + "'",
		`"` + want + `"`,
		strings.ReplaceAll(want, " ", `\ `),
		"~/" + want, // typed after the ~/ the prompt starts with
	} {
		got, err := resolvePath(in, home)
		if err != nil || got != want {
			t.Errorf("resolvePath(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := resolvePath("~/nope.txt", home); err == nil {
		t.Error("a missing file resolved")
	}
	if _, err := resolvePath("   ", home); err != errNoPath {
		t.Errorf("empty input: %v, want errNoPath", err)
	}
}

// importHarness is the app over a writable seed library, with the import
// prompt starting in a folder holding importTree.
func importHarness(t *testing.T, w, h int, lang i18n.Lang) (*harness, string) {
	home := importTree(t)
	return newHarness(t, w, h, lang, func(o *Options) { o.Home = home }), home
}

// TestImportRemoveHarness: i, tab completion, enter; the summary has a
// line per file with its outcome; the library selects the new document
// and the index is synced; x then y removes it, user data is kept.
func TestImportRemoveHarness(t *testing.T) {
	h, home := importHarness(t, 80, 24, i18n.VI)
	h.key("i")
	h.text("ta")
	h.key("tab")
	f := h.screen()
	if !strings.Contains(f, "Đường dẫn: ~/tai-") || !strings.Contains(f, "   tai-lieu/\n   tai-chinh.txt") {
		t.Fatalf("tab should complete to ~/tai- and list both names:\n%s", f)
	}
	h.text("lieu")
	h.key("enter")
	f = h.screen()
	for _, want := range []string{
		"Xong: 2 thêm mới, 0 cập nhật, 0 trùng lặp, 1 lỗi, 1 bỏ qua.",
		"lỗi          anh-chup.txt",
		"là một tấm ảnh (PNG), không phải văn bản",
		"bỏ qua       danh-sach.xlsx",
		"đã thêm      ghi-chu.md — thành “Ghi chú họp chi bộ tháng 5”",
		"đã thêm      ke-hoach.txt — thành “Kế hoạch sinh hoạt chi bộ tháng 5”",
	} {
		if !strings.Contains(f, want) {
			t.Errorf("summary lacks %q:\n%s", want, f)
		}
	}
	if n := h.srch.syncCount(); n != 1 {
		t.Errorf("index synced %d times after the import, want 1", n)
	}
	h.key("esc")
	f = h.screen()
	if !strings.Contains(f, "› 7. Ghi chú họp chi bộ tháng 5") || !strings.Contains(f, "7/7") {
		t.Fatalf("the library should list and select the first imported document:\n%s", f)
	}
	// A bookmark on the document survives its removal (user data).
	h.user.ToggleBookmark("ghi-chu", "y-kien-dang-vien", "Ý kiến đảng viên")

	h.key("x")
	if f = h.screen(); !strings.Contains(f, "Xoá “Ghi chú họp chi bộ tháng 5” khỏi thư viện?") {
		t.Fatalf("x should ask to confirm:\n%s", f)
	}
	h.key("y")
	f = h.screen()
	if _, ok := h.lib.Doc("ghi-chu"); ok {
		t.Fatal("the document is still in the library")
	}
	if strings.Contains(f, ". Ghi chú họp") {
		t.Errorf("the removed document is still listed:\n%s", f)
	}
	if !strings.Contains(f, "Đã xoá: Ghi chú họp chi bộ tháng 5") || !strings.Contains(f, "6/6") {
		t.Errorf("status should report the removal, list 6 documents:\n%s", f)
	}
	if n := h.srch.syncCount(); n != 2 {
		t.Errorf("index synced %d times after the removal, want 2", n)
	}
	if len(h.user.Bookmarks()) != 1 {
		t.Error("removing a document deleted its bookmark")
	}
	if _, err := os.Stat(filepath.Join(home, "tai-lieu", "ghi-chu.md")); err != nil {
		t.Errorf("the original file was touched: %v", err)
	}
}

func TestRemoveRefusedAndSeeds(t *testing.T) {
	h, home := importHarness(t, 80, 24, i18n.VI)
	if err := h.lib.ImportContext(t.Context(), []string{filepath.Join(home, "tai-chinh.txt")}, content.ImportOptions{}, nil); err != nil {
		t.Fatal(err)
	}
	h.run(h.app.libraryChanged("tai-chinh"))
	f := h.screen()
	if !strings.Contains(f, "› 4. Báo cáo tài chính chi bộ quý I.") {
		t.Fatalf("setup: the imported document is not selected:\n%s", f)
	}
	h.key("x")
	h.key("q") // a stray key neither removes nor quits
	h.key("n")
	f = h.screen()
	if _, ok := h.lib.Doc("tai-chinh"); !ok {
		t.Fatal("n removed the document")
	}
	if !strings.Contains(f, "Không xoá: Báo cáo tài chính chi bộ quý I.") || !strings.Contains(f, "4/6") {
		t.Errorf("n should keep the document and say so:\n%s", f)
	}
	h.key("x")
	h.key("esc")
	if _, ok := h.lib.Doc("tai-chinh"); !ok {
		t.Fatal("esc removed the document")
	}
	h.key("g") // the first document is a seed
	h.key("x")
	f = h.screen()
	if !strings.Contains(f, "Tài liệu có sẵn của chibo, không xoá được: Tài liệu sinh hoạt") || strings.Contains(f, "khỏi thư viện?") {
		t.Errorf("x on a seed should refuse without asking:\n%s", f)
	}
	if len(h.lib.Docs()) != 6 {
		t.Errorf("library has %d documents, want 6", len(h.lib.Docs()))
	}
}

// TestImportPromptErrors: a missing path stays in the prompt with the
// reason; a path pasted over the starting ~/ replaces it.
func TestImportPromptErrors(t *testing.T) {
	h, home := importHarness(t, 80, 24, i18n.VI)
	h.key("i")
	h.text("khong-co")
	h.key("enter")
	if f := h.screen(); !strings.Contains(f, "Không thấy tệp hoặc thư mục: ~/khong-co") || !strings.Contains(f, "Đường dẫn:") {
		t.Errorf("a missing path should be explained in the prompt:\n%s", f)
	}
	h.key("tab")
	if f := h.screen(); !strings.Contains(f, "Không có tệp hay thư mục nào bắt đầu như vậy.") {
		t.Errorf("tab with no match should say so:\n%s", f)
	}
	h.key("esc")
	h.key("i")
	h.send(tea.PasteMsg{Content: "'" + filepath.Join(home, "tai-chinh.txt") + "'"})
	h.key("enter")
	if f := h.screen(); !strings.Contains(f, "Xong: 1 thêm mới") || !strings.Contains(f, "đã thêm      tai-chinh.txt") {
		t.Errorf("a pasted quoted path should import:\n%s", f)
	}
	// Importing the same file again is a duplicate, with a note.
	h.key("esc")
	h.key("i")
	h.text("tai-chinh.txt")
	h.key("enter")
	if f := h.screen(); !strings.Contains(f, "trùng lặp    tai-chinh.txt — cùng nội dung với “Báo cáo tài chính") {
		t.Errorf("a second import should be a duplicate:\n%s", f)
	}
	// A full path typed (not pasted) replaces the ~/ the prompt starts
	// with: it was read as "~//tmp/…", a folder in home.
	h.key("esc")
	h.key("i")
	h.text(filepath.Join(home, "tai-chinh.txt"))
	if f := h.screen(); strings.Contains(f, "~//") {
		t.Errorf("a typed full path was appended to ~/:\n%s", f)
	}
	h.key("enter")
	if f := h.screen(); !strings.Contains(f, "trùng lặp    tai-chinh.txt") {
		t.Errorf("a typed full path should import:\n%s", f)
	}
	// A changed file imported again updates its document in place.
	writeTree(t, home, map[string]string{"tai-chinh.txt": "Báo cáo tài chính chi bộ quý II.\n"})
	h.key("esc")
	h.key("i")
	h.text("tai-chinh.txt")
	h.key("enter")
	if f := h.screen(); !strings.Contains(f, "đã cập nhật  tai-chinh.txt — thành “Báo cáo tài chính chi bộ quý II.”") {
		t.Errorf("a changed file should update its document:\n%s", f)
	}
	h.key("esc")
	if d, ok := h.lib.Doc("tai-chinh"); !ok || d.Title != "Báo cáo tài chính chi bộ quý II." || len(h.lib.Docs()) != 6 {
		t.Errorf("the update should replace the document under the same ID")
	}
	if f := h.screen(); !strings.Contains(f, "› 4. Báo cáo tài chính chi bộ quý II.") {
		t.Errorf("the library should show the updated title, selected:\n%s", f)
	}
}

// slowLib stops after the third file of an import until the import is
// cancelled, so a test can press ctrl+c in the middle.
type slowLib struct{ *content.Library }

func (l slowLib) ImportContext(ctx context.Context, paths []string, opt content.ImportOptions, report func(content.ImportResult)) error {
	return l.Library.ImportContext(ctx, paths, opt, func(r content.ImportResult) {
		report(r)
		if r.N == 3 {
			<-ctx.Done()
		}
	})
}

// TestFlowImportRemove drives a real tea.Program: import a folder, read
// the summary, find the document in the library, remove it.
func TestFlowImportRemove(t *testing.T) {
	home := importTree(t)
	dir := filepath.Join(home, "tai-lieu")
	srch := &fakeSearcher{}
	app := testApp(t, srch, newMemUser())
	lib := app.opt.OpenLibrary
	l, _ := lib()
	srch.lib = l
	tm := teatest.NewTestModel(t, probeModel{app}, teatest.WithInitialTermSize(80, 24))
	waitScreen(t, tm, "library", has("THƯ VIỆN", "1/5"))
	tm.Send(keyMsg("i"))
	waitScreen(t, tm, "import prompt", has("NHẬP TÀI LIỆU", "Đường dẫn: ~/"))
	tm.Send(keyMsg("backspace"))
	tm.Send(keyMsg("backspace"))
	tm.Type(dir)
	tm.Send(keyMsg("enter"))
	f := waitScreen(t, tm, "summary", has("Xong: 2 thêm mới"))
	for _, want := range []string{"lỗi          anh-chup.txt", "đã thêm      ghi-chu.md", "đã thêm      ke-hoach.txt"} {
		if !strings.Contains(f, want) {
			t.Errorf("summary lacks %q:\n%s", want, f)
		}
	}
	tm.Send(keyMsg("esc"))
	waitScreen(t, tm, "library with the new document", has("THƯ VIỆN", "› 7. Ghi chú họp chi bộ tháng 5", "7/7"))
	tm.Send(keyMsg("x"))
	waitScreen(t, tm, "confirmation", has("Xoá “Ghi chú họp chi bộ tháng 5” khỏi thư viện?"))
	tm.Send(keyMsg("y"))
	f = waitScreen(t, tm, "removed", has("Đã xoá: Ghi chú họp", "6/6"))
	if strings.Contains(f, "6. Ghi chú họp") {
		t.Errorf("the removed document is still listed:\n%s", f)
	}
	tm.Send(keyMsg("q"))
	tm.WaitFinished(t, teatest.WithFinalTimeout(60*time.Second))
	if srch.syncCount() < 2 {
		t.Errorf("index synced %d times, want after the import and the removal", srch.syncCount())
	}
}

// TestFlowImportCancel: ctrl+c during an import stops it (not the app);
// what was imported stays, the file in progress is dropped.
func TestFlowImportCancel(t *testing.T) {
	home := importTree(t)
	base := seedLibrary(t)
	app := New(Options{
		Lang:        i18n.VI,
		Theme:       ThemeNone,
		Home:        home,
		OpenLibrary: func() (Library, error) { return slowLib{base}, nil },
	})
	tm := teatest.NewTestModel(t, probeModel{app}, teatest.WithInitialTermSize(50, 15))
	waitScreen(t, tm, "library", has("THƯ VIỆN", "1/5"))
	tm.Send(keyMsg("i"))
	tm.Type("tai-lieu")
	tm.Send(keyMsg("enter"))
	waitScreen(t, tm, "third file", has("3/4 tệp", "ghi-chu.md"))
	tm.Send(keyMsg("ctrl+c"))
	f := waitScreen(t, tm, "cancelled summary", has("Đã dừng theo yêu cầu"))
	if !strings.Contains(f, "Xong: 1 thêm mới, 0 cập nhật, 0 trùng lặp, 1") || strings.Contains(f, "ke-hoach") {
		t.Errorf("only the first three files should be counted:\n%s", f)
	}
	tm.Send(keyMsg("esc"))
	waitScreen(t, tm, "library", has("THƯ VIỆN", "6/6"))
	tm.Send(keyMsg("q"))
	tm.WaitFinished(t, teatest.WithFinalTimeout(60*time.Second))
	if _, ok := base.Doc("ke-hoach"); ok || len(base.Docs()) != 6 {
		t.Errorf("after the cancelled import the library should hold the seeds and ghi-chu, has %d documents", len(base.Docs()))
	}
	var names []string
	entries, _ := os.ReadDir(base.Dir())
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), ".") {
			names = append(names, e.Name())
		}
	}
	if !reflect.DeepEqual(names, []string{"ghi-chu.md"}) {
		t.Errorf("library folder holds %q after the cancelled import, want only ghi-chu.md", names)
	}
}

// libraryWithProblems opens a library whose folder holds a file that
// cannot be read, next to one that can.
func libraryWithProblems(t testing.TB) *content.Library {
	dir := t.TempDir()
	d := content.Dirs{Data: dir, Cache: dir}
	writeTree(t, d.Library(), map[string]string{"anh-chup.txt": pngData, "ghi-chu.md": notesMd})
	lib, err := content.OpenLibrary(d)
	if err != nil {
		t.Fatal(err)
	}
	return lib
}

func TestLibraryProblems(t *testing.T) {
	lib := libraryWithProblems(t)
	h := newHarness(t, 80, 24, i18n.VI, func(o *Options) {
		o.OpenLibrary = func() (Library, error) { return lib, nil }
	})
	f := h.screen()
	if !strings.Contains(f, "1 tệp không đọc được — bấm e để xem") {
		t.Fatalf("the library should mention the unreadable file:\n%s", f)
	}
	h.key("e")
	f = h.screen()
	if !strings.Contains(f, "TỆP KHÔNG ĐỌC ĐƯỢC") || !strings.Contains(f, "• anh-chup.txt là một tấm ảnh (PNG), không phải văn bản") {
		t.Errorf("e should list the file with its reason:\n%s", f)
	}
	h.key("esc")
	if f = h.screen(); !strings.Contains(f, "THƯ VIỆN") {
		t.Errorf("esc should go back to the library:\n%s", f)
	}
}

// TestGoldenImport renders the import prompt, its summary, the removal
// question and the unreadable-files line at both sizes.
func TestGoldenImport(t *testing.T) {
	summary := func(h *harness) { h.key("i"); h.text("tai-lieu"); h.key("enter") }
	flows := []struct {
		name string
		lang i18n.Lang
		keys func(h *harness)
	}{
		{"import-prompt", i18n.VI, func(h *harness) { h.key("i"); h.text("ta"); h.key("tab") }},
		{"import-summary", i18n.VI, summary},
		{"import-summary-en", i18n.EN, summary},
		{"remove-confirm", i18n.VI, func(h *harness) { summary(h); h.key("esc"); h.key("x") }},
	}
	for _, f := range flows {
		for _, sz := range goldenSizes {
			name := fmt.Sprintf("%s-%dx%d", f.name, sz[0], sz[1])
			t.Run(name, func(t *testing.T) {
				h, _ := importHarness(t, sz[0], sz[1], f.lang)
				f.keys(h)
				got := h.screen()
				tuitest.CheckFrame(t, got, sz[0], sz[1])
				golden(t, name, got)
			})
		}
	}
	for _, sz := range goldenSizes {
		name := fmt.Sprintf("library-problems-%dx%d", sz[0], sz[1])
		t.Run(name, func(t *testing.T) {
			lib := libraryWithProblems(t)
			h := newHarness(t, sz[0], sz[1], i18n.VI, func(o *Options) {
				o.OpenLibrary = func() (Library, error) { return lib, nil }
			})
			got := h.screen()
			tuitest.CheckFrame(t, got, sz[0], sz[1])
			golden(t, name, got)
		})
	}
}
