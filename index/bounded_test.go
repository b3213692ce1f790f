package index

import (
	"context"
	"fmt"
	"runtime"
	"runtime/metrics"
	"strings"
	"sync"
	"testing"
	"time"

	"chibo/content"

	"github.com/blevesearch/bleve/v2/index/scorch"
)

// heapHighs builds an index of docs (update: adds them to an index of
// three small documents, in place) and returns the highs of the live
// heap (as each collection found it) and of the heap's objects, live or
// not yet collected, in bytes, sampled every millisecond above what was
// there before; word must then be found.
func heapHighs(t *testing.T, word string, update bool, docs ...*content.Document) (live, objects uint64) {
	t.Helper()
	ix, err := Open(t.TempDir(), Options{Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	run := func() error { return ix.Rebuild(context.Background(), DocSource(docs), nil) }
	if update {
		small := synthDocs(3, 1)
		syncDocs(t, ix, small)
		docs = append(small, docs...)
		run = func() error {
			if p := ix.planFor(DocSource(docs).Catalog()); len(p.index) > 64 {
				t.Fatalf("%d documents to index: not an update in place", len(p.index))
			}
			return ix.Sync(context.Background(), DocSource(docs), nil)
		}
	}
	runtime.GC()
	runtime.GC() // pools (zap's working state) are let go at the second
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}, {Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(s)
	baseLive, baseObjects := s[0].Value.Uint64(), s[1].Value.Uint64()
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		for {
			metrics.Read(s)
			live = max(live, s[0].Value.Uint64())
			objects = max(objects, s[1].Value.Uint64())
			select {
			case <-stop:
				return
			case <-time.After(time.Millisecond):
			}
		}
	})
	err = run()
	close(stop)
	wg.Wait()
	if err != nil {
		t.Fatal(err)
	}
	if st := ix.Stats(); st.Documents != len(docs) {
		t.Fatalf("%d documents indexed, want %d", st.Documents, len(docs))
	}
	if r, err := ix.Search(context.Background(), Query{Text: word, Limit: 5}); err != nil || r.Total == 0 {
		t.Errorf("%q is not found after the build (%v)", word, err)
	}
	return live - min(live, baseLive), objects - min(objects, baseObjects)
}

// TestBuildMemoryBounded — issue 9: the index build of one hostile but
// accepted document stays in bounded memory. A table row of 200 000
// numbered cells (1.4 MB of words that are all different, cut by the
// recogniser into 256 KB sections) held 205 MB live while its one
// segment was written (its eight sections' 400 000 terms at once, and
// zap's buffer for a segment sized at 100 times a long section); 4 MB of
// short articles reached 115 MB of heap. Now segments and the parts
// analysed ahead are cut by their terms, and one shard's build has a
// smaller headroom. The same documents added to an index in place (an
// import into an existing library) were bleve batches of 4 MB of text:
// the short articles' batch took 228 MB to analyse; batches are now cut
// by their terms too. The last words stay searchable.
func TestBuildMemoryBounded(t *testing.T) {
	var cells strings.Builder
	cells.WriteString("I. BẢNG\n\n")
	for i := range 200000 {
		fmt.Fprintf(&cells, "| c%d ", i)
	}
	cells.WriteString("|\n")
	wide, err := content.Parse("bang-rong.txt", []byte(cells.String()))
	if err != nil {
		t.Fatal(err)
	}
	if len(wide.Sections) < 6 {
		t.Fatalf("the wide table is %d sections, want it cut into 256 KB ones", len(wide.Sections))
	}
	var laws strings.Builder
	laws.WriteString("LUẬT THỬ\n\n")
	words := strings.Fields("chi bộ đảng viên họp định kỳ xây dựng nông thôn mới chuyển đổi số nghị quyết kiểm tra giám sát kỷ luật tổ chức cơ sở phát triển kinh tế văn hóa giáo dục")
	for i := 1; laws.Len() < 4<<20; i++ {
		fmt.Fprintf(&laws, "Điều %d. %s %s\n", i, words[i%len(words)], words[(i*7)%len(words)])
		for k := range 5 {
			laws.WriteString(fmt.Sprint(k+1, ". "))
			for j := range 25 {
				laws.WriteString(words[(i*31+k*17+j*j)%len(words)] + " ")
			}
			fmt.Fprintf(&laws, "mục%d.\n", i*10+k)
		}
		laws.WriteString("\n")
	}
	articles, err := content.Parse("luat-thu.txt", []byte(laws.String()))
	if err != nil {
		t.Fatal(err)
	}
	if len(articles.Sections) < 3000 {
		t.Fatalf("the law is %d sections, want thousands of articles", len(articles.Sections))
	}
	for _, c := range []struct {
		doc        *content.Document
		update     bool
		live, heap uint64 // MB
		word       string
	}{
		{wide, false, 120, 140, "c199999"}, // before: 205 and 227 MB; now 83 and 91
		{articles, false, 60, 95, "muc10"}, // before: 53 and 115 MB; now 36 and 73
		{wide, true, 120, 140, "c199999"},
		{articles, true, 60, 95, "muc10"},
	} {
		live, objects := heapHighs(t, c.word, c.update, c.doc)
		how := "build"
		if c.update {
			how = "update"
		}
		t.Logf("%s, %s: %.1f MB of text in %d sections: live heap high %d MB, heap objects high %d MB",
			c.doc.ID, how, float64(c.doc.Info().TextBytes)/(1<<20), len(c.doc.Sections), live>>20, objects>>20)
		if live>>20 > c.live || objects>>20 > c.heap {
			t.Errorf("%s, %s: live heap high %d MB, heap objects high %d MB; want under %d and %d MB", c.doc.ID, how, live>>20, objects>>20, c.live, c.heap)
		}
	}
}

// TestSegmenterFindsBatchSize: the segmenter sets the batch size of the
// pinned scorch.Builder; without it segments are cut by sections only.
func TestSegmenterFindsBatchSize(t *testing.T) {
	dir := t.TempDir()
	b, err := scorch.NewBuilder(map[string]interface{}{"path": dir + "/store", "buildPathPrefix": dir, "batchSize": 5})
	if err != nil {
		t.Fatal(err)
	}
	s := newSegmenter(b, buildSegmentTerms)
	if s.batchSize == nil || *s.batchSize != 5 {
		t.Fatalf("the segmenter does not find scorch.Builder's batch size")
	}
	s.next(buildSegmentTerms / 2)
	if *s.batchSize <= 1 {
		t.Errorf("batch size %d after half a segment's terms, want no limit", *s.batchSize)
	}
	s.next(buildSegmentTerms / 2)
	if *s.batchSize != 1 {
		t.Errorf("batch size %d once a segment's terms are in, want 1 (write it)", *s.batchSize)
	}
	s.next(10)
	if *s.batchSize <= 1 {
		t.Errorf("batch size %d after a segment was cut, want no limit", *s.batchSize)
	}
}
