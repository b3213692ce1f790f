package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"chibo/content"
	"chibo/content/safetext"
	"chibo/tui"
)

// runCLI runs chibo in-process on a fresh data directory.
func runCLI(t *testing.T, data string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(append([]string{"--data", data, "--lang", "en"}, args...), strings.NewReader(""), &out, &errb)
	return out.String(), errb.String(), code
}

func TestListJSONHasTheSeeds(t *testing.T) {
	out, errs, code := runCLI(t, t.TempDir(), "list", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var docs []map[string]any
	if err := json.Unmarshal([]byte(out), &docs); err != nil {
		t.Fatal(err)
	}
	if len(docs) != 5 {
		t.Fatalf("want the 5 seed documents, got %d", len(docs))
	}
	for _, d := range docs {
		for _, k := range []string{"id", "title", "kind", "number", "date", "issuer", "source", "sections"} {
			if _, ok := d[k]; !ok {
				t.Errorf("document %v lacks field %q", d["id"], k)
			}
		}
	}
}

func TestOutlineJSONLevelsStartAtOne(t *testing.T) {
	out, errs, code := runCLI(t, t.TempDir(), "outline", "--json", "nghi-quyet-hdnd-bo-sung-nhiem-vu-cuoi-2023")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var doc struct {
		ID       string
		Sections []struct {
			ID    string
			Level int
			Path  []string
		}
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Sections) == 0 || doc.Sections[0].Level != 1 {
		t.Fatalf("first section must be level 1: %+v", doc.Sections)
	}
	for _, s := range doc.Sections {
		if len(s.Path) != s.Level {
			t.Errorf("section %s: path %v does not match level %d", s.ID, s.Path, s.Level)
		}
	}
}

func TestShowFileOnTheSpotAndSection(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "ghi-chu.md")
	os.WriteFile(f, []byte("# Một\n\nnội dung một\n\n# Hai\n\nnội dung hai\n"), 0o644)
	out, errs, code := runCLI(t, t.TempDir(), "show", "--plain", f)
	if code != 0 || !strings.Contains(out, "nội dung hai") {
		t.Fatalf("exit %d, out %q, err %q", code, out, errs)
	}
	out, _, code = runCLI(t, t.TempDir(), "list", "--json")
	if code != 0 || strings.Contains(out, "ghi-chu") {
		t.Fatal("show of a file path must not add it to the library")
	}
}

func TestUsageErrorsExitTwo(t *testing.T) {
	data := t.TempDir()
	for _, args := range [][]string{
		{"nope"},
		{"outline"},
		{"show", "--markdown", "--plain", "x"},
		{"show", "--width", "5", "x"},
		{"show", "--width", "501", "x"},
		{"show", "--width", "99999999999", "x"},
		{"list", "extra"},
		{"list", "--bogus"},
	} {
		if _, _, code := runCLI(t, data, args...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
	// rel-19: a huge width made glamour pad every line to it (4.2 GB).
	if _, errs, _ := runCLI(t, data, "show", "--width", "99999999999", "x"); !strings.Contains(errs, "from 20 to 500 (got 99999999999)") {
		t.Errorf("--width out of range should name the range: %q", errs)
	}
	if _, errs, code := runCLI(t, data, "show", "no-such-doc"); code != 1 || !strings.Contains(errs, "no-such-doc") {
		t.Errorf("unknown doc: exit %d, %q", code, errs)
	}
}

func TestFlagErrorsAreTranslated(t *testing.T) {
	var out, errb bytes.Buffer
	code := run([]string{"--data", t.TempDir(), "--lang", "vi", "show", "--width", "abc", "x"}, strings.NewReader(""), &out, &errb)
	if code != 2 || !strings.Contains(errb.String(), `giá trị "abc" không hợp lệ cho tuỳ chọn --width`) {
		t.Errorf("exit %d, %q", code, errb.String())
	}
	_, errs, code := runCLI(t, t.TempDir(), "list", "--bogus")
	if code != 2 || !strings.Contains(errs, "there is no option --bogus") {
		t.Errorf("exit %d, %q", code, errs)
	}
}

// TestShowSectionBySectionSameOutput — issue 9: show writes a large
// document a section at a time (memory follows a section). The pieces
// must make exactly what one render of the whole document made: checked
// on the five embedded documents and the real files of ../shared's import
// cases (when present), rendered for a pipe at three widths, and as
// markdown.
func TestShowSectionBySectionSameOutput(t *testing.T) {
	seeds, err := content.SeedFiles()
	if err != nil {
		t.Fatal(err)
	}
	docs := map[string][]byte{}
	for name, data := range seeds {
		docs[name] = data
	}
	{ // ../shared beside the repository, when there is one
		files, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "cases", "import", "*", "*"))
		for _, f := range files {
			if ext := filepath.Ext(f); ext == ".txt" || ext == ".docx" || ext == ".md" || ext == ".html" {
				if data, err := os.ReadFile(f); err == nil {
					docs[filepath.Base(f)] = data
				}
			}
		}
	}
	checked := 0
	for name, data := range docs {
		doc, err := content.ParseBytes(name, data)
		if err != nil || len(doc.Sections) < 2 {
			continue
		}
		checked++
		for _, width := range []int{60, 80, 120} {
			whole, err := tui.RenderMarkdown(markdownOf(doc, nil), width, "notty")
			if err != nil {
				t.Fatal(err)
			}
			var b bytes.Buffer
			if err := writeRendered(&b, doc, width, "notty"); err != nil {
				t.Fatal(err)
			}
			if want := trimLines(whole); b.String() != want {
				i := 0
				for i < min(b.Len(), len(want)) && b.String()[i] == want[i] {
					i++
				}
				t.Fatalf("%s at width %d: section by section differs from whole at byte %d: %q, want %q", name, width, i, b.String()[i:min(b.Len(), i+80)], want[i:min(len(want), i+80)])
			}
		}
		var b bytes.Buffer
		writeMarkdown(&b, doc, nil)
		if want := safetext.Strip(markdownOf(doc, nil)); b.String() != want {
			t.Fatalf("%s: markdown section by section differs from the whole", name)
		}
	}
	if checked < 5 {
		t.Fatalf("%d documents checked, want the 5 embedded ones at least", checked)
	}
}
