// Package compose puts text in Unicode NFC quickly. Documents are read
// several times on their way to sections (decoded, normalised, cells
// converted), and each step promises NFC; norm.NFC.String looks every
// non-ASCII rune up in its tables even when the text is already composed,
// which made normalisation a fifth of parsing time. Vietnamese text is
// almost entirely ASCII, Latin-1/Latin Extended letters, the precomposed
// letters of Latin Extended Additional and general punctuation, none of
// which can change under NFC, so a range check settles most texts.
package compose

import (
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// NFC returns s in Normalization Form C, exactly as norm.NFC.String does.
// A stable rune (see Stable) is a boundary NFC never reaches across, so
// only the pieces around other runes are handed to the norm package: from
// the stable rune before them, which they may compose with, to the next
// stable rune.
func NFC(s string) string {
	var out []byte // nil until a piece changes
	done := 0      // s[:done] is in out (or unchanged, while out is nil)
	for i := StableSpan(s); i < len(s); i += StableSpan(s[i:]) {
		from := i
		if i > done {
			_, pw := utf8.DecodeLastRuneInString(s[:i])
			from = i - pw
		}
		to := i
		for to < len(s) {
			r, w := utf8.DecodeRuneInString(s[to:])
			if Stable(r) {
				break
			}
			if r == utf8.RuneError && w == 1 {
				// norm treats bad bytes differently at the end of its
				// input: hand it all the rest, as norm.NFC.String(s) does.
				to = len(s)
				break
			}
			to += w
		}
		if piece := norm.NFC.String(s[from:to]); piece != s[from:to] {
			out = append(out, s[done:from]...)
			out = append(out, piece...)
			done = to
		}
		i = to
	}
	if out == nil {
		return s
	}
	return string(append(out, s[done:]...))
}

// StableSpan returns the length of the longest prefix of s that is valid
// UTF-8 made of stable runes only. The two- and three-byte forms of the
// Latin letters of Vietnamese are recognised without decoding them, which
// makes the scan about twice as fast on Vietnamese text.
func StableSpan(s string) int {
	i := 0
	for i < len(s) {
		c := s[i]
		switch {
		case c < utf8.RuneSelf:
			i++
			continue
		case c >= 0xc2 && c < 0xcc && i+1 < len(s) && isCont(s[i+1]):
			i += 2 // U+0080–U+02FF
			continue
		case c == 0xe1 && i+2 < len(s) && s[i+1] >= 0xb8 && s[i+1] <= 0xbb && isCont(s[i+2]):
			i += 3 // U+1E00–U+1EFF
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		if !Stable(r) { // including the U+FFFD of a bad byte
			break
		}
		i += w
	}
	return i
}

// isCont reports whether b is a continuation byte of UTF-8.
func isCont(b byte) bool { return b&0xc0 == 0x80 }

// Stable reports whether r is left alone by NFC and never combines with
// the rune before it (canonical combining class 0, NFC_Quick_Check=Yes):
// text made only of such runes is in NFC. The ranges are a subset checked
// against the norm tables by the tests; a rune outside them is merely
// looked up.
func Stable(r rune) bool {
	return r < 0x300 || // ASCII, Latin-1, Latin Extended-A/B, IPA, spacing modifiers
		(r >= 0x1e00 && r < 0x1f00) || // Latin Extended Additional: ạ ả ấ … ỹ
		(r >= 0x2002 && r < 0x20d0) // punctuation “ ” – …, super- and subscripts, currency
}
