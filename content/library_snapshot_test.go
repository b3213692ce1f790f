package content

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"chibo/content/store"
)

// snapshotCurrent says whether the next open of dirs reads the catalogue
// from its snapshot (one value) rather than record by record.
func snapshotCurrent(t *testing.T, dirs Dirs) bool {
	t.Helper()
	st, err := store.Open(filepath.Join(dirs.Cache, storeFile), true)
	if err != nil {
		t.Fatal(err)
	}
	c, err := st.ReadCatalog()
	if err != nil {
		t.Fatal(err)
	}
	return c.Snapshot
}

// TestCatalogueSnapshotKept: an import and a removal leave a current
// catalogue snapshot, so the next open reads one value; a store written
// before snapshots existed (or by an older chibo) opens without parsing
// anything again, with the same catalogue, and gets its snapshot.
func TestCatalogueSnapshotKept(t *testing.T) {
	dirs := Dirs{Data: t.TempDir(), Cache: t.TempDir()}
	lib, err := OpenLibrary(dirs)
	if err != nil {
		t.Fatal(err)
	}
	if !snapshotCurrent(t, dirs) {
		t.Error("after the first open (seeds parsed): no current snapshot")
	}
	src := storeSources(t, 3)
	for _, r := range importAll(t, lib, ImportOptions{}, src) {
		if r.Status != ImportAdded {
			t.Fatalf("%s: %s %v", r.Path, r.Status, r.Err)
		}
	}
	if !snapshotCurrent(t, dirs) {
		t.Error("after an import: no current snapshot")
	}
	if err := lib.Remove("bao-cao-000"); err != nil {
		t.Fatal(err)
	}
	if !snapshotCurrent(t, dirs) {
		t.Error("after a removal: no current snapshot")
	}
	want := lib.Catalog()
	if len(want) != 5+2 {
		t.Fatalf("%d documents, want the 5 seeds and 2 imported", len(want))
	}
	again, err := OpenLibrary(dirs)
	if err != nil {
		t.Fatal(err)
	}
	if got := again.Catalog(); !reflect.DeepEqual(got, want) {
		t.Fatalf("opened from the snapshot:\n%+v\nwant\n%+v", got, want)
	}
	// A store as chibo wrote it before: no snapshot at all.
	db, err := bolt.Open(filepath.Join(dirs.Cache, storeFile), 0o644, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error { return tx.DeleteBucket([]byte("snapshot")) })
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	if snapshotCurrent(t, dirs) {
		t.Fatal("snapshot still read after its bucket was deleted")
	}
	parsed := 0
	old, err := OpenLibraryProgress(dirs, func(done, total int) { parsed = total })
	if err != nil {
		t.Fatal(err)
	}
	if parsed != 0 || len(old.Problems) != 0 {
		t.Errorf("store without a snapshot: %d files parsed again, problems %v; want none", parsed, old.Problems)
	}
	if got := old.Catalog(); !reflect.DeepEqual(got, want) {
		t.Fatalf("opened record by record:\n%+v\nwant\n%+v", got, want)
	}
	if !snapshotCurrent(t, dirs) {
		t.Error("an open that read the catalogue record by record left no snapshot")
	}
}

// TestOpenNoticesFileEditedInPlace: a library file rewritten in place
// (same name, same inode: an editor saving over it, a backup copied back
// with cp) is parsed again at the next open, even when the folder's own
// modification time says nothing changed and the catalogue comes from a
// current snapshot: every file's size and time are looked at.
func TestOpenNoticesFileEditedInPlace(t *testing.T) {
	dirs := Dirs{Data: t.TempDir(), Cache: t.TempDir()}
	lib, err := OpenLibrary(dirs)
	if err != nil {
		t.Fatal(err)
	}
	src := t.TempDir()
	p := filepath.Join(src, "nghi-quyet.txt")
	os.WriteFile(p, []byte("NGHỊ QUYẾT\nvề công tác tháng Năm\n\nI. Tình hình\n\nChi bộ họp đủ.\n"), 0o644)
	if r := importAll(t, lib, ImportOptions{}, p)[0]; r.Status != ImportAdded {
		t.Fatalf("import: %s %v", r.Status, r.Err)
	}
	copyPath := filepath.Join(dirs.Library(), "nghi-quyet.txt")
	before, err := os.Stat(dirs.Library())
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(copyPath, os.O_WRONLY|os.O_TRUNC, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("NGHỊ QUYẾT\nvề công tác tháng Sáu\n\nI. Tình hình\n\nChi bộ họp đủ, bàn kế hoạch quý.\n")
	f.Close()
	os.Chtimes(dirs.Library(), before.ModTime(), before.ModTime())
	if after, _ := os.Stat(dirs.Library()); !after.ModTime().Equal(before.ModTime()) {
		t.Fatal("could not keep the folder's time")
	}
	if !snapshotCurrent(t, dirs) {
		t.Fatal("no current snapshot before the reopen")
	}
	parsed := 0
	again, err := OpenLibraryProgress(dirs, func(done, total int) { parsed = total })
	if err != nil {
		t.Fatal(err)
	}
	d, ok := again.Doc("nghi-quyet")
	if parsed != 1 || !ok || d.Title != "Nghị quyết về công tác tháng sáu" {
		var title string
		if ok {
			title = d.Title
		}
		t.Fatalf("after the edit in place: %d files parsed, title %q; want 1, the new title", parsed, title)
	}
}

// TestListLibrary: the library folder's regular files, hidden ones,
// folders and symbolic links left out, sorted, with the size and time
// os.Lstat gives; enough of them to be looked at by several goroutines.
func TestListLibrary(t *testing.T) {
	dir := t.TempDir()
	n := 3*statChunk + 7
	var want []string
	for i := range n {
		name := fmt.Sprintf("van-ban-%04d.txt", n-i) // written out of order
		if err := os.WriteFile(filepath.Join(dir, name), make([]byte, i%97), 0o644); err != nil {
			t.Fatal(err)
		}
		want = append(want, name)
	}
	sort.Strings(want)
	os.WriteFile(filepath.Join(dir, ".lock"), nil, 0o644)
	os.Mkdir(filepath.Join(dir, ".meta"), 0o755)
	os.Mkdir(filepath.Join(dir, "thu-muc.txt"), 0o755)
	os.Symlink(filepath.Join(dir, want[0]), filepath.Join(dir, "lien-ket.txt"))
	old := time.Date(2020, 5, 1, 10, 0, 0, 123456789, time.UTC)
	os.Chtimes(filepath.Join(dir, want[5]), old, old)

	files, err := listLibrary(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range files {
		got = append(got, f.name)
		info, err := os.Lstat(filepath.Join(dir, f.name))
		if err != nil || f.size != info.Size() || f.mtime != info.ModTime().UnixNano() {
			t.Fatalf("%s: size %d time %d, os.Lstat says %v", f.name, f.size, f.mtime, info)
		}
	}
	if !slices.Equal(got, want) {
		t.Fatalf("listed %d files (%v …), want the %d regular ones, sorted", len(got), got[:min(len(got), 3)], len(want))
	}
	if files[5].mtime != old.UnixNano() {
		t.Errorf("%s: time %d, want %d", files[5].name, files[5].mtime, old.UnixNano())
	}
	if files, err := listLibrary(filepath.Join(dir, "none")); err != nil || len(files) != 0 {
		t.Errorf("missing folder: %v %v", files, err)
	}
}

// TestCatalogueOrder: the catalogue is grouped by kind (Kinds' order, an
// unknown kind first), then newest first, then by title, then by ID —
// the order of the stable sort it replaced.
func TestCatalogueOrder(t *testing.T) {
	rnd := rand.New(rand.NewPCG(3, 4))
	kinds := append([]Kind{"khong-ro"}, Kinds...)
	recs := map[string]*store.Record{}
	for range 500 {
		id := fmt.Sprintf("d%03d", rnd.IntN(1000))
		recs[id] = &store.Record{DocInfo: DocInfo{ID: id, Kind: kinds[rnd.IntN(len(kinds))],
			Date:  []string{"", "2024-01-05", "2024-03-01", "2025-12-31"}[rnd.IntN(4)],
			Title: []string{"A", "Báo cáo", "Nghị quyết"}[rnd.IntN(3)]}}
	}
	var want []DocInfo
	for _, r := range recs {
		want = append(want, r.DocInfo)
	}
	rank := map[Kind]int{}
	for i, k := range Kinds {
		rank[k] = i
	}
	sort.SliceStable(want, func(i, j int) bool {
		a, b := want[i], want[j]
		if rank[a.Kind] != rank[b.Kind] {
			return rank[a.Kind] < rank[b.Kind]
		}
		if a.Date != b.Date {
			return a.Date > b.Date
		}
		if a.Title != b.Title {
			return a.Title < b.Title
		}
		return a.ID < b.ID
	})
	got := infoOf(recs)
	if len(got) != len(want) || len(got) < 300 {
		t.Fatalf("%d documents, want %d", len(got), len(want))
	}
	for i := range want {
		if *got[i] != want[i] {
			t.Fatalf("position %d: %+v, want %+v", i, *got[i], want[i])
		}
	}
}
