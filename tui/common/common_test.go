package common

import (
	"strings"
	"testing"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"chibo/tui/i18n"
)

func TestShadow(t *testing.T) {
	k := NewKeyMap(i18n.VI)
	b, ok := Shadow(k.Back, map[string]bool{"backspace": true, "d": true})
	if !ok || b.Help().Key != "esc/alt+←" || strings.Join(b.Keys(), " ") != "esc alt+left" {
		t.Fatalf("back without ⌫: %q %v", b.Help().Key, b.Keys())
	}
	if _, ok := Shadow(k.Directives, map[string]bool{"v": true}); ok {
		t.Fatal("a global whose only key is taken must go")
	}
	if b, ok := Shadow(k.Quit, nil); !ok || !Same(b, k.Quit) {
		t.Fatal("an untouched global must stay the same binding")
	}
}

func TestShortHelpByPriority(t *testing.T) {
	k := NewKeyMap(i18n.VI)
	h := help.New()
	keys := []key.Binding{k.Help, k.Open, k.Filter, k.LibSearch, k.Quit}
	for _, w := range []int{8, 20, 35, 200} {
		got := ansi.Strip(ShortHelp(h, keys, w))
		if ansi.StringWidth(got) > w {
			t.Errorf("w=%d: %q is wider", w, got)
		}
		if strings.Contains(got, "…") {
			t.Errorf("w=%d: a hint is cut: %q", w, got)
		}
		if w == 35 && (!strings.HasPrefix(got, "? trợ giúp") || strings.Contains(got, "thoát")) {
			t.Errorf("w=35: %q should keep the first keys, not the last", got)
		}
	}
}

func TestConfirm(t *testing.T) {
	k := NewKeyMap(i18n.VI)
	var c Confirm
	for key, want := range map[string][2]bool{"c": {true, true}, "y": {true, true}, "k": {false, true}, "n": {false, true}, "x": {false, false}} {
		c.Ask("Xoá?")
		yes, done := c.Answer(k, tea.KeyPressMsg{Code: rune(key[0]), Text: key})
		if yes != want[0] || done != want[1] || c.Open == done {
			t.Errorf("%s: yes=%v done=%v open=%v", key, yes, done, c.Open)
		}
	}
	c.Ask("Xoá?")
	if yes, done := c.Answer(k, tea.KeyPressMsg{Code: tea.KeyEnter}); yes || !done {
		t.Error("enter must be the safe answer, no")
	}
	c.Ask(strings.Repeat("rất dài ", 20))
	if l := c.Line(i18n.VI, 30); !strings.HasSuffix(l, "[c/K]") || ansi.StringWidth(l) > 30 {
		t.Errorf("the [c/K] must survive a narrow line: %q", l)
	}
}

func TestComposeInput(t *testing.T) {
	in := NewInput(New(i18n.VI, ThemeNone), "")
	in.Focus()
	for _, r := range "vie\u0302\u0301t" {
		in, _ = in.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
		in = ComposeInput(in)
	}
	if in.Value() != "viết" || in.Position() != 4 {
		t.Fatalf("%q (cursor %d), want NFC viết with the cursor at its end", in.Value(), in.Position())
	}
}
