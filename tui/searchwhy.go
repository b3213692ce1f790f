package tui

import (
	"context"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"chibo/index"
)

// Search results that show why they matched: the facets of one group
// count as if none of that group were ticked (ticking a kind does not
// hide the other kinds), a hit lacking some of the query's words says
// which (index.Hit.Missing, drawn by hitLines), and the breadcrumb is cut on the left so the matched section
// stays in sight.

// groupFacets replaces res's facet counts by those of the query without
// its own group's ticks (one small extra search per ticked group).
func groupFacets(ctx context.Context, searcher index.Searcher, q index.Query, res *index.Result) {
	if res == nil {
		return
	}
	base := q
	base.Limit, base.Explain = 1, false
	if len(q.Kinds) > 0 {
		k := base
		k.Kinds = nil
		if r, err := searcher.Search(ctx, k); err == nil && r != nil {
			res.Kinds = r.Kinds
		}
	}
	if len(q.Years) > 0 {
		y := base
		y.Years = nil
		if r, err := searcher.Search(ctx, y); err == nil && r != nil {
			res.Years = r.Years
		}
	}
}

// crumb is a section's path on w cells, cut on the left (then in the
// middle of the first part kept) so its end — the matched section — shows:
// "… › 2. Nhiệm vụ › a) Nông thôn mới".
func crumb(path []string, w int) string {
	full := strings.Join(path, " › ")
	if ansi.StringWidth(full) <= w {
		return full
	}
	const lead = "… › "
	for i := 1; i < len(path); i++ {
		tail := strings.Join(path[i:], " › ")
		if ansi.StringWidth(lead+tail) <= w {
			return lead + tail
		}
	}
	last := path[len(path)-1]
	if ansi.StringWidth(last) <= w {
		return last // the matched section whole, without the "… › " lead
	}
	if w <= 1 {
		return ""
	}
	// Even the last part is too long: keep its start and its end, each cut
	// between words where it can ("3. Quy định tiêu chí… cơ sở bốn tốt”").
	head := (w - 1) / 2
	end := w - 1 - head
	start := ansi.Truncate(last, head, "")
	if i := strings.LastIndexByte(start, ' '); i > len(start)/2 {
		start = start[:i]
	}
	tail := ansi.TruncateLeft(last, ansi.StringWidth(last)-end, "")
	if i := strings.IndexByte(tail, ' '); i >= 0 && i < len(tail)/2 {
		tail = tail[i+1:]
	}
	return start + "…" + tail
}
