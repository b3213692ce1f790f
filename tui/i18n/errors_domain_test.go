package i18n

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"chibo/content/plan"
	"chibo/content/userdata"
)

// domainErrors are the sentinel errors content/plan and content/userdata
// return to the CLI and the app. TestDomainErrorsListed fails when either
// package declares an Err… that is missing here, so a new error gets its
// message before it can reach a person as Go text.
var domainErrors = map[string]error{
	"plan.ErrNoCheck":          plan.ErrNoCheck,
	"plan.ErrBadDate":          plan.ErrBadDate,
	"plan.ErrNoItem":           plan.ErrNoItem,
	"plan.ErrNoExcerpt":        plan.ErrNoExcerpt,
	"plan.ErrEmptyTitle":       plan.ErrEmptyTitle,
	"plan.ErrDuplicate":        plan.ErrDuplicate,
	"plan.ErrBadMinutes":       plan.ErrBadMinutes,
	"plan.ErrEmptySource":      plan.ErrEmptySource,
	"plan.ErrBadKind":          plan.ErrBadKind,
	"plan.ErrBadKey":           plan.ErrBadKey,
	"plan.ErrBadFormat":        plan.ErrBadFormat,
	"plan.ErrEmptyName":        plan.ErrEmptyName,
	"plan.ErrNoMember":         plan.ErrNoMember,
	"plan.ErrAmbiguousMember":  plan.ErrAmbiguousMember,
	"plan.ErrSameMember":       plan.ErrSameMember,
	"plan.ErrBadPresence":      plan.ErrBadPresence,
	"plan.ErrNotOnTheRoll":     plan.ErrNotOnTheRoll,
	"plan.ErrEmptyTask":        plan.ErrEmptyTask,
	"plan.ErrNoTask":           plan.ErrNoTask,
	"userdata.ErrNewerVersion": userdata.ErrNewerVersion,
}

// declaredErrors lists the package-level Err… variables of the Go files
// (tests excepted) in dir, as "pkg.Name".
func declaredErrors(t *testing.T, dir, pkg string) []string {
	t.Helper()
	fset := token.NewFileSet()
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no Go files in %s: %v", dir, err)
	}
	var names []string
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		af, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range af.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.VAR {
				continue
			}
			for _, s := range gd.Specs {
				for _, n := range s.(*ast.ValueSpec).Names {
					if strings.HasPrefix(n.Name, "Err") {
						names = append(names, pkg+"."+n.Name)
					}
				}
			}
		}
	}
	sort.Strings(names)
	return names
}

func TestDomainErrorsListed(t *testing.T) {
	root := filepath.Join("..", "..", "content")
	var declared []string
	declared = append(declared, declaredErrors(t, filepath.Join(root, "plan"), "plan")...)
	declared = append(declared, declaredErrors(t, filepath.Join(root, "userdata"), "userdata")...)
	if len(declared) < 15 {
		t.Fatalf("found only %d Err… declarations: %v", len(declared), declared)
	}
	for _, n := range declared {
		if _, ok := domainErrors[n]; !ok {
			t.Errorf("%s is not in domainErrors: give it a message in tui/i18n (describePlan or planMore) and a row here", n)
		}
	}
}

// TestDomainErrorsInWords: every error of the plan, the roll, the tasks,
// the checklist and the user-data files, bare or wrapped the way the
// packages wrap them, is said in both languages by Describe (what the app
// and the CLI show) without its Go text.
func TestDomainErrorsInWords(t *testing.T) {
	if len(domainErrors) == 0 {
		t.Fatal("no errors")
	}
	for name, e := range domainErrors {
		for _, err := range []error{
			e,
			fmt.Errorf("%w: 7 (the plan has 3 items)", e),
			fmt.Errorf("%q: %w", "Không Có", e),
			fmt.Errorf("/d/user/plans/2026-11.json: version 9: %w; not overwritten", e),
		} {
			vi, okVI := Known(VI, err)
			en, okEN := Known(EN, err)
			if !okVI || !okEN {
				t.Errorf("%s: %q reaches a person as Go text (vi %q, en %q)", name, err, vi, en)
				continue
			}
			if vi == "" || en == "" || vi == en || strings.Contains(vi, e.Error()) || strings.Contains(vi+en, "%!") {
				t.Errorf("%s: %q shown as vi %q, en %q", name, err, vi, en)
			}
			if vi != Describe(VI, err) {
				t.Errorf("%s: Describe and Known differ", name)
			}
		}
	}
	// A file from a newer chibo names the file, whichever way it comes.
	for _, err := range []error{
		fmt.Errorf("/d/user/bookmarks.json: %w; not overwritten", userdata.ErrNewerVersion),
		&userdata.DamagedError{File: "/d/user/bookmarks.json", Err: fmt.Errorf("version 9: %w", userdata.ErrNewerVersion)},
	} {
		for _, l := range []Lang{VI, EN} {
			if got := Describe(l, err); !strings.Contains(got, "/d/user/bookmarks.json") || strings.Contains(got, "newer version of chibo") {
				t.Errorf("%v: %q shown as %q", l, err, got)
			}
		}
	}
	if !errors.Is(fmt.Errorf("x: %w", plan.ErrNoMember), plan.ErrNoMember) {
		t.Fatal("wrapping")
	}
}
