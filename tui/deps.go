package tui

import (
	"context"
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"

	"chibo/content"
	"chibo/content/plan"
	"chibo/index"
	"chibo/tui/common"
	"chibo/tui/i18n"
)

// Library is what the screens read documents from; *content.Library
// satisfies it.
type Library interface {
	Catalog() []content.DocInfo
	Doc(id string) (*content.Document, bool)
	Each(fn func(*content.Document) error) error
}

// libraryEditor is a Library the app can change (*content.Library is
// one): without it the import and remove actions say they are off, so
// read-only test doubles and libraries stay possible.
type libraryEditor interface {
	ImportContext(ctx context.Context, paths []string, opt content.ImportOptions, report func(content.ImportResult)) error
	Remove(id string) error
	IsImported(id string) bool
}

// libraryRefresher is a Library that can see changes made by another
// process (*content.Library is one).
type libraryRefresher interface {
	Refresh() (bool, error)
}

// indexSyncer is the index the app holds when it can be brought up to
// date in place after an import or removal (*index.Index is one).
type indexSyncer interface {
	Sync(ctx context.Context, src index.Source, progress func(done, total int)) error
}

// libraryProblems lists the files the library could not read when it was
// opened (content.Library.Problems).
func libraryProblems(l Library) []error {
	if cl, ok := l.(*content.Library); ok {
		return cl.Problems
	}
	return nil
}

// Bookmark is one bookmarked section.
type Bookmark struct {
	Doc, Section, Heading string
	Added                 time.Time
}

// UserData keeps what the user would miss between runs: bookmarks and the
// reading position of each document. cmd/chibo adapts the userdata store to
// it; a nil UserData turns both features off with a message.
type UserData interface {
	Bookmarks() []Bookmark
	IsBookmarked(doc, section string) bool
	ToggleBookmark(doc, section, heading string) (bool, error)
	Position(doc string) (section string, line int, ok bool)
	SetPosition(doc, section string, line int) error
}

// Options configure the app. The Open functions run in tea.Cmds after the
// first frame, so the window never waits on the disk.
type Options struct {
	Lang i18n.Lang
	// Theme is ThemeDark, ThemeLight or ThemeNone (no colour). With
	// FollowBackground the dark/light choice follows the terminal's
	// reported background colour.
	Theme            string
	FollowBackground bool

	OpenLibrary func() (Library, error)
	// OpenUser may be nil: bookmarks and positions are then off.
	OpenUser func() (UserData, error)
	// OpenIndex opens the search index and brings it up to date with the
	// library, reporting progress; it may be nil (search is then off).
	OpenIndex func(ctx context.Context, lib Library, progress func(done, total int)) (index.Searcher, error)
	// Plans is the meeting-plan store; nil turns the plan screen (m) and
	// the agenda picker (a) off.
	Plans *plan.Store
	// Members is the cell's member list, for the roll on the plan screen
	// (l); nil turns the roll off.
	Members *plan.MemberStore
	// SearchDelay is the debounce of the search screen (default 120ms).
	SearchDelay time.Duration
	// Home is the folder the import prompt starts in and ~ stands for
	// (default: the user's home folder).
	Home string
	// LibraryPoll is how often the app asks the library whether another
	// chibo process changed it (an import or removal from the command
	// line) and then refreshes its lists and index; 0 never asks. The
	// library must have a Refresh method (*content.Library has).
	LibraryPoll time.Duration
}

// shared is what every screen sees; the app owns it and updates it as the
// library, the index and the theme arrive.
type shared struct {
	com    *common.Common // language, styles and key map: the one source (planview gets it too)
	lib    Library
	user   UserData
	search index.Searcher
	render *renderCache

	problems            []error // files the library could not read (libraryProblems)
	indexErr            error
	indexing            bool
	indexDone, indexAll int
	searchDelay         time.Duration
}

func (s *shared) T(m i18n.Msg) string { return s.com.T(m) }

// lang, st and keys are com's language, styles and key map, the latter
// two with this package's list helpers.
func (s *shared) lang() i18n.Lang { return s.com.Lang }
func (s *shared) st() styles      { return styles{s.com.Styles} }
func (s *shared) keys() keyMap    { return keyMap{s.com.Keys} }

// kindNames are the plural names of the document kinds, as the library
// groups them.
var kindNames = map[content.Kind]i18n.Msg{
	content.KindBulletin: i18n.AppKindBulletin, content.KindResolution: i18n.AppKindResolution,
	content.KindDecision: i18n.AppKindDecision, content.KindGuidance: i18n.AppKindGuidance,
	content.KindPlan: i18n.AppKindPlan, content.KindReport: i18n.AppKindReport,
	content.KindAppendix: i18n.AppKindAppendix, content.KindLaw: i18n.AppKindLaw,
	content.KindLetter: i18n.AppKindLetter,
}

// kindName is the plural, translated name of a document kind.
func (s *shared) kindName(k string) string {
	if m, ok := kindNames[content.Kind(k)]; ok {
		return s.T(m)
	}
	return s.T(i18n.AppKindOther)
}

// Navigation messages: screens ask the app to move; the app keeps history.
type (
	openOutlineMsg struct{ doc, section string }
	openReaderMsg  struct {
		doc, section string
		terms        []string // words to highlight (the search that led here)
		restore      bool     // go to the remembered line of the section
	}
	openSearchMsg     struct{}
	openDirectivesMsg struct {
		symbols []string // restrict the list to these (the section's refs)
		symbol  string   // open this one's citations directly
	}
	openBookmarksMsg struct{}
	openImportMsg    struct{}
	openProblemsMsg  struct{}
	// docRemovedMsg reports a removal the library screen asked for.
	docRemovedMsg struct {
		id, title string
		err       error
	}
	// libraryPollMsg: time to ask whether the library changed elsewhere;
	// libraryRefreshedMsg is the answer.
	libraryPollMsg      struct{}
	libraryRefreshedMsg struct{ changed bool }
	// pushHistoryMsg records a snapshot of the current screen before it
	// jumps within itself (table of contents, next hit), so back returns.
	pushHistoryMsg struct{ snap screen }
	// flashMsg shows a short message in the status bar until the next key.
	flashMsg struct {
		text string
		err  bool
	}
)

func send(m tea.Msg) tea.Cmd { return func() tea.Msg { return m } }

// savePosition writes a reading position; errors become a flash.
func (s *shared) savePosition(doc, section string, line int) tea.Cmd {
	u := s.user
	if u == nil || doc == "" {
		return nil
	}
	lang := s.lang()
	return func() tea.Msg {
		if err := u.SetPosition(doc, section, line); err != nil {
			return flashMsg{text: fmt.Sprintf(i18n.AppSaveError.In(lang), i18n.Describe(lang, err)), err: true}
		}
		return nil
	}
}
