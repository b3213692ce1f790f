package main

import "chibo/tui/i18n"

// describeError turns an error into a sentence in the user's language.
func describeError(e *env, err error) string { return i18n.Describe(e.lang, err) }
