package pdftext

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestProbe extracts every PDF of the directory PDFTEXT_PROBE and prints
// the outcome and time, for trying hostile files by hand; it skips
// otherwise.
func TestProbe(t *testing.T) {
	dir := os.Getenv("PDFTEXT_PROBE")
	if dir == "" {
		t.Skip("set PDFTEXT_PROBE=dir")
	}
	names, _ := filepath.Glob(filepath.Join(dir, "*.pdf"))
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		doc, err := Extract(context.Background(), data, Options{Timeout: 30 * time.Second})
		el := time.Since(start)
		if err != nil {
			fmt.Printf("%-40s %8v  error: %v\n", filepath.Base(name), el.Round(time.Millisecond), err)
			continue
		}
		lines := 0
		for _, p := range doc.Pages {
			lines += len(p.Lines)
		}
		fmt.Printf("%-40s %8v  pages=%d failed=%d lines=%d scanned=%d mem=%dMB\n", filepath.Base(name), el.Round(time.Millisecond), len(doc.Pages), doc.Failed, lines, doc.Scanned, doc.Memory>>20)
	}
}
