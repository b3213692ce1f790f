package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"os/signal"
	"runtime/pprof"
	"sort"
	"strings"
	"time"

	"chibo/index"
	"chibo/tui/i18n"
)

func init() {
	register(&command{name: "bench", usage: i18n.CLIBenchUsage, summary: i18n.CLIBenchSummary, run: runBench})
}

type benchJSON struct {
	Queries    int     `json:"queries"`
	Runs       int     `json:"runs"`
	P50        float64 `json:"p50_ms"`
	P95        float64 `json:"p95_ms"`
	P99        float64 `json:"p99_ms"`
	Max        float64 `json:"max_ms"`
	Documents  int     `json:"documents"`
	Sections   int     `json:"sections"`
	TextBytes  int64   `json:"text_bytes"`
	IndexBytes int64   `json:"index_bytes"`
}

// runBench times searches the way the app runs them: warm, in one process,
// with snippets. Each line of the file is a query (blank lines and lines
// starting with # are skipped); one untimed pass warms the caches, then
// every query is timed --runs times.
func runBench(e *env, args []string) int {
	c := commands["bench"]
	fs := newFlags(e, c)
	jsonOut := fs.Bool("json", false, "")
	runs := fs.Int("runs", 3, "")
	cpuProfile := fs.String("cpuprofile", "", "")
	pos, ok := parseFlags(e, c, fs, args)
	if !ok {
		return 2
	}
	if len(pos) > 1 {
		return extraArgs(e, c, pos[1:])
	}
	if len(pos) != 1 {
		return usageError(e, c, e.T(i18n.CLIBenchNoFile))
	}
	if *runs <= 0 {
		return usageError(e, c, e.T(i18n.CLIBenchBadRuns))
	}
	queries, err := readQueries(pos[0])
	if err != nil {
		return fail(e, err)
	}
	if len(queries) == 0 {
		return usageError(e, c, fmt.Sprintf(e.T(i18n.CLIBenchEmpty), pos[0]))
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	ix, lib, err := openIndex(ctx, e)
	if err != nil {
		return indexFail(e, err)
	}
	defer ix.Close()
	run := func(q string) (time.Duration, error) {
		start := time.Now()
		_, err := ix.Search(ctx, index.Query{Text: q, Limit: 10})
		return time.Since(start), err
	}
	for _, q := range queries {
		if _, err := run(q); err != nil {
			return fail(e, err)
		}
	}
	if *cpuProfile != "" { // a CPU profile of the timed runs, for go tool pprof
		stop, err := startCPUProfile(*cpuProfile)
		if err != nil {
			return fail(e, err)
		}
		defer stop()
	}
	var lat []float64
	for r := 0; r < *runs; r++ {
		for _, q := range queries {
			d, err := run(q)
			if err != nil {
				return fail(e, err)
			}
			lat = append(lat, float64(d.Microseconds())/1000)
		}
	}
	sort.Float64s(lat)
	st := ix.Stats()
	var text int64
	for _, d := range lib.Catalog() {
		text += int64(d.TextBytes)
	}
	out := benchJSON{
		Queries: len(queries), Runs: *runs,
		P50: pct(lat, 50), P95: pct(lat, 95), P99: pct(lat, 99), Max: lat[len(lat)-1],
		Documents: st.Documents, Sections: st.Sections, TextBytes: text, IndexBytes: st.DiskBytes,
	}
	if *jsonOut {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
			return fail(e, err)
		}
		return 0
	}
	ratio := 0.0
	if text > 0 {
		ratio = float64(st.DiskBytes) / float64(text)
	}
	fmt.Fprintf(e.stdout, e.T(i18n.CLIBenchResultN)+"\n", i18n.NounQuery.N(e.lang, out.Queries), i18n.NounRun.N(e.lang, out.Runs), out.P50, out.P95, out.P99, out.Max,
		i18n.NounDocument.N(e.lang, out.Documents), i18n.NounSection.N(e.lang, out.Sections), float64(text)/(1<<20), float64(st.DiskBytes)/(1<<20), ratio)
	return 0
}

// pct is the p-th percentile (nearest rank) of sorted values, rounded to
// 0.1 ms.
func pct(sorted []float64, p float64) float64 {
	i := int(math.Ceil(p/100*float64(len(sorted)))) - 1
	i = min(max(i, 0), len(sorted)-1)
	return math.Round(sorted[i]*10) / 10
}

func readQueries(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		l := strings.TrimSpace(sc.Text())
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		out = append(out, l)
	}
	return out, sc.Err()
}

// startCPUProfile writes a CPU profile to path until stop is called, for
// go tool pprof (bench, import and reindex --cpuprofile).
func startCPUProfile(path string) (stop func(), err error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}
