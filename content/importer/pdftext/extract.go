package pdftext

import (
	"context"
	"errors"
	"fmt"
	"math"
	"unicode/utf16"
	"unicode/utf8"
)

// PDFium's error codes (FPDF_GetLastError).
const (
	errFile     = 2
	errFormat   = 3
	errPassword = 4
	errSecurity = 5
)

// FPDFPage_Flatten's flag and result.
const (
	flatNormalDisplay = 0
	flattenSuccess    = 1
)

// Page object types (FPDFPageObj_GetType).
const (
	objImage = 3
	objForm  = 5
)

// scratch layout: offsets inside the sandbox's 256-byte scratch block.
const (
	scrRect  = 0  // FS_RECTF or FS_MATRIX (24 bytes)
	scrInt   = 24 // an int or unsigned long out-parameter
	scrKey   = 32 // "Type\0"
	scrBuf   = 64 // a string buffer
	scrBufSz = 192
)

// maxFailedRun is how many pages in a row may fail to load before the
// rest of the document is given up (a page count far beyond the pages the
// file holds).
const maxFailedRun = 64

func extract(ctx context.Context, e *engine, g *guard, data []byte, opt Options) (doc *Document, err error) {
	s, err := e.open(ctx, g)
	if err != nil {
		return nil, err
	}
	defer s.close()
	defer func() {
		if err != nil && s.broken {
			err = s.classify(err)
		}
	}()
	s.mem.WriteString(s.scratch+scrKey, "Type\x00")

	buf, err := s.malloc(uint32(len(data)))
	if err != nil {
		return nil, ErrTooLarge
	}
	s.mem.Write(buf, data)
	s.guard.setLimits(TextMemoryLimit, maxTextAlloc)
	d, err := s.call(fnLoadMemDocument64, uint64(buf), uint64(len(data)), 0)
	if err != nil {
		return nil, err
	}
	if d == 0 {
		code, _ := s.call(fnGetLastError)
		switch code {
		case errPassword:
			return nil, ErrPassword
		case errSecurity:
			return nil, fmt.Errorf("%w: unsupported encryption", ErrDamaged)
		case errFile, errFormat:
			return nil, fmt.Errorf("%w: not a readable PDF", ErrDamaged)
		}
		return nil, fmt.Errorf("%w: PDFium error %d", ErrDamaged, code)
	}
	defer func() {
		if !s.broken {
			_, _ = s.call(fnCloseDocument, d)
		}
	}()
	n, err := s.i32(fnGetPageCount, d)
	if err != nil {
		return nil, err
	}
	doc = &Document{}
	s.ocrAll = opt.ForceOCR
	defer func() { s.ocrAll = false }()
	text, failedRun := 0, 0
	for i := 0; i < int(n); i++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if r := g.stopped(); r != running {
			return nil, stopError(r)
		}
		p, err := s.readPage(d, i)
		if err != nil {
			return nil, err
		}
		if p == nil {
			doc.Failed++
			if failedRun++; failedRun >= maxFailedRun {
				doc.Failed += int(n) - i - 1
				break
			}
			continue
		}
		failedRun = 0
		for _, l := range p.Lines {
			for _, r := range l.Runs {
				text += len(r.Text) + 1
			}
		}
		if text > opt.MaxText {
			return nil, ErrTooMuchText
		}
		doc.Pages = append(doc.Pages, *p)
	}
	if len(doc.Pages) == 0 && doc.Failed > 0 {
		return nil, fmt.Errorf("%w: no page could be read", ErrDamaged)
	}
	doc.Memory = int(s.mem.Size())
	dropFurniture(doc)
	for i := range doc.Pages {
		layout(&doc.Pages[i])
		if doc.Pages[i].Scanned {
			doc.Scanned++
		}
	}
	if (opt.OCR || opt.ForceOCR) && doc.Scanned > 0 && OCRAvailable() {
		if err := s.ocrPages(ctx, d, doc, opt.OCRProgress); err != nil {
			return nil, err
		}
		doc.Memory = int(s.mem.Size())
	}
	return doc, nil
}

// classify turns a failed PDFium call into the error a user can act on:
// running out of sandbox memory is "too large", any other trap "damaged".
func (s *sandbox) classify(err error) error {
	var ee *engineError
	if !errors.As(err, &ee) {
		return err
	}
	if errors.Is(err, errNoMemory) || s.mem.Size() >= hardMemoryLimit-8<<20 {
		return ErrTooLarge
	}
	return fmt.Errorf("%w: %v", ErrDamaged, err)
}

// fontInfo is what a text object's font says, read once per object.
type fontInfo struct {
	name     string
	legacy   string
	size     float64 // effective size in points
	bold     bool
	artifact bool // marked as a pagination artifact (header, footer, page number)
}

// glyph is one character placed on the page (display coordinates).
type glyph struct {
	r           rune
	x0, x1      float64
	top, bottom float64
	font        *fontInfo
	space       bool // a space comes before it
}

// transform maps PDF user space to display coordinates (top-left origin,
// rotation applied).
type transform struct {
	rot            int
	x0, y0, x1, y1 float64 // the page's bounding box
}

func (t transform) point(x, y float64) (float64, float64) {
	switch t.rot {
	case 1:
		return y - t.y0, x - t.x0
	case 2:
		return t.x1 - x, y - t.y0
	case 3:
		return t.y1 - y, t.x1 - x
	}
	return x - t.x0, t.y1 - y
}

// readPage reads one page's glyphs into lines; nil when PDFium cannot load
// the page.
func (s *sandbox) readPage(doc uint64, index int) (*Page, error) {
	pg, err := s.call(fnLoadPage, doc, uint64(index))
	if err != nil || pg == 0 {
		return nil, err
	}
	// Text drawn by annotations (form fields, the number and date an
	// e-signature system stamps on a decree) is part of what the page
	// shows: merge it into the page's content, as pdftotext reads it.
	if r, err := s.i32(fnPageFlatten, pg, flatNormalDisplay); err != nil {
		return nil, err
	} else if r == flattenSuccess {
		if _, err := s.call(fnClosePage, pg); err != nil {
			return nil, err
		}
		if pg, err = s.call(fnLoadPage, doc, uint64(index)); err != nil || pg == 0 {
			return nil, err
		}
	}
	defer func() {
		if !s.broken {
			_, _ = s.call(fnClosePage, pg)
		}
	}()
	p := &Page{Number: index + 1}
	w, err := s.call(fnGetPageWidthF, pg)
	if err != nil {
		return nil, err
	}
	h, err := s.call(fnGetPageHeightF, pg)
	if err != nil {
		return nil, err
	}
	p.Width, p.Height = float64(math.Float32frombits(uint32(w))), float64(math.Float32frombits(uint32(h)))
	rot, err := s.i32(fnGetPageRotation, pg)
	if err != nil {
		return nil, err
	}
	tr := transform{rot: int(rot) & 3}
	if ok, err := s.call(fnGetPageBoundingBox, pg, uint64(s.scratch+scrRect)); err != nil {
		return nil, err
	} else if ok != 0 {
		// FS_RECTF: left, top, right, bottom
		tr.x0, tr.y1 = s.f32(s.scratch+scrRect), s.f32(s.scratch+scrRect+4)
		tr.x1, tr.y0 = s.f32(s.scratch+scrRect+8), s.f32(s.scratch+scrRect+12)
	} else {
		tr.x1, tr.y1 = p.Width, p.Height
		if tr.rot&1 == 1 {
			tr.x1, tr.y1 = p.Height, p.Width
		}
	}

	tp, err := s.call(fnTextLoadPage, pg)
	if err != nil {
		return nil, err
	}
	if tp == 0 {
		return p, nil
	}
	glyphs, err := s.readGlyphs(tp, tr, p.Width, p.Height)
	if _, cerr := s.call(fnTextClosePage, tp); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, err
	}
	p.Lines = readingOrder(buildLines(glyphs, p.Number))
	for i := range p.Lines {
		p.Lines[i].glyphs = nil
	}
	if len(p.Lines) == 0 || stampOnly(p.Lines) || s.ocrAll {
		// No text, or only what a signing system stamps on a scan
		// ("Ký bởi: …", "Cơ quan phát hành: …"): a scanned page when it
		// shows a picture. OCR reads it whole.
		p.Scanned, err = s.hasPicture(pg)
		if err != nil {
			return nil, err
		}
	}
	return p, nil
}

// readGlyphs reads the page's characters in PDFium's reading order. Line
// ends (PDFium's generated CR LF) become glyphs with r = '\n'.
func (s *sandbox) readGlyphs(tp uint64, tr transform, w, h float64) ([]glyph, error) {
	n, err := s.i32(fnTextCountChars, tp)
	if err != nil || n <= 0 {
		return nil, err
	}
	glyphs := make([]glyph, 0, n)
	fonts := map[uint64]*fontInfo{}
	var lastObj uint64
	var font *fontInfo
	space := false
	for i := 0; i < int(n); i++ {
		u, err := s.call(fnTextGetUnicode, tp, uint64(i))
		if err != nil {
			return nil, err
		}
		r := rune(uint32(u))
		switch {
		case r == 0:
			continue
		case r == '\r' || r == '\n':
			if len(glyphs) > 0 && glyphs[len(glyphs)-1].r != '\n' {
				glyphs = append(glyphs, glyph{r: '\n'})
			}
			space = false
			continue
		case r == ' ' || r == '\t' || r == '\u00a0' || r == '\u3000' || (r >= '\u2000' && r <= '\u200a'):
			space = true
			continue
		}
		obj, err := s.call(fnTextGetTextObject, tp, uint64(i))
		if err != nil {
			return nil, err
		}
		if obj != lastObj || font == nil {
			if font = fonts[obj]; font == nil {
				if font, err = s.readFont(tp, i, obj); err != nil {
					return nil, err
				}
				fonts[obj] = font
			}
			lastObj = obj
		}
		if font.artifact {
			continue
		}
		if r == 2 || r == 0xfffe {
			// PDFium's mark for a hyphen that ends a line (it replaces
			// the character): a hyphen, or in a legacy font the code 0xAD
			// it took for a soft hyphen (TCVN3's "ư").
			r = '-'
			if font.legacy != "" {
				r = 0xad
			}
		}
		ok, err := s.call(fnTextGetLooseCharBox, tp, uint64(i), uint64(s.scratch+scrRect))
		if err != nil {
			return nil, err
		}
		gl := glyph{r: r, font: font, space: space}
		space = false
		if ok != 0 {
			// FS_RECTF: left, top, right, bottom in user space
			ax, ay := tr.point(s.f32(s.scratch+scrRect), s.f32(s.scratch+scrRect+4))
			bx, by := tr.point(s.f32(s.scratch+scrRect+8), s.f32(s.scratch+scrRect+12))
			gl.x0, gl.x1 = math.Min(ax, bx), math.Max(ax, bx)
			gl.top, gl.bottom = math.Min(ay, by), math.Max(ay, by)
			// Text outside the page (cut off by its crop box) is not shown.
			if cx, cy := (gl.x0+gl.x1)/2, (gl.top+gl.bottom)/2; cx < 0 || cy < 0 || cx > w || cy > h {
				continue
			}
		}
		glyphs = append(glyphs, gl)
	}
	return glyphs, nil
}

// readFont reads the font of character i, whose text object is obj.
func (s *sandbox) readFont(tp uint64, i int, obj uint64) (*fontInfo, error) {
	f := &fontInfo{}
	r, err := s.call(fnTextGetFontSize, tp, uint64(i))
	if err != nil {
		return nil, err
	}
	f.size = math.Float64frombits(r)
	if ok, err := s.call(fnTextGetMatrix, tp, uint64(i), uint64(s.scratch+scrRect)); err != nil {
		return nil, err
	} else if ok != 0 {
		// FS_MATRIX a b c d e f: the vertical scale is |(c, d)|.
		c, d := s.f32(s.scratch+scrRect+8), s.f32(s.scratch+scrRect+12)
		if sc := math.Hypot(c, d); sc > 0 && !math.IsInf(sc, 0) {
			f.size *= sc
		}
	}
	if math.IsNaN(f.size) || math.IsInf(f.size, 0) || f.size < 0 || f.size > 2000 {
		f.size = 0
	}
	weight, err := s.i32(fnTextGetFontWeight, tp, uint64(i))
	if err != nil {
		return nil, err
	}
	ln, err := s.call(fnTextGetFontInfo, tp, uint64(i), uint64(s.scratch+scrBuf), scrBufSz, uint64(s.scratch+scrInt))
	if err != nil {
		return nil, err
	}
	flags := int32(s.u32(s.scratch + scrInt))
	if ln > 0 && ln <= scrBufSz {
		if b, ok := s.mem.Read(s.scratch+scrBuf, uint32(ln)-1); ok {
			f.name = string(b)
		}
	}
	if j := len(f.name); j > 7 && f.name[6] == '+' {
		f.name = f.name[7:]
	}
	f.legacy = LegacyFont(f.name)
	f.bold = weight >= 600 || flags&(1<<18) != 0 || boldName(f.name)
	if obj != 0 {
		if f.artifact, err = s.paginationArtifact(obj); err != nil {
			return nil, err
		}
	}
	return f, nil
}

// paginationArtifact reports whether a page object is marked as
// "/Artifact <</Type /Pagination …>>": a running header or footer, or a
// page number, as Word and other tagged-PDF writers mark them.
func (s *sandbox) paginationArtifact(obj uint64) (bool, error) {
	n, err := s.i32(fnObjCountMarks, obj)
	if err != nil || n <= 0 {
		return false, err
	}
	for j := 0; j < int(n) && j < 16; j++ {
		mark, err := s.call(fnObjGetMark, obj, uint64(j))
		if err != nil || mark == 0 {
			return false, err
		}
		name, err := s.utf16Out(fnMarkGetName, mark)
		if err != nil {
			return false, err
		}
		if name != "Artifact" {
			continue
		}
		typ, err := s.utf16Out(fnMarkGetParamStringValue, mark, uint64(s.scratch+scrKey))
		if err != nil {
			return false, err
		}
		if typ == "Pagination" {
			return true, nil
		}
	}
	return false, nil
}

// utf16Out calls one of PDFium's "(args…, buffer, buflen, &outlen)"
// functions that return a UTF-16LE string with a terminating NUL, and
// decodes it; "" when it fails or does not fit the scratch buffer.
func (s *sandbox) utf16Out(f fn, args ...uint64) (string, error) {
	a := append(args, uint64(s.scratch+scrBuf), scrBufSz, uint64(s.scratch+scrInt))
	ok, err := s.call(f, a...)
	if err != nil || ok == 0 {
		return "", err
	}
	n := s.u32(s.scratch + scrInt)
	if n < 2 || n > scrBufSz {
		return "", nil
	}
	b, _ := s.mem.Read(s.scratch+scrBuf, n-2)
	u := make([]uint16, len(b)/2)
	for k := range u {
		u[k] = uint16(b[2*k]) | uint16(b[2*k+1])<<8
	}
	return string(utf16.Decode(u)), nil
}

// hasPicture reports whether a page without text shows an image (directly
// or in a form XObject): a scanned page rather than a blank one.
func (s *sandbox) hasPicture(pg uint64) (bool, error) {
	n, err := s.i32(fnCountObjects, pg)
	if err != nil {
		return false, err
	}
	for k := 0; k < int(n); k++ {
		obj, err := s.call(fnGetObject, pg, uint64(k))
		if err != nil {
			return false, err
		}
		t, err := s.i32(fnObjGetType, obj)
		if err != nil {
			return false, err
		}
		if t == objImage || t == objForm {
			return true, nil
		}
	}
	return false, nil
}

// stampOnly reports whether a page's text is no more than a signing
// stamp or a caption: three lines and 200 characters at most.
func stampOnly(lines []Line) bool {
	if len(lines) > 3 {
		return false
	}
	n := 0
	for _, l := range lines {
		n += utf8.RuneCountInString(l.Text())
	}
	return n <= 200
}
