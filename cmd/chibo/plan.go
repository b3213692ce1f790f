package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"chibo/content"
	"chibo/content/plan"
	"chibo/content/userdata"
	"chibo/tui/i18n"
)

// planNow is the clock of the plan command (tests fix "this month").
var planNow = time.Now

func init() {
	register(&command{
		name:    "plan",
		usage:   i18n.CLIPlanUsage,
		summary: i18n.CLIPlanSummary,
		run:     runPlan,
	})
}

// runPlan dispatches the plan verbs; the TUI's plan screen does the same
// with keys, and both go through plan.Store so they never disagree.
func runPlan(e *env, args []string) int {
	c := commands["plan"]
	if len(args) == 0 {
		return usageError(e, c, e.T(i18n.CLIPlanNoVerb))
	}
	verb, rest := args[0], args[1:]
	switch verb {
	case "list", "ls":
		return planList(e, c, rest)
	case "show":
		return planShow(e, c, rest)
	case "export":
		return planExport(e, c, rest)
	case "add":
		return planAdd(e, c, rest)
	case "note":
		return planNote(e, c, rest)
	case "set":
		return planSet(e, c, rest)
	case "-h", "--help", "help":
		commandHelp(e, c)
		return 0
	}
	return usageError(e, c, fmt.Sprintf(e.T(i18n.CLIPlanBadVerb), verb))
}

// planKey picks the plan from the positional arguments: none means this
// month's regular meeting.
func planKey(e *env, c *command, pos []string) (string, int) {
	switch len(pos) {
	case 0:
		return plan.CurrentMonth(planNow()), 0
	case 1:
		if !plan.ValidKey(pos[0]) {
			return "", usageError(e, c, fmt.Sprintf(e.T(i18n.CLIPlanBadMonth), pos[0]))
		}
		return pos[0], 0
	}
	return "", usageError(e, c, fmt.Sprintf(e.T(i18n.CLIPlanTooMany), strings.Join(pos[1:], " ")))
}

func planStore(e *env) *plan.Store {
	s := plan.OpenStore(e.dirs.User())
	s.SetClock(planNow)
	return s
}

// loadPlan loads a plan; a damaged file has been set aside and is reported
// as a warning, and the command goes on with the skeleton.
func loadPlan(e *env, key string) (*plan.Plan, bool, int) {
	p, saved, err := planStore(e).Load(key)
	if err != nil {
		var de *userdata.DamagedError
		if p == nil || !errors.As(err, &de) {
			return nil, false, planFail(e, err)
		}
		planWarn(e, err)
	}
	return p, saved, 0
}

// planWarn prints a plan store problem the command goes on after.
func planWarn(e *env, err error) {
	fmt.Fprintln(e.stderr, "chibo:", describeError(e, err))
}

func planFail(e *env, err error) int {
	planWarn(e, err)
	return 1
}

// checkSources marks excerpts whose source left the library. A library
// that cannot be opened only means nothing can be checked.
func checkSources(e *env, p *plan.Plan) {
	lib, err := e.library()
	if err != nil {
		return
	}
	if r := p.Check(lib); r.Missing > 0 {
		fmt.Fprintf(e.stderr, e.T(i18n.CLIPlanMissingN)+"\n", r.Missing)
	}
}

func planList(e *env, c *command, args []string) int {
	fs := newFlags(e, c)
	pos, ok := parseFlags(e, c, fs, args)
	if !ok {
		return 2
	}
	if len(pos) > 0 {
		return usageError(e, c, fmt.Sprintf(e.T(i18n.CLIPlanTooMany), strings.Join(pos, " ")))
	}
	list, err := planStore(e).List()
	if err != nil {
		return fail(e, err)
	}
	if len(list) == 0 {
		fmt.Fprintln(e.stdout, e.T(i18n.CLIPlanNone))
		return 0
	}
	for _, s := range list {
		if s.Err != nil {
			fmt.Fprintf(e.stdout, e.T(i18n.CLIPlanListBroken)+"\n", s.Key, s.Err)
			continue
		}
		fmt.Fprintf(e.stdout, e.T(i18n.CLIPlanListLine)+"\n", s.Key, s.Title, s.Items, s.Excerpts, s.Minutes)
	}
	return 0
}

func planShow(e *env, c *command, args []string) int {
	fs := newFlags(e, c)
	pos, ok := parseFlags(e, c, fs, args)
	if !ok {
		return 2
	}
	key, code := planKey(e, c, pos)
	if code != 0 {
		return code
	}
	p, saved, code := loadPlan(e, key)
	if code != 0 {
		return code
	}
	checkSources(e, p)
	writePlanText(e, e.stdout, p, saved)
	return 0
}

// writePlanText prints the plan for a terminal: details, then each item
// with its time, notes and excerpts (ID, heading, source).
func writePlanText(e *env, w io.Writer, p *plan.Plan, saved bool) {
	fmt.Fprintf(w, "%s  [%s]\n", p.Title, p.Month)
	if !saved {
		fmt.Fprintln(w, e.T(i18n.CLIPlanUnsaved))
	}
	kind := e.T(i18n.CLIPlanKindReg)
	if p.Kind == plan.KindTopical {
		kind = e.T(i18n.CLIPlanKindTopic)
	}
	field := func(label i18n.Msg, v string) {
		if strings.TrimSpace(v) == "" {
			v = e.T(i18n.CLIPlanUnset)
		}
		fmt.Fprintf(w, "%s: %s\n", e.T(label), v)
	}
	field(i18n.CLIPlanKind, kind)
	field(i18n.CLIPlanDate, p.Date)
	field(i18n.CLIPlanPlace, p.Place)
	field(i18n.CLIPlanCell, p.Cell)
	field(i18n.CLIPlanParty, p.Party)
	for i, it := range p.Items {
		fmt.Fprintf(w, "\n%2d. %s (%s)\n", i+1, it.Title, fmt.Sprintf(e.T(i18n.PlanMinutesShort), it.Minutes))
		if strings.TrimSpace(it.Notes) != "" {
			fmt.Fprintf(w, "    %s\n", e.T(i18n.CLIPlanNotes)+":")
			for _, l := range strings.Split(it.Notes, "\n") {
				fmt.Fprintf(w, "      %s\n", l)
			}
		}
		for _, x := range it.Excerpts {
			head := x.Heading()
			if head == "" {
				head = x.DocTitle
			}
			fmt.Fprintf(w, "    - [%s] %s\n", x.ID, head)
			ref := x.Doc
			if x.Section != "" {
				ref += "#" + x.Section
			}
			line := fmt.Sprintf("      %s: %s (%s)", e.T(i18n.CLIPlanSource), x.Cite(), ref)
			if x.Missing {
				line += " — " + e.T(i18n.PlanMissing)
			}
			fmt.Fprintln(w, line)
		}
	}
	fmt.Fprintf(w, "\n"+e.T(i18n.CLIPlanTotal)+"\n", p.TotalMinutes())
	if p.Kind == plan.KindRegular && p.TotalMinutes() < plan.MinMeetingMinutes {
		fmt.Fprintf(w, e.T(i18n.CLIPlanTooShort)+"\n", plan.MinMeetingMinutes)
	}
}

func planExport(e *env, c *command, args []string) int {
	fs := newFlags(e, c)
	format := fs.String("format", "", "")
	out := fs.String("out", "", "")
	pos, ok := parseFlags(e, c, fs, args)
	if !ok {
		return 2
	}
	key, code := planKey(e, c, pos)
	if code != 0 {
		return code
	}
	f := plan.FormatHTML
	switch {
	case *format != "":
		var ok bool
		if f, ok = plan.ParseFormat(*format); !ok {
			return usageError(e, c, fmt.Sprintf(e.T(i18n.CLIPlanBadFormat), *format))
		}
	case *out != "" && *out != "-":
		if g, ok := plan.ParseFormat(filepath.Ext(*out)); ok {
			f = g
		}
	}
	p, _, code := loadPlan(e, key)
	if code != 0 {
		return code
	}
	checkSources(e, p)
	data, err := plan.Export(p, f)
	if err != nil {
		return fail(e, err)
	}
	if *out == "-" {
		e.stdout.Write(data)
		return 0
	}
	path := *out
	if path == "" {
		path = plan.FileName(p, f)
	}
	if err := content.WriteFileAtomic(path, data, 0o644); err != nil {
		return fail(e, err)
	}
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	fmt.Fprintf(e.stdout, e.T(i18n.CLIPlanWritten)+"\n", path)
	return 0
}

func planAdd(e *env, c *command, args []string) int {
	fs := newFlags(e, c)
	item := fs.String("item", "", "")
	text := fs.String("text", "", "")
	pos, ok := parseFlags(e, c, fs, args)
	if !ok {
		return 2
	}
	if len(pos) == 0 || strings.HasPrefix(pos[0], "#") {
		return usageError(e, c, e.T(i18n.CLIPlanNeedRef))
	}
	ref := pos[0]
	key, code := planKey(e, c, pos[1:])
	if code != 0 {
		return code
	}
	lib, err := e.library()
	if err != nil {
		return fail(e, err)
	}
	doc, sec, found := plan.Lookup(lib, ref)
	if !found {
		fmt.Fprintf(e.stderr, "chibo: "+e.T(i18n.CLIPlanNoSource)+"\n", ref)
		return 1
	}
	ex := plan.FromPassage(doc, sec, *text)
	var num int
	var title string
	_, err = planStore(e).Update(key, func(p *plan.Plan) error {
		ref := *item
		if ref == "" {
			ref = "1"
			if p.Index("thong-tin") >= 0 {
				ref = "thong-tin"
			}
		}
		it, err := p.ItemByRef(ref)
		if err != nil {
			return err
		}
		num, title = p.Index(it.ID)+1, it.Title
		_, err = p.AddExcerpt(it.ID, ex, planNow())
		return err
	})
	if code := updateFailed(e, err); code != 0 {
		return code
	}
	head := ex.Heading()
	if head == "" {
		head = ex.DocTitle
	}
	fmt.Fprintf(e.stdout, e.T(i18n.CLIPlanAdded)+"\n", head, num, title, key)
	return 0
}

// updateFailed reports the error of a plan.Store.Update and returns the
// exit code: 0 when there was none, or when a damaged file was set aside
// and the update went ahead on a fresh plan (only a warning then).
func updateFailed(e *env, err error) int {
	var de *userdata.DamagedError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &de) && de.Aside != "":
		planWarn(e, err)
		return 0
	}
	return planFail(e, err)
}

func planNote(e *env, c *command, args []string) int {
	fs := newFlags(e, c)
	item := fs.String("item", "", "")
	appendNote := fs.Bool("append", false, "")
	// A note often starts with "- " (a list); the flag package would take
	// it for a flag, so text that cannot be a flag is set apart first.
	var texts, rest []string
	for _, a := range args {
		if strings.HasPrefix(a, "-") && strings.ContainsAny(a, " \n") {
			texts = append(texts, a)
		} else {
			rest = append(rest, a)
		}
	}
	pos, ok := parseFlags(e, c, fs, rest)
	if !ok {
		return 2
	}
	pos = append(texts, pos...)
	if *item == "" {
		return usageError(e, c, e.T(i18n.CLIPlanNeedItem))
	}
	if len(pos) == 0 {
		return usageError(e, c, e.T(i18n.CLIPlanNeedText))
	}
	text := pos[0]
	key, code := planKey(e, c, pos[1:])
	if code != 0 {
		return code
	}
	if text == "-" {
		b, err := io.ReadAll(e.stdin)
		if err != nil {
			return fail(e, err)
		}
		text = string(b)
	}
	var num int
	var title string
	_, err := planStore(e).Update(key, func(p *plan.Plan) error {
		it, err := p.ItemByRef(*item)
		if err != nil {
			return err
		}
		num, title = p.Index(it.ID)+1, it.Title
		notes := text
		if *appendNote && strings.TrimSpace(it.Notes) != "" {
			notes = it.Notes + "\n" + text
		}
		return p.SetNotes(it.ID, notes)
	})
	if code := updateFailed(e, err); code != 0 {
		return code
	}
	fmt.Fprintf(e.stdout, e.T(i18n.CLIPlanNoted)+"\n", num, title)
	return 0
}

func planSet(e *env, c *command, args []string) int {
	fs := newFlags(e, c)
	date := fs.String("date", "", "")
	place := fs.String("place", "", "")
	cell := fs.String("cell", "", "")
	party := fs.String("party", "", "")
	pos, ok := parseFlags(e, c, fs, args)
	if !ok {
		return 2
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	if len(set) == 0 {
		return usageError(e, c, e.T(i18n.CLIPlanNeedSet))
	}
	if *date != "" {
		if _, err := time.Parse("2006-01-02", *date); err != nil {
			return usageError(e, c, fmt.Sprintf(e.T(i18n.CLIPlanBadDate), *date))
		}
	}
	key, code := planKey(e, c, pos)
	if code != 0 {
		return code
	}
	_, err := planStore(e).Update(key, func(p *plan.Plan) error {
		if set["date"] {
			p.Date = *date
		}
		if set["place"] {
			p.Place = strings.TrimSpace(*place)
		}
		if set["cell"] {
			p.Cell = strings.TrimSpace(*cell)
		}
		if set["party"] {
			p.Party = strings.TrimSpace(*party)
		}
		return nil
	})
	if code := updateFailed(e, err); code != 0 {
		return code
	}
	fmt.Fprintf(e.stdout, e.T(i18n.CLIPlanSetDone)+"\n", key)
	return 0
}
