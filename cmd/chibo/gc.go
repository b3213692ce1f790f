package main

import (
	"os"
	"runtime/debug"
)

// quickGCPercent is the collector's setting (GOGC) for a command that
// reads a little of the library and exits — list, outline, search.
// Their heap is a few tens of megabytes, built in the first 100 ms; at the
// default 100 the collector ran five times meanwhile (from a 4 MB heap),
// about a tenth of a cold search on a 1 GB library (GODEBUG=gctrace=1).
const quickGCPercent = 400

// quickGC sets quickGCPercent, unless the user set GOGC, and returns
// what puts the setting back (run calls it when the command returns).
func quickGC() (restore func()) {
	if os.Getenv("GOGC") != "" {
		return func() {}
	}
	old := debug.SetGCPercent(quickGCPercent)
	return func() { debug.SetGCPercent(old) }
}

// heavyGC goes back to the default setting before work whose heap grows
// with the library — a re-parse at open, an index update — so that a
// quick command's setting never multiplies a large heap.
func heavyGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(100)
	}
}
