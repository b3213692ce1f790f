package plan

import (
	"bytes"
	"encoding/xml"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	ghtml "github.com/yuin/goldmark/renderer/html"
	nethtml "golang.org/x/net/html"
)

// rel-18's payloads: raw HTML, active links and images, entities and
// control characters, in a document's text and in every form field.
const injectDoc = "Đoạn có <script>alert(1)</script> và <img src=x onerror=\"alert(2)\"> và <iframe src=\"javascript:alert(3)\"></iframe>.\n\n" +
	"Liên kết [bấm vào](javascript:alert(4)) và [dữ liệu](data:text/html;base64,PHNjcmlwdD5hbGVydCg1KTwvc2NyaXB0Pg==) và <a href=\"javascript:alert(6)\">thẻ a</a>.\n\n" +
	"Ảnh ![x](javascript:alert(7)) và tự động <javascript:alert(8)> và <svg onload=alert(9)> và [y]( JaVa\tScRiPt:alert(15)) và [z](<vbscript:msgbox(16)>).\n\n" +
	"Ký tự XML: & < > \" ' ]]> <![CDATA[ x ]]> &amp; &lt;script&gt; &#60;script&#62;alert(10)&#60;/script&#62;\n\n" +
	"## II. <b onmouseover=alert(11)>ĐẬM</b> \"tiêu đề\" & ]]>\n\n" +
	"<div style=\"background:url(javascript:alert(12))\">div</div> <style>body{display:none}</style> <form action=http://evil.example><input name=x></form>\n\n" +
	"Điều khiển: \x1b[2J\x1b]0;PWNED\a \x1b]8;;http://evil.example/\x1b\\bấm\x1b]8;;\x1b\\ \x0b\x01 \u009b31m hết.\n\n" +
	"| cột <script>alert(13)</script> | b |\n|---|---|\n| <img src=x onerror=alert(14)> | ]]> & < |\n\n" +
	"[ref]: javascript:alert(17)\n\n[ref] và **đậm** vẫn đậm."

func injectPlan(t *testing.T) *Plan {
	t.Helper()
	p := mustNew(t, "2026-01")
	p.Place = `<script>alert("place")</script> ]]>&` + "\x1b[2J"
	p.Cell = `<img src=x onerror=alert("cell")>`
	p.Party = "[p](javascript:alert(3))\a"
	if _, err := p.AddExcerpt("thong-tin", Excerpt{
		Doc: "inject", DocTitle: "Tài liệu <script>alert('title')</script> thử", DocNumber: "<b>1</b>",
		Section: "i", Path: []string{"I. MỞ ĐẦU <img src=x onerror=alert('h1')>"}, Text: injectDoc,
	}, t0); err != nil {
		t.Fatal(err)
	}
	p.SetNotes("ket-luan", "<script>alert(\"note\")</script> [x](javascript:alert(1)) <img src=x onerror=alert(2)> \x1b]52;c;eA==\a\x0b\x01 `mã`")
	return p
}

// TestExportMarkdownInjectedTextIsText renders the md pack of rel-18's
// payloads and reads it back with a markdown renderer that lets raw HTML
// through: the result must hold no element, attribute or link that came
// from the text, only the pack's own markup.
func TestExportMarkdownInjectedTextIsText(t *testing.T) {
	md := Markdown(injectPlan(t))
	assertNoControlChars(t, "md", md)
	for _, bad := range []*regexp.Regexp{
		regexp.MustCompile(`(?i)\]\(\s*<?\s*(javascript|data|vbscript)`),
		regexp.MustCompile(`(^|[^\\])<[A-Za-z/!?]`),
		regexp.MustCompile(`(^|[^\\])&[A-Za-z#]`),
	} {
		if m := bad.Find(md); m != nil {
			t.Errorf("md pack holds active markup %q", m)
		}
	}
	var out bytes.Buffer
	gm := goldmark.New(goldmark.WithExtensions(extension.GFM), goldmark.WithRendererOptions(ghtml.WithUnsafe()))
	if err := gm.Convert(md, &out); err != nil {
		t.Fatal(err)
	}
	allowed := map[string]bool{"p": true, "h1": true, "h2": true, "h3": true, "strong": true, "em": true, "ul": true, "ol": true,
		"li": true, "blockquote": true, "table": true, "thead": true, "tbody": true, "tr": true, "th": true, "td": true, "hr": true, "br": true}
	z := nethtml.NewTokenizer(&out)
	tags := 0
	for {
		tt := z.Next()
		if tt == nethtml.ErrorToken {
			break
		}
		if tt != nethtml.StartTagToken && tt != nethtml.SelfClosingTagToken {
			continue
		}
		tags++
		name, hasAttr := z.TagName()
		if !allowed[string(name)] {
			t.Errorf("md pack renders a <%s> element", name)
		}
		for hasAttr {
			var k, v []byte
			k, v, hasAttr = z.TagAttr()
			if string(k) != "align" {
				t.Errorf("md pack renders <%s %s=%q>", name, k, v)
			}
		}
	}
	if tags < 20 {
		t.Fatalf("the md pack rendered to only %d tags:\n%s", tags, out.String())
	}
	text := string(md)
	for _, want := range []string{"alert(1)", "thẻ a", "bấm vào", "&lt;script&gt;", "alert(\"place\")", "onerror=alert(\"cell\")", "**đậm**"} {
		if !strings.Contains(text, want) && !strings.Contains(text, strings.ReplaceAll(want, "&", `\&`)) {
			t.Errorf("md pack lost the text %q", want)
		}
	}
}

// TestExportHTMLAndDOCXInjectedText: the html and docx packs of the same
// plan stay as they were (escaped, well-formed) and lose the controls.
func TestExportHTMLAndDOCXInjectedText(t *testing.T) {
	p := injectPlan(t)
	h := HTML(p)
	assertNoControlChars(t, "html", h)
	z := nethtml.NewTokenizer(bytes.NewReader(h))
	for {
		tt := z.Next()
		if tt == nethtml.ErrorToken {
			break
		}
		if tt == nethtml.StartTagToken || tt == nethtml.SelfClosingTagToken {
			name, _ := z.TagName()
			switch string(name) {
			case "script", "img", "iframe", "svg", "a", "form", "input", "b", "div":
				if string(name) != "div" || !bytes.Contains(z.Raw(), []byte(`class="`)) {
					t.Errorf("html pack has a <%s> from the text: %s", name, z.Raw())
				}
			}
		}
	}
	d, err := DOCX(p)
	if err != nil {
		t.Fatal(err)
	}
	body := docxText(t, d)
	assertNoControlChars(t, "docx", []byte(body))
	if !strings.Contains(body, `<script>alert("place")</script>`) {
		t.Errorf("docx lost the place as text")
	}
	if err := xml.Unmarshal([]byte("<x>"+esc("a\x1b[2J\x01\x0b<b>&")+"</x>"), new(struct{})); err != nil {
		t.Errorf("esc: %v", err)
	}
}

func assertNoControlChars(t *testing.T, what string, b []byte) {
	t.Helper()
	for i, r := range string(b) {
		if r < 0x20 && r != '\n' && r != '\t' || r >= 0x7f && r <= 0x9f || r == utf8.RuneError {
			t.Errorf("%s: control %U at byte %d", what, r, i)
			return
		}
	}
}

func TestMdEscapeAndUnsafeTargets(t *testing.T) {
	for in, want := range map[string]string{
		"a & b < 5":                  "a & b < 5",
		"<a href=x>":                 `\<a href=x>`,
		"&amp; &#60;":                `\&amp; \&#60;`,
		"[x](javascript:alert(1)) y": `\[x\] y`,
		"[x](http://ok.example/)":    `\[x\](http://ok.example/)`,
		"# đầu\n# hai":               "\\# đầu\n\\# hai",
		"a # b":                      "a # b",
		"*đậm* _n_ `c` \\":           `\*đậm\* \_n\_ \` + "`c\\`" + ` \\`,
	} {
		if got := mdEscape(in); got != want {
			t.Errorf("mdEscape(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{
		"> <script>x</script>":          `> \<script>x\</script>`,
		"**đậm** \\* | a<br>b |":        "**đậm** \\* | a<br>b |",
		"![i](DATA:x) [l]( vbscript:y)": `!\[i\] \[l\]`,
		"[l](a(b)c)":                    `\[l\](a(b)c)`,
	} {
		if got := rawEscape(in); got != want {
			t.Errorf("rawEscape(%q) = %q, want %q", in, got, want)
		}
	}
	// Linear: a long run of brackets and parens is quick.
	long := strings.Repeat("](", 200_000)
	done := make(chan string, 1)
	go func() { done <- dropUnsafeTargets(long) + rawEscape(long) + mdEscape(long) }()
	select {
	case got := <-done:
		if !strings.HasPrefix(got, long) {
			t.Error("dropUnsafeTargets changed text with no unsafe link")
		}
	case <-time.After(10 * time.Second):
		t.Fatal("escaping 400 KB of \"](\" took over 10 s (quadratic?)")
	}
	if got := dropUnsafeTargets(strings.Repeat("](javascript:(", 50_000)); strings.Contains(got, "javascript") {
		t.Errorf("unclosed unsafe targets kept: %.80q", got)
	}
}

// TestInlineManyMarkersIsLinear: emphasis markers are looked up, not
// searched for from every marker (that was quadratic: 200 000 "*" took
// minutes).
func TestInlineManyMarkersIsLinear(t *testing.T) {
	for _, s := range []string{strings.Repeat("*", 200_000) + "a", strings.Repeat("_a", 100_000), strings.Repeat("**x", 70_000)} {
		done := make(chan []span, 1)
		go func() { done <- inline(s) }()
		select {
		case sp := <-done:
			if !strings.Contains(plain(sp), "a") && !strings.Contains(plain(sp), "x") {
				t.Errorf("inline(%.10q…) returned nothing", s)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("inline(%.10q…, %d bytes) took over 10 s", s, len(s))
		}
	}
}
