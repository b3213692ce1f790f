package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"chibo/content"
	"chibo/content/plan"
	"chibo/content/safetext"
	"chibo/content/userdata"
	"chibo/tui/i18n"
)

// planNow is the clock of the plan command (tests fix "this month").
var planNow = time.Now

// planActions are the plan command's actions, in the order its help lists
// them (set in init: they refer to planAction); planAliases are the other
// names they answer to.
var (
	planActions []*command
	planAliases = map[string]string{"ls": "list", "rm": "remove", "mv": "move", "tasks": "task"}
)

func init() {
	planActions = []*command{
		{name: "plan show", usage: i18n.CLIPlanShowUsage, summary: i18n.CLIPlanShowSummary, run: planShow},
		{name: "plan list", usage: i18n.CLIPlanListUsage, summary: i18n.CLIPlanListSummary, run: planList},
		{name: "plan add", usage: i18n.CLIPlanAddUsage, summary: i18n.CLIPlanAddSummary, run: planAdd},
		{name: "plan note", usage: i18n.CLIPlanNoteUsage, summary: i18n.CLIPlanNoteSummary, run: planNote},
		{name: "plan set", usage: i18n.CLIPlanSetUsage, summary: i18n.CLIPlanSetSummary, run: planSet},
		{name: "plan remove", usage: i18n.CLIPlanRemoveUsage, summary: i18n.CLIPlanRemoveSumm, run: planRemove},
		{name: "plan move", usage: i18n.CLIPlanMoveUsage, summary: i18n.CLIPlanMoveSummary, run: planMove},
		{name: "plan rename", usage: i18n.CLIPlanRenameUsage, summary: i18n.CLIPlanRenameSumm, run: planRename},
		{name: "plan export", usage: i18n.CLIPlanExportUsage, summary: i18n.CLIPlanExportSumm, run: planExport},
		{name: "plan tick", usage: i18n.CLIPlanTickUsage, summary: i18n.CLIPlanTickSummary, run: planTick},
		{name: "plan roll", usage: i18n.CLIPlanRollUsage, summary: i18n.CLIPlanRollSummary, run: planRoll},
		{name: "plan minutes", usage: i18n.CLIPlanMinutesUsage, summary: i18n.CLIPlanMinutesSumm, run: planMinutes},
		{name: "plan resolution", usage: i18n.CLIPlanResolUsage, summary: i18n.CLIPlanResolSumm, run: planResolution},
		{name: "plan task", usage: i18n.CLIPlanTaskUsage, summary: i18n.CLIPlanTaskSummary, run: planTask},
	}
	register(&command{
		name:    "plan",
		usage:   i18n.CLIPlanOverUsage,
		summary: i18n.CLIPlanOverSummary,
		note:    i18n.CLIPlanMonthNote,
		subs:    planActions,
		run:     runPlan,
	})
}

// action finds the action verb of a command with actions (plan, members).
// With no verb it is def (chibo plan shows this month's plan); with help
// asked instead of one it prints the command's help and returns nil with
// the exit code; a verb it does not know is refused with the nearest one
// suggested.
func action(e *env, c *command, args []string, aliases map[string]string, def string) (*command, []string, int) {
	if len(args) == 0 {
		args = []string{def}
	}
	verb := args[0]
	if isHelpArg(verb) || verb == "help" {
		printHelp(e, c, nil)
		return nil, nil, 0
	}
	if a, ok := aliases[verb]; ok {
		verb = a
	}
	for _, s := range c.subs {
		if s.name == c.name+" "+verb {
			return s, args[1:], 0
		}
	}
	msg := fmt.Sprintf(e.T(i18n.CLINoSuchAction), verb)
	var verbs []string
	for _, s := range c.subs {
		verbs = append(verbs, s.name)
	}
	if inner, ok := innerVerbs[c.name+" "+verb]; ok {
		// "chibo plan mark 2 co-mat": a verb of the roll, not of the plan.
		msg += "; " + fmt.Sprintf(e.T(i18n.CLIDidYouMean), "chibo "+inner)
	} else if near := nearest(c.name+" "+verb, verbs); near != "" {
		msg += "; " + fmt.Sprintf(e.T(i18n.CLIDidYouMean), "chibo "+near)
	}
	return nil, nil, usageError(e, c, msg)
}

// innerVerbs are the verbs of an action typed as if they were the
// command's own, with where they belong.
var innerVerbs = map[string]string{
	"plan mark":  "plan roll mark",
	"plan guest": "plan roll guest",
}

// runPlan dispatches the plan verbs; the TUI's plan screen does the same
// with keys, and both go through plan.Store so they never disagree. Each
// verb reports its usage mistakes as "chibo plan VERB".
func runPlan(e *env, args []string) int {
	sub, rest, code := action(e, commands["plan"], args, planAliases, "show")
	if sub == nil {
		return code
	}
	return sub.run(e, rest)
}

// planAction is the plan action named verb.
func planAction(verb string) *command {
	for _, s := range planActions {
		if s.name == "plan "+verb {
			return s
		}
	}
	panic("no plan action " + verb)
}

// planKey picks the plan from the positional arguments: none means this
// month's regular meeting.
func planKey(e *env, c *command, pos []string) (string, int) {
	switch len(pos) {
	case 0:
		return plan.CurrentMonth(planNow()), 0
	case 1:
		key, ok := plan.ParseKey(pos[0])
		if !ok {
			return "", usageError(e, c, fmt.Sprintf(e.T(i18n.CLIPlanBadMonth), pos[0]))
		}
		return key, 0
	}
	return "", extraArgs(e, c, pos[1:])
}

// hardBreaks are markdown's hard line breaks, a \ ending a line.
var hardBreaks = regexp.MustCompile(`(?m)\\$`)

// terminalText is a printed form (minutes, resolution) for a terminal:
// its plain text line for line, without markdown's marks and breaks.
func terminalText(md []byte) string {
	return hardBreaks.ReplaceAllString(content.PlainText(string(md)), "") + "\n"
}

func planStore(e *env) *plan.Store {
	s := plan.OpenStore(e.dirs.User())
	s.SetClock(planNow)
	return s
}

// loadPlan loads a plan; a damaged file has been set aside and is reported
// as a warning, and the command goes on with the skeleton.
func loadPlan(e *env, key string) (*plan.Plan, bool, int) {
	p, saved, err := plan.LoadCarried(planStore(e), key)
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
	fmt.Fprintln(e.stderr, "chibo:", planErrText(e, err))
}

// planErrText names a plan error in the user's language.
func planErrText(e *env, err error) string {
	if msg, ok := i18n.DescribeMeeting(e.lang, err); ok {
		return msg
	}
	return describeError(e, err)
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
		fmt.Fprintf(e.stderr, e.T(i18n.CLIPlanMissingS)+"\n", i18n.NounExcerpt.N(e.lang, r.Missing))
	}
}

func planList(e *env, args []string) int {
	c := planAction("list")
	fs := newFlags(e, c)
	pos, ok := parseFlags(e, c, fs, args)
	if !ok {
		return 2
	}
	if len(pos) > 0 {
		return extraArgs(e, c, pos)
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
			why := planErrText(e, s.Err)
			if why == s.Err.Error() { // a JSON or version error: no words of its own
				why = fmt.Sprintf(e.T(i18n.CLIPlanUnreadable), s.Key)
			}
			fmt.Fprintf(e.stdout, e.T(i18n.CLIPlanListBroken)+"\n", s.Key, why)
			continue
		}
		fmt.Fprintf(e.stdout, e.T(i18n.CLIPlanListN)+"\n", s.Key, s.Title, i18n.NounItem.N(e.lang, s.Items), i18n.NounExcerpt.N(e.lang, s.Excerpts), i18n.NounMinute.N(e.lang, s.Minutes))
	}
	return 0
}

func planShow(e *env, args []string) int {
	c := planAction("show")
	fs := newFlags(e, c)
	asJSON := fs.Bool("json", false, "")
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
	if *asJSON {
		return writePlanJSON(e, p)
	}
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
	kind := kindName(e, p.Kind)
	field := func(label i18n.Msg, v string) {
		if strings.TrimSpace(v) == "" {
			v = e.T(i18n.CLIPlanUnset)
		}
		fmt.Fprintf(w, "%s: %s\n", e.T(label), v)
	}
	field(i18n.CLIPlanKind, kind)
	field(i18n.CLIPlanDate, plan.ShowDate(p.Date))
	if p.DateOutsideMonth() {
		fmt.Fprintln(w, dateWarning(e.lang, p))
	}
	field(i18n.CLIPlanPlace, p.Place)
	field(i18n.CLIPlanLocality, p.Locality)
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
			if x.Passage {
				head = e.T(i18n.PlanPassageTag) + " “" + x.Opening(6) + "” — " + head
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
	fmt.Fprintf(w, "\n"+e.T(i18n.CLIPlanTotalN)+"\n", i18n.NounMinute.N(e.lang, p.TotalMinutes()))
	for _, warn := range p.BudgetWarnings() {
		switch warn.Code {
		case "short":
			fmt.Fprintf(w, e.T(i18n.CLIPlanWarnShort)+"\n", kindName(e, p.Kind), p.Kind.MinMinutes())
		case "criticism":
			it, _ := p.Item(plan.ItemCriticism)
			fmt.Fprintf(w, e.T(i18n.CLIPlanWarnCrit)+"\n", plan.CriticismMin, plan.CriticismMax, it.Minutes)
		}
	}
	if !plan.TopicInQuarter(planStore(e), p) {
		fmt.Fprintf(w, e.T(i18n.CLIPlanNoTopic)+"\n", plan.QuarterOf(p.Month))
	}
	if p.Kind != plan.KindTopical {
		fmt.Fprintf(w, e.T(i18n.CLIPlanAssess)+"\n", plan.MonthLabel(p.AssessedMonth()), plan.MonthLabel(p.TasksMonth()))
	}
	if len(p.Carried) > 0 {
		fmt.Fprintf(w, "\n%s:\n", e.T(i18n.CLIPlanCarried))
		writeTasks(e, w, p.Carried, true)
	}
	fmt.Fprintf(w, "\n%s:\n", e.T(i18n.CLIPlanTasks))
	writeTasks(e, w, p.Tasks, false)
	fmt.Fprintf(w, "\n%s:\n", e.T(i18n.CLIPlanChecklist))
	for i, ck := range p.Checklist() {
		box := "[ ]"
		if ck.Done {
			box = "[x]"
		}
		d := plan.ShowDate(ck.Date)
		if d == "" {
			d = "--/--/----"
		}
		fmt.Fprintf(w, "%2d. %s %s  %s\n", i+1, box, d, ck.What)
	}
}

func kindName(e *env, k plan.Kind) string {
	switch k {
	case plan.KindTopical:
		return e.T(i18n.CLIPlanKindTopic)
	case plan.KindCombined:
		return e.T(i18n.CLIPlanKindCombined)
	}
	return e.T(i18n.CLIPlanKindReg)
}

// writeTasks lists tasks: number, text, owner, deadline (and result).
func writeTasks(e *env, w io.Writer, ts []plan.Task, results bool) {
	if len(ts) == 0 {
		fmt.Fprintf(w, "    %s\n", e.T(i18n.CLIPlanNoTasks))
	}
	for i, t := range ts {
		line := fmt.Sprintf("%2d. %s", i+1, t.Text)
		if t.Owner != "" {
			line += " — " + t.Owner
		}
		if t.Due != "" {
			line += " (" + plan.ShowDate(t.Due) + ")"
		}
		fmt.Fprintln(w, line)
		if results {
			r := t.Result
			if r == "" {
				r = e.T(i18n.CLIPlanNoResult)
			}
			fmt.Fprintf(w, "      → %s\n", r)
		}
	}
}

func planExport(e *env, args []string) int {
	c := planAction("export")
	fs := newFlags(e, c)
	format := fs.String("format", "", "")
	out := fs.String("out", "", "")
	force := fs.Bool("force", false, "")
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
	if msg := outProblem(e, path, *force); msg != "" {
		fmt.Fprintf(e.stderr, "chibo %s: %s\n", c.name, msg)
		return 1
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

func planAdd(e *env, args []string) int {
	c := planAction("add")
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
	if strings.TrimSpace(*text) != "" && !plan.PassageIn(doc, sec, *text) {
		fmt.Fprintf(e.stderr, "chibo: "+e.T(i18n.CLIPlanTextNotFound)+"\n", ref, ref)
		return 1
	}
	ex := plan.FromSectionTree(doc, sec) // a section with its subsections
	if strings.TrimSpace(*text) != "" {
		ex = plan.FromPassage(doc, sec, *text)
	}
	ex = plan.WithDocument(ex, doc)
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
	head := ex.PrintHeading() // in full, as the pack prints it
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

// parseFlagsKeepText parses the flags of a command that takes free text:
// a note or a speaker's view often starts with "- " (a list), which the
// flag package would take for a flag, so an argument that starts with "-"
// but holds a space or a line break is set apart first and put before the
// other positional arguments.
func parseFlagsKeepText(e *env, c *command, fs *flag.FlagSet, args []string) ([]string, bool) {
	var texts, rest []string
	for _, a := range args {
		if strings.HasPrefix(a, "-") && strings.ContainsAny(a, " \n") {
			texts = append(texts, a)
		} else {
			rest = append(rest, a)
		}
	}
	pos, ok := parseFlags(e, c, fs, rest)
	return append(texts, pos...), ok
}

// textAndMonth reads the positional arguments TEXT [MONTH] of such a
// command: TEXT "-" is standard input read whole. code is the exit code to
// end with when it is not 0.
func textAndMonth(e *env, c *command, pos []string) (text, key string, code int) {
	if len(pos) == 0 {
		return "", "", usageError(e, c, e.T(i18n.CLIPlanNeedText))
	}
	key, code = planKey(e, c, pos[1:])
	if code != 0 {
		return "", "", code
	}
	text = pos[0]
	if text == "-" {
		b, err := io.ReadAll(e.stdin)
		if err != nil {
			return "", "", fail(e, err)
		}
		text = string(b)
	}
	return text, key, 0
}

func planNote(e *env, args []string) int {
	c := planAction("note")
	fs := newFlags(e, c)
	item := fs.String("item", "", "")
	appendNote := fs.Bool("append", false, "")
	pos, ok := parseFlagsKeepText(e, c, fs, args)
	if !ok {
		return 2
	}
	if *item == "" {
		return usageError(e, c, e.T(i18n.CLIPlanNeedItem))
	}
	text, key, code := textAndMonth(e, c, pos)
	if code != 0 {
		return code
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

func planSet(e *env, args []string) int {
	c := planAction("set")
	fs := newFlags(e, c)
	str := map[string]*string{}
	for _, name := range []string{"kind", "date", "place", "locality", "cell", "party", "chair", "secretary", "start", "end", "number", "topic", "presenter", "vote", "grade", "rubric", "dues", "conclusion", "topic-approved"} {
		str[name] = fs.String(name, "", "")
	}
	pos, ok := parseFlags(e, c, fs, args)
	if !ok {
		return 2
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	if len(set) == 0 {
		return usageError(e, c, e.T(i18n.CLIPlanNeedSet))
	}
	var kind plan.Kind
	if set["kind"] {
		k, ok := plan.ParseKind(*str["kind"])
		if !ok {
			return usageError(e, c, fmt.Sprintf(e.T(i18n.CLIPlanBadKind), *str["kind"]))
		}
		kind = k
	}
	// Dates as the user writes them; an empty one clears the field.
	dates := map[string]string{}
	for _, name := range []string{"date", "topic-approved"} {
		if set[name] && strings.TrimSpace(*str[name]) != "" {
			d, err := plan.ParseDate(*str[name])
			if err != nil {
				return usageError(e, c, fmt.Sprintf(e.T(i18n.CLIPlanBadDate2), *str[name]))
			}
			dates[name] = d
		}
	}
	date, approved := dates["date"], dates["topic-approved"]
	var vote *plan.Vote
	if set["vote"] {
		var v plan.Vote
		if n, err := fmt.Sscanf(strings.TrimSpace(*str["vote"]), "%d/%d/%d", &v.For, &v.Against, &v.Other); err != nil || n != 3 || v.For < 0 || v.Against < 0 || v.Other < 0 {
			return usageError(e, c, fmt.Sprintf(e.T(i18n.CLIPlanBadVote), *str["vote"]))
		}
		vote = &v
	}
	grade := ""
	if set["grade"] && strings.TrimSpace(*str["grade"]) != "" {
		g, ok := plan.ParseGrade(*str["grade"])
		if !ok {
			return usageError(e, c, fmt.Sprintf(e.T(i18n.CLIPlanBadGrade), *str["grade"]))
		}
		grade = g
	}
	key, code := planKey(e, c, pos)
	if code != 0 {
		return code
	}
	val := func(name string) string { return safetext.Line(strings.TrimSpace(*str[name])) }
	saved, err := plan.UpdateCarried(planStore(e), key, func(p *plan.Plan) error {
		if set["kind"] {
			if err := p.SetKind(kind); err != nil {
				return err
			}
		}
		if set["date"] {
			p.Date = date
		}
		// Names are kept without their "Chi bộ"/"Đảng bộ" prefix, so no
		// printed form can double it ("CHI BỘ CHI BỘ …").
		*str["cell"] = plan.CellBare(*str["cell"])
		*str["party"] = plan.PartyBare(*str["party"])
		for name, dst := range map[string]*string{
			"place": &p.Place, "locality": &p.Locality, "cell": &p.Cell, "party": &p.Party,
			"chair": &p.Record.Chair, "secretary": &p.Record.Secretary, "start": &p.Record.Start, "end": &p.Record.End,
			"number": &p.Record.Number, "topic": &p.Record.Topic, "presenter": &p.Record.Presenter,
			"rubric": &p.Record.Rubric, "dues": &p.Record.Dues, "conclusion": &p.Record.Conclusion,
		} {
			if set[name] {
				*dst = val(name)
			}
		}
		if set["vote"] {
			p.Record.Vote = vote
		}
		if set["grade"] {
			p.Record.Grade = grade
		}
		if set["topic-approved"] {
			p.Record.TopicApproved = approved
		}
		return nil
	})
	if code := updateFailed(e, err); code != 0 {
		return code
	}
	fmt.Fprintf(e.stdout, e.T(i18n.CLIPlanSetDone)+"\n", key)
	if saved != nil && set["date"] && saved.DateOutsideMonth() {
		fmt.Fprintln(e.stderr, dateWarning(e.lang, saved))
	}
	return 0
}

// dateWarning says the meeting date is outside the plan's month and what
// the resolution will then assess.
func dateWarning(l i18n.Lang, p *plan.Plan) string {
	return fmt.Sprintf(i18n.PlanDateOutside.In(l), plan.ShowDate(p.Date), plan.MonthLabel(plan.MonthOf(p.Month)), plan.MonthLabel(p.AssessedMonth()))
}

// planJSON is `plan show --json`: the fields the issue names, stable for
// scripts.
type planJSON struct {
	Month       string          `json:"month"`
	Kind        string          `json:"kind"`
	Date        string          `json:"date"`
	DurationMin int             `json:"duration_min"`
	Items       []planItemJSON  `json:"items"`
	Tasks       []planTaskJSON  `json:"tasks"`
	Carried     []planCarryJSON `json:"carried"`
	Checklist   []planCheckJSON `json:"checklist"`
}

type planItemJSON struct {
	Title    string           `json:"title"`
	Minutes  int              `json:"minutes"`
	Excerpts []planExcerptOut `json:"excerpts"`
	Notes    string           `json:"notes"`
}

type planExcerptOut struct {
	Doc     string `json:"doc"`
	Section string `json:"section"`
	Text    string `json:"text"`
	Source  string `json:"source"`
}

type planTaskJSON struct {
	Text  string `json:"text"`
	Owner string `json:"owner"`
	Due   string `json:"due"`
}

type planCarryJSON struct {
	Text   string `json:"text"`
	Owner  string `json:"owner"`
	Due    string `json:"due"`
	Result string `json:"result"`
	From   string `json:"from"`
}

type planCheckJSON struct {
	What string `json:"what"`
	Date string `json:"date"`
	Done bool   `json:"done"`
}

func writePlanJSON(e *env, p *plan.Plan) int {
	d, _ := p.Duration()
	out := planJSON{Month: p.Month, Kind: string(p.Kind), Date: p.Date, DurationMin: d,
		Items: []planItemJSON{}, Tasks: []planTaskJSON{}, Carried: []planCarryJSON{}, Checklist: []planCheckJSON{}}
	for _, it := range p.Items {
		j := planItemJSON{Title: it.Title, Minutes: it.Minutes, Notes: it.Notes, Excerpts: []planExcerptOut{}}
		for _, x := range it.Excerpts {
			j.Excerpts = append(j.Excerpts, planExcerptOut{Doc: x.Doc, Section: x.Section, Text: x.Text, Source: x.Cite()})
		}
		out.Items = append(out.Items, j)
	}
	for _, t := range p.Tasks {
		out.Tasks = append(out.Tasks, planTaskJSON{t.Text, t.Owner, t.Due})
	}
	for _, t := range p.Carried {
		out.Carried = append(out.Carried, planCarryJSON{t.Text, t.Owner, t.Due, t.Result, t.From})
	}
	for _, c := range p.Checklist() {
		out.Checklist = append(out.Checklist, planCheckJSON{c.What, c.Date, c.Done})
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		return fail(e, err)
	}
	return 0
}

// number reads a 1-based number typed on the command line.
func number(e *env, c *command, s string) (int, int) {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < 1 {
		return 0, usageError(e, c, fmt.Sprintf(e.T(i18n.CLIPlanNeedNumber), s))
	}
	return n, 0
}

func planTask(e *env, args []string) int {
	c := planAction("task")
	fs := newFlags(e, c)
	owner := fs.String("owner", "", "")
	due := fs.String("due", "", "")
	pos, ok := parseFlags(e, c, fs, args)
	if !ok {
		return 2
	}
	if len(pos) == 0 {
		return usageError(e, c, e.T(i18n.CLIPlanNeedTaskVerb))
	}
	verb, pos := pos[0], pos[1:]
	switch verb {
	case "list", "ls":
		key, code := planKey(e, c, pos)
		if code != 0 {
			return code
		}
		p, _, code := loadPlan(e, key)
		if code != 0 {
			return code
		}
		if len(p.Carried) > 0 {
			fmt.Fprintf(e.stdout, "%s:\n", e.T(i18n.CLIPlanCarried))
			writeTasks(e, e.stdout, p.Carried, true)
			fmt.Fprintln(e.stdout)
		}
		fmt.Fprintf(e.stdout, "%s:\n", e.T(i18n.CLIPlanTasks))
		writeTasks(e, e.stdout, p.Tasks, false)
		return 0
	case "add":
		if len(pos) == 0 {
			return usageError(e, c, e.T(i18n.CLIPlanNeedText))
		}
		d := ""
		if strings.TrimSpace(*due) != "" {
			var err error
			if d, err = plan.ParseDate(*due); err != nil {
				return usageError(e, c, fmt.Sprintf(e.T(i18n.CLIPlanBadDate2), *due))
			}
		}
		key, code := planKey(e, c, pos[1:])
		if code != 0 {
			return code
		}
		var n int
		_, err := planStore(e).Update(key, func(p *plan.Plan) error {
			_, err := p.AddTask(safetext.Line(pos[0]), safetext.Line(*owner), d)
			n = len(p.Tasks)
			return err
		})
		if code := updateFailed(e, err); code != 0 {
			return code
		}
		fmt.Fprintf(e.stdout, e.T(i18n.CLIPlanTaskAdded)+"\n", n, key)
		return 0
	case "result", "remove", "rm":
		if len(pos) == 0 {
			return usageError(e, c, fmt.Sprintf(e.T(i18n.CLIPlanNeedNumber), ""))
		}
		n, code := number(e, c, pos[0])
		if code != 0 {
			return code
		}
		rest := pos[1:]
		text := ""
		if verb == "result" {
			if len(rest) == 0 {
				return usageError(e, c, e.T(i18n.CLIPlanNeedText))
			}
			text, rest = safetext.Strip(rest[0]), rest[1:]
		}
		key, code := planKey(e, c, rest)
		if code != 0 {
			return code
		}
		var from string
		_, err := plan.UpdateCarried(planStore(e), key, func(p *plan.Plan) error {
			if verb != "result" {
				return p.RemoveTask(n)
			}
			if err := p.SetResult(n, text); err != nil {
				return err
			}
			from = p.Carried[n-1].From
			return nil
		})
		if code := updateFailed(e, err); code != 0 {
			return code
		}
		if verb == "result" {
			fmt.Fprintf(e.stdout, e.T(i18n.CLIPlanResultSaved)+"\n", n, from, key)
		} else {
			fmt.Fprintf(e.stdout, e.T(i18n.CLIPlanTaskRemoved)+"\n", n, key)
		}
		return 0
	}
	return usageError(e, c, e.T(i18n.CLIPlanNeedTaskVerb))
}

func planTick(e *env, args []string) int {
	c := planAction("tick")
	fs := newFlags(e, c)
	undo := fs.Bool("undo", false, "")
	pos, ok := parseFlags(e, c, fs, args)
	if !ok {
		return 2
	}
	if len(pos) == 0 {
		return usageError(e, c, fmt.Sprintf(e.T(i18n.CLIPlanNeedNumber), ""))
	}
	n, code := number(e, c, pos[0])
	if code != 0 {
		return code
	}
	key, code := planKey(e, c, pos[1:])
	if code != 0 {
		return code
	}
	var ck plan.CheckItem
	_, err := planStore(e).Update(key, func(p *plan.Plan) error {
		var err error
		ck, err = p.Tick(n, !*undo)
		return err
	})
	if code := updateFailed(e, err); code != 0 {
		return code
	}
	msg := i18n.CLIPlanTicked
	if *undo {
		msg = i18n.CLIPlanUnticked
	}
	fmt.Fprintf(e.stdout, e.T(msg)+"\n", ck.What)
	return 0
}

// isExcerptRef says whether ref names an excerpt ("t3") rather than an
// item (a number or an item ID).
func isExcerptRef(ref string) bool {
	if len(ref) < 2 || ref[0] != 't' {
		return false
	}
	_, err := strconv.Atoi(ref[1:])
	return err == nil
}

func planRemove(e *env, args []string) int {
	c := planAction("remove")
	fs := newFlags(e, c)
	pos, ok := parseFlags(e, c, fs, args)
	if !ok {
		return 2
	}
	if len(pos) == 0 {
		return usageError(e, c, e.T(i18n.CLIPlanNeedRefNum))
	}
	ref := pos[0]
	key, code := planKey(e, c, pos[1:])
	if code != 0 {
		return code
	}
	var what string
	_, err := planStore(e).Update(key, func(p *plan.Plan) error {
		if isExcerptRef(ref) {
			i, j, err := p.FindExcerpt(ref)
			if err != nil {
				return err
			}
			x := p.Items[i].Excerpts[j]
			what = "[" + x.ID + "] " + x.Heading()
			return p.RemoveExcerpt(ref)
		}
		it, err := p.ItemByRef(ref)
		if err != nil {
			return err
		}
		what = it.Title
		return p.RemoveItem(it.ID)
	})
	if code := updateFailed(e, err); code != 0 {
		return code
	}
	fmt.Fprintf(e.stdout, e.T(i18n.CLIPlanRemoved)+"\n", what)
	return 0
}

func planMove(e *env, args []string) int {
	c := planAction("move")
	fs := newFlags(e, c)
	item := fs.String("item", "", "")
	pos, ok := parseFlags(e, c, fs, args)
	if !ok {
		return 2
	}
	if len(pos) == 0 {
		return usageError(e, c, e.T(i18n.CLIPlanNeedRefNum))
	}
	ref, pos := pos[0], pos[1:]
	delta := 0
	if len(pos) > 0 && (pos[0] == "up" || pos[0] == "down") {
		delta = map[string]int{"up": -1, "down": 1}[pos[0]]
		pos = pos[1:]
	}
	if (delta == 0) == (*item == "") || (*item != "" && !isExcerptRef(ref)) {
		return usageError(e, c, e.T(i18n.CLIPlanNeedWhere))
	}
	key, code := planKey(e, c, pos)
	if code != 0 {
		return code
	}
	at, into := 0, ""
	_, err := planStore(e).Update(key, func(p *plan.Plan) error {
		var err error
		switch {
		case *item != "":
			it, ierr := p.ItemByRef(*item)
			if ierr != nil {
				return ierr
			}
			err = p.MoveExcerptTo(ref, it.ID, -1)
			at = len(it.Excerpts)
			into = fmt.Sprintf("%d. %s", p.Index(it.ID)+1, it.Title)
		case isExcerptRef(ref):
			at, err = p.MoveExcerpt(ref, delta)
			at++
		default:
			it, ierr := p.ItemByRef(ref)
			if ierr != nil {
				return ierr
			}
			at, err = p.MoveItem(it.ID, delta)
			at++
		}
		return err
	})
	if code := updateFailed(e, err); code != 0 {
		return code
	}
	if into != "" {
		fmt.Fprintf(e.stdout, e.T(i18n.CLIPlanMovedInto)+"\n", ref, into)
		return 0
	}
	fmt.Fprintf(e.stdout, e.T(i18n.CLIPlanMovedTo)+"\n", ref, at)
	return 0
}

func planRename(e *env, args []string) int {
	c := planAction("rename")
	fs := newFlags(e, c)
	pos, ok := parseFlags(e, c, fs, args)
	if !ok {
		return 2
	}
	if len(pos) < 2 {
		return usageError(e, c, e.T(i18n.CLIPlanNeedRename))
	}
	ref, title := pos[0], safetext.Line(pos[1])
	key, code := planKey(e, c, pos[2:])
	if code != 0 {
		return code
	}
	num := 0
	_, err := planStore(e).Update(key, func(p *plan.Plan) error {
		it, err := p.ItemByRef(ref)
		if err != nil {
			return err
		}
		num = p.Index(it.ID) + 1
		return p.RenameItem(it.ID, title)
	})
	if code := updateFailed(e, err); code != 0 {
		return code
	}
	fmt.Fprintf(e.stdout, e.T(i18n.CLIPlanRenamed)+"\n", num, strings.TrimSpace(title))
	return 0
}

func presenceName(e *env, pr plan.Presence) string {
	switch pr {
	case plan.Excused:
		return e.T(i18n.PresenceExcused)
	case plan.Absent:
		return e.T(i18n.PresenceAbsent)
	case plan.Exempt:
		return e.T(i18n.PresenceExempt)
	}
	return e.T(i18n.PresencePresent)
}

// planRoll shows or records the attendance of a meeting. The roll starts
// from the member list (chibo members), everyone present but those exempt.
func planRoll(e *env, args []string) int {
	c := planAction("roll")
	verb := "show"
	if len(args) > 0 && (args[0] == "show" || args[0] == "mark" || args[0] == "guest") {
		verb, args = args[0], args[1:]
	}
	fs := newFlags(e, c)
	reason := fs.String("reason", "", "")
	pos, ok := parseFlags(e, c, fs, args)
	if !ok {
		return 2
	}
	members, err := plan.OpenMembers(e.dirs.User()).Load()
	if err != nil {
		planWarn(e, err)
		var de *userdata.DamagedError
		if !errors.As(err, &de) || de.Aside == "" {
			return 1
		}
	}
	switch verb {
	case "show":
		key, code := planKey(e, c, pos)
		if code != 0 {
			return code
		}
		p, _, code := loadPlan(e, key)
		if code != 0 {
			return code
		}
		if len(members) == 0 && p.Roll == nil {
			fmt.Fprintln(e.stdout, e.T(i18n.CLIPlanRollEmpty))
			return 0
		}
		taken := p.Roll != nil
		p.StartRoll(members)
		n := p.Counts()
		fmt.Fprintf(e.stdout, e.T(i18n.CLIPlanRoll)+"\n", key, n.Present, n.Expected(), n.PresentOfficial, n.PresentProbationary, n.Excused, n.Absent, n.Exempt)
		if !taken {
			// Shown with everyone present, but not recorded: the
			// minutes leave the numbers blank until a mark.
			fmt.Fprintln(e.stdout, e.T(i18n.CLIPlanRollNotTaken))
		}
		for i, a := range p.Roll.People {
			st := e.T(i18n.CLIMembersOff)
			if a.Status == plan.Probationary {
				st = e.T(i18n.CLIMembersProb)
			}
			line := fmt.Sprintf("%2d. %s (%s) — %s", i+1, a.Name, st, presenceName(e, a.Presence))
			if a.Reason != "" {
				line += ": " + a.Reason
			}
			fmt.Fprintln(e.stdout, line)
		}
		if len(p.Roll.Guests) > 0 {
			fmt.Fprintf(e.stdout, "%s: %s\n", e.T(i18n.CLIPlanGuests), strings.Join(p.Roll.Guests, "; "))
		}
		return 0
	case "mark":
		if len(pos) < 2 {
			return usageError(e, c, e.T(i18n.CLIPlanNeedRollVerb))
		}
		pr, ok := plan.ParsePresence(pos[1])
		if !ok {
			return usageError(e, c, fmt.Sprintf(e.T(i18n.CLIPlanBadPresence), pos[1]))
		}
		if strings.TrimSpace(*reason) != "" && (pr == plan.Absent || pr == plan.Present) {
			// "vắng không lý do: ốm" says two things: the minutes keep
			// a reason only for an absence with one.
			return usageError(e, c, e.T(i18n.CLIPlanReasonNotHere))
		}
		key, code := planKey(e, c, pos[2:])
		if code != 0 {
			return code
		}
		var a plan.Attendance
		_, err := planStore(e).Update(key, func(p *plan.Plan) error {
			var err error
			a, err = p.Mark(members, pos[0], pr, safetext.Line(*reason))
			return err
		})
		if code := updateFailed(e, err); code != 0 {
			return code
		}
		fmt.Fprintf(e.stdout, e.T(i18n.CLIPlanRollMarked)+"\n", a.Name, presenceName(e, a.Presence))
		return 0
	default: // guest
		if len(pos) == 0 {
			return usageError(e, c, e.T(i18n.CLIPlanNeedText))
		}
		key, code := planKey(e, c, pos[1:])
		if code != 0 {
			return code
		}
		g := safetext.Line(pos[0])
		_, err := planStore(e).Update(key, func(p *plan.Plan) error { return p.AddGuest(g) })
		if code := updateFailed(e, err); code != 0 {
			return code
		}
		fmt.Fprintf(e.stdout, e.T(i18n.CLIPlanGuestAdded)+"\n", strings.TrimSpace(g))
		return 0
	}
}

// planDoc prints the minutes or the resolution alone, as Markdown; with
// --item, "minutes" records the speakers' views of that agenda item, as
// the secretary types them during the meeting.
func planMinutes(e *env, args []string) int {
	return planDoc(e, planAction("minutes"), "minutes", args)
}

func planResolution(e *env, args []string) int {
	return planDoc(e, planAction("resolution"), "resolution", args)
}

func planDoc(e *env, c *command, verb string, args []string) int {
	fs := newFlags(e, c)
	item := fs.String("item", "", "")
	appendViews := fs.Bool("append", false, "")
	pos, ok := parseFlagsKeepText(e, c, fs, args) // views often start with "- "
	if !ok {
		return 2
	}
	if *item != "" && verb == "minutes" {
		text, key, code := textAndMonth(e, c, pos)
		if code != 0 {
			return code
		}
		text = strings.TrimSpace(safetext.Strip(text))
		var num int
		var title string
		_, err := plan.UpdateCarried(planStore(e), key, func(p *plan.Plan) error {
			it, err := p.ItemByRef(*item)
			if err != nil {
				return err
			}
			num, title = p.Index(it.ID)+1, it.Title
			if p.Record.Views == nil {
				p.Record.Views = map[string]string{}
			}
			if old := p.Record.Views[it.ID]; *appendViews && old != "" {
				text = old + "\n\n" + text
			}
			p.Record.Views[it.ID] = text
			return nil
		})
		if code := updateFailed(e, err); code != 0 {
			return code
		}
		fmt.Fprintf(e.stdout, e.T(i18n.CLIPlanViewsSaved)+"\n", num, title)
		return 0
	}
	key, code := planKey(e, c, pos)
	if code != 0 {
		return code
	}
	p, _, code := loadPlan(e, key)
	if code != 0 {
		return code
	}
	md := plan.ResolutionMarkdown(p)
	if verb == "minutes" {
		md = plan.MinutesMarkdown(p)
	}
	if !isTerminal(e.stdout) {
		e.stdout.Write(md) // to a file or a pipe: the markdown itself
		return 0
	}
	// On a terminal, its plain text, line for line (the markdown's \
	// line breaks and ** marks were printed as they are; a rendering
	// would join the header's lines).
	io.WriteString(e.stdout, terminalText(md))
	return 0
}
