package index

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"chibo/content"
)

// Relevance evaluation on a BEIR-layout collection (corpus.jsonl,
// queries.jsonl, qrels.tsv), with the product's own analysis and ranking.
// Nothing of a collection is ever stored in the repository: it is read
// from the directory given and indexed into a temporary directory.

// Metrics are the scores of one set of questions.
type Metrics struct {
	Hit1  float64 `json:"hit1"`
	Hit10 float64 `json:"hit10"`
	MRR10 float64 `json:"mrr10"`
}

// EvalResult compares the questions as written and stripped of accents.
type EvalResult struct {
	Queries    int     `json:"queries"`
	Accented   Metrics `json:"accented"`
	Unaccented Metrics `json:"unaccented"`
}

// BEIR is a loaded collection. Articles become sections of one document per
// law (the "law" field, or the part of _id before "@"); a section's heading
// is the first line of its text.
type BEIR struct {
	Docs    []*content.Document
	Queries []BEIRQuery
	Qrels   map[string]map[string]bool // query ID → relevant corpus IDs
	ids     map[[2]string]string       // (doc, section) → corpus ID
}

// BEIRQuery is one question, with and without accents.
type BEIRQuery struct {
	ID       string
	Text     string
	TextNoDa string
}

// LoadBEIR reads a collection from dir.
func LoadBEIR(dir string) (*BEIR, error) {
	b := &BEIR{Qrels: map[string]map[string]bool{}, ids: map[[2]string]string{}}
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

// Evaluate indexes the collection into a temporary directory under tmp and
// scores every judged question in both forms.
func (b *BEIR) Evaluate(ctx context.Context, tmp string, progress func(done, total int)) (*EvalResult, error) {
	dir, err := os.MkdirTemp(tmp, "chibo-eval-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	ix, err := Open(dir, Options{})
	if err != nil {
		return nil, err
	}
	defer ix.Close()
	if err := ix.Rebuild(ctx, b.Docs, nil); err != nil {
		return nil, err
	}
	return b.Score(ctx, ix, progress)
}

// Score runs the judged questions against an index of the collection.
func (b *BEIR) Score(ctx context.Context, ix *Index, progress func(done, total int)) (*EvalResult, error) {
	var judged []BEIRQuery
	for _, q := range b.Queries {
		if len(b.Qrels[q.ID]) > 0 {
			judged = append(judged, q)
		}
	}
	res := &EvalResult{Queries: len(judged)}
	for i, q := range judged {
		for k, text := range []string{q.Text, q.TextNoDa} {
			r, err := ix.Search(ctx, Query{Text: text, Limit: 10})
			if err != nil {
				return nil, err
			}
			m := &res.Accented
			if k == 1 {
				m = &res.Unaccented
			}
			for rank, h := range r.Hits {
				if b.Qrels[q.ID][b.ids[[2]string{h.Doc, h.Section}]] {
					if rank == 0 {
						m.Hit1++
					}
					m.Hit10++
					m.MRR10 += 1 / float64(rank+1)
					break
				}
			}
		}
		if progress != nil {
			progress(i+1, len(judged))
		}
	}
	if n := float64(len(judged)); n > 0 {
		for _, m := range []*Metrics{&res.Accented, &res.Unaccented} {
			m.Hit1, m.Hit10, m.MRR10 = round3(m.Hit1/n), round3(m.Hit10/n), round3(m.MRR10/n)
		}
	}
	return res, nil
}

func round3(x float64) float64 { return float64(int(x*1000+0.5)) / 1000 }
