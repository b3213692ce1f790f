package index

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"chibo/content"
)

// scaleDocs parses the library in $CHIBO_SCALE_DIR (made by
// ../shared/tools/make-library); the scale test skips without it.
func scaleDocs(t testing.TB) ([]*content.Document, int64) {
	dir := os.Getenv("CHIBO_SCALE_DIR")
	if dir == "" {
		t.Skip("set CHIBO_SCALE_DIR to a make-library output to run")
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	var docs []*content.Document
	var size int64
	for _, f := range files {
		d, err := content.ParseFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range d.Sections {
			size += int64(len(s.Heading) + len(s.Text))
		}
		docs = append(docs, d)
	}
	return docs, size
}

// TestScaleBuild builds an index of a large library and reports the
// throughput and the heap peaks of the build.
func TestScaleBuild(t *testing.T) {
	docs, size := scaleDocs(t)
	runtime.GC()
	var base runtime.MemStats
	runtime.ReadMemStats(&base)
	var peak atomic.Uint64
	var phase atomic.Value
	phase.Store("analyse")
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		var m runtime.MemStats
		for {
			select {
			case <-stop:
				return
			case <-time.After(200 * time.Millisecond):
			}
			runtime.ReadMemStats(&m)
			if m.HeapInuse > peak.Load() {
				peak.Store(m.HeapInuse)
				t.Logf("heap in use %d MB (%s)", m.HeapInuse>>20, phase.Load())
			}
		}
	}()
	ix, err := Open(t.TempDir(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	start := time.Now()
	err = ix.Rebuild(context.Background(), DocSource(docs), func(done, total int) {
		if done == total {
			phase.Store("merge")
		}
	})
	close(stop)
	wg.Wait()
	if err != nil {
		t.Fatal(err)
	}
	secs := time.Since(start).Seconds()
	st := ix.Stats()
	t.Logf("%d docs, %d sections, %.1f MB text in %.1f s = %.2f MB/s; base heap %d MB, peak %d MB; index %.1f MB (%.2f× text)",
		st.Documents, st.Sections, float64(size)/(1<<20), secs, float64(size)/(1<<20)/secs, base.HeapInuse>>20, peak.Load()>>20,
		float64(st.DiskBytes)/(1<<20), float64(st.DiskBytes)/float64(size))
}
