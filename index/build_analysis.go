package index

import (
	"unsafe"

	"github.com/blevesearch/bleve/v2/analysis"
	index "github.com/blevesearch/bleve_index_api"
)

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
