package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"chibo/content"
	"chibo/tui"
	"chibo/tui/i18n"
)

// cliNames lists every command and action: "list", "plan show" …
func cliNames() []string {
	var names []string
	for n, c := range commands {
		if n == "app" {
			continue
		}
		names = append(names, n)
		for _, s := range c.subs {
			names = append(names, s.name)
		}
	}
	sort.Strings(names)
	return names
}

// badUsage is, for every command and action, a mistake and the words
// (English) the message must name it with. A command missing here fails
// the test, so a new command gets its row.
var badUsage = map[string]struct {
	args []string
	want string
}{
	"list":            {[]string{"list", "extra"}, `too many arguments: "extra"`},
	"search":          {[]string{"search"}, "no query given"},
	"show":            {[]string{"show", "a", "b"}, `too many arguments: "b"`},
	"outline":         {[]string{"outline"}, "needs exactly one document"},
	"refs":            {[]string{"refs", "a", "b"}, `too many arguments: "b"`},
	"import":          {[]string{"import", "--encoding", "klingon", "x.txt"}, `encoding "klingon" is not supported`},
	"remove":          {[]string{"remove"}, "give a document ID"},
	"reindex":         {[]string{"reindex", "now"}, `too many arguments: "now"`},
	"version":         {[]string{"version", "2"}, `too many arguments: "2"`},
	"bench":           {[]string{"bench"}, "no queries file given"},
	"eval":            {[]string{"eval", "a", "b"}, `too many arguments: "b"`},
	"plan":            {[]string{"plan", "frobnicate"}, `there is no action "frobnicate"`},
	"plan show":       {[]string{"plan", "show", "2026-13"}, `"2026-13" is not a month`},
	"plan list":       {[]string{"plan", "list", "2026-11"}, `too many arguments: "2026-11"`},
	"plan add":        {[]string{"plan", "add"}, "need exactly one source"},
	"plan note":       {[]string{"plan", "note", "x"}, "need --item"},
	"plan set":        {[]string{"plan", "set"}, "need at least one option"},
	"plan remove":     {[]string{"plan", "remove"}, "need a number: N for an item or tK"},
	"plan move":       {[]string{"plan", "move", "2"}, "need up, down or --item N"},
	"plan rename":     {[]string{"plan", "rename", "3"}, "need the item's number and its new title"},
	"plan export":     {[]string{"plan", "export", "--format", "pdf"}, `format "pdf" is not supported`},
	"plan tick":       {[]string{"plan", "tick", "one"}, `need a number (1, 2, …), not "one"`},
	"plan roll":       {[]string{"plan", "roll", "mark", "1", "maybe"}, `"maybe" is not present, excused, absent or exempt`},
	"plan minutes":    {[]string{"plan", "minutes", "--item", "1"}, "need the note text"},
	"plan resolution": {[]string{"plan", "resolution", "2026-11", "x"}, `too many arguments: "x"`},
	"plan task":       {[]string{"plan", "task", "do"}, "need add, list, result or remove"},
	"members":         {[]string{"members", "lsit"}, `there is no action "lsit"; did you mean “chibo members list”?`},
	"members add":     {[]string{"members", "add"}, "need exactly one name"},
	"members list":    {[]string{"members", "list", "x"}, `too many arguments: "x"`},
	"members remove":  {[]string{"members", "remove"}, "need exactly one name"},
}

// TestSlipsSuggestTheCommand: a misspelt command or action names the
// likely one (and not the whole help); one too far from any gets the
// help; with no action, plan shows this month's plan and members lists.
func TestSlipsSuggestTheCommand(t *testing.T) {
	data := t.TempDir()
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"serch", "chi bộ"}, "Có phải ý bạn là “chibo search”?"},
		{[]string{"imprt", "x.docx"}, "“chibo import”"},
		{[]string{"outlien", "x"}, "“chibo outline”"},
		{[]string{"plan", "shwo"}, "“chibo plan show”"},
		{[]string{"members", "ad", "An"}, "“chibo members add”"},
	} {
		_, errOut, code := cli(data, "vi", c.args...)
		if code != 2 || !strings.Contains(errOut, c.want) || strings.Contains(errOut, "Các lệnh thường dùng") {
			t.Errorf("%q: %d %q, want %q without the whole help", c.args, code, errOut, c.want)
		}
	}
	if _, errOut, code := cli(data, "vi", "xyzzy"); code != 2 || strings.Contains(errOut, "ý bạn là") || !strings.Contains(errOut, "Các lệnh thường dùng") {
		t.Errorf("a word far from every command: %d %q", code, errOut)
	}
	if out, _, code := cli(data, "vi", "plan"); code != 0 || !strings.Contains(out, "Sinh hoạt chi bộ thường kỳ tháng") {
		t.Errorf("plan with no action: %d %q", code, out)
	}
	if out, _, code := cli(data, "vi", "members"); code != 0 || !strings.Contains(out, "Chưa có đảng viên") {
		t.Errorf("members with no action: %d %q", code, out)
	}
}

func cli(data, lang string, args ...string) (string, string, int) {
	var out, errb bytes.Buffer
	code := run(append([]string{"--data", data, "--lang", lang}, args...), strings.NewReader(""), &out, &errb)
	return out.String(), errb.String(), code
}

// TestEveryCommandHelpAndBadUsage: for every command and action, in both
// languages, --help, -h and "chibo help …" exit 0 with the usage block
// (every flag described, an example), and a mistake — the command's own,
// and an unknown flag — exits 2 with a message naming it, the usage line
// and the hint to --help. Nothing is written to the data folder.
func TestEveryCommandHelpAndBadUsage(t *testing.T) {
	data := t.TempDir()
	names := cliNames()
	if len(names) < 30 {
		t.Fatalf("only %d commands and actions: %v", len(names), names)
	}
	for _, lang := range []i18n.Lang{i18n.VI, i18n.EN} {
		code := map[i18n.Lang]string{i18n.VI: "vi", i18n.EN: "en"}[lang]
		usageWord := i18n.CLIHelpUsage.In(lang)
		for _, name := range names {
			words := strings.Fields(name)
			undocumentedFlags = nil
			for _, args := range [][]string{
				append(append([]string{}, words...), "--help"),
				append(append([]string{}, words...), "-h"),
				append([]string{"help"}, words...),
			} {
				out, errOut, exit := cli(data, code, args...)
				if exit != 0 || errOut != "" || !strings.HasPrefix(out, usageWord+" chibo "+name) {
					t.Errorf("%s %v: exit %d, stderr %q, stdout %.80q", code, args, exit, errOut, out)
					continue
				}
				if !strings.Contains(out, i18n.CLIHelpExamples.In(lang)+"\n  chibo "+name) {
					t.Errorf("%s %v: no example of chibo %s:\n%s", code, args, name, out)
				}
				for _, l := range strings.Split(out, "\n") {
					if strings.TrimRight(l, " ") != l {
						t.Errorf("%s %v: trailing space in %q", code, args, l)
					}
				}
			}
			if len(undocumentedFlags) > 0 {
				t.Errorf("%s: flags without a description in i18n.CLIFlags: %v", name, undocumentedFlags)
			}

			bad, ok := badUsage[name]
			if !ok {
				t.Errorf("no bad-usage case for %q", name)
				continue
			}
			unknown := append(append([]string{}, words...), "--no-such-flag")
			for _, args := range [][]string{bad.args, unknown} {
				out, errOut, exit := cli(data, code, args...)
				prefix := "chibo " + name + ": "
				if len(words) == 1 && args[len(args)-1] == "--no-such-flag" && commands[name].subs != nil {
					prefix = "chibo " + name + ": " // plan --no-such-flag: no such action
				}
				if exit != 2 || out != "" || !strings.HasPrefix(errOut, prefix) ||
					!strings.Contains(errOut, usageWord+" chibo "+name) || !strings.Contains(errOut, "chibo "+name+" --help") {
					t.Errorf("%s %v: exit %d, stdout %q, stderr %q", code, args, exit, out, errOut)
				}
				want := bad.want
				if args[len(args)-1] == "--no-such-flag" {
					want = "--no-such-flag"
				} else if lang == i18n.VI {
					want = ""
				}
				if !strings.Contains(errOut, want) {
					t.Errorf("%s %v: stderr %q does not say %q", code, args, errOut, want)
				}
			}
		}
	}
	entries, _ := os.ReadDir(filepath.Join(data, "user"))
	for _, en := range entries {
		t.Errorf("a usage mistake or help wrote %s", en.Name())
	}
}

// TestGlobalFlagsAfterCommand: --data and --lang work after the command
// as before it; a --data without its value is named.
func TestGlobalFlagsAfterCommand(t *testing.T) {
	data := t.TempDir()
	var out, errb bytes.Buffer
	code := run([]string{"members", "add", "Nguyễn Văn An", "--data", data, "--lang=en"}, strings.NewReader(""), &out, &errb)
	if code != 0 || !strings.Contains(out.String(), "Added member 1") {
		t.Fatalf("members add … --data X --lang=en: exit %d, %q %q", code, out.String(), errb.String())
	}
	if _, err := os.Stat(filepath.Join(data, "user")); err != nil {
		t.Errorf("--data after the command was not used: %v", err)
	}
	out.Reset()
	errb.Reset()
	code = run([]string{"--data", data, "refs", "a", "b", "--lang", "en"}, strings.NewReader(""), &out, &errb)
	if code != 2 || !strings.Contains(errb.String(), `too many arguments: "b"`) {
		t.Errorf("--lang en after the command: exit %d, %q", code, errb.String())
	}
	errb.Reset()
	code = run([]string{"list", "--data"}, strings.NewReader(""), &out, &errb)
	if code != 2 || !strings.Contains(errb.String(), "--data") {
		t.Errorf("--data without a value: exit %d, %q", code, errb.String())
	}
}

// TestHelpOrder: everyday commands come before upkeep ones, and every
// command is in one of the two lists.
func TestHelpOrder(t *testing.T) {
	out, _, code := cli(t.TempDir(), "en", "help")
	if code != 0 {
		t.Fatalf("help: exit %d", code)
	}
	if strings.Index(out, "chibo list") > strings.Index(out, "chibo bench") || strings.Index(out, "chibo plan") > strings.Index(out, "chibo eval") {
		t.Errorf("bench/eval before the everyday commands:\n%s", out)
	}
	for n := range commands {
		if n != "app" && !contains(everyday, n) && !contains(upkeep, n) {
			t.Errorf("command %q is in neither the everyday nor the upkeep list", n)
		}
	}
}

// TestHelpShowsTheRealLimits: the values and defaults the help states are
// the ones the commands apply.
func TestHelpShowsTheRealLimits(t *testing.T) {
	data := t.TempDir()
	out, _, _ := cli(data, "en", "show", "--help")
	if want := fmt.Sprintf("from %d to %d", tui.MinTextWidth, tui.MaxTextWidth); !strings.Contains(out, want) {
		t.Errorf("show --help does not say %q:\n%s", want, out)
	}
	out, _, _ = cli(data, "en", "import", "--help")
	if want := fmt.Sprintf("(default: %d)", content.DefaultMaxFileSize>>20); !strings.Contains(out, want) {
		t.Errorf("import --help does not say %q:\n%s", want, out)
	}
	out, _, _ = cli(data, "en", "search", "--help")
	if !strings.Contains(out, "--limit N  most results to print (default: 10)") {
		t.Errorf("search --help lacks the --limit default:\n%s", out)
	}
}

// TestUnknownCommandAndTopFlag: a mistyped command or option before the
// command exits 2 naming it, in both languages.
func TestUnknownCommandAndTopFlag(t *testing.T) {
	for _, lang := range []string{"vi", "en"} {
		for _, c := range []struct{ args []string }{{[]string{"lsit"}}, {[]string{"--bogus", "list"}}, {[]string{"help", "lsit"}}} {
			_, errOut, code := cli(t.TempDir(), lang, c.args...)
			name := strings.TrimLeft(c.args[len(c.args)-1], "-")
			if c.args[0] == "--bogus" {
				name = "--bogus"
			}
			if code != 2 || !strings.Contains(errOut, name) {
				t.Errorf("%s %v: exit %d, %q", lang, c.args, code, errOut)
			}
		}
	}
}
