package tui

import (
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"chibo/index"
	"chibo/tui/i18n"
)

// TestCrumbKeepsTheEnd: a long path is cut on the left (or in the middle
// of a too-long last part), never on the right where the match is.
func TestCrumbKeepsTheEnd(t *testing.T) {
	path := []string{"PHẦN THỨ NHẤT: KẾT QUẢ THỰC HIỆN", "II. Nhiệm vụ trọng tâm", "3. Xây dựng nông thôn mới"}
	for _, w := range []int{200, 60, 40, 30, 20} {
		got := crumb(path, w)
		if ansi.StringWidth(got) > w {
			t.Errorf("w=%d: %q is wider", w, got)
		}
		if w >= 30 && !strings.HasSuffix(got, "3. Xây dựng nông thôn mới") {
			t.Errorf("w=%d: %q lost the matched section", w, got)
		}
		if w < 30 && (!strings.HasSuffix(got, "thôn mới") || !strings.Contains(got, "…")) {
			t.Errorf("w=%d: %q should keep the end of the last part", w, got)
		}
	}
}

// TestCrumbWholeWordsOfTheMatch: a matched heading that fits alone is shown
// whole (not cut to fit a "… › " lead), and one too long for the line is
// cut between words, never inside one ("“chi b… bộ bốn tốt”" was seen).
func TestCrumbWholeWordsOfTheMatch(t *testing.T) {
	last := "3. Quy định tiêu chí xây dựng “chi bộ bốn tốt”, “đảng bộ cơ sở bốn tốt”"
	path := []string{"Tài liệu sinh hoạt chi bộ", "II. MỘT SỐ NỘI DUNG", last}
	w := ansi.StringWidth(last)
	if got := crumb(path, w+2); got != last {
		t.Errorf("w=%d: %q, want the heading whole", w+2, got)
	}
	got := crumb(path, 40)
	if ansi.StringWidth(got) > 40 || !strings.HasPrefix(got, "3. Quy định") || !strings.Contains(got, "…") {
		t.Fatalf("w=40: %q", got)
	}
	start, end, _ := strings.Cut(got, "…")
	words := strings.Fields(last)
	if f := strings.Fields(start); !slices.Equal(f, words[:len(f)]) {
		t.Errorf("w=40: start %q cuts a word", start)
	}
	if f := strings.Fields(end); !slices.Equal(f, words[len(words)-len(f):]) {
		t.Errorf("w=40: end %q cuts a word", end)
	}
}

// TestFacetsCombineWithinGroup: ticking one kind keeps the counts of the
// other kinds (they would widen the search), and the results narrow.
func TestFacetsCombineWithinGroup(t *testing.T) {
	h := newHarness(t, 100, 30, i18n.VI)
	h.key("/")
	h.text("nong thon moi")
	h.key("enter")
	s := h.app.cur.(*searchScreen)
	before := map[string]int{}
	for _, f := range s.res.Kinds {
		before[f.Value] = f.Count
	}
	if len(before) < 2 {
		t.Fatalf("need two kinds in the results, have %v", before)
	}
	h.key("tab") // to the facets
	h.key("space")
	if len(s.kinds) != 1 {
		t.Fatalf("one kind should be ticked: %v", s.kinds)
	}
	after := map[string]int{}
	for _, f := range s.res.Kinds {
		after[f.Value] = f.Count
	}
	for k, n := range before {
		if after[k] != n {
			t.Errorf("kind %s: %d before ticking, %d after", k, n, after[k])
		}
	}
	total := 0
	for k, on := range s.kinds {
		if on {
			total += before[k]
		}
	}
	if s.res.Total != total {
		t.Errorf("results %d, want the ticked kind's %d", s.res.Total, total)
	}
}

// TestPartialMatchFlagged: a hit lacking a query word says which (as the
// index reports it in Hit.Missing); a hit with every word says nothing.
func TestPartialMatchFlagged(t *testing.T) {
	h := newHarness(t, 100, 30, i18n.VI)
	h.key("/")
	h.text("nông thôn đô thị")
	h.key("enter")
	s := h.app.cur.(*searchScreen)
	s.Update(searchResultMsg{seq: s.seq, res: &index.Result{Total: 2, Relaxed: true, Hits: []index.Hit{
		{Doc: "a", Title: "Kế hoạch một", Section: "1", Heading: "1. Nông thôn", Path: []string{"1. Nông thôn"}, Missing: []string{"đô", "thị"}},
		{Doc: "b", Title: "Kế hoạch hai", Section: "2", Heading: "2. Đô thị", Path: []string{"2. Đô thị"}},
	}}})
	if s.res == nil || len(s.res.Hits) != 2 {
		t.Fatal("the result was not taken")
	}
	view := ansi.Strip(s.View())
	if n := strings.Count(view, "thiếu: đô, thị"); n != 1 {
		t.Errorf("'thiếu: đô, thị' shown %d times, want once:\n%s", n, view)
	}
	if strings.Count(view, "thiếu:") != 1 {
		t.Errorf("a hit with every word is flagged:\n%s", view)
	}
}
