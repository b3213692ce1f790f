package pdftext

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/klippa-app/go-pdfium"
	"github.com/klippa-app/go-pdfium/webassembly"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"
)

// engineKey names the compiled-code cache. wazero keys its cache by the
// module's hash, but test binaries report wazero's version as "dev", so a
// cache shared across an upgrade could hold code for another wazero; the
// key is bumped with go-pdfium and wazero (a test checks it against go.mod).
const engineKey = "go-pdfium-v1.21.4-wazero-v1.12.0"

// Memory bounds of a sandbox, in bytes. PDFium starts with 18 MB; reading
// the text of real documents rarely takes more, while a decompression
// bomb takes all it is given, so reading text may use TextMemoryLimit
// (plus the file's size, which is copied in) and rendering a page for OCR
// RenderMemoryLimit (a 300 dpi A4 page is 35 MB of pixels). A file that
// needs more is reported too large. One allocation is bounded likewise,
// and wazero's own cap, hardMemoryLimit, backs all this up.
const (
	TextMemoryLimit   = 48 << 20
	RenderMemoryLimit = 160 << 20
	MaxFileSize       = 96 << 20
	maxTextAlloc      = 32 << 20
	maxRenderAlloc    = 96 << 20
	hardMemoryLimit   = RenderMemoryLimit + MaxFileSize
)

// engine is a running PDFium: a wazero runtime with the compiled module,
// and a pool that instantiates one fresh sandbox per document.
type engine struct {
	pool     pdfium.Pool
	cache    wazero.CompilationCache // nil when compiled code is not cached
	cacheDir string                  // "" when compiled code is not cached
	initTime time.Duration           // how long compiling (or loading) took
}

// close ends the runtime and its compilation cache's engine, which hold
// the compiled code (some 22 MB of executable memory) and the decoded
// module (8 MB of heap). No sandbox may be in use. wazero unmaps the code
// in a finalizer: a collection now lets it go at once rather than at
// the program's next one.
func (e *engine) close() {
	_ = e.pool.Close()
	if e.cache != nil {
		_ = e.cache.Close(context.Background())
	}
	runtime.GC()
}

// engineIdle is how long PDFium is kept once no document is being read.
// An import reads its files first and then builds the search index, whose
// peak memory then does not include PDFium's 30 MB; starting it again
// from the compiled-code cache takes 0.2–0.6 s.
var engineIdle = time.Second

// engineSlot is one start of PDFium; done is closed once val or err is set.
type engineSlot struct {
	done chan struct{}
	val  *engine
	err  error
}

// engState is the process's PDFium: cur is nil when it is not running;
// users counts the documents being read with it; idle is the timer that
// stops it after engineIdle without users. A failed start stays (the
// next document would fail alike).
var engState struct {
	sync.Mutex
	cur   *engineSlot
	users int
	idle  *time.Timer
	last  *engineSlot // the last started, for InitTime
}

// acquireEngine starts PDFium unless it runs, and waits for it or for
// ctx. Compiling takes seconds the first time on a machine and a fraction
// of a second once the compiled code is cached; a cancelled caller does
// not wait for it. After a nil error the caller must call releaseEngine
// once no sandbox of it is in use any more.
func acquireEngine(ctx context.Context) (*engine, error) {
	engState.Lock()
	s := engState.cur
	if s == nil {
		s = &engineSlot{done: make(chan struct{})}
		engState.cur, engState.last = s, s
		go func() {
			s.val, s.err = newEngine()
			close(s.done)
			engState.Lock()
			armIdle()
			engState.Unlock()
		}()
	}
	engState.users++
	if engState.idle != nil {
		engState.idle.Stop()
		engState.idle = nil
	}
	engState.Unlock()
	select {
	case <-s.done:
		if s.err != nil {
			releaseEngine()
			return nil, s.err
		}
		return s.val, nil
	case <-ctx.Done():
		releaseEngine()
		return nil, ctx.Err()
	}
}

// releaseEngine ends a use begun by acquireEngine.
func releaseEngine() {
	engState.Lock()
	engState.users--
	armIdle()
	engState.Unlock()
}

// armIdle (engState locked) starts the idle timer when PDFium has started
// and nobody uses it.
func armIdle() {
	s := engState.cur
	if engState.users > 0 || s == nil || engState.idle != nil {
		return
	}
	select {
	case <-s.done:
	default:
		return // still starting: the starter arms the timer
	}
	if s.err != nil {
		return
	}
	var t *time.Timer
	t = time.AfterFunc(engineIdle, func() {
		engState.Lock()
		if engState.idle != t || engState.users > 0 || engState.cur != s {
			engState.Unlock()
			return
		}
		engState.cur, engState.idle = nil, nil
		engState.Unlock()
		s.val.close()
	})
	engState.idle = t
}

// engineRunning reports whether PDFium is started (or starting).
func engineRunning() bool {
	engState.Lock()
	defer engState.Unlock()
	return engState.cur != nil
}

// Warm starts PDFium in the background so that a PDF read soon after does
// not wait for it; it returns at once. Unused, it stops after engineIdle.
func Warm() {
	if _, err := acquireEngine(canceledCtx); err == nil {
		releaseEngine()
	}
}

var canceledCtx = func() context.Context {
	c, cancel := context.WithCancel(context.Background())
	cancel()
	return c
}()

// InitTime reports how long the last start of PDFium took, and the
// directory of its compiled-code cache ("" when there is none); ok is
// false before it has started.
func InitTime() (d time.Duration, cacheDir string, ok bool) {
	engState.Lock()
	s := engState.last
	engState.Unlock()
	if s == nil {
		return 0, "", false
	}
	select {
	case <-s.done:
		if s.val != nil {
			return s.val.initTime, s.val.cacheDir, true
		}
	default:
	}
	return 0, "", false
}

// Workers is how many documents are read at once; further callers wait.
func workers() int { return max(2, min(runtime.GOMAXPROCS(0), 8)) }

func newEngine() (*engine, error) {
	start := time.Now()
	cfg := wazero.NewRuntimeConfig().
		WithCoreFeatures(api.CoreFeaturesV2 | experimental.CoreFeaturesExceptionHandling).
		WithMemoryLimitPages(hardMemoryLimit >> 16).
		WithDebugInfoEnabled(false)
	dir := cacheDir()
	var cache wazero.CompilationCache
	if dir != "" {
		var err error
		if cache, err = wazero.NewCompilationCacheWithDir(dir); err != nil {
			dir, cache = "", nil
		} else {
			cfg = cfg.WithCompilationCache(cache)
		}
	}
	ctx := experimental.WithFunctionListenerFactory(context.Background(), stopListenerFactory{})
	ctx = experimental.WithMemoryAllocator(ctx, experimental.MemoryAllocatorFunc(newLinearMemory))
	pool, err := webassembly.Init(webassembly.Config{
		Context:       ctx,
		MinIdle:       0,
		MaxIdle:       workers(),
		MaxTotal:      workers(),
		RuntimeConfig: cfg,
		FSConfig:      wazero.NewFSConfig(), // no files
		Stdout:        io.Discard,
		Stderr:        io.Discard,
		ReuseWorkers:  false, // a fresh sandbox per document
	})
	if err != nil {
		if cache != nil {
			_ = cache.Close(context.Background())
		}
		return nil, fmt.Errorf("starting PDFium: %w", err)
	}
	return &engine{pool: pool, cache: cache, cacheDir: dir, initTime: time.Since(start)}, nil
}

// cacheBase is where SetCacheDir put the compiled code ("": the user's
// cache folder).
var cacheBase atomic.Value // string

// SetCacheDir sets the folder for PDFium's compiled code (about 20 MB,
// kept so later starts skip the 5–7 s compilation): chibo's own cache
// folder, so --data DIR keeps it in DIR too. It takes effect at the next
// start of the engine; CHIBO_PDFIUM_CACHE still overrides it.
func SetCacheDir(dir string) { cacheBase.Store(dir) }

// cacheDir is the writable directory for wazero's compiled code, or "".
// CHIBO_PDFIUM_CACHE overrides the location ("off" disables the cache);
// then SetCacheDir's; then chibo/wazero in the user's cache folder.
func cacheDir() string {
	dir := os.Getenv("CHIBO_PDFIUM_CACHE")
	switch dir {
	case "off":
		return ""
	case "":
		if b, _ := cacheBase.Load().(string); b != "" {
			dir = b
			break
		}
		base, err := os.UserCacheDir()
		if err != nil {
			return ""
		}
		dir = filepath.Join(base, "chibo", "wazero")
	}
	dir = filepath.Join(dir, engineKey)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return ""
	}
	f, err := os.CreateTemp(dir, ".probe-*")
	if err != nil {
		return ""
	}
	name := f.Name()
	f.Close()
	os.Remove(name)
	return dir
}

// stop reasons, set by the watchdog and read by the listener.
const (
	running int32 = iota
	stopCanceled
	stopTimeout
	stopMemory
)

// guard is the cancellation state of one document's sandbox. The sandbox
// runs without wazero's per-loop termination checks (they make PDFium two
// to three times slower); instead every allocation inside PDFium passes the
// listener below, which aborts the call once the guard is stopped. PDFium
// allocates all the time while it parses, so a cancel, a timeout or a
// runaway file ends within milliseconds.
type guard struct {
	state atomic.Int32
	// limit and alloc bound the sandbox's memory and one allocation, in
	// bytes (see TextMemoryLimit).
	limit, alloc atomic.Uint32
	file         uint32      // the file's size, added to the memory limits
	timer        *time.Timer // stops the work at its deadline
}

// newGuard returns a guard for reading the text of a file of size bytes.
func newGuard(size int) *guard {
	g := &guard{file: uint32(size)}
	g.setLimits(TextMemoryLimit, max(maxTextAlloc, g.file))
	return g
}

func (g *guard) setLimits(memory, alloc uint32) {
	g.limit.Store(memory + g.file)
	g.alloc.Store(alloc)
}

func (g *guard) stop(reason int32) { g.state.CompareAndSwap(running, reason) }

func (g *guard) stopped() int32 { return g.state.Load() }

type guardKey struct{}

// errStopped is the panic value the listener raises inside PDFium.
var errStopped = errors.New("pdftext: stopped")

type stopListenerFactory struct{}

// NewFunctionListener listens to malloc only: it is cheap enough to pass
// on every call and is called from every loop of a parser.
func (stopListenerFactory) NewFunctionListener(def api.FunctionDefinition) experimental.FunctionListener {
	for _, n := range def.ExportNames() {
		if n == "malloc" {
			return stopListener{}
		}
	}
	return nil
}

type stopListener struct{}

func (stopListener) Before(ctx context.Context, mod api.Module, _ api.FunctionDefinition, params []uint64, _ experimental.StackIterator) {
	g, ok := ctx.Value(guardKey{}).(*guard)
	if !ok {
		return
	}
	if g.stopped() != running {
		panic(errStopped)
	}
	if len(params) > 0 && uint32(params[0]) > g.alloc.Load() || mod.Memory().Size() > g.limit.Load() {
		g.stop(stopMemory)
		panic(errStopped)
	}
}

func (stopListener) After(context.Context, api.Module, api.FunctionDefinition, []uint64) {}

func (stopListener) Abort(context.Context, api.Module, api.FunctionDefinition, error) {}

// fn names the PDFium functions this package calls directly.
type fn int

const (
	fnMalloc fn = iota
	fnFree
	fnGetLastError
	fnLoadMemDocument64
	fnCloseDocument
	fnGetPageCount
	fnLoadPage
	fnClosePage
	fnGetPageWidthF
	fnGetPageHeightF
	fnGetPageRotation
	fnGetPageBoundingBox
	fnCountObjects
	fnGetObject
	fnObjGetType
	fnTextLoadPage
	fnTextClosePage
	fnTextCountChars
	fnTextGetUnicode
	fnTextGetLooseCharBox
	fnTextGetTextObject
	fnTextGetFontSize
	fnTextGetFontWeight
	fnTextGetFontInfo
	fnTextGetMatrix
	fnObjCountMarks
	fnObjGetMark
	fnMarkGetName
	fnMarkGetParamStringValue
	fnBitmapCreate
	fnBitmapFillRect
	fnBitmapGetBuffer
	fnBitmapGetStride
	fnBitmapDestroy
	fnRenderPageBitmap
	fnPageFlatten
	numFns
)

// fnSpecs are the export names and parameter counts (checked when a
// sandbox is attached, so a changed build fails loudly, not wrongly).
var fnSpecs = [numFns]struct {
	name   string
	params int
}{
	fnMalloc:                  {"malloc", 1},
	fnFree:                    {"free", 1},
	fnGetLastError:            {"FPDF_GetLastError", 0},
	fnLoadMemDocument64:       {"FPDF_LoadMemDocument64", 3},
	fnCloseDocument:           {"FPDF_CloseDocument", 1},
	fnGetPageCount:            {"FPDF_GetPageCount", 1},
	fnLoadPage:                {"FPDF_LoadPage", 2},
	fnClosePage:               {"FPDF_ClosePage", 1},
	fnGetPageWidthF:           {"FPDF_GetPageWidthF", 1},
	fnGetPageHeightF:          {"FPDF_GetPageHeightF", 1},
	fnGetPageRotation:         {"FPDFPage_GetRotation", 1},
	fnGetPageBoundingBox:      {"FPDF_GetPageBoundingBox", 2},
	fnCountObjects:            {"FPDFPage_CountObjects", 1},
	fnGetObject:               {"FPDFPage_GetObject", 2},
	fnObjGetType:              {"FPDFPageObj_GetType", 1},
	fnTextLoadPage:            {"FPDFText_LoadPage", 1},
	fnTextClosePage:           {"FPDFText_ClosePage", 1},
	fnTextCountChars:          {"FPDFText_CountChars", 1},
	fnTextGetUnicode:          {"FPDFText_GetUnicode", 2},
	fnTextGetLooseCharBox:     {"FPDFText_GetLooseCharBox", 3},
	fnTextGetTextObject:       {"FPDFText_GetTextObject", 2},
	fnTextGetFontSize:         {"FPDFText_GetFontSize", 2},
	fnTextGetFontWeight:       {"FPDFText_GetFontWeight", 2},
	fnTextGetFontInfo:         {"FPDFText_GetFontInfo", 5},
	fnTextGetMatrix:           {"FPDFText_GetMatrix", 3},
	fnObjCountMarks:           {"FPDFPageObj_CountMarks", 1},
	fnObjGetMark:              {"FPDFPageObj_GetMark", 2},
	fnMarkGetName:             {"FPDFPageObjMark_GetName", 4},
	fnMarkGetParamStringValue: {"FPDFPageObjMark_GetParamStringValue", 5},
	fnBitmapCreate:            {"FPDFBitmap_Create", 3},
	fnBitmapFillRect:          {"FPDFBitmap_FillRect", 6},
	fnBitmapGetBuffer:         {"FPDFBitmap_GetBuffer", 1},
	fnBitmapGetStride:         {"FPDFBitmap_GetStride", 1},
	fnBitmapDestroy:           {"FPDFBitmap_Destroy", 1},
	fnRenderPageBitmap:        {"FPDF_RenderPageBitmap", 8},
	fnPageFlatten:             {"FPDFPage_Flatten", 2},
}

// sandbox is one PDFium instance reserved for one document. Its functions
// are called directly (go-pdfium's typed wrappers allocate and free a
// result cell per call and register a handle per object, which is most of
// the cost of reading a page character by character); go-pdfium still
// compiles, instantiates, initialises and disposes of it.
type sandbox struct {
	inst  pdfium.Pdfium
	ctx   context.Context // carries the guard to the listener
	guard *guard
	mem   api.Memory
	fns   [numFns]api.Function
	stack [16]uint64
	// scratch is a 256-byte block inside the sandbox for out-parameters.
	scratch uint32
	broken  bool // a call failed mid-way: dispose of the instance, don't reuse
	// ocrAll marks every page that shows a picture for OCR (Options.ForceOCR).
	ocrAll bool
}

func (e *engine) open(ctx context.Context, g *guard) (*sandbox, error) {
	inst, err := e.pool.GetInstanceWithContext(ctx)
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, fmt.Errorf("starting a PDFium sandbox: %w", err)
	}
	s := &sandbox{inst: inst, guard: g, ctx: context.WithValue(context.Background(), guardKey{}, g)}
	if err := s.attach(); err != nil {
		s.broken = true
		s.close()
		return nil, err
	}
	if s.scratch, err = s.malloc(256); err != nil {
		s.close()
		return nil, err
	}
	return s, nil
}

// attach finds the module's memory and exported functions through the
// implementation go-pdfium exposes (GetImplementation), by the exported
// names of its fields and methods.
func (s *sandbox) attach() (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("go-pdfium's WebAssembly implementation has changed: %v", p)
		}
	}()
	impl := reflect.ValueOf(s.inst.GetImplementation())
	for impl.Kind() == reflect.Pointer || impl.Kind() == reflect.Interface {
		impl = impl.Elem()
	}
	mod := impl.FieldByName("Module")
	if !mod.IsValid() {
		return errors.New("go-pdfium's WebAssembly implementation has no Module")
	}
	mem, ok := mod.MethodByName("Memory").Call(nil)[0].Interface().(api.Memory)
	if !ok {
		return errors.New("go-pdfium's WebAssembly module has no wazero memory")
	}
	s.mem = mem
	export := mod.MethodByName("ExportedFunction")
	for i, spec := range fnSpecs {
		v := export.Call([]reflect.Value{reflect.ValueOf(spec.name)})[0]
		f, ok := v.Interface().(api.Function)
		if !ok || f == nil {
			return fmt.Errorf("PDFium does not export %s", spec.name)
		}
		if n := len(f.Definition().ParamTypes()); n != spec.params {
			return fmt.Errorf("PDFium's %s takes %d parameters, want %d", spec.name, n, spec.params)
		}
		s.fns[i] = f
	}
	return nil
}

// call runs one PDFium function and returns its result slot.
func (s *sandbox) call(f fn, args ...uint64) (uint64, error) {
	st := s.stack[:max(len(args), 1)]
	copy(st, args)
	if err := s.fns[f].CallWithStack(s.ctx, st); err != nil {
		s.broken = true
		if r := s.guard.stopped(); r != running {
			return 0, stopError(r)
		}
		return 0, &engineError{fn: fnSpecs[f].name, err: err}
	}
	return st[0], nil
}

// i32 calls f and reads its result as a C int.
func (s *sandbox) i32(f fn, args ...uint64) (int32, error) {
	r, err := s.call(f, args...)
	return int32(uint32(r)), err
}

func (s *sandbox) malloc(n uint32) (uint32, error) {
	p, err := s.call(fnMalloc, uint64(n))
	if err == nil && p == 0 {
		err = errNoMemory
	}
	return uint32(p), err
}

func (s *sandbox) f32(off uint32) float64 {
	v, _ := s.mem.ReadFloat32Le(off)
	return float64(v)
}

func (s *sandbox) u32(off uint32) uint32 {
	v, _ := s.mem.ReadUint32Le(off)
	return v
}

// close disposes of the sandbox: its whole memory goes back to the system.
func (s *sandbox) close() {
	if s.inst == nil {
		return
	}
	if s.broken {
		_ = s.inst.Kill()
	} else {
		_ = s.inst.Close()
	}
	s.inst = nil
}

var errNoMemory = errors.New("PDFium is out of memory")

// engineError is a failed or trapped PDFium call: a damaged file, or one
// that needs more than MemoryLimit.
type engineError struct {
	fn  string
	err error
}

func (e *engineError) Error() string { return "PDFium " + e.fn + ": " + e.err.Error() }
func (e *engineError) Unwrap() error { return e.err }

func stopError(r int32) error {
	switch r {
	case stopCanceled:
		return context.Canceled
	case stopTimeout:
		return ErrTimeout
	case stopMemory:
		return ErrTooLarge
	}
	return errStopped
}
