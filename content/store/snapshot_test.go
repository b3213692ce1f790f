package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path/filepath"
	"reflect"
	"testing"

	bolt "go.etcd.io/bbolt"

	"chibo/content/compact"
	"chibo/content/model"
)

// fullRecord is a Record with every field, of DocInfo too, set to a value
// of its own (reflection: a field added later is set as well).
func fullRecord(t *testing.T, seed int) Record {
	t.Helper()
	var r Record
	n := 0
	var fill func(v reflect.Value)
	fill = func(v reflect.Value) {
		for i := 0; i < v.NumField(); i++ {
			f := v.Field(i)
			n++
			switch f.Kind() {
			case reflect.Struct:
				fill(f)
			case reflect.String:
				f.SetString(fmt.Sprintf("%s-%d-%d ý", v.Type().Field(i).Name, seed, n))
			case reflect.Int, reflect.Int64:
				f.SetInt(int64(1000*seed + n))
			case reflect.Bool:
				f.SetBool(true)
			default:
				t.Fatalf("Record field %s of kind %s: teach the snapshot (and this test) about it", v.Type().Field(i).Name, f.Kind())
			}
		}
	}
	fill(reflect.ValueOf(&r).Elem())
	r.MTime = -r.MTime // signed
	return r
}

// TestSnapshotCoversRecord: every field of a record survives the
// snapshot, so a field added to Record or DocInfo without its place in
// the encoding (and a new snapshotVersion) fails here.
func TestSnapshotCoversRecord(t *testing.T) {
	recs := []Record{fullRecord(t, 1), fullRecord(t, 2), {DocInfo: model.DocInfo{ID: "trống"}}}
	recs[1].Seed, recs[1].DocInfo.Imported = false, false
	v := encodeSnapshot(recs, 42)
	got, ok := decodeSnapshot(v, 42)
	if !ok || !reflect.DeepEqual(got, recs) {
		t.Fatalf("round trip: ok %v\n got %+v\nwant %+v", ok, got, recs)
	}
	if _, ok := decodeSnapshot(v, 43); ok {
		t.Error("a snapshot of transaction 42 read as transaction 43's")
	}
}

// TestSnapshotRefusesDamage: a snapshot cut short, with a byte changed,
// of another version or with bytes after its end is not used (and never
// panics): the catalogue is then read record by record.
func TestSnapshotRefusesDamage(t *testing.T) {
	recs := []Record{fullRecord(t, 1), fullRecord(t, 2)}
	v := encodeSnapshot(recs, 7)
	for n := 0; n < len(v); n++ {
		if _, ok := decodeSnapshot(v[:n], 7); ok {
			t.Fatalf("snapshot cut to %d of %d bytes read", n, len(v))
		}
	}
	for i := range v {
		bad := bytes.Clone(v)
		bad[i] ^= 0x10
		if _, ok := decodeSnapshot(bad, 7); ok {
			t.Fatalf("byte %d changed: read", i)
		}
	}
	if _, ok := decodeSnapshot(append(bytes.Clone(v), 0), 7); ok {
		t.Error("a byte after the end: read")
	}
	// Well-formed as far as the checksum goes, but not as a snapshot.
	for name, body := range map[string][]byte{
		"huge count":          {snapshotVersion, 7, 0xff, 0xff, 0xff, 0xff, 0x0f},
		"string past the end": append([]byte{snapshotVersion, 7, 1, 0x7f}, make([]byte, 20)...),
		"unknown flags":       append(append([]byte{snapshotVersion, 7, 1}, make([]byte, 16)...), 0x80),
	} {
		if _, ok := decodeSnapshot(withCRC(body), 7); ok {
			t.Errorf("%s: read", name)
		}
	}
	// The same shape, well formed: one empty record.
	empty := append(append([]byte{snapshotVersion, 7, 1}, make([]byte, 16)...), 0)
	if got, ok := decodeSnapshot(withCRC(empty), 7); !ok || len(got) != 1 || got[0] != (Record{}) {
		t.Errorf("one empty record: %+v %v", got, ok)
	}
}

func withCRC(b []byte) []byte {
	return compact.Seal(bytes.Clone(b))
}

// TestSnapshotFollowsWrites: a saved snapshot is what the next reads
// use; any write to the store — by this store, or by another program
// through bbolt alone (an older chibo, which knows nothing of snapshots
// and of the generation) — makes it stale, and the records are read one
// by one again. Saving does not change the generation.
func TestSnapshotFollowsWrites(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "lib.db"), false)
	if err != nil {
		t.Fatal(err)
	}
	a, b := doc("a", "Nghị quyết."), doc("b", "Chỉ thị.")
	if _, err := s.Apply(Change{Record: rec(a), Doc: a}, Change{Record: rec(b), Doc: b}); err != nil {
		t.Fatal(err)
	}
	c, err := s.ReadCatalog()
	if err != nil || c.Snapshot || len(c.Records) != 2 {
		t.Fatalf("before any snapshot: %+v %v, want 2 records read one by one", c, err)
	}
	if err := s.SaveSnapshot(c); err != nil {
		t.Fatal(err)
	}
	c2, err := s.ReadCatalog()
	if err != nil || !c2.Snapshot || !reflect.DeepEqual(c2.Records, c.Records) || c2.Gen != c.Gen {
		t.Fatalf("after the snapshot: snapshot %v, gen %d→%d, records %+v, %v", c2.Snapshot, c.Gen, c2.Gen, c2.Records, err)
	}
	// Another program writes a record through bbolt alone.
	other := rec(doc("c", "Kế hoạch."))
	js, _ := json.Marshal(other)
	db, err := bolt.Open(s.Path(), 0o644, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bucketCatalog).Put([]byte("c"), js) })
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	c3, err := s.ReadCatalog()
	if err != nil || c3.Snapshot || len(c3.Records) != 3 || c3.Records[2].ID != "c" {
		t.Fatalf("after another program's write: snapshot %v, %d records, %v; want the 3 records read one by one", c3.Snapshot, len(c3.Records), err)
	}
	// A deletion through this store.
	s.SaveSnapshot(c3)
	if _, err := s.Apply(Change{Record: Record{DocInfo: model.DocInfo{ID: "a"}}, Delete: true}); err != nil {
		t.Fatal(err)
	}
	c4, _ := s.ReadCatalog()
	if c4.Snapshot || len(c4.Records) != 2 || c4.Records[0].ID != "b" {
		t.Fatalf("after a deletion: snapshot %v, records %+v", c4.Snapshot, c4.Records)
	}
}

// TestSnapshotNotSavedOverNewerWrites: a catalogue read before another
// write is not saved as the snapshot (it would hide that write).
func TestSnapshotNotSavedOverNewerWrites(t *testing.T) {
	s, _ := Open(filepath.Join(t.TempDir(), "lib.db"), false)
	a, b := doc("a", "x"), doc("b", "y")
	s.Apply(Change{Record: rec(a), Doc: a})
	old, err := s.ReadCatalog()
	if err != nil || len(old.Records) != 1 {
		t.Fatal(old, err)
	}
	s.Apply(Change{Record: rec(b), Doc: b})
	if err := s.SaveSnapshot(old); err != nil {
		t.Fatal(err)
	}
	c, _ := s.ReadCatalog()
	if c.Snapshot || len(c.Records) != 2 {
		t.Fatalf("after saving a catalogue older than the store: snapshot %v, %d records; want 2 read one by one", c.Snapshot, len(c.Records))
	}
	var has bool
	s.view(func(tx *bolt.Tx) error {
		has = tx.Bucket(bucketSnapshot) != nil && tx.Bucket(bucketSnapshot).Get(keySnapshot) != nil
		return nil
	})
	if has {
		t.Error("the stale catalogue was written")
	}
}

// TestSnapshotReadOnly: a read-only store reads a snapshot another
// process saved, and saving through it writes nothing.
func TestSnapshotReadOnly(t *testing.T) {
	path := filepath.Join(t.TempDir(), "lib.db")
	s, _ := Open(path, false)
	a := doc("a", "x")
	s.Apply(Change{Record: rec(a), Doc: a})
	ro, _ := Open(path, true)
	c, err := ro.ReadCatalog()
	if err != nil || c.Snapshot {
		t.Fatal(c, err)
	}
	if err := ro.SaveSnapshot(c); err != nil {
		t.Fatalf("read-only save: %v, want nothing done", err)
	}
	if c, _ := ro.ReadCatalog(); c.Snapshot {
		t.Fatal("a read-only store wrote a snapshot")
	}
	s.SaveSnapshot(c)
	if c, _ := ro.ReadCatalog(); !c.Snapshot || len(c.Records) != 1 {
		t.Fatalf("read-only store: snapshot %v, %d records", c.Snapshot, len(c.Records))
	}
}

// BenchmarkReadCatalog reads a catalogue of 7,000 records (a 1 GB
// library) record by record, as stores without a current snapshot are
// read, and from its snapshot.
func BenchmarkReadCatalog(b *testing.B) {
	s, err := Open(filepath.Join(b.TempDir(), "lib.db"), false)
	if err != nil {
		b.Fatal(err)
	}
	const n = 7000
	changes := make([]Change, 0, n)
	for i := range n {
		id := fmt.Sprintf("%04d-nghi-quyet-ve-cong-tac-xay-dung-dang", i)
		changes = append(changes, Change{Record: Record{DocInfo: model.DocInfo{ID: id, Title: "Nghị quyết về công tác xây dựng Đảng (bản " + fmt.Sprint(i) + ")",
			Kind: model.KindResolution, Number: fmt.Sprintf("%d-NQ/TW", i), Date: "2024-05-01", Source: id + ".txt",
			Hash: fmt.Sprintf("%064x", i), SectionCount: 120, TextBytes: 150000, Imported: true},
			File: id + ".txt", Size: 140000, MTime: 1796100561008214015, Key: fmt.Sprintf("%032x", i), Parser: "v3", Print: fmt.Sprintf("%064x", i+1)}})
	}
	if _, err := s.Apply(changes...); err != nil {
		b.Fatal(err)
	}
	c, err := s.ReadCatalog()
	if err != nil || len(c.Records) != n {
		b.Fatal(len(c.Records), err)
	}
	b.Run("records", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if c, err := s.ReadCatalog(); err != nil || c.Snapshot || len(c.Records) != n {
				b.Fatal(err)
			}
		}
	})
	if err := s.SaveSnapshot(c); err != nil {
		b.Fatal(err)
	}
	b.Run("snapshot", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if c, err := s.ReadCatalog(); err != nil || !c.Snapshot || len(c.Records) != n {
				b.Fatal(err)
			}
		}
	})
}

// FuzzSnapshot feeds the snapshot decoder well-checksummed bodies of any
// shape: it never panics, never makes more records than the bytes can
// hold, and what it accepts encodes and decodes back the same.
func FuzzSnapshot(f *testing.F) {
	var r Record
	r.ID, r.Title, r.Kind, r.File, r.Size, r.MTime, r.Imported = "a", "Nghị quyết", model.KindResolution, "a.txt", 12, -5, true
	good := encodeSnapshot([]Record{r, {}}, 7)
	f.Add(good[2 : len(good)-4]) // after the version and the stamp, before the checksum
	f.Add([]byte{0})
	f.Add([]byte{1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0})
	f.Fuzz(func(t *testing.T, body []byte) {
		v := withCRC(append([]byte{snapshotVersion, 7}, body...))
		recs, ok := decodeSnapshot(v, 7)
		if !ok {
			return
		}
		if len(recs)*17 > len(body) {
			t.Fatalf("%d records from %d bytes", len(recs), len(body))
		}
		again, ok := decodeSnapshot(encodeSnapshot(recs, 7), 7)
		if !ok || !reflect.DeepEqual(again, recs) {
			t.Fatalf("re-encoded: %v\n%+v\n%+v", ok, again, recs)
		}
	})
}
