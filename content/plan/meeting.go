package plan

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// The meeting as Hướng dẫn 42-HD/BTCTW (28/10/2025) on the content and
// conduct of party-cell meetings, after Chỉ thị 50-CT/TW (23/7/2025), has
// it: a regular monthly meeting of at least 90 minutes, a thematic meeting
// at least once a quarter on a topic paper prepared by a member and
// approved by the chi ủy, and the two in one sitting lasting at least 120
// minutes.

// MinMinutes is the shortest the kind of meeting may last.
func (k Kind) MinMinutes() int {
	if k == KindCombined {
		return 120
	}
	return MinMeetingMinutes
}

// Item IDs of the skeleton that other parts of the plan refer to.
const (
	ItemOpening    = "khai-mac"
	ItemInfo       = "thong-tin" // the bí thư's presentation of the prepared content
	ItemAssessment = "danh-gia"  // last month's tasks: the carried tasks' results go here
	ItemCriticism  = "tu-phe-binh"
	ItemDiscussion = "thao-luan"
	ItemConclusion = "ket-luan"   // conclusion, next month's tasks with owners and deadlines
	ItemVote       = "bieu-quyet" // the vote on the resolution, the minutes read back
	ItemTopic      = "chuyen-de"
)

// CriticismMin and CriticismMax bound the slot for members' thinking and
// self-criticism (15–30 minutes).
const (
	CriticismMin = 15
	CriticismMax = 30
)

func openingItem() Item {
	return Item{ID: ItemOpening, Title: "Khai mạc", Minutes: 10,
		Hint: "Nêu mục đích, yêu cầu; giới thiệu khách mời; cử thư ký; điểm danh đảng viên (có mặt, vắng có lý do, vắng không lý do, miễn sinh hoạt); thu đảng phí; thông qua chương trình."}
}

func closingItems() []Item {
	return []Item{
		{ID: ItemConclusion, Title: "Kết luận, nhiệm vụ tháng tới và phân công thực hiện", Minutes: 10,
			Hint: "Chủ trì kết luận những vấn đề đã thống nhất; mỗi nhiệm vụ có đảng viên phụ trách và thời hạn hoàn thành."},
		{ID: ItemVote, Title: "Biểu quyết nghị quyết, thông qua biên bản", Minutes: 5,
			Hint: "Chi bộ biểu quyết thông qua nghị quyết; thư ký đọc lại biên bản, chi bộ thống nhất; bế mạc."},
	}
}

func regularItems() []Item {
	return []Item{
		{ID: ItemInfo, Title: "Bí thư trình bày nội dung đã chuẩn bị", Minutes: 15,
			Hint: "Thông tin thời sự, chủ trương, chính sách mới; những nội dung chi ủy đã chuẩn bị cho buổi sinh hoạt."},
		{ID: ItemAssessment, Title: "Đánh giá việc thực hiện nhiệm vụ tháng trước", Minutes: 15,
			Hint: "Kết quả từng nhiệm vụ trong nghị quyết tháng trước; ưu điểm, hạn chế, nguyên nhân."},
		{ID: ItemCriticism, Title: "Tư tưởng, tự phê bình và phê bình của đảng viên", Minutes: CriticismMin,
			Hint: "Đảng viên phản ánh tình hình tư tưởng, tự phê bình và phê bình (15–30 phút)."},
		{ID: ItemDiscussion, Title: "Thảo luận những vấn đề chi ủy lựa chọn", Minutes: 20,
			Hint: "Đảng viên phát biểu ý kiến về những vấn đề chi ủy đưa ra."},
	}
}

func topicItems(minutes int) Item {
	return Item{ID: ItemTopic, Title: "Trình bày chuyên đề", Minutes: minutes,
		Hint: "Đảng viên được phân công trình bày chuyên đề đã được chi ủy thông qua; chi bộ thảo luận, liên hệ thực tiễn."}
}

// Skeleton is the standard agenda of a kind of meeting (Hướng dẫn
// 42-HD/BTCTW): opening; the bí thư's presentation, last month's
// assessment, the members' thinking and self-criticism, the discussion of
// the issues the chi ủy chose (regular and combined); the topic paper
// (thematic and combined); conclusion, tasks, the vote, the minutes read
// back. The time budgets add up to the kind's minimum.
func Skeleton(k Kind) []Item {
	items := []Item{openingItem()}
	switch k {
	case KindTopical:
		t := topicItems(30)
		d := Item{ID: ItemDiscussion, Title: "Thảo luận chuyên đề", Minutes: 30,
			Hint: "Đảng viên thảo luận, liên hệ thực tiễn của chi bộ và bản thân."}
		items = append(items, t, d)
	case KindCombined:
		items = append(items, regularItems()...)
		items = append(items, topicItems(30))
	default:
		items = append(items, regularItems()...)
	}
	items = append(items, closingItems()...)
	// Whatever is left of the kind's minimum goes to the discussion.
	total := 0
	for _, it := range items {
		total += it.Minutes
	}
	for i := range items {
		if items[i].ID == ItemDiscussion && total < k.MinMinutes() {
			items[i].Minutes += k.MinMinutes() - total
		}
	}
	return items
}

// Warning is a problem with the time budget, for the screen, the CLI and
// the pack.
type Warning struct {
	Code string // "short", "criticism"
	Text string // Vietnamese, as printed in the pack
}

// BudgetWarnings says what is wrong with the time budget: shorter than the
// kind's minimum, or a self-criticism slot outside 15–30 minutes.
func (p *Plan) BudgetWarnings() []Warning {
	var w []Warning
	if min := p.Kind.MinMinutes(); p.TotalMinutes() < min {
		w = append(w, Warning{"short", fmt.Sprintf("Lưu ý: buổi sinh hoạt chi bộ %s cần ít nhất %d phút; chương trình hiện có %d phút.", p.Kind.Label(), min, p.TotalMinutes())})
	}
	if it, err := p.Item(ItemCriticism); err == nil && (it.Minutes < CriticismMin || it.Minutes > CriticismMax) {
		w = append(w, Warning{"criticism", fmt.Sprintf("Lưu ý: phần tư tưởng, tự phê bình và phê bình nên dành %d–%d phút; hiện có %d phút.", CriticismMin, CriticismMax, it.Minutes)})
	}
	return w
}

// DateOutsideMonth says the meeting date is set but falls neither in the
// plan's month nor in the month after (a meeting that closes the month
// may be held early the next month; see AssessedMonth): most likely a
// typing slip, which would have the resolution assess the wrong month.
// Hướng dẫn 42-HD/BTCTW: the regular meeting is held once a month.
func (p *Plan) DateOutsideMonth() bool {
	t, ok := p.DateOf()
	if !ok {
		return false
	}
	m := MonthOf(p.Month)
	d := t.Format("2006-01")
	return d != m && d != addMonths(m, 1) && addMonths(m, 1) != m
}

// DateOf is the meeting date, or false when it is unset or unreadable.
func (p *Plan) DateOf() (time.Time, bool) {
	t, err := time.Parse("2006-01-02", p.Date)
	return t, err == nil
}

// AssessedMonth is the month (YYYY-MM) whose tasks the meeting assesses,
// and TasksMonth the month its resolution sets tasks for.
//
// The rule: a meeting held in the first half of a month (day 1–15) is the
// one that closes the previous month, so a meeting on 05/12 assesses
// November and sets December's tasks; a meeting in the second half (day
// 16–31) closes its own month, so a meeting on 25/11 assesses November and
// sets December's tasks. Without a date the meeting follows the cell's
// rhythm: it assesses the month the previous meeting set tasks for (a
// January meeting after one on 05/12 assesses December, whose tasks it
// carries), and with no previous plan (see Carry) it is taken to be held
// late in the plan's month (the old pack's assumption).
func (p *Plan) AssessedMonth() string {
	if t, ok := p.DateOf(); ok {
		if t.Day() <= 15 {
			return addMonths(t.Format("2006-01"), -1)
		}
		return t.Format("2006-01")
	}
	if p.prevTasks != "" {
		return p.prevTasks
	}
	return MonthOf(p.Month)
}

// TasksMonth is the month after AssessedMonth.
func (p *Plan) TasksMonth() string { return addMonths(p.AssessedMonth(), 1) }

// addMonths moves a YYYY-MM by n months; a bad month comes back as it is.
func addMonths(month string, n int) string {
	t, err := time.Parse("2006-01", month)
	if err != nil {
		return month
	}
	return t.AddDate(0, n, 0).Format("2006-01")
}

// MonthLabel is "12/2026" for "2026-12", as printed in titles.
func MonthLabel(month string) string { return monthName(month) }

// ErrBadDate is returned by ParseDate.
var ErrBadDate = errors.New("not a date (dd/mm/yyyy or yyyy-mm-dd)")

var (
	dmyRE = regexp.MustCompile(`^([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]([0-9]{4})$`)
	isoRE = regexp.MustCompile(`^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})$`)
)

// ParseDate reads a date as people type it — dd/mm/yyyy, d/m/yyyy (also
// with dots or dashes) or yyyy-mm-dd — and returns it as ISO 8601. A day
// that does not exist (31/11) is an error.
func ParseDate(s string) (string, error) {
	s = strings.TrimSpace(s)
	var y, m, d int
	if g := isoRE.FindStringSubmatch(s); g != nil {
		y, _ = strconv.Atoi(g[1])
		m, _ = strconv.Atoi(g[2])
		d, _ = strconv.Atoi(g[3])
	} else if g := dmyRE.FindStringSubmatch(s); g != nil {
		d, _ = strconv.Atoi(g[1])
		m, _ = strconv.Atoi(g[2])
		y, _ = strconv.Atoi(g[3])
	} else {
		return "", fmt.Errorf("%w: %q", ErrBadDate, s)
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if m < 1 || m > 12 || t.Day() != d || int(t.Month()) != m {
		return "", fmt.Errorf("%w: %q", ErrBadDate, s)
	}
	return t.Format("2006-01-02"), nil
}

// ShowDate is "05/12/2026" for "2026-12-05", the way dates are shown to
// the user; anything else comes back as it is.
func ShowDate(iso string) string {
	if t, err := time.Parse("2006-01-02", iso); err == nil {
		return t.Format("02/01/2006")
	}
	return iso
}

// DateLine is the place-and-date line of a party document (Hướng dẫn
// 36-HD/VPTW): "Tân Phú, ngày 05 tháng 12 năm 2026", the day and month in
// two digits. Unset parts are dotted for handwriting.
func DateLine(locality, iso string) string {
	loc := strings.TrimSpace(locality)
	if loc == "" {
		loc = "……………"
	}
	if t, err := time.Parse("2006-01-02", iso); err == nil {
		return fmt.Sprintf("%s, ngày %02d tháng %02d năm %d", loc, t.Day(), int(t.Month()), t.Year())
	}
	return loc + ", ngày …… tháng …… năm 20……"
}

// QuarterOf is "IV/2026" for a key in October to December 2026.
func QuarterOf(key string) string {
	t, err := time.Parse("2006-01", MonthOf(key))
	if err != nil {
		return ""
	}
	return []string{"I", "II", "III", "IV"}[(int(t.Month())-1)/3] + "/" + strconv.Itoa(t.Year())
}

// TopicInQuarter says whether the store holds a thematic or combined
// meeting in the quarter of key (a thematic meeting is due at least once
// a quarter). The plan being edited counts with its current kind.
func TopicInQuarter(s *Store, p *Plan) bool {
	if p.Kind != KindRegular {
		return true
	}
	list, err := s.List()
	if err != nil {
		return true // cannot tell: do not nag
	}
	q := QuarterOf(p.Month)
	for _, m := range list {
		if m.Err == nil && m.Key != p.Month && QuarterOf(m.Key) == q && (m.Kind == KindTopical || m.Kind == KindCombined) {
			return true
		}
	}
	return false
}
