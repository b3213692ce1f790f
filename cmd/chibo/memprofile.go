package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/metrics"
	"runtime/pprof"
	"sync"
	"time"
)

// memProfile is the state of a CHIBO_MEMPROFILE run.
var memProfile struct {
	sync.Mutex
	path             string
	liveHigh, inHigh uint64 // bytes: live heap after a collection, heap objects at any time
}

// startMemProfile, when CHIBO_MEMPROFILE names a file, writes a heap
// profile (for go tool pprof) there each time the live heap (as the last
// collection found it) reaches a new high, 5% over the last one written
// (after one more collection, which the profile needs to be current), so
// what is left is the picture of the run's peak; stopMemProfile then
// prints the highs to stderr. A developer's tool for memory work, like
// bench --cpuprofile; it costs nothing when the variable is unset.
func startMemProfile() {
	path := os.Getenv("CHIBO_MEMPROFILE")
	if path == "" {
		return
	}
	memProfile.path = path
	runtime.MemProfileRate = 64 << 10
	go func() {
		s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}, {Name: "/memory/classes/heap/objects:bytes"}}
		var written uint64
		for {
			metrics.Read(s)
			live, in := s[0].Value.Uint64(), s[1].Value.Uint64()
			memProfile.Lock()
			memProfile.inHigh = max(memProfile.inHigh, in)
			memProfile.liveHigh = max(memProfile.liveHigh, live)
			if live > written+written/20 {
				written = live
				runtime.GC() // the profile shows the last collection's live set: this one
				if f, err := os.Create(path); err == nil {
					pprof.Lookup("heap").WriteTo(f, 0)
					f.Close()
				}
			}
			memProfile.Unlock()
			time.Sleep(10 * time.Millisecond)
		}
	}()
}

// stopMemProfile prints the highs of a CHIBO_MEMPROFILE run.
func stopMemProfile() {
	if memProfile.path == "" {
		return
	}
	memProfile.Lock()
	defer memProfile.Unlock()
	fmt.Fprintf(os.Stderr, "memprofile: live heap high %d MB, heap objects high %d MB (profile at the live high: %s)\n",
		memProfile.liveHigh>>20, memProfile.inHigh>>20, memProfile.path)
}
