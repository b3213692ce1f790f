package importer

import (
	"unicode"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

// VNI Windows (the VNI-Times … fonts) writes most Vietnamese letters as an
// ASCII base letter followed by one "mark byte" that draws the hat, breve
// and tone together (a + 0xE1 = ấ); ơ ư đ and the toned i's have bytes of
// their own. Every other byte is Windows-1252. Decoding maps each mark
// byte to its combining characters and lets NFC compose them with the
// preceding letter.

// vniMark gives, for a mark byte, the combining characters it stands for.
// Uppercase mark bytes (0xC0–0xDF) follow uppercase bases.
var vniMark = map[byte]string{
	0xF9: "\u0301", 0xF8: "\u0300", 0xFB: "\u0309", 0xF5: "\u0303", 0xEF: "\u0323", 0xEE: "\u0323",
	0xE2: "\u0302", 0xE1: "\u0302\u0301", 0xE0: "\u0302\u0300", 0xE5: "\u0302\u0309", 0xE3: "\u0302\u0303", 0xE4: "\u0302\u0323",
	0xEA: "\u0306", 0xE9: "\u0306\u0301", 0xE8: "\u0306\u0300", 0xFA: "\u0306\u0309", 0xFC: "\u0306\u0303", 0xEB: "\u0306\u0323",

	0xD9: "\u0301", 0xD8: "\u0300", 0xDB: "\u0309", 0xD5: "\u0303", 0xCF: "\u0323", 0xCE: "\u0323",
	0xC2: "\u0302", 0xC1: "\u0302\u0301", 0xC0: "\u0302\u0300", 0xC5: "\u0302\u0309", 0xC3: "\u0302\u0303", 0xC4: "\u0302\u0323",
	0xCA: "\u0306", 0xC9: "\u0306\u0301", 0xC8: "\u0306\u0300", 0xDA: "\u0306\u0309", 0xDC: "\u0306\u0303", 0xCB: "\u0306\u0323",
}

// vniLetter are the letters with a byte of their own.
var vniLetter = map[byte]rune{
	0xF4: 'ơ', 0xF6: 'ư', 0xF1: 'đ', 0xED: 'í', 0xEC: 'ì', 0xE6: 'ỉ', 0xF3: 'ĩ', 0xF2: 'ị',
	0xD4: 'Ơ', 0xD6: 'Ư', 0xD1: 'Đ', 0xCD: 'Í', 0xCC: 'Ì', 0xC6: 'Ỉ', 0xD3: 'Ĩ', 0xD2: 'Ị',
}

// vniBase reports whether r can carry a following mark byte.
func vniBase(r rune) bool {
	switch unicode.ToLower(r) {
	case 'a', 'e', 'o', 'u', 'y', 'i', 'ơ', 'ư':
		return true
	}
	return false
}

func decodeVNI(data []byte) string {
	out := make([]rune, 0, len(data))
	for _, c := range data {
		if r, ok := vniLetter[c]; ok {
			out = append(out, r)
			continue
		}
		if m, ok := vniMark[c]; ok && len(out) > 0 && vniBase(out[len(out)-1]) {
			out = append(out, []rune(m)...)
			continue
		}
		out = append(out, charmap.Windows1252.DecodeByte(c))
	}
	return norm.NFC.String(string(out))
}

// vniMarkByte is the inverse of vniMark for lowercase; uppercase is -0x20.
var vniMarkByte = map[string]byte{}

func init() {
	for b, m := range vniMark {
		if b >= 0xE0 && b != 0xEE {
			vniMarkByte[norm.NFD.String("a" + m)[1:]] = b // canonical mark order
		}
	}
}

// encodeVNI writes text in VNI Windows; characters it cannot represent
// become '?'. Used by tests and by mojibake repair.
func encodeVNI(text string) []byte {
	var out []byte
	for _, r := range norm.NFC.String(text) {
		if r < 0x80 {
			out = append(out, byte(r))
			continue
		}
		if b, ok := vniLetterByte[r]; ok {
			out = append(out, b)
			continue
		}
		d := []rune(norm.NFD.String(string(r)))
		base, marks := d[0], string(d[1:])
		upper := unicode.IsUpper(base)
		// ơ, ư and the i's carry the tone on their own byte.
		if len(d) >= 2 && d[1] == '\u031b' {
			base, marks = []rune(norm.NFC.String(string(d[:2])))[0], string(d[2:])
		}
		if marks != "" && (base < 0x80 || vniLetterByte[base] != 0) {
			mb, ok := vniMarkByte[marks]
			if unicode.ToLower(base) == 'y' && marks == "\u0323" {
				mb, ok = 0xEE, true
			}
			if ok {
				if base < 0x80 {
					out = append(out, byte(base))
				} else {
					out = append(out, vniLetterByte[base])
				}
				if upper {
					mb -= 0x20
				}
				out = append(out, mb)
				continue
			}
		}
		if b, ok := charmap.Windows1252.EncodeRune(r); ok && vniMark[b] == "" && vniLetter[b] == 0 {
			out = append(out, b)
			continue
		}
		out = append(out, '?')
	}
	return out
}

var vniLetterByte = func() map[rune]byte {
	m := map[rune]byte{}
	for b, r := range vniLetter {
		m[r] = b
	}
	return m
}()
