package index

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"
	"time"

	"chibo/content"
	"chibo/index/internal/eval"
)

var updateJudgedLibrary = flag.Bool("update-judged-library", false, "rewrite testdata/judged/library.json.gz by importing testdata/corpus (slow: OCR)")

// repoDir is the repository root.
func repoDir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..")
}

func judgedDir() string { return filepath.Join(repoDir(), "testdata", "judged") }

// alqacDir finds ../shared/ir/alqac2025 from the repository root.
func alqacDir(t testing.TB) string {
	t.Helper()
	dir := filepath.Join(repoDir(), "..", "shared", "ir", "alqac2025")
	if _, err := os.Stat(filepath.Join(dir, "corpus.jsonl")); err != nil {
		t.Skip("ALQAC collection not present:", dir)
	}
	return dir
}

// TestJudgedLibrary rewrites the in-domain set's documents with
// -update-judged-library: the five seeds and the real documents of
// testdata/corpus (not the .pdftotext.txt companions nor the notes), as
// chibo parses them today. The judgments in queries.json name sections by
// heading, so a rewrite that loses a judged section fails TestInDomain.
func TestJudgedLibrary(t *testing.T) {
	if !*updateJudgedLibrary {
		t.Skip("run with -update-judged-library to rewrite the snapshot")
	}
	dirs := content.Dirs{Data: t.TempDir(), Cache: t.TempDir()}
	lib, err := content.OpenLibrary(dirs)
	if err != nil {
		t.Fatal(err)
	}
	corpus := filepath.Join(repoDir(), "testdata", "corpus")
	entries, err := os.ReadDir(corpus)
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, e := range entries {
		n := e.Name()
		if strings.HasSuffix(n, ".pdftotext.txt") || strings.HasSuffix(n, ".md") || strings.HasSuffix(n, ".txt") || strings.HasSuffix(n, ".json") {
			continue
		}
		paths = append(paths, filepath.Join(corpus, n))
	}
	lib.Import(paths, func(r content.ImportResult) { t.Logf("%+v", r.Path) })
	docs := lib.Docs()
	sort.Slice(docs, func(i, j int) bool { return docs[i].ID < docs[j].ID })
	if err := eval.WriteLibrary(filepath.Join(judgedDir(), eval.LibraryFile), docs); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d documents", len(docs))
}

// judgedIndex indexes the in-domain set.
func judgedIndex(t testing.TB) (*eval.Set, *Index) {
	t.Helper()
	set, err := eval.LoadJudged(judgedDir())
	if err != nil {
		t.Fatal(err)
	}
	ix, err := Open(t.TempDir(), Options{Wait: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	if err := ix.Rebuild(context.Background(), DocSource(set.Docs), nil); err != nil {
		t.Fatal(err)
	}
	return set, ix
}

// TestALQAC checks the ranking on the ALQAC legal retrieval set: MRR@10 of
// at least 0.87 with and without diacritics, the two within 0.01; the
// halves (split by law) are logged.
func TestALQAC(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: indexes 2,249 articles and runs 1,456 questions")
	}
	b, err := eval.LoadBEIR(alqacDir(t))
	if err != nil {
		t.Fatal(err)
	}
	set := b.Set("alqac")
	ix, err := Open(t.TempDir(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if err := ix.Rebuild(context.Background(), DocSource(set.Docs), nil); err != nil {
		t.Fatal(err)
	}
	res, err := set.Score(context.Background(), evalSearch(ix), eval.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("all %+v", res.Part)
	t.Logf("dev %+v", res.Dev)
	t.Logf("test %+v", res.Test)
	if res.Queries < 700 || res.Dev.Queries < 200 || res.Test.Queries < 200 {
		t.Fatalf("split: %d questions, dev %d, test %d", res.Queries, res.Dev.Queries, res.Test.Queries)
	}
	if res.Accented.MRR10 < 0.87 || res.Unaccented.MRR10 < 0.87 {
		t.Errorf("MRR@10 below 0.87: accented %.3f, unaccented %.3f", res.Accented.MRR10, res.Unaccented.MRR10)
	}
	if d := res.Accented.MRR10 - res.Unaccented.MRR10; d > 0.01 || d < -0.01 {
		t.Errorf("accented and unaccented MRR@10 differ by %.3f", d)
	}
}

var update = flag.Bool("update", false, "rewrite the ranking goldens in testdata/judged/golden")

// TestInDomain scores the in-domain judged set (testdata/judged) and
// compares every query's top five, in both forms, and the aggregate
// figures with the goldens: any change of ranking shows as a diff to
// review (go test ./index -run TestInDomain -update rewrites them). It
// also holds the figures to a floor.
func TestInDomain(t *testing.T) {
	set, ix := judgedIndex(t)
	if len(set.Queries) < 80 {
		t.Fatalf("%d judged queries, want at least 80", len(set.Queries))
	}
	var b strings.Builder
	res, err := set.Score(context.Background(), evalSearch(ix), eval.Options{Each: func(r eval.Ranked) {
		form := "acc"
		if r.Form == 1 {
			form = "noacc"
		}
		fmt.Fprintf(&b, "%s %s %s %q rank=%d\n", r.Query.ID, r.Query.Split, form, r.Text, r.Ranked)
		for i, h := range r.Hits {
			if i == 5 {
				break
			}
			mark := " "
			if r.Query.Rel[h] {
				mark = "*"
			}
			fmt.Fprintf(&b, "  %s %d %s#%s\n", mark, i+1, h.Doc, h.Section)
		}
	}})
	if err != nil {
		t.Fatal(err)
	}
	stats, _ := json.MarshalIndent(res, "", "  ")
	t.Logf("in-domain: %s", stats)
	golden(t, "rank.txt", b.String())
	golden(t, "stats.json", string(stats)+"\n")
	for _, p := range []eval.Part{res.Dev, res.Test} {
		if p.Queries < 30 {
			t.Errorf("a half has %d queries", p.Queries)
		}
	}
	if res.Accented.MRR10 < 0.85 || res.Unaccented.MRR10 < 0.85 {
		t.Errorf("in-domain MRR@10 %.3f / %.3f, below 0.85", res.Accented.MRR10, res.Unaccented.MRR10)
	}
}

// golden compares got with testdata/judged/golden/name, or rewrites it
// with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join(judgedDir(), "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to write it)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from the golden (review, then -update):\n%s", name, lineDiff(string(want), got))
	}
}

// lineDiff lists the lines only in want (-) or only in got (+), in order,
// up to 60 of them.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	inW, inG := map[string]int{}, map[string]int{}
	for _, l := range w {
		inW[l]++
	}
	for _, l := range g {
		inG[l]++
	}
	var out []string
	for _, l := range w {
		if inG[l] == 0 {
			out = append(out, "- "+l)
		}
	}
	for _, l := range g {
		if inW[l] == 0 {
			out = append(out, "+ "+l)
		}
	}
	if len(out) > 60 {
		out = append(out[:60], "…")
	}
	return strings.Join(out, "\n")
}

var (
	ablation     = flag.Bool("ablation", false, "TestAblation: score each ranking rule switched off, on both judged sets (slow)")
	ablationDev  = flag.Bool("ablation-dev", false, "TestAblation: show the development halves only (while tuning)")
	ablationOnly = flag.String("ablation-only", "", "TestAblation: only the variants whose name contains this")
)

// TestAblation switches each ranking rule off in turn and scores both
// judged sets; decisions are taken on the dev halves, the test halves
// confirm. go test ./index -run TestAblation -ablation -v
// groupDevThird is the group of queries.json the third development
// extension's queries name (q267–q326).
const groupDevThird = "dev-added-3"

func TestAblation(t *testing.T) {
	if !*ablation {
		t.Skip("run with -ablation")
	}
	in, inIx := judgedIndex(t)
	b, err := eval.LoadBEIR(alqacDir(t))
	if err != nil {
		t.Fatal(err)
	}
	al := b.Set("alqac")
	alIx, err := Open(t.TempDir(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer alIx.Close()
	if err := alIx.Rebuild(context.Background(), DocSource(al.Docs), nil); err != nil {
		t.Fatal(err)
	}
	// Indexes without the ancestors' headings in the matching field, for
	// the variants that switch that off (built when first needed).
	var inIx0, alIx0 *Index
	noAncestors := func() (*Index, *Index) {
		if inIx0 == nil {
			indexAncestors = false
			defer func() { indexAncestors = true }()
			_, inIx0 = judgedIndex(t)
			alIx0, err = Open(t.TempDir(), Options{})
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { alIx0.Close() })
			if err := alIx0.Rebuild(context.Background(), DocSource(al.Docs), nil); err != nil {
				t.Fatal(err)
			}
		}
		return inIx0, alIx0
	}
	base := weights
	defer func() { weights = base }()
	variants := []struct {
		name  string
		set   func(w *rankWeights)
		noAnc bool // on the indexes without the ancestors' headings
	}{
		{"all rules", func(w *rankWeights) {}, false},
		{"no shingles (ranking and candidates)", func(w *rankWeights) { w.wPair = 0; w.noShingleQuery = true }, false},
		{"no shingles in ranking", func(w *rankWeights) { w.wPair = 0 }, false},
		{"no short-query field weights", func(w *rankWeights) { w.shortLen = 0 }, false},
		{"equal field weights (all queries)", func(w *rankWeights) { w.wHead, w.wTitle = 1, 1 }, false},
		{"no other-diacritics discount", func(w *rankWeights) { w.otherTone = 1 }, false},
		{"no typed-diacritics tier (short queries: a word only with other diacritics ×0.5)", func(w *rankWeights) { w.toneMiss = 1 }, false},
		{"typed-diacritics tier ×0.7", func(w *rankWeights) { w.toneMiss = 0.7 }, false},
		{"typed-diacritics tier ×0.3", func(w *rankWeights) { w.toneMiss = 0.3 }, false},
		{"no heading coverage", func(w *rankWeights) { w.headCov = 0 }, false},
		{"no later-words-count-less", func(w *rankWeights) { w.early = 0 }, false},
		{"no single-letter drop", func(w *rankWeights) { w.letters = false }, false},
		{"no own-number rule", func(w *rankWeights) { w.ownNumber = false }, false},
		{"no title-only discount for directive numbers", func(w *rankWeights) { w.titleOnly = 1 }, false},
		{"candidate, rejected: a section with no text of its own ×0.7", func(w *rankWeights) { w.emptyText = 0.7 }, false},
		{"candidate, rejected: the same ×0.5", func(w *rankWeights) { w.emptyText = 0.5 }, false},
		{"no headings above the section in ranking", func(w *rankWeights) { w.wPath = 0 }, false},
		{"no headings above the section in matching", func(w *rankWeights) {}, true},
		{"no headings above the section at all", func(w *rankWeights) { w.wPath = 0 }, true},
		{"no parent-heading coverage", func(w *rankWeights) { w.parentCov = false }, false},
		{"candidate, rejected: the whole short query (3+ words) as a run, ×1", func(w *rankWeights) { w.wFull = 1 }, false},
		{"candidate, rejected: the whole short query as a run, ×0.5", func(w *rankWeights) { w.wFull = 0.5 }, false},
		{"candidate, rejected: the same ×0.8 only when one of its subsections matches too", func(w *rankWeights) { w.emptyOver = 0.8 }, false},
		{"candidate, rejected: earlier clauses of one parent +1% / ordinal", func(w *rankWeights) { w.order = 0.01 }, false},
		{"candidate, rejected: the same +3% / ordinal", func(w *rankWeights) { w.order = 0.03 }, false},
		{"no lead rule (the heading opens with the query)", func(w *rankWeights) { w.lead = 0 }, false},
		{"candidate, rejected since 1 December 2026: lead rule also on the text's opening", func(w *rankWeights) { w.leadText = true }, false},
		{"lead rule ×0.2", func(w *rankWeights) { w.lead = 0.2 }, false},
		{"lead rule ×0.5", func(w *rankWeights) { w.lead = 0.5 }, false},
		{"no structural labels skipped by the lead rule", func(w *rankWeights) { w.labels = false }, false},
		{"candidate, rejected: heading coverage skips structural labels too", func(w *rankWeights) { w.covLabels = true }, false},
		{"candidate, rejected: proximity (words ÷ smallest window) ×0.2", func(w *rankWeights) { w.prox = 0.2 }, false},
		{"candidate, rejected: proximity ×0.3", func(w *rankWeights) { w.prox = 0.3 }, false},
		{"candidate, rejected: proximity ×0.5", func(w *rankWeights) { w.prox = 0.5 }, false},
		{"candidate, rejected: a section gains 0.1 of its parent's score", func(w *rankWeights) { w.inherit = 0.1 }, false},
		{"candidate, rejected: a section with no text scores at least 0.9 of its best subsection", func(w *rankWeights) { w.fromChild = 0.9 }, false},
		{"candidate, rejected: the same, 1.0", func(w *rankWeights) { w.fromChild = 1.0 }, false},
		{"no few-all-words widening (most words only when no section has all)", func(w *rankWeights) { w.fewAll = 0 }, false},
		{"widening when fewer than 3 have all words", func(w *rankWeights) { w.fewAll = 3 }, false},
		{"widening when fewer than 5 have all words", func(w *rankWeights) { w.fewAll = 5 }, false},
		{"widening when fewer than 20 have all words", func(w *rankWeights) { w.fewAll = 20 }, false},
		{"widening when fewer than 60 have all words", func(w *rankWeights) { w.fewAll = 60 }, false},
		{"widening with no cost bound (any word always)", func(w *rankWeights) { w.mostPostings = 0 }, false},
		{"widening cost bound 5,000 postings", func(w *rankWeights) { w.mostPostings = 5000 }, false},
		{"widening cost bound 50,000 postings", func(w *rankWeights) { w.mostPostings = 50000 }, false},
		{"candidate, rejected: heading coverage counts a word with other diacritics than typed ×0.7", func(w *rankWeights) { w.covTone = true }, false},
		{"candidate, rejected: a section lacking words × (its share of the query's idf)", func(w *rankWeights) { w.partial = 1 }, false},
		{"candidate, rejected: the same squared", func(w *rankWeights) { w.partial = 2 }, false},
		{"candidate, rejected: the same, square root", func(w *rankWeights) { w.partial = 0.5 }, false},
	}
	if *ablationDev {
		t.Logf("| variant | in-domain dev | dev first | dev added | dev added third | ALQAC dev |")
	} else {
		t.Logf("| variant | in-domain dev | dev first | dev added | dev added third | in-domain test | ALQAC dev | ALQAC test |")
	}
	t.Logf("|---|---|---|---|---|---|---|---|")
	for _, v := range variants {
		if *ablationOnly != "" && v.name != "all rules" && !strings.Contains(v.name, *ablationOnly) {
			continue
		}
		weights = base
		v.set(&weights)
		ix1, ix2 := inIx, alIx
		if v.noAnc {
			ix1, ix2 = noAncestors()
		}
		r1, err := in.Score(context.Background(), evalSearch(ix1), eval.Options{})
		if err != nil {
			t.Fatal(err)
		}
		r2, err := al.Score(context.Background(), evalSearch(ix2), eval.Options{})
		if err != nil {
			t.Fatal(err)
		}
		f := func(p eval.Part) string { return fmt.Sprintf("%.3f / %.3f", p.Accented.MRR10, p.Unaccented.MRR10) }
		g := func(name string) string {
			if p := r1.Groups[name]; p != nil {
				return f(*p)
			}
			return "–"
		}
		if *ablationDev {
			t.Logf("| %s | %s | %s | %s | %s | %s |", v.name, f(r1.Dev), g(eval.GroupDevFirst), g(eval.GroupDevAdded), g(groupDevThird), f(r2.Dev))
			continue
		}
		t.Logf("| %s | %s | %s | %s | %s | %s | %s | %s |", v.name, f(r1.Dev), g(eval.GroupDevFirst), g(eval.GroupDevAdded), g(groupDevThird), f(r1.Test), f(r2.Dev), f(r2.Test))
	}
}
