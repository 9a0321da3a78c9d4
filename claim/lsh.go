package claim

import "fmt"

// LSH is an incremental locality-sensitive index over MinHash signatures
// by banding: a signature is cut into Bands bands of Rows values, and two
// items become candidates when any band is equal. Items can be added one
// at a time and each Add returns the earlier items it collides with, so a
// stream of n documents costs O(n · bands) bucket operations instead of
// comparing every pair. With b bands of r rows a pair of Jaccard s becomes
// a candidate with probability 1-(1-s^r)^b (32×4: 0.3 → 0.23, 0.5 → 0.87,
// 0.7 → 1.00).
type LSH struct {
	Bands, Rows int
	buckets     []map[uint64][]int32
}

// NewLSH returns an empty index; bands·rows must not exceed the signature
// length given to Add.
func NewLSH(bands, rows int) *LSH {
	l := &LSH{Bands: bands, Rows: rows, buckets: make([]map[uint64][]int32, bands)}
	for i := range l.buckets {
		l.buckets[i] = map[uint64][]int32{}
	}
	return l
}

// Add indexes signature sig under id and returns the ids already in the
// index that share a band with it (each once, in insertion order of
// discovery).
func (l *LSH) Add(id int32, sig []uint64) ([]int32, error) {
	if len(sig) < l.Bands*l.Rows {
		return nil, fmt.Errorf("lsh: signature of %d values is shorter than %d bands × %d rows", len(sig), l.Bands, l.Rows)
	}
	var out []int32
	var seen map[int32]bool
	for b := 0; b < l.Bands; b++ {
		key := uint64(b) * 0x9E3779B97F4A7C15
		for _, v := range sig[b*l.Rows : (b+1)*l.Rows] {
			key = splitmix(key ^ v)
		}
		bucket := l.buckets[b][key]
		for _, other := range bucket {
			if other == id {
				continue
			}
			if seen == nil {
				seen = map[int32]bool{}
			}
			if !seen[other] {
				seen[other] = true
				out = append(out, other)
			}
		}
		l.buckets[b][key] = append(bucket, id)
	}
	return out, nil
}
