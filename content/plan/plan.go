// Package plan is the meeting plan: the agenda of one party-cell meeting
// (sinh hoạt chi bộ), the excerpts the secretary collected for each agenda
// item with their sources, and the secretary's notes. It stores plans as
// versioned JSON in the user directory and exports the printable meeting
// pack (Markdown, HTML for A4, docx).
//
// Excerpts copy the text at the time they are added, so a pack still prints
// when a document is later removed or re-imported; the source is kept by
// stable IDs so it can be cited and re-checked (see Plan.Check).
package plan

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Version is the file format version this code writes.
const Version = 1

// MinMeetingMinutes is the shortest a regular meeting may be (Hướng dẫn
// 12-HD/BTCTW: at least 90 minutes).
const MinMeetingMinutes = 90

// Kind is the sort of meeting. Values are stable codes used on disk.
type Kind string

const (
	KindRegular Kind = "thuong-ky" // sinh hoạt thường kỳ (monthly)
	KindTopical Kind = "chuyen-de" // sinh hoạt chuyên đề
)

// Label is the kind in Vietnamese, as printed in the pack.
func (k Kind) Label() string {
	if k == KindTopical {
		return "chuyên đề"
	}
	return "thường kỳ"
}

// Plan is one meeting.
type Plan struct {
	Version int `json:"version"`
	// Month is the plan's key: "2026-11" for the regular meeting of a
	// month, "2026-11-<slug>" for a chuyên đề meeting in that month.
	Month string    `json:"month"`
	Title string    `json:"title"`
	Kind  Kind      `json:"kind"`
	Date  string    `json:"date,omitempty"`  // meeting day, ISO 8601; "" until set
	Place string    `json:"place,omitempty"` // where the cell meets
	Cell  string    `json:"cell,omitempty"`  // tên chi bộ, printed on the templates
	Party string    `json:"party,omitempty"` // tên đảng bộ cấp trên
	Items []Item    `json:"items"`
	Saved time.Time `json:"saved,omitempty"` // set by Store.Save
}

// Item is one agenda item.
type Item struct {
	ID       string    `json:"id"`
	Title    string    `json:"title"`
	Hint     string    `json:"hint,omitempty"` // what the item covers, printed under the title
	Minutes  int       `json:"minutes"`        // time budget
	Notes    string    `json:"notes,omitempty"`
	Excerpts []Excerpt `json:"excerpts,omitempty"`
}

// Excerpt is a passage collected from a document for an agenda item.
type Excerpt struct {
	ID        string   `json:"id"`
	Doc       string   `json:"doc"` // content.Document.ID
	DocTitle  string   `json:"docTitle"`
	DocNumber string   `json:"docNumber,omitempty"` // số/ký hiệu
	Section   string   `json:"section"`             // content.Section.ID
	Path      []string `json:"path,omitempty"`      // section headings, top-level first
	// Text is the markdown of the section or passage, copied when added.
	Text  string    `json:"text"`
	Added time.Time `json:"added"`

	// Missing is set by Plan.Check when the source is no longer in the
	// library. It is not stored: the library may come back.
	Missing bool `json:"-"`
}

// Heading is the excerpt's own section heading ("" for a whole document).
func (e Excerpt) Heading() string {
	if len(e.Path) == 0 {
		return ""
	}
	return e.Path[len(e.Path)-1]
}

// Cite is the source as printed: title, number and section path.
func (e Excerpt) Cite() string {
	s := e.DocTitle
	if s == "" {
		s = e.Doc
	}
	if e.DocNumber != "" {
		s += " (số " + e.DocNumber + ")"
	}
	if len(e.Path) > 0 {
		s += " — " + strings.Join(e.Path, " › ")
	}
	return s
}

// Errors of the agenda operations; UIs translate them.
var (
	ErrNoItem      = errors.New("no such agenda item")
	ErrNoExcerpt   = errors.New("no such excerpt")
	ErrEmptyTitle  = errors.New("the title is empty")
	ErrDuplicate   = errors.New("this excerpt is already in the agenda item")
	ErrBadMinutes  = errors.New("the time budget must be between 0 and 600 minutes")
	ErrEmptySource = errors.New("the excerpt has no document")
)

var keyRE = regexp.MustCompile(`^([0-9]{4})-(0[1-9]|1[0-2])(-[a-z0-9]+(-[a-z0-9]+)*)?$`)

// ValidKey says whether s names a plan: YYYY-MM, or YYYY-MM-slug for a
// chuyên đề meeting (lower-case ASCII letters, digits and dashes).
func ValidKey(s string) bool { return keyRE.MatchString(s) && len(s) <= 64 }

// MonthOf returns the YYYY-MM part of a key.
func MonthOf(key string) string {
	if len(key) >= 7 {
		return key[:7]
	}
	return key
}

// CurrentMonth is the key of the regular meeting of t's month.
func CurrentMonth(t time.Time) string { return t.Format("2006-01") }

// New returns the standard agenda for key: the regular meeting's skeleton
// for YYYY-MM, the chuyên đề skeleton for YYYY-MM-slug. It returns an error
// for a key that is neither.
func New(key string) (*Plan, error) {
	if !ValidKey(key) {
		return nil, fmt.Errorf("%q is not a month (YYYY-MM) or a meeting name (YYYY-MM-ten)", key)
	}
	m := keyRE.FindStringSubmatch(key)
	month := m[2] + "/" + m[1]
	if mo, _ := strconv.Atoi(m[2]); mo < 10 {
		month = strconv.Itoa(mo) + "/" + m[1]
	}
	p := &Plan{Version: Version, Month: key}
	if m[3] == "" {
		p.Kind = KindRegular
		p.Title = "Sinh hoạt chi bộ thường kỳ tháng " + month
		p.Items = regularSkeleton()
	} else {
		p.Kind = KindTopical
		p.Title = "Sinh hoạt chi bộ chuyên đề tháng " + month
		p.Items = topicalSkeleton()
	}
	return p, nil
}

// regularSkeleton is the agenda of a regular monthly meeting (Hướng dẫn
// 12-HD/BTCTW on the content of party-cell meetings), 95 minutes in all.
func regularSkeleton() []Item {
	return []Item{
		{ID: "khai-mac", Title: "Khai mạc", Minutes: 10,
			Hint: "Điểm danh đảng viên, thu đảng phí; thông qua chương trình sinh hoạt; cử thư ký ghi biên bản."},
		{ID: "thong-tin", Title: "Thông tin thời sự, chủ trương, chính sách mới", Minutes: 15,
			Hint: "Tình hình thời sự trong nước, quốc tế và địa phương; chỉ thị, nghị quyết, chủ trương, chính sách mới (tài liệu sinh hoạt chi bộ phần I–III và các văn bản khác)."},
		{ID: "danh-gia", Title: "Đánh giá việc thực hiện nhiệm vụ tháng trước", Minutes: 15,
			Hint: "Kết quả thực hiện nghị quyết tháng trước; ưu điểm, hạn chế, nguyên nhân."},
		{ID: "nhiem-vu", Title: "Nhiệm vụ tháng tới và phân công thực hiện", Minutes: 15,
			Hint: "Nhiệm vụ, giải pháp trọng tâm; phân công đảng viên phụ trách, thời hạn hoàn thành."},
		{ID: "hoc-tap-bac", Title: "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", Minutes: 10,
			Hint: "Chuyên đề, tấm gương điển hình; liên hệ bản thân, đăng ký làm theo."},
		{ID: "thao-luan", Title: "Thảo luận", Minutes: 20,
			Hint: "Đảng viên phát biểu ý kiến về các nội dung trên."},
		{ID: "ket-luan", Title: "Kết luận và biểu quyết thông qua nghị quyết", Minutes: 10,
			Hint: "Bí thư kết luận; chi bộ biểu quyết thông qua nghị quyết tháng."},
	}
}

// topicalSkeleton is the agenda of a chuyên đề meeting, 90 minutes in all.
func topicalSkeleton() []Item {
	return []Item{
		{ID: "khai-mac", Title: "Khai mạc", Minutes: 10,
			Hint: "Điểm danh đảng viên; thông qua chương trình; cử thư ký ghi biên bản."},
		{ID: "chuyen-de", Title: "Trình bày chuyên đề", Minutes: 30,
			Hint: "Đồng chí được phân công trình bày nội dung chuyên đề."},
		{ID: "thao-luan", Title: "Thảo luận", Minutes: 35,
			Hint: "Đảng viên thảo luận, liên hệ thực tiễn của chi bộ và bản thân."},
		{ID: "ket-luan", Title: "Kết luận và biểu quyết thông qua nghị quyết", Minutes: 15,
			Hint: "Bí thư kết luận; chi bộ biểu quyết thông qua nghị quyết chuyên đề."},
	}
}

// TotalMinutes is the sum of the items' time budgets.
func (p *Plan) TotalMinutes() int {
	n := 0
	for _, it := range p.Items {
		n += it.Minutes
	}
	return n
}

// ExcerptCount is the number of excerpts in all items.
func (p *Plan) ExcerptCount() int {
	n := 0
	for _, it := range p.Items {
		n += len(it.Excerpts)
	}
	return n
}

// Index returns the position of the item with the given ID, or -1.
func (p *Plan) Index(id string) int {
	for i := range p.Items {
		if p.Items[i].ID == id {
			return i
		}
	}
	return -1
}

// Item returns the item with the given ID.
func (p *Plan) Item(id string) (*Item, error) {
	if i := p.Index(id); i >= 0 {
		return &p.Items[i], nil
	}
	return nil, fmt.Errorf("%w: %q", ErrNoItem, id)
}

// ItemByRef finds an item by its 1-based number ("3") or its ID, as typed
// on the command line.
func (p *Plan) ItemByRef(ref string) (*Item, error) {
	if n, err := strconv.Atoi(ref); err == nil {
		if n < 1 || n > len(p.Items) {
			return nil, fmt.Errorf("%w: %d (the plan has %d items)", ErrNoItem, n, len(p.Items))
		}
		return &p.Items[n-1], nil
	}
	return p.Item(ref)
}

// AddItem inserts a new item at position at (0-based; out of range appends)
// and returns its ID.
func (p *Plan) AddItem(title string, minutes int, at int) (string, error) {
	title = strings.TrimSpace(title)
	if title == "" {
		return "", ErrEmptyTitle
	}
	if minutes < 0 || minutes > 600 {
		return "", ErrBadMinutes
	}
	id := p.newItemID()
	p.Items = insertAt(p.Items, at, Item{ID: id, Title: title, Minutes: minutes})
	return id, nil
}

func (p *Plan) newItemID() string {
	for n := len(p.Items) + 1; ; n++ {
		id := "muc-" + strconv.Itoa(n)
		if p.Index(id) < 0 {
			return id
		}
	}
}

// RemoveItem deletes an item and its excerpts and notes. UIs ask first.
func (p *Plan) RemoveItem(id string) error {
	i := p.Index(id)
	if i < 0 {
		return fmt.Errorf("%w: %q", ErrNoItem, id)
	}
	p.Items = append(p.Items[:i], p.Items[i+1:]...)
	return nil
}

// RenameItem changes an item's title.
func (p *Plan) RenameItem(id, title string) error {
	title = strings.TrimSpace(title)
	if title == "" {
		return ErrEmptyTitle
	}
	it, err := p.Item(id)
	if err != nil {
		return err
	}
	it.Title = title
	return nil
}

// SetMinutes changes an item's time budget.
func (p *Plan) SetMinutes(id string, minutes int) error {
	if minutes < 0 || minutes > 600 {
		return ErrBadMinutes
	}
	it, err := p.Item(id)
	if err != nil {
		return err
	}
	it.Minutes = minutes
	return nil
}

// SetNotes replaces an item's notes.
func (p *Plan) SetNotes(id, notes string) error {
	it, err := p.Item(id)
	if err != nil {
		return err
	}
	it.Notes = strings.TrimRight(strings.ReplaceAll(notes, "\r\n", "\n"), " \t\n")
	return nil
}

// MoveItem moves an item by delta places (−1 up, +1 down), clamped to the
// ends. It returns the item's new position.
func (p *Plan) MoveItem(id string, delta int) (int, error) {
	i := p.Index(id)
	if i < 0 {
		return 0, fmt.Errorf("%w: %q", ErrNoItem, id)
	}
	return shift(p.Items, i, delta), nil
}

// AddExcerpt appends ex to the item, giving it an ID and the time it was
// added. The same passage twice in one item is refused with ErrDuplicate.
func (p *Plan) AddExcerpt(itemID string, ex Excerpt, now time.Time) (Excerpt, error) {
	if ex.Doc == "" {
		return Excerpt{}, ErrEmptySource
	}
	it, err := p.Item(itemID)
	if err != nil {
		return Excerpt{}, err
	}
	for _, x := range it.Excerpts {
		if x.Doc == ex.Doc && x.Section == ex.Section && strings.TrimSpace(x.Text) == strings.TrimSpace(ex.Text) {
			return Excerpt{}, ErrDuplicate
		}
	}
	ex.ID = p.newExcerptID()
	if ex.Added.IsZero() {
		ex.Added = now.UTC().Truncate(time.Second)
	}
	ex.Missing = false
	it.Excerpts = append(it.Excerpts, ex)
	return ex, nil
}

func (p *Plan) newExcerptID() string {
	max := 0
	for _, it := range p.Items {
		for _, x := range it.Excerpts {
			if n, err := strconv.Atoi(strings.TrimPrefix(x.ID, "t")); err == nil && n > max {
				max = n
			}
		}
	}
	return "t" + strconv.Itoa(max+1)
}

// FindExcerpt returns the item index and excerpt index of an excerpt.
func (p *Plan) FindExcerpt(id string) (item, ex int, err error) {
	for i := range p.Items {
		for j := range p.Items[i].Excerpts {
			if p.Items[i].Excerpts[j].ID == id {
				return i, j, nil
			}
		}
	}
	return -1, -1, fmt.Errorf("%w: %q", ErrNoExcerpt, id)
}

// RemoveExcerpt deletes an excerpt.
func (p *Plan) RemoveExcerpt(id string) error {
	i, j, err := p.FindExcerpt(id)
	if err != nil {
		return err
	}
	xs := p.Items[i].Excerpts
	p.Items[i].Excerpts = append(xs[:j], xs[j+1:]...)
	return nil
}

// MoveExcerpt moves an excerpt by delta places within its item, clamped to
// the ends, and returns its new position.
func (p *Plan) MoveExcerpt(id string, delta int) (int, error) {
	i, j, err := p.FindExcerpt(id)
	if err != nil {
		return 0, err
	}
	return shift(p.Items[i].Excerpts, j, delta), nil
}

// MoveExcerptTo moves an excerpt into another item (or the same one) at
// position at (out of range appends).
func (p *Plan) MoveExcerptTo(id, itemID string, at int) error {
	if p.Index(itemID) < 0 {
		return fmt.Errorf("%w: %q", ErrNoItem, itemID)
	}
	i, j, err := p.FindExcerpt(id)
	if err != nil {
		return err
	}
	x := p.Items[i].Excerpts[j]
	p.Items[i].Excerpts = append(p.Items[i].Excerpts[:j], p.Items[i].Excerpts[j+1:]...)
	dst := &p.Items[p.Index(itemID)]
	dst.Excerpts = insertAt(dst.Excerpts, at, x)
	return nil
}

// insertAt inserts v at position at; out of range appends, which is what
// UIs pass for "at the end".
func insertAt[S ~[]E, E any](s S, at int, v E) S {
	if at < 0 || at >= len(s) {
		return append(s, v)
	}
	return slices.Insert(s, at, v)
}

// shift moves s[i] by delta places in place, clamped to the ends, and
// returns its new position. Items and excerpts move the same way.
func shift[S ~[]E, E any](s S, i, delta int) int {
	j := min(max(i+delta, 0), len(s)-1)
	v := s[i]
	if j < i {
		copy(s[j+1:i+1], s[j:i])
	} else {
		copy(s[i:j], s[i+1:j+1])
	}
	s[j] = v
	return j
}
