package index

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"sort"

	"chibo/content/compact"
)

// A shard's document list (docsKey) is read by every process that opens
// the index — every `chibo search` — so it is kept in a compact binary
// form that decodes in one pass and one string copy: on a 1 GB library
// (7,000 documents, 1.5 MB as JSON) decoding the JSON was a tenth of a
// cold search's CPU.
//
// Layout, version 1:
//
//	byte     docListBinary (JSON lists begin with '{')
//	uvarint  number of documents
//	per document, in ID order:
//	         ID, Hash, Title, Kind, Number, First   (uvarint length + bytes each)
//	         Year, TitleLen, HeadLen, TextLen, Count (uvarint each)
//	4 bytes  CRC-32C (Castagnoli) of everything before, big-endian
//
// Lists written as JSON by earlier versions are still read, so an index
// needs no rebuild; an older chibo cannot read the binary list and
// rebuilds the index, as it does for any index it cannot read.
const docListBinary = 0x01

// errDocList is a document list that is neither valid binary nor JSON.
var errDocList = errors.New("damaged document list")

// marshalDocList encodes a shard's document list in the binary layout.
func marshalDocList(part map[string]*docMeta) []byte {
	ids := make([]string, 0, len(part))
	size := 1 + binary.MaxVarintLen64 + 4
	for id, m := range part {
		ids = append(ids, id)
		size += len(id) + len(m.Hash) + len(m.Title) + len(m.Kind) + len(m.Number) + len(m.First) + 11*binary.MaxVarintLen32
	}
	sort.Strings(ids)
	b := make([]byte, 0, size)
	b = append(b, docListBinary)
	b = binary.AppendUvarint(b, uint64(len(ids)))
	str := func(s string) { b = compact.AppendStr(b, s) }
	num := func(n int) { b = binary.AppendUvarint(b, uint64(max(n, 0))) }
	for _, id := range ids {
		m := part[id]
		str(id)
		str(m.Hash)
		str(m.Title)
		str(m.Kind)
		str(m.Number)
		str(m.First)
		num(m.Year)
		num(m.TitleLen)
		num(m.HeadLen)
		num(m.TextLen)
		num(m.Count)
	}
	return compact.Seal(b)
}

// unmarshalDocList decodes a document list written by marshalDocList or,
// by an earlier version, as JSON. It returns errDocList (or JSON's error)
// for anything else, never a partial list.
func unmarshalDocList(raw []byte) (map[string]*docMeta, error) {
	if len(raw) == 0 || raw[0] != docListBinary {
		part := map[string]*docMeta{}
		if err := json.Unmarshal(raw, &part); err != nil {
			return nil, err
		}
		for _, m := range part {
			if m == nil { // "id": null
				return nil, errDocList
			}
		}
		return part, nil
	}
	body, ok := compact.Open(raw, docListBinary, 1+1) // version, count
	if !ok {
		return nil, errDocList
	}
	d := compact.NewDecoder(body, 1)
	n := d.Uvarint()
	// A document takes at least 11 bytes: a bound before allocating.
	if d.Bad() || n > uint64(d.Left())/11 {
		return nil, errDocList
	}
	d.Share() // the one copy every string below is part of
	part := make(map[string]*docMeta, n)
	metas := make([]docMeta, n)
	num := func() int { return int(min(d.Uvarint(), 1<<41)) } // above 1<<40: refused below
	for i := range metas {
		m := &metas[i]
		id := d.Str()
		m.Hash, m.Title, m.Kind, m.Number, m.First = d.Str(), d.Str(), d.Str(), d.Str(), d.Str()
		m.Year, m.TitleLen, m.HeadLen, m.TextLen, m.Count = num(), num(), num(), num(), num()
		if d.Bad() || max(m.Year, m.TitleLen, m.HeadLen, m.TextLen, m.Count) > 1<<40 {
			return nil, errDocList
		}
		part[id] = m
	}
	if d.Left() != 0 || len(part) != len(metas) {
		return nil, errDocList
	}
	return part, nil
}
