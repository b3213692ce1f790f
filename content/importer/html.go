package importer

import (
	"bytes"
	"chibo/content/block"
	"context"
	"regexp"
	"strings"
	"unicode/utf8"

	"chibo/content/htmlmd"
)

// metaCharset finds a declared charset in the first bytes of a page.
var metaCharset = regexp.MustCompile(`(?i)<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_\-.: ]+)`)

// convertHTML decodes a saved web page (BOM, then the declared charset,
// then detection — declarations are often wrong on pages saved from old
// sites: valid UTF-8 is read as UTF-8 whatever the page declares, and a
// declaration the bytes contradict falls back to detection)
// and turns it into markdown with htmlmd. No link, image or script is
// fetched or run: the page is only read as text.
func convertHTML(ctx context.Context, data []byte, opt Options) (*Result, error) {
	enc := opt.Encoding
	if enc == "" && !utf8.Valid(data) && !bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) && !bytes.HasPrefix(data, []byte("\xff\xfe")) && !bytes.HasPrefix(data, []byte("\xfe\xff")) {
		head := data
		if len(head) > 4096 {
			head = head[:4096]
		}
		if m := metaCharset.FindSubmatch(head); m != nil {
			if e, ok := ParseEncoding(string(m[1])); ok && e != "" {
				if _, err := Decode(data, e); err == nil {
					enc = e
				}
			}
		}
	}
	src, used, replaced, err := decodeText(data, enc)
	if err != nil {
		return nil, err
	}
	// htmlmd reads a page in one linear pass: the deadline is checked
	// around it.
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	// The text cap counts the blocks too (blockCost each), before they
	// are made: a page of a million table cells, each its own paragraph,
	// cost 580 MB before the check on the text alone refused it.
	title, md, ok := htmlmd.PageLimit(src, opt.maxText())
	if !ok {
		return nil, tooMuchText(opt.maxText())
	}
	title = strings.TrimSpace(title)
	blocks := mdBlocks(md)
	if title != "" && !strings.Contains(firstLines(md, 5), title) {
		// The page's <title> is often the site's name: a title block for
		// the opening, not a heading over the whole page.
		md = "# " + title + "\n\n" + md
		blocks = append([]block.Block{{Kind: block.Para, Text: title, Title: true}}, blocks...)
	}
	return &Result{Blocks: blocks, Text: md, Layout: LayoutMarkdown, Format: FormatHTML, Encoding: used, Replaced: replaced}, nil
}

func firstLines(s string, n int) string {
	lines := strings.SplitN(s, "\n", n+1)
	if len(lines) > n {
		lines = lines[:n]
	}
	return strings.Join(lines, "\n")
}
