package main

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"chibo/content"
	"chibo/content/plan"
)

func TestPlanSubcommandHelp(t *testing.T) {
	data := t.TempDir()
	for _, args := range [][]string{{"plan", "show", "--help"}, {"plan", "set", "-h"}, {"plan", "task", "add", "--help"}, {"plan", "export", "--help"}, {"members", "add", "--help"}} {
		out, errOut, code := planCLI(t, data, "en", "", args...)
		if code != 0 || !strings.HasPrefix(out, "Usage: chibo "+strings.Join(args[:2], " ")) || errOut != "" {
			t.Errorf("%v: exit %d\n%s%s", args, code, out, errOut)
		}
	}
}

// The flow through the CLI: November's resolution with three
// tasks → December's plan lists them → results recorded → December's
// resolution has them in its table; names never doubled; JSON fields.
func TestPlanMonthToMonthCLI(t *testing.T) {
	data := t.TempDir()
	run := func(args ...string) string {
		t.Helper()
		out, errOut, code := planCLI(t, data, "vi", "", args...)
		if code != 0 {
			t.Fatalf("%v: exit %d %s", args, code, errOut)
		}
		return out
	}
	run("plan", "set", "--cell", "Chi bộ ấp Phú Lợi", "--party", "xã Tân Phú", "--locality", "Tân Phú", "--date", "26/11/2026", "2026-11")
	run("plan", "task", "add", "--owner", "Nguyễn Văn An", "--due", "15/12/2026", "Vận động 5 hộ nghèo vay vốn", "2026-11")
	run("plan", "task", "add", "--owner", "Trần Thị Bình", "--due", "2026-12-20", "Dọn vệ sinh đường ấp", "2026-11")
	run("plan", "task", "add", "Thu đảng phí quý IV", "2026-11")
	out := run("plan", "task", "list", "2026-12")
	if !strings.Contains(out, "Vận động 5 hộ nghèo vay vốn — Nguyễn Văn An (15/12/2026)") || !strings.Contains(out, "chưa ghi kết quả") {
		t.Fatalf("December's carried tasks:\n%s", out)
	}
	run("plan", "task", "result", "1", "Hoàn thành 5/5 hộ", "2026-12")
	run("plan", "task", "result", "3", "Thu đủ 14/14", "2026-12")
	run("plan", "set", "--kind", "ket-hop", "--date", "5/12/2026", "--cell", "ấp Phú Lợi", "--party", "Đảng bộ xã Tân Phú", "--locality", "Tân Phú", "2026-12")
	run("plan", "tick", "1", "2026-12")
	var j struct {
		Month, Kind, Date string
		DurationMin       int `json:"duration_min"`
		Items             []struct {
			Title    string
			Minutes  int
			Excerpts []struct{ Doc, Section, Text, Source string }
			Notes    string
		}
		Tasks     []struct{ Text, Owner, Due string }
		Carried   []struct{ Text, Owner, Due, Result, From string }
		Checklist []struct {
			What, Date string
			Done       bool
		}
	}
	if err := json.Unmarshal([]byte(run("plan", "show", "--json", "2026-12")), &j); err != nil {
		t.Fatal(err)
	}
	if j.Month != "2026-12" || j.Kind != "ket-hop" || j.Date != "2026-12-05" || j.DurationMin != 120 || len(j.Items) == 0 ||
		len(j.Carried) != 3 || j.Carried[0].Result != "Hoàn thành 5/5 hộ" || j.Carried[0].From != "2026-11" || j.Carried[1].Due != "2026-12-20" ||
		len(j.Checklist) < 5 || !j.Checklist[0].Done || j.Checklist[0].Date != "2026-11-30" || j.Tasks == nil {
		t.Fatalf("show --json: %+v", j)
	}
	nq := run("plan", "resolution", "2026-12")
	for _, want := range []string{"ĐẢNG ỦY XÃ TÂN PHÚ", "CHI BỘ ẤP PHÚ LỢI", "Tân Phú, ngày 05 tháng 12 năm 2026", "THỰC HIỆN NHIỆM VỤ THÁNG 11/2026",
		"Vận động 5 hộ nghèo vay vốn", "Hoàn thành 5/5 hộ", "Thu đủ 14/14", "15/12/2026"} {
		if !strings.Contains(nq, want) {
			t.Errorf("December's resolution lacks %q", want)
		}
	}
	if strings.Contains(nq, "CHI BỘ CHI BỘ") || strings.Contains(nq, "ĐẢNG ỦY ĐẢNG") || strings.Contains(nq, "NHIỆM VỤ THÁNG 12/2026\n") && strings.Contains(nq, "I. ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 12") {
		t.Errorf("resolution:\n%s", nq)
	}
	pack, _, code := planCLI(t, data, "vi", "", "plan", "export", "--format", "md", "--out", "-", "2026-11")
	if code != 0 || !strings.Contains(pack, "CHI BỘ ẤP PHÚ LỢI") || !strings.Contains(pack, "ĐẢNG BỘ XÃ TÂN PHÚ") || strings.Contains(pack, "CHI BỘ CHI BỘ") || strings.Contains(pack, "ĐẢNG BỘ ĐẢNG BỘ") {
		t.Errorf("pack names doubled or missing: %d\n%.600s", code, pack)
	}
	// A month with no earlier plan starts empty.
	if out := run("plan", "task", "list", "2026-10"); strings.Contains(out, "tháng trước") {
		t.Errorf("October carries something:\n%s", out)
	}
}

func TestPlanEditAndRollCLI(t *testing.T) {
	data := t.TempDir()
	ref, _, _ := firstSection(t)
	run := func(args ...string) string {
		t.Helper()
		out, errOut, code := planCLI(t, data, "vi", "", args...)
		if code != 0 {
			t.Fatalf("%v: exit %d %s", args, code, errOut)
		}
		return out
	}
	run("plan", "add", ref)
	run("plan", "add", ref, "--item", "3")
	run("plan", "move", "t1", "--item", "3")
	out := run("plan", "show", "--json")
	if !strings.Contains(out, `"title": "Đánh giá`) || strings.Count(out, `"doc":`) != 2 {
		t.Fatalf("after move:\n%s", out)
	}
	run("plan", "remove", "t2")
	run("plan", "rename", "5", "Thảo luận về an ninh trật tự")
	run("plan", "move", "5", "up")
	out = run("plan", "show")
	if !strings.Contains(out, "quý IV/2026 chưa có buổi sinh hoạt chuyên đề") {
		t.Errorf("no thematic-meeting reminder:\n%s", out)
	}
	if strings.Contains(out, "[t2]") || !strings.Contains(out, "[t1]") || !strings.Contains(out, " 4. Thảo luận về an ninh trật tự") {
		t.Fatalf("after remove/rename/move:\n%s", out)
	}
	run("members", "add", "Nguyễn Văn An")
	run("members", "add", "--du-bi", "Lê Văn Cường")
	run("members", "add", "--mien", "Phạm Văn Dũng")
	run("members", "add", "Trần Thị Bình")
	run("members", "remove", "4")
	if out := run("members", "list"); !strings.Contains(out, "Lê Văn Cường (dự bị)") || strings.Contains(out, "Bình") {
		t.Fatalf("members:\n%s", out)
	}
	// Before any mark the roll is shown with everyone present and says it
	// is not recorded (the minutes leave the numbers blank); after a mark
	// it is.
	if out := run("plan", "roll"); !strings.Contains(out, "có mặt 2/2") || !strings.Contains(out, "Chưa ghi vào biên bản") {
		t.Fatalf("roll before any mark:\n%s", out)
	}
	run("plan", "roll", "mark", "Nguyễn Văn An", "excused", "--reason", "ốm")
	run("plan", "roll", "guest", "đồng chí Võ Văn Giang, Đảng ủy viên")
	out = run("plan", "roll")
	if !strings.Contains(out, "có mặt 1/2") || !strings.Contains(out, "Nguyễn Văn An (chính thức) — vắng có lý do: ốm") || !strings.Contains(out, "Võ Văn Giang") || strings.Contains(out, "Chưa ghi") {
		t.Fatalf("roll:\n%s", out)
	}
	run("plan", "minutes", "--item", "4", "- Đ/c Cường: tự nhận còn chậm báo cáo.")
	run("plan", "minutes", "--item", "4", "--append", "Đ/c Dũng: góp ý thêm.")
	run("plan", "set", "--topic", "Chuyển đổi số ở ấp", "--presenter", "Lê Văn Cường", "--topic-approved", "1/11/2026", "--vote", "2/0/0", "--grade", "kha")
	if bb := run("plan", "minutes"); !strings.Contains(bb, "Nguyễn Văn An (có lý do: ốm)") || !strings.Contains(bb, "Võ Văn Giang") ||
		!strings.Contains(bb, "Đ/c Cường: tự nhận còn chậm báo cáo.") || !strings.Contains(bb, "Đ/c Dũng: góp ý thêm.") || !strings.Contains(bb, "tán thành 2/2 đồng chí") {
		t.Fatalf("minutes:\n%s", bb)
	}
	// The roll never reaches the pack's programme pages; the pack is
	// exported as before.
	if out, _, code := planCLI(t, data, "vi", "", "plan", "export", "--format", "md", "--out", "-"); code != 0 || !strings.Contains(out, "CHƯƠNG TRÌNH") {
		t.Fatalf("export: %d", code)
	}
}

// An excerpt whose document left the library is reported on stderr, and
// the printed pack carries no "(nguồn không còn trong thư viện)".
func TestPlanExportNoInternalNotes(t *testing.T) {
	data := t.TempDir()
	st := plan.OpenStore(content.Dirs{Data: data, Cache: data}.User())
	if _, err := st.Update("2026-11", func(p *plan.Plan) error {
		_, err := p.AddExcerpt(plan.ItemInfo, plan.Excerpt{Doc: "da-xoa", DocTitle: "Tài liệu đã xoá", Text: "Đoạn còn giữ."}, time.Now())
		return err
	}); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := planCLI(t, data, "vi", "", "plan", "export", "--format", "md", "--out", "-", "2026-11")
	if code != 0 || !strings.Contains(out, "Đoạn còn giữ.") || strings.Contains(out, plan.MissingSource) || !strings.Contains(errOut, "không còn trong thư viện") {
		t.Fatalf("export: %d %q\n%s", code, errOut, out)
	}
}

// TestMinutesOnATerminal: on a terminal the minutes and resolution are
// their plain text, line for line: no \ line breaks, no ** marks, the
// header's lines kept apart.
func TestMinutesOnATerminal(t *testing.T) {
	p, err := plan.New("2026-12")
	if err != nil {
		t.Fatal(err)
	}
	p.Cell, p.Party = "ấp Phú Lợi", "xã Tân Phú"
	for _, md := range [][]byte{plan.MinutesMarkdown(p), plan.ResolutionMarkdown(p)} {
		out := terminalText(md)
		if strings.Contains(out, "\\\n") || strings.Contains(out, "**") {
			t.Errorf("markdown marks on the terminal:\n%s", out)
		}
		lines := strings.Split(out, "\n")
		if len(lines) < 20 || !strings.HasPrefix(lines[0], "ĐẢNG") || !strings.Contains(lines[1], "CHI BỘ ẤP PHÚ LỢI") {
			t.Errorf("the header's lines are not kept apart:\n%s", out)
		}
	}
}
