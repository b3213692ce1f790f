package content

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

const storeChildEnv = "CHIBO_STORE_CHILD"

// storeSources writes n small documents, each with a word of its own
// ("turiengN"), and returns their folder.
func storeSources(t *testing.T, n int) string {
	t.Helper()
	src := t.TempDir()
	body := strings.Repeat("Chi bộ tiếp tục nâng cao chất lượng sinh hoạt, phát huy vai trò tiên phong của đảng viên. ", 40)
	for i := range n {
		text := fmt.Sprintf("Báo cáo số %d của chi bộ\n\nI. Tình hình\n\n%s turiengx%d\n\nII. Nhiệm vụ\n\n%s\n", i, body, i, body)
		if err := os.WriteFile(filepath.Join(src, fmt.Sprintf("bao-cao-%03d.txt", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return src
}

// TestStoreChild is the child of TestKillDuringImportAndOpen: it opens
// the library (reconciling the store) and imports a folder, printing a
// line per file, until it is killed.
func TestStoreChild(t *testing.T) {
	arg := os.Getenv(storeChildEnv)
	if arg == "" {
		t.Skip("only run as the child of TestKillDuringImportAndOpen")
	}
	data, src, _ := strings.Cut(arg, "|")
	fmt.Println("opening")
	lib, err := OpenLibrary(Dirs{Data: data, Cache: data})
	if err != nil {
		t.Fatal(err)
	}
	fmt.Println("opened")
	if src != "" {
		lib.Import([]string{src}, func(r ImportResult) { fmt.Println("file", r.Status) })
	}
	fmt.Println("done")
}

// checkStore opens the library and checks that its catalogue, its stored
// documents and its folder agree: every file has its document, every
// document its file, each loads with its own text.
func checkStore(t *testing.T, data string) *Library {
	t.Helper()
	lib, err := OpenLibrary(Dirs{Data: data, Cache: data})
	if err != nil {
		t.Fatal(err)
	}
	if len(lib.Problems) > 0 {
		t.Fatalf("problems after the kill: %v", lib.Problems)
	}
	files, _ := os.ReadDir(lib.Dir())
	onDisk := map[string]bool{}
	for _, f := range files {
		if !strings.HasPrefix(f.Name(), ".") && f.Type().IsRegular() {
			onDisk[strings.TrimSuffix(f.Name(), filepath.Ext(f.Name()))] = true
		}
	}
	imported := 0
	for _, in := range lib.Catalog() {
		d, ok := lib.Doc(in.ID)
		if !ok || d.ID != in.ID || len(d.Sections) != in.SectionCount || d.Hash != in.Hash {
			t.Fatalf("%s: catalogued %+v, loads %v", in.ID, in, ok)
		}
		if !in.Imported {
			continue
		}
		imported++
		if !onDisk[in.ID] {
			t.Errorf("%s is catalogued but its file is gone", in.ID)
		}
		var n int
		fmt.Sscanf(in.ID, "bao-cao-%d", &n)
		if !strings.Contains(d.Sections[1].Text, fmt.Sprintf("turiengx%d ", n)) && !strings.Contains(d.Sections[1].Text, fmt.Sprintf("turiengx%d\n", n)) && !strings.HasSuffix(d.Sections[1].Text, fmt.Sprintf("turiengx%d", n)) {
			t.Errorf("%s holds another document's text", in.ID)
		}
	}
	if imported != len(onDisk) {
		t.Errorf("%d documents catalogued for %d files", imported, len(onDisk))
	}
	return lib
}

// TestKillDuringImportAndOpen kills a process (this test binary
// re-executed) with SIGKILL while it imports, and while it re-parses a
// library whose store was lost: the next open finds the store, the
// catalogue and the folder consistent, and importing again completes.
func TestKillDuringImportAndOpen(t *testing.T) {
	if testing.Short() {
		t.Skip("imports in child processes")
	}
	const n = 30
	src := storeSources(t, n)
	run := func(data, src string, until func(line string, seen int) bool) {
		t.Helper()
		cmd := exec.Command(os.Args[0], "-test.run=^TestStoreChild$", "-test.count=1", "-test.v")
		cmd.Env = append(os.Environ(), storeChildEnv+"="+data+"|"+src)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(out)
		seen := 0
		for sc.Scan() {
			if line := sc.Text(); until(line, seen) {
				break
			} else if strings.HasPrefix(line, "file") {
				seen++
			} else if line == "done" {
				t.Fatal("the child finished before the kill")
			}
		}
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
	}
	for _, killAfter := range []int{1, 12} {
		t.Run(fmt.Sprint("import/", killAfter), func(t *testing.T) {
			data := t.TempDir()
			run(data, src, func(line string, seen int) bool { return seen >= killAfter })
			lib := checkStore(t, data)
			res := importAll(t, lib, ImportOptions{}, src)
			for _, r := range res {
				if r.Status == ImportFailed {
					t.Errorf("re-import: %s %v", r.Path, r.Err)
				}
			}
			lib = checkStore(t, data)
			if got := len(lib.Catalog()); got != n+5 {
				t.Errorf("%d documents after the re-import, want %d", got, n+5)
			}
		})
	}
	// The store lost (a new parser, a deleted cache): the next open
	// re-parses every file and writes the store in batches; kill it in
	// the middle.
	data := t.TempDir()
	lib, err := OpenLibrary(Dirs{Data: data, Cache: data})
	if err != nil {
		t.Fatal(err)
	}
	importAll(t, lib, ImportOptions{}, src)
	for _, delay := range []time.Duration{5 * time.Millisecond, 60 * time.Millisecond} {
		t.Run(fmt.Sprint("reparse/", delay), func(t *testing.T) {
			os.Remove(filepath.Join(data, storeFile))
			run(data, "", func(line string, seen int) bool {
				if line == "opening" {
					time.Sleep(delay)
					return true
				}
				return false
			})
			if got := len(checkStore(t, data).Catalog()); got != n+5 {
				t.Errorf("%d documents, want %d", got, n+5)
			}
		})
	}
}

// TestEachCitations: the citations read from their own values are the
// documents' own (every Ref, each citing section's heading and path),
// with no text; the seeds cite directives, so there is something to see.
func TestEachCitations(t *testing.T) {
	data := t.TempDir()
	lib, err := OpenLibrary(Dirs{Data: data, Cache: data})
	if err != nil {
		t.Fatal(err)
	}
	full := map[string]*Document{}
	for _, d := range lib.Docs() {
		full[d.ID] = d
	}
	refs := 0
	err = lib.EachCitations(func(c *Document) error {
		d := full[c.ID]
		if d == nil || c.Title != d.Title || len(c.Refs) != len(d.Refs) {
			t.Fatalf("%s: citations %+v do not match the document", c.ID, c)
		}
		for _, r := range c.Refs {
			s, ok := c.Section(r.Section)
			want, _ := d.Section(r.Section)
			if !ok || want == nil || s.Heading != want.Heading || strings.Join(s.Path, "/") != strings.Join(want.Path, "/") {
				t.Errorf("%s: citing section %s missing or different", c.ID, r.Section)
			}
			if ok && (s.Text != "" || s.Markdown != "") {
				t.Errorf("%s: citations carry the text of %s", c.ID, s.ID)
			}
			refs++
		}
		return nil
	})
	if err != nil || refs == 0 {
		t.Fatalf("EachCitations: %v, %d refs", err, refs)
	}
}
