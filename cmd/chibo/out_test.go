package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExportOutRefusesOverwriteAndNewFolders: plan export --out writes a
// new file, refuses an existing one without --force (the file is left as
// it was) and never creates a folder.
func TestExportOutRefusesOverwriteAndNewFolders(t *testing.T) {
	data, dir := t.TempDir(), t.TempDir()
	out := filepath.Join(dir, "hop.md")
	if _, errOut, code := cli(data, "en", "plan", "export", "--out", out); code != 0 {
		t.Fatalf("first export: exit %d, %s", code, errOut)
	}
	if err := os.WriteFile(out, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, errOut, code := cli(data, "en", "plan", "export", "--out", out)
	if code != 1 || !strings.Contains(errOut, "already exists; add --force") {
		t.Errorf("export over a file: exit %d, %q", code, errOut)
	}
	if b, _ := os.ReadFile(out); string(b) != "mine" {
		t.Errorf("the existing file was replaced without --force: %.40q", b)
	}
	if _, errOut, code := cli(data, "vi", "plan", "export", "--out", out, "--force"); code != 0 {
		t.Errorf("export --force: exit %d, %s", code, errOut)
	}
	if b, _ := os.ReadFile(out); string(b) == "mine" {
		t.Error("--force did not replace the file")
	}
	missing := filepath.Join(dir, "khong-co", "hop.md")
	_, errOut, code = cli(data, "en", "plan", "export", "--out", missing)
	if code != 1 || !strings.Contains(errOut, "there is no folder "+filepath.Dir(missing)+"; create it first") {
		t.Errorf("export into a missing folder: exit %d, %q", code, errOut)
	}
	if _, err := os.Stat(filepath.Dir(missing)); !os.IsNotExist(err) {
		t.Errorf("export created the folder: %v", err)
	}
	_, errOut, _ = cli(data, "vi", "plan", "export", "--out", missing)
	if !strings.Contains(errOut, "không có thư mục") {
		t.Errorf("vi: %q", errOut)
	}
}

// TestShowPipedHasNoPadding: show into a file (not a terminal) leaves no
// space at the end of a line; the renderer pads every line to the width.
func TestShowPipedHasNoPadding(t *testing.T) {
	out, errOut, code := cli(t.TempDir(), "en", "show", "phu-luc-6-khac-phuc-han-che-2022")
	if code != 0 || len(out) < 1000 {
		t.Fatalf("exit %d, %d bytes, %s", code, len(out), errOut)
	}
	for i, l := range strings.Split(out, "\n") {
		if strings.HasSuffix(l, " ") {
			t.Fatalf("line %d ends with spaces: %q", i+1, l)
		}
	}
}

// TestShowPlainSaysRunInHeadingsOnce: a section whose heading is the
// start of its text ("a) Tốc độ tăng trưởng…") is printed once.
func TestShowPlainSaysRunInHeadingsOnce(t *testing.T) {
	for _, arg := range []string{"nghi-quyet-hdnd-kinh-te-xa-hoi-2025", "nghi-quyet-hdnd-kinh-te-xa-hoi-2025#2.a"} {
		out, errOut, code := cli(t.TempDir(), "en", "show", "--plain", arg)
		if code != 0 {
			t.Fatalf("%s: exit %d, %s", arg, code, errOut)
		}
		if n := strings.Count(out, "a) Tốc độ tăng trưởng kinh tế"); n != 1 {
			t.Errorf("%s: the run-in heading is printed %d times:\n%.400s", arg, n, out)
		}
		if !strings.Contains(out, "Khu vực công nghiệp - xây dựng tăng 11,77%") {
			t.Errorf("%s: the section's text is missing", arg)
		}
	}
}
