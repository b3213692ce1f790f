package parse

import (
	"strings"
	"testing"

	"chibo/content/model"
)

// TestFoldIsModelFold: the table fold gives model.Fold's result on
// Vietnamese text in both forms, on every table rune, and on the runes it
// hands over (combining marks, Hangul, invalid bytes).
func TestFoldIsModelFold(t *testing.T) {
	cases := []string{
		"", "Điều 1. CHỈ THỊ VỀ TĂNG CƯỜNG", "Nghị quyết số 12-NQ/ĐU của Đảng ủy xã Tân An",
		"Ð Ɖ ɖ ð İ ǅ ﬁ", "A\u0301 e\u0323\u0302", "한국어 텍스트", "bad \xff\xfe bytes", "Ω Å K ẞ",
	}
	var all strings.Builder
	for r := rune(0); r < foldTableSize; r++ {
		all.WriteRune(r)
	}
	cases = append(cases, all.String())
	for _, s := range cases {
		if got, want := slug(s, 5), model.Slug(s, 5); got != want {
			t.Errorf("slug(%q) = %q, model.Slug = %q", s, got, want)
		}
		if got, want := fold(s), model.Fold(s); got != want {
			t.Errorf("fold(%q) = %q, model.Fold = %q", s, got, want)
		}
	}
}

func FuzzFold(f *testing.F) {
	f.Add("Điều 1. Tổ chức thực hiện")
	f.Add("A\u0301\u0323 ÐƉ")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := fold(s), model.Fold(s); got != want {
			t.Fatalf("fold(%q) = %q, model.Fold = %q", s, got, want)
		}
	})
}
