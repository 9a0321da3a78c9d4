package ner

import (
	"fmt"
	"math/bits"
	"slices"
	"unsafe"
)

// strTable is a read-only set of strings stored flat: the bytes of all
// strings in one blob, their offsets, and an open-addressing hash table
// (linear probing, load about 2/3) whose slots hold string number + 1 in the
// low slotBits bits and the top bits of the string's hash above them, so
// that most probes of absent strings end without reading the blob. It
// works in place on the bytes of a model file.
type strTable struct {
	blob  string
	off   []uint32 // len n+1
	slots []uint32 // 0 is empty
}

// home returns the first slot to probe for hash h in a table of size
// slots (the high bits of h scaled to the size).
func home(h uint64, size int) int { return int((h >> 32) * uint64(size) >> 32) }

// slotBits is the number of low bits of a slot holding the string number
// + 1; the other bits hold a fingerprint of the hash.
const (
	slotBits = 22
	slotMask = 1<<slotBits - 1
	// maxStrings is the most strings a table can hold.
	maxStrings = slotMask - 1
)

// fingerprint returns the bits of h kept in a slot above the number.
func fingerprint(h uint64) uint32 { return uint32(h>>(64-(32-slotBits))) << slotBits }

// strHash hashes s; the value is stored in model files (through the slot
// layout), so it must never change.
func strHash(s string) uint64 {
	h := uint64(len(s))*0x9e3779b97f4a7c15 ^ 0x243f6a8885a308d3
	for len(s) >= 8 {
		v := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
			uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
		hi, lo := bits.Mul64(h^v, 0xbf58476d1ce4e5b9)
		h = hi ^ lo
		s = s[8:]
	}
	var v uint64
	for i := 0; i < len(s); i++ {
		v |= uint64(s[i]) << (8 * i)
	}
	hi, lo := bits.Mul64(h^v, 0x94d049bb133111eb)
	return hi ^ lo
}

// len returns the number of strings.
func (t *strTable) len() int { return max(len(t.off)-1, 0) }

// at returns string i.
func (t *strTable) at(i int) string { return t.blob[t.off[i]:t.off[i+1]] }

// find returns the number of s, or -1.
func (t *strTable) find(s string) int {
	if len(t.slots) == 0 {
		return -1
	}
	h := strHash(s)
	fp := fingerprint(h)
	i := home(h, len(t.slots))
	for {
		v := t.slots[i]
		if v == 0 {
			return -1
		}
		if v&^slotMask == fp {
			if n := v & slotMask; t.blob[t.off[n-1]:t.off[n]] == s {
				return int(n - 1)
			}
		}
		if i++; i == len(t.slots) {
			i = 0
		}
	}
}

// findBytes is find for a byte slice (not retained).
func (t *strTable) findBytes(b []byte) int {
	if len(b) == 0 {
		return t.find("")
	}
	return t.find(unsafe.String(&b[0], len(b)))
}

// buildStrTable returns the sections (blob, offsets, slots) of a table of
// strs, which must be sorted and distinct, at most maxStrings of them.
func buildStrTable(strs []string) (blob, off, slots string) {
	size := len(strs) + len(strs)/2 + 1
	offs := make([]uint32, 0, len(strs)+1)
	sl := make([]uint32, size)
	n := 0
	for _, s := range strs {
		n += len(s)
	}
	b := make([]byte, 0, n)
	for i, s := range strs {
		offs = append(offs, uint32(len(b)))
		b = append(b, s...)
		h := strHash(s)
		j := home(h, size)
		for sl[j] != 0 {
			if j++; j == size {
				j = 0
			}
		}
		sl[j] = fingerprint(h) | uint32(i+1)
	}
	offs = append(offs, uint32(len(b)))
	return string(b), putU32s(offs), putU32s(sl)
}

// newStrTable checks the sections of a table of n strings and returns it.
func newStrTable(blob, off, slots string, n int, what string) (strTable, error) {
	t := strTable{blob: blob, off: u32s(off), slots: u32s(slots)}
	if len(off) != 4*(n+1) {
		return t, fmt.Errorf("%s: offset table of %d bytes for %d strings", what, len(off), n)
	}
	if len(slots)%4 != 0 || len(t.slots) <= n || len(t.slots) > 1<<31 {
		return t, fmt.Errorf("%s: hash table of %d bytes for %d strings", what, len(slots), n)
	}
	if t.off[0] != 0 || t.off[n] != uint32(len(blob)) || !slices.IsSorted(t.off) {
		return t, fmt.Errorf("%s: string offsets out of order or not ending at the %d-byte blob", what, len(blob))
	}
	used := 0
	for _, v := range t.slots {
		if v&slotMask > uint32(n) || v != 0 && v&slotMask == 0 {
			return t, fmt.Errorf("%s: hash table names string %d of %d", what, int(v&slotMask)-1, n)
		}
		if v != 0 {
			used++
		}
	}
	if used != n || used == len(t.slots) {
		return t, fmt.Errorf("%s: hash table holds %d of %d strings in %d slots", what, used, n, len(t.slots))
	}
	return t, nil
}
