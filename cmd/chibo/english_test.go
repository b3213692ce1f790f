package main

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"chibo/content"
	"chibo/tui/i18n"
)

// TestJSONKindsAreCodes: refs --json carries the directive kind as a code
// (ket-luan), as list --json carries the document kind (nghi-quyet), in
// either language.
func TestJSONKindsAreCodes(t *testing.T) {
	code := regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	data := t.TempDir()
	for _, lang := range []string{"vi", "en"} {
		for _, cmd := range []string{"refs", "list"} {
			out, errOut, exit := cli(data, lang, cmd, "--json")
			var rows []struct{ Kind string }
			if exit != 0 || json.Unmarshal([]byte(out), &rows) != nil || len(rows) == 0 {
				t.Fatalf("%s %s --json: exit %d, %s, %.200s", lang, cmd, exit, errOut, out)
			}
			for _, r := range rows {
				if !code.MatchString(r.Kind) {
					t.Errorf("%s %s --json: kind %q is not a code", lang, cmd, r.Kind)
				}
			}
		}
	}
}

// TestDirectiveKindsInEnglish: every directive kind the recogniser names
// has a code and an English name.
func TestDirectiveKindsInEnglish(t *testing.T) {
	symbols := []string{"21-NQ/TW", "01-KL/TW", "1399/QĐ-TTg", "948-QĐi/TU", "12-QC/TW", "05-CT/TW", "59/2019/NĐ-CP",
		"238-KH/TU", "15-CTr/TU", "525-BC/TU", "12/TTr-UBND", "03-HD/TU", "07-ĐA/TU", "120-TB/TU", "49/CV-UBND",
		"12/2020/TT-BTC", "03/2019/TTLT-BTC", "05/CĐ-TTg", "1/2022/PL-UBTVQH15", "03-BB/CB", "31/2024/QH15"}
	for _, s := range symbols {
		_, kind, ok := content.ParseSymbol(s)
		if !ok || kind == "" {
			t.Errorf("%s: not a symbol", s)
			continue
		}
		code := i18n.DirectiveCode(kind)
		en := i18n.DirectiveName(i18n.EN, code)
		if en == code || en == kind || i18n.DirectiveName(i18n.VI, code) != kind {
			t.Errorf("%s: kind %q, code %q, English %q", s, kind, code, en)
		}
	}
	if c := i18n.DirectiveCode("Quyết định"); c != "quyet-dinh" {
		t.Errorf("DirectiveCode(Quyết định) = %q", c)
	}
}

// TestCLIEnglishCountsAgree: no English message the command line prints
// says "%d things" (which reads "1 things"): counts go through i18n.Noun.
// Messages whose count is never 1 (meeting lengths, eval sets) are listed.
func TestCLIEnglishCountsAgree(t *testing.T) {
	neverOne := map[string]bool{"CLIPlanTooShort": true, "CLIPlanWarnShort": true, "CLIPlanWarnCrit": true, "CLIEvalHeader": true, "AppCitationsOf": true}
	used := map[string]bool{}
	fset := token.NewFileSet()
	files, _ := filepath.Glob("*.go")
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range regexp.MustCompile(`i18n\.([A-Z]\w*)`).FindAllStringSubmatch(string(src), -1) {
			used[m[1]] = true
		}
	}
	plural := regexp.MustCompile(`%d [a-z]{2,}s\b`)
	dir := filepath.Join("..", "..", "tui", "i18n")
	srcs, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil || len(srcs) == 0 {
		t.Fatalf("no sources in %s: %v", dir, err)
	}
	checked := 0
	for _, path := range srcs {
		if strings.HasSuffix(path, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			vs, ok := n.(*ast.ValueSpec)
			if !ok || len(vs.Names) != 1 || len(vs.Values) != 1 || !used[vs.Names[0].Name] {
				return true
			}
			lit, ok := vs.Values[0].(*ast.CompositeLit)
			if !ok || len(lit.Elts) != 2 {
				return true
			}
			b, ok := lit.Elts[1].(*ast.BasicLit)
			if !ok {
				return true
			}
			en, err := strconv.Unquote(b.Value)
			if err != nil {
				return true
			}
			checked++
			if m := plural.FindString(en); m != "" && !neverOne[vs.Names[0].Name] {
				t.Errorf("%s says %q: use an i18n.Noun", vs.Names[0].Name, m)
			}
			return true
		})
	}
	if checked < 100 {
		t.Fatalf("only %d messages checked", checked)
	}
	if got := i18n.NounExcerpt.N(i18n.EN, 1) + "/" + i18n.NounExcerpt.N(i18n.EN, 2) + "/" + i18n.NounExcerpt.N(i18n.VI, 2); got != "1 excerpt/2 excerpts/2 trích dẫn" {
		t.Errorf("Noun.N: %q", got)
	}
}
