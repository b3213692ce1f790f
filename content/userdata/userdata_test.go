package userdata

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

func fixedNow() time.Time { return time.Date(2026, 11, 21, 12, 0, 0, 0, time.UTC) }

func TestBookmarksToggleAndPersist(t *testing.T) {
	dir := t.TempDir()
	s, err := open(dir, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Problems) != 0 || len(s.Bookmarks()) != 0 {
		t.Fatalf("fresh store: problems %v, bookmarks %v", s.Problems, s.Bookmarks())
	}
	steps := []struct {
		doc, sec string
		want     bool
	}{
		{"tai-lieu", "ii.3", true},
		{"tai-lieu", "i.1", true},
		{"other", "ii.3", true},
		{"tai-lieu", "ii.3", false},
	}
	for _, st := range steps {
		on, err := s.ToggleBookmark(st.doc, st.sec, "Heading "+st.sec)
		if err != nil || on != st.want {
			t.Fatalf("toggle %s#%s = %v, %v; want %v", st.doc, st.sec, on, err, st.want)
		}
		if s.IsBookmarked(st.doc, st.sec) != st.want {
			t.Fatalf("IsBookmarked %s#%s != %v", st.doc, st.sec, st.want)
		}
	}
	s2, err := Open(dir)
	if err != nil || len(s2.Problems) != 0 {
		t.Fatal(err, s2.Problems)
	}
	got := s2.Bookmarks()
	if len(got) != 2 || !s2.IsBookmarked("tai-lieu", "i.1") || !s2.IsBookmarked("other", "ii.3") || s2.IsBookmarked("tai-lieu", "ii.3") {
		t.Fatalf("reloaded bookmarks = %+v", got)
	}
	if got[0].Heading != "Heading i.1" && got[0].Heading != "Heading ii.3" {
		t.Fatalf("heading lost: %+v", got[0])
	}
	// The file is human-readable, versioned JSON.
	data, _ := os.ReadFile(filepath.Join(dir, BookmarksFile))
	var raw map[string]any
	if err := json.Unmarshal(data, &raw); err != nil || raw["version"] != float64(1) {
		t.Fatalf("bookmarks.json = %s (%v)", data, err)
	}
	if !strings.Contains(string(data), "\n  ") {
		t.Fatalf("bookmarks.json is not indented: %s", data)
	}
}

func TestBookmarksNewestFirst(t *testing.T) {
	clock := fixedNow()
	s, _ := open(t.TempDir(), func() time.Time { clock = clock.Add(time.Minute); return clock })
	for _, sec := range []string{"a", "b", "c"} {
		if _, err := s.ToggleBookmark("d", sec, sec); err != nil {
			t.Fatal(err)
		}
	}
	var order []string
	for _, b := range s.Bookmarks() {
		order = append(order, b.Section)
	}
	if strings.Join(order, ",") != "c,b,a" {
		t.Fatalf("order = %v, want c,b,a", order)
	}
}

func TestPositions(t *testing.T) {
	dir := t.TempDir()
	s, _ := Open(dir)
	if _, _, ok := s.Position("x"); ok {
		t.Fatal("position of an unread document")
	}
	cases := []struct {
		doc, sec string
		line     int
		wantLine int
	}{
		{"x", "i.1", 12, 12},
		{"x", "ii", 3, 3}, // replaces
		{"y", "", -4, 0},  // negative clamped
	}
	for _, c := range cases {
		if err := s.SetPosition(c.doc, c.sec, c.line); err != nil {
			t.Fatal(err)
		}
		sec, line, ok := s.Position(c.doc)
		if !ok || sec != c.sec || line != c.wantLine {
			t.Fatalf("Position(%s) = %q %d %v", c.doc, sec, line, ok)
		}
	}
	if err := s.SetPosition("", "a", 1); err == nil {
		t.Fatal("empty doc accepted")
	}
	s2, _ := Open(dir)
	if sec, line, ok := s2.Position("x"); !ok || sec != "ii" || line != 3 {
		t.Fatalf("reloaded x = %q %d %v", sec, line, ok)
	}
	if _, _, ok := s2.Position("y"); !ok {
		t.Fatal("reloaded y missing")
	}
}

func TestDamagedFileKeptAside(t *testing.T) {
	cases := []struct {
		name, file, body string
	}{
		{"truncated bookmarks", BookmarksFile, `{"version":1,"bookmarks":[{"doc":"a"`},
		{"no version", BookmarksFile, `{"bookmarks":[]}`},
		{"wrong shape positions", PositionsFile, `{"version":1,"positions":[1,2]}`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			p := filepath.Join(dir, c.file)
			os.WriteFile(p, []byte(c.body), 0o644)
			s, err := open(dir, fixedNow)
			if err != nil {
				t.Fatal(err)
			}
			if len(s.Problems) != 1 {
				t.Fatalf("problems = %v", s.Problems)
			}
			var de *DamagedError
			if !errors.As(s.Problems[0], &de) || de.Aside == "" {
				t.Fatalf("problem %v is not a DamagedError with Aside", s.Problems[0])
			}
			if want := p + ".damaged-20261121T120000"; de.Aside != want {
				t.Fatalf("aside = %s, want %s", de.Aside, want)
			}
			kept, err := os.ReadFile(de.Aside)
			if err != nil || string(kept) != c.body {
				t.Fatalf("damaged bytes not kept: %q %v", kept, err)
			}
			// The store still works and writes a fresh file, leaving the
			// damaged copy alone.
			if _, err := s.ToggleBookmark("d", "s", "h"); err != nil {
				t.Fatal(err)
			}
			if err := s.SetPosition("d", "s", 1); err != nil {
				t.Fatal(err)
			}
			if kept2, _ := os.ReadFile(de.Aside); string(kept2) != c.body {
				t.Fatal("damaged copy changed")
			}
			// A second damage the same second gets its own name.
			os.WriteFile(p, []byte("garbage"), 0o644)
			s3, _ := open(dir, fixedNow)
			if len(s3.Problems) != 1 || !errors.As(s3.Problems[0], &de) || !strings.HasSuffix(de.Aside, "-2") {
				t.Fatalf("second damage: %v", s3.Problems)
			}
		})
	}
}

func TestNewerVersionNotOverwritten(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, BookmarksFile)
	body := `{"version": 99, "bookmarks": [], "future": true}`
	os.WriteFile(p, []byte(body), 0o644)
	s, _ := Open(dir)
	if len(s.Problems) != 1 || !errors.Is(s.Problems[0], ErrNewerVersion) {
		t.Fatalf("problems = %v", s.Problems)
	}
	if _, err := s.ToggleBookmark("d", "s", "h"); !errors.Is(err, ErrNewerVersion) {
		t.Fatalf("toggle over a newer file: err = %v", err)
	}
	if s.IsBookmarked("d", "s") {
		t.Fatal("failed toggle left the bookmark in memory")
	}
	if got, _ := os.ReadFile(p); string(got) != body {
		t.Fatalf("newer file overwritten: %s", got)
	}
}

func TestConcurrentUse(t *testing.T) {
	dir := t.TempDir()
	s, _ := Open(dir)
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 10; i++ {
				sec := string(rune('a' + g))
				if _, err := s.ToggleBookmark("d", sec, sec); err != nil {
					t.Error(err)
				}
				if err := s.SetPosition(sec, "s", i); err != nil {
					t.Error(err)
				}
				s.Bookmarks()
				s.Position(sec)
			}
		}(g)
	}
	wg.Wait()
	// Each goroutine toggled its own section an even number of times.
	if n := len(s.Bookmarks()); n != 0 {
		t.Fatalf("%d bookmarks left", n)
	}
	s2, _ := Open(dir)
	if len(s2.Problems) != 0 || len(s2.Bookmarks()) != 0 {
		t.Fatalf("reloaded: %v %v", s2.Problems, s2.Bookmarks())
	}
	for g := 0; g < 8; g++ {
		if _, line, ok := s2.Position(string(rune('a' + g))); !ok || line != 9 {
			t.Fatalf("position %d = %d %v", g, line, ok)
		}
	}
}

// twoEnv names the folder and tag of a TestTwoProcessesChild run.
const twoEnv = "CHIBO_USERDATA_TWO"

// TestTwoProcessesChild is the child of TestTwoProcesses: 20 bookmarks and
// 20 reading positions of its own, each saved at once.
func TestTwoProcessesChild(t *testing.T) {
	arg := os.Getenv(twoEnv)
	if arg == "" {
		t.Skip("only run as the child of TestTwoProcesses")
	}
	dir, tag, _ := strings.Cut(arg, "|")
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	for i := 1; i <= 20; i++ {
		doc := tag + strconv.Itoa(i)
		if on, err := s.ToggleBookmark(doc, "i", "I"); err != nil || !on {
			fmt.Fprintln(os.Stderr, on, err)
			os.Exit(3)
		}
		if err := s.SetPosition(doc, "i", i); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(3)
		}
	}
}

// TestTwoProcesses (rel-10): two chibo processes adding bookmarks and
// reading positions at once keep all of them.
func TestTwoProcesses(t *testing.T) {
	dir := t.TempDir()
	var wg sync.WaitGroup
	errs := make([]error, 2)
	outs := make([][]byte, 2)
	for i, tag := range []string{"a", "b"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cmd := exec.Command(os.Args[0], "-test.run=^TestTwoProcessesChild$", "-test.count=1")
			cmd.Env = append(os.Environ(), twoEnv+"="+dir+"|"+tag)
			outs[i], errs[i] = cmd.CombinedOutput()
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("child %d: %v\n%s", i, err, outs[i])
		}
	}
	s, err := Open(dir)
	if err != nil || len(s.Problems) > 0 {
		t.Fatal(err, s.Problems)
	}
	if n := len(s.Bookmarks()); n != 40 {
		t.Errorf("kept %d of 40 bookmarks", n)
	}
	n := 0
	for _, tag := range []string{"a", "b"} {
		for i := 1; i <= 20; i++ {
			if _, line, ok := s.Position(tag + strconv.Itoa(i)); ok && line == i {
				n++
			}
		}
	}
	if n != 40 {
		t.Errorf("kept %d of 40 reading positions", n)
	}
}
