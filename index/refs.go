package index

import (
	"sort"
	"strings"

	"chibo/content"
)

// RefSite is a section that cites a directive.
type RefSite struct {
	Doc     string   `json:"doc"`
	Title   string   `json:"title,omitempty"`
	Section string   `json:"section"`
	Path    []string `json:"path"`
}

// RefCount is a directive cited in the library: how often and where.
type RefCount struct {
	Symbol  string    `json:"symbol"`
	Kind    string    `json:"kind"`
	Count   int       `json:"count"` // sections citing it
	CitedIn []RefSite `json:"cited_in"`
}

// Refs lists the directives the documents cite (content finds them when
// parsing), most cited first. With symbol non-empty only that directive is
// listed; the symbol is compared as ParseSymbol normalises it, so
// "1399/qđ-ttg" finds "1399/QĐ-TTg". Documents are read one at a time
// (src.Each); its error is returned.
func Refs(src Source, symbol string) ([]RefCount, error) {
	want := symbolKey(symbol)
	byKey := map[string]*RefCount{}
	var order []string
	each := src.Each
	if c, ok := src.(interface {
		EachCitations(func(*content.Document) error) error
	}); ok {
		each = c.EachCitations // the citations without the text
	}
	err := each(func(d *content.Document) error {
		for _, r := range d.Refs {
			key := symbolKey(r.Symbol)
			if want != "" && key != want {
				continue
			}
			rc := byKey[key]
			if rc == nil {
				rc = &RefCount{Symbol: r.Symbol, Kind: r.Kind, CitedIn: []RefSite{}}
				byKey[key] = rc
				order = append(order, key)
			}
			site := RefSite{Doc: d.ID, Title: d.Title, Section: r.Section, Path: []string{}}
			if s, ok := d.Section(r.Section); ok && s.Path != nil {
				site.Path = s.Path
			}
			dup := false
			for _, x := range rc.CitedIn {
				dup = dup || x.Doc == site.Doc && x.Section == site.Section
			}
			if !dup {
				rc.Count++
				rc.CitedIn = append(rc.CitedIn, site)
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	out := make([]RefCount, 0, len(order))
	for _, k := range order {
		out = append(out, *byKey[k])
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Symbol < out[j].Symbol
	})
	return out, nil
}

// symbolKey is the folded canonical form of a symbol: how the index stores
// it in the ref field and how van-ban: looks it up.
func symbolKey(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	if canon, _, ok := content.ParseSymbol(s); ok {
		s = canon
	}
	return Fold(s)
}
