package common

import (
	"charm.land/lipgloss/v2"
)

// Theme names the glamour style and the palette. "notty" uses no colour at
// all: every state (selection, match, focus) is also shown by a marker,
// bold or reverse video, so the screen reads the same under NO_COLOR.
const (
	ThemeDark  = "dark"
	ThemeLight = "light"
	ThemeNone  = "notty"
)

// Styles are the lipgloss styles of one theme, shared by every screen.
type Styles struct {
	Theme     string         // ThemeDark, ThemeLight or ThemeNone
	Title     lipgloss.Style // title bar
	TitleApp  lipgloss.Style
	Status    lipgloss.Style // status bar
	StatusKey lipgloss.Style // screen name in the status bar
	Faint     lipgloss.Style
	Bold      lipgloss.Style
	Selected  lipgloss.Style // the row under the cursor
	Header    lipgloss.Style // group headers
	Match     lipgloss.Style // highlighted words
	Current   lipgloss.Style // the current match
	Error     lipgloss.Style
	Border    lipgloss.Style // pane separators
	Focus     lipgloss.Style // the focused pane's heading
	Bar       lipgloss.Style // progress bar
}

// NewStyles returns the styles of theme (ThemeDark, ThemeLight or
// ThemeNone; anything else is dark).
func NewStyles(theme string) *Styles {
	s := &Styles{Theme: theme}
	if theme == ThemeNone {
		s.Title = lipgloss.NewStyle().Bold(true)
		s.TitleApp = lipgloss.NewStyle().Bold(true)
		s.Status = lipgloss.NewStyle()
		s.StatusKey = lipgloss.NewStyle().Reverse(true)
		s.Faint = lipgloss.NewStyle()
		s.Bold = lipgloss.NewStyle().Bold(true)
		s.Selected = lipgloss.NewStyle().Reverse(true)
		s.Header = lipgloss.NewStyle().Bold(true).Underline(true)
		s.Match = lipgloss.NewStyle().Underline(true)
		s.Current = lipgloss.NewStyle().Reverse(true)
		s.Error = lipgloss.NewStyle().Bold(true)
		s.Border = lipgloss.NewStyle()
		s.Focus = lipgloss.NewStyle().Bold(true).Underline(true)
		s.Bar = lipgloss.NewStyle()
		return s
	}
	ld := lipgloss.LightDark(theme != ThemeLight)
	accent := ld(lipgloss.Color("#5A3FC0"), lipgloss.Color("#B4A7FF"))
	faint := ld(lipgloss.Color("#7A7A7A"), lipgloss.Color("#8A8A8A"))
	barBg := ld(lipgloss.Color("#E4E0F5"), lipgloss.Color("#2B2540"))
	barFg := ld(lipgloss.Color("#2B2540"), lipgloss.Color("#E4E0F5"))
	red := lipgloss.Color("#E0474C")
	s.Title = lipgloss.NewStyle().Foreground(barFg).Background(barBg)
	s.TitleApp = lipgloss.NewStyle().Bold(true).Foreground(lipgloss.Color("#FFFDF5")).Background(lipgloss.Color("#C0392B"))
	s.Status = lipgloss.NewStyle().Foreground(barFg).Background(barBg)
	s.StatusKey = lipgloss.NewStyle().Bold(true).Foreground(lipgloss.Color("#FFFDF5")).Background(accent)
	s.Faint = lipgloss.NewStyle().Foreground(faint)
	s.Bold = lipgloss.NewStyle().Bold(true)
	s.Selected = lipgloss.NewStyle().Bold(true).Foreground(accent)
	s.Header = lipgloss.NewStyle().Bold(true).Foreground(ld(lipgloss.Color("#C0392B"), lipgloss.Color("#FF8A80")))
	s.Match = lipgloss.NewStyle().Foreground(lipgloss.Color("#1A1A1A")).Background(lipgloss.Color("#F5D76E"))
	s.Current = lipgloss.NewStyle().Bold(true).Foreground(lipgloss.Color("#1A1A1A")).Background(lipgloss.Color("#FF9F43")).Underline(true)
	s.Error = lipgloss.NewStyle().Bold(true).Foreground(red)
	s.Border = lipgloss.NewStyle().Foreground(faint)
	s.Focus = lipgloss.NewStyle().Bold(true).Foreground(accent).Underline(true)
	s.Bar = lipgloss.NewStyle().Foreground(accent)
	return s
}
