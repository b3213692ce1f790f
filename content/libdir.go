package content

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
)

// libFile is one file of the library folder as OpenLibrary sees it.
type libFile struct {
	name  string
	size  int64
	mtime int64 // Unix nanoseconds
}

// listLibrary returns the regular files of dir whose name does not start
// with a dot, sorted by name, with their size and modification time. A
// file that vanishes while it is listed is left out; one whose size and
// time cannot be read for another reason is kept with zero size and time
// (its record then does not match, and reading it says why). A missing
// dir has no files.
//
// Every file is looked at (one stat each, 7,000 on a 1 GB library): the
// folder's own modification time would tell files added, removed or
// renamed into place, as chibo writes its copies, but not a file edited
// in place, which OpenLibrary promises to notice. The stats are made
// relative to the open folder (no path to walk, nothing allocated per
// file) and spread over the processors.
func listLibrary(dir string) ([]libFile, error) {
	f, err := os.Open(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	names, err := f.Readdirnames(-1)
	if err != nil {
		return nil, err
	}
	slices.Sort(names)
	files := make([]libFile, 0, len(names))
	for _, n := range names {
		if !strings.HasPrefix(n, ".") {
			files = append(files, libFile{name: n})
		}
	}
	keep := make([]bool, len(files))
	// A goroutine per statChunk files, at most one per processor.
	workers := min(runtime.GOMAXPROCS(0), (len(files)+statChunk-1)/statChunk)
	if workers <= 1 {
		statFiles(f, files, keep)
	} else {
		var wg sync.WaitGroup
		per := (len(files) + workers - 1) / workers
		for lo := 0; lo < len(files); lo += per {
			hi := min(lo+per, len(files))
			wg.Go(func() { statFiles(f, files[lo:hi], keep[lo:hi]) })
		}
		wg.Wait()
	}
	out := files[:0]
	for i, fl := range files {
		if keep[i] {
			out = append(out, fl)
		}
	}
	return out, nil
}

// statChunk is the fewest files worth a goroutine of their own.
const statChunk = 512

// statFilesByPath is statFiles with one os.Lstat per file.
func statFilesByPath(dir string, files []libFile, keep []bool) {
	for i := range files {
		info, err := os.Lstat(filepath.Join(dir, files[i].name))
		switch {
		case err == nil:
			keep[i] = info.Mode().IsRegular()
			files[i].size, files[i].mtime = info.Size(), info.ModTime().UnixNano()
		case errors.Is(err, fs.ErrNotExist):
		default:
			keep[i] = true
		}
	}
}
