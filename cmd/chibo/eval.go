package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/signal"
	"text/tabwriter"

	"chibo/index"
	"chibo/tui/i18n"
)

func init() {
	register(&command{name: "eval", usage: i18n.CLIEvalUsage, summary: i18n.CLIEvalSummary, run: runEval})
}

// runEval measures relevance on a BEIR-layout collection with the product's
// analysis and ranking, in a temporary index that is removed afterwards.
func runEval(e *env, args []string) int {
	c := commands["eval"]
	fs := newFlags(e, c)
	jsonOut := fs.Bool("json", false, "")
	pos, ok := parseFlags(e, c, fs, args)
	if !ok {
		return 2
	}
	if len(pos) != 1 {
		return usageError(e, c, e.T(i18n.CLIEvalNoDir))
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	b, err := index.LoadBEIR(pos[0])
	if err != nil {
		return fail(e, err)
	}
	bar := newProgressBar(e.stderr, e.T(i18n.CLIEvalRunning))
	res, err := b.Evaluate(ctx, os.TempDir(), func(done, total int) { bar.draw(done, total, "") })
	bar.clear()
	if err != nil {
		return indexFail(e, err)
	}
	if *jsonOut {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(res); err != nil {
			return fail(e, err)
		}
		return 0
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, e.T(i18n.CLIEvalHeader)+"\n", res.Queries)
	for _, row := range []struct {
		name i18n.Msg
		m    index.Metrics
	}{{i18n.CLIEvalAcc, res.Accented}, {i18n.CLIEvalNoAcc, res.Unaccented}} {
		fmt.Fprintf(tw, "%s\t\t%.3f\t%.3f\t%.3f\n", e.T(row.name), row.m.Hit1, row.m.Hit10, row.m.MRR10)
	}
	tw.Flush()
	return 0
}
