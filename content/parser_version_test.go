package content

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// parserVersionGolden records ParserVersion and a hash of the parse of
// each seed and each reader test file (.doc, .rtf, .pdf under
// importer/testdata).
const parserVersionGolden = "testdata/parser-version.golden"

// parseHashes parses the seeds and the readers' test files and returns
// name → hex SHA-256 of the Document as JSON (or of the error).
func parseHashes(t *testing.T) map[string]string {
	t.Helper()
	inputs := map[string][]byte{}
	seeds, err := SeedFiles()
	if err != nil {
		t.Fatal(err)
	}
	for n, b := range seeds {
		inputs["seeds/"+n] = b
	}
	err = filepath.WalkDir(filepath.Join("importer", "testdata"), func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			if d != nil && d.IsDir() && d.Name() == "fuzz" {
				return filepath.SkipDir
			}
			return err
		}
		switch filepath.Ext(p) {
		case ".doc", ".rtf", ".pdf", ".docx", ".odt", ".html":
			b, err := os.ReadFile(p)
			inputs[filepath.ToSlash(p)] = b
			return err
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(inputs) < 20 {
		t.Fatalf("only %d inputs to hash; want the 5 seeds and the readers' test files", len(inputs))
	}
	out := map[string]string{}
	for n, b := range inputs {
		d, err := ParseBytes(filepath.Base(n), b)
		var enc []byte
		if err != nil {
			enc = []byte("error: " + err.Error())
		} else if enc, err = json.Marshal(d); err != nil {
			t.Fatal(err)
		}
		h := sha256.Sum256(enc)
		out[n] = hex.EncodeToString(h[:12])
	}
	return out
}

// TestParserVersion fails when parse output changes while ParserVersion
// stays the same: stored parses are reused across chibo versions with the
// same ParserVersion, so a parser change without a bump would leave old
// parses in users' stores. After a deliberate change: bump ParserVersion
// (content/library.go) and run `go test ./content -run ParserVersion
// -update`.
func TestParserVersion(t *testing.T) {
	got := parseHashes(t)
	names := make([]string, 0, len(got))
	for n := range got {
		names = append(names, n)
	}
	sort.Strings(names)
	raw, rerr := os.ReadFile(parserVersionGolden)
	wantVersion := -1
	want := map[string]string{}
	if rerr == nil {
		for _, line := range strings.Split(string(raw), "\n") {
			f := strings.Fields(line)
			switch {
			case len(f) == 2 && f[0] == "version":
				wantVersion, _ = strconv.Atoi(f[1])
			case len(f) == 2 && !strings.HasPrefix(f[0], "#"):
				want[f[1]] = f[0]
			}
		}
	}
	var changed []string
	for _, n := range names {
		if want[n] != got[n] {
			changed = append(changed, n)
		}
	}
	for n := range want {
		if _, ok := got[n]; !ok {
			changed = append(changed, n+" (gone)")
		}
	}
	if *update {
		if wantVersion == ParserVersion && len(changed) > 0 {
			t.Fatalf("the parse of %s changed but ParserVersion is still %d: bump it in content/library.go (stored parses are redone only then), then run -update again", strings.Join(changed, ", "), ParserVersion)
		}
		var b strings.Builder
		b.WriteString("# ParserVersion and a hash of the parse of each seed and reader test file.\n# Written by `go test ./content -run ParserVersion -update`; see TestParserVersion.\n")
		fmt.Fprintf(&b, "version %d\n", ParserVersion)
		for _, n := range names {
			fmt.Fprintf(&b, "%s %s\n", got[n], n)
		}
		if err := os.WriteFile(parserVersionGolden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if rerr != nil {
		t.Fatalf("%v (run `go test ./content -run ParserVersion -update` to create it)", rerr)
	}
	if wantVersion != ParserVersion {
		t.Fatalf("ParserVersion is %d, %s records %d: run `go test ./content -run ParserVersion -update` to record the new parses", ParserVersion, parserVersionGolden, wantVersion)
	}
	if len(changed) > 0 {
		t.Fatalf("the parse of %d files changed (%s) but ParserVersion is still %d: bump ParserVersion in content/library.go so stores redo their parses, then run `go test ./content -run ParserVersion -update`", len(changed), strings.Join(changed, ", "), ParserVersion)
	}
}
