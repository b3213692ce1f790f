package importer

import (
	"bytes"
	"chibo/content/block"
	"context"
	"regexp"
	"strings"
	"unicode"
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
	blocks := mdBlocks(md)
	title, heading := pageTitle(title, blocks)
	if title != "" && (heading || !strings.Contains(firstLines(md, 5), title)) {
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

// titleSeparators split a page's <title> into the article's and the
// site's names ("Khai thác sách điện tử | Ban Tuyên giáo Quận ủy").
var titleSeparators = regexp.MustCompile(`\s+(?:\||-|–|—|::|»|·)\s+`)

// pageTitle is the document's title from a page's <title>: the parts that
// do not name the site (siteName). When every part names the site, the
// page's first heading (an <h1>–<h4> among its first blocks) is the title
// and heading is true. "" when the page has neither.
func pageTitle(title string, blocks []block.Block) (t string, heading bool) {
	first := ""
	for i, b := range blocks {
		if i >= 12 {
			break
		}
		text := b.Text
		if text == "" {
			text = mdEmphasis.Replace(b.Markdown)
		}
		if n := len(strings.Fields(text)); b.Outline >= 1 && b.Outline <= 4 && n >= 2 && n <= 40 {
			first = text
			break
		}
	}
	var keep []string
	for _, p := range titleSeparators.Split(strings.TrimSpace(title), -1) {
		if p = strings.TrimSpace(p); p == "" {
			continue
		}
		if siteName(p) && (first == "" || !strings.Contains(strings.ToLower(first), strings.ToLower(p))) {
			continue
		}
		keep = append(keep, p)
	}
	if len(keep) > 0 {
		return strings.Join(keep, " - "), false
	}
	return first, first != ""
}

// docTypes open the name of a document, never of a site.
var docTypes = []string{"luật", "bộ luật", "nghị định", "nghị quyết", "thông tư", "quyết định", "chỉ thị", "kết luận",
	"hướng dẫn", "quy định", "kế hoạch", "báo cáo", "thông báo", "công văn", "tờ trình", "pháp lệnh", "hiến pháp", "tài liệu"}

// mdEmphasis drops the markup of bold and italic text and escapes.
var mdEmphasis = strings.NewReplacer("**", "", "__", "", "\\", "")

// siteName tells whether a part of a page's <title> names the site rather
// than the article: a web address, a portal ("Cổng thông tin điện tử …",
// "Trang thông tin …", "Báo …"), or a name with every word capitalised
// ("Viện Kiểm Sát Quận 8") — Vietnamese titles are written in sentence
// case, names of bodies in title case.
func siteName(p string) bool {
	f := strings.ToLower(p)
	if strings.Contains(f, "www.") || strings.HasSuffix(f, ".vn") || strings.HasSuffix(f, ".com") || strings.HasSuffix(f, ".net") ||
		strings.HasSuffix(f, ".org") || strings.HasPrefix(f, "cổng thông tin") || strings.HasPrefix(f, "trang thông tin") ||
		strings.HasPrefix(f, "trang chủ") || strings.HasPrefix(f, "báo điện tử") || strings.HasPrefix(f, "website") {
		return true
	}
	for _, typ := range docTypes {
		if strings.HasPrefix(f, typ+" ") {
			return false // "Luật Đất Đai 2024": a document's name, however capitalised
		}
	}
	words := 0
	for _, w := range strings.Fields(p) {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsLetter(r) {
			continue
		}
		if !unicode.IsUpper(r) {
			return false
		}
		words++
	}
	return words >= 2
}
