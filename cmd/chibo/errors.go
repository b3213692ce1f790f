package main

import (
	"errors"
	"fmt"

	"chibo/content"
	"chibo/tui/i18n"
)

// describeError turns an error into a sentence in the user's language. File
// problems are explained with what to do; anything else is printed as is.
func describeError(e *env, err error) string {
	var fe *content.FileError
	if !errors.As(err, &fe) {
		return err.Error()
	}
	detail := fe.Detail
	if fe.Err != nil {
		if detail != "" {
			detail += ": "
		}
		detail += fe.Err.Error()
	}
	msg := map[content.Problem]i18n.Msg{
		content.ProblemBinary:   i18n.ErrBinary,
		content.ProblemEncoding: i18n.ErrEncoding,
		content.ProblemEmpty:    i18n.ErrEmpty,
		content.ProblemTooLarge: i18n.ErrTooLarge,
		content.ProblemFormat:   i18n.ErrFormat,
		content.ProblemRead:     i18n.ErrRead,
	}[fe.Problem]
	if msg.VI == "" {
		return err.Error()
	}
	if fe.Problem == content.ProblemEmpty {
		return fmt.Sprintf(e.T(msg), fe.File)
	}
	return fmt.Sprintf(e.T(msg), fe.File, detail)
}
