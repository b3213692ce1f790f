package importer

import (
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// TCVN3 (the "ABC" fonts .VnTime, .VnArial …) is TCVN 5712:1993. Its VN3
// subset, which almost every old file uses, puts lowercase precomposed
// letters and Ă Â Ê Ô Ơ Ư Đ in 0xA1–0xFF; the full VN1 table also places
// the uppercase toned letters in the gaps, in 0x80–0x9F and in a few C0
// control positions. We decode with the full table so every letter
// round-trips, and read 0x80–0x9F as the Windows punctuation (“ ” – …)
// that VN3 files typed in Word carry there when the letter reading would
// not make a Vietnamese word.
var tcvn3High = [128]rune{
	// 0x80
	'À', 'Ả', 'Ã', 'Á', 'Ạ', 'Ặ', 'Ậ', 'È', 'Ẻ', 'Ẽ', 'É', 'Ẹ', 'Ệ', 'Ì', 'Ỉ', 'Ĩ',
	// 0x90
	'Í', 'Ị', 'Ò', 'Ỏ', 'Õ', 'Ó', 'Ọ', 'Ộ', 'Ờ', 'Ở', 'Ỡ', 'Ớ', 'Ợ', 'Ù', 'Ủ', 'Ũ',
	// 0xA0
	'\u00a0', 'Ă', 'Â', 'Ê', 'Ô', 'Ơ', 'Ư', 'Đ', 'ă', 'â', 'ê', 'ô', 'ơ', 'ư', 'đ', 'Ằ',
	// 0xB0: five combining tone marks, then the a and ă rows
	'\u0300', '\u0309', '\u0303', '\u0301', '\u0323', 'à', 'ả', 'ã', 'á', 'ạ', 'Ẳ', 'ằ', 'ẳ', 'ẵ', 'ắ', 'Ẵ',
	// 0xC0
	'Ắ', 'Ầ', 'Ẩ', 'Ẫ', 'Ấ', 'Ề', 'ặ', 'ầ', 'ẩ', 'ẫ', 'ấ', 'ậ', 'è', 'Ể', 'ẻ', 'ẽ',
	// 0xD0
	'é', 'ẹ', 'ề', 'ể', 'ễ', 'ế', 'ệ', 'ì', 'ỉ', 'Ễ', 'Ế', 'Ồ', 'ĩ', 'í', 'ị', 'ò',
	// 0xE0
	'Ổ', 'ỏ', 'õ', 'ó', 'ọ', 'ồ', 'ổ', 'ỗ', 'ố', 'ộ', 'ờ', 'ở', 'ỡ', 'ớ', 'ợ', 'ù',
	// 0xF0
	'Ỗ', 'ủ', 'ũ', 'ú', 'ụ', 'ừ', 'ử', 'ữ', 'ứ', 'ự', 'ỳ', 'ỷ', 'ỹ', 'ý', 'ỵ', 'Ố',
}

// tcvn3Low are the VN1 uppercase letters placed on C0 control codes.
var tcvn3Low = map[byte]rune{
	0x01: 'Ú', 0x02: 'Ụ', 0x04: 'Ừ', 0x05: 'Ử', 0x06: 'Ữ',
	0x11: 'Ứ', 0x12: 'Ự', 0x13: 'Ỳ', 0x14: 'Ỷ', 0x15: 'Ỹ', 0x16: 'Ý', 0x17: 'Ỵ',
}

// tcvn3Punct is the Windows-1252 punctuation that shares 0x80–0x9F.
var tcvn3Punct = map[byte]rune{
	0x85: '…', 0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”', 0x95: '•', 0x96: '–', 0x97: '—',
}

var tcvn3Enc = func() map[rune]byte {
	m := map[rune]byte{}
	for i, r := range tcvn3High {
		if r >= 0x0300 && r <= 0x0323 {
			continue // combining marks are only read, never written
		}
		m[r] = byte(0x80 + i)
	}
	for b, r := range tcvn3Low {
		m[r] = b
	}
	for b, r := range tcvn3Punct {
		m[r] = b
	}
	return m
}()

// decodeTCVN3 decodes TCVN3 bytes to NFC text.
func decodeTCVN3(data []byte) string {
	out := make([]rune, 0, len(data))
	var ambiguous []int
	for _, c := range data {
		switch {
		case c >= 0x80:
			if _, ok := tcvn3Punct[c]; ok {
				ambiguous = append(ambiguous, len(out))
			}
			out = append(out, tcvn3High[c-0x80])
		case tcvn3Low[c] != 0:
			out = append(out, tcvn3Low[c])
		default:
			out = append(out, rune(c))
		}
	}
	for _, i := range ambiguous {
		if tcvn3IsPunct(out, i) {
			out[i] = tcvn3Punct[tcvn3Enc[out[i]]]
		}
	}
	return norm.NFC.String(string(out))
}

// tcvn3IsPunct decides whether the ambiguous rune at out[i] is punctuation:
// yes when it sits at the edge of a word and the rest of that word is a
// valid syllable (“Đảng, rõ”), or when reading it as a letter makes no
// Vietnamese word; no inside a word that it completes (NHỎ, HÒA).
//
// A syllable has at most maxSyllableRunes runes, so the word is looked at
// no further than that on each side: a longer run of letters is no
// syllable, and a file of one endless "word" stays linear (it was
// quadratic: 3 KB of one TCVN3 letter took 5 s).
func tcvn3IsPunct(out []rune, i int) bool {
	isL := func(r rune) bool { return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) }
	s, e := i, i+1
	for s > 0 && isL(out[s-1]) && i-s < maxSyllableRunes {
		s--
	}
	for e < len(out) && isL(out[e]) && e-i-1 < maxSyllableRunes {
		e++
	}
	if s > 0 && isL(out[s-1]) || e < len(out) && isL(out[e]) {
		return true // inside a run of letters too long to be a word
	}
	left, right := string(out[s:i]), string(out[i+1:e])
	edge := left == "" || right == ""
	restOK := (left == "" || validSyllable(left)) && (right == "" || validSyllable(right))
	if edge && restOK {
		return true
	}
	return !validSyllable(string(out[s:e]))
}

// maxSyllableRunes bounds a Vietnamese syllable in runes, marks included
// when decomposed ("nghiêng" is 7 letters; with its marks apart, 9).
const maxSyllableRunes = 12

// encodeTCVN3 writes text in TCVN3; characters the table lacks become '?'.
// Used by tests and by mojibake repair.
func encodeTCVN3(text string) []byte {
	out := make([]byte, 0, len(text))
	for _, r := range norm.NFC.String(text) {
		switch {
		case r < 0x80 && tcvn3Enc[r] == 0:
			out = append(out, byte(r))
		case tcvn3Enc[r] != 0:
			out = append(out, tcvn3Enc[r])
		default:
			out = append(out, '?')
		}
	}
	return out
}
