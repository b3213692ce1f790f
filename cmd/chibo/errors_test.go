package main

import (
	"strings"
	"testing"
)

// TestSearchBadYear: a year filter that is not a year is bad usage (exit
// 2) said in words, not a search for the word "năm" (rel-19: nam:abc gave
// the 8174 hits of a plain search for nam, exit 0).
func TestSearchBadYear(t *testing.T) {
	data := t.TempDir()
	for _, q := range []string{"nam:abc", "nam:99999999999999999999"} {
		out, errs, code := runCLI(t, data, "--lang", "vi", "search", "chi", "bộ", q)
		if code != 2 || !strings.Contains(errs, "năm không hợp lệ") || strings.Contains(errs, "index:") || out != "" {
			t.Errorf("%s: exit %d, stdout %q, stderr %q", q, code, out, errs)
		}
	}
	_, errs, code := runCLI(t, data, "search", "nam:abc")
	if code != 2 || !strings.Contains(errs, "invalid year: abc") {
		t.Errorf("en: exit %d, %q", code, errs)
	}
	if _, errs, code := runCLI(t, data, "search", "chi", "bộ", "nam:2023"); code != 0 {
		t.Errorf("nam:2023: exit %d, %q", code, errs)
	}
}
