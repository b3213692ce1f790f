package htmlmd

import (
	"chibo/content/safetext"
	"fmt"
	"os"
	"runtime"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/text/unicode/norm"
)

func TestConvert(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain text", "Xin chào", "Xin chào"},
		{"paragraphs", "<p>Một.</p><p>Hai.</p>", "Một.\n\nHai."},
		{"white space collapsed", "<p> a \n\t b&nbsp;c </p>", "a b c"},
		{"entities", "<p>&lt;b&gt; &amp; &quot;x&quot; &#7889; &eacute;</p>", "\\<b> & \"x\" ố é"},
		{"bold and italic", "<p><b>đậm</b> và <i>nghiêng</i>, <strong>s</strong> <em>e</em></p>", "**đậm** và *nghiêng*, **s** *e*"},
		{"bold italic", "<b><i>cả hai</i></b>", "***cả hai***"},
		{"punctuation kept out of emphasis", "<p><i>Về kinh tế:</i> tăng</p>", "*Về kinh tế*: tăng"},
		{"quotes kept out of emphasis", "“<i>Đồng Khởi mới</i>”", "“*Đồng Khởi mới*”"},
		{"quote inside emphasis", "<i>“Hai chân”</i> x", "“*Hai chân*” x"},
		{"no emphasis inside a word", "<b>Đ</b>ảng và c<i>ơ</i> sở", "Đảng và cơ sở"},
		{"empty emphasis dropped", "a<b> </b>b<i></i>", "a b"},
		{"unclosed emphasis", "<p><i>mở mãi</p><p>vẫn mở</p>", "*mở mãi*\n\n*vẫn mở*"},
		{"br ends a line", "dòng một<br>dòng hai<br/>ba", "dòng một\n\ndòng hai\n\nba"},
		{"unordered list", "<ul><li>một</li><li>hai</li></ul>", "- một\n- hai"},
		{"ordered list", "<ol start=\"3\"><li>ba<li>bốn</ol>", "3. ba\n4. bốn"},
		{"nested list", "<ul><li>a<ul><li>b</li></ul></li><li>c</li></ul>", "- a\n  - b\n- c"},
		{"li paragraphs", "<ul><li><p>a</p><p>b</p></li></ul>", "- a\n\n  b"},
		{"dash items in ul", "<ul style=\"list-style-type: none\">- Một việc.- Hai việc; kinh tế - xã hội. - Ba</ul>",
			"- Một việc.\n- Hai việc; kinh tế - xã hội.\n- Ba"},
		{"dash items in unclosed ul after p", "<p>(1) Mở:</p> <ul> - A. - B <p>2) Tiếp.</p> <ul> - C",
			"(1) Mở:\n\n- A.\n- B\n\n2) Tiếp.\n\n- C"},
		{"dash paragraphs", "<p>- Một.</p> <p>- Hai.</p>", "- Một.\n- Hai."},
		{"dash inside li dropped", "<ul><li>- a</li></ul>", "- a"},
		{"prose dash kept", "<p>Việt Nam - Trung Quốc</p>", "Việt Nam - Trung Quốc"},
		{"headings", "<h1>Tiêu đề</h1><h3>Mục <b>nhỏ</b></h3><p>x</p>", "# Tiêu đề\n\n### Mục **nhỏ**\n\nx"},
		{"script and style dropped", "<p>a</p><script>var x = '<p>no</p>';</script><style>p{}</style><noscript>ns</noscript><p>b</p>", "a\n\nb"},
		{"template dropped", "<template><p>t</p><template>u</template>v</template>w", "w"},
		{"unknown tags keep text", "<p><span class=x>giữ</span> <font>chữ</font> <o:p>này</o:p></p>", "giữ chữ này"},
		{"comments dropped", "a<!-- bỏ -->b", "ab"},
		{"markdown characters escaped", "<p>a*b_c [x] \\ # d</p><p># e</p>", "a\\*b\\_c \\[x\\] \\\\ # d\n\n\\# e"},
		{"image alt", "<p>xem <img src=a.png alt=\"hình 1\"> đây</p>", "xem hình 1 đây"},
		{"blockquote", "<blockquote><p>trích</p><p>dẫn</p></blockquote>", "> trích\n\n> dẫn"},
		{"pre", "<pre>  a  b\n c</pre>", "      a  b\n     c"},
		{"hr", "a<hr>b", "a\n\n---\n\nb"},
		{"table with header", "<table><tr><th>STT</th><th>Nội dung</th></tr><tr><td>1</td><td>Việc <i>một</i></td></tr><tr><td>2</td><td>Việc hai</td></tr></table>",
			"**STT:** 1\n\n**Nội dung:** Việc *một*\n\n---\n\n**STT:** 2\n\n**Nội dung:** Việc hai"},
		{"table with thead and lists", "<table><thead><tr><td>A</td><td>B</td></tr></thead><tbody><tr><td><ul><li>x</li></ul></td><td>y</td></tr></tbody></table>",
			"**A:**\n\n- x\n\n**B:** y"},
		{"table without header", "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>", "a\n\nb\n\n---\n\nc\n\nd"},
		{"header-only table kept", "<table><tr><th>Cột một</th><th>Cột hai</th></tr></table>", "Cột một · Cột hai"},
		{"unclosed table", "<table><tr><td>a<td>b", "a\n\nb"},
		{"stray li", "<li>lẻ</li>", "- lẻ"},
		{"nbsp only", "<p>&nbsp;</p>", ""},
		{"nfc", "<p>Đa\u0309ng</p>", "Đảng"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Convert(tc.in); got != tc.want {
				t.Errorf("Convert(%q)\n got %q\nwant %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestPage(t *testing.T) {
	in := `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Nghị quyết
 số 1</title><style>body{}</style></head><body><h1>Nghị quyết số 1</h1><p>Căn cứ&hellip;</p></body></html>`
	title, md := Page(in)
	if title != "Nghị quyết số 1" {
		t.Errorf("title %q", title)
	}
	if md != "# Nghị quyết số 1\n\nCăn cứ…" {
		t.Errorf("markdown %q", md)
	}
}

// The cells of the real appendices convert without markup left over.
func TestConvertSeedCells(t *testing.T) {
	for _, name := range []string{
		"../seeds/phu-luc-2-ket-qua-7-nhom-nhiem-vu-2023.txt",
		"../seeds/phu-luc-6-khac-phuc-han-che-2022.txt",
	} {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(b), "\n") {
			for _, cell := range strings.Split(line, "\t") {
				md := Convert(cell)
				if strings.Contains(md, "<") || strings.Contains(md, "style=") {
					t.Errorf("markup left: %.200q", md)
				}
				checkWords(t, cell, "", md)
			}
		}
	}
}

func FuzzConvert(f *testing.F) {
	for _, name := range []string{
		"../seeds/phu-luc-2-ket-qua-7-nhom-nhiem-vu-2023.txt",
		"../seeds/phu-luc-6-khac-phuc-han-che-2022.txt",
	} {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		lines := strings.Split(string(b), "\n")
		for _, l := range lines[:min(40, len(lines))] {
			if strings.Contains(l, "<") {
				f.Add(l)
			}
		}
	}
	f.Add("<html><head><title>t</title></head><body><h2>x</h2><table><tr><th>a<th>b<tr><td>1<td><ol><li>2</ol></table></body>")
	f.Add("<blockquote><pre>a\n b</pre><ul><li><b>x<i>y</b>z</i></ul></blockquote><script>s</script>")
	f.Fuzz(func(t *testing.T, in string) {
		var m0, m1 runtime.MemStats
		runtime.ReadMemStats(&m0)
		title, md := Page(in)
		runtime.ReadMemStats(&m1)
		// Bounded: output and allocation linear in the input (a header
		// label is repeated before each cell of its column: at most
		// maxLabel bytes per cell of at least 4 input bytes).
		if n := len(title) + len(md); n > 64*len(in)+4096 {
			t.Fatalf("%d bytes of markdown out of %d", n, len(in))
		}
		if alloc := m1.TotalAlloc - m0.TotalAlloc; alloc > uint64(4<<20+4000*len(in)) {
			t.Fatalf("%d input bytes allocated %d KB", len(in), alloc>>10)
		}
		for _, s := range []string{title, md} {
			if !utf8.ValidString(s) && utf8.ValidString(in) {
				t.Fatalf("invalid UTF-8 out of valid input: %q", s)
			}
			if utf8.ValidString(s) && !norm.NFC.IsNormalString(s) {
				t.Fatalf("not NFC: %q", s)
			}
		}
		if strings.Contains(title, "\n") {
			t.Fatalf("title on two lines: %q", title)
		}
		if utf8.ValidString(in) {
			checkWords(t, in, title, md)
		}
	})
}

// checkWords asserts that every word of the text of src — as the HTML
// tokenizer sees it, outside dropped elements, with block tags separating
// words — is in the output.
func checkWords(t *testing.T, src, title, md string) {
	t.Helper()
	var sb strings.Builder
	z := html.NewTokenizer(strings.NewReader(src))
	skip := ""
	tmpl := 0
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		tok := z.Token()
		switch tt {
		case html.TextToken:
			if skip == "" && tmpl == 0 {
				// The words of the text as Page cleans it: terminal
				// sequences (ESC 0, OSC …) are no words of a page.
				sb.WriteString(safetext.Strip(strings.Map(controlSpace, tok.Data)))
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			if skip != "" {
				continue
			}
			if tok.Data == "template" && tt == html.StartTagToken {
				tmpl++
			} else if tmpl == 0 && IsDropped(tok.Data) && tt == html.StartTagToken {
				skip = tok.Data
			}
			if tok.Data == "img" && tmpl == 0 {
				for _, a := range tok.Attr {
					if a.Key == "alt" {
						sb.WriteString(" " + a.Val + " ")
					}
				}
			}
			if IsBlock(tok.Data) {
				sb.WriteString(" ")
			}
		case html.EndTagToken:
			if skip != "" {
				if tok.Data == skip {
					skip = ""
				}
				continue
			}
			if tok.Data == "template" && tmpl > 0 {
				tmpl--
			}
			if IsBlock(tok.Data) {
				sb.WriteString(" ")
			}
		}
	}
	have := map[string]int{}
	for _, w := range words(norm.NFC.String(title + " " + md)) {
		have[w]++
	}
	for _, w := range words(norm.NFC.String(sb.String())) {
		if have[w] == 0 {
			t.Fatalf("word %q lost\nin:  %.300q\nout: %.300q", w, src, md)
		}
		have[w]--
	}
}

func words(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r))
	})
}

func BenchmarkConvert(b *testing.B) {
	data, err := os.ReadFile("../seeds/phu-luc-2-ket-qua-7-nhom-nhiem-vu-2023.txt")
	if err != nil {
		b.Fatal(err)
	}
	src := string(data)
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		Convert(src)
	}
}

// TestPageChrome leaves out a web page's navigation, banner, side panel
// and footer, keeps an article's own header, and reads only <main> when
// the page marks it.
func TestPageChrome(t *testing.T) {
	src := `<html><head><title>Cổng thông tin</title></head><body>
<header><a href="/">Trang chủ</a> <a href="/gt">Giới thiệu</a></header>
<nav><ul><li><a>Văn bản</a><nav><a>Lồng nhau</a></nav></li><li>Tin tức</li></ul></nav>
<article><header><h1>Nghị quyết của chi bộ</h1></header><p>Chi bộ họp định kỳ hằng tháng.</p></article>
<aside><p>Mục lục: Điều 1. Phạm vi</p></aside>
<div role="navigation">Đăng nhập</div>
<footer>Bản quyền thuộc về cổng thông tin</footer></body></html>`
	title, md := Page(src)
	if title != "Cổng thông tin" {
		t.Errorf("title %q", title)
	}
	for _, want := range []string{"# Nghị quyết của chi bộ", "Chi bộ họp định kỳ hằng tháng."} {
		if !strings.Contains(md, want) {
			t.Errorf("lost %q:\n%s", want, md)
		}
	}
	for _, bad := range []string{"Trang chủ", "Văn bản", "Lồng nhau", "Tin tức", "Mục lục", "Đăng nhập", "Bản quyền"} {
		if strings.Contains(md, bad) {
			t.Errorf("chrome %q kept:\n%s", bad, md)
		}
	}
	long := strings.Repeat("Đảng viên học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh. ", 5)
	_, md = Page(`<body><div>Thanh điều hướng</div><main><p>` + long + `</p></main><div>Liên kết web</div></body>`)
	if !strings.Contains(md, "Đảng viên học tập") || strings.Contains(md, "Thanh điều hướng") || strings.Contains(md, "Liên kết web") {
		t.Errorf("main only:\n%s", md)
	}
	// <main> around next to nothing: the markup lied, the page is read.
	_, md = Page(`<body><main></main><p>` + long + `</p></body>`)
	if !strings.Contains(md, "Đảng viên học tập") {
		t.Errorf("empty main lost the page:\n%s", md)
	}
}

// rel-19: a DOCTYPE internal subset showed "]>" as a paragraph.
func TestDoctypeInternalSubset(t *testing.T) {
	src := "<?xml version=\"1.0\"?>\n<!DOCTYPE html [\n  <!ENTITY nbsp \"&#160;\">\n  <!ENTITY copy \"&#169;\">\n]>\n<html><body><p>Chi bộ họp.</p></body></html>"
	_, md := Page(src)
	if strings.Contains(md, "]") || strings.Contains(md, "ENTITY") || !strings.Contains(md, "Chi bộ họp.") {
		t.Fatalf("%q", md)
	}
	if got := skipDoctypeSubset("<!DOCTYPE html><p>[a]></p>"); got != "<!DOCTYPE html><p>[a]></p>" {
		t.Fatalf("no subset changed: %q", got)
	}
}

// rel-13: control characters, raw or from entities, do not reach the
// markdown (and whole sequences go, not only their ESC).
func TestControlsDropped(t *testing.T) {
	_, md := Page("<html><body><h1>I. MỞ ĐẦU \x1b[2J</h1><p>a \x1b]0;X\a b &#27;[2J c &#x1b;]0;T&#7; d</p></body></html>")
	for _, bad := range []string{"\x1b", "\a", "\u009b", "2J", "0;X"} {
		if strings.Contains(md, bad) {
			t.Errorf("%q in %q", bad, md)
		}
	}
}

// A long header cell repeated before every cell of its column made a
// 45 KB table 34 MB of markdown.
func TestLongHeaderNotRepeated(t *testing.T) {
	in := "<table><tr><th>" + strings.Repeat("tiêu đề dài ", 1000) + "<th>b</tr>" + strings.Repeat("<tr><td>x<td>y", 2000) + "</table>"
	_, md := Page(in)
	if len(md) > 10*len(in) {
		t.Fatalf("%d bytes of markdown out of %d", len(md), len(in))
	}
	_, md = Page("<table><tr><th>Họ tên<th>Chức vụ</tr><tr><td>An<td>Bí thư</tr></table>")
	if !strings.Contains(md, "**Họ tên:** An") {
		t.Fatalf("short labels lost: %q", md)
	}
}

// PageLimit gives up once the blocks cost more than its limit, and is
// Page below it.
func TestPageLimit(t *testing.T) {
	var b strings.Builder
	b.WriteString("<title>Trang</title><h1>I. MỞ ĐẦU</h1>")
	for i := range 1000 {
		fmt.Fprintf(&b, "<p>Đoạn %d</p><hr>", i)
	}
	src := b.String()
	title, md := Page(src)
	if gt, gm, ok := PageLimit(src, 1<<20); !ok || gt != title || gm != md {
		t.Fatalf("under the limit: ok %v, differs from Page", ok)
	}
	// 2 000 blocks at BlockCost each are over 100 KB whatever their text.
	if gt, gm, ok := PageLimit(src, 100<<10); ok || gt != "" || gm != "" {
		t.Fatalf("over the limit: ok %v, %d bytes", ok, len(gm))
	}
}

// A page saved from a JSP or ASP template keeps its server-side code:
// "<%@ page … %>" is no text of the page. An unclosed "<%" stays.
func TestServerCodeDropped(t *testing.T) {
	_, md := Page("<%@ page language=\"java\" contentType=\"text/html; charset=UTF-8\"%>\n<html><body><% out.print(1); %><p>Chi bộ họp.</p></body></html>")
	if strings.Contains(md, "page language") || strings.Contains(md, "out.print") || !strings.Contains(md, "Chi bộ họp.") {
		t.Fatalf("%q", md)
	}
	if got := skipServerCode("a <% b"); got != "a <% b" {
		t.Fatalf("unclosed: %q", got)
	}
}
