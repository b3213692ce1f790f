package main

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"chibo/index"
	"chibo/tui/i18n"
)

func init() {
	register(&command{name: "refs", usage: i18n.CLIRefsUsage, summary: i18n.CLIRefsSummary, run: runRefs})
}

// refJSON is one directive in `chibo refs --json`: kind is a stable code
// (i18n.DirectiveCode: "quyet-dinh", "ket-luan"), like the document kinds
// of `chibo list --json`; count is the number of citing sections.
type refJSON struct {
	Symbol  string          `json:"symbol"`
	Kind    string          `json:"kind"`
	Count   int             `json:"count"`
	CitedIn []index.RefSite `json:"cited_in"`
}

// runRefs lists the directives the library cites, or the sections citing
// one of them. JSON: [{"symbol","kind","count","cited_in":[{"doc","title","section","path"}]}].
func runRefs(e *env, args []string) int {
	c := commands["refs"]
	fs := newFlags(e, c)
	jsonOut := fs.Bool("json", false, "")
	pos, ok := parseFlags(e, c, fs, args)
	if !ok {
		return 2
	}
	if len(pos) > 1 {
		return extraArgs(e, c, pos[1:])
	}
	symbol := ""
	if len(pos) == 1 {
		symbol = pos[0]
	}
	lib, err := e.library()
	if err != nil {
		return fail(e, err)
	}
	refs, err := index.Refs(lib, symbol)
	if err != nil {
		return fail(e, err)
	}
	if *jsonOut {
		out := make([]refJSON, len(refs))
		for i, r := range refs {
			out[i] = refJSON{r.Symbol, i18n.DirectiveCode(r.Kind), r.Count, r.CitedIn}
		}
		return writeJSON(e, out)
	}
	if len(refs) == 0 {
		if symbol != "" {
			fmt.Fprintf(e.stdout, e.T(i18n.CLIRefsNone)+"\n", symbol)
		} else {
			fmt.Fprintln(e.stdout, e.T(i18n.CLIRefsEmpty))
		}
		return 0
	}
	if symbol != "" {
		for _, r := range refs {
			fmt.Fprintf(e.stdout, e.T(i18n.CLIRefsCitingN)+"\n", r.Symbol, dash(i18n.DirectiveName(e.lang, r.Kind)), i18n.NounSection.N(e.lang, r.Count))
			for _, s := range r.CitedIn {
				fmt.Fprintf(e.stdout, "  %s %s\n    %s\n", s.Doc, s.Section, strings.Join(append([]string{s.Title}, s.Path...), " › "))
			}
		}
		return 0
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, e.T(i18n.CLIRefsHeader))
	for _, r := range refs {
		fmt.Fprintf(tw, "%s\t%s\t%d\n", r.Symbol, dash(i18n.DirectiveName(e.lang, r.Kind)), r.Count)
	}
	tw.Flush()
	return 0
}
