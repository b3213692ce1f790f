package content

import (
	"chibo/content/model"
	"chibo/content/parse"
)

// The model lives in chibo/content/model; these names keep the library's
// callers (index, tui, cmd) speaking of content.Document.
type (
	Document = model.Document
	Section  = model.Section
	Footnote = model.Footnote
	Ref      = model.Ref
	Kind     = model.Kind
	Layout   = model.Layout
	DocInfo  = model.DocInfo
)

const (
	KindBulletin   = model.KindBulletin
	KindResolution = model.KindResolution
	KindReport     = model.KindReport
	KindAppendix   = model.KindAppendix
	KindDecision   = model.KindDecision
	KindGuidance   = model.KindGuidance
	KindPlan       = model.KindPlan
	KindLaw        = model.KindLaw
	KindLetter     = model.KindLetter
	KindOther      = model.KindOther

	LayoutParagraphs = model.LayoutParagraphs
	LayoutWrapped    = model.LayoutWrapped
	LayoutTable      = model.LayoutTable
	LayoutMarkdown   = model.LayoutMarkdown
)

// Kinds lists every kind in the order UIs group them.
var Kinds = model.Kinds

// Fold, Slug, Words, PlainText, LeadNumbering and HeadingNumber are
// model's text helpers.
func Fold(s string) string                                 { return model.Fold(s) }
func Slug(s string, maxWords int) string                   { return model.Slug(s, maxWords) }
func Words(s string) []string                              { return model.Words(s) }
func PlainText(md string) string                           { return model.PlainText(md) }
func LeadNumbering(h string) string                        { return model.LeadNumbering(h) }
func HeadingNumber(h string) (word, label string, ok bool) { return model.HeadingNumber(h) }
func ParseSymbol(s string) (symbol, kind string, ok bool)  { return parse.ParseSymbol(s) }
func Normalize(s string) string                            { return parse.Normalize(s) }
