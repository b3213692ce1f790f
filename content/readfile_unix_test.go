//go:build unix

package content

import (
	"errors"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// rel-15: opening a FIFO waits for a writer, so `chibo import FIFO` hung.
func TestReadFileLimitedFIFO(t *testing.T) {
	p := filepath.Join(t.TempDir(), "f.txt")
	if err := syscall.Mkfifo(p, 0o600); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	done := make(chan error, 1)
	go func() { _, err := ReadFileLimited(p, 1<<20); done <- err }()
	select {
	case err := <-done:
		var fe *FileError
		if !errors.As(err, &fe) || fe.Problem != ProblemRead || !errors.Is(err, ErrNotRegular) {
			t.Fatalf("err %v, want the not-a-regular-file refusal", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("ReadFileLimited blocked on a FIFO")
	}
	if _, err := ReadFileLimited("/dev/null", 1<<20); err == nil {
		t.Fatal("/dev/null read as a file")
	}
}
