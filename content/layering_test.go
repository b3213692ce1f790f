package content

import (
	"os/exec"
	"strings"
	"testing"
)

// TestLayering keeps the pipeline's layers apart (go list -deps): the
// readers know nothing of sections or the recogniser, the recogniser
// nothing of file formats, the model and the block stream nothing of
// either (the recogniser may use htmlmd, a text converter, for HTML
// inside table cells), the store only the model, and nothing in content imports the terminal UI or the search
// engine.
func TestLayering(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command")
	}
	rules := []struct {
		pkg    string
		forbid []string
	}{
		{"chibo/content/block", []string{"chibo/"}},
		{"chibo/content/model", []string{"chibo/"}},
		{"chibo/content/importer", []string{"chibo/content/parse", "chibo/content/model", "chibo/content/plan", "chibo/content/userdata"}},
		{"chibo/content/parse", []string{"chibo/content/importer", "chibo/content/plan", "chibo/content/userdata"}},
		// The store keeps documents; it knows the model, not how they are
		// read or recognised.
		{"chibo/content/store", []string{"chibo/content/importer", "chibo/content/parse", "chibo/content/plan", "chibo/content/userdata", "chibo/content/block"}},
		{"chibo/content/...", []string{"charm.land/", "github.com/charmbracelet/", "github.com/blevesearch/", "chibo/index", "chibo/tui"}},
	}
	for _, r := range rules {
		out, err := exec.Command("go", "list", "-e", "-deps", "-f", "{{.ImportPath}}", r.pkg).Output()
		if err != nil {
			t.Fatalf("go list -deps %s: %v", r.pkg, err)
		}
		deps := strings.Fields(string(out))
		if len(deps) == 0 {
			t.Fatalf("go list -deps %s listed nothing", r.pkg)
		}
		self := strings.TrimSuffix(r.pkg, "/...")
		for _, d := range deps {
			if d == self || (strings.HasSuffix(r.pkg, "/...") && strings.HasPrefix(d, self+"/")) {
				continue
			}
			for _, f := range r.forbid {
				if strings.HasPrefix(d, f) {
					t.Errorf("%s depends on %s (forbidden: %s)", r.pkg, d, f)
				}
			}
		}
	}
}
