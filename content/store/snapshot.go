package store

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"time"

	bolt "go.etcd.io/bbolt"

	"chibo/content/compact"
	"chibo/content/model"
)

// The catalogue snapshot: the whole catalogue as one value, in a compact
// binary encoding, so that opening the library reads one contiguous value
// and makes two allocations instead of walking thousands of bbolt pages
// and decoding one JSON record per document (on a library of 7,000
// documents, 60 % of what `chibo list` cost).
//
// The catalog bucket (one JSON Record per document) stays the truth and
// is written exactly as before, so older chibo versions read and write
// the store unchanged. The snapshot is derived data, valid only for the
// bbolt transaction that wrote it: it holds that transaction's ID, and a
// reader uses it only when the store's last committed transaction is
// still that one. Any write by any process — this version, an older one,
// a reconcile, an import, a failure recorded — commits a new transaction
// and so makes the snapshot stale, without anyone having to know about it;
// a stale or damaged snapshot is ignored and the catalogue read record by
// record, as before. The library writes a new snapshot after it read a
// stale one (SaveSnapshot), in a transaction of its own that changes
// nothing else, and gives up when another process wrote meanwhile.
var (
	bucketSnapshot = []byte("snapshot") // keySnapshot → the encoded catalogue
	keySnapshot    = []byte("catalog")
)

// snapshotVersion is the snapshot's first byte; a snapshot of another
// version is ignored. It must change whenever Record or model.DocInfo
// gain, lose or reorder a field (TestSnapshotCoversRecord fails until the
// encoding follows).
const snapshotVersion = 1

// SnapshotTimeout is how long SaveSnapshot waits for another process's
// write: a snapshot is only a speed-up, not worth waiting for.
var SnapshotTimeout = 200 * time.Millisecond

// Catalogue is the catalogue as read in one read transaction.
type Catalogue struct {
	// Records holds every record, in ID order.
	Records []Record
	// Gen is the store's generation (see Generation) at the read.
	Gen uint64
	// Snapshot says the records came from a current snapshot.
	Snapshot bool
	// tx is the bbolt transaction ID the records are the state of (0 for
	// a store with no file).
	tx uint64
}

// ReadCatalog reads the whole catalogue: from the snapshot when it is
// current, otherwise record by record (a record that cannot be decoded is
// left out: its document is then re-parsed by the library).
func (s *Store) ReadCatalog() (*Catalogue, error) {
	c := &Catalogue{}
	err := s.view(func(tx *bolt.Tx) error {
		if tx == nil {
			return nil
		}
		c.tx = uint64(tx.ID())
		if meta := tx.Bucket(bucketMeta); meta != nil {
			c.Gen = get64(meta.Get(keyGeneration))
		}
		if sb := tx.Bucket(bucketSnapshot); sb != nil {
			if recs, ok := decodeSnapshot(sb.Get(keySnapshot), c.tx); ok {
				c.Records, c.Snapshot = recs, true
				return nil
			}
		}
		b := tx.Bucket(bucketCatalog)
		if b == nil {
			return nil
		}
		// No Stats() to size it: that walks every page of the bucket.
		c.Records = make([]Record, 0, 256)
		return b.ForEach(func(k, v []byte) error {
			var r Record
			if json.Unmarshal(v, &r) == nil && r.ID == string(k) {
				c.Records = append(c.Records, r)
			}
			return nil
		})
	})
	return c, err
}

// errStale rolls back a snapshot write that another process's write
// made pointless.
var errStale = errors.New("store: catalogue changed meanwhile")

// SaveSnapshot writes c as the catalogue snapshot, so that the next reads
// decode one value. It does nothing when c came from a current snapshot,
// when the store is read-only, or when the store was written since c was
// read (c would then not be its state: the next reader snapshots it), and
// waits at most SnapshotTimeout for another process's write. The write
// does not change the store's generation: the catalogue is the same.
// Errors only mean the next open reads record by record again.
func (s *Store) SaveSnapshot(c *Catalogue) error {
	if c == nil || c.Snapshot || c.tx == 0 || s.readOnly {
		return nil
	}
	next := c.tx + 1 // bbolt numbers each write transaction one past the last
	v := encodeSnapshot(c.Records, next)
	_, err := s.write(SnapshotTimeout, false, func(tx *bolt.Tx) error {
		if uint64(tx.ID()) != next {
			return errStale
		}
		b, err := tx.CreateBucketIfNotExists(bucketSnapshot)
		if err != nil {
			return err
		}
		return b.Put(keySnapshot, v)
	})
	if errors.Is(err, errStale) {
		return nil
	}
	return err
}

// The encoding: the version byte, the transaction ID (uvarint), the
// number of records (uvarint), the records, and a CRC-32C of all that
// (4 bytes, big-endian). A record is its twelve strings, each a uvarint
// length and the bytes, in the order ID, Title, Kind, Number, Date,
// Issuer, Source, Hash, File, Key, Parser, Print; then SectionCount,
// TextBytes, Size and MTime (varint), and a flags byte (1: Imported,
// 2: Seed).

func encodeSnapshot(recs []Record, tx uint64) []byte {
	n := 32
	for i := range recs {
		r := &recs[i]
		n += 12*2 + 4*10 + 1 + len(r.ID) + len(r.Title) + len(r.Kind) + len(r.Number) + len(r.Date) + len(r.Issuer) +
			len(r.Source) + len(r.Hash) + len(r.File) + len(r.Key) + len(r.Parser) + len(r.Print)
	}
	b := make([]byte, 0, n)
	b = append(b, snapshotVersion)
	b = binary.AppendUvarint(b, tx)
	b = binary.AppendUvarint(b, uint64(len(recs)))
	str := func(s string) { b = compact.AppendStr(b, s) }
	for i := range recs {
		r := &recs[i]
		str(r.ID)
		str(r.Title)
		str(string(r.Kind))
		str(r.Number)
		str(r.Date)
		str(r.Issuer)
		str(r.Source)
		str(r.Hash)
		str(r.File)
		str(r.Key)
		str(r.Parser)
		str(r.Print)
		b = binary.AppendVarint(b, int64(r.SectionCount))
		b = binary.AppendVarint(b, int64(r.TextBytes))
		b = binary.AppendVarint(b, r.Size)
		b = binary.AppendVarint(b, r.MTime)
		var flags byte
		if r.Imported {
			flags |= 1
		}
		if r.Seed {
			flags |= 2
		}
		b = append(b, flags)
	}
	return compact.Seal(b)
}

// decodeSnapshot decodes v when it is a snapshot of this version written
// by transaction tx, intact; false otherwise. The records' strings share
// one copy of v (v is only valid inside the read transaction).
func decodeSnapshot(v []byte, tx uint64) ([]Record, bool) {
	body, ok := compact.Open(v, snapshotVersion, 1+1+1) // version, stamp, count
	if !ok {
		return nil, false
	}
	d := compact.NewDecoder(body, 1)
	if stamp := d.Uvarint(); d.Bad() || stamp != tx {
		return nil, false
	}
	// A record takes at least 17 bytes: a bound before allocating.
	count := d.Uvarint()
	if d.Bad() || count > uint64(d.Left())/17 {
		return nil, false
	}
	d.Share() // the one copy every string below is part of
	recs := make([]Record, count)
	for i := range recs {
		r := &recs[i]
		r.ID = d.Str()
		r.Title = d.Str()
		r.Kind = model.Kind(d.Str())
		r.Number = d.Str()
		r.Date = d.Str()
		r.Issuer = d.Str()
		r.Source = d.Str()
		r.Hash = d.Str()
		r.File = d.Str()
		r.Key = d.Str()
		r.Parser = d.Str()
		r.Print = d.Str()
		r.SectionCount = int(d.Varint())
		r.TextBytes = int(d.Varint())
		r.Size = d.Varint()
		r.MTime = d.Varint()
		flags := d.Byte()
		if d.Bad() || flags&^3 != 0 {
			return nil, false
		}
		r.Imported, r.Seed = flags&1 != 0, flags&2 != 0
	}
	if d.Left() != 0 {
		return nil, false
	}
	return recs, true
}
