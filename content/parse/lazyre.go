package parse

import (
	"regexp"
	"sync"
)

// lazyRegexp is a regular expression compiled at its first use instead of
// at package init. The recogniser holds some seventy patterns; compiling
// them all at init cost every chibo command (list, search, the app's first
// frame) about 20 ms and 27,000 allocations before main ran, although only
// import and re-parse use them. Its methods are those of *regexp.Regexp.
type lazyRegexp struct {
	expr string
	get  func() *regexp.Regexp
}

// allLazy lists every pattern made by lazyRE, so a test can compile them
// all and catch a bad one at test time rather than at a user's first import.
var allLazy []*lazyRegexp

// lazyRE returns a pattern compiled with regexp.MustCompile on first use.
// Call it only from package-level variable declarations.
func lazyRE(expr string) *lazyRegexp {
	l := &lazyRegexp{expr: expr, get: sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })}
	allLazy = append(allLazy, l)
	return l
}

func (l *lazyRegexp) MatchString(s string) bool            { return l.get().MatchString(s) }
func (l *lazyRegexp) FindString(s string) string           { return l.get().FindString(s) }
func (l *lazyRegexp) FindStringSubmatch(s string) []string { return l.get().FindStringSubmatch(s) }
func (l *lazyRegexp) FindStringSubmatchIndex(s string) []int {
	return l.get().FindStringSubmatchIndex(s)
}
func (l *lazyRegexp) FindAllStringIndex(s string, n int) [][]int {
	return l.get().FindAllStringIndex(s, n)
}
func (l *lazyRegexp) FindAllStringSubmatch(s string, n int) [][]string {
	return l.get().FindAllStringSubmatch(s, n)
}
func (l *lazyRegexp) ReplaceAllString(src, repl string) string {
	return l.get().ReplaceAllString(src, repl)
}
func (l *lazyRegexp) FindAllStringSubmatchIndex(s string, n int) [][]int {
	return l.get().FindAllStringSubmatchIndex(s, n)
}
