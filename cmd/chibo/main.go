// Command chibo reads, searches and prepares the monthly party-cell meeting
// materials in the terminal. With no command it opens the app; the
// commands (list, outline, show, search, import …) do one thing each and
// print text or JSON. Each command lives in its own file and registers
// itself, so this file only parses global flags and dispatches.
//
// Exit codes: 0 success, 1 failure, 2 bad usage.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"chibo/content"
	"chibo/content/importer/pdftext"
	"chibo/index"
	"chibo/tui/i18n"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "0.1.0-dev"

// env is what every command gets: where the files are, the language, and
// the output streams (tests swap them).
type env struct {
	dirs   content.Dirs
	lang   i18n.Lang
	stdout io.Writer
	stderr io.Writer
	stdin  io.Reader

	lib *content.Library

	helped   bool   // a help block was printed: the run exits 0
	dataFlag string // --data as given, for the overview's "your data is in"
}

// library opens the library once per run. Files that must be parsed
// again (a new parser version, files changed behind chibo's back) are
// counted on a progress bar on a terminal.
func (e *env) library() (*content.Library, error) {
	if e.lib == nil {
		bar := newProgressBar(e.stderr, e.T(i18n.LibraryRereading))
		l, err := content.OpenLibraryProgress(e.dirs, func(done, total int) {
			if done == 1 {
				heavyGC() // a re-parse: files read, documents parsed and stored
			}
			bar.draw(done, total, "")
		})
		bar.clear()
		if err != nil {
			return nil, err
		}
		e.lib = l
	}
	return e.lib, nil
}

// T returns msg in the run's language.
func (e *env) T(m i18n.Msg) string { return m.In(e.lang) }

// command is one subcommand. run returns the exit code.
type command struct {
	name    string
	usage   i18n.Msg // argument synopsis, after "chibo NAME"
	summary i18n.Msg
	quick   bool       // reads a little and exits: quickGC
	note    i18n.Msg   // more lines for its help (plan: what MONTH and DATE are)
	subs    []*command // its actions (plan show, members add …), for its help
	run     func(e *env, args []string) int
}

var commands = map[string]*command{}

func register(c *command) { commands[c.name] = c }

func main() {
	startMemProfile()
	code := run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stopMemProfile()
	os.Exit(code)
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("chibo", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	dataFlag := fs.String("data", "", "")
	langFlag := fs.String("lang", "", "")
	help := fs.Bool("help", false, "")
	fs.BoolVar(help, "h", false, "")
	e := &env{stdout: stdout, stderr: stderr, stdin: stdin}
	if err := fs.Parse(args); err != nil {
		e.lang = i18n.FromEnv(*langFlag)
		fmt.Fprintf(stderr, "chibo: %s\n\n", flagError(e, err))
		usage(e, stderr)
		return 2
	}
	rest := fs.Args()
	name := "app"
	if len(rest) > 0 {
		name, rest = rest[0], rest[1:]
	}
	// The global options may also follow the command.
	rest, data, lang, missing := globalArgs(rest)
	if lang != nil {
		*langFlag = *lang
	}
	if data != nil {
		*dataFlag = *data
	}
	e.lang = i18n.FromEnv(*langFlag)
	e.dataFlag = *dataFlag
	if missing != "" {
		fmt.Fprintf(stderr, "chibo %s: %s\n", name, fmt.Sprintf(e.T(i18n.CLIFlagNeedsValue), missing))
		return 2
	}
	if *langFlag != "" {
		if _, ok := i18n.Parse(*langFlag); !ok {
			fmt.Fprintf(stderr, e.T(i18n.CLIBadLang)+"\n", *langFlag)
			return 2
		}
	}
	if *help || name == "help" && len(rest) == 0 || name == "app" && wantsHelp(rest) {
		usage(e, stdout)
		return 0
	}
	if name == "help" {
		// chibo help COMMAND [ACTION]: the command's own --help.
		name, rest = rest[0], append(rest[1:len(rest):len(rest)], "--help")
		if commands[name] == nil || name == "app" {
			fmt.Fprintf(stderr, "chibo help: %s\n%s\n", fmt.Sprintf(e.T(i18n.CLIHelpUnknown), name), e.T(i18n.CLIHelpMore))
			return 2
		}
	}
	c, ok := commands[name]
	if !ok {
		var names []string
		for n := range commands {
			if n != "app" {
				names = append(names, n)
			}
		}
		if near := nearest(name, names); near != "" {
			// A slip ("serch"): the likely command, not the whole help.
			fmt.Fprintf(stderr, e.T(i18n.CLIUnknownCommand)+" %s\n%s\n", name, capitalise(fmt.Sprintf(e.T(i18n.CLIDidYouMean), "chibo "+near)), e.T(i18n.CLIHelpMore))
			return 2
		}
		fmt.Fprintf(stderr, e.T(i18n.CLIUnknownCommand)+"\n\n", name)
		usage(e, stderr)
		return 2
	}
	dirs, err := content.ResolveDirs(*dataFlag)
	if err != nil {
		return fail(e, err)
	}
	e.dirs = dirs
	pdftext.SetCacheDir(dirs.Compiled())
	if c.quick {
		defer quickGC()()
	}
	code := c.run(e, rest)
	if e.helped {
		return 0
	}
	return code
}

// newFlags makes a subcommand's flag set that reports its own usage.
func newFlags(e *env, c *command) *flag.FlagSet {
	fs := flag.NewFlagSet("chibo "+c.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// parseFlags parses a subcommand's flags; on error it prints the usage line
// and returns false (the caller exits 2). Flags may follow arguments.
func parseFlags(e *env, c *command, fs *flag.FlagSet, args []string) ([]string, bool) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				printHelp(e, c, fs)
				return nil, false
			}
			usageError(e, c, flagError(e, err))
			return nil, false
		}
		rest := fs.Args()
		if n := len(args) - len(rest); n > 0 && args[n-1] == "--" {
			return append(pos, rest...), true // after "--" nothing is a flag
		}
		args = rest
		if len(args) == 0 {
			return pos, true
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// usageError prints a usage problem for c, its usage line and where to
// read more, and returns exit code 2.
func usageError(e *env, c *command, msg string) int {
	fmt.Fprintf(e.stderr, "chibo %s: %s\n%s %s\n%s\n", c.name, msg, e.T(i18n.CLIHelpUsage), synopsis(e, c), fmt.Sprintf(e.T(i18n.CLIHelpSeeHelp), c.name))
	return 2
}

// extraArgs reports arguments beyond what c takes, naming them.
func extraArgs(e *env, c *command, extra []string) int {
	q := make([]string, len(extra))
	for i, a := range extra {
		q[i] = strconv.Quote(a)
	}
	return usageError(e, c, fmt.Sprintf(e.T(i18n.CLIExtraArgs), strings.Join(q, " ")))
}

// fail prints an error and returns exit code 1, or 2 when the error is
// the user's input (a query chibo cannot read, such as nam:abc).
func fail(e *env, err error) int {
	fmt.Fprintln(e.stderr, "chibo:", describeError(e, err))
	var qe *index.QueryError
	if errors.As(err, &qe) {
		return 2
	}
	return 1
}

// flagError says what the flag package rejected in the user's language;
// its own messages are English.
func flagError(e *env, err error) string {
	msg := err.Error()
	for _, m := range []struct {
		prefix string
		say    i18n.Msg
	}{
		{"flag provided but not defined: ", i18n.CLIUnknownFlag},
		{"flag needs an argument: ", i18n.CLIFlagNeedsValue},
	} {
		if name, ok := strings.CutPrefix(msg, m.prefix); ok {
			return fmt.Sprintf(e.T(m.say), dashed(strings.TrimLeft(name, "-")))
		}
	}
	if rest, ok := strings.CutPrefix(msg, "invalid value "); ok {
		if val, rest, ok := strings.Cut(rest, " for flag "); ok {
			name, _, _ := strings.Cut(rest, ":")
			return fmt.Sprintf(e.T(i18n.CLIFlagBadValue), val, dashed(strings.TrimLeft(name, "-")))
		}
	}
	return msg
}
