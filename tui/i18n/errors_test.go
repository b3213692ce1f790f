package i18n

import (
	"fmt"
	"strings"
	"testing"

	"chibo/content"
	"chibo/content/plan"
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

// Plan errors are described by the same function the rest of chibo uses,
// wrapped or not.
func TestDescribePlanErrors(t *testing.T) {
	for _, err := range []error{plan.ErrNoItem, fmt.Errorf("move: %w", plan.ErrDuplicate)} {
		vi, en := Describe(VI, err), Describe(EN, err)
		if vi == err.Error() || vi == en || en == "" {
			t.Errorf("%v: vi %q, en %q", err, vi, en)
		}
	}
}
