package parse

import (
	"chibo/content/model"

	"strings"
	"testing"
)

func TestParseMarkdown(t *testing.T) {
	tests := []struct {
		name, text, outline string
		check               func(t *testing.T, secs []*model.Section)
	}{
		{
			name:    "atx levels and opening text",
			text:    "Lời dẫn.\n\n# Tiêu đề\n\nĐoạn *một*.\n\n## Điều 2. Hai\n\n- mục\n- mục\n\n### Ba ###\n\nHết.",
			outline: "1 mo-dau Mở đầu\n1 tieu-de Tiêu đề\n2 tieu-de.dieu-2 Điều 2. Hai\n3 tieu-de.dieu-2.ba Ba\n",
			check: func(t *testing.T, secs []*model.Section) {
				if secs[1].Markdown != "Đoạn *một*." || secs[2].Markdown != "- mục\n- mục" {
					t.Errorf("body not kept as markdown: %q %q", secs[1].Markdown, secs[2].Markdown)
				}
				if secs[1].Text != "Đoạn một." {
					t.Errorf("text %q", secs[1].Text)
				}
			},
		},
		{
			name:    "setext headings",
			text:    "Tiêu đề lớn\n===========\n\nThân.\n\nMục nhỏ\n-------\nThân nhỏ.",
			outline: "1 tieu-de-lon Tiêu đề lớn\n2 tieu-de-lon.muc-nho Mục nhỏ\n",
		},
		{
			name:    "skipped levels close up",
			text:    "### Sâu\n\nx\n\n# Nông\n\ny",
			outline: "1 sau Sâu\n1 nong Nông\n",
		},
		{
			name:    "no headings in code, lists or front matter",
			text:    "---\ntitle: Ghi chú\n---\n```\n# không\n```\n- mục\n---\n\n#không-tiêu-đề\n# C#",
			outline: "1 mo-dau Mở đầu\n1 c C#\n",
			check: func(t *testing.T, secs []*model.Section) {
				if !strings.Contains(secs[0].Markdown, "# không\n```") || !strings.Contains(secs[0].Text, "title: Ghi chú") {
					t.Errorf("opening: %q", secs[0].Markdown)
				}
			},
		},
		{
			name:    "emphasis stripped from headings",
			text:    "## **Đậm** và _nghiêng_\nx",
			outline: "1 dam-va-nghieng Đậm và nghiêng\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := Normalize(tt.text)
			secs := parseMarkdown(text)
			checkSections(t, text, secs)
			if got := outline(secs); got != tt.outline {
				t.Errorf("outline:\n%s\nwant:\n%s", got, tt.outline)
			}
			if tt.check != nil {
				tt.check(t, secs)
			}
		})
	}
}

func TestParseMarkdownFile(t *testing.T) {
	doc, err := Parse("ghi-chu.md", []byte("# Chuẩn bị họp chi bộ tháng 12\n\nNội dung theo Kết luận 01-KL/TW.\n"))
	if err != nil {
		t.Fatal(err)
	}
	if doc.Layout != model.LayoutMarkdown || doc.Title != "Chuẩn bị họp chi bộ tháng 12" || len(doc.Refs) != 1 {
		t.Errorf("layout %s title %q refs %v", doc.Layout, doc.Title, doc.Refs)
	}
}

func FuzzMarkdown(f *testing.F) {
	seeds, err := SeedFiles()
	if err != nil {
		f.Fatal(err)
	}
	for _, name := range sortedKeys(seeds) {
		b := seeds[name]
		f.Add("# " + name + "\n\n" + string(b[:len(b)/4]))
	}
	f.Add("---\na: b\n---\nx\n===\n## y ##\n```\n# z\n")
	f.Fuzz(func(t *testing.T, s string) {
		text := Normalize(s)
		checkSections(t, text, parseMarkdown(text))
	})
}
