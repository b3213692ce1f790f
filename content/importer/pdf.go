package importer

import (
	"bytes"
	"context"
	"fmt"
	"math"
	"strings"

	"github.com/ledongthuc/pdf"
)

// convertPDF extracts the text of a PDF page by page. The library's own
// plain-text helper loses line breaks (it only breaks at BT and T*), so we
// interpret the content stream ourselves: a change of baseline ends a line,
// a wide gap in a TJ array or a jump along the line is a space. The result
// is hard-wrapped lines, for the parser's reflow (layout "wrapped").
func convertPDF(ctx context.Context, data []byte, opt Options) (*Result, error) {
	if i := bytes.Index(data, []byte("%PDF-")); i > 0 {
		data = data[i:]
	}
	if bytes.HasPrefix(data, []byte("%PDF-2.")) {
		// The reader only admits 1.x headers; 2.0 files share the syntax.
		data = append([]byte("%PDF-1.7"), data[8:]...)
	}
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		if strings.Contains(err.Error(), "encrypt") || strings.Contains(err.Error(), "password") {
			return nil, &Error{Problem: ProblemUnsupported, Detail: "encrypted PDF", Err: err}
		}
		return nil, &Error{Problem: ProblemFormat, Detail: "pdf", Err: err}
	}
	var out strings.Builder
	pages, failed := 0, 0
	var lastErr error
	n := numPages(r)
	for i := 1; i <= n; i++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		text, err := pageText(r, i)
		if err != nil {
			failed++
			lastErr = err
			continue
		}
		pages++
		out.WriteString(text)
		if !strings.HasSuffix(text, "\n") {
			out.WriteString("\n")
		}
		if out.Len() > opt.maxText() {
			return nil, &Error{Problem: ProblemTooLarge, Detail: fmt.Sprintf("%d MB of text", out.Len()>>20)}
		}
	}
	if pages == 0 && failed > 0 {
		return nil, &Error{Problem: ProblemFormat, Detail: "pdf", Err: lastErr}
	}
	text := out.String()
	text, enc := repairMojibake(text)
	return &Result{Text: text, Layout: LayoutWrapped, Format: FormatPDF, Encoding: enc}, nil
}

func numPages(r *pdf.Reader) (n int) {
	defer func() {
		if recover() != nil {
			n = 0
		}
	}()
	return r.NumPage()
}

// pageText interprets one page's content stream. The pdf package panics on
// malformed streams; the page is then reported as failed.
func pageText(r *pdf.Reader, num int) (text string, err error) {
	defer func() {
		if p := recover(); p != nil {
			text, err = "", fmt.Errorf("page %d: %v", num, p)
		}
	}()
	page := r.Page(num)
	if page.V.IsNull() {
		return "", nil
	}
	contents := page.V.Key("Contents")
	if contents.Kind() == pdf.Null {
		return "", nil
	}
	encs := map[string]pdf.TextEncoding{}
	var enc pdf.TextEncoding
	var b strings.Builder
	var lineY, x float64 // baseline of the current line; start of the last move
	started := false
	var tlX, tlY, leading float64 // text line matrix translation
	newline := func() {
		if b.Len() > 0 && !strings.HasSuffix(b.String(), "\n") {
			b.WriteByte('\n')
		}
	}
	space := func() {
		s := b.String()
		if s != "" && !strings.HasSuffix(s, " ") && !strings.HasSuffix(s, "\n") {
			b.WriteByte(' ')
		}
	}
	moveTo := func(nx, ny float64) {
		if started && math.Abs(ny-lineY) > 1 {
			newline()
		} else if started && nx > x+1 {
			space()
		}
		x, lineY, started = nx, ny, true
		tlX, tlY = nx, ny
	}
	show := func(s string) {
		if enc == nil {
			b.WriteString(s)
			return
		}
		b.WriteString(enc.Decode(s))
	}
	pdf.Interpret(contents, func(stk *pdf.Stack, op string) {
		args := make([]pdf.Value, stk.Len())
		for i := len(args) - 1; i >= 0; i-- {
			args[i] = stk.Pop()
		}
		num := func(i int) float64 {
			if i < len(args) {
				return args[i].Float64()
			}
			return 0
		}
		switch op {
		case "BT":
			tlX, tlY = 0, 0
		case "Tf":
			if len(args) > 0 {
				name := args[0].Name()
				e, ok := encs[name]
				if !ok {
					f := page.Font(name)
					e = f.Encoder()
					encs[name] = e
				}
				enc = e
			}
		case "TL":
			leading = num(0)
		case "Td", "TD":
			if op == "TD" {
				leading = -num(1)
			}
			moveTo(tlX+num(0), tlY+num(1))
		case "Tm":
			moveTo(num(4), num(5))
		case "T*":
			moveTo(tlX, tlY-leading)
		case "'", "\"":
			moveTo(tlX, tlY-leading)
			if len(args) > 0 {
				show(args[len(args)-1].RawString())
			}
		case "Tj":
			if len(args) > 0 {
				show(args[0].RawString())
			}
		case "TJ":
			if len(args) == 0 {
				return
			}
			v := args[0]
			for i := 0; i < v.Len(); i++ {
				e := v.Index(i)
				if e.Kind() == pdf.String {
					show(e.RawString())
				} else if e.Float64() < -180 { // a gap wider than a thin space
					space()
				}
			}
		}
	})
	return b.String(), nil
}
