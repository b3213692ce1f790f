package main

import (
	"os"
	"runtime"
	"runtime/metrics"
	"runtime/pprof"
	"time"
)

// startMemProfile, when CHIBO_MEMPROFILE names a file, writes a heap
// profile (for go tool pprof) there each time the live heap reaches a new
// high, 10% over the last one written: what is left is the picture of the
// run's peak. A developer's tool for memory work, like bench --cpuprofile;
// it costs nothing when the variable is unset.
func startMemProfile() {
	path := os.Getenv("CHIBO_MEMPROFILE")
	if path == "" {
		return
	}
	runtime.MemProfileRate = 64 << 10
	go func() {
		s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		var high uint64
		for {
			metrics.Read(s)
			if live := s[0].Value.Uint64(); live > high+high/10 {
				high = live
				if f, err := os.Create(path); err == nil {
					pprof.Lookup("heap").WriteTo(f, 0)
					f.Close()
				}
			}
			time.Sleep(20 * time.Millisecond)
		}
	}()
}
