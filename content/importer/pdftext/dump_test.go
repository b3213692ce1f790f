package pdftext

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestDump prints the lines of the PDF named by PDFTEXT_DUMP, with their
// geometry, for looking at a file by hand; it skips otherwise.
func TestDump(t *testing.T) {
	name := os.Getenv("PDFTEXT_DUMP")
	if name == "" {
		t.Skip("set PDFTEXT_DUMP=file.pdf")
	}
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Extract(context.Background(), data, Options{OCR: os.Getenv("PDFTEXT_OCR") != ""})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range doc.Pages {
		fmt.Printf("=== page %d %.0fx%.0f scanned=%v ocr=%v\n", p.Number, p.Width, p.Height, p.Scanned, p.OCR)
		for _, l := range p.Furniture {
			fmt.Printf("  FURNITURE %q\n", l.Text())
		}
		for _, l := range p.Lines {
			var fonts []string
			for _, r := range l.Runs {
				fonts = append(fonts, r.Font+"/"+r.Legacy)
			}
			fmt.Printf("%5.1f %5.1f-%5.1f sz=%4.1f b=%-5v gap=%5.1f L=%5.1f R=%5.1f a=%d %q %s\n", l.Top, l.X0, l.X1, l.Size, l.Bold, l.Gap, l.Left, l.Right, l.Align, l.Text(), strings.Join(fonts, ","))
		}
	}
}
