package index

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"runtime"
	"sync"

	"github.com/klauspost/compress/zstd"
)

// What hits show and the ranker reads (a section's heading, breadcrumb
// and text) is stored in the index as one value, fStored, compressed with
// zstd and a dictionary of Vietnamese administrative text. bleve would
// compress each section's stored fields with snappy, on their own: 64 %
// of their size for a section of a few hundred words, where zstd with the
// dictionary takes 38 % (the 100 MB library's index: 189 → 160 MB).
// Reading back a section costs some 3 µs.

// textDict is the last 64 KB (from a line start) of content/seeds/*.txt
// concatenated in name order, as it was when schema 12 was made. It is
// part of the schema: changing it makes every index unreadable, so it
// changes only with schemaVersion.
//
//go:embed textdict.txt
var textDict []byte

// textDictID names textDict in each value's zstd frame.
const textDictID = 12

// maxStored bounds what one stored value may decode to (a section is at
// most the text cap of one file, content.MaxTextSize: 8 MB).
const maxStored = 1 << 30

var (
	storedEncOnce sync.Once
	storedEnc     *zstd.Encoder
	storedDecOnce sync.Once
	storedDec     *zstd.Decoder
)

func storedEncoder() *zstd.Encoder {
	storedEncOnce.Do(func() {
		var err error
		storedEnc, err = zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedFastest),
			zstd.WithEncoderConcurrency(runtime.GOMAXPROCS(0)), zstd.WithEncoderCRC(true),
			zstd.WithWindowSize(1<<17), zstd.WithLowerEncoderMem(true),
			zstd.WithEncoderDictRaw(textDictID, textDict))
		if err != nil {
			panic(err) // fixed options: cannot fail
		}
	})
	return storedEnc
}

func storedDecoder() *zstd.Decoder {
	storedDecOnce.Do(func() {
		var err error
		storedDec, err = zstd.NewReader(nil, zstd.WithDecoderConcurrency(runtime.GOMAXPROCS(0)),
			zstd.WithDecoderMaxMemory(maxStored), zstd.WithDecoderDictRaw(textDictID, textDict))
		if err != nil {
			panic(err)
		}
	})
	return storedDec
}

// packStored is heading, path and text as one stored value: the lengths
// of heading and path as uvarints, the three strings, all compressed.
func packStored(heading, path, text string) string {
	raw := make([]byte, 0, 2*binary.MaxVarintLen64+len(heading)+len(path)+len(text))
	raw = binary.AppendUvarint(raw, uint64(len(heading)))
	raw = binary.AppendUvarint(raw, uint64(len(path)))
	raw = append(raw, heading...)
	raw = append(raw, path...)
	raw = append(raw, text...)
	return string(storedEncoder().EncodeAll(raw, make([]byte, 0, len(raw)/2+32)))
}

var errStored = errors.New("index: stored value unreadable")

// unpackStored reverses packStored.
func unpackStored(v string) (heading, path, text string, err error) {
	raw, err := storedDecoder().DecodeAll([]byte(v), nil)
	if err != nil {
		return "", "", "", errStored
	}
	hl, n := binary.Uvarint(raw)
	if n <= 0 {
		return "", "", "", errStored
	}
	raw = raw[n:]
	pl, n := binary.Uvarint(raw)
	if n <= 0 || hl > uint64(len(raw)-n) || pl > uint64(len(raw)-n)-hl {
		return "", "", "", errStored
	}
	raw = raw[n:]
	s := string(raw)
	return s[:hl], s[hl : hl+pl], s[hl+pl:], nil
}
