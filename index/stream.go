package index

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"chibo/content"
)

// Stream is a build of a whole new index fed document by document while
// an import commits them, so that the build runs beside the reading and
// parsing of the files (which keep the cores busy only part of the time)
// instead of after them. It is what Sync would do anyway when the index
// must be built from scratch (none yet, damaged, or of another schema):
// the new index is written in a build directory and replaces the old one
// only in Finish, so a killed or cancelled import leaves the index as it
// was, and the next Open removes the unfinished directory.
//
// The documents fed are dealt to shards in the order they come: a shard
// takes documents until it holds its share of the library's estimated
// text (at least shardTarget), then is closed — its final merge runs
// while the next one fills — and the next opens, up to maxShards.
//
// A Stream holds the index's exclusive lock from Index.Stream to Finish
// or Abort. Its methods are for one goroutine.
type Stream struct {
	ix      *Index
	src     Source
	ctx     context.Context
	cancel  context.CancelFunc
	name    string // the build directory, under ix.dir
	path    string
	base    int // text of the catalogue when the stream started (bytes)
	ahead   *byteBudget
	queued  *byteBudget // text of documents fed and not yet taken by an analyser
	sem     chan struct{}
	restore func()

	shards []*streamShard
	fed    map[string]bool // IDs fed
	text   int             // text fed (bytes)
	wg     sync.WaitGroup
	done   bool // Finish or Abort ran

	mu       sync.Mutex // guards the fields below, written by the shards' builders
	firstErr error
	in       int // documents built
	progress func(done, total int)
	total    int
}

// streamShard is one shard of a Stream.
type streamShard struct {
	jobs   chan buildJob
	text   int
	closed bool
}

// Stream starts a Stream when the index must be built from scratch: it
// has no usable index (none, damaged, or of another schema). It returns
// nil and no error when the index is usable or read-only (Sync then
// brings it up to date as usual), ErrBusy when another chibo process
// holds it for longer than Options.Wait. The documents of src's
// catalogue that are not fed are added by Finish.
func (ix *Index) Stream(ctx context.Context, src Source) (*Stream, error) {
	if ix.opts.ReadOnly || ix.readOnly {
		return nil, nil
	}
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if ix.closed {
		return nil, errClosed
	}
	if ix.bi != nil {
		return nil, nil
	}
	if err := ix.exclusive(); err != nil {
		return nil, err
	}
	// Another process may have built it since we opened: look again.
	ix.openLive()
	if ix.bi != nil {
		ix.shared()
		return nil, nil
	}
	s := &Stream{ix: ix, src: src, name: buildPrefix + randomHex(), fed: map[string]bool{}}
	s.path = filepath.Join(ix.dir, s.name)
	for _, d := range src.Catalog() {
		s.base += d.TextBytes
	}
	s.ctx, s.cancel = context.WithCancel(ctx)
	s.ahead = newByteBudget(buildAhead)
	s.queued = newByteBudget(streamQueue)
	workers := ix.opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	s.sem = make(chan struct{}, workers)
	s.restore = limitMemory()
	return s, nil
}

// streamQueue bounds the text of the documents fed and waiting for an
// analyser (the import waits in Add beyond it).
const streamQueue = 16 << 20

// streamable says whether a document of info goes into a streamed shard:
// one whose sections are long on average would need smaller segments
// than the shard was opened with (segmentSections), and is left to the
// Sync that follows Finish.
func streamable(info content.DocInfo) bool {
	return segmentSections([]content.DocInfo{info}) >= buildSegmentSections
}

// Add feeds one document the import has committed; done and total are
// the import's files so far and in all, which estimate the library's
// size. It waits while the analysers are behind by more than
// streamQueue. A document fed twice keeps its first version in the build
// (the Sync after Finish indexes the later one). Add returns the build's
// error once it has failed; the import may go on, Finish returns it.
func (s *Stream) Add(d *content.Document, done, total int) error {
	if s.done {
		return errClosed
	}
	if err := s.err(); err != nil {
		return err
	}
	if s.fed[d.ID] {
		return nil
	}
	info := d.Info()
	if !streamable(info) {
		return nil
	}
	s.fed[d.ID] = true
	est := s.base + s.text + info.TextBytes
	if done > 0 && total > done {
		est = s.base + int(int64(s.text+info.TextBytes)*int64(total)/int64(done))
	}
	return s.feed(buildJob{info: info, doc: d}, est)
}

// feed deals job to the lightest of the shards being filled. Shards are
// filled by workers at once (one per core: each has its own builder);
// when they all hold their share of est, the estimated text of the whole
// library (at least shardTarget), they are closed — their final merges
// run while the next ones fill — and the next ones open, up to maxShards.
func (s *Stream) feed(job buildJob, est int) error {
	want := shardsFor(est)
	target := max(shardTarget, est/want)
	var open []*streamShard
	full := true
	for _, sh := range s.shards {
		if !sh.closed {
			open = append(open, sh)
			full = full && sh.text >= target
		}
	}
	if len(open) > 0 && full && len(s.shards) < maxShards {
		for _, sh := range open {
			close(sh.jobs)
			sh.closed = true
		}
		open = nil
	}
	for len(open) < cap(s.sem) && len(s.shards) < want {
		open = append(open, s.open())
	}
	if len(open) == 0 { // more text than estimated
		open = append(open, s.open())
	}
	sh := open[0]
	for _, o := range open[1:] {
		if o.text < sh.text {
			sh = o
		}
	}
	cost := s.queued.cost(job.info.TextBytes)
	if !s.queued.acquire(s.ctx, cost) {
		return s.ctx.Err()
	}
	job.taken = func() { s.queued.release(cost) }
	sh.text += job.info.TextBytes
	s.text += job.info.TextBytes
	select {
	case sh.jobs <- job:
		return nil
	case <-s.ctx.Done():
		s.queued.release(cost)
		return s.ctx.Err()
	}
}

// open starts the builder of the next shard; it waits for a free worker
// (a core) before it writes anything, its documents queueing meanwhile.
func (s *Stream) open() *streamShard {
	i := len(s.shards)
	sh := &streamShard{jobs: make(chan buildJob, 1024)}
	s.shards = append(s.shards, sh)
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		select {
		case s.sem <- struct{}{}:
		case <-s.ctx.Done():
			return
		}
		defer func() { <-s.sem }()
		err := guard("build", func() error {
			return s.ix.buildAt(s.ctx, shardPath(s.path, i), s.src, buildSegmentSections, sh.jobs, s.ahead, s.docDone)
		})
		if err != nil {
			s.fail(err)
		}
	}()
	return sh
}

func (s *Stream) docDone() {
	s.mu.Lock()
	s.in++
	in, total, progress := s.in, s.total, s.progress
	s.mu.Unlock()
	if progress != nil {
		progress(min(in, total), total)
	}
}

func (s *Stream) fail(err error) {
	s.mu.Lock()
	if s.firstErr == nil {
		s.firstErr = err
	}
	s.mu.Unlock()
	s.cancel()
}

func (s *Stream) err() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.firstErr != nil {
		return s.firstErr
	}
	return s.ctx.Err()
}

// Finish completes the build: the documents of the catalogue that were
// not fed are loaded from the source and added, every shard is merged,
// and the new index replaces the old one. Then a Sync brings in what the
// stream left out (documents changed or removed since they were fed,
// documents of long sections). progress is called with documents done
// and total. After an error the old index stays as it was.
func (s *Stream) Finish(progress func(done, total int)) error {
	if s.done {
		return errClosed
	}
	defer s.cancel()
	cat := s.src.Catalog()
	s.mu.Lock()
	s.progress, s.total = progress, len(cat)
	s.mu.Unlock()
	err := s.err()
	for _, d := range cat {
		if err != nil {
			break
		}
		if s.fed[d.ID] || !streamable(d) {
			continue
		}
		s.fed[d.ID] = true
		err = s.feed(buildJob{info: d}, s.base+s.text)
	}
	if err == nil && len(s.shards) == 0 {
		s.open() // an empty library: one empty shard
	}
	s.stop()
	if err == nil {
		err = s.err()
	}
	ix := s.ix
	final := livePrefix + strings.TrimPrefix(s.name, buildPrefix)
	if err == nil {
		err = os.Rename(s.path, filepath.Join(ix.dir, final))
	}
	if err != nil {
		os.RemoveAll(s.path)
		err = writeError(ix.dir, err)
	}
	if err = ix.install(final, len(s.shards), err); err != nil {
		return err
	}
	return ix.Sync(s.ctx, s.src, progress)
}

// stop closes the shards being filled and waits for every builder.
func (s *Stream) stop() {
	s.done = true
	for _, sh := range s.shards {
		if !sh.closed {
			close(sh.jobs)
			sh.closed = true
		}
	}
	s.wg.Wait()
	s.restore()
}

// Abort stops the build and removes what it wrote; the index stays as it
// was. It may follow a Finish (it then does nothing).
func (s *Stream) Abort() {
	if s.done {
		return
	}
	s.cancel()
	s.stop()
	os.RemoveAll(s.path)
	s.ix.mu.Lock()
	defer s.ix.mu.Unlock()
	s.ix.shared()
}
