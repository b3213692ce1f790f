package main

import (
	"fmt"

	"chibo/tui/i18n"
)

func init() {
	register(&command{
		name:    "version",
		usage:   i18n.CLIVersionUsage,
		summary: i18n.CLIVersionSummary,
		run: func(e *env, args []string) int {
			c := commands["version"]
			pos, ok := parseFlags(e, c, newFlags(e, c), args)
			if !ok {
				return 2
			}
			if len(pos) > 0 {
				return extraArgs(e, c, pos)
			}
			fmt.Fprintln(e.stdout, "chibo", version)
			return 0
		},
	})
}
