package content

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"chibo/content/importer"
	"chibo/content/parse"
)

// More reasons a file could not be read (see Problem).
const (
	ProblemUnzipLimit  Problem = "unzip-limit" // a docx/odt that inflates beyond the limit: a zip bomb
	ProblemUnsupported Problem = "unsupported" // a known format chibo does not read (.doc, RTF, encrypted PDF)
	ProblemNoText      Problem = "no-text"     // a PDF with no text layer (a scan)
	ProblemEncrypted   Problem = "encrypted"   // a password-protected Word file or PDF
	// A second file in the library folder with an imported document's ID
	// (left by an interrupted update); Detail names the file that is used.
	ProblemDuplicateID Problem = "duplicate-id"
)

// DefaultMaxFileSize is the largest file Import reads unless told
// otherwise: documents are far smaller, and a larger file is more likely a
// video or a disk image dropped in the folder by mistake.
const DefaultMaxFileSize = 100 << 20

// ParseOptions tune how a file is read; the zero value detects everything.
type ParseOptions struct {
	Encoding    string // force the encoding of text and HTML files ("tcvn3", "vni", "windows-1258" …)
	MaxSize     int64  // refuse larger files (0: DefaultMaxFileSize)
	MaxUnzipped int64  // decompression budget for docx/odt (0: convert's default)
	// OCRProgress follows the OCR of a scanned PDF: scanned pages read
	// and their number (see importer.Options.OCRProgress).
	OCRProgress func(done, total int)
}

func (o ParseOptions) maxSize() int64 {
	if o.MaxSize > 0 {
		return o.MaxSize
	}
	return DefaultMaxFileSize
}

// ParseBytes parses a file's bytes whatever its format (text in any
// supported encoding, markdown, HTML, docx, odt, PDF), recognised from the
// content.
func ParseBytes(name string, data []byte) (*Document, error) {
	doc, _, err := ParseBytesContext(context.Background(), name, data, ParseOptions{})
	return doc, err
}

// ParseBytesContext is ParseBytes with options and cancellation; it also
// returns the conversion (format, encoding, and the text it read). For a
// format read as blocks — docx, odt, html, doc, rtf, pdf — its Blocks and
// Text are empty: the recogniser consumed the blocks and the document
// holds the text. For text and markdown read as UTF-8 with no byte
// replaced, Text is "" too: the text is the file's own, dropped before the
// recogniser runs, so a 60 MB text file is not held twice while parsed.
func ParseBytesContext(ctx context.Context, name string, data []byte, opt ParseOptions) (*Document, *importer.Result, error) {
	name = filepath.Base(name)
	if int64(len(data)) > opt.maxSize() {
		return nil, nil, tooLarge(name, int64(len(data)))
	}
	res, err := importer.Convert(ctx, name, data, importer.Options{Encoding: opt.Encoding, MaxUnzipped: opt.MaxUnzipped, MaxText: MaxTextSize, OCRProgress: opt.OCRProgress})
	if err != nil {
		return nil, nil, fileError(name, err)
	}
	var doc *Document
	if res.Blocks != nil {
		layout := Layout(res.Layout)
		if layout == "" {
			layout = LayoutParagraphs
		}
		// The blocks are the recogniser's alone: dropped from the result,
		// they are freed as soon as it has read them (a 400 000-paragraph
		// .docx holds ~100 MB of them).
		// The reader's markdown is dropped likewise (~20 MB there).
		bs := res.Blocks
		res.Blocks, res.Text = nil, ""
		doc = parse.Blocks(name, bs, layout)
		if len(doc.Sections) == 0 {
			return nil, nil, &FileError{File: name, Problem: ProblemEmpty}
		}
	} else if res.Layout == importer.LayoutDetect {
		raw := res.Text
		if (res.Format == importer.FormatText || res.Format == importer.FormatMarkdown) && res.Encoding == importer.UTF8 && res.Replaced == 0 {
			res.Text = ""
		}
		text := parse.Normalize(raw)
		if strings.TrimSpace(text) == "" {
			return nil, nil, &FileError{File: name, Problem: ProblemEmpty}
		}
		doc = parse.Text(name, text, parse.LayoutOf(name, text))
	} else {
		doc, err = ParseAs(name, res.Text, Layout(res.Layout))
	}
	if err != nil {
		return nil, nil, err
	}
	return doc, res, nil
}

// ErrNotRegular is the cause of a ProblemRead for a path that is no
// regular file: a FIFO, a device, a socket.
var ErrNotRegular = errors.New("not a regular file")

// ReadFileLimited reads a file, refusing it before reading when it is
// larger than max bytes. Only regular files are read: a FIFO, device or
// socket is refused by its type before it is opened (opening a FIFO waits
// for a writer), and the open does not block should the path turn into
// one in between (see openNoBlock).
func ReadFileLimited(path string, max int64) ([]byte, error) {
	name := filepath.Base(path)
	if info, err := os.Stat(path); err != nil {
		return nil, &FileError{File: name, Problem: ProblemRead, Err: err}
	} else if !info.Mode().IsRegular() {
		return nil, &FileError{File: name, Problem: ProblemRead, Err: ErrNotRegular}
	}
	f, err := openNoBlock(path)
	if err != nil {
		return nil, &FileError{File: name, Problem: ProblemRead, Err: err}
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, &FileError{File: name, Problem: ProblemRead, Err: err}
	}
	if !info.Mode().IsRegular() {
		return nil, &FileError{File: name, Problem: ProblemRead, Err: ErrNotRegular}
	}
	if info.Size() > max {
		return nil, tooLarge(name, info.Size())
	}
	// Read into a buffer of the size the file has, not a growing one: a
	// 60 MB file would otherwise peak at twice that while it is read.
	buf := bytes.NewBuffer(make([]byte, 0, info.Size()+bytes.MinRead))
	_, err = buf.ReadFrom(io.LimitReader(f, max+1))
	data := buf.Bytes()
	if err != nil {
		return nil, &FileError{File: name, Problem: ProblemRead, Err: err}
	}
	if int64(len(data)) > max { // grew while we read it
		return nil, tooLarge(name, int64(len(data)))
	}
	return data, nil
}

func tooLarge(name string, size int64) error {
	return &FileError{File: name, Problem: ProblemTooLarge, Detail: fmt.Sprintf("%d MB", (size+(1<<20)-1)>>20)}
}

// fileError turns a converter error into a FileError naming the file;
// cancellation passes through unchanged.
func fileError(name string, err error) error {
	if importer.IsCancel(err) {
		return err
	}
	var ce *importer.Error
	if errors.As(err, &ce) {
		return &FileError{File: name, Problem: Problem(ce.Problem), Detail: ce.Detail, Err: ce.Err}
	}
	return &FileError{File: name, Problem: ProblemFormat, Err: err}
}
