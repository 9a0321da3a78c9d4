package ner

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"math"
	"strings"
	"unsafe"
)

// The model file (format version 2) is a header, a section table and
// sections of flat little-endian arrays that the tagger uses in place:
// reading a model checks it and points slices into its bytes, decoding
// nothing. All integers are little-endian.
//
//	offset  size
//	0       16   magic "corroborate-ner\x00"
//	16      4    format version (FormatVersion)
//	20      4    number of sections n
//	24      8    file length in bytes
//	32      4    CRC-32C of the whole file except these four bytes
//	36      4    zero
//	40      24n  section table: id (4), zero (4), offset (8), length (8)
//	…            the sections, each at an offset that is a multiple of 8,
//	             zero bytes between them
//
// Every section of sectionNames appears once; see the constants below for
// what each holds. The writer lays sections out in id order and builds the
// hash tables in a fixed order, so one model always gives the same bytes.
const (
	modelMagic = "corroborate-ner\x00"
	// FormatVersion is the version of the model file layout this package
	// reads and writes.
	FormatVersion = 2
	// legacyMagic starts model files of format version 1 (a text line,
	// then a gzip-compressed gob body), which cmd/ner-train --convert reads.
	legacyMagic = "corroborate-ner "
	headerSize  = 40
	entrySize   = 24
)

// sectionID names a section of the model file.
type sectionID uint32

// The sections. Counts (features, words, …) are in the meta section.
const (
	// secMeta: numLabels, embPos, temp (f32), unit (f32), projScale (f32),
	// gazMaxLen, runFeatures (0/1), extra, features, words, projected
	// words, gazetteer phrases (u32 each, f32 where marked), then the
	// version text.
	secMeta sectionID = iota + 1
	// secFeatKeys: the feature keys, one per weight row, ascending (u64).
	secFeatKeys
	// secFeatRows: numLabels weights per feature in steps of unit (i16).
	secFeatRows
	// secTabKeys, secTabVals, secTabSeen: the open-addressing table from
	// feature key to row (featTable: u64 keys, u32 rows, u64 bit set).
	secTabKeys
	secTabVals
	secTabSeen
	// secWordBlob, secWordOff, secWordSlots: the lexicon's words (strTable:
	// the bytes of all words, u32 start offsets plus the end, u32 slots).
	// The words with dense vector scores come first (in byte order), then
	// the others (in byte order).
	secWordBlob
	secWordOff
	secWordSlots
	// secClusterDict: the distinct cluster triples (3×u16 each), the first
	// one all zero.
	secClusterDict
	// secWordClusters: per word, the entries of secClusterDict holding its
	// clusters and its second clusters (2×u16).
	secWordClusters
	// secWordCasing: per word, its usual case (u8).
	secWordCasing
	// secProj: embPos×numLabels dense vector scores per projected word, in
	// word order (i8).
	secProj
	// secGazBlob, secGazOff, secGazSlots: the gazetteer phrases (strTable).
	secGazBlob
	secGazOff
	secGazSlots
	// secGazVals: per phrase, its class bits (u8).
	secGazVals
	numSections = int(secGazVals)
)

// metaSize is the size of the meta section before the version text.
const metaSize = 12 * 4

// sections holds the bytes of each section, indexed by id (0 unused).
type sections [numSections + 1]string

// meta is what the meta section records.
type meta struct {
	labels, window                   uint32
	temp, unit, projScale            float32
	gazMaxLen, runFeatures, extra    uint32
	features, words, projected, gaze uint32
	version                          string
}

func (mt *meta) encode() string {
	b := make([]byte, 0, metaSize+len(mt.version))
	for _, v := range []uint32{mt.labels, mt.window, math.Float32bits(mt.temp), math.Float32bits(mt.unit),
		math.Float32bits(mt.projScale), mt.gazMaxLen, mt.runFeatures, mt.extra, mt.features, mt.words, mt.projected, mt.gaze} {
		b = binary.LittleEndian.AppendUint32(b, v)
	}
	return string(append(b, mt.version...))
}

func decodeMeta(s string) (meta, error) {
	if len(s) < metaSize {
		return meta{}, fmt.Errorf("meta section has %d bytes, want at least %d", len(s), metaSize)
	}
	u := func(i int) uint32 { return le32(s[4*i:]) }
	f := func(i int) float32 { return math.Float32frombits(u(i)) }
	return meta{labels: u(0), window: u(1), temp: f(2), unit: f(3), projScale: f(4), gazMaxLen: u(5),
		runFeatures: u(6), extra: u(7), features: u(8), words: u(9), projected: u(10), gaze: u(11),
		version: s[metaSize:]}, nil
}

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// assemble lays out the sections behind a header and section table.
func assemble(secs *sections) []byte {
	size := headerSize + entrySize*numSections
	offs := make([]int, numSections+1)
	for id := 1; id <= numSections; id++ {
		size = (size + 7) &^ 7
		offs[id] = size
		size += len(secs[id])
	}
	b := make([]byte, size)
	copy(b, modelMagic)
	binary.LittleEndian.PutUint32(b[16:], FormatVersion)
	binary.LittleEndian.PutUint32(b[20:], uint32(numSections))
	binary.LittleEndian.PutUint64(b[24:], uint64(size))
	for id := 1; id <= numSections; id++ {
		e := b[headerSize+entrySize*(id-1):]
		binary.LittleEndian.PutUint32(e, uint32(id))
		binary.LittleEndian.PutUint64(e[8:], uint64(offs[id]))
		binary.LittleEndian.PutUint64(e[16:], uint64(len(secs[id])))
		copy(b[offs[id]:], secs[id])
	}
	binary.LittleEndian.PutUint32(b[32:], checksum(unsafe.String(&b[0], len(b))))
	return b
}

// checksum returns the CRC-32C of a model file without its checksum field.
func checksum(data string) uint32 {
	c := crc32.Update(0, castagnoli, u8s(data[:32]))
	return crc32.Update(c, castagnoli, u8s(data[36:]))
}

// splitSections checks a model file's header, checksum and section table
// and returns its sections (views into data).
func splitSections(data string) (*sections, error) {
	if strings.HasPrefix(data, legacyMagic) {
		return nil, errors.New("format version 1 (gob), which this tagger no longer reads; convert it with `ner-train --convert FILE --out NEW`")
	}
	if len(data) < headerSize {
		if strings.HasPrefix(modelMagic, data) || strings.HasPrefix(data, modelMagic) {
			return nil, fmt.Errorf("truncated: %d bytes, shorter than the header", len(data))
		}
		return nil, errors.New("not a corroborate NER model (no header)")
	}
	if data[:16] != modelMagic {
		return nil, fmt.Errorf("not a corroborate NER model (starts %.16q)", data[:16])
	}
	if v := le32(data[16:]); v != FormatVersion {
		return nil, fmt.Errorf("format version %d, want %d", v, FormatVersion)
	}
	if n := le64(data[24:]); n != uint64(len(data)) {
		if n > uint64(len(data)) {
			return nil, fmt.Errorf("truncated: %d bytes of %d", len(data), n)
		}
		return nil, fmt.Errorf("%d bytes, but the header says %d", len(data), n)
	}
	if got, want := checksum(data), le32(data[32:]); got != want {
		return nil, fmt.Errorf("checksum %08x, want %08x: the file is corrupted", got, want)
	}
	n := le32(data[20:])
	if n != uint32(numSections) || len(data) < headerSize+entrySize*int(n) {
		return nil, fmt.Errorf("%d sections, want %d", n, numSections)
	}
	var secs sections
	seen := [numSections + 1]bool{}
	for i := 0; i < int(n); i++ {
		e := data[headerSize+entrySize*i:]
		id, off, size := le32(e), le64(e[8:]), le64(e[16:])
		if id == 0 || id > uint32(numSections) || seen[id] {
			return nil, fmt.Errorf("section table entry %d: bad or repeated section id %d", i, id)
		}
		if off%8 != 0 || off > uint64(len(data)) || size > uint64(len(data))-off {
			return nil, fmt.Errorf("section %d: offset %d, length %d outside the %d-byte file or misaligned", id, off, size, len(data))
		}
		seen[id] = true
		secs[id] = data[off : off+size]
	}
	return &secs, nil
}

func le32(s string) uint32 {
	_ = s[3]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

func le64(s string) uint64 { return uint64(le32(s)) | uint64(le32(s[4:]))<<32 }

// nativeLittle reports whether this machine stores integers
// little-endian, so that sections can be used in place.
var nativeLittle = binary.NativeEndian.Uint16([]byte{1, 0}) == 1

// inPlace reports whether a section of elements of the given size can be
// viewed in place: a little-endian machine and an aligned start.
func inPlace(s string, size uintptr) bool {
	return nativeLittle && uintptr(unsafe.Pointer(unsafe.StringData(s)))%size == 0
}

// view returns the elements of section s (a whole number of them): in
// place when inPlace allows, else decoded into a new slice with get.
func view[T uint64 | uint32 | uint16 | int16](s string, get func(string) T) []T {
	var zero T
	size := unsafe.Sizeof(zero)
	n := len(s) / int(size)
	if n == 0 {
		return nil
	}
	if inPlace(s, size) {
		return unsafe.Slice((*T)(unsafe.Pointer(unsafe.StringData(s))), n)
	}
	out := make([]T, n)
	for i := range out {
		out[i] = get(s[i*int(size):])
	}
	return out
}

func u64s(s string) []uint64 { return view(s, le64) }
func u32s(s string) []uint32 { return view(s, le32) }
func u16s(s string) []uint16 {
	return view(s, func(s string) uint16 { return uint16(s[0]) | uint16(s[1])<<8 })
}
func i16s(s string) []int16 {
	return view(s, func(s string) int16 { return int16(uint16(s[0]) | uint16(s[1])<<8) })
}

// i8s returns the bytes of s as int8 values, in place.
func i8s(s string) []int8 {
	if len(s) == 0 {
		return nil
	}
	return unsafe.Slice((*int8)(unsafe.Pointer(unsafe.StringData(s))), len(s))
}

// u8s returns the bytes of s, in place. The slice must not be written.
func u8s(s string) []uint8 {
	if len(s) == 0 {
		return nil
	}
	return unsafe.Slice(unsafe.StringData(s), len(s))
}

// Appenders for building sections.

func putU64s(v []uint64) string {
	b := make([]byte, 0, 8*len(v))
	for _, x := range v {
		b = binary.LittleEndian.AppendUint64(b, x)
	}
	return string(b)
}

func putU32s(v []uint32) string {
	b := make([]byte, 0, 4*len(v))
	for _, x := range v {
		b = binary.LittleEndian.AppendUint32(b, x)
	}
	return string(b)
}

func putU16s(v []uint16) string {
	b := make([]byte, 0, 2*len(v))
	for _, x := range v {
		b = binary.LittleEndian.AppendUint16(b, x)
	}
	return string(b)
}

func putI16s(v []int16) string {
	b := make([]byte, 0, 2*len(v))
	for _, x := range v {
		b = binary.LittleEndian.AppendUint16(b, uint16(x))
	}
	return string(b)
}

func putI8s(v []int8) string {
	b := make([]byte, len(v))
	for i, x := range v {
		b[i] = byte(x)
	}
	return string(b)
}
