// Package convert turns the bytes of a user's file — plain text in any
// Vietnamese encoding, markdown, HTML, Word (.docx), OpenDocument (.odt) or
// PDF — into UTF-8 text plus a hint of its layout, for the content parsers.
//
// The format is recognised from the bytes, not the name, because files
// arrive renamed, mailed and re-saved. Everything runs in-process and
// offline: nothing inside a document is fetched or executed, zip archives
// are read under a decompression budget, and a damaged file yields an
// *Error naming the problem, never a panic.
//
// The package is a leaf below chibo/content (which imports it), so it
// speaks in plain strings: Problem codes equal content.Problem values and
// Layout values equal content.Layout values.
package importer

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"chibo/content/block"
	"chibo/content/internal/compose"
	"chibo/content/safetext"
)

// Format is what a file turned out to be.
type Format string

const (
	FormatText     Format = "text"
	FormatMarkdown Format = "markdown"
	FormatHTML     Format = "html"
	FormatDOCX     Format = "docx"
	FormatODT      Format = "odt"
	FormatPDF      Format = "pdf"
	FormatDOC      Format = "doc" // Word 97–2003: recognised to explain, not read
	FormatRTF      Format = "rtf"
	FormatZip      Format = "zip" // an archive that is neither docx nor odt
)

// Layout is the layout hint for the parser; the values are content.Layout's.
type Layout string

const (
	LayoutDetect     Layout = "" // plain text: let the parser recognise it
	LayoutParagraphs Layout = "paragraphs"
	LayoutWrapped    Layout = "wrapped"
	LayoutMarkdown   Layout = "markdown"
)

// Problem codes; the values are content.Problem's.
const (
	ProblemBinary      = "binary"
	ProblemEncoding    = "encoding"
	ProblemEmpty       = "empty"
	ProblemTooLarge    = "too-large"
	ProblemFormat      = "format"
	ProblemUnzipLimit  = "unzip-limit"
	ProblemUnsupported = "unsupported"
	ProblemNoText      = "no-text"
	ProblemEncrypted   = "encrypted" // a password-protected Word file or PDF
)

// Error says why a file could not be converted. Detail is short and
// technical (an offset, the guessed encoding); UIs explain Problem.
type Error struct {
	Problem string
	Detail  string
	Err     error
}

func (e *Error) Error() string {
	s := e.Problem
	if e.Detail != "" {
		s += " (" + e.Detail + ")"
	}
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

func (e *Error) Unwrap() error { return e.Err }

// Options tune a conversion; the zero value is sensible.
type Options struct {
	// Encoding forces the encoding of text and HTML files (see
	// ParseEncoding); "" detects it.
	Encoding string
	// MaxUnzipped caps the bytes read out of a docx/odt archive, so a zip
	// bomb is refused instead of filling memory. 0 means DefaultMaxUnzipped.
	MaxUnzipped int64
	// MaxText caps the converted text, in bytes of UTF-8, and with it the
	// paragraphs (each counts for its text and its keeping, see
	// blockCost). 0 means DefaultMaxText. Beyond it Convert fails with
	// ProblemTooLarge wrapping ErrTooMuchText.
	MaxText int
	// OCRProgress, when set, follows the OCR of a scanned PDF page by page
	// (see pdftext.Options.OCRProgress); other formats never call it.
	OCRProgress func(done, total int)
}

// DefaultMaxText is the text cap of one file: 8 MB of UTF-8, some
// 2 700 dense pages. The longest real documents chibo reads are about
// 0.6 MB of text (the Civil Code, Bộ luật Dân sự 2015: 689 articles,
// 3 110 paragraphs in its .docx), so the cap refuses no document, only a
// damaged file or many documents joined in one, and it keeps the memory
// of the import, the index and the reader of one file within bounds (a
// file's text is held a few times over while it is parsed and indexed).
const (
	DefaultMaxUnzipped = 256 << 20
	DefaultMaxText     = 8 << 20
)

// ErrTooMuchText is the cause of a ProblemTooLarge for a file whose text
// or paragraphs pass Options.MaxText; the Error's Detail is the cap
// ("8 MB").
var ErrTooMuchText = errors.New("more text than one document holds")

// tooMuchText is the error for a file over the text cap max.
func tooMuchText(max int) *Error {
	return &Error{Problem: ProblemTooLarge, Detail: fmt.Sprintf("%d MB", max>>20), Err: ErrTooMuchText}
}

func (o Options) maxUnzipped() int64 {
	if o.MaxUnzipped > 0 {
		return o.MaxUnzipped
	}
	return DefaultMaxUnzipped
}

func (o Options) maxText() int {
	if o.MaxText > 0 {
		return o.MaxText
	}
	return DefaultMaxText
}

// Result is a converted file.
type Result struct {
	// Blocks is the file as a stream of paragraphs and tables with their
	// style evidence (see chibo/content/block), for the readers that see
	// more than text; nil for plain text, which the recogniser splits
	// itself according to Layout.
	Blocks   []block.Block
	Text     string // NFC, LF line ends; for Blocks readers, the blocks' text
	Layout   Layout
	Format   Format
	Encoding string // for text and HTML; for office files a repaired legacy font encoding, if any
	OCR      bool   // PDF: some pages were read by OCR (they had no text layer)
	// Garbled marks a PDF whose text layer reads as little Vietnamese
	// (under 3 in 4 of its words are syllables): a scan's failed OCR, a
	// font without a Unicode map. It is imported; the user is warned.
	Garbled bool
	// Replaced counts the bytes of a UTF-8 text or page that were not
	// valid UTF-8 and were read as U+FFFD (a stray byte in an otherwise
	// UTF-8 file, or any under a forced --encoding utf-8). It is
	// imported; the user is warned.
	Replaced int
}

// Sniff recognises a file's format from its first bytes; name only breaks
// ties between plain text and markdown, and HTML without a doctype.
func Sniff(name string, data []byte) Format {
	head := data
	if len(head) > 1024 {
		head = head[:1024]
	}
	ext := strings.ToLower(filepath.Ext(name))
	switch {
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		switch zipKind(data) {
		case FormatDOCX:
			return FormatDOCX
		case FormatODT:
			return FormatODT
		}
		// An archive we cannot list under an office name is a damaged
		// (say, half-downloaded) office file: say so, not "unsupported".
		switch ext {
		case ".docx":
			return FormatDOCX
		case ".odt":
			return FormatODT
		}
		return FormatZip
	case bytes.Contains(head, []byte("%PDF-")):
		return FormatPDF
	case bytes.HasPrefix(data, []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")):
		return FormatDOC
	case bytes.HasPrefix(data, []byte("{\\rtf")):
		return FormatRTF
	}
	if looksHTML(head, ext) {
		return FormatHTML
	}
	if u, _ := utf16Head(data); u != nil {
		// Word's "Web Page" saved as Unicode (charset=unicode) is UTF-16,
		// with or without a BOM, and is often served under a .doc name.
		switch {
		case bytes.HasPrefix(bytes.TrimLeft(u, " \t\r\n"), []byte("{\\rtf")):
			return FormatRTF
		case looksHTML(u, ext):
			return FormatHTML
		}
	}
	if ext == ".md" || ext == ".markdown" {
		return FormatMarkdown
	}
	return FormatText
}

// utf16Head decodes the first bytes of a UTF-16 file (a BOM, or the zero
// bytes of mostly-ASCII text) to UTF-8, for sniffing; nil when data is not
// UTF-16. enc is UTF16LE or UTF16BE.
func utf16Head(data []byte) (head []byte, enc string) {
	switch {
	case bytes.HasPrefix(data, []byte("\xff\xfe")):
		enc = UTF16LE
	case bytes.HasPrefix(data, []byte("\xfe\xff")):
		enc = UTF16BE
	default:
		if enc = utf16NoBOM(data); enc == "" {
			return nil, ""
		}
	}
	raw := data
	if len(raw) > 2048 {
		raw = raw[:2048]
	}
	raw = raw[:len(raw)&^1]
	s, err := Decode(raw, enc)
	if err != nil {
		return nil, ""
	}
	return []byte(strings.TrimPrefix(s, "\ufeff")), enc
}

// looksHTML checks the start of a file for markup. A .html name alone is
// not enough (a saved page can be plain text), nor is one tag in a text.
// UTF-16 pages are recognised by Sniff through utf16Head.
func looksHTML(head []byte, ext string) bool {
	h := bytes.ToLower(bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")), " \t\r\n"))
	for _, p := range []string{"<!doctype html", "<html", "<head", "<body", "<meta", "<title"} {
		if bytes.HasPrefix(h, []byte(p)) {
			return true
		}
	}
	if bytes.HasPrefix(h, []byte("<?xml")) && bytes.Contains(h, []byte("<html")) {
		return true
	}
	if (ext == ".html" || ext == ".htm" || ext == ".xhtml") && bytes.HasPrefix(h, []byte("<")) {
		return true
	}
	return false
}

// Convert turns a file's bytes into text. ctx is checked between pages and
// parts, so a cancelled import does not wait for a long PDF.
func Convert(ctx context.Context, name string, data []byte, opt Options) (res *Result, err error) {
	defer func() {
		// The readers are written not to panic; this is the last guard
		// that keeps one strange file from stopping an import of many.
		if p := recover(); p != nil {
			res, err = nil, &Error{Problem: ProblemFormat, Detail: fmt.Sprint(p)}
		}
	}()
	if len(data) == 0 {
		return nil, &Error{Problem: ProblemEmpty}
	}
	if opt.Encoding != "" {
		enc, ok := ParseEncoding(opt.Encoding)
		if !ok {
			return nil, &Error{Problem: ProblemEncoding, Detail: "unknown encoding " + opt.Encoding}
		}
		opt.Encoding = enc
	}
	f := Sniff(name, data)
	if (f == FormatText || f == FormatMarkdown) && len(data) > textCapBytes(data, opt.maxText()) {
		// Checked before decoding, which holds the text a few times.
		return nil, tooMuchText(opt.maxText())
	}
	switch f {
	case FormatDOCX:
		res, err = convertDOCX(ctx, data, opt)
	case FormatODT:
		res, err = convertODT(ctx, data, opt)
	case FormatPDF:
		res, err = convertPDF(ctx, data, opt)
	case FormatHTML:
		if _, enc := utf16Head(data); enc != "" && opt.Encoding == "" {
			// A UTF-16 page (Word's charset=unicode): decode it here, so
			// the HTML reader sees UTF-8 and its charset declaration
			// ("unicode") is not taken for the bytes' encoding.
			var text string
			if text, err = Decode(data, enc); err != nil {
				return nil, &Error{Problem: ProblemEncoding, Detail: enc, Err: err}
			}
			if res, err = convertHTML(ctx, []byte(strings.TrimPrefix(text, "\ufeff")), opt); err == nil {
				res.Encoding = enc
			}
		} else {
			res, err = convertHTML(ctx, data, opt)
		}
	case FormatDOC:
		res, err = convertDOC(ctx, data, opt)
	case FormatRTF:
		res, err = convertRTF(ctx, data, opt)
	case FormatZip:
		if office := officeZip(data); office != "" {
			return nil, &Error{Problem: ProblemUnsupported, Detail: office}
		}
		return nil, &Error{Problem: ProblemUnsupported, Detail: "zip"}
	default:
		res, err = convertText(data, opt)
		if err == nil && f == FormatMarkdown {
			res.Format, res.Layout = FormatMarkdown, LayoutMarkdown
		}
	}
	if err != nil {
		return nil, err
	}
	sanitize(res)
	if len(res.Text) > opt.maxText() {
		return nil, tooMuchText(opt.maxText())
	}
	if strings.TrimSpace(res.Text) == "" {
		if f == FormatPDF {
			return nil, &Error{Problem: ProblemNoText}
		}
		return nil, &Error{Problem: ProblemEmpty}
	}
	return res, nil
}

// textCapBytes is the size in bytes over which a plain-text file is
// surely over the text cap max, before decoding it: twice the cap for
// UTF-16 (two bytes of ASCII become one), 1.5 times for the others (every
// legacy byte becomes one or more bytes of UTF-8; composing decomposed
// accents and CR LF line ends shrink UTF-8 text by less than a third).
func textCapBytes(data []byte, max int) int {
	if _, enc := utf16Head(data); enc != "" {
		return 2 * max
	}
	return max + max/2
}

// convertText decodes a plain-text file.
// binaryDetail names what a file that is not text is, when its first
// bytes say (the WHATWG sniffing of net/http.DetectContentType: "image/
// jpeg", "application/zip", "audio/mpeg", "video/mp4" …), so the message
// can say "a photo" rather than "byte 8"; otherwise fallback.
func binaryDetail(data []byte, fallback string) string {
	t, _, _ := strings.Cut(http.DetectContentType(data[:min(len(data), 512)]), ";")
	switch {
	case t == "application/octet-stream", strings.HasPrefix(t, "text/"):
		return fallback
	}
	return t
}

// officeZip is the media type of a spreadsheet or a presentation saved by
// an office suite (.xlsx, .pptx, .ods, .odp), which chibo does not read,
// by the parts its archive lists; "" for another zip.
func officeZip(data []byte) string {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return ""
	}
	for _, f := range zr.File {
		switch f.Name {
		case "xl/workbook.xml":
			return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
		case "ppt/presentation.xml":
			return "application/vnd.openxmlformats-officedocument.presentationml.presentation"
		case "mimetype":
			if m := zipMimetype(f); m == "application/vnd.oasis.opendocument.spreadsheet" || m == "application/vnd.oasis.opendocument.presentation" {
				return m
			}
		}
	}
	return ""
}

func convertText(data []byte, opt Options) (*Result, error) {
	text, enc, replaced, err := decodeText(data, opt.Encoding)
	if err != nil {
		return nil, err
	}
	if len(text) > opt.maxText() {
		return nil, tooMuchText(opt.maxText())
	}
	if ctl, runes := countControl(text); ctl-replaced > runes/100+2 {
		return nil, &Error{Problem: ProblemBinary, Detail: binaryDetail(data, fmt.Sprintf("%d control characters", ctl))}
	}
	return &Result{Text: text, Layout: LayoutDetect, Format: FormatText, Encoding: enc, Replaced: replaced}, nil
}

// decodeText detects (or applies the forced) encoding and returns NFC text,
// and the number of invalid bytes read as U+FFFD: UTF-8 with a few stray
// bytes (see mostlyUTF8), or any UTF-8 forced by the user, is read with
// replacement rather than refused.
func decodeText(data []byte, forced string) (string, string, int, error) {
	enc := forced
	replaced := 0
	valid := false // DetectEncoding found every byte valid UTF-8
	if enc == "" {
		if i := bytes.IndexByte(data, 0); i >= 0 && utf16NoBOM(data) == "" &&
			!bytes.HasPrefix(data, []byte("\xff\xfe")) && !bytes.HasPrefix(data, []byte("\xfe\xff")) {
			return "", "", 0, &Error{Problem: ProblemBinary, Detail: binaryDetail(data, fmt.Sprintf("byte %d", i))}
		}
		g, ok := DetectEncoding(data)
		if !ok {
			if !mostlyUTF8(data) {
				return "", "", 0, &Error{Problem: ProblemEncoding, Detail: fmt.Sprintf("%s?, %.0f%%", g.Encoding, g.Ratio*100)}
			}
			g = Guess{UTF8, 1}
		}
		enc = g.Encoding
		valid = ok && enc == UTF8 && !bytes.HasPrefix(data, []byte("\xef\xbb\xbf"))
	}
	var text string
	if enc == UTF8 && !valid && !utf8.Valid(data) {
		var fixed []byte
		fixed, replaced = replaceInvalidUTF8(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")))
		text = compose.NFC(string(fixed))
	} else if valid {
		// DetectEncoding chose UTF-8 because every byte is valid; Decode
		// would check them all again before composing.
		text = compose.NFC(string(data))
	} else {
		var err error
		if text, err = Decode(data, enc); err != nil {
			return "", "", 0, &Error{Problem: ProblemEncoding, Detail: enc, Err: err}
		}
	}
	text = strings.TrimPrefix(text, "\ufeff")
	if enc == UTF8 && replaced == 0 {
		// A UTF-8 file converted from a legacy font by a naive tool.
		if fixed, e := repairMojibake(text); e != "" {
			text, enc = fixed, e
		}
	}
	if strings.ContainsRune(text, 0) {
		return "", "", 0, &Error{Problem: ProblemBinary, Detail: binaryDetail(data, "NUL")}
	}
	return text, enc, replaced, nil // composed (NFC) above
}

// mostlyUTF8 reports whether data is UTF-8 but for a few stray bytes: at
// most 8 invalid bytes or 1 in 1000, and at least ten valid multi-byte
// characters per invalid byte, so that a legacy-encoded text (whose
// accented letters are invalid UTF-8 and rarely form valid sequences) is
// not taken for damaged UTF-8.
func mostlyUTF8(data []byte) bool {
	bad, multi := 0, 0
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			bad++
			if bad > 8 && bad*1000 > len(data) {
				return false
			}
		case n > 1:
			multi++
		}
		i += n
	}
	return bad > 0 && multi >= 10*bad && (bad <= 8 || bad*1000 <= len(data))
}

// replaceInvalidUTF8 replaces each byte that is not part of a valid UTF-8
// sequence by U+FFFD, and counts them.
func replaceInvalidUTF8(data []byte) ([]byte, int) {
	out := make([]byte, 0, len(data)+16)
	bad := 0
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			out = utf8.AppendRune(out, utf8.RuneError)
			bad++
		} else {
			out = append(out, data[i:i+n]...)
		}
		i += n
	}
	return out, bad
}

// countControl counts the control characters and undecodable bytes of s,
// and its runes, in one pass over the text.
func countControl(s string) (ctl, runes int) {
	for _, r := range s {
		runes++
		if (r < 0x20 && r != '\n' && r != '\r' && r != '\t' && r != '\f') || r == utf8.RuneError {
			ctl++
		}
	}
	return ctl, runes
}

// IsCancel reports whether err is a cancellation rather than a bad file.
func IsCancel(err error) bool {
	return errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)
}

// sanitize removes terminal control sequences and control characters
// (safetext.Strip) from everything a reader produced, whatever the
// format: a document's ESC, BEL or OSC sequences — typed, pasted, or
// decoded from an HTML entity such as &#27; — are never meaningful, and
// printed raw they clear the screen, set the title or write the
// clipboard. Line ends become '\n' and form feeds spaces first, so that
// stripping keeps the lines.
func sanitize(res *Result) {
	res.Text = cleanText(res.Text)
	sanitizeBlocks(res.Blocks)
}

func sanitizeBlocks(bs []block.Block) {
	for i := range bs {
		b := &bs[i]
		b.Text, b.Markdown, b.Label = cleanText(b.Text), cleanText(b.Markdown), cleanText(b.Label)
		for j := range b.Notes {
			b.Notes[j].Mark, b.Notes[j].Text = cleanText(b.Notes[j].Mark), cleanText(b.Notes[j].Text)
		}
		for _, row := range b.Rows {
			for k := range row {
				sanitizeBlocks(row[k].Paras)
			}
		}
	}
}

var lineEnds = strings.NewReplacer("\r\n", "\n", "\r", "\n", "\f", " ", "\v", " ")

func cleanText(s string) string {
	if strings.ContainsAny(s, "\r\f\v") {
		s = lineEnds.Replace(s)
	}
	return safetext.Strip(s)
}
