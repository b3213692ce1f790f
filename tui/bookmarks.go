package tui

import (
	"fmt"
	"sort"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"chibo/tui/i18n"
)

// bookmarksScreen lists the bookmarked sections, newest first; Enter opens
// the reader there, x removes the bookmark.
type bookmarksScreen struct {
	sh     *shared
	w, h   int
	items  []Bookmark
	titles map[string]string // document ID → title, from the catalogue
	cursor int
	offset int
}

func newBookmarksScreen(sh *shared) *bookmarksScreen {
	s := &bookmarksScreen{sh: sh}
	s.reload()
	return s
}

func (s *bookmarksScreen) reload() {
	// The titles come from the catalogue, held in memory: View never
	// loads a document.
	s.titles = map[string]string{}
	if s.sh.lib != nil {
		for _, d := range s.sh.lib.Catalog() {
			s.titles[d.ID] = d.Title
		}
	}
	s.items = nil
	if s.sh.user != nil {
		s.items = append(s.items, s.sh.user.Bookmarks()...)
	}
	sort.SliceStable(s.items, func(i, j int) bool { return s.items[i].Added.After(s.items[j].Added) })
	s.cursor = max(0, min(s.cursor, len(s.items)-1))
}

type bookmarkRemovedMsg struct{ err error }

func (s *bookmarksScreen) Capturing() bool { return false }

func (s *bookmarksScreen) Update(msg tea.Msg) tea.Cmd {
	k := s.sh.keys()
	switch msg := msg.(type) {
	case libraryChangedMsg:
		s.reload() // a removed document's bookmarks are marked
	case bookmarkRemovedMsg:
		s.reload()
		if msg.err != nil {
			return send(flashMsg{text: fmt.Sprintf(s.sh.T(i18n.AppSaveError), i18n.Describe(s.sh.lang(), msg.err)), err: true})
		}
	case tea.KeyPressMsg:
		if n, ok := k.moveBy(msg, 0, len(s.items)); ok {
			s.cursor = moveRow(s.cursor, n, len(s.items))
			return nil
		}
		switch {
		case key.Matches(msg, k.Open), key.Matches(msg, k.Expand):
			if s.cursor < len(s.items) {
				b := s.items[s.cursor]
				return send(openReaderMsg{doc: b.Doc, section: b.Section})
			}
		case key.Matches(msg, k.RemoveBookmark), key.Matches(msg, k.Bookmark):
			if s.cursor < len(s.items) && s.sh.user != nil {
				b, u := s.items[s.cursor], s.sh.user
				return func() tea.Msg {
					_, err := u.ToggleBookmark(b.Doc, b.Section, b.Heading)
					return bookmarkRemovedMsg{err: err}
				}
			}
		}
	}
	return nil
}

func (s *bookmarksScreen) SetSize(w, h int) tea.Cmd {
	s.w, s.h = w, h
	s.reload()
	return nil
}

func (s *bookmarksScreen) View() string {
	if s.sh.user == nil {
		return strings.Join(wrapIndent(s.sh.T(i18n.AppUserDataNone), s.w, 1), "\n")
	}
	if len(s.items) == 0 {
		return strings.Join(wrapIndent(s.sh.T(i18n.AppBookmarksEmpty), s.w, 1), "\n")
	}
	return s.sh.st().twoLineList([]string{""}, s.w, s.h, &s.offset, s.cursor, len(s.items), func(i int) (string, string) {
		b := s.items[i]
		title := b.Doc
		if s.sh.lib != nil {
			if t, ok := s.titles[b.Doc]; ok {
				title = t
			} else {
				title += " " + s.sh.T(i18n.AppBookmarkStale)
			}
		}
		meta := title
		if !b.Added.IsZero() {
			meta += " · " + b.Added.Format("02/01/2006")
		}
		return b.Heading, meta
	})
}

func (s *bookmarksScreen) Name() string  { return s.sh.T(i18n.AppScreenBookmarks) }
func (s *bookmarksScreen) Crumb() string { return "" }
func (s *bookmarksScreen) Position() string {
	if len(s.items) == 0 {
		return ""
	}
	return fmt.Sprintf("%d/%d", s.cursor+1, len(s.items))
}

func (s *bookmarksScreen) ShortKeys() []key.Binding {
	k := s.sh.keys()
	return []key.Binding{k.Open, k.RemoveBookmark, k.Back}
}

// Hides: B leads here.
func (s *bookmarksScreen) Hides() []key.Binding { return []key.Binding{s.sh.keys().Bookmarks} }

func (s *bookmarksScreen) FullKeys() [][]key.Binding {
	k := s.sh.keys()
	return [][]key.Binding{{k.Up, k.Down, k.Top, k.Bottom}, {k.Open, k.RemoveBookmark, k.Back}}
}
