package plan

import (
	"errors"
	"testing"
)

// Attendance is typed in Vietnamese, with or without diacritics, or in
// English; a bare "vắng" is not guessed.
func TestParsePresenceVietnamese(t *testing.T) {
	for in, want := range map[string]Presence{
		"có mặt": Present, "co-mat": Present, "present": Present, "P": Present,
		"vắng có lý do": Excused, "vang-co-ly-do": Excused, "có phép": Excused, "Vắng có phép": Excused, "excused": Excused,
		"vắng không lý do": Absent, "vang_khong_ly_do": Absent, "không phép": Absent, "absent": Absent,
		"miễn": Exempt, "miễn sinh hoạt": Exempt, "exempt": Exempt,
	} {
		if got, ok := ParsePresence(in); !ok || got != want {
			t.Errorf("%q read as %q (%v), want %q", in, got, ok, want)
		}
	}
	for _, in := range []string{"vắng", "vang", "", "có", "maybe"} {
		if got, ok := ParsePresence(in); ok {
			t.Errorf("%q read as %q", in, got)
		}
	}
}

// A member is found by number, by the full name with or without
// diacritics, or by the last words of the name when one member only has
// them; two members who have them are named in the error.
func TestFindMemberByName(t *testing.T) {
	list := []Member{{ID: "dv1", Name: "Nguyễn Văn An"}, {ID: "dv2", Name: "Trần Thị Bình"}, {ID: "dv3", Name: "Lê Văn Cường"}, {ID: "dv4", Name: "Phạm Văn An"}}
	for ref, want := range map[string]int{
		"3": 2, "Lê Văn Cường": 2, "lê văn cường": 2, "le van cuong": 2, "Cường": 2, "cuong": 2, "Văn Cường": 2, "Bình": 1, "Nguyễn Văn An": 0, "nguyen van an": 0,
	} {
		if got, err := FindMember(list, ref); err != nil || got != want {
			t.Errorf("%q: member %d (%v), want %d", ref, got, err, want)
		}
	}
	if _, err := FindMember(list, "An"); !errors.Is(err, ErrAmbiguousMember) {
		t.Errorf("\"An\" (two members): %v, want ErrAmbiguousMember", err)
	}
	if _, err := FindMember(list, "Văn"); !errors.Is(err, ErrNoMember) {
		t.Errorf("\"Văn\" (a middle name only): %v, want ErrNoMember", err)
	}
	for _, ref := range []string{"Dũng", "5", "0", "ng"} {
		if _, err := FindMember(list, ref); !errors.Is(err, ErrNoMember) {
			t.Errorf("%q: %v, want ErrNoMember", ref, err)
		}
	}
}
