package main

import (
	"bufio"
	"unicode/utf8"
)

// alignColumns writes cells, cols to a line, with every cell but a line's
// last padded with spaces to the width of its column's widest cell plus
// two (widths in runes), and a newline after each line: what
// text/tabwriter.NewWriter(w, 0, 0, 2, ' ', 0) prints for the same cells
// joined by tabs, when no cell holds a tab, a newline or a form feed
// (cells go through safetext.Line) and every line has cols cells.
// tabwriter keeps and scans a copy of all the text and a record per cell:
// for the 7,000 lines of `chibo list` on a 1 GB library, a tenth of the
// command; this measures the cells, then writes them.
func alignColumns(w *bufio.Writer, cells []string, cols int) {
	if cols <= 0 {
		return
	}
	width := make([]int, cols)
	for i, c := range cells {
		if col := i % cols; col < cols-1 {
			width[col] = max(width[col], utf8.RuneCountInString(c))
		}
	}
	const padding = 2
	var spaces []byte
	for _, wd := range width {
		for len(spaces) < wd+padding {
			spaces = append(spaces, ' ')
		}
	}
	for i, c := range cells {
		w.WriteString(c)
		if col := i % cols; col < cols-1 {
			w.Write(spaces[:width[col]+padding-utf8.RuneCountInString(c)])
		} else {
			w.WriteByte('\n')
		}
	}
}
