package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// readmeExample is one command of README.md shown with its output: in a
// ```text block, a line "$ chibo ARGS…" and the lines up to the next "$ "
// line or the end of the block.
type readmeExample struct {
	line    int    // README line of the "$ chibo" line
	section string // the heading it is under
	cmd     string
	want    string
}

// readmeSkipped are the README sections whose examples this test leaves
// alone: the meeting's sections show plans of a given month written in a
// given folder (paths and dates of the day they were captured), and are
// kept by the plan's own tests (plan_meeting_test.go).
var readmeSkipped = []string{
	"## Chuẩn bị buổi sinh hoạt chi bộ / Preparing the meeting",
	"### Meeting plan (`m`)",
}

// readmeExamples reads the "$ chibo" examples of a README. A heading of
// level n opens a section that lasts until the next heading of level ≤ n;
// examples in a section of readmeSkipped (or under one) are left out.
func readmeExamples(text string) []readmeExample {
	var out []readmeExample
	var cur *readmeExample
	inBlock, textBlock := false, false
	skipLevel := 0 // level of the skipped heading we are under, 0 if none
	section := ""
	flush := func() {
		if cur != nil {
			cur.want = strings.TrimRight(cur.want, "\n")
			out = append(out, *cur)
			cur = nil
		}
	}
	for i, l := range strings.Split(text, "\n") {
		if strings.HasPrefix(l, "```") {
			if inBlock {
				flush()
				inBlock, textBlock = false, false
			} else {
				inBlock, textBlock = true, strings.TrimSpace(strings.TrimPrefix(l, "```")) == "text"
			}
			continue
		}
		if !inBlock && strings.HasPrefix(l, "#") {
			level := len(l) - len(strings.TrimLeft(l, "#"))
			if skipLevel > 0 && level <= skipLevel {
				skipLevel = 0
			}
			for _, s := range readmeSkipped {
				if strings.HasPrefix(l, s) {
					skipLevel = level
				}
			}
			section = l
			continue
		}
		if !inBlock || !textBlock || skipLevel > 0 {
			continue
		}
		if strings.HasPrefix(l, "$ ") {
			flush()
			if strings.HasPrefix(l, "$ chibo ") {
				cur = &readmeExample{line: i + 1, section: section, cmd: strings.TrimPrefix(l, "$ chibo ")}
			}
			continue
		}
		if cur != nil {
			cur.want += l + "\n"
		}
	}
	return out
}

// shellWords splits a command line the way sh would for the simple
// quoting README examples use ('…', "…", \x); ok is false for anything
// more (pipes, redirections, variables), which the test does not run.
func shellWords(s string) (words []string, ok bool) {
	var w strings.Builder
	in := false
	var quote rune
	esc := false
	for _, r := range s {
		switch {
		case esc:
			w.WriteRune(r)
			esc, in = false, true
		case quote != 0:
			if r == quote {
				quote = 0
			} else {
				w.WriteRune(r)
			}
		case r == '\\':
			esc = true
		case r == '\'' || r == '"':
			quote, in = r, true
		case r == ' ' || r == '\t':
			if in {
				words = append(words, w.String())
				w.Reset()
				in = false
			}
		case strings.ContainsRune("|<>;&$`#", r):
			return nil, false
		default:
			w.WriteRune(r)
			in = true
		}
	}
	if quote != 0 || esc {
		return nil, false
	}
	if in {
		words = append(words, w.String())
	}
	return words, true
}

var readmeMillis = regexp.MustCompile(`\(\d+ ms\)`)

// readmeMatch compares a command's output with the README's: timings
// "(N ms)" are not compared, and a last README line "…" stands for the rest
// of the output (the README shows its beginning).
func readmeMatch(got, want string) bool {
	got = readmeMillis.ReplaceAllString(strings.TrimRight(got, "\n"), "(N ms)")
	want = readmeMillis.ReplaceAllString(want, "(N ms)")
	if rest, ok := strings.CutSuffix(want, "\n…"); ok {
		return strings.HasPrefix(got+"\n", rest+"\n")
	}
	return got == want
}

func TestReadmeExamplesParse(t *testing.T) {
	text := "# x\n```text\n$ chibo a\nout 1\n$ chibo b 'c d'\nerr\n```\n" +
		"## Skip me\n```text\n$ chibo no\n```\n### Under it\n```text\n$ chibo no2\nx\n```\n" +
		"## Next\n```sh\nchibo not-an-example\n```\n```text\n$ chibo c\n1\n\n2\n```\n"
	old := readmeSkipped
	readmeSkipped = []string{"## Skip me"}
	defer func() { readmeSkipped = old }()
	got := readmeExamples(text)
	var b strings.Builder
	for _, e := range got {
		fmt.Fprintf(&b, "%d %s %q|", e.line, e.cmd, e.want)
	}
	want := `3 a "out 1"|5 b 'c d' "err"|22 c "1\n\n2"|`
	if b.String() != want {
		t.Fatalf("examples:\n got %s\nwant %s", b.String(), want)
	}
	if w, ok := shellWords(`show 'a#b' "c d" e\ f`); !ok || strings.Join(w, "|") != "show|a#b|c d|e f" {
		t.Errorf("shellWords = %q %v", w, ok)
	}
	if _, ok := shellWords("list > x"); ok {
		t.Error("a redirection must not be run")
	}
	if !readmeMatch("13 kết quả (7 ms)\nx\n", "13 kết quả (34 ms)\nx") || readmeMatch("a\nb", "a\nc") ||
		!readmeMatch("a\nb\nc\n", "a\n…") || readmeMatch("ab\nc", "a\n…") {
		t.Error("readmeMatch")
	}
}

// TestReadmeExamples runs every "$ chibo …" example of README.md (outside
// the meeting's sections) on a fresh data folder — the embedded library —
// and fails when the program's output (stdout then stderr) is not the
// README's, so the README cannot drift from the program. To refresh one,
// run the command shown in the failure and paste its output.
func TestReadmeExamples(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	examples := readmeExamples(string(raw))
	if len(examples) < 4 {
		t.Fatalf("README.md has %d \"$ chibo\" examples outside the meeting's sections; want at least 4", len(examples))
	}
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "CHIBO_DATA"} {
		t.Setenv(v, "")
	}
	t.Setenv("LANG", "vi_VN.UTF-8")
	t.Setenv("NO_COLOR", "1")
	data := t.TempDir()
	for _, ex := range examples {
		args, ok := shellWords(ex.cmd)
		if !ok {
			t.Errorf("README.md:%d: cannot run %q (no pipes or redirections in a \"$ chibo\" example)", ex.line, ex.cmd)
			continue
		}
		var out, errb strings.Builder
		run(append([]string{"--data", data}, args...), strings.NewReader(""), &out, &errb)
		got := out.String() + errb.String()
		if !readmeMatch(got, ex.want) {
			t.Errorf("README.md:%d (%s): $ chibo %s\n--- README\n%s\n--- program\n%s", ex.line, ex.section, ex.cmd, ex.want, strings.TrimRight(got, "\n"))
		}
	}
}

// readmeCapture is the first ```text block under the README heading that
// starts with heading, trailing spaces and blank lines trimmed.
func readmeCapture(t *testing.T, readme, heading string) string {
	t.Helper()
	lines := strings.Split(readme, "\n")
	for i, l := range lines {
		if !strings.HasPrefix(l, heading) {
			continue
		}
		for j := i + 1; j < len(lines); j++ {
			if strings.HasPrefix(lines[j], "#") {
				break
			}
			if lines[j] == "```text" {
				var b []string
				for k := j + 1; k < len(lines) && lines[k] != "```"; k++ {
					b = append(b, lines[k])
				}
				return trimScreen(strings.Join(b, "\n"))
			}
		}
	}
	t.Fatalf("README.md has no ```text block under %q", heading)
	return ""
}

// trimScreen drops trailing spaces and trailing blank lines.
func trimScreen(s string) string {
	lines := strings.Split(s, "\n")
	for i := range lines {
		lines[i] = strings.TrimRight(lines[i], " ")
	}
	return strings.TrimRight(strings.Join(lines, "\n"), "\n")
}

// TestReadmeAppCaptures starts the app in an 80×24 tmux window on a fresh
// data folder (the embedded library), walks to the screens the README
// shows under Library, Outline, Reader (and its passage selection) and
// Cited directives, and fails
// when the screen is not the README's capture — so those captures cannot
// drift from the program. The other captures (searches, imports, a
// bookmark) depend on more state and are retaken by hand.
func TestReadmeAppCaptures(t *testing.T) {
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed")
	}
	if testing.Short() {
		t.Skip("end-to-end test")
	}
	raw, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	readme := string(raw)
	dir := t.TempDir()
	bin := builtChibo(t)
	s := &tmuxSession{t: t, sock: filepath.Join(dir, "tmux.sock"), name: "readme"}
	shell := "env -u NO_COLOR TERM=xterm-256color LANG=vi_VN.UTF-8 '" + bin + "' --data '" + filepath.Join(dir, "data") + "' --lang vi; sleep 5"
	if out, err := s.tmux("new-session", "-d", "-s", s.name, "-x", "80", "-y", "24", shell); err != nil {
		t.Fatalf("tmux new-session: %v %s", err, out)
	}
	t.Cleanup(func() { s.tmux("kill-server") })
	// expect waits until the screen is the README's capture under heading.
	expect := func(heading string) {
		t.Helper()
		want := readmeCapture(t, readme, heading)
		var got string
		for deadline := time.Now().Add(60 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
			if got = trimScreen(s.capture()); got == want {
				return
			}
		}
		t.Fatalf("the screen is not README.md's capture under %q (retake it with tmux at 80×24 if the program is right)\n--- README\n%s\n--- program\n%s", heading, want, got)
	}
	expect("### Library")
	s.keys("Enter")
	expect("### Outline")
	for range 6 {
		s.keys("j")
	}
	s.keys("Enter")
	expect("### Reader")
	s.keys("V", "j", "j", "j")
	expect("#### Selecting a passage")
	s.keys("Escape") // ends the selection, not the reader
	s.waitFor("the reader", 60*time.Second, " ĐỌC ")
	s.keys("v")
	expect("### Cited directives")
}
