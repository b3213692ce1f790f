package planview

import (
	"errors"
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"chibo/content/plan"
	"chibo/content/userdata"
	"chibo/tui/i18n"
)

// AddedMsg says the picker added the excerpt: Item is the agenda item's
// title (for the app's status line), ItemID its ID, Month the plan key.
type AddedMsg struct {
	Item   string
	ItemID string
	Month  string
}

// CancelMsg says the picker was closed without adding anything.
type CancelMsg struct{}

// Picker is the small "add to agenda item" chooser the reader and search
// open with `a`: it lists the items of the month's plan and adds the
// excerpt to the one chosen, saving at once.
type Picker struct {
	store *plan.Store
	month string
	ex    plan.Excerpt
	lang  i18n.Lang
	p     *plan.Plan
	cur   int
	w, h  int
	err   string
}

// NewPicker opens the picker for ex on the plan month ("" for this
// month). The cursor starts on the news-and-policy item, where most
// excerpts go.
func NewPicker(store *plan.Store, month string, ex plan.Excerpt, lang i18n.Lang) Picker {
	if !plan.ValidKey(month) {
		month = plan.CurrentMonth(store.Now()) // "" or a bad key: this month
	}
	k := Picker{store: store, month: month, ex: ex, lang: lang, w: 80, h: 24}
	p, _, err := store.Load(month)
	if p == nil {
		p, _ = plan.New(month)
	}
	if err != nil {
		k.err = i18n.Describe(lang, err)
	}
	k.p = p
	if i := p.Index("thong-tin"); i >= 0 {
		k.cur = i
	}
	return k
}

// Init does nothing: the plan is read in NewPicker.
func (k Picker) Init() tea.Cmd { return nil }

// SetSize sets the picker's size in cells.
func (k *Picker) SetSize(w, h int) { k.w, k.h = max(w, 20), max(h, 5) }

// Update handles keys.
func (k Picker) Update(msg tea.Msg) (Picker, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		k.SetSize(msg.Width, msg.Height)
	case tea.KeyPressMsg:
		switch s := msg.String(); s {
		case "esc", "q":
			return k, func() tea.Msg { return CancelMsg{} }
		case "up", "k":
			k.cur = clamp(k.cur-1, 0, len(k.p.Items)-1)
		case "down", "j":
			k.cur = clamp(k.cur+1, 0, len(k.p.Items)-1)
		case "home", "g":
			k.cur = 0
		case "end", "G":
			k.cur = len(k.p.Items) - 1
		case "enter":
			return k.add()
		default:
			if len(s) == 1 && s[0] >= '1' && s[0] <= '9' && int(s[0]-'1') < len(k.p.Items) {
				k.cur = int(s[0] - '1')
				return k.add()
			}
		}
	}
	return k, nil
}

func (k Picker) add() (Picker, tea.Cmd) {
	if len(k.p.Items) == 0 {
		return k, nil
	}
	id, title := k.p.Items[k.cur].ID, k.p.Items[k.cur].Title
	p, err := k.store.Update(k.month, func(p *plan.Plan) error {
		_, err := p.AddExcerpt(id, k.ex, k.store.Now())
		return err
	})
	if p == nil {
		k.err = i18n.Describe(k.lang, err)
		return k, nil
	}
	k.p = p
	var de *userdata.DamagedError
	if err != nil && !errors.As(err, &de) {
		k.err = i18n.Describe(k.lang, err)
		return k, nil
	}
	month := k.month
	return k, func() tea.Msg { return AddedMsg{Item: title, ItemID: id, Month: month} }
}

// View lists the items with the number of excerpts each holds; the cursor
// row is marked with ">" so it reads without colour.
func (k Picker) View() string {
	var lines []string
	lines = append(lines, bold.Render(fit(fmt.Sprintf(i18n.PickerTitle.In(k.lang), k.p.Title), k.w)))
	lines = append(lines, fit(fmt.Sprintf(i18n.PickerWhat.In(k.lang), excerptTitle(k.ex)), k.w))
	lines = append(lines, strings.Repeat("─", k.w))
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
			count = " (" + fmt.Sprintf(i18n.PickerCount.In(k.lang), n) + ")"
		}
		l := fit(fmt.Sprintf("%s%d. %s%s", mark, i+1, it.Title, count), k.w)
		if i == k.cur {
			l = reverse.Render(l)
		}
		lines = append(lines, l)
	}
	for len(lines) < k.h-2 {
		lines = append(lines, "")
	}
	lines = append(lines, fit(k.err, k.w), faintSty.Render(fit(i18n.PickerHelp.In(k.lang), k.w)))
	return strings.Join(lines, "\n")
}
