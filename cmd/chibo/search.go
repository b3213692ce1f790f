package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/charmbracelet/x/term"

	"chibo/content"
	"chibo/index"
	"chibo/tui"
	"chibo/tui/i18n"
)

func init() {
	register(&command{name: "search", usage: i18n.CLISearchUsage, summary: i18n.CLISearchSummary, quick: true, run: runSearch})
}

// searchHit is one hit in `chibo search --json`; the field names are a
// contract for scripts. In snippet the matched words are marked **so**.
type searchHit struct {
	Doc     string             `json:"doc"`
	Title   string             `json:"title"`
	Section string             `json:"section"`
	Path    []string           `json:"path"`
	Snippet string             `json:"snippet"`
	Score   float64            `json:"score"`
	Explain *index.Explanation `json:"explain,omitempty"`
}

type searchJSON struct {
	Query  string      `json:"query"`
	Total  int         `json:"total"`
	TookMS int64       `json:"took_ms"`
	Hits   []searchHit `json:"hits"`
}

// searchArgs splits the arguments into the command's flags and the query.
// The query language uses -word to exclude, so the flag package (which
// would reject -word as an unknown flag) is not used: only the command's
// own flags are taken out, everything else is the query.
func searchArgs(args []string, bools map[string]*bool, ints map[string]*int) (query []string, bad string, help bool) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			return append(query, args[i+1:]...), "", false
		}
		if !strings.HasPrefix(a, "-") || len(a) < 2 {
			query = append(query, a)
			continue
		}
		name, val, hasVal := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if name == "h" || name == "help" {
			return nil, "", true
		}
		if b, ok := bools[name]; ok {
			v := true
			if hasVal {
				pv, err := strconv.ParseBool(val)
				if err != nil {
					return nil, a, false
				}
				v = pv
			}
			*b = v
			continue
		}
		if n, ok := ints[name]; ok {
			if !hasVal {
				if i+1 >= len(args) {
					return nil, a, false
				}
				i++
				val = args[i]
			}
			v, err := strconv.Atoi(val)
			if err != nil || v <= 0 {
				return nil, a, false
			}
			*n = v
			continue
		}
		if strings.HasPrefix(a, "--") {
			return nil, a, false // --word is no query syntax: an unknown flag
		}
		query = append(query, a) // -word: an exclusion
	}
	return query, "", false
}

func runSearch(e *env, args []string) int {
	c := commands["search"]
	// The flag set only describes the flags for the help; searchArgs
	// parses them.
	fs := newFlags(e, c)
	jsonP, exactP, explainP := fs.Bool("json", false, ""), fs.Bool("exact", false, ""), fs.Bool("explain", false, "")
	limitP := fs.Int("limit", 10, "")
	words, bad, help := searchArgs(args, map[string]*bool{"json": jsonP, "exact": exactP, "explain": explainP}, map[string]*int{"limit": limitP})
	if help {
		printHelp(e, c, fs)
		return 0
	}
	if bad != "" {
		if name, _, _ := strings.Cut(strings.TrimLeft(bad, "-"), "="); name != "limit" {
			return usageError(e, c, fmt.Sprintf(e.T(i18n.CLIUnknownFlag), dashed(name)))
		}
		return usageError(e, c, e.T(i18n.CLISearchBadLimit))
	}
	jsonOut, exact, explain, limit := *jsonP, *exactP, *explainP, *limitP
	text := strings.TrimSpace(strings.Join(words, " "))
	if text == "" {
		return usageError(e, c, e.T(i18n.CLISearchNoQuery))
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	ix, _, err := openIndex(ctx, e)
	if err != nil {
		return indexFail(e, err)
	}
	defer ix.Close()
	res, err := ix.Search(ctx, index.Query{Text: text, Limit: limit, Exact: exact, Explain: explain, NoFacets: true})
	if err != nil {
		return fail(e, err)
	}
	if jsonOut {
		out := searchJSON{Query: text, Total: res.Total, TookMS: res.Took.Milliseconds(), Hits: []searchHit{}}
		for _, h := range res.Hits {
			out.Hits = append(out.Hits, searchHit{Doc: h.Doc, Title: h.Title, Section: h.Section, Path: h.Path, Snippet: markSnippet(h.Snippet, "**", "**"), Score: h.Score, Explain: h.Explain})
		}
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
			return fail(e, err)
		}
		return 0
	}
	printHits(e, text, res, exact)
	return 0
}

// openIndex opens the library and its index and brings the index up to
// date, with a progress bar on a terminal when the update is big. When
// another chibo holds the index, the search goes on with it as it is.
func openIndex(ctx context.Context, e *env) (*index.Index, *content.Library, error) {
	// The index is opened while the library is: the two read separate
	// files, and on a large library each takes tens of milliseconds.
	type opened struct {
		ix  *index.Index
		err error
	}
	ch := make(chan opened, 1)
	go func() {
		ix, err := index.Open(e.dirs.Index(), index.Options{Wait: 5 * time.Second})
		ch <- opened{ix, err}
	}()
	lib, err := e.library()
	o := <-ch
	if err != nil {
		if o.ix != nil {
			o.ix.Close()
		}
		return nil, nil, err
	}
	if o.err != nil {
		return nil, nil, o.err
	}
	ix := o.ix
	if !ix.NeedsSync(lib) {
		return ix, lib, nil
	}
	heavyGC() // an index update: documents analysed and written
	var bar *progressBar
	if ix.SyncSize(lib) > 20 {
		bar = newProgressBar(e.stderr, e.T(i18n.CLIIndexBuilding))
	}
	err = ix.Sync(ctx, lib, func(done, total int) {
		if bar != nil {
			bar.draw(done, total, "")
		}
	})
	if bar != nil {
		bar.clear()
	}
	var ro *index.ReadOnlyError
	switch {
	case errors.Is(err, index.ErrBusy):
		fmt.Fprintln(e.stderr, e.T(i18n.CLIIndexStale))
		err = nil
	case errors.As(err, &ro) && !ro.Missing:
		// A library read from a folder chibo may not write: search the
		// index as it is rather than refuse.
		fmt.Fprintln(e.stderr, e.T(i18n.CLIIndexReadOnlyStale))
		err = nil
	}
	if err != nil {
		ix.Close()
		return nil, nil, err
	}
	return ix, lib, nil
}

// indexFail reports a failure to open or update the index.
func indexFail(e *env, err error) int {
	switch {
	case errors.Is(err, index.ErrBusy):
		fmt.Fprintln(e.stderr, "chibo:", e.T(i18n.CLIIndexBusy))
		return 1
	case errors.Is(err, context.Canceled):
		fmt.Fprintln(e.stderr, e.T(i18n.CLICancelled))
		return 130
	}
	return fail(e, err)
}

// markSnippet renders a snippet with each match between open and close.
func markSnippet(spans []index.Span, open, close string) string {
	var b strings.Builder
	for _, s := range spans {
		if s.Match {
			b.WriteString(open + s.Text + close)
		} else {
			b.WriteString(s.Text)
		}
	}
	return b.String()
}

// printHits prints the human form: a header, then each hit as its title,
// breadcrumb, wrapped snippet with the matches highlighted (bold reverse on
// a colour terminal, [brackets] otherwise) and its address and score.
func printHits(e *env, text string, res *index.Result, exact bool) {
	w := e.stdout
	width := 80
	tty := isTerminal(w)
	if f, ok := w.(*os.File); ok && tty {
		if tw, _, err := term.GetSize(f.Fd()); err == nil && tw > 30 {
			width = tw
		}
	}
	open, close := "[", "]"
	if tty && os.Getenv("NO_COLOR") == "" {
		open, close = "\x1b[1;7m", "\x1b[0m"
	}
	if len(res.Hits) == 0 {
		none := i18n.CLISearchNone
		if exact {
			none = i18n.CLISearchNoneExact // "type without accents" would not help
		}
		fmt.Fprintf(w, e.T(none)+"\n", text)
		return
	}
	fmt.Fprintf(w, e.T(i18n.CLISearchCount)+"\n", i18n.NounResult.N(e.lang, res.Total), text, res.Took.Milliseconds())
	if res.Relaxed {
		fmt.Fprintln(w, e.T(i18n.CLISearchRelaxed))
	}
	for i, h := range res.Hits {
		fmt.Fprintln(w)
		num := strconv.Itoa(i+1) + ". "
		indent := strings.Repeat(" ", utf8.RuneCountInString(num))
		writeWrapped(w, num, indent, []index.Span{{Text: h.Title}}, width, "", "")
		if len(h.Path) > 0 {
			writeWrapped(w, indent, indent, []index.Span{{Text: strings.Join(h.Path, " › ")}}, width, "", "")
		}
		if len(h.Snippet) > 0 {
			writeWrapped(w, indent, indent, h.Snippet, width, open, close)
		}
		fmt.Fprintf(w, "%s%s %s · %.2f\n", indent, h.Doc, h.Section, h.Score)
		for _, l := range tui.ExplainLines(e.T, h.Score, h.Explain) {
			fmt.Fprintln(w, indent+l)
		}
	}
	if more := res.Total - len(res.Hits); more > 0 {
		fmt.Fprintln(w)
		fmt.Fprintf(w, e.T(i18n.CLISearchMoreN)+"\n", i18n.NounMore.N(e.lang, more))
	}
}

// writeWrapped writes spans word-wrapped to width, the first line after
// first and the others after indent; matched words are wrapped in
// open/close, which take no width when they are escape codes.
func writeWrapped(w io.Writer, first, indent string, spans []index.Span, width int, open, close string) {
	type word struct {
		text  string
		match bool
		join  bool // no space before: continues the previous word
	}
	var words []word
	space := true
	for _, s := range spans {
		fields := strings.Fields(s.Text)
		lead := s.Text != "" && strings.TrimLeft(s.Text, " ") != s.Text
		for i, f := range fields {
			words = append(words, word{text: f, match: s.Match, join: i == 0 && !lead && !space})
		}
		if s.Text != "" {
			space = strings.TrimRight(s.Text, " ") != s.Text
		}
	}
	markW := 0
	if !strings.HasPrefix(open, "\x1b") {
		markW = utf8.RuneCountInString(open) + utf8.RuneCountInString(close)
	}
	var line strings.Builder
	line.WriteString(first)
	col := utf8.RuneCountInString(first)
	atStart, inMark := true, false
	for _, wd := range words {
		n := utf8.RuneCountInString(wd.text)
		if wd.match && !inMark {
			n += markW
		}
		if !atStart && !wd.join && col+1+n > width {
			if inMark {
				line.WriteString(close)
				inMark = false
				n += markW
			}
			fmt.Fprintln(w, strings.TrimRight(line.String(), " "))
			line.Reset()
			line.WriteString(indent)
			col = utf8.RuneCountInString(indent)
			atStart = true
		}
		if inMark && !wd.match {
			line.WriteString(close)
			inMark = false
		}
		if !atStart && !wd.join {
			line.WriteByte(' ')
			col++
		}
		if wd.match && !inMark {
			line.WriteString(open)
			inMark = true
		}
		line.WriteString(wd.text)
		col += n
		atStart = false
	}
	if inMark {
		line.WriteString(close)
	}
	fmt.Fprintln(w, strings.TrimRight(line.String(), " "))
}
