package common

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"chibo/tui/i18n"
)

// KeyMap is every binding of the app, with help texts in the UI language.
// Screens list the ones in force (ShortKeys, FullKeys) and the help is
// generated from those lists; the app's global bindings work on a screen
// unless one of the screen's own bindings takes the same key (Shadow).
type KeyMap struct {
	Up, Down, PageUp, PageDown, Top, Bottom key.Binding
	Open, Back, Forward, Quit, ForceQuit    key.Binding
	Help, HelpAny, Search, Filter, Focus    key.Binding
	Collapse, Expand                        key.Binding
	PrevSec, NextSec, TOC, Find             key.Binding
	NextMatch, PrevMatch, Bookmark, Cites   key.Binding
	Bookmarks, Directives, Plan, Agenda     key.Binding
	Import, Remove, Toggle, Exact, Clear    key.Binding
	Done, Cancel, Wheel, Outline, LibSearch key.Binding
	RemoveBookmark, Problems, Complete      key.Binding
	Start, Stop, Close, Yes, No             key.Binding
	ClearFind, OpenDoc                      key.Binding

	// Selecting a passage in the reader: V starts, ↑/↓ and pgup/pgdn
	// grow or shrink it (SelectMove and SelectPage are their help), a,
	// enter or y add it, esc cancels.
	Select, SelectMove, SelectPage, SelectAdd, SelectClear key.Binding

	// The meeting plan screen and the agenda picker.
	PlanNotes, PlanSource, PlanNew, PlanRename, PlanMinutes key.Binding
	PlanDetails, PlanDelete, PlanUndo, PlanUp, PlanDown     key.Binding
	PlanMoveTo, PlanExport, PrevMonth, NextMonth, PlanCheck key.Binding
	PlanTick, ExportHTML, ExportDOCX, ExportMD, NotesClose  key.Binding
	Save, PickItem, PickerAdd, MoveHere, PlanRoll, RollMark key.Binding
}

// NewKeyMap returns the key map with help texts in l.
func NewKeyMap(l i18n.Lang) *KeyMap {
	b := func(keys []string, label string, m i18n.Msg) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(label, m.In(l)))
	}
	k := func(s ...string) []string { return s }
	return &KeyMap{
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
		Help:           b(k("?", "f1"), "?", i18n.AppKeyHelp),
		HelpAny:        b(k("f1"), "f1", i18n.AppKeyHelp),
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
		ClearFind:      b(k("esc"), "esc", i18n.AppKeyClearFind),
		OpenDoc:        b(k("o"), "o", i18n.AppKeyOpenDoc),
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
		// One confirmation convention: c (có) or y says yes; k (không), n,
		// esc or enter say no — enter is the safe default, shown in
		// capitals in every question ([c/K]).
		Yes: b(k("c", "C", "y", "Y"), "c/y", i18n.KeyYes),
		No:  b(k("k", "K", "n", "N", "esc", "enter"), "k/n/enter", i18n.KeyNo),

		PlanNotes:   b(k("enter"), "enter", i18n.KeyPlanNotes),
		PlanSource:  b(k("enter", "o"), "enter/o", i18n.KeyPlanSource),
		PlanNew:     b(k("n"), "n", i18n.KeyPlanNew),
		PlanRename:  b(k("r"), "r", i18n.KeyPlanRename),
		PlanMinutes: b(k("t"), "t", i18n.KeyPlanMinutes),
		PlanDetails: b(k("i"), "i", i18n.KeyPlanDetails),
		PlanDelete:  b(k("d", "delete", "backspace"), "d/del/⌫", i18n.KeyPlanDelete),
		PlanUndo:    b(k("u", "ctrl+z"), "u", i18n.KeyPlanUndo),
		PlanUp:      b(k("K", "shift+up", "alt+up"), "K", i18n.KeyPlanUp),
		PlanDown:    b(k("J", "shift+down", "alt+down"), "J", i18n.KeyPlanDown),
		PlanMoveTo:  b(k("x"), "x", i18n.KeyPlanMoveTo),
		PlanExport:  b(k("e"), "e", i18n.KeyPlanExport),
		PrevMonth:   b(k("["), "[", i18n.KeyPrevMonth),
		NextMonth:   b(k("]"), "]", i18n.KeyNextMonth),
		PlanCheck:   b(k("c"), "c", i18n.KeyPlanCheck),
		PlanTick:    b(k("space", "enter", "x"), "space", i18n.KeyPlanTick),
		ExportHTML:  b(k("h", "H"), "h", i18n.KeyExportHTML),
		ExportDOCX:  b(k("d", "D", "w", "W"), "d", i18n.KeyExportDOCX),
		ExportMD:    b(k("m", "M"), "m", i18n.KeyExportMD),
		NotesClose:  b(k("esc"), "esc", i18n.KeyNotesClose),
		Save:        b(k("ctrl+s"), "ctrl+s", i18n.KeySave),
		PickItem:    b(k("1", "2", "3", "4", "5", "6", "7", "8", "9"), "1–9", i18n.KeyPickItem),
		PickerAdd:   b(k("enter"), "enter", i18n.KeyPickerAdd),
		MoveHere:    b(k("enter"), "enter", i18n.KeyMoveHere),
		PlanRoll:    b(k("l"), "l", i18n.KeyPlanRoll),
		RollMark:    b(k("space", "enter"), "space", i18n.KeyRollMark),

		// V, as a pager's line-wise visual mode: v is the cited
		// directives everywhere.
		Select:      b(k("V"), "V", i18n.AppKeySelect),
		SelectMove:  b(k("up", "k", "down", "j"), "↑/↓", i18n.AppKeySelectMove),
		SelectPage:  b(k("pgup", "u", "ctrl+u", "pgdown", "space", "d", "ctrl+d"), "pgup/pgdn", i18n.AppKeySelectPage),
		SelectAdd:   b(k("a", "enter", "y"), "a/enter", i18n.AppKeySelectAdd),
		SelectClear: b(k("esc"), "esc", i18n.AppKeySelectClear),
	}
}

// GlobalGroup is the help column of the keys that work on every screen
// (before Shadow removes those the screen takes for itself).
func (k *KeyMap) GlobalGroup() []key.Binding {
	return []key.Binding{k.Help, k.Back, k.Forward, k.Search, k.Directives, k.Bookmarks, k.Plan, k.Import, k.Quit, k.ForceQuit}
}

// MoveGroup is the help column of list movement keys.
func (k *KeyMap) MoveGroup() []key.Binding {
	return []key.Binding{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom, k.Open}
}

// MoveBy is how far a movement key moves a list's cursor: a row for up
// and down, page rows for page up and down, and the whole list (total)
// for top and bottom, which the caller's clamp turns into the first or
// last row. A list that does not page passes page 0. ok is false for any
// other key.
func (k *KeyMap) MoveBy(msg tea.KeyPressMsg, page, total int) (n int, ok bool) {
	switch {
	case key.Matches(msg, k.Up):
		return -1, true
	case key.Matches(msg, k.Down):
		return 1, true
	case key.Matches(msg, k.PageUp):
		return -page, true
	case key.Matches(msg, k.PageDown):
		return page, true
	case key.Matches(msg, k.Top):
		return -total, true
	case key.Matches(msg, k.Bottom):
		return total, true
	}
	return 0, false
}

// keyLabels are how a key is written in the help when a binding's label
// has to be rebuilt from its remaining keys.
var keyLabels = map[string]string{
	"backspace": "⌫", "alt+left": "alt+←", "alt+right": "alt+→", "up": "↑", "down": "↓",
	"left": "←", "right": "→", "pgdown": "pgdn", "delete": "del",
}

// Label writes keys the way the help does: "esc/alt+←".
func Label(keys []string) string {
	var out []string
	for _, s := range keys {
		if l, ok := keyLabels[s]; ok {
			s = l
		}
		out = append(out, s)
	}
	return strings.Join(out, "/")
}

// Keys are the key names a list of bindings uses (enabled ones only).
func Keys(groups ...[]key.Binding) map[string]bool {
	out := map[string]bool{}
	for _, g := range groups {
		for _, b := range g {
			if !b.Enabled() {
				continue
			}
			for _, s := range b.Keys() {
				out[s] = true
			}
		}
	}
	return out
}

// Shadow is global binding g on a screen whose own bindings use the keys
// in taken: the keys taken are removed (the screen's meaning wins), the
// help label is rebuilt when keys went, and ok is false when none is left.
// This is how the help never lists a global key a screen uses otherwise
// (⌫ deletes on the plan screen, so "back" there is esc/alt+←).
func Shadow(g key.Binding, taken map[string]bool) (key.Binding, bool) {
	var keep []string
	for _, s := range g.Keys() {
		if !taken[s] {
			keep = append(keep, s)
		}
	}
	if len(keep) == 0 {
		return g, false
	}
	if len(keep) == len(g.Keys()) {
		return g, true
	}
	label := Label(keep)
	if g.Help().Key == "?" && len(keep) > 0 && keep[0] == "?" {
		label = "?"
	}
	return key.NewBinding(key.WithKeys(keep...), key.WithHelp(label, g.Help().Desc)), true
}

// Same reports whether two bindings are the same binding of the key map
// (same keys and help), so a screen listing a global binding in its own
// help does not shadow it.
func Same(a, b key.Binding) bool {
	return a.Help() == b.Help() && strings.Join(a.Keys(), "\x00") == strings.Join(b.Keys(), "\x00")
}
