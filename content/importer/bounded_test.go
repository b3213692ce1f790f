package importer

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/rand"
	"runtime"
	"strings"
	"testing"
	"time"

	"chibo/content/block"
	"chibo/content/importer/convtest"
)

const wNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`

func docxOf(t testing.TB, body string) []byte {
	return convtest.ZipFiles(t, [][2]string{{"word/document.xml",
		`<?xml version="1.0"?><w:document ` + wNS + `><w:body>` + body + `</w:body></w:document>`}})
}

// allocDuring returns the bytes allocated while f runs.
func allocDuring(f func()) uint64 {
	var m0, m1 runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&m0)
	f()
	runtime.ReadMemStats(&m1)
	return m1.TotalAlloc - m0.TotalAlloc
}

// The text cap was checked by summing every block after every paragraph:
// quadratic (400 000 paragraphs took 56 s). size must be constant time and
// equal the length of what String writes.
func TestMdDocSizeIsRunning(t *testing.T) {
	var d mdDoc
	d.para("", "một")
	d.para("", "hai"+d.note("ghi chú"))
	d.heading(2, "ba")
	if got, want := d.size(), len(d.String())-1; got != want+2 {
		t.Fatalf("size %d, String has %d (+2 for the last separator)", got, want)
	}
	start := time.Now()
	n := 0
	for i := 0; i < 300000; i++ {
		d.block("đoạn")
		n += d.size()
	}
	if n == 0 {
		t.Fatal("no size")
	}
	if el := time.Since(start); el > 5*time.Second {
		t.Fatalf("300 000 blocks took %v: size is not constant time", el)
	}
}

// Many runs of one paragraph used to be joined by += on a string.
func TestInlineManyRunsLinear(t *testing.T) {
	segs := make([]seg, 200000)
	for i := range segs {
		segs[i] = seg{text: "ab "}
	}
	var s string
	alloc := allocDuring(func() { s = inline(segs, false) })
	if len(s) != 600000 {
		t.Fatalf("len %d", len(s))
	}
	if alloc > 64<<20 {
		t.Fatalf("inline of 600 KB allocated %d MB", alloc>>20)
	}
}

// A docx whose document.xml inflates to 24 MB of blanks (under the ratio
// check) was read whole into a growing buffer: now the part is streamed,
// and a token longer than maxToken is refused after reading about that much.
func TestZipBombStreamed(t *testing.T) {
	defer func(n int) { maxToken = n }(maxToken)
	maxToken = 1 << 20
	rng := rand.New(rand.NewSource(1))
	var b strings.Builder
	for b.Len() < 24<<20 {
		b.WriteString(strings.Repeat(" ", 200+rng.Intn(200)))
		b.WriteByte("\t\n\r "[rng.Intn(4)])
	}
	data := docxOf(t, b.String())
	t.Logf("bomb: %d KB", len(data)>>10)
	var err error
	alloc := allocDuring(func() { _, err = Convert(context.Background(), "b.docx", data, Options{}) })
	var ce *Error
	if !errors.As(err, &ce) || ce.Problem != ProblemUnzipLimit {
		t.Fatalf("err %v, want unzip-limit", err)
	}
	if alloc > 12<<20 {
		t.Fatalf("refusing the bomb allocated %d MB", alloc>>20)
	}
}

// The budget is shared by all the parts of one file.
func TestZipBudgetShared(t *testing.T) {
	styles := `<w:styles ` + wNS + `>` + strings.Repeat(`<w:style w:styleId="x"/>`, 20000) + `</w:styles>`
	data := convtest.ZipFiles(t, [][2]string{{"word/styles.xml", styles}, {"word/numbering.xml", styles},
		{"word/document.xml", `<w:document ` + wNS + `><w:body><w:p><w:r><w:t>chữ</w:t></w:r></w:p></w:body></w:document>`}})
	if _, err := Convert(context.Background(), "a.docx", data, Options{}); err != nil {
		t.Fatal(err)
	}
	_, err := Convert(context.Background(), "a.docx", data, Options{MaxUnzipped: int64(len(styles)) + 100})
	var ce *Error
	if !errors.As(err, &ce) || ce.Problem != ProblemUnzipLimit {
		t.Fatalf("err %v, want unzip-limit", err)
	}
}

// The XML decoder keeps every open element: nesting is capped.
func TestXMLDepthBomb(t *testing.T) {
	for _, name := range []string{"a.docx", "a.odt"} {
		deep := strings.Repeat("<w:p>", 100000)
		var data []byte
		if name == "a.docx" {
			data = docxOf(t, deep)
		} else {
			data = convtest.ZipFiles(t, [][2]string{{"mimetype", "application/vnd.oasis.opendocument.text"},
				{"content.xml", `<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>` +
					strings.Repeat("<text:span>", 100000)}})
		}
		_, err := Convert(context.Background(), name, data, Options{})
		if err == nil || !strings.Contains(err.Error(), "nested") {
			t.Errorf("%s: err %v, want the nesting refusal", name, err)
		}
	}
}

// Many paragraphs convert in linear time and a document past the cap is
// refused, counting the blocks, not only their text.
func TestManyParagraphs(t *testing.T) {
	var b strings.Builder
	for i := 0; i < 20000; i++ {
		fmt.Fprintf(&b, `<w:p><w:r><w:t>Đoạn %d</w:t></w:r></w:p>`, i)
	}
	data := docxOf(t, b.String())
	res, err := Convert(context.Background(), "a.docx", data, Options{})
	if err != nil || len(res.Blocks) != 20000 {
		t.Fatalf("err %v, %d blocks", err, len(res.Blocks))
	}
	_, err = Convert(context.Background(), "a.docx", docxOf(t, strings.Repeat(`<w:p><w:r><w:t>x</w:t></w:r></w:p>`, 20000)), Options{MaxText: 1 << 20})
	if ce := (*Error)(nil); !errors.As(err, &ce) || ce.Problem != ProblemTooLarge {
		t.Fatalf("20 000 blocks under a 1 MB cap: err %v, want too-large", err)
	}
}

// A paragraph of many runs in one style was merged by += on a string in
// the RTF and .doc paragraph builder: 50 000 runs took 31 s.
func TestRTFManyRunsLinear(t *testing.T) {
	data := []byte(`{\rtf1\ansi ` + strings.Repeat(`{\b chữ} `, 50000) + `}`)
	var err error
	alloc := allocDuring(func() { _, err = Convert(context.Background(), "a.rtf", data, Options{}) })
	if err != nil {
		t.Fatal(err)
	}
	if alloc > 200<<20 {
		t.Fatalf("a %d KB RTF allocated %d MB", len(data)>>10, alloc>>20)
	}
}

// Plain UTF-8 text costs one copy: cp1252Bytes (the mojibake check)
// allocated a second copy up front before finding the first Vietnamese
// letter outside Windows-1252.
func TestTextOneCopy(t *testing.T) {
	data := []byte(strings.Repeat("Chi bộ họp định kỳ hằng tháng, bàn về nông thôn mới. ", 100000))
	var err error
	alloc := allocDuring(func() { _, err = Convert(context.Background(), "a.txt", data, Options{}) })
	if err != nil {
		t.Fatal(err)
	}
	if alloc > uint64(len(data))*3/2 {
		t.Fatalf("%d MB of text allocated %d MB", len(data)>>20, alloc>>20)
	}
}

// TestLongLegacyWordLinear: the TCVN3 reading of a long run of one
// ambiguous letter (a fuzzer's 3 KB of 0x96 took 5 s: each rune re-read
// the whole "word") costs work in proportion to the input. Allocation is
// the measure — the quadratic version normalised the whole word once per
// rune — at sizes small enough that a regression fails in seconds.
func TestLongLegacyWordLinear(t *testing.T) {
	alloc := func(n int) uint64 {
		data := bytes.Repeat([]byte{0x96, 0x96, 0x96, 'p', 0xfd}, n/5)
		var m0, m1 runtime.MemStats
		runtime.ReadMemStats(&m0)
		_, err := Convert(context.Background(), "a.txt", data, Options{})
		runtime.ReadMemStats(&m1)
		var ce *Error
		if err != nil && !errors.As(err, &ce) {
			t.Fatalf("%d bytes: %v", n, err)
		}
		return m1.TotalAlloc - m0.TotalAlloc
	}
	small, large := alloc(1000), alloc(4000)
	if large > 8*small || large > 4<<20 {
		t.Errorf("one long legacy word: 1 KB allocated %d KB, 4 KB %d KB (want linear growth)", small>>10, large>>10)
	}
}

// TestTextCap (issue 9): past the text cap a file is refused with
// ErrTooMuchText, whatever its format; plain text well past it is refused
// before it is decoded (a 60 MB one-line text took 400 MB to refuse or
// parse), and text just under it is read.
func TestTextCap(t *testing.T) {
	const capBytes = 1 << 20
	line := "Chi bộ họp định kỳ bàn việc xây dựng nông thôn mới. "
	under := strings.Repeat(line, capBytes/len(line)-1)
	if res, err := Convert(context.Background(), "a.txt", []byte(under), Options{MaxText: capBytes}); err != nil || len(res.Text) < capBytes*9/10 {
		t.Fatalf("text under the cap: %v", err)
	}
	over := []byte(strings.Repeat(line, capBytes/len(line)+100)) // decoded, then refused
	if _, err := Convert(context.Background(), "a.txt", over, Options{MaxText: capBytes}); !errors.Is(err, ErrTooMuchText) {
		t.Errorf("text just over the cap: %v, want ErrTooMuchText", err)
	}
	far := []byte(strings.Repeat(line, 20*capBytes/len(line)))
	var err error
	if alloc := allocDuring(func() { _, err = Convert(context.Background(), "a.md", far, Options{MaxText: capBytes}) }); alloc > capBytes {
		t.Errorf("refusing %d MB of text allocated %d KB: it was decoded", len(far)>>20, alloc>>10)
	}
	var ce *Error
	if !errors.As(err, &ce) || ce.Problem != ProblemTooLarge || !errors.Is(err, ErrTooMuchText) || ce.Detail != "1 MB" {
		t.Errorf("20 MB of text under a 1 MB cap: %v, want too-large (1 MB) wrapping ErrTooMuchText", err)
	}
	paras := docxOf(t, strings.Repeat(`<w:p><w:r><w:t>x</w:t></w:r></w:p>`, 20000))
	if _, err := Convert(context.Background(), "a.docx", paras, Options{MaxText: 1 << 20}); !errors.Is(err, ErrTooMuchText) {
		t.Errorf("20 000 paragraphs under a 1 MB cap: %v, want ErrTooMuchText", err)
	}
	if DefaultMaxText > 16<<20 {
		t.Errorf("DefaultMaxText is %d MB: the memory of a file follows it", DefaultMaxText>>20)
	}
}

// odtOf is an .odt whose body is the ODF text elements in body.
func odtOf(t testing.TB, body string) []byte {
	return convtest.ZipFiles(t, [][2]string{{"mimetype", "application/vnd.oasis.opendocument.text"},
		{"content.xml", `<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"><office:body><office:text>` +
			body + `</office:text></office:body></office:document-content>`}})
}

// tableOf is a .docx or .odt (by name) of one table of rows×cols cells,
// cell (r, c) reading "r<r>c<c>".
func tableOf(t testing.TB, name string, rows, cols int) []byte {
	var b strings.Builder
	odt := strings.HasSuffix(name, ".odt")
	if odt {
		b.WriteString(`<text:p>I. MỞ ĐẦU</text:p><table:table>`)
	} else {
		b.WriteString(`<w:p><w:r><w:t>I. MỞ ĐẦU</w:t></w:r></w:p><w:tbl>`)
	}
	for r := range rows {
		if odt {
			b.WriteString(`<table:table-row>`)
		} else {
			b.WriteString(`<w:tr>`)
		}
		for c := range cols {
			if odt {
				fmt.Fprintf(&b, `<table:table-cell><text:p>r%dc%d</text:p></table:table-cell>`, r, c)
			} else {
				fmt.Fprintf(&b, `<w:tc><w:p><w:r><w:t>r%dc%d</w:t></w:r></w:p></w:tc>`, r, c)
			}
		}
		if odt {
			b.WriteString(`</table:table-row>`)
		} else {
			b.WriteString(`</w:tr>`)
		}
	}
	if odt {
		b.WriteString(`</table:table>`)
		return odtOf(t, b.String())
	}
	b.WriteString(`</w:tbl>`)
	return docxOf(t, b.String())
}

// Table cells count against the text cap like paragraphs: a table of a
// million tiny cells (a 240 KB .docx) was read whole, at 530 MB, and
// imported; a wide row of 1 000 000 cells cost 520 MB before its refusal.
func TestTableCellsCountAgainstTextCap(t *testing.T) {
	for _, name := range []string{"a.docx", "a.odt"} {
		data := tableOf(t, name, 2000, 20) // 40 000 cells, 0.4 MB of text
		var err error
		alloc := allocDuring(func() { _, err = Convert(context.Background(), name, data, Options{MaxText: 1 << 20}) })
		if !errors.Is(err, ErrTooMuchText) {
			t.Errorf("%s: 40 000 cells under a 1 MB cap: %v, want ErrTooMuchText", name, err)
		}
		// Refused on the way, not after reading it all (reading it all
		// allocates some 60 MB).
		if alloc > 40<<20 {
			t.Errorf("%s: refusing 40 000 cells allocated %d MB", name, alloc>>20)
		}
		res, err := Convert(context.Background(), name, tableOf(t, name, 200, 20), Options{MaxText: 1 << 20})
		if err != nil {
			t.Fatalf("%s: 4 000 cells under a 1 MB cap: %v", name, err)
		}
		if !strings.Contains(res.Text, "r199c19") {
			t.Errorf("%s: the last cell is missing", name)
		}
	}
}

// A row keeps at most maxTableCols cells; the text of the cells beyond is
// joined into its last one. A row of 200 000 cells held 55 MB live (a
// block per cell) and the display gets a table it can list.
func TestWideTableRowFolded(t *testing.T) {
	for _, name := range []string{"a.docx", "a.odt"} {
		const cols = 1000
		res, err := Convert(context.Background(), name, tableOf(t, name, 2, cols), Options{})
		if err != nil {
			t.Fatal(name, err)
		}
		var tbl *block.Block
		for i := range res.Blocks {
			if res.Blocks[i].Kind == block.Table {
				tbl = &res.Blocks[i]
			}
		}
		if tbl == nil || len(tbl.Rows) != 2 {
			t.Fatalf("%s: no table of 2 rows", name)
		}
		for r, row := range tbl.Rows {
			if len(row) != maxTableCols {
				t.Fatalf("%s: row %d has %d cells, want %d", name, r, len(row), maxTableCols)
			}
			last := row[len(row)-1].Paras
			var text []string
			for _, p := range last {
				text = append(text, p.Text)
			}
			got := strings.Join(text, " ")
			for _, want := range []string{fmt.Sprintf("r%dc%d", r, maxTableCols-1), fmt.Sprintf("r%dc%d · r%dc%d", r, maxTableCols, r, maxTableCols+1), fmt.Sprintf("r%dc%d", r, cols-1)} {
				if !strings.Contains(got, want) {
					t.Errorf("%s: row %d's last cell lacks %q: %.200q", name, r, want, got)
				}
			}
		}
		// The markdown table has maxTableCols columns and every cell's text.
		for _, l := range strings.Split(res.Text, "\n") {
			if strings.HasPrefix(l, "| ---") && strings.Count(l, "---") != maxTableCols {
				t.Errorf("%s: the markdown table has %d columns, want %d", name, strings.Count(l, "---"), maxTableCols)
			}
		}
		for _, want := range []string{"r0c0", "r0c999", "r1c500 · r1c501", "r1c999"} {
			if !strings.Contains(res.Text, want) {
				t.Errorf("%s: text lacks %q", name, want)
			}
		}
	}
	// Memory: the result of 100 000 cells in one row (each cell a block,
	// it held 28 MB).
	data := tableOf(t, "a.docx", 1, 100000)
	var m0, m1 runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&m0)
	res, err := Convert(context.Background(), "a.docx", data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&m1)
	held := int64(m1.HeapAlloc) - int64(m0.HeapAlloc)
	if !strings.Contains(res.Text, "r0c99999") {
		t.Fatal("the last cell is missing")
	}
	runtime.KeepAlive(res)
	if held > 10<<20 {
		t.Errorf("a row of 100 000 cells holds %d MB", held>>20)
	}
}

// An HTML page's blocks count against the text cap as they are made: a
// page of a million table cells (each its own paragraph) cost 580 MB and
// was refused only on its text, and one of 40 000 was imported whatever
// the blocks cost.
func TestHTMLBlocksCountAgainstTextCap(t *testing.T) {
	page := func(rows int) []byte {
		var b strings.Builder
		b.WriteString("<html><body><h1>I. MỞ ĐẦU</h1><table>")
		for r := range rows {
			b.WriteString("<tr>")
			for c := range 20 {
				if r == rows-1 && c == 19 {
					b.WriteString("<td>cuối</td>")
				} else {
					b.WriteString("<td>x</td>")
				}
			}
			b.WriteString("</tr>")
		}
		b.WriteString("</table></body></html>")
		return []byte(b.String())
	}
	data := page(2000) // 40 000 cells, 0.1 MB of text
	var err error
	alloc := allocDuring(func() { _, err = Convert(context.Background(), "a.html", data, Options{MaxText: 1 << 20}) })
	if !errors.Is(err, ErrTooMuchText) {
		t.Errorf("40 000 cells under a 1 MB cap: %v, want ErrTooMuchText", err)
	}
	if alloc > 40<<20 {
		t.Errorf("refusing 40 000 cells allocated %d MB", alloc>>20)
	}
	res, err := Convert(context.Background(), "a.html", page(200), Options{MaxText: 1 << 20})
	if err != nil || !strings.Contains(res.Text, "cuối") {
		t.Fatalf("4 000 cells under a 1 MB cap: %v", err)
	}
}

// RTF (and .doc, through the same paragraph builder) table cells and
// paragraphs count against the text cap with what their blocks cost: a
// 6.8 MB RTF of 400 000 one-letter cells was read whole, at 188 MB.
func TestRTFCellsCountAgainstTextCap(t *testing.T) {
	page := func(rows int) []byte {
		var b strings.Builder
		b.WriteString(`{\rtf1\ansi I. MO DAU\par `)
		for range rows {
			b.WriteString(`\trowd`)
			for c := range 20 {
				fmt.Fprintf(&b, `\cellx%d`, 100*(c+1))
			}
			b.WriteString(strings.Repeat(`\intbl x\cell `, 20) + `\row `)
		}
		return []byte(b.String() + `\pard cuoi\par}`)
	}
	var err error
	alloc := allocDuring(func() { _, err = Convert(context.Background(), "a.rtf", page(2000), Options{MaxText: 1 << 20}) })
	if !errors.Is(err, ErrTooMuchText) {
		t.Errorf("40 000 cells under a 1 MB cap: %v, want ErrTooMuchText", err)
	}
	if alloc > 40<<20 {
		t.Errorf("refusing 40 000 cells allocated %d MB", alloc>>20)
	}
	res, err := Convert(context.Background(), "a.rtf", page(200), Options{MaxText: 1 << 20})
	if err != nil || !strings.Contains(res.Text, "cuoi") {
		t.Fatalf("4 000 cells under a 1 MB cap: %v", err)
	}
}
