package main

// TestImportCases runs the import failure cases (testdata/cases/import:
// one folder per class of real input chibo read wrongly, and expect.json
// with what must hold once each class is fixed) against chibo in-process.
// It is a port of ../shared/tools/check-cases (and its vifold.py): every
// key of expect.json has the same meaning here, and so do fold, flat and
// lines. A second expect file, testdata/corpus/expect.json (files relative
// to testdata/corpus), is run the same way when it exists.
//
// Ratchet: testdata/cases/import/pending.txt (and testdata/corpus/pending.txt)
// lists the checks that do not pass yet, one "CASE/FILE<TAB>check-id" a
// line. The test fails when a check fails that is not listed, and when a
// listed check passes (remove its line), so the list only shrinks. To
// rewrite the lists from the current results:
//
//	go test ./cmd/chibo -run TestImportCases -update-pending
//
// A failing check that is listed is only logged (go test -v shows it, with
// "(pending)"); -cases-verbose also logs the passing checks. A test such as
// TestImportCases/import/01-pdf-spaces-inside-words/anle-43-2021-page1.pdf
// runs one file. The files run in parallel (go test -parallel); each chibo
// call is limited to 120 s (check-cases: 30 s; CHECK_CASES_TIMEOUT=seconds
// changes it: -race needs more).

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/dlclark/regexp2"
	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

var (
	updatePending = flag.Bool("update-pending", false, "TestImportCases: rewrite the pending.txt of each expect file from the current results")
	casesVerbose  = flag.Bool("cases-verbose", false, "TestImportCases: also log the checks that pass")
)

// caseSuite is one expect file and the folder its file names are relative to.
type caseSuite struct {
	name     string
	dir      string // files of expect.json are relative to it
	expect   string
	pending  string
	optional bool // skipped when expect does not exist
}

var caseSuites = []caseSuite{
	{name: "import", dir: "../../testdata/cases/import", expect: "../../testdata/cases/import/expect.json", pending: "../../testdata/cases/import/pending.txt"},
	{name: "corpus", dir: "../../testdata/corpus", expect: "../../testdata/corpus/expect.json", pending: "../../testdata/corpus/pending.txt", optional: true},
}

func TestImportCases(t *testing.T) {
	if testing.Short() {
		t.Skip("the import cases run in the full pass (go test ./...); -short, the race pass, skips them")
	}
	tmp := t.TempDir()
	// As check-cases: XDG dirs inside a temporary directory, no colour, and
	// no CHIBO_DATA. HOME too, so nothing outside tmp is touched. The
	// language is pinned to chibo's default (Vietnamese) so the results do
	// not depend on the locale of whoever runs the test.
	for _, k := range []string{"XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"} {
		t.Setenv(k, filepath.Join(tmp, "xdg", strings.ToLower(k)))
	}
	t.Setenv("HOME", filepath.Join(tmp, "home"))
	t.Setenv("NO_COLOR", "1")
	t.Setenv("TERM", "dumb")
	t.Setenv("LC_ALL", "vi_VN.UTF-8")
	t.Setenv("CHIBO_DATA", "")
	os.Unsetenv("CHIBO_DATA") // t.Setenv restores it afterwards
	// check-cases allows 30 s a call; OCR of a scanned page on a loaded
	// two-core CI machine can take longer, and a hang still ends here.
	timeout := 120 * time.Second
	if s := os.Getenv("CHECK_CASES_TIMEOUT"); s != "" {
		if f, err := strconv.ParseFloat(s, 64); err == nil && f > 0 {
			timeout = time.Duration(f * float64(time.Second))
		}
	}
	for i, suite := range caseSuites {
		t.Run(suite.name, func(t *testing.T) {
			if _, err := os.Stat(suite.expect); errors.Is(err, fs.ErrNotExist) && suite.optional {
				t.Skipf("%s does not exist", suite.expect)
			}
			runCaseSuite(t, suite, filepath.Join(tmp, fmt.Sprintf("suite%d", i)), timeout)
		})
	}
}

// checkResult is one check of one file.
type checkResult struct {
	key, id string // "CASE/FILE", stable id such as plain_has[2]
	detail  string // the rest of check-cases' check name, e.g. " 'Hello world'"
	msg     string // failure, as check-cases prints it after "got"
	failed  bool
}

func (r checkResult) name() string { return r.id + r.detail }

func runCaseSuite(t *testing.T, suite caseSuite, tmp string, timeout time.Duration) {
	spec, keys, err := loadExpect(suite.expect)
	if err != nil {
		t.Fatal(err)
	}
	pending, err := readPending(suite.pending)
	if err != nil {
		t.Fatal(err)
	}
	c := &chiboRunner{tmp: tmp, timeout: timeout}
	scratch := c.fresh()
	var (
		mu      sync.Mutex // the files run in parallel (go test -parallel, GOMAXPROCS by default)
		all     []checkResult
		ran     = map[string]bool{}
		filesOK int
	)
	// After every file's subtest: the totals, and pending.txt.
	t.Cleanup(func() {
		mu.Lock()
		defer mu.Unlock()
		passed, npending, regressions := 0, 0, 0
		for _, r := range all {
			if !r.failed {
				passed++
			}
			if pending[pendingLine(r.key, r.id)] {
				npending++
			} else if r.failed {
				regressions++
			}
		}
		if regressions > 0 && !*updatePending {
			t.Errorf("%d checks fail that %s does not list: fix them; only a check that is new in %s may be added "+
				"(go test ./cmd/chibo -run TestImportCases -update-pending rewrites the list)", regressions, shown(suite.pending), shown(suite.expect))
		}
		if !*updatePending {
			for _, line := range sortedKeys(pending) {
				if k, _, _ := strings.Cut(line, "\t"); spec[k] == nil {
					t.Errorf("%s: the line %q names no file of %s; remove it", shown(suite.pending), line, shown(suite.expect))
				}
			}
		}
		t.Logf("%s: files fully correct %d/%d; checks passed %d/%d (%d listed in pending.txt)",
			suite.name, filesOK, len(ran), passed, len(all), npending)
		if *updatePending {
			if err := writePending(t, suite, keys, ran, pending, all); err != nil {
				t.Error(err)
			}
		}
	})
	for _, key := range keys {
		t.Run(key, func(t *testing.T) {
			t.Parallel()
			path, _ := filepath.Abs(filepath.Join(suite.dir, filepath.FromSlash(key)))
			runner := c
			if st, err := os.Stat(path); err != nil || !st.Mode().IsRegular() {
				runner = &chiboRunner{missing: path}
			}
			start := time.Now()
			results := runChecks(newSubject(runner, key, path, scratch), spec[key])
			ok := true
			for _, r := range results {
				ok = ok && !r.failed
				line := pendingLine(key, r.id)
				switch {
				case r.failed && !pending[line] && !*updatePending:
					t.Errorf("%s: %s: got %s", key, r.name(), r.msg)
				case r.failed:
					t.Logf("%s: %s: got %s (pending)", key, r.name(), r.msg)
				case pending[line] && !*updatePending:
					t.Errorf("%s: %s: passes now; remove its line from %s", key, r.name(), shown(suite.pending))
				case *casesVerbose:
					t.Logf("%s: %s: ok", key, r.name())
				}
			}
			if !*updatePending {
				have := map[string]bool{}
				for _, r := range results {
					have[r.id] = true
				}
				for _, line := range sortedKeys(pending) {
					if k, id, _ := strings.Cut(line, "\t"); k == key && !have[id] {
						t.Errorf("%s: %s in %s is no check of expect.json; remove its line", key, id, shown(suite.pending))
					}
				}
			}
			t.Logf("%s: %d checks in %.1f s", key, len(results), time.Since(start).Seconds())
			mu.Lock()
			defer mu.Unlock()
			all = append(all, results...)
			ran[key] = true
			if ok {
				filesOK++
			}
		})
	}
}

func pendingLine(key, id string) string { return key + "\t" + id }

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// shown is a testdata path as seen from the repository root.
func shown(path string) string { return strings.TrimPrefix(path, "../../") }

// loadExpect reads an expect file: "CASE/FILE" → checks, in sorted order;
// top-level keys starting with "_" are notes.
func loadExpect(path string) (map[string]map[string]any, []string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, err
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		return nil, nil, fmt.Errorf("%s: %w", path, err)
	}
	spec := map[string]map[string]any{}
	var keys []string
	for k, v := range raw {
		if strings.HasPrefix(k, "_") {
			continue
		}
		d := json.NewDecoder(bytes.NewReader(v))
		d.UseNumber()
		var want map[string]any
		if err := d.Decode(&want); err != nil {
			return nil, nil, fmt.Errorf("%s: %s: %w", path, k, err)
		}
		if want == nil {
			want = map[string]any{}
		}
		spec[k] = want
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return spec, keys, nil
}

// readPending reads pending.txt; a missing file is an empty list.
func readPending(path string) (map[string]bool, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return map[string]bool{}, nil
	}
	if err != nil {
		return nil, err
	}
	out := map[string]bool{}
	for i, ln := range strings.Split(string(b), "\n") {
		ln = strings.TrimRight(ln, "\r")
		if strings.TrimSpace(ln) == "" || strings.HasPrefix(ln, "#") {
			continue
		}
		k, id, ok := strings.Cut(ln, "\t")
		if !ok || k == "" || id == "" || strings.Contains(id, "\t") {
			return nil, fmt.Errorf("%s:%d: want CASE/FILE<TAB>check-id, got %q", path, i+1, ln)
		}
		out[ln] = true
	}
	return out, nil
}

// writePending rewrites pending.txt: the failing checks of the files that
// ran, and the old lines of the files of the expect file that did not run
// (a -run filter), so a partial run never drops lines.
func writePending(t *testing.T, suite caseSuite, keys []string, ran, old map[string]bool, all []checkResult) error {
	var lines []string
	now := map[string]bool{}
	byKey := map[string][]checkResult{}
	for _, r := range all {
		byKey[r.key] = append(byKey[r.key], r)
	}
	for _, k := range keys {
		if ran[k] {
			for _, r := range byKey[k] {
				if r.failed {
					lines = append(lines, pendingLine(k, r.id))
				}
			}
			continue
		}
		var kept []string
		for ln := range old {
			if strings.HasPrefix(ln, k+"\t") {
				kept = append(kept, ln)
			}
		}
		sort.Strings(kept)
		lines = append(lines, kept...)
	}
	for _, ln := range lines {
		now[ln] = true
		if !old[ln] {
			t.Logf("%s: now pending: %s", shown(suite.pending), strings.Replace(ln, "\t", " ", 1))
		}
	}
	var gone []string
	for ln := range old {
		if !now[ln] {
			gone = append(gone, ln)
		}
	}
	sort.Strings(gone)
	for _, ln := range gone {
		t.Logf("%s: no longer pending: %s", shown(suite.pending), strings.Replace(ln, "\t", " ", 1))
	}
	var b strings.Builder
	b.WriteString("# Checks of expect.json beside this file that do not pass yet: CASE/FILE<TAB>check-id, one a line.\n")
	b.WriteString("# TestImportCases (cmd/chibo/cases_test.go) fails when a check fails that is not listed here, and when a\n")
	b.WriteString("# listed check passes (remove its line), so this list only shrinks. Rewrite it from the current results with\n")
	b.WriteString("#   go test ./cmd/chibo -run TestImportCases -update-pending\n")
	for _, ln := range lines {
		b.WriteString(ln + "\n")
	}
	if err := os.WriteFile(suite.pending, []byte(b.String()), 0o644); err != nil {
		return err
	}
	t.Logf("wrote %s: %d pending checks", shown(suite.pending), len(lines))
	return nil
}

// ---- Text normalisations (vifold.py and check-cases) ----

// pyIsSpace is Python's str.isspace (and re's \s on str).
func pyIsSpace(r rune) bool { return unicode.IsSpace(r) || (r >= 0x1c && r <= 0x1f) }

func pyStrip(s string) string { return strings.TrimFunc(s, pyIsSpace) }

// collapseSpace is re.sub(r"\s+", " ", s).
func collapseSpace(s string) string {
	var b strings.Builder
	in := false
	for _, r := range s {
		if pyIsSpace(r) {
			if !in {
				b.WriteByte(' ')
			}
			in = true
			continue
		}
		in = false
		b.WriteRune(r)
	}
	return b.String()
}

func removeSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if pyIsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// pyCased and pyCaseIgnorable approximate Python's tests for the final sigma.
func pyCased(r rune) bool {
	return unicode.IsUpper(r) || unicode.IsLower(r) || unicode.IsTitle(r) ||
		unicode.Is(unicode.Other_Lowercase, r) || unicode.Is(unicode.Other_Uppercase, r)
}

func pyCaseIgnorable(r rune) bool {
	switch r {
	case '\'', '.', ':', '^', '`', '\u00b7', '\u2018', '\u2019', '\u2024', '\u2027', '\ufe13', '\ufe52', '\ufe55', '\uff07', '\uff0e', '\uff1a':
		return true
	}
	return unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf, unicode.Lm, unicode.Sk)
}

// pyLower is Python's str.lower: İ → i + U+0307, Σ → ς at the end of a word.
func pyLower(s string) string {
	rs := []rune(s)
	var b strings.Builder
	for i, r := range rs {
		switch r {
		case 'İ':
			b.WriteString("i\u0307")
		case 'Σ':
			final := false
			for j := i - 1; j >= 0; j-- {
				if !pyCaseIgnorable(rs[j]) {
					final = pyCased(rs[j])
					break
				}
			}
			if final {
				for j := i + 1; j < len(rs); j++ {
					if !pyCaseIgnorable(rs[j]) {
						final = !pyCased(rs[j])
						break
					}
				}
			}
			if final {
				b.WriteRune('ς')
			} else {
				b.WriteRune('σ')
			}
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// fold is vifold.fold: NFD, combining marks dropped, đ/Đ/Ð/Ɖ/ɖ → d, lower
// case, whitespace runs → one space, trimmed.
func fold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		switch r {
		case 'đ', 'Đ', 'Ð', 'Ɖ', 'ɖ':
			r = 'd'
		}
		b.WriteRune(r)
	}
	return pyStrip(collapseSpace(pyLower(b.String())))
}

func nfc(s string) string { return norm.NFC.String(s) }

// flat: NFC, every whitespace run → one space, trimmed (line breaks do not matter).
func flat(s string) string { return pyStrip(collapseSpace(nfc(s))) }

var lineSpaceRE = regexp.MustCompile("[ \t\u00a0]+")

// lines: NFC, runs of spaces/tabs/NBSP → one space, line breaks kept, each line trimmed.
func lines(s string) []string {
	var out []string
	for _, ln := range strings.Split(nfc(s), "\n") {
		out = append(out, pyStrip(lineSpaceRE.ReplaceAllString(ln, " ")))
	}
	return out
}

var casefolder = cases.Fold()

func casefold(s string) string { return casefolder.String(s) }

// pySplitlines is Python's str.splitlines().
func pySplitlines(s string) []string {
	var out []string
	start := 0
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		switch rs[i] {
		case '\n', '\r', '\v', '\f', 0x1c, 0x1d, 0x1e, 0x85, 0x2028, 0x2029:
			out = append(out, string(rs[start:i]))
			if rs[i] == '\r' && i+1 < len(rs) && rs[i+1] == '\n' {
				i++
			}
			start = i + 1
		}
	}
	if start < len(rs) {
		out = append(out, string(rs[start:]))
	}
	return out
}

func lastLine(s string) string {
	ls := pySplitlines(pyStrip(s))
	if len(ls) == 0 {
		return ""
	}
	return ls[len(ls)-1]
}

// runeFind is Python's str.find: the index in code points, or -1.
func runeFind(s, sub string) int {
	i := strings.Index(s, sub)
	if i < 0 {
		return -1
	}
	return utf8.RuneCountInString(s[:i])
}

// runeSlice is Python's s[i:j] with 0 <= i.
func runeSlice(s string, i, j int) string {
	rs := []rune(s)
	i, j = min(max(i, 0), len(rs)), min(max(j, 0), len(rs))
	if i >= j {
		return ""
	}
	return string(rs[i:j])
}

func short(s string, n int) string {
	s = strings.ReplaceAll(s, "\n", "⏎")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return runeSlice(s, 0, n) + "…"
}

// near is the part of text that best matches the start of phrase.
func near(text, phrase string, width int) string {
	words := strings.FieldsFunc(phrase, pyIsSpace)
	for k := len(words); k > 0; k-- {
		if i := runeFind(text, strings.Join(words[:k], " ")); i >= 0 {
			return short(runeSlice(text, max(0, i-10), i+width), width+15)
		}
	}
	return short(text, width)
}

// pyRepr is Python's repr of a str (for check names and messages).
func pyRepr(s string) string {
	q := '\''
	if strings.ContainsRune(s, '\'') && !strings.ContainsRune(s, '"') {
		q = '"'
	}
	var b strings.Builder
	b.WriteRune(q)
	for _, r := range s {
		switch {
		case r == q || r == '\\':
			b.WriteRune('\\')
			b.WriteRune(r)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == ' ' || unicode.IsPrint(r):
			b.WriteRune(r)
		case r < 0x100:
			fmt.Fprintf(&b, `\x%02x`, r)
		case r < 0x10000:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			fmt.Fprintf(&b, `\U%08x`, r)
		}
	}
	b.WriteRune(q)
	return b.String()
}

// reprAny is Python's repr of a JSON value.
func reprAny(v any) string {
	switch x := v.(type) {
	case string:
		return pyRepr(x)
	case nil:
		return "None"
	case bool:
		if x {
			return "True"
		}
		return "False"
	case json.Number:
		return x.String()
	case float64:
		return strconv.FormatFloat(x, 'g', -1, 64)
	}
	return fmt.Sprint(v)
}

// ---- Python regular expressions ----

// Patterns in expect files are Python's re syntax, whose \b, \w, \d and \s
// are Unicode-aware (Go's regexp has ASCII \b and \w: "hoá\b" never
// matches). regexp2 (.NET syntax) is close: same Unicode classes, same $
// before a final newline, search semantics. The few spellings that differ
// are rewritten.

var (
	rxMu    sync.Mutex
	rxCache = map[string]*regexp2.Regexp{}
)

// pyToNET rewrites (?P<name>…), (?P=name) and \Z for regexp2.
func pyToNET(rx string) string {
	var b strings.Builder
	for i := 0; i < len(rx); i++ {
		switch {
		case rx[i] == '\\' && i+1 < len(rx):
			if rx[i+1] == 'Z' {
				b.WriteString(`\z`)
			} else {
				b.WriteString(rx[i : i+2])
			}
			i++
		case strings.HasPrefix(rx[i:], "(?P<"):
			b.WriteString("(?<")
			i += 3
		case strings.HasPrefix(rx[i:], "(?P="):
			end := strings.IndexByte(rx[i:], ')')
			if end < 0 {
				b.WriteString(rx[i:])
				i = len(rx)
				break
			}
			b.WriteString(`\k<` + rx[i+4:i+end] + ">")
			i += end
		default:
			b.WriteByte(rx[i])
		}
	}
	return b.String()
}

type checkerError struct{ msg string }

// pyRegexp compiles a Python pattern; an invalid one is a checker error.
func pyRegexp(rx string) *regexp2.Regexp {
	rxMu.Lock()
	defer rxMu.Unlock()
	if re, ok := rxCache[rx]; ok {
		return re
	}
	re, err := regexp2.Compile(pyToNET(rx), regexp2.None)
	if err != nil {
		panic(checkerError{fmt.Sprintf("re.error(%s)", err)})
	}
	rxCache[rx] = re
	return re
}

// reSearch is re.search(rx, s) is not None.
func reSearch(rx, s string) bool {
	ok, err := pyRegexp(rx).MatchString(s)
	if err != nil {
		panic(checkerError{err.Error()})
	}
	return ok
}

var (
	controlRE = regexp.MustCompile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
	markRE    = regexp.MustCompile(`\*\*|</?mark>|\x1b\[[0-9;]*m`)
)

const (
	warnRE = `(?i)cảnh báo|không (?:nhận (?:ra|diện|biết)|xác định|rõ|đoán)|chưa (?:nhận|xác định)|warning|` +
		`unknown encoding|unrecogni[sz]ed|not recogni[sz]ed|could not (?:detect|determine)`
	legacyRE = `(?i)tcvn3|\bvni\b`
)

// ---- Running chibo ----

// failure is check-cases' Fail: raised (panicked) by whatever a check
// needs from chibo, and caught by the check, which then fails with it.
type failure struct{ msg string }

func failf(format string, a ...any) { panic(failure{fmt.Sprintf(format, a...)}) }

// chiboRunner runs chibo in-process through run(); missing is set when the
// input file is absent, and then every call fails with that reason.
type chiboRunner struct {
	tmp     string
	mu      sync.Mutex
	n       int
	timeout time.Duration
	missing string
}

func (c *chiboRunner) fresh() string {
	if c.missing != "" {
		return ""
	}
	c.mu.Lock()
	c.n++
	d := filepath.Join(c.tmp, fmt.Sprintf("lib%d", c.n))
	c.mu.Unlock()
	if err := os.MkdirAll(d, 0o755); err != nil {
		panic(err)
	}
	return d
}

// pyDecode is bytes.decode("utf-8", errors="replace").
func pyDecode(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	var sb strings.Builder
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		sb.WriteRune(r) // RuneError for each invalid byte
		b = b[n:]
	}
	return sb.String()
}

type callResult struct {
	rc       int
	out, err []byte
	panicked string
}

// run is `chibo --data DATA ARGS…`; with ok, a non-zero exit fails.
func (c *chiboRunner) run(data string, ok bool, args ...string) (int, string, string) {
	if c.missing != "" {
		failf("input file missing: %s", c.missing)
	}
	what := args[0]
	for _, a := range args[1:] {
		if strings.HasPrefix(a, "-") {
			what += " " + a
		}
	}
	done := make(chan callResult, 1)
	go func() {
		var stdout, stderr bytes.Buffer
		defer func() {
			if r := recover(); r != nil {
				done <- callResult{rc: 2, out: stdout.Bytes(), err: stderr.Bytes(), panicked: fmt.Sprintf("%v\n%s", r, debug.Stack())}
			}
		}()
		rc := run(append([]string{"--data", data}, args...), strings.NewReader(""), &stdout, &stderr)
		done <- callResult{rc: rc, out: stdout.Bytes(), err: stderr.Bytes()}
	}()
	var r callResult
	select {
	case r = <-done:
	case <-time.After(c.timeout):
		failf("chibo %s timed out after %g s", what, c.timeout.Seconds())
	}
	if r.panicked != "" {
		failf("chibo %s panicked: %s", what, short(r.panicked, 400))
	}
	out, errs := pyDecode(r.out), pyDecode(r.err)
	if ok && r.rc != 0 {
		msg := pyStrip(errs)
		if msg == "" {
			msg = pyStrip(out)
		}
		failf("chibo %s exit %d: %s", what, r.rc, short(lastLine(msg), 140))
	}
	return r.rc, out, errs
}

func (c *chiboRunner) json(data string, args ...string) any {
	_, out, _ := c.run(data, true, args...)
	var v any
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		failf("chibo %s --json printed no JSON: %s", args[0], short(out, 80))
	}
	return v
}

// ---- One input file ----

type cached struct {
	ok  bool
	v   any
	msg string
}

type importResult struct {
	rc    int
	out   string
	doc   string // "" when nothing was added
	entry map[string]any
	data  string
}

type subject struct {
	c                  *chiboRunner
	key, path, scratch string
	cache              map[string]cached
	searchHits         []map[string]any
}

func newSubject(c *chiboRunner, key, path, scratch string) *subject {
	return &subject{c: c, key: key, path: path, scratch: scratch, cache: map[string]cached{}}
}

// get computes a chibo result once; a failure is kept and raised again.
func (s *subject) get(name string, fn func() any) any {
	if _, ok := s.cache[name]; !ok {
		func() {
			defer func() {
				if r := recover(); r != nil {
					f, ok := r.(failure)
					if !ok {
						panic(r)
					}
					s.cache[name] = cached{msg: f.msg}
				}
			}()
			v := fn()
			s.cache[name] = cached{ok: true, v: v}
		}()
	}
	e := s.cache[name]
	if !e.ok {
		panic(failure{e.msg})
	}
	return e.v
}

func (s *subject) outline() map[string]any {
	return s.get("outline", func() any {
		o := s.c.json(s.scratch, "outline", "--json", s.path)
		m, ok := o.(map[string]any)
		if !ok {
			failf("outline --json printed %s", short(fmt.Sprint(o), 60))
		}
		return m
	}).(map[string]any)
}

type section struct {
	level   int
	heading string // flat
	raw     map[string]any
}

// strOr is Python's `d.get(k) or ""` for a JSON string field.
func strOr(m map[string]any, k string) string {
	switch v := m[k].(type) {
	case nil:
		return ""
	case string:
		return v
	default:
		panic(checkerError{fmt.Sprintf("TypeError: %s is %T", k, v)})
	}
}

// strGet is Python's `d.get(k, "")` where the value must be a string.
func strGet(m map[string]any, k string) string {
	v, ok := m[k]
	if !ok {
		return ""
	}
	s, ok := v.(string)
	if !ok {
		panic(checkerError{fmt.Sprintf("TypeError: %s is %s", k, reprAny(v))})
	}
	return s
}

func listOf(v any) []any {
	if v == nil {
		return nil
	}
	l, ok := v.([]any)
	if !ok {
		panic(checkerError{fmt.Sprintf("TypeError: %s is not a list", reprAny(v))})
	}
	return l
}

func stringsOf(v any) []string {
	var out []string
	for _, x := range listOf(v) {
		s, ok := x.(string)
		if !ok {
			panic(checkerError{fmt.Sprintf("TypeError: %s is not a str", reprAny(x))})
		}
		out = append(out, s)
	}
	return out
}

func (s *subject) sections() []section {
	var out []section
	for _, x := range listOf(s.outline()["sections"]) {
		m := x.(map[string]any)
		lvl := 0
		switch v := m["level"].(type) {
		case float64:
			lvl = int(v)
		case string:
			n, err := strconv.Atoi(v)
			if err != nil {
				panic(checkerError{"ValueError: level " + v})
			}
			lvl = n
		}
		out = append(out, section{level: lvl, heading: flat(strOr(m, "heading")), raw: m})
	}
	return out
}

func (s *subject) plain() string {
	return s.get("plain", func() any {
		_, out, _ := s.c.run(s.scratch, true, "show", "--plain", s.path)
		return out
	}).(string)
}

func idsOf(v any) map[any]bool {
	out := map[any]bool{}
	for _, x := range listOf(v) {
		out[x.(map[string]any)["id"]] = true
	}
	return out
}

// pyStem is os.path.splitext(os.path.basename(path))[0].
func pyStem(path string) string {
	name := filepath.Base(path)
	i := strings.LastIndexByte(name, '.')
	if i <= 0 || strings.Trim(name[:i], ".") == "" {
		return name
	}
	return name[:i]
}

// imp imports the file into a fresh library (list, import, list): the
// imported document is the one new entry.
func (s *subject) imp(extra ...string) importResult {
	return s.get("import"+strings.Join(extra, "|"), func() any {
		d := s.c.fresh()
		before := idsOf(s.c.json(d, "list", "--json"))
		rc, out, errs := s.c.run(d, false, append(append([]string{"import"}, extra...), s.path)...)
		after := listOf(s.c.json(d, "list", "--json"))
		var added []map[string]any
		for _, x := range after {
			m := x.(map[string]any)
			if !before[m["id"]] {
				added = append(added, m)
			}
		}
		stem := pyStem(s.path)
		slices.SortStableFunc(added, func(a, b map[string]any) int {
			x, y := a["id"] != stem, b["id"] != stem
			switch {
			case x == y:
				return 0
			case !x:
				return -1
			}
			return 1
		})
		r := importResult{rc: rc, out: out + errs, data: d}
		if len(added) > 0 {
			r.entry = added[0]
			if id, ok := r.entry["id"].(string); ok {
				r.doc = id
			}
		}
		return r
	}).(importResult)
}

func (s *subject) imported() (string, map[string]any, string) {
	r := s.imp()
	if r.doc == "" {
		failf("import did not add the file (exit %d: %s)", r.rc, short(lastLine(r.out), 120))
	}
	return r.doc, r.entry, r.data
}

// said is the import output without this file's path, name and id.
func (s *subject) said(out, doc string) string {
	name := filepath.Base(s.path)
	if doc == "" {
		doc = name
	}
	set := map[string]bool{s.path: true, name: true, pyStem(s.path): true, doc: true}
	var all []string
	for x := range set {
		all = append(all, x)
	}
	sort.Slice(all, func(i, j int) bool {
		li, lj := utf8.RuneCountInString(all[i]), utf8.RuneCountInString(all[j])
		if li != lj {
			return li > lj
		}
		return all[i] < all[j]
	})
	for _, x := range all {
		if utf8.RuneCountInString(x) >= 4 {
			out = strings.ReplaceAll(out, x, "FILE")
		}
	}
	return out
}

func (s *subject) docPlain(data, doc string) string {
	_, out, _ := s.c.run(data, true, "show", "--plain", doc)
	return out
}

func (s *subject) search(query string) (string, []map[string]any) {
	doc, _, d := s.imported()
	res := s.c.json(d, "search", "--json", "--limit", "20", query)
	var hits []map[string]any
	if m, ok := res.(map[string]any); ok {
		for _, h := range listOf(m["hits"]) {
			hits = append(hits, h.(map[string]any))
		}
	}
	for _, h := range hits {
		if h["doc"] == doc {
			s.searchHits = append(s.searchHits, h)
		}
	}
	return doc, hits
}

type title struct{ where, text string }

// titles are the outline title and, once imported, the list title.
func (s *subject) titles() []title {
	t := []title{{"outline", nfc(strOr(s.outline(), "title"))}}
	if e, ok := s.cache["import"]; ok && e.ok && e.v.(importResult).entry != nil {
		t = append(t, title{"list", nfc(strOr(e.v.(importResult).entry, "title"))})
	}
	return t
}

// ---- The checks ----

// has: phrase (a string or {"text", "ci", "nospace"}) occurs in flat(text).
func has(text string, item any) (bool, string) {
	var phrase string
	ci, nospace := false, false
	if m, ok := item.(map[string]any); ok {
		p, ok := m["text"].(string)
		if !ok {
			panic(checkerError{"KeyError: 'text'"})
		}
		phrase, ci, nospace = p, truthy(m["ci"]), truthy(m["nospace"])
	} else {
		phrase = item.(string)
	}
	t, p := flat(text), flat(phrase)
	if ci {
		t, p = casefold(t), casefold(p)
	}
	if nospace {
		t, p = removeSpace(t), removeSpace(p)
	}
	return strings.Contains(t, p), phrase
}

// truthy is Python's bool() of a JSON value.
func truthy(v any) bool {
	switch x := v.(type) {
	case nil:
		return false
	case bool:
		return x
	case string:
		return x != ""
	case json.Number:
		f, _ := x.Float64()
		return f != 0
	case float64:
		return x != 0
	case []any:
		return len(x) > 0
	case map[string]any:
		return len(x) > 0
	}
	return true
}

func num(v any) float64 {
	switch x := v.(type) {
	case json.Number:
		f, err := x.Float64()
		if err != nil {
			panic(checkerError{err.Error()})
		}
		return f
	case float64:
		return x
	case bool:
		if x {
			return 1
		}
		return 0
	}
	panic(checkerError{fmt.Sprintf("TypeError: %s is not a number", reprAny(v))})
}

func pyIsAlnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }

// headingMatches: want (a text, or {"re": rx}) matches heading (already
// flat): equal after flat(), or heading is shortened with a final "…" and
// what is left of it, at least min(30, len(want)) characters, is a prefix of
// want ending at a word boundary.
func headingMatches(heading string, want any) bool {
	if m, ok := want.(map[string]any); ok {
		rx, ok := m["re"].(string)
		if !ok {
			panic(checkerError{"KeyError: 're'"})
		}
		return reSearch(rx, heading)
	}
	w := flat(want.(string))
	if heading == w {
		return true
	}
	if strings.HasSuffix(heading, "…") {
		pre := strings.TrimRightFunc(strings.TrimSuffix(heading, "…"), pyIsSpace)
		wr, pr := []rune(w), []rune(pre)
		if len(pr) >= min(30, len(wr)) && strings.HasPrefix(w, pre) && len(wr) > len(pr) {
			return !(pyIsAlnum(wr[len(pr)]) && len(pr) > 0 && pyIsAlnum(pr[len(pr)-1]))
		}
	}
	return false
}

// checkOutline: the listed sections appear in this order, each at level
// (level of the first) + rel, and every section between two listed ones has
// a level >= the level of the second. "" means it holds.
func checkOutline(secs []section, items []any) string {
	start, prev := 0, -1
	var base int
	haveBase := false
	for n, it := range items {
		pair := listOf(it)
		if len(pair) != 2 {
			panic(checkerError{"ValueError: outline item is not [rel, text]"})
		}
		rel, want := int(num(pair[0])), pair[1]
		var label string
		wm, isRe := want.(map[string]any)
		if isRe {
			label, _ = wm["re"].(string)
		} else {
			label = want.(string)
		}
		j := -1
		for k := start; k < len(secs); k++ {
			if headingMatches(secs[k].heading, want) {
				j = k
				break
			}
		}
		if j < 0 {
			msg := fmt.Sprintf("item %d %s not found after the previous one", n+1, pyRepr(short(label, 60)))
			if !isRe {
				for _, sc := range secs[start:] {
					if runeSlice(sc.heading, 0, 4) == runeSlice(flat(label), 0, 4) {
						msg += fmt.Sprintf(" (closest: %s)", pyRepr(short(sc.heading, 90)))
						break
					}
				}
			}
			return msg
		}
		lvl := secs[j].level
		if !haveBase {
			base, haveBase = lvl-rel, true
		} else if lvl != base+rel {
			return fmt.Sprintf("item %d %s at level %d, want %d (relative %d)", n+1, pyRepr(short(label, 50)), lvl, base+rel, rel)
		}
		if prev >= 0 {
			for k := prev + 1; k < j; k++ {
				if secs[k].level < lvl {
					return fmt.Sprintf("item %d %s is not under the same parent: %s (level %d) comes between",
						n+1, pyRepr(short(label, 40)), pyRepr(short(secs[k].heading, 60)), secs[k].level)
				}
			}
		}
		start, prev = j+1, j
	}
	return ""
}

// childrenOf: the direct children (level + 1, before the next section at
// the parent's level or above) matching crx of the first heading matching
// prx; ok is false when no heading matches prx.
func childrenOf(secs []section, prx, crx string) (got []string, ok bool) {
	i := -1
	for k, sc := range secs {
		if reSearch(prx, sc.heading) {
			i = k
			break
		}
	}
	if i < 0 {
		return nil, false
	}
	lvl := secs[i].level
	for j := i + 1; j < len(secs); j++ {
		if secs[j].level <= lvl {
			break
		}
		if secs[j].level == lvl+1 && reSearch(crx, secs[j].heading) {
			got = append(got, secs[j].heading)
		}
	}
	return got, true
}

func (s *subject) noControl() string {
	type place struct{ where, text string }
	var found []place
	try := func(fn func()) {
		defer func() {
			if r := recover(); r != nil {
				if _, ok := r.(failure); !ok {
					panic(r)
				}
			}
		}()
		fn()
	}
	try(func() { found = append(found, place{"show --plain", s.plain()}) })
	try(func() {
		o := s.outline()
		parts := []string{strGet(o, "title")}
		for _, x := range listOf(o["sections"]) {
			m := x.(map[string]any)
			parts = append(parts, strGet(m, "heading"))
			parts = append(parts, stringsOf(m["path"])...)
		}
		found = append(found, place{"outline", strings.Join(parts, " ")})
	})
	if e, ok := s.cache["import"]; ok && e.ok && e.v.(importResult).entry != nil {
		entry := e.v.(importResult).entry
		var ks []string
		for k := range entry {
			ks = append(ks, k)
		}
		sort.Strings(ks)
		var parts []string
		for _, k := range ks {
			// str(v): a string as is; anything else as Python prints it,
			// where control characters appear escaped.
			if sv, ok := entry[k].(string); ok {
				parts = append(parts, sv)
			} else {
				b, _ := json.Marshal(entry[k])
				parts = append(parts, string(b))
			}
		}
		found = append(found, place{"list", strings.Join(parts, " ")})
	}
	for _, h := range s.searchHits {
		parts := append([]string{strGet(h, "snippet"), strGet(h, "title")}, stringsOf(h["path"])...)
		found = append(found, place{"search", strings.Join(parts, " ")})
	}
	if len(found) == 0 {
		s.plain()
		failf("nothing to look at")
	}
	for _, p := range found {
		if loc := controlRE.FindStringIndex(p.text); loc != nil {
			i := utf8.RuneCountInString(p.text[:loc[0]])
			return fmt.Sprintf("%s has %s in %s", p.where, pyRepr(p.text[loc[0]:loc[1]]), pyRepr(short(runeSlice(p.text, i-20, i+20), 60)))
		}
	}
	return ""
}

var knownKeys = map[string]bool{"plain_has": true, "plain_not": true, "title_has": true, "title_not": true, "title_re": true,
	"number": true, "date": true, "issuer_has": true, "issuer_not": true, "headings": true, "headings_not": true,
	"outline": true, "children": true, "count": true, "min_count": true, "min_sections": true, "search": true,
	"search_not": true, "imports": true, "no_control_chars": true, "encoding_note": true, "encoding_flag": true,
	"plain_has_or_refused": true}

var importKeys = []string{"number", "date", "issuer_has", "issuer_not", "search", "search_not", "imports", "encoding_note"}

// guard runs one check: "" passes; a failure (chibo could not give what
// the check needs) or a checker error fails it.
func guard(fn func() string) (msg string, failed bool) {
	defer func() {
		if r := recover(); r != nil {
			failed = true
			switch x := r.(type) {
			case failure:
				msg = x.msg
			case checkerError:
				msg = "checker error: " + x.msg
			default:
				msg = fmt.Sprintf("checker error: %v", r)
			}
		}
	}()
	msg = fn()
	return msg, msg != ""
}

// runChecks is check-cases' run_checks: the checks of one file, in its order.
func runChecks(s *subject, want map[string]any) []checkResult {
	var out []checkResult
	add := func(id, detail string, fn func() string) {
		msg, failed := guard(fn)
		out = append(out, checkResult{key: s.key, id: id, detail: detail, msg: msg, failed: failed})
	}
	var unknown []string
	for k := range want {
		if !knownKeys[k] {
			unknown = append(unknown, k)
		}
	}
	sort.Strings(unknown)
	for _, k := range unknown {
		out = append(out, checkResult{key: s.key, id: "expect_key[" + k + "]", msg: "unknown key in EXPECT_JSON", failed: true})
	}
	for _, k := range importKeys {
		if _, ok := want[k]; ok {
			guard(func() string { s.imported(); return "" }) // so title checks see the list title too
			break
		}
	}
	idx := func(k string, i int) string { return fmt.Sprintf("%s[%d]", k, i) }

	if truthy(want["imports"]) {
		add("imports", "", func() string {
			r := s.imp()
			if r.rc != 0 || r.doc == "" {
				what := "nothing added"
				if r.doc != "" {
					what = "added"
				}
				return fmt.Sprintf("exit %d, %s: %s", r.rc, what, short(lastLine(r.out), 140))
			}
			return ""
		})
	}
	for i, item := range safeItems(want, "plain_has") {
		label := ""
		if m, ok := item.(map[string]any); ok {
			label, _ = m["text"].(string)
		} else {
			label, _ = item.(string)
		}
		add(idx("plain_has", i), " "+pyRepr(short(label, 60)), func() string {
			ok, phrase := has(s.plain(), item)
			if ok {
				return ""
			}
			return near(flat(s.plain()), flat(phrase), 90)
		})
	}
	for i, x := range safeItems(want, "plain_not") {
		str, _ := x.(string)
		add(idx("plain_not", i), " "+pyRepr(str), func() string {
			s2 := flat(x.(string))
			for _, ln := range lines(s.plain()) {
				if j := runeFind(ln, s2); j >= 0 {
					return short(runeSlice(ln, j-40, j+utf8.RuneCountInString(s2)+40), 100)
				}
			}
			return ""
		})
	}
	titleCheck := func(k string, bad func(want, t string) bool) {
		for i, x := range safeItems(want, k) {
			str, _ := x.(string)
			add(idx(k, i), " "+pyRepr(str), func() string {
				var msgs []string
				for _, t := range s.titles() {
					if bad(x.(string), t.text) {
						msgs = append(msgs, fmt.Sprintf("%s title %s", t.where, pyRepr(short(t.text, 100))))
					}
				}
				return strings.Join(msgs, "; ")
			})
		}
	}
	titleCheck("title_has", func(w, t string) bool { return !strings.Contains(fold(t), fold(w)) })
	titleCheck("title_not", func(w, t string) bool { return strings.Contains(fold(t), fold(w)) })
	if v, ok := want["title_re"]; ok {
		add("title_re", " "+reprAny(v), func() string {
			var msgs []string
			for _, t := range s.titles() {
				if !reSearch(v.(string), t.text) {
					msgs = append(msgs, fmt.Sprintf("%s title %s", t.where, pyRepr(short(t.text, 100))))
				}
			}
			return strings.Join(msgs, "; ")
		})
	}
	if v, ok := want["number"]; ok {
		add("number", " "+reprAny(v), func() string {
			_, entry, _ := s.imported()
			got := strGet(entry, "number")
			if fold(got) == fold(v.(string)) {
				return ""
			}
			return pyRepr(got)
		})
	}
	if v, ok := want["date"]; ok {
		add("date", " "+reprAny(v), func() string {
			_, entry, _ := s.imported()
			got, present := entry["date"]
			if !present {
				got = ""
			}
			if got == v {
				return ""
			}
			return reprAny(got)
		})
	}
	if v, ok := want["issuer_has"]; ok {
		list := []any{v}
		if _, isStr := v.(string); !isStr {
			list = listOf(v)
		}
		for i, x := range list {
			str, _ := x.(string)
			add(idx("issuer_has", i), " "+pyRepr(str), func() string {
				_, entry, _ := s.imported()
				got := strGet(entry, "issuer")
				if strings.Contains(fold(got), fold(x.(string))) {
					return ""
				}
				return pyRepr(got)
			})
		}
	}
	for i, x := range safeItems(want, "issuer_not") {
		str, _ := x.(string)
		add(idx("issuer_not", i), " "+pyRepr(str), func() string {
			_, entry, _ := s.imported()
			got := strGet(entry, "issuer")
			if strings.Contains(fold(got), fold(x.(string))) {
				return pyRepr(got)
			}
			return ""
		})
	}
	heads := func() []string {
		var hs []string
		for _, sc := range s.sections() {
			hs = append(hs, sc.heading)
		}
		return hs
	}
	showHeads := func() string {
		hs := heads()
		var shown []string
		for _, h := range hs[:min(4, len(hs))] {
			shown = append(shown, short(h, 50))
		}
		more := ""
		if len(hs) > 4 {
			more = " | …"
		}
		return fmt.Sprintf("%d headings: %s%s", len(hs), strings.Join(shown, " | "), more)
	}
	for i, x := range safeItems(want, "headings") {
		str, _ := x.(string)
		add(idx("headings", i), " "+pyRepr(str), func() string {
			for _, h := range heads() {
				if reSearch(x.(string), h) {
					return ""
				}
			}
			return showHeads()
		})
	}
	for i, x := range safeItems(want, "headings_not") {
		str, _ := x.(string)
		add(idx("headings_not", i), " "+pyRepr(str), func() string {
			for _, h := range heads() {
				if reSearch(x.(string), h) {
					return "heading " + pyRepr(short(h, 100))
				}
			}
			return ""
		})
	}
	if v, ok := want["outline"]; ok {
		n := "?"
		if l, ok := v.([]any); ok {
			n = strconv.Itoa(len(l))
		}
		add("outline", " ("+n+" sections)", func() string { return checkOutline(s.sections(), listOf(v)) })
	}
	for i, x := range safeItems(want, "children") {
		t := tripleOf(x)
		add(idx("children", i), fmt.Sprintf(" %s › %s = %s", reprAny(t[0]), reprAny(t[1]), reprAny(t[2])), func() string {
			secs := s.sections()
			got, ok := childrenOf(secs, t[0].(string), t[1].(string))
			if !ok {
				return "no parent heading; " + showHeads()
			}
			if float64(len(got)) == num(t[2]) {
				return ""
			}
			var shown []string
			for _, h := range got[:min(5, len(got))] {
				shown = append(shown, short(h, 40))
			}
			return fmt.Sprintf("%d children: %s", len(got), strings.Join(shown, " | "))
		})
	}
	countCheck := func(k, op string, ok func(got int, n float64) bool) {
		for i, x := range safeItems(want, k) {
			p := listOf(x)
			if len(p) != 2 {
				add(idx(k, i), " ?", func() string { panic(checkerError{"ValueError: want [rx, n]"}) })
				continue
			}
			add(idx(k, i), fmt.Sprintf(" %s %s %s", reprAny(p[0]), op, reprAny(p[1])), func() string {
				got := 0
				for _, h := range heads() {
					if reSearch(p[0].(string), h) {
						got++
					}
				}
				if ok(got, num(p[1])) {
					return ""
				}
				return fmt.Sprintf("%d headings match", got)
			})
		}
	}
	countCheck("count", "=", func(got int, n float64) bool { return float64(got) == n })
	countCheck("min_count", ">=", func(got int, n float64) bool { return float64(got) >= n })
	if v, ok := want["min_sections"]; ok {
		add("min_sections", " "+reprAny(v), func() string {
			got := len(s.sections())
			if float64(got) >= num(v) {
				return ""
			}
			return fmt.Sprintf("%d sections", got)
		})
	}
	for i, x := range safeItems(want, "search") {
		p := listOf(x)
		if len(p) != 2 {
			add(idx("search", i), " ?", func() string { panic(checkerError{"ValueError: want [query, phrase]"}) })
			continue
		}
		add(idx("search", i), fmt.Sprintf(" %s ~ %s", reprAny(p[0]), reprAny(p[1])), func() string {
			query, phrase := p[0].(string), p[1].(string)
			doc, hits := s.search(query)
			for _, h := range hits[:min(3, len(hits))] {
				if h["doc"] != doc {
					continue
				}
				parts := append([]string{strGet(h, "title")}, stringsOf(h["path"])...)
				parts = append(parts, markRE.ReplaceAllString(strGet(h, "snippet"), ""))
				if strings.Contains(fold(strings.Join(parts, " | ")), fold(phrase)) {
					return ""
				}
			}
			var mine []string
			for j, h := range hits {
				if h["doc"] == doc && len(mine) < 5 {
					mine = append(mine, strconv.Itoa(j+1))
				}
			}
			var msg string
			if len(mine) > 0 {
				msg = fmt.Sprintf("document at ranks [%s] of %d", strings.Join(mine, ", "), len(hits))
			} else {
				msg = fmt.Sprintf("document not among %d hits", len(hits))
			}
			if len(hits) > 0 {
				var top []string
				for _, h := range hits[:min(3, len(hits))] {
					top = append(top, fmt.Sprintf("%v %s %s", h["doc"],
						pyRepr(short(markRE.ReplaceAllString(strings.Join(stringsOf(h["path"]), " › "), ""), 50)),
						pyRepr(short(markRE.ReplaceAllString(strGet(h, "snippet"), ""), 60))))
				}
				msg += "; top 3: " + strings.Join(top, "; ")
			}
			return msg
		})
	}
	for i, x := range safeItems(want, "search_not") {
		add(idx("search_not", i), " "+reprAny(x), func() string {
			doc, hits := s.search(x.(string))
			var mine []map[string]any
			for _, h := range hits {
				if h["doc"] == doc {
					mine = append(mine, h)
				}
			}
			if len(mine) == 0 {
				return ""
			}
			return fmt.Sprintf("%d hits, e.g. %s", len(mine), pyRepr(short(markRE.ReplaceAllString(strGet(mine[0], "snippet"), ""), 80)))
		})
	}
	if v, ok := want["encoding_note"]; ok {
		add("encoding_note", " "+reprAny(v), func() string {
			r := s.imp()
			out := s.said(r.out, r.doc)
			if strings.Contains(strings.ToLower(out), strings.ToLower(v.(string))) {
				return ""
			}
			first := pySplitlines(pyStrip(out))
			return fmt.Sprintf("import said %s", pyRepr(short(strings.Join(first[:min(2, len(first))], " / "), 140)))
		})
	}
	if v, ok := want["plain_has_or_refused"]; ok {
		add("plain_has_or_refused", "", func() string {
			r := s.imp()
			phrases := listOf(v)
			name := filepath.Base(s.path)
			if r.doc == "" {
				if strings.Contains(r.out, name) {
					return ""
				}
				return fmt.Sprintf("nothing added, but the output does not name %s: %s", name, pyRepr(short(r.out, 100)))
			}
			text := s.docPlain(r.data, r.doc)
			missing := 0
			for _, p := range phrases {
				if ok, _ := has(text, p); !ok {
					missing++
				}
			}
			if missing == 0 {
				return ""
			}
			said := s.said(r.out, r.doc)
			if reSearch(warnRE, said) && !reSearch(legacyRE, said) {
				return ""
			}
			var named []string
			for _, ln := range pySplitlines(r.out) {
				if strings.Contains(ln, name) {
					named = append(named, ln)
				}
			}
			if len(named) == 0 {
				all := pySplitlines(r.out)
				named = all[:min(1, len(all))]
			}
			return fmt.Sprintf("imported without a warning (%s) as %s", pyRepr(short(strings.Join(named, " / "), 90)), pyRepr(short(flat(text), 70)))
		})
	}
	if v, ok := want["encoding_flag"]; ok {
		add("encoding_flag", " "+reprAny(v), func() string {
			r := s.imp("--encoding", v.(string))
			if r.rc != 0 || r.doc == "" {
				if pyStrip(r.out) != "" {
					return ""
				}
				return fmt.Sprintf("refused without a message (exit %d)", r.rc)
			}
			text := s.docPlain(r.data, r.doc)
			var phrases []any
			if truthy(want["plain_has"]) {
				phrases = listOf(want["plain_has"])
			} else if truthy(want["plain_has_or_refused"]) {
				phrases = listOf(want["plain_has_or_refused"])
			}
			var missing []any
			for _, p := range phrases {
				if ok, _ := has(text, p); !ok {
					missing = append(missing, p)
				}
			}
			if len(phrases) == 0 {
				return "no plain_has phrases to check the accepted flag against"
			}
			if len(missing) == 0 {
				return ""
			}
			first, isStr := missing[0].(string)
			if !isStr {
				first = missing[0].(map[string]any)["text"].(string)
			}
			return "accepted (exit 0) but the text is wrong: " + pyRepr(near(flat(text), flat(first), 70))
		})
	}
	if truthy(want["no_control_chars"]) {
		add("no_control_chars", "", s.noControl)
	}
	return out
}

// safeItems is want.get(k, []) as a list; a value that is no list gives
// one failing check (check-cases' "checker error").
func safeItems(want map[string]any, k string) []any {
	v, ok := want[k]
	if !ok {
		return nil
	}
	if l, ok := v.([]any); ok {
		return l
	}
	if s, ok := v.(string); ok {
		// Python iterates a string character by character.
		var out []any
		for _, r := range s {
			out = append(out, string(r))
		}
		return out
	}
	return []any{v}
}

func tripleOf(x any) []any {
	l, ok := x.([]any)
	if !ok || len(l) != 3 {
		return []any{"?", "?", "?"}
	}
	return l
}

// ---- Tests of the port itself ----

// TestImportCasesCheckFunctions pins the check rules, so a wrong port of
// check-cases cannot pass the cases.
func TestImportCasesCheckFunctions(t *testing.T) {
	t.Run("fold", func(t *testing.T) {
		for _, c := range []struct{ in, want string }{
			{"Đảng Cộng sản  Việt\tNam", "dang cong san viet nam"},
			{"ĐẢNG ỦY", "dang uy"},
			{norm.NFD.String("Nghị quyết"), "nghi quyet"},
			{" a \u00a0 b\x1c c\u3000 ", "a b c"},
			{"Ɖ ɖ Ð", "d d d"},
			{"ΟΔΟΣ ΣΑ", "οδος σα"}, // Python's lower: final sigma
			{"Hướng Dẫn Số 38-HD/BTCTW", "huong dan so 38-hd/btctw"},
		} {
			if got := fold(c.in); got != c.want {
				t.Errorf("fold(%q) = %q, want %q", c.in, got, c.want)
			}
		}
	})
	t.Run("flat and lines", func(t *testing.T) {
		if got := flat("  a\n b\u2003\u00a0c e\u0301 "); got != "a b c é" {
			t.Errorf("flat = %q", got)
		}
		got := lines("a \t\u00a0b\n c\u2003d \r\n\nx")
		want := []string{"a b", "c\u2003d", "", "x"}
		if !slices.Equal(got, want) {
			t.Errorf("lines = %q, want %q", got, want)
		}
		if got := pySplitlines("a\r\nb\rc\x1cd\n"); !slices.Equal(got, []string{"a", "b", "c", "d"}) {
			t.Errorf("splitlines = %q", got)
		}
	})
	t.Run("has", func(t *testing.T) {
		for _, c := range []struct {
			text string
			item any
			want bool
		}{
			{"Hello\n  world", "Hello world", true},
			{"hello world", "Hello world", false},
			{"hello world", map[string]any{"text": "HELLO  World", "ci": true}, true},
			{"Straße", map[string]any{"text": "STRASSE", "ci": true}, true},
			{"H e l lo", map[string]any{"text": "Hello", "nospace": true}, true},
			{"H e l lo", "Hello", false},
			{"HE L LO", map[string]any{"text": "hello", "nospace": true}, false},
			{"HE L LO", map[string]any{"text": "hello", "nospace": true, "ci": true}, true},
			{norm.NFD.String("Đảng viên"), "Đảng viên", true},
		} {
			if got, _ := has(c.text, c.item); got != c.want {
				t.Errorf("has(%q, %v) = %v, want %v", c.text, c.item, got, c.want)
			}
		}
	})
	t.Run("shortened heading", func(t *testing.T) {
		long := "2.5. Đảng viên được thông báo ý kiến nhận xét của cấp ủy nơi làm việc và nơi cư trú"
		for _, c := range []struct {
			heading string
			want    any
			ok      bool
		}{
			{long, long, true},
			{long, long + " khi", false},
			{"2.5. Đảng viên được thông báo ý kiến …", long, true}, // prefix ends at a space
			{"2.5. Đảng viên được thông báo ý kiến…", long, true},  // the space before … is dropped
			{"2.5. Đảng viên được thông báo ý kiế…", long, false},  // cut inside a word
			{"2.5. Đảng viên được…", long, false},                  // shorter than 30 characters
			{"2.5. Đảng viên được thông báo ý kiến nhận xét …", long + " khi", true},
			{"2.5. Đảng viên được thông báo ý kiến khác …", long, false},            // not a prefix
			{"Điều 1. Phạm vi …", "Điều 1. Phạm vi", false},                         // nothing left after the prefix
			{"Điều 1. Phạm vi điều chỉnh", map[string]any{"re": `^Điều 1\b`}, true}, // {"re": rx}
			{"Điều 10. Phạm vi", map[string]any{"re": `^Điều 1\b`}, false},
		} {
			if got := headingMatches(c.heading, c.want); got != c.ok {
				t.Errorf("headingMatches(%q, %v) = %v, want %v", c.heading, c.want, got, c.ok)
			}
		}
	})
	secs := func(spec ...any) []section {
		var out []section
		for i := 0; i < len(spec); i += 2 {
			out = append(out, section{level: spec[i].(int), heading: spec[i+1].(string)})
		}
		return out
	}
	doc := secs(1, "Chương I", 2, "Điều 1", 3, "1. a", 3, "2. b", 2, "Điều 2", 3, "1. c", 4, "a) x", 3, "2. d", 1, "Chương II", 2, "Điều 3")
	t.Run("outline", func(t *testing.T) {
		item := func(rel int, h any) any { return []any{json.Number(strconv.Itoa(rel)), h} }
		for _, c := range []struct {
			items []any
			ok    bool
		}{
			{[]any{item(0, "Chương I"), item(1, "Điều 1"), item(1, "Điều 2"), item(0, "Chương II")}, true},
			{[]any{item(0, "Điều 2"), item(1, "1. c"), item(1, "2. d")}, true}, // a deeper "a) x" between siblings is fine
			{[]any{item(0, "Điều 1"), item(0, "Điều 2")}, true},
			{[]any{item(0, "Điều 2"), item(0, "Điều 1")}, false},                // order
			{[]any{item(0, "Chương I"), item(0, "Điều 1")}, false},              // level
			{[]any{item(0, "Điều 1"), item(1, "1. a"), item(1, "1. c")}, false}, // "Điều 2" (a lower level) between: another parent
			{[]any{item(0, "2. b"), item(0, "1. c")}, false},                    // same level, different parents
			{[]any{item(0, "Điều 2"), item(0, "Điều 3")}, false},                // "Chương II" between
			{[]any{item(1, "1. a"), item(0, "Điều 2")}, true},                   // the base comes from the first item
			{[]any{item(0, "Điều 9")}, false},
			{[]any{item(0, map[string]any{"re": "^Điều [0-9]$"}), item(0, map[string]any{"re": "^Điều 3"})}, false},
		} {
			if got := checkOutline(doc, c.items); (got == "") != c.ok {
				t.Errorf("checkOutline(%v) = %q, want ok=%v", c.items, got, c.ok)
			}
		}
	})
	t.Run("children", func(t *testing.T) {
		for _, c := range []struct {
			prx, crx string
			n        int
			found    bool
		}{
			{"^Điều 2", ".", 2, true},     // "a) x" is a grandchild; stops before "Chương II"
			{"^Điều 1", ".", 2, true},     // stops at "Điều 2"
			{"^Điều 1", `^1\.`, 1, true},  // only the matching children
			{"^Chương I$", ".", 2, true},  // the first match only
			{"^Chương", "^Điều", 2, true}, // "Chương I" is the first heading matching
			{"^Điều 3", ".", 0, true},
			{"^Phần", ".", 0, false},
		} {
			got, found := childrenOf(doc, c.prx, c.crx)
			if len(got) != c.n || found != c.found {
				t.Errorf("childrenOf(%q, %q) = %q, %v; want %d, %v", c.prx, c.crx, got, found, c.n, c.found)
			}
		}
	})
	t.Run("python regexp", func(t *testing.T) {
		for _, c := range []struct {
			rx, s string
			ok    bool
		}{
			{`^2\.1\s*[-.]\s*Nội địa h(?:oá|óa)\b`, "2.1- Nội địa hoá sản phẩm", true},
			{`^2\.1\s*[-.]\s*Nội địa h(?:oá|óa)\b`, "2.1- Nội địa hoá", true},
			{`^Z\b`, "Zá", false}, // \b is Unicode-aware
			{`^Z\b`, "Z. a", true},
			{`^Chương [IVX]+\b`, "Chương IV. Tổ chức", true},
			{`^Chương I\b`, "Chương II", false},
			{`^Điều \d+\b`, "Điều 12. Hiệu lực", true},
			{`(?i)^Hướng dẫn\b`, "HƯỚNG DẪN thi hành", true},
			{`^2$`, "2\n", true}, // $ before a final newline, as in Python
			{`Kết nạp`, "4.6.6. Kết nạp đảng viên", true}, // search, not match
			{`^(?P<n>\d+)\.(?P=n)$`, "3.3", true},
			{`^(?P<n>\d+)\.(?P=n)$`, "3.4", false},
			{`a\Z`, "a\n", false},
		} {
			if got := reSearch(c.rx, c.s); got != c.ok {
				t.Errorf("re.search(%q, %q) = %v, want %v", c.rx, c.s, got, c.ok)
			}
		}
		if reSearch(warnRE, "Thêm … — bảng mã: không nhận ra") != true || reSearch(legacyRE, "kovni") {
			t.Error("WARN_RE / LEGACY_RE")
		}
	})
	t.Run("ratchet", func(t *testing.T) {
		dir := t.TempDir()
		p := filepath.Join(dir, "pending.txt")
		os.WriteFile(p, []byte("# note\n\na/x.txt\tplain_has[0]\n"), 0o644)
		got, err := readPending(p)
		if err != nil || !got["a/x.txt\tplain_has[0]"] || len(got) != 1 {
			t.Errorf("readPending = %v, %v", got, err)
		}
		os.WriteFile(p, []byte("a/x.txt plain_has[0]\n"), 0o644)
		if _, err := readPending(p); err == nil {
			t.Error("a line without a tab is accepted")
		}
		if got, err := readPending(filepath.Join(dir, "none.txt")); err != nil || len(got) != 0 {
			t.Errorf("missing pending.txt: %v, %v", got, err)
		}
	})
	t.Run("said and repr", func(t *testing.T) {
		s := newSubject(nil, "k", "/tmp/x/qd-115-tcvn3.pdf", "")
		if got := s.said("Thêm /tmp/x/qd-115-tcvn3.pdf — là qd-115-tcvn3; bảng mã TCVN3", "qd-115-tcvn3"); got != "Thêm FILE — là FILE; bảng mã TCVN3" {
			t.Errorf("said = %q", got)
		}
		if got := pyRepr("it's \x00 Đ\u00a0"); got != `"it's \x00 Đ\xa0"` {
			t.Errorf("pyRepr = %s", got)
		}
		if got := near("aa bb cc dd", "bb cc zz", 90); got != "aa bb cc dd" {
			t.Errorf("near = %q", got)
		}
	})
}
