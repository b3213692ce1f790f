// Package planview is the meeting-plan screen (key m in the app) and the
// small "add to agenda" picker (key a in the reader and search). Every
// change goes through plan.Store.Update, so it is saved atomically at once
// and two screens, or the app and the command line, never lose each
// other's changes.
package planview

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"chibo/content"
	"chibo/content/plan"
	"chibo/tui/i18n"
)

// OpenSourceMsg asks the app to open the reader at an excerpt's source.
type OpenSourceMsg struct{ Doc, Section string }

// CloseMsg asks the app to close the plan screen.
type CloseMsg struct{}

// reloadMsg reloads the plan from disk (Init sends it).
type reloadMsg struct{}

type mode int

const (
	modeList    mode = iota
	modePrompt       // a one-line input in the footer
	modeConfirm      // y/n in the footer
	modeNotes        // the notes editor fills the body
	modeExport       // choose a format
	modeMoveTo       // choose the item to move an excerpt to
)

type promptKind int

const (
	promptNew promptKind = iota
	promptRename
	promptMinutes
	promptDate
	promptPlace
	promptCell
	promptParty
)

// row is one selectable line: an item (ex < 0) or one of its excerpts.
type row struct{ item, ex int }

// Model is the plan screen.
type Model struct {
	store *plan.Store
	lib   plan.Source
	lang  i18n.Lang
	month string

	p     *plan.Plan
	saved bool

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
	confirm func() error
	pick    int // modeMoveTo cursor

	status    string
	exportDir string
}

// New opens the plan of month (plan key, "" for this month) from store. lib
// may be nil; with a library, excerpts whose source has gone are marked.
// A *content.Library, or any type with its Doc method, will do.
func New(store *plan.Store, lib plan.Source, lang i18n.Lang, month string) Model {
	if l, ok := lib.(*content.Library); ok && l == nil {
		lib = nil
	}
	if !plan.ValidKey(month) {
		month = plan.CurrentMonth(store.Now()) // "" or a bad key: this month
	}
	m := Model{store: store, lib: lib, lang: lang, month: month, w: 80, h: 24}
	m.input = textinput.New()
	m.area = textarea.New()
	m.area.ShowLineNumbers = false
	m.area.Prompt = ""
	m.area.CharLimit = 0
	if home, err := os.UserHomeDir(); err == nil {
		m.exportDir = home
	} else {
		m.exportDir = filepath.Dir(store.Dir())
	}
	m.load()
	return m
}

// SetExportDir sets where `e` writes the meeting pack (default: the home
// directory, where a secretary finds it to print).
func (m *Model) SetExportDir(dir string) { m.exportDir = dir }

// Month is the key of the plan shown.
func (m Model) Month() string { return m.month }

// Plan is the plan shown (read-only; changes go through the store).
func (m Model) Plan() *plan.Plan { return m.p }

// Capturing reports that a prompt, the notes editor or a chooser is open:
// the app should then pass every key (esc, q, ?, …) to this screen.
func (m Model) Capturing() bool { return m.mode != modeList }

// Init reloads the plan from disk, so showing the screen again picks up
// excerpts the picker or the command line added meanwhile.
func (m Model) Init() tea.Cmd { return func() tea.Msg { return reloadMsg{} } }

// SetSize sets the screen size in cells.
func (m *Model) SetSize(w, h int) {
	m.w, m.h = max(w, 20), max(h, 6)
	m.input.SetWidth(max(m.w-lipgloss.Width(m.promptLabel())-2, 5))
	m.area.SetWidth(m.w)
	m.area.SetHeight(max(m.h-4, 2))
}

func (m *Model) load() {
	p, saved, err := m.store.Load(m.month)
	if p == nil {
		// A file from a newer chibo: show the skeleton, read-only in effect
		// (every save is refused with a message).
		p, _ = plan.New(m.month)
		saved = false
	}
	m.setPlan(p, saved)
	if err != nil {
		m.status = i18n.Describe(m.lang, err)
	}
}

func (m *Model) setPlan(p *plan.Plan, saved bool) {
	m.p, m.saved = p, saved
	if m.lib != nil {
		if r := m.p.Check(m.lib); r.Relinked > 0 && saved {
			// Follow sections a re-import renumbered, quietly.
			if q, err := m.store.Update(m.month, func(q *plan.Plan) error { q.Check(m.lib); return nil }); err == nil {
				q.Check(m.lib)
				m.p = q
			}
		}
	}
	m.rebuild()
}

// selected returns the item and excerpt IDs under the cursor.
func (m Model) selected() (itemID, exID string) {
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
	m.rows = nil // fresh: copies of the Model must not share it
	for i, it := range m.p.Items {
		m.rows = append(m.rows, row{i, -1})
		for j := range it.Excerpts {
			m.rows = append(m.rows, row{i, j})
		}
	}
	m.cur = clamp(m.cur, 0, len(m.rows)-1)
}

// selectIDs puts the cursor on an item or excerpt after a change.
func (m *Model) selectIDs(itemID, exID string) {
	for i, r := range m.rows {
		it := m.p.Items[r.item]
		if exID != "" && r.ex >= 0 && it.Excerpts[r.ex].ID == exID {
			m.cur = i
			return
		}
		if exID == "" && r.ex < 0 && it.ID == itemID {
			m.cur = i
			return
		}
	}
}

// apply runs an agenda operation through the store and keeps the cursor on
// what the user was working on.
func (m *Model) apply(fn func(*plan.Plan) error, itemID, exID string) bool {
	p, err := m.store.Update(m.month, fn)
	if p == nil {
		m.status = i18n.Describe(m.lang, err)
		return false
	}
	m.setPlan(p, true)
	m.selectIDs(itemID, exID)
	m.status = i18n.PlanSaved.In(m.lang)
	if err != nil {
		m.status = i18n.Describe(m.lang, err)
	}
	return true
}

// Update handles keys; it returns the model and a command.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case reloadMsg:
		id, ex := m.selected()
		m.load()
		m.selectIDs(id, ex)
		return m, nil
	case tea.WindowSizeMsg:
		m.SetSize(msg.Width, msg.Height)
		return m, nil
	case tea.KeyPressMsg:
		switch m.mode {
		case modePrompt:
			return m.updatePrompt(msg)
		case modeConfirm:
			if s := msg.String(); s == "y" || s == "Y" {
				fn := m.confirm
				m.mode, m.confirm = modeList, nil
				if err := fn(); err != nil {
					m.status = i18n.Describe(m.lang, err)
				}
				return m, nil
			}
			m.mode, m.confirm, m.status = modeList, nil, ""
			return m, nil
		case modeNotes:
			return m.updateNotes(msg)
		case modeExport:
			return m.updateExport(msg)
		case modeMoveTo:
			return m.updateMoveTo(msg)
		}
		return m.updateList(msg)
	}
	if m.mode == modeNotes {
		var cmd tea.Cmd
		m.area, cmd = m.area.Update(msg)
		return m, cmd
	}
	if m.mode == modePrompt {
		var cmd tea.Cmd
		m.input, cmd = m.input.Update(msg)
		return m, cmd
	}
	return m, nil
}

func (m Model) updateList(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	itemID, exID := m.selected()
	m.status = ""
	switch msg.String() {
	case "esc", "q":
		return m, func() tea.Msg { return CloseMsg{} }
	case "up", "k":
		m.cur = clamp(m.cur-1, 0, len(m.rows)-1)
	case "down", "j":
		m.cur = clamp(m.cur+1, 0, len(m.rows)-1)
	case "pgup":
		m.cur = clamp(m.cur-m.bodyHeight()/2, 0, len(m.rows)-1)
	case "pgdown", "space":
		m.cur = clamp(m.cur+m.bodyHeight()/2, 0, len(m.rows)-1)
	case "home", "g":
		m.cur = 0
	case "end", "G":
		m.cur = len(m.rows) - 1
	case "enter":
		if exID != "" {
			return m.openSource()
		}
		if itemID != "" {
			return m.startNotes(itemID)
		}
	case "o":
		return m.openSource()
	case "n":
		m.startPrompt(promptNew, "")
	case "r":
		if it, err := m.p.Item(itemID); err == nil {
			m.startPrompt(promptRename, it.Title)
		} else {
			m.status = i18n.PlanNeedItem.In(m.lang)
		}
	case "t":
		if it, err := m.p.Item(itemID); err == nil {
			m.startPrompt(promptMinutes, strconv.Itoa(it.Minutes))
		} else {
			m.status = i18n.PlanNeedItem.In(m.lang)
		}
	case "i":
		m.queue = []promptKind{promptPlace, promptCell, promptParty}
		m.startPrompt(promptDate, m.p.Date)
	case "d", "delete", "backspace":
		m.startDelete(itemID, exID)
	case "K", "shift+up", "alt+up":
		m.move(itemID, exID, -1)
	case "J", "shift+down", "alt+down":
		m.move(itemID, exID, +1)
	case "x":
		if exID == "" {
			m.status = i18n.PlanNeedExcerpt.In(m.lang)
			break
		}
		m.mode, m.pick = modeMoveTo, m.rows[m.cur].item
	case "e":
		m.mode = modeExport
	case "[":
		m.switchMonth(-1)
	case "]":
		m.switchMonth(+1)
	}
	return m, nil
}

func (m *Model) switchMonth(delta int) {
	t, err := time.Parse("2006-01", plan.MonthOf(m.month))
	if err != nil {
		return
	}
	m.month = plan.CurrentMonth(t.AddDate(0, delta, 0))
	m.cur, m.top = 0, 0
	m.load()
}

func (m Model) openSource() (Model, tea.Cmd) {
	if m.cur >= len(m.rows) || m.rows[m.cur].ex < 0 {
		m.status = i18n.PlanNeedExcerpt.In(m.lang)
		return m, nil
	}
	r := m.rows[m.cur]
	x := m.p.Items[r.item].Excerpts[r.ex]
	if x.Missing {
		m.status = i18n.PlanMissingOpen.In(m.lang)
		return m, nil
	}
	return m, func() tea.Msg { return OpenSourceMsg{Doc: x.Doc, Section: x.Section} }
}

func (m *Model) move(itemID, exID string, delta int) {
	switch {
	case exID != "":
		m.apply(func(p *plan.Plan) error { _, err := p.MoveExcerpt(exID, delta); return err }, itemID, exID)
	case itemID != "":
		m.apply(func(p *plan.Plan) error { _, err := p.MoveItem(itemID, delta); return err }, itemID, "")
	}
}

func (m *Model) startDelete(itemID, exID string) {
	switch {
	case exID != "":
		i, j, err := m.p.FindExcerpt(exID)
		if err != nil {
			return
		}
		x := m.p.Items[i].Excerpts[j]
		m.status = fmt.Sprintf(i18n.PlanConfirmEx.In(m.lang), excerptTitle(x))
		m.confirm = func() error {
			next := m.neighbour()
			m.apply(func(p *plan.Plan) error { return p.RemoveExcerpt(exID) }, next.item, next.ex)
			return nil
		}
	case itemID != "":
		it, _ := m.p.Item(itemID)
		m.status = fmt.Sprintf(i18n.PlanConfirmItem.In(m.lang), it.Title, len(it.Excerpts))
		m.confirm = func() error {
			next := m.neighbourItem()
			m.apply(func(p *plan.Plan) error { return p.RemoveItem(itemID) }, next, "")
			return nil
		}
	default:
		return
	}
	m.mode = modeConfirm
}

type rowID struct{ item, ex string }

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
		promptDate: i18n.PlanPromptDate, promptPlace: i18n.PlanPromptPlace, promptCell: i18n.PlanPromptCell,
		promptParty: i18n.PlanPromptParty,
	}[m.prompt].In(m.lang)
}

func (m *Model) startPrompt(k promptKind, value string) {
	m.mode, m.prompt = modePrompt, k
	m.input.Prompt = ""
	m.input.SetValue(value)
	m.input.CursorEnd()
	m.input.SetWidth(max(m.w-lipgloss.Width(m.promptLabel())-2, 5))
	m.input.Focus()
	m.status = ""
}

func (m Model) updatePrompt(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	switch msg.String() {
	case "esc":
		m.mode, m.queue, m.status = modeList, nil, ""
		m.input.Blur()
		return m, nil
	case "enter":
		if !m.submitPrompt(strings.TrimSpace(m.input.Value())) {
			return m, nil // stay in the prompt with the message
		}
		if len(m.queue) > 0 {
			next := m.queue[0]
			m.queue = m.queue[1:]
			m.startPrompt(next, map[promptKind]string{promptPlace: m.p.Place, promptCell: m.p.Cell, promptParty: m.p.Party}[next])
			return m, nil
		}
		m.mode = modeList
		m.input.Blur()
		return m, nil
	}
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	return m, cmd
}

// submitPrompt applies the prompt's value; false keeps the prompt open.
func (m *Model) submitPrompt(v string) bool {
	itemID, exID := m.selected()
	switch m.prompt {
	case promptNew:
		at := -1
		if m.cur < len(m.rows) {
			at = m.rows[m.cur].item + 1
		}
		var id string
		ok := m.apply(func(p *plan.Plan) error {
			var err error
			id, err = p.AddItem(v, 10, at)
			return err
		}, "", "")
		if ok {
			m.selectIDs(id, "")
		}
		return ok
	case promptRename:
		return m.apply(func(p *plan.Plan) error { return p.RenameItem(itemID, v) }, itemID, exID)
	case promptMinutes:
		n, err := strconv.Atoi(v)
		if err != nil {
			m.status = i18n.PlanBadNumber.In(m.lang)
			return false
		}
		return m.apply(func(p *plan.Plan) error { return p.SetMinutes(itemID, n) }, itemID, exID)
	case promptDate:
		if v != "" {
			if _, err := time.Parse("2006-01-02", v); err != nil {
				m.status = fmt.Sprintf(i18n.CLIPlanBadDate.In(m.lang), v)
				return false
			}
		}
		return m.apply(func(p *plan.Plan) error { p.Date = v; return nil }, itemID, exID)
	case promptPlace:
		return m.apply(func(p *plan.Plan) error { p.Place = v; return nil }, itemID, exID)
	case promptCell:
		return m.apply(func(p *plan.Plan) error { p.Cell = v; return nil }, itemID, exID)
	case promptParty:
		return m.apply(func(p *plan.Plan) error { p.Party = v; return nil }, itemID, exID)
	}
	return true
}

func (m Model) startNotes(itemID string) (Model, tea.Cmd) {
	it, err := m.p.Item(itemID)
	if err != nil {
		return m, nil
	}
	m.mode, m.noteFor = modeNotes, itemID
	m.area.SetWidth(m.w)
	m.area.SetHeight(max(m.h-4, 2))
	m.area.SetValue(it.Notes)
	m.area.MoveToEnd()
	return m, m.area.Focus()
}

func (m Model) updateNotes(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	switch msg.String() {
	case "esc":
		m.saveNotes()
		m.mode = modeList
		m.area.Blur()
		return m, nil
	case "ctrl+s":
		m.saveNotes()
		return m, nil
	}
	var cmd tea.Cmd
	m.area, cmd = m.area.Update(msg)
	return m, cmd
}

func (m *Model) saveNotes() {
	id, v := m.noteFor, m.area.Value()
	if it, err := m.p.Item(id); err == nil && it.Notes == strings.TrimRight(v, " \t\n") {
		return // unchanged: nothing to write
	}
	m.apply(func(p *plan.Plan) error { return p.SetNotes(id, v) }, id, "")
}

func (m Model) updateExport(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	var f plan.Format
	switch msg.String() {
	case "h", "H":
		f = plan.FormatHTML
	case "d", "D", "w", "W":
		f = plan.FormatDOCX
	case "m", "M":
		f = plan.FormatMarkdown
	case "esc":
		m.mode, m.status = modeList, ""
		return m, nil
	default:
		return m, nil
	}
	m.mode = modeList
	path, err := m.export(f)
	if err != nil {
		m.status = fmt.Sprintf(i18n.PlanErrSave.In(m.lang), err)
	} else {
		m.status = fmt.Sprintf(i18n.PlanExported.In(m.lang), path)
	}
	return m, nil
}

// export writes the meeting pack into the export directory.
func (m *Model) export(f plan.Format) (string, error) {
	data, err := plan.Export(m.p, f)
	if err != nil {
		return "", err
	}
	path := filepath.Join(m.exportDir, plan.FileName(m.p, f))
	return path, content.WriteFileAtomic(path, data, 0o644)
}

func (m Model) updateMoveTo(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	switch msg.String() {
	case "esc":
		m.mode = modeList
	case "up", "k":
		m.pick = clamp(m.pick-1, 0, len(m.p.Items)-1)
	case "down", "j":
		m.pick = clamp(m.pick+1, 0, len(m.p.Items)-1)
	case "enter":
		_, exID := m.selected()
		dst := m.p.Items[m.pick]
		m.mode = modeList
		if m.apply(func(p *plan.Plan) error { return p.MoveExcerptTo(exID, dst.ID, -1) }, dst.ID, exID) {
			m.status = fmt.Sprintf(i18n.PlanMoved.In(m.lang), dst.Title)
		}
	default:
		if n, err := strconv.Atoi(msg.String()); err == nil && n >= 1 && n <= len(m.p.Items) {
			m.pick = n - 1
		}
	}
	return m, nil
}

func clamp(v, lo, hi int) int {
	if hi < lo {
		return lo
	}
	return min(max(v, lo), hi)
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

var (
	bold     = lipgloss.NewStyle().Bold(true)
	reverse  = lipgloss.NewStyle().Reverse(true)
	faintSty = lipgloss.NewStyle().Faint(true)
)

func (m Model) bodyHeight() int { return max(m.h-4-len(m.helpLines()), 1) }

// View renders the screen: a two-line header, the agenda, a status line and
// the keys. The cursor row is marked with ">" as well as reverse video, so
// it reads without colour.
func (m Model) View() string {
	var lines []string
	title := i18n.PlanTitle.In(m.lang) + " · " + m.p.Title
	lines = append(lines, bold.Render(fit(title, m.w)))
	lines = append(lines, fit(m.summary(), m.w))
	lines = append(lines, strings.Repeat("─", m.w))

	bh := m.bodyHeight()
	var body []string
	switch m.mode {
	case modeNotes:
		it, _ := m.p.Item(m.noteFor)
		head := ""
		if it != nil {
			head = fmt.Sprintf(i18n.PlanNotesHead.In(m.lang), it.Title)
		}
		body = append(body, bold.Render(fit(head, m.w)))
		m.area.SetHeight(max(bh-1, 1))
		body = append(body, strings.Split(m.area.View(), "\n")...)
	case modeMoveTo:
		body = append(body, bold.Render(fit(i18n.PlanMoveHead.In(m.lang), m.w)))
		for i, it := range m.p.Items {
			mark := "  "
			if i == m.pick {
				mark = "> "
			}
			l := fit(fmt.Sprintf("%s%d. %s", mark, i+1, it.Title), m.w)
			if i == m.pick {
				l = reverse.Render(l)
			}
			body = append(body, l)
		}
		body = window(body, 0, bh)
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
		body = window(all, top, bh)
	}
	for len(body) < bh {
		body = append(body, "")
	}
	lines = append(lines, body[:bh]...)
	lines = append(lines, m.statusLine())
	for _, l := range m.helpLines() {
		lines = append(lines, faintSty.Render(l))
	}
	return strings.Join(lines, "\n")
}

func window(lines []string, top, n int) []string {
	if top > len(lines) {
		top = len(lines)
	}
	end := min(top+n, len(lines))
	return lines[top:end]
}

// summary is the second header line: total time against the 90-minute
// minimum, date and place, or "not saved yet".
func (m Model) summary() string {
	total := m.p.TotalMinutes()
	s := fmt.Sprintf(i18n.PlanTotal.In(m.lang), total, plan.MinMeetingMinutes)
	if m.p.Kind == plan.KindRegular && total < plan.MinMeetingMinutes {
		s = "! " + fmt.Sprintf(i18n.PlanTotalShort.In(m.lang), total, plan.MinMeetingMinutes)
	}
	if m.p.Date != "" {
		if t, err := time.Parse("2006-01-02", m.p.Date); err == nil {
			s += " · " + t.Format("02/01/2006")
		}
	}
	if m.p.Place != "" {
		s += " · " + m.p.Place
	}
	if !m.saved {
		s += " · (" + i18n.PlanUnsaved.In(m.lang) + ")"
	}
	return s
}

// rowHeight is how many lines row i takes (an item with notes has a
// notes line under it).
func (m Model) rowHeight(i int) int {
	r := m.rows[i]
	if r.ex < 0 && strings.TrimSpace(m.p.Items[r.item].Notes) != "" {
		return 2
	}
	return 1
}

// listLines renders every row; starts[i] is the first line of row i.
func (m Model) listLines() ([]string, []int) {
	var out []string
	starts := make([]int, len(m.rows))
	if len(m.rows) == 0 {
		return []string{i18n.PlanEmpty.In(m.lang)}, starts
	}
	for i, r := range m.rows {
		starts[i] = len(out)
		sel := i == m.cur
		mark := "  "
		if sel {
			mark = "> "
		}
		it := m.p.Items[r.item]
		var l string
		if r.ex < 0 {
			mins := fmt.Sprintf(i18n.PlanMinutesShort.In(m.lang), it.Minutes)
			left := fmt.Sprintf("%s%d. %s", mark, r.item+1, it.Title)
			room := m.w - lipgloss.Width(mins) - 1
			left = fit(left, room)
			l = left + strings.Repeat(" ", max(m.w-lipgloss.Width(left)-lipgloss.Width(mins), 1)) + mins
			if sel {
				l = reverse.Render(l)
			} else {
				l = bold.Render(l)
			}
			out = append(out, l)
			if notes := strings.TrimSpace(it.Notes); notes != "" {
				first, _, more := strings.Cut(notes, "\n")
				if more {
					first += " …"
				}
				out = append(out, faintSty.Render(fit("     "+i18n.PlanNotesTag.In(m.lang)+" "+first, m.w)))
			}
			continue
		}
		x := it.Excerpts[r.ex]
		text := excerptTitle(x)
		src := x.DocTitle
		if x.DocNumber != "" {
			src = x.DocNumber
		}
		if x.Missing {
			text = i18n.PlanMissingTag.In(m.lang) + " " + text
		}
		if src != "" && src != excerptTitle(x) {
			text += " — " + src
		}
		l = fit(mark+"   • "+text, m.w)
		if sel {
			l = reverse.Render(l)
		}
		out = append(out, l)
	}
	if m.p.ExcerptCount() == 0 {
		out = append(out, "", faintSty.Render(fit(i18n.PlanNoExcerpts.In(m.lang), m.w)))
	}
	return out, starts
}

func (m Model) statusLine() string {
	switch m.mode {
	case modePrompt:
		label := m.promptLabel()
		return label + m.input.View()
	case modeExport:
		return bold.Render(fit(i18n.PlanExportHead.In(m.lang), m.w))
	case modeConfirm:
		return bold.Render(fit(m.status, m.w))
	}
	if m.mode == modeList && len(m.rows) > 0 && m.status == "" {
		r := m.rows[m.cur]
		if r.ex >= 0 {
			x := m.p.Items[r.item].Excerpts[r.ex]
			s := x.Cite()
			if x.Missing {
				s += " — " + i18n.PlanMissing.In(m.lang)
			}
			return fit(s, m.w)
		}
		return faintSty.Render(fit(m.p.Items[r.item].Hint, m.w))
	}
	return fit(m.status, m.w)
}

// helpLines lists the keys: the full list wrapped on at most two lines
// when it fits, else the short list. Its height depends only on the width,
// so the layout does not jump between modes.
func (m Model) helpLines() []string {
	lines := wrapKeys(i18n.PlanHelp.In(m.lang), m.w)
	if len(lines) > 2 {
		lines = wrapKeys(i18n.PlanHelpShort.In(m.lang), m.w)
		if len(lines) > 2 {
			lines = lines[:2]
		}
	}
	var text string
	switch m.mode {
	case modeList:
		return lines
	case modePrompt:
		text = i18n.PlanPromptHint.In(m.lang)
		if m.status != "" {
			text = "! " + m.status // why the value was refused
		}
	case modeNotes:
		text = i18n.PlanNotesHelp.In(m.lang)
	case modeMoveTo:
		text = i18n.PlanMoveHelp.In(m.lang)
	case modeConfirm:
		text = i18n.PlanConfirmKeys.In(m.lang)
	case modeExport:
		// The format keys matter most: wrap them rather than cut them.
		keys := wrapKeys(i18n.PlanExportKeys.In(m.lang), m.w)
		out := make([]string, len(lines))
		copy(out, keys)
		return out
	}
	out := make([]string, len(lines))
	out[0] = fit(text, m.w)
	return out
}

// wrapKeys wraps a " · "-separated key list to width w.
func wrapKeys(s string, w int) []string {
	var lines []string
	cur := ""
	for _, part := range strings.Split(s, " · ") {
		switch {
		case cur == "":
			cur = part
		case ansi.StringWidth(cur+" · "+part) <= w:
			cur += " · " + part
		default:
			lines = append(lines, fit(cur, w))
			cur = part
		}
	}
	return append(lines, fit(cur, w))
}

// fit truncates s to w cells with an ellipsis.
func fit(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if ansi.StringWidth(s) <= w {
		return s
	}
	return ansi.Truncate(s, w, "…")
}
