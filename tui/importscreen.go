package tui

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"chibo/content"
	"chibo/content/safetext"
	"chibo/tui/i18n"
)

type importState int

const (
	importPrompt  importState = iota // typing the path
	importRunning                    // files are being imported
	importDone                       // the summary
)

// importScreen imports a file or folder (key i): a path prompt with tab
// completion, then one line per file as the import goes, then the
// summary. The import runs in a goroutine; its results come back one by
// one as messages, so the screen stays live and esc can stop it.
type importScreen struct {
	sh   *shared
	ed   libraryEditor
	home string
	w, h int

	state   importState
	input   textinput.Model
	cands   []string // completion candidates, when ambiguous
	note    string   // under the input: no match, no such file
	noteErr bool

	from      string // the path as typed
	root      string // the path resolved (files are shown relative to it)
	rootDir   bool
	cancel    context.CancelFunc
	stopping  bool
	cancelled bool
	results   []content.ImportResult
	n, total  int
	offset    int
	follow    bool     // keep the newest line in view while importing
	cache     []string // lines() at width linesW
	linesW    int
}

// Messages of a running import; each carries its screen, because the app
// routes them there even when another screen is showing.
type (
	importCheckedMsg struct {
		s        *importScreen
		in, path string
		dir      bool
		err      error
	}
	importCompletedMsg struct {
		s  *importScreen
		in string
		c  pathCompletion
	}
	importResultMsg struct {
		s   *importScreen
		res content.ImportResult
		ch  chan tea.Msg
	}
	importDoneMsg struct {
		s   *importScreen
		err error
	}
)

func newImportScreen(sh *shared, ed libraryEditor, home string) *importScreen {
	s := &importScreen{sh: sh, ed: ed, home: home}
	s.input = newInput(sh, sh.T(i18n.AppImportPrompt))
	s.input.SetValue("~/")
	s.input.CursorEnd()
	return s
}

// focus puts the cursor in the path input (the screen opens typing).
func (s *importScreen) focus() tea.Cmd { return s.input.Focus() }

func (s *importScreen) running() bool { return s.state == importRunning }

// OwnsKeys keeps every key on the screen while an import runs.
func (s *importScreen) OwnsKeys() bool { return s.running() }

func (s *importScreen) Capturing() bool { return s.state != importDone }

func (s *importScreen) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		switch s.state {
		case importPrompt:
			return s.promptKey(msg)
		case importRunning:
			if key.Matches(msg, s.sh.keys().Stop) {
				if s.stopping && msg.String() == "ctrl+c" {
					return tea.Quit // a second ctrl+c: the user really wants out
				}
				s.stopping = true
				s.cancel()
			}
			return nil
		default:
			return s.summaryKey(msg)
		}
	case tea.PasteMsg:
		if s.state == importPrompt {
			if v := s.input.Value(); v == "~/" || v == "~" {
				// A path dropped onto the terminal replaces the
				// starting ~/ rather than being appended to it.
				s.input.SetValue("")
			}
			var cmd tea.Cmd
			s.input, cmd = s.input.Update(msg)
			s.cands, s.note = nil, ""
			return cmd
		}
	case tea.MouseWheelMsg:
		if s.state != importPrompt {
			if msg.Button == tea.MouseWheelUp {
				s.scroll(-3)
			} else if msg.Button == tea.MouseWheelDown {
				s.scroll(3)
			}
		}
	}
	return nil
}

func (s *importScreen) promptKey(msg tea.KeyPressMsg) tea.Cmd {
	switch msg.String() {
	case "esc":
		return send(escBackMsg{})
	case "tab":
		in, home := s.input.Value(), s.home
		return func() tea.Msg {
			return importCompletedMsg{s: s, in: in, c: completePath(in, home)}
		}
	case "enter":
		in, home := s.input.Value(), s.home
		return func() tea.Msg {
			p, err := resolvePath(in, home)
			m := importCheckedMsg{s: s, in: in, path: p, err: err}
			if err == nil {
				if info, err := os.Stat(p); err == nil {
					m.dir = info.IsDir()
				}
			}
			return m
		}
	}
	if s.input.Value() == "~/" && msg.Text != "" && strings.ContainsRune(seps(), []rune(msg.Text)[0]) {
		// A full path typed from the start replaces the ~/ the prompt
		// starts with ("~//tmp/x" was taken for a folder in home).
		s.input.SetValue("")
	}
	var cmd tea.Cmd
	s.input, cmd = s.input.Update(msg)
	s.cands, s.note = nil, ""
	return cmd
}

// completed applies a tab completion, unless the user typed on meanwhile.
func (s *importScreen) completed(m importCompletedMsg) {
	if s.state != importPrompt || s.input.Value() != m.in {
		return
	}
	s.input.SetValue(m.c.value)
	s.input.CursorEnd()
	s.cands, s.note, s.noteErr = m.c.cands, "", false
	if m.c.none {
		s.note = s.sh.T(i18n.AppImportNoMatch)
	}
}

// checked starts the import of a path that exists, or says why not.
func (s *importScreen) checked(m importCheckedMsg) tea.Cmd {
	if s.state != importPrompt || s.input.Value() != m.in {
		return nil
	}
	s.cands = nil
	if m.err != nil {
		s.noteErr = true
		if errors.Is(m.err, errNoPath) {
			s.note = s.sh.T(i18n.AppImportNoPath)
		} else {
			s.note = fmt.Sprintf(s.sh.T(i18n.AppImportNotFound), safetext.Line(strings.TrimSpace(m.in)))
		}
		return nil
	}
	s.from, s.root, s.rootDir = strings.TrimSpace(m.in), m.path, m.dir
	s.state, s.follow = importRunning, true
	s.input.Blur()
	ctx, cancel := context.WithCancel(context.Background())
	s.cancel = cancel
	ed, path := s.ed, m.path
	return func() tea.Msg {
		// Every result must reach the summary, so sends block: the app
		// keeps reading until importDoneMsg.
		ch := make(chan tea.Msg, 16)
		go func() {
			err := ed.ImportContext(ctx, []string{path}, content.ImportOptions{}, func(r content.ImportResult) {
				ch <- importResultMsg{s: s, res: r, ch: ch}
			})
			cancel()
			ch <- importDoneMsg{s: s, err: err}
		}()
		return <-ch
	}
}

// result records one file and waits for the next.
func (s *importScreen) result(m importResultMsg) tea.Cmd {
	s.results = append(s.results, m.res)
	s.n, s.total = m.res.N, m.res.Total
	if s.linesW == s.w {
		s.cache = append(s.cache, s.resultLines(m.res)...)
	}
	if s.follow {
		s.offset = max(0, len(s.lines())-s.listH())
	}
	ch := m.ch
	return func() tea.Msg { return <-ch }
}

// done ends the import; it returns whether the library changed (so the
// app refreshes the list and the index) and the first document added.
func (s *importScreen) done(m importDoneMsg) (changed bool, first string) {
	// The summary opens at its top, where the first failures are.
	s.state, s.offset, s.follow = importDone, 0, false
	s.cancelled = m.err != nil
	for _, r := range s.results {
		if r.Status == content.ImportAdded || r.Status == content.ImportUpdated {
			changed = true
			if first == "" && r.Doc != nil {
				first = r.Doc.ID
			}
		}
	}
	return changed, first
}

func (s *importScreen) summaryKey(msg tea.KeyPressMsg) tea.Cmd {
	k := s.sh.keys()
	switch {
	case key.Matches(msg, k.Close):
		return send(escBackMsg{})
	case key.Matches(msg, k.Up):
		s.scroll(-1)
	case key.Matches(msg, k.Down):
		s.scroll(1)
	case key.Matches(msg, k.PageUp):
		s.scroll(-max(1, s.listH()-1))
	case key.Matches(msg, k.PageDown):
		s.scroll(max(1, s.listH()-1))
	case key.Matches(msg, k.Top):
		s.offset = 0
	case key.Matches(msg, k.Bottom):
		s.scroll(len(s.lines()))
	}
	return nil
}

func (s *importScreen) scroll(n int) {
	total := len(s.lines())
	s.offset = max(0, min(s.offset+n, total-s.listH()))
	s.follow = s.offset >= total-s.listH()
}

func (s *importScreen) SetSize(w, h int) tea.Cmd {
	s.w, s.h = w, h
	s.input.SetWidth(max(w-lenCells(s.input.Prompt)-3, 5))
	if s.state != importPrompt {
		s.offset = max(0, min(s.offset, len(s.lines())-s.listH()))
	}
	return nil
}

// head is the part above the file list: where from, then the progress
// bar while importing or the totals when done.
func (s *importScreen) head() []string {
	st := s.sh.st()
	out := []string{" " + st.Bold.Render(clip(fmt.Sprintf(s.sh.T(i18n.AppImportFrom), safetext.Line(s.from)), s.w-2))}
	switch {
	case s.state == importRunning && s.stopping:
		out = append(out, " "+s.sh.T(i18n.AppImportStopping))
	case s.state == importRunning && s.total == 0:
		out = append(out, " "+s.sh.T(i18n.AppImportScanning))
	case s.state == importRunning:
		out = append(out, " "+progressBar(st, s.w-2, s.n, s.total, fmt.Sprintf(s.sh.T(i18n.AppImportCount), s.n, s.total)))
	default:
		c := map[content.ImportStatus]int{}
		for _, r := range s.results {
			c[r.Status]++
		}
		msg := fmt.Sprintf(s.sh.T(i18n.ImportSummaryLine), c[content.ImportAdded], c[content.ImportUpdated],
			c[content.ImportDuplicate], c[content.ImportFailed], c[content.ImportSkipped])
		if len(s.results) == 0 && !s.cancelled {
			msg = s.sh.T(i18n.AppImportNothing)
		}
		out = append(out, wrapIndent(msg, s.w, 1)...)
		if s.cancelled {
			for _, l := range wrapIndent(s.sh.T(i18n.ImportCancelled), s.w, 1) {
				out = append(out, st.Error.Render(l))
			}
		}
	}
	return append(out, "")
}

func (s *importScreen) listH() int { return max(1, s.h-len(s.head())) }

// lines is the file list, built as results arrive and again when the
// width changes (a big folder has thousands of lines).
func (s *importScreen) lines() []string {
	if s.linesW != s.w {
		s.cache, s.linesW = nil, s.w
		for _, r := range s.results {
			s.cache = append(s.cache, s.resultLines(r)...)
		}
	}
	return s.cache
}

var importVerbs = map[content.ImportStatus]i18n.Msg{
	content.ImportAdded: i18n.ImportAdded, content.ImportUpdated: i18n.ImportUpdated,
	content.ImportDuplicate: i18n.ImportDuplicate, content.ImportFailed: i18n.ImportFailed,
	content.ImportSkipped: i18n.ImportSkipped,
}

// resultLines is one file: a verb, the file (relative to the folder
// imported), a note; a failure's reason goes on the lines below.
func (s *importScreen) resultLines(r content.ImportResult) []string {
	st := s.sh.st()
	vw := 0
	for _, m := range importVerbs {
		vw = max(vw, lenCells(s.sh.T(m)))
	}
	indent := strings.Repeat(" ", vw+2)
	// File names, titles and the reasons naming them come from outside:
	// one line each, no control sequence (a name with ESC or '\r' must
	// not reach the terminal).
	name := filepath.Base(r.Path)
	if s.rootDir {
		if rel, err := filepath.Rel(s.root, r.Path); err == nil {
			name = filepath.ToSlash(rel)
		}
	}
	name = safetext.Line(name)
	var note, reason string
	switch r.Status {
	case content.ImportAdded, content.ImportUpdated:
		if r.Doc != nil {
			note = fmt.Sprintf(s.sh.T(i18n.AppImportTitle), safetext.Line(r.Doc.Title))
		}
		if r.OCR {
			note += " — " + s.sh.T(i18n.ImportOCRNote)
		}
		if r.Garbled {
			note += " — " + s.sh.T(i18n.ImportGarbledNote)
		}
		if r.Replaced > 0 {
			note += " — " + fmt.Sprintf(s.sh.T(i18n.ImportReplacedNote), r.Replaced)
		}
		if r.Beside != "" {
			note += " — " + fmt.Sprintf(s.sh.T(i18n.ImportBesideNote), r.Beside)
		}
	case content.ImportDuplicate:
		if r.Doc != nil {
			note = fmt.Sprintf(s.sh.T(i18n.AppImportSameAs), safetext.Line(r.Doc.Title))
		}
	case content.ImportSkipped:
		if errors.Is(r.Err, content.ErrOutside) {
			note = s.sh.T(i18n.ImportOutside)
		} else if errors.Is(r.Err, content.ErrBrokenLink) {
			note = s.sh.T(i18n.ImportBrokenLink)
		} else {
			note = s.sh.T(i18n.ImportNotDocument)
		}
	case content.ImportFailed:
		if r.Err != nil {
			reason = safetext.Line(i18n.Describe(s.sh.lang(), r.Err))
		}
	}
	text := name
	if note != "" {
		text += " — " + note
	}
	textW := max(s.w-2-len(indent), 10)
	var out []string
	for i, l := range wrapText(text, textW) {
		if i > 0 {
			out = append(out, " "+indent+l)
			continue
		}
		v := fit(s.sh.T(importVerbs[r.Status]), vw)
		if r.Status == content.ImportFailed {
			v = st.Error.Render(v)
		}
		out = append(out, " "+v+"  "+l)
	}
	if reason != "" {
		for _, l := range wrapText(reason, textW) {
			out = append(out, " "+indent+st.Faint.Render(l))
		}
	}
	return out
}

func (s *importScreen) View() string {
	if s.state == importPrompt {
		return s.promptView()
	}
	st := s.sh.st()
	head := s.head()
	lines := s.lines()
	h := s.listH()
	off := s.offset
	if s.follow {
		off = max(0, len(lines)-h)
	}
	off = max(0, min(off, len(lines)-h))
	end := min(off+h, len(lines))
	body := append(head, lines[off:end]...)
	if off > 0 || end < len(lines) {
		// Say there is more: the summary of a big folder is long.
		body[len(head)-1] = " " + st.Faint.Render(fmt.Sprintf(s.sh.T(i18n.AppImportLines), off+1, end, len(lines)))
	}
	return strings.Join(body, "\n")
}

func (s *importScreen) promptView() string {
	st := s.sh.st()
	var out []string
	out = append(out, wrapIndent(s.sh.T(i18n.AppImportIntro), s.w, 1)...)
	out = append(out, "", " "+s.input.View())
	if s.note != "" {
		for _, l := range wrapIndent(s.note, s.w, 1) {
			if s.noteErr {
				l = st.Error.Render(l)
			}
			out = append(out, l)
		}
	} else {
		for _, l := range wrapIndent(s.sh.T(i18n.AppImportTips), s.w, 1) {
			out = append(out, st.Faint.Render(l))
		}
	}
	if len(s.cands) > 0 {
		out = append(out, "")
		room := s.h - len(out)
		n := len(s.cands)
		if n > room {
			n = max(0, room-1)
		}
		for _, c := range s.cands[:n] {
			out = append(out, "   "+clip(safetext.Line(c), s.w-4))
		}
		if n < len(s.cands) {
			out = append(out, "   "+st.Faint.Render(fmt.Sprintf(s.sh.T(i18n.AppImportMore), len(s.cands)-n)))
		}
	}
	return strings.Join(out, "\n")
}

func (s *importScreen) Name() string { return s.sh.T(i18n.AppScreenImport) }
func (s *importScreen) Crumb() string {
	if s.state == importPrompt {
		return ""
	}
	return s.from
}

func (s *importScreen) Position() string {
	if s.total == 0 {
		return ""
	}
	return fmt.Sprintf("%d/%d", s.n, s.total)
}

func (s *importScreen) ShortKeys() []key.Binding {
	k := s.sh.keys()
	switch s.state {
	case importPrompt:
		return []key.Binding{k.Complete, k.Start, k.Cancel}
	case importRunning:
		return []key.Binding{k.Stop}
	}
	return []key.Binding{k.Close, k.Up, k.Down, k.PageDown}
}

func (s *importScreen) FullKeys() [][]key.Binding {
	k := s.sh.keys()
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom},
		{k.Complete, k.Start, k.Cancel, k.Stop, k.Close},
	}
}

// progressBar is "███░░░ label" in w cells: plain blocks, so it reads the
// same without colour.
func progressBar(st styles, w, done, total int, label string) string {
	barW := w - lenCells(label) - 1
	if barW < 5 || total <= 0 {
		return clip(label, w)
	}
	n := min(barW, done*barW/total)
	return st.Bar.Render(strings.Repeat("█", n)) + strings.Repeat("░", barW-n) + " " + label
}
