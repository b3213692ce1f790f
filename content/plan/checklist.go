package plan

import (
	"fmt"
	"slices"
	"time"
)

// CheckItem is one step before or after the meeting, dated from the
// meeting date.
type CheckItem struct {
	ID   string // stable, stored in Plan.Ticked when done
	What string // Vietnamese, as printed
	Date string // ISO 8601 ("" while the meeting date is unset)
	Done bool
}

// checkSteps are the steps and their offsets in days from the meeting:
// the chi ủy's preparatory meeting, notices to members and to the
// upper-level committee member who follows the cell, materials posted at
// least one day before (the Sổ tay đảng viên điện tử or the cell's own
// channel), the minutes and the resolution finalised and posted within two
// days after (as local rules adopting Hướng dẫn 42-HD/BTCTW require).
var checkSteps = []struct {
	id, what string
	days     int
}{
	{"hop-chi-uy", "Chi ủy họp chuẩn bị nội dung, chương trình sinh hoạt", -5},
	{"bao-dang-vien", "Thông báo thời gian, địa điểm, nội dung cho đảng viên", -3},
	{"bao-cap-uy", "Mời đồng chí cấp ủy viên cấp trên phụ trách chi bộ dự", -3},
	{"dang-tai-lieu", "Đăng tải, gửi tài liệu sinh hoạt cho đảng viên (ít nhất 1 ngày trước)", -1},
	{"hoan-thien-bien-ban", "Hoàn thiện biên bản, ký và lưu", 2},
	{"dang-nghi-quyet", "Hoàn thiện, ban hành và đăng tải nghị quyết chi bộ", 2},
}

// Checklist is the plan's before-and-after list with dates derived from
// the meeting date, and the ticks the user made.
func (p *Plan) Checklist() []CheckItem {
	day, ok := p.DateOf()
	out := make([]CheckItem, 0, len(checkSteps))
	for _, s := range checkSteps {
		c := CheckItem{ID: s.id, What: s.what, Done: slices.Contains(p.Ticked, s.id)}
		if ok {
			c.Date = day.AddDate(0, 0, s.days).Format(time.DateOnly)
		}
		out = append(out, c)
	}
	return out
}

// ErrNoCheck is returned for a checklist item that does not exist.
var ErrNoCheck = fmt.Errorf("no such checklist item")

// Tick marks checklist item n (1-based) done, or not done.
func (p *Plan) Tick(n int, done bool) (CheckItem, error) {
	list := p.Checklist()
	if n < 1 || n > len(list) {
		return CheckItem{}, fmt.Errorf("%w: %d (the checklist has %d items)", ErrNoCheck, n, len(list))
	}
	id := list[n-1].ID
	p.Ticked = slices.DeleteFunc(p.Ticked, func(s string) bool { return s == id })
	if done {
		p.Ticked = append(p.Ticked, id)
	}
	list[n-1].Done = done
	return list[n-1], nil
}
