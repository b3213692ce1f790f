package parse

import (
	"regexp"
	"testing"
)

// Every pattern compiles (lazyRE defers MustCompile's panic to first use,
// so a bad pattern must be caught here, not at a user's import) and is the
// one written.
func TestLazyPatternsCompile(t *testing.T) {
	if len(allLazy) < 50 {
		t.Fatalf("only %d lazy patterns registered; the recogniser has about seventy", len(allLazy))
	}
	for _, l := range allLazy {
		re, err := regexp.Compile(l.expr)
		if err != nil {
			t.Errorf("pattern %q: %v", l.expr, err)
			continue
		}
		if got := l.get().String(); got != re.String() {
			t.Errorf("compiled %q, want %q", got, re.String())
		}
	}
}
