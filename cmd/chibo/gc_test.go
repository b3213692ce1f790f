package main

import (
	"runtime/debug"
	"testing"
)

// gcPercent reads the collector's setting.
func gcPercent() int {
	p := debug.SetGCPercent(100)
	debug.SetGCPercent(p)
	return p
}

// A quick command collects less often and puts the setting back when it
// returns; heavy work goes back to the default; a GOGC the user set is
// left alone.
func TestQuickGC(t *testing.T) {
	before := gcPercent()
	t.Setenv("GOGC", "")
	restore := quickGC()
	if p := gcPercent(); p != quickGCPercent {
		t.Fatalf("GC percent %d in a quick command, want %d", p, quickGCPercent)
	}
	heavyGC()
	if p := gcPercent(); p != 100 {
		t.Fatalf("GC percent %d before heavy work, want 100", p)
	}
	restore()
	if p := gcPercent(); p != before {
		t.Fatalf("GC percent %d after the command, want %d back", p, before)
	}
	t.Setenv("GOGC", "50")
	debug.SetGCPercent(50)
	defer debug.SetGCPercent(before)
	quickGC()()
	heavyGC()
	if p := gcPercent(); p != 50 {
		t.Fatalf("GC percent %d with GOGC=50 set by the user", p)
	}
}
