package main

// The reliability cases (../shared/cases/reliability/rel-NN-*) as tests of
// the real program: each runs the built chibo as a person would, under a
// deadline, and checks the outcome, the message and the peak memory
// (the child's VmHWM). Inputs come from the case folders
// when ../shared is beside the repository; the large ones, and a stand-in
// for each class, are generated here, so the classes are tested without it.
//
// Linux only: peak RSS comes from /proc, FIFOs from mkfifo.

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"chibo/content"
	"chibo/content/importer/convtest"
)

var (
	relBinOnce sync.Once
	relBin     string
	relBinErr  error
	relPDFium  string // PDFium's compiled-code cache, warmed once
)

// relChibo builds the program once for all reliability tests.
func relChibo(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("the reliability cases run the built program; the -short (race) pass skips them")
	}
	relBinOnce.Do(func() {
		dir, err := os.MkdirTemp("", "chibo-rel-bin-")
		if err != nil {
			relBinErr = err
			return
		}
		relBin = filepath.Join(dir, "chibo")
		if out, err := exec.Command("go", "build", "-o", relBin, ".").CombinedOutput(); err != nil {
			relBinErr = fmt.Errorf("go build: %v\n%s", err, out)
			return
		}
		// The first PDF on a machine compiles PDFium (seconds, ~300 MB,
		// once: the code is cached). Warm the cache, so that what is
		// measured below is the reading of each file.
		relPDFium = filepath.Join(dir, "pdfium-cache")
		pdf := filepath.Join(dir, "warm.pdf")
		if err := os.WriteFile(pdf, convtest.MakePDF(t, "Chi bộ họp định kỳ.", 80, 40), 0o644); err != nil {
			relBinErr = err
			return
		}
		warm := exec.Command(relBin, "--data", filepath.Join(dir, "warm"), "outline", pdf)
		warm.Env = append(os.Environ(), "CHIBO_PDFIUM_CACHE="+relPDFium)
		if out, err := warm.CombinedOutput(); err != nil {
			relBinErr = fmt.Errorf("warming PDFium: %v\n%s", err, out)
		}
	})
	if relBinErr != nil {
		t.Fatal(relBinErr)
	}
	return relBin
}

// relResult is one run of chibo.
type relResult struct {
	out    string        // stdout and stderr
	code   int           // exit status; -1 when killed at the deadline
	rssMB  float64       // peak resident set size
	wall   time.Duration // elapsed
	killed bool
}

// relRun runs chibo with args on the data directory data, in Vietnamese,
// without colour, killing it after limit.
func relRun(t *testing.T, data string, limit time.Duration, env []string, args ...string) relResult {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	cmd := exec.CommandContext(ctx, relChibo(t), append([]string{"--data", data}, args...)...)
	home := filepath.Join(filepath.Dir(data), "home")
	cmd.Env = append(os.Environ(), "NO_COLOR=1", "TERM=dumb", "LC_ALL=vi_VN.UTF-8", "LANG=vi_VN.UTF-8", "CHIBO_DATA=",
		"HOME="+home, "XDG_CACHE_HOME="+filepath.Join(home, "cache"), "XDG_CONFIG_HOME="+filepath.Join(home, "config"),
		"CHIBO_PDFIUM_CACHE="+relPDFium)
	cmd.Env = append(cmd.Env, env...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	if err := cmd.Start(); err != nil {
		t.Fatalf("chibo %v: %v", args, err)
	}
	// Peak RSS is the child's VmHWM, sampled until it exits. (getrusage
	// cannot be used: Go starts children with vfork, and Linux carries
	// the parent's high-water mark across the exec into ru_maxrss.)
	done := make(chan struct{})
	peak := make(chan int64)
	go func() {
		var hwm int64
		status := fmt.Sprintf("/proc/%d/status", cmd.Process.Pid)
		for {
			if kb := vmHWM(status); kb > hwm {
				hwm = kb
			}
			select {
			case <-done:
				peak <- hwm
				return
			case <-time.After(5 * time.Millisecond):
			}
		}
	}()
	err := cmd.Wait()
	close(done)
	r := relResult{out: out.String(), wall: time.Since(start), rssMB: float64(<-peak) / 1024}
	if ctx.Err() != nil {
		r.killed, r.code = true, -1
	} else if ee, ok := err.(*exec.ExitError); ok {
		r.code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("chibo %v: %v", args, err)
	}
	t.Logf("chibo %s: exit %d, %.1f s, %.0f MB", short(strings.Join(args, " "), 80), r.code, r.wall.Seconds(), r.rssMB)
	return r
}

// vmHWM reads the peak resident set size, in kilobytes, from a
// /proc/PID/status file; 0 once the process is gone.
func vmHWM(status string) int64 {
	data, err := os.ReadFile(status)
	if err != nil {
		return 0
	}
	_, rest, ok := strings.Cut(string(data), "VmHWM:")
	if !ok {
		return 0
	}
	var kb int64
	fmt.Sscan(rest, &kb)
	return kb
}

// relShared is a case folder of ../shared, or "" when absent.
func relShared(name string) string {
	matches, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "cases", "reliability", name+"-*"))
	if len(matches) == 1 {
		return matches[0]
	}
	return ""
}

// relData is a fresh data directory.
func relData(t *testing.T) string { return filepath.Join(t.TempDir(), "data") }

func writeFile(t *testing.T, path string, data []byte) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

const relGoodText = "I. MỞ ĐẦU\n\nTài liệu %s chi bộ họp định kỳ về xây dựng nông thôn mới.\n"

// relGood writes a good text file whose unique word is tag.
func relGood(t *testing.T, dir, name, tag string) string {
	return writeFile(t, filepath.Join(dir, name), fmt.Appendf(nil, relGoodText, tag))
}

// zipBomb is a .docx whose document part expands to n bytes.
func zipBomb(t *testing.T, n int64) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(w, flate.BestSpeed)
	})
	ct, _ := zw.Create("[Content_Types].xml")
	io.WriteString(ct, `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`)
	w, _ := zw.Create("word/document.xml")
	io.WriteString(w, `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>`)
	chunk := bytes.Repeat([]byte("nông thôn "), 1<<16)
	for written := int64(0); written < n; written += int64(len(chunk)) {
		w.Write(chunk)
	}
	io.WriteString(w, `</w:t></w:r></w:p></w:body></w:document>`)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// terminalControl matches what a terminal acts on: ESC, BEL, other C0
// controls but newline and tab, DEL, C1 controls (U+0080–U+009F).
var terminalControl = regexp.MustCompile("[\x00-\x08\x0b-\x1f\x7f\u0080-\u009f]")

func assertNoControl(t *testing.T, what, out string) {
	t.Helper()
	if loc := terminalControl.FindStringIndex(out); loc != nil {
		from := max(loc[0]-40, 0)
		t.Errorf("%s: a control character reaches the output: %q", what, out[from:min(loc[1]+40, len(out))])
	}
}

// TestRelPDFDamaged — rel-01, rel-03, rel-19, rel-21: damaged PDFs (huge
// xref sizes, page-tree cycles, /Prev loops, negative counts, bytes after
// %%EOF) end quickly in bounded memory with a per-file message, and the
// good files of the same import land.
func TestRelPDFDamaged(t *testing.T) {
	var pdfs []string
	for _, c := range []string{"rel-01", "rel-03", "rel-19", "rel-21"} {
		dir := relShared(c)
		if dir == "" {
			continue
		}
		m, _ := filepath.Glob(filepath.Join(dir, "*.pdf"))
		pdfs = append(pdfs, m...)
	}
	if len(pdfs) == 0 {
		t.Skip("../shared/cases/reliability is not present")
	}
	src := t.TempDir()
	relGood(t, src, "a-good.txt", "alphagood")
	relGood(t, src, "z-good.txt", "omegagood")
	for _, p := range pdfs {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, filepath.Join(src, "m-"+filepath.Base(filepath.Dir(p))[:6]+"-"+filepath.Base(p)), data)
	}
	data := relData(t)
	r := relRun(t, data, 3*time.Minute, nil, "import", src)
	if r.killed {
		t.Fatalf("the import did not end:\n%s", r.out)
	}
	if r.rssMB > 300 {
		t.Errorf("peak RSS %.0f MB importing %d damaged PDFs, want under 300 MB", r.rssMB, len(pdfs))
	}
	for _, f := range pdfs {
		base := filepath.Base(f)
		if !strings.Contains(r.out, base) {
			t.Errorf("%s is not reported:\n%s", base, r.out)
		}
	}
	if strings.Contains(r.out, "panic") || strings.Contains(r.out, "goroutine ") {
		t.Fatalf("a crash:\n%s", r.out)
	}
	for _, q := range []string{"alphagood", "omegagood"} {
		if s := relRun(t, data, time.Minute, nil, "search", q); !strings.Contains(s.out, "good") {
			t.Errorf("the good file with %q did not land:\n%s", q, s.out)
		}
	}
	// The readable PDF with junk after %%EOF (rel-21) is imported, not refused.
	if dir := relShared("rel-21"); dir != "" {
		for _, name := range []string{"trailing-junk.pdf", "trailing-nuls.pdf"} {
			d := relData(t)
			if r := relRun(t, d, time.Minute, nil, "import", filepath.Join(dir, name)); r.code != 0 || !strings.Contains(r.out, "đã thêm") {
				t.Errorf("%s: exit %d, want it imported:\n%s", name, r.code, r.out)
			}
		}
	}
}

// TestRelFlatPageTree — rel-04: a flat page tree of 4 000 pages is read
// in linear time (was 27 s, quadratic).
func TestRelFlatPageTree(t *testing.T) {
	var text strings.Builder
	for i := range 4000 {
		fmt.Fprintf(&text, "Trang %d chi bo hop dinh ky nong thon moi.\n", i)
	}
	pdf := writeFile(t, filepath.Join(t.TempDir(), "pages-4000.pdf"), convtest.MakePDF(t, text.String(), 80, 1))
	r := relRun(t, relData(t), 2*time.Minute, nil, "outline", pdf)
	if r.code != 0 || r.wall > 60*time.Second {
		t.Fatalf("outline of 4 000 pages: exit %d in %v:\n%s", r.code, r.wall, short(r.out, 400))
	}
}

// TestRelZipBombs — rel-08: zip bombs are refused in bounded memory, and a
// folder of them costs no more with eight workers than with two.
func TestRelZipBombs(t *testing.T) {
	bomb := zipBomb(t, 400<<20)
	dir := t.TempDir()
	for i := range 8 {
		writeFile(t, filepath.Join(dir, fmt.Sprintf("bomb%d.docx", i)), append(bytes.Clone(bomb), fmt.Appendf(nil, "%d", i)...))
	}
	relGood(t, dir, "good.txt", "bombneighbour")
	one := relRun(t, relData(t), 2*time.Minute, nil, "import", filepath.Join(dir, "bomb0.docx"))
	if one.code != 1 || !strings.Contains(one.out, "bomb0.docx") {
		t.Errorf("one bomb: exit %d, want a per-file refusal:\n%s", one.code, one.out)
	}
	if one.rssMB > 150 {
		t.Errorf("one bomb: peak RSS %.0f MB, want under 150 MB", one.rssMB)
	}
	data := relData(t)
	all := relRun(t, data, 3*time.Minute, []string{"GOMAXPROCS=8"}, "import", dir)
	if all.killed || all.rssMB > 300 {
		t.Errorf("eight bombs, GOMAXPROCS=8: peak RSS %.0f MB (killed %v), want under 300 MB", all.rssMB, all.killed)
	}
	if n := strings.Count(all.out, "lỗi "); n < 8 {
		t.Errorf("eight bombs: %d refusals reported:\n%s", n, all.out)
	}
	if s := relRun(t, data, time.Minute, nil, "search", "bombneighbour"); !strings.Contains(s.out, "good") {
		t.Errorf("the good file next to the bombs did not land:\n%s", s.out)
	}
}

// TestRelLinearOffice — rel-05: docx and odt conversion is linear in the
// paragraphs (400 000 paragraphs took 56 s), so a file of too many is
// refused at the text cap in seconds and small memory.
func TestRelLinearOffice(t *testing.T) {
	var doc strings.Builder
	doc.WriteString(`<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`)
	for i := range 200000 {
		fmt.Fprintf(&doc, `<w:p><w:r><w:t>Đoạn %d nông thôn mới.</w:t></w:r></w:p>`, i)
	}
	doc.WriteString(`</w:body></w:document>`)
	docx := convtest.ZipFiles(t, [][2]string{
		{"[Content_Types].xml", `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`},
		{"word/document.xml", doc.String()},
	})
	path := writeFile(t, filepath.Join(t.TempDir(), "p200k.docx"), docx)
	r := relRun(t, relData(t), 2*time.Minute, nil, "outline", path)
	if r.killed || r.wall > 30*time.Second {
		t.Fatalf("outline of 200 000 paragraphs: exit %d in %v", r.code, r.wall)
	}
	if r.code != 1 || !strings.Contains(r.out, "quá nhiều chữ") || r.rssMB > 150 {
		t.Errorf("outline of 200 000 paragraphs: exit %d, %.0f MB; want the text cap named, under 150 MB:\n%s", r.code, r.rssMB, short(r.out, 300))
	}
}

// TestRelRenderBounded — rel-06, rel-07, rel-19 (--width): deep nesting,
// very wide tables and absurd widths are shown in bounded time and memory.
func TestRelRenderBounded(t *testing.T) {
	dir := t.TempDir()
	deep := writeFile(t, filepath.Join(dir, "q2000.md"), []byte("# I. MỞ ĐẦU\n\n"+strings.Repeat(">", 2000)+" sâu\n"))
	lists := writeFile(t, filepath.Join(dir, "l1000.md"), []byte("# I. MỞ ĐẦU\n\n"+strings.Repeat("- ", 1000)+"sâu\n"))
	var row, sep strings.Builder
	for i := range 20000 {
		fmt.Fprintf(&row, "| c%d ", i)
		sep.WriteString("|---")
	}
	wide := writeFile(t, filepath.Join(dir, "wide.md"), []byte("# I. BẢNG\n\n"+row.String()+"|\n"+sep.String()+"|\n"+row.String()+"|\n"))
	for _, f := range []string{deep, lists, wide} {
		r := relRun(t, relData(t), time.Minute, nil, "show", "--width", "80", f)
		if r.code != 0 || r.wall > 20*time.Second || r.rssMB > 300 {
			t.Errorf("show %s: exit %d, %v, %.0f MB; want 0 within 20 s and 300 MB:\n%s", filepath.Base(f), r.code, r.wall, r.rssMB, short(r.out, 300))
		}
	}
	good := relGood(t, dir, "good.txt", "widthcheck")
	r := relRun(t, relData(t), 30*time.Second, nil, "show", "--width", "99999999999", good)
	if r.code != 2 || r.rssMB > 300 {
		t.Errorf("show --width 99999999999: exit %d, %.0f MB; want a usage error (exit 2):\n%s", r.code, r.rssMB, short(r.out, 300))
	}
}

// TestRelSameName — rel-11, rel-12: two imports at once of files with one
// name both land; a later file with the same name and other content does
// not replace the earlier document.
func TestRelSameName(t *testing.T) {
	dir := t.TempDir()
	x := relGood(t, filepath.Join(dir, "X"), "bao-cao.txt", "xuanhoa")
	y := relGood(t, filepath.Join(dir, "Y"), "bao-cao.txt", "yenbinh")
	for round := range 3 {
		data := relData(t)
		relRun(t, data, time.Minute, nil, "list")
		var wg sync.WaitGroup
		for _, f := range []string{x, y} {
			wg.Add(1)
			go func() { defer wg.Done(); relRun(t, data, 2*time.Minute, nil, "import", f) }()
		}
		wg.Wait()
		for _, q := range []string{"xuanhoa", "yenbinh"} {
			if s := relRun(t, data, time.Minute, nil, "search", q); !strings.Contains(s.out, "bao-cao") {
				t.Errorf("round %d: after two concurrent imports %q is not found:\n%s", round, q, s.out)
			}
		}
	}
	data := relData(t)
	relRun(t, data, time.Minute, nil, "import", x)
	r := relRun(t, data, time.Minute, nil, "import", y)
	if strings.Contains(r.out, "đã cập nhật") {
		t.Errorf("a later file with the same name replaced the earlier one:\n%s", r.out)
	}
	for _, q := range []string{"xuanhoa", "yenbinh"} {
		if s := relRun(t, data, time.Minute, nil, "search", q); !strings.Contains(s.out, "bao-cao") {
			t.Errorf("after importing a month apart, %q is not found:\n%s", q, s.out)
		}
	}
}

// TestRelPlanConcurrentNotes — rel-10: notes appended by two processes at
// once are all kept.
func TestRelPlanConcurrentNotes(t *testing.T) {
	data := relData(t)
	const month = "2026-05"
	if r := relRun(t, data, time.Minute, nil, "plan", "show", month); r.code != 0 {
		t.Fatalf("plan show: exit %d\n%s", r.code, r.out)
	}
	for round := 1; round <= 10; round++ {
		var wg sync.WaitGroup
		for _, who := range []string{"A", "B"} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				relRun(t, data, time.Minute, nil, "plan", "note", "--item", "1", "--append", fmt.Sprintf("ghi-%s%d", who, round), month)
			}()
		}
		wg.Wait()
	}
	r := relRun(t, data, time.Minute, nil, "plan", "show", "--json", month)
	var lost []string
	for round := 1; round <= 10; round++ {
		for _, who := range []string{"A", "B"} {
			if w := fmt.Sprintf("ghi-%s%d", who, round); !strings.Contains(r.out, w) {
				lost = append(lost, w)
			}
		}
	}
	if len(lost) > 0 {
		t.Errorf("20 notes saved, %d lost: %v", len(lost), lost)
	}
}

// TestRelTerminalSafety — rel-13: control sequences in a document and in
// file names never reach the output of import, show, outline, search or
// list.
func TestRelTerminalSafety(t *testing.T) {
	dir := t.TempDir()
	body := "I. MỞ ĐẦU \x1b[5mNHẤP NHÁY\x1b[0m\n\nXóa màn hình \x1b[2J\x1b[H và clipboard \x1b]52;c;ZWNobyBwd25lZA==\x07 và liên kết \x1b]8;;http://evil.example/\x1b\\bấm vào đây\x1b]8;;\x1b\\ nhé.\n\n" + strings.Repeat("Chi bộ thảo luận về xây dựng nông thôn mới và phát triển kinh tế. ", 40) + "\n\nChuông \x07\x07 và tiêu đề \x1b]0;PWNED-TITLE\x07 và màu \x1b[31mđỏ\x1b[0m và \u009b31m CSI 8-bit, vạch ngang.\n"
	writeFile(t, filepath.Join(dir, "escapes.txt"), []byte(body))
	writeFile(t, filepath.Join(dir, "escapes.html"), []byte("<html><body><h1>I. MỞ ĐẦU</h1><p>Thực thể &#27;[2J và &#x1b;]0;ENTITY-TITLE&#7; vạch ngang.</p></body></html>"))
	for i, name := range []string{"tên \x1b[2J\x1b]0;PWNED-TITLE\x07\x1b[31mđỏ.txt", "x\x1b]52;c;ZWNobyBoaQ==\x07.txt", "tên\rghi đè.txt", "tên\ncó xuống dòng.txt", "chuông\x07\x07.txt"} {
		relGood(t, dir, name, fmt.Sprintf("tenla%c", 'a'+i))
	}
	data := relData(t)
	r := relRun(t, data, 2*time.Minute, nil, "import", dir)
	if r.code != 0 {
		t.Fatalf("import: exit %d\n%s", r.code, r.out)
	}
	assertNoControl(t, "import", r.out)
	if !strings.Contains(r.out, "đã thêm") {
		t.Fatalf("nothing imported:\n%s", r.out)
	}
	for _, args := range [][]string{
		{"show", "escapes"}, {"show", "--plain", "escapes"}, {"show", "--markdown", "escapes"},
		{"show", "escapes-1"}, {"outline", "escapes"},
		{"search", "vạch ngang"}, {"search", "chuông"}, {"search", "ghi"}, {"list"},
		{"show", filepath.Join(dir, "escapes.html")}, {"outline", filepath.Join(dir, "escapes.txt")},
	} {
		r := relRun(t, data, time.Minute, nil, args...)
		assertNoControl(t, strings.Join(args, " "), r.out)
		if strings.Contains(r.out, "PWNED") || strings.Contains(r.out, "ENTITY-TITLE") || strings.Contains(r.out, "evil.example") {
			t.Errorf("%s: the payload of a sequence is shown as text:\n%s", args, short(r.out, 600))
		}
	}
	if s := relRun(t, data, time.Minute, nil, "search", "chuông"); !strings.Contains(s.out, "Chuông") && !strings.Contains(s.out, "chuông") {
		t.Errorf("the text around the sequences is lost:\n%s", s.out)
	}
}

// TestRelNamesAndTypes — rel-14, rel-15, rel-16, rel-19 (links), rel-20:
// long names import; a FIFO is refused without blocking and the file
// after it lands; a UTF-8 text with a stray byte imports with a warning;
// broken and looping links are called broken; stale temporary copies are
// cleaned.
func TestRelNamesAndTypes(t *testing.T) {
	dir := t.TempDir()
	relGood(t, dir, strings.Repeat("a", 240)+".txt", "longaaaa")
	relGood(t, dir, strings.Repeat("nghiquyetthuchien-", 13)+"nghiquyetthuchien.txt", "longnghi")
	data := relData(t)
	r := relRun(t, data, time.Minute, nil, "import", dir)
	if r.code != 0 || strings.Count(r.out, "đã thêm") != 2 {
		t.Errorf("long names: exit %d, want both imported:\n%s", r.code, r.out)
	}
	for _, q := range []string{"longaaaa", "longnghi"} {
		if s := relRun(t, data, time.Minute, nil, "search", q); s.code != 0 || !strings.Contains(s.out, "1 kết quả") {
			t.Errorf("search %s after importing a long name:\n%s", q, s.out)
		}
	}

	fifoDir := t.TempDir()
	fifo := filepath.Join(fifoDir, "f.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	good := relGood(t, fifoDir, "good.txt", "fifoneighbour")
	data = relData(t)
	r = relRun(t, data, 30*time.Second, nil, "import", fifo, good)
	if r.killed || r.code != 1 || !strings.Contains(r.out, "f.txt") {
		t.Errorf("import FIFO good.txt: exit %d (killed %v), want the FIFO refused:\n%s", r.code, r.killed, r.out)
	}
	if s := relRun(t, data, time.Minute, nil, "search", "fifoneighbour"); !strings.Contains(s.out, "good") {
		t.Errorf("the file after the FIFO did not land:\n%s", s.out)
	}
	if r := relRun(t, relData(t), 30*time.Second, nil, "show", fifo); r.killed || r.code == 0 {
		t.Errorf("show FIFO: exit %d (killed %v), want a refusal", r.code, r.killed)
	}

	text := []byte(strings.Repeat("Chi bộ họp định kỳ về xây dựng nông thôn mới, strayword. ", 200))
	text = append(append(append([]byte("I. MỞ ĐẦU\n\n"), text[:5000]...), 0xff), text[5000:]...)
	stray := writeFile(t, filepath.Join(t.TempDir(), "mostly-utf8.txt"), text)
	for _, args := range [][]string{{"import", stray}, {"import", "--encoding", "utf-8", stray}} {
		data := relData(t)
		r := relRun(t, data, time.Minute, nil, args...)
		if r.code != 0 || !strings.Contains(r.out, "đã thêm") || !strings.Contains(r.out, "�") {
			t.Errorf("%v: exit %d, want it imported with a warning naming �:\n%s", args, r.code, r.out)
		}
	}

	links := t.TempDir()
	relGood(t, links, "good.txt", "linkneighbour")
	os.Symlink("nonexistent.txt", filepath.Join(links, "dangling.txt"))
	os.Symlink("loop2.txt", filepath.Join(links, "loop1.txt"))
	os.Symlink("loop1.txt", filepath.Join(links, "loop2.txt"))
	r = relRun(t, relData(t), time.Minute, nil, "import", links)
	if strings.Contains(r.out, "ra ngoài thư mục") || !strings.Contains(r.out, "dangling.txt") || !strings.Contains(r.out, "loop1.txt") {
		t.Errorf("broken links reported as pointing outside the folder, or not reported:\n%s", r.out)
	}

	// A partial copy left by a kill -9 (rel-20) is removed by the next import.
	data = relData(t)
	relRun(t, data, time.Minute, nil, "import", good)
	stale := writeFile(t, filepath.Join(data, "library", ".bao-cao.txt.tmp-123456789"), []byte("partial"))
	old := time.Now().Add(-time.Hour)
	os.Chtimes(stale, old, old)
	relRun(t, data, time.Minute, nil, "import", relGood(t, t.TempDir(), "other.txt", "later"))
	if _, err := os.Stat(stale); err == nil {
		t.Errorf("the stale temporary copy %s is still there after an import", stale)
	}
}

// TestRelMessages — rel-19: an invalid year filter is an error, not a text
// search for "năm".
func TestRelMessages(t *testing.T) {
	data := relData(t)
	for _, q := range []string{"nam:abc", "nam:99999999999999999999"} {
		r := relRun(t, data, 2*time.Minute, nil, "search", q)
		if r.code != 2 || strings.Contains(r.out, "kết quả") {
			t.Errorf("search %s: exit %d, want a usage error naming the year:\n%s", q, r.code, short(r.out, 300))
		}
	}
}

// TestRelMarkdownPack — rel-18: the markdown pack escapes raw HTML and
// drops javascript: links from document text and form fields.
func TestRelMarkdownPack(t *testing.T) {
	dir := t.TempDir()
	md := writeFile(t, filepath.Join(dir, "inject.md"), []byte("# I. MỞ ĐẦU\n\nĐoạn có <script>alert(1)</script> và <img src=x onerror=\"alert(2)\"> và [bấm vào](javascript:alert(4)) nông thôn.\n"))
	data := relData(t)
	if r := relRun(t, data, time.Minute, nil, "import", md); r.code != 0 {
		t.Fatalf("import: %s", r.out)
	}
	const month = "2026-01"
	for _, args := range [][]string{
		{"plan", "add", "inject#i", month},
		{"plan", "note", "--item", "1", `<script>alert("note")</script> [x](javascript:alert(1))`, month},
		{"plan", "set", "--place", `<script>alert("place")</script>`, "--cell", `<img src=x onerror=alert("cell")>`, month},
	} {
		if r := relRun(t, data, time.Minute, nil, args...); r.code != 0 {
			t.Fatalf("%v: exit %d\n%s", args, r.code, r.out)
		}
	}
	out := filepath.Join(dir, "pack.md")
	if r := relRun(t, data, time.Minute, nil, "plan", "export", "--format", "md", "--out", out, month); r.code != 0 {
		t.Fatalf("export: %s", r.out)
	}
	pack, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	// A tag escaped for markdown (\<script>) is text; a bare one is HTML.
	if m := regexp.MustCompile(`(?i)(^|[^\\])<(script|img)|javascript:`).FindString(string(pack)); m != "" {
		t.Errorf("the markdown pack carries %q:\n%s", m, pack)
	}
	if !strings.Contains(string(pack), "alert") {
		t.Errorf("the text of the excerpt and fields was dropped instead of escaped:\n%s", pack)
	}
}

// TestMain removes the program built for the reliability tests.
func TestMain(m *testing.M) {
	code := m.Run()
	if relBin != "" {
		os.RemoveAll(filepath.Dir(relBin))
	}
	os.Exit(code)
}

// TestRelReadOnly — rel-17: a library in a folder chibo may not write is
// searched (from the index it has, with a note), and writing to it is
// refused in words naming the folder, not with a raw "permission denied".
func TestRelReadOnly(t *testing.T) {
	bin := relChibo(t)
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	relRun(t, data, time.Minute, nil, "import", relGood(t, dir, "a.txt", "roword"))
	relRun(t, data, time.Minute, nil, "search", "roword")
	// A document the index has not seen yet, as another user's import
	// would leave it.
	relGood(t, filepath.Join(data, "library"), "b.txt", "later")
	var prefix []string
	if os.Geteuid() == 0 {
		// root writes anywhere: run as nobody, and check that it cannot.
		if _, err := exec.LookPath("su"); err != nil {
			t.Skip("running as root without su: cannot drop privileges")
		}
		prefix = []string{"su", "nobody", "-s", "/bin/sh", "-c"}
		for _, p := range []string{filepath.Dir(bin), dir, filepath.Dir(dir)} {
			if err := os.Chmod(p, 0o755); err != nil {
				t.Fatal(err)
			}
		}
		for p := filepath.Dir(dir); p != "/"; p = filepath.Dir(p) {
			if st, err := os.Stat(p); err == nil && st.Mode().Perm()&0o001 == 0 {
				t.Skipf("%s is not searchable by nobody", p)
			}
		}
	}
	filepath.Walk(data, func(p string, fi os.FileInfo, err error) error {
		if err == nil {
			mode := os.FileMode(0o444)
			if fi.IsDir() {
				mode = 0o555
			}
			os.Chmod(p, mode)
		}
		return nil
	})
	t.Cleanup(func() {
		filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
			if err == nil {
				os.Chmod(p, fi.Mode().Perm()|0o700)
			}
			return nil
		})
	})
	run := func(args ...string) (string, int) {
		home := filepath.Join(dir, "home")
		all := append([]string{bin, "--data", data}, args...)
		var cmd *exec.Cmd
		if prefix != nil {
			cmd = exec.Command(prefix[0], append(prefix[1:], "HOME="+home+" XDG_CACHE_HOME="+home+" NO_COLOR=1 LC_ALL=vi_VN.UTF-8 CHIBO_DATA= "+shellQuote(all))...)
		} else {
			cmd = exec.Command(all[0], all[1:]...)
			cmd.Env = append(os.Environ(), "HOME="+home, "XDG_CACHE_HOME="+home, "NO_COLOR=1", "LC_ALL=vi_VN.UTF-8", "CHIBO_DATA=")
		}
		out, err := cmd.CombinedOutput()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		}
		return string(out), code
	}
	if out, code := run("import", relGood(t, t.TempDir(), "c.txt", "written")); code == 0 {
		t.Fatalf("the data folder is writable after all (import succeeded): the test tests nothing\n%s", out)
	} else if strings.Contains(out, "permission denied") || !strings.Contains(out, "thư viện") {
		t.Errorf("import into a read-only library: the message is not in words:\n%s", out)
	}
	out, code := run("search", "roword")
	if code != 0 || !strings.Contains(out, "1 kết quả") || !strings.Contains(out, "chỉ đọc") {
		t.Errorf("search in a read-only library: exit %d, want the old index's hit and a read-only note:\n%s", code, out)
	}
}

// shellQuote joins args for sh -c.
func shellQuote(args []string) string {
	q := make([]string, len(args))
	for i, a := range args {
		q[i] = "'" + strings.ReplaceAll(a, "'", `'\''`) + "'"
	}
	return strings.Join(q, " ")
}

// TestRelBigOneLine — issue 9: a one-paragraph text (real sentences, no
// newline) past the 8 MB text cap is refused at once, in bounded memory,
// with the message naming the cause; one under the cap is imported,
// searched to its last word and shown. Before, at 60 MB: import 412 MB
// (621 MB into a library with an index), show 291 MB, show PATH 514 MB;
// after: refused in about a second under 100 MB.
func TestRelBigOneLine(t *testing.T) {
	seeds, err := content.SeedFiles()
	if err != nil {
		t.Fatal(err)
	}
	var para []byte
	for _, b := range seeds {
		para = append(para, strings.Join(strings.Fields(string(b)), " ")...)
		para = append(para, ' ')
	}
	dir := t.TempDir()
	// A word only at the end: found, the index holds the last part of
	// the document too.
	under := append(bytes.Repeat(para, 5<<20/len(para)), "Chi bộ kết thúc với tukhoacuoicung."...)
	small := writeFile(t, filepath.Join(dir, "mot-doan.txt"), under)
	big := writeFile(t, filepath.Join(dir, "rat-dai.txt"), bytes.Repeat(para, 30<<20/len(para)+1))
	data := relData(t)
	for _, args := range [][]string{{"import", big}, {"show", big}} {
		r := relRun(t, data, time.Minute, nil, args...)
		if r.code == 0 || !strings.Contains(r.out, "quá nhiều chữ") || !strings.Contains(r.out, "8 MB") {
			t.Errorf("%s of 30 MB of text: exit %d, want the text cap named:\n%s", args[0], r.code, short(r.out, 500))
		}
		if r.rssMB > 150 || r.wall > 20*time.Second {
			t.Errorf("%s of 30 MB of text: %.0f MB, %v; want it refused under 150 MB", args[0], r.rssMB, r.wall)
		}
	}
	imp := relRun(t, data, 5*time.Minute, nil, "import", small)
	if imp.code != 0 || !strings.Contains(imp.out, "mot-doan") {
		t.Fatalf("import of 5 MB on one line: exit %d\n%s", imp.code, short(imp.out, 500))
	}
	if imp.rssMB > 300 {
		t.Errorf("import of 5 MB on one line: peak RSS %.0f MB, want under 300 MB", imp.rssMB)
	}
	if s := relRun(t, data, time.Minute, nil, "search", "tukhoacuoicung"); !strings.Contains(s.out, "mot-doan") {
		t.Errorf("the end of the document is not in the index:\n%s", short(s.out, 300))
	}
	show := relRun(t, data, 5*time.Minute, nil, "show", "--width", "80", "mot-doan")
	if show.code != 0 || len(show.out) < 4<<20 {
		t.Fatalf("show: exit %d, %d bytes of output", show.code, len(show.out))
	}
	if show.rssMB > 150 {
		t.Errorf("show of 5 MB on one line: peak RSS %.0f MB, want under 150 MB", show.rssMB)
	}
}

// TestRelHostileFolderMemory — issue 9: one folder of hostile files (damaged
// and looping PDFs of the cases when ../shared is here, zip bombs, a
// 30 MB one-line text, a 400 000-paragraph .docx and .odt, a 1000-deep
// quote, a wide table) among good files, imported with eight workers:
// every good file lands, every bad one is reported, nothing hangs, and
// the peak memory stays well under the 300 MB for the folder.
func TestRelHostileFolderMemory(t *testing.T) {
	src := t.TempDir()
	for _, c := range []string{"rel-01", "rel-03", "rel-19", "rel-21"} {
		if dir := relShared(c); dir != "" {
			m, _ := filepath.Glob(filepath.Join(dir, "*.pdf"))
			for _, p := range m {
				b, err := os.ReadFile(p)
				if err != nil {
					t.Fatal(err)
				}
				writeFile(t, filepath.Join(src, c+"-"+filepath.Base(p)), b)
			}
		}
	}
	bomb := zipBomb(t, 400<<20)
	for i := range 3 {
		writeFile(t, filepath.Join(src, fmt.Sprintf("bom-%d.docx", i)), append(bytes.Clone(bomb), byte(i)))
	}
	line := []byte("Chi bộ họp định kỳ bàn việc xây dựng nông thôn mới và chuyển đổi số. ")
	writeFile(t, filepath.Join(src, "mot-doan-30mb.txt"), bytes.Repeat(line, 30<<20/len(line)))
	var doc, odt strings.Builder
	for i := range 400000 {
		fmt.Fprintf(&doc, `<w:p><w:r><w:t>Đoạn %d nông thôn mới.</w:t></w:r></w:p>`, i)
		fmt.Fprintf(&odt, `<text:p>Đoạn %d nông thôn mới.</text:p>`, i)
	}
	writeFile(t, filepath.Join(src, "p400k.docx"), convtest.ZipFiles(t, [][2]string{
		{"[Content_Types].xml", `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`},
		{"word/document.xml", `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + doc.String() + `</w:body></w:document>`},
	}))
	writeFile(t, filepath.Join(src, "p400k.odt"), convtest.ZipFiles(t, [][2]string{
		{"mimetype", "application/vnd.oasis.opendocument.text"},
		{"content.xml", `<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>` + odt.String() + `</office:text></office:body></office:document-content>`},
	}))
	writeFile(t, filepath.Join(src, "q1000.md"), []byte("# I. MỞ ĐẦU\n\n"+strings.Repeat(">", 1000)+" sâu\n"))
	var row, sep strings.Builder
	for i := range 20000 {
		fmt.Fprintf(&row, "| c%d ", i)
		sep.WriteString("|---")
	}
	writeFile(t, filepath.Join(src, "rong.md"), []byte("# I. BẢNG\n\n"+row.String()+"|\n"+sep.String()+"|\n"+row.String()+"|\n"))
	tags := []string{"alphatot", "betatot", "gammatot", "deltatot"}
	for i, tag := range tags {
		relGood(t, src, fmt.Sprintf("%c-good.txt", 'a'+i*7), tag)
	}
	bad := []string{"bom-0.docx", "bom-1.docx", "bom-2.docx", "mot-doan-30mb.txt", "p400k.docx", "p400k.odt"}

	data := relData(t)
	r := relRun(t, data, 5*time.Minute, []string{"GOMAXPROCS=8"}, "import", src)
	if r.killed {
		t.Fatalf("the import did not end:\n%s", short(r.out, 2000))
	}
	if strings.Contains(r.out, "panic") || strings.Contains(r.out, "goroutine ") {
		t.Fatalf("a crash:\n%s", short(r.out, 2000))
	}
	// The issue asks for 300 MB; measured 176 MB (2 cores, under load).
	if r.rssMB > 240 {
		t.Errorf("peak RSS %.0f MB importing the hostile folder, want under 240 MB", r.rssMB)
	}
	for _, name := range bad {
		if !regexp.MustCompile(`(?m)^lỗi .*` + regexp.QuoteMeta(name)).MatchString(r.out) {
			t.Errorf("%s is not reported as failed:\n%s", name, short(r.out, 2000))
		}
	}
	for _, tag := range tags {
		if s := relRun(t, data, time.Minute, nil, "search", tag); !strings.Contains(s.out, "good") {
			t.Errorf("the good file with %q did not land:\n%s", tag, short(s.out, 300))
		}
	}
}
