package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"chibo/content/importer"
	"chibo/content/importer/convtest"
)

func TestImportCommand(t *testing.T) {
	data, src := t.TempDir(), t.TempDir()
	os.WriteFile(filepath.Join(src, "bien-ban.docx"), convtest.MakeDOCX(t, "I. MỞ ĐẦU\nChi bộ họp định kỳ tháng 5.\n"), 0o644)
	vni, _ := importer.Encode("Nghị quyết của chi bộ về công tác tháng 6.", importer.VNI)
	os.WriteFile(filepath.Join(src, "cu.txt"), vni, 0o644)
	os.WriteFile(filepath.Join(src, "rong.txt"), nil, 0o644)
	os.WriteFile(filepath.Join(src, "anh.png"), []byte("\x89PNG"), 0o644)

	out, errs, code := runCLI(t, data, "import", src)
	if code != 1 { // one file failed
		t.Fatalf("exit %d\n%s\n%s", code, out, errs)
	}
	for _, want := range []string{
		"added        " + filepath.Join(src, "bien-ban.docx") + ` — as "bien-ban"`,
		`as "cu"; encoding vni`,
		"failed       " + filepath.Join(src, "rong.txt") + "\n    rong.txt: the file is empty",
		"skipped      " + filepath.Join(src, "anh.png") + " — not a document chibo reads",
		"Done: 2 added, 0 updated, 0 duplicates, 1 failed, 1 skipped.",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(errs, "\r") {
		t.Error("progress bar drawn on a non-terminal")
	}
	// The index was brought up to date: the new document is searchable.
	out, errs, code = runCLI(t, data, "list")
	if code != 0 || !strings.Contains(out, "bien-ban") {
		t.Errorf("list after import: %d %s %s", code, out, errs)
	}
	// Again: duplicates, exit 0 apart from the still-empty file.
	os.Remove(filepath.Join(src, "rong.txt"))
	out, _, code = runCLI(t, data, "import", src)
	if code != 0 || !strings.Contains(out, "Done: 0 added, 0 updated, 2 duplicates, 0 failed, 1 skipped.") {
		t.Errorf("re-import: exit %d\n%s", code, out)
	}
}

func TestImportFlags(t *testing.T) {
	data, src := t.TempDir(), t.TempDir()
	p := filepath.Join(src, "a.txt")
	b, _ := importer.Encode("Đảng bộ xã Tân Phú họp ngày 5 tháng 6.", importer.TCVN3)
	os.WriteFile(p, b, 0o644)
	if _, errs, code := runCLI(t, data, "import", "--encoding", "klingon", p); code != 2 || !strings.Contains(errs, "klingon") {
		t.Errorf("bad encoding: %d %s", code, errs)
	}
	if _, _, code := runCLI(t, data, "import", "--max-size", "-1", p); code != 2 {
		t.Errorf("bad size: %d", code)
	}
	if _, _, code := runCLI(t, data, "import"); code != 2 {
		t.Errorf("no path: %d", code)
	}
	out, _, code := runCLI(t, data, "import", "--max-size", "0.00001", p)
	if code != 1 || !strings.Contains(out, "too large") {
		t.Errorf("size limit: %d %s", code, out)
	}
	out, _, code = runCLI(t, data, "import", "--encoding", "abc", p)
	if code != 0 || !strings.Contains(out, "encoding tcvn3") {
		t.Errorf("forced encoding: %d %s", code, out)
	}
}

func TestImportCancelled(t *testing.T) {
	data, src := t.TempDir(), t.TempDir()
	os.WriteFile(filepath.Join(src, "a.txt"), []byte("Chi bộ họp."), 0o644)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var out, errb bytes.Buffer
	e := &env{stdout: &out, stderr: &errb, stdin: strings.NewReader("")}
	e.dirs.Data, e.dirs.Cache = data, data
	if code := runImport(ctx, e, commands["import"], []string{src}); code != 130 || !strings.Contains(errb.String(), "Stopped") && !strings.Contains(errb.String(), "Đã dừng") {
		t.Errorf("exit %d: %s", code, errb.String())
	}
	entries, _ := os.ReadDir(filepath.Join(data, "library"))
	if len(entries) != 0 {
		t.Errorf("library written after cancel: %v", entries)
	}
}

func TestRemoveCommand(t *testing.T) {
	data, src := t.TempDir(), t.TempDir()
	os.WriteFile(filepath.Join(src, "Bien ban.txt"), []byte("Biên bản họp chi bộ tháng 5."), 0o644)
	if _, errs, code := runCLI(t, data, "import", src); code != 0 {
		t.Fatal(errs)
	}
	// Nobody to answer (empty stdin): kept, with the way to skip the question.
	out, errs, code := runCLI(t, data, "remove", "bien-ban")
	if code != 1 || !strings.Contains(out, `Kept "bien-ban"`) || !strings.Contains(errs, "--yes") {
		t.Errorf("no answer: %d %s %s", code, out, errs)
	}
	// Declined, then confirmed by the answer, by file name.
	var o, eb bytes.Buffer
	code = run([]string{"--data", data, "--lang", "en", "remove", "bien-ban"}, strings.NewReader("n\n"), &o, &eb)
	if code != 0 || !strings.Contains(o.String(), `Kept "bien-ban"`) {
		t.Errorf("declined: %d %s %s", code, o.String(), eb.String())
	}
	o.Reset()
	eb.Reset()
	code = run([]string{"--data", data, "--lang", "en", "remove", "Bien ban.txt"}, strings.NewReader("y\n"), &o, &eb)
	if code != 0 || !strings.Contains(o.String(), `Removed "bien-ban"`) {
		t.Errorf("confirmed: %d %s %s", code, o.String(), eb.String())
	}
	if _, errs, code := runCLI(t, data, "remove", "--yes", "bien-ban"); code != 1 || !strings.Contains(errs, "no document") {
		t.Errorf("gone: %d %s", code, errs)
	}
	if _, errs, code := runCLI(t, data, "remove", "--yes", "phu-luc-6-khac-phuc-han-che-2022"); code != 1 || !strings.Contains(errs, "built into chibo") {
		t.Errorf("seed: %d %s", code, errs)
	}
	if _, _, code := runCLI(t, data, "remove"); code != 2 {
		t.Errorf("no args: %d", code)
	}
}
