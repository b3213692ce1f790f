package importer

import (
	"context"
	"errors"
	"strings"

	"chibo/content/importer/rtf"
)

// convertRTF reads an RTF file with package rtf: paragraphs and tables with
// their style evidence. Text set in a legacy Vietnamese font (.VnTime,
// .VnTimeH, VNI-Times …) is decoded from its raw bytes with the font's
// encoding; a document whose fonts were renamed is repaired as a whole
// (see blocksResult). A UTF-16 RTF is decoded first.
func convertRTF(ctx context.Context, data []byte, opt Options) (*Result, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if _, enc := utf16Head(data); enc != "" {
		text, err := Decode(data, enc)
		if err != nil {
			return nil, &Error{Problem: ProblemEncoding, Detail: enc, Err: err}
		}
		data = []byte(strings.TrimPrefix(text, "\ufeff"))
	}
	fonts := map[string]int{}
	legacy := func(font string) func([]byte) string {
		enc, caps := LegacyFont(font)
		if enc == "" {
			return nil
		}
		return func(b []byte) string {
			s, err := Decode(b, enc)
			if err != nil {
				return string(b)
			}
			fonts[enc] += len(b)
			if caps {
				s = strings.ToUpper(s)
			}
			return s
		}
	}
	doc, err := rtf.Read(data, rtf.Options{Legacy: legacy, MaxText: opt.maxText(), Ctx: ctx})
	switch {
	case IsCancel(err):
		return nil, err
	case errors.Is(err, rtf.ErrTooLarge):
		return nil, tooMuchText(opt.maxText())
	case err != nil:
		return nil, &Error{Problem: ProblemFormat, Detail: "rtf", Err: err}
	}
	used := (&legacyFonts{count: fonts}).used()
	return blocksResult(doc.Blocks, FormatRTF, used), nil
}
