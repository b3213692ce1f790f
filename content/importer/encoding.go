package importer

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/unicode/norm"

	"chibo/content/internal/compose"
)

// Encoding names, as accepted by --encoding and reported to the user.
const (
	UTF8     = "utf-8"
	UTF16LE  = "utf-16le"
	UTF16BE  = "utf-16be"
	CP1258   = "windows-1258"
	TCVN3    = "tcvn3"
	VNI      = "vni"
	VISCII   = "viscii"
	encGuess = "" // detect
)

// Encodings lists the encodings chibo reads, in the order detection prefers
// them on a tie.
var Encodings = []string{UTF8, UTF16LE, UTF16BE, CP1258, TCVN3, VNI, VISCII}

// ParseEncoding reads a user-typed encoding name ("ABC", "cp1258", "VNI
// Windows" …); ok is false for a name chibo does not know.
func ParseEncoding(s string) (name string, ok bool) {
	k := strings.NewReplacer("-", "", "_", "", " ", "", ".", "").Replace(strings.ToLower(strings.TrimSpace(s)))
	switch k {
	case "", "auto":
		return encGuess, true
	case "utf8", "unicode":
		return UTF8, true
	case "utf16", "utf16le", "ucs2":
		return UTF16LE, true
	case "utf16be":
		return UTF16BE, true
	case "windows1258", "cp1258", "win1258", "1258":
		return CP1258, true
	case "tcvn3", "tcvn", "abc", "tcvn5712", "vn3", "vntime":
		return TCVN3, true
	case "vni", "vniwindows", "vniwin":
		return VNI, true
	case "viscii", "viscii11", "csviscii", "rfc1456":
		return VISCII, true
	}
	return "", false
}

// Decode turns bytes in the named encoding into NFC text.
func Decode(data []byte, enc string) (string, error) {
	switch enc {
	case UTF8:
		data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
		if !utf8.Valid(data) {
			return "", fmt.Errorf("invalid UTF-8 at byte %d", invalidUTF8At(data))
		}
		return compose.NFC(string(data)), nil
	case UTF16LE, UTF16BE:
		e := unicode.LittleEndian
		if enc == UTF16BE {
			e = unicode.BigEndian
		}
		b, err := unicode.UTF16(e, unicode.UseBOM).NewDecoder().Bytes(data)
		if err != nil {
			return "", err
		}
		return compose.NFC(string(b)), nil
	case CP1258:
		b, err := charmap.Windows1258.NewDecoder().Bytes(data)
		if err != nil {
			return "", err
		}
		return compose.NFC(string(b)), nil
	case TCVN3:
		return decodeTCVN3(data), nil
	case VNI:
		return decodeVNI(data), nil
	case VISCII:
		return decodeVISCII(data), nil
	}
	return "", fmt.Errorf("unknown encoding %q", enc)
}

// Encode writes NFC text in a legacy encoding, for tests and for repairing
// text that was decoded with the wrong table. Characters the encoding lacks
// become '?'.
func Encode(text, enc string) ([]byte, error) {
	switch enc {
	case UTF8:
		return []byte(text), nil
	case UTF16LE, UTF16BE:
		e := unicode.LittleEndian
		if enc == UTF16BE {
			e = unicode.BigEndian
		}
		return unicode.UTF16(e, unicode.UseBOM).NewEncoder().Bytes([]byte(text))
	case CP1258:
		return encode1258(text), nil
	case TCVN3:
		return encodeTCVN3(text), nil
	case VNI:
		return encodeVNI(text), nil
	case VISCII:
		return encodeVISCII(text), nil
	}
	return nil, fmt.Errorf("unknown encoding %q", enc)
}

// encode1258 writes each letter precomposed when Windows-1258 has it, else
// as base letter (with its hat or horn) plus a combining tone byte, the way
// Windows itself writes Vietnamese in this code page.
func encode1258(text string) []byte {
	var out []byte
	enc := charmap.Windows1258
	for _, r := range norm.NFC.String(text) {
		if b, ok := enc.EncodeRune(r); ok {
			out = append(out, b)
			continue
		}
		d := []rune(norm.NFD.String(string(r)))
		var tone rune
		rest := d[:0:0]
		for _, x := range d {
			if isTone(x) {
				tone = x
			} else {
				rest = append(rest, x)
			}
		}
		base := []rune(norm.NFC.String(string(rest)))
		bb, ok1 := enc.EncodeRune(base[0])
		tb, ok2 := enc.EncodeRune(tone)
		if len(base) == 1 && ok1 && ok2 && tone != 0 {
			out = append(out, bb, tb)
			continue
		}
		out = append(out, '?')
	}
	return out
}

func invalidUTF8At(data []byte) int {
	off := 0
	for off < len(data) {
		r, n := utf8.DecodeRune(data[off:])
		if r == utf8.RuneError && n <= 1 {
			return off
		}
		off += n
	}
	return off
}

// Guess is the outcome of encoding detection.
type Guess struct {
	Encoding string
	Ratio    float64 // share of Vietnamese words that are valid syllables
}

// minRatio is the share of valid syllables below which a legacy decoding
// is not trusted: the file is reported instead of imported as gibberish.
const minRatio = 0.6

// sampleSize bounds the bytes scored per candidate, so detection stays fast
// on large files.
const sampleSize = 512 << 10

// DetectEncoding picks the encoding of text bytes: a BOM, else valid UTF-8,
// else UTF-16 by its zero bytes, else whichever of Windows-1258, TCVN3,
// VNI and VISCII yields the most valid Vietnamese syllables (on a tie the
// earlier in that order, VISCII being the rarest). ok is false when no
// candidate is convincing; the Guess still names the best one.
func DetectEncoding(data []byte) (Guess, bool) {
	switch {
	case bytes.HasPrefix(data, []byte("\xef\xbb\xbf")):
		return Guess{UTF8, 1}, true
	case bytes.HasPrefix(data, []byte("\xff\xfe")):
		return Guess{UTF16LE, 1}, true
	case bytes.HasPrefix(data, []byte("\xfe\xff")):
		return Guess{UTF16BE, 1}, true
	}
	if utf8.Valid(data) {
		return Guess{UTF8, 1}, true
	}
	if e := utf16NoBOM(data); e != "" {
		return Guess{e, 1}, true
	}
	sample := data
	if len(sample) > sampleSize {
		sample = sample[:sampleSize]
		if i := bytes.LastIndexByte(sample, '\n'); i > sampleSize/2 {
			sample = sample[:i]
		}
	}
	best := Guess{}
	bestNet := 0
	for _, enc := range []string{CP1258, TCVN3, VNI, VISCII} {
		text, err := Decode(sample, enc)
		if err != nil {
			continue
		}
		sc := vietScore(text)
		if best.Encoding == "" || sc.net() > bestNet {
			best, bestNet = Guess{enc, sc.ratio()}, sc.net()
		}
	}
	return best, best.Ratio >= minRatio
}

// utf16NoBOM recognises UTF-16 without a byte-order mark by its zero bytes:
// mostly-ASCII text has a zero in every other byte.
func utf16NoBOM(data []byte) string {
	n := len(data)
	if n < 8 || n%2 != 0 {
		return ""
	}
	if n > 4096 {
		n = 4096
	}
	var even, odd int
	for i := 0; i < n; i++ {
		if data[i] == 0 {
			if i%2 == 0 {
				even++
			} else {
				odd++
			}
		}
	}
	half := n / 2
	switch {
	case odd > half*6/10 && even == 0:
		return UTF16LE
	case even > half*6/10 && odd == 0:
		return UTF16BE
	}
	return ""
}

// cp1252Bytes takes text back to the Windows-1252 bytes it was read from;
// ok is false when a character is not in Windows-1252.
func cp1252Bytes(text string) (raw []byte, ok bool) {
	// Check first, allocate after: real Vietnamese text fails at its first
	// letter outside Windows-1252, and allocating the copy up front cost
	// as much memory as the text (62 MB for a 62 MB file) for nothing.
	for _, r := range text {
		if r >= 0x80 {
			if _, ok := charmap.Windows1252.EncodeRune(r); !ok {
				return nil, false
			}
		}
	}
	raw = make([]byte, 0, len(text))
	for _, r := range text {
		if r < 0x80 {
			raw = append(raw, byte(r))
			continue
		}
		b, ok := charmap.Windows1252.EncodeRune(r)
		if !ok {
			return nil, false
		}
		raw = append(raw, b)
	}
	return raw, true
}

func hasHighByte(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return true
		}
	}
	return false
}

// repairMojibake fixes text from a document whose author typed in a
// legacy font: Word stores such text as Windows-1252 characters ("Xin
// chaøo"), so it arrives valid but unreadable. When re-reading those
// characters as TCVN3 or VNI bytes gives clearly more Vietnamese, the
// repaired text is returned with the encoding used.
func repairMojibake(text string) (string, string) {
	raw, ok := cp1252Bytes(text)
	if !ok || !hasHighByte(raw) {
		return text, ""
	}
	cur := vietScore(text)
	best, bestEnc := cur, ""
	var bestText string
	for _, enc := range []string{TCVN3, VNI} {
		t, _ := Decode(raw, enc)
		if sc := vietScore(t); sc.net() > best.net() && sc.ratio() >= minRatio {
			best, bestEnc, bestText = sc, enc, t
		}
	}
	if bestEnc == "" {
		return text, ""
	}
	return bestText, bestEnc
}

// VISCII (RFC 1456, "Vietnamese Standard Code for Information Interchange",
// VISCII 1.1) keeps ASCII, puts the 134 precomposed Vietnamese letters in
// 0x80–0xFF, and the six that do not fit there (Ẳ Ẵ Ẫ Ỷ Ỹ Ỵ) on the C0
// control codes 0x02, 0x05, 0x06, 0x14, 0x19 and 0x1E. The table is RFC
// 1456's, checked byte by byte against glibc iconv's VISCII converter.
var visciiHigh = [128]rune{
	// 0x80
	'Ạ', 'Ắ', 'Ằ', 'Ặ', 'Ấ', 'Ầ', 'Ẩ', 'Ậ', 'Ẽ', 'Ẹ', 'Ế', 'Ề', 'Ể', 'Ễ', 'Ệ', 'Ố',
	// 0x90
	'Ồ', 'Ổ', 'Ỗ', 'Ộ', 'Ợ', 'Ớ', 'Ờ', 'Ở', 'Ị', 'Ỏ', 'Ọ', 'Ỉ', 'Ủ', 'Ũ', 'Ụ', 'Ỳ',
	// 0xA0
	'Õ', 'ắ', 'ằ', 'ặ', 'ấ', 'ầ', 'ẩ', 'ậ', 'ẽ', 'ẹ', 'ế', 'ề', 'ể', 'ễ', 'ệ', 'ố',
	// 0xB0
	'ồ', 'ổ', 'ỗ', 'Ỡ', 'Ơ', 'ộ', 'ờ', 'ở', 'ị', 'Ự', 'Ứ', 'Ừ', 'Ử', 'ơ', 'ớ', 'Ư',
	// 0xC0
	'À', 'Á', 'Â', 'Ã', 'Ả', 'Ă', 'ẳ', 'ẵ', 'È', 'É', 'Ê', 'Ẻ', 'Ì', 'Í', 'Ĩ', 'ỳ',
	// 0xD0
	'Đ', 'ứ', 'Ò', 'Ó', 'Ô', 'ạ', 'ỷ', 'ừ', 'ử', 'Ù', 'Ú', 'ỹ', 'ỵ', 'Ý', 'ỡ', 'ư',
	// 0xE0
	'à', 'á', 'â', 'ã', 'ả', 'ă', 'ữ', 'ẫ', 'è', 'é', 'ê', 'ẻ', 'ì', 'í', 'ĩ', 'ỉ',
	// 0xF0
	'đ', 'ự', 'ò', 'ó', 'ô', 'õ', 'ỏ', 'ọ', 'ụ', 'ù', 'ú', 'ũ', 'ủ', 'ý', 'ợ', 'Ữ',
}

// visciiLow are the letters VISCII places on C0 control codes.
var visciiLow = [32]rune{0x02: 'Ẳ', 0x05: 'Ẵ', 0x06: 'Ẫ', 0x14: 'Ỷ', 0x19: 'Ỹ', 0x1E: 'Ỵ'}

var visciiEnc = func() map[rune]byte {
	m := make(map[rune]byte, 140)
	for i, r := range visciiHigh {
		m[r] = byte(0x80 + i)
	}
	for i, r := range visciiLow {
		if r != 0 {
			m[r] = byte(i)
		}
	}
	return m
}()

// decodeVISCII decodes VISCII bytes to NFC text (every letter of the
// table is precomposed already, so the output is NFC when the ASCII part
// carries no combining marks, which it cannot).
func decodeVISCII(data []byte) string {
	var b strings.Builder
	b.Grow(len(data) + len(data)/2)
	for _, c := range data {
		switch {
		case c >= 0x80:
			b.WriteRune(visciiHigh[c-0x80])
		case c < 0x20 && visciiLow[c] != 0:
			b.WriteRune(visciiLow[c])
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// encodeVISCII writes NFC text in VISCII; characters it lacks become '?'.
func encodeVISCII(text string) []byte {
	out := make([]byte, 0, len(text))
	for _, r := range norm.NFC.String(text) {
		switch b, ok := visciiEnc[r]; {
		case ok:
			out = append(out, b)
		case r < 0x80 && (r >= 0x20 || visciiLow[r] == 0):
			out = append(out, byte(r))
		default:
			out = append(out, '?')
		}
	}
	return out
}

// LegacyFont tells the legacy Vietnamese encoding of text set in a font,
// from the font's name: TCVN3 for the ABC fonts (".VnTime", ".VnArial",
// ".VnTimeH", and the same names without the dot), VNI for the VNI fonts
// ("VNI-Times", "VNI Helve"), VISCII for the VISCII fonts ("VISCII …",
// "VI Times"). caps reports one of TCVN3's capital fonts (a name ending in
// "H": ".VnTimeH", ".VnArialH"), whose lowercase codes draw capitals. enc
// is "" for any other font.
func LegacyFont(name string) (enc string, caps bool) {
	n := strings.TrimSpace(name)
	l := strings.ToLower(n)
	switch {
	case strings.HasPrefix(l, "vni-") || strings.HasPrefix(l, "vni "):
		return VNI, false
	case strings.HasPrefix(l, "viscii") || strings.HasPrefix(l, "vi "):
		return VISCII, false
	case strings.HasPrefix(l, ".vn") || (strings.HasPrefix(l, "vn") && len(n) > 2 && n[2] >= 'A' && n[2] <= 'Z'):
		base := strings.TrimRight(n, " ")
		for _, suf := range []string{" Bold", " Italic", " Bold Italic"} {
			base = strings.TrimSuffix(base, suf)
		}
		return TCVN3, strings.HasSuffix(base, "H")
	}
	return "", false
}

// DecodeLegacyRun decodes the text of a run set in a legacy font, which a
// word processor stores as the Windows-1252 (or Latin-1) characters of the
// font's byte codes: the characters are turned back into bytes and decoded
// with enc, then capitalised for a capital font. A run holding characters
// no single byte gives (it was typed in Unicode after all) is returned
// unchanged with ok false.
func DecodeLegacyRun(text, enc string, caps bool) (string, bool) {
	raw := make([]byte, 0, len(text))
	high := false
	for _, r := range text {
		switch {
		case r < 0x80:
			raw = append(raw, byte(r))
			continue
		case r < 0x100:
			raw = append(raw, byte(r))
		default:
			b, ok := charmap.Windows1252.EncodeRune(r)
			if !ok {
				return text, false
			}
			raw = append(raw, b)
		}
		high = true
	}
	if !high && !caps {
		return text, true
	}
	out, err := Decode(raw, enc)
	if err != nil {
		return text, false
	}
	if caps {
		out = strings.ToUpper(out)
	}
	return out, true
}
