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

	"chibo/index"
	"chibo/tui/i18n"
	"chibo/tui/planview"
)

// The smallest window chibo lays out; below it shows a message instead.
const (
	MinWidth  = 50
	MinHeight = 15
)

// screen is one screen model. Screens mutate themselves; the app keeps
// them in its history so going back restores the exact state.
type screen interface {
	Update(msg tea.Msg) tea.Cmd
	// View draws exactly the size last given to SetSize.
	View() string
	// SetSize is called on resize and whenever the screen becomes current;
	// it returns the command that redoes any work that went stale while
	// the screen was hidden (a render, a search).
	SetSize(w, h int) tea.Cmd
	Name() string
	Crumb() string // title-bar breadcrumb
	Position() string
	ShortKeys() []key.Binding
	FullKeys() [][]key.Binding
	// Capturing says a text input has focus: letters are text, not keys.
	Capturing() bool
}

// backer is a screen with inner levels (a detail view, an open prompt)
// that esc closes before leaving the screen.
type backer interface{ Back() bool }

// leaver is told when the user leaves it (the reader saves its position).
type leaver interface{ Leave() tea.Cmd }

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
	sh := &shared{
		lang:        opt.Lang,
		st:          newStyles(opt.Theme),
		keys:        newKeyMap(opt.Lang),
		render:      newRenderCache(),
		searchDelay: opt.SearchDelay,
	}
	a := &App{opt: opt, sh: sh, w: 80, h: 24}
	a.help = help.New()
	a.help.Styles = helpStyles(opt.Theme)
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
			if theme != a.sh.st.theme {
				a.sh.st = newStyles(theme)
				a.help.Styles = helpStyles(theme)
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
			a.flash, a.flashEr = fmt.Sprintf(a.sh.T(i18n.ImportIndexFailed), i18n.Describe(a.sh.lang, msg.err)), true
		default:
			a.sh.indexErr = msg.err
			a.flash, a.flashEr = fmt.Sprintf(a.sh.T(i18n.AppIndexError), i18n.Describe(a.sh.lang, msg.err)), true
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
			a.flash, a.flashEr = fmt.Sprintf(a.sh.T(i18n.AppRemoveError), i18n.Describe(a.sh.lang, msg.err)), true
			return a, nil
		}
		a.flash, a.flashEr = fmt.Sprintf(a.sh.T(i18n.AppRemoveDone), msg.title), false
		return a, a.libraryChanged("")
	case flashMsg:
		a.flash, a.flashEr = msg.text, msg.err
		return a, nil
	case planview.CloseMsg, planview.CancelMsg:
		return a, a.goBack()
	case planview.AddedMsg:
		c := a.goBack()
		a.flash, a.flashEr = fmt.Sprintf(a.sh.T(i18n.AppPlanAdded), msg.Item), false
		return a, c
	case planview.OpenSourceMsg:
		return a, a.open(openReaderMsg{doc: msg.Doc, section: msg.Section})
	case escBackMsg:
		return a, a.goBack()
	case pushHistoryMsg:
		a.pushBack(msg.snap)
		a.fwdStack = nil
		return a, nil
	case openOutlineMsg, openReaderMsg, openSearchMsg, openDirectivesMsg, openBookmarksMsg, openImportMsg, openProblemsMsg:
		return a, a.open(msg)
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
	for _, sc := range append(append([]screen{a.cur}, a.backStack...), a.fwdStack...) {
		if l, ok := sc.(*libraryScreen); ok {
			l.reload(sel)
		}
	}
	return a.syncIndex()
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

// key handles app-wide keys unless the screen has a text input focused.
func (a *App) key(msg tea.KeyPressMsg) tea.Cmd {
	k := a.sh.keys
	a.flash = ""
	if s, ok := a.cur.(*importScreen); ok && s.running() {
		// Until the import stops, esc and ctrl+c stop it rather than
		// leave or quit, and no other key leaves the screen.
		return s.Update(msg)
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
	switch a.cur.(type) {
	case *planScreen, *pickerScreen:
		// These screens own their keys (esc and q close them, and the
		// plan screen's own prompts take any text).
		switch {
		case key.Matches(msg, k.Forward):
			return a.goForward()
		case msg.String() == "alt+left":
			return a.goBack()
		case key.Matches(msg, k.Help) && !a.cur.Capturing():
			return a.navigate(newHelpScreen(a.sh, a.cur))
		}
		return a.cur.Update(msg)
	}
	if a.cur.Capturing() {
		return a.cur.Update(msg)
	}
	_, inReader := a.cur.(*readerScreen)
	_, inHelp := a.cur.(*helpScreen)
	switch {
	case key.Matches(msg, k.Quit):
		return a.quit()
	case key.Matches(msg, k.Help):
		if inHelp {
			return a.goBack()
		}
		return a.navigate(newHelpScreen(a.sh, a.cur))
	case msg.String() == "esc":
		if b, ok := a.cur.(backer); ok && b.Back() {
			return nil
		}
		return a.goBack()
	case key.Matches(msg, k.Back):
		return a.goBack()
	case key.Matches(msg, k.Forward):
		return a.goForward()
	case msg.String() == "ctrl+f" || (msg.String() == "/" && !inReader):
		return a.open(openSearchMsg{})
	case key.Matches(msg, k.Directives):
		return a.open(openDirectivesMsg{})
	case key.Matches(msg, k.Bookmarks):
		return a.open(openBookmarksMsg{})
	case key.Matches(msg, k.Plan):
		if a.opt.Plans == nil {
			a.flash, a.flashEr = a.sh.T(i18n.AppPlanOff), true
			return nil
		}
		return a.navigate(newPlanScreen(a.sh, a.opt.Plans))
	case key.Matches(msg, k.Agenda):
		ex, ok := a.cur.(excerpter)
		if !ok {
			break
		}
		if a.opt.Plans == nil {
			a.flash, a.flashEr = a.sh.T(i18n.AppPlanOff), true
			return nil
		}
		x, heading, ok := ex.excerpt()
		if !ok {
			a.flash = a.sh.T(i18n.AppPlanNothing)
			return nil
		}
		return a.navigate(newPickerScreen(a.sh, a.opt.Plans, x, heading))
	case key.Matches(msg, k.Import):
		return a.open(openImportMsg{})
	}
	return a.cur.Update(msg)
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
		d, ok := a.sh.lib.Doc(m.doc)
		if !ok {
			a.flash, a.flashEr = a.sh.T(i18n.AppDocGone), true
			return nil
		}
		return a.navigate(newOutlineScreen(a.sh, d, m.section))
	case openReaderMsg:
		d, ok := a.sh.lib.Doc(m.doc)
		if !ok {
			a.flash, a.flashEr = a.sh.T(i18n.AppDocGone), true
			return nil
		}
		r := newReaderScreen(a.sh, d, m.section, m.terms, m.restore)
		if m.section != "" {
			if _, ok := d.Section(m.section); !ok {
				a.flash = a.sh.T(i18n.AppSectionMissing)
			}
		}
		return a.navigate(r)
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
		return a.navigate(newDirectivesScreen(a.sh, m.symbols, m.symbol))
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
	st := a.sh.st
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
	st := a.sh.st
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
	st := a.sh.st
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
	st := a.sh.st
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
		keys := append([]key.Binding{a.sh.keys.Help}, a.cur.ShortKeys()...)
		a.help.SetWidth(rest)
		hints = a.help.ShortHelpView(keys)
	}
	return name + st.Status.Render(pos) + " " + fit(ansi.Truncate(hints, rest, "…"), rest)
}

// helpStyles are the status-bar hint styles; keys in bold without colour.
func helpStyles(theme string) help.Styles {
	if theme == ThemeNone {
		b := lipgloss.NewStyle().Bold(true)
		return help.Styles{ShortKey: b, FullKey: b}
	}
	return help.DefaultStyles(theme != ThemeLight)
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
func (s *loadingScreen) ShortKeys() []key.Binding  { return []key.Binding{s.sh.keys.Quit} }
func (s *loadingScreen) FullKeys() [][]key.Binding { return nil }
func (s *loadingScreen) Capturing() bool           { return false }
