package tui

import (
	"context"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
	"unicode"

	tea "charm.land/bubbletea/v2"

	"chibo/content"
	"chibo/content/plan"
	"chibo/index"
	"chibo/tui/i18n"
	"chibo/tui/internal/tuitest"
)

// seedLibrary is the real library of seed documents (no imports).
func seedLibrary(t testing.TB) *content.Library {
	t.Helper()
	dir := t.TempDir()
	lib, err := content.OpenLibrary(content.Dirs{Data: dir, Cache: dir})
	if err != nil {
		t.Fatal(err)
	}
	return lib
}

// fakeSearcher is a small in-memory test double of index.Searcher: every
// query word must occur (accents ignored) in a section's heading or text.
// delay makes it slow, to prove the UI never waits on it.
type fakeSearcher struct {
	lib   Library
	delay time.Duration
	mu    sync.Mutex
	calls []string
	keys  map[string]string // doc ID + "\x00" + section ID → folded text
	syncs int
}

func (f *fakeSearcher) Search(ctx context.Context, q index.Query) (*index.Result, error) {
	f.mu.Lock()
	f.calls = append(f.calls, q.Text)
	if f.keys == nil {
		f.keys = map[string]string{}
		for _, d := range allDocs(f.lib) {
			for _, s := range d.Sections {
				f.keys[d.ID+"\x00"+s.ID] = content.Fold(s.Heading + " " + s.Text)
			}
		}
	}
	keys := f.keys
	f.mu.Unlock()
	if f.delay > 0 {
		select {
		case <-time.After(f.delay):
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	words := strings.Fields(content.Fold(strings.Trim(q.Text, "\"")))
	res := &index.Result{Query: q.Text}
	kinds, years := map[string]int{}, map[string]int{}
	for _, d := range allDocs(f.lib) {
		year := 0
		if len(d.Date) >= 4 {
			year, _ = strconv.Atoi(d.Date[:4])
		}
		for _, s := range d.Sections {
			key := keys[d.ID+"\x00"+s.ID]
			if len(words) == 0 || !matchFolded(key, strings.Join(words, " ")) {
				continue
			}
			if len(q.Kinds) > 0 && !contains(q.Kinds, string(d.Kind)) {
				continue
			}
			if len(q.Years) > 0 && !containsInt(q.Years, year) {
				continue
			}
			res.Total++
			kinds[string(d.Kind)]++
			years[strconv.Itoa(year)]++
			if len(res.Hits) < q.Limit || q.Limit == 0 {
				res.Hits = append(res.Hits, index.Hit{Doc: d.ID, Title: d.Title, Kind: string(d.Kind), Year: year,
					Section: s.ID, Heading: s.Heading, Path: s.Path, Snippet: fakeSnippet(s.Text, words),
					Missing: fakeMissing(d.Title+" "+strings.Join(s.Path, " ")+" "+s.Heading+" "+s.Text, words)})
			}
		}
	}
	res.Kinds, res.Years = facets(kinds), facets(years)
	return res, nil
}

// Sync stands for index.Index.Sync: it forgets the words it knew, so the
// next search sees the library as it is now, and counts the calls.
func (f *fakeSearcher) Sync(ctx context.Context, docs index.Source, progress func(done, total int)) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.keys = nil
	f.syncs++
	progress(len(docs.Catalog()), len(docs.Catalog()))
	return nil
}

func (f *fakeSearcher) syncCount() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.syncs
}

func facets(m map[string]int) []index.Facet {
	var out []index.Facet
	for v, c := range m {
		out = append(out, index.Facet{Value: v, Count: c})
	}
	sort.Slice(out, func(i, j int) bool {
		return out[i].Count > out[j].Count || out[i].Count == out[j].Count && out[i].Value < out[j].Value
	})
	return out
}

// fakeSnippet cuts the text around the first query word and marks the
// words that match.
func fakeSnippet(text string, words []string) []index.Span {
	fields := strings.Fields(text)
	first := 0
	for i, w := range fields {
		if contains(words, strings.Trim(content.Fold(w), ".,;:()“”\"")) {
			first = i
			break
		}
	}
	from := max(0, first-4)
	to := min(len(fields), first+12)
	var out []index.Span
	for i := from; i < to; i++ {
		w := fields[i]
		m := contains(words, strings.Trim(content.Fold(w), ".,;:()“”\""))
		out = append(out, index.Span{Text: w, Match: m}, index.Span{Text: " "})
	}
	return out
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func containsInt(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// memUser is an in-memory UserData.
type memUser struct {
	mu    sync.Mutex
	marks []Bookmark
	pos   map[string][2]string
}

func newMemUser() *memUser { return &memUser{pos: map[string][2]string{}} }

func (m *memUser) Bookmarks() []Bookmark {
	m.mu.Lock()
	defer m.mu.Unlock()
	return append([]Bookmark(nil), m.marks...)
}

func (m *memUser) IsBookmarked(doc, section string) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, b := range m.marks {
		if b.Doc == doc && b.Section == section {
			return true
		}
	}
	return false
}

func (m *memUser) ToggleBookmark(doc, section, heading string) (bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	for i, b := range m.marks {
		if b.Doc == doc && b.Section == section {
			m.marks = append(m.marks[:i], m.marks[i+1:]...)
			return false, nil
		}
	}
	added := time.Date(2024, 3, 1+len(m.marks), 9, 0, 0, 0, time.UTC)
	m.marks = append(m.marks, Bookmark{Doc: doc, Section: section, Heading: heading, Added: added})
	return true, nil
}

func (m *memUser) Position(doc string) (string, int, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	p, ok := m.pos[doc]
	if !ok {
		return "", 0, false
	}
	n, _ := strconv.Atoi(p[1])
	return p[0], n, true
}

func (m *memUser) SetPosition(doc, section string, line int) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.pos[doc] = [2]string{section, strconv.Itoa(line)}
	return nil
}

// harness drives an App synchronously: every command runs to completion
// and its message is delivered before the next key, so a test reads like a
// user's keystrokes and gives the same frame every time.
type harness struct {
	t    testing.TB
	app  *App
	lib  *content.Library
	user *memUser
	srch *fakeSearcher
	// updating is true while the app's Update or Render runs (the disk
	// I/O test watches it).
	updating atomic.Bool
}

// newHarness starts the app over the seed library; opts change its
// Options (the import tests set Home).
func newHarness(t testing.TB, w, h int, lang i18n.Lang, opts ...func(*Options)) *harness {
	t.Helper()
	lib := seedLibrary(t)
	hs := &harness{t: t, lib: lib, user: newMemUser()}
	hs.srch = &fakeSearcher{lib: lib}
	opt := Options{
		Lang:        lang,
		Theme:       ThemeDark,
		OpenLibrary: func() (Library, error) { return lib, nil },
		OpenUser:    func() (UserData, error) { return hs.user, nil },
		OpenIndex: func(ctx context.Context, l Library, progress func(int, int)) (index.Searcher, error) {
			n := len(l.Catalog())
			for i := 0; i <= n; i++ {
				progress(i, n)
			}
			return hs.srch, nil
		},
		SearchDelay: time.Millisecond,
		Plans:       plan.OpenStore(t.TempDir()),
	}
	for _, o := range opts {
		o(&opt)
	}
	hs.app = New(opt)
	hs.send(tea.WindowSizeMsg{Width: w, Height: h})
	hs.run(hs.app.Init())
	return hs
}

// send delivers a message and runs the commands it returns.
func (hs *harness) send(msg tea.Msg) {
	hs.updating.Store(true)
	_, cmd := hs.app.Update(msg)
	hs.updating.Store(false)
	hs.run(cmd)
}

func (hs *harness) run(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	ch := make(chan tea.Msg, 1)
	go func() { ch <- cmd() }()
	var msg tea.Msg
	select {
	case msg = <-ch:
	case <-time.After(60 * time.Second):
		hs.t.Fatalf("a command did not return in 60s")
	}
	switch m := msg.(type) {
	case nil:
	case tea.BatchMsg:
		for _, c := range m {
			hs.run(c)
		}
	case tea.QuitMsg:
	default:
		if isSequence(msg) {
			for _, c := range sequenceCmds(msg) {
				hs.run(c)
			}
			return
		}
		hs.send(msg)
	}
}

// key presses one key, given as bubbletea names it ("enter", "alt+left",
// "a"); text types each rune of a string.
func (hs *harness) key(k string) { hs.send(keyMsg(k)) }

func (hs *harness) text(s string) {
	for _, r := range s {
		hs.send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

// keyMsg is the key press for a key name; see tuitest.Key.
func keyMsg(k string) tea.KeyPressMsg { return tuitest.Key(k) }

// screen is the current frame without ANSI, trailing spaces trimmed.
func (hs *harness) screen() string {
	hs.updating.Store(true)
	defer hs.updating.Store(false)
	return tuitest.Plain(hs.app.Render())
}

// golden compares got with testdata/golden/name.txt (-update rewrites it).
func golden(t *testing.T, name, got string) {
	t.Helper()
	tuitest.Golden(t, filepath.Join("testdata", "golden", name+".txt"), got, "go test ./tui -run "+t.Name()+" -update")
}

// isSequence recognises tea.Sequence's unexported message (a []tea.Cmd).
func isSequence(msg tea.Msg) bool {
	v := reflect.ValueOf(msg)
	return v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeOf(tea.Cmd(nil))
}

func sequenceCmds(msg tea.Msg) []tea.Cmd {
	v := reflect.ValueOf(msg)
	out := make([]tea.Cmd, v.Len())
	for i := range out {
		out[i] = v.Index(i).Interface().(tea.Cmd)
	}
	return out
}

// allDocs loads every document of l.
func allDocs(l Library) []*content.Document {
	var out []*content.Document
	l.Each(func(d *content.Document) error { out = append(out, d); return nil })
	return out
}

// fakeMissing stands for index.Hit.Missing: the query words that are not
// whole words of the section (the fake matches inside words, "thon" in
// "thông", so its hits can be partial).
func fakeMissing(text string, words []string) []string {
	have := map[string]bool{}
	for _, w := range strings.FieldsFunc(content.Fold(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		have[w] = true
	}
	var out []string
	for _, w := range words {
		if w = strings.Trim(w, "\"“”'.,;()"); len([]rune(w)) >= 2 && !strings.Contains(w, ":") && !have[w] {
			out = append(out, w)
		}
	}
	return out
}
