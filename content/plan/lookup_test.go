package plan

import (
	"testing"

	"chibo/content"
)

type oneDoc struct{ d *content.Document }

func (s oneDoc) Doc(id string) (*content.Document, bool) {
	if id == s.d.ID {
		return s.d, true
	}
	return nil, false
}

// Lookup takes what `show` and the outline show: a section's ID, or the
// numbering its heading opens with when one section only has it (a new
// user typed "plan add DOC#1.1" after reading the outline).
func TestLookupByNumbering(t *testing.T) {
	d := &content.Document{ID: "hd", Sections: []*content.Section{
		{ID: "ii", Heading: "II. NỘI DUNG"},
		{ID: "ii.1.1-1", Heading: "1.1. Đảng viên"},
		{ID: "chuong-i.dieu-5", Heading: "Điều 5. Quyền của đảng viên"},
		{ID: "x.a", Heading: "a) Một"},
		{ID: "y.a", Heading: "a) Hai"},
	}}
	for ref, want := range map[string]string{"hd#ii.1.1-1": "ii.1.1-1", "hd#1.1": "ii.1.1-1", "hd#Điều 5": "chuong-i.dieu-5", "hd#II": "ii"} {
		_, sec, ok := Lookup(oneDoc{d}, ref)
		if !ok || sec == nil || sec.ID != want {
			t.Errorf("%q: %v %v, want %q", ref, sec, ok, want)
		}
	}
	for _, ref := range []string{"hd#a)", "hd#3", "other#1.1"} {
		if _, sec, ok := Lookup(oneDoc{d}, ref); ok {
			t.Errorf("%q found %v", ref, sec)
		}
	}
	if doc, sec, ok := Lookup(oneDoc{d}, "hd"); !ok || doc != d || sec != nil {
		t.Error("the whole document")
	}
}

// sectionLabel names a source by the numbering content.HeadingNumber
// reads, the one the outline and show use.
func TestSectionLabelNumbering(t *testing.T) {
	for _, tt := range []struct {
		path []string
		want string
	}{
		{[]string{"II. NỘI DUNG", "3. Kết quả"}, "mục II.3"},
		{[]string{"Chương I", "Điều 5. Quyền", "2.", "a) Một"}, "Chương I, Điều 5, mục 2.a"},
		{[]string{"Tiểu mục 1. GIAO KẾT", "Điều 402. Các loại hợp đồng"}, "Tiểu mục 1, Điều 402"},
		{[]string{"Kinh tế"}, "mục “Kinh tế”"},
	} {
		if got := sectionLabel(tt.path); got != tt.want {
			t.Errorf("sectionLabel(%q) = %q, want %q", tt.path, got, tt.want)
		}
	}
}
