package importer

import (
	"context"
	"errors"

	"chibo/content/block"
	"chibo/content/importer/internal/paras"
	"chibo/content/importer/msdoc"
)

// convertDOC reads a Word 97–2003 binary file with msdoc: paragraphs and
// tables with their style evidence. Text typed in a legacy Vietnamese font
// (.VnTime, VNI-Times …) is decoded run by run from the font's name; a
// document whose fonts were renamed is repaired as a whole when re-reading
// its Windows-1252 text as TCVN3 or VNI gives clearly more Vietnamese.
func convertDOC(ctx context.Context, data []byte, opt Options) (*Result, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var fonts legacyFonts
	doc, err := msdoc.Read(data, msdoc.Options{FontText: fonts.text, MaxText: opt.maxText(), Ctx: ctx})
	if IsCancel(err) {
		return nil, err
	}
	if err != nil {
		return nil, docError(err, opt)
	}
	return blocksResult(doc.Blocks, FormatDOC, fonts.used()), nil
}

// docError turns msdoc's errors into the importer's.
func docError(err error, opt Options) error {
	var fe *msdoc.FormatError
	switch {
	case errors.Is(err, msdoc.ErrEncrypted):
		return &Error{Problem: ProblemEncrypted, Detail: "password-protected Word document"}
	case errors.Is(err, msdoc.ErrOldVersion):
		return &Error{Problem: ProblemUnsupported, Detail: "Word 6.0/95 .doc"}
	case errors.Is(err, msdoc.ErrNotWord):
		return &Error{Problem: ProblemUnsupported, Detail: "Office file that is not a Word document"}
	case errors.Is(err, msdoc.ErrTooLarge):
		return tooMuchText(opt.maxText())
	case errors.As(err, &fe):
		return &Error{Problem: ProblemFormat, Detail: fe.Detail}
	}
	return &Error{Problem: ProblemFormat, Err: err}
}

// legacyFonts decodes runs set in legacy Vietnamese fonts and counts the
// characters decoded per encoding.
type legacyFonts struct{ count map[string]int }

func (l *legacyFonts) text(font, text string) string {
	enc, caps := LegacyFont(font)
	if enc == "" {
		return text
	}
	out, ok := DecodeLegacyRun(text, enc, caps)
	if ok {
		if l.count == nil {
			l.count = map[string]int{}
		}
		l.count[enc] += len(text)
	}
	return out
}

// used is the legacy encoding most text was decoded from, "" for none.
func (l *legacyFonts) used() string {
	best, n := "", 0
	for _, enc := range []string{TCVN3, VNI, VISCII} {
		if l.count[enc] > n {
			best, n = enc, l.count[enc]
		}
	}
	return best
}

// minRepairWords is the number of Vietnamese syllables a whole-document
// repair must yield: fewer is too little evidence against a document whose
// fonts say it is not legacy text (four German umlauts read as TCVN3 make
// four valid syllables).
const minRepairWords = 10

// blocksResult makes the Result of a blocks reader: the text is the
// blocks' (paragraphs on lines, table rows tab-separated). When the whole
// text reads as legacy-font mojibake (see repairMojibake), every block is
// repaired with the same encoding (repairBlocks).
func blocksResult(blocks []block.Block, f Format, enc string) *Result {
	text := paras.Text(blocks)
	if fixed, e := repairMojibake(text); e != "" && vietScore(fixed).good >= minRepairWords {
		blocks = repairBlocks(blocks, e)
		text, enc = paras.Text(blocks), e
	}
	return &Result{Blocks: blocks, Text: text, Layout: LayoutParagraphs, Format: f, Encoding: enc}
}
