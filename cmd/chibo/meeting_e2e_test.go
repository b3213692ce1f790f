package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"chibo/content"
	"chibo/content/plan"
)

// TestMeetingInTmux prepares next month's meeting on the real binary in a
// 120×40 tmux pane, as a secretary would, and checks the exported pack and
// the plan file on disk:
//
//   - `chibo plan set --date` gives next month's meeting a date, so `m` and
//     the `a` picker must open next month's plan, not this month's;
//   - reader: `]` to "2. Thủ tướng Chính phủ phê duyệt Quy hoạch tỉnh Bến
//     Tre" (four subsections), `a`, Enter: item 2 (the picker's default);
//   - reader, a trimmed passage: `V` on that heading, three `j` (its
//     paragraph, the first subsection's heading and first paragraph),
//     `a`, `5`: item 5;
//   - search "lay phieu tin nhiem": the hit "Công tác xây dựng Đảng …",
//     `a`, `5`: item 5;
//   - search "tinh gian bien che": the hit "2. Thường xuyên củng cố …" of
//     Phụ lục 2 (525-BC/TU, three subsections), `a`, Enter: item 2, after
//     the first;
//   - plan screen: delete "2. Thủ tướng …", `u` brings it back first in
//     item 2; delete "Công tác xây dựng Đảng …" for good; `e` `m` exports
//     the Markdown pack.
//
// The pack must hold exactly the two kept section excerpts, in order, each
// with every paragraph of its section and subsections (read from the
// library after the app quits) and its source line, and the passage with
// just its paragraphs; `chibo plan show --json` must agree. It fails if
// undo does nothing, if the deleted excerpt is still printed, if an
// excerpt loses its subsections, or if the passage is not trimmed.
func TestMeetingInTmux(t *testing.T) {
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed")
	}
	if testing.Short() {
		t.Skip("end-to-end test")
	}
	dir := t.TempDir()
	bin := builtChibo(t)
	data, home := filepath.Join(dir, "data"), filepath.Join(dir, "home")
	if err := os.MkdirAll(home, 0o755); err != nil {
		t.Fatal(err)
	}
	cli := func(args ...string) string {
		t.Helper()
		cmd := exec.Command(bin, append([]string{"--data", data, "--lang", "vi"}, args...)...)
		cmd.Env = append(os.Environ(), "HOME="+home)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("chibo %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return string(out)
	}

	// Next month's meeting, on the 5th.
	now := time.Now()
	next := time.Date(now.Year(), now.Month()+1, 5, 0, 0, 0, 0, time.Local)
	month, label := next.Format("2006-01"), next.Format("1/2006") // as the app writes a month: 1/2027, 12/2026
	cli("plan", "set", "--kind", "thuong-ky", "--date", next.Format("02/01/2006"),
		"--place", "Nhà văn hoá ấp Phú Lợi", "--locality", "Tân Phú",
		"--cell", "ấp Phú Lợi", "--party", "xã Tân Phú", month)

	s, exitFile := startMeetingTmux(t, bin, data, home)
	wait := 30 * time.Second
	s.waitFor("the library", wait, "THƯ VIỆN", "TÀI LIỆU SINH HOẠT")

	// m: the plan of the next meeting.
	s.keys("m")
	scr := s.waitFor("the plan screen", wait, "KẾ HOẠCH HỌP", "Kế hoạch họp › "+label)
	if !strings.Contains(scr, "Sinh hoạt chi bộ thường kỳ tháng "+label) {
		t.Fatalf("m should open the next meeting's plan (%s):\n%s", label, scr)
	}
	s.keys("Escape")
	s.waitFor("the library", wait, "THƯ VIỆN")

	// The first document (the cursor's), its outline, the reader; ] to
	// section II.2.
	s.keys("Enter")
	s.waitFor("the outline", wait, "MỤC LỤC", "I. THỰC HIỆN KẾT LUẬN")
	s.keys("Enter")
	// The text itself, not only the status bar: keys pressed while the
	// reader still renders are dropped.
	s.waitFor("the reader", wait, "ĐỌC", "mục 1/", "### 1. Bác Hồ dặn cán bộ")
	for n := 2; !strings.Contains(firstLine(s.capture()), "› 2. Thủ tướng"); n++ {
		if n > 12 {
			t.Fatalf("] never reached 2. Thủ tướng:\n%s", s.capture())
		}
		s.keys("]")
		s.waitFor(fmt.Sprintf("section %d", n), wait, fmt.Sprintf("mục %d/", n))
	}
	s.keys("a")
	scr = s.waitFor("the picker", wait, "THÊM VÀO CHƯƠNG TRÌNH", "Đoạn: 2. Thủ tướng Chính phủ phê duyệt Quy hoạch tỉnh Bến Tre", "Buổi họp: "+label)
	if !strings.Contains(scr, "Buổi họp: "+label) || !strings.Contains(scr, "> 2. Bí thư trình bày nội dung đã chuẩn bị") {
		t.Fatalf("the picker should offer item 2 of the %s meeting:\n%s", label, scr)
	}
	s.keys("Enter")
	s.waitFor("the flash", wait, "Đã thêm vào: Bí thư trình bày nội dung đã chuẩn bị — "+label)

	// A trimmed passage of the same section: V on its heading, three
	// paragraphs more, into item 5.
	s.keys("V")
	s.waitFor("a selection", wait, "CHỌN ĐOẠN", "1 đoạn", "▌")
	s.keys("j", "j", "j")
	s.waitFor("four paragraphs", wait, "CHỌN ĐOẠN", "4 đoạn")
	s.keys("a")
	s.waitFor("the picker", wait, "THÊM VÀO CHƯƠNG TRÌNH", "Đoạn: [trích đoạn] “Phó Thủ tướng", "Buổi họp: "+label)
	s.keys("5")
	s.waitFor("the flash", wait, "ĐỌC", "Đã thêm vào: Thảo luận những vấn đề chi ủy lựa chọn — "+label)

	// Back to the library, search, add the hit.
	s.keys("Escape")
	s.waitFor("the outline", wait, "MỤC LỤC")
	s.keys("Escape")
	s.waitFor("the library", wait, "THƯ VIỆN")
	searchAdd := func(query, heading, key, item string) {
		t.Helper()
		s.keys("/")
		s.waitFor("the search box", wait, "TÌM KIẾM", "Tìm:")
		s.text(query)
		s.waitFor("hits for "+query, wait, "kết quả", heading)
		s.keys("Enter") // into the results
		for i := 0; ; i++ {
			if cur := hitUnderCursor(s.waitFor("the results", wait, "│ › ")); strings.Contains(cur, heading) {
				break
			}
			if i > 10 {
				t.Fatalf("no hit %q under the cursor:\n%s", heading, s.capture())
			}
			s.keys("Down")
			time.Sleep(20 * time.Millisecond)
		}
		s.keys("a")
		s.waitFor("the picker", wait, "THÊM VÀO CHƯƠNG TRÌNH", "Buổi họp: "+label)
		s.keys(key)
		s.waitFor("the flash", wait, "Đã thêm vào: "+item+" — "+label)
		s.keys("Escape")
		s.waitFor("the library", wait, "THƯ VIỆN")
	}
	searchAdd("lay phieu tin nhiem", "Công tác xây dựng Đảng, xây dựng hệ thống chính trị", "5", "Thảo luận những vấn đề chi ủy lựa chọn")
	searchAdd("tinh gian bien che", "2. Thường xuyên củng cố, kiện toàn tổ chức", "Enter", "Bí thư trình bày nội dung đã chuẩn bị")

	// The plan screen: three excerpts.
	const thuTuong, congTac, thuongXuyen = "• 2. Thủ tướng Chính phủ phê duyệt Quy hoạch tỉnh Bến Tre", "• Công tác xây dựng Đảng", "• 2. Thường xuyên củng cố"
	s.keys("m")
	scr = s.waitFor("the plan with three excerpts", wait, "Kế hoạch họp › "+label, thuTuong, congTac, thuongXuyen)
	if strings.Index(scr, thuTuong) > strings.Index(scr, thuongXuyen) {
		t.Fatalf("the excerpts of item 2 are out of order:\n%s", scr)
	}
	// Delete "2. Thủ tướng …", see it gone, undo, see it back in its place.
	s.selectRow(thuTuong)
	s.keys("d")
	s.waitFor("the question", wait, "[c/K]")
	s.keys("c")
	scr = s.waitFor("the deletion", wait, "Bấm u để hoàn tác")
	if strings.Contains(scr, thuTuong) {
		t.Fatalf("the deleted excerpt is still shown:\n%s", scr)
	}
	s.keys("u")
	scr = s.waitFor("the undo", wait, "Đã hoàn tác", thuTuong)
	if strings.Index(scr, thuTuong) > strings.Index(scr, thuongXuyen) {
		t.Fatalf("undo did not put the excerpt back first in item 2:\n%s", scr)
	}
	if cur := cursorLine(scr); !strings.Contains(cur, thuTuong) {
		t.Fatalf("after undo the cursor is on %q, not the restored excerpt", cur)
	}
	// Delete "Công tác xây dựng Đảng …" for good.
	s.selectRow(congTac)
	s.keys("d")
	s.waitFor("the question", wait, "[c/K]")
	s.keys("y")
	scr = s.waitFor("the deletion", wait, "Bấm u để hoàn tác")
	if strings.Contains(scr, congTac) || !strings.Contains(scr, thuTuong) || !strings.Contains(scr, thuongXuyen) {
		t.Fatalf("after the second deletion the plan should show the two others only:\n%s", scr)
	}
	// Export the Markdown pack.
	s.keys("e")
	s.waitFor("the export question", wait, "Xuất tài liệu họp ra tệp")
	s.keys("m")
	packPath := filepath.Join(home, "chibo-hop-"+month+".md")
	// The status names the file (cut on a narrow pane when TMPDIR is long).
	if scr := s.waitFor("the export", wait, "Đã xuất: "); !strings.Contains(scr, "Đã xuất: "+packPath) && len(packPath) < 100 {
		t.Fatalf("the export should name %s:\n%s", packPath, scr)
	}
	s.keys("Escape")
	s.waitFor("the library", wait, "THƯ VIỆN")
	s.keys("q")
	if code := waitExit(t, exitFile); code != "0" {
		t.Fatalf("exit code %s", code)
	}

	// The pack on disk.
	b, err := os.ReadFile(packPath)
	if err != nil {
		t.Fatal(err)
	}
	pack := string(b)
	programme, _, _ := strings.Cut(pack, "\n---\n") // the minutes and resolution follow
	if n := strings.Count(programme, "**Tài liệu "); n != 3 {
		t.Errorf("the programme has %d excerpts, want 3", n)
	}
	for _, gone := range []string{"Công tác xây dựng Đảng, xây dựng hệ thống chính trị", "58/60 cơ quan"} {
		if strings.Contains(pack, gone) {
			t.Errorf("the deleted excerpt is exported: %q", gone)
		}
	}
	lib, err := content.OpenLibrary(content.Dirs{Data: data, Cache: data})
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		label, doc, sec, source string
		subs                    int
	}{
		{"2.1", "tai-lieu-sinh-hoat-chi-bo-cuoi-2023", "ii.2",
			"Tài liệu sinh hoạt chi bộ: Thực hiện Kết luận số 01-KL/TW của Bộ Chính trị, mục II.2", 4},
		{"2.2", "phu-luc-2-ket-qua-7-nhom-nhiem-vu-2023", "2",
			"Phụ lục 2: Kết quả triển khai thực hiện 7 nhóm nhiệm vụ, giải pháp chủ yếu Nghị quyết Tỉnh uỷ năm 2023 số 525-BC/TU ngày 1/12/2023 của Ban Thường vụ Tỉnh ủy, mục 2", 3},
	}
	sourceLine := regexp.MustCompile(`số [^,]+.*, mục \S+$`)
	for _, w := range want {
		head := "**Tài liệu " + w.label + ": "
		i := strings.Index(programme, head)
		if i < 0 {
			t.Errorf("excerpt %s is not in the pack", w.label)
			continue
		}
		block := programme[i:]
		if j := strings.Index(block[len(head):], "**Tài liệu "); j >= 0 {
			block = block[:len(head)+j]
		}
		if j := strings.Index(block, "\n### "); j >= 0 {
			block = block[:j]
		}
		src := "**Nguồn:** " + w.source
		if !strings.Contains(block, src+"\n") {
			t.Errorf("excerpt %s: source line %q missing:\n%s", w.label, src, block)
		}
		if !sourceLine.MatchString(w.source) {
			t.Errorf("the source %q lacks \"số …, mục …\"", w.source)
		}
		doc, ok := lib.Doc(w.doc)
		if !ok {
			t.Fatalf("no document %s", w.doc)
		}
		tree := subtree(doc, w.sec)
		if len(tree) != 1+w.subs {
			t.Fatalf("%s#%s has %d subsections, want %d", w.doc, w.sec, len(tree)-1, w.subs)
		}
		// A heading shortened to fit a screen line is printed in full.
		if full := plan.FromSection(doc, tree[0]).PrintHeading(); !strings.HasPrefix(block, head+full+"**") || strings.Contains(firstLine(block), "…") {
			t.Errorf("excerpt %s is not %q:\n%s", w.label, full, firstLine(block))
		}
		got := printedWords(block)
		paras := 0
		for n, sec := range tree {
			if n > 0 && !strings.Contains(got, printedWords(sec.Heading)) {
				t.Errorf("excerpt %s lacks the subsection heading %q", w.label, sec.Heading)
			}
			for _, p := range strings.Split(sec.Text, "\n") {
				if p = printedWords(p); p != "" {
					paras++
					if !strings.Contains(got, p) {
						t.Errorf("excerpt %s lacks the paragraph %q of %q", w.label, p, sec.Heading)
					}
				}
			}
		}
		if paras < 2+w.subs {
			t.Errorf("excerpt %s: only %d paragraphs checked", w.label, paras)
		}
	}

	// The passage: the paragraph of II.2, the first subsection's heading
	// and first paragraph, nothing more, cited with II.2.
	pdoc, _ := lib.Doc("tai-lieu-sinh-hoat-chi-bo-cuoi-2023")
	ptree := subtree(pdoc, "ii.2")
	passHead := "**Tài liệu 5.1: " + ptree[0].Heading + " (trích)**"
	i := strings.Index(programme, passHead)
	if i < 0 {
		t.Fatalf("the passage is not in the pack as %q", passHead)
	}
	pblock := programme[i:]
	if j := strings.Index(pblock, "\n### "); j >= 0 {
		pblock = pblock[:j]
	}
	sub := strings.Split(ptree[1].Markdown, "\n\n")
	if len(sub) < 2 {
		t.Fatalf("%s has one paragraph: the test proves nothing", ptree[1].Heading)
	}
	wantPassage := []string{ptree[0].Markdown, ptree[1].Heading, sub[0]}
	got := printedWords(pblock)
	for _, w := range wantPassage {
		if !strings.Contains(got, printedWords(w)) {
			t.Errorf("the passage lacks %q:\n%s", w, pblock)
		}
	}
	for _, gone := range []string{sub[1], ptree[2].Heading} {
		if strings.Contains(got, printedWords(gone)) {
			t.Errorf("the passage is not trimmed: it has %q", gone)
		}
	}
	if src := "**Nguồn:** Tài liệu sinh hoạt chi bộ: Thực hiện Kết luận số 01-KL/TW của Bộ Chính trị, mục II.2\n"; !strings.Contains(pblock, src) {
		t.Errorf("the passage's source line is not %q:\n%s", src, pblock)
	}

	// The plan on disk agrees.
	var shown struct {
		Month string `json:"month"`
		Items []struct {
			Title    string `json:"title"`
			Excerpts []struct {
				Doc, Section, Text, Source string
			} `json:"excerpts"`
		} `json:"items"`
	}
	if err := json.Unmarshal([]byte(cli("plan", "show", "--json", month)), &shown); err != nil {
		t.Fatal(err)
	}
	if shown.Month != month || len(shown.Items) != 7 {
		t.Fatalf("plan show: month %q with %d items", shown.Month, len(shown.Items))
	}
	total := 0
	for _, it := range shown.Items {
		total += len(it.Excerpts)
	}
	ex := shown.Items[1].Excerpts
	if total != 3 || len(ex) != 2 || len(shown.Items[4].Excerpts) != 1 {
		t.Fatalf("plan show: %d excerpts, %d in item 2; want the two kept in item 2 and the passage in item 5: %+v", total, len(ex), shown.Items)
	}
	if px := shown.Items[4].Excerpts[0]; px.Section != "ii.2" || px.Text != strings.Join([]string{ptree[0].Markdown, "**" + ptree[1].Heading + "**", sub[0]}, "\n\n") {
		t.Errorf("plan show: the passage is %s %q", px.Section, px.Text)
	}
	for k, w := range want {
		if ex[k].Doc != w.doc || ex[k].Section != w.sec || ex[k].Source != w.source {
			t.Errorf("plan show excerpt %d: %s#%s %q, want %s#%s %q", k+1, ex[k].Doc, ex[k].Section, ex[k].Source, w.doc, w.sec, w.source)
		}
		if doc, ok := lib.Doc(w.doc); ok {
			for _, sec := range subtree(doc, w.sec)[1:] {
				if !strings.Contains(ex[k].Text, sec.Heading) {
					t.Errorf("plan show excerpt %d lacks the subsection %q", k+1, sec.Heading)
				}
			}
		}
	}
}

// startMeetingTmux runs the binary in a new 120×40 session with HOME (where
// the app exports) set to home; the exit code is written to the returned
// file when it ends.
func startMeetingTmux(t *testing.T, bin, data, home string) (*meetingPane, string) {
	t.Helper()
	dir := t.TempDir()
	s := &meetingPane{tmuxSession{t: t, sock: filepath.Join(dir, "tmux.sock"), name: "chibo-meeting"}}
	exitFile := filepath.Join(dir, "exit")
	shell := "HOME='" + home + "' '" + bin + "' --data '" + data + "' --lang vi; echo $? > '" + exitFile + "'; sleep 5"
	if out, err := s.tmux("new-session", "-d", "-s", s.name, "-x", "120", "-y", "40", shell); err != nil {
		t.Fatalf("tmux new-session: %v %s", err, out)
	}
	t.Cleanup(func() { s.tmux("kill-server") })
	return s, exitFile
}

type meetingPane struct{ tmuxSession }

// selectRow moves the plan screen's cursor (the line starting with ">")
// to the row containing what, with j and k.
func (s *meetingPane) selectRow(what string) {
	s.t.Helper()
	for i := 0; i < 30; i++ {
		scr := s.capture()
		cur, at := cursorLine(scr), strings.Index(scr, what)
		if strings.Contains(cur, what) {
			return
		}
		if at < 0 {
			break
		}
		k := "j"
		if strings.Index(scr, cur) > at {
			k = "k"
		}
		s.keys(k)
		deadline := time.Now().Add(5 * time.Second)
		for cursorLine(s.capture()) == cur && time.Now().Before(deadline) {
			time.Sleep(5 * time.Millisecond)
		}
	}
	s.t.Fatalf("cannot select %q:\n%s", what, s.capture())
}

// cursorLine is the plan screen's selected row.
func cursorLine(screen string) string {
	for _, l := range strings.Split(screen, "\n") {
		if strings.HasPrefix(l, "> ") {
			return l
		}
	}
	return ""
}

// hitUnderCursor is the search hit marked › (its title line and the
// heading line under it).
func hitUnderCursor(screen string) string {
	lines := strings.Split(screen, "\n")
	for i, l := range lines {
		if strings.Contains(l, "│ › ") && i+1 < len(lines) {
			return l + "\n" + lines[i+1]
		}
	}
	return ""
}

func firstLine(s string) string {
	l, _, _ := strings.Cut(s, "\n")
	return l
}

// subtree is section id and the sections under it (a deeper level, up to
// the next one at its level or above).
func subtree(doc *content.Document, id string) []*content.Section {
	for i, s := range doc.Sections {
		if s.ID != id {
			continue
		}
		out := []*content.Section{s}
		for _, c := range doc.Sections[i+1:] {
			if c.Level <= s.Level {
				break
			}
			out = append(out, c)
		}
		return out
	}
	return nil
}

// printedWords is text as words, without the pack's Markdown marks (quote bars,
// emphasis, table pipes, hard-break backslashes), for comparing a
// section's plain text with its printed copy.
func printedWords(s string) string {
	s = strings.NewReplacer("*", "", "|", " ", "\\", "", "\n>", "\n").Replace("\n" + s)
	return strings.Join(strings.Fields(s), " ")
}
