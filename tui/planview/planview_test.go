package planview

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"chibo/content"
	"chibo/content/plan"
	"chibo/tui/common"
	"chibo/tui/i18n"
	"chibo/tui/internal/tuitest"
)

var t0 = time.Date(2026, 11, 20, 9, 30, 0, 0, time.UTC)

// fakeLib holds the one document the sample excerpts come from; the second
// document of the sample is "gone" so its excerpt shows as missing.
type fakeLib map[string]*content.Document

func (f fakeLib) Doc(id string) (*content.Document, bool) { d, ok := f[id]; return d, ok }

func sampleLib() fakeLib {
	return fakeLib{"tai-lieu": {ID: "tai-lieu", Title: "Tài liệu sinh hoạt chi bộ", Number: "12-TL/BTG", Sections: []*content.Section{
		{ID: "ii.1", Heading: "1. Kinh tế – xã hội", Path: []string{"II. THÔNG TIN", "1. Kinh tế – xã hội"}, Markdown: "GRDP tăng **6,5%**."},
		{ID: "ii.2", Heading: "2. Quy hoạch tỉnh", Path: []string{"II. THÔNG TIN", "2. Quy hoạch tỉnh"}, Markdown: "Quy hoạch đến năm 2050."},
		{ID: "i.1", Heading: "1. Bác Hồ dặn cán bộ", Path: []string{"I. HỌC TẬP", "1. Bác Hồ dặn cán bộ"}, Markdown: "Cần, kiệm, liêm, chính."},
	}}}
}

func excerptOf(lib fakeLib, sec string) plan.Excerpt {
	d := lib["tai-lieu"]
	s, _ := d.Section(sec)
	return plan.FromSection(d, s)
}

// sampleStore saves a plan for 2026-11 with excerpts in two items, notes,
// and an excerpt whose document is no longer in the library.
func sampleStore(t *testing.T) (*plan.Store, fakeLib) {
	t.Helper()
	st := plan.OpenStore(t.TempDir())
	st.SetClock(func() time.Time { return t0 })
	lib := sampleLib()
	_, err := st.Update("2026-11", func(p *plan.Plan) error {
		p.Date, p.Place = "2026-11-25", "Nhà văn hoá thôn Đông"
		for _, sec := range []string{"ii.1", "ii.2"} {
			if _, err := p.AddExcerpt("thong-tin", excerptOf(lib, sec), t0); err != nil {
				return err
			}
		}
		if _, err := p.AddExcerpt("tu-phe-binh", excerptOf(lib, "i.1"), t0); err != nil {
			return err
		}
		gone := plan.Excerpt{Doc: "da-xoa", DocTitle: "Chuyên đề năm 2025", Section: "i", Path: []string{"I. Nội dung"}, Text: "…"}
		if _, err := p.AddExcerpt("tu-phe-binh", gone, t0); err != nil {
			return err
		}
		return p.SetNotes("ket-luan", "- Đ/c An: vận động hộ nghèo\n- Đ/c Bình: vệ sinh đường thôn")
	})
	if err != nil {
		t.Fatal(err)
	}
	return st, lib
}

// key is the key press for a key name; see tuitest.Key.
func kp(s string) tea.KeyPressMsg { return tuitest.Key(s) }

// newModel opens the plan screen of month and loads it, as the app does
// when the screen becomes current.
func newModel(t *testing.T, st *plan.Store, lib plan.Source, lang i18n.Lang, month string, w, h int) *Model {
	t.Helper()
	m := New(common.New(lang, common.ThemeNone), st, lib, month)
	drive(m, m.SetSize(w, h))
	return m
}

func newPicker(t *testing.T, st *plan.Store, month string, ex plan.Excerpt, lang i18n.Lang, w, h int) *Picker {
	t.Helper()
	k := NewPicker(common.New(lang, common.ThemeNone), st, month, ex, "")
	drive(k, k.SetSize(w, h))
	return k
}

// press sends keys one by one and runs the commands they return, giving
// back the last message meant for the app.
func press(t *testing.T, m common.Screen, keys ...string) tea.Msg {
	t.Helper()
	var last tea.Msg
	for _, k := range keys {
		if msg := drive(m, m.Update(kp(k))); msg != nil {
			last = msg
		}
	}
	return last
}

// drive runs a command the way the app does: the screen's own messages go
// back to it (loads, saves, exports), and the last message for the app
// (back, flash, open a source) is returned. Cursor-blink ticks would
// sleep (none should: the cursor is steady), so a command is given 5s.
func drive(m common.Screen, cmd tea.Cmd) tea.Msg {
	if cmd == nil {
		return nil
	}
	ch := make(chan tea.Msg, 1)
	go func() { ch <- cmd() }()
	select {
	case msg := <-ch:
		switch msg := msg.(type) {
		case common.OpenSourceMsg, common.BackMsg, common.BackFlashMsg, common.FlashMsg:
			return msg
		case loadedMsg, savedMsg, exportedMsg, membersMsg, pickerLoadedMsg, pickerAddedMsg:
			return drive(m, m.Update(msg))
		case tea.BatchMsg:
			var last tea.Msg
			for _, c := range msg {
				if r := drive(m, c); r != nil {
					last = r
				}
			}
			return last
		}
	case <-time.After(5 * time.Second):
	}
	return nil
}

func typeText(m common.Screen, s string) {
	for _, r := range s {
		drive(m, m.Update(tea.KeyPressMsg{Code: r, Text: string(r)}))
	}
}

// golden compares got with testdata/name.golden (-update rewrites it).
func golden(t *testing.T, name, got string) {
	t.Helper()
	tuitest.Golden(t, filepath.Join("testdata", name+".golden"), got, "go test ./tui/planview -update")
}

func TestViewGolden(t *testing.T) {
	cases := []struct {
		name string
		w, h int
		lang i18n.Lang
		keys []string
	}{
		{"plan-80x24", 80, 24, i18n.VI, nil},
		{"plan-50x15", 50, 15, i18n.VI, nil},
		{"plan-80x24-en", 80, 24, i18n.EN, nil},
		{"plan-80x24-missing-selected", 80, 24, i18n.VI, []string{"G", "k", "k"}},
		{"plan-50x15-scrolled", 50, 15, i18n.VI, []string{"G"}},
		{"plan-80x24-notes", 80, 24, i18n.VI, []string{"j", "j", "j", "j", "j", "enter"}},
		{"plan-80x24-export", 80, 24, i18n.VI, []string{"e"}},
		{"plan-50x15-confirm", 50, 15, i18n.VI, []string{"d"}},
		{"plan-80x24-moveto", 80, 24, i18n.VI, []string{"j", "j", "x"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			st, lib := sampleStore(t)
			m := newModel(t, st, lib, c.lang, "2026-11", c.w, c.h)
			press(t, m, c.keys...)
			v := m.View()
			tuitest.CheckFrame(t, v, c.w, c.h)
			golden(t, c.name, tuitest.Plain(v))
		})
	}
}

func TestUnsavedSkeleton(t *testing.T) {
	st := plan.OpenStore(t.TempDir())
	m := newModel(t, st, nil, i18n.VI, "2026-12", 80, 24)
	v := tuitest.Plain(m.View())
	for _, want := range []string{"chưa lưu", "90/90", "6. Kết luận", "bấm a để thêm"} {
		if !strings.Contains(v, want) {
			t.Errorf("skeleton view lacks %q:\n%s", want, v)
		}
	}
	if _, err := os.Stat(st.Path("2026-12")); err == nil {
		t.Error("viewing a plan saved it")
	}
}

func TestItemOperationsByKeys(t *testing.T) {
	st, lib := sampleStore(t)
	m := newModel(t, st, lib, i18n.VI, "2026-11", 80, 24)

	// n: a new item after the selected one (item 1).
	press(t, m, "n")
	if !m.Capturing() {
		t.Fatal("prompt not open")
	}
	typeText(m, "Kiểm điểm đảng viên")
	press(t, m, "enter")
	p, _, _ := st.Load("2026-11")
	if p.Items[1].Title != "Kiểm điểm đảng viên" || m.Capturing() {
		t.Fatalf("new item: %q", p.Items[1].Title)
	}
	// r: rename it (the cursor is on it).
	press(t, m, "r")
	for range []rune("Kiểm điểm đảng viên") {
		press(t, m, "backspace")
	}
	typeText(m, "Kiểm điểm")
	press(t, m, "enter")
	// t: time budget, with a bad number first.
	press(t, m, "t", "backspace", "backspace")
	typeText(m, "abc")
	press(t, m, "enter")
	if !m.Capturing() || !strings.Contains(tuitest.Plain(m.View()), "số phút") {
		t.Fatal("a bad number was accepted")
	}
	for i := 0; i < 3; i++ {
		press(t, m, "backspace")
	}
	typeText(m, "20")
	press(t, m, "enter")
	p, _, _ = st.Load("2026-11")
	if p.Items[1].Title != "Kiểm điểm" || p.Items[1].Minutes != 20 {
		t.Fatalf("rename/time: %+v", p.Items[1])
	}
	// K: move it up; J: back down.
	press(t, m, "K")
	p, _, _ = st.Load("2026-11")
	if p.Items[0].Title != "Kiểm điểm" {
		t.Fatalf("move up: %s", p.Items[0].Title)
	}
	press(t, m, "J")
	p, _, _ = st.Load("2026-11")
	if p.Items[1].Title != "Kiểm điểm" {
		t.Fatalf("move down: %s", p.Items[1].Title)
	}
	// d then n: nothing happens; d then y: removed.
	press(t, m, "d", "k")
	if p, _, _ = st.Load("2026-11"); len(p.Items) != 8 {
		t.Fatal("delete without confirmation")
	}
	press(t, m, "d", "y")
	if p, _, _ = st.Load("2026-11"); len(p.Items) != 7 {
		t.Fatalf("delete: %d items", len(p.Items))
	}
	// Empty title is refused with a message, the prompt stays open.
	press(t, m, "n", "enter")
	if !m.Capturing() || !strings.Contains(tuitest.Plain(m.View()), "không được để trống") {
		t.Fatal("empty title accepted")
	}
	press(t, m, "esc")
	if m.Capturing() {
		t.Fatal("esc did not close the prompt")
	}
}

func TestExcerptOperationsByKeys(t *testing.T) {
	st, lib := sampleStore(t)
	m := newModel(t, st, lib, i18n.VI, "2026-11", 80, 24)
	// Rows: 1 item, 2 item, t1, t2, 3 item …
	press(t, m, "j", "j", "j") // t2
	press(t, m, "K")
	p, _, _ := st.Load("2026-11")
	if p.Items[1].Excerpts[0].ID != "t2" {
		t.Fatalf("move excerpt up: %v", p.Items[1].Excerpts)
	}
	// x: move t2 to item 6 (Kết luận).
	press(t, m, "x", "6", "enter")
	p, _, _ = st.Load("2026-11")
	if len(p.Items[5].Excerpts) != 1 || p.Items[5].Excerpts[0].ID != "t2" || len(p.Items[1].Excerpts) != 1 {
		t.Fatalf("move to item: %+v", p.Items[5])
	}
	if id, ex := m.selected(); id != "ket-luan" || ex != "t2" {
		t.Fatalf("cursor after move: %s %s", id, ex)
	}
	// enter on an excerpt: jump to its source.
	msg := press(t, m, "enter")
	if o, ok := msg.(common.OpenSourceMsg); !ok || o.Doc != "tai-lieu" || o.Section != "ii.2" {
		t.Fatalf("open source: %#v", msg)
	}
	// A missing source cannot be opened, and says so.
	press(t, m, "g")
	for i := 0; i < 20; i++ {
		if _, ex := m.selected(); ex == "t4" {
			break
		}
		press(t, m, "j")
	}
	msg = press(t, m, "o")
	if msg != nil || !strings.Contains(tuitest.Plain(m.View()), "nguồn không còn trong thư viện") {
		t.Fatalf("missing source opened: %#v", msg)
	}
	// d y on an excerpt removes only it.
	press(t, m, "d", "y")
	p, _, _ = st.Load("2026-11")
	if p.ExcerptCount() != 3 {
		t.Fatalf("after removing t4: %d excerpts", p.ExcerptCount())
	}
	// esc in the list is the app's: the screen has no inner state open.
	if m.Back() {
		t.Fatal("esc in the list kept the screen")
	}
}

// TestUndoSelectsExcerpt: u puts a deleted excerpt back in its place and
// the cursor on it (it stayed on the item above, seen in tmux), so a second
// d deletes what was just restored.
func TestUndoSelectsExcerpt(t *testing.T) {
	st, lib := sampleStore(t)
	m := newModel(t, st, lib, i18n.VI, "2026-11", 80, 24)
	press(t, m, "j", "j") // t1, the first excerpt of item 2
	press(t, m, "d", "c")
	if _, ex := m.selected(); ex != "t2" {
		t.Fatalf("after deleting t1 the cursor is on %q, want the next excerpt t2", ex)
	}
	press(t, m, "u")
	p, _, _ := st.Load("2026-11")
	back := p.Items[1].Excerpts[0]
	if back.Section != "ii.1" || p.ExcerptCount() != 4 {
		t.Fatalf("undo did not put ii.1 back first: %+v", p.Items[1].Excerpts)
	}
	if id, ex := m.selected(); id != "thong-tin" || ex != back.ID {
		t.Fatalf("after undo the cursor is on %s/%q, want the restored excerpt %s", id, ex, back.ID)
	}
	if !strings.Contains(tuitest.Plain(m.View()), "> ") {
		t.Fatal("no cursor shown")
	}
}

// TestDeletedStatusKeepsHint: on a narrow screen a long title is cut in
// "Đã xoá “…”. Bấm u để hoàn tác.", not the hint (seen in tmux at 80
// columns: "… Bấm u để hoàn…").
func TestDeletedStatusKeepsHint(t *testing.T) {
	st, _ := sampleStore(t)
	long := plan.Excerpt{Doc: "d", DocTitle: "Tài liệu", Section: "x", Path: []string{strings.Repeat("Thường xuyên củng cố, kiện toàn tổ chức ", 4)}, Text: "Nội dung."}
	if _, err := st.Update("2026-11", func(p *plan.Plan) error { _, err := p.AddExcerpt("khai-mac", long, t0); return err }); err != nil {
		t.Fatal(err)
	}
	for _, lang := range []i18n.Lang{i18n.VI, i18n.EN} {
		m := newModel(t, st, nil, lang, "2026-11", 60, 20)
		press(t, m, "j", "d", "c")
		status := tuitest.Plain(m.statusLine())
		hint := map[i18n.Lang]string{i18n.VI: "Bấm u để hoàn tác.", i18n.EN: "Press u to undo."}[lang]
		if !strings.HasSuffix(status, hint) || ansi.StringWidth(status) > 60 || !strings.Contains(status, "…") {
			t.Errorf("delete status at 60 columns: %q", status)
		}
		press(t, m, "u")
		if status := tuitest.Plain(m.statusLine()); ansi.StringWidth(status) > 60 || !strings.HasSuffix(status, map[i18n.Lang]string{i18n.VI: "trở lại chương trình.", i18n.EN: "is back on the agenda."}[lang]) {
			t.Errorf("undo status at 60 columns: %q", status)
		}
	}
}

func TestNotesEditor(t *testing.T) {
	st, lib := sampleStore(t)
	m := newModel(t, st, lib, i18n.VI, "2026-11", 80, 24)
	press(t, m, "enter") // notes of item 1
	if !m.Capturing() {
		t.Fatal("editor not open")
	}
	typeText(m, "Điểm danh: 12/14")
	m.Update(tea.KeyPressMsg{Code: tea.KeyEnter})
	typeText(m, "Đảng phí: đủ")
	press(t, m, "ctrl+s")
	p, _, _ := st.Load("2026-11")
	if p.Items[0].Notes != "Điểm danh: 12/14\nĐảng phí: đủ" || !m.Capturing() {
		t.Fatalf("ctrl+s: %q", p.Items[0].Notes)
	}
	typeText(m, " (thu sau)")
	press(t, m, "esc") // esc saves too: nothing typed is lost
	p, _, _ = st.Load("2026-11")
	if p.Items[0].Notes != "Điểm danh: 12/14\nĐảng phí: đủ (thu sau)" || m.Capturing() {
		t.Fatalf("esc: %q", p.Items[0].Notes)
	}
	if !strings.Contains(tuitest.Plain(m.View()), "Ghi chú: Điểm danh: 12/14 …") {
		t.Fatalf("notes preview missing:\n%s", tuitest.Plain(m.View()))
	}
}

func TestDetailsAndMonths(t *testing.T) {
	st, lib := sampleStore(t)
	m := newModel(t, st, lib, i18n.VI, "2026-11", 80, 24)
	press(t, m, "i")
	if !strings.Contains(tuitest.Plain(m.View()), "25/11/2026") {
		t.Fatalf("the date is not shown as dd/mm/yyyy to edit:\n%s", tuitest.Plain(m.View()))
	}
	for range "25/11/2026" {
		press(t, m, "backspace")
	}
	typeText(m, "25/11")
	press(t, m, "enter")
	if !strings.Contains(tuitest.Plain(m.View()), "không phải ngày") {
		t.Fatalf("bad date accepted:\n%s", tuitest.Plain(m.View()))
	}
	for range "25/11" {
		press(t, m, "backspace")
	}
	typeText(m, "27/11/2026")     // as the app shows dates; 2026-11-27 and 27/11/2026 too
	press(t, m, "enter", "enter") // date, keep the place
	if v := tuitest.Plain(m.View()); !strings.Contains(v, "Địa danh (dòng ngày tháng):") {
		t.Fatalf("no prompt for the date line's place name:\n%s", v)
	}
	typeText(m, "Tân An")
	press(t, m, "enter")
	typeText(m, "Chi bộ thôn Đông") // the prefix is not kept (it would print twice)
	press(t, m, "enter")
	typeText(m, "xã Tân An")
	press(t, m, "enter")
	p, _, _ := st.Load("2026-11")
	if p.Date != "2026-11-27" || p.Place != "Nhà văn hoá thôn Đông" || p.Locality != "Tân An" || p.Cell != "thôn Đông" || p.Party != "xã Tân An" || m.Capturing() {
		t.Fatalf("details: %+v", p)
	}
	press(t, m, "]")
	if m.Month() != "2026-12" || !strings.Contains(tuitest.Plain(m.View()), "tháng 12/2026") {
		t.Fatal("next month")
	}
	press(t, m, "[", "[")
	if m.Month() != "2026-10" {
		t.Fatal("previous month")
	}
}

// TestDetailsDateOutsideMonth: a date neither in the plan's month nor the
// next (05/01/2027 typed for November 2026) is saved but the next prompt
// says so, with the month the resolution would then assess.
func TestDetailsDateOutsideMonth(t *testing.T) {
	st, lib := sampleStore(t)
	m := newModel(t, st, lib, i18n.VI, "2026-11", 200, 24)
	press(t, m, "i")
	for range "25/11/2026" {
		press(t, m, "backspace")
	}
	typeText(m, "05/01/2027")
	press(t, m, "enter")
	if v := tuitest.Plain(m.View()); !strings.Contains(v, "ngày họp 05/01/2027 không thuộc tháng 11/2026") || !strings.Contains(v, "đánh giá tháng 12/2026") {
		t.Fatalf("no warning for a date outside the month:\n%s", v)
	}
	if p, _, _ := st.Load("2026-11"); p.Date != "2027-01-05" {
		t.Fatalf("the date was not saved: %q", p.Date)
	}
}

// TestDetailsSavedIsNotError: between the prompts of i, the "saved" of
// the date is shown plainly; only a refused value gets the "!" of an error
// (it read "! Đã lưu.").
func TestDetailsSavedIsNotError(t *testing.T) {
	st, lib := sampleStore(t)
	m := newModel(t, st, lib, i18n.VI, "2026-11", 80, 24)
	press(t, m, "i")
	for range "25/11/2026" {
		press(t, m, "backspace")
	}
	typeText(m, "32/11/2026")
	press(t, m, "enter")
	if v := tuitest.Plain(m.View()); !strings.Contains(v, "! ") {
		t.Fatalf("a refused date should be marked as an error:\n%s", v)
	}
	for range "32/11/2026" {
		press(t, m, "backspace")
	}
	typeText(m, "27/11/2026")
	press(t, m, "enter")
	v := tuitest.Plain(m.View())
	if !m.Capturing() || !strings.Contains(v, i18n.PlanSaved.In(i18n.VI)) || strings.Contains(v, "! ") {
		t.Fatalf("after a good date the next prompt shows a plain \"saved\":\n%s", v)
	}
}

func TestExportKey(t *testing.T) {
	st, lib := sampleStore(t)
	dir := t.TempDir()
	for _, c := range []struct{ key, ext string }{{"h", ".html"}, {"d", ".docx"}, {"m", ".md"}} {
		m := newModel(t, st, lib, i18n.VI, "2026-11", 200, 24)
		m.SetExportDir(dir)
		press(t, m, "e", c.key)
		path := filepath.Join(dir, "chibo-hop-2026-11"+c.ext)
		data, err := os.ReadFile(path)
		if err != nil || len(data) == 0 {
			t.Fatalf("%s: %v", path, err)
		}
		if !strings.Contains(tuitest.Plain(m.View()), path) {
			t.Errorf("the path is not shown:\n%s", tuitest.Plain(m.View()))
		}
		// The screen marks a source gone from the library; the printed
		// pack (the cell's document) carries no such internal note.
		if c.ext == ".md" && (bytes.Contains(data, []byte("nguồn không còn trong thư viện")) || !bytes.Contains(data, []byte("Chuyên đề năm 2025"))) {
			t.Error("the pack prints the internal missing-source note, or lost the excerpt")
		}
	}
}

// TestExportNeverReplacesUnasked: a pack already exported (and maybe
// edited in Word since) is not overwritten by a second export unless the
// secretary says yes; no (or enter, esc) writes "NAME (2).docx" beside it.
func TestExportNeverReplacesUnasked(t *testing.T) {
	st, lib := sampleStore(t)
	dir := t.TempDir()
	m := newModel(t, st, lib, i18n.VI, "2026-11", 200, 24)
	m.SetExportDir(dir)
	path := filepath.Join(dir, "chibo-hop-2026-11.docx")
	edited := []byte("biên bản đã sửa trong Word")
	if err := os.WriteFile(path, edited, 0o644); err != nil {
		t.Fatal(err)
	}
	press(t, m, "e", "d")
	if v := tuitest.Plain(m.View()); !strings.Contains(v, "Đã có tệp chibo-hop-2026-11.docx") || !strings.Contains(v, "[c/K]") {
		t.Fatalf("no question before replacing:\n%s", v)
	}
	if b, _ := os.ReadFile(path); !bytes.Equal(b, edited) {
		t.Fatal("the edited pack was replaced before the answer")
	}
	press(t, m, "k")
	if b, _ := os.ReadFile(path); !bytes.Equal(b, edited) {
		t.Fatal("no replaced the edited pack")
	}
	alt := filepath.Join(dir, "chibo-hop-2026-11 (2).docx")
	if b, err := os.ReadFile(alt); err != nil || !bytes.HasPrefix(b, []byte("PK")) {
		t.Fatalf("the new pack is not beside it: %v", err)
	}
	if v := tuitest.Plain(m.View()); !strings.Contains(v, alt) || !strings.Contains(v, "giữ nguyên chibo-hop-2026-11.docx") {
		t.Errorf("status does not name the new file and the kept one:\n%s", v)
	}
	// Again, and yes: the first file is overwritten, no third is made.
	press(t, m, "e", "d", "c")
	if b, _ := os.ReadFile(path); !bytes.HasPrefix(b, []byte("PK")) {
		t.Fatal("yes did not overwrite")
	}
	if _, err := os.Stat(filepath.Join(dir, "chibo-hop-2026-11 (3).docx")); err == nil {
		t.Error("yes wrote a new file as well")
	}
}

func TestReloadSeesPickerAdditions(t *testing.T) {
	st, lib := sampleStore(t)
	m := newModel(t, st, lib, i18n.VI, "2026-11", 80, 24)
	k := newPicker(t, st, "2026-11", excerptOf(lib, "i.1"), i18n.VI, 80, 24)
	msg := press(t, k, "j", "enter") // from "thong-tin" to item 3
	if b, ok := msg.(common.BackFlashMsg); !ok || !strings.Contains(b.Text, "Đánh giá việc thực hiện nhiệm vụ tháng trước") {
		t.Fatalf("picker: %#v", msg)
	}
	drive(m, m.Init())
	if m.Plan().ExcerptCount() != 5 {
		t.Fatalf("reload: %d excerpts", m.Plan().ExcerptCount())
	}
}

func TestPicker(t *testing.T) {
	st, lib := sampleStore(t)
	ex := excerptOf(lib, "ii.1")
	for _, size := range [][2]int{{80, 24}, {50, 15}} {
		k := newPicker(t, st, "2026-11", ex, i18n.VI, size[0], size[1])
		v := k.View()
		tuitest.CheckFrame(t, v, size[0], size[1])
		golden(t, "picker-"+map[int]string{80: "80x24", 50: "50x15"}[size[0]], tuitest.Plain(v))
	}
	k := newPicker(t, st, "2026-11", ex, i18n.VI, 80, 24)
	// The same section again in "thong-tin": refused, the picker stays.
	if msg := press(t, k, "enter"); msg != nil || !strings.Contains(tuitest.Plain(k.View()), "đã có trong mục đó") {
		t.Fatalf("duplicate added: %#v", msg)
	}
	// A number picks and adds at once.
	if msg := press(t, k, "6"); msg == nil {
		t.Fatal("no message after adding")
	}
	p, _, _ := st.Load("2026-11")
	if x := p.Items[5].Excerpts; len(x) != 1 || x[0].Section != "ii.1" || x[0].Text != "GRDP tăng **6,5%**." {
		t.Fatalf("added: %+v", x)
	}
	// A picker on an unsaved month creates the plan with the excerpt.
	k3 := newPicker(t, st, "2027-01", ex, i18n.EN, 80, 24)
	if msg := press(t, k3, "enter"); msg == nil {
		t.Fatal("no add on a new month")
	}
	if p, saved, _ := st.Load("2027-01"); !saved || p.Items[1].Excerpts[0].Doc != "tai-lieu" {
		t.Fatal("new month plan not saved")
	}
}

// appModel wraps the screen as a program, the way the app hosts it: esc
// with no inner state open closes it.
type appModel struct {
	m      *Model
	closed bool
	opened []common.OpenSourceMsg
}

func (a *appModel) Init() tea.Cmd { return a.m.Init() }

func (a *appModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		return a, a.m.SetSize(msg.Width, msg.Height)
	case tea.KeyPressMsg:
		if msg.String() == "esc" && !a.m.Capturing() && !a.m.Back() {
			a.closed = true
			return a, tea.Quit
		}
	case common.OpenSourceMsg:
		a.opened = append(a.opened, msg)
		return a, nil
	}
	return a, a.m.Update(msg)
}

func (a *appModel) View() tea.View {
	return tea.NewView(a.m.View() + "\n" + common.ShortHelp(help.New(), a.m.ShortKeys(), a.m.w) + fmt.Sprintf("\nopened %d", len(a.opened)))
}

func TestTeatestFlow(t *testing.T) {
	st, lib := sampleStore(t)
	dir := t.TempDir()
	m := New(common.New(i18n.VI, common.ThemeNone), st, lib, "2026-11")
	m.SetExportDir(dir)
	tm := teatest.NewTestModel(t, &appModel{m: m}, teatest.WithInitialTermSize(80, 24))
	wait := func(s string) {
		t.Helper()
		teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return strings.Contains(ansi.Strip(string(b)), s) },
			teatest.WithDuration(60*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
	}
	wait("Khai mạc")
	// Write the notes of item 4, export to HTML, open an excerpt, close.
	for _, k := range []string{"j", "j", "j", "j", "j"} {
		tm.Send(kp(k))
	}
	tm.Send(kp("enter"))
	wait("lưu và đóng")
	tm.Type("Phân công đ/c Hoa")
	tm.Send(kp("esc"))
	wait("Đã lưu")
	tm.Send(kp("e"))
	wait("Xuất tài liệu họp")
	tm.Send(kp("h"))
	wait("Đã xuất")
	tm.Send(kp("g"))
	tm.Send(kp("j"))
	tm.Send(kp("j"))
	tm.Send(kp("enter"))
	wait("opened 1")
	tm.Send(kp("esc"))
	tm.WaitFinished(t, teatest.WithFinalTimeout(60*time.Second))
	final := tm.FinalModel(t).(*appModel)
	if !final.closed || len(final.opened) != 1 || final.opened[0].Section != "ii.1" {
		t.Fatalf("final: closed=%v opened=%v", final.closed, final.opened)
	}
	p, _, _ := st.Load("2026-11")
	if !strings.Contains(p.Items[3].Notes, "Phân công đ/c Hoa") {
		t.Fatalf("notes not saved: %q", p.Items[3].Notes)
	}
	if html, err := os.ReadFile(filepath.Join(dir, "chibo-hop-2026-11.html")); err != nil || !bytes.Contains(html, []byte("Phân công đ/c Hoa")) {
		t.Fatalf("export: %v", err)
	}
}

func TestBadMonthFallsBackToThisMonth(t *testing.T) {
	st := plan.OpenStore(t.TempDir())
	st.SetClock(func() time.Time { return t0 })
	for _, month := range []string{"", "11/2026", "../x"} {
		m := newModel(t, st, nil, i18n.VI, month, 80, 24)
		k := newPicker(t, st, month, plan.Excerpt{Doc: "d"}, i18n.VI, 80, 24)
		if m.Month() != "2026-11" || k.Month() != "2026-11" || !strings.Contains(m.View(), "tháng 11/2026") {
			t.Errorf("New(%q) opened %q / %q", month, m.Month(), k.Month())
		}
	}
}

// TestRollInTheApp: l shows the cell's members with their presence at
// this meeting (everyone present until marked, and saved so); space steps a member through present, excused, absent,
// exempt, saved at once; esc closes the roll.
func TestRollInTheApp(t *testing.T) {
	st, lib := sampleStore(t)
	ms := plan.OpenMembers(t.TempDir())
	if _, err := ms.Update(func(l *[]plan.Member) error {
		if _, err := plan.AddMember(l, "Nguyễn Văn An", plan.Official, false); err != nil {
			return err
		}
		_, err := plan.AddMember(l, "Trần Thị Bình", plan.Probationary, false)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	m := New(common.New(i18n.VI, common.ThemeNone), st, lib, "2026-11")
	m.SetMembers(ms)
	drive(m, m.SetSize(80, 24))
	press(t, m, "l")
	v := tuitest.Plain(m.View())
	if !strings.Contains(v, "Điểm danh: có mặt 2/2") || !strings.Contains(v, "Nguyễn Văn An") {
		t.Fatalf("the roll is not shown with everyone present:\n%s", v)
	}
	// Opening the roll takes it as shown: the minutes count both present,
	// not "……/……" while the screen said everyone came.
	p, _, _ := st.Load("2026-11")
	if c := p.Counts(); p.Roll == nil || c.Present != 2 || c.Expected() != 2 {
		t.Fatalf("the roll shown is not the roll saved: %+v", p.Roll)
	}
	press(t, m, "space")
	p, _, _ = st.Load("2026-11")
	if p.Roll == nil || p.Roll.People[0].Presence != plan.Excused {
		t.Fatalf("space should mark the first member excused: %+v\n%s", p.Roll, tuitest.Plain(m.View()))
	}
	press(t, m, "down", "space", "space")
	p, _, _ = st.Load("2026-11")
	if p.Roll.People[1].Presence != plan.Absent {
		t.Fatalf("two spaces should mark the second member absent: %+v", p.Roll.People)
	}
	if v := tuitest.Plain(m.View()); !strings.Contains(v, "có mặt 0/2") || !strings.Contains(v, "vắng có lý do") {
		t.Fatalf("counts or presence not shown:\n%s", v)
	}
	if !m.Back() || m.mode != modeList {
		t.Fatal("esc should close the roll")
	}
}

// TestPickerAddsOnlyOnceLoaded: until the meeting being prepared has been
// read, the picker holds a blank plan of the calendar month; on 1 December
// with January's meeting already set (December's held or not planned),
// Enter pressed before the load added the excerpt to December (seen in the
// tmux e2e just after midnight). Now nothing is added and no month is
// shown until the load lands, then Enter adds to January.
func TestPickerAddsOnlyOnceLoaded(t *testing.T) {
	st := plan.OpenStore(t.TempDir())
	st.SetClock(func() time.Time { return time.Date(2026, 12, 1, 0, 30, 0, 0, time.UTC) })
	if _, err := st.Update("2027-01", func(p *plan.Plan) error { p.Date = "2027-01-05"; return nil }); err != nil {
		t.Fatal(err)
	}
	ex := plan.Excerpt{Doc: "d", Section: "s", Text: "Một đoạn."}
	k := NewPicker(common.New(i18n.VI, common.ThemeNone), st, "", ex, "")
	load := k.SetSize(80, 24) // not run yet: the load is still on its way
	if strings.Contains(k.View(), "12/2026") {
		t.Fatalf("the picker shows the calendar month before the load:\n%s", k.View())
	}
	if cmd := k.Update(kp("enter")); cmd != nil {
		drive(k, cmd)
	}
	if p, saved, _ := st.Load("2026-12"); saved && p.ExcerptCount() > 0 {
		t.Fatal("Enter before the load added the excerpt to December")
	}
	drive(k, load)
	if !strings.Contains(k.View(), "Buổi họp: 1/2027") {
		t.Fatalf("after the load the picker should offer January:\n%s", k.View())
	}
	drive(k, k.Update(kp("enter")))
	if p, _, _ := st.Load("2027-01"); p == nil || p.ExcerptCount() != 1 {
		t.Fatal("Enter after the load did not add the excerpt to January")
	}
}

// TestExportCarriesLastMonthsTasks: the pack exported from the plan
// screen assesses last month's resolution tasks, as chibo plan export
// does (the screen read the plan without them, so its pack had none).
func TestExportCarriesLastMonthsTasks(t *testing.T) {
	st, lib := sampleStore(t)
	if _, err := st.Update("2026-11", func(p *plan.Plan) error {
		_, err := p.AddTask("Vận động đảng viên đóng đảng phí đúng hạn", "Đ/c Bình", "2026-11-30")
		return err
	}); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	m := newModel(t, st, lib, i18n.VI, "2026-12", 200, 24)
	m.SetExportDir(dir)
	press(t, m, "e", "m")
	data, err := os.ReadFile(filepath.Join(dir, "chibo-hop-2026-12.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte("Vận động đảng viên đóng đảng phí đúng hạn")) {
		t.Error("the pack exported from the app lacks last month's task")
	}
	if c := m.Plan().Carried; len(c) != 1 {
		t.Errorf("the screen's plan carries %d tasks, want 1", len(c))
	}
}
