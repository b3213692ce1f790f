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
			fmt.Fprintln(e.stdout, "chibo", version)
			return 0
		},
	})
}
