package content

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"
)

// BenchmarkParseDir parses every file under $CHIBO_BENCH_DIR through the
// format readers and the structure recogniser only (no library, no
// index): the parse part of `chibo import`. It reports MB/s of input
// bytes. Make a library with
//
//	python3 ../shared/tools/make-library /tmp/lib100 --mb 100
//	CHIBO_BENCH_DIR=/tmp/lib100 go test ./content -run '^$' -bench ParseDir -benchtime 3x
//
// and profile with -cpuprofile. On a shared machine the MB per CPU-second
// is the steadier figure. Files that are refused (too large,
// damaged) count as read: the time spent refusing them is part of an
// import too.
func BenchmarkParseDir(b *testing.B) {
	dir := os.Getenv("CHIBO_BENCH_DIR")
	if dir == "" {
		b.Skip("set CHIBO_BENCH_DIR to a folder of documents")
	}
	var files []string
	var total int64
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		files = append(files, p)
		total += info.Size()
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	if len(files) == 0 {
		b.Fatalf("no files under %s", dir)
	}
	sort.Strings(files)
	data := make([][]byte, len(files))
	for i, f := range files {
		if data[i], err = os.ReadFile(f); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(total)
	b.ResetTimer()
	var runs, cpu []float64
	for b.Loop() {
		start, startCPU := time.Now(), cpuTime()
		for i, f := range files {
			_, _, _ = ParseBytesContext(context.Background(), filepath.Base(f), data[i], ParseOptions{})
		}
		runs = append(runs, float64(total)/1e6/time.Since(start).Seconds())
		if c := cpuTime() - startCPU; c > 0 {
			cpu = append(cpu, float64(total)/1e6/c.Seconds())
		}
	}
	sort.Float64s(runs)
	b.ReportMetric(runs[len(runs)/2], "median-MB/s")
	if len(cpu) > 0 {
		// MB per second of CPU time (the garbage collector's included).
		sort.Float64s(cpu)
		b.ReportMetric(cpu[len(cpu)/2], "median-MB/cpu-s")
	}
	b.ReportMetric(float64(len(files)), "files")
}
