package parse

import (
	"strings"
	"testing"
	"unicode/utf8"

	"chibo/content/model"
)

// hardWrap breaks every line of text longer than width runes between
// words, as an editor, a mail client or a PDF copy does; table rows
// (tabs) and blank lines are left as they are.
func hardWrap(text string, width int) string {
	var out []string
	for _, l := range strings.Split(text, "\n") {
		if strings.Contains(l, "\t") || utf8.RuneCountInString(l) <= width {
			out = append(out, l)
			continue
		}
		indent := l[:len(l)-len(strings.TrimLeft(l, " "))]
		cur := []string{}
		n := 0
		for i, w := range strings.Fields(l) {
			if i == 0 {
				w = indent + w // the first line keeps the indentation
			}
			k := utf8.RuneCountInString(w)
			if n > 0 && n+1+k > width {
				out = append(out, strings.Join(cur, " "))
				cur, n = cur[:0], 0
			}
			if n > 0 {
				n++
			}
			cur, n = append(cur, w), n+k
		}
		if len(cur) > 0 {
			out = append(out, strings.Join(cur, " "))
		}
	}
	return strings.Join(out, "\n")
}

// sectionShape is a document's sections as "level heading" lines and
// their paragraphs with white space collapsed.
func sectionShape(d *model.Document) (heads []string, paras []string) {
	for _, s := range d.Sections {
		heads = append(heads, strings.Repeat("  ", s.Level-1)+s.Heading)
		for _, p := range strings.Split(s.Markdown, "\n\n") {
			paras = append(paras, strings.Join(strings.Fields(p), " "))
		}
	}
	return heads, paras
}

// Hard-wrapped plain text reads as the text it was wrapped from: the same
// sections and the same paragraphs, for the seeds written one paragraph
// a line, wrapped at 60, 72 and 80 columns. What is left is the wrap's own
// ambiguity: a paragraph whose last line happens to be full reads on into
// the next when that one starts like a sentence (about one paragraph end
// in ten); so at least 85 % of the headings and paragraphs must come out
// as in the original, both ways (measured: 23–31 of 25/31 headings,
// 156–163 of 176 and 45 of 45 paragraphs; before the wrap width was read,
// 16–17 of 25 and 27–28 of 31 headings, 148–153 of 176 and 31–34 of 45
// paragraphs).
func TestHardWrappedSeeds(t *testing.T) {
	for _, prefix := range []string{"tai-lieu-sinh-hoat", "nghi-quyet-hdnd-bo-sung"} {
		name, data := seedByPrefix(t, prefix)
		orig, _ := Parse(name, data)
		wantHeads, wantParas := sectionShape(orig)
		if len(wantHeads) < 5 {
			t.Fatalf("%s: only %d sections", name, len(wantHeads))
		}
		for _, w := range []int{60, 72, 80} {
			wrapped := hardWrap(Normalize(string(data)), w)
			if strings.Count(wrapped, "\n") < strings.Count(string(data), "\n")*2 {
				t.Fatalf("%s at %d: the wrap made too few lines", name, w)
			}
			d, _ := Parse(name, []byte(wrapped))
			heads, paras := sectionShape(d)
			h, p := common(heads, wantHeads), common(paras, wantParas)
			t.Logf("%s at %d: headings %d/%d (%d made), paragraphs %d/%d (%d made)", name, w, h, len(wantHeads), len(heads), p, len(wantParas), len(paras))
			if h*20 < len(wantHeads)*17 || h*20 < len(heads)*17 {
				t.Errorf("%s wrapped at %d: %d of %d headings as in the original (%d made), want 85 %%", name, w, h, len(wantHeads), len(heads))
			}
			if p*20 < len(wantParas)*17 || p*20 < len(paras)*17 {
				t.Errorf("%s wrapped at %d: %d of %d paragraphs as in the original (%d made), want 85 %%", name, w, p, len(wantParas), len(paras))
			}
		}
	}
}

// common is the length of the longest common subsequence of a and b.
func common(a, b []string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := range a {
		for j := range b {
			if a[i] == b[j] {
				cur[j+1] = prev[j] + 1
			} else {
				cur[j+1] = max(cur[j], prev[j+1])
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// A short text wrapped by a program — here the four lines of the VISCII
// case (shared/cases/import/13), an e-mail's paragraph — is one paragraph
// when every line agrees with the wrap; a short list of lines that do not
// (a poem, an address block) stays line by line.
func TestHardWrappedShort(t *testing.T) {
	para := "Chữ Quốc ngữ là hệ chữ viết thống nhất chính thức hiện nay của tiếng Việt, sử\n" +
		"dụng ký tự La Tinh, dựa trên các bảng chữ cái của nhóm ngôn ngữ Rôman,[1] đặc\n" +
		"biệt là bảng chữ cái Bồ Đào Nha,[2] với các dấu phụ chủ yếu từ bảng chữ cái Hy\n" +
		"Lạp.\n"
	d := Text("viscii.txt", Normalize(para), LayoutOf("viscii.txt", Normalize(para)))
	if d.Layout != model.LayoutWrapped || len(d.Sections) != 1 || strings.Count(d.Sections[0].Markdown, "\n") != 0 {
		t.Fatalf("layout %s, %d sections, markdown %q: want one paragraph", d.Layout, len(d.Sections), d.Sections[0].Markdown)
	}
	if strings.HasSuffix(d.Title, " sử") {
		t.Errorf("title %q cut at the wrap, not at a length limit", d.Title)
	}
	lines := "Kính gửi: Chi bộ 3\nThời gian: 14 giờ ngày 05/3/2026\nđịa điểm: hội trường\nNội dung: sinh hoạt thường kỳ\n"
	if l := LayoutOf("x.txt", lines); l == model.LayoutWrapped {
		t.Errorf("lines of different lengths read as wrapped")
	}
}
