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
// analysis and ranking, in a temporary index that is removed afterwards:
// the whole set, then its development and test halves (split by law).
func runEval(e *env, args []string) int {
	c := commands["eval"]
	fs := newFlags(e, c)
	jsonOut := fs.Bool("json", false, "")
	pos, ok := parseFlags(e, c, fs, args)
	if !ok {
		return 2
	}
	if len(pos) > 1 {
		return extraArgs(e, c, pos[1:])
	}
	if len(pos) != 1 {
		return usageError(e, c, e.T(i18n.CLIEvalNoDir))
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	bar := newProgressBar(e.stderr, e.T(i18n.CLIEvalRunning))
	res, err := index.EvaluateBEIR(ctx, pos[0], func(done, total int) { bar.draw(done, total, "") })
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
	for i, part := range []struct {
		name i18n.Msg
		p    index.EvalPart
	}{{i18n.Msg{}, res.Part}, {i18n.CLIEvalDev, res.Dev}, {i18n.CLIEvalTest, res.Test}} {
		if i > 0 {
			fmt.Fprintf(tw, "\n%s\n", e.T(part.name))
		}
		fmt.Fprintf(tw, e.T(i18n.CLIEvalHeader)+"\n", part.p.Queries)
		for _, row := range []struct {
			name i18n.Msg
			m    index.EvalMetrics
		}{{i18n.CLIEvalAcc, part.p.Accented}, {i18n.CLIEvalNoAcc, part.p.Unaccented}} {
			fmt.Fprintf(tw, "%s\t\t%.3f\t%.3f\t%.3f\n", e.T(row.name), row.m.Hit1, row.m.Hit10, row.m.MRR10)
		}
	}
	tw.Flush()
	return 0
}
