// Package common is the screen contract every screen of the app follows
// (after soft-serve's pkg/ui/common): the Screen interface, the Common
// state all screens share (language, styles, key map), the messages a
// screen sends the app (back, flash, open a source), the one confirmation
// convention, and help that fits the status bar. It is a leaf: it imports
// no screen, so the plan screens (tui/planview) implement the same
// contract as the app's own screens.
package common

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"golang.org/x/text/unicode/norm"

	"chibo/tui/i18n"
)

// Common is what every screen shares; the app owns it and changes Styles
// when the terminal's background says so.
type Common struct {
	Lang   i18n.Lang
	Styles *Styles
	Keys   *KeyMap
}

// New returns the Common of a language and theme.
func New(l i18n.Lang, theme string) *Common {
	return &Common{Lang: l, Styles: NewStyles(theme), Keys: NewKeyMap(l)}
}

// T is m in the UI language.
func (c *Common) T(m i18n.Msg) string { return m.In(c.Lang) }

// Screen is one screen of the app. Screens mutate themselves; the app
// keeps them in its history so going back restores the exact state. Slow
// work (disk, rendering) runs in the commands they return, never in
// Update.
type Screen interface {
	Update(msg tea.Msg) tea.Cmd
	// View draws exactly the size last given to SetSize.
	View() string
	// SetSize is called on resize and whenever the screen becomes current;
	// it returns the command that redoes any work that went stale while
	// the screen was hidden (a render, a search, a reload).
	SetSize(w, h int) tea.Cmd
	Name() string
	Crumb() string // title-bar breadcrumb
	Position() string
	// ShortKeys are the bindings in force now, most important first (the
	// status bar shows as many as fit); FullKeys the same in groups for
	// the help screen. The app's global keys are added by the app.
	ShortKeys() []key.Binding
	FullKeys() [][]key.Binding
	// Capturing says a text field or a question has focus: letters are
	// text, not keys, and only F1 (help) and ctrl+c reach the app.
	Capturing() bool
}

// Messages a screen sends the app.
type (
	// BackMsg asks the app to go back (close the screen).
	BackMsg struct{}
	// FlashMsg shows a short message in the status bar until the next key.
	FlashMsg struct {
		Text string
		Err  bool
	}
	// OpenSourceMsg asks the app to open the reader at a section.
	OpenSourceMsg struct{ Doc, Section string }
	// BackFlashMsg goes back and then shows a message (the picker after
	// adding an excerpt).
	BackFlashMsg struct{ Text string }
)

// Send is a command delivering m.
func Send(m tea.Msg) tea.Cmd { return func() tea.Msg { return m } }

// Flash is a command showing text in the status bar.
func Flash(text string, err bool) tea.Cmd { return Send(FlashMsg{Text: text, Err: err}) }

// NFC is a typed string in composed form: Unikey and the Windows console
// may send a letter and its combining marks apart ("e" + U+0302 + U+0301),
// which must compare, search and save as the one letter "ế".
func NFC(s string) string { return norm.NFC.String(s) }

// Confirm is a yes/no question in the one convention of the app: c (có)
// or y says yes; k (không), n, esc or enter say no. Enter is the safe
// default and the question shows it in capitals ("[c/K]"). Other keys
// are ignored, so a stray key decides nothing.
type Confirm struct {
	Question string // without the [c/K] suffix
	Open     bool
}

// Ask opens the question.
func (c *Confirm) Ask(q string) { c.Question, c.Open = q, true }

// Answer reads a key while the question is open: done when it was
// answered, yes when the answer was yes. The question closes when done.
func (c *Confirm) Answer(k *KeyMap, msg tea.KeyPressMsg) (yes, done bool) {
	switch {
	case key.Matches(msg, k.Yes):
		c.Open = false
		return true, true
	case key.Matches(msg, k.No):
		c.Open = false
		return false, true
	}
	return false, false
}

// Prompt is the question with its suffix in l.
func (c *Confirm) Prompt(l i18n.Lang) string { return c.Question + i18n.ConfirmSuffix.In(l) }

// Line is the prompt on one line of w cells: the question is cut, never
// the [c/K] that says how to answer.
func (c *Confirm) Line(l i18n.Lang, w int) string {
	suffix := i18n.ConfirmSuffix.In(l)
	return Fit(c.Question, w-ansi.StringWidth(suffix)) + suffix
}

// Keys are the bindings in force while the question is open.
func (c *Confirm) Keys(k *KeyMap) []key.Binding { return []key.Binding{k.Yes, k.No} }

// ShortHelp renders bindings on one line of at most w cells, in order
// (most important first): it stops at the first binding that does not
// fit, so a less important key never shows in place of a more important
// one, and no binding is cut in the middle.
func ShortHelp(h help.Model, bindings []key.Binding, w int) string {
	var shown []key.Binding
	for _, b := range bindings {
		if !b.Enabled() || b.Help().Key == "" {
			continue
		}
		try := append(append([]key.Binding(nil), shown...), b)
		h.SetWidth(0)
		if lipgloss.Width(h.ShortHelpView(try)) > w {
			break
		}
		shown = try
	}
	h.SetWidth(0)
	return h.ShortHelpView(shown)
}

// HelpStyles are the status-bar hint styles; keys in bold without colour.
func HelpStyles(theme string) help.Styles {
	if theme == ThemeNone {
		b := lipgloss.NewStyle().Bold(true)
		return help.Styles{ShortKey: b, FullKey: b}
	}
	return help.DefaultStyles(theme != ThemeLight)
}

// Fit truncates s to w cells with an ellipsis.
func Fit(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if ansi.StringWidth(s) <= w {
		return s
	}
	return ansi.Truncate(s, w, "…")
}

// Pad fits s to exactly w cells.
func Pad(s string, w int) string {
	s = Fit(s, w)
	if n := w - ansi.StringWidth(s); n > 0 {
		s += strings.Repeat(" ", n)
	}
	return s
}

// NewInput makes a one-line text field in the app's look: the theme's
// colours (none for ThemeNone) and a steady cursor (no redraw every half
// second on slow laptops; nothing moves that the user did not ask for).
func NewInput(c *Common, prompt string) textinput.Model {
	in := textinput.New()
	in.Prompt = prompt
	in.SetVirtualCursor(true)
	st := textinput.DefaultStyles(c.Styles.Theme != ThemeLight)
	if c.Styles.Theme == ThemeNone {
		st = textinput.Styles{}
	}
	st.Cursor.Blink = false
	in.SetStyles(st)
	return in
}

// NewTextArea makes a multi-line editor in the app's look, with a steady
// cursor and no line numbers or limit.
func NewTextArea(c *Common) textarea.Model {
	a := textarea.New()
	a.ShowLineNumbers = false
	a.Prompt = ""
	a.CharLimit = 0
	a.SetVirtualCursor(true)
	st := textarea.DefaultStyles(c.Styles.Theme != ThemeLight)
	if c.Styles.Theme == ThemeNone {
		st = textarea.Styles{}
	}
	st.Cursor.Blink = false
	a.SetStyles(st)
	return a
}

// ComposeInput puts a text field's value in NFC after a key: a letter
// typed as a base and its combining marks in separate key presses (the
// Windows console, some Unikey settings) becomes the one composed letter
// the index, the filters and the saved plan expect. The cursor stays at
// the same letter.
func ComposeInput(in textinput.Model) textinput.Model {
	v := in.Value()
	if norm.NFC.IsNormalString(v) {
		return in
	}
	pos := in.Position()
	before := []rune(v)
	if pos > len(before) {
		pos = len(before)
	}
	head := []rune(norm.NFC.String(string(before[:pos])))
	in.SetValue(norm.NFC.String(v))
	in.SetCursor(len(head))
	return in
}
