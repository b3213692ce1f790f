package parse

import (
	"chibo/content/model"

	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

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
	// The section a body too large for one section was split from, and
	// how many parts it has so far (see MaxSectionBytes).
	splitOf *model.Section
	parts   int
	// floor is added to every level opened: 1 while the sections of one
	// letter of a file holding several are built under that letter's part.
	floor int
}

// MaxSectionBytes is the most markdown one section holds, in bytes. A
// longer body — a 60 MB text on one line, a law without headings — goes on
// in continuation sections under its section ("Mở đầu (phần 2)" …), cut at
// paragraph boundaries, else at the end of a sentence, else between words,
// so the index, the reader and the renderer never hold one giant string.
const MaxSectionBytes = 256 << 10

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
	level += b.floor
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
	id = b.uniqueID(id)
	heading = nfc(strings.Join(strings.Fields(heading), " ")) // one line, always
	s := &model.Section{ID: id, Level: level, Heading: heading, Path: append(path, heading)}
	b.secs = append(b.secs, s)
	b.stack = append(b.stack, s)
	b.splitOf, b.parts = nil, 0
	return s
}

// uniqueID returns id, or id with "-2", "-3" … when it is taken, and
// marks it taken.
func (b *builder) uniqueID(id string) string {
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
	return id
}

// continuation appends the next part of the section being split, one
// level under it, after the parts before: it is not on the stack, so the
// section's own sub-sections still nest under the section.
func (b *builder) continuation() *model.Section {
	base := b.splitOf
	if base == nil {
		base = b.current()
		b.splitOf, b.parts = base, 1
	}
	b.parts++
	heading := base.Heading + " (phần " + strconv.Itoa(b.parts) + ")"
	s := &model.Section{
		ID:      b.uniqueID(base.ID + ".phan-" + strconv.Itoa(b.parts)),
		Level:   base.Level + 1,
		Heading: heading,
		Path:    append(slices.Clip(base.Path), heading),
	}
	b.secs = append(b.secs, s)
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
	s := b.current()
	if s == nil || len(b.body) == 0 {
		b.body = b.body[:0]
		return
	}
	size := len(s.Markdown)
	for _, p := range b.body {
		size += 2 + len(p)
	}
	if size <= MaxSectionBytes {
		md := strings.Join(b.body, "\n\n")
		if s.Markdown != "" {
			md = s.Markdown + "\n\n" + md
		}
		setBody(s, md)
		b.body = b.body[:0]
		return
	}
	// Too large for one section: pack the blocks (cut when one alone is
	// too large) into parts of at most MaxSectionBytes.
	var part []string
	n := 0
	if s.Markdown != "" {
		part, n = append(part, s.Markdown), len(s.Markdown)
	}
	emit := func() {
		if len(part) == 0 {
			return
		}
		if s == nil {
			s = b.continuation()
		}
		setBody(s, strings.Join(part, "\n\n"))
		s, part, n = nil, part[:0], 0
	}
	for _, blk := range b.body {
		for _, piece := range cutBody(blk, MaxSectionBytes) {
			if n > 0 && n+2+len(piece) > MaxSectionBytes {
				emit()
			}
			if n > 0 {
				n += 2
			}
			part, n = append(part, piece), n+len(piece)
		}
	}
	emit()
	b.body = b.body[:0]
}

// setBody sets a section's markdown and plain text. Joining and stripping
// can leave a combining mark next to a new base letter; NFC again so the
// text stays in the one form. Text of stable runes only (nearly all) needs
// neither, and PlainText adds none but ASCII.
func setBody(s *model.Section, md string) {
	if compose.StableSpan(md) == len(md) {
		s.Markdown, s.Text = md, model.PlainText(md)
	} else {
		s.Markdown = nfc(md)
		s.Text = nfc(model.PlainText(md))
	}
}

// cutBody cuts one markdown block into pieces of at most max bytes: after a
// line break, else after the end of a sentence (". ", "? ", "! ", "; "),
// else at a space, each in the second half of the piece when there is
// one; a run of max bytes without any is cut between two runes. Every
// cut is at white space where there is any, so no word is split; the
// pieces are trimmed of it. It runs in time linear in len(s).
func cutBody(s string, max int) []string {
	if len(s) <= max {
		return []string{s}
	}
	var out []string
	for len(s) > max {
		w := s[:max]
		for len(w) > 0 && !utf8.RuneStart(s[len(w)]) {
			w = w[:len(w)-1] // end on a rune boundary
		}
		cut := -1
		if i := strings.LastIndexByte(w, '\n'); i >= len(w)/2 {
			cut = i
		} else if i := lastSentenceEnd(w[len(w)/2:]); i >= 0 {
			cut = len(w)/2 + i
		} else if i := strings.LastIndexByte(w, ' '); i > 0 {
			cut = i
		}
		if cut < 0 {
			out = append(out, w)
			s = s[len(w):]
			continue
		}
		if p := strings.TrimSpace(s[:cut]); p != "" {
			out = append(out, p)
		}
		s = strings.TrimLeft(s[cut:], " \t\n")
	}
	if s = strings.TrimSpace(s); s != "" {
		out = append(out, s)
	}
	return out
}

// lastSentenceEnd is the index of the space after the last ".", "?", "!"
// or ";" in w that is followed by a space, or -1.
func lastSentenceEnd(w string) int {
	for i := len(w) - 1; i > 0; i-- {
		if w[i] == ' ' {
			switch w[i-1] {
			case '.', '?', '!', ';':
				return i
			}
		}
	}
	return -1
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
