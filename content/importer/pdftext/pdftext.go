// Package pdftext reads the text of a PDF with PDFium (Chrome's PDF
// engine) compiled to WebAssembly and run by wazero: pure Go, no cgo, in a
// sandbox that sees no files and no network, with a memory cap, a time
// budget and cancellation.
//
// It returns the visual lines of each page with the geometry a structure
// recogniser needs (position, font size, weight, gap above, distances from
// the text column's edges), drops page furniture (page numbers, running
// headers and footers), keeps the text of legacy Vietnamese fonts (TCVN3
// .VnTime, VNI-Times) as the font's byte codes with the font named so the
// caller can decode it, and can OCR pages that have no text layer with
// tesseract when it is installed.
//
// PDFium starts on first use, once per process: compiling its 5.6 MB
// module takes a few seconds the first time on a machine and a fraction of
// a second afterwards, because the compiled code is cached in the user's
// cache directory (see InitTime).
package pdftext

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"chibo/content/block"
)

// Options bound and tune one extraction; the zero value is sensible.
type Options struct {
	// MaxText caps the bytes of text read, 0 meaning DefaultMaxText;
	// beyond it Extract fails with ErrTooMuchText.
	MaxText int
	// Timeout caps reading the text, 0 meaning DefaultTimeout; OCR gets
	// OCRPageTimeout more per scanned page. Beyond it Extract fails with
	// ErrTimeout.
	Timeout time.Duration
	// OCR reads the pages that have no text layer with tesseract (language
	// "vie") when it is installed; see OCRAvailable.
	OCR bool
	// ForceOCR reads by OCR every page that shows a picture, whatever its
	// text layer says: for a scan whose text layer is a failed OCR.
	ForceOCR bool
	// OCRProgress, when set, is called before OCR starts (done 0) and
	// after each scanned page it reads, with the scanned pages read and
	// their number: OCR takes seconds a page, and a long scan should
	// show that it moves. It is called on Extract's goroutine.
	OCRProgress func(done, total int)
}

const (
	DefaultMaxText = 8 << 20 // as chibo/content/importer's
	DefaultTimeout = 2 * time.Minute
	OCRPageTimeout = 90 * time.Second
)

// Errors of Extract; damaged files give an error wrapping ErrDamaged.
var (
	ErrDamaged     = errors.New("damaged PDF")
	ErrPassword    = errors.New("PDF protected by a password")
	ErrTooLarge    = errors.New("PDF needs more memory than allowed")
	ErrTooMuchText = errors.New("PDF has more text than allowed")
	ErrTimeout     = errors.New("PDF took too long to read")
)

// Document is the text of a PDF.
type Document struct {
	Pages []Page
	// Scanned counts the pages that show an image but have no text layer
	// (or only a signing stamp); OCRed counts those read by OCR.
	Scanned, OCRed int
	// Failed counts the pages PDFium could not load (they are left out).
	Failed int
	// Memory is the most memory PDFium's sandbox held, in bytes.
	Memory int
}

// Page is one page as displayed (rotation applied).
type Page struct {
	Number        int     // 1-based
	Width, Height float64 // points
	Lines         []Line  // body lines in reading order
	// Furniture are the lines dropped as page furniture: page numbers and
	// running headers and footers, in reading order.
	Furniture []Line
	// Scanned marks a page with an image and no text layer; OCR marks that
	// its Lines come from OCR.
	Scanned, OCR bool
}

// Line is one visual line of text. Coordinates are in points from the
// page's top-left corner as displayed.
type Line struct {
	// Runs are the line's text in font runs; spaces between words are in
	// the runs' text.
	Runs []Run
	Page int // 1-based

	X0, X1      float64 // left and right ends of the text
	Top, Bottom float64 // top of the tallest and bottom of the lowest glyph (font box)

	// Size is the font size in points that covers most characters (0 for
	// OCR lines of unknown size); Bold holds when (almost) all letters are
	// in a bold font (weight ≥ 600, "Bold" in the name or forced bold).
	Size float64
	Bold bool
	// Gap is the space above the line, in points, from the bottom of the
	// previous line on the page (0 for the first line and for a line not
	// below the previous one). Left and Right are the distances of X0 and
	// X1 from the page's text column (the smallest X0 and the largest X1
	// of its body lines).
	Gap, Left, Right float64
	// Align is AlignCenter when both margins are large and about equal,
	// AlignRight when the line ends at the column's right edge far from the
	// left one, AlignLeft when it starts at the left edge, else unknown.
	Align block.Align

	glyphs []glyph // while the page is read
}

// Run is text in one font.
type Run struct {
	// Text is the text as PDFium maps it, control characters and all: for
	// a legacy font without a Unicode map these are its byte codes (read
	// them with RunBytes).
	Text string
	// Font is the font's base name without the subset prefix ("ABCDEF+").
	Font string
	// Legacy is the Vietnamese legacy encoding the font's name announces
	// ("tcvn3" for .VnTime and friends, "vni" for VNI-Times…), else "".
	Legacy string
}

// Text is the line's text: runs joined, control characters dropped, other
// spaces made plain, NFC. Legacy runs are not decoded.
func (l Line) Text() string {
	var b strings.Builder
	for _, r := range l.Runs {
		b.WriteString(r.Text)
	}
	return Clean(b.String())
}

// Clean drops control characters (C0 and C1, U+FFFE/U+FFFF, unpaired or
// invalid code points) except newlines, makes tabs, no-break and other
// spaces plain spaces, and composes to NFC.
func Clean(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\n':
			b.WriteByte('\n')
		case r == '\t' || r == '\u00a0' || r == '\u3000' || (unicode.Is(unicode.Zs, r) && r != ' '):
			b.WriteByte(' ')
		case r < 0x20 || (r >= 0x7f && r < 0xa0) || r == utf8.RuneError || r == 0xfffe || r == 0xffff ||
			r == '\u00ad' || r == '\u200b' || r == '\ufeff' || (r >= 0xd800 && r < 0xe000):
			// control, soft hyphen, zero-width space, BOM: invisible
		default:
			b.WriteRune(r)
		}
	}
	return norm.NFC.String(b.String())
}

// LegacyFont reports the Vietnamese legacy encoding a font name announces:
// "tcvn3" for the ABC fonts (.VnTime, .VnTimeH, VnArial…, with or without
// the dot), "vni" for VNI-Times and the other VNI- fonts, else "".
func LegacyFont(name string) string {
	n := name
	if i := strings.IndexByte(n, '+'); i == 6 {
		n = n[i+1:]
	}
	n = strings.TrimPrefix(n, ".")
	switch {
	case len(n) > 3 && strings.EqualFold(n[:3], "vni") && (n[3] == '-' || n[3] == '_' || (n[3] >= 'A' && n[3] <= 'Z')):
		return "vni"
	case len(n) > 2 && strings.EqualFold(n[:2], "vn") && n[2] >= 'A' && n[2] <= 'Z':
		return "tcvn3"
	}
	return ""
}

// RunBytes turns a legacy run's text back into the font's byte codes:
// code points below 256 are the bytes themselves, Windows-1252
// punctuation maps back to 0x80–0x9F, and the glyph-name substitutes
// Distiller and PDFium write for some codes (U+2212 minus for 0xAD,
// U+2219 bullet operator for 0xB7, U+FFFE for a soft hyphen at a line end)
// map back to their bytes. ok is false when some character has no byte:
// the run is real Unicode after all.
func RunBytes(text string) (b []byte, ok bool) {
	b = make([]byte, 0, len(text))
	for _, r := range text {
		switch {
		case r < 0x100:
			b = append(b, byte(r))
		case r == 0x2212 || r == 0xfffe:
			b = append(b, 0xad)
		case r == 0x2219:
			b = append(b, 0xb7)
		default:
			c, found := cp1252High[r]
			if !found {
				return nil, false
			}
			b = append(b, c)
		}
	}
	return b, true
}

// cp1252High maps the Windows-1252 characters of 0x80–0x9F to their bytes.
var cp1252High = map[rune]byte{
	'€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87,
	'ˆ': 0x88, '‰': 0x89, 'Š': 0x8a, '‹': 0x8b, 'Œ': 0x8c, 'Ž': 0x8e,
	'‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97,
	'˜': 0x98, '™': 0x99, 'š': 0x9a, '›': 0x9b, 'œ': 0x9c, 'ž': 0x9e, 'Ÿ': 0x9f,
}

// Extract reads the text of the PDF in data. It honours ctx's deadline and
// cancellation, Options.Timeout and Options.MaxText; a hostile file costs
// at most TextMemoryLimit of sandbox memory (RenderMemoryLimit for OCR). Errors are ErrDamaged (wrapped),
// ErrPassword, ErrTooLarge, ErrTooMuchText, ErrTimeout or ctx's error; a
// PDF without any text is not an error (see Document.Scanned).
func Extract(ctx context.Context, data []byte, opt Options) (*Document, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	data = trimPDF(data)
	if opt.MaxText <= 0 {
		opt.MaxText = DefaultMaxText
	}
	if opt.Timeout <= 0 {
		opt.Timeout = DefaultTimeout
	}
	if len(data) > MaxFileSize {
		return nil, ErrTooLarge
	}
	deadline := time.Now().Add(opt.Timeout)
	e, err := acquireEngine(ctx)
	if err != nil {
		return nil, err
	}
	g := newGuard(len(data))
	stopped := make(chan struct{})
	var stopOnce sync.Once
	stop := func(r int32) {
		stopOnce.Do(func() {
			g.stop(r)
			close(stopped)
		})
	}
	defer context.AfterFunc(ctx, func() { stop(stopCanceled) })()
	timer := time.AfterFunc(time.Until(deadline), func() { stop(stopTimeout) })
	defer timer.Stop()
	g.timer = timer

	type result struct {
		doc *Document
		err error
	}
	done := make(chan result, 1)
	go func() {
		// The reader releases the engine: on a stop, Extract may return
		// while PDFium is still in its last call.
		defer releaseEngine()
		doc, err := extract(ctx, e, g, data, opt)
		done <- result{doc, err}
	}()
	var r result
	select {
	case r = <-done:
	case <-stopped:
		// The listener ends PDFium's work at its next allocation; should a
		// call not allocate for a while, the caller does not wait for it:
		// the sandbox is disposed of when the call returns.
		select {
		case r = <-done:
		case <-time.After(2 * time.Second):
			r.err = stopError(g.stopped())
		}
	}
	if r.err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, r.err
	}
	return r.doc, nil
}

// trimPDF cuts what comes before "%PDF-" (mail headers, a BOM) and after
// the last "%%EOF" (padding, stray bytes of a download).
func trimPDF(data []byte) []byte {
	if i := bytes.Index(data, []byte("%PDF-")); i > 0 {
		data = data[i:]
	}
	tail := data
	const window = 64 << 10
	if len(tail) > window {
		tail = tail[len(tail)-window:]
	}
	if i := bytes.LastIndex(tail, []byte("%%EOF")); i >= 0 {
		data = data[:len(data)-len(tail)+i+len("%%EOF")]
	}
	return data
}
