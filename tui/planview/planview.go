// Package planview is the meeting-plan screen (key m in the app) and the
// small "add to agenda" picker (key a in the reader and search). Both
// implement the app's screen contract (tui/common.Screen): their keys are
// common key.Bindings, their help is generated from the bindings in force
// in each mode, and every read and write of the plan runs in a tea.Cmd.
// Every change goes through plan.Store.Update, so it is saved atomically
// at once and two screens, or the app and the command line, never lose
// each other's changes.
package planview

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"chibo/content"
	"chibo/content/plan"
	"chibo/tui/common"
	"chibo/tui/i18n"
)

type mode int

const (
	modeList    mode = iota
	modePrompt       // a one-line input in the footer
	modeConfirm      // c/k in the footer
	modeNotes        // the notes editor fills the body
	modeExport       // choose a format
	modeMoveTo       // choose the item to move an excerpt to
	modeCheck        // the before/after checklist
	modeRoll         // the roll of this meeting
)

type promptKind int

const (
	promptNew promptKind = iota
	promptRename
	promptMinutes
	promptDate
	promptPlace
	promptLocality
	promptCell
	promptParty
)

// row is one selectable line: an item (ex < 0) or one of its excerpts.
type row struct{ item, ex int }

// rowID names a row by its IDs (they survive a reload; indexes do not).
type rowID struct{ item, ex string }

// undoStep is a deletion that u puts back: the item (with its excerpts
// and notes) or the excerpt, at the place it had.
type undoStep struct {
	title  string
	item   *plan.Item // a deleted item, at index at
	ex     *plan.Excerpt
	itemID string // the excerpt's item
	at     int
}

// Messages of the screen's own commands.
type (
	loadedMsg struct {
		m     *Model
		month string
		p     *plan.Plan
		saved bool
		err   error
	}
	savedMsg struct {
		m      *Model
		p      *plan.Plan
		err    error
		sel    rowID
		newAt  int // a new item's index (-1: none), selected after the save
		status string
		undo   *undoStep // pushed when the save succeeded
		undone bool      // the save was an undo: pop the stack
	}
	exportedMsg struct {
		m    *Model
		path string
		err  error
		// exists: nothing was written, path is already there (a pack
		// the secretary may have edited in Word); data is the new pack.
		exists bool
		data   []byte
		kept   string // the old file left as it was (written under a new name)
	}
	membersMsg struct {
		m    *Model
		list []plan.Member
		err  error
	}
)

// Model is the plan screen.
type Model struct {
	com   *common.Common
	store *plan.Store
	lib   plan.Source
	month string

	p      *plan.Plan
	saved  bool
	loaded bool

	rows []row
	cur  int
	top  int // first body line shown
	w, h int

	mode    mode
	prompt  promptKind
	queue   []promptKind // further prompts of the details form
	input   textinput.Model
	area    textarea.Model
	noteFor string // item ID being edited
	ask     common.Confirm
	target  rowID // what the open question deletes
	// replace is the pack waiting for the answer to "overwrite?" (nil:
	// the open question is a deletion).
	replace *exportedMsg
	pick    int // modeMoveTo and modeCheck cursor

	status    string
	statusErr bool
	exportDir string
	undo      []undoStep
	members   *plan.MemberStore // nil: the roll is off
	roll      []plan.Member     // the member list, read when the roll opens
}

// SetMembers gives the screen the cell's member list, for the roll (l).
func (m *Model) SetMembers(s *plan.MemberStore) { m.members = s }

// New makes the plan screen of month (plan key; "" opens the meeting
// being prepared, see NextMeeting). lib may be nil; with a library,
// excerpts whose source has gone are marked. Nothing is read here: the
// plan loads in the command SetSize (or Init) returns.
func New(com *common.Common, store *plan.Store, lib plan.Source, month string) *Model {
	if l, ok := lib.(*content.Library); ok && l == nil {
		lib = nil
	}
	m := &Model{com: com, store: store, lib: lib, month: month, w: 80, h: 24}
	if !plan.ValidKey(month) {
		m.month = ""
	}
	m.p, _ = plan.New(orMonth(m.month, store))
	m.input = common.NewInput(com, "")
	m.area = common.NewTextArea(com)
	m.exportDir = content.DocumentsDir(runtime.GOOS, os.Getenv, os.UserHomeDir, isDir)
	if m.exportDir == "" {
		m.exportDir = filepath.Dir(store.Dir())
	}
	m.rebuild()
	return m
}

func orMonth(month string, store *plan.Store) string {
	if month == "" {
		return plan.CurrentMonth(store.Now())
	}
	return month
}

// NextMeeting is the plan key of the meeting being prepared on the store's
// clock: this month's, unless its meeting date has passed (then next
// month's), or next month's plan is already started while this month's
// has no date. The months follow plan.AssessedMonth's reading of a plan
// without a date (held late in its month).
func NextMeeting(store *plan.Store) string {
	now := store.Now()
	cur := plan.CurrentMonth(now)
	next := plan.CurrentMonth(time.Date(now.Year(), now.Month()+1, 1, 0, 0, 0, 0, time.UTC))
	if p, saved, _ := store.Load(cur); p != nil && saved {
		if t, ok := p.DateOf(); ok {
			today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
			if t.Before(today) {
				return next
			}
			return cur
		}
	}
	if _, saved, _ := store.Load(next); saved {
		return next
	}
	return cur
}

func isDir(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.IsDir()
}

// SetExportDir sets where `e` writes the meeting pack (default: the
// user's documents folder, content.DocumentsDir, where a secretary finds
// it to print).
func (m *Model) SetExportDir(dir string) { m.exportDir = dir }

// Month is the key of the plan shown ("" until the first load when it
// was opened on the meeting being prepared).
func (m *Model) Month() string { return m.month }

// Plan is the plan shown (read-only; changes go through the store).
func (m *Model) Plan() *plan.Plan { return m.p }

// Capturing reports that a prompt, the notes editor, a question or a
// chooser is open: the app then passes every key but F1 and ctrl+c here.
func (m *Model) Capturing() bool {
	return m.mode != modeList && m.mode != modeCheck && m.mode != modeRoll
}

// Init loads the plan.
func (m *Model) Init() tea.Cmd { return m.load() }

// SetSize sets the screen size in cells and reloads the plan, so excerpts
// the picker or the command line added meanwhile show when the screen
// comes back.
func (m *Model) SetSize(w, h int) tea.Cmd {
	m.w, m.h = max(w, 20), max(h, 6)
	m.input.SetWidth(max(m.w-lipgloss.Width(m.promptLabel())-2, 5))
	m.area.SetWidth(m.w)
	m.area.SetHeight(max(m.h-5, 2))
	if m.mode == modeNotes {
		return nil // a reload must not replace the text being typed
	}
	return m.load()
}

// load reads the plan in a command.
func (m *Model) load() tea.Cmd {
	store, month := m.store, m.month
	return func() tea.Msg {
		if month == "" {
			month = NextMeeting(store)
		}
		// With last month's tasks carried in, as chibo plan shows them.
		p, saved, err := plan.LoadCarried(store, month)
		return loadedMsg{m: m, month: month, p: p, saved: saved, err: err}
	}
}

func (m *Model) setPlan(p *plan.Plan, saved bool) {
	m.p, m.saved = p, saved
	if m.lib != nil {
		m.p.Check(m.lib)
	}
	m.rebuild()
}

// selected returns the item and excerpt IDs under the cursor.
func (m *Model) selected() (itemID, exID string) {
	if m.cur < 0 || m.cur >= len(m.rows) {
		return "", ""
	}
	r := m.rows[m.cur]
	it := m.p.Items[r.item]
	if r.ex >= 0 {
		return it.ID, it.Excerpts[r.ex].ID
	}
	return it.ID, ""
}

func (m *Model) rebuild() {
	m.rows = nil
	for i, it := range m.p.Items {
		m.rows = append(m.rows, row{i, -1})
		for j := range it.Excerpts {
			m.rows = append(m.rows, row{i, j})
		}
	}
	m.cur = clamp(m.cur, 0, len(m.rows)-1)
}

// selectIDs puts the cursor on an item or excerpt after a change.
func (m *Model) selectIDs(id rowID) {
	for i, r := range m.rows {
		it := m.p.Items[r.item]
		if id.ex != "" && r.ex >= 0 && it.Excerpts[r.ex].ID == id.ex {
			m.cur = i
			return
		}
		if id.ex == "" && r.ex < 0 && it.ID == id.item {
			m.cur = i
			return
		}
	}
}

// apply runs an operation through the store in a command; the screen
// shows the saved plan when the command reports (savedMsg), with the
// cursor on sel.
func (m *Model) apply(fn func(*plan.Plan) error, sel rowID, status string, undo *undoStep) tea.Cmd {
	return m.applyAt(fn, sel, -1, status, undo, false)
}

func (m *Model) applyAt(fn func(*plan.Plan) error, sel rowID, newAt int, status string, undo *undoStep, undone bool) tea.Cmd {
	store, month := m.store, m.month
	if month == "" {
		month = plan.CurrentMonth(store.Now())
	}
	return func() tea.Msg {
		p, err := plan.UpdateCarried(store, month, fn)
		return savedMsg{m: m, p: p, err: err, sel: sel, newAt: newAt, status: status, undo: undo, undone: undone}
	}
}

func (m *Model) setStatus(s string, isErr bool) { m.status, m.statusErr = s, isErr }

// Update handles the screen's messages and keys.
func (m *Model) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case loadedMsg:
		if msg.m != m {
			return nil
		}
		id, ex := m.selected()
		first := !m.loaded
		m.loaded, m.month = true, msg.month
		p := msg.p
		saved := msg.saved
		if p == nil {
			// A file from a newer chibo: the skeleton, read-only in effect
			// (every save is refused with a message).
			p, _ = plan.New(msg.month)
			saved = false
		}
		m.setPlan(p, saved)
		if !first {
			m.selectIDs(rowID{id, ex})
		}
		if msg.err != nil {
			m.setStatus(i18n.Describe(m.com.Lang, msg.err), true)
		}
		return nil
	case savedMsg:
		if msg.m != m {
			return nil
		}
		if msg.p == nil {
			m.setStatus(i18n.Describe(m.com.Lang, msg.err), true)
			return nil
		}
		m.setPlan(msg.p, true)
		if msg.newAt >= 0 && msg.newAt < len(m.p.Items) {
			msg.sel = rowID{m.p.Items[msg.newAt].ID, ""}
		}
		m.selectIDs(msg.sel)
		if msg.undone && len(m.undo) > 0 {
			m.undo = m.undo[:len(m.undo)-1]
		}
		if msg.undo != nil {
			m.undo = append(m.undo, *msg.undo)
		}
		switch {
		case msg.err != nil:
			m.setStatus(i18n.Describe(m.com.Lang, msg.err), true)
		case msg.status != "":
			m.setStatus(msg.status, false)
		default:
			m.setStatus(i18n.PlanSaved.In(m.com.Lang), false)
		}
		return nil
	case membersMsg:
		if msg.m != m {
			return nil
		}
		if msg.err != nil {
			m.setStatus(i18n.Describe(m.com.Lang, msg.err), true)
			return nil
		}
		m.roll = msg.list
		if len(m.roll) == 0 {
			m.mode = modeList
			m.setStatus(i18n.PlanRollNoMembers.In(m.com.Lang), true)
			return nil
		}
		m.pick = clamp(m.pick, 0, len(m.roll)-1)
		// The roll as shown is the roll recorded: opening it takes it,
		// everyone present (the exempt exempt) until marked otherwise,
		// so the minutes count what the screen showed.
		if !m.rollTaken() {
			list := m.roll
			return m.apply(func(p *plan.Plan) error { p.StartRoll(list); return nil }, rowID{}, "", nil)
		}
		return nil
	case exportedMsg:
		if msg.m != m {
			return nil
		}
		l := m.com.Lang
		switch {
		case msg.err != nil:
			m.setStatus(fmt.Sprintf(i18n.PlanErrSave.In(l), i18n.Describe(l, msg.err)), true)
		case msg.exists:
			m.replace = &msg
			m.ask.Ask(fmt.Sprintf(i18n.PlanExportReplace.In(l), filepath.Base(msg.path)))
			m.mode = modeConfirm
		case msg.kept != "":
			m.setStatus(fmt.Sprintf(i18n.PlanExportedNew.In(l), msg.path, filepath.Base(msg.kept)), false)
		default:
			m.setStatus(fmt.Sprintf(i18n.PlanExported.In(l), msg.path), false)
		}
		return nil
	case tea.KeyPressMsg:
		switch m.mode {
		case modePrompt:
			return m.updatePrompt(msg)
		case modeConfirm:
			return m.updateConfirm(msg)
		case modeNotes:
			return m.updateNotes(msg)
		case modeExport:
			return m.updateExport(msg)
		case modeMoveTo:
			return m.updateMoveTo(msg)
		case modeCheck:
			return m.updateCheck(msg)
		case modeRoll:
			return m.updateRoll(msg)
		}
		return m.updateList(msg)
	case tea.MouseWheelMsg:
		if m.mode == modeList {
			switch msg.Button {
			case tea.MouseWheelUp:
				m.cur = clamp(m.cur-1, 0, len(m.rows)-1)
			case tea.MouseWheelDown:
				m.cur = clamp(m.cur+1, 0, len(m.rows)-1)
			}
		}
		return nil
	}
	if m.mode == modeNotes {
		var cmd tea.Cmd
		m.area, cmd = m.area.Update(msg)
		return cmd
	}
	if m.mode == modePrompt {
		var cmd tea.Cmd
		m.input, cmd = m.input.Update(msg)
		return cmd
	}
	return nil
}

func (m *Model) updateList(msg tea.KeyPressMsg) tea.Cmd {
	k := m.com.Keys
	pageUp, pageDown := m.pages()
	itemID, exID := m.selected()
	m.setStatus("", false)
	switch {
	case key.Matches(msg, k.Up):
		m.cur = clamp(m.cur-1, 0, len(m.rows)-1)
	case key.Matches(msg, k.Down):
		m.cur = clamp(m.cur+1, 0, len(m.rows)-1)
	case key.Matches(msg, pageUp):
		m.cur = clamp(m.cur-m.bodyHeight()/2, 0, len(m.rows)-1)
	case key.Matches(msg, pageDown):
		m.cur = clamp(m.cur+m.bodyHeight()/2, 0, len(m.rows)-1)
	case key.Matches(msg, k.Top):
		m.cur = 0
	case key.Matches(msg, k.Bottom):
		m.cur = len(m.rows) - 1
	case exID != "" && key.Matches(msg, k.PlanSource):
		return m.openSource()
	case exID == "" && itemID != "" && key.Matches(msg, k.PlanNotes):
		return m.startNotes(itemID)
	case key.Matches(msg, k.PlanNew):
		return m.startPrompt(promptNew, "")
	case itemID != "" && key.Matches(msg, k.PlanRename):
		it, _ := m.p.Item(itemID)
		return m.startPrompt(promptRename, it.Title)
	case itemID != "" && key.Matches(msg, k.PlanMinutes):
		it, _ := m.p.Item(itemID)
		return m.startPrompt(promptMinutes, strconv.Itoa(it.Minutes))
	case key.Matches(msg, k.PlanDetails):
		m.queue = []promptKind{promptPlace, promptLocality, promptCell, promptParty}
		return m.startPrompt(promptDate, plan.ShowDate(m.p.Date))
	case key.Matches(msg, k.PlanDelete):
		m.startDelete(itemID, exID)
	case len(m.undo) > 0 && key.Matches(msg, k.PlanUndo):
		return m.undoLast()
	case key.Matches(msg, k.PlanUp):
		return m.move(itemID, exID, -1)
	case key.Matches(msg, k.PlanDown):
		return m.move(itemID, exID, +1)
	case exID != "" && key.Matches(msg, k.PlanMoveTo):
		m.mode, m.pick = modeMoveTo, m.rows[m.cur].item
	case key.Matches(msg, k.PlanExport):
		m.mode = modeExport
	case key.Matches(msg, k.PlanCheck):
		m.mode, m.pick = modeCheck, 0
	case m.members != nil && key.Matches(msg, k.PlanRoll):
		m.mode, m.pick, m.roll = modeRoll, 0, nil
		store := m.members
		return func() tea.Msg { l, err := store.Load(); return membersMsg{m: m, list: l, err: err} }
	case key.Matches(msg, k.PrevMonth):
		return m.switchMonth(-1)
	case key.Matches(msg, k.NextMonth):
		return m.switchMonth(+1)
	}
	return nil
}

// pages are the page keys of the plan: u and d are undo and delete here.
func (m *Model) pages() (up, down key.Binding) {
	k := m.com.Keys
	return key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", k.PageUp.Help().Desc)),
		key.NewBinding(key.WithKeys("pgdown", "space"), key.WithHelp("pgdn/space", k.PageDown.Help().Desc))
}

// Back closes the innermost state (the checklist) on esc; false lets the
// app go back.
func (m *Model) Back() bool {
	if m.mode == modeCheck || m.mode == modeRoll {
		m.mode = modeList
		return true
	}
	return false
}

// Leave saves the notes being typed when the app quits or leaves the
// screen (ctrl+c in the editor never loses text).
func (m *Model) Leave() tea.Cmd {
	if m.mode != modeNotes {
		return nil
	}
	cmd := m.saveNotes()
	m.mode = modeList
	m.area.Blur()
	if cmd == nil {
		return nil
	}
	// Saved before the app quits: the command writes, then reports.
	return cmd
}

func (m *Model) switchMonth(delta int) tea.Cmd {
	t, err := time.Parse("2006-01", plan.MonthOf(m.p.Month))
	if err != nil {
		return nil
	}
	m.month = plan.CurrentMonth(t.AddDate(0, delta, 0))
	m.cur, m.top, m.undo = 0, 0, nil
	m.p, _ = plan.New(m.month)
	m.saved = false
	m.rebuild()
	return m.load()
}

func (m *Model) openSource() tea.Cmd {
	if m.cur >= len(m.rows) || m.rows[m.cur].ex < 0 {
		m.setStatus(i18n.PlanNeedExcerpt.In(m.com.Lang), true)
		return nil
	}
	r := m.rows[m.cur]
	x := m.p.Items[r.item].Excerpts[r.ex]
	if x.Missing {
		m.setStatus(i18n.PlanMissingOpen.In(m.com.Lang), true)
		return nil
	}
	return common.Send(common.OpenSourceMsg{Doc: x.Doc, Section: x.Section})
}

func (m *Model) move(itemID, exID string, delta int) tea.Cmd {
	switch {
	case exID != "":
		return m.apply(func(p *plan.Plan) error { _, err := p.MoveExcerpt(exID, delta); return err }, rowID{itemID, exID}, "", nil)
	case itemID != "":
		return m.apply(func(p *plan.Plan) error { _, err := p.MoveItem(itemID, delta); return err }, rowID{itemID, ""}, "", nil)
	}
	return nil
}

func (m *Model) startDelete(itemID, exID string) {
	l := m.com.Lang
	switch {
	case exID != "":
		i, j, err := m.p.FindExcerpt(exID)
		if err != nil {
			return
		}
		m.ask.Ask(fmt.Sprintf(i18n.PlanConfirmDel.In(l), excerptTitle(m.p.Items[i].Excerpts[j])))
	case itemID != "":
		it, _ := m.p.Item(itemID)
		m.ask.Ask(fmt.Sprintf(i18n.PlanConfirmDelI.In(l), it.Title, len(it.Excerpts)))
	default:
		return
	}
	m.target = rowID{itemID, exID}
	m.mode = modeConfirm
}

func (m *Model) updateConfirm(msg tea.KeyPressMsg) tea.Cmd {
	yes, done := m.ask.Answer(m.com.Keys, msg)
	if !done {
		return nil
	}
	m.mode = modeList
	if r := m.replace; r != nil {
		// Overwrite, or keep the old file and write the pack beside it.
		m.replace = nil
		return writePack(m, r.path, r.data, yes)
	}
	if !yes {
		m.setStatus("", false)
		return nil
	}
	return m.delete(m.target)
}

// delete removes an excerpt or an item, remembering it for undo.
func (m *Model) delete(id rowID) tea.Cmd {
	l := m.com.Lang
	if id.ex != "" {
		i, j, err := m.p.FindExcerpt(id.ex)
		if err != nil {
			return nil
		}
		x := m.p.Items[i].Excerpts[j]
		u := &undoStep{title: excerptTitle(x), ex: &x, itemID: m.p.Items[i].ID, at: j}
		next := m.neighbour()
		return m.apply(func(p *plan.Plan) error { return p.RemoveExcerpt(id.ex) }, next,
			fitTitle(i18n.PlanDeleted.In(l), u.title, m.w), u)
	}
	i := m.p.Index(id.item)
	if i < 0 {
		return nil
	}
	it := m.p.Items[i]
	it.Excerpts = slices.Clone(it.Excerpts)
	u := &undoStep{title: it.Title, item: &it, at: i}
	next := m.neighbourItem()
	return m.apply(func(p *plan.Plan) error { return p.RemoveItem(id.item) }, rowID{next, ""},
		fitTitle(i18n.PlanDeleted.In(l), u.title, m.w), u)
}

// undoLast puts the last deletion back where it was.
func (m *Model) undoLast() tea.Cmd {
	u := m.undo[len(m.undo)-1]
	status := fitTitle(i18n.PlanUndone.In(m.com.Lang), u.title, m.w)
	if u.item != nil {
		it := *u.item
		return m.applyAt(func(p *plan.Plan) error {
			if p.Index(it.ID) >= 0 {
				return nil // already back (another screen undid it)
			}
			p.Items = slices.Insert(p.Items, min(u.at, len(p.Items)), it)
			return nil
		}, rowID{it.ID, ""}, -1, status, nil, true)
	}
	// The cursor goes to the excerpt put back, under its new ID.
	x, itemID, now := *u.ex, u.itemID, m.store.Now()
	var back string
	save := m.applyAt(func(p *plan.Plan) error {
		got, err := p.AddExcerpt(itemID, x, now)
		if err != nil {
			return err
		}
		back = got.ID
		return p.MoveExcerptTo(got.ID, itemID, u.at)
	}, rowID{itemID, ""}, -1, status, nil, true)
	return func() tea.Msg {
		msg := save().(savedMsg)
		if msg.err == nil && back != "" {
			msg.sel.ex = back
		}
		return msg
	}
}

// neighbour is the row to select after the one under the cursor goes.
func (m *Model) neighbour() rowID {
	for _, k := range []int{m.cur + 1, m.cur - 1} {
		if k >= 0 && k < len(m.rows) {
			r := m.rows[k]
			it := m.p.Items[r.item]
			if r.ex >= 0 {
				return rowID{it.ID, it.Excerpts[r.ex].ID}
			}
			return rowID{it.ID, ""}
		}
	}
	return rowID{}
}

func (m *Model) neighbourItem() string {
	i := m.rows[m.cur].item
	if i+1 < len(m.p.Items) {
		return m.p.Items[i+1].ID
	}
	if i > 0 {
		return m.p.Items[i-1].ID
	}
	return ""
}

func (m *Model) promptLabel() string {
	return map[promptKind]i18n.Msg{
		promptNew: i18n.PlanPromptNew, promptRename: i18n.PlanPromptRename, promptMinutes: i18n.PlanPromptMins,
		promptDate: i18n.PlanPromptDay, promptPlace: i18n.PlanPromptPlace, promptLocality: i18n.PlanPromptLocality, promptCell: i18n.PlanPromptCell,
		promptParty: i18n.PlanPromptParty,
	}[m.prompt].In(m.com.Lang)
}

func (m *Model) startPrompt(k promptKind, value string) tea.Cmd {
	m.mode, m.prompt = modePrompt, k
	m.input.Prompt = ""
	m.input.SetValue(value)
	m.input.CursorEnd()
	m.input.SetWidth(max(m.w-lipgloss.Width(m.promptLabel())-2, 5))
	m.setStatus("", false)
	return m.input.Focus()
}

func (m *Model) updatePrompt(msg tea.KeyPressMsg) tea.Cmd {
	k := m.com.Keys
	switch {
	case key.Matches(msg, k.Cancel):
		m.mode, m.queue = modeList, nil
		m.setStatus("", false)
		m.input.Blur()
		return nil
	case key.Matches(msg, k.Done):
		cmd, ok := m.submitPrompt(common.NFC(strings.TrimSpace(m.input.Value())))
		if !ok {
			return nil // stay in the prompt with the message
		}
		if len(m.queue) > 0 {
			next := m.queue[0]
			m.queue = m.queue[1:]
			return tea.Batch(cmd, m.startPrompt(next, map[promptKind]string{promptPlace: m.p.Place, promptLocality: m.p.Locality, promptCell: m.p.Cell, promptParty: m.p.Party}[next]))
		}
		m.mode = modeList
		m.input.Blur()
		return cmd
	}
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	m.input = common.ComposeInput(m.input)
	return cmd
}

// submitPrompt saves the prompt's value; false keeps the prompt open with
// the reason in the status line.
func (m *Model) submitPrompt(v string) (tea.Cmd, bool) {
	itemID, exID := m.selected()
	sel := rowID{itemID, exID}
	l := m.com.Lang
	switch m.prompt {
	case promptNew:
		if v == "" {
			m.setStatus(i18n.PlanErrEmptyTitle.In(l), true)
			return nil, false
		}
		at := len(m.p.Items)
		if m.cur < len(m.rows) {
			at = m.rows[m.cur].item + 1
		}
		return m.applyAt(func(p *plan.Plan) error {
			_, err := p.AddItem(v, 10, at)
			return err
		}, rowID{}, at, "", nil, false), true
	case promptRename:
		if v == "" {
			m.setStatus(i18n.PlanErrEmptyTitle.In(l), true)
			return nil, false
		}
		return m.apply(func(p *plan.Plan) error { return p.RenameItem(itemID, v) }, sel, "", nil), true
	case promptMinutes:
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 || n > 600 {
			m.setStatus(i18n.PlanBadNumber.In(l), true)
			return nil, false
		}
		return m.apply(func(p *plan.Plan) error { return p.SetMinutes(itemID, n) }, sel, "", nil), true
	case promptDate:
		iso := ""
		if v != "" {
			d, err := plan.ParseDate(v)
			if err != nil {
				m.setStatus(fmt.Sprintf(i18n.PlanBadDate.In(l), v), true)
				return nil, false
			}
			iso = d
		}
		m.p.Date = iso // the next prompts and the header show it at once
		warn := ""
		if m.p.DateOutsideMonth() {
			warn = fmt.Sprintf(i18n.PlanDateOutside.In(l), plan.ShowDate(iso), plan.MonthLabel(plan.MonthOf(m.p.Month)), plan.MonthLabel(m.p.AssessedMonth()))
		}
		return m.apply(func(p *plan.Plan) error { p.Date = iso; return nil }, sel, warn, nil), true
	case promptPlace:
		m.p.Place = v
		return m.apply(func(p *plan.Plan) error { p.Place = v; return nil }, sel, "", nil), true
	case promptLocality:
		m.p.Locality = v
		return m.apply(func(p *plan.Plan) error { p.Locality = v; return nil }, sel, "", nil), true
	case promptCell:
		// Kept without its "Chi bộ" prefix, as plan set keeps it, so
		// no printed form doubles it.
		v = plan.CellBare(v)
		m.p.Cell = v
		return m.apply(func(p *plan.Plan) error { p.Cell = v; return nil }, sel, "", nil), true
	case promptParty:
		v = plan.PartyBare(v)
		m.p.Party = v
		return m.apply(func(p *plan.Plan) error { p.Party = v; return nil }, sel, "", nil), true
	}
	return nil, true
}

func (m *Model) startNotes(itemID string) tea.Cmd {
	it, err := m.p.Item(itemID)
	if err != nil {
		return nil
	}
	m.mode, m.noteFor = modeNotes, itemID
	m.area.SetWidth(m.w)
	m.area.SetHeight(max(m.bodyHeight()-1, 1))
	m.area.SetValue(it.Notes)
	m.area.MoveToEnd()
	return m.area.Focus()
}

func (m *Model) updateNotes(msg tea.KeyPressMsg) tea.Cmd {
	k := m.com.Keys
	switch {
	case key.Matches(msg, k.NotesClose):
		cmd := m.saveNotes()
		m.mode = modeList
		m.area.Blur()
		return cmd
	case key.Matches(msg, k.Save):
		if cmd := m.saveNotes(); cmd != nil {
			return cmd
		}
		m.setStatus(i18n.PlanSaved.In(m.com.Lang), false) // nothing new: say it is safe
		return nil
	}
	var cmd tea.Cmd
	m.area, cmd = m.area.Update(msg)
	return cmd
}

func (m *Model) saveNotes() tea.Cmd {
	id, v := m.noteFor, common.NFC(m.area.Value())
	if it, err := m.p.Item(id); err == nil && it.Notes == strings.TrimRight(v, " \t\n") {
		return nil // unchanged: nothing to write
	}
	if it, err := m.p.Item(id); err == nil {
		it.Notes = strings.TrimRight(v, " \t\n") // shown at once; the save confirms
	}
	return m.apply(func(p *plan.Plan) error { return p.SetNotes(id, v) }, rowID{id, ""}, "", nil)
}

func (m *Model) updateExport(msg tea.KeyPressMsg) tea.Cmd {
	k := m.com.Keys
	var f plan.Format
	switch {
	case key.Matches(msg, k.ExportHTML):
		f = plan.FormatHTML
	case key.Matches(msg, k.ExportDOCX):
		f = plan.FormatDOCX
	case key.Matches(msg, k.ExportMD):
		f = plan.FormatMarkdown
	case key.Matches(msg, k.Cancel):
		m.mode = modeList
		m.setStatus("", false)
		return nil
	default:
		return nil
	}
	m.mode = modeList
	// The pack is written from the plan on disk, read in the command, so
	// it holds exactly what was saved (never a stale copy on screen).
	store, month, dir := m.store, m.p.Month, m.exportDir
	return func() tea.Msg {
		// Carried as chibo plan export carries them: the resolution
		// assesses last month's tasks.
		p, _, err := plan.LoadCarried(store, month)
		if p == nil {
			return exportedMsg{m: m, err: err}
		}
		data, err := plan.Export(p, f)
		if err != nil {
			return exportedMsg{m: m, err: err}
		}
		path := filepath.Join(dir, plan.FileName(p, f))
		if _, err := os.Lstat(path); err == nil {
			return exportedMsg{m: m, path: path, exists: true, data: data}
		}
		return exportedMsg{m: m, path: path, err: content.WriteFileAtomic(path, data, 0o644)}
	}
}

// writePack writes an exported pack whose file name was taken: over it
// (replace), or under the first free name "NAME (2).EXT", "NAME (3).EXT"…
// so a pack edited in Word is never lost without a yes.
func writePack(m *Model, path string, data []byte, replace bool) tea.Cmd {
	return func() tea.Msg {
		if replace {
			return exportedMsg{m: m, path: path, err: content.WriteFileAtomic(path, data, 0o644)}
		}
		ext := filepath.Ext(path)
		stem := strings.TrimSuffix(path, ext)
		for n := 2; n < 1000; n++ {
			alt := fmt.Sprintf("%s (%d)%s", stem, n, ext)
			if _, err := os.Lstat(alt); errors.Is(err, fs.ErrNotExist) {
				return exportedMsg{m: m, path: alt, kept: path, err: content.WriteFileAtomic(alt, data, 0o644)}
			}
		}
		return exportedMsg{m: m, err: &fs.PathError{Op: "create", Path: path, Err: fs.ErrExist}}
	}
}

func (m *Model) updateMoveTo(msg tea.KeyPressMsg) tea.Cmd {
	k := m.com.Keys
	switch {
	case key.Matches(msg, k.Cancel):
		m.mode = modeList
	case key.Matches(msg, k.Up):
		m.pick = clamp(m.pick-1, 0, len(m.p.Items)-1)
	case key.Matches(msg, k.Down):
		m.pick = clamp(m.pick+1, 0, len(m.p.Items)-1)
	case key.Matches(msg, k.MoveHere):
		_, exID := m.selected()
		dst := m.p.Items[m.pick]
		m.mode = modeList
		return m.apply(func(p *plan.Plan) error { return p.MoveExcerptTo(exID, dst.ID, -1) }, rowID{dst.ID, exID},
			fmt.Sprintf(i18n.PlanMoved.In(m.com.Lang), dst.Title), nil)
	case key.Matches(msg, numberKeys(len(m.p.Items), "")):
		if n, err := strconv.Atoi(msg.String()); err == nil && n >= 1 && n <= len(m.p.Items) {
			m.pick = n - 1
		}
	}
	return nil
}

func (m *Model) updateCheck(msg tea.KeyPressMsg) tea.Cmd {
	k := m.com.Keys
	list := m.p.Checklist()
	switch {
	case key.Matches(msg, k.Up):
		m.pick = clamp(m.pick-1, 0, len(list)-1)
	case key.Matches(msg, k.Down):
		m.pick = clamp(m.pick+1, 0, len(list)-1)
	case key.Matches(msg, k.PlanTick):
		if m.pick < len(list) {
			n, done := m.pick+1, !list[m.pick].Done
			return m.apply(func(p *plan.Plan) error { _, err := p.Tick(n, done); return err }, rowID{}, "", nil)
		}
	}
	return nil
}

// presenceCycle is the order space steps a member's presence through.
var presenceCycle = []plan.Presence{plan.Present, plan.Excused, plan.Absent, plan.Exempt}

// presence is a member's presence at this meeting (present until marked,
// exempt when the member is exempt from meetings).
// rollTaken says every member of the list is on the plan's roll.
func (m *Model) rollTaken() bool {
	on := map[string]bool{}
	if m.p.Roll != nil {
		for _, a := range m.p.Roll.People {
			on[a.Member] = true
		}
	}
	for _, mb := range m.roll {
		if !on[mb.ID] {
			return false
		}
	}
	return true
}

// rollCounts are the roll's numbers as the screen shows them (members not
// yet on the saved roll counted present, as they are listed).
func (m *Model) rollCounts() plan.Counts {
	p := *m.p
	r := plan.Roll{}
	if m.p.Roll != nil {
		r.People = slices.Clone(m.p.Roll.People)
	}
	p.Roll = &r
	p.StartRoll(m.roll)
	return p.Counts()
}

func (m *Model) presence(mb plan.Member) plan.Presence {
	if m.p.Roll != nil {
		for _, a := range m.p.Roll.People {
			if a.Member == mb.ID {
				return a.Presence
			}
		}
	}
	if mb.Exempt {
		return plan.Exempt
	}
	return plan.Present
}

func (m *Model) updateRoll(msg tea.KeyPressMsg) tea.Cmd {
	k := m.com.Keys
	switch {
	case key.Matches(msg, k.Up):
		m.pick = clamp(m.pick-1, 0, len(m.roll)-1)
	case key.Matches(msg, k.Down):
		m.pick = clamp(m.pick+1, 0, len(m.roll)-1)
	case key.Matches(msg, k.RollMark) && m.pick < len(m.roll):
		mb, list := m.roll[m.pick], m.roll
		next := presenceCycle[0]
		for i, p := range presenceCycle {
			if p == m.presence(mb) {
				next = presenceCycle[(i+1)%len(presenceCycle)]
			}
		}
		ref := strconv.Itoa(m.pick + 1) // FindMember takes the 1-based number
		return m.apply(func(p *plan.Plan) error { _, err := p.Mark(list, ref, next, ""); return err }, rowID{}, "", nil)
	}
	return nil
}

// ShortKeys are the keys in force in the current mode, most useful first.
func (m *Model) ShortKeys() []key.Binding {
	k := m.com.Keys
	switch m.mode {
	case modePrompt:
		return []key.Binding{k.Done, k.Cancel}
	case modeConfirm:
		return m.ask.Keys(k)
	case modeNotes:
		return []key.Binding{k.NotesClose, k.Save}
	case modeExport:
		return []key.Binding{k.ExportHTML, k.ExportDOCX, k.ExportMD, k.Cancel}
	case modeMoveTo:
		return []key.Binding{k.MoveHere, k.Up, k.Down, numberKeys(len(m.p.Items), m.com.T(i18n.KeyMoveToNum)), k.Cancel}
	case modeCheck:
		return []key.Binding{k.PlanTick, k.Up, k.Down, k.Back}
	case modeRoll:
		if len(m.roll) == 0 {
			return []key.Binding{k.Back}
		}
		return []key.Binding{k.RollMark, k.Up, k.Down, k.Back}
	}
	_, exID := m.selected()
	var keys []key.Binding
	if exID != "" {
		keys = append(keys, k.PlanSource, k.PlanDelete)
	} else if len(m.rows) > 0 {
		keys = append(keys, k.PlanNotes, k.PlanDelete)
	}
	if len(m.undo) > 0 {
		keys = append(keys, k.PlanUndo)
	}
	keys = append(keys, k.PlanNew, k.PlanExport, k.PlanDetails)
	if exID != "" {
		keys = append(keys, k.PlanMoveTo)
	}
	keys = append(keys, k.PlanUp, k.PlanDown, k.PlanCheck)
	if m.members != nil {
		keys = append(keys, k.PlanRoll)
	}
	keys = append(keys, k.PrevMonth, k.NextMonth)
	if len(m.rows) > 0 && exID == "" {
		keys = append(keys, k.PlanRename, k.PlanMinutes)
	}
	return append(keys, k.Back, k.Quit)
}

// FullKeys are the same keys in groups for the help screen.
func (m *Model) FullKeys() [][]key.Binding {
	k := m.com.Keys
	if m.mode != modeList {
		return [][]key.Binding{m.ShortKeys()}
	}
	pgUp, pgDown := m.pages()
	_, exID := m.selected()
	edit := []key.Binding{}
	if exID != "" {
		edit = append(edit, k.PlanSource, k.PlanMoveTo)
	} else if len(m.rows) > 0 {
		edit = append(edit, k.PlanNotes, k.PlanRename, k.PlanMinutes)
	}
	edit = append(edit, k.PlanNew, k.PlanDelete)
	if len(m.undo) > 0 {
		edit = append(edit, k.PlanUndo)
	}
	edit = append(edit, k.PlanUp, k.PlanDown)
	return [][]key.Binding{
		{k.Up, k.Down, pgUp, pgDown, k.Top, k.Bottom},
		edit,
		m.meetingKeys(),
	}
}

func (m *Model) meetingKeys() []key.Binding {
	k := m.com.Keys
	keys := []key.Binding{k.PlanDetails, k.PlanCheck}
	if m.members != nil {
		keys = append(keys, k.PlanRoll)
	}
	return append(keys, k.PlanExport, k.PrevMonth, k.NextMonth)
}

// Hides: m leads here.
func (m *Model) Hides() []key.Binding { return []key.Binding{m.com.Keys.Plan} }

// Name is the screen's name in the title and status bars.
func (m *Model) Name() string { return m.com.T(i18n.AppScreenPlan) }

// Crumb is the plan's month.
func (m *Model) Crumb() string { return plan.MonthLabel(plan.MonthOf(m.p.Month)) }

// Position is the row under the cursor of all rows.
func (m *Model) Position() string {
	if len(m.rows) == 0 || m.mode != modeList {
		return ""
	}
	return strconv.Itoa(m.cur+1) + "/" + strconv.Itoa(len(m.rows))
}

func clamp(v, lo, hi int) int {
	if hi < lo {
		return lo
	}
	return min(max(v, lo), hi)
}

// excerptLabel is how a row names an excerpt: its title; for a passage
// selected in the reader the tag “[trích đoạn]”, its first words (so two
// passages of one section are told apart), then its section.
func excerptLabel(l i18n.Lang, x plan.Excerpt) string {
	if !x.Passage {
		return excerptTitle(x)
	}
	return i18n.PlanPassageTag.In(l) + " “" + x.Opening(6) + "” — " + excerptTitle(x)
}

// excerptTitle is the excerpt's heading, or its document when it is a
// whole document.
func excerptTitle(x plan.Excerpt) string {
	if h := x.Heading(); h != "" {
		return h
	}
	if x.DocTitle != "" {
		return x.DocTitle
	}
	return x.Doc
}

// ---- view ----

func (m *Model) bodyHeight() int { return max(m.h-4, 1) }

// View renders the screen: a two-line header, the agenda, and a status
// line (the keys are in the app's status bar). The cursor row is marked
// with ">" as well as the selected style, so it reads without colour.
func (m *Model) View() string {
	st := m.com.Styles
	var lines []string
	title := i18n.PlanTitle.In(m.com.Lang) + " · " + m.p.Title
	lines = append(lines, st.Bold.Render(fit(title, m.w)))
	lines = append(lines, fit(m.summary(), m.w))
	lines = append(lines, st.Faint.Render(strings.Repeat("─", m.w)))

	bh := m.bodyHeight()
	var body []string
	switch m.mode {
	case modeNotes:
		it, _ := m.p.Item(m.noteFor)
		head := ""
		if it != nil {
			head = fmt.Sprintf(i18n.PlanNotesHead.In(m.com.Lang), it.Title)
		}
		body = append(body, st.Bold.Render(fit(head, m.w)))
		m.area.SetHeight(max(bh-1, 1))
		body = append(body, strings.Split(m.area.View(), "\n")...)
	case modeMoveTo:
		body = append(body, st.Bold.Render(fit(i18n.PlanMoveHead.In(m.com.Lang), m.w)))
		for i, it := range m.p.Items {
			body = append(body, m.choice(i == m.pick, fmt.Sprintf("%d. %s", i+1, it.Title)))
		}
		body = window(body, max(0, m.pick+2-bh), bh)
	case modeCheck:
		body = append(body, st.Bold.Render(fit(i18n.PlanCheckHead.In(m.com.Lang), m.w)))
		list := m.p.Checklist()
		for i, c := range list {
			box := "[ ]"
			if c.Done {
				box = "[x]"
			}
			date := ""
			if c.Date != "" {
				date = plan.ShowDate(c.Date) + "  "
			}
			body = append(body, m.choice(i == m.pick, box+" "+date+c.What))
		}
		if m.p.Date == "" {
			body = append(body, st.Faint.Render(fit(i18n.PlanCheckNoDate.In(m.com.Lang), m.w)))
		}
		body = window(body, max(0, m.pick+2-bh), bh)
	case modeRoll:
		c := m.rollCounts()
		body = append(body, st.Bold.Render(fit(fmt.Sprintf(i18n.PlanRollHead.In(m.com.Lang), c.Present, c.Expected()), m.w)))
		for i, mb := range m.roll {
			pr := presenceLabel(m.com.Lang, m.presence(mb))
			status := i18n.PlanRollOfficial
			if mb.Status == plan.Probationary {
				status = i18n.PlanRollProbation
			}
			body = append(body, m.choice(i == m.pick, fmt.Sprintf("%-16s %s (%s)", pr, mb.Name, status.In(m.com.Lang))))
		}
		body = window(body, max(0, m.pick+2-bh), bh)
	default:
		all, starts := m.listLines()
		top := m.top
		if len(m.rows) > 0 {
			s := starts[m.cur]
			end := s + m.rowHeight(m.cur)
			if s < top {
				top = s
			}
			if end > top+bh {
				top = end - bh
			}
		}
		top = clamp(top, 0, max(len(all)-bh, 0))
		m.top = top
		body = window(all, top, bh)
	}
	for len(body) < bh {
		body = append(body, "")
	}
	if m.mode == modePrompt && m.status != "" {
		// Why the value was refused, just above the prompt; a plain
		// "saved" between two prompts of a chain is not an error.
		if m.statusErr {
			body[bh-1] = st.Error.Render(fit("! "+m.status, m.w))
		} else {
			body[bh-1] = fit(m.status, m.w)
		}
	}
	lines = append(lines, body[:bh]...)
	lines = append(lines, m.statusLine())
	return strings.Join(lines, "\n")
}

func (m *Model) choice(sel bool, text string) string {
	mark := "  "
	if sel {
		mark = "> "
	}
	l := fit(mark+text, m.w)
	if sel {
		l = m.com.Styles.Selected.Render(l)
	}
	return l
}

func window(lines []string, top, n int) []string {
	if top > len(lines) {
		top = len(lines)
	}
	end := min(top+n, len(lines))
	return lines[top:end]
}

// summary is the second header line: total time against the minimum of
// the meeting's kind, date and place, or "not saved yet".
func (m *Model) summary() string {
	total := m.p.TotalMinutes()
	need := m.p.Kind.MinMinutes()
	s := fmt.Sprintf(i18n.PlanTotal.In(m.com.Lang), total, need)
	if total < need {
		s = "! " + fmt.Sprintf(i18n.PlanTotalShort.In(m.com.Lang), total, need)
	}
	if m.p.Date != "" {
		s += " · " + plan.ShowDate(m.p.Date)
	}
	if m.p.Place != "" {
		s += " · " + m.p.Place
	}
	switch {
	case !m.loaded:
		s += " · " + i18n.PlanLoading.In(m.com.Lang)
	case !m.saved:
		s += " · (" + i18n.PlanUnsaved.In(m.com.Lang) + ")"
	}
	return s
}

// rowHeight is how many lines row i takes (an item with notes has a
// notes line under it).
func (m *Model) rowHeight(i int) int {
	r := m.rows[i]
	if r.ex < 0 && strings.TrimSpace(m.p.Items[r.item].Notes) != "" {
		return 2
	}
	return 1
}

// listLines renders every row; starts[i] is the first line of row i.
func (m *Model) listLines() ([]string, []int) {
	st := m.com.Styles
	l := m.com.Lang
	var out []string
	starts := make([]int, len(m.rows))
	if len(m.rows) == 0 {
		return []string{i18n.PlanEmpty.In(l)}, starts
	}
	for i, r := range m.rows {
		starts[i] = len(out)
		sel := i == m.cur
		mark := "  "
		if sel {
			mark = "> "
		}
		it := m.p.Items[r.item]
		if r.ex < 0 {
			mins := fmt.Sprintf(i18n.PlanMinutesShort.In(l), it.Minutes)
			left := fmt.Sprintf("%s%d. %s", mark, r.item+1, it.Title)
			room := m.w - lipgloss.Width(mins) - 1
			left = fit(left, room)
			line := left + strings.Repeat(" ", max(m.w-lipgloss.Width(left)-lipgloss.Width(mins), 1)) + mins
			if sel {
				line = st.Selected.Render(line)
			} else {
				line = st.Bold.Render(line)
			}
			out = append(out, line)
			if notes := strings.TrimSpace(it.Notes); notes != "" {
				first, _, more := strings.Cut(notes, "\n")
				if more {
					first += " …"
				}
				out = append(out, st.Faint.Render(fit("     "+i18n.PlanNotesTag.In(l)+" "+first, m.w)))
			}
			continue
		}
		x := it.Excerpts[r.ex]
		text := excerptLabel(l, x)
		src := x.DocTitle
		if x.DocNumber != "" {
			src = x.DocNumber
		}
		if x.Missing {
			text = i18n.PlanMissingTag.In(l) + " " + text
		}
		if src != "" && src != excerptTitle(x) && !x.Passage { // a passage's first words say more
			text += " — " + src
		}
		line := fit(mark+"   • "+text, m.w)
		if sel {
			line = st.Selected.Render(line)
		}
		out = append(out, line)
	}
	if m.p.ExcerptCount() == 0 {
		out = append(out, "", st.Faint.Render(fit(i18n.PlanNoExcerpts.In(l), m.w)))
	}
	return out, starts
}

func (m *Model) statusLine() string {
	st := m.com.Styles
	switch m.mode {
	case modePrompt:
		return m.promptLabel() + m.input.View()
	case modeExport:
		return st.Bold.Render(fit(i18n.PlanExportHead.In(m.com.Lang), m.w))
	case modeConfirm:
		return st.Bold.Render(m.ask.Line(m.com.Lang, m.w))
	}
	if m.status != "" {
		if m.statusErr {
			return st.Error.Render(fit(m.status, m.w))
		}
		return fit(m.status, m.w)
	}
	if m.mode == modeList && len(m.rows) > 0 {
		r := m.rows[m.cur]
		if r.ex >= 0 {
			x := m.p.Items[r.item].Excerpts[r.ex]
			s := x.Cite()
			if x.Missing {
				s += " — " + i18n.PlanMissing.In(m.com.Lang)
			}
			return fit(s, m.w)
		}
		return st.Faint.Render(fit(m.p.Items[r.item].Hint, m.w))
	}
	return ""
}

func presenceLabel(l i18n.Lang, p plan.Presence) string {
	switch p {
	case plan.Excused:
		return i18n.PlanRollExcused.In(l)
	case plan.Absent:
		return i18n.PlanRollAbsent.In(l)
	case plan.Exempt:
		return i18n.PlanRollExempt.In(l)
	}
	return i18n.PlanRollPresent.In(l)
}

// fit truncates s to w cells with an ellipsis.
func fit(s string, w int) string { return common.Fit(s, w) }

// fitTitle is format (one %s) with title, the title shortened so the whole
// fits w cells: the words around it say what to do ("Bấm u để hoàn tác")
// and must not be the part cut off.
func fitTitle(format, title string, w int) string {
	s := fmt.Sprintf(format, title)
	if ansi.StringWidth(s) <= w {
		return s
	}
	if room := w - ansi.StringWidth(fmt.Sprintf(format, "")); room >= 8 {
		return fmt.Sprintf(format, fit(title, room))
	}
	return s
}
