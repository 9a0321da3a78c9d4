package ner

// Pruned returns a copy of m without the weights whose absolute value is
// below min (features left with no weight are dropped). The averaged model
// of several seeds holds the union of their features, many with tiny
// weights; dropping them shrinks the tables tagging reads. The copy shares
// m's lexicon; m is unchanged.
func (m *Model) Pruned(min float32) *Model {
	out := *m
	out.index = make(map[uint64]uint32, len(m.index))
	out.off = []uint32{0}
	out.lab, out.w = nil, nil
	keys := make([]uint64, len(m.index))
	for k, f := range m.index {
		keys[f] = k
	}
	for f := 0; f+1 < len(m.off); f++ {
		n := 0
		for j := m.off[f]; j < m.off[f+1]; j++ {
			if w := m.w[j]; w >= min || w <= -min {
				out.lab = append(out.lab, m.lab[j])
				out.w = append(out.w, w)
				n++
			}
		}
		if n > 0 {
			out.index[keys[f]] = uint32(len(out.off) - 1)
			out.off = append(out.off, uint32(len(out.w)))
		}
	}
	out.finishWeights()
	return &out
}
