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

	"golang.org/x/text/unicode/norm"
)

// Version is the file format version this code writes. Version 2 (the
// meeting as run under Hướng dẫn 42-HD/BTCTW, 2025) added the combined
// kind, the locality, the resolution's tasks and the carried tasks, the
// ticked checklist, the roll and the minutes' record; every new field is
// optional, so a version 1 file loads as it is (its agenda is kept).
const Version = 2

// MinMeetingMinutes is the shortest a regular meeting may be (Hướng dẫn
// 42-HD/BTCTW: at least 90 minutes). See Kind.MinMinutes for every kind.
const MinMeetingMinutes = 90

// Kind is the sort of meeting. Values are stable codes used on disk.
type Kind string

const (
	KindRegular  Kind = "thuong-ky" // sinh hoạt thường kỳ (monthly)
	KindTopical  Kind = "chuyen-de" // sinh hoạt chuyên đề (at least once a quarter)
	KindCombined Kind = "ket-hop"   // thường kỳ and chuyên đề in one sitting
)

// Kinds are the meeting kinds, in the order UIs offer them.
var Kinds = []Kind{KindRegular, KindTopical, KindCombined}

// ParseKind reads a kind code as typed on the command line.
func ParseKind(s string) (Kind, bool) {
	for _, k := range Kinds {
		if strings.EqualFold(strings.TrimSpace(s), string(k)) {
			return k, true
		}
	}
	return "", false
}

// Label is the kind in Vietnamese, as printed in the pack.
func (k Kind) Label() string {
	switch k {
	case KindTopical:
		return "chuyên đề"
	case KindCombined:
		return "thường kỳ kết hợp chuyên đề"
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

	// Locality is the địa danh of the date line ("Tân Phú, ngày 05 tháng
	// 12 năm 2026"); Place is the venue.
	Locality string `json:"locality,omitempty"`
	// Tasks are this meeting's resolution tasks (section II); the next
	// month's plan carries them (see Carry).
	Tasks []Task `json:"tasks,omitempty"`
	// Carried are the previous month's tasks with the results recorded at
	// this meeting (section I of the resolution).
	Carried []Task `json:"carried,omitempty"`
	// prevTasks is the month the previous meeting set tasks for (its
	// TasksMonth), set by Carry; "" when there is no previous plan. An
	// undated meeting assesses that month (see AssessedMonth).
	prevTasks string
	// Ticked are the IDs of the checklist items the user ticked off.
	Ticked []string `json:"ticked,omitempty"`
	// Roll is the attendance of this meeting (personal data: it stays in
	// the data directory and is printed only in the cell's own minutes).
	Roll *Roll `json:"roll,omitempty"`
	// Record is what the minutes and the resolution need beyond the
	// agenda: chair, secretary, times, the topic paper, the vote.
	Record Record `json:"record,omitzero"`
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
	DocType   string   `json:"docType,omitempty"`   // "Kết luận", "Nghị quyết" …
	DocDate   string   `json:"docDate,omitempty"`   // ISO 8601, as content.Document.Date
	DocIssuer string   `json:"docIssuer,omitempty"` // "Bộ Chính trị"
	Section   string   `json:"section"`             // content.Section.ID
	Path      []string `json:"path,omitempty"`      // section headings, top-level first
	// FullHeading is the section's heading in full when the heading in
	// Path is a shortened form of its first sentence (a table row's
	// heading "Tập trung lãnh đạo, triển khai …"): the pack prints it
	// rather than the clipped one. See FullHeading.
	FullHeading string `json:"fullHeading,omitempty"`
	// Text is the markdown of the section or passage, copied when added.
	Text string `json:"text"`
	// Passage is set for a passage selected inside the section (the
	// reader's V, plan add --text), not the whole section: Text is then
	// just those paragraphs, and the pack says it is an extract.
	Passage bool      `json:"passage,omitempty"`
	Added   time.Time `json:"added"`

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

// PrintHeading is the heading the pack prints for the excerpt: the
// section's full heading when its heading was shortened (FullHeading,
// else found again in Text), else Heading.
func (e Excerpt) PrintHeading() string {
	if e.FullHeading != "" {
		return e.FullHeading
	}
	return FullHeading(e.Heading(), e.Text)
}

// Cite is the source as printed, the way a party document cites another:
// "Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính trị, mục II.3". The
// document type comes from DocType (else the title or the number's code),
// the date and issuer from DocDate and DocIssuer (see WithDocument); parts
// that are unknown are left out, and a source without a number is cited by
// its title. The section is named by its numbering ("mục II.3", "Điều 5")
// when its headings are numbered, else by its heading.
func (e Excerpt) Cite() string {
	return cite(e)
}

// Errors of the agenda operations; UIs translate them.
var (
	ErrNoItem      = errors.New("no such agenda item")
	ErrNoExcerpt   = errors.New("no such excerpt")
	ErrEmptyTitle  = errors.New("the title is empty")
	ErrDuplicate   = errors.New("this excerpt is already in the agenda item")
	ErrBadMinutes  = errors.New("the time budget must be between 0 and 600 minutes")
	ErrEmptySource = errors.New("the excerpt has no document")
	ErrBadKind     = errors.New("no such meeting kind (thuong-ky, chuyen-de, ket-hop)")
	ErrBadKey      = errors.New("not a month (YYYY-MM) or a meeting name (YYYY-MM-ten)")
)

var keyRE = regexp.MustCompile(`^([0-9]{4})-(0[1-9]|1[0-2])(-[a-z0-9]+(-[a-z0-9]+)*)?$`)

// ValidKey says whether s names a plan: YYYY-MM, or YYYY-MM-slug for a
// chuyên đề meeting (lower-case ASCII letters, digits and dashes).
func ValidKey(s string) bool { return keyRE.MatchString(s) && len(s) <= 64 }

// monthRE is a month as people write it: "12/2026", "12-2026", "T12/2026",
// "tháng 12/2026", "thang 12.2026".
var monthRE = regexp.MustCompile(`^(?i:(?:tháng|thang|t)\s*)?([0-9]{1,2})\s*[/.-]\s*([0-9]{4})$`)

// ParseKey reads a plan's key as typed: a key as ValidKey has it, or a
// month written the Vietnamese way ("12/2026", "tháng 12/2026"), which
// becomes "2026-12". ok is false for anything else.
func ParseKey(s string) (key string, ok bool) {
	s = strings.TrimSpace(s)
	if ValidKey(s) {
		return s, true
	}
	g := monthRE.FindStringSubmatch(s)
	if g == nil {
		return "", false
	}
	m, _ := strconv.Atoi(g[1])
	if m < 1 || m > 12 {
		return "", false
	}
	return fmt.Sprintf("%s-%02d", g[2], m), true
}

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
		return nil, fmt.Errorf("%q: %w", key, ErrBadKey)
	}
	m := keyRE.FindStringSubmatch(key)
	p := &Plan{Version: Version, Month: key, Kind: KindRegular}
	if m[3] != "" {
		p.Kind = KindTopical
	}
	p.Title = p.defaultTitle()
	p.Items = Skeleton(p.Kind)
	return p, nil
}

// defaultTitle is "Sinh hoạt chi bộ thường kỳ tháng 11/2026" for the
// plan's kind and month.
func (p *Plan) defaultTitle() string {
	return "Sinh hoạt chi bộ " + p.Kind.Label() + " tháng " + monthName(MonthOf(p.Month))
}

// monthName is "3/2026" for "2026-03".
func monthName(month string) string {
	t, err := time.Parse("2006-01", month)
	if err != nil {
		return month
	}
	return strconv.Itoa(int(t.Month())) + "/" + strconv.Itoa(t.Year())
}

// SetKind changes the meeting's kind. A title still at its default follows
// the kind; an agenda nobody has touched yet (no excerpt, no note) is
// replaced by the new kind's skeleton, so a combined meeting gets both
// parts and its 120 minutes.
func (p *Plan) SetKind(k Kind) error {
	if _, ok := ParseKind(string(k)); !ok {
		return fmt.Errorf("%w: %q", ErrBadKind, k)
	}
	if p.Kind == k {
		return nil
	}
	if p.Title == p.defaultTitle() {
		defer func() { p.Title = p.defaultTitle() }()
	}
	untouched := p.ExcerptCount() == 0
	for _, it := range p.Items {
		if strings.TrimSpace(it.Notes) != "" {
			untouched = false
		}
	}
	p.Kind = k
	if untouched {
		p.Items = Skeleton(k)
	}
	return nil
}

// Names of the party committee and of the cell are kept as the user typed
// them ("Đảng bộ xã Tân Phú" or "xã Tân Phú", "Chi bộ ấp Phú Lợi" or "ấp
// Phú Lợi") and printed through the functions below, which take off a
// leading "Đảng bộ", "Đảng ủy"/"Đảng uỷ" or "Chi bộ" so the word is never
// printed twice ("ĐẢNG BỘ ĐẢNG BỘ XÃ …").

var (
	partyPrefixes = []string{"đảng bộ", "đảng ủy", "đảng uỷ"}
	cellPrefixes  = []string{"chi bộ"}
)

// bareName removes one of the prefixes (any case, NFC or not) from the
// start of name and returns the rest, trimmed and in NFC.
func bareName(name string, prefixes []string) string {
	s := strings.Join(strings.Fields(norm.NFC.String(name)), " ")
	low := strings.ToLower(s)
	for _, pre := range prefixes {
		if strings.HasPrefix(low, pre+" ") {
			return strings.TrimSpace(s[len(pre):])
		}
		if low == pre {
			return ""
		}
	}
	return s
}

// PartyBare is the party committee's name without "Đảng bộ"/"Đảng ủy":
// "xã Tân Phú".
func PartyBare(name string) string { return bareName(name, partyPrefixes) }

// CellBare is the cell's name without "Chi bộ": "ấp Phú Lợi".
func CellBare(name string) string { return bareName(name, cellPrefixes) }

// PartyHeader is the upper line of a party document's heading for the
// committee the cell belongs to: "ĐẢNG BỘ XÃ TÂN PHÚ"; "" when unset.
func PartyHeader(name string) string { return upperWith("ĐẢNG BỘ", PartyBare(name)) }

// CommitteeHeader is the committee of the party organisation as the upper
// line of the resolution's heading: "ĐẢNG ỦY XÃ TÂN PHÚ"; "" when unset.
func CommitteeHeader(name string) string { return upperWith("ĐẢNG ỦY", PartyBare(name)) }

// CellHeader is "CHI BỘ ẤP PHÚ LỢI"; "" when unset.
func CellHeader(name string) string { return upperWith("CHI BỘ", CellBare(name)) }

// CellInline names the cell inside a sentence: "Chi bộ ấp Phú Lợi".
func CellInline(name string) string { return with("Chi bộ", CellBare(name)) }

// PartyInline names the party committee inside a sentence: "Đảng bộ xã
// Tân Phú".
func PartyInline(name string) string { return with("Đảng bộ", PartyBare(name)) }

func upperWith(prefix, bare string) string {
	if bare == "" {
		return ""
	}
	return prefix + " " + strings.ToUpper(bare)
}

func with(prefix, bare string) string {
	if bare == "" {
		return ""
	}
	return prefix + " " + bare
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
