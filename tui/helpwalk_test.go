package tui

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"chibo/content"
	"chibo/content/plan"
	"chibo/index"
	"chibo/tui/common"
	"chibo/tui/i18n"
	"chibo/tui/internal/tuitest"
)

// walkState is a screen in one focus, reached by keys from the library.
type walkState struct {
	name string
	keys []string
	// typing: a text field has focus (? must not be offered as help).
	typing bool
}

// walkStates are every screen and focus of the app.
var walkStates = []walkState{
	{name: "library", keys: nil},
	{name: "library-filter", keys: []string{"f"}, typing: true},
	{name: "library-filtered", keys: []string{"f", "t:ben tre", "enter"}},
	{name: "outline", keys: []string{"enter"}},
	{name: "reader", keys: []string{"enter", "down", "enter"}},
	{name: "reader-finding", keys: []string{"enter", "enter", "/"}, typing: true},
	{name: "reader-found", keys: []string{"enter", "enter", "/", "t:chi bo", "enter"}},
	{name: "reader-toc", keys: []string{"enter", "enter", "t"}},
	{name: "search-input", keys: []string{"/"}, typing: true},
	{name: "search-results", keys: []string{"/", "t:nong thon", "enter"}},
	{name: "search-facets", keys: []string{"/", "t:nong thon", "enter", "tab"}},
	{name: "directives", keys: []string{"v"}},
	{name: "citations", keys: []string{"v", "enter"}},
	{name: "bookmarks", keys: []string{"enter", "enter", "b", "]", "b", "B"}},
	{name: "help", keys: []string{"?"}},
	{name: "import-prompt", keys: []string{"i"}, typing: true},
	{name: "picker", keys: []string{"enter", "enter", "a"}},
	{name: "plan-item", keys: []string{"m"}},
	{name: "plan-excerpt", keys: []string{"enter", "enter", "a", "enter", "m", "j", "j"}},
	{name: "plan-undo", keys: []string{"enter", "enter", "a", "enter", "m", "j", "j", "d", "c"}},
	{name: "plan-checklist", keys: []string{"m", "c"}},
	{name: "plan-roll", keys: []string{"m", "l"}},
	{name: "plan-prompt", keys: []string{"m", "n"}, typing: true},
	{name: "plan-confirm", keys: []string{"m", "d"}, typing: true},
	{name: "plan-notes", keys: []string{"m", "enter"}, typing: true},
	{name: "plan-export", keys: []string{"m", "e"}, typing: true},
	{name: "plan-moveto", keys: []string{"enter", "enter", "a", "enter", "m", "j", "j", "x"}, typing: true},
}

// walkLib is the seed library shared by the walk (read-only: no state of
// the walk removes or imports documents).
type walkEnv struct {
	lib    *content.Library
	srch   *fakeSearcher
	mu     sync.Mutex   // guards render: the subtests run in parallel
	render *renderCache // shared: the walk starts hundreds of apps
}

// start builds a fresh app (its own plan store, bookmarks, export folder)
// and plays keys ("t:…" types text).
func (e *walkEnv) start(t *testing.T, w, h int, keys []string) *harness {
	hs := &harness{t: t, lib: e.lib, user: newMemUser(), srch: e.srch}
	store := plan.OpenStore(t.TempDir())
	store.SetClock(func() time.Time { return time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC) })
	opt := Options{
		Lang:        i18n.VI,
		Theme:       ThemeNone,
		OpenLibrary: func() (Library, error) { return e.lib, nil },
		OpenUser:    func() (UserData, error) { return hs.user, nil },
		OpenIndex: func(ctx context.Context, l Library, progress func(int, int)) (index.Searcher, error) {
			return e.srch, nil
		},
		SearchDelay: time.Millisecond,
		Plans:       store,
		Members:     plan.OpenMembers(t.TempDir()),
		Home:        t.TempDir(),
	}
	if _, err := opt.Members.Update(func(l *[]plan.Member) error {
		plan.AddMember(l, "Nguyễn Văn An", plan.Official, false)
		_, err := plan.AddMember(l, "Trần Thị Bình", plan.Probationary, false)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	hs.app = New(opt)
	e.mu.Lock()
	if e.render == nil {
		e.render = hs.app.sh.render
	}
	hs.app.sh.render = e.render
	e.mu.Unlock()
	hs.send(tea.WindowSizeMsg{Width: w, Height: h})
	hs.run(hs.app.Init())
	for _, k := range keys {
		if txt, ok := strings.CutPrefix(k, "t:"); ok {
			hs.text(txt)
		} else {
			hs.key(k)
		}
	}
	return hs
}

// helpKeys are the bindings the help of the current state lists: the
// status bar's and the help screen's (the screen's groups and the global
// keys in force).
func helpKeys(a *App) []key.Binding {
	keys := append([]key.Binding(nil), a.shortKeys()...)
	for _, g := range helpGroups(a.cur) {
		keys = append(keys, g...)
	}
	return append(keys, a.globals().list(a.sh.keys())...)
}

// listed are the keys of b its help label shows ("pgup/u" shows pgup and
// u, not the ctrl+u it also takes).
func listed(b key.Binding) []string {
	shown := map[string]bool{}
	for _, part := range strings.FieldsFunc(b.Help().Key, func(r rune) bool { return r == '/' || r == ' ' }) {
		shown[part] = true
	}
	var out []string
	for _, k := range b.Keys() {
		if shown[k] || shown[common.Label([]string{k})] || (k == "?" && shown["?"]) || (k == "pgdown" && shown["pgdn"]) {
			out = append(out, k)
		}
	}
	if len(out) == 0 { // a label that names none literally ("1–7"): all
		return b.Keys()
	}
	return out
}

// did reports whether pressing k changed anything: the screen shown, the
// frame, or a command to run.
func did(hs *harness, k string) bool {
	before, cur := hs.app.Render(), hs.app.cur
	_, cmd := hs.app.Update(keyMsg(k))
	return cmd != nil || hs.app.cur != cur || hs.app.Render() != before
}

// TestHelpWalk walks every screen and focus, presses every key its help
// lists, and fails when one does nothing there (tried also one row down
// and at the end, where up and home have something to do). Where a text
// field has focus, the help offers F1, never ?, which types.
func TestHelpWalk(t *testing.T) {
	env := &walkEnv{lib: seedLibrary(t)}
	env.srch = &fakeSearcher{lib: env.lib}
	for _, st := range walkStates {
		t.Run(st.name, func(t *testing.T) {
			t.Parallel() // the apps share only the read-only library and caches
			hs := env.start(t, 100, 30, st.keys)
			if hs.app.cur.Capturing() != st.typing {
				t.Fatalf("%s: capturing=%v, want %v (%T):\n%s", st.name, hs.app.cur.Capturing(), st.typing, hs.app.cur, hs.screen())
			}
			bar := tuitest.Plain(hs.app.statusBar())
			if st.typing && (strings.Contains(bar, "? trợ giúp") || !strings.Contains(bar, "f1 trợ giúp")) {
				t.Errorf("a text field has focus; the status bar must offer f1, not ?: %q", bar)
			}
			seen := map[string]bool{}
			n := 0
			for _, b := range helpKeys(hs.app) {
				if !b.Enabled() {
					continue
				}
				if b.Help().Key == "" || b.Help().Desc == "" {
					t.Errorf("%s: a binding %v is listed without its label or description", st.name, b.Keys())
				}
				for _, k := range listed(b) {
					if seen[k] {
						continue
					}
					seen[k] = true
					n++
					ok := false
					for _, pre := range [][]string{nil, {"down"}, {"end"}} {
						h := env.start(t, 100, 30, append(append([]string(nil), st.keys...), pre...))
						if did(h, k) {
							ok = true
							break
						}
					}
					if !ok {
						t.Errorf("%s: %q (%s %s) is in the help but does nothing", st.name, k, b.Help().Key, b.Help().Desc)
					}
				}
			}
			if n < 3 {
				t.Fatalf("%s: only %d keys in the help", st.name, n)
			}
		})
	}
}

// TestStatusBarGolden captures the status bar of every screen and focus at
// 50, 80 and 120 columns: the hints fit, whole, most important first.
func TestStatusBarGolden(t *testing.T) {
	env := &walkEnv{lib: seedLibrary(t)}
	env.srch = &fakeSearcher{lib: env.lib}
	var b strings.Builder
	for _, w := range []int{50, 80, 120} {
		for _, st := range walkStates {
			hs := env.start(t, w, 24, st.keys)
			bar := tuitest.Plain(hs.app.statusBar())
			if strings.HasSuffix(strings.TrimRight(bar, " "), "…") {
				t.Errorf("%s at %d: a hint is cut: %q", st.name, w, bar)
			}
			fmt.Fprintf(&b, "%-16s %3d |%s\n", st.name, w, strings.TrimRight(bar, " "))
		}
	}
	golden(t, "status-bars", b.String())
}
