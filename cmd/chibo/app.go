package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"

	"chibo/content"
	"chibo/content/plan"
	"chibo/content/userdata"
	"chibo/index"
	"chibo/tui"
	"chibo/tui/i18n"
)

func init() {
	register(&command{
		name:    "app",
		usage:   i18n.Msg{},
		summary: i18n.AppName,
		run:     runApp,
	})
}

// runApp opens the terminal app. The library, user data and index are
// opened by the app in commands after its first frame; this function only
// wires them and closes the index when the app ends.
func runApp(e *env, args []string) int {
	if len(args) > 0 {
		fmt.Fprintf(e.stderr, e.T(i18n.CLIUnknownCommand)+"\n\n", args[0])
		usage(e, e.stderr)
		return 2
	}
	b := newAppBackend(e.dirs)
	defer b.close()
	p := tea.NewProgram(tui.New(appOptions(e, b)))
	if _, err := p.Run(); err != nil && !errors.Is(err, tea.ErrInterrupted) {
		return fail(e, err)
	}
	return 0
}

// appOptions picks the theme (no colour under NO_COLOR, otherwise dark or
// light as the terminal reports) and hands the app its openers.
func appOptions(e *env, b *appBackend) tui.Options {
	opt := tui.Options{
		Lang:             e.lang,
		Theme:            tui.ThemeDark,
		FollowBackground: true,
		OpenLibrary:      b.openLibrary,
		OpenUser:         b.openUser,
		OpenIndex:        b.openIndex,
		Plans:            plan.OpenStore(e.dirs.User()),
		// An import or removal from the command line shows within 2 s.
		LibraryPoll: 2 * time.Second,
		Members:     plan.OpenMembers(e.dirs.User()),
	}
	if os.Getenv("NO_COLOR") != "" || os.Getenv("TERM") == "dumb" {
		opt.Theme, opt.FollowBackground = tui.ThemeNone, false
	}
	return opt
}

// appBackend opens the real library, user store and index for the app.
type appBackend struct {
	dirs content.Dirs
	mu   sync.Mutex
	ix   *index.Index
}

func newAppBackend(dirs content.Dirs) *appBackend { return &appBackend{dirs: dirs} }

func (b *appBackend) openLibrary() (tui.Library, error) {
	return content.OpenLibrary(b.dirs)
}

func (b *appBackend) openUser() (tui.UserData, error) {
	s, err := userdata.Open(b.dirs.User())
	if err != nil {
		return nil, err
	}
	return userStore{s}, nil
}

// openIndex opens the index and brings it up to date with the library,
// reporting progress (the first run builds it from scratch). The app calls
// it again when the first attempt failed and the library then changed:
// an index already open is reused, since a second handle would wait on
// the first one's lock.
func (b *appBackend) openIndex(ctx context.Context, lib tui.Library, progress func(done, total int)) (index.Searcher, error) {
	b.mu.Lock()
	ix := b.ix
	b.mu.Unlock()
	if ix == nil {
		var err error
		ix, err = index.Open(b.dirs.Index(), index.Options{Wait: 3 * time.Second})
		if err != nil {
			return nil, err
		}
		b.mu.Lock()
		b.ix = ix
		b.mu.Unlock()
	}
	if ix.NeedsSync(lib) {
		progress(0, ix.SyncSize(lib))
		if err := ix.Sync(ctx, lib, progress); err != nil {
			// Another chibo is writing the index: the one open here still
			// answers, it may just miss the newest documents until then.
			// A read-only data folder: the index there still answers.
			var ro *index.ReadOnlyError
			if errors.Is(err, index.ErrBusy) || errors.As(err, &ro) && !ro.Missing {
				return ix, nil
			}
			return nil, err
		}
	}
	return ix, nil
}

func (b *appBackend) close() {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.ix != nil {
		b.ix.Close()
	}
}

// userStore adapts userdata.Store to the app's UserData.
type userStore struct{ *userdata.Store }

func (u userStore) Bookmarks() []tui.Bookmark {
	var out []tui.Bookmark
	for _, b := range u.Store.Bookmarks() {
		out = append(out, tui.Bookmark{Doc: b.Doc, Section: b.Section, Heading: b.Heading, Added: b.Added})
	}
	return out
}
