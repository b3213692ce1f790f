//go:build unix

package content

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time (user + system) this process has used: a
// throughput measure that a busy shared machine does not distort as much
// as the wall clock.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
