package lockfile

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestMain lets the test binary act as a second process: with
// LOCKFILE_CHILD set it increments the counter file N times under the lock.
func TestMain(m *testing.M) {
	if dir := os.Getenv("LOCKFILE_CHILD"); dir != "" {
		for range 20 {
			if err := increment(dir); err != nil {
				os.Stderr.WriteString(err.Error() + "\n")
				os.Exit(3)
			}
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// increment is a read-modify-write of a counter, slow enough that two
// unlocked processes would interleave.
func increment(dir string) error {
	l, err := Acquire(filepath.Join(dir, ".lock"), 10*time.Second)
	if err != nil {
		return err
	}
	defer l.Release()
	path := filepath.Join(dir, "counter")
	b, _ := os.ReadFile(path)
	n, _ := strconv.Atoi(strings.TrimSpace(string(b)))
	time.Sleep(time.Millisecond)
	return os.WriteFile(path, []byte(strconv.Itoa(n+1)), 0o644)
}

// TestTwoProcesses: two processes each increment a shared counter 20
// times under the lock; none of the 40 increments is lost.
func TestTwoProcesses(t *testing.T) {
	dir := t.TempDir()
	var wg sync.WaitGroup
	errs := make([]error, 2)
	outs := make([][]byte, 2)
	for i := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cmd := exec.Command(os.Args[0], "-test.run=^$")
			cmd.Env = append(os.Environ(), "LOCKFILE_CHILD="+dir)
			outs[i], errs[i] = cmd.CombinedOutput()
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("child %d: %v\n%s", i, err, outs[i])
		}
	}
	b, err := os.ReadFile(filepath.Join(dir, "counter"))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.TrimSpace(string(b)); got != "40" {
		t.Fatalf("counter = %s after 2×20 locked increments, want 40", got)
	}
}

// TestBusy: a lock held elsewhere makes Acquire give up after its wait;
// once released, it is taken at once.
func TestBusy(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", ".lock")
	a, err := Acquire(path, time.Second)
	if err != nil || a == nil {
		t.Fatalf("first acquire: %v %v", a, err)
	}
	start := time.Now()
	if _, err := Acquire(path, 100*time.Millisecond); err != ErrBusy {
		t.Fatalf("second acquire while held: %v, want ErrBusy", err)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Fatalf("gave up after %v", d)
	}
	a.Release()
	b, err := Acquire(path, time.Second)
	if err != nil || b == nil {
		t.Fatalf("acquire after release: %v %v", b, err)
	}
	b.Release()
	var nilLock *Lock
	if err := nilLock.Release(); err != nil {
		t.Fatal(err)
	}
}

// TestReadOnlyFolder: in a folder that may not be written, Acquire returns
// no lock and no error (the caller's own write reports the problem).
func TestReadOnlyFolder(t *testing.T) {
	if os.Getuid() == 0 {
		t.Skip("root writes anywhere")
	}
	dir := t.TempDir()
	os.Chmod(dir, 0o555)
	defer os.Chmod(dir, 0o755)
	l, err := Acquire(filepath.Join(dir, "x", ".lock"), time.Second)
	if l != nil || err != nil {
		t.Fatalf("read-only folder: %v %v, want nil nil", l, err)
	}
}
