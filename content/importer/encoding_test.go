package importer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"

	"golang.org/x/text/unicode/norm"
)

// seeds returns the five seed documents as NFC text.
func seeds(t testing.TB) map[string]string {
	t.Helper()
	files, err := filepath.Glob("../seeds/*.txt")
	if err != nil || len(files) != 5 {
		t.Fatalf("seed documents: %v (%d files)", err, len(files))
	}
	out := map[string]string{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out[filepath.Base(f)] = norm.NFC.String(string(b))
	}
	return out
}

// representable replaces the characters a legacy encoding has no code for
// (superscript digits, some punctuation) by what a typist of that era
// would have typed, so the round trip can demand equality for the rest.
func representable(text, enc string) string {
	text = strings.NewReplacer("⁰", "0", "¹", "1", "²", "2", "³", "3", "⁴", "4", "⁵", "5",
		"⁶", "6", "⁷", "7", "⁸", "8", "⁹", "9").Replace(text)
	return text
}

func TestEncodingRoundTripSeeds(t *testing.T) {
	for name, text := range seeds(t) {
		for _, enc := range []string{UTF8, UTF16LE, UTF16BE, CP1258, TCVN3, VNI} {
			want := representable(text, enc)
			data, err := Encode(want, enc)
			if err != nil {
				t.Fatal(err)
			}
			if enc != UTF8 && enc != UTF16LE && enc != UTF16BE {
				if strings.Contains(string(data), "?") != strings.Contains(want, "?") {
					t.Errorf("%s %s: encoder lost characters", name, enc)
				}
			}
			got, err := Decode(data, enc)
			if err != nil {
				t.Fatalf("%s %s: %v", name, enc, err)
			}
			if got != want {
				t.Errorf("%s %s: round trip differs at %s", name, enc, firstDiff(got, want))
			}
			g, ok := DetectEncoding(data)
			if !ok || g.Encoding != enc {
				t.Errorf("%s: detected %+v (ok=%v), want %s", name, g, ok, enc)
			}
		}
	}
}

func firstDiff(a, b string) string {
	ra, rb := []rune(a), []rune(b)
	for i := 0; i < len(ra) && i < len(rb); i++ {
		if ra[i] != rb[i] {
			lo := max(0, i-30)
			return "…" + string(ra[lo:min(len(ra), i+30)]) + "… vs …" + string(rb[lo:min(len(rb), i+30)]) + "…"
		}
	}
	return "length " + string(rune('0'+len(ra)%10))
}

// TestKnownLegacyText checks the tables against text as it circulates in
// old files (shown here through Windows-1252, as a Unicode editor shows it).
func TestKnownLegacyText(t *testing.T) {
	cases := []struct{ enc, cp1252, want string }{
		{TCVN3, "B¶o Th¾ng", "Bảo Thắng"},
		{TCVN3, "M\u00adêng Kh\u00ad¬ng", "Mường Khương"}, // ư is 0xAD, a soft hyphen in Windows-1252
		{TCVN3, "B¸t X¸t", "Bát Xát"},
		{TCVN3, "§¶ng Céng s¶n ViÖt Nam", "Đảng Cộng sản Việt Nam"},
		{TCVN3, "“Chi bé” – nghÞ quyÕt…", "“Chi bộ” – nghị quyết…"},
		{VNI, "Xin chaøo caùc baïn", "Xin chào các bạn"},
		{VNI, "COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"},
		{VNI, "Ñaûng boä xaõ, nghò quyeát, thöïc hieän, tröôøng, kyø hoïp, yù kieán, ñöôïc", "Đảng bộ xã, nghị quyết, thực hiện, trường, kỳ họp, ý kiến, được"},
	}
	for _, c := range cases {
		raw, err := charmap.Windows1252.NewEncoder().Bytes([]byte(c.cp1252))
		if err != nil {
			t.Fatal(err)
		}
		got, _ := Decode(raw, c.enc)
		if got != c.want {
			t.Errorf("%s %q = %q, want %q", c.enc, c.cp1252, got, c.want)
		}
		if back, _ := Encode(c.want, c.enc); string(back) != string(raw) {
			t.Errorf("%s encode %q = %q, want %q", c.enc, c.want, back, raw)
		}
	}
}

// TestReadableWords tells Vietnamese prose from the text layer a failed
// OCR leaves on a scan.
func TestReadableWords(t *testing.T) {
	v, n := readableWords("Chi bộ họp định kỳ hằng tháng, đánh giá việc thực hiện nhiệm vụ tháng trước.")
	if n != 16 || v != 16 {
		t.Errorf("prose: %d of %d words valid, want 16 of 16", v, n)
	}
	v, n = readableWords("uv sA.N NUANoAN TiNH LAM BONG se: 1116 /QD-UBND Cong hOa xA HoI cnU NGHIA vIBr NAM")
	if n == 0 || v*4 >= n*3 {
		t.Errorf("garbage: %d of %d words valid, want under 3 in 4", v, n)
	}
}
