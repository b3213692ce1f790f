package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"chibo/index"
)

func TestSearchJSON(t *testing.T) {
	data := t.TempDir()
	out, errs, code := runCLI(t, data, "search", "--json", "--limit", "3", "nong", "thon", "moi")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var res struct {
		Query  string `json:"query"`
		Total  int    `json:"total"`
		TookMS *int64 `json:"took_ms"`
		Hits   []struct {
			Doc, Title, Section, Snippet string
			Path                         []string
			Score                        float64
		} `json:"hits"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if res.Query != "nong thon moi" || res.Total == 0 || res.TookMS == nil || len(res.Hits) == 0 || len(res.Hits) > 3 {
		t.Fatalf("unexpected result: %+v", res)
	}
	h := res.Hits[0]
	if h.Doc == "" || h.Title == "" || h.Section == "" || len(h.Path) == 0 || h.Score <= 0 {
		t.Errorf("incomplete hit: %+v", h)
	}
	if !strings.Contains(h.Snippet, "**nông thôn mới**") {
		t.Errorf("snippet should mark the match with its accents: %q", h.Snippet)
	}
	// The index was built under the data directory; a second search reuses it.
	if _, err := os.Stat(filepath.Join(data, "index", "meta.json")); err != nil {
		t.Errorf("no index on disk: %v", err)
	}
	if _, errs, code := runCLI(t, data, "search", "--json", "1399/QĐ-TTg"); code != 0 {
		t.Fatalf("second search: exit %d: %s", code, errs)
	}
}

func TestSearchHumanAndOddInput(t *testing.T) {
	data := t.TempDir()
	out, errs, code := runCLI(t, data, "search", "chi", "bo", "bon", "tot", "-xyz")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "[chi bộ bốn tốt]") || !strings.Contains(out, "1. ") {
		t.Errorf("human output lacks the marked match:\n%s", out)
	}
	for _, line := range strings.Split(out, "\n") {
		if n := len([]rune(line)); n > 80 {
			t.Errorf("line of %d runes, wider than 80: %q", n, line)
		}
	}
	for _, q := range [][]string{{`"kinh te`}, {"+", ":"}, {"loai:"}, {"-"}, {"a:b"}, {"--", "-x"}} {
		if _, errs, code := runCLI(t, data, append([]string{"search"}, q...)...); code != 0 {
			t.Errorf("search %q: exit %d: %s", q, code, errs)
		}
	}
	for _, bad := range [][]string{{"search"}, {"search", "--limit", "0", "x"}, {"search", "--limit"}, {"search", "--json"}} {
		if _, _, code := runCLI(t, data, bad...); code != 2 {
			t.Errorf("%q: exit %d, want 2", bad, code)
		}
	}
}

func TestRefsJSON(t *testing.T) {
	data := t.TempDir()
	out, errs, code := runCLI(t, data, "refs", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var refs []index.RefCount
	if err := json.Unmarshal([]byte(out), &refs); err != nil {
		t.Fatal(err)
	}
	if len(refs) == 0 {
		t.Fatal("the seeds cite directives; refs found none")
	}
	out, errs, code = runCLI(t, data, "refs", "--json", "1399/qđ-ttg")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	refs = nil
	json.Unmarshal([]byte(out), &refs)
	if len(refs) != 1 || refs[0].Symbol != "1399/QĐ-TTg" || refs[0].Count != len(refs[0].CitedIn) || refs[0].Count == 0 {
		t.Fatalf("refs 1399/qđ-ttg: %+v", refs)
	}
	for _, c := range refs[0].CitedIn {
		if c.Doc == "" || c.Section == "" || len(c.Path) == 0 {
			t.Errorf("incomplete citation %+v", c)
		}
	}
}

func TestReindexAndBench(t *testing.T) {
	data := t.TempDir()
	out, errs, code := runCLI(t, data, "reindex")
	if code != 0 || !strings.Contains(out, "Indexed 5 documents") {
		t.Fatalf("reindex: exit %d: %s%s", code, out, errs)
	}
	qf := filepath.Join(t.TempDir(), "q.txt")
	os.WriteFile(qf, []byte("# comment\nnong thon moi\n\nchuyển đổi số\n"), 0o644)
	out, errs, code = runCLI(t, data, "bench", "--json", "--runs", "2", qf)
	if code != 0 {
		t.Fatalf("bench: exit %d: %s", code, errs)
	}
	var b struct {
		Queries, Runs, Documents, Sections int
		P95                                float64 `json:"p95_ms"`
		IndexBytes                         int64   `json:"index_bytes"`
	}
	if err := json.Unmarshal([]byte(out), &b); err != nil {
		t.Fatal(err)
	}
	if b.Queries != 2 || b.Runs != 2 || b.Documents != 5 || b.Sections == 0 || b.IndexBytes == 0 {
		t.Errorf("bench: %+v", b)
	}
	if _, _, code := runCLI(t, data, "bench", filepath.Join(t.TempDir(), "none.txt")); code != 1 {
		t.Errorf("bench on a missing file: exit %d, want 1", code)
	}
}

func TestEvalNeedsADirectory(t *testing.T) {
	if _, _, code := runCLI(t, t.TempDir(), "eval"); code != 2 {
		t.Errorf("eval without DIR: exit %d, want 2", code)
	}
	if _, _, code := runCLI(t, t.TempDir(), "eval", t.TempDir()); code != 1 {
		t.Errorf("eval on an empty directory: exit %d, want 1", code)
	}
}

// Nothing found with --exact: the hint is to leave it out, not to type
// without accents (which --exact would not match either).
func TestSearchExactNoneHint(t *testing.T) {
	data := t.TempDir()
	out, _, code := runCLI(t, data, "search", "--exact", "nong thon moi")
	if code != 0 || !strings.Contains(out, "--exact") || strings.Contains(out, "no accents") {
		t.Errorf("exit %d: %q", code, out)
	}
	out, _, _ = runCLI(t, data, "search", "xyzzyq")
	if !strings.Contains(out, "no accents") {
		t.Errorf("without --exact: %q", out)
	}
}
