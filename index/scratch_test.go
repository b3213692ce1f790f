package index

import (
	"context"
	"testing"
)

func TestScratch(t *testing.T) {
	ix, lib := seedIndex(t)
	t.Logf("docs %d stats %+v", len(lib.Docs()), ix.Stats())
	for _, q := range []string{"nong thon moi", "chi bo bon tot", "1399/QĐ-TTg", "chuyển đổi số", `"kinh tế - xã hội"`, "loai:nghi-quyet nam:2023", "van-ban:21-NQ/TW"} {
		r, err := ix.Search(context.Background(), Query{Text: q, Limit: 3})
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%q total=%d took=%v relaxed=%v kinds=%v years=%v", q, r.Total, r.Took, r.Relaxed, r.Kinds, r.Years)
		for _, h := range r.Hits {
			t.Logf("   %.3f %s/%s %q :: %s", h.Score, h.Doc, h.Section, h.Heading, snippetText(h))
		}
	}
}
