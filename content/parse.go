package content

import (
	"context"
	"errors"
	"path/filepath"
	"strings"

	"chibo/content/importer"
	"chibo/content/parse"
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
	// The file was read, but its copy could not be written into the
	// library (disk full, read-only folder …); Err is the system's error.
	ProblemLibraryWrite Problem = "library-write"
	// Reading the file took longer than the import allows for one file
	// (ImportOptions.FileTimeout); Detail is the time allowed.
	ProblemTimeout Problem = "timeout"
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
// conversion (see importer.DefaultMaxText: 8 MB, over ten times the
// longest real document); larger files are refused with ProblemTooLarge
// wrapping ErrTooMuchText rather than parsed in unbounded memory.
const MaxTextSize = importer.DefaultMaxText

// ErrTooMuchText is the cause of a ProblemTooLarge for a file whose text
// passes MaxTextSize; the FileError's Detail is the cap ("8 MB").
var ErrTooMuchText = importer.ErrTooMuchText

// ParseFile reads and parses one file of any supported format; see
// ParseBytes. Files over DefaultMaxFileSize are refused unread.
func ParseFile(path string) (*Document, error) {
	data, err := ReadFileLimited(path, DefaultMaxFileSize)
	if err != nil {
		return nil, err
	}
	return ParseBytes(filepath.Base(path), data)
}

// Parse turns the bytes of a file into a Document. The format, encoding
// and layout are recognised from the content, not the name; name only
// gives the Source, the default ID and a hint that ".md" is markdown.
func Parse(name string, data []byte) (*Document, error) {
	return ParseBytes(name, data)
}

// ParseAs parses normalised text with a known layout, for converters that
// know better than detection (a PDF is always hard-wrapped, a docx becomes
// markdown).
func ParseAs(name, text string, layout Layout) (*Document, error) {
	text = parse.Normalize(text)
	if strings.TrimSpace(text) == "" {
		return nil, &FileError{File: name, Problem: ProblemEmpty}
	}
	return parse.Text(name, text, layout), nil
}

// DocID is the library ID for a source file name; see parse.DocID.
func DocID(name string) string { return parse.DocID(name) }

// DecodeText checks that data is text and returns it normalised, whatever
// its encoding (UTF-8 with or without BOM, UTF-16, Windows-1258, TCVN3,
// VNI). Binary input and undecodable bytes are errors naming the file
// (and the encoding guessed), never a panic.
func DecodeText(name string, data []byte) (string, error) {
	if len(data) > MaxTextSize {
		return "", tooLarge(name, int64(len(data)))
	}
	res, err := importer.Convert(context.Background(), name+".txt", data, importer.Options{MaxText: MaxTextSize})
	if err == nil && res.Format != importer.FormatText && res.Format != importer.FormatMarkdown {
		return "", &FileError{File: name, Problem: ProblemBinary, Detail: string(res.Format)}
	}
	if err != nil {
		return "", fileError(name, err)
	}
	text := parse.Normalize(res.Text)
	if strings.TrimSpace(text) == "" {
		return "", &FileError{File: name, Problem: ProblemEmpty}
	}
	return text, nil
}
