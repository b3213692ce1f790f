package tui

import (
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"chibo/tui/common"
	"chibo/tui/i18n"
)

// filterBox is the filter-as-you-type line above a list (library,
// directives): f or tab gives it focus, every key typed narrows the list,
// esc clears it, and enter, down or tab go back to the list keeping it.
// The screen owns the list and filters it again when Key says so.
type filterBox struct {
	input  textinput.Model
	typing bool // the filter has focus
}

func newFilterBox(sh *shared) filterBox {
	return filterBox{input: newInput(sh, sh.T(i18n.AppFilterPrompt))}
}

// Value is the query as typed.
func (f *filterBox) Value() string { return f.input.Value() }

// Active reports whether the filter line shows the input rather than a
// hint: while typing, or while a query narrows the list.
func (f *filterBox) Active() bool { return f.typing || f.input.Value() != "" }

// Focus starts typing.
func (f *filterBox) Focus() tea.Cmd {
	f.typing = true
	return f.input.Focus()
}

// Key handles a key while typing; refilter filters the screen's list
// again, and is called whenever the query may have changed.
func (f *filterBox) Key(msg tea.KeyPressMsg, refilter func()) tea.Cmd {
	switch msg.String() {
	case "esc":
		f.typing = false
		f.input.Blur()
		f.input.SetValue("")
		refilter()
		return nil
	case "enter", "down", "tab":
		f.typing = false
		f.input.Blur()
		return nil
	}
	var cmd tea.Cmd
	f.input, cmd = f.input.Update(msg)
	f.input = common.ComposeInput(f.input)
	refilter()
	return cmd
}

// Clear empties the query; it reports whether there was one to clear.
func (f *filterBox) Clear() bool {
	if f.input.Value() == "" {
		return false
	}
	f.input.SetValue("")
	return true
}

// SetWidth fits the input to w cells after its prompt, never under 5.
func (f *filterBox) SetWidth(w int) {
	f.input.SetWidth(max(w-lenCells(f.input.Prompt), 5))
}

func (f *filterBox) View() string { return f.input.View() }
