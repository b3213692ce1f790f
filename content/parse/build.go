package parse

import (
	"chibo/content/model"

	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"chibo/content/internal/compose"
)

// builder assembles the section tree while a parser walks its input. Every
// layout parser uses it, so IDs, breadcrumb paths and plain text are made
// the same way for every format.
type builder struct {
	secs  []*model.Section
	stack []*model.Section // open ancestors, by level
	body  []string         // markdown blocks of the current section
	seen  map[string]int
}

func newBuilder() *builder { return &builder{seen: map[string]int{}} }

// open starts a new section at level (1 = top). label is the section's own
// numbering ("II", "3", "a", "dieu-2"); when empty the heading is slugged.
// IDs are the ancestors' labels joined by ".", so the same file always
// yields the same IDs and an edit elsewhere in a document rarely moves them.
func (b *builder) open(level int, label, heading string) *model.Section {
	b.flush()
	if level < 1 {
		level = 1
	}
	for len(b.stack) > 0 && b.stack[len(b.stack)-1].Level >= level {
		b.stack = b.stack[:len(b.stack)-1]
	}
	if len(b.stack) > 0 && level > b.stack[len(b.stack)-1].Level+1 {
		level = b.stack[len(b.stack)-1].Level + 1
	} else if len(b.stack) == 0 {
		level = 1
	}
	label = slug(label, 6)
	if label == "" {
		label = slug(heading, 5)
	}
	if label == "" {
		label = "muc"
	}
	id := label
	var path []string
	if len(b.stack) > 0 {
		parent := b.stack[len(b.stack)-1]
		id = parent.ID + "." + label
		path = append(path, parent.Path...)
	}
	// A repeated ID gets "-2", "-3" …; the candidate is checked too, since
	// a later label may slug to the same text ("1.2" → "1-2").
	if n := b.seen[id]; n > 0 {
		for {
			n++
			cand := id + "-" + strconv.Itoa(n)
			if b.seen[cand] == 0 {
				b.seen[id] = n
				id = cand
				break
			}
		}
	}
	b.seen[id]++
	heading = nfc(strings.Join(strings.Fields(heading), " ")) // one line, always
	s := &model.Section{ID: id, Level: level, Heading: heading, Path: append(path, heading)}
	b.secs = append(b.secs, s)
	b.stack = append(b.stack, s)
	return s
}

// para appends a markdown block (paragraph, list, quote) to the current
// section. Text before the first heading goes into an opening section
// headed preamble, so no word of the source is ever dropped.
func (b *builder) para(md string, preamble string) {
	md = strings.TrimSpace(md)
	if md == "" {
		return
	}
	if len(b.secs) == 0 {
		b.open(1, "mo-dau", preamble)
	}
	b.body = append(b.body, md)
}

// current is the section being filled, or nil before the first one.
func (b *builder) current() *model.Section {
	if len(b.secs) == 0 {
		return nil
	}
	return b.secs[len(b.secs)-1]
}

func (b *builder) flush() {
	if s := b.current(); s != nil && len(b.body) > 0 {
		md := strings.Join(b.body, "\n\n")
		if s.Markdown != "" {
			md = s.Markdown + "\n\n" + md
		}
		// Joining and stripping can leave a combining mark next to a new
		// base letter; NFC again so the text stays in the one form. Text
		// of stable runes only (nearly all) needs neither, and PlainText
		// adds none but ASCII.
		if compose.StableSpan(md) == len(md) {
			s.Markdown, s.Text = md, model.PlainText(md)
		} else {
			s.Markdown = nfc(md)
			s.Text = nfc(model.PlainText(md))
		}
	}
	b.body = b.body[:0]
}

// sections closes the last section and returns them all.
func (b *builder) sections() []*model.Section {
	b.flush()
	return b.secs
}

// nfc re-normalises s only when it holds a character that could combine
// with its neighbour (a combining mark, a Hangul jamo …); Vietnamese text
// in NFC never does, and checking is much cheaper than normalising.
// Stable runes (letters, punctuation) are none of these, so the check
// starts after them.
func nfc(s string) string {
	for _, r := range s[compose.StableSpan(s):] {
		if compose.Stable(r) {
			continue
		}
		if unicode.In(r, unicode.Mn, unicode.Mc, unicode.Me) || (r >= 0x1100 && r < 0x1200) || (r >= 0x3130 && r < 0x3190) ||
			(r >= 0xac00 && r < 0xd7a4) || r >= 0xf900 && r < 0xfb00 || r >= 0x2f800 && r < 0x2fa20 {
			return norm.NFC.String(s)
		}
	}
	return s
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
