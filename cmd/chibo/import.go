package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"chibo/content"
	"chibo/content/importer"
	"chibo/content/safetext"
	"chibo/index"
	"chibo/tui/i18n"
)

func init() {
	register(&command{
		name:    "import",
		usage:   i18n.CLIImportUsage,
		summary: i18n.CLIImportSummary,
		run: func(e *env, args []string) int {
			ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
			defer stop()
			return runImport(ctx, e, commands["import"], args)
		},
	})
}

// runImport imports files and folders, prints one line per file and a
// summary, then brings the search index up to date. ctrl+c stops between
// files (the file in progress is dropped whole) and skips the index
// update, which the next run catches up on.
func runImport(ctx context.Context, e *env, c *command, args []string) int {
	fs := newFlags(e, c)
	encFlag := fs.String("encoding", "", "")
	sizeFlag := fs.String("max-size", "", "")
	cpuProfile := fs.String("cpuprofile", "", "")
	paths, ok := parseFlags(e, c, fs, args)
	if !ok {
		return 2
	}
	if *cpuProfile != "" { // import and index build, for go tool pprof
		stop, err := startCPUProfile(*cpuProfile)
		if err != nil {
			return fail(e, err)
		}
		defer stop()
	}
	if len(paths) == 0 {
		return usageError(e, c, e.T(i18n.CLIImportNoPath))
	}
	if _, ok := importer.ParseEncoding(*encFlag); !ok {
		return usageError(e, c, fmt.Sprintf(e.T(i18n.CLIImportBadEnc), *encFlag))
	}
	opt := content.ImportOptions{Encoding: *encFlag}
	if *sizeFlag != "" {
		mb, err := strconv.ParseFloat(*sizeFlag, 64)
		if err != nil || mb <= 0 {
			return usageError(e, c, e.T(i18n.CLIImportBadSize))
		}
		opt.MaxSize = int64(mb * (1 << 20))
	}
	lib, err := e.library()
	if err != nil {
		return fail(e, err)
	}
	bar := newProgressBar(e.stderr, e.T(i18n.ImportProgress))
	// A scanned PDF read by OCR takes seconds a page: its pages move the
	// bar (on a terminal), so a 30-page scan shows it is alive.
	ocrLabel := e.T(i18n.ImportOCRProgress)
	opt.OCRProgress = func(path string, done, total int) {
		bar.drawAs(ocrLabel, done, total, filepath.Base(path))
	}
	counts := map[content.ImportStatus]int{}
	var bytesDone int64
	files := 0
	start := time.Now()
	err = lib.ImportContext(ctx, paths, opt, func(r content.ImportResult) {
		counts[r.Status]++
		if r.Status != content.ImportSkipped {
			files++
			bytesDone += r.Size
		}
		bar.clear()
		fmt.Fprintln(e.stdout, importLine(e, r))
		bar.draw(r.N, r.Total, filepath.Base(r.Path))
	})
	bar.clear()
	elapsed := time.Since(start)
	fmt.Fprintf(e.stdout, e.T(i18n.CLIImportDone)+"\n", counts[content.ImportAdded], counts[content.ImportUpdated],
		i18n.NounDuplicate.N(e.lang, counts[content.ImportDuplicate]), counts[content.ImportFailed], counts[content.ImportSkipped])
	if err != nil {
		fmt.Fprintln(e.stderr, e.T(i18n.ImportCancelled))
		return 130
	}
	mb := float64(bytesDone) / (1 << 20)
	secs := max(elapsed.Seconds(), 0.001)
	fmt.Fprintf(e.stderr, e.T(i18n.CLIImportSpeed)+"\n", i18n.NounFile.N(e.lang, files), mb, secs, mb/secs)
	if counts[content.ImportAdded]+counts[content.ImportUpdated] > 0 {
		if err := syncIndex(ctx, e, lib, bar); err != nil {
			if errors.Is(err, context.Canceled) {
				fmt.Fprintln(e.stderr, e.T(i18n.ImportCancelled))
				return 130
			}
			fmt.Fprintf(e.stderr, e.T(i18n.ImportIndexFailed)+"\n", describeError(e, err))
		}
	}
	if counts[content.ImportFailed] > 0 {
		return 1
	}
	return 0
}

// syncIndex brings the search index in line with the library.
func syncIndex(ctx context.Context, e *env, lib *content.Library, bar *progressBar) error {
	ix, err := index.Open(e.dirs.Index(), index.Options{Wait: 10 * time.Second})
	if err != nil {
		return err
	}
	defer ix.Close()
	if !ix.NeedsSync(lib) {
		return nil
	}
	fmt.Fprintln(e.stderr, e.T(i18n.ImportIndexing))
	bar.label = e.T(i18n.ImportIndexing)
	err = ix.Sync(ctx, lib, func(done, total int) { bar.draw(done, total, "") })
	bar.clear()
	return err
}

// importLine is the one-line result for a file. The path, the ID made
// from it and an error naming it come from outside: they go through
// safetext.Line, so a file name cannot clear the screen, set the title or
// overwrite its own line with '\r'.
func importLine(e *env, r content.ImportResult) string {
	verb := map[content.ImportStatus]i18n.Msg{
		content.ImportAdded: i18n.ImportAdded, content.ImportUpdated: i18n.ImportUpdated,
		content.ImportDuplicate: i18n.ImportDuplicate, content.ImportFailed: i18n.ImportFailed,
		content.ImportSkipped: i18n.ImportSkipped,
	}[r.Status]
	line := fmt.Sprintf("%-12s %s", e.T(verb), safetext.Line(r.Path))
	var notes []string
	switch r.Status {
	case content.ImportAdded, content.ImportUpdated:
		notes = append(notes, fmt.Sprintf(e.T(i18n.ImportAs), safetext.Line(r.Doc.ID)))
		if r.Encoding != "" && r.Encoding != importer.UTF8 {
			notes = append(notes, fmt.Sprintf(e.T(i18n.ImportEncodingNote), safetext.Line(r.Encoding)))
		}
		if r.OCR {
			notes = append(notes, e.T(i18n.ImportOCRNote))
		}
		if r.Garbled {
			notes = append(notes, e.T(i18n.ImportGarbledNote))
		}
		if r.Replaced > 0 {
			notes = append(notes, fmt.Sprintf(e.T(i18n.ImportReplacedNote), r.Replaced))
		}
		if r.Beside != "" {
			notes = append(notes, fmt.Sprintf(e.T(i18n.ImportBesideNote), r.Beside))
		}
	case content.ImportDuplicate:
		notes = append(notes, fmt.Sprintf(e.T(i18n.ImportSameAs), safetext.Line(r.Doc.ID)))
	case content.ImportSkipped:
		if errors.Is(r.Err, content.ErrOutside) {
			notes = append(notes, e.T(i18n.ImportOutside))
		} else if errors.Is(r.Err, content.ErrBrokenLink) {
			notes = append(notes, e.T(i18n.ImportBrokenLink))
		} else {
			notes = append(notes, e.T(i18n.ImportNotDocument))
		}
	case content.ImportFailed:
		return line + "\n    " + safetext.Line(describeError(e, r.Err))
	}
	if len(notes) > 0 {
		line += " — " + strings.Join(notes, "; ")
	}
	return line
}

// progressBar draws "Importing [#####-----] 12/40 name" on a terminal and
// nothing elsewhere, so redirected output stays clean.
type progressBar struct {
	mu    sync.Mutex // draws come from the import's readers too (OCR pages)
	w     io.Writer
	on    bool
	label string
	shown bool
	last  time.Time
}

func newProgressBar(w io.Writer, label string) *progressBar {
	on := false
	if f, ok := w.(*os.File); ok {
		if info, err := f.Stat(); err == nil && info.Mode()&os.ModeCharDevice != 0 {
			on = true
		}
	}
	return &progressBar{w: w, on: on, label: label}
}

func (p *progressBar) draw(done, total int, name string) {
	p.drawAs(p.label, done, total, name)
}

// drawAs is draw under another label than the bar's.
func (p *progressBar) drawAs(label string, done, total int, name string) {
	if !p.on || total <= 0 {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if time.Since(p.last) < 50*time.Millisecond && done < total {
		return
	}
	p.last = time.Now()
	const width = 30
	fill := done * width / total
	name = safetext.Line(name) // a file name: no sequence, no '\r'
	if r := []rune(name); len(r) > 30 {
		name = "…" + string(r[len(r)-29:])
	}
	fmt.Fprintf(p.w, "\r\033[K%s [%s%s] %d/%d %s", label, strings.Repeat("#", fill), strings.Repeat("-", width-fill), done, total, name)
	p.shown = true
}

func (p *progressBar) clear() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.on && p.shown {
		fmt.Fprint(p.w, "\r\033[K")
		p.shown = false
	}
}
