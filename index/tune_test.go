package index

import (
	"context"
	"fmt"
	"os"
	"sort"
	"testing"
)

type tuneQ struct {
	id    string
	p     Parsed
	cands []*candidate
	bs    []float64
}

func TestTune(t *testing.T) {
	if os.Getenv("CHIBO_TUNE") == "" {
		t.Skip()
	}
	b, err := LoadBEIR(alqacDir(t))
	if err != nil {
		t.Fatal(err)
	}
	dir := "/tmp/idxscratch/tune"
	ix, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if err := ix.Sync(context.Background(), b.Docs, nil); err != nil {
		t.Fatal(err)
	}
	k := 100
	var qs [2][]tuneQ
	for _, q := range b.Queries {
		if len(b.Qrels[q.ID]) == 0 {
			continue
		}
		for v, text := range []string{q.Text, q.TextNoDa} {
			p := ParseQuery(text)
			main, _ := mainQuery(p, false, false)
			r, err := ix.run(context.Background(), main, nil, p, false, k)
			if err != nil {
				t.Fatal(err)
			}
			if r.Total == 0 {
				relaxed, _ := mainQuery(p, false, true)
				r, _ = ix.run(context.Background(), relaxed, nil, p, false, k)
			}
			tq := tuneQ{id: q.ID, p: p}
			for _, h := range r.Hits {
				tq.cands = append(tq.cands, ix.candidate(h))
				tq.bs = append(tq.bs, h.Score)
			}
			qs[v] = append(qs[v], tq)
		}
	}
	eval := func(w rankWeights, kk int) (m [2]Metrics) {
		for v := 0; v < 2; v++ {
			for _, q := range qs[v] {
				rk := ix.newRankerWith(q.p, false, w)
				type sc struct {
					c *candidate
					s float64
				}
				var ss []sc
				maxb := 0.0
				for i := range q.cands {
					if i < kk && q.bs[i] > maxb {
						maxb = q.bs[i]
					}
				}
				for i, c := range q.cands {
					if i >= kk {
						break
					}
					s, _ := rk.score(c, q.bs[i]/maxb)
					ss = append(ss, sc{c, s})
				}
				sort.SliceStable(ss, func(i, j int) bool { return ss[i].s > ss[j].s })
				for rank, x := range ss {
					if rank >= 10 {
						break
					}
					if b.Qrels[q.id][b.ids[[2]string{x.c.doc, x.c.section}]] {
						if rank == 0 {
							m[v].Hit1++
						}
						m[v].Hit10++
						m[v].MRR10 += 1 / float64(rank+1)
						break
					}
				}
			}
			n := float64(len(qs[v]))
			m[v].Hit1 /= n
			m[v].Hit10 /= n
			m[v].MRR10 /= n
		}
		return
	}
	show := func(name string, w rankWeights, kk int) {
		m := eval(w, kk)
		fmt.Printf("%-40s acc %.3f/%.3f/%.4f  noacc %.3f/%.3f/%.4f\n", name, m[0].Hit1, m[0].Hit10, m[0].MRR10, m[1].Hit1, m[1].Hit10, m[1].MRR10)
	}
	base := weights
	k = 40
	show("base", base, k)
	type combo struct{ cov, bleve, bText, pair, k1 float64 }
	for _, c := range []combo{
		{0.1, 0, 0.4, 0.8, 0.6},
		{0.1, 2, 0.4, 0.8, 0.6},
		{0.1, 4, 0.4, 0.8, 0.6},
		{0.1, 8, 0.4, 0.8, 0.6},
		{0.1, 4, 0.5, 1, 0.6},
		{0.1, 4, 0.4, 0.8, 0.8},
		{0.1, 4, 0.3, 0.8, 0.6},
		{0, 4, 0.4, 0.8, 0.6},
	} {
		w := base
		w.headCov, w.bleve, w.bText, w.wPair, w.k1 = c.cov, c.bleve, c.bText, c.pair, c.k1
		show(fmt.Sprintf("%+v", c), w, k)
	}
}
