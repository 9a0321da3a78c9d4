package event

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"sort"
	"sync"
)

// Word classes from WordNet (bits of a wordnet table entry).
const (
	wnVerb         = 1 << iota // the word has a verb sense
	wnNoun                     // a noun sense
	wnAdj                      // an adjective sense
	wnAdv                      // an adverb sense
	wnNounEvent1               // its first noun sense is an act, event, process or phenomenon
	wnNounEventAny             // some noun sense is
	wnNounState1               // its first noun sense is a state
	wnVerbFirst                // its verb senses are tagged more often than its noun senses
	// Bits 8–11: the lexicographer file of the first verb sense, minus 28
	// (1 body … 15 weather), 0 when none.
)

// Word table file, little endian: magic "EVWH", count n uint32,
// offsets [n+1]uint32 into the word bytes, the words sorted and
// concatenated, values [n]uint16, a hash index (slot count m, a power of
// two, then [m]uint32 slots holding a word's index plus one, by linear
// probing from the word's FNV-1a hash), CRC-32 of everything before.
const wnMagic = "EVWH"

//go:embed model/wordnet.bin
var embeddedWordNet string

//go:embed model/clusters.bin
var embeddedClusters string

// Word clusters: the table maps a word to its finest cluster id (from 1);
// the coarser ids are that id divided by clusterSplit and by
// clusterSplit².
const clusterSplit = 4

// wordTable is a sorted word → bits table read in place.
type wordTable struct {
	n     int
	offs  string
	words string
	bits  string
	slots string
	mask  uint32
}

var (
	wnOnce  sync.Once
	wnTable *wordTable
	wnErr   error

	clOnce  sync.Once
	clTable *wordTable
	clErr   error
)

// tablesErr reports whether the embedded word tables failed their checks.
func tablesErr() error {
	wordnet()
	clusters()
	if wnErr != nil {
		return wnErr
	}
	return clErr
}

// clusters returns the embedded word cluster table (k-means over word
// vectors; see cmd/event-train --vectors), or an empty one.
func clusters() *wordTable {
	clOnce.Do(func() {
		t, err := parseWordTable(embeddedClusters)
		if err != nil {
			t, clErr = &wordTable{}, fmt.Errorf("clusters: %w", err)
		}
		clTable = t
	})
	return clTable
}

// wordnet returns the embedded table; an absent or damaged table gives an
// empty one (the features then say nothing) and an error from tablesErr,
// which New reports.
func wordnet() *wordTable {
	wnOnce.Do(func() {
		t, err := parseWordTable(embeddedWordNet)
		if err != nil {
			t, wnErr = &wordTable{}, fmt.Errorf("wordnet: %w", err)
		}
		wnTable = t
	})
	return wnTable
}

func parseWordTable(b string) (*wordTable, error) {
	le := binary.LittleEndian
	if len(b) < 12 || b[:4] != wnMagic {
		return nil, errors.New("event: not a word table")
	}
	if crc32.ChecksumIEEE([]byte(b[:len(b)-4])) != le.Uint32([]byte(b[len(b)-4:])) {
		return nil, errors.New("event: word table checksum mismatch")
	}
	n := int(le.Uint32([]byte(b[4:8])))
	offEnd := 8 + 4*(n+1)
	if offEnd > len(b) {
		return nil, errors.New("event: word table truncated")
	}
	t := &wordTable{n: n, offs: b[8:offEnd]}
	total := int(t.off(n))
	hs := offEnd + total + 2*n
	if hs+4 > len(b) {
		return nil, errors.New("event: word table truncated")
	}
	m := int(le.Uint32([]byte(b[hs : hs+4])))
	if m == 0 || m&(m-1) != 0 || m < n || hs+4+4*m+4 != len(b) {
		return nil, errors.New("event: word table sizes disagree")
	}
	t.slots, t.mask = b[hs+4:hs+4+4*m], uint32(m-1)
	t.words = b[offEnd : offEnd+total]
	t.bits = b[offEnd+total : offEnd+total+2*n]
	return t, nil
}

func (t *wordTable) off(i int) uint32 {
	s := t.offs[4*i : 4*i+4]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

func (t *wordTable) word(i int) string { return t.words[t.off(i):t.off(i+1)] }

// lookup returns the value of w (0 when absent).
func (t *wordTable) lookup(w string) uint16 {
	if t.n == 0 {
		return 0
	}
	for h := uint32(hasher(fnvOffset).str(w)) & t.mask; ; h = (h + 1) & t.mask {
		s := t.slots[4*h : 4*h+4]
		k := int(uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24)
		if k == 0 {
			return 0
		}
		if t.word(k-1) == w {
			i := k - 1
			return uint16(t.bits[2*i]) | uint16(t.bits[2*i+1])<<8
		}
	}
}

// WriteWordTable encodes a word → bits table in the format package event
// embeds (model/wordnet.bin).
func WriteWordTable(entries map[string]uint16) []byte {
	words := make([]string, 0, len(entries))
	for w := range entries {
		words = append(words, w)
	}
	sort.Strings(words)
	le := binary.LittleEndian
	b := []byte(wnMagic)
	b = le.AppendUint32(b, uint32(len(words)))
	off := uint32(0)
	b = le.AppendUint32(b, 0)
	for _, w := range words {
		off += uint32(len(w))
		b = le.AppendUint32(b, off)
	}
	for _, w := range words {
		b = append(b, w...)
	}
	for _, w := range words {
		b = le.AppendUint16(b, entries[w])
	}
	m := 1
	for m < 2*len(words) {
		m *= 2
	}
	slots := make([]uint32, m)
	for i, w := range words {
		h := uint32(hasher(fnvOffset).str(w)) & uint32(m-1)
		for slots[h] != 0 {
			h = (h + 1) & uint32(m-1)
		}
		slots[h] = uint32(i + 1)
	}
	b = le.AppendUint32(b, uint32(m))
	for _, x := range slots {
		b = le.AppendUint32(b, x)
	}
	return le.AppendUint32(b, crc32.ChecksumIEEE(b))
}
