package parse

import (
	"chibo/content/model"

	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func TestNormalize(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"bom and crlf", "\ufeffMột\r\nHai\rBa", "Một\nHai\nBa"},
		{"nfd to nfc", "Nghi\u0323 quyê\u0301t", "Nghị quyết"},
		{"bookmark", "[bookmark: _Hlk141880432]Tiếp tục [bookmark: _Hlk1][bookmark: _Hlk2]thực hiện", "Tiếp tục thực hiện"},
		{"trailing and doubled spaces", "  Việt  Nam   \t", "  Việt Nam\t"},
		{"space before punctuation", "trách . nhiệm , cao ; (  a ) “ b ” c :", "trách. nhiệm, cao; (a) “b” c:"},
		{"dot before word kept", "phiên bản .NET và 0 .5", "phiên bản .NET và 0 .5"},
		{"closing formula", "năm 2023 ./.", "năm 2023./."},
		{"zero width", "Bến\u200bTre\u00ad \u2060x", "BếnTre x"},
		{"nbsp", "cấp ủy đảng,\u00a0người\u202fđứng", "cấp ủy đảng, người đứng"},
		{"nbsp only line", "\u00a0\n \n", "\n\n"},
		{"tabs kept", "1.\t Nội dung \t\tGhi chú ", "1.\tNội dung\t\tGhi chú"},
		{"leading tab kept", "\tKT. CHỦ TỊCH", "\tKT. CHỦ TỊCH"},
		{"no word lost", "a  b   c", "a b c"},
		{"invalid utf8", "a\xffb", "a\uFFFDb"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Normalize(tt.in); got != tt.want {
				t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestNormalizeIdempotentOnSeeds(t *testing.T) {
	seeds, err := SeedFiles()
	if err != nil {
		t.Fatal(err)
	}
	for name, b := range seeds {
		once := Normalize(string(b))
		if twice := Normalize(once); twice != once {
			t.Errorf("%s: Normalize is not idempotent: %s", name, firstDiff(once, twice))
		}
		if strings.Contains(once, "[bookmark:") || strings.Contains(once, "\u00a0") || strings.Contains(once, "\r") {
			t.Errorf("%s: artifacts left", name)
		}
		if w, o := len(model.Words(norm.NFC.String(bookmarkRe.ReplaceAllString(string(b), "")))), len(model.Words(once)); w > o {
			t.Errorf("%s: %d words before, %d after", name, w, o)
		}
	}
}

func TestLayoutOfSynthetic(t *testing.T) {
	wrapped := strings.Repeat("Tiếp tục thực hiện có hiệu quả Chương trình Đồng Khởi khởi nghiệp và phát\n"+
		"triển doanh nghiệp; tăng cường thực hiện các giải pháp hỗ trợ hộ kinh doanh\n"+
		"chuyển đổi lên doanh nghiệp, phấn đấu trong năm có 50 doanh nghiệp.\n", 4)
	paragraphs := "I. PHẦN MỘT\n1. Bài viết\n" + strings.Repeat("Một đoạn văn dài về công tác xây dựng Đảng, kết thúc bằng dấu chấm và đủ dài để không bị coi là dòng gói. Thêm một câu nữa cho dài hơn.\n", 6)
	tests := []struct {
		name, file, text string
		want             model.Layout
	}{
		{"table", "x.txt", "STT\tNội dung\tKết quả\n1.\ta\tb\n1.1\tc\td\n1.2\te\tf\n", model.LayoutTable},
		{"two tab lines are not a table", "x.txt", "a\tb\tc\nd\te\tf\nmột dòng\n", model.LayoutParagraphs},
		{"markdown by heading", "x.txt", "# Tiêu đề\n\nNội dung.\n", model.LayoutMarkdown},
		{"markdown by name", "ghi-chu.md", "Chỉ một dòng.\n", model.LayoutMarkdown},
		{"hashtag is not a heading", "x.txt", "#chibo là gì\n", model.LayoutParagraphs},
		{"wrapped", "x.txt", wrapped, model.LayoutWrapped},
		{"paragraphs", "x.txt", paragraphs, model.LayoutParagraphs},
		{"short text", "x.txt", "Một dòng\nhai dòng\n", model.LayoutParagraphs},
		{"empty", "x.txt", "", model.LayoutParagraphs},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := LayoutOf(tt.file, tt.text); got != tt.want {
				t.Errorf("LayoutOf = %s, want %s", got, tt.want)
			}
		})
	}
}

func FuzzNormalize(f *testing.F) {
	f.Add("\ufeffa\r\nb  .\u00a0[bookmark: x]c\u200b")
	f.Add("e\u0301\t \t")
	f.Fuzz(func(t *testing.T, s string) {
		out := Normalize(s)
		if !utf8.ValidString(out) || !norm.NFC.IsNormalString(out) {
			t.Fatalf("not valid NFC: %q", out)
		}
		if strings.ContainsAny(out, "\r\u00a0\u200b") {
			t.Fatalf("artifacts left in %q", out)
		}
		if again := Normalize(out); again != out {
			t.Fatalf("not idempotent: %q → %q", out, again)
		}
	})
}
