package ner

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
