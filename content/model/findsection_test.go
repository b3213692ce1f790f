package model

import "testing"

func TestFindSection(t *testing.T) {
	d := &Document{Sections: []*Section{
		{ID: "ii", Heading: "II. NỘI DUNG"},
		{ID: "ii.1.1-1", Heading: "1.1. Đảng viên"},
		{ID: "2.2-1", Heading: "2.1. Tổ chức đảng"},
		{ID: "chuong-i.dieu-5", Heading: "Điều 5. Quyền của đảng viên"},
		{ID: "x.a", Heading: "a) Một"},
		{ID: "y.a", Heading: "a) Hai"},
		{ID: "z", Heading: "Chương II"},
	}}
	for ref, want := range map[string]string{
		"ii": "ii", "II": "ii", "ii.1.1-1": "ii.1.1-1", "1.1": "ii.1.1-1", "1.1.": "ii.1.1-1",
		"2.1": "2.2-1", "Điều 5": "chuong-i.dieu-5", "dieu-5": "chuong-i.dieu-5", "điều 5.": "chuong-i.dieu-5",
		"chuong-ii": "z", "Chương II": "z",
	} {
		s, ok := d.FindSection(ref)
		if !ok || s.ID != want {
			got := ""
			if s != nil {
				got = s.ID
			}
			t.Errorf("%q: %q (%v), want %q", ref, got, ok, want)
		}
	}
	for _, ref := range []string{"a", "a)", "3", "1", "", "Điều 6"} {
		if s, ok := d.FindSection(ref); ok {
			t.Errorf("%q found %q: want nothing (none, or two to choose from)", ref, s.ID)
		}
	}
}
