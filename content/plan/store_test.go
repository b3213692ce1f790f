package plan

import (
	"errors"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"chibo/content"
	"chibo/content/userdata"
)

func testStore(t *testing.T) *Store {
	s := OpenStore(t.TempDir())
	s.SetClock(func() time.Time { return t0 })
	return s
}

func TestStoreLoadSaveList(t *testing.T) {
	s := testStore(t)
	p, saved, err := s.Load("2026-11")
	if err != nil || saved || p.Month != "2026-11" || len(p.Items) != 7 {
		t.Fatalf("Load of an unsaved plan = %+v %v %v", p, saved, err)
	}
	if list, err := s.List(); err != nil || len(list) != 0 {
		t.Fatalf("List before any save = %v %v", list, err)
	}
	p.Place = "Nhà văn hoá thôn Đông"
	p.AddExcerpt("thong-tin", ex("d", "a", "Nội dung **đậm**"), t0)
	if err := s.Save(p); err != nil {
		t.Fatal(err)
	}
	q, saved, err := s.Load("2026-11")
	if err != nil || !saved || q.Place != p.Place || q.ExcerptCount() != 1 || !q.Saved.Equal(t0) || q.Version != Version {
		t.Fatalf("reloaded = %+v %v %v", q, saved, err)
	}
	if _, err := s.Update("2026-10-chuyen-de", func(p *Plan) error { return p.SetNotes("thao-luan", "ghi chú") }); err != nil {
		t.Fatal(err)
	}
	// A failed update writes nothing.
	if _, err := s.Update("2026-09", func(p *Plan) error { return p.RemoveItem("nope") }); !errors.Is(err, ErrNoItem) {
		t.Fatalf("failed update err = %v", err)
	}
	// Stray files in the directory are not plans.
	os.WriteFile(filepath.Join(s.Dir(), ".2026-11.json.tmp-123"), []byte("{"), 0o644)
	os.WriteFile(filepath.Join(s.Dir(), "2026-08.json.damaged-20261121T120000"), []byte("{"), 0o644)
	os.WriteFile(filepath.Join(s.Dir(), "notes.txt"), []byte("x"), 0o644)
	list, err := s.List()
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, l := range list {
		keys = append(keys, l.Key)
	}
	if strings.Join(keys, ",") != "2026-11,2026-10-chuyen-de" {
		t.Fatalf("List = %v", keys)
	}
	if list[0].Excerpts != 1 || list[0].Minutes != 90 || list[0].Items != 7 || list[1].Kind != KindTopical {
		t.Fatalf("summaries = %+v", list)
	}
	// The file is indented, versioned JSON a person can read.
	data, _ := os.ReadFile(s.Path("2026-11"))
	if !strings.Contains(string(data), "\"version\": 2") || !strings.Contains(string(data), "Nhà văn hoá thôn Đông") {
		t.Fatalf("file = %s", data)
	}
	if _, _, err := s.Load("../etc"); err == nil {
		t.Fatal("bad key accepted")
	}
}

func TestStoreDamagedFile(t *testing.T) {
	cases := map[string]string{
		"truncated":  `{"version": 1, "month": "2026-11", "items": [{"id": "khai`,
		"empty":      ``,
		"no version": `{"month": "2026-11", "items": []}`,
		"wrong type": `{"version": 1, "items": "nope"}`,
	}
	for name, body := range cases {
		t.Run(name, func(t *testing.T) {
			s := testStore(t)
			os.MkdirAll(s.Dir(), 0o755)
			path := s.Path("2026-11")
			os.WriteFile(path, []byte(body), 0o644)
			list, _ := s.List()
			if len(list) != 1 || list[0].Err == nil {
				t.Fatalf("List does not report the damaged file: %+v", list)
			}
			if _, err := os.Stat(path); err != nil {
				t.Fatal("List moved the file")
			}
			p, saved, err := s.Load("2026-11")
			var de *userdata.DamagedError
			if !errors.As(err, &de) || de.Aside == "" || saved || p == nil || len(p.Items) != 7 {
				t.Fatalf("Load = %v %v %v", p, saved, err)
			}
			if got, _ := os.ReadFile(de.Aside); string(got) != body {
				t.Fatalf("damaged bytes not kept aside: %q", got)
			}
			if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
				t.Fatal("damaged file still in place")
			}
			// Saving now writes a new file next to the kept copy.
			if err := s.Save(p); err != nil {
				t.Fatal(err)
			}
			if got, _ := os.ReadFile(de.Aside); string(got) != body {
				t.Fatal("kept copy changed")
			}
			if _, saved, err := s.Load("2026-11"); err != nil || !saved {
				t.Fatal(err)
			}
		})
	}
}

func TestStoreNewerVersionUntouched(t *testing.T) {
	s := testStore(t)
	os.MkdirAll(s.Dir(), 0o755)
	body := `{"version": 7, "month": "2026-11", "items": []}`
	os.WriteFile(s.Path("2026-11"), []byte(body), 0o644)
	if _, _, err := s.Load("2026-11"); !errors.Is(err, userdata.ErrNewerVersion) {
		t.Fatalf("Load err = %v", err)
	}
	p := mustNew(t, "2026-11")
	if err := s.Save(p); !errors.Is(err, userdata.ErrNewerVersion) {
		t.Fatalf("Save err = %v", err)
	}
	if _, err := s.Update("2026-11", func(*Plan) error { return nil }); !errors.Is(err, userdata.ErrNewerVersion) {
		t.Fatalf("Update err = %v", err)
	}
	if got, _ := os.ReadFile(s.Path("2026-11")); string(got) != body {
		t.Fatal("newer file overwritten")
	}
}

// fakeLib is a library of documents built in the test.
type fakeLib map[string]*content.Document

func (f fakeLib) Doc(id string) (*content.Document, bool) { d, ok := f[id]; return d, ok }

func TestCheckMissingAndRelink(t *testing.T) {
	lib := fakeLib{"tl": {ID: "tl", Title: "Tài liệu", Sections: []*content.Section{
		{ID: "ii", Path: []string{"II"}},
		{ID: "ii.3-moi", Path: []string{"II", "3. Kinh tế"}},
	}}}
	p := mustNew(t, "2026-11")
	add := func(x Excerpt) { p.AddExcerpt("thong-tin", x, t0) }
	add(Excerpt{Doc: "tl", Section: "ii", Path: []string{"II"}, Text: "ok"})
	add(Excerpt{Doc: "tl", Section: "ii.3", Path: []string{"II", "3. Kinh tế"}, Text: "moved"})
	add(Excerpt{Doc: "tl", Section: "iv", Path: []string{"IV"}, Text: "gone section"})
	add(Excerpt{Doc: "gone", Section: "i", Path: []string{"I"}, Text: "gone doc"})
	add(Excerpt{Doc: "tl", Text: "whole doc"})
	r := p.Check(lib)
	if r.Missing != 2 || r.Relinked != 1 {
		t.Fatalf("Check = %+v", r)
	}
	xs := p.Items[1].Excerpts
	want := []struct {
		sec     string
		missing bool
	}{{"ii", false}, {"ii.3-moi", false}, {"iv", true}, {"i", true}, {"", false}}
	if len(xs) != len(want) {
		t.Fatalf("excerpts dropped: %d", len(xs))
	}
	for i, w := range want {
		if xs[i].Section != w.sec || xs[i].Missing != w.missing {
			t.Errorf("excerpt %d = %s missing=%v, want %s %v", i, xs[i].Section, xs[i].Missing, w.sec, w.missing)
		}
	}
	// The document comes back: the mark goes away.
	lib["gone"] = &content.Document{ID: "gone", Sections: []*content.Section{{ID: "i", Path: []string{"I"}}}}
	if r := p.Check(lib); r.Missing != 1 {
		t.Fatalf("after return: %+v", r)
	}
}

// TestCheckRealLibrary adds sections of the shipped documents, re-opens the
// library (a re-index) and finds them all again.
func TestCheckRealLibrary(t *testing.T) {
	dirs := content.Dirs{Data: t.TempDir(), Cache: t.TempDir()}
	lib, err := content.OpenLibrary(dirs)
	if err != nil {
		t.Fatal(err)
	}
	p := mustNew(t, "2026-11")
	n := 0
	for _, d := range lib.Docs() {
		for i, s := range d.Sections {
			if i > 2 {
				break
			}
			if _, err := p.AddExcerpt("thong-tin", FromSection(d, s), t0); err != nil && !errors.Is(err, ErrDuplicate) {
				t.Fatal(err)
			}
			n++
		}
	}
	if n == 0 {
		t.Skip("the library has no sections yet")
	}
	lib2, err := content.OpenLibrary(dirs)
	if err != nil {
		t.Fatal(err)
	}
	if r := p.Check(lib2); r.Missing != 0 {
		t.Fatalf("after re-opening the library: %+v", r)
	}
	d := lib2.Docs()[0]
	// Documents are loaded from the store on each call: the same
	// document and section, not the same pointers.
	if doc, sec, ok := Lookup(lib2, d.ID+"#"+d.Sections[0].ID); !ok || doc.ID != d.ID || sec.ID != d.Sections[0].ID || sec.Text != d.Sections[0].Text {
		t.Fatal("Lookup failed")
	}
	if _, _, ok := Lookup(lib2, d.ID+"#no-such-section"); ok {
		t.Fatal("Lookup of a missing section succeeded")
	}
}

// crashEnv names the directory the crash-test child saves into.
const crashEnv = "CHIBO_PLAN_CRASH_DIR"

// TestCrashChild is the child of TestCrashDuringSave: it saves generation
// after generation until it is killed.
func TestCrashChild(t *testing.T) {
	dir := os.Getenv(crashEnv)
	if dir == "" {
		t.Skip("only run as the child of TestCrashDuringSave")
	}
	s := OpenStore(dir)
	for gen := 1; ; gen++ {
		p := generation(gen)
		if err := s.Save(p); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(3)
		}
		os.WriteFile(filepath.Join(dir, "gen"), []byte(strconv.Itoa(gen)), 0o644)
	}
}

// generation is a plan whose every note says which generation it is, and
// large enough that writing it takes a while.
func generation(gen int) *Plan {
	p, _ := New("2026-11")
	p.Title = "gen " + strconv.Itoa(gen)
	body := strings.Repeat(fmt.Sprintf("thế hệ %d; ", gen), 2000)
	for _, it := range p.Items {
		p.SetNotes(it.ID, body)
	}
	return p
}

func TestCrashDuringSave(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	dir := t.TempDir()
	s := OpenStore(dir)
	// Start from a saved generation 0, the "old version".
	if err := s.Save(generation(0)); err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewSource(time.Now().UnixNano()))
	last := 0
	for round := 0; round < 15; round++ {
		// Each child counts its generations from 1: the marker of the
		// last round's child must not stand for this one's (a kill right
		// after this child's first save would compare against it).
		os.Remove(filepath.Join(dir, "gen"))
		cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), crashEnv+"="+dir)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(20+rng.Intn(200)) * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()

		p, saved, err := s.Load("2026-11")
		if err != nil || !saved {
			t.Fatalf("round %d: after kill -9 the plan does not load: %v", round, err)
		}
		gen, err := strconv.Atoi(strings.TrimPrefix(p.Title, "gen "))
		if err != nil {
			t.Fatalf("round %d: title %q", round, p.Title)
		}
		want := generation(gen)
		for i, it := range p.Items {
			if it.Notes != want.Items[i].Notes {
				t.Fatalf("round %d: generation %d is torn in item %s", round, gen, it.ID)
			}
		}
		done, _ := os.ReadFile(filepath.Join(dir, "gen"))
		if n, _ := strconv.Atoi(string(done)); n > gen {
			t.Fatalf("round %d: generation %d was saved but %d is on disk", round, n, gen)
		}
		last = gen
		// No damaged copies: nothing was ever torn.
		if m, _ := filepath.Glob(filepath.Join(s.Dir(), "*.damaged-*")); len(m) > 0 {
			t.Fatalf("damaged copies: %v", m)
		}
	}
	t.Logf("last generation on disk: %d", last)
	list, err := s.List()
	if err != nil || len(list) != 1 || list[0].Err != nil {
		t.Fatalf("List after the crashes = %+v %v", list, err)
	}
}

// appendEnv names the directory the append-test children write into, and
// their tag.
const appendEnv = "CHIBO_PLAN_APPEND"

// TestAppendChild is the child of TestTwoProcessesAppend: 20 appends of
// "TAG1".."TAG20" to the first item's notes, each its own Update.
func TestAppendChild(t *testing.T) {
	arg := os.Getenv(appendEnv)
	if arg == "" {
		t.Skip("only run as the child of TestTwoProcessesAppend")
	}
	dir, tag, _ := strings.Cut(arg, "|")
	s := OpenStore(dir)
	for i := 1; i <= 20; i++ {
		_, err := s.Update("2026-05", func(p *Plan) error {
			id := p.Items[0].ID
			return p.SetNotes(id, strings.TrimSpace(p.Items[0].Notes+"\n"+tag+strconv.Itoa(i)))
		})
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(3)
		}
	}
}

// TestTwoProcessesAppend (rel-10): two chibo processes appending notes to
// one plan at once keep every note (the store's Update held an in-process
// mutex only: 20 saves, 18 kept).
func TestTwoProcessesAppend(t *testing.T) {
	dir := t.TempDir()
	var wg sync.WaitGroup
	errs := make([]error, 2)
	outs := make([][]byte, 2)
	for i, tag := range []string{"A", "B"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cmd := exec.Command(os.Args[0], "-test.run=^TestAppendChild$", "-test.count=1")
			cmd.Env = append(os.Environ(), appendEnv+"="+dir+"|"+tag)
			outs[i], errs[i] = cmd.CombinedOutput()
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("child %d: %v\n%s", i, err, outs[i])
		}
	}
	p, saved, err := OpenStore(dir).Load("2026-05")
	if err != nil || !saved {
		t.Fatalf("load: %v %v", saved, err)
	}
	kept := map[string]bool{}
	for _, l := range strings.Split(p.Items[0].Notes, "\n") {
		kept[strings.TrimSpace(l)] = true
	}
	var lost []string
	for _, tag := range []string{"A", "B"} {
		for i := 1; i <= 20; i++ {
			if !kept[tag+strconv.Itoa(i)] {
				lost = append(lost, tag+strconv.Itoa(i))
			}
		}
	}
	if len(lost) > 0 {
		t.Fatalf("kept %d of 40 notes; lost %v", 40-len(lost), lost)
	}
}

// TestStaleTempsRemoved (rel-20): a temporary file a killed save left in
// the plans folder is removed by the next save once it is old; a fresh
// one (a save in progress elsewhere) is left alone.
func TestStaleTempsRemoved(t *testing.T) {
	dir := t.TempDir()
	s := OpenStore(dir)
	os.MkdirAll(s.Dir(), 0o755)
	old := filepath.Join(s.Dir(), ".2026-05.json.tmp-123")
	fresh := filepath.Join(s.Dir(), ".2026-06.json.tmp-456")
	for _, f := range []string{old, fresh} {
		if err := os.WriteFile(f, []byte("partial"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	long := time.Now().Add(-time.Hour)
	os.Chtimes(old, long, long)
	if _, err := s.Update("2026-05", func(*Plan) error { return nil }); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(old); err == nil {
		t.Error("an hour-old temporary file is still there")
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Errorf("a fresh temporary file was removed: %v", err)
	}
}
