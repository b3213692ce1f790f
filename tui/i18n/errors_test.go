package i18n

import (
	"strings"
	"testing"

	"chibo/content"
)

// A second copy of an imported document is explained in both languages
// with the two file names and what to do, not as raw English.
func TestDescribeDuplicateID(t *testing.T) {
	err := &content.FileError{File: "a.txt", Problem: content.ProblemDuplicateID, Detail: "a.md"}
	for _, l := range []Lang{VI, EN} {
		got := Describe(l, err)
		if !strings.Contains(got, "a.txt") || !strings.Contains(got, "a.md") || strings.Contains(got, "%!") || strings.Contains(got, "duplicate-id") {
			t.Errorf("%v: %q", l, got)
		}
	}
}

func TestDescribeNoHome(t *testing.T) {
	for _, l := range []Lang{VI, EN} {
		if got := Describe(l, content.ErrNoHome); !strings.Contains(got, "--data") || !strings.Contains(got, "CHIBO_DATA") || got == content.ErrNoHome.Error() {
			t.Errorf("%v: %q", l, got)
		}
	}
}
