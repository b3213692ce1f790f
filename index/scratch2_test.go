package index

import "testing"

func TestFastEqSlow(t *testing.T) {
	for _, w := range []string{"Đảng", "hoá", "hóa", "HÓA", "thuỷ", "thủy", "khoẻ", "khỏe", "nguyễn", "Ợ", "Ðảng", "Ɖảng", "quý", "giữ", "Ưu", "ẤP", "x"} {
		f, sl := string(exactBytes([]byte(w))), string(exactSlow([]byte(w)))
		if f != sl {
			t.Errorf("%q fast %q slow %q", w, f, sl)
		}
		t.Logf("%s → fold %s exact %q", w, Fold(w), f)
	}
}
