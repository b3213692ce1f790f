package eval

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"chibo/content"
)

// BEIR is a loaded collection. Articles become sections of one document per
// law (the "law" field, or the part of _id before "@"); a section's heading
// is the first line of its text.
type BEIR struct {
	Docs    []*content.Document
	Queries []BEIRQuery
	Qrels   map[string]map[string]bool // query ID → relevant corpus IDs
	ids     map[[2]string]string       // (doc, section) → corpus ID
	laws    map[string]string          // corpus ID → law
}

// BEIRQuery is one question, with and without accents.
type BEIRQuery struct {
	ID       string
	Text     string
	TextNoDa string
}

// LoadBEIR reads a collection from dir.
func LoadBEIR(dir string) (*BEIR, error) {
	b := &BEIR{Qrels: map[string]map[string]bool{}, ids: map[[2]string]string{}, laws: map[string]string{}}
	byLaw := map[string]*content.Document{}
	var laws []string
	err := readJSONL(filepath.Join(dir, "corpus.jsonl"), func(raw []byte) error {
		var r struct {
			ID      string `json:"_id"`
			Law     string `json:"law"`
			Article string `json:"article"`
			Title   string `json:"title"`
			Text    string `json:"text"`
		}
		if err := json.Unmarshal(raw, &r); err != nil {
			return err
		}
		law, art := r.Law, r.Article
		if l, a, ok := strings.Cut(r.ID, "@"); ok {
			if law == "" {
				law = l
			}
			if art == "" {
				art = a
			}
		}
		if law == "" {
			law = "corpus"
		}
		if art == "" {
			art = r.ID
		}
		d := byLaw[law]
		if d == nil {
			d = &content.Document{ID: content.Slug(law, 12), Title: law, Kind: content.KindOther}
			if d.ID == "" {
				d.ID = fmt.Sprintf("law-%d", len(laws))
			}
			byLaw[law] = d
			laws = append(laws, law)
		}
		heading, body := r.Title, r.Text
		if heading == "" {
			heading, body, _ = strings.Cut(r.Text, "\n")
		}
		heading = strings.TrimSpace(heading)
		body = strings.TrimSpace(body)
		sid := content.Slug(art, 6)
		if sid == "" {
			sid = fmt.Sprintf("s%d", len(d.Sections))
		}
		d.Sections = append(d.Sections, &content.Section{ID: sid, Level: 1, Heading: heading, Path: []string{heading}, Text: body})
		b.ids[[2]string{d.ID, sid}] = r.ID
		b.laws[r.ID] = law
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, law := range laws {
		d := byLaw[law]
		h := sha256.New()
		for _, s := range d.Sections {
			h.Write([]byte(s.Heading + "\n" + s.Text + "\n"))
		}
		d.Hash = hex.EncodeToString(h.Sum(nil))
		b.Docs = append(b.Docs, d)
	}
	err = readJSONL(filepath.Join(dir, "queries.jsonl"), func(raw []byte) error {
		var r struct {
			ID     string `json:"_id"`
			Text   string `json:"text"`
			NoDiac string `json:"text_nodau"`
		}
		if err := json.Unmarshal(raw, &r); err != nil {
			return err
		}
		if r.NoDiac == "" {
			r.NoDiac = content.Fold(r.Text)
		}
		b.Queries = append(b.Queries, BEIRQuery{ID: r.ID, Text: r.Text, TextNoDa: r.NoDiac})
		return nil
	})
	if err != nil {
		return nil, err
	}
	f, err := os.Open(filepath.Join(dir, "qrels.tsv"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	first := true
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "\t")
		if first {
			first = false
			if len(cols) > 0 && cols[0] == "query-id" {
				continue
			}
		}
		if len(cols) < 2 || len(cols) > 2 && strings.TrimSpace(cols[2]) == "0" {
			continue
		}
		if b.Qrels[cols[0]] == nil {
			b.Qrels[cols[0]] = map[string]bool{}
		}
		b.Qrels[cols[0]][cols[1]] = true
	}
	return b, sc.Err()
}

func readJSONL(path string, each func([]byte) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Bytes()
		if len(strings.TrimSpace(string(line))) == 0 {
			continue
		}
		if err := each(line); err != nil {
			return fmt.Errorf("%s:%d: %w", filepath.Base(path), n, err)
		}
	}
	return sc.Err()
}

// Set is the collection as a judged set: each question is split by the
// law of its (first) relevant article, so that no law's articles serve
// both halves.
func (b *BEIR) Set(name string) *Set {
	keyOf := map[string]Key{}
	for k, id := range b.ids {
		keyOf[id] = Key{Doc: k[0], Section: k[1]}
	}
	s := &Set{Name: name, Docs: b.Docs}
	for _, q := range b.Queries {
		rel := map[Key]bool{}
		var ids []string
		for id := range b.Qrels[q.ID] {
			if k, ok := keyOf[id]; ok {
				rel[k] = true
				ids = append(ids, id)
			}
		}
		sort.Strings(ids)
		split := Dev
		if len(ids) > 0 {
			split = SplitOf("law:" + b.laws[ids[0]])
		}
		s.Queries = append(s.Queries, Query{ID: q.ID, Text: q.Text, Folded: q.TextNoDa, Split: split, Rel: rel})
	}
	return s
}
