package document

import "sort"

// Segment says that bytes [Start, End) of a derived text were copied from
// bytes [Src, Src+End-Start) of the text it was derived from.
type Segment struct {
	Start int `json:"start"`
	End   int `json:"end"`
	Src   int `json:"src"`
}

// Alignment maps offsets of a derived text back to its origin. Segments are
// sorted by Start and do not overlap; bytes outside every segment (inserted
// separators, say) have no origin.
type Alignment []Segment

// Add appends a copied run; adjacent runs that continue each other merge.
func (a *Alignment) Add(start, end, src int) {
	if end <= start {
		return
	}
	if n := len(*a); n > 0 {
		last := &(*a)[n-1]
		if last.End == start && last.Src+(last.End-last.Start) == src {
			last.End = end
			return
		}
	}
	*a = append(*a, Segment{Start: start, End: end, Src: src})
}

// Map returns the origin offset of derived offset off and whether it has
// one. An offset inside a segment, or at its start, maps into it; the end
// of a segment that no segment continues maps to the end of its source run
// (so span ends map too).
func (a Alignment) Map(off int) (int, bool) {
	i := sort.Search(len(a), func(i int) bool { return a[i].End > off })
	if i < len(a) && a[i].Start <= off {
		return a[i].Src + off - a[i].Start, true
	}
	if i > 0 && a[i-1].End == off {
		return a[i-1].Src + off - a[i-1].Start, true
	}
	return 0, false
}

// mapEnd is Map for an exclusive end: at a boundary between two segments
// it prefers the segment that ends there.
func (a Alignment) mapEnd(off int) (int, bool) {
	i := sort.Search(len(a), func(i int) bool { return a[i].End >= off })
	if i < len(a) && a[i].Start < off {
		return a[i].Src + off - a[i].Start, true
	}
	return a.Map(off)
}

// MapSpan maps a derived span to its origin, or reports false when either end
// has no origin.
func (a Alignment) MapSpan(s Span) (Span, bool) {
	st, ok1 := a.Map(s.Start)
	en, ok2 := a.mapEnd(s.End)
	if !ok1 || !ok2 || en < st {
		return Span{}, false
	}
	return Span{Start: st, End: en}, true
}

// Compose returns the alignment that maps through a first and then b
// (derived → a's origin → b's origin). Runs that b cannot map are dropped.
func (a Alignment) Compose(b Alignment) Alignment {
	var out Alignment
	for _, s := range a {
		pos := s.Start
		for pos < s.End {
			src := s.Src + pos - s.Start
			j := sort.Search(len(b), func(j int) bool { return b[j].End > src })
			if j == len(b) {
				break
			}
			if src < b[j].Start {
				pos += b[j].Start - src
				continue
			}
			n := min(s.End-pos, b[j].End-src)
			out.Add(pos, pos+n, b[j].Src+src-b[j].Start)
			pos += n
		}
	}
	return out
}
