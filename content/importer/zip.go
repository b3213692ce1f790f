package importer

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// archive reads parts of a docx/odt under a budget of decompressed bytes
// shared by all parts: the sizes a zip declares are not trusted, the bytes
// actually inflated are counted, and reading stops at the budget.
//
// Parts are streamed into the XML decoder, never held whole: what is in
// memory at once is one XML token (capped by maxToken) and the open
// elements (capped by maxDepth), so a bomb costs the same few megabytes
// whatever it inflates to, and is refused as soon as a limit is passed.
type archive struct {
	zr     *zip.Reader
	budget int64
}

var errUnzipLimit = errors.New("decompression limit")

// maxRatio is the compression ratio above which a large part is treated as
// a zip bomb even within budget: real XML compresses 5–30 times.
const maxRatio = 1000

// maxToken caps the bytes the XML decoder may read for one token (a text
// run, a tag with its attributes): a real run is at most a few kilobytes.
// maxDepth caps the open elements (the decoder keeps each one): real
// documents nest a few dozen deep.
var (
	maxToken = 4 << 20
	maxDepth = 2000
)

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
			if strings.HasPrefix(zipMimetype(f), "application/vnd.oasis.opendocument.text") {
				return FormatODT
			}
		}
	}
	return FormatZip
}

// zipMimetype is the first 100 bytes of an OpenDocument archive's
// "mimetype" entry f ("application/vnd.oasis.opendocument.text"), "" when
// it cannot be read.
func zipMimetype(f *zip.File) string {
	rc, err := f.Open()
	if err != nil {
		return ""
	}
	defer rc.Close()
	b, _ := io.ReadAll(io.LimitReader(rc, 100))
	return string(b)
}

// part is one archive member being read: it counts the inflated bytes
// against the archive's budget, the part's ratio, and the bytes read since
// the decoder last returned a token.
type part struct {
	a       *archive
	name    string
	rc      io.ReadCloser
	comp    uint64 // compressed size, for the ratio
	got     uint64
	pending int // bytes read since the last token
	err     error
}

func (p *part) Read(b []byte) (int, error) {
	if p.err != nil {
		return 0, p.err
	}
	n, err := p.rc.Read(b)
	p.got += uint64(n)
	p.pending += n
	p.a.budget -= int64(n)
	switch {
	case p.a.budget < 0:
		p.err = &Error{Problem: ProblemUnzipLimit, Detail: p.name, Err: errUnzipLimit}
	case p.got > 1<<20 && p.got/max(p.comp, 1) > maxRatio:
		p.err = &Error{Problem: ProblemUnzipLimit, Detail: fmt.Sprintf("%s: ratio over %d:1", p.name, maxRatio), Err: errUnzipLimit}
	case p.pending > maxToken:
		p.err = &Error{Problem: ProblemUnzipLimit, Detail: fmt.Sprintf("%s: one XML token over %d MB", p.name, maxToken>>20), Err: errUnzipLimit}
	case err != nil && err != io.EOF:
		p.err = &Error{Problem: ProblemFormat, Detail: p.name, Err: err}
	}
	if p.err != nil {
		return 0, p.err
	}
	return n, err
}

// open starts streaming a part; nil, nil when the part is absent.
func (a *archive) open(name string) (*xmlStream, error) {
	for _, f := range a.zr.File {
		if f.Name != name {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return nil, &Error{Problem: ProblemFormat, Detail: name, Err: err}
		}
		p := &part{a: a, name: name, rc: rc, comp: f.CompressedSize64}
		return &xmlStream{Decoder: xml.NewDecoder(p), p: p}, nil
	}
	return nil, nil
}

// xmlStream is an XML decoder over a part that enforces maxToken and
// maxDepth.
type xmlStream struct {
	*xml.Decoder
	p     *part
	depth int
}

// Token is the decoder's Token, counting the open elements.
func (s *xmlStream) Token() (xml.Token, error) {
	if s.p != nil {
		s.p.pending = 0
	}
	tok, err := s.Decoder.Token()
	switch tok.(type) {
	case xml.StartElement:
		if s.depth++; s.depth > maxDepth {
			return nil, &Error{Problem: ProblemFormat, Detail: fmt.Sprintf("XML nested over %d deep", maxDepth)}
		}
	case xml.EndElement:
		s.depth--
	}
	return tok, err
}

// DecodeElement is the decoder's, for an element whose start Token has
// returned: it consumes the element to its end.
func (s *xmlStream) DecodeElement(v any, start *xml.StartElement) error {
	if s.p != nil {
		s.p.pending = 0
	}
	err := s.Decoder.DecodeElement(v, start)
	s.depth--
	return err
}

// Close releases the part's inflater.
func (s *xmlStream) Close() {
	if s.p != nil {
		s.p.rc.Close()
	}
}

// xmlError is the error to return for a decoder error in part: a limit
// the part reader hit, or a format error.
func xmlError(part string, err error) error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	return &Error{Problem: ProblemFormat, Detail: part, Err: err}
}

// limitErr is err when it is a limit the part reader hit (which the
// lenient readers of styles and notes must not swallow), else nil.
func limitErr(err error) error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	return nil
}
