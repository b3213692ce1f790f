package plan

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"chibo/content"
	"chibo/content/lockfile"
	"chibo/content/userdata"
)

// The roll is personal data: the members' names and their attendance stay
// in the data directory (members.json, and each plan's Roll) and are
// printed only in the cell's own minutes and resolution, never in the
// meeting pack's programme or anywhere else.

// Membership is official (chính thức) or probationary (dự bị).
type Membership string

const (
	Official     Membership = "chinh-thuc"
	Probationary Membership = "du-bi"
)

// Member is one party member of the cell.
type Member struct {
	ID     string     `json:"id"`
	Name   string     `json:"name"`
	Status Membership `json:"status"`
	Exempt bool       `json:"exempt,omitempty"` // miễn sinh hoạt
}

// Members is the members file.
type Members struct {
	Version int      `json:"version"`
	List    []Member `json:"members"`
}

// MembersVersion is the members file format this code writes.
const MembersVersion = 1

// Errors of the roll.
var (
	ErrEmptyName = errors.New("the member's name is empty")
	ErrNoMember  = errors.New("no such member")
	// ErrAmbiguousMember is a name more than one member has.
	ErrAmbiguousMember = errors.New("more than one member has this name")
	ErrSameMember      = errors.New("a member with this name is already on the list")
	ErrBadPresence     = errors.New("attendance is present, excused, absent or exempt")
	ErrNotOnTheRoll    = errors.New("this person is not on the cell's member list")
)

// MemberStore keeps members.json in the user directory, written
// atomically like the plans.
type MemberStore struct {
	path string
	now  func() time.Time
	mu   sync.Mutex
}

// OpenMembers returns the member list store under userDir.
func OpenMembers(userDir string) *MemberStore {
	return &MemberStore{path: filepath.Join(userDir, "members.json"), now: time.Now}
}

// Path is the members file.
func (s *MemberStore) Path() string { return s.path }

// Load reads the members; none saved is an empty list. A damaged file is
// set aside and returned as a *userdata.DamagedError with an empty list.
func (s *MemberStore) Load() ([]Member, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.load()
}

func (s *MemberStore) load() ([]Member, error) {
	var m Members
	if _, err := userdata.ReadVersioned(s.path, MembersVersion, &m, s.now()); err != nil {
		return nil, err
	}
	return m.List, nil
}

// Update loads the list, applies fn and saves it, under the members
// file's inter-process lock (members.lock beside it), so the app and the
// command line never lose each other's changes; nothing is written when fn
// fails or the file is from a newer chibo.
func (s *MemberStore) Update(fn func(*[]Member) error) ([]Member, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	l, lerr := lockfile.Acquire(strings.TrimSuffix(s.path, ".json")+".lock", 0)
	if lerr != nil {
		return nil, lerr
	}
	defer l.Release()
	list, err := s.load()
	var de *userdata.DamagedError
	if err != nil && (!errors.As(err, &de) || de.Aside == "") {
		return nil, err
	}
	if ferr := fn(&list); ferr != nil {
		return nil, ferr
	}
	if werr := userdata.WriteJSON(s.path, Members{Version: MembersVersion, List: list}); werr != nil {
		return nil, werr
	}
	return list, err
}

// AddMember appends a member to list.
func AddMember(list *[]Member, name string, status Membership, exempt bool) (Member, error) {
	name = oneLine(name)
	if name == "" {
		return Member{}, ErrEmptyName
	}
	for _, m := range *list {
		if strings.EqualFold(m.Name, name) {
			return Member{}, fmt.Errorf("%w: %s", ErrSameMember, name)
		}
	}
	if status != Probationary {
		status = Official
	}
	max := 0
	for _, m := range *list {
		if n, err := strconv.Atoi(strings.TrimPrefix(m.ID, "dv")); err == nil && n > max {
			max = n
		}
	}
	m := Member{ID: "dv" + strconv.Itoa(max+1), Name: name, Status: status, Exempt: exempt}
	*list = append(*list, m)
	return m, nil
}

// FindMember finds a member by 1-based number or by name: the full name
// in any case, with or without diacritics ("le van cuong"), or the given
// name or the last words of the name ("Cường", "Văn Cường") when one
// member only has them. Two members it could be are ErrAmbiguousMember.
func FindMember(list []Member, ref string) (int, error) {
	if n, err := strconv.Atoi(strings.TrimSpace(ref)); err == nil {
		if n >= 1 && n <= len(list) {
			return n - 1, nil
		}
		return -1, fmt.Errorf("%w: %d", ErrNoMember, n)
	}
	ref = oneLine(ref)
	for i, m := range list {
		if strings.EqualFold(m.Name, ref) {
			return i, nil
		}
	}
	want := strings.Fields(content.Fold(ref))
	if len(want) == 0 {
		return -1, fmt.Errorf("%w: %s", ErrNoMember, ref)
	}
	var full, tail []int
	for i, m := range list {
		name := strings.Fields(content.Fold(m.Name))
		switch {
		case slices.Equal(name, want):
			full = append(full, i)
		case len(name) > len(want) && slices.Equal(name[len(name)-len(want):], want):
			tail = append(tail, i)
		}
	}
	for _, found := range [][]int{full, tail} {
		switch len(found) {
		case 0:
			continue
		case 1:
			return found[0], nil
		}
		var names []string
		for _, i := range found {
			names = append(names, strconv.Itoa(i+1)+". "+list[i].Name)
		}
		return -1, fmt.Errorf("%w: %s (%s)", ErrAmbiguousMember, ref, strings.Join(names, "; "))
	}
	return -1, fmt.Errorf("%w: %s", ErrNoMember, ref)
}

// Presence is a member's attendance at one meeting.
type Presence string

const (
	Present Presence = "co-mat"
	Excused Presence = "vang-co-ly-do"
	Absent  Presence = "vang-khong-ly-do"
	Exempt  Presence = "mien"
)

// ParsePresence reads a presence as typed: in Vietnamese, with or
// without diacritics, words joined by spaces or hyphens ("có mặt",
// "vắng có lý do" or "có phép", "vắng không lý do" or "không phép",
// "miễn" or "miễn sinh hoạt"), or present, excused, absent, exempt. A bare
// "vắng" is not read: with or without a reason is what the minutes say
// (Hướng dẫn 42-HD/BTCTW).
func ParsePresence(s string) (Presence, bool) {
	code := strings.Join(strings.FieldsFunc(content.Fold(s), func(r rune) bool { return r == ' ' || r == '-' || r == '_' }), "-")
	switch code {
	case "present", "co-mat", "p":
		return Present, true
	case "excused", "vang-co-ly-do", "co-ly-do", "vang-co-phep", "co-phep", "e":
		return Excused, true
	case "absent", "vang-khong-ly-do", "khong-ly-do", "vang-khong-phep", "khong-phep", "a":
		return Absent, true
	case "exempt", "mien", "mien-sinh-hoat", "x":
		return Exempt, true
	}
	return "", false
}

// Attendance is one member's presence at a meeting, with the member's
// name and status as they were that day.
type Attendance struct {
	Member   string     `json:"member"` // Member.ID
	Name     string     `json:"name"`
	Status   Membership `json:"status"`
	Presence Presence   `json:"presence"`
	Reason   string     `json:"reason,omitempty"`
}

// Roll is the attendance of one meeting and its guests.
type Roll struct {
	People []Attendance `json:"people"`
	Guests []string     `json:"guests,omitempty"`
}

// StartRoll fills the plan's roll from the member list: everyone present
// but the members exempt from meetings. Members already on the roll keep
// their entry; new members are added.
func (p *Plan) StartRoll(members []Member) {
	if p.Roll == nil {
		p.Roll = &Roll{}
	}
	have := map[string]bool{}
	for _, a := range p.Roll.People {
		have[a.Member] = true
	}
	for _, m := range members {
		if have[m.ID] {
			continue
		}
		pr := Present
		if m.Exempt {
			pr = Exempt
		}
		p.Roll.People = append(p.Roll.People, Attendance{Member: m.ID, Name: m.Name, Status: m.Status, Presence: pr})
	}
}

// Mark sets a member's presence at this meeting (the roll is started from
// members first).
func (p *Plan) Mark(members []Member, ref string, pr Presence, reason string) (Attendance, error) {
	i, err := FindMember(members, ref)
	if err != nil {
		return Attendance{}, err
	}
	p.StartRoll(members)
	for j := range p.Roll.People {
		a := &p.Roll.People[j]
		if a.Member == members[i].ID {
			a.Presence, a.Reason = pr, oneLine(reason)
			if pr == Present {
				a.Reason = ""
			}
			return *a, nil
		}
	}
	return Attendance{}, ErrNotOnTheRoll
}

// AddGuest adds a guest (name and position, as it is to be printed).
func (p *Plan) AddGuest(guest string) error {
	guest = oneLine(guest)
	if guest == "" {
		return ErrEmptyName
	}
	if p.Roll == nil {
		p.Roll = &Roll{}
	}
	p.Roll.Guests = append(p.Roll.Guests, guest)
	return nil
}

// Counts are the roll's numbers as the minutes print them.
type Counts struct {
	Total, Official, Probationary int
	Present, Excused, Absent      int
	Exempt                        int
	PresentOfficial               int
	PresentProbationary           int
}

// Expected is the members expected at the meeting (all but those exempt).
func (c Counts) Expected() int { return c.Total - c.Exempt }

// Counts counts the roll; zero when no roll was taken.
func (p *Plan) Counts() Counts {
	var c Counts
	if p.Roll == nil {
		return c
	}
	for _, a := range p.Roll.People {
		c.Total++
		prob := a.Status == Probationary
		if prob {
			c.Probationary++
		} else {
			c.Official++
		}
		switch a.Presence {
		case Present:
			c.Present++
			if prob {
				c.PresentProbationary++
			} else {
				c.PresentOfficial++
			}
		case Excused:
			c.Excused++
		case Absent:
			c.Absent++
		case Exempt:
			c.Exempt++
		}
	}
	return c
}
