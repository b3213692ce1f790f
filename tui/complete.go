package tui

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"

	"chibo/content"
)

// pathCompletion is what tab does to a typed path.
type pathCompletion struct {
	value string   // the input after completion
	cands []string // the names still matching when more than one (folders end in /)
	none  bool     // nothing matches what was typed
}

// seps are the characters that end a folder name in a typed path.
func seps() string {
	if runtime.GOOS == "windows" {
		return `/\`
	}
	return "/"
}

// expandHome replaces a leading ~ with the home folder, the way a shell
// does, so "~/Tài liệu" means the same in chibo as in the terminal.
func expandHome(p, home string) string {
	if p == "~" {
		return home
	}
	if len(p) >= 2 && p[0] == '~' && strings.ContainsRune(seps(), rune(p[1])) {
		// A full path typed after the ~/ the prompt starts with
		// ("~//tmp/x", "~/D:\\Tài liệu") is meant as that path.
		if rest := p[2:]; filepath.IsAbs(rest) || filepath.VolumeName(rest) != "" {
			return rest
		}
		return filepath.Join(home, p[2:])
	}
	return p
}

// completePath completes the last name of a typed path against the
// folder it is in: a single match is completed in full (a folder gets a
// trailing /), several are completed to their common beginning and listed,
// folders first. Hidden names are left out unless the name typed starts
// with a dot. Case is ignored when nothing matches it exactly, since
// people type "tai lieu" for "Tai lieu", and then diacritics, since they
// type "Tai lieu" for "Tài liệu" (content.Fold). The part already typed (such as
// ~) is kept as it was written.
func completePath(in, home string) pathCompletion {
	if in == "~" {
		return pathCompletion{value: "~/"}
	}
	i := strings.LastIndexAny(in, seps())
	dirPart, base := in[:i+1], in[i+1:]
	dir := expandHome(dirPart, home)
	if dir == "" {
		dir = "."
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return pathCompletion{value: in, none: true}
	}
	type cand struct {
		name string
		dir  bool
	}
	match := func(fold int) []cand {
		var out []cand
		b := foldName(base, fold)
		for _, e := range entries {
			name := e.Name()
			if strings.HasPrefix(name, ".") && !strings.HasPrefix(base, ".") {
				continue
			}
			if !strings.HasPrefix(foldName(name, fold), b) {
				continue
			}
			isDir := e.IsDir()
			if e.Type()&os.ModeSymlink != 0 {
				if info, err := os.Stat(filepath.Join(dir, name)); err == nil {
					isDir = info.IsDir()
				}
			}
			out = append(out, cand{name, isDir})
		}
		return out
	}
	fold := 0
	cs := match(0)
	for len(cs) == 0 && fold < 2 {
		fold++
		cs = match(fold)
	}
	switch len(cs) {
	case 0:
		return pathCompletion{value: in, none: true}
	case 1:
		v := dirPart + cs[0].name
		if cs[0].dir {
			v += "/"
		}
		return pathCompletion{value: v}
	}
	sort.Slice(cs, func(i, j int) bool {
		if cs[i].dir != cs[j].dir {
			return cs[i].dir
		}
		a, b := strings.ToLower(cs[i].name), strings.ToLower(cs[j].name)
		if a != b {
			return a < b
		}
		return cs[i].name < cs[j].name
	})
	prefix := []rune(cs[0].name)
	for _, c := range cs[1:] {
		r := []rune(c.name)
		n := 0
		for n < len(prefix) && n < len(r) && sameRune(prefix[n], r[n], fold) {
			n++
		}
		prefix = prefix[:n]
	}
	out := pathCompletion{value: in}
	if len([]rune(base)) < len(prefix) {
		out.value = dirPart + string(prefix)
	}
	for _, c := range cs {
		if c.dir {
			out.cands = append(out.cands, c.name+"/")
		} else {
			out.cands = append(out.cands, c.name)
		}
	}
	return out
}

func sameRune(a, b rune, fold int) bool {
	return a == b || foldName(string(a), fold) == foldName(string(b), fold)
}

// foldName is a name as compared at a level of tolerance: 0 as it is, 1
// without case, 2 without case or diacritics.
func foldName(s string, fold int) string {
	switch fold {
	case 1:
		return strings.ToLower(s)
	case 2:
		return content.Fold(s)
	}
	return s
}

// errNoPath is returned by resolvePath for an empty input.
var errNoPath = errors.New("no path")

// resolvePath turns what was typed (or pasted, or dropped onto the
// terminal, which may quote the path or escape its spaces) into an
// absolute path that exists.
func resolvePath(in, home string) (string, error) {
	p := strings.TrimSpace(in)
	if len(p) >= 2 && (p[0] == '"' && p[len(p)-1] == '"' || p[0] == '\'' && p[len(p)-1] == '\'') {
		p = p[1 : len(p)-1]
	}
	if p == "" {
		return "", errNoPath
	}
	p = expandHome(p, home)
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	_, err = os.Stat(abs)
	if err != nil && runtime.GOOS != "windows" && strings.Contains(p, `\`) {
		// A file dropped onto the terminal arrives as /a/My\ Files/x.docx.
		if alt, aerr := filepath.Abs(unescapeShell(p)); aerr == nil {
			if _, serr := os.Stat(alt); serr == nil {
				return alt, nil
			}
		}
	}
	if err != nil {
		return "", err
	}
	return abs, nil
}

// unescapeShell drops the backslashes a shell-style escape adds.
func unescapeShell(s string) string {
	var b strings.Builder
	esc := false
	for _, r := range s {
		if r == '\\' && !esc {
			esc = true
			continue
		}
		esc = false
		b.WriteRune(r)
	}
	return b.String()
}
