package index

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"chibo/content"
)

// synthDocs makes n documents of 40 sections each; every document has a
// marker word of its own ("mk<gen>x<i>"), so a test can check that each is
// in the index with the right version.
func synthDocs(n, gen int) []*content.Document {
	body := strings.Repeat("Tiếp tục đẩy mạnh chuyển đổi số, xây dựng nông thôn mới và chi bộ bốn tốt; nâng cao chất lượng sinh hoạt. ", 6)
	docs := make([]*content.Document, n)
	for i := range docs {
		d := &content.Document{ID: fmt.Sprintf("doc-%d", i), Title: fmt.Sprintf("Văn bản %d", i), Kind: content.KindOther, Date: "2024-01-02"}
		h := sha256.New()
		for s := 0; s < 40; s++ {
			text := fmt.Sprintf("%s mk%dx%d đoạn %d", body, gen, i, s)
			d.Sections = append(d.Sections, &content.Section{ID: strconv.Itoa(s), Level: 1, Heading: fmt.Sprintf("Mục %d", s), Path: []string{fmt.Sprintf("Mục %d", s)}, Text: text})
			h.Write([]byte(text))
		}
		d.Hash = hex.EncodeToString(h.Sum(nil))
		docs[i] = d
	}
	return docs
}

// mixDocs is n documents of generation 1 whose first changed ones are of
// generation gen (changed 0: all of them).
func mixDocs(n, gen, changed int) []*content.Document {
	if changed == 0 {
		return synthDocs(n, gen)
	}
	docs := synthDocs(n, 1)
	copy(docs, synthDocs(changed, gen))
	return docs
}

// The child side of TestKillDuringBuild: sync the generation asked for,
// printing progress so the parent knows when to kill.
func TestMain(m *testing.M) {
	if dir := os.Getenv("CHIBO_INDEX_CHILD"); dir != "" {
		var n, gen, changed int
		fmt.Sscanf(os.Getenv("CHIBO_INDEX_CHILD_DOCS"), "%d,%d,%d", &n, &gen, &changed)
		ix, err := Open(dir, Options{Wait: 5 * time.Second})
		if err != nil {
			fmt.Println("error", err)
			os.Exit(1)
		}
		err = ix.Sync(context.Background(), DocSource(mixDocs(n, gen, changed)), func(done, total int) { fmt.Println("progress", done, total) })
		fmt.Println("done", err)
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// checkComplete verifies the index holds exactly docs: every document, all
// of its sections, its current version and no older one.
func checkComplete(t *testing.T, ix *Index, docs []*content.Document, oldGen int) {
	t.Helper()
	if ix.NeedsSync(DocSource(docs)) {
		t.Fatal("index still needs a sync")
	}
	st := ix.Stats()
	if st.Documents != len(docs) || st.Sections != 40*len(docs) {
		t.Fatalf("index has %d documents, %d sections; want %d, %d", st.Documents, st.Sections, len(docs), 40*len(docs))
	}
	for _, i := range []int{0, len(docs) / 2, len(docs) - 1} {
		g := docGen(docs[i])
		r, err := ix.Search(context.Background(), Query{Text: fmt.Sprintf("mk%dx%d", g, i), Limit: 100})
		if err != nil || r.Total != 40 {
			t.Errorf("doc %d generation %d: %d sections found (%v), want 40", i, g, r.Total, err)
		}
		if oldGen >= 0 && oldGen != g {
			if r, _ := ix.Search(context.Background(), Query{Text: fmt.Sprintf("mk%dx%d", oldGen, i), Limit: 1}); r.Total != 0 {
				t.Errorf("doc %d: old generation %d still found", i, oldGen)
			}
		}
	}
}

// docGen reads the generation back from a synthetic document's marker.
func docGen(d *content.Document) int {
	var g, i int
	f := strings.Fields(d.Sections[0].Text)
	for _, w := range f {
		if strings.HasPrefix(w, "mk") {
			fmt.Sscanf(w, "mk%dx%d", &g, &i)
		}
	}
	return g
}

// TestKillDuringBuild kills a chibo process (this test binary re-executed)
// with SIGKILL while it builds or updates the index, then opens the index
// again: a sync must end in a complete, correct index.
func TestKillDuringBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("builds several indexes in child processes")
	}
	for _, tc := range []struct {
		name      string
		before    int // generation indexed before the child runs (-1: none)
		docs, gen int // what the child syncs …
		changed   int // … only the first changed documents new (0: all)
		killAfter int // progress reports before the kill
	}{
		{"first build", -1, 300, 1, 0, 20},
		{"rebuild over an index", 1, 300, 2, 0, 20},
		// 60 changed documents are updated in place, in batches of 50:
		// the kill falls between two batches.
		{"in-place update", 1, 300, 2, 60, 55},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			if tc.before >= 0 {
				ix, err := Open(dir, Options{Wait: time.Second})
				if err != nil {
					t.Fatal(err)
				}
				if err := ix.Sync(context.Background(), DocSource(synthDocs(tc.docs, tc.before)), nil); err != nil {
					t.Fatal(err)
				}
				ix.Close()
			}
			cmd := exec.Command(os.Args[0], "-test.run=^$")
			cmd.Env = append(os.Environ(), "CHIBO_INDEX_CHILD="+dir, fmt.Sprintf("CHIBO_INDEX_CHILD_DOCS=%d,%d,%d", tc.docs, tc.gen, tc.changed))
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
				line := sc.Text()
				if !strings.HasPrefix(line, "progress") {
					t.Fatalf("child finished before the kill: %s", line)
				}
				if seen++; seen > tc.killAfter {
					break
				}
			}
			cmd.Process.Signal(syscall.SIGKILL)
			cmd.Wait()

			ix, err := Open(dir, Options{Wait: 2 * time.Second})
			if err != nil {
				t.Fatal(err)
			}
			defer ix.Close()
			want := mixDocs(tc.docs, tc.gen, tc.changed)
			if !ix.NeedsSync(DocSource(want)) {
				t.Error("killed mid-sync, yet the index claims to be up to date")
			}
			if err := ix.Sync(context.Background(), DocSource(want), nil); err != nil {
				t.Fatal(err)
			}
			checkComplete(t, ix, want, tc.before)
		})
	}
}

// TestLockedIndex: while one process writes the index, a second Open or
// Sync gives up after its Wait instead of hanging, and a reader alongside
// another reader works.
func TestLockedIndex(t *testing.T) {
	dir := t.TempDir()
	docs := synthDocs(5, 1)
	a, err := Open(dir, Options{Wait: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	if err := a.Sync(context.Background(), DocSource(docs), nil); err != nil {
		t.Fatal(err)
	}
	// Two readers at once.
	b, err := Open(dir, Options{Wait: time.Second})
	if err != nil {
		t.Fatalf("second open: %v", err)
	}
	if r, err := b.Search(context.Background(), Query{Text: "mk1x3"}); err != nil || r.Total != 40 {
		t.Fatalf("second reader: %v, %d", err, r.Total)
	}
	// A writer while another process reads: ErrBusy after Wait, and the
	// index still answers.
	start := time.Now()
	err = b.Sync(context.Background(), DocSource(synthDocs(6, 1)), nil)
	if err != ErrBusy {
		t.Fatalf("sync under a reader: %v, want ErrBusy", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Fatalf("sync waited %v", d)
	}
	if r, err := b.Search(context.Background(), Query{Text: "mk1x3"}); err != nil || r.Total != 40 {
		t.Fatalf("after a busy sync: %v, %d", err, r.Total)
	}
	b.Close()

	// Hold the exclusive lock as a writer would; Open gives up in time.
	f, err := os.OpenFile(dir+"/"+lockFile, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	a.Close()
	if ok, err := tryLock(f, true); !ok || err != nil {
		t.Fatalf("take the lock: %v %v", ok, err)
	}
	start = time.Now()
	if _, err := Open(dir, Options{Wait: 300 * time.Millisecond}); err != ErrBusy {
		t.Fatalf("open while locked: %v, want ErrBusy", err)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Fatalf("open waited %v", d)
	}
	unlock(f)
	c, err := Open(dir, Options{Wait: time.Second})
	if err != nil {
		t.Fatalf("open after unlock: %v", err)
	}
	c.Close()
}

// TestSyncIncremental: adding, changing and removing documents updates the
// index in place, by hash.
func TestSyncIncremental(t *testing.T) {
	ix, err := Open(t.TempDir(), Options{Wait: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	docs := synthDocs(10, 1)
	if err := ix.Sync(context.Background(), DocSource(docs), nil); err != nil {
		t.Fatal(err)
	}
	changed := synthDocs(10, 2)
	next := append([]*content.Document{}, docs[:7]...) // 7-9 removed
	next = append(next, changed[0])                    // doc-0 changed
	next[0] = changed[0]
	next = next[:7]
	extra := synthDocs(12, 3)[11] // doc-11 added
	next = append(next, extra)
	if !ix.NeedsSync(DocSource(next)) {
		t.Fatal("NeedsSync false after changes")
	}
	if err := ix.Sync(context.Background(), DocSource(next), nil); err != nil {
		t.Fatal(err)
	}
	if ix.NeedsSync(DocSource(next)) {
		t.Fatal("NeedsSync true after sync")
	}
	count := func(q string) int {
		r, err := ix.Search(context.Background(), Query{Text: q, Limit: 100})
		if err != nil {
			t.Fatal(err)
		}
		return r.Total
	}
	for q, want := range map[string]int{"mk2x0": 40, "mk1x0": 0, "mk1x8": 0, "mk3x11": 40, "mk1x5": 40} {
		if got := count(q); got != want {
			t.Errorf("%s: %d sections, want %d", q, got, want)
		}
	}
	if st := ix.Stats(); st.Documents != 8 || st.Sections != 320 {
		t.Errorf("stats %+v, want 8 documents, 320 sections", st)
	}
}

// TestSyncMetadataOnly re-indexes a document whose text is the same but
// whose reading changed (another kind, a better title): those are indexed
// fields, and a filter on them must see the new value.
func TestSyncMetadataOnly(t *testing.T) {
	ix, err := Open(t.TempDir(), Options{Wait: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	docs := synthDocs(3, 1)
	if err := ix.Sync(context.Background(), DocSource(docs), nil); err != nil {
		t.Fatal(err)
	}
	again := synthDocs(3, 1)
	again[1].Kind = content.KindGuidance
	if !ix.NeedsSync(DocSource(again)) {
		t.Fatal("NeedsSync false after a change of kind")
	}
	if err := ix.Sync(context.Background(), DocSource(again), nil); err != nil {
		t.Fatal(err)
	}
	r, err := ix.Search(context.Background(), Query{Text: "loai:huong-dan mk1x1", Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	if r.Total == 0 {
		t.Error("the new kind is not in the index")
	}
}

// TestRebuildEmpty: an empty library (or fewer documents than shards) has
// an index too; scorch's builder cannot write one of nothing and panicked.
func TestRebuildEmpty(t *testing.T) {
	ix, err := Open(t.TempDir(), Options{Wait: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if err := ix.Rebuild(context.Background(), DocSource(nil), nil); err != nil {
		t.Fatal(err)
	}
	if ix.NeedsSync(DocSource(nil)) {
		t.Error("an empty index still needs a sync")
	}
	if r, err := ix.Search(context.Background(), Query{Text: "chi bộ"}); err != nil || r.Total != 0 {
		t.Errorf("search of an empty index: %v %+v", err, r)
	}
	// Documents come later: updated in place.
	if err := ix.Sync(context.Background(), DocSource(synthDocs(2, 1)), nil); err != nil {
		t.Fatal(err)
	}
	if r, err := ix.Search(context.Background(), Query{Text: "mk1x1", Limit: 100}); err != nil || r.Total != 40 {
		t.Errorf("after adding: %v %d", err, r.Total)
	}
}

// TestBusyReaderPrompt: a sync that another process's reader holds off
// (the app keeps the index open for hours) gives up after readerGrace,
// not after its whole Wait: the CLI import took 10.9 s to say "in use".
func TestBusyReaderPrompt(t *testing.T) {
	dir := t.TempDir()
	app, err := Open(dir, Options{Wait: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer app.Close()
	if err := app.Sync(context.Background(), DocSource(synthDocs(2, 1)), nil); err != nil {
		t.Fatal(err)
	}
	cli, err := Open(dir, Options{Wait: 10 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer cli.Close()
	start := time.Now()
	if err := cli.Sync(context.Background(), DocSource(synthDocs(3, 1)), nil); err != ErrBusy {
		t.Fatalf("sync under a reader: %v, want ErrBusy", err)
	}
	if d := time.Since(start); d > 3*readerGrace {
		t.Errorf("ErrBusy after %v with a reader only; want about %v", d, readerGrace)
	}
	if r, err := cli.Search(context.Background(), Query{Text: "mk1x1", Limit: 100}); err != nil || r.Total != 40 {
		t.Fatalf("after a busy sync: %v, %d", err, r.Total)
	}
}
