package i18n

import (
	"errors"
	"fmt"

	"chibo/content"
)

// Describe turns an error into a sentence in the user's language. A file
// problem is explained with what to do about it; anything else is printed
// as it is.
func Describe(l Lang, err error) string {
	if errors.Is(err, content.ErrNoHome) {
		return ErrNoHome.In(l)
	}
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
	switch fe.Problem {
	case content.ProblemEmpty:
		return fmt.Sprintf(ErrEmpty.In(l), fe.File)
	case content.ProblemNoText:
		if detail != "" {
			detail = " (" + detail + ")"
		}
		return fmt.Sprintf(ErrNoText.In(l), fe.File, detail)
	case content.ProblemDuplicateID:
		return fmt.Sprintf(ErrDuplicateID.In(l), fe.File, fe.Detail)
	}
	msg, ok := map[content.Problem]Msg{
		content.ProblemBinary:      ErrBinary,
		content.ProblemEncoding:    ErrEncoding,
		content.ProblemTooLarge:    ErrTooLarge,
		content.ProblemFormat:      ErrFormat,
		content.ProblemRead:        ErrRead,
		content.ProblemUnzipLimit:  ErrUnzipLimit,
		content.ProblemUnsupported: ErrUnsupported,
	}[fe.Problem]
	if !ok {
		return err.Error()
	}
	return fmt.Sprintf(msg.In(l), fe.File, detail)
}
