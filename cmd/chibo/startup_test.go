package main

import (
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"testing"
)

// chibo's own packages build nothing heavy at init: every command (list,
// search, the app's first frame) pays for the init of every linked
// package before main runs. Patterns and tables are built at first use
// (sync.OnceValue). The budget is in allocations, which unlike time do
// not depend on the machine's load: content/parse compiled its seventy
// patterns at init in 27,000 allocations; the largest left is below 600.
func TestInitIsCheap(t *testing.T) {
	const budget = 1500 // allocations per chibo package init
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("running the test binary with inittrace: %v\n%s", err, out)
	}
	line := regexp.MustCompile(`(?m)^init (chibo(?:/\S+)?) @\S+ ms, \S+ ms clock, (\d+) bytes, (\d+) allocs$`)
	found := 0
	for _, m := range line.FindAllStringSubmatch(string(out), -1) {
		found++
		allocs, _ := strconv.Atoi(m[3])
		if allocs > budget {
			t.Errorf("init of %s: %d allocations (%s bytes), budget %d: build its tables and patterns at first use", m[1], allocs, m[2], budget)
		}
	}
	if found < 5 {
		t.Fatalf("found %d chibo package inits in the trace, want the content, parse, index and tui packages:\n%s", found, out)
	}
}
