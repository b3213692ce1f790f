package pdftext

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// OCRDPI is the resolution scanned pages are rendered at for OCR.
const OCRDPI = 300

// maxOCRPixels bounds a rendered page (an A4 page at 300 dpi is 8.7
// million pixels); larger pages are rendered at a lower resolution.
const maxOCRPixels = 12_000_000

// OCRLanguage is tesseract's language for Vietnamese.
const OCRLanguage = "vie"

func tesseract() string {
	if os.Getenv("CHIBO_OCR") == "off" {
		return ""
	}
	return findTesseract()
}

var findTesseract = sync.OnceValue(func() string {
	candidates := []string{"tesseract"}
	if runtime.GOOS == "windows" {
		// The UB Mannheim installer does not put itself on PATH.
		for _, env := range []string{"ProgramFiles", "ProgramFiles(x86)", "LOCALAPPDATA"} {
			if d := os.Getenv(env); d != "" {
				candidates = append(candidates, filepath.Join(d, "Tesseract-OCR", "tesseract.exe"), filepath.Join(d, "Programs", "Tesseract-OCR", "tesseract.exe"))
			}
		}
	}
	for _, c := range candidates {
		path, err := exec.LookPath(c)
		if err != nil {
			continue
		}
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		out, err := exec.CommandContext(ctx, path, "--list-langs").CombinedOutput()
		cancel()
		if err != nil {
			continue
		}
		for _, line := range strings.Split(string(out), "\n") {
			if strings.TrimSpace(line) == OCRLanguage {
				return path
			}
		}
	}
	return ""
})

// OCRAvailable reports whether tesseract with Vietnamese is installed
// (checked once per process; CHIBO_OCR=off turns OCR off).
func OCRAvailable() bool { return tesseract() != "" }

// ocrPages renders the scanned pages of doc and reads them with tesseract,
// reporting each page read to progress (when not nil). It has
// OCRPageTimeout per scanned page, from now; a cancelled ctx ends the
// tesseract run of the page in progress and no later page starts.
func (s *sandbox) ocrPages(ctx context.Context, d uint64, doc *Document, progress func(done, total int)) error {
	deadline := time.Now().Add(time.Duration(doc.Scanned) * OCRPageTimeout)
	if s.guard.timer != nil {
		s.guard.timer.Reset(time.Until(deadline))
	}
	ctx, cancel := context.WithDeadline(ctx, deadline)
	defer cancel()
	s.guard.setLimits(RenderMemoryLimit, maxRenderAlloc)
	defer s.guard.setLimits(TextMemoryLimit, maxTextAlloc)
	if progress != nil {
		progress(0, doc.Scanned)
	}
	read := 0
	for i := range doc.Pages {
		p := &doc.Pages[i]
		if !p.Scanned {
			continue
		}
		if err := ctx.Err(); err != nil {
			if errors.Is(err, context.DeadlineExceeded) && time.Now().After(deadline) {
				return ErrTimeout
			}
			return err
		}
		img, w, h, scale, err := s.renderGray(d, p)
		if err != nil {
			return err
		}
		lines, err := runTesseract(ctx, img, w, h, scale, p.Number)
		if err != nil {
			if ctx.Err() != nil {
				if errors.Is(ctx.Err(), context.DeadlineExceeded) && time.Now().After(deadline) {
					return ErrTimeout
				}
				return ctx.Err()
			}
			return err
		}
		p.Lines, p.OCR = lines, true
		doc.OCRed++
		if read++; progress != nil {
			progress(read, doc.Scanned)
		}
	}
	for i := range doc.Pages {
		if doc.Pages[i].OCR {
			dropPageNumbers(&doc.Pages[i])
			layout(&doc.Pages[i])
		}
	}
	return nil
}

// renderGray renders page p at OCRDPI (less for huge pages) and returns it
// as 8-bit grey, w×h pixels, with the points per pixel.
func (s *sandbox) renderGray(d uint64, p *Page) (img []byte, w, h int, scale float64, err error) {
	dpi := float64(OCRDPI)
	if px := p.Width * p.Height * dpi * dpi / (72 * 72); px > maxOCRPixels {
		dpi *= math.Sqrt(maxOCRPixels / px)
	}
	w, h = int(math.Round(p.Width*dpi/72)), int(math.Round(p.Height*dpi/72))
	if w <= 0 || h <= 0 {
		return nil, 0, 0, 0, fmt.Errorf("%w: page %d has no size", ErrDamaged, p.Number)
	}
	pg, err := s.call(fnLoadPage, d, uint64(p.Number-1))
	if err != nil || pg == 0 {
		return nil, 0, 0, 0, errors.Join(err, fmt.Errorf("%w: page %d", ErrDamaged, p.Number))
	}
	defer func() {
		if !s.broken {
			_, _ = s.call(fnClosePage, pg)
		}
	}()
	bmp, err := s.call(fnBitmapCreate, uint64(w), uint64(h), 0)
	if err != nil {
		return nil, 0, 0, 0, err
	}
	if bmp == 0 {
		return nil, 0, 0, 0, ErrTooLarge
	}
	defer func() {
		if !s.broken {
			_, _ = s.call(fnBitmapDestroy, bmp)
		}
	}()
	if _, err := s.call(fnBitmapFillRect, bmp, 0, 0, uint64(w), uint64(h), 0xFFFFFFFF); err != nil {
		return nil, 0, 0, 0, err
	}
	const flags = 0x01 | 0x08 // FPDF_ANNOT | FPDF_GRAYSCALE
	if _, err := s.call(fnRenderPageBitmap, bmp, pg, 0, 0, uint64(w), uint64(h), 0, flags); err != nil {
		return nil, 0, 0, 0, err
	}
	buf, err := s.call(fnBitmapGetBuffer, bmp)
	if err != nil {
		return nil, 0, 0, 0, err
	}
	stride, err := s.i32(fnBitmapGetStride, bmp)
	if err != nil {
		return nil, 0, 0, 0, err
	}
	if stride < int32(4*w) {
		return nil, 0, 0, 0, fmt.Errorf("%w: bitmap stride %d", ErrDamaged, stride)
	}
	px, ok := s.mem.Read(uint32(buf), uint32(stride)*uint32(h))
	if !ok {
		return nil, 0, 0, 0, fmt.Errorf("%w: bitmap outside memory", ErrDamaged)
	}
	img = make([]byte, w*h)
	for y := 0; y < h; y++ {
		row := px[y*int(stride):]
		for x := 0; x < w; x++ {
			b, g, r := int(row[4*x]), int(row[4*x+1]), int(row[4*x+2])
			img[y*w+x] = byte((299*r + 587*g + 114*b) / 1000)
		}
	}
	return img, w, h, 72 / dpi, nil
}

// runTesseract reads a grey image with tesseract and returns its lines,
// positioned in points (scale points per pixel).
func runTesseract(ctx context.Context, img []byte, w, h int, scale float64, page int) ([]Line, error) {
	var in bytes.Buffer
	fmt.Fprintf(&in, "P5\n%d %d\n255\n", w, h)
	in.Write(img)
	cmd := exec.CommandContext(ctx, tesseract(), "stdin", "stdout", "-l", OCRLanguage,
		"--dpi", strconv.Itoa(int(math.Round(72/scale))), "tsv")
	cmd.Stdin = &in
	var stderr bytes.Buffer
	cmd.Stderr = &limitedWriter{w: &stderr, n: 4 << 10}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("tesseract: %w", err)
	}
	lines, perr := parseTSV(io.LimitReader(out, 16<<20), scale, page)
	_, _ = io.Copy(io.Discard, out)
	if err := cmd.Wait(); err != nil {
		return nil, fmt.Errorf("tesseract: %w: %s", err, strings.TrimSpace(stderr.String()))
	}
	return lines, perr
}

// parseTSV reads tesseract's TSV output (level, page, block, paragraph,
// line, word, left, top, width, height, confidence, text) into lines.
func parseTSV(r io.Reader, scale float64, page int) ([]Line, error) {
	type key struct{ block, par, line int }
	type word struct {
		x0, x1, top, bottom float64
		text                string
	}
	groups := map[key][]word{}
	var order []key
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		if len(f) < 12 || f[0] != "5" {
			continue
		}
		n := make([]int, 10)
		bad := false
		for i := range n {
			v, err := strconv.Atoi(f[i])
			if err != nil {
				bad = true
				break
			}
			n[i] = v
		}
		text := strings.TrimSpace(f[11])
		if bad || text == "" {
			continue
		}
		k := key{n[2], n[3], n[4]}
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], word{
			x0: float64(n[6]) * scale, x1: float64(n[6]+n[8]) * scale,
			top: float64(n[7]) * scale, bottom: float64(n[7]+n[9]) * scale, text: text,
		})
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	var lines []Line
	for _, k := range order {
		ws := groups[k]
		sort.SliceStable(ws, func(a, b int) bool { return ws[a].x0 < ws[b].x0 })
		l := Line{Page: page, X0: ws[0].x0, X1: ws[0].x1, Top: ws[0].top, Bottom: ws[0].bottom}
		texts := make([]string, len(ws))
		for i, w := range ws {
			texts[i] = w.text
			l.X0, l.X1 = math.Min(l.X0, w.x0), math.Max(l.X1, w.x1)
			l.Top, l.Bottom = math.Min(l.Top, w.top), math.Max(l.Bottom, w.bottom)
		}
		l.Runs = []Run{{Text: strings.Join(texts, " ")}}
		lines = append(lines, l)
	}
	return lines, nil
}

// limitedWriter keeps the first n bytes written to it.
type limitedWriter struct {
	w io.Writer
	n int
}

func (l *limitedWriter) Write(p []byte) (int, error) {
	if l.n > 0 {
		k := min(len(p), l.n)
		_, _ = l.w.Write(p[:k])
		l.n -= k
	}
	return len(p), nil
}
