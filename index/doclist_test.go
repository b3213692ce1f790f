package index

import (
	"encoding/json"
	"fmt"
	"reflect"
	"testing"
)

// sampleDocList is n documents shaped like a library's: Vietnamese
// titles, hex hashes, some with a number and a year.
func sampleDocList(n int) map[string]*docMeta {
	part := make(map[string]*docMeta, n)
	for i := range n {
		m := &docMeta{
			Hash:     fmt.Sprintf("%064x", i*7919),
			Title:    fmt.Sprintf("Luật số %d về quyền lợi của đảng viên và nghĩa vụ công dân", i),
			Kind:     "luat",
			TitleLen: 60 + i%40,
			HeadLen:  i * 31,
			TextLen:  i * 997,
			Count:    i % 300,
		}
		if i%3 == 0 {
			m.Number, m.Year = fmt.Sprintf("%d/2025/QH15", i), 2025
		}
		if m.Count > 0 {
			m.First = "dieu-1"
		}
		part[fmt.Sprintf("luat-%05d", i)] = m
	}
	return part
}

func TestDocListRoundTrip(t *testing.T) {
	for _, n := range []int{0, 1, 7, 300} {
		want := sampleDocList(n)
		got, err := unmarshalDocList(marshalDocList(want))
		if err != nil {
			t.Fatalf("%d documents: %v", n, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%d documents: round trip differs", n)
		}
	}
	// Large numbers survive (a 60 MB text's length).
	big := map[string]*docMeta{"a": {TextLen: 1 << 33, HeadLen: 300 << 20, Year: 2026}}
	got, err := unmarshalDocList(marshalDocList(big))
	if err != nil || got["a"].TextLen != 1<<33 || got["a"].HeadLen != 300<<20 {
		t.Fatalf("large lengths: %v %+v", err, got["a"])
	}
}

// Lists written as JSON by earlier versions still open: no rebuild.
func TestDocListReadsJSON(t *testing.T) {
	want := sampleDocList(20)
	raw, err := json.Marshal(want)
	if err != nil {
		t.Fatal(err)
	}
	got, err := unmarshalDocList(raw)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatal("JSON list read differently")
	}
	if got, err := unmarshalDocList([]byte("{}")); err != nil || len(got) != 0 {
		t.Fatalf("empty JSON list: %v, %d documents", err, len(got))
	}
}

// Any damage is an error, never a partial list or a panic: a shard whose
// list cannot be read is rebuilt.
func TestDocListDamaged(t *testing.T) {
	good := marshalDocList(sampleDocList(5))
	if _, err := unmarshalDocList(good); err != nil {
		t.Fatal(err)
	}
	bad := 0
	for i := range good {
		b := append([]byte(nil), good...)
		b[i] ^= 0x21
		if _, err := unmarshalDocList(b); err != nil {
			bad++
		}
	}
	// A flip of the first byte can make a JSON-looking list, which JSON
	// refuses too; every other flip breaks the checksum.
	if bad != len(good) {
		t.Fatalf("%d of %d flipped bytes were read as a list", len(good)-bad, len(good))
	}
	for n := range len(good) {
		if _, err := unmarshalDocList(good[:n]); err == nil {
			t.Fatalf("a list cut at %d of %d bytes was read", n, len(good))
		}
	}
}

func FuzzDocList(f *testing.F) {
	f.Add(marshalDocList(sampleDocList(3)))
	f.Add([]byte("{}"))
	f.Add([]byte(`{"a":null}`))
	f.Add([]byte{docListBinary, 0xff, 0xff, 0xff, 0xff, 0x0f, 0, 0, 0, 0})
	f.Fuzz(func(t *testing.T, raw []byte) {
		part, err := unmarshalDocList(raw)
		if err != nil {
			return
		}
		// What decodes survives a round trip unchanged.
		again, err := unmarshalDocList(marshalDocList(part))
		if err != nil || !reflect.DeepEqual(again, part) {
			t.Fatalf("decoded list does not round-trip: %v", err)
		}
	})
}

// BenchmarkDocList: decoding a 7,000-document list (a 1 GB library's),
// binary against the JSON earlier versions wrote.
func BenchmarkDocList(b *testing.B) {
	part := sampleDocList(7000)
	bin := marshalDocList(part)
	js, _ := json.Marshal(part)
	b.Run("binary", func(b *testing.B) {
		b.SetBytes(int64(len(bin)))
		for b.Loop() {
			if _, err := unmarshalDocList(bin); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("json", func(b *testing.B) {
		b.SetBytes(int64(len(js)))
		for b.Loop() {
			if _, err := unmarshalDocList(js); err != nil {
				b.Fatal(err)
			}
		}
	})
}
