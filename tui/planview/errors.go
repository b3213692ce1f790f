package planview

import (
	"errors"
	"fmt"

	"chibo/content/plan"
	"chibo/content/userdata"
	"chibo/tui/i18n"
)

// Describe turns an error of the plan store or of an agenda operation into
// a sentence in lang. The command line uses it too, so both say the same.
func Describe(err error, lang i18n.Lang) string {
	if err == nil {
		return ""
	}
	var de *userdata.DamagedError
	switch {
	case errors.Is(err, userdata.ErrNewerVersion) && errors.As(err, &de):
		return fmt.Sprintf(i18n.PlanErrNewer.In(lang), de.File)
	case errors.Is(err, userdata.ErrNewerVersion):
		return fmt.Sprintf(i18n.PlanErrSave.In(lang), err)
	case errors.As(err, &de) && de.Aside != "":
		return fmt.Sprintf(i18n.PlanErrDamaged.In(lang), de.File, de.Aside)
	case errors.Is(err, plan.ErrNoItem):
		return i18n.PlanErrNoItem.In(lang)
	case errors.Is(err, plan.ErrNoExcerpt):
		return i18n.PlanErrNoExcerpt.In(lang)
	case errors.Is(err, plan.ErrEmptyTitle):
		return i18n.PlanErrEmptyTitle.In(lang)
	case errors.Is(err, plan.ErrDuplicate):
		return i18n.PlanErrDuplicate.In(lang)
	case errors.Is(err, plan.ErrBadMinutes):
		return i18n.PlanErrMinutes.In(lang)
	case errors.Is(err, plan.ErrEmptySource):
		return i18n.PlanErrNoSource.In(lang)
	}
	return err.Error()
}
