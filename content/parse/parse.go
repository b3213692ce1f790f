// Package parse is chibo's one Vietnamese structure recogniser: it turns a
// stream of blocks (chibo/content/block) — from any format reader, or from
// plain text split by this package — into a model.Document: the tree of
// sections (Phần/Chương/Mục/Điều/khoản/điểm, A./I./1./1.1./a)), the
// document header (issuing body, số/ký hiệu, place and date, document type
// and trích yếu as laid out by Nghị định 30/2020/NĐ-CP for state documents
// and Hướng dẫn 36-HD/VPTW for party documents), and the directives the
// text cites.
//
// It knows nothing of file formats: a heading style, list numbering, bold
// or a PDF line's geometry reach it only as evidence on a block.
package parse

import (
	"crypto/sha256"
	"encoding/hex"
	"path/filepath"
	"strings"

	"chibo/content/model"
)

// Text builds the document of normalised plain text in a known layout
// (LayoutOf recognises one). name is the source file name; it gives the
// Source and the default ID.
func Text(name, text string, layout model.Layout) *model.Document {
	var secs []*model.Section
	switch layout {
	case model.LayoutTable:
		secs = parseTable(text)
	case model.LayoutWrapped:
		paras := reflow(text)
		if wrapWidth(strings.Split(text, "\n")) > 0 {
			// Wrapped by a program at a fixed width: the header and
			// title are read from the rejoined lines too, so a title
			// is not cut where the wrap fell.
			lines := make([]string, len(paras))
			for i, p := range paras {
				lines[i] = p.text
			}
			doc := finishMeta(name, text, strings.Join(lines, "\n"), layout, structure(paras, false))
			return doc
		}
		secs = structure(paras, false)
	case model.LayoutMarkdown:
		secs = parseMarkdown(text)
	default:
		layout = model.LayoutParagraphs
		secs = parseParagraphs(text)
	}
	return finish(name, text, layout, secs)
}

func finish(name, text string, layout model.Layout, secs []*model.Section) *model.Document {
	return finishMeta(name, text, text, layout, secs)
}

// finishMeta is finish with the header and title read from meta rather
// than from text (which gives the hash).
func finishMeta(name, text, meta string, layout model.Layout, secs []*model.Section) *model.Document {
	doc := &model.Document{
		ID:       DocID(name),
		Source:   name,
		Hash:     textHash(text),
		Layout:   layout,
		Sections: secs,
	}
	fillMetadata(doc, meta)
	doc.Refs = extractRefs(doc.Sections)
	if doc.Number != "" && doc.Kind != model.KindAppendix {
		// A document's own số/ký hiệu in its header is no citation (an
		// appendix's number is its report's, which it does cite).
		refs := doc.Refs[:0]
		for _, r := range doc.Refs {
			if r.Symbol != doc.Number {
				refs = append(refs, r)
			}
		}
		doc.Refs = refs
	}
	return doc
}

// textHash is the hex SHA-256 of text, hashed in pieces: []byte(text)
// would copy a large text whole while its sections hold it twice more.
func textHash(text string) string {
	h := sha256.New()
	var buf [64 << 10]byte
	for len(text) > 0 {
		n := copy(buf[:], text)
		h.Write(buf[:n])
		text = text[n:]
	}
	return hex.EncodeToString(h.Sum(nil))
}

// DocID is the library ID for a source file name: its base name slugged,
// so re-importing a changed file keeps the ID (and the user's bookmarks).
func DocID(name string) string {
	base := strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
	id := model.Slug(base, 16)
	if id == "" {
		id = "tai-lieu"
	}
	return id
}
