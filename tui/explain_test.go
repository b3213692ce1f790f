package tui

import (
	"strings"
	"testing"

	"chibo/index"
	"chibo/tui/i18n"
)

// TestExplainLinesMostWords: the few-all-words widening's part names the
// words the hit lacks, in both languages, with no score figure.
func TestExplainLinesMostWords(t *testing.T) {
	ex := &index.Explanation{Parts: []index.ScorePart{
		{Rule: index.RuleWord, Unit: "giuong", Field: "text", Value: 1.5},
		{Rule: index.RuleMostWords, Unit: "trên"},
	}}
	for _, lang := range []struct {
		t    func(i18n.Msg) string
		want string
	}{
		{func(m i18n.Msg) string { return m.VI }, "thiếu trên: ít mục có đủ mọi từ"},
		{func(m i18n.Msg) string { return m.EN }, "lacks trên: few sections have every word"},
	} {
		lines := ExplainLines(lang.t, 1.5, ex)
		if len(lines) != 3 || !strings.Contains(lines[2], lang.want) || strings.Contains(lines[2], "0.000") {
			t.Errorf("explanation %q, want a third line with %q and no figure", lines, lang.want)
		}
	}
}

// TestExplainLinesLead: the lead rule is named as such with its share and
// field, not as heading coverage of 0% (session 22 showed "tiêu đề mục gồm
// các từ tìm (0% số từ)" for it).
func TestExplainLinesLead(t *testing.T) {
	ex := &index.Explanation{Parts: []index.ScorePart{
		{Rule: index.RuleHeadCov, Field: "heading", Value: 1.2, Note: "75% of the heading's words are in the query"},
		{Rule: index.RuleLead, Field: "text", Value: 1.8, Note: "100% of the query opens the text"},
	}}
	lines := ExplainLines(func(m i18n.Msg) string { return m.VI }, 3, ex)
	if len(lines) != 3 || !strings.Contains(lines[1], "(75% số từ)") || !strings.Contains(lines[2], "mở đầu bằng các từ tìm theo thứ tự (100% số từ tìm) · nội dung") {
		t.Errorf("explanation %q", lines)
	}
}
