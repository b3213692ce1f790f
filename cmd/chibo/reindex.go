package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"time"

	"chibo/index"
	"chibo/tui/i18n"
)

func init() {
	register(&command{name: "reindex", usage: i18n.CLIReindexUsage, summary: i18n.CLIReindexSummary, run: runReindex})
}

// runReindex rebuilds the search index from scratch. The old index serves
// searches until the new one is complete; ctrl+c keeps the old one.
func runReindex(e *env, args []string) int {
	c := commands["reindex"]
	fs := newFlags(e, c)
	cpuProfile := fs.String("cpuprofile", "", "")
	pos, ok := parseFlags(e, c, fs, args)
	if !ok {
		return 2
	}
	if *cpuProfile != "" { // the index build, for go tool pprof
		stop, err := startCPUProfile(*cpuProfile)
		if err != nil {
			return fail(e, err)
		}
		defer stop()
	}
	if len(pos) > 0 {
		return extraArgs(e, c, pos)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	lib, err := e.library()
	if err != nil {
		return fail(e, err)
	}
	ix, err := index.Open(e.dirs.Index(), index.Options{Wait: 5 * time.Second})
	if err != nil {
		return indexFail(e, err)
	}
	defer ix.Close()
	textBytes, sections := 0, 0
	for _, d := range lib.Catalog() {
		textBytes += d.TextBytes
		sections += d.SectionCount
	}
	bar := newProgressBar(e.stderr, e.T(i18n.CLIIndexBuilding))
	start := time.Now()
	err = ix.Rebuild(ctx, lib, func(done, total int) { bar.draw(done, total, "") })
	bar.clear()
	if err != nil {
		return indexFail(e, err)
	}
	secs := max(time.Since(start).Seconds(), 0.001)
	mb := float64(textBytes) / (1 << 20)
	st := ix.Stats()
	fmt.Fprintf(e.stdout, e.T(i18n.CLIReindexDoneN)+"\n", i18n.NounDocument.N(e.lang, len(lib.Catalog())), i18n.NounSection.N(e.lang, sections), mb, secs, mb/secs, float64(st.DiskBytes)/(1<<20))
	return 0
}
