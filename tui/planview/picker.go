package planview

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"chibo/content/plan"
	"chibo/content/userdata"
	"chibo/tui/common"
	"chibo/tui/i18n"
)

// Picker is the small "add to agenda item" chooser the reader and search
// open with `a`: it lists the items of the plan being prepared (the next
// meeting, NextMeeting; [ and ] choose another month) and adds the
// excerpt to the one chosen, saving at once.
type Picker struct {
	com   *common.Common
	store *plan.Store
	month string
	ex    plan.Excerpt
	from  string // the section's heading, for the title bar
	p     *plan.Plan
	cur   int
	w, h  int
	err   string
	// ready is false until the plan of the month asked for has been
	// read: before, k.p is a blank plan of the calendar month, which is
	// not the meeting being prepared once this month's is held, so its
	// month is not shown and nothing is added to it.
	ready bool
}

type (
	pickerLoadedMsg struct {
		k     *Picker
		month string
		p     *plan.Plan
		err   error
	}
	pickerAddedMsg struct {
		k     *Picker
		p     *plan.Plan
		title string
		err   error
	}
)

// NewPicker makes the picker for ex on plan month ("" for the meeting
// being prepared). The plan loads in the command SetSize returns; the
// cursor starts on the news-and-policy item, where most excerpts go.
func NewPicker(com *common.Common, store *plan.Store, month string, ex plan.Excerpt, from string) *Picker {
	if !plan.ValidKey(month) {
		month = ""
	}
	k := &Picker{com: com, store: store, month: month, ex: ex, from: from, w: 80, h: 24}
	k.p, _ = plan.New(orMonth(month, store))
	k.home()
	return k
}

func (k *Picker) home() {
	k.cur = 0
	if i := k.p.Index("thong-tin"); i >= 0 {
		k.cur = i
	}
}

// Month is the key of the plan the excerpt goes to.
func (k *Picker) Month() string { return k.p.Month }

// Init loads the plan.
func (k *Picker) Init() tea.Cmd { return k.load() }

func (k *Picker) load() tea.Cmd {
	store, month := k.store, k.month
	return func() tea.Msg {
		if month == "" {
			month = NextMeeting(store)
		}
		p, _, err := store.Load(month)
		return pickerLoadedMsg{k: k, month: month, p: p, err: err}
	}
}

// SetSize sets the picker's size in cells and reloads the plan.
func (k *Picker) SetSize(w, h int) tea.Cmd {
	k.w, k.h = max(w, 20), max(h, 5)
	return k.load()
}

// Update handles keys and the picker's commands.
func (k *Picker) Update(msg tea.Msg) tea.Cmd {
	km := k.com.Keys
	switch msg := msg.(type) {
	case pickerLoadedMsg:
		if msg.k != k {
			return nil
		}
		k.month, k.ready = msg.month, true
		p := msg.p
		if p == nil {
			p, _ = plan.New(msg.month)
		}
		changed := k.p.Month != p.Month
		k.p = p
		if changed {
			k.home()
		}
		k.cur = clamp(k.cur, 0, len(k.p.Items)-1)
		k.err = ""
		if msg.err != nil {
			k.err = i18n.Describe(k.com.Lang, msg.err)
		}
	case pickerAddedMsg:
		if msg.k != k {
			return nil
		}
		if msg.p != nil {
			k.p = msg.p
		}
		var de *userdata.DamagedError
		if msg.p == nil || msg.err != nil && !errors.As(msg.err, &de) {
			k.err = i18n.Describe(k.com.Lang, msg.err)
			return nil
		}
		text := fmt.Sprintf(i18n.AppPlanAdded.In(k.com.Lang), msg.title+" — "+plan.MonthLabel(plan.MonthOf(k.p.Month)))
		return common.Send(common.BackFlashMsg{Text: text})
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, km.Up):
			k.cur = clamp(k.cur-1, 0, len(k.p.Items)-1)
		case key.Matches(msg, km.Down):
			k.cur = clamp(k.cur+1, 0, len(k.p.Items)-1)
		case key.Matches(msg, km.Top):
			k.cur = 0
		case key.Matches(msg, km.Bottom):
			k.cur = len(k.p.Items) - 1
		case key.Matches(msg, km.PrevMonth):
			return k.switchMonth(-1)
		case key.Matches(msg, km.NextMonth):
			return k.switchMonth(1)
		case key.Matches(msg, km.PickerAdd):
			return k.add()
		case key.Matches(msg, pickKeys(km, len(k.p.Items))):
			if n, err := strconv.Atoi(msg.String()); err == nil && n >= 1 && n <= len(k.p.Items) {
				k.cur = n - 1
				return k.add()
			}
		}
	}
	return nil
}

func (k *Picker) switchMonth(delta int) tea.Cmd {
	t, err := time.Parse("2006-01", plan.MonthOf(k.p.Month))
	if err != nil {
		return nil
	}
	k.month, k.ready = plan.CurrentMonth(t.AddDate(0, delta, 0)), false
	return k.load()
}

func (k *Picker) add() tea.Cmd {
	if !k.ready || len(k.p.Items) == 0 {
		return nil
	}
	id, title := k.p.Items[k.cur].ID, k.p.Items[k.cur].Title
	store, month, ex := k.store, k.p.Month, k.ex
	return func() tea.Msg {
		p, err := store.Update(month, func(p *plan.Plan) error {
			_, err := p.AddExcerpt(id, ex, store.Now())
			return err
		})
		return pickerAddedMsg{k: k, p: p, title: title, err: err}
	}
}

// ShortKeys are the picker's keys.
func (k *Picker) ShortKeys() []key.Binding {
	km := k.com.Keys
	return []key.Binding{km.PickerAdd, pickKeys(km, len(k.p.Items)), km.Up, km.Down, km.PrevMonth, km.NextMonth, km.Back}
}

// FullKeys are the same for the help screen.
func (k *Picker) FullKeys() [][]key.Binding {
	km := k.com.Keys
	return [][]key.Binding{{km.Up, km.Down, km.Top, km.Bottom}, {km.PickerAdd, pickKeys(km, len(k.p.Items)), km.PrevMonth, km.NextMonth}}
}

// Name is the screen's name.
func (k *Picker) Name() string { return k.com.T(i18n.AppScreenPicker) }

// Crumb is the section being added.
func (k *Picker) Crumb() string { return k.from }

// Position is empty.
func (k *Picker) Position() string { return "" }

// Capturing is false: the picker's keys are keys, and esc goes back.
func (k *Picker) Capturing() bool { return false }

// View lists the items with the number of excerpts each holds; the cursor
// row is marked with ">" so it reads without colour.
func (k *Picker) View() string {
	st := k.com.Styles
	l := k.com.Lang
	var lines []string
	title := "…"
	if k.ready {
		title = k.p.Title
	}
	lines = append(lines, st.Bold.Render(fit(fmt.Sprintf(i18n.PickerTitle.In(l), title), k.w)))
	lines = append(lines, fit(fmt.Sprintf(i18n.PickerWhat.In(l), excerptLabel(l, k.ex)), k.w))
	month := "…"
	if k.ready {
		month = plan.MonthLabel(plan.MonthOf(k.p.Month))
	}
	lines = append(lines, st.Faint.Render(fit(fmt.Sprintf(i18n.PickerMonth.In(l), month), k.w)))
	lines = append(lines, st.Faint.Render(strings.Repeat("─", k.w)))
	room := max(k.h-5, 1)
	top := 0
	if k.cur >= room {
		top = k.cur - room + 1
	}
	for i := top; i < len(k.p.Items) && i < top+room; i++ {
		it := k.p.Items[i]
		mark := "  "
		if i == k.cur {
			mark = "> "
		}
		count := ""
		if n := len(it.Excerpts); n > 0 {
			count = " (" + fmt.Sprintf(i18n.PickerCount.In(l), n) + ")"
		}
		line := fit(fmt.Sprintf("%s%d. %s%s", mark, i+1, it.Title, count), k.w)
		if i == k.cur {
			line = st.Selected.Render(line)
		}
		lines = append(lines, line)
	}
	for len(lines) < k.h-1 {
		lines = append(lines, "")
	}
	lines = append(lines[:k.h-1], st.Error.Render(fit(k.err, k.w)))
	return strings.Join(lines, "\n")
}

// pickKeys is the number keys of a list of n items (1 to 9 at most).
func pickKeys(km *common.KeyMap, n int) key.Binding {
	return numberKeys(n, km.PickItem.Help().Desc)
}

// numberKeys is the keys 1 to n (9 at most), described as desc.
func numberKeys(n int, desc string) key.Binding {
	n = min(n, 9)
	if n < 1 {
		return key.NewBinding(key.WithDisabled())
	}
	var keys []string
	for i := 1; i <= n; i++ {
		keys = append(keys, strconv.Itoa(i))
	}
	label := "1"
	if n > 1 {
		label = "1–" + strconv.Itoa(n)
	}
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(label, desc))
}
