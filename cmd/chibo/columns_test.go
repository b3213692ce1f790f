package main

import (
	"bufio"
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"text/tabwriter"

	"chibo/tui/i18n"
)

// TestAlignColumnsAsTabwriter: `chibo list` aligns its columns exactly as
// text/tabwriter did (scripts and people read them): random cells, some
// empty, some wide, with Vietnamese letters of several bytes each, and
// the list's own header in both languages.
func TestAlignColumnsAsTabwriter(t *testing.T) {
	rnd := rand.New(rand.NewPCG(5, 6))
	words := []string{"", "—", "a", "Nghị quyết", "đảng viên", "12", "2024-05-01", "Báo cáo tình hình thực hiện nhiệm vụ", "x-y-z", "ỗ"}
	for _, header := range []string{i18n.CLIListHeader.In(i18n.VI), i18n.CLIListHeader.In(i18n.EN), "a\tb\tc\td\te\tf"} {
		const cols = 6
		cells := strings.Split(header, "\t")
		if len(cells) != cols {
			t.Fatalf("header %q: %d cells, want %d", header, len(cells), cols)
		}
		for range 200 {
			for range cols {
				var b strings.Builder
				for range rnd.IntN(3) {
					b.WriteString(words[rnd.IntN(len(words))])
				}
				cells = append(cells, b.String())
			}
		}
		var want bytes.Buffer
		tw := tabwriter.NewWriter(&want, 0, 0, 2, ' ', 0)
		for i := 0; i < len(cells); i += cols {
			fmt.Fprintln(tw, strings.Join(cells[i:i+cols], "\t"))
		}
		tw.Flush()
		var got bytes.Buffer
		bw := bufio.NewWriter(&got)
		alignColumns(bw, cells, cols)
		bw.Flush()
		if got.String() != want.String() {
			gl, wl := strings.Split(got.String(), "\n"), strings.Split(want.String(), "\n")
			for i := range min(len(gl), len(wl)) {
				if gl[i] != wl[i] {
					t.Fatalf("line %d:\n got %q\nwant %q", i, gl[i], wl[i])
				}
			}
			t.Fatalf("%d lines, want %d", len(gl), len(wl))
		}
		if strings.Count(got.String(), "\n") != len(cells)/cols {
			t.Fatalf("%d lines written", strings.Count(got.String(), "\n"))
		}
	}
}

// TestTruncate: titles up to the limit come back as they are, without
// an allocation (7,000 of them per `chibo list` on a 1 GB library);
// longer ones are cut to the limit in runes, the last one an ellipsis.
func TestTruncate(t *testing.T) {
	short := "Nghị quyết về công tác xây dựng Đảng"
	if got := truncate(short, 60); got != short {
		t.Errorf("short title: %q", got)
	}
	var sink string
	if n := testing.AllocsPerRun(100, func() { sink = truncate(short, 60) }); n != 0 || sink != short {
		t.Errorf("a title within the limit: %v allocations, want 0", n)
	}
	long := strings.Repeat("Đảng viên ", 10)
	got := truncate(long, 60)
	if r := []rune(got); len(r) != 60 || r[59] != '…' || !strings.HasPrefix(long, string(r[:59])) {
		t.Errorf("long title: %q", got)
	}
	if got := truncate(long[:60], 60); got != long[:60] {
		t.Errorf("a title of exactly the limit in bytes, fewer in runes: %q", got)
	}
}
