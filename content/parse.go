package content

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// Problem is why a file could not be read. UIs turn it into a sentence in
// the user's language; the codes are stable.
type Problem string

const (
	ProblemBinary   Problem = "binary"   // not text (NUL bytes, control characters)
	ProblemEncoding Problem = "encoding" // bytes that no supported encoding explains
	ProblemEmpty    Problem = "empty"    // nothing but white space
	ProblemTooLarge Problem = "too-large"
	ProblemFormat   Problem = "format" // a container (docx, odt, pdf) that is damaged or unsupported
	ProblemRead     Problem = "read"   // the file system refused
)

// FileError names the file and the problem, so one bad file in an import
// of hundreds can be reported and skipped.
type FileError struct {
	File    string
	Problem Problem
	Detail  string // e.g. the byte offset, or the encoding that was guessed
	Err     error
}

func (e *FileError) Error() string {
	msg := e.File + ": " + string(e.Problem)
	if e.Detail != "" {
		msg += " (" + e.Detail + ")"
	}
	if e.Err != nil {
		msg += ": " + e.Err.Error()
	}
	return msg
}

func (e *FileError) Unwrap() error { return e.Err }

// ProblemOf returns the Problem behind err, or "" when err is not a FileError.
func ProblemOf(err error) Problem {
	var fe *FileError
	if errors.As(err, &fe) {
		return fe.Problem
	}
	return ""
}

// MaxTextSize is the largest text a single document may have after
// conversion; larger files are refused rather than parsed slowly.
const MaxTextSize = 64 << 20

// ParseFile reads and parses one file; see Parse.
func ParseFile(path string) (*Document, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, &FileError{File: filepath.Base(path), Problem: ProblemRead, Err: err}
	}
	return Parse(filepath.Base(path), data)
}

// Parse turns the bytes of a text or markdown file into a Document. The
// layout is recognised from the content, not the name; name only gives the
// Source, the default ID and a hint that ".md" is markdown.
func Parse(name string, data []byte) (*Document, error) {
	text, err := DecodeText(name, data)
	if err != nil {
		return nil, err
	}
	return parseText(name, text, LayoutOf(name, text))
}

// ParseAs parses normalised text with a known layout, for converters that
// know better than detection (a PDF is always hard-wrapped, a docx becomes
// markdown).
func ParseAs(name, text string, layout Layout) (*Document, error) {
	text = Normalize(text)
	if strings.TrimSpace(text) == "" {
		return nil, &FileError{File: name, Problem: ProblemEmpty}
	}
	return parseText(name, text, layout)
}

func parseText(name, text string, layout Layout) (*Document, error) {
	var secs []*Section
	switch layout {
	case LayoutTable:
		secs = parseTable(text)
	case LayoutWrapped:
		secs = parseWrapped(text)
	case LayoutMarkdown:
		secs = parseMarkdown(text)
	default:
		layout = LayoutParagraphs
		secs = parseParagraphs(text)
	}
	sum := sha256.Sum256([]byte(text))
	doc := &Document{
		ID:       DocID(name),
		Source:   name,
		Hash:     hex.EncodeToString(sum[:]),
		Layout:   layout,
		Sections: secs,
	}
	fillMetadata(doc, text)
	doc.Refs = extractRefs(doc.Sections)
	return doc, nil
}

// DocID is the library ID for a source file name: its base name slugged,
// so re-importing a changed file keeps the ID (and the user's bookmarks).
func DocID(name string) string {
	base := strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
	id := Slug(base, 16)
	if id == "" {
		id = "tai-lieu"
	}
	return id
}

// DecodeText checks that data is text and returns it normalised. Binary
// input and invalid UTF-8 are errors naming the file, never a panic.
func DecodeText(name string, data []byte) (string, error) {
	if len(data) > MaxTextSize {
		return "", &FileError{File: name, Problem: ProblemTooLarge, Detail: fmt.Sprintf("%d MB", len(data)>>20)}
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return "", &FileError{File: name, Problem: ProblemBinary, Detail: fmt.Sprintf("byte %d", i)}
	}
	if !utf8.Valid(data) {
		off := 0
		for off < len(data) {
			r, n := utf8.DecodeRune(data[off:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			off += n
		}
		return "", &FileError{File: name, Problem: ProblemEncoding, Detail: fmt.Sprintf("byte %d", off)}
	}
	if ctl := countControl(data); ctl > len(data)/100+2 {
		return "", &FileError{File: name, Problem: ProblemBinary, Detail: fmt.Sprintf("%d control bytes", ctl)}
	}
	text := Normalize(string(data))
	if strings.TrimSpace(text) == "" {
		return "", &FileError{File: name, Problem: ProblemEmpty}
	}
	return text, nil
}

func countControl(data []byte) int {
	n := 0
	for _, c := range data {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			n++
		}
	}
	return n
}
