// Package tuitest holds the test helpers that the tui package and its
// sub-packages share: golden files of rendered frames and frame checks.
package tuitest

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// Updating reports -update, which rewrites golden files. The flag itself
// is registered by teatest's golden package, which the test binaries
// import (a second definition would panic).
func Updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// Golden compares got with the file at path, or under -update writes got
// there. accept is the command that accepts got, for the failure message.
func Golden(t testing.TB, path, got, accept string) {
	t.Helper()
	if Updating() {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run %s)", err, accept)
	}
	if string(want) != got {
		t.Errorf("%s differs from %s (%s to accept):\n--- got ---\n%s\n--- want ---\n%s", t.Name(), path, accept, got, want)
	}
}

// Plain is a rendered frame without ANSI, trailing spaces trimmed: what
// golden files hold and tests search.
func Plain(frame string) string {
	lines := strings.Split(ansi.Strip(frame), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n")
}

// CheckFrame asserts the frame fills a w×h window exactly: no line wider
// than the terminal, no missing or extra line.
func CheckFrame(t testing.TB, frame string, w, h int) {
	t.Helper()
	lines := strings.Split(frame, "\n")
	if len(lines) != h {
		t.Errorf("frame has %d lines, want %d", len(lines), h)
	}
	for i, l := range lines {
		if n := ansi.StringWidth(l); n > w {
			t.Errorf("line %d is %d cells wide (> %d): %q", i, n, w, ansi.Strip(l))
		}
	}
}

// Key is the key press a terminal sends for a key named as key.Binding
// names it ("enter", "ctrl+c", "G"): a capital letter comes shifted, as
// from a real keyboard. A name it does not know panics, so a typo in a
// test fails loudly instead of pressing some other key.
func Key(name string) tea.KeyPressMsg {
	k := key(name)
	if k.String() != name {
		panic("tuitest.Key: " + name + " would be pressed as " + k.String())
	}
	return k
}

// named are the special keys by their key.Binding names.
var named = map[string]rune{
	"enter": tea.KeyEnter, "esc": tea.KeyEscape, "tab": tea.KeyTab, "backspace": tea.KeyBackspace,
	"up": tea.KeyUp, "down": tea.KeyDown, "left": tea.KeyLeft, "right": tea.KeyRight,
	"pgdown": tea.KeyPgDown, "pgup": tea.KeyPgUp, "home": tea.KeyHome, "end": tea.KeyEnd,
	"delete": tea.KeyDelete, "f1": tea.KeyF1,
}

func key(name string) tea.KeyPressMsg {
	if name == "space" {
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	}
	var mod tea.KeyMod
	rest := name
	for {
		switch {
		case strings.HasPrefix(rest, "ctrl+") && len(rest) > 5:
			mod |= tea.ModCtrl
			rest = rest[5:]
			continue
		case strings.HasPrefix(rest, "alt+") && len(rest) > 4:
			mod |= tea.ModAlt
			rest = rest[4:]
			continue
		case strings.HasPrefix(rest, "shift+") && len(rest) > 6:
			mod |= tea.ModShift
			rest = rest[6:]
			continue
		}
		break
	}
	if c, ok := named[rest]; ok {
		return tea.KeyPressMsg{Code: c, Mod: mod}
	}
	r := []rune(rest)
	if len(r) != 1 {
		panic("tuitest.Key: unknown key " + name)
	}
	if mod != 0 {
		return tea.KeyPressMsg{Code: r[0], Mod: mod}
	}
	k := tea.KeyPressMsg{Code: r[0], Text: rest}
	if r[0] >= 'A' && r[0] <= 'Z' {
		k.Code, k.ShiftedCode, k.Mod = r[0]+('a'-'A'), r[0], tea.ModShift
	}
	return k
}
