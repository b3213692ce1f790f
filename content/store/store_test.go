package store

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"encoding/gob"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"chibo/content/model"
)

func doc(id, text string) *model.Document {
	return &model.Document{ID: id, Title: "Văn bản " + id, Kind: model.KindOther, Hash: "h-" + id,
		Sections: []*model.Section{{ID: "1", Level: 1, Heading: "I. Mở đầu", Text: text, Markdown: text}}}
}

func rec(d *model.Document) Record {
	return Record{DocInfo: d.Info(), File: d.ID + ".txt", Key: "k-" + d.ID, Parser: "v1"}
}

func TestStoreRoundTrip(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "lib.db"), false)
	if err != nil {
		t.Fatal(err)
	}
	g0, _ := s.Generation()
	a, b := doc("a", strings.Repeat("Chi bộ họp thường kỳ. ", 500)), doc("b", "Nghị quyết số 21-NQ/TW.")
	if _, err := s.Apply(Change{Record: rec(a), Doc: a}, Change{Record: rec(b), Doc: b}); err != nil {
		t.Fatal(err)
	}
	recs, g1, err := s.Catalog()
	if err != nil || len(recs) != 2 || g1 == g0 {
		t.Fatalf("catalogue %v, generation %d→%d, %v", recs, g0, g1, err)
	}
	if recs[0].ID != "a" || recs[0].SectionCount != 1 || recs[0].TextBytes != len(a.Sections[0].Text)+len("I. Mở đầu") {
		t.Errorf("record a: %+v", recs[0])
	}
	got, ok, err := s.Doc("a")
	if err != nil || !ok || got.Sections[0].Text != a.Sections[0].Text || got.Title != a.Title {
		t.Fatalf("Doc(a): %v %v", ok, err)
	}
	// Compressed: the markdown repeats the text, which repeats itself.
	var size int
	s.view(func(tx *bolt.Tx) error { size = len(tx.Bucket(bucketDocs).Get([]byte("a"))); return nil })
	if size > len(a.Sections[0].Text)/4 {
		t.Errorf("document a takes %d bytes stored for %d of text", size, len(a.Sections[0].Text))
	}
	if _, err := s.Apply(Change{Record: Record{DocInfo: model.DocInfo{ID: "a"}}, Delete: true}); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := s.Doc("a"); ok {
		t.Error("a deleted, still loads")
	}
	var n int
	s.Docs([]string{"a", "b"}, func(d *model.Document) error { n++; return nil })
	if n != 1 {
		t.Errorf("Docs loaded %d, want b only", n)
	}
}

// TestStoreUnreadableValue: a damaged document value reads as missing
// (the library then re-parses the file), never as an error or a panic.
func TestStoreUnreadableValue(t *testing.T) {
	s, _ := Open(filepath.Join(t.TempDir(), "lib.db"), false)
	a := doc("a", "x")
	s.Apply(Change{Record: rec(a), Doc: a})
	s.update(func(tx *bolt.Tx) error { return tx.Bucket(bucketDocs).Put([]byte("a"), []byte("not flate")) })
	if d, ok, err := s.Doc("a"); ok || err != nil || d != nil {
		t.Errorf("damaged value: %v %v %v", d, ok, err)
	}
}

// TestStoreReadOnly: a store in a folder that cannot be written opens
// read-only and reads; writes say ErrReadOnly. A missing store reads
// empty.
func TestStoreReadOnly(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root writes anywhere")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "lib.db")
	s, _ := Open(path, false)
	a := doc("a", "x")
	s.Apply(Change{Record: rec(a), Doc: a})
	os.Chmod(path, 0o444)
	os.Chmod(dir, 0o555)
	t.Cleanup(func() { os.Chmod(dir, 0o755) })
	ro, err := Open(path, false)
	if err != nil || !ro.ReadOnly() {
		t.Fatalf("read-only folder: %v, read-only %v", err, ro.ReadOnly())
	}
	if _, ok, err := ro.Doc("a"); !ok || err != nil {
		t.Errorf("read-only Doc: %v %v", ok, err)
	}
	if _, err := ro.Apply(Change{Record: rec(a), Doc: a}); err != ErrReadOnly {
		t.Errorf("write to a read-only store: %v", err)
	}
	missing, err := Open(filepath.Join(dir, "none.db"), false)
	if err != nil {
		t.Fatal(err)
	}
	if recs, _, err := missing.Catalog(); err != nil || len(recs) != 0 {
		t.Errorf("missing store: %v %v", recs, err)
	}
}

// TestStoreWriterDoesNotFreezeReaders: a reader waits for a writer's
// transaction, not longer; a writer that holds the file past LockTimeout
// makes the reader fail with ErrBusy rather than hang.
func TestStoreWriterDoesNotFreezeReaders(t *testing.T) {
	path := filepath.Join(t.TempDir(), "lib.db")
	s, _ := Open(path, false)
	old := LockTimeout
	LockTimeout = 300 * time.Millisecond
	t.Cleanup(func() { LockTimeout = old })
	db, err := bolt.Open(path, 0o644, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	_, _, err = s.Catalog()
	if err != ErrBusy || time.Since(start) > 2*time.Second {
		t.Errorf("reader behind a stuck writer: %v after %v", err, time.Since(start))
	}
	db.Close()
	if _, _, err := s.Catalog(); err != nil {
		t.Errorf("reader after the writer: %v", err)
	}
}

// flateValue is a document as chibo wrote it before zstd: gob, then
// flate at level 4.
func flateValue(t *testing.T, d *model.Document) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw, _ := flate.NewWriter(&buf, 4)
	head := *d
	head.Sections = nil
	enc := gob.NewEncoder(zw)
	if err := enc.Encode(&head); err != nil {
		t.Fatal(err)
	}
	for _, s := range d.Sections {
		if err := enc.Encode(s); err != nil {
			t.Fatal(err)
		}
	}
	zw.Close()
	return buf.Bytes()
}

// TestStoreReadsFlateValues: a store written by an older chibo (values in
// flate) still reads, without a re-parse; new values are zstd, and
// smaller.
func TestStoreReadsFlateValues(t *testing.T) {
	s, _ := Open(filepath.Join(t.TempDir(), "lib.db"), false)
	a := doc("a", strings.Repeat("Đảng viên có quyền được thông tin, thảo luận, chất vấn. ", 300))
	if _, err := s.Apply(Change{Record: rec(a), Doc: a}); err != nil {
		t.Fatal(err)
	}
	var zv []byte
	s.view(func(tx *bolt.Tx) error { zv = bytes.Clone(tx.Bucket(bucketDocs).Get([]byte("a"))); return nil })
	if !bytes.HasPrefix(zv, zstdMagic) {
		t.Fatalf("new value is not zstd: % x", zv[:4])
	}
	old := flateValue(t, a)
	s.update(func(tx *bolt.Tx) error { return tx.Bucket(bucketDocs).Put([]byte("a"), old) })
	got, ok, err := s.Doc("a")
	if err != nil || !ok || got.Sections[0].Text != a.Sections[0].Text || got.Title != a.Title {
		t.Fatalf("flate value: %v %v", ok, err)
	}
}

// TestStoreRefusesCorruptValues: a zstd value cut short, with a flipped
// byte, or with bytes after its end reads as missing, never as another
// document.
func TestStoreRefusesCorruptValues(t *testing.T) {
	s, _ := Open(filepath.Join(t.TempDir(), "lib.db"), false)
	a := doc("a", strings.Repeat("Chi bộ lãnh đạo toàn diện. ", 200))
	enc, err := Encode(a)
	if err != nil {
		t.Fatal(err)
	}
	good := enc.doc
	flipped := bytes.Clone(good)
	flipped[len(flipped)/2] ^= 0x40
	padded := append(bytes.Clone(good), good...)
	padded = append(padded, 1, 2, 3)
	for name, v := range map[string][]byte{"cut": good[:len(good)-7], "flipped": flipped, "padded": padded, "magic only": zstdMagic} {
		s.Apply(Change{Record: rec(a), Encoded: enc})
		s.update(func(tx *bolt.Tx) error { return tx.Bucket(bucketDocs).Put([]byte("a"), v) })
		if d, ok, err := s.Doc("a"); ok || err != nil || d != nil {
			t.Errorf("%s value: %v %v %v", name, d != nil, ok, err)
		}
	}
	// Encoded as Apply would: what Apply writes from it reads back.
	s.Apply(Change{Record: rec(a), Encoded: enc})
	if d, ok, _ := s.Doc("a"); !ok || d.Sections[0].Text != a.Sections[0].Text {
		t.Error("pre-encoded document does not read back")
	}
}

// TestStoreFileFollowsData: the file grows by little more than what is
// written (bbolt's default grows it 16 MB at a time past 16 MB).
func TestStoreFileFollowsData(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 20 MB")
	}
	path := filepath.Join(t.TempDir(), "lib.db")
	s, _ := Open(path, false)
	rnd := rand.New(rand.NewPCG(1, 2))
	for i := range 20 {
		b := make([]byte, 768<<10)
		for j := range b {
			b[j] = byte(rnd.IntN(256))
		}
		d := doc(fmt.Sprint("d", i), base64.StdEncoding.EncodeToString(b)) // 1 MB that does not compress much
		if _, err := s.Apply(Change{Record: rec(d), Doc: d}); err != nil {
			t.Fatal(err)
		}
	}
	var used int64
	s.view(func(tx *bolt.Tx) error { used = tx.Size(); return nil })
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if used < 15<<20 || info.Size() > used+3*allocStep {
		t.Errorf("file %d bytes for %d used", info.Size(), used)
	}
}
