package main

import (
	"fmt"
	"strings"

	"chibo/content/plan"
	"chibo/content/safetext"
	"chibo/tui/i18n"
)

func init() {
	register(&command{
		name:    "members",
		usage:   i18n.CLIMembersOverUsage,
		summary: i18n.CLIMembersSummary,
		subs: []*command{
			{name: "members list", usage: i18n.CLIMembersListUsage, summary: i18n.CLIMembersListSumm},
			{name: "members add", usage: i18n.CLIMembersAddUsage, summary: i18n.CLIMembersAddSumm},
			{name: "members remove", usage: i18n.CLIMembersRemoveUse, summary: i18n.CLIMembersRemoveSumm},
		},
		run: runMembers,
	})
}

// runMembers keeps the cell's member list (members.json in the data
// directory) for the roll. It is personal data: nothing but the cell's own
// minutes and resolution print it.
func runMembers(e *env, args []string) int {
	c, rest, code := action(e, commands["members"], args, map[string]string{"ls": "list", "rm": "remove"}, "list")
	if c == nil {
		return code
	}
	fs := newFlags(e, c)
	var prob, exempt *bool
	if c.name == "members add" {
		prob = fs.Bool("du-bi", false, "")
		fs.BoolVar(prob, "probationary", false, "")
		exempt = fs.Bool("mien", false, "")
		fs.BoolVar(exempt, "exempt", false, "")
	}
	pos, ok := parseFlags(e, c, fs, rest)
	if !ok {
		return 2
	}
	store := plan.OpenMembers(e.dirs.User())
	switch c.name {
	case "members list":
		if len(pos) > 0 {
			return extraArgs(e, c, pos)
		}
		list, err := store.Load()
		if err != nil {
			planWarn(e, err)
		}
		if len(list) == 0 {
			fmt.Fprintln(e.stdout, e.T(i18n.CLIMembersNone))
			return 0
		}
		for i, m := range list {
			st := e.T(i18n.CLIMembersOff)
			if m.Status == plan.Probationary {
				st = e.T(i18n.CLIMembersProb)
			}
			if m.Exempt {
				st += ", " + e.T(i18n.PresenceExempt)
			}
			fmt.Fprintf(e.stdout, "%2d. %s (%s)\n", i+1, m.Name, st)
		}
		return 0
	case "members add":
		if len(pos) != 1 {
			return usageError(e, c, e.T(i18n.CLIMembersNeedOne))
		}
		st := plan.Official
		if *prob {
			st = plan.Probationary
		}
		var m plan.Member
		list, err := store.Update(func(l *[]plan.Member) error {
			var err error
			m, err = plan.AddMember(l, safetext.Line(pos[0]), st, *exempt)
			return err
		})
		if code := updateFailed(e, err); code != 0 {
			return code
		}
		fmt.Fprintf(e.stdout, e.T(i18n.CLIMembersAdded)+"\n", len(list), m.Name)
		return 0
	case "members remove":
		if len(pos) != 1 {
			return usageError(e, c, e.T(i18n.CLIMembersNeedOne))
		}
		var name string
		_, err := store.Update(func(l *[]plan.Member) error {
			i, err := plan.FindMember(*l, pos[0])
			if err != nil {
				return err
			}
			name = (*l)[i].Name
			*l = append((*l)[:i], (*l)[i+1:]...)
			return nil
		})
		if code := updateFailed(e, err); code != 0 {
			return code
		}
		fmt.Fprintf(e.stdout, e.T(i18n.CLIMembersRemoved)+"\n", strings.TrimSpace(name))
		return 0
	}
	return usageError(e, c, e.T(i18n.CLIMembersNoVerb))
}
