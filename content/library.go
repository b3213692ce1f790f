package content

import (
	"bytes"
	"context"
	"crypto/sha256"
	"embed"
	"encoding/gob"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"chibo/content/importer"
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
// so the library never depends on where they came from, and re-opening
// re-parses them — through a parse cache, so opening stays fast.
type Library struct {
	dir   string
	cache *parseCache

	mu       sync.RWMutex
	docs     []*Document
	byID     map[string]*Document
	imported map[string]string // ID → file name in dir (seeds are absent)
	prints   map[string]string // fingerprint → ID, built on the first import
	// Problems lists imported files that could not be parsed when the
	// library was opened; they are kept on disk, untouched.
	Problems []error
}

// OpenLibrary parses the seeds and every file in the library directory,
// reusing cached parses of unchanged files.
func OpenLibrary(dirs Dirs) (*Library, error) {
	l := &Library{dir: dirs.Library(), byID: map[string]*Document{}, imported: map[string]string{}}
	if dirs.Cache != "" {
		l.cache = &parseCache{dir: filepath.Join(dirs.Cache, "parsed")}
	}
	seeds, err := SeedFiles()
	if err != nil {
		return nil, err
	}
	type job struct {
		name string
		data []byte // seeds only
		path string // imported files
		doc  *Document
		key  string
		err  error
	}
	var jobs []*job
	names := make([]string, 0, len(seeds))
	for n := range seeds {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		jobs = append(jobs, &job{name: n, data: seeds[n]})
	}
	entries, err := os.ReadDir(l.dir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	for _, e := range entries {
		if e.IsDir() || strings.HasPrefix(e.Name(), ".") || !e.Type().IsRegular() {
			continue
		}
		jobs = append(jobs, &job{name: e.Name(), path: filepath.Join(l.dir, e.Name())})
	}
	// Parse (or load from the cache) in parallel: a library of hundreds of
	// files opens in the time of its largest few.
	work := make(chan *job)
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range work {
				data := j.data
				if data == nil {
					data, j.err = ReadFileLimited(j.path, 1<<62)
					if j.err != nil {
						continue
					}
				}
				j.key = contentKey(data)
				if d := l.cache.load(j.key, j.name); d != nil {
					j.doc = d
					continue
				}
				j.doc, j.err = ParseBytes(j.name, data)
				if j.err == nil {
					l.cache.store(j.key, j.name, j.doc)
				}
			}
		}()
	}
	for _, j := range jobs {
		work <- j
	}
	close(work)
	wg.Wait()
	keep := map[string]bool{}
	for _, j := range jobs {
		if j.err != nil {
			if j.data != nil {
				return nil, fmt.Errorf("embedded seed %s: %w", j.name, j.err)
			}
			l.Problems = append(l.Problems, j.err)
			continue
		}
		keep[j.key] = true
		if j.path != "" {
			// An imported copy is named after its ID (see importFile).
			j.doc.ID = strings.TrimSuffix(j.name, filepath.Ext(j.name))
			if old, ok := l.imported[j.doc.ID]; ok && old != j.name {
				// Two copies of one ID (an interrupted update): keep one.
				l.Problems = append(l.Problems, &FileError{File: j.name, Problem: ProblemDuplicateID, Detail: old})
				continue
			}
			l.imported[j.doc.ID] = j.name
		}
		l.add(j.doc)
	}
	l.cache.prune(keep)
	l.sort()
	return l, nil
}

// Dir is where the library keeps its copies of imported files.
func (l *Library) Dir() string { return l.dir }

func (l *Library) add(d *Document) {
	if old, ok := l.byID[d.ID]; ok {
		for i, x := range l.docs {
			if x == old {
				l.docs[i] = d
			}
		}
	} else {
		l.docs = append(l.docs, d)
	}
	l.byID[d.ID] = d
}

// sort orders documents by kind, then newest first, then title.
func (l *Library) sort() {
	rank := map[Kind]int{}
	for i, k := range Kinds {
		rank[k] = i
	}
	sort.SliceStable(l.docs, func(i, j int) bool {
		a, b := l.docs[i], l.docs[j]
		if rank[a.Kind] != rank[b.Kind] {
			return rank[a.Kind] < rank[b.Kind]
		}
		if a.Date != b.Date {
			return a.Date > b.Date
		}
		return a.Title < b.Title
	})
}

// Docs returns the documents, grouped by kind and newest first.
func (l *Library) Docs() []*Document {
	l.mu.RLock()
	defer l.mu.RUnlock()
	return append([]*Document(nil), l.docs...)
}

// Doc returns one document by ID.
func (l *Library) Doc(id string) (*Document, bool) {
	l.mu.RLock()
	defer l.mu.RUnlock()
	d, ok := l.byID[id]
	return d, ok
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
	ImportUpdated   ImportStatus = "updated"   // same name, new content: replaced in place
	ImportDuplicate ImportStatus = "duplicate" // same content as an existing document
	ImportFailed    ImportStatus = "failed"
	ImportSkipped   ImportStatus = "skipped" // not a document (see Err: ErrNotDocument, ErrOutside)
)

// Reasons a file found in a folder is skipped.
var (
	ErrNotDocument = errors.New("not a document chibo reads")
	ErrOutside     = errors.New("symbolic link leading outside the folder")
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
	N, Total int   // this is file N (1-based) of Total, for progress bars
	Size     int64 // bytes of the source file
}

// ImportOptions tune an import; the zero value is sensible.
type ImportOptions struct {
	Encoding    string // force the encoding of text and HTML files
	MaxSize     int64  // per-file size limit in bytes (0: DefaultMaxFileSize)
	MaxUnzipped int64  // decompression budget for docx/odt (0: default)
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
	// Files are read and parsed ahead by a few workers; results are then
	// committed one by one in order, so reports, IDs and duplicates do not
	// depend on timing. At most 2×workers files are held in memory.
	workers := runtime.GOMAXPROCS(0)
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
				ready[i] <- l.prepare(wctx, f.path, opt)
			}
		}()
	}
	for i, f := range files {
		var p *prepared
		select {
		case p = <-ready[i]:
		case <-ctx.Done():
			return ctx.Err()
		}
		<-slots
		res := ImportResult{Path: f.path, N: i + 1, Total: total, Size: f.size, Err: f.err}
		switch {
		case f.err != nil && (errors.Is(f.err, ErrNotDocument) || errors.Is(f.err, ErrOutside)):
			res.Status = ImportSkipped
		case f.err != nil:
			res.Status = ImportFailed
		default:
			if err := ctx.Err(); err != nil {
				return err
			}
			l.commit(ctx, p, opt, thisRun, &res)
			if importer.IsCancel(res.Err) {
				return res.Err
			}
		}
		report(res)
	}
	return ctx.Err()
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
				if err != nil || !inside(target, roots) {
					out = append(out, found{path: fp, err: ErrOutside})
					return nil
				}
				ti, err := os.Stat(target)
				if err != nil || !ti.Mode().IsRegular() {
					return nil
				}
				size = ti.Size()
			} else if !d.Type().IsRegular() {
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
}

// sameBytes returns the imported document with the given ID when its kept
// copy has exactly data's bytes, or nil.
func (l *Library) sameBytes(id string, data []byte) *Document {
	l.mu.RLock()
	file, ok := l.imported[id]
	doc := l.byID[id]
	l.mu.RUnlock()
	if !ok || doc == nil {
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
	return doc
}

// prepare reads and parses one file under the name its copy will most
// likely have (its ID and the extension of its format). It writes nothing.
func (l *Library) prepare(ctx context.Context, path string, opt ImportOptions) *prepared {
	p := &prepared{name: filepath.Base(path), path: path}
	maxSize := opt.MaxSize
	if maxSize <= 0 {
		maxSize = DefaultMaxFileSize
	}
	p.data, p.err = ReadFileLimited(path, maxSize)
	if p.err != nil {
		return p
	}
	if p.same = l.sameBytes(DocID(p.name), p.data); p.same != nil {
		return p
	}
	p.fileName = DocID(p.name) + formatExt[importer.Sniff(p.name, p.data)]
	p.doc, p.conv, p.err = ParseBytesContext(ctx, p.fileName, p.data, ParseOptions{Encoding: opt.Encoding, MaxSize: maxSize, MaxUnzipped: opt.MaxUnzipped})
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
	return p
}

// commit puts a prepared file into the library: duplicate check, ID,
// atomic copy, cache, in-memory lists.
func (l *Library) commit(ctx context.Context, p *prepared, opt ImportOptions, thisRun map[string]bool, res *ImportResult) {
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
	id, status := l.place(DocID(p.name), p.data, thisRun)
	fileName := id + formatExt[p.conv.Format]
	doc := p.doc
	if fileName != p.fileName {
		// Renamed to keep two documents apart: parse the copy under its
		// name, as the next OpenLibrary will.
		d, _, err := ParseBytesContext(ctx, fileName, p.keep, ParseOptions{MaxSize: 1 << 62, MaxUnzipped: opt.MaxUnzipped})
		if err != nil {
			res.Status, res.Err = ImportFailed, err
			return
		}
		doc = d
	}
	doc.ID, doc.Source = id, fileName

	l.mu.Lock()
	defer l.mu.Unlock()
	fp := fingerprint(doc)
	if l.prints == nil {
		l.prints = map[string]string{}
		for _, d := range l.docs {
			l.prints[fingerprint(d)] = d.ID
		}
	}
	if id, ok := l.prints[fp]; ok {
		if d, ok := l.byID[id]; ok && fingerprint(d) == fp {
			res.Status, res.Doc = ImportDuplicate, d
			return
		}
	}
	dest := filepath.Join(l.dir, fileName)
	if err := WriteFileAtomic(dest, p.keep, 0o644); err != nil {
		res.Status, res.Err = ImportFailed, &FileError{File: p.name, Problem: ProblemRead, Err: err}
		return
	}
	if old, ok := l.imported[id]; ok && old != fileName {
		os.Remove(filepath.Join(l.dir, old)) // say a .txt replaced by a .docx of the same name
	}
	l.imported[id] = fileName
	l.cache.store(contentKey(p.keep), fileName, doc)
	thisRun[id] = true
	l.prints[fp] = id
	l.add(doc)
	l.sort()
	res.Status, res.Doc = status, doc
}

// fingerprint identifies a document's content whatever its format: the
// words of its headings, text and notes, so the same text as .txt, .docx
// or .pdf is one document. The headings the parsers invent ("Mở đầu"
// before the first heading, "Phần kết" after the last) do not count.
func fingerprint(d *Document) string {
	h := sha256.New()
	for _, s := range d.Sections {
		if s.ID != "mo-dau" && s.ID != "phan-ket" { // headings the parsers invent
			for _, w := range Words(s.Heading) {
				h.Write([]byte(w + " "))
			}
		}
		for _, w := range Words(s.Text) {
			h.Write([]byte(w + " "))
		}
		for _, n := range s.Notes {
			for _, w := range Words(n.Text) {
				h.Write([]byte(w + " "))
			}
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

// place decides the ID of an imported file: its name's, so that importing
// a changed file again updates it in place (bookmarks kept), unless that
// ID belongs to a seed or to another file of this same import, in which
// case a short content hash keeps both.
func (l *Library) place(id string, data []byte, thisRun map[string]bool) (string, ImportStatus) {
	l.mu.RLock()
	defer l.mu.RUnlock()
	if _, ok := l.byID[id]; !ok {
		return id, ImportAdded
	}
	if _, imported := l.imported[id]; imported && !thisRun[id] {
		return id, ImportUpdated
	}
	id = id + "-" + shortHash(data)
	if _, ok := l.byID[id]; ok {
		return id, ImportUpdated
	}
	return id, ImportAdded
}

// Remove deletes an imported document from the library. Seeds cannot be
// removed: they are part of the program.
func (l *Library) Remove(id string) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	d, ok := l.byID[id]
	if !ok {
		return ErrNoDocument
	}
	file, ok := l.imported[id]
	if !ok {
		return ErrSeed
	}
	if err := os.Remove(filepath.Join(l.dir, file)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	delete(l.byID, id)
	delete(l.imported, id)
	for i, x := range l.docs {
		if x == d {
			l.docs = append(l.docs[:i], l.docs[i+1:]...)
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

// ParserVersion changes whenever parsing changes what a Document holds, so
// cached parses from older versions are not reused. The cache also keys on
// the running executable (size and time), so a rebuilt chibo re-parses
// even when a developer forgets to bump this.
const ParserVersion = 2 // 2: terminal controls stripped at import (rel-13), stray UTF-8 bytes read as U+FFFD

var cacheStamp = sync.OnceValue(func() string {
	stamp := fmt.Sprintf("v%d", ParserVersion)
	if exe, err := os.Executable(); err == nil {
		if info, err := os.Stat(exe); err == nil {
			stamp += fmt.Sprintf("-%d-%d", info.Size(), info.ModTime().UnixNano())
		}
	}
	return stamp
})

// parseCache keeps parsed Documents in Dirs.Cache, one gob file per source
// content, written atomically. Any failure to read it means a re-parse,
// never an error: the cache is only a shortcut.
type parseCache struct{ dir string }

type cacheEntry struct {
	Stamp string
	Name  string
	Doc   *Document
}

func (c *parseCache) path(key string) string { return filepath.Join(c.dir, key+".gob") }

func (c *parseCache) load(key, name string) *Document {
	if c == nil {
		return nil
	}
	b, err := os.ReadFile(c.path(key))
	if err != nil {
		return nil
	}
	var e cacheEntry
	if err := gob.NewDecoder(bytes.NewReader(b)).Decode(&e); err != nil || e.Stamp != cacheStamp() || e.Name != name || e.Doc == nil {
		return nil
	}
	return e.Doc
}

func (c *parseCache) store(key, name string, d *Document) {
	if c == nil {
		return
	}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(cacheEntry{Stamp: cacheStamp(), Name: name, Doc: d}); err != nil {
		return
	}
	// Atomic (temp file and rename) but not synced: a cache entry lost in
	// a crash only costs a re-parse.
	os.MkdirAll(c.dir, 0o755)
	f, err := os.CreateTemp(c.dir, ".tmp-*")
	if err != nil {
		return
	}
	_, werr := f.Write(buf.Bytes())
	if cerr := f.Close(); werr != nil || cerr != nil || os.Rename(f.Name(), c.path(key)) != nil {
		os.Remove(f.Name())
	}
}

// prune deletes entries no file of the library uses any more.
func (c *parseCache) prune(keep map[string]bool) {
	if c == nil {
		return
	}
	entries, _ := os.ReadDir(c.dir)
	for _, e := range entries {
		key, ok := strings.CutSuffix(e.Name(), ".gob")
		if ok && !keep[key] {
			os.Remove(filepath.Join(c.dir, e.Name()))
		}
	}
}
