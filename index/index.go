package index

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
	"unicode/utf8"

	"chibo/content"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/util"
	index "github.com/blevesearch/bleve_index_api"
	"golang.org/x/text/unicode/norm"
)

// schemaVersion changes whenever the mapping, the analysis or what is
// stored changes; an index of another version is rebuilt, never read.
const schemaVersion = 13 // 10: section lists apart from the document list (13: compressed); 11: the headings above a section in its matching field; 12: heading, path and text stored as one zstd value

// Field names, kept short: they are repeated in every segment.
const (
	fAll     = "a"    // folded words of title, heading and text: matching
	fShingle = "s"    // folded two-word shingles of title, heading and text
	fKind    = "kind" // content.Kind
	fYear    = "year" // "2023"
	fDoc     = "doc"  // document ID
	fRef     = "ref"  // folded directive symbols cited by the section
	fStored  = "x"    // stored only: heading, breadcrumb joined by pathSep and plain text, packed (packStored)
)

const (
	pathSep = "\x1f"
	idSep   = "\x1f"       // bleve ID = doc ID + idSep + section ID
	docsKey = "chibo.docs" // doc ID → docMeta (doclist.go), read at every open
	// sectionsKey held each document's section IDs (compressed JSON) up to
	// chibo of November 2026; an update now asks the shard (sectionIDs)
	// and deletes the old list from each shard it writes.
	sectionsKey = "chibo.sections"
	metaFile    = "meta.json"
	lockFile    = "lock"
	livePrefix  = "live-"
	buildPrefix = "build-"
)

var (
	// ErrBusy is returned when another chibo process holds the index for
	// longer than Options.Wait (typically while it builds it).
	ErrBusy = errors.New("index: in use by another chibo process")
	// ErrReadOnly is returned by Sync and Rebuild on a read-only index.
	ErrReadOnly = errors.New("index: opened read-only")
)

// ReadOnlyError is what Sync and Rebuild return when the index needs
// writing but its folder cannot be written (a data folder the user may
// read, not write): the index answers as it is, it is never updated. It
// is ErrReadOnly for errors.Is.
type ReadOnlyError struct {
	Dir     string // the index folder
	Missing bool   // there is no usable index at all
}

func (e *ReadOnlyError) Error() string {
	return "index: " + e.Dir + " is read-only; the index cannot be updated"
}

// Is makes a ReadOnlyError an ErrReadOnly.
func (e *ReadOnlyError) Is(target error) bool { return target == ErrReadOnly }

// readerGrace is how long Sync waits for processes that only read the
// index (a search finishing) before giving up with ErrBusy: one that
// keeps it open (the app) would hold it for hours, so waiting the whole
// Options.Wait for it only delays the message.
const readerGrace = 750 * time.Millisecond

// Options say how to open the index.
type Options struct {
	// ReadOnly never writes: Sync and Rebuild return ErrReadOnly.
	ReadOnly bool
	// Wait is how long to wait for another chibo process that holds the
	// index before giving up with ErrBusy (0: try once).
	Wait time.Duration
	// Workers is how many shards a build writes at once (0: one per
	// core).
	Workers int
}

// Index is the search index of one library. Between updates it is open
// read-only under a shared lock, so several chibo processes can search at
// once; Sync and Rebuild take the exclusive lock only while they write.
type Index struct {
	dir      string
	opts     Options
	lock     *os.File // nil when the folder is read-only and has no lock file
	readOnly bool     // the folder cannot be written: searching only

	mu      sync.RWMutex // guards everything below
	bi      *shardSet    // nil when there is no usable index yet
	shards  int          // number of shards in the live index
	live    string       // directory name of the live index
	docs    map[string]*docMeta
	stats   corpusStats
	damaged bool // the index on disk could not be read: rebuild
	closed  bool
	dfMu    sync.Mutex
	dfCache map[string]int // document frequencies of the live view
}

// docMeta is what the index remembers of each document: its hash (to see
// what changed), what hits show, and the sizes ranking needs.
type docMeta struct {
	Hash     string `json:"h"`
	Title    string `json:"t"`
	Kind     string `json:"k"`
	Year     int    `json:"y,omitempty"`
	Number   string `json:"n,omitempty"` // its own số/ký hiệu: a search for it lands on the document
	TitleLen int    `json:"tl"`          // bytes of title, once per section
	HeadLen  int    `json:"hl"`          // bytes of all headings
	TextLen  int    `json:"xl"`          // bytes of all texts
	Count    int    `json:"ns"`          // sections
	First    string `json:"f,omitempty"` // the first section's ID: where a search for the document's number lands
	Shard    int    `json:"-"`           // which shard holds it (each shard lists its own)
	// Sections are the IDs of its sections, in order: filled while
	// building and updating, for Count and First; not stored (an update
	// finds a document's sections in its shard, see sectionIDs), so that
	// opening the index — every search process — copies no list of the
	// 1.4 million sections of a 1 GB library.
	Sections []string `json:"-"`
}

// encodeDocList is a shard's document list as stored under docsKey; it
// sets the Count and First of each docMeta that has Sections (those built
// or written in this run; the others keep what the list said).
func encodeDocList(part map[string]*docMeta) []byte {
	for _, m := range part {
		if m.Sections == nil {
			continue
		}
		m.Count = len(m.Sections)
		m.First = m.Sections[0]
	}
	return marshalDocList(part)
}

// corpusStats are the collection sizes BM25 needs, summed from docMeta.
type corpusStats struct {
	sections                int
	titleLen, headLen, text float64 // averages, in bytes
}

type diskMeta struct {
	Schema int    `json:"schema"`
	Live   string `json:"live"`
	Shards int    `json:"shards"`
}

// Open opens (creating if needed) the index in dir. It never blocks for
// longer than opts.Wait: when another chibo process is building the index
// it returns ErrBusy. An index of another schema version, or one that
// cannot be read, is treated as missing: NeedsSync reports true and the
// next Sync rebuilds it.
func Open(dir string, opts Options) (*Index, error) {
	ix := &Index{dir: dir, opts: opts, docs: map[string]*docMeta{}}
	f, err := openLock(dir)
	if notWritable(err) {
		// A folder the user may read but not write: search what is
		// there, under a shared lock when the lock file exists (flock
		// works on a file open for reading), never write.
		ix.readOnly = true
		f, err = os.Open(filepath.Join(dir, lockFile))
		if errors.Is(err, fs.ErrNotExist) {
			f, err = nil, nil
		}
	}
	if err != nil {
		return nil, err
	}
	ix.lock = f
	if !opts.ReadOnly && !ix.readOnly {
		// Tidy up after a killed build while nobody else uses the index.
		if ok, _ := tryLock(f, true); ok {
			ix.removeStale()
		}
	}
	if err := ix.waitLock(false, opts.Wait); err != nil {
		ix.closeLock()
		return nil, err
	}
	ix.openLive()
	return ix, nil
}

// openLock creates the index folder and opens its lock file for writing.
func openLock(dir string) (*os.File, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	return os.OpenFile(filepath.Join(dir, lockFile), os.O_RDWR|os.O_CREATE, 0o644)
}

// notWritable says whether err means the folder may not be written.
func notWritable(err error) bool {
	return errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS)
}

// ReadOnly says whether the index folder cannot be written: the index is
// searched as it is and Sync fails with a ReadOnlyError when it is behind.
func (ix *Index) ReadOnly() bool { return ix.readOnly }

func (ix *Index) closeLock() error {
	if ix.lock == nil {
		return nil
	}
	unlock(ix.lock)
	return ix.lock.Close()
}

// waitLock takes the shared or exclusive lock, retrying until wait passes.
// An exclusive lock held off only by readers is given up sooner (after
// readerGrace): a reader that stays, like the app, would not let go.
func (ix *Index) waitLock(exclusive bool, wait time.Duration) error {
	if ix.lock == nil {
		if exclusive {
			return &ReadOnlyError{Dir: ix.dir}
		}
		return nil
	}
	start := time.Now()
	deadline := start.Add(wait)
	var readersSince time.Time
	for {
		ok, err := tryLock(ix.lock, exclusive)
		if err != nil {
			return err
		}
		if ok {
			return nil
		}
		if time.Now().After(deadline) {
			return ErrBusy
		}
		if exclusive {
			// Is the index only being read? Then the shared lock is
			// free: take it, as a failed upgrade leaves none.
			if shared, _ := tryLock(ix.lock, false); shared {
				if readersSince.IsZero() {
					readersSince = time.Now()
				} else if time.Since(readersSince) > readerGrace {
					return ErrBusy
				}
			} else {
				readersSince = time.Time{}
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func (ix *Index) readOnlyErr() error {
	ix.mu.RLock()
	missing := ix.bi == nil
	ix.mu.RUnlock()
	return &ReadOnlyError{Dir: ix.dir, Missing: missing}
}

func readDiskMeta(dir string) (diskMeta, error) {
	var m diskMeta
	b, err := os.ReadFile(filepath.Join(dir, metaFile))
	if err != nil {
		return m, err
	}
	err = json.Unmarshal(b, &m)
	return m, err
}

// removeStale deletes build directories left by a killed build and live
// directories no longer referenced. The caller holds the exclusive lock.
func (ix *Index) removeStale() {
	m, _ := readDiskMeta(ix.dir)
	if m.Schema != schemaVersion {
		m.Live = ""
	}
	entries, _ := os.ReadDir(ix.dir)
	for _, e := range entries {
		n := e.Name()
		if e.IsDir() && (strings.HasPrefix(n, buildPrefix) || strings.HasPrefix(n, livePrefix) && n != m.Live) {
			os.RemoveAll(filepath.Join(ix.dir, n))
		}
	}
}

// openLive opens the live index read-only. The caller holds a lock and
// ix.mu (or is Open).
func (ix *Index) openLive() {
	ix.bi, ix.live, ix.damaged = nil, "", false
	ix.docs = map[string]*docMeta{}
	ix.stats = corpusStats{}
	ix.dfCache = nil
	m, err := readDiskMeta(ix.dir)
	if err != nil {
		ix.damaged = !errors.Is(err, os.ErrNotExist)
		return
	}
	if m.Schema != schemaVersion || m.Live == "" || m.Shards < 1 {
		ix.damaged = true
		return
	}
	set, docs, err := openShards(filepath.Join(ix.dir, m.Live), m.Shards, true, boltTimeout(ix.opts.Wait))
	if err != nil {
		ix.damaged = true
		return
	}
	ix.bi, ix.live, ix.docs, ix.shards = set, m.Live, docs, m.Shards
	ix.stats = statsOf(docs)
}

func boltTimeout(wait time.Duration) string {
	if wait < 500*time.Millisecond {
		wait = 500 * time.Millisecond
	}
	return wait.String()
}

func statsOf(docs map[string]*docMeta) corpusStats {
	var s corpusStats
	var tl, hl, xl float64
	for _, d := range docs {
		n := d.Count
		s.sections += n
		tl += float64(d.TitleLen * n)
		hl += float64(d.HeadLen)
		xl += float64(d.TextLen)
	}
	if s.sections > 0 {
		n := float64(s.sections)
		s.titleLen, s.headLen, s.text = tl/n, hl/n, xl/n
	}
	return s
}

// Close releases the index and its lock.
func (ix *Index) Close() error {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if ix.closed {
		return nil
	}
	ix.closed = true
	var err error
	if ix.bi != nil {
		err = ix.bi.Close()
		ix.bi = nil
	}
	if cerr := ix.closeLock(); err == nil {
		err = cerr
	}
	return err
}

// Stats describes the index for `chibo bench` and diagnostics.
type Stats struct {
	Documents int   `json:"documents"`
	Sections  int   `json:"sections"`
	DiskBytes int64 `json:"disk_bytes"`
}

// Stats returns the document and section counts and the size on disk.
func (ix *Index) Stats() Stats {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	s := Stats{Documents: len(ix.docs), Sections: ix.stats.sections}
	if ix.live != "" {
		filepath.Walk(filepath.Join(ix.dir, ix.live), func(_ string, fi os.FileInfo, err error) error {
			if err == nil && !fi.IsDir() {
				s.DiskBytes += fi.Size()
			}
			return nil
		})
	}
	return s
}

// plan is what Sync must do.
type plan struct {
	index  []content.DocInfo // new or changed
	remove []string          // IDs of documents gone or changed
}

func (ix *Index) planFor(docs []content.DocInfo) plan {
	var p plan
	seen := make(map[string]bool, len(docs))
	for _, d := range docs {
		seen[d.ID] = true
		m, ok := ix.docs[d.ID]
		// A new reading of the same text (a better title, another kind
		// or year) is a change too: those are indexed fields.
		if !ok || m.Hash != d.Hash || d.Hash == "" || m.Kind != string(d.Kind) || m.Title != nfc(d.Title) || m.Year != yearOf(d.Date) {
			p.index = append(p.index, d)
			if ok {
				p.remove = append(p.remove, d.ID)
			}
		}
	}
	for id := range ix.docs {
		if !seen[id] {
			p.remove = append(p.remove, id)
		}
	}
	return p
}

// NeedsSync says whether Sync has work to do: documents added, changed or
// removed since the index was built, or no usable index on disk. It only
// compares hashes, so the UI can call it to decide on a progress bar.
func (ix *Index) NeedsSync(src Source) bool {
	return ix.needsSync(src.Catalog())
}

func (ix *Index) needsSync(docs []content.DocInfo) bool {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if ix.bi == nil {
		return len(docs) > 0 || ix.damaged
	}
	p := ix.planFor(docs)
	return len(p.index) > 0 || len(p.remove) > 0
}

// SyncSize says how many documents Sync would (re)index, for deciding
// whether a progress bar is worth showing.
func (ix *Index) SyncSize(src Source) int {
	docs := src.Catalog()
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if ix.bi == nil {
		return len(docs)
	}
	return len(ix.planFor(docs).index)
}

// Sync brings the index in line with src: documents whose hash changed are
// re-indexed, new ones added, missing ones removed. Small changes are
// applied in place, each batch durable and atomic; large ones (or a
// missing, damaged or outdated index) rebuild from scratch into a new
// directory that replaces the old one only when complete. Cancelling or
// killing the process at any moment leaves a consistent index that the next
// Sync completes. progress is called with documents done and total.
//
// When another chibo process has the index open, Sync waits up to
// Options.Wait and then returns ErrBusy; the index stays usable as it was.
//
// Only src's catalogue is read to plan; the documents to (re)index are
// loaded one at a time, so memory follows the largest document, not the
// library.
func (ix *Index) Sync(ctx context.Context, src Source, progress func(done, total int)) error {
	docs := src.Catalog()
	if !ix.needsSync(docs) {
		return nil
	}
	if ix.opts.ReadOnly {
		return ErrReadOnly
	}
	if ix.readOnly {
		return ix.readOnlyErr()
	}
	ix.mu.Lock()
	if ix.closed {
		ix.mu.Unlock()
		return errClosed
	}
	if err := ix.exclusive(); err != nil {
		ix.mu.Unlock()
		return err
	}
	// Another process may have synced since we opened: look again.
	if ix.bi != nil {
		ix.bi.Close()
	}
	ix.openLive()
	p := ix.planFor(docs)
	if ix.bi != nil && len(p.index) == 0 && len(p.remove) == 0 {
		ix.shared()
		ix.mu.Unlock()
		return nil
	}
	if ix.bi == nil || len(p.index) > 64 && len(p.index) > len(docs)/2 {
		ix.mu.Unlock()
		return ix.rebuildLocked(ctx, src, docs, progress)
	}
	return ix.update(ctx, p, src, docs, progress) // unlocks ix.mu
}

var errClosed = errors.New("index: closed")

// exclusive takes the exclusive lock, waiting up to Options.Wait. On
// ErrBusy the caller still holds the shared lock and must not write.
func (ix *Index) exclusive() error {
	if err := ix.waitLock(true, ix.opts.Wait); err != nil {
		// A failed upgrade may have dropped the shared lock.
		ix.waitLock(false, ix.opts.Wait)
		return err
	}
	return nil
}

// shared goes back from the exclusive lock to the shared one and reopens
// the read-only view. The caller holds ix.mu.
func (ix *Index) shared() {
	if ix.waitLock(false, ix.opts.Wait) != nil {
		// Another process took the index in between: no view until the
		// next Open.
		ix.bi, ix.live = nil, ""
		return
	}
	ix.openLive()
}

// update applies a small change to the live index in place: each
// shard's batch carries that shard's new document list, so every shard is
// consistent on its own after any batch. The caller holds ix.mu and the
// exclusive lock; update releases ix.mu and goes back to the shared lock.
func (ix *Index) update(ctx context.Context, p plan, src Source, all []content.DocInfo, progress func(done, total int)) error {
	live, docs, n := ix.live, ix.docs, ix.shards
	ix.bi.Close()
	ix.bi = nil
	set, _, err := openShards(filepath.Join(ix.dir, live), n, false, boltTimeout(ix.opts.Wait))
	if err != nil {
		// Unreadable for writing: rebuild from scratch.
		ix.mu.Unlock()
		return ix.rebuildLocked(ctx, src, all, progress)
	}
	// Copies: searches meanwhile read the old ones.
	newDocs := make(map[string]*docMeta, len(docs))
	for k, v := range docs {
		c := *v
		newDocs[k] = &c
	}
	ix.bi = set // searches meanwhile see the index being updated
	ix.mu.Unlock()

	// A batch holds what a one-shard build's segment holds: the same
	// headroom keeps its garbage from doubling the process's memory.
	defer limitMemory(1)()
	batches := make([]*bleve.Batch, n)
	batchBytes := make([]int, n)
	batchTerms := make([]int, n)
	dirty := make([]bool, n)
	im := newMapping()
	for i := range batches {
		batches[i] = set.shards[i].NewBatch()
	}
	flush := func(i int) error {
		if !dirty[i] {
			return nil
		}
		part := map[string]*docMeta{}
		for id, m := range newDocs {
			if m.Shard == i {
				part[id] = m
			}
		}
		batches[i].SetInternal([]byte(docsKey), encodeDocList(part))
		batches[i].DeleteInternal([]byte(sectionsKey)) // an older version's
		if err := guard("batch", func() error { return set.shards[i].Batch(batches[i]) }); err != nil {
			return writeError(ix.dir, err)
		}
		batches[i].Reset()
		batchBytes[i], batchTerms[i] = 0, 0
		dirty[i] = false
		return nil
	}
	oldShard := map[string]int{}
	err = func() error {
		for _, id := range p.remove {
			if m, ok := newDocs[id]; ok {
				// Every section the shard holds under the document's ID,
				// also those of a document a killed update left half
				// written.
				ids, err := set.sectionIDs(ctx, m.Shard, id)
				if err != nil {
					return err
				}
				for _, sid := range ids {
					batches[m.Shard].Delete(sid)
				}
				dirty[m.Shard] = true
				oldShard[id] = m.Shard
				delete(newDocs, id)
			}
		}
		for i, in := range p.index {
			if err := ctx.Err(); err != nil {
				return err
			}
			d, ok := src.Doc(in.ID)
			if !ok {
				continue // removed meanwhile: the next Sync sees it gone
			}
			sh, ok := oldShard[d.ID] // a changed document stays in its shard
			if !ok {
				sh = smallest(newDocs, n)
			}
			// A document larger than a batch goes on in the next one
			// (memory follows a batch, not the document): the shard's
			// list then names it with the sections written so far and
			// no hash, so a Sync stopped before its end removes them
			// and indexes it again.
			// Sections go to the batch analysed (as the build does them),
			// so that a batch is bounded by its terms: bleve's own
			// analysis of a batch held 57 times its text for a law of
			// short articles (4 MB: 228 MB) and 200 times for a table
			// of numbered cells.
			var written []string
			meta, err := sectionsOf(d, func(id string, sd *sectionDoc) error {
				doc, terms, err := analysedSection(im, id, sd)
				if err != nil {
					return err
				}
				if err := batches[sh].IndexAdvanced(doc); err != nil {
					return err
				}
				dirty[sh] = true
				written = append(written, strings.TrimPrefix(id, d.ID+idSep))
				batchBytes[sh] += len(sd.Heading) + len(sd.Text)
				batchTerms[sh] += terms
				if !batchFull(batches[sh], batchBytes[sh], batchTerms[sh]) {
					return nil
				}
				newDocs[d.ID] = &docMeta{Title: nfc(d.Title), Kind: string(d.Kind), Year: yearOf(d.Date), Number: d.Number, Sections: written, Shard: sh}
				return flush(sh)
			})
			if err != nil {
				return err
			}
			meta.Shard = sh
			newDocs[d.ID] = meta
			if batchFull(batches[sh], batchBytes[sh], batchTerms[sh]) {
				if err := flush(sh); err != nil {
					return err
				}
			}
			if progress != nil {
				progress(i+1, len(p.index))
			}
		}
		for i := range batches {
			if err := flush(i); err != nil {
				return err
			}
		}
		return nil
	}()
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if cerr := guard("close", set.Close); err == nil && cerr != nil {
		err = writeError(ix.dir, cerr)
	}
	ix.bi = nil
	ix.shared()
	return err
}

// Rebuild indexes docs from scratch into a new directory and switches to
// it when complete; searches keep using the old index meanwhile. A
// cancelled or killed rebuild leaves the old index in place.
func (ix *Index) Rebuild(ctx context.Context, src Source, progress func(done, total int)) error {
	if ix.opts.ReadOnly {
		return ErrReadOnly
	}
	if ix.readOnly {
		return ix.readOnlyErr()
	}
	ix.mu.Lock()
	err := ix.exclusive()
	ix.mu.Unlock()
	if err != nil {
		return err
	}
	return ix.rebuildLocked(ctx, src, src.Catalog(), progress)
}

// rebuildLocked is Rebuild for a caller holding the exclusive lock (not
// ix.mu); it goes back to the shared lock.
func (ix *Index) rebuildLocked(ctx context.Context, src Source, docs []content.DocInfo, progress func(done, total int)) error {
	name, shards, err := ix.build(ctx, src, docs, progress)
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if err == nil {
		raw, _ := json.Marshal(diskMeta{Schema: schemaVersion, Live: name, Shards: shards})
		err = content.WriteFileAtomic(filepath.Join(ix.dir, metaFile), raw, 0o644)
		if err != nil {
			os.RemoveAll(filepath.Join(ix.dir, name))
		}
	}
	old := ix.live
	if ix.bi != nil {
		ix.bi.Close()
		ix.bi = nil
	}
	if err == nil && old != "" && old != name {
		os.RemoveAll(filepath.Join(ix.dir, old))
	}
	ix.shared()
	return err
}

// Build tuning: sections per segment written while building, and how many
// segments one merge pass takes (more than a build ever writes, so the
// final merge is a single pass).
const (
	buildSegmentSections = 600
	buildMergeMax        = 160
)

// buildSegmentBytes sets the builder's batch size from the text of a
// shard's sections (see segmentSections); it only matters when the
// segmenter cannot cut segments itself. buildSegmentTerms bounds the
// terms (distinct terms of each section's two analysed views, summed) of
// one segment: the builder holds them analysed, then as the segment's
// dictionaries and postings, about 400 bytes a term when they are all
// different (a table of numbered cells), 150 when a library shares them.
// 64 000 is some 250 sections of a law (600 sections, 1.7 MB of text, a
// segment before) and one 256 KB section of numbered cells (eight, 190 MB
// of heap, before). analyseChunk and analyseChunkTerms bound one part of
// a document analysed ahead of the builder: analysed, short sections (a
// law's articles) take 40–80 times their text in term maps, so 4 MB
// parts cost 330 MB (an 8 MB text of laws took 445 MB to import; 230 MB
// with 256 KB parts), and a part of long sections of different words is
// bounded by its terms.
const (
	buildSegmentBytes = 4 << 20
	analyseChunk      = 256 << 10
	buildSegmentTerms = 64_000
	analyseChunkTerms = 32_000
)

// libraryShardTerms is buildSegmentTerms for the shards of a library
// (more than one shard, over 28 MB of text): three times as many terms,
// so a law's 600 sections are still one segment — cut at 64 000 terms
// they made the 100 MB library's build 8 % more CPU (37.8–38.5 against
// 34.4–37.4 s, interleaved) — while a segment of all-different terms
// stays near 80 MB.
const libraryShardTerms = 3 * buildSegmentTerms

// segmentTerms is the segmenter's term bound for a build of shards shards.
func segmentTerms(shards int) int {
	if shards > 1 {
		return libraryShardTerms
	}
	return buildSegmentTerms
}

// segmentSections is how many sections the builder of a shard holding
// docs puts in one segment: buildSegmentSections, fewer when the longest
// sections on average of a document make that over buildSegmentBytes.
func segmentSections(docs []content.DocInfo) int {
	n := buildSegmentSections
	for _, d := range docs {
		if d.SectionCount > 0 && d.TextBytes > 0 {
			n = min(n, max(16, buildSegmentBytes/(d.TextBytes/d.SectionCount+1)))
		}
	}
	return n
}

// batchFull says whether an update batch of text bytes and terms is
// to be written now.
func batchFull(b *bleve.Batch, text, terms int) bool {
	return b.Size() >= maxBatchSections || text >= maxBatchBytes || terms >= maxBatchTerms
}

// maxBatchBytes bounds the text of one update batch (with maxBatchTerms
// and maxBatchSections: a document larger than that is split across
// batches), and buildAhead the
// text analysed and waiting for the builders of all shards together: a
// library of a few huge documents then costs what one of them does, not
// what a batch of them would.
const (
	maxBatchBytes = 4 << 20
	// maxBatchTerms and maxBatchSections bound an update batch like
	// a one-shard build's segment (buildSegmentTerms).
	maxBatchTerms    = buildSegmentTerms
	maxBatchSections = 2000
	buildAhead       = 32 << 20
)

// build writes a complete new index for docs and returns its directory
// name and shard count. Each shard is built with scorch's offline
// builder, which writes segments and merges them into one at the end, so a
// fresh shard is one segment (fast to search) with nothing left to merge
// in the background. Shards are built side by side, one per core; within
// each, analysis runs ahead of the builder, which then only encodes.
func (ix *Index) build(ctx context.Context, src Source, docs []content.DocInfo, progress func(done, total int)) (string, int, error) {
	name := buildPrefix + randomHex()
	path := filepath.Join(ix.dir, name)
	final := livePrefix + strings.TrimPrefix(name, buildPrefix)

	textBytes := 0
	for _, d := range docs {
		textBytes += d.TextBytes
	}
	n := shardsFor(textBytes)
	// Deal documents to shards, largest first, each to the lightest.
	order := make([]int, len(docs))
	sizes := make([]int, len(docs))
	for i, d := range docs {
		order[i] = i
		sizes[i] = d.TextBytes
	}
	sort.SliceStable(order, func(a, b int) bool { return sizes[order[a]] > sizes[order[b]] })
	parts := make([][]content.DocInfo, n)
	load := make([]int, n)
	for _, i := range order {
		best := 0
		for j := range load {
			if load[j] < load[best] {
				best = j
			}
		}
		parts[best] = append(parts[best], docs[i])
		load[best] += sizes[i]
	}

	workers := ix.opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	defer limitMemory(min(n, workers))()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		mu       sync.Mutex
		done     int
		firstErr error
		wg       sync.WaitGroup
	)
	sem := make(chan struct{}, workers)
	ahead := newByteBudget(buildAhead)
	report := func() {
		mu.Lock()
		done++
		d := done
		mu.Unlock()
		if progress != nil {
			progress(d, len(docs))
		}
	}
	for i := range parts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			select {
			case sem <- struct{}{}:
			case <-ctx.Done():
				return
			}
			defer func() { <-sem }()
			err := guard("build", func() error {
				return ix.buildAt(ctx, shardPath(path, i), src, parts[i], segmentTerms(n), ahead, report)
			})
			if err != nil {
				mu.Lock()
				if firstErr == nil {
					firstErr = err
				}
				mu.Unlock()
				cancel()
			}
		}()
	}
	wg.Wait()
	err := firstErr
	if err == nil {
		err = ctx.Err()
	}
	if err == nil {
		err = os.Rename(path, filepath.Join(ix.dir, final))
	}
	if err != nil {
		// Nothing of a failed build stays: the live index is untouched.
		os.RemoveAll(path)
		return name, 0, writeError(ix.dir, err)
	}
	return final, n, nil
}

// buildAt builds one shard of docs at path, loading each from src, with
// one worker analysing ahead of the builder within the ahead budget
// (bytes of text); docDone is called as each document is in. A document
// src no longer has is left out.
func (ix *Index) buildAt(ctx context.Context, path string, src Source, docs []content.DocInfo, maxTerms int, ahead *byteBudget, docDone func()) error {
	const workers = 1
	im := newMapping()
	if len(docs) == 0 {
		// The builder cannot write an index of nothing (an empty
		// library, or fewer documents than shards).
		return guard("empty shard", func() error { return emptyShard(path, im) })
	}
	store := filepath.Join(path, "store")
	if err := os.MkdirAll(store, 0o755); err != nil {
		return err
	}
	mappingJSON, err := json.Marshal(im)
	if err != nil {
		return err
	}
	meta, _ := json.Marshal(map[string]string{"storage": scorch.Name, "index_type": scorch.Name})
	if err := os.WriteFile(filepath.Join(path, "index_meta.json"), meta, 0o644); err != nil {
		return err
	}
	internal := map[string][]byte{string(util.MappingInternalKey): mappingJSON}
	var b *scorch.Builder
	err = guard("builder", func() (err error) {
		b, err = scorch.NewBuilder(map[string]interface{}{
			"path":            store,
			"buildPathPrefix": path,
			"batchSize":       segmentSections(docs),
			"mergeMax":        buildMergeMax,
			"internal":        internal,
		})
		return err
	})
	if err != nil {
		return err
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	// A document is analysed and handed over in parts of about
	// analyseChunk bytes of text (more: the document goes on in the next
	// part), so a large one is never held analysed whole.
	type analysed struct {
		i    int
		secs []termedDoc
		meta *docMeta
		cost int64
		err  error
		more bool
	}
	jobs := make(chan int)
	out := make(chan analysed, workers)
	go func() {
		defer close(jobs)
		for i := range docs {
			select {
			case jobs <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				cost := ahead.cost(min(docs[i].TextBytes, analyseChunk))
				if !ahead.acquire(ctx, cost) {
					return
				}
				var secs []termedDoc
				var meta *docMeta
				stopped := false
				err := guard("analyse", func() (err error) {
					d, ok := src.Doc(docs[i].ID)
					if !ok {
						return nil
					}
					n, nt := 0, 0
					meta, err = analyseDoc(im, d, func(doc index.Document, text, terms int) error {
						secs = append(secs, termedDoc{doc, terms})
						n += text
						if nt += terms; n < analyseChunk && nt < analyseChunkTerms {
							return nil
						}
						select {
						case out <- analysed{i: i, secs: secs, cost: cost, more: true}:
						case <-ctx.Done():
							ahead.release(cost)
							stopped = true
							return ctx.Err()
						}
						secs, n, nt = nil, 0, 0
						cost = ahead.cost(analyseChunk)
						if !ahead.acquire(ctx, cost) {
							stopped = true
							return ctx.Err()
						}
						return nil
					})
					return err
				})
				if stopped {
					return
				}
				select {
				case out <- analysed{i, secs, meta, cost, err, false}:
				case <-ctx.Done():
					ahead.release(cost)
					return
				}
			}
		}()
	}
	go func() { wg.Wait(); close(out) }()
	seg := newSegmenter(b, maxTerms)
	metas := make(map[string]*docMeta, len(docs))
	var firstErr error
	for a := range out {
		if firstErr != nil {
			ahead.release(a.cost)
			continue
		}
		if a.err == nil {
			a.err = ctx.Err()
		}
		for _, d := range a.secs {
			if a.err != nil {
				break
			}
			seg.next(d.terms)
			a.err = guard("index", func() error { return b.Index(d.doc) })
		}
		a.secs = nil
		ahead.release(a.cost)
		if a.err != nil {
			firstErr = a.err
			cancel()
			continue
		}
		if a.more {
			continue // the document goes on in the next part
		}
		if a.meta == nil {
			continue // gone from the library meanwhile
		}
		metas[docs[a.i].ID] = a.meta
		if docDone != nil {
			docDone()
		}
	}
	if firstErr == nil {
		firstErr = ctx.Err()
	}
	if firstErr == nil {
		internal[docsKey] = encodeDocList(metas) // the builder writes its internal map on Close
	}
	// After a failed write the builder may have no segment at all, and
	// its Close then indexes an empty slice (scorch builder.go): the
	// panic is recovered, the first error kept.
	if err := guard("builder close", b.Close); firstErr == nil {
		firstErr = err
	}
	return firstErr
}

// emptyShard writes an index with no documents at path.
func emptyShard(path string, im mapping.IndexMapping) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	bi, err := bleve.NewUsing(path, im, scorch.Name, scorch.Name, nil)
	if err != nil {
		return err
	}
	if err := bi.SetInternal([]byte(docsKey), marshalDocList(nil)); err != nil {
		bi.Close()
		return err
	}
	return bi.Close()
}

// errPanic marks an error recovered from a panic inside bleve.
var errPanic = errors.New("bleve panicked")

// guard runs f, turning a panic into an error. bleve's writers are not
// written for a failing disk: a full one has made the offline builder
// panic, which in chibo's goroutine killed the process (and the app with
// the terminal in its alternate screen).
func guard(what string, f func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("index: %s: %w: %v", what, errPanic, r)
		}
	}()
	return f()
}

// writeErrnos are the causes of a failed write a person can act on.
var writeErrnos = []syscall.Errno{syscall.ENOSPC, syscall.EDQUOT, syscall.EFBIG, syscall.EROFS, syscall.EACCES, syscall.EPERM, syscall.EIO}

// writeError names the cause of a failed index write. bleve formats the
// errors it wraps with %v, which loses the errno ("… write …/000001.zap:
// no space left on device"): when the message names one of writeErrnos,
// the error becomes an *fs.PathError on the index folder with that errno,
// keeping the original text after it.
func writeError(dir string, err error) error {
	if err == nil {
		return nil
	}
	var pe *fs.PathError
	for _, errno := range writeErrnos {
		if errors.Is(err, errno) {
			if errors.As(err, &pe) {
				return err
			}
			return fmt.Errorf("%w (%v)", &fs.PathError{Op: "write", Path: dir, Err: errno}, err)
		}
	}
	msg := err.Error()
	for _, errno := range writeErrnos {
		if strings.Contains(msg, errno.Error()) {
			return fmt.Errorf("%w (%v)", &fs.PathError{Op: "write", Path: dir, Err: errno}, err)
		}
	}
	return err
}

// analysed wraps a document whose fields were analysed by a build worker,
// so the builder, which analyses on its own single goroutine, skips them.
type analysedDoc struct{ *document.Document }

func (analysedDoc) AddIDField() {}

func (d analysedDoc) VisitFields(visit index.FieldVisitor) {
	d.Document.VisitFields(func(f index.Field) { visit(analysedField{f}) })
}

type analysedField struct{ index.Field }

func (analysedField) Analyze() {}

// analyseDoc maps and analyses every section of d, handing each to emit
// with the bytes of its text and its terms (distinct terms of its two
// analysed views, each an entry the builder holds until the section's
// segment is written), and returns d's metadata.
func analyseDoc(im mapping.IndexMapping, d *content.Document, emit func(doc index.Document, text, terms int) error) (*docMeta, error) {
	return sectionsOf(d, func(id string, sd *sectionDoc) error {
		doc, terms, err := analysedSection(im, id, sd)
		if err != nil {
			return err
		}
		doc.AddIDField()
		doc.VisitFields(func(f index.Field) {
			if f.Options().IsIndexed() {
				f.Analyze() // keywords and the ID; a no-op for preFields
			}
		})
		return emit(analysedDoc{doc}, len(sd.All), terms)
	})
}

// analysedSection maps section id and analyses its words and shingles
// in one pass (preFields, what the registered analyzers give:
// TestOnePassMatches); terms is the distinct terms of the two, the
// entries a batch or a segment holds for it. Its ID field is not added
// (scorch adds it to a batch's documents; the build adds it itself).
func analysedSection(im mapping.IndexMapping, id string, sd *sectionDoc) (doc *document.Document, terms int, err error) {
	doc = document.NewDocument(id)
	if err := im.MapDocument(doc, sd.fields()); err != nil {
		return nil, 0, err
	}
	folded, shingles := analyseText(sd.All)
	doc.AddField(&preField{name: fAll, text: len(sd.All), terms: folded})
	doc.AddField(&preField{name: fShingle, text: len(sd.All), terms: shingles})
	return doc, len(folded.freqs) + len(shingles.freqs), nil
}

// buildHeadroom is how much heap a build may use above what the process
// already holds (mostly the library) before the collector works harder;
// buildHeadroomOne is that of a build of one shard (a library of under
// 28 MB of text, such as one large document imported into a new one): it
// holds at most a segment's terms, the parts analysed ahead and one
// loaded document (a 7 MB text of laws: 60–75 MB live), and the
// collector's usual doubling put such an import at 190 MB; with 96 MB it
// was 155 MB, with 80 MB 140 MB (issue 9 asks under 150) for 10 % more
// CPU on that file and none on a real law (the Civil Code imports in the
// same 0.7 s either way: its build never nears the limit); 64 MB doubled
// the CPU. Builds of several shards at once keep the larger headroom:
// 192 MB made the 100 MB library's build 10 % slower in CPU.
const (
	buildHeadroom    = 256 << 20
	buildHeadroomOne = 80 << 20
)

// limitMemory keeps a build's garbage from doubling the process's memory:
// the build allocates freely and briefly, so without a limit the heap
// grows to twice the library's size. Unless the user set GOMEMLIMIT, it
// sets a soft limit of the live heap plus buildHeadroom (buildHeadroomOne
// when one shard is built at a time) and returns the function that
// restores the old one.
func limitMemory(shards int) func() {
	old := debug.SetMemoryLimit(-1)
	if old != math.MaxInt64 {
		return func() {}
	}
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	headroom := int64(buildHeadroom)
	if shards == 1 {
		headroom = buildHeadroomOne
	}
	debug.SetMemoryLimit(int64(ms.HeapAlloc) + headroom)
	return func() { debug.SetMemoryLimit(old) }
}

func randomHex() string {
	var b [6]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// yearOf reads the year of an ISO date ("2023-12-01"); 0 when absent.
func yearOf(date string) int {
	if len(date) < 4 {
		return 0
	}
	y, err := strconv.Atoi(date[:4])
	if err != nil {
		return 0
	}
	return y
}

// sectionDoc is one bleve document: a section with its document's fields.
// All is the text of the two analysed views (a, s): title, heading and
// body.
type sectionDoc struct {
	All     string
	Kind    string
	Year    string
	Doc     string
	Ref     []string
	Heading string
	Path    string
	Text    string
}

// fields is the document as bleve maps it, but for the analysed views
// of All (fAll, fShingle), which analysedSection adds already analysed.
// Empty values are left out so they are not indexed as terms.
func (sd *sectionDoc) fields() map[string]interface{} {
	m := map[string]interface{}{fKind: sd.Kind, fDoc: sd.Doc, fStored: packStored(sd.Heading, sd.Path, sd.Text)}
	if sd.Year != "" {
		m[fYear] = sd.Year
	}
	if len(sd.Ref) > 0 {
		m[fRef] = sd.Ref
	}
	return m
}

// sectionsOf turns d into one sectionDoc per section, handing each to add
// with its bleve ID, and returns the document's metadata.
func sectionsOf(d *content.Document, add func(id string, sd *sectionDoc) error) (*docMeta, error) {
	title := nfc(d.Title)
	m := &docMeta{Hash: d.Hash, Title: title, Kind: string(d.Kind), Year: yearOf(d.Date), Number: d.Number, TitleLen: len(title)}
	year := ""
	if m.Year > 0 {
		year = strconv.Itoa(m.Year)
	}
	refs := map[string][]string{}
	for _, r := range d.Refs {
		refs[r.Section] = appendUniq(refs[r.Section], symbolKey(r.Symbol))
	}
	for _, s := range d.Sections {
		heading, text := nfc(s.Heading), nfc(withNotes(s))
		all := title + "\n" + ancestorHeadings(s.Path) + heading + "\n" + text
		sd := &sectionDoc{
			All:  all,
			Kind: string(d.Kind), Year: year, Doc: d.ID, Ref: refs[s.ID],
			Heading: heading, Path: nfc(strings.Join(s.Path, pathSep)), Text: text,
		}
		if err := add(d.ID+idSep+s.ID, sd); err != nil {
			return nil, fmt.Errorf("index %s/%s: %w", d.ID, s.ID, err)
		}
		m.Sections = append(m.Sections, s.ID)
		m.HeadLen += len(heading)
		m.TextLen += len(text)
	}
	return m, nil
}

// withNotes is a section's text with its footnotes after it ("¹ Kế hoạch
// số 28-KH/TU …"), so what a note says can be searched.
func withNotes(s *content.Section) string {
	if len(s.Notes) == 0 {
		return s.Text
	}
	var b strings.Builder
	b.WriteString(s.Text)
	for _, n := range s.Notes {
		b.WriteString("\n" + n.Mark + " " + n.Text)
	}
	return b.String()
}

// nfc normalises text on ingest; content already does, but imports from
// other tools may not, and a stray NFD word would not highlight.
func nfc(s string) string {
	if plainNFC(s) || norm.NFC.IsNormalString(s) {
		return s
	}
	return norm.NFC.String(s)
}

// plainNFC says quickly that s is NFC when every rune of it is one of
// nfcRanges (Vietnamese text as content writes it: ASCII, precomposed
// Latin letters, dashes and quotes); false says nothing. norm's own check
// reads such text at a tenth of the speed, and took 2 % of an import.
func plainNFC(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !nfcRune(r) {
			return false // also utf8.RuneError: invalid bytes
		}
		i += n
	}
	return true
}

// nfcRanges hold runes that are NFC, of combining class 0 and never
// composed with the rune before them: a string of them is NFC.
// TestPlainNFC checks every one against golang.org/x/text/unicode/norm.
var nfcRanges = [][2]rune{{0, 0x2ff}, {0x1e00, 0x1eff}, {0x2010, 0x2027}}

func nfcRune(r rune) bool {
	return r < 0x300 || r >= 0x1e00 && r <= 0x1eff || r >= 0x2010 && r <= 0x2027
}

// newMapping is the one mapping of a chibo index: two analysed views of
// the words (folded words, folded shingles) for matching and ranking, keyword fields for filters and
// facets, and the stored strings hits and snippets show. Nothing stores
// term vectors: snippets and phrase checks re-tokenise the stored text.
func newMapping() mapping.IndexMapping {
	text := func(analyzer string) *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Analyzer = analyzer
		f.Store = false
		f.IncludeTermVectors = false
		f.IncludeInAll = false
		f.DocValues = false
		return f
	}
	kw := func(docValues bool) *mapping.FieldMapping {
		f := bleve.NewKeywordFieldMapping()
		f.Analyzer = keyword.Name
		f.Store = false
		f.IncludeTermVectors = false
		f.IncludeInAll = false
		f.DocValues = docValues
		f.SkipFreqNorm = true
		return f
	}
	stored := func() *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Index = false
		f.Store = true
		f.IncludeTermVectors = false
		f.IncludeInAll = false
		f.DocValues = false
		return f
	}
	dm := bleve.NewDocumentStaticMapping()
	dm.AddFieldMappingsAt(fAll, text(AnalyzerFolded))
	dm.AddFieldMappingsAt(fShingle, text(AnalyzerShingle))
	dm.AddFieldMappingsAt(fKind, kw(true))
	dm.AddFieldMappingsAt(fYear, kw(true))
	dm.AddFieldMappingsAt(fDoc, kw(false))
	dm.AddFieldMappingsAt(fRef, kw(false))
	dm.AddFieldMappingsAt(fStored, stored())
	dm.AddSubDocumentMapping("_all", bleve.NewDocumentDisabledMapping())
	im := bleve.NewIndexMapping()
	im.DefaultMapping = dm
	im.DefaultAnalyzer = AnalyzerFolded
	im.StoreDynamic = false
	im.IndexDynamic = false
	im.DocValuesDynamic = false
	return im
}
