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
	"sort"
	"strings"

	"chibo/content"
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
}

// library opens the library once per run.
func (e *env) library() (*content.Library, error) {
	if e.lib == nil {
		l, err := content.OpenLibrary(e.dirs)
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
	run     func(e *env, args []string) int
}

var commands = map[string]*command{}

func register(c *command) { commands[c.name] = c }

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
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
	e.lang = i18n.FromEnv(*langFlag)
	if *langFlag != "" {
		if _, ok := i18n.Parse(*langFlag); !ok {
			fmt.Fprintf(stderr, e.T(i18n.CLIBadLang)+"\n", *langFlag)
			return 2
		}
	}
	if *help {
		usage(e, stdout)
		return 0
	}
	dirs, err := content.ResolveDirs(*dataFlag)
	if err != nil {
		return fail(e, err)
	}
	e.dirs = dirs
	rest := fs.Args()
	name := "app"
	if len(rest) > 0 {
		name, rest = rest[0], rest[1:]
	}
	if name == "help" {
		usage(e, stdout)
		return 0
	}
	c, ok := commands[name]
	if !ok {
		fmt.Fprintf(stderr, e.T(i18n.CLIUnknownCommand)+"\n\n", name)
		usage(e, stderr)
		return 2
	}
	if len(rest) > 0 && (rest[0] == "-h" || rest[0] == "-help" || rest[0] == "--help") {
		commandHelp(e, c)
		return 0
	}
	return c.run(e, rest)
}

func usage(e *env, w io.Writer) {
	fmt.Fprintln(w, e.T(i18n.CLIUsageHead))
	names := make([]string, 0, len(commands))
	for n := range commands {
		if n != "app" {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	for _, n := range names {
		c := commands[n]
		fmt.Fprintf(w, "  chibo %s %s\n      %s\n", n, e.T(c.usage), e.T(c.summary))
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, e.T(i18n.CLIUsageFlags))
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
				commandHelp(e, c)
				return nil, false
			}
			fmt.Fprintf(e.stderr, "chibo %s: %s\n", c.name, flagError(e, err))
			fmt.Fprintf(e.stderr, "%s: chibo %s %s\n", e.T(i18n.CLIUsageWord), c.name, e.T(c.usage))
			return nil, false
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, true
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// commandHelp prints c's synopsis and summary, for -h and "help".
func commandHelp(e *env, c *command) {
	fmt.Fprintf(e.stdout, "chibo %s %s\n  %s\n", c.name, e.T(c.usage), e.T(c.summary))
}

// usageError prints a usage problem for c and returns exit code 2.
func usageError(e *env, c *command, msg string) int {
	fmt.Fprintf(e.stderr, "chibo %s: %s\n%s: chibo %s %s\n", c.name, msg, e.T(i18n.CLIUsageWord), c.name, e.T(c.usage))
	return 2
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
			return fmt.Sprintf(e.T(m.say), name)
		}
	}
	if rest, ok := strings.CutPrefix(msg, "invalid value "); ok {
		if val, rest, ok := strings.Cut(rest, " for flag "); ok {
			name, _, _ := strings.Cut(rest, ":")
			return fmt.Sprintf(e.T(i18n.CLIFlagBadValue), val, name)
		}
	}
	return msg
}
