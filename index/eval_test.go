package index

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// alqacDir finds ../shared/ir/alqac2025 from the repository root.
func alqacDir(t testing.TB) string {
	t.Helper()
	_, file, _, _ := runtime.Caller(0)
	dir := filepath.Join(filepath.Dir(file), "..", "..", "shared", "ir", "alqac2025")
	if _, err := os.Stat(filepath.Join(dir, "corpus.jsonl")); err != nil {
		t.Skip("ALQAC collection not present:", dir)
	}
	return dir
}

// TestALQAC checks the ranking on the ALQAC legal retrieval set: MRR@10 of
// at least 0.87 with and without diacritics, the two within 0.01.
func TestALQAC(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: indexes 2,249 articles and runs 1,456 questions")
	}
	b, err := LoadBEIR(alqacDir(t))
	if err != nil {
		t.Fatal(err)
	}
	res, err := b.Evaluate(context.Background(), t.TempDir(), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d questions; accented %+v; unaccented %+v", res.Queries, res.Accented, res.Unaccented)
	if res.Accented.MRR10 < 0.87 || res.Unaccented.MRR10 < 0.87 {
		t.Errorf("MRR@10 below 0.87: accented %.3f, unaccented %.3f", res.Accented.MRR10, res.Unaccented.MRR10)
	}
	if d := res.Accented.MRR10 - res.Unaccented.MRR10; d > 0.01 || d < -0.01 {
		t.Errorf("accented and unaccented MRR@10 differ by %.3f", d)
	}
}
