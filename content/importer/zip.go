package importer

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
)

// archive reads parts of a docx/odt under a budget of decompressed bytes
// shared by all parts: the sizes a zip declares are not trusted, the bytes
// actually inflated are counted, and reading stops at the budget.
type archive struct {
	zr     *zip.Reader
	budget int64
}

var errUnzipLimit = errors.New("decompression limit")

// maxRatio is the compression ratio above which a large part is treated as
// a zip bomb even within budget: real XML compresses 5–30 times.
const maxRatio = 1000

func openArchive(data []byte, budget int64) (*archive, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, &Error{Problem: ProblemFormat, Detail: "zip", Err: err}
	}
	return &archive{zr: zr, budget: budget}, nil
}

// zipKind tells docx from odt by the parts the archive lists (no
// decompression, except the few bytes of an ODF mimetype).
func zipKind(data []byte) Format {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return FormatZip
	}
	for _, f := range zr.File {
		switch f.Name {
		case "word/document.xml":
			return FormatDOCX
		case "mimetype":
			rc, err := f.Open()
			if err != nil {
				continue
			}
			b, _ := io.ReadAll(io.LimitReader(rc, 100))
			rc.Close()
			if strings.HasPrefix(string(b), "application/vnd.oasis.opendocument.text") {
				return FormatODT
			}
		}
	}
	return FormatZip
}

// read returns a part's bytes, or nil when the part is absent.
func (a *archive) read(name string) ([]byte, error) {
	for _, f := range a.zr.File {
		if f.Name != name {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return nil, &Error{Problem: ProblemFormat, Detail: name, Err: err}
		}
		defer rc.Close()
		var buf bytes.Buffer
		chunk := make([]byte, 64<<10)
		for {
			n, rerr := rc.Read(chunk)
			buf.Write(chunk[:n])
			a.budget -= int64(n)
			if a.budget < 0 {
				return nil, &Error{Problem: ProblemUnzipLimit, Detail: name, Err: errUnzipLimit}
			}
			if got := uint64(buf.Len()); got > 1<<20 && got/max(f.CompressedSize64, 1) > maxRatio {
				return nil, &Error{Problem: ProblemUnzipLimit, Detail: fmt.Sprintf("%s: ratio over %d:1", name, maxRatio), Err: errUnzipLimit}
			}
			if rerr == io.EOF {
				break
			}
			if rerr != nil {
				return nil, &Error{Problem: ProblemFormat, Detail: name, Err: rerr}
			}
		}
		return buf.Bytes(), nil
	}
	return nil, nil
}
