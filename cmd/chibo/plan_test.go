package main

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"chibo/content"
	"chibo/content/plan"
)

// planCLI runs chibo in-process in lang with "this month" fixed to
// November 2026.
func planCLI(t *testing.T, data, lang, stdin string, args ...string) (string, string, int) {
	t.Helper()
	old := planNow
	planNow = func() time.Time { return time.Date(2026, 11, 21, 10, 0, 0, 0, time.UTC) }
	defer func() { planNow = old }()
	var out, errb bytes.Buffer
	code := run(append([]string{"--data", data, "--lang", lang}, args...), strings.NewReader(stdin), &out, &errb)
	return out.String(), errb.String(), code
}

// passageOf is a passage of the section's text, with its spacing changed
// as a copy from the screen changes it.
func passageOf(sec *content.Section) string {
	words := strings.Fields(sec.Text)
	if len(words) > 6 {
		words = words[1:6]
	}
	return strings.Join(words, "  \n ")
}

// firstSection is a real DOC#SECTION of the shipped library.
func firstSection(t *testing.T) (string, *content.Document, *content.Section) {
	t.Helper()
	lib, err := content.OpenLibrary(content.Dirs{Data: t.TempDir(), Cache: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range lib.Docs() {
		if len(d.Sections) > 1 {
			return d.ID + "#" + d.Sections[1].ID, d, d.Sections[1]
		}
	}
	t.Skip("no document with sections")
	return "", nil, nil
}

func TestPlanCommandWalkthrough(t *testing.T) {
	data := t.TempDir()
	ref, doc, sec := firstSection(t)

	out, _, code := planCLI(t, data, "vi", "", "plan", "list")
	if code != 0 || !strings.Contains(out, "Chưa có kế hoạch") {
		t.Fatalf("empty list: %d %q", code, out)
	}
	out, _, code = planCLI(t, data, "vi", "", "plan", "show")
	if code != 0 || !strings.Contains(out, "tháng 11/2026  [2026-11]") || !strings.Contains(out, "Chưa lưu") || !strings.Contains(out, "Tổng thời lượng: 90 phút") {
		t.Fatalf("show skeleton: %d\n%s", code, out)
	}

	out, errOut, code := planCLI(t, data, "vi", "", "plan", "add", ref)
	if code != 0 || !strings.Contains(out, "vào mục 2.") {
		t.Fatalf("add: %d %q %q", code, out, errOut)
	}
	if _, errOut, code = planCLI(t, data, "vi", "", "plan", "add", ref); code != 1 || !strings.Contains(errOut, "đã có") {
		t.Fatalf("duplicate add: %d %q", code, errOut)
	}
	if _, _, code = planCLI(t, data, "vi", "", "plan", "add", ref, "--item", "5", "--text", passageOf(sec)); code != 0 {
		t.Fatal("add a passage to item 5")
	}
	if _, _, code = planCLI(t, data, "vi", "", "plan", "note", "--item", "4", "- Đ/c An: vận động\n- Đ/c Bình: vệ sinh"); code != 0 {
		t.Fatal("note")
	}
	if _, _, code = planCLI(t, data, "vi", "Ghi chú từ tệp\n", "plan", "note", "--item", "4", "--append", "-"); code != 0 {
		t.Fatal("note from stdin")
	}
	if _, _, code = planCLI(t, data, "vi", "", "plan", "set", "--date", "2026-11-25", "--place", "Nhà văn hoá", "--cell", "thôn Đông"); code != 0 {
		t.Fatal("set")
	}

	// A date outside the plan's month (and the next) is saved with a
	// warning, repeated by show until corrected.
	if _, errOut, code := planCLI(t, data, "vi", "", "plan", "set", "--date", "05/03/2027", "2026-11"); code != 0 || !strings.Contains(errOut, "không thuộc tháng 11/2026") {
		t.Fatalf("set a date in March for November: %d %q", code, errOut)
	}
	if out, _, _ := planCLI(t, data, "vi", "", "plan", "show", "2026-11"); !strings.Contains(out, "nghị quyết sẽ đánh giá tháng 2/2027") {
		t.Fatalf("show does not warn of the date:\n%s", out)
	}
	if _, errOut, _ := planCLI(t, data, "vi", "", "plan", "set", "--date", "2026-11-25", "2026-11"); errOut != "" {
		t.Fatalf("a date in the month warned: %q", errOut)
	}
	out, _, _ = planCLI(t, data, "vi", "", "plan", "show", "2026-11")
	// The passage of item 5 is tagged and quoted by its first words.
	passage := "[trích đoạn] “" + strings.Join(strings.Fields(passageOf(sec)), " ") + "” — " + sec.Heading
	for _, want := range []string{sec.Heading, passage, doc.ID + "#" + sec.ID, "- Đ/c An: vận động", "Ghi chú từ tệp", "Ngày họp: 25/11/2026", "Chi bộ: thôn Đông"} {
		if !strings.Contains(out, want) {
			t.Errorf("show lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "Chưa lưu") {
		t.Error("a saved plan is shown as unsaved")
	}
	// The month as Vietnamese write it names the same plan.
	if o, _, code := planCLI(t, data, "vi", "", "plan", "show", "11/2026"); code != 0 || o != out {
		t.Errorf("plan show 11/2026: %d, differs from plan show 2026-11:\n%s", code, o)
	}
	out, _, _ = planCLI(t, data, "en", "", "plan", "list")
	if !strings.Contains(out, "2026-11  Sinh hoạt chi bộ thường kỳ tháng 11/2026 — 7 items, 2 excerpts, 90 minutes") {
		t.Errorf("list: %q", out)
	}

	// Export in each format, to a named file and to the default name.
	dir := t.TempDir()
	for _, f := range []string{"md", "html", "docx"} {
		path := filepath.Join(dir, "hop."+f)
		out, errOut, code := planCLI(t, data, "vi", "", "plan", "export", "--out", path)
		if code != 0 || !strings.Contains(out, path) {
			t.Fatalf("export %s: %d %q %q", f, code, out, errOut)
		}
		b, _ := os.ReadFile(path)
		switch f {
		case "docx":
			if _, err := zip.NewReader(bytes.NewReader(b), int64(len(b))); err != nil {
				t.Errorf("docx: %v", err)
			}
		default:
			if !bytes.Contains(b, []byte(sec.Heading)) || !bytes.Contains(b, []byte("BIÊN BẢN")) {
				t.Errorf("%s pack lacks the excerpt or the minutes", f)
			}
		}
	}
	out, _, code = planCLI(t, data, "vi", "", "plan", "export", "--format", "md", "--out", "-", "2026-11")
	if code != 0 || !strings.HasPrefix(out, "ĐẢNG BỘ") {
		t.Fatalf("export to stdout: %d %.80q", code, out)
	}
	wd, _ := os.Getwd()
	os.Chdir(dir)
	defer os.Chdir(wd)
	if _, _, code := planCLI(t, data, "vi", "", "plan", "export"); code != 0 {
		t.Fatal("export with defaults")
	}
	if _, err := os.Stat(filepath.Join(dir, "chibo-hop-2026-11.html")); err != nil {
		t.Fatal("default export name:", err)
	}
}

func TestPlanCommandErrors(t *testing.T) {
	data := t.TempDir()
	ref, _, _ := firstSection(t)
	cases := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"plan", "frobnicate"}, 2, `there is no action "frobnicate"`},
		{[]string{"plan", "shw"}, 2, `there is no action "shw"; did you mean “chibo plan show”?`},
		{[]string{"plan", "show", "2026-13"}, 2, "is not a month"},
		{[]string{"plan", "show", "13/2026"}, 2, "is not a month"},
		{[]string{"plan", "show", "2026-11", "2026-12"}, 2, "too many arguments"},
		{[]string{"plan", "export", "--format", "pdf"}, 2, `format "pdf" is not supported`},
		{[]string{"plan", "export", "--bogus"}, 2, "there is no option --bogus"},
		{[]string{"plan", "add"}, 2, "need exactly one source"},
		{[]string{"plan", "add", "no-such-doc#i"}, 1, "is not in the library"},
		{[]string{"plan", "add", ref, "--item", "99"}, 1, "no such agenda item"},
		{[]string{"plan", "note", "x"}, 2, "need --item"},
		{[]string{"plan", "note", "--item", "2"}, 2, "need the note text"},
		{[]string{"plan", "set"}, 2, "need at least one option"},
		{[]string{"plan", "set", "--date", "31/11/2026"}, 2, `date "31/11/2026" is not valid`},
		{[]string{"plan", "set", "--kind", "bat-thuong"}, 2, `no meeting kind "bat-thuong"`},
		{[]string{"plan", "add", ref, "--text", "Câu này không có trong mục."}, 1, "is not in section"},
		{[]string{"plan", "task", "result", "1", "xong"}, 1, "no such task"},
		{[]string{"plan", "task", "add", "--due", "32/12/2026", "x"}, 2, `date "32/12/2026" is not valid`},
		{[]string{"plan", "tick", "99"}, 1, "no such checklist item"},
		{[]string{"plan", "remove", "t9"}, 1, "no such excerpt"},
		{[]string{"plan", "move", "2"}, 2, "need up, down or --item N"},
		{[]string{"plan", "roll", "mark", "Ai Đó", "present"}, 1, "no such member"},
		{[]string{"members", "remove", "Ai Đó"}, 1, "no such member"},
	}
	for _, c := range cases {
		_, errOut, code := planCLI(t, data, "en", "", c.args...)
		if code != c.code || !strings.Contains(errOut, c.want) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", c.args, code, errOut, c.code, c.want)
		}
	}
}

// TestPlanCommandDamagedFile: a damaged plan is set aside (kept), reported,
// and the command carries on with the standard agenda.
func TestPlanCommandDamagedFile(t *testing.T) {
	data := t.TempDir()
	dirs := content.Dirs{Data: data, Cache: data}
	st := plan.OpenStore(dirs.User())
	os.MkdirAll(st.Dir(), 0o755)
	os.WriteFile(st.Path("2026-11"), []byte(`{"version": 1, "items": [`), 0o644)
	out, _, code := planCLI(t, data, "en", "", "plan", "list")
	if code != 0 || !strings.Contains(out, "cannot be read (the file is damaged") || strings.Contains(out, "unexpected end of JSON") {
		t.Fatalf("list: %q", out)
	}
	out, errOut, code := planCLI(t, data, "en", "", "plan", "show", "2026-11")
	if code != 0 || !strings.Contains(errOut, "was damaged and has been kept as") || !strings.Contains(out, "Not saved yet") {
		t.Fatalf("show: %d %q %q", code, out, errOut)
	}
	m, _ := filepath.Glob(filepath.Join(st.Dir(), "2026-11.json.damaged-*"))
	if len(m) != 1 {
		t.Fatalf("damaged copy: %v", m)
	}
	if b, _ := os.ReadFile(m[0]); string(b) != `{"version": 1, "items": [` {
		t.Fatal("damaged bytes not kept")
	}
}

// plan add confirms with the heading as the pack prints it: a table row's
// heading shortened with "…" on screen is quoted in full.
func TestPlanAddQuotesFullHeading(t *testing.T) {
	data := t.TempDir()
	out, errOut, code := planCLI(t, data, "vi", "", "plan", "add", "phu-luc-2-ket-qua-7-nhom-nhiem-vu-2023#1.1")
	if code != 0 {
		t.Fatalf("add: %d %q", code, errOut)
	}
	if strings.Contains(out, "…”") || !strings.Contains(out, "tính tiên phong, gương mẫu của cán bộ, đảng viên”") {
		t.Errorf("confirmation quotes a shortened heading: %q", out)
	}
}

// A verb of the roll typed as the plan's own gets the roll's command as
// the suggestion, not the nearest plan verb ("task" for "mark").
func TestPlanInnerVerbSuggested(t *testing.T) {
	data := t.TempDir()
	for verb, want := range map[string]string{"mark": "chibo plan roll mark", "guest": "chibo plan roll guest"} {
		_, stderr, code := runCLI(t, data, "plan", verb, "1", "present")
		if code != 2 || !strings.Contains(stderr, want) {
			t.Errorf("plan %s: exit %d, %q; want 2 and %q", verb, code, stderr, want)
		}
	}
}

// A reason goes with an excused absence or an exemption; with "absent"
// (no reason, by its name) it is refused, not kept beside it.
func TestPlanRollReasonOnlyWhereItBelongs(t *testing.T) {
	data := t.TempDir()
	if _, stderr, code := runCLI(t, data, "members", "add", "Lê Văn Cường"); code != 0 {
		t.Fatal(stderr)
	}
	if _, stderr, code := runCLI(t, data, "plan", "roll", "mark", "Cường", "absent", "--reason", "ốm"); code != 2 || !strings.Contains(stderr, "--reason") {
		t.Errorf("absent with a reason: exit %d, %q; want 2", code, stderr)
	}
	if out, stderr, code := runCLI(t, data, "plan", "roll", "mark", "le van cuong", "vắng có lý do", "--reason", "ốm"); code != 0 {
		t.Errorf("excused with a reason: exit %d, %q %q", code, out, stderr)
	}
	out, _, _ := runCLI(t, data, "plan", "roll")
	if !strings.Contains(out, "Lê Văn Cường") || !strings.Contains(out, "ốm") {
		t.Errorf("the roll does not show the excused absence with its reason:\n%s", out)
	}
}
