// Package store keeps the library's parsed documents on disk, in one
// bbolt file: a small catalogue (one Record per document: what lists and
// index planning need) and, apart from it, each parsed document (sections,
// citations) as its own compressed value keyed by document ID, and beside
// it the document's citations alone (Document.Citations). Commands
// read the catalogue and load the one document they show; nothing loads
// the whole library. The catalogue is also kept whole in one value, a
// snapshot valid until the next write (snapshot.go), so that opening a
// library of thousands of documents reads one value, not a record each.
//
// The store is derived data: the originals stay in the library folder,
// and a record is valid only for the file bytes (Record.Key) and parser
// (Record.Parser) it was made from, so a parser change re-parses from the
// originals.
//
// The bbolt file is opened for each operation and closed after it, so
// several chibo processes share it: readers take bbolt's shared file lock
// for one short read transaction, a writer its exclusive lock for one
// short write transaction (one document's commit). Nobody holds it
// between operations, so an import in one process never freezes another
// for longer than one commit. Every write is one bbolt transaction, synced
// before it returns: a process killed at any moment leaves the previous or
// the next state, never a mix.
package store

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"encoding/gob"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"syscall"
	"time"

	"github.com/klauspost/compress/zstd"
	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"

	"chibo/content/model"
)

var (
	bucketCatalog = []byte("catalog") // ID → JSON Record
	bucketDocs    = []byte("docs")    // ID → zstd(gob(model.Document)) (or flate: written before)
	bucketCites   = []byte("cites")   // ID → zstd(gob(Document.Citations())) (or flate)
	bucketMeta    = []byte("meta")    // "generation" → uint64, "format" → formatVersion
	// and bucketSnapshot: the whole catalogue in one value (snapshot.go)
	keyGeneration = []byte("generation")
	keyFormat     = []byte("format")
)

// formatVersion changes when the layout of the file changes; a store of
// another format is emptied (it is rebuilt from the library's files).
const formatVersion = 2 // 2: the cites bucket

// allocStep is how much the file grows beyond what a write needs.
const allocStep = 1 << 20

// LockTimeout is how long an operation waits for another process's
// transaction (one commit: milliseconds) before failing with ErrBusy.
var LockTimeout = 5 * time.Second

// ErrBusy is returned when another process held the store for longer
// than LockTimeout.
var ErrBusy = errors.New("store: in use by another chibo process")

// ErrReadOnly is returned by writes on a store opened read-only.
var ErrReadOnly = errors.New("store: opened read-only")

// Record is one document's catalogue entry: its DocInfo plus what tells
// whether the stored parse is still the file's.
type Record struct {
	model.DocInfo
	// File is the library file's name; for a seed, the seed's name.
	File string `json:"file"`
	Seed bool   `json:"seed,omitempty"`
	// Size and MTime (Unix nanoseconds) of File when it was parsed: when
	// both still match, the file is not read again at open.
	Size  int64 `json:"size"`
	MTime int64 `json:"mtime"`
	// Key is a hash of the file's bytes; Parser the parser's stamp.
	Key    string `json:"key"`
	Parser string `json:"parser"`
	// Print identifies the text whatever its format (content's
	// fingerprint), to tell a duplicate import without loading documents.
	Print string `json:"print,omitempty"`
}

// Store is one bbolt file. Its zero value is not usable; see Open.
type Store struct {
	path     string
	readOnly bool
}

// Open returns the store at path (a file). Unless readOnly, it creates
// the file and its buckets when missing; when the folder cannot be
// written it falls back to read-only (ReadOnly then says true). A
// read-only store whose file does not exist reads as empty.
func Open(path string, readOnly bool) (*Store, error) {
	s := &Store{path: path, readOnly: readOnly}
	if readOnly {
		return s, nil
	}
	if f, err := os.OpenFile(path, os.O_RDWR, 0); err == nil {
		f.Close()
		if s.ready() {
			return s, nil // the usual case: nothing to write
		}
	} else if notWritable(err) {
		s.readOnly = true
		return s, nil
	}
	err := os.MkdirAll(filepath.Dir(path), 0o755)
	if err == nil {
		_, err = s.update(func(tx *bolt.Tx) error {
			meta, err := tx.CreateBucketIfNotExists(bucketMeta)
			if err != nil {
				return err
			}
			if v := meta.Get(keyFormat); v != nil && string(v) != fmt.Sprint(formatVersion) {
				// Another layout: start empty, the library re-parses.
				for _, b := range [][]byte{bucketCatalog, bucketDocs, bucketCites, bucketSnapshot} {
					if tx.Bucket(b) != nil {
						if err := tx.DeleteBucket(b); err != nil {
							return err
						}
					}
				}
			}
			if err := meta.Put(keyFormat, []byte(fmt.Sprint(formatVersion))); err != nil {
				return err
			}
			for _, b := range [][]byte{bucketCatalog, bucketDocs, bucketCites} {
				if _, err := tx.CreateBucketIfNotExists(b); err != nil {
					return err
				}
			}
			return nil
		})
	}
	if notWritable(err) {
		s.readOnly = true
		return s, nil
	}
	if err != nil {
		return nil, err
	}
	return s, nil
}

// ready says whether the file holds the buckets of this format.
func (s *Store) ready() bool {
	ok := false
	s.view(func(tx *bolt.Tx) error {
		if tx == nil {
			return nil
		}
		meta := tx.Bucket(bucketMeta)
		ok = meta != nil && string(meta.Get(keyFormat)) == fmt.Sprint(formatVersion) &&
			tx.Bucket(bucketCatalog) != nil && tx.Bucket(bucketDocs) != nil && tx.Bucket(bucketCites) != nil
		return nil
	})
	return ok
}

// ReadOnly says whether writes fail with ErrReadOnly.
func (s *Store) ReadOnly() bool { return s.readOnly }

// Path is the store's file.
func (s *Store) Path() string { return s.path }

func notWritable(err error) bool {
	return errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS)
}

// view runs fn in a read transaction of a briefly opened store; a missing
// file reads as an empty store (fn gets a nil tx).
func (s *Store) view(fn func(tx *bolt.Tx) error) error {
	if _, err := os.Stat(s.path); errors.Is(err, fs.ErrNotExist) {
		return fn(nil)
	}
	db, err := bolt.Open(s.path, 0o644, &bolt.Options{ReadOnly: true, Timeout: LockTimeout})
	if err != nil {
		return openError(err)
	}
	defer db.Close()
	return db.View(fn)
}

// update runs fn in one write transaction, synced before it returns, and
// returns the store's new generation.
func (s *Store) update(fn func(tx *bolt.Tx) error) (uint64, error) {
	return s.write(LockTimeout, true, fn)
}

// write is update waiting at most timeout for another process's
// transaction, and changing the generation only when bump is set (a
// write that leaves the catalogue as it was, such as its snapshot, need
// not make other processes read it again).
func (s *Store) write(timeout time.Duration, bump bool, fn func(tx *bolt.Tx) error) (uint64, error) {
	if s.readOnly {
		return 0, ErrReadOnly
	}
	db, err := bolt.Open(s.path, 0o644, &bolt.Options{Timeout: timeout})
	if err != nil {
		return 0, openError(err)
	}
	// The file grows by what a write needs plus allocStep, not by
	// bbolt's 16 MB: a 29 MB store takes 30 MB on disk, not 48.
	db.AllocSize = allocStep
	var gen uint64
	err = db.Update(func(tx *bolt.Tx) error {
		if err := fn(tx); err != nil {
			return err
		}
		if meta := tx.Bucket(bucketMeta); meta != nil {
			gen = get64(meta.Get(keyGeneration))
			if bump {
				gen++
				return meta.Put(keyGeneration, u64(gen))
			}
		}
		return nil
	})
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	return gen, err
}

func openError(err error) error {
	if errors.Is(err, bolterrors.ErrTimeout) {
		return ErrBusy
	}
	return err
}

func u64(n uint64) []byte { return binary.BigEndian.AppendUint64(nil, n) }

func get64(b []byte) uint64 {
	if len(b) != 8 {
		return 0
	}
	return binary.BigEndian.Uint64(b)
}

// Generation is a number that changes with every write to the store, by
// any process: compare it to see whether the catalogue changed. 0 for a
// missing store.
func (s *Store) Generation() (uint64, error) {
	var g uint64
	err := s.view(func(tx *bolt.Tx) error {
		if tx != nil {
			if meta := tx.Bucket(bucketMeta); meta != nil {
				g = get64(meta.Get(keyGeneration))
			}
		}
		return nil
	})
	return g, err
}

// Catalog returns every record, in ID order, and the generation they
// were read at (see ReadCatalog).
func (s *Store) Catalog() ([]Record, uint64, error) {
	c, err := s.ReadCatalog()
	if err != nil {
		return nil, 0, err
	}
	return c.Records, c.Gen, nil
}

// Doc loads the parsed document id; ok is false when the store does not
// hold it (or holds it unreadable).
func (s *Store) Doc(id string) (d *model.Document, ok bool, err error) {
	err = s.view(func(tx *bolt.Tx) error {
		if tx == nil {
			return nil
		}
		b := tx.Bucket(bucketDocs)
		if b == nil {
			return nil
		}
		v := b.Get([]byte(id))
		if v == nil {
			return nil
		}
		d, err = decodeDoc(v) // v is only valid inside the transaction
		if err != nil {
			d, err = nil, nil
		}
		return nil
	})
	return d, d != nil, err
}

// Docs loads several documents in one read transaction, calling fn for
// each one held, in the order of ids; fn's error stops the walk.
func (s *Store) Docs(ids []string, fn func(*model.Document) error) error {
	return s.docs(bucketDocs, ids, fn)
}

// Citations is Docs for the documents' Citations() (no text): what lists
// of cited directives need, a small part of each document.
func (s *Store) Citations(ids []string, fn func(*model.Document) error) error {
	return s.docs(bucketCites, ids, fn)
}

func (s *Store) docs(bucket []byte, ids []string, fn func(*model.Document) error) error {
	return s.view(func(tx *bolt.Tx) error {
		if tx == nil {
			return nil
		}
		b := tx.Bucket(bucket)
		if b == nil {
			return nil
		}
		for _, id := range ids {
			v := b.Get([]byte(id))
			if v == nil {
				continue
			}
			d, err := decodeDoc(v)
			if err != nil {
				continue
			}
			if err := fn(d); err != nil {
				return err
			}
		}
		return nil
	})
}

// Change is one write: a record and its document to put, or (Doc nil and
// Delete set) an ID to delete. A Change with only Record (Doc nil, Delete
// false) updates the catalogue entry and keeps the stored document.
type Change struct {
	Record Record
	Doc    *model.Document
	Delete bool
	// Encoded, when not nil, is Doc already encoded (Encode): Apply then
	// writes it as it is. Encoding is most of a commit's cost, and this
	// lets an import do it in its parallel workers, outside the library's
	// lock.
	Encoded *Encoded
}

// Encoded is a document in the store's encoding, ready to write.
type Encoded struct {
	doc, cites []byte
}

// Encode encodes d as Apply would (d is only read; safe to call from
// several goroutines at once). The result is valid as long as d is not
// changed.
func Encode(d *model.Document) (*Encoded, error) {
	doc, err := encodeDoc(d)
	if err != nil {
		return nil, err
	}
	cites, err := encodeDoc(d.Citations())
	if err != nil {
		return nil, err
	}
	return &Encoded{doc: doc, cites: cites}, nil
}

// Size is the bytes the encoded document takes.
func (e *Encoded) Size() int { return len(e.doc) + len(e.cites) }

// Apply writes changes in one transaction, all of them or none, and
// returns the store's new generation.
func (s *Store) Apply(changes ...Change) (uint64, error) {
	type enc struct {
		id              []byte
		rec, doc, cites []byte
		del             bool
	}
	encs := make([]enc, 0, len(changes))
	for _, c := range changes {
		e := enc{id: []byte(c.Record.ID), del: c.Delete}
		if !c.Delete {
			var err error
			if e.rec, err = json.Marshal(c.Record); err != nil {
				return 0, err
			}
			switch {
			case c.Encoded != nil:
				e.doc, e.cites = c.Encoded.doc, c.Encoded.cites
			case c.Doc != nil:
				enc, err := Encode(c.Doc)
				if err != nil {
					return 0, err
				}
				e.doc, e.cites = enc.doc, enc.cites
			}
		}
		encs = append(encs, e)
	}
	return s.update(func(tx *bolt.Tx) error {
		cat, docs, cites := tx.Bucket(bucketCatalog), tx.Bucket(bucketDocs), tx.Bucket(bucketCites)
		if cat == nil || docs == nil || cites == nil {
			return errors.New("store: buckets missing")
		}
		for _, e := range encs {
			if e.del {
				if err := cat.Delete(e.id); err != nil {
					return err
				}
				if err := docs.Delete(e.id); err != nil {
					return err
				}
				if err := cites.Delete(e.id); err != nil {
					return err
				}
				continue
			}
			if err := cat.Put(e.id, e.rec); err != nil {
				return err
			}
			if e.doc != nil {
				if err := docs.Put(e.id, e.doc); err != nil {
					return err
				}
				if err := cites.Put(e.id, e.cites); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// encodeDoc is gob compressed with zstd (github.com/klauspost/compress):
// the markdown and plain text of a section are neighbours, so the second
// costs little. The document goes into the gob stream without its
// sections, then each section as a value of its own. (A value written
// whole, as before, reads the same: the document, with its sections, then
// nothing.) zstd, at its default level, makes values some 10 % smaller
// than flate at level 4 did, in a third of the time, and reads back ten
// times faster.
func encodeDoc(d *model.Document) ([]byte, error) {
	var buf bytes.Buffer
	head := *d
	head.Sections = nil
	enc := gob.NewEncoder(&buf)
	if err := enc.Encode(&head); err != nil {
		return nil, err
	}
	for _, s := range d.Sections {
		if err := enc.Encode(s); err != nil {
			return nil, err
		}
	}
	return zstdEncoder().EncodeAll(buf.Bytes(), make([]byte, 0, buf.Len()/6+64)), nil
}

// zstdMagic starts every zstd frame. A value without it was written by an
// older chibo with flate, which cannot start so: a raw deflate stream
// starting 0x28 is a stored block whose two length fields (b5 2f, fd ..)
// are not each other's complement.
var zstdMagic = []byte{0x28, 0xb5, 0x2f, 0xfd}

// maxDecoded bounds what one value may decode to (a stored document is
// at most some 10 times the largest file chibo imports).
const maxDecoded = 4 << 30

var (
	zencOnce sync.Once
	zenc     *zstd.Encoder
	zdecOnce sync.Once
	zdec     *zstd.Decoder
)

// zstdEncoder is the process's encoder; EncodeAll may be called from
// several goroutines, each using one of GOMAXPROCS inner encoders.
func zstdEncoder() *zstd.Encoder {
	zencOnce.Do(func() {
		// A 1 MB window and zstd's lower-memory mode: the encoders keep
		// 5 MB instead of 36 MB for the rest of the process (an import's
		// index build then runs with that much less headroom), and only a
		// section over 1 MB loses the markdown–text repetition.
		zenc, _ = zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedDefault),
			zstd.WithEncoderConcurrency(runtime.GOMAXPROCS(0)), zstd.WithEncoderCRC(true),
			zstd.WithWindowSize(1<<20), zstd.WithLowerEncoderMem(true))
	})
	return zenc
}

func zstdDecoder() *zstd.Decoder {
	zdecOnce.Do(func() {
		zdec, _ = zstd.NewReader(nil, zstd.WithDecoderConcurrency(runtime.GOMAXPROCS(0)),
			zstd.WithDecoderMaxMemory(maxDecoded), zstd.IgnoreChecksum(false))
	})
	return zdec
}

func decodeDoc(v []byte) (*model.Document, error) {
	var r io.Reader
	if bytes.HasPrefix(v, zstdMagic) {
		raw, err := zstdDecoder().DecodeAll(v, nil)
		if err != nil {
			return nil, fmt.Errorf("store: %w", err)
		}
		r = bytes.NewReader(raw)
	} else {
		zr := flate.NewReader(bytes.NewReader(v))
		defer zr.Close()
		r = zr
	}
	var d model.Document
	dec := gob.NewDecoder(r)
	if err := dec.Decode(&d); err != nil {
		return nil, err
	}
	// Then its sections, one value each, up to the end: a truncated or
	// padded value is not this one.
	for {
		s := new(model.Section)
		err := dec.Decode(s)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("store: %w", err)
		}
		d.Sections = append(d.Sections, s)
	}
	return &d, nil
}

// bucketFailed holds the library files that could not be parsed: file
// name → JSON Failure. It is created at the first failure (stores written
// before it read as having none).
var bucketFailed = []byte("failed")

// Failure records a library file the parser could not read, with what
// tells whether it is still the same file and parser, so the library does
// not read and parse it again at every open (a 50 MB PDF with no text
// would cost seconds each time). Problem, Detail and Err are what content
// needs to describe the failure again.
type Failure struct {
	File    string `json:"file"`
	Size    int64  `json:"size"`
	MTime   int64  `json:"mtime"` // Unix nanoseconds
	Parser  string `json:"parser"`
	Problem string `json:"problem"`
	Detail  string `json:"detail,omitempty"`
	Err     string `json:"err,omitempty"`
}

// Failures returns the recorded failures by file name; none for a store
// without the bucket. An entry that cannot be decoded is left out (the
// file is then parsed again).
func (s *Store) Failures() (map[string]Failure, error) {
	out := map[string]Failure{}
	err := s.view(func(tx *bolt.Tx) error {
		if tx == nil {
			return nil
		}
		b := tx.Bucket(bucketFailed)
		if b == nil {
			return nil
		}
		return b.ForEach(func(k, v []byte) error {
			var f Failure
			if json.Unmarshal(v, &f) == nil {
				out[string(k)] = f
			}
			return nil
		})
	})
	return out, err
}

// SetFailures records put and forgets the files named in del, in one
// transaction.
func (s *Store) SetFailures(put []Failure, del []string) error {
	encs := make([][]byte, len(put))
	for i, f := range put {
		var err error
		if encs[i], err = json.Marshal(f); err != nil {
			return err
		}
	}
	_, err := s.update(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucketIfNotExists(bucketFailed)
		if err != nil {
			return err
		}
		for _, name := range del {
			if err := b.Delete([]byte(name)); err != nil {
				return err
			}
		}
		for i, f := range put {
			if err := b.Put([]byte(f.File), encs[i]); err != nil {
				return err
			}
		}
		return nil
	})
	return err
}
