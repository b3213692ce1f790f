// Package tui is chibo's terminal app: one top model (App) routing to
// screen models (library, outline, reader, search, directives, bookmarks,
// help). Screens depend on small interfaces (Library, UserData,
// index.Searcher), never on the search engine, and do their slow work
// (opening the library and index, searching, rendering markdown) in
// tea.Cmds so a keypress never waits.
package tui

import (
	"context"
	"fmt"
	"os"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"chibo/content"
	"chibo/content/plan"
	"chibo/index"
	"chibo/tui/common"
	"chibo/tui/i18n"
)

// The smallest window chibo lays out; below it shows a message instead.
const (
	MinWidth  = 50
	MinHeight = 15
)

// screen is the screen contract of package common: every screen, the
// plan screens included, implements it.
type screen = common.Screen

// backer is a screen with inner levels (a detail view, an open prompt)
// that esc closes before leaving the screen.
type backer interface{ Back() bool }

// leaver is told when the user leaves it or quits (the reader saves its
// position, the plan's notes editor its text).
type leaver interface{ Leave() tea.Cmd }

// hider is a screen that a global key leads to (v on the directives
// screen): the key does nothing there, so its help does not list it.
type hider interface{ Hides() []key.Binding }

// helpGroups are the screen's bindings for the help: while a text field
// or a question has focus only its own keys (ShortKeys) work.
func helpGroups(s screen) [][]key.Binding {
	if s.Capturing() {
		return [][]key.Binding{s.ShortKeys()}
	}
	return s.FullKeys()
}

// modal is a screen in a transient mode (the reader selecting a
// passage): until esc ends it, only help, esc and ctrl+c reach the app,
// so a global key does not leave the screen and lose the mode's state.
type modal interface{ Modal() bool }

// keyOwner is a screen that takes every key for a while (an import being
// run: esc and ctrl+c stop it rather than leave or quit).
type keyOwner interface{ OwnsKeys() bool }

// libraryChangedMsg is broadcast to every screen in the history after an
// import or a removal; sel is the first document imported.
type libraryChangedMsg struct{ sel string }

// App is the top model.
type App struct {
	opt  Options
	sh   *shared
	w, h int

	cur       screen
	backStack []screen
	fwdStack  []screen

	loaded  bool
	loadErr error
	flash   string
	flashEr bool
	help    help.Model

	// indexBusy: the index is being opened or synced; resync: the library
	// changed meanwhile, so sync again when it is done.
	indexBusy, resync bool

	// openSeq numbers the screens being loaded off the Update loop (a
	// document, the cited directives); only the latest request opens.
	openSeq int
}

// hitSource is a screen whose section for `a` (add to the agenda) is in
// a document not loaded yet (the search results): Update takes the IDs,
// and the document is read in a tea.Cmd.
type hitSource interface {
	hitSection() (doc, section string, ok bool)
}

// loadedMsg carries what a screen needs, read from the disk in a
// tea.Cmd, back to Update, which then builds the screen with build.
type loadedMsg struct {
	seq   int
	build func() tea.Cmd
}

type (
	libraryLoadedMsg struct {
		lib     Library
		user    UserData
		err     error
		userErr error
	}
	indexStartedMsg  struct{ ch chan tea.Msg }
	indexProgressMsg struct {
		done, total int
		ch          chan tea.Msg
	}
	indexDoneMsg struct {
		s    index.Searcher
		err  error
		sync bool // an update after an import or removal, not the opening
	}
	// IndexReadyMsg tells screens the searcher is usable.
	indexReadyMsg struct{}
)

// New makes the app. Nothing slow happens here or in Init: the library and
// index open in commands after the first frame.
func New(opt Options) *App {
	if opt.Theme == "" {
		opt.Theme = ThemeDark
	}
	if opt.SearchDelay == 0 {
		opt.SearchDelay = 120 * time.Millisecond
	}
	if opt.Home == "" {
		opt.Home, _ = os.UserHomeDir()
	}
	com := common.New(opt.Lang, opt.Theme)
	sh := &shared{
		com:         com,
		render:      newRenderCache(),
		searchDelay: opt.SearchDelay,
	}
	a := &App{opt: opt, sh: sh, w: 80, h: 24}
	a.help = help.New()
	a.help.Styles = common.HelpStyles(opt.Theme)
	a.cur = &loadingScreen{sh: sh}
	return a
}

// Init opens the library in a command.
func (a *App) Init() tea.Cmd {
	open := a.opt.OpenLibrary
	openUser := a.opt.OpenUser
	load := func() tea.Msg {
		if open == nil {
			return libraryLoadedMsg{err: fmt.Errorf("no library")}
		}
		lib, err := open()
		m := libraryLoadedMsg{lib: lib, err: err}
		if err == nil && openUser != nil {
			m.user, m.userErr = openUser()
		}
		return m
	}
	if a.opt.FollowBackground {
		return tea.Batch(load, tea.RequestBackgroundColor)
	}
	return load
}

func (a *App) bodySize() (int, int) {
	h := a.h - 2
	if a.sh.indexing {
		h--
	}
	return a.w, h
}

func (a *App) resize() tea.Cmd {
	w, h := a.bodySize()
	a.help.SetWidth(w)
	return a.cur.SetSize(w, h)
}

// Update routes messages: app-wide keys and navigation here, the rest to
// the current screen.
func (a *App) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		a.w, a.h = msg.Width, msg.Height
		return a, a.resize()
	case tea.BackgroundColorMsg:
		if a.opt.FollowBackground && a.opt.Theme != ThemeNone {
			theme := ThemeLight
			if msg.IsDark() {
				theme = ThemeDark
			}
			if theme != a.sh.st().Theme {
				a.sh.com.Styles = common.NewStyles(theme)
				a.help.Styles = common.HelpStyles(theme)
				return a, a.resize()
			}
		}
		return a, nil
	case libraryLoadedMsg:
		return a, a.libraryLoaded(msg)
	case indexStartedMsg:
		return a, waitIndex(msg.ch)
	case indexProgressMsg:
		was := a.sh.indexing
		a.sh.indexing = true
		a.sh.indexDone, a.sh.indexAll = msg.done, msg.total
		cmds := []tea.Cmd{waitIndex(msg.ch)}
		if !was {
			cmds = append(cmds, a.resize())
		}
		return a, tea.Batch(cmds...)
	case indexDoneMsg:
		a.sh.indexing, a.indexBusy = false, false
		switch {
		case msg.err == nil:
			a.sh.search, a.sh.indexErr = msg.s, nil
		case msg.sync:
			// The index still answers, from before the change.
			a.flash, a.flashEr = fmt.Sprintf(a.sh.T(i18n.ImportIndexFailed), i18n.Describe(a.sh.lang(), msg.err)), true
		default:
			a.sh.indexErr = msg.err
			a.flash, a.flashEr = fmt.Sprintf(a.sh.T(i18n.AppIndexError), i18n.Describe(a.sh.lang(), msg.err)), true
		}
		cmds := []tea.Cmd{a.resize(), a.cur.Update(indexReadyMsg{})}
		if a.resync {
			a.resync = false
			cmds = append(cmds, a.syncIndex())
		}
		return a, tea.Batch(cmds...)
	case importCompletedMsg:
		msg.s.completed(msg)
		return a, nil
	case importCheckedMsg:
		return a, msg.s.checked(msg)
	case importResultMsg:
		return a, msg.s.result(msg)
	case importDoneMsg:
		changed, first := msg.s.done(msg)
		if !changed {
			return a, nil
		}
		return a, a.libraryChanged(first)
	case libraryPollMsg:
		return a, a.refreshLibrary()
	case libraryRefreshedMsg:
		cmds := []tea.Cmd{a.pollLibrary()}
		if msg.changed {
			cmds = append(cmds, a.libraryChanged(""))
		}
		return a, tea.Batch(cmds...)
	case docRemovedMsg:
		if msg.err != nil {
			a.flash, a.flashEr = fmt.Sprintf(a.sh.T(i18n.AppRemoveError), i18n.Describe(a.sh.lang(), msg.err)), true
			return a, nil
		}
		a.flash, a.flashEr = fmt.Sprintf(a.sh.T(i18n.AppRemoveDone), msg.title), false
		return a, a.libraryChanged("")
	case flashMsg:
		a.flash, a.flashEr = msg.text, msg.err
		return a, nil
	case common.FlashMsg:
		a.flash, a.flashEr = msg.Text, msg.Err
		return a, nil
	case common.BackFlashMsg:
		c := a.goBack()
		if x, ok := a.cur.(excerptAdded); ok {
			x.excerptAdded() // the reader's selection is done
		}
		a.flash, a.flashEr = msg.Text, false
		return a, c
	case addToAgendaMsg:
		c, _ := a.addToAgenda()
		return a, c
	case common.OpenSourceMsg:
		return a, a.open(openReaderMsg{doc: msg.Doc, section: msg.Section})
	case escBackMsg, common.BackMsg:
		return a, a.goBack()
	case pushHistoryMsg:
		a.pushBack(msg.snap)
		a.fwdStack = nil
		return a, nil
	case openOutlineMsg, openReaderMsg, openSearchMsg, openDirectivesMsg, openBookmarksMsg, openImportMsg, openProblemsMsg:
		return a, a.open(msg)
	case loadedMsg:
		if msg.seq != a.openSeq {
			return a, nil // a later request replaced it
		}
		return a, msg.build()
	case tea.KeyPressMsg:
		return a, a.key(msg)
	}
	return a, a.cur.Update(msg)
}

func (a *App) libraryLoaded(msg libraryLoadedMsg) tea.Cmd {
	a.loaded = true
	if msg.err != nil {
		a.loadErr = msg.err
		return nil
	}
	a.sh.lib = msg.lib
	a.sh.problems = libraryProblems(msg.lib)
	a.sh.user = msg.user
	if msg.userErr != nil {
		a.flash, a.flashEr = fmt.Sprintf(a.sh.T(i18n.AppUserDataError), msg.userErr), true
	}
	a.cur = newLibraryScreen(a.sh)
	cmds := []tea.Cmd{a.resize(), a.pollLibrary()}
	if a.opt.OpenIndex != nil {
		cmds = append(cmds, a.startIndex(msg.lib))
	}
	return tea.Batch(cmds...)
}

// pollLibrary asks again, after Options.LibraryPoll, whether the library
// changed in another process.
func (a *App) pollLibrary() tea.Cmd {
	if a.opt.LibraryPoll <= 0 {
		return nil
	}
	return tea.Tick(a.opt.LibraryPoll, func(time.Time) tea.Msg { return libraryPollMsg{} })
}

// refreshLibrary has the library read the store's catalogue again when
// another process changed it (one small read when nothing did), off the
// UI goroutine.
func (a *App) refreshLibrary() tea.Cmd {
	r, ok := a.sh.lib.(libraryRefresher)
	if !ok {
		return nil
	}
	return func() tea.Msg {
		changed, err := r.Refresh()
		return libraryRefreshedMsg{changed: changed && err == nil}
	}
}

// startIndex opens the index in the background and streams its progress
// through a channel the app keeps reading with waitIndex.
func (a *App) startIndex(lib Library) tea.Cmd {
	open := a.opt.OpenIndex
	a.indexBusy = true
	return indexWork(func(progress func(int, int)) (index.Searcher, error) {
		return open(context.Background(), lib, progress)
	}, false)
}

// indexWork runs an index job in a goroutine, streaming its progress
// (through the same bar as the first build) and then its outcome. A panic
// in the job is its outcome too, an error in the status line: it must not
// kill the app and leave the terminal in the alternate screen (rel-09).
func indexWork(job func(progress func(done, total int)) (index.Searcher, error), sync bool) tea.Cmd {
	return func() tea.Msg {
		ch := make(chan tea.Msg, 1)
		go func() {
			var s index.Searcher
			var err error
			defer func() {
				if r := recover(); r != nil {
					s, err = nil, fmt.Errorf("index: %v", r)
				}
				ch <- indexDoneMsg{s: s, err: err, sync: sync}
			}()
			s, err = job(func(done, total int) {
				select {
				case ch <- indexProgressMsg{done: done, total: total, ch: ch}:
				default: // the UI is behind: skip this step, the next one will do
				}
			})
		}()
		return indexStartedMsg{ch: ch}
	}
}

// libraryChanged follows an import or a removal: every library screen in
// the history re-reads the list (the current one selects sel, the first
// document imported), and the index is brought up to date.
func (a *App) libraryChanged(sel string) tea.Cmd {
	cmds := []tea.Cmd{a.syncIndex()}
	for _, sc := range append(append([]screen{a.cur}, a.backStack...), a.fwdStack...) {
		cmds = append(cmds, sc.Update(libraryChangedMsg{sel: sel}))
	}
	return tea.Batch(cmds...)
}

// syncIndex updates the index the app holds with the library's documents.
// One job at a time: a change during a job syncs again when it ends. If
// the index never opened (busy, damaged), opening is tried again, which
// syncs too.
func (a *App) syncIndex() tea.Cmd {
	if a.indexBusy {
		a.resync = true
		return nil
	}
	lib := a.sh.lib
	if sy, ok := a.sh.search.(indexSyncer); ok {
		a.indexBusy = true
		s := a.sh.search
		return indexWork(func(progress func(int, int)) (index.Searcher, error) {
			return s, sy.Sync(context.Background(), lib, progress)
		}, true)
	}
	if a.sh.search == nil && a.opt.OpenIndex != nil {
		return a.startIndex(lib)
	}
	return nil
}

func waitIndex(ch chan tea.Msg) tea.Cmd {
	return func() tea.Msg { return <-ch }
}

// globalKeys are the app-wide bindings as they stand on the current
// screen: a key the screen binds for itself is its own (Shadow), so the
// help never lists a global key that does something else there.
type globalKeys struct {
	Help, Back, Forward, Search, Directives, Bookmarks, Plan, Import, Quit key.Binding
}

func (a *App) globals() globalKeys {
	k := a.sh.keys()
	all := k.GlobalGroup()
	taken := map[string]bool{}
	for _, g := range append(helpGroups(a.cur), a.cur.ShortKeys()) {
		for _, b := range g {
			global := false
			for _, x := range append(all, k.Agenda, k.HelpAny, k.ForceQuit) {
				global = global || common.Same(b, x)
			}
			// A screen's esc binding (clear the filter, the highlight)
			// is the app's esc: Back() of the innermost state first.
			escOnly := len(b.Keys()) == 1 && b.Keys()[0] == "esc"
			if !global && !escOnly && b.Enabled() {
				for _, s := range b.Keys() {
					taken[s] = true
				}
			}
		}
	}
	if a.cur.Capturing() {
		// A text field or a question has the keys: only F1 and ctrl+c
		// reach the app (ForceQuit is always listed).
		off := key.NewBinding(key.WithDisabled())
		return globalKeys{Help: k.HelpAny, Back: off, Forward: off, Search: off, Directives: off, Bookmarks: off, Plan: off, Import: off, Quit: off}
	}
	sh := func(b key.Binding) key.Binding {
		if s, ok := common.Shadow(b, taken); ok {
			return s
		}
		return key.NewBinding(key.WithDisabled())
	}
	g := globalKeys{
		Help: sh(k.Help), Back: sh(k.Back), Forward: sh(k.Forward), Search: sh(k.Search),
		Directives: sh(k.Directives), Bookmarks: sh(k.Bookmarks), Plan: sh(k.Plan),
		Import: sh(k.Import), Quit: sh(k.Quit),
	}
	off := key.NewBinding(key.WithDisabled())
	if len(a.fwdStack) == 0 {
		g.Forward = off
	}
	if len(a.backStack) == 0 {
		g.Back = off // esc still closes the screen's inner states (Back)
	}
	if m, ok := a.cur.(modal); ok && m.Modal() {
		g.Forward, g.Search, g.Directives, g.Bookmarks, g.Plan, g.Import, g.Quit = off, off, off, off, off, off, off
	}
	if h, ok := a.cur.(hider); ok {
		for _, b := range h.Hides() {
			for _, p := range []struct {
				orig key.Binding
				g    *key.Binding
			}{{k.Directives, &g.Directives}, {k.Bookmarks, &g.Bookmarks}, {k.Plan, &g.Plan}, {k.Search, &g.Search}} {
				if common.Same(p.orig, b) {
					*p.g = off
				}
			}
		}
	}
	return g
}

// list is the help column of the global keys in force, in the help's
// order.
func (g globalKeys) list(k keyMap) []key.Binding {
	var out []key.Binding
	for _, b := range []key.Binding{g.Help, g.Back, g.Forward, g.Search, g.Directives, g.Bookmarks, g.Plan, g.Import, g.Quit, k.ForceQuit} {
		if b.Enabled() {
			out = append(out, b)
		}
	}
	return out
}

// key handles app-wide keys unless the screen has a text input focused.
// F1 opens the help on every screen (it types nothing); ? too when no
// text field has focus.
func (a *App) key(msg tea.KeyPressMsg) tea.Cmd {
	k := a.sh.keys()
	a.flash = ""
	if o, ok := a.cur.(keyOwner); ok && o.OwnsKeys() {
		// Until the import stops, esc and ctrl+c stop it rather than
		// leave or quit, and no other key leaves the screen.
		return a.cur.Update(msg)
	}
	if key.Matches(msg, k.ForceQuit) {
		return a.quit()
	}
	if a.w < MinWidth || a.h < MinHeight || !a.loaded || a.loadErr != nil {
		if key.Matches(msg, k.Quit) || msg.String() == "esc" {
			return a.quit()
		}
		return nil
	}
	g := a.globals()
	if key.Matches(msg, k.HelpAny) && key.Matches(msg, g.Help) {
		return a.navigate(newHelpScreen(a.sh, a.cur, g.list(a.sh.keys())))
	}
	if a.cur.Capturing() {
		return a.cur.Update(msg)
	}
	switch {
	case key.Matches(msg, g.Quit):
		return a.quit()
	case key.Matches(msg, g.Help):
		return a.navigate(newHelpScreen(a.sh, a.cur, g.list(a.sh.keys())))
	case msg.String() == "esc":
		// The innermost state first (a highlight, a filter, the
		// checklist), then the screen; a screen binding esc itself (the
		// import summary) gets it.
		if b, ok := a.cur.(backer); ok && b.Back() {
			return nil
		}
		if key.Matches(msg, g.Back) {
			return a.goBack()
		}
	case key.Matches(msg, g.Back):
		return a.goBack()
	case key.Matches(msg, g.Forward):
		return a.goForward()
	case key.Matches(msg, g.Search):
		return a.open(openSearchMsg{})
	case key.Matches(msg, g.Directives):
		return a.open(openDirectivesMsg{})
	case key.Matches(msg, g.Bookmarks):
		return a.open(openBookmarksMsg{})
	case key.Matches(msg, g.Plan):
		if a.opt.Plans == nil {
			a.flash, a.flashEr = a.sh.T(i18n.AppPlanOff), true
			return nil
		}
		return a.navigate(newPlanScreen(a.sh, a.opt.Plans, a.opt.Members))
	case key.Matches(msg, k.Agenda):
		if c, ok := a.addToAgenda(); ok {
			return c
		}
	case key.Matches(msg, g.Import):
		return a.open(openImportMsg{})
	}
	return a.cur.Update(msg)
}

// addToAgenda opens the picker for what the current screen offers to
// the agenda (a): the search hit's section, or the reader's or outline's
// excerpt; ok is false when the screen offers nothing.
func (a *App) addToAgenda() (c tea.Cmd, ok bool) {
	hs, isHit := a.cur.(hitSource)
	ex, isEx := a.cur.(excerpter)
	if !isHit && !isEx {
		return nil, false
	}
	if a.opt.Plans == nil {
		a.flash, a.flashEr = a.sh.T(i18n.AppPlanOff), true
		return nil, true
	}
	if isHit && a.sh.lib != nil {
		// The hit's document is read off the Update loop.
		doc, section, ok := hs.hitSection()
		if !ok {
			a.flash = a.sh.T(i18n.AppPlanNothing)
			return nil, true
		}
		lib := a.sh.lib
		return a.load(func() func() tea.Cmd {
			var sec *content.Section
			d, ok := lib.Doc(doc)
			if ok {
				sec, ok = d.Section(section)
			}
			return func() tea.Cmd {
				if !ok {
					a.flash = a.sh.T(i18n.AppPlanNothing)
					return nil
				}
				return a.navigate(newPickerScreen(a.sh, a.opt.Plans, plan.FromSectionTree(d, sec), sec.Heading))
			}
		}), true
	}
	if !isEx {
		a.flash = a.sh.T(i18n.AppPlanNothing)
		return nil, true
	}
	x, heading, ok := ex.excerpt()
	if !ok {
		a.flash = a.sh.T(i18n.AppPlanNothing)
		return nil, true
	}
	return a.navigate(newPickerScreen(a.sh, a.opt.Plans, x, heading)), true
}

func (a *App) quit() tea.Cmd {
	if l, ok := a.cur.(leaver); ok {
		if c := l.Leave(); c != nil {
			return tea.Sequence(c, tea.Quit)
		}
	}
	return tea.Quit
}

func (a *App) leave() tea.Cmd {
	if l, ok := a.cur.(leaver); ok {
		return l.Leave()
	}
	return nil
}

// navigate makes s current, keeping the old screen for back.
func (a *App) navigate(s screen) tea.Cmd {
	c := a.leave()
	a.pushBack(a.cur)
	a.fwdStack = nil
	a.cur = s
	return tea.Batch(c, a.resize())
}

// maxHistory bounds the back stack: a long reading session jumps between
// sections thousands of times, and nobody goes back a hundred steps.
const maxHistory = 100

func (a *App) pushBack(s screen) {
	a.backStack = append(a.backStack, s)
	if len(a.backStack) > maxHistory {
		a.backStack = append(a.backStack[:0], a.backStack[len(a.backStack)-maxHistory:]...)
	}
}

func (a *App) goBack() tea.Cmd { return a.restore(&a.backStack, &a.fwdStack) }

func (a *App) goForward() tea.Cmd { return a.restore(&a.fwdStack, &a.backStack) }

// restore makes the screen on top of from current again, keeping the
// current one on top of to: back and forward are the same step between
// the two stacks, in opposite directions.
func (a *App) restore(from, to *[]screen) tea.Cmd {
	if len(*from) == 0 {
		return nil
	}
	c := a.leave()
	*to = append(*to, a.cur)
	a.cur = (*from)[len(*from)-1]
	*from = (*from)[:len(*from)-1]
	return tea.Batch(c, a.resize())
}

// open builds the screen a navigation message asks for.
func (a *App) open(msg tea.Msg) tea.Cmd {
	if a.sh.lib == nil {
		return nil
	}
	switch m := msg.(type) {
	case openOutlineMsg:
		return a.withDoc(m.doc, func(d *content.Document) tea.Cmd {
			return a.navigate(newOutlineScreen(a.sh, d, m.section))
		})
	case openReaderMsg:
		return a.withDoc(m.doc, func(d *content.Document) tea.Cmd {
			r := newReaderScreen(a.sh, d, m.section, m.terms, m.restore)
			if m.section != "" {
				if _, ok := d.Section(m.section); !ok {
					a.flash = a.sh.T(i18n.AppSectionMissing)
				}
			}
			return a.navigate(r)
		})
	case openSearchMsg:
		// Reuse the search screen in history so the query survives.
		if s, ok := a.cur.(*searchScreen); ok {
			return s.focusInput()
		}
		for i := len(a.backStack) - 1; i >= 0; i-- {
			if s, ok := a.backStack[i].(*searchScreen); ok {
				c := a.navigate(s)
				return tea.Batch(c, s.focusInput())
			}
		}
		s := newSearchScreen(a.sh)
		return tea.Batch(a.navigate(s), s.focusInput())
	case openDirectivesMsg:
		if _, ok := a.cur.(*directivesScreen); ok && m.symbols == nil && m.symbol == "" {
			return nil
		}
		lib := a.sh.lib
		return a.load(func() func() tea.Cmd {
			all := collectDirectives(lib) // every document's citations
			return func() tea.Cmd { return a.navigate(newDirectivesScreenOf(a.sh, all, m.symbols, m.symbol)) }
		})
	case openBookmarksMsg:
		if _, ok := a.cur.(*bookmarksScreen); ok {
			return nil
		}
		return a.navigate(newBookmarksScreen(a.sh))
	case openImportMsg:
		ed, ok := a.sh.lib.(libraryEditor)
		if !ok {
			a.flash, a.flashEr = a.sh.T(i18n.AppImportOff), true
			return nil
		}
		s := newImportScreen(a.sh, ed, a.opt.Home)
		return tea.Batch(a.navigate(s), s.focus())
	case openProblemsMsg:
		return a.navigate(newProblemsScreen(a.sh))
	}
	return nil
}

// load runs read (disk I/O: loading documents from the library's store)
// in a tea.Cmd; the function it returns then runs in Update, where the
// screen is built, unless another load was asked for meanwhile.
func (a *App) load(read func() func() tea.Cmd) tea.Cmd {
	a.openSeq++
	seq := a.openSeq
	return func() tea.Msg { return loadedMsg{seq: seq, build: read()} }
}

// withDoc loads document id off the Update loop and calls then with it,
// or says the document is gone.
func (a *App) withDoc(id string, then func(*content.Document) tea.Cmd) tea.Cmd {
	lib := a.sh.lib
	return a.load(func() func() tea.Cmd {
		d, ok := lib.Doc(id)
		return func() tea.Cmd {
			if !ok {
				a.flash, a.flashEr = a.sh.T(i18n.AppDocGone), true
				return nil
			}
			return then(d)
		}
	})
}

// View draws the frame: title bar, the screen, the index progress while
// it is being built, and the status bar.
func (a *App) View() tea.View {
	v := tea.NewView(a.Render())
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = "chibo"
	return v
}

// Render is the frame as a string (View's content; tests use it).
func (a *App) Render() string {
	st := a.sh.st()
	if a.w < MinWidth || a.h < MinHeight {
		msg := fmt.Sprintf(a.sh.T(i18n.AppTooSmall), a.w, a.h, MinWidth, MinHeight)
		var lines []string
		for _, l := range strings.Split(msg, "\n") {
			lines = append(lines, wrapText(l, max(a.w-2, 4))...)
		}
		return lipgloss.Place(max(a.w, 1), max(a.h, 1), lipgloss.Center, lipgloss.Center, strings.Join(lines, "\n"))
	}
	var b strings.Builder
	b.WriteString(a.titleBar())
	b.WriteString("\n")
	w, h := a.bodySize()
	switch {
	case a.loadErr != nil:
		lines := wrapText(fmt.Sprintf(a.sh.T(i18n.AppLibraryError), a.loadErr), w-2)
		for i := range lines {
			lines[i] = " " + st.Error.Render(lines[i])
		}
		b.WriteString(block(lines, w, h))
	default:
		b.WriteString(block(strings.Split(a.cur.View(), "\n"), w, h))
	}
	b.WriteString("\n")
	if a.sh.indexing {
		b.WriteString(a.progressLine())
		b.WriteString("\n")
	}
	b.WriteString(a.statusBar())
	return b.String()
}

func (a *App) titleBar() string {
	st := a.sh.st()
	app := st.TitleApp.Render(" chibo ")
	crumb := a.cur.Crumb()
	rest := " " + a.cur.Name()
	if crumb != "" {
		rest += " › " + crumb
	}
	w := a.w - lipgloss.Width(app)
	return app + st.Title.Render(fit(rest, w))
}

func (a *App) progressLine() string {
	st := a.sh.st()
	label := " " + a.sh.T(i18n.AppIndexBuilding) + " "
	count := ""
	pct := 0.0
	if a.sh.indexAll > 0 {
		count = " " + fmt.Sprintf(a.sh.T(i18n.AppIndexProgress), a.sh.indexDone, a.sh.indexAll)
		pct = float64(a.sh.indexDone) / float64(a.sh.indexAll)
	}
	barW := a.w - lipgloss.Width(label) - lipgloss.Width(count) - 1
	if barW < 5 {
		return fit(label+count, a.w)
	}
	// A plain bar: it reads the same without colour.
	n := int(pct * float64(barW))
	bar := st.Bar.Render(strings.Repeat("█", n)) + strings.Repeat("░", barW-n)
	return fit(label+bar+count, a.w)
}

func (a *App) statusBar() string {
	st := a.sh.st()
	name := st.StatusKey.Render(" " + strings.ToUpper(a.cur.Name()) + " ")
	pos := a.cur.Position()
	if pos != "" {
		pos = " " + pos + " "
	}
	used := lipgloss.Width(name) + lipgloss.Width(pos)
	rest := a.w - used - 1
	var hints string
	switch {
	case a.flash != "":
		hints = a.flash
		if a.flashEr {
			hints = st.Error.Render(hints)
		}
	default:
		hints = common.ShortHelp(a.help, a.shortKeys(), rest)
	}
	return name + st.Status.Render(pos) + " " + fit(ansi.Truncate(hints, rest, "…"), rest)
}

// shortKeys are the status bar's hints, most important first: the
// screen's own, with help first (F1 while a text field has focus, since ?
// then types a "?").
func (a *App) shortKeys() []key.Binding {
	help := a.globals().Help
	if a.cur.Capturing() {
		help = a.sh.keys().HelpAny
	}
	keys := []key.Binding{help}
	if !a.cur.Capturing() {
		// A global binding the screen lists is shown as it stands there.
		g := a.globals()
		for _, b := range a.cur.ShortKeys() {
			for _, pair := range [][2]key.Binding{{a.sh.keys().Back, g.Back}, {a.sh.keys().Search, g.Search}, {a.sh.keys().Quit, g.Quit}, {a.sh.keys().Import, g.Import}, {a.sh.keys().Directives, g.Directives}, {a.sh.keys().Bookmarks, g.Bookmarks}, {a.sh.keys().Plan, g.Plan}} {
				if common.Same(b, pair[0]) {
					b = pair[1]
				}
			}
			if b.Enabled() {
				keys = append(keys, b)
			}
		}
		return keys
	}
	return append(keys, a.cur.ShortKeys()...)
}

// loadingScreen is shown until the library is open (a fraction of a
// second; on a first run the index then builds behind the library).
type loadingScreen struct {
	sh   *shared
	w, h int
}

func (s *loadingScreen) Update(tea.Msg) tea.Cmd { return nil }
func (s *loadingScreen) View() string {
	return lipgloss.Place(s.w, s.h, lipgloss.Center, lipgloss.Center, s.sh.T(i18n.AppLoading))
}
func (s *loadingScreen) SetSize(w, h int) tea.Cmd  { s.w, s.h = w, h; return nil }
func (s *loadingScreen) Name() string              { return s.sh.T(i18n.AppScreenLibrary) }
func (s *loadingScreen) Crumb() string             { return "" }
func (s *loadingScreen) Position() string          { return "" }
func (s *loadingScreen) ShortKeys() []key.Binding  { return []key.Binding{s.sh.keys().Quit} }
func (s *loadingScreen) FullKeys() [][]key.Binding { return nil }
func (s *loadingScreen) Capturing() bool           { return false }
