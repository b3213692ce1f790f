package parse

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The patterns markerOf used before it read the rest of a line itself;
// TestMarkerHeads checks the two ways agree.
var (
	oldArticleRe = regexp.MustCompile(`^((?:Điều|ĐIỀU)\s+(\d{1,3}[a-z]?))(?:\s*([.:])\s*(.*))?$`)
	oldNumberRe  = regexp.MustCompile(`^((\d{1,2})\.)\s+(\S.*)$`)
	oldLetterRe  = regexp.MustCompile(`^(([a-zđ])\))\s*(\S.*)$`)
)

func TestMarkerHeads(t *testing.T) {
	lines := []string{
		"Điều 1.", "Điều 1", "Điều 12a. Sửa đổi", "Điều 5 của Luật", "Điều 1234. x", "Điều 5 ", "Điều 5 : Phạm vi",
		"Điều 5.\nhai dòng", "Điều 5.  \n", "ĐIỀU 3: KHEN THƯỞNG", "Điều 5ab. x", "Điều\t7.\tx",
		"1. Một", "1.  ", "1.", "12. x", "123. x", "1. 2023 là năm", "1.\nx", "1. a\nb", "1.\u00a0x",
		"a) x", "a)x", "a) ", "đ) Điểm", "a)\nx", "a) 1\n", "x) cuối",
	}
	seeds, _ := filepath.Glob(filepath.Join("..", "seeds", "*.txt"))
	for _, f := range seeds {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, strings.Split(string(b), "\n")...)
	}
	if len(lines) < 100 {
		t.Fatalf("only %d lines: the seeds are missing", len(lines))
	}
	for _, l := range lines {
		got := markerOf(l)
		var want marker
		switch {
		case strings.HasPrefix(l, "Đ"):
			if m := oldArticleRe.FindStringSubmatch(l); m != nil && (m[3] != "" || len(l) == len(m[1])) {
				want = marker{kind: mkArticle, label: "dieu-" + strings.ToLower(m[2]), prefix: m[1] + m[3], rest: m[4]}
			}
		case l != "" && l[0] >= '0' && l[0] <= '9' && !multiNumRe.MatchString(l):
			if m := oldNumberRe.FindStringSubmatch(l); m != nil && !startsWithDigit(m[3]) {
				want = marker{kind: mkNumber, label: m[2], prefix: m[1], rest: m[3], depth: 1}
			}
		case strings.HasPrefix(l, "đ") || l != "" && l[0] >= 'a' && l[0] <= 'z':
			if m := oldLetterRe.FindStringSubmatch(l); m != nil {
				want = marker{kind: mkLetter, label: letterLabel(m[2]), prefix: m[1], rest: m[3]}
			}
		default:
			continue
		}
		if want.kind == mkNone {
			if got.kind == mkArticle || got.kind == mkLetter || (got.kind == mkNumber && got.depth == 1 && numberRe.MatchString(l)) {
				t.Errorf("markerOf(%q) = %+v, the full pattern finds none", l, got)
			}
			continue
		}
		if got != want {
			t.Errorf("markerOf(%q) = %+v, want %+v", l, got, want)
		}
	}
}
