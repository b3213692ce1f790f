package content

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
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
// of the originals, so the library never depends on where they came from.
type Library struct {
	dir  string
	mu   sync.RWMutex
	docs []*Document
	byID map[string]*Document
	// Problems lists imported files that could not be parsed when the
	// library was opened; they are kept on disk, untouched.
	Problems []error
}

// OpenLibrary parses the seeds and every file in the library directory.
func OpenLibrary(dirs Dirs) (*Library, error) {
	l := &Library{dir: dirs.Library(), byID: map[string]*Document{}}
	seeds, err := SeedFiles()
	if err != nil {
		return nil, err
	}
	names := make([]string, 0, len(seeds))
	for n := range seeds {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		d, err := Parse(n, seeds[n])
		if err != nil {
			return nil, fmt.Errorf("embedded seed %s: %w", n, err)
		}
		l.add(d)
	}
	entries, err := os.ReadDir(l.dir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	for _, e := range entries {
		if e.IsDir() || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		d, err := ParseFile(filepath.Join(l.dir, e.Name()))
		if err != nil {
			l.Problems = append(l.Problems, err)
			continue
		}
		l.add(d)
	}
	l.sort()
	return l, nil
}

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

// ImportStatus says what happened to one imported file.
type ImportStatus string

const (
	ImportAdded     ImportStatus = "added"
	ImportUpdated   ImportStatus = "updated"   // same name, new content: replaced in place
	ImportDuplicate ImportStatus = "duplicate" // same content as an existing document
	ImportFailed    ImportStatus = "failed"
	ImportSkipped   ImportStatus = "skipped" // not a format chibo reads
)

// ImportResult is the one-line outcome for one file.
type ImportResult struct {
	Path   string
	Status ImportStatus
	Doc    *Document // the new or existing document, when there is one
	Err    error
}

// Importable says whether a file name has an extension chibo reads.
var Importable = func(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".md", ".markdown":
		return true
	}
	return false
}

// Import adds files and folders (recursively) to the library. Each file gets
// one result through report; a bad file never stops the others. Symbolic
// links are not followed out of the folders given.
func (l *Library) Import(paths []string, report func(ImportResult)) {
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			report(ImportResult{Path: p, Status: ImportFailed, Err: &FileError{File: p, Problem: ProblemRead, Err: err}})
			continue
		}
		if !info.IsDir() {
			report(l.importFile(p))
			continue
		}
		root := p
		filepath.WalkDir(root, func(fp string, d fs.DirEntry, err error) error {
			if err != nil {
				report(ImportResult{Path: fp, Status: ImportFailed, Err: &FileError{File: fp, Problem: ProblemRead, Err: err}})
				return nil
			}
			if d.IsDir() {
				if fp != root && strings.HasPrefix(d.Name(), ".") {
					return filepath.SkipDir
				}
				return nil
			}
			if d.Type()&fs.ModeSymlink != 0 || !d.Type().IsRegular() {
				return nil
			}
			if !Importable(fp) {
				return nil
			}
			report(l.importFile(fp))
			return nil
		})
	}
}

func (l *Library) importFile(path string) ImportResult {
	res := ImportResult{Path: path}
	data, err := os.ReadFile(path)
	if err != nil {
		res.Status, res.Err = ImportFailed, &FileError{File: filepath.Base(path), Problem: ProblemRead, Err: err}
		return res
	}
	name := filepath.Base(path)
	doc, err := ParseBytes(name, data)
	if err != nil {
		res.Status, res.Err = ImportFailed, err
		return res
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, d := range l.docs {
		if d.Hash == doc.Hash {
			res.Status, res.Doc = ImportDuplicate, d
			return res
		}
	}
	res.Status = ImportAdded
	if old, ok := l.byID[doc.ID]; ok {
		if !l.isImported(old) {
			// A seed has this ID: keep both by giving the import its own.
			doc.ID = doc.ID + "-" + shortHash(data)
		} else {
			res.Status = ImportUpdated
		}
	}
	// Keep the original bytes under the document's ID, so the next
	// OpenLibrary parses it again to the same ID.
	ext := strings.ToLower(filepath.Ext(name))
	dest := filepath.Join(l.dir, doc.ID+ext)
	if err := WriteFileAtomic(dest, data, 0o644); err != nil {
		res.Status, res.Err = ImportFailed, &FileError{File: name, Problem: ProblemRead, Err: err}
		return res
	}
	if res.Status == ImportUpdated {
		l.removeFilesExcept(doc.ID, dest)
	}
	doc.Source = filepath.Base(dest)
	l.add(doc)
	l.sort()
	res.Doc = doc
	return res
}

// ParseBytes parses a file's bytes whatever its format. Converters for
// binary formats (docx, odt, pdf, html) hook in by replacing it.
var ParseBytes = Parse

func (l *Library) isImported(d *Document) bool {
	_, err := os.Stat(filepath.Join(l.dir, d.Source))
	return err == nil
}

// removeFilesExcept deletes other copies of the document id (say a .txt
// replaced by a .md of the same name).
func (l *Library) removeFilesExcept(id, keep string) {
	matches, _ := filepath.Glob(filepath.Join(l.dir, id+".*"))
	for _, m := range matches {
		if m != keep {
			os.Remove(m)
		}
	}
}

// Remove deletes an imported document from the library. Seeds cannot be
// removed: they are part of the program.
func (l *Library) Remove(id string) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	d, ok := l.byID[id]
	if !ok {
		return fmt.Errorf("no document %q", id)
	}
	if !l.isImported(d) {
		return ErrSeed
	}
	if err := os.Remove(filepath.Join(l.dir, d.Source)); err != nil {
		return err
	}
	delete(l.byID, id)
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

func shortHash(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:3])
}
