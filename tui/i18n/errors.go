package i18n

import (
	"errors"
	"fmt"

	"chibo/content"
	"chibo/content/plan"
	"chibo/content/userdata"
)

// Describe turns an error into a sentence in the user's language. A file
// problem is explained with what to do about it; anything else is printed
// as it is.
func Describe(l Lang, err error) string {
	if errors.Is(err, content.ErrNoHome) {
		return ErrNoHome.In(l)
	}
	if msg, ok := describePlan(l, err); ok {
		return msg
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
		// The message says it all; the page count is for logs.
		return fmt.Sprintf(ErrNoText.In(l), fe.File, "")
	case content.ProblemEncrypted:
		return fmt.Sprintf(ErrEncrypted.In(l), fe.File)
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

// describePlan explains the errors of the plan store, the user-data files
// and the agenda operations.
func describePlan(l Lang, err error) (string, bool) {
	var de *userdata.DamagedError
	switch {
	case errors.Is(err, userdata.ErrNewerVersion) && errors.As(err, &de):
		return fmt.Sprintf(PlanErrNewer.In(l), de.File), true
	case errors.Is(err, userdata.ErrNewerVersion):
		return fmt.Sprintf(PlanErrSave.In(l), err), true
	case errors.As(err, &de) && de.Aside != "":
		return fmt.Sprintf(PlanErrDamaged.In(l), de.File, de.Aside), true
	}
	for _, m := range []struct {
		err error
		msg Msg
	}{
		{plan.ErrNoItem, PlanErrNoItem},
		{plan.ErrNoExcerpt, PlanErrNoExcerpt},
		{plan.ErrEmptyTitle, PlanErrEmptyTitle},
		{plan.ErrDuplicate, PlanErrDuplicate},
		{plan.ErrBadMinutes, PlanErrMinutes},
		{plan.ErrEmptySource, PlanErrNoSource},
	} {
		if errors.Is(err, m.err) {
			return m.msg.In(l), true
		}
	}
	return "", false
}
