package eval

import (
	"compress/gzip"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"chibo/content"
)

// The in-domain judged set lives in testdata/judged (see its README):
//
//	library.json.gz  the documents as chibo parsed them (the five seeds and
//	                 the real documents of testdata/corpus), so the set does
//	                 not depend on OCR or converters being installed;
//	queries.json     the questions and, for each, its relevant sections,
//	                 judged by reading the documents.
//
// A relevant section is named by its document and a piece of its heading
// (compared folded), or by its ID, or by the ID of a section it is or lies
// under ("under": an article and all its clauses); a document alone means
// any of its sections. Every judgment must name at least one section of the snapshot,
// else loading fails: a stale judgment is an error, never a silent miss.

// Judgment names relevant sections of one document.
type Judgment struct {
	Doc     string `json:"doc"`
	Heading string `json:"heading,omitempty"` // a piece of the heading, folded compare
	Section string `json:"section,omitempty"` // or the section ID
	Under   string `json:"under,omitempty"`   // or this section and every section below it
}

// JudgedQuery is one line of queries.json.
type JudgedQuery struct {
	ID   string     `json:"id"`
	Q    string     `json:"q"`
	Kind string     `json:"kind"`
	Rel  []Judgment `json:"rel"`
	// Split "dev" puts a query written after the halves were fixed into
	// the development half, whatever its hash: the test half never grows.
	// Empty: the hash decides (SplitOf).
	Split string `json:"split,omitempty"`
	Note  string `json:"note,omitempty"` // how it was judged
	// Group names the batch an added development query is reported
	// under in Result.Groups (default GroupDevAdded).
	Group string `json:"group,omitempty"`
	// Audit says what a later blind re-reading of the judgment changed
	// and why (testdata/judged/README.md, "Judgment audit").
	Audit string `json:"audit,omitempty"`
}

// The groups of in-domain queries Result.Groups reports apart.
const (
	GroupDevFirst = "dev-first" // the development half as the hash split it
	GroupDevAdded = "dev-added" // queries added to the development half later
)

// LibraryFile and QueriesFile are the set's file names.
const (
	LibraryFile = "library.json.gz"
	QueriesFile = "queries.json"
)

// LoadJudged reads the in-domain set from dir.
func LoadJudged(dir string) (*Set, error) {
	docs, err := ReadLibrary(filepath.Join(dir, LibraryFile))
	if err != nil {
		return nil, err
	}
	raw, err := os.ReadFile(filepath.Join(dir, QueriesFile))
	if err != nil {
		return nil, err
	}
	var jq []JudgedQuery
	if err := json.Unmarshal(raw, &jq); err != nil {
		return nil, fmt.Errorf("%s: %w", QueriesFile, err)
	}
	byID := map[string]*content.Document{}
	for _, d := range docs {
		byID[d.ID] = d
	}
	s := &Set{Name: "in-domain", Docs: docs}
	seen := map[string]bool{}
	for _, q := range jq {
		if seen[q.ID] || q.ID == "" {
			return nil, fmt.Errorf("%s: query ID %q empty or repeated", QueriesFile, q.ID)
		}
		seen[q.ID] = true
		rel := map[Key]bool{}
		for _, j := range q.Rel {
			d := byID[j.Doc]
			if d == nil {
				return nil, fmt.Errorf("%s: %s: no document %q", QueriesFile, q.ID, j.Doc)
			}
			n := 0
			want := strings.Join(strings.Fields(content.Fold(j.Heading)), " ")
			for _, sec := range d.Sections {
				h := strings.Join(strings.Fields(content.Fold(sec.Heading)), " ")
				if j.Section != "" && sec.ID != j.Section || j.Heading != "" && !strings.Contains(h, want) ||
					j.Under != "" && sec.ID != j.Under && !strings.HasPrefix(sec.ID, j.Under+".") {
					continue
				}
				rel[Key{Doc: d.ID, Section: sec.ID}] = true
				n++
			}
			if n == 0 {
				return nil, fmt.Errorf("%s: %s: no section of %s matches %+v", QueriesFile, q.ID, d.ID, j)
			}
		}
		split, group := SplitOf(strings.ToLower(content.Fold(q.Q))), ""
		switch q.Split {
		case "":
			if split == Dev {
				group = GroupDevFirst
			}
		case Dev:
			split, group = Dev, GroupDevAdded
			if q.Group != "" {
				group = q.Group
			}
		default:
			return nil, fmt.Errorf("%s: %s: split %q: only \"dev\" can be forced (the test half is fixed)", QueriesFile, q.ID, q.Split)
		}
		if q.Group != "" && q.Split != Dev {
			return nil, fmt.Errorf("%s: %s: group %q without \"split\": \"dev\"", QueriesFile, q.ID, q.Group)
		}
		s.Queries = append(s.Queries, Query{ID: q.ID, Text: q.Q, Folded: content.Fold(q.Q), Kind: q.Kind,
			Split: split, Group: group, Rel: rel})
	}
	return s, nil
}

// ReadLibrary reads a gzipped JSON array of documents.
func ReadLibrary(path string) ([]*content.Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var docs []*content.Document
	if err := json.NewDecoder(zr).Decode(&docs); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return docs, nil
}

// WriteLibrary writes docs as ReadLibrary reads them, without the
// Markdown (search reads the plain text).
func WriteLibrary(path string, docs []*content.Document) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	zw, _ := gzip.NewWriterLevel(f, gzip.BestCompression)
	out := make([]*content.Document, 0, len(docs))
	for _, d := range docs {
		c := *d
		c.Sections = make([]*content.Section, len(d.Sections))
		for i, s := range d.Sections {
			cs := *s
			cs.Markdown = ""
			c.Sections[i] = &cs
		}
		out = append(out, &c)
	}
	enc := json.NewEncoder(zw)
	if err := enc.Encode(out); err != nil {
		f.Close()
		return err
	}
	if err := zw.Close(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
