package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"chibo/content"
	"chibo/tui/i18n"
)

// everyday and upkeep order `chibo help`: the commands a secretary uses
// each month first, then the ones for upkeep and measurement. A command
// in neither list is printed last (the help test fails on it).
var (
	everyday = []string{"list", "search", "show", "outline", "refs", "import", "remove", "plan", "members"}
	upkeep   = []string{"reindex", "version", "bench", "eval"}
)

// undocumentedFlags collects "COMMAND --FLAG" for every flag a help block
// printed without a description in i18n.CLIFlags; the help test requires it
// to stay empty.
var undocumentedFlags []string

// isHelpArg reports whether a is a request for help.
func isHelpArg(a string) bool { return a == "-h" || a == "-help" || a == "--help" }

// wantsHelp reports whether args ask for help before a "--".
func wantsHelp(args []string) bool {
	for _, a := range args {
		if a == "--" {
			return false
		}
		if isHelpArg(a) {
			return true
		}
	}
	return false
}

// usage prints the overview: what chibo is, the commands (everyday ones
// first, each with its synopsis and what it does) and the global options.
func usage(e *env, w io.Writer) {
	fmt.Fprintln(w, e.T(i18n.CLIUsageHead))
	listed := map[string]bool{"app": true}
	group := func(title i18n.Msg, names []string) {
		fmt.Fprintf(w, "\n%s\n", e.T(title))
		for _, n := range names {
			c := commands[n]
			if c == nil {
				continue
			}
			listed[n] = true
			fmt.Fprintf(w, "  %s\n      %s\n", synopsis(e, c), e.T(c.summary))
		}
	}
	group(i18n.CLIHelpEveryday, everyday)
	var rest []string
	for n := range commands {
		if !listed[n] && !contains(upkeep, n) {
			rest = append(rest, n)
		}
	}
	sort.Strings(rest)
	group(i18n.CLIHelpUpkeep, append(append([]string{}, upkeep...), rest...))
	fmt.Fprintln(w)
	fmt.Fprintln(w, e.T(i18n.CLIUsageFlags))
	if d, err := content.ResolveDirs(e.dataFlag); err == nil {
		fmt.Fprintf(w, e.T(i18n.CLIHelpDataAt)+"\n", d.Data, d.Index())
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, e.T(i18n.CLIHelpMore))
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// synopsis is "chibo NAME USAGE" without a trailing space.
func synopsis(e *env, c *command) string {
	return strings.TrimSpace("chibo " + c.name + " " + e.T(c.usage))
}

// printHelp writes the help block of c to stdout: usage line, what it
// does, its actions (plan, members), its flags with their values and
// defaults as fs defines them (fs may be nil: no flags), examples, and the
// global options. It marks the run as a help request, so it exits 0.
func printHelp(e *env, c *command, fs *flag.FlagSet) {
	e.helped = true
	w := e.stdout
	fmt.Fprintf(w, "%s %s\n\n", e.T(i18n.CLIHelpUsage), synopsis(e, c))
	fmt.Fprintf(w, "%s.\n", sentence(e.T(c.summary)))
	if c.note != (i18n.Msg{}) {
		fmt.Fprintf(w, "%s\n", e.T(c.note))
	}
	if len(c.subs) > 0 {
		fmt.Fprintf(w, "\n%s\n", e.T(i18n.CLIHelpActions))
		for _, s := range c.subs {
			fmt.Fprintf(w, "  %s\n      %s\n", strings.TrimSpace(strings.TrimPrefix(s.name, c.name+" ")+" "+e.T(s.usage)), e.T(s.summary))
		}
		fmt.Fprintf(w, "\n"+e.T(i18n.CLIHelpMoreAction)+"\n", c.name)
	}
	if lines := flagLines(e, c, fs); len(lines) > 0 {
		fmt.Fprintf(w, "\n%s\n", e.T(i18n.CLIHelpOptions))
		for _, l := range lines {
			fmt.Fprintln(w, l)
		}
	}
	if ex := i18n.CLIExamples[c.name]; len(ex) > 0 {
		fmt.Fprintf(w, "\n%s\n", e.T(i18n.CLIHelpExamples))
		for _, x := range ex {
			fmt.Fprintf(w, "  %s\n", x)
		}
	}
	fmt.Fprintf(w, "\n%s\n", e.T(i18n.CLIHelpGlobal))
}

// sentence capitalises the first letter of s.
func sentence(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}

// flagLines lists fs's flags for c's help: "  --name VALUE  description
// (default: X)", two names of one flag (--yes, -y) on one line.
func flagLines(e *env, c *command, fs *flag.FlagSet) []string {
	if fs == nil {
		return nil
	}
	type entry struct {
		names []string
		f     *flag.Flag
	}
	var entries []*entry
	byValue := map[flag.Value]*entry{}
	fs.VisitAll(func(f *flag.Flag) {
		if en, ok := byValue[f.Value]; ok { // an alias of a flag already seen
			en.names = append(en.names, f.Name)
			return
		}
		en := &entry{names: []string{f.Name}, f: f}
		byValue[f.Value] = en
		entries = append(entries, en)
	})
	var heads, descs []string
	for _, en := range entries {
		var desc i18n.Msg
		found := false
		for _, n := range en.names {
			if desc, found = flagDoc(c.name, n); found {
				break
			}
		}
		if !found {
			undocumentedFlags = append(undocumentedFlags, c.name+" --"+en.names[0])
		}
		value, text := splitValue(e.T(desc))
		var names []string
		for _, n := range en.names {
			names = append(names, dashed(n))
		}
		head := strings.Join(names, ", ")
		if value != "" {
			head += " " + value
		}
		defWord, _, _ := strings.Cut(e.T(i18n.CLIHelpDefault), ":")
		if d := en.f.DefValue; d != "" && d != "false" && d != "0" && !strings.Contains(text, defWord) {
			text += " (" + fmt.Sprintf(e.T(i18n.CLIHelpDefault), d) + ")"
		}
		heads = append(heads, head)
		descs = append(descs, text)
	}
	width := 0
	for _, h := range heads {
		width = max(width, len([]rune(h)))
	}
	lines := make([]string, len(heads))
	for i, h := range heads {
		lines[i] = strings.TrimRight(fmt.Sprintf("  %s%s  %s", h, strings.Repeat(" ", width-len([]rune(h))), descs[i]), " ")
	}
	return lines
}

// dashed writes a flag name the way help shows it: -y, --yes.
func dashed(name string) string {
	if len(name) == 1 {
		return "-" + name
	}
	return "--" + name
}

// flagDoc finds the description of flag name of command cmd: its own
// ("plan set --kind"), its parent's ("plan --item") or a global one.
func flagDoc(cmd, name string) (i18n.Msg, bool) {
	for c := cmd; ; {
		if m, ok := i18n.CLIFlags[c+" --"+name]; ok {
			return m, true
		}
		i := strings.LastIndexByte(c, ' ')
		if i < 0 {
			break
		}
		c = c[:i]
	}
	m, ok := i18n.CLIFlags["--"+name]
	return m, ok
}

// splitValue takes the backquoted value name off a flag description:
// "`N` most results" gives "N", "most results".
func splitValue(desc string) (value, text string) {
	if rest, ok := strings.CutPrefix(desc, "`"); ok {
		if v, t, ok := strings.Cut(rest, "`"); ok {
			return v, strings.TrimSpace(t)
		}
	}
	return "", desc
}

// globalArgs takes the global options --data and --lang (also written
// --data=DIR) out of the arguments that follow the command name, up to a
// "--", so `chibo list --data X` works like `chibo --data X list`. Only
// the double-dash forms are taken: "-lang" stays a search exclusion.
// missing names an option given without its value.
func globalArgs(args []string) (rest []string, data, lang *string, missing string) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			return append(rest, args[i:]...), data, lang, ""
		}
		var dst **string
		name, val, hasVal := strings.Cut(a, "=")
		switch name {
		case "--data":
			dst = &data
		case "--lang":
			dst = &lang
		default:
			rest = append(rest, a)
			continue
		}
		if !hasVal {
			if i+1 >= len(args) {
				return nil, nil, nil, name
			}
			i++
			val = args[i]
		}
		*dst = &val
	}
	return rest, data, lang, ""
}

// outProblem says why a command must not write its --out file at path: the
// folder does not exist (chibo creates no folder the user did not ask
// for) or is not a folder, or the file exists and force is not set. ""
// means path may be written.
func outProblem(e *env, path string, force bool) string {
	dir := filepath.Dir(path)
	st, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Sprintf(e.T(i18n.CLIOutNoDir), dir)
	case err != nil:
		return describeError(e, err)
	case !st.IsDir():
		return fmt.Sprintf(e.T(i18n.CLIOutNotDir), dir)
	}
	if _, err := os.Lstat(path); err == nil && !force {
		return fmt.Sprintf(e.T(i18n.CLIOutExists), path)
	}
	return ""
}

// nearest is the name among names closest to typed, when it is close
// enough to be a slip: at most one edit (a letter missing, extra, wrong
// or two swapped) in a word of up to 5 letters, two in a longer one;
// "" otherwise, or when two names are equally close.
func nearest(typed string, names []string) string {
	limit := 1
	if len([]rune(typed)) > 5 {
		limit = 2
	}
	best, bestD, tie := "", limit+1, false
	for _, n := range names {
		d := editDistance(strings.ToLower(typed), n)
		switch {
		case d < bestD:
			best, bestD, tie = n, d, false
		case d == bestD:
			tie = true
		}
	}
	if tie || bestD > limit {
		return ""
	}
	return best
}

// editDistance is the optimal string alignment distance between a and b
// (insertions, deletions, substitutions and swaps of neighbours), in
// runes.
func editDistance(a, b string) int {
	x, y := []rune(a), []rune(b)
	d := make([][]int, len(x)+1)
	for i := range d {
		d[i] = make([]int, len(y)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(x); i++ {
		for j := 1; j <= len(y); j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && x[i-1] == y[j-2] && x[i-2] == y[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(x)][len(y)]
}

// capitalise upper-cases the first letter of a sentence.
func capitalise(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}
