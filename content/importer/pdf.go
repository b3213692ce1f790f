package importer

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"chibo/content/block"
	"chibo/content/importer/pdftext"
)

// convertPDF reads a PDF with PDFium (package pdftext): one Line block per
// visual line with its geometry, for the recogniser to join into
// paragraphs, and the lines as hard-wrapped text (pages apart by a blank
// line) for the "wrapped" parser. Text typed in legacy Vietnamese fonts
// (TCVN3 .VnTime, VNI-Times) is decoded; pages without a text layer are
// read by OCR when tesseract is installed.
func convertPDF(ctx context.Context, data []byte, opt Options) (*Result, error) {
	doc, err := pdftext.Extract(ctx, data, pdftext.Options{MaxText: opt.maxText(), OCR: true, OCRProgress: opt.OCRProgress})
	if err != nil {
		return nil, pdfError(err, opt)
	}
	if doc.OCRed == 0 && pdftext.OCRAvailable() && garbled(doc) {
		// A scan under a failed OCR's text layer: read its pictures again.
		if again, err := pdftext.Extract(ctx, data, pdftext.Options{MaxText: opt.maxText(), ForceOCR: true, OCRProgress: opt.OCRProgress}); err == nil && again.OCRed > 0 {
			doc = again
		} else if IsCancel(err) {
			return nil, err
		}
	}
	enc := decodeLegacyRuns(doc, opt.Encoding)

	var blocks []block.Block
	var text strings.Builder
	var lastNote *block.Note // the last footnote of the page before
	body := bodySize(doc)
	for _, p := range doc.Pages {
		if len(p.Lines) == 0 {
			continue
		}
		if text.Len() > 0 {
			text.WriteString("\n")
		}
		texts := make([]string, len(p.Lines)) // each line's text, made once
		for i, l := range p.Lines {
			texts[i] = strings.TrimSpace(strings.ReplaceAll(l.Text(), "\n", " "))
		}
		keep, notes, more := pageNotes(p.Lines, texts, body, lastNote != nil)
		if more != "" {
			lastNote.Text += " " + more // a note that goes on at the next page's foot
		}
		from := len(blocks)
		for _, i := range keep {
			l, t := p.Lines[i], texts[i]
			if t == "" {
				continue
			}
			text.WriteString(t)
			text.WriteByte('\n')
			blocks = append(blocks, block.Block{
				Kind: block.Para, Line: true, Text: t,
				Page: int32(l.Page), Size: float32(l.Size), Gap: float32(l.Gap), Left: float32(l.Left), Right: float32(l.Right),
				Bold: l.Bold, Align: l.Align,
			})
		}
		// Each footnote goes with the line that cites it, as a Word
		// file's do; its text stays in the plain text, after the page.
		lastNote = nil
		for _, n := range notes {
			for i := from; i < len(blocks); i++ {
				if citesMark(blocks[i].Text, n.Mark) {
					blocks[i].Notes = append(blocks[i].Notes, n)
					lastNote = &blocks[i].Notes[len(blocks[i].Notes)-1]
					break
				}
			}
			text.WriteString(n.Mark + " " + n.Text + "\n")
		}
	}
	if len(blocks) == 0 || doc.OCRed == 0 && doc.Scanned*2 >= len(doc.Pages) {
		// Nothing to read, or a scan whose pages could not be read by
		// OCR (no tesseract) but for a stamp: say it is a scan rather
		// than import a stamp as the document.
		if doc.Scanned > 0 {
			return nil, &Error{Problem: ProblemNoText, Detail: fmt.Sprintf("%d scanned pages", doc.Scanned)}
		}
		// Neither text nor a picture: not a scan, nothing to read.
		return nil, &Error{Problem: ProblemEmpty, Detail: "PDF without text"}
	}
	valid, words := readableWords(text.String())
	return &Result{Blocks: blocks, Text: text.String(), Layout: LayoutWrapped, Format: FormatPDF,
		Encoding: enc, OCR: doc.OCRed > 0, Garbled: words >= 50 && valid*4 < words*3}, nil
}

// garbled reports whether a PDF's text layer reads as little Vietnamese
// (see readableWords).
func garbled(doc *pdftext.Document) bool {
	var b strings.Builder
	for _, p := range doc.Pages {
		for _, l := range p.Lines {
			b.WriteString(l.Text())
			b.WriteByte('\n')
		}
	}
	valid, words := readableWords(b.String())
	return words >= 50 && valid*4 < words*3
}

// pdfError turns pdftext's errors into an *Error, keeping cancellation.
func pdfError(err error, opt Options) error {
	switch {
	case IsCancel(err):
		return err
	case errors.Is(err, pdftext.ErrPassword):
		return &Error{Problem: ProblemEncrypted, Detail: "encrypted PDF", Err: err}
	case errors.Is(err, pdftext.ErrTooMuchText):
		return tooMuchText(opt.maxText())
	case errors.Is(err, pdftext.ErrTooLarge):
		return &Error{Problem: ProblemTooLarge, Detail: fmt.Sprintf("PDF needs more than %d MB of memory", pdftext.TextMemoryLimit>>20)}
	case errors.Is(err, pdftext.ErrTimeout):
		return &Error{Problem: ProblemFormat, Detail: "pdf: reading took too long", Err: err}
	}
	return &Error{Problem: ProblemFormat, Detail: "pdf", Err: err}
}

// decodeLegacyRuns decodes, in place, the runs typed in a legacy
// Vietnamese font, and returns the encoding used ("" for none). A forced
// encoding (TCVN3, VNI, Windows-1258) applies to every run that can be
// read as bytes. Otherwise each font is judged on all its text: decoded
// when its name announces TCVN3 or VNI, or when decoding it makes clearly
// more Vietnamese syllables than it had; never when it reads as Vietnamese
// already (a .VnTime font with a Unicode map).
func decodeLegacyRuns(doc *pdftext.Document, forced string) string {
	if forced == UTF8 || forced == UTF16LE || forced == UTF16BE {
		return forced
	}
	// Gather each font's text.
	type fontText struct {
		b      strings.Builder
		legacy string
		ok     bool // every run converts back to bytes
	}
	fonts := map[string]*fontText{}
	for _, p := range doc.Pages {
		for _, l := range p.Lines {
			for _, r := range l.Runs {
				f := fonts[r.Font]
				if f == nil {
					f = &fontText{legacy: r.Legacy, ok: true}
					fonts[r.Font] = f
				}
				if _, ok := pdftext.RunBytes(r.Text); !ok {
					f.ok = false
				}
				if f.b.Len() < sampleSize {
					f.b.WriteString(r.Text)
					f.b.WriteByte(' ')
				}
			}
		}
	}
	choice := map[string]string{}
	used := ""
	for name, f := range fonts {
		if !f.ok {
			continue
		}
		if forced != "" {
			choice[name] = forced
			continue
		}
		raw, _ := pdftext.RunBytes(f.b.String())
		cur := vietScore(f.b.String())
		best, bestEnc := cur, ""
		for _, enc := range []string{TCVN3, VNI} {
			t, _ := Decode(raw, enc)
			sc := vietScore(t)
			// Without the font's word for it, ask for clear evidence:
			// garbage (a bad OCR layer) can score a little better too.
			better := sc.net() > best.net() && sc.ratio() >= minRatio && sc.good >= 10
			if f.legacy == enc {
				// The font's name says so: decode unless that is worse.
				better = sc.net() >= cur.net() && sc.good > 0
			}
			if better {
				best, bestEnc = sc, enc
			}
		}
		if bestEnc != "" {
			choice[name] = bestEnc
		}
	}
	for pi := range doc.Pages {
		p := &doc.Pages[pi]
		for li := range p.Lines {
			for ri := range p.Lines[li].Runs {
				r := &p.Lines[li].Runs[ri]
				enc := choice[r.Font]
				if enc == "" {
					continue
				}
				raw, ok := pdftext.RunBytes(r.Text)
				if !ok {
					continue
				}
				t, err := Decode(raw, enc)
				if err != nil {
					continue
				}
				if capitalFont(r.Font) {
					t = strings.ToUpper(t)
				}
				r.Text = t
				used = enc
			}
		}
	}
	if forced != "" {
		return forced
	}
	return used
}

// capitalFont reports a TCVN3 capitals font (.VnTimeH, .VnArialH, with
// style suffixes): its lower-case codes show capital letters.
func capitalFont(name string) bool {
	if pdftext.LegacyFont(name) != TCVN3 {
		return false
	}
	base := name
	if i := strings.IndexAny(base, ",-"); i > 0 {
		base = base[:i]
	}
	base = strings.TrimSuffix(strings.TrimSuffix(base, "Bold"), "Italic")
	return strings.HasSuffix(base, "H")
}

// bodySize is the font size most of a document's text is set in, in
// points (0 when no line says).
func bodySize(doc *pdftext.Document) float64 {
	sizes := map[float64]int{}
	for _, p := range doc.Pages {
		for _, l := range p.Lines {
			if l.Size > 0 {
				for _, r := range l.Runs {
					sizes[l.Size] += len(r.Text)
				}
			}
		}
	}
	body, most := 0.0, 0
	for sz, n := range sizes {
		if n > most || n == most && sz > body {
			body, most = sz, n
		}
	}
	return body
}

// pageNotes takes the footnotes off the foot of a page: the lines below
// the last line in the body's font size (body, points), set smaller (at
// most 0.9 of it),
// the first of them opening with the number of a footnote mark the page's
// text cites ("⁴" in "… thị thực⁴", the mark pdftext writes for a raised
// small digit); each note runs to the next line that opens with another
// cited number. A page number under them stays a line. When the page
// before ended with a note (goesOn), the small lines before the first
// numbered one are its rest (more). Otherwise, without cited marks or
// when the small lines do not open with one, nothing is taken: small
// print is not a footnote for being small. texts are the lines' texts;
// keep lists the indices of the lines that stay lines.
func pageNotes(lines []pdftext.Line, texts []string, body float64, goesOn bool) (keep []int, notes []block.Note, more string) {
	all := func() []int {
		keep := make([]int, len(lines))
		for i := range keep {
			keep[i] = i
		}
		return keep
	}
	cited := map[string]bool{}
	for _, t := range texts {
		for _, m := range supRuns(t) {
			cited[m] = true
		}
	}
	if len(cited) == 0 && !goesOn || body <= 0 {
		return all(), nil, ""
	}
	end := len(lines)
	for end > 0 && !strings.ContainsFunc(texts[end-1], unicode.IsLetter) {
		end-- // a page number
	}
	start := end
	for start > 0 && lines[start-1].Size > 0 && lines[start-1].Size <= 0.9*body {
		start--
	}
	if start == end {
		return all(), nil, ""
	}
	var rest []string
	for _, t := range texts[start:end] {
		if num, text, ok := noteNumber(t); ok && cited[num] {
			notes = append(notes, block.Note{Mark: supOf(num), Text: text})
			continue
		}
		switch {
		case len(notes) > 0:
			notes[len(notes)-1].Text += " " + t
		case goesOn:
			rest = append(rest, t)
		default:
			return all(), nil, "" // the small lines do not open with a cited number
		}
	}
	for i := range lines {
		if i < start || i >= end {
			keep = append(keep, i)
		}
	}
	return keep, notes, strings.Join(rest, " ")
}

var supToDigit = map[rune]rune{'⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9'}

// supRuns lists the numbers written in superscript digits in t ("⁵" →
// "5", "¹⁸" → "18"), leaving out units of area and volume ("120 m²",
// "km³").
func supRuns(t string) []string {
	var out []string
	var cur []rune
	prev := ' ' // the rune before the run
	last := ' '
	for _, r := range t + " " {
		if d, ok := supToDigit[r]; ok {
			if len(cur) == 0 {
				prev = last
			}
			cur = append(cur, d)
			last = r
			continue
		}
		if len(cur) > 0 {
			if n := string(cur); prev != 'm' || n != "2" && n != "3" {
				out = append(out, n)
			}
			cur = cur[:0]
		}
		last = r
	}
	return out
}

// supOf writes a number in superscript digits.
func supOf(num string) string {
	var b strings.Builder
	for _, r := range num {
		b.WriteRune(supDigits[r-'0'])
	}
	return b.String()
}

var supDigits = []rune("⁰¹²³⁴⁵⁶⁷⁸⁹")

// noteNumber reads the number a footnote's text opens with, in plain or
// superscript digits: "4 Điều này được sửa đổi …", "⁴ Điều này …".
func noteNumber(t string) (num, rest string, ok bool) {
	i := 0
	var digits []rune
	for _, r := range t {
		d, sup := supToDigit[r]
		if r >= '0' && r <= '9' {
			d = r
		} else if !sup {
			break
		}
		digits = append(digits, d)
		i += utf8.RuneLen(r)
	}
	if len(digits) == 0 || len(digits) > 3 || i == len(t) {
		return "", "", false
	}
	rest = strings.TrimSpace(t[i:])
	if r, _ := utf8.DecodeRuneInString(rest); rest == "" || !unicode.IsLetter(r) && r != '“' && r != '"' {
		return "", "", false // "4.", "4/2020": a number, not a note's
	}
	return string(digits), rest, true
}

// citesMark reports whether t cites the footnote mark (superscript
// digits not part of a longer mark: "⁴" is not cited by "⁴⁵").
func citesMark(t, mark string) bool {
	for from := 0; ; {
		i := strings.Index(t[from:], mark)
		if i < 0 {
			return false
		}
		i += from
		before, _ := utf8.DecodeLastRuneInString(t[:i])
		after, _ := utf8.DecodeRuneInString(t[i+len(mark):])
		if _, b := supToDigit[before]; !b {
			if _, a := supToDigit[after]; !a {
				return true
			}
		}
		from = i + len(mark)
	}
}
