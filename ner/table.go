package ner

import "fmt"

// featTable is an open-addressing hash table from feature key to feature
// number, faster than a Go map for the many lookups that miss.
type featTable struct {
	keys []uint64
	vals []uint32
	mask uint64
	// seen is a bit set of about 16 bits per key, with one bit set for
	// each stored key: a key whose bit is clear is surely absent, which
	// settles most misses with one read of memory that stays in cache.
	seen     []uint64
	seenMask uint64
}

// newFeatTable returns a table sized for n keys at load factor ≤ 1/2.
func newFeatTable(n int) *featTable {
	size := 16
	for size < 2*n {
		size *= 2
	}
	bits := 64
	for bits < 16*n {
		bits *= 2
	}
	return &featTable{keys: make([]uint64, size), vals: make([]uint32, size), mask: uint64(size - 1),
		seen: make([]uint64, bits/64), seenMask: uint64(bits - 1)}
}

// bit returns the position of k in the seen bit set.
func (t *featTable) bit(k uint64) uint64 { return (k >> 17) & t.seenMask }

// fixKey maps the reserved empty key 0 to another value.
func fixKey(k uint64) uint64 {
	if k == 0 {
		return 1
	}
	return k
}

func (t *featTable) put(k uint64, v uint32) {
	k = fixKey(k)
	i := (k ^ k>>29) & t.mask
	for t.keys[i] != 0 && t.keys[i] != k {
		i = (i + 1) & t.mask
	}
	t.keys[i], t.vals[i] = k, v
	b := t.bit(k)
	t.seen[b/64] |= 1 << (b % 64)
}

func (t *featTable) get(k uint64) (uint32, bool) {
	k = fixKey(k)
	if b := t.bit(k); t.seen[b/64]&(1<<(b%64)) == 0 {
		return 0, false
	}
	i := (k ^ k>>29) & t.mask
	for {
		switch t.keys[i] {
		case k:
			return t.vals[i], true
		case 0:
			return 0, false
		}
		i = (i + 1) & t.mask
	}
}

// tableSections returns the sections of a table of keys (row i holding
// keys[i]), built by inserting the keys in order.
func tableSections(keys []uint64) (tk, tv, seen string) {
	t := newFeatTable(len(keys))
	for i, k := range keys {
		t.put(k, uint32(i))
	}
	return putU64s(t.keys), putU32s(t.vals), putU64s(t.seen)
}

// viewFeatTable checks the table sections of a model with rows weight
// rows and returns the table, in place.
func viewFeatTable(tk, tv, seen string, rows int) (*featTable, error) {
	t := &featTable{keys: u64s(tk), vals: u32s(tv), seen: u64s(seen)}
	n := len(t.keys)
	if n == 0 || len(tk) != 8*n || n < 2*rows || n&(n-1) != 0 || len(t.vals) != n || len(tv) != 4*n {
		return nil, fmt.Errorf("feature table: %d key bytes and %d row bytes for %d rows", len(tk), len(tv), rows)
	}
	if b := len(t.seen); len(seen) != 8*b || b == 0 || b&(b-1) != 0 {
		return nil, fmt.Errorf("feature table: bit set of %d bytes", len(seen))
	}
	t.mask, t.seenMask = uint64(n-1), uint64(64*len(t.seen)-1)
	used := 0
	for i, k := range t.keys {
		if k != 0 {
			used++
			if t.vals[i] >= uint32(rows) {
				return nil, fmt.Errorf("feature table: row %d of %d", t.vals[i], rows)
			}
		}
	}
	if used != rows {
		return nil, fmt.Errorf("feature table: %d keys for %d rows", used, rows)
	}
	return t, nil
}
