package tui

import (
	"charm.land/bubbles/v2/key"

	"chibo/tui/i18n"
)

// keyMap is every binding of the app, with help texts in the UI language.
// Screens pick the ones they use for the status bar and the help screen.
type keyMap struct {
	Up, Down, PageUp, PageDown, Top, Bottom key.Binding
	Open, Back, Forward, Quit, ForceQuit    key.Binding
	Help, Search, Filter, Focus             key.Binding
	Collapse, Expand                        key.Binding
	PrevSec, NextSec, TOC, Find             key.Binding
	NextMatch, PrevMatch, Bookmark, Cites   key.Binding
	Bookmarks, Directives, Plan, Agenda     key.Binding
	Import, Remove, Toggle, Exact, Clear    key.Binding
	Done, Cancel, Wheel, Outline, LibSearch key.Binding
	RemoveBookmark, Problems, Complete      key.Binding
	Start, Stop, Close, Yes, No             key.Binding
}

func newKeyMap(l i18n.Lang) *keyMap {
	b := func(keys []string, label string, m i18n.Msg) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(label, m.In(l)))
	}
	k := func(s ...string) []string { return s }
	return &keyMap{
		Up:             b(k("up", "k"), "↑/k", i18n.AppKeyUp),
		Down:           b(k("down", "j"), "↓/j", i18n.AppKeyDown),
		PageUp:         b(k("pgup", "u", "ctrl+u"), "pgup/u", i18n.AppKeyPageUp),
		PageDown:       b(k("pgdown", "space", "d", "ctrl+d"), "pgdn/space", i18n.AppKeyPageDown),
		Top:            b(k("home", "g"), "g/home", i18n.AppKeyTop),
		Bottom:         b(k("end", "G"), "G/end", i18n.AppKeyBottom),
		Open:           b(k("enter"), "enter", i18n.AppKeyOpen),
		Back:           b(k("esc", "backspace", "alt+left"), "esc/⌫/alt+←", i18n.AppKeyBack),
		Forward:        b(k("alt+right"), "alt+→", i18n.AppKeyForward),
		Quit:           b(k("q"), "q", i18n.AppKeyQuit),
		ForceQuit:      b(k("ctrl+c"), "ctrl+c", i18n.AppKeyQuit),
		Help:           b(k("?"), "?", i18n.AppKeyHelp),
		Search:         b(k("ctrl+f", "/"), "/ ctrl+f", i18n.AppKeySearch),
		LibSearch:      b(k("s"), "s", i18n.AppKeySearch),
		Filter:         b(k("f"), "f", i18n.AppKeyFilter),
		Focus:          b(k("tab", "shift+tab"), "tab", i18n.AppKeyFocus),
		Collapse:       b(k("left", "h"), "←/h", i18n.AppKeyCollapse),
		Expand:         b(k("right", "l"), "→/l", i18n.AppKeyExpand),
		PrevSec:        b(k("["), "[", i18n.AppKeyPrevSec),
		NextSec:        b(k("]"), "]", i18n.AppKeyNextSec),
		TOC:            b(k("t"), "t", i18n.AppKeyTOC),
		Find:           b(k("/"), "/", i18n.AppKeyFind),
		NextMatch:      b(k("n"), "n", i18n.AppKeyNextMatch),
		PrevMatch:      b(k("N"), "N", i18n.AppKeyPrevMatch),
		Bookmark:       b(k("b"), "b", i18n.AppKeyBookmark),
		Cites:          b(k("c"), "c", i18n.AppKeyCites),
		Bookmarks:      b(k("B"), "B", i18n.AppKeyBookmarks),
		Directives:     b(k("v"), "v", i18n.AppKeyDirs),
		Plan:           b(k("m"), "m", i18n.AppKeyPlan),
		Agenda:         b(k("a"), "a", i18n.AppKeyAgenda),
		Import:         b(k("i"), "i", i18n.AppKeyImport),
		Remove:         b(k("x"), "x", i18n.AppKeyRemove),
		Toggle:         b(k("space", "enter"), "space", i18n.AppKeyToggle),
		Exact:          b(k("ctrl+e"), "ctrl+e", i18n.AppKeyExact),
		Clear:          b(k("esc"), "esc", i18n.AppKeyClear),
		Done:           b(k("enter"), "enter", i18n.AppKeyDone),
		Cancel:         b(k("esc"), "esc", i18n.AppKeyCancel),
		Wheel:          b(k(), "🖱", i18n.AppKeyWheel),
		Outline:        b(k("o"), "o", i18n.AppKeyOutline),
		RemoveBookmark: b(k("x", "delete"), "x", i18n.AppKeyRemoveBm),
		Problems:       b(k("e"), "e", i18n.AppKeyProblems),
		Complete:       b(k("tab"), "tab", i18n.AppKeyComplete),
		Start:          b(k("enter"), "enter", i18n.AppKeyStart),
		Stop:           b(k("esc", "ctrl+c"), "esc", i18n.AppKeyStop),
		Close:          b(k("enter", "esc"), "enter/esc", i18n.AppKeyClose),
		Yes:            b(k("y", "Y", "c", "C"), "y", i18n.AppKeyYes),
		No:             b(k("n", "N", "esc"), "n", i18n.AppKeyNo),
	}
}

// globalGroup is the help-screen column of keys that work on every screen.
func (k *keyMap) globalGroup() []key.Binding {
	return []key.Binding{k.Help, k.Back, k.Forward, k.Search, k.Directives, k.Bookmarks, k.Plan, k.Import, k.Focus, k.Quit, k.ForceQuit}
}

// moveGroup is the help-screen column of list movement keys.
func (k *keyMap) moveGroup() []key.Binding {
	return []key.Binding{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom, k.Open}
}
