package index

import (
	"math"
	"reflect"
	"unsafe"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/index/scorch"
	index "github.com/blevesearch/bleve_index_api"
	zapx "github.com/blevesearch/zapx/v17"
)

func init() {
	// zap sizes a new segment's buffer as the last segment's bytes per
	// document times this segment's documents plus 100: after a segment
	// of a few long sections, the next segment (in any shard: the
	// working state is pooled) took 100 times a long section's bytes,
	// 235 MB at once for a 2 MB table. Grown as written instead.
	zapx.NewSegmentBufferNumResultsFactor = 0
}

// The build path analyses each section's words once and derives both
// indexed views from that one pass — folded words (field a) and folded
// shingles (s) — instead of running two analyzers over the same text. It must give exactly what the registered analyzers give, which
// the incremental path (plain bleve batches) uses; TestOnePassMatches
// checks that.

// termCounter accumulates one field's term frequencies.
type termCounter struct {
	freqs index.TokenFrequencies
	slab  []index.TokenFreq
	n     int
}

func newCounter(size int) *termCounter {
	return &termCounter{freqs: make(index.TokenFrequencies, size)}
}

func (c *termCounter) add(term []byte) {
	c.n++
	if tf, ok := c.freqs[string(term)]; ok {
		tf.SetFrequency(tf.Frequency() + 1)
		return
	}
	if len(c.slab) == 0 {
		c.slab = make([]index.TokenFreq, 32)
	}
	tf := &c.slab[0]
	c.slab = c.slab[1:]
	key := string(term)
	// Term shares the key's bytes (one allocation, not two): neither bleve
	// nor zap writes to a TokenFreq's Term.
	tf.Term = unsafe.Slice(unsafe.StringData(key), len(key))
	tf.SetFrequency(1)
	c.freqs[key] = tf
}

// analyseText returns the folded and shingle frequencies of text.
func analyseText(text string) (folded, shingles *termCounter) {
	b := []byte(text)
	// Room for a term per eight bytes, as many as a short section has;
	// a long one grows its maps as it goes (distinct terms grow much
	// slower than text: sized by text, 240 sections of 256 KB took 800 MB).
	est := min(len(b)/8+4, 2048)
	folded, shingles = newCounter(est), newCounter(est)
	var prevPos int
	var prev, buf, fbuf []byte
	havePrev := false
	scan(b, func(start, end, pos int, typ analysis.TokenType) {
		fbuf = foldAppend(fbuf[:0], b[start:end])
		f := fbuf
		folded.add(f)
		if havePrev && pos == prevPos {
			return // a symbol's part: not in shingles
		}
		if havePrev && pos == prevPos+1 {
			buf = append(append(append(buf[:0], prev...), ' '), f...)
			shingles.add(buf)
		}
		prev = append(prev[:0], f...)
		prevPos, havePrev = pos, true
	})
	return
}

// preField is an indexed field whose analysis is already done.
type preField struct {
	name  string
	text  int // bytes of plain text, for bleve's statistics
	terms *termCounter
}

func (f *preField) Name() string                                     { return f.name }
func (f *preField) Value() []byte                                    { return nil }
func (f *preField) ArrayPositions() []uint64                         { return nil }
func (f *preField) EncodedFieldType() byte                           { return 't' }
func (f *preField) Analyze()                                         {}
func (f *preField) Options() index.FieldIndexingOptions              { return index.IndexField }
func (f *preField) AnalyzedLength() int                              { return f.terms.n }
func (f *preField) AnalyzedTokenFrequencies() index.TokenFrequencies { return f.terms.freqs }
func (f *preField) NumPlainTextBytes() uint64                        { return uint64(f.text) }

// Size is what bleve accounts for the field's memory.
func (f *preField) Size() int { return 64 + 48*len(f.terms.freqs) }

// termedDoc is an analysed section with its number of terms.
type termedDoc struct {
	doc   index.Document
	terms int
}

// segmenter decides where the offline builder cuts its segments: after
// buildSegmentSections sections, or sooner once the sections it holds
// have buildSegmentTerms terms. The builder's memory follows the terms of
// the segment it holds (analysed sections, then term dictionaries and
// postings of the segment it writes, about 400 bytes a term when the
// terms are all different), not their text: 256 KB of a table of
// numbered cells is 50 000 terms, 1 000 short articles are 50 000 too.
//
// scorch.Builder writes a segment when its batch holds batchSize
// documents and offers no other way to be told; batchSize is read at
// each Index call, under the builder's lock, from the one goroutine that
// calls it, so the segmenter sets it before each call: 1 (write the
// segment with this section) or no limit. When the field is not there (a
// bleve other than the pinned v2.6.1), segments are cut every
// batchSize sections, as configured (TestSegmenterFindsBatchSize fails).
type segmenter struct {
	batchSize *int
	maxTerms  int
	n, terms  int
}

// newSegmenter cuts b's segments at buildSegmentSections sections or
// maxTerms terms.
func newSegmenter(b *scorch.Builder, maxTerms int) *segmenter {
	v := reflect.ValueOf(b).Elem().FieldByName("batchSize")
	if !v.IsValid() || v.Kind() != reflect.Int {
		return &segmenter{}
	}
	return &segmenter{batchSize: (*int)(unsafe.Pointer(v.UnsafeAddr())), maxTerms: maxTerms}
}

// next is called before each section of terms terms goes to the builder.
func (s *segmenter) next(terms int) {
	if s.batchSize == nil {
		return
	}
	s.n++
	s.terms += terms
	if s.n >= buildSegmentSections || s.terms >= s.maxTerms {
		*s.batchSize = 1 // the batch is written with this section
		s.n, s.terms = 0, 0
		return
	}
	*s.batchSize = math.MaxInt
}
