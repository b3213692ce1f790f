package plan

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"chibo/content/userdata"
)

// Task is one task of a meeting's resolution: what, who, by when. In the
// next month's plan the same task is carried (From is the month it came
// from) and the secretary records its Result.
type Task struct {
	ID     string `json:"id"`
	Text   string `json:"text"`
	Owner  string `json:"owner,omitempty"`
	Due    string `json:"due,omitempty"` // ISO 8601
	Result string `json:"result,omitempty"`
	From   string `json:"from,omitempty"` // the plan key it was set in (carried tasks only)
}

// Errors of the task operations.
var (
	ErrEmptyTask = errors.New("the task text is empty")
	ErrNoTask    = errors.New("no such task")
)

// AddTask adds a task to the meeting's resolution and returns it. due is
// ISO 8601 or "" (see ParseDate).
func (p *Plan) AddTask(text, owner, due string) (Task, error) {
	text = oneLine(text)
	if text == "" {
		return Task{}, ErrEmptyTask
	}
	if due != "" {
		d, err := ParseDate(due)
		if err != nil {
			return Task{}, err
		}
		due = d
	}
	max := 0
	for _, t := range p.Tasks {
		if n, err := strconv.Atoi(strings.TrimPrefix(t.ID, "nv")); err == nil && n > max {
			max = n
		}
	}
	t := Task{ID: "nv" + strconv.Itoa(max+1), Text: text, Owner: oneLine(owner), Due: due}
	p.Tasks = append(p.Tasks, t)
	return t, nil
}

// RemoveTask deletes task n (1-based) of the meeting's resolution.
func (p *Plan) RemoveTask(n int) error {
	if n < 1 || n > len(p.Tasks) {
		return fmt.Errorf("%w: %d (the plan has %d tasks)", ErrNoTask, n, len(p.Tasks))
	}
	p.Tasks = append(p.Tasks[:n-1], p.Tasks[n:]...)
	return nil
}

// SetResult records the result of carried task n (1-based).
func (p *Plan) SetResult(n int, result string) error {
	if n < 1 || n > len(p.Carried) {
		return fmt.Errorf("%w: %d (%d tasks carried from last month)", ErrNoTask, n, len(p.Carried))
	}
	p.Carried[n-1].Result = strings.TrimSpace(result)
	return nil
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// PrevKey is the plan whose tasks a plan carries: the previous month's
// regular (or combined) meeting, "2026-11" for "2026-12". A thematic
// meeting's key (YYYY-MM-slug) carries nothing and gets "".
func PrevKey(key string) string {
	if len(key) != 7 || !ValidKey(key) {
		return ""
	}
	return addMonths(key, -1)
}

// Carry brings the tasks of prev (the previous month's plan; nil when
// there is none) into p.Carried. Results already recorded in p are kept;
// a task edited in prev shows its new text, owner and deadline; a task
// removed from prev goes away unless a result was recorded for it. A
// month with no earlier plan starts with nothing carried. Carry reports
// whether p changed.
func (p *Plan) Carry(prev *Plan) bool {
	old := map[string]Task{}
	for _, t := range p.Carried {
		old[t.From+"#"+t.ID] = t
	}
	var out []Task
	seen := map[string]bool{}
	p.prevTasks = ""
	if prev != nil {
		p.prevTasks = prev.TasksMonth()
		for _, t := range prev.Tasks {
			c := t
			c.From = prev.Month
			c.Result = ""
			k := c.From + "#" + c.ID
			if o, ok := old[k]; ok {
				c.Result = o.Result
			}
			seen[k] = true
			out = append(out, c)
		}
	}
	for _, t := range p.Carried {
		if !seen[t.From+"#"+t.ID] && t.Result != "" {
			out = append(out, t)
		}
	}
	changed := len(out) != len(p.Carried)
	for i := 0; !changed && i < len(out); i++ {
		changed = out[i] != p.Carried[i]
	}
	p.Carried = out
	return changed
}

// LoadCarried loads the plan key and brings in the previous month's tasks
// (see Carry). Errors are those of Store.Load; when only the previous
// month's file was damaged (and set aside), its *userdata.DamagedError is
// returned with the plan, which carries nothing.
func LoadCarried(s *Store, key string) (*Plan, bool, error) {
	p, saved, err := s.Load(key)
	if p == nil {
		return p, saved, err
	}
	prev, perr := loadPrev(s, key)
	p.Carry(prev)
	if err == nil {
		err = perr
	}
	return p, saved, err
}

// UpdateCarried is Store.Update with the previous month's tasks brought
// in before fn runs, so fn can record their results. A damaged previous
// month is reported as LoadCarried does.
func UpdateCarried(s *Store, key string, fn func(*Plan) error) (*Plan, error) {
	prev, perr := loadPrev(s, key)
	p, err := s.Update(key, func(p *Plan) error {
		p.Carry(prev)
		return fn(p)
	})
	if p != nil && err == nil {
		err = perr
	}
	return p, err
}

func loadPrev(s *Store, key string) (*Plan, error) {
	pk := PrevKey(key)
	if pk == "" {
		return nil, nil
	}
	prev, saved, err := s.Load(pk)
	var de *userdata.DamagedError
	if err != nil && !errors.As(err, &de) {
		err = nil // a newer chibo's file: left alone, nothing carried
	}
	if !saved {
		return nil, err
	}
	return prev, err
}
