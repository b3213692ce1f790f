package content

import (
	"bytes"
	"context"
	"crypto/sha256"
	"embed"
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
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"chibo/content/importer"
	"chibo/content/lockfile"
	"chibo/content/model"
	"chibo/content/store"

	"golang.org/x/sync/semaphore"
)

// seedFS holds the five real documents chibo ships with, so a fresh install
// has a library to read and search before the user imports anything.
//
//go:embed seeds/*.txt
var seedFS embed.FS

// SeedFiles returns the names and bytes of the embedded seed documents.
func SeedFiles() (map[string][]byte, error) {
	out := map[string][]byte{}
	err := fs.WalkDir(seedFS, "seeds", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := seedFS.ReadFile(p)
		out[filepath.Base(p)] = b
		return err
	})
	return out, err
}

// Library is the set of documents the user reads: the embedded seeds plus
// the files imported into Dirs.Library(). Imported files are kept as copies
// of the originals (text in a legacy encoding is kept converted to UTF-8),
// so the library never depends on where they came from. Their parses live
// in a store on disk (content/store, in Dirs.Cache): the library holds
// only the catalogue (one DocInfo per document) and loads a document when
// asked for it (Doc, Each), so opening and memory do not grow with the
// library's size.
type Library struct {
	dir string
	st  *store.Store

	mu       sync.RWMutex
	info     []*DocInfo               // the catalogue (in recs), grouped by kind and newest first
	recs     map[string]*store.Record // ID → its record
	gen      uint64                   // the store generation recs were read at
	imported map[string]string        // ID → file name in dir (seeds are absent)
	mem      map[string]*Document     // parsed but not in the store (a read-only store)
	recent   []*Document              // the last documents loaded, newest last
	prints   map[string]string        // fingerprint → ID, built on the first import
	tidy     sync.Once
	// Problems lists imported files that could not be parsed when the
	// library was opened; they are kept on disk, untouched.
	Problems []error
}

// storeFile is the store's file name, in Dirs.Cache (Dirs.Data without
// one): like the index, it is rebuilt from the library's files when lost.
const storeFile = "library.db"

// OpenLibrary opens the store and reconciles it with the library folder:
// files added, changed or removed behind chibo's back (or by a chibo
// killed between writing a file and recording it), and files parsed by
// another parser version, are parsed and recorded; unchanged files (same
// size and modification time as recorded) are not even read. When the
// store cannot be written (a read-only data folder), what it lacks is
// parsed into memory instead. The catalogue is read from the store's
// snapshot when that is current (one value, not a record per document);
// an open that had to read it record by record, or changed it, saves a
// new snapshot for the next one (store.SaveSnapshot).
func OpenLibrary(dirs Dirs) (*Library, error) {
	return OpenLibraryProgress(dirs, nil)
}

// OpenLibraryProgress is OpenLibrary reporting the files it must parse
// again: progress(done, total) is called after each one, from the calling
// goroutine, and not at all when every record is current. A new
// ParserVersion re-parses the whole library (about 35 s for 100 MB on a
// 2-core machine), which a user must see happening.
func OpenLibraryProgress(dirs Dirs, progress func(done, total int)) (*Library, error) {
	l := &Library{dir: dirs.Library()}
	cache := dirs.Cache
	if cache == "" {
		cache = dirs.Data
	}
	st, err := store.Open(filepath.Join(cache, storeFile), false)
	if err != nil {
		return nil, err
	}
	l.st = st
	if !st.ReadOnly() {
		os.RemoveAll(filepath.Join(cache, "parsed")) // the gob parse cache the store replaces
	}
	if err := l.reconcile(progress); err != nil {
		return nil, err
	}
	return l, nil
}

// reconcileBatch bounds the encoded documents one reconciling write
// transaction carries (and so the parses held waiting for it).
const reconcileBatch = 16 << 20

func (l *Library) reconcile(progress func(done, total int)) error {
	cat, err := l.st.ReadCatalog()
	if err != nil {
		return err
	}
	recs, gen := cat.Records, cat.Gen
	ro := l.st.ReadOnly()
	stamp := parserStamp()
	// Files this parser already failed on, unchanged since, are not
	// parsed again; a store that cannot say reads as having none.
	fails, _ := l.st.Failures()
	keepFails := map[string]bool{}
	var newFails []store.Failure
	byFile := make(map[string]*store.Record, len(recs))
	for i := range recs {
		r := &recs[i]
		k := r.File
		if r.Seed {
			k = "seed:" + k
		}
		byFile[k] = r
	}
	type job struct {
		name string
		data []byte // seeds only
		path string // imported files
		id   string // imported files: from the name
		rec  *store.Record
		size int64
		mt   int64
		// results
		doc   *Document
		key   string
		touch bool // only the file's size and time changed
		err   error
	}
	seeds, err := SeedFiles()
	if err != nil {
		return err
	}
	files, err := listLibrary(l.dir)
	if err != nil {
		return err
	}
	var jobs []*job
	names := make([]string, 0, len(seeds))
	for n := range seeds {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		jobs = append(jobs, &job{name: n, data: seeds[n], rec: byFile["seed:"+n]})
	}
	final := make(map[string]*store.Record, len(seeds)+len(files))
	l.mem = map[string]*Document{}
	seen := make(map[string]string, len(files)) // ID → file name
	for _, f := range files {
		// An imported copy is named after its ID (see importFile).
		id := strings.TrimSuffix(f.name, filepath.Ext(f.name))
		if old, ok := seen[id]; ok {
			// Two copies of one ID (an interrupted update): keep one.
			l.Problems = append(l.Problems, &FileError{File: f.name, Problem: ProblemDuplicateID, Detail: old})
			continue
		}
		seen[id] = f.name
		r := byFile[f.name]
		if r != nil && (r.Parser == stamp || ro) && r.Size == f.size && r.MTime == f.mtime && r.ID == id {
			final[r.ID] = r // the usual case, thousands of times: no job
			continue
		}
		jobs = append(jobs, &job{name: f.name, id: id, rec: r, size: f.size, mt: f.mtime})
	}
	// Which files must be read: those whose record does not match.
	var todo []*job
	for _, j := range jobs {
		r := j.rec
		fresh := r != nil && (r.Parser == stamp || ro)
		if fresh && j.data == nil && r.Size == j.size && r.MTime == j.mt && r.ID == j.id {
			final[r.ID] = r
			continue
		}
		if fresh && j.data != nil {
			if r.Key == contentKey(j.data) {
				final[r.ID] = r
				continue
			}
		}
		if f, ok := fails[j.name]; ok && j.data == nil && f.Parser == stamp && f.Size == j.size && f.MTime == j.mt {
			l.Problems = append(l.Problems, failureError(f))
			keepFails[j.name] = true
			continue
		}
		if j.data == nil {
			j.path = filepath.Join(l.dir, j.name)
		}
		todo = append(todo, j)
	}
	// Parse in parallel: a library of hundreds of new files opens in the
	// time of its largest few. Results are written in order, in batches.
	work := make(chan *job)
	done := make([]chan struct{}, len(todo))
	for i := range done {
		done[i] = make(chan struct{})
	}
	index := map[*job]int{}
	for i, j := range todo {
		index[j] = i
	}
	workers := runtime.GOMAXPROCS(0)
	for w := 0; w < workers; w++ {
		go func() {
			for j := range work {
				data := j.data
				if data == nil {
					data, j.err = ReadFileLimited(j.path, 1<<62)
				}
				if j.err == nil {
					j.key = contentKey(data)
					if r := j.rec; r != nil && r.Key == j.key && (r.Parser == stamp || ro) && (j.data != nil || r.ID == j.id) {
						j.touch = true
					} else {
						j.doc, j.err = ParseBytes(j.name, data)
					}
				}
				close(done[index[j]])
			}
		}()
	}
	go func() {
		// At most 2×workers parses ahead of the writer.
		for i, j := range todo {
			if i >= 2*workers {
				<-done[i-2*workers]
			}
			work <- j
		}
		close(work)
	}()
	var batch []store.Change
	batchBytes := 0
	var werr error
	wrote := false // the catalogue read above is no longer the store's
	flush := func() {
		if len(batch) > 0 && werr == nil {
			_, werr = l.st.Apply(batch...)
			wrote = true
		}
		batch, batchBytes = nil, 0
	}
	for i, j := range todo {
		<-done[i]
		if progress != nil {
			progress(i+1, len(todo))
		}
		if j.err != nil {
			if j.data != nil {
				return fmt.Errorf("embedded seed %s: %w", j.name, j.err)
			}
			l.Problems = append(l.Problems, j.err)
			if f, ok := failureOf(j.err, j.name, j.size, j.mt); ok {
				newFails = append(newFails, f)
				keepFails[j.name] = true
			}
			continue
		}
		if j.touch {
			r := *j.rec
			r.Size, r.MTime = j.size, j.mt
			final[r.ID] = &r
			if !ro {
				batch = append(batch, store.Change{Record: r})
			}
			continue
		}
		if j.path != "" {
			j.doc.ID = j.id
		}
		r := recordOf(j.doc, j.name, j.data != nil, j.size, j.mt, j.key)
		final[r.ID] = r
		if ro {
			l.mem[r.ID] = j.doc
			continue
		}
		batch = append(batch, store.Change{Record: *r, Doc: j.doc})
		batchBytes += r.TextBytes*2 + 4096
		if batchBytes >= reconcileBatch {
			flush()
		}
		j.doc = nil
	}
	for _, r := range recs {
		if final[r.ID] == nil && !ro {
			batch = append(batch, store.Change{Record: store.Record{DocInfo: DocInfo{ID: r.ID}}, Delete: true})
		}
	}
	flush()
	if werr != nil {
		return werr
	}
	var forget []string
	for name := range fails {
		if !keepFails[name] {
			forget = append(forget, name)
		}
	}
	if !ro && (len(newFails) > 0 || len(forget) > 0) {
		// Not recording only costs the same parse at the next open.
		_ = l.st.SetFailures(newFails, forget)
		wrote = true
	}
	if !ro {
		// The next open reads one value instead of a record per document.
		if wrote {
			l.saveSnapshot()
		} else {
			_ = l.st.SaveSnapshot(cat)
		}
	}
	if len(todo) > 0 || len(final) != len(recs) {
		if g, err := l.st.Generation(); err == nil {
			gen = g
		}
	}
	l.setCatalog(final, gen)
	return nil
}

// saveSnapshot writes the store's catalogue snapshot after this process
// changed the catalogue, so that the next open (of any process) reads one
// value instead of a record per document (store.SaveSnapshot). It reads
// the catalogue record by record once more: some 50 ms on a library of
// 7,000 documents, paid by the write rather than by the next read.
// Failing only leaves that work to the next open.
func (l *Library) saveSnapshot() {
	if l.st.ReadOnly() {
		return
	}
	if c, err := l.st.ReadCatalog(); err == nil {
		_ = l.st.SaveSnapshot(c)
	}
}

// failureOf is the store's record of a parse failure of a library file,
// and false for failures that a second try may not repeat (the file
// system refused, the time allowed ran out) or that are not the parser's.
func failureOf(err error, file string, size, mtime int64) (store.Failure, bool) {
	var fe *FileError
	if !errors.As(err, &fe) {
		return store.Failure{}, false
	}
	switch fe.Problem {
	case ProblemRead, ProblemTimeout, ProblemLibraryWrite:
		return store.Failure{}, false
	}
	f := store.Failure{File: file, Size: size, MTime: mtime, Parser: parserStamp(), Problem: string(fe.Problem), Detail: fe.Detail}
	if fe.Err != nil {
		f.Err = fe.Err.Error()
	}
	return f, true
}

// failureError is the FileError a recorded failure stands for; the
// original cause survives as its text.
func failureError(f store.Failure) error {
	fe := &FileError{File: f.File, Problem: Problem(f.Problem), Detail: f.Detail}
	if f.Err != "" {
		fe.Err = errors.New(f.Err)
	}
	return fe
}

// recordOf is the store record of a freshly parsed document.
func recordOf(d *Document, file string, seed bool, size, mtime int64, key string) *store.Record {
	return recordPrinted(d, file, seed, size, mtime, key, fingerprint(d))
}

// recordPrinted is recordOf with the document's fingerprint already known.
func recordPrinted(d *Document, file string, seed bool, size, mtime int64, key, print string) *store.Record {
	info := d.Info()
	info.Imported = !seed
	return &store.Record{DocInfo: info, File: file, Seed: seed, Size: size, MTime: mtime, Key: key, Parser: parserStamp(), Print: print}
}

// setCatalog installs recs as the library's catalogue. The caller holds
// l.mu or is OpenLibrary.
func (l *Library) setCatalog(recs map[string]*store.Record, gen uint64) {
	l.recs, l.gen, l.recent, l.prints = recs, gen, nil, nil
	l.imported = make(map[string]string, len(recs))
	for id, r := range recs {
		if !r.Seed {
			l.imported[id] = r.File
		}
	}
	l.info = infoOf(recs)
}

// Refresh reads the catalogue again when another chibo process changed
// the store since (an import or removal from the command line while the
// app is open), and says whether it did. Cheap when nothing changed: one
// short read of the store's generation number.
func (l *Library) Refresh() (bool, error) {
	gen, err := l.st.Generation()
	if err != nil {
		return false, err
	}
	l.mu.RLock()
	same := gen == l.gen
	l.mu.RUnlock()
	if same {
		return false, nil
	}
	recs, gen, err := l.st.Catalog()
	if err != nil {
		return false, err
	}
	m := make(map[string]*store.Record, len(recs))
	for i := range recs {
		m[recs[i].ID] = &recs[i]
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	for id, d := range l.mem { // parsed here, never stored: still there
		if m[id] == nil {
			r := recordOf(d, l.imported[id], l.imported[id] == "", 0, 0, "")
			m[id] = r
		}
	}
	l.setCatalog(m, gen)
	return true, nil
}

// Dir is where the library keeps its copies of imported files.
func (l *Library) Dir() string { return l.dir }

// infoOf returns the DocInfos of recs ordered by kind, then newest
// first, then title, then ID (unique: the order is total, so any sort
// gives it). It sorts positions, not the 150-byte DocInfos themselves,
// which a stable sort moved a dozen times each (7 % of `chibo list` on
// 7,000 documents).
func infoOf(recs map[string]*store.Record) []*DocInfo {
	rank := make(map[Kind]int, len(Kinds))
	for i, k := range Kinds {
		rank[k] = i
	}
	docs := make([]*DocInfo, 0, len(recs))
	for _, r := range recs {
		docs = append(docs, &r.DocInfo)
	}
	ranks := make([]int, len(docs))
	order := make([]int32, len(docs))
	for i, d := range docs {
		ranks[i], order[i] = rank[d.Kind], int32(i)
	}
	slices.SortFunc(order, func(i, j int32) int {
		if ranks[i] != ranks[j] {
			return ranks[i] - ranks[j]
		}
		a, b := docs[i], docs[j]
		if c := strings.Compare(b.Date, a.Date); c != 0 {
			return c // newest first
		}
		if c := strings.Compare(a.Title, b.Title); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	out := make([]*DocInfo, len(docs))
	for i, k := range order {
		out[i] = docs[k]
	}
	return out
}

// Catalog returns every document's DocInfo, grouped by kind and newest
// first, without loading any document.
func (l *Library) Catalog() []DocInfo {
	l.mu.Lock()
	defer l.mu.Unlock()
	info := l.infoLocked()
	out := make([]DocInfo, len(info))
	for i, d := range info {
		out[i] = *d
	}
	return out
}

// infoLocked is the catalogue in Catalog order, sorted again after an
// import changed it. The caller holds l.mu for writing.
func (l *Library) infoLocked() []*DocInfo {
	if l.info == nil && len(l.recs) > 0 {
		l.info = infoOf(l.recs)
	}
	return l.info
}

// Docs loads and returns every document, in Catalog order. It holds the
// whole library in memory: for tests and small tools; commands use
// Catalog, Doc and Each.
func (l *Library) Docs() []*Document {
	var out []*Document
	l.Each(func(d *Document) error { out = append(out, d); return nil })
	return out
}

// eachBatch is how many documents Each loads per read transaction: short
// transactions, so a writer in another process waits little.
const eachBatch = 8

// Each calls fn for every document in Catalog order, loading them one at
// a time (fn may keep the ones it needs). fn's error stops the walk and is
// returned; so is a store that cannot be read. A document the store lost
// is re-parsed from its file.
func (l *Library) Each(fn func(*Document) error) error {
	return l.each(l.st.Docs, func(d *Document) *Document { return d }, fn)
}

// EachCitations is Each for the documents' Citations (ID, title, number,
// Refs and the citing sections' headings and paths, no text), read from
// their own small values: lists of cited directives over a large library
// read a small part of it.
func (l *Library) EachCitations(fn func(*Document) error) error {
	return l.each(l.st.Citations, (*Document).Citations, fn)
}

// each walks the catalogue, loading batches with load; a document held
// in memory, or missing from the store, goes through conv instead.
func (l *Library) each(load func([]string, func(*Document) error) error, conv func(*Document) *Document, fn func(*Document) error) error {
	infos := l.Catalog()
	for start := 0; start < len(infos); start += eachBatch {
		end := min(start+eachBatch, len(infos))
		var ids []string
		got := map[string]*Document{}
		l.mu.RLock()
		for _, in := range infos[start:end] {
			if d, ok := l.mem[in.ID]; ok {
				got[in.ID] = conv(d)
			} else {
				ids = append(ids, in.ID)
			}
		}
		l.mu.RUnlock()
		if len(ids) > 0 {
			if err := load(ids, func(d *Document) error { got[d.ID] = d; return nil }); err != nil {
				return err
			}
		}
		for _, in := range infos[start:end] {
			d := got[in.ID]
			if d == nil {
				var ok bool
				if d, ok = l.Doc(in.ID); !ok {
					continue // gone meanwhile
				}
				d = conv(d)
			}
			if err := fn(d); err != nil {
				return err
			}
		}
	}
	return nil
}

// recentDocs is how many loaded documents the library keeps for the next
// Doc call (the app asks for the one on screen again and again).
const recentDocs = 4

// Doc loads one document by ID (false when the library has none such).
// A document the store lost or holds unreadable is re-parsed from its
// file, and stored again.
func (l *Library) Doc(id string) (*Document, bool) {
	l.mu.RLock()
	r, ok := l.recs[id]
	if d, inMem := l.mem[id]; inMem {
		l.mu.RUnlock()
		return d, true
	}
	for _, d := range l.recent {
		if d.ID == id {
			l.mu.RUnlock()
			return d, true
		}
	}
	l.mu.RUnlock()
	if !ok {
		return nil, false
	}
	d, ok, err := l.st.Doc(id)
	if err != nil || !ok {
		d = l.reparse(r)
		if d == nil {
			return nil, false
		}
	}
	l.mu.Lock()
	if l.recs[id] == r { // not replaced meanwhile
		l.recent = append(l.recent, d)
		if len(l.recent) > recentDocs {
			l.recent = l.recent[1:]
		}
	}
	l.mu.Unlock()
	return d, true
}

// reparse parses a recorded document's file again, for a store that lost
// it; nil when that fails too.
func (l *Library) reparse(r *store.Record) *Document {
	var data []byte
	var err error
	if r.Seed {
		data, err = seedFS.ReadFile("seeds/" + r.File)
	} else {
		data, err = ReadFileLimited(filepath.Join(l.dir, r.File), 1<<62)
	}
	if err != nil {
		return nil
	}
	d, err := ParseBytes(r.File, data)
	if err != nil {
		return nil
	}
	d.ID = r.ID
	if !l.st.ReadOnly() {
		nr := recordOf(d, r.File, r.Seed, r.Size, r.MTime, contentKey(data))
		l.st.Apply(store.Change{Record: *nr, Doc: d})
	}
	return d
}

// IsImported says whether a document was imported by the user (and so can
// be removed) rather than shipped with chibo.
func (l *Library) IsImported(id string) bool {
	l.mu.RLock()
	defer l.mu.RUnlock()
	_, ok := l.imported[id]
	return ok
}

// ImportStatus says what happened to one imported file.
type ImportStatus string

const (
	ImportAdded     ImportStatus = "added"
	ImportUpdated   ImportStatus = "updated"   // the same document (same source, or same number and title), new content: replaced in place
	ImportDuplicate ImportStatus = "duplicate" // same content as an existing document
	ImportFailed    ImportStatus = "failed"
	ImportSkipped   ImportStatus = "skipped" // not a document (see Err: ErrNotDocument, ErrOutside, ErrBrokenLink)
)

// Reasons a file found in a folder is skipped.
var (
	ErrNotDocument = errors.New("not a document chibo reads")
	ErrOutside     = errors.New("symbolic link leading outside the folder")
	// ErrBrokenLink wraps the system's error for a symbolic link that
	// leads nowhere (its target is gone) or to itself (a loop).
	ErrBrokenLink = errors.New("broken symbolic link")
)

// ImportResult is the one-line outcome for one file.
type ImportResult struct {
	Path     string
	Status   ImportStatus
	Doc      *Document // the new or existing document, when there is one
	Err      error
	Format   string // docx, pdf, text …
	Encoding string // for text and HTML
	// OCR marks a PDF whose pages (some or all) were scans read by OCR:
	// its text may hold misread words, and the user should be told.
	OCR bool
	// Garbled marks text that reads as little Vietnamese (importer.Result).
	Garbled bool
	// Replaced counts invalid UTF-8 bytes read as U+FFFD (importer.Result).
	Replaced int
	// Beside is set when the library already had a different document
	// under this file's name (another folder, another số/ký hiệu or
	// title): it was kept, and this file was added beside it under
	// another ID. Beside is the ID of the document kept.
	Beside   string
	N, Total int   // this is file N (1-based) of Total, for progress bars
	Size     int64 // bytes of the source file
}

// ImportOptions tune an import; the zero value is sensible.
type ImportOptions struct {
	Encoding    string // force the encoding of text and HTML files
	MaxSize     int64  // per-file size limit in bytes (0: DefaultMaxFileSize)
	MaxUnzipped int64  // decompression budget for docx/odt (0: default)
	// FileTimeout is how long reading one file may take (0:
	// DefaultFileTimeout; PDFs get more time by size, for OCR). A file
	// over it is reported with ProblemTimeout and the import goes on.
	FileTimeout time.Duration
	// MemoryBudget bounds the estimated working memory of the files read
	// at the same time (0: DefaultImportMemory), so the peak memory of an
	// import does not grow with the number of processor cores.
	MemoryBudget int64
	// OCRProgress, when set, follows the OCR of scanned PDFs: the file,
	// its scanned pages read and their number, before the first page
	// (done 0) and after each. OCR takes seconds a page; this is how a
	// long scan shows that it moves. It is called from the goroutines
	// that read files, several at once when several scans are read.
	OCRProgress func(path string, done, total int)
}

// DefaultFileTimeout is the time one file may take to be read.
const DefaultFileTimeout = 60 * time.Second

// DefaultImportMemory is the default ImportOptions.MemoryBudget.
const DefaultImportMemory = 192 << 20

// fileTimeout is the deadline for one file: the option, plus two seconds
// per MB (a 60 MB text takes some 15 s of processor time to read, more on
// a busy or slow machine), plus for a PDF ten seconds per 100 KB (a
// scanned page read by OCR), at most 30 min.
func (o ImportOptions) fileTimeout(path string, size int64) time.Duration {
	t := o.FileTimeout
	if t <= 0 {
		t = DefaultFileTimeout
	}
	t += time.Duration(size>>20) * 2 * time.Second
	if strings.EqualFold(filepath.Ext(path), ".pdf") {
		t += time.Duration(size/(100<<10)) * 10 * time.Second
		t = min(t, 30*time.Minute)
	}
	return t
}

// cost estimates the memory reading one file takes: a multiple of its
// size that depends on the format (a docx or odt inflates), never more
// than the whole budget, so a large file is read alone.
func (o ImportOptions) cost(path string, size int64) int64 {
	budget := o.budget()
	factor := int64(6)
	switch strings.ToLower(filepath.Ext(path)) {
	case ".docx", ".odt":
		factor = 48
	case ".pdf":
		factor = 12
	}
	c := size*factor + 256<<10
	if size > budget || c > budget || c < 0 {
		return budget
	}
	return c
}

func (o ImportOptions) budget() int64 {
	if o.MemoryBudget > 0 {
		return o.MemoryBudget
	}
	return DefaultImportMemory
}

// importExts are the extensions looked at when walking a folder. Files
// named on the command line are read whatever their name.
var importExts = map[string]bool{
	".txt": true, ".md": true, ".markdown": true, ".text": true,
	".docx": true, ".odt": true, ".pdf": true, ".html": true, ".htm": true, ".xhtml": true,
	".doc": true, ".rtf": true,
}

// Importable says whether a file name has an extension chibo reads.
func Importable(name string) bool { return importExts[strings.ToLower(filepath.Ext(name))] }

// Import adds files and folders to the library; see ImportContext.
func (l *Library) Import(paths []string, report func(ImportResult)) {
	l.ImportContext(context.Background(), paths, ImportOptions{}, report)
}

// ImportContext adds files and folders (recursively) to the library. Each
// file gets one result through report, in order; a bad file never stops
// the others. Inside folders, hidden entries are skipped and symbolic
// links are followed only to files inside one of the given folders. When
// ctx is cancelled the file in progress is dropped (nothing of it is
// written) and ctx.Err() is returned: every file reported before is fully
// in the library. Bookmarks survive re-imports because a document's ID
// comes from its file name.
func (l *Library) ImportContext(ctx context.Context, paths []string, opt ImportOptions, report func(ImportResult)) error {
	if report == nil {
		report = func(ImportResult) {}
	}
	files := collect(paths)
	total := len(files)
	thisRun := map[string]bool{}
	defer func() {
		if len(thisRun) > 0 { // documents committed: the snapshot is stale
			l.saveSnapshot()
		}
	}()
	// Files are read and parsed ahead by a few workers; results are then
	// committed one by one in order, so reports, IDs and duplicates do not
	// depend on timing. At most 2×workers files are held in memory, and
	// their estimated working memory (ImportOptions.cost) stays within the
	// budget: the dispatcher takes a file's share in file order before
	// handing it to a worker, and the share comes back once the file is
	// committed, so the file being waited for always has its share.
	workers := runtime.GOMAXPROCS(0)
	mem := newBudget(opt.budget())
	defer limitMemory(2 * opt.budget())()
	ready := make([]chan *prepared, total)
	for i := range ready {
		ready[i] = make(chan *prepared, 1)
	}
	wctx, stop := context.WithCancel(ctx)
	defer stop()
	next := make(chan int)
	slots := make(chan struct{}, 2*workers)
	go func() {
		defer close(next)
		for i := range files {
			select {
			case slots <- struct{}{}:
			case <-wctx.Done():
				return
			}
			if files[i].err == nil && !mem.acquire(wctx, opt.cost(files[i].path, files[i].size)) {
				return
			}
			select {
			case next <- i:
			case <-wctx.Done():
				return
			}
		}
	}()
	for w := 0; w < workers; w++ {
		go func() {
			for i := range next {
				f := files[i]
				if f.err != nil {
					ready[i] <- nil
					continue
				}
				ready[i] <- l.prepareBounded(wctx, f, opt)
			}
		}()
	}
	// Commits are grouped while the next file is already prepared (see
	// commitGroup); a group is recorded as soon as the commits would have
	// to wait, so the lock is never held while a file is being parsed.
	g := &commitGroup{}
	defer l.flush(g)
	var early *prepared // the next file's (nil for a file not read), taken to see whether it was ready
	took := false
	for i, f := range files {
		var p *prepared
		if took {
			p, early, took = early, nil, false
		} else {
			select {
			case p = <-ready[i]:
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		<-slots
		res := ImportResult{Path: f.path, N: i + 1, Total: total, Size: f.size, Err: f.err}
		switch {
		case f.err != nil && (errors.Is(f.err, ErrNotDocument) || errors.Is(f.err, ErrOutside) || errors.Is(f.err, ErrBrokenLink)):
			res.Status = ImportSkipped
		case f.err != nil:
			res.Status = ImportFailed
		default:
			if err := ctx.Err(); err != nil {
				return err
			}
			l.commit(ctx, p, opt, thisRun, &res, g)
			p.data, p.keep, p.doc, p.conv, p.enc = nil, nil, nil, nil, nil
			mem.release(opt.cost(f.path, f.size))
			if ctx.Err() != nil && importer.IsCancel(res.Err) {
				return res.Err
			}
		}
		report(res)
		if i+1 < len(files) && !g.full() && ctx.Err() == nil {
			select {
			case early = <-ready[i+1]:
				took = true
				continue
			default:
			}
		}
		l.flush(g)
	}
	return ctx.Err()
}

// limitMemory keeps an import's garbage from doubling its memory: reading
// and parsing allocate freely and briefly (a 60 MB one-line text makes
// ~2 GB of short-lived strings), and with the collector's default pacing
// the heap grows to twice what is live. Unless the user set GOMEMLIMIT, it
// sets a soft limit (runtime/debug.SetMemoryLimit) of the live heap plus
// headroom bytes and returns the function that restores the old one. The
// limit is soft: a file that needs more still gets it, the collector only
// works harder near it.
func limitMemory(headroom int64) func() {
	old := debug.SetMemoryLimit(-1)
	if old != math.MaxInt64 {
		return func() {}
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	debug.SetMemoryLimit(int64(ms.HeapAlloc) + headroom)
	return func() { debug.SetMemoryLimit(old) }
}

// budget is the memory the import's files may take at once: a weighted
// semaphore (golang.org/x/sync/semaphore) with one taker, the dispatcher,
// so shares are granted in file order. A share is at most the whole
// budget (see ImportOptions.cost), so a request never waits forever.
type budget struct{ sem *semaphore.Weighted }

func newBudget(n int64) *budget { return &budget{semaphore.NewWeighted(n)} }

// acquire waits until n bytes are free and takes them; false when ctx ends.
func (b *budget) acquire(ctx context.Context, n int64) bool { return b.sem.Acquire(ctx, n) == nil }

func (b *budget) release(n int64) { b.sem.Release(n) }

// timeoutGrace is how long a file over its deadline is given to notice
// before its result is given up for: a reader that never looks at its
// context then costs a goroutine, not the whole import. (A variable for
// tests.)
var timeoutGrace = 2 * time.Second

// testHookPrepare, set by tests only, runs as each file's preparation
// starts.
// It is atomic: a preparation the import gave up on (a timeout) may
// still read it after the test that set it has ended.
var testHookPrepare atomic.Pointer[func(ctx context.Context, path string)]

// prepareBounded is prepare under the file's deadline, with a panic in it
// recovered as a problem of that file.
func (l *Library) prepareBounded(ctx context.Context, f found, opt ImportOptions) *prepared {
	limit := opt.fileTimeout(f.path, f.size)
	fctx, cancel := context.WithTimeout(ctx, limit)
	defer cancel()
	name := filepath.Base(f.path)
	done := make(chan *prepared, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				done <- &prepared{name: name, path: f.path, err: &FileError{File: name, Problem: ProblemFormat, Detail: fmt.Sprint(r)}}
			}
		}()
		done <- l.prepare(fctx, f.path, opt)
	}()
	timedOut := func() *prepared {
		return &prepared{name: name, path: f.path, err: &FileError{File: name, Problem: ProblemTimeout, Detail: limit.String()}}
	}
	var p *prepared
	select {
	case p = <-done:
	case <-fctx.Done():
		select {
		case p = <-done:
		case <-time.After(timeoutGrace):
			if ctx.Err() != nil {
				return &prepared{name: name, path: f.path, err: ctx.Err()}
			}
			return timedOut()
		}
	}
	if p.err != nil && ctx.Err() == nil && errors.Is(fctx.Err(), context.DeadlineExceeded) {
		return timedOut() // whatever the reader made of its cancelled context
	}
	return p
}

type found struct {
	path string
	size int64
	err  error
}

// collect lists the files to import, in a stable order.
func collect(paths []string) []found {
	var out []found
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			out = append(out, found{path: p, err: &FileError{File: p, Problem: ProblemRead, Err: err}})
			continue
		}
		if !info.IsDir() {
			out = append(out, found{path: p, size: info.Size()})
			continue
		}
		roots := rootsOf(paths)
		filepath.WalkDir(p, func(fp string, d fs.DirEntry, err error) error {
			if err != nil {
				out = append(out, found{path: fp, err: &FileError{File: fp, Problem: ProblemRead, Err: err}})
				return nil
			}
			if fp != p && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				return nil
			}
			if strings.HasPrefix(d.Name(), "~$") { // Word's lock files
				return nil
			}
			size := int64(0)
			if d.Type()&fs.ModeSymlink != 0 {
				target, err := filepath.EvalSymlinks(fp)
				if err != nil {
					// Dangling, or a loop: say so, not "outside".
					out = append(out, found{path: fp, err: fmt.Errorf("%w: %w", ErrBrokenLink, err)})
					return nil
				}
				if !inside(target, roots) {
					out = append(out, found{path: fp, err: ErrOutside})
					return nil
				}
				ti, err := os.Stat(target)
				if err != nil || !ti.Mode().IsRegular() {
					return nil
				}
				size = ti.Size()
			} else if !d.Type().IsRegular() {
				if Importable(fp) {
					// A FIFO, device or socket under a document's name:
					// report it (reading it could wait forever).
					out = append(out, found{path: fp, err: &FileError{File: fp, Problem: ProblemRead, Err: ErrNotRegular}})
				}
				return nil
			} else if info, err := d.Info(); err == nil {
				size = info.Size()
			}
			if !Importable(fp) {
				out = append(out, found{path: fp, err: ErrNotDocument})
				return nil
			}
			out = append(out, found{path: fp, size: size})
			return nil
		})
	}
	return out
}

func rootsOf(paths []string) []string {
	var out []string
	for _, p := range paths {
		if info, err := os.Stat(p); err == nil && info.IsDir() {
			if r, err := filepath.EvalSymlinks(p); err == nil {
				if abs, err := filepath.Abs(r); err == nil {
					out = append(out, abs)
				}
			}
		}
	}
	return out
}

func inside(target string, roots []string) bool {
	abs, err := filepath.Abs(target)
	if err != nil {
		return false
	}
	for _, r := range roots {
		if rel, err := filepath.Rel(r, abs); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return true
		}
	}
	return false
}

// formatExt is the extension a converted file is kept under.
var formatExt = map[importer.Format]string{
	importer.FormatText: ".txt", importer.FormatMarkdown: ".md", importer.FormatHTML: ".html",
	importer.FormatDOCX: ".docx", importer.FormatODT: ".odt", importer.FormatPDF: ".pdf",
	importer.FormatDOC: ".doc", importer.FormatRTF: ".rtf",
}

// prepared is a file read and parsed, waiting to be committed.
type prepared struct {
	name, path string
	data, keep []byte
	doc        *Document
	conv       *importer.Result
	fileName   string // the name it was parsed under
	err        error
	// same is the document already kept from these very bytes: the file
	// is a duplicate, known without parsing (a scan is not OCR'd again).
	same *Document
	// enc is doc encoded for the store, with doc.ID and doc.Source as
	// prepare set them.
	enc *store.Encoded
	// print is doc's fingerprint and key the content key of keep, taken
	// in the parallel workers too.
	print, key string
}

// sameBytes returns the imported document with the given ID when its kept
// copy has exactly data's bytes, or nil.
func (l *Library) sameBytes(id string, data []byte) *Document {
	l.mu.RLock()
	file, ok := l.imported[id]
	l.mu.RUnlock()
	if !ok {
		return nil
	}
	path := filepath.Join(l.dir, file)
	if info, err := os.Stat(path); err != nil || info.Size() != int64(len(data)) {
		return nil
	}
	kept, err := os.ReadFile(path)
	if err != nil || !bytes.Equal(kept, data) {
		return nil
	}
	doc, _ := l.Doc(id)
	return doc
}

// prepare reads and parses one file under the name its copy will most
// likely have (its ID and the extension of its format). It writes nothing.
func (l *Library) prepare(ctx context.Context, path string, opt ImportOptions) *prepared {
	p := &prepared{name: filepath.Base(path), path: path}
	if hook := testHookPrepare.Load(); hook != nil {
		(*hook)(ctx, path)
	}
	maxSize := opt.MaxSize
	if maxSize <= 0 {
		maxSize = DefaultMaxFileSize
	}
	p.data, p.err = ReadFileLimited(path, maxSize)
	if p.err != nil {
		return p
	}
	if p.same = l.sameBytes(l.baseID(p.name), p.data); p.same != nil {
		return p
	}
	p.fileName = l.baseID(p.name) + formatExt[importer.Sniff(p.name, p.data)]
	popt := ParseOptions{Encoding: opt.Encoding, MaxSize: maxSize, MaxUnzipped: opt.MaxUnzipped}
	if opt.OCRProgress != nil {
		popt.OCRProgress = func(done, total int) { opt.OCRProgress(path, done, total) }
	}
	p.doc, p.conv, p.err = ParseBytesContext(ctx, p.fileName, p.data, popt)
	if p.err != nil {
		if fe, ok := p.err.(*FileError); ok {
			fe.File = p.name
		}
		return p
	}
	// What is kept: the original bytes, except text in another encoding
	// than UTF-8, kept as its UTF-8 reading so re-opening needs no guess.
	p.keep = p.data
	switch {
	case (p.conv.Format == importer.FormatText || p.conv.Format == importer.FormatMarkdown) && (p.conv.Encoding != importer.UTF8 || p.conv.Replaced > 0):
		p.keep = []byte(p.conv.Text)
	case p.conv.Format == importer.FormatHTML && p.conv.Encoding == importer.UTF8 && p.conv.Replaced > 0:
		p.keep = []byte(strings.ToValidUTF8(string(p.data), "\uFFFD")) // as read, with the stray bytes replaced
	case p.conv.Format == importer.FormatHTML && p.conv.Encoding != importer.UTF8:
		html, err := importer.Decode(p.data, p.conv.Encoding)
		if err != nil {
			p.err = fileError(p.name, err)
			return p
		}
		p.keep = []byte(html)
	}
	p.conv.Text = "" // kept as p.keep where needed: not held twice until the commit
	// Encoded for the store here, in the parallel workers: under the
	// commit's lock it would be most of the commit. Under the ID and name
	// the copy most likely gets; commit encodes again if they change.
	p.doc.ID, p.doc.Source = l.baseID(p.name), p.fileName
	p.enc, _ = store.Encode(p.doc) // on error, commit encodes (and reports) it
	p.print, p.key = fingerprint(p.doc), contentKey(p.keep)
	return p
}

// commit puts a prepared file into the library: duplicate check, ID,
// atomic copy, cache, in-memory lists. It holds the library folder's lock
// from choosing the ID to writing the copy, and looks at the folder itself
// (not only at what this process knows), so two chibo processes importing
// files of one name both keep theirs.
func (l *Library) commit(ctx context.Context, p *prepared, opt ImportOptions, thisRun map[string]bool, res *ImportResult, g *commitGroup) {
	if p.err != nil {
		res.Status, res.Err = ImportFailed, p.err
		return
	}
	if p.same != nil {
		res.Status, res.Doc = ImportDuplicate, p.same
		return
	}
	res.Format, res.Encoding, res.OCR, res.Garbled = string(p.conv.Format), p.conv.Encoding, p.conv.OCR, p.conv.Garbled
	res.Replaced = p.conv.Replaced
	if g.lk == nil {
		lk, err := l.lock()
		if err != nil {
			res.Status, res.Err = ImportFailed, &FileError{File: p.name, Problem: ProblemLibraryWrite, Err: err}
			return
		}
		g.lk = lk
		// Another process may have imported meanwhile: read the store's
		// catalogue again (one small read when nothing changed), so the
		// duplicate check below sees its documents' fingerprints too.
		l.Refresh()
	}
	pl := l.place(p, thisRun)
	id, status := pl.id, pl.status
	fileName := id + formatExt[p.conv.Format]
	doc, enc := p.doc, p.enc
	if doc.ID != id || doc.Source != fileName {
		enc = nil // encoded under another ID or name
	}
	if fileName != p.fileName {
		// Renamed to keep two documents apart: parse the copy under its
		// name, as the next OpenLibrary will.
		d, _, err := ParseBytesContext(ctx, fileName, p.keep, ParseOptions{MaxSize: 1 << 62, MaxUnzipped: opt.MaxUnzipped})
		if err != nil {
			res.Status, res.Err = ImportFailed, err
			return
		}
		doc, enc = d, nil
	}
	doc.ID, doc.Source = id, fileName

	fp := p.print
	if doc != p.doc || fp == "" {
		fp = fingerprint(doc)
	}
	if dup := l.samePrint(fp); dup != "" {
		if d, ok := l.Doc(dup); ok {
			res.Status, res.Doc = ImportDuplicate, d
			return
		}
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	dest := filepath.Join(l.dir, fileName)
	// Synced here; the folder is synced once when the group is recorded.
	if err := writeFileAtomic(dest, p.keep, 0o644, true, false); err != nil {
		res.Status, res.Err = ImportFailed, &FileError{File: p.name, Problem: ProblemLibraryWrite, Err: err}
		return
	}
	if pl.old != "" && pl.old != fileName {
		os.Remove(filepath.Join(l.dir, pl.old)) // say a .txt replaced by a .docx of the same name
	}
	l.imported[id] = fileName
	// Where it came from, to tell a new version of this document from
	// another document with the same file name at the next import. Only a
	// hint: without it, both are kept.
	if src, err := filepath.Abs(p.path); err == nil {
		l.writeMeta(id, docMeta{Version: 1, Source: src, Number: doc.Number, Title: doc.Title})
	}
	// Then its record: a crash before this leaves a file the next
	// OpenLibrary parses and records.
	var size, mtime int64
	if info, err := os.Stat(dest); err == nil {
		size, mtime = info.Size(), info.ModTime().UnixNano()
	}
	rec := recordPrinted(doc, fileName, false, size, mtime, p.key, fp)
	g.add(l, rec, doc, enc)
	thisRun[id] = true
	if l.prints != nil {
		l.prints[fp] = id
	}
	res.Status, res.Doc, res.Beside = status, doc, pl.beside
}

// commitGroup gathers consecutive commits of an import so their durable
// writes are shared: the library folder's lock is held from the group's
// first commit to its flush (no other process places a document in
// between), each copy is written and synced as it is committed, and the
// flush syncs the folder once and records every document of the group in
// one store transaction — bbolt syncs twice per transaction, and six syncs
// per document took most of an import's file phase (100 MB: 7 of 9.6 s).
// Until the flush a document is held in memory (l.mem). A kill before
// the flush leaves synced copies without records, which the next
// OpenLibrary parses and records, as a kill between a copy and its record
// always did: a document reported added is in the library either way. A
// power cut before the flush may lose the group's new names in the folder
// (synced at the flush) with their records: the library stays consistent
// and the user's own files are untouched, to be imported again.
type commitGroup struct {
	lk      *lockfile.Lock
	changes []store.Change
	bytes   int
}

// Bounds of a commit group: documents and bytes of their kept copies.
const (
	groupDocs  = 64
	groupBytes = 16 << 20
)

// full says the group should be recorded before another commit.
func (g *commitGroup) full() bool { return len(g.changes) >= groupDocs || g.bytes >= groupBytes }

// add puts a committed document in the catalogue and the group; the
// caller holds l.mu.
func (g *commitGroup) add(l *Library, rec *store.Record, doc *Document, enc *store.Encoded) {
	g.changes = append(g.changes, store.Change{Record: *rec, Doc: doc, Encoded: enc})
	g.bytes += int(rec.Size)
	l.mem[rec.ID] = doc // until the store has it
	l.recs[rec.ID] = rec
	l.imported[rec.ID] = rec.File
	l.recent = nil
	l.info = nil // sorted again when next asked for (infoLocked), not per document
}

// flush records the group's documents in the store and releases the lock.
func (l *Library) flush(g *commitGroup) {
	if len(g.changes) > 0 {
		syncDirectory(l.dir)
		gen, err := l.st.Apply(g.changes...)
		l.mu.Lock()
		if err == nil { // else the documents stay in memory; their files are kept
			for _, c := range g.changes {
				if l.mem[c.Record.ID] == c.Doc {
					delete(l.mem, c.Record.ID)
				}
			}
			if gen == l.gen+1 { // nobody else wrote meanwhile
				l.gen = gen
			}
		}
		l.mu.Unlock()
	}
	if g.lk != nil {
		g.lk.Release()
	}
	*g = commitGroup{changes: g.changes[:0]}
}

// samePrint returns the ID of a document whose text has fingerprint fp,
// or "".
func (l *Library) samePrint(fp string) string {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.prints == nil {
		l.prints = map[string]string{}
		for id, r := range l.recs {
			if r.Print != "" {
				l.prints[r.Print] = id
			}
		}
		for id, d := range l.mem {
			l.prints[fingerprint(d)] = id
		}
	}
	id, ok := l.prints[fp]
	if !ok {
		return ""
	}
	if r := l.recs[id]; r == nil || (r.Print != fp && l.mem[id] == nil) {
		return ""
	}
	return id
}

// lock takes the library folder's inter-process lock (held for one
// file's commit, or a removal). The first time, it also removes the
// temporary files a killed chibo left in the library and its caches.
func (l *Library) lock() (*lockfile.Lock, error) {
	lk, err := lockfile.Acquire(filepath.Join(l.dir, ".lock"), 0)
	if err != nil {
		return nil, err
	}
	l.tidy.Do(func() {
		RemoveStaleTemps(l.dir, StaleTempAge)
		RemoveStaleTemps(filepath.Join(l.dir, metaDir), StaleTempAge)
	})
	return lk, nil
}

// metaDir holds, per imported document, where it was imported from.
const metaDir = ".meta"

// docMeta is what the library remembers of an imported document's origin.
type docMeta struct {
	Version int    `json:"version"`
	Source  string `json:"source"` // absolute path of the file imported
	Number  string `json:"number,omitempty"`
	Title   string `json:"title,omitempty"`
}

func (l *Library) metaPath(id string) string { return filepath.Join(l.dir, metaDir, id+".json") }

func (l *Library) writeMeta(id string, m docMeta) {
	if b, err := json.Marshal(m); err == nil {
		// A hint (see commit): not worth a sync per document; a file
		// left empty by a power cut reads as no hint.
		writeFileAtomic(l.metaPath(id), b, 0o644, false, false)
	}
}

func (l *Library) readMeta(id string) (docMeta, bool) {
	var m docMeta
	b, err := os.ReadFile(l.metaPath(id))
	if err != nil || json.Unmarshal(b, &m) != nil || m.Version < 1 {
		return docMeta{}, false
	}
	return m, true
}

// fingerprint identifies a document's content whatever its format: the
// words of its headings, text and notes, so the same text as .txt, .docx
// or .pdf is one document. The headings the parsers invent ("Mở đầu"
// before the first heading, "Phần kết" after the last) do not count.
func fingerprint(d *Document) string {
	h := sha256.New()
	var buf []byte
	for _, s := range d.Sections {
		buf = buf[:0]
		if s.ID != "mo-dau" && s.ID != "phan-ket" { // headings the parsers invent
			buf = appendWords(buf, s.Heading)
		}
		buf = appendWords(buf, s.Text)
		for _, n := range s.Notes {
			buf = appendWords(buf, n.Text)
		}
		h.Write(buf)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// appendWords appends the words of s (as Words splits them), each followed
// by a space, to buf: the bytes fingerprint hashes, without a slice of
// words or a string per word.
func appendWords(buf []byte, s string) []byte {
	in := false
	for i := 0; i < len(s); {
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		if model.IsWordRune(r) {
			buf = append(buf, s[i:i+n]...)
			in = true
		} else if in {
			buf = append(buf, ' ')
			in = false
		}
		i += n
	}
	if in {
		buf = append(buf, ' ')
	}
	return buf
}

// maxIDBytes caps a new document's ID, so its copy in the library and the
// temporary name it is written under (".ID.docx.tmp-NNNNNNNNNN") fit the
// 255-byte limit of file names, with room for a collision suffix.
const maxIDBytes = 80

// capID shortens an ID over maxIDBytes at a word boundary and adds a
// short hash of the whole ID, so two long names that share a beginning
// stay apart and the same name always gives the same ID.
func capID(id string) string {
	if len(id) <= maxIDBytes {
		return id
	}
	h := shortHash([]byte(id))
	cut := id[:maxIDBytes-len(h)-1]
	for len(cut) > 0 && !utf8.RuneStart(id[len(cut)]) {
		cut = cut[:len(cut)-1]
	}
	if i := strings.LastIndexByte(cut, '-'); i >= maxIDBytes/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, "-") + "-" + h
}

// baseID is the ID a file named name gets unless it must be told apart:
// its name's (DocID), capped to maxIDBytes — except that a long ID imported
// before the cap keeps being updated under its old name.
func (l *Library) baseID(name string) string {
	l.mu.RLock()
	defer l.mu.RUnlock()
	return l.baseIDLocked(name)
}

func (l *Library) baseIDLocked(name string) string {
	full := DocID(name)
	if _, ok := l.imported[full]; ok || len(full) <= maxIDBytes {
		return full
	}
	return capID(full)
}

// fileOf returns the library file holding the imported document id: as
// this process knows it, or as another process may have written it.
// The caller holds l.mu (read) and the folder's lock.
func (l *Library) fileOf(id string) string {
	if f, ok := l.imported[id]; ok {
		return f
	}
	seen := map[string]bool{}
	for _, ext := range formatExt {
		if seen[ext] {
			continue
		}
		seen[ext] = true
		if info, err := os.Stat(filepath.Join(l.dir, id+ext)); err == nil && info.Mode().IsRegular() {
			return id + ext
		}
	}
	return ""
}

// placement is where a prepared file goes.
type placement struct {
	id     string
	status ImportStatus
	old    string // the library file id had until now ("" when new)
	beside string // a different document kept under the file's own ID
}

// place decides the ID of an imported file. It is the name's, so that
// importing a new version of a document updates it in place (bookmarks
// and plan references kept) — but only when it is plausibly the same
// document (sameDocument). When the ID belongs to a seed, to another file
// of this same import, or to a different document, a short content hash
// keeps both. The caller holds the library folder's lock.
func (l *Library) place(p *prepared, thisRun map[string]bool) placement {
	l.mu.RLock()
	defer l.mu.RUnlock()
	cand := l.baseIDLocked(p.name)
	_, imported := l.imported[cand]
	old := l.fileOf(cand)
	_, seed := l.recs[cand]
	seed = seed && !imported
	if !seed && old == "" {
		return placement{id: cand, status: ImportAdded}
	}
	var beside string
	if !seed {
		if !thisRun[cand] && l.sameDocument(cand, p) {
			return placement{id: cand, status: ImportUpdated, old: old}
		}
		beside = cand
	}
	id := cand + "-" + shortHash(p.data)
	if f := l.fileOf(id); f != "" {
		return placement{id: id, status: ImportUpdated, old: f, beside: beside}
	}
	return placement{id: id, status: ImportAdded, beside: beside}
}

// sameDocument says whether the prepared file is a new version of the
// imported document id rather than another document with the same file
// name: it comes from the same place (same folder and name, whatever the
// extension), or it states the same số/ký hiệu and the same title.
func (l *Library) sameDocument(id string, p *prepared) bool {
	m, ok := l.readMeta(id)
	if ok && m.Source != "" {
		if src, err := filepath.Abs(p.path); err == nil && strings.TrimSuffix(src, filepath.Ext(src)) == strings.TrimSuffix(m.Source, filepath.Ext(m.Source)) {
			return true
		}
	}
	if !ok {
		r := l.recs[id]
		if r == nil {
			return false // written by another process: nothing to compare
		}
		m.Number, m.Title = r.Number, r.Title
	}
	return m.Number != "" && m.Number == p.doc.Number && m.Title == p.doc.Title
}

// Remove deletes an imported document from the library. Seeds cannot be
// removed: they are part of the program.
func (l *Library) Remove(id string) error {
	err := l.remove(id)
	if err == nil {
		l.saveSnapshot()
	}
	return err
}

func (l *Library) remove(id string) error {
	lk, err := l.lock()
	if err != nil {
		return err
	}
	defer lk.Release()
	// Another process may have changed the library since it was opened.
	l.Refresh()
	l.mu.Lock()
	defer l.mu.Unlock()
	if _, ok := l.recs[id]; !ok {
		return ErrNoDocument
	}
	file, ok := l.imported[id]
	if !ok {
		return ErrSeed
	}
	if err := os.Remove(filepath.Join(l.dir, file)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	os.Remove(l.metaPath(id))
	// Then the record: a crash before this leaves a record without a
	// file, which the next OpenLibrary drops.
	if gen, err := l.st.Apply(store.Change{Record: store.Record{DocInfo: DocInfo{ID: id}}, Delete: true}); err == nil && gen == l.gen+1 {
		l.gen = gen
	}
	delete(l.recs, id)
	delete(l.imported, id)
	delete(l.mem, id)
	l.recent, l.prints = nil, nil
	for i, x := range l.infoLocked() {
		if x.ID == id {
			l.info = append(l.info[:i], l.info[i+1:]...)
			break
		}
	}
	return nil
}

// ErrSeed is returned when asked to remove a document chibo ships with.
var ErrSeed = errors.New("built-in document")

// ErrNoDocument is returned for an ID the library does not have.
var ErrNoDocument = errors.New("no such document")

func shortHash(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:3])
}

func contentKey(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:16])
}

// ParserVersion changes whenever parsing (a reader or the recogniser)
// changes what a Document holds, so stored parses from older versions are
// redone at the next open. TestParserVersion fails when the parse of the
// seeds and the readers' test files changes while this stays the same.
// The stamp used to include the executable's size and time, so every
// upgrade re-parsed the whole library (135 s on 1 GB) even when parsing
// had not changed.
const ParserVersion = 11 // 11: a title-case document name in a page title is not a site name; 10: the authentication block of a consolidated text is its closing; 9: PDF footnotes at the page foot go with the line that cites them; 8: hanging indents of numbered lines in PDFs; 7: e-office stamps overhanging their blank, rows joined after the motto, stray marks and "3070." numbers in headers; 6: footnote marks on numbering, chapter names starting wrapped lines, quotes after amending articles, e-signature boxes, gazette headers and page numbers as titles; 5: quoted amended text opens no sections; 4: footnote marks in PDFs, titles of fragments, án lệ numbers, site names of web pages (session 23); 3: kinds and issuers from the header as written (main 8245718); 2: terminal controls stripped at import (rel-13), stray UTF-8 bytes read as U+FFFD

// parserStamp is what a store record keeps of the parser that made it.
func parserStamp() string { return fmt.Sprintf("v%d", ParserVersion) }
