package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"chibo/tui/common"
)

// Theme names the glamour style and the palette (see common.NewStyles).
const (
	ThemeDark  = common.ThemeDark
	ThemeLight = common.ThemeLight
	ThemeNone  = common.ThemeNone
)

// styles and keyMap are the common ones, with the list helpers of this
// package's screens as methods.
type (
	styles struct{ *common.Styles }
	keyMap struct{ *common.KeyMap }
)

func (k keyMap) moveBy(msg tea.KeyPressMsg, page, total int) (int, bool) {
	return k.MoveBy(msg, page, total)
}

func (k keyMap) moveGroup() []key.Binding { return k.MoveGroup() }
