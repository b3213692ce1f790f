package pdftext

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestEngineStopsWhenIdle: PDFium (its compiled code and decoded module,
// some 30 MB) is let go once no document has been read for engineIdle, so
// that an import's index build, which follows its reading, does not carry
// it; the next document starts it again from the compiled-code cache.
func TestEngineStopsWhenIdle(t *testing.T) {
	defer func(d time.Duration) { engineIdle = d }(engineIdle)
	engineIdle = 100 * time.Millisecond
	for round := range 2 {
		doc := mustExtract(t, textPDF("Chi bo hop dinh ky"), Options{})
		if !strings.Contains(allText(doc), "Chi bo hop dinh ky") {
			t.Fatalf("round %d: text lost: %q", round, allText(doc))
		}
		running := engineRunning()
		code := execMemory(t)
		if !running {
			t.Fatalf("round %d: PDFium stopped at once after a document", round)
		}
		deadline := time.Now().Add(10 * time.Second)
		for engineRunning() && time.Now().Before(deadline) {
			time.Sleep(20 * time.Millisecond)
		}
		if engineRunning() {
			t.Fatalf("round %d: PDFium still running %v after the last document", round, engineIdle)
		}
		// The compiled code goes back to the system (the cache's engine
		// is closed too, not only the runtime).
		// wazero unmaps it in a finalizer: give the collector a moment.
		after := execMemory(t)
		for end := time.Now().Add(5 * time.Second); code >= 0 && after > code-8<<20 && time.Now().Before(end); after = execMemory(t) {
			runtime.GC()
			time.Sleep(20 * time.Millisecond)
		}
		if code >= 0 && after > code-8<<20 {
			t.Errorf("round %d: executable memory %d MB while running, %d MB after stopping, want 8 MB less", round, code>>20, after>>20)
		}
	}
}

// execMemory is the size of the process's anonymous executable mappings
// (wazero's compiled code), in bytes; -1 where /proc is missing.
func execMemory(t *testing.T) int {
	b, err := os.ReadFile("/proc/self/maps")
	if err != nil {
		return -1
	}
	n := 0
	for _, l := range strings.Split(string(b), "\n") {
		f := strings.Fields(l)
		if len(f) != 5 || !strings.HasPrefix(f[1], "r-x") || f[4] != "0" {
			continue
		}
		lo, hi, ok := strings.Cut(f[0], "-")
		a, err1 := strconv.ParseUint(lo, 16, 64)
		z, err2 := strconv.ParseUint(hi, 16, 64)
		if ok && err1 == nil && err2 == nil {
			n += int(z - a)
		}
	}
	return n
}

// TestEngineCancelledWaiter: a reader cancelled while PDFium starts does
// not keep it running.
func TestEngineCancelledWaiter(t *testing.T) {
	defer func(d time.Duration) { engineIdle = d }(engineIdle)
	engineIdle = 100 * time.Millisecond
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Extract(ctx, textPDF("x"), Options{}); err == nil {
		t.Fatal("a cancelled read succeeded")
	}
	Warm()
	deadline := time.Now().Add(20 * time.Second)
	for engineRunning() && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if engineRunning() {
		t.Fatal("PDFium kept running with no document to read")
	}
	engState.Lock()
	users := engState.users
	engState.Unlock()
	if users != 0 {
		t.Fatalf("%d users left", users)
	}
}

// TestSetCacheDir: the compiled code goes where chibo's cache is (so
// --data DIR keeps it in DIR), unless CHIBO_PDFIUM_CACHE says otherwise.
func TestSetCacheDir(t *testing.T) {
	defer SetCacheDir("")
	dir := t.TempDir()
	t.Setenv("CHIBO_PDFIUM_CACHE", "")
	SetCacheDir(filepath.Join(dir, "wazero"))
	if got := cacheDir(); !strings.HasPrefix(got, filepath.Join(dir, "wazero")) {
		t.Fatalf("cacheDir() = %q, want under %s", got, dir)
	}
	t.Setenv("CHIBO_PDFIUM_CACHE", "off")
	if got := cacheDir(); got != "" {
		t.Fatalf("CHIBO_PDFIUM_CACHE=off gave %q", got)
	}
}
