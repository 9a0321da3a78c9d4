package ner

import (
	"math/rand"
	"testing"
)

func TestFeatTable(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	in := map[uint64]uint32{0: 7} // the reserved empty key works too
	for len(in) < 5000 {
		in[rng.Uint64()] = uint32(len(in))
	}
	tab := newFeatTable(len(in))
	for k, v := range in {
		tab.put(k, v)
	}
	for k, v := range in {
		if got, ok := tab.get(k); !ok || got != v {
			t.Fatalf("get(%d) = %d, %v; want %d", k, got, ok, v)
		}
	}
	// Absent keys miss, and the bit set turns most of them away before
	// the probe.
	filtered := 0
	for n := 0; n < 20000; n++ {
		k := rng.Uint64()
		if _, ok := in[k]; ok {
			continue
		}
		if _, ok := tab.get(k); ok {
			t.Fatalf("get(%d) found an absent key", k)
		}
		if b := tab.bit(fixKey(k)); tab.seen[b/64]&(1<<(b%64)) == 0 {
			filtered++
		}
	}
	if filtered < 18000 {
		t.Errorf("bit set turned away %d of 20000 absent keys, want most", filtered)
	}
}
