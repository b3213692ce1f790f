// Package safetext makes strings that come from outside chibo — document
// text, file names, form fields — safe to print on a terminal.
//
// A terminal acts on control characters: ESC starts sequences that clear
// the screen, set the window title (OSC 0), write the clipboard (OSC 52),
// or hide a link target (OSC 8); C1 controls such as U+009B are 8-bit
// forms of the same; BEL rings; bidirectional overrides reorder what is
// shown. None of them is ever meaningful in a Vietnamese document or a
// file name, so Strip removes each whole sequence (not only its ESC, which
// would leave "[2J" behind as text) and every other control character
// except newline and tab. Line does the same for one-line contexts (a file
// name in a progress line), where newline, CR and tab become spaces too.
//
// Both are idempotent, keep all printable text byte for byte, and return
// valid UTF-8 (invalid bytes become U+FFFD). They run in linear time.
package safetext

import (
	"strings"
	"unicode/utf8"
)

// Strip returns s without terminal control sequences or control
// characters other than '\n' and '\t'. See the package comment.
func Strip(s string) string {
	if clean(s, false) {
		return s
	}
	return strip(s, false)
}

// Line returns Strip(s) with '\n', '\r' and '\t' turned into spaces, for a
// string printed on one line.
func Line(s string) string {
	if clean(s, true) {
		return s
	}
	return strip(s, true)
}

// clean reports whether s needs no change.
func clean(s string, line bool) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c == 0x7f {
			if !line && (c == '\n' || c == '\t') {
				continue
			}
			return false
		}
		if c >= 0x80 {
			// Multi-byte: C1 controls (U+0080–U+009F) start with 0xC2,
			// bidi controls with 0xE2 0x80/0x81; check those runes.
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 || drop(r) {
				return false
			}
			i += size - 1
		}
	}
	return true
}

// drop reports whether r (not ASCII) is removed: C1 controls and the
// bidirectional embedding, override and isolate controls.
func drop(r rune) bool {
	switch {
	case r >= 0x80 && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e: // LRE RLE PDF LRO RLO
		return true
	case r >= 0x2066 && r <= 0x2069: // LRI RLI FSI PDI
		return true
	}
	return false
}

func strip(s string, line bool) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == 0x1b: // ESC: skip the whole sequence
			i = skipEscape(s, i+1)
			continue
		case c == '\n' || c == '\t' || c == '\r':
			if line {
				b.WriteByte(' ')
			} else if c != '\r' {
				b.WriteByte(c)
			}
			i++
			continue
		case c < 0x20 || c == 0x7f:
			i++
			continue
		case c < 0x80:
			b.WriteByte(c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteRune(utf8.RuneError)
			i++
		case r == 0x9b: // 8-bit CSI
			i = skipCSI(s, i+size)
		case r == 0x9d || r == 0x90 || r == 0x98 || r == 0x9e || r == 0x9f: // 8-bit OSC, DCS, SOS, PM, APC
			i = skipString(s, i+size)
		case drop(r):
			i += size
		default:
			b.WriteString(s[i : i+size])
			i += size
		}
	}
	return b.String()
}

// skipEscape returns the index after the escape sequence whose ESC was
// just before i (ECMA-48: CSI, the string commands, nF/Fp/Fe/Fs forms).
func skipEscape(s string, i int) int {
	if i >= len(s) {
		return i
	}
	switch s[i] {
	case '[':
		return skipCSI(s, i+1)
	case ']', 'P', 'X', '^', '_': // OSC, DCS, SOS, PM, APC
		return skipString(s, i+1)
	}
	// nF: intermediates 0x20–0x2F then one final byte; otherwise a single
	// final byte (Fp, Fe, Fs). Anything else ends the sequence here.
	for i < len(s) && s[i] >= 0x20 && s[i] <= 0x2f {
		i++
	}
	if i < len(s) && s[i] >= 0x30 && s[i] <= 0x7e {
		i++
	}
	return i
}

// skipCSI skips parameter bytes (0x30–0x3F), intermediate bytes
// (0x20–0x2F) and the final byte (0x40–0x7E) of a control sequence.
func skipCSI(s string, i int) int {
	for i < len(s) && s[i] >= 0x30 && s[i] <= 0x3f {
		i++
	}
	for i < len(s) && s[i] >= 0x20 && s[i] <= 0x2f {
		i++
	}
	if i < len(s) && s[i] >= 0x40 && s[i] <= 0x7e {
		i++
	}
	return i
}

// skipString skips a command string up to and including its terminator:
// BEL, ST (ESC \ or U+009C) — or, for a string that is never terminated,
// up to the end of the line, so an unterminated OSC cannot swallow the
// rest of a document.
func skipString(s string, i int) int {
	for i < len(s) {
		switch c := s[i]; {
		case c == 0x07:
			return i + 1
		case c == 0x1b:
			if i+1 < len(s) && s[i+1] == '\\' {
				return i + 2
			}
			return i // another sequence starts: end this one
		case c == '\n':
			return i
		case c == 0xc2 && i+1 < len(s) && s[i+1] == 0x9c:
			return i + 2
		}
		i++
	}
	return i
}
