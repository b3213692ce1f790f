// Package i18n holds every sentence chibo shows a person, in Vietnamese
// (the default) and English. Strings live here, grouped in one file per
// area (cli.go, app.go, …), so a translator finds them all in one package
// and the compiler catches a missing one.
package i18n

import (
	"os"
	"strings"
)

// Lang is a UI language.
type Lang int

const (
	VI Lang = iota // Vietnamese, the default
	EN
)

// Msg is one sentence in both languages. Msgs with verbs (%s, %d) are used
// with F.
type Msg struct{ VI, EN string }

// In returns the message in lang.
func (m Msg) In(l Lang) string {
	if l == EN {
		return m.EN
	}
	return m.VI
}

// Parse reads a --lang value ("vi", "en", "en_US.UTF-8" …).
func Parse(s string) (Lang, bool) {
	s = strings.ToLower(s)
	switch {
	case strings.HasPrefix(s, "vi"):
		return VI, true
	case strings.HasPrefix(s, "en"):
		return EN, true
	}
	return VI, false
}

// FromEnv picks the language from the flag, else LANG/LC_ALL (English only
// when the user's locale is English), else Vietnamese.
func FromEnv(flag string) Lang {
	if l, ok := Parse(flag); ok {
		return l
	}
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if s := os.Getenv(v); s != "" {
			if strings.HasPrefix(strings.ToLower(s), "en") {
				return EN
			}
			return VI
		}
	}
	return VI
}
