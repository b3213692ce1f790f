package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"strings"

	"chibo/content"
	"chibo/tui/i18n"
)

func init() {
	register(&command{
		name:    "remove",
		usage:   i18n.CLIRemoveUsage,
		summary: i18n.CLIRemoveSummary,
		run:     runRemove,
	})
}

// runRemove removes imported documents after asking (unless --yes), then
// updates the search index.
func runRemove(e *env, args []string) int {
	c := commands["remove"]
	fs := newFlags(e, c)
	yes := fs.Bool("yes", false, "")
	fs.BoolVar(yes, "y", false, "")
	names, ok := parseFlags(e, c, fs, args)
	if !ok {
		return 2
	}
	if len(names) == 0 {
		return usageError(e, c, e.T(i18n.CLIRemoveNoDoc))
	}
	lib, err := e.library()
	if err != nil {
		return fail(e, err)
	}
	in := bufio.NewReader(e.stdin)
	code, removed := 0, 0
	for _, name := range names {
		d, ok := findDoc(lib, name)
		if !ok {
			fmt.Fprintln(e.stderr, "chibo:", fmt.Sprintf(e.T(i18n.RemoveNotFound), name))
			code = 1
			continue
		}
		if !lib.IsImported(d.ID) {
			fmt.Fprintln(e.stderr, "chibo:", fmt.Sprintf(e.T(i18n.RemoveSeed), d.ID))
			code = 1
			continue
		}
		if !*yes {
			fmt.Fprintf(e.stderr, e.T(i18n.RemoveConfirm), d.ID, d.Title)
			answer, err := in.ReadString('\n')
			switch strings.ToLower(strings.TrimSpace(answer)) {
			case "c", "co", "có", "y", "yes":
			default:
				fmt.Fprintf(e.stdout, e.T(i18n.RemoveKept)+"\n", d.ID)
				if err != nil && answer == "" {
					// Nobody to answer (a script, a closed input): say how
					// to remove without asking.
					fmt.Fprintln(e.stderr, e.T(i18n.RemoveNeedYes))
					code = 1
				}
				continue
			}
		}
		if err := lib.Remove(d.ID); err != nil {
			if errors.Is(err, content.ErrSeed) {
				err = fmt.Errorf(e.T(i18n.RemoveSeed), d.ID)
			}
			fail(e, err)
			code = 1
			continue
		}
		removed++
		fmt.Fprintf(e.stdout, e.T(i18n.RemoveDone)+"\n", d.ID)
	}
	if removed > 0 {
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
		defer stop()
		if err := syncIndex(ctx, e, lib, newProgressBar(e.stderr, "")); err != nil {
			fmt.Fprintf(e.stderr, e.T(i18n.ImportIndexFailed)+"\n", describeError(e, err))
		}
	}
	return code
}

// findDoc resolves what the user typed: an ID, or the name of the file
// the document was imported from.
func findDoc(lib *content.Library, name string) (*content.Document, bool) {
	if d, ok := lib.Doc(name); ok {
		return d, true
	}
	if d, ok := lib.Doc(content.DocID(name)); ok {
		return d, true
	}
	for _, d := range lib.Catalog() {
		if d.Source == name {
			return lib.Doc(d.ID)
		}
	}
	return nil, false
}
