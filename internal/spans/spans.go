// Package spans indexes text spans so that the ones inside or overlapping a
// query span are found without scanning them all: stages that ask this of
// every sentence of a long document stay near-linear in its length.
package spans

import (
	"sort"

	"github.com/corroborate/corroborate/document"
)

// Index answers containment and overlap queries over a fixed list of
// spans. Answers are positions in the list, in ascending order, so that a
// caller looping over the answer meets the spans in the order a scan of
// the whole list would.
type Index struct {
	spans []document.Span
	// order holds the positions sorted by start (stably); starts the
	// starts in that order.
	order  []int
	starts []int
	// maxLen is the longest span; linear is set when some span ends
	// before it starts, and queries then scan every span.
	maxLen int
	linear bool
	// sorted is set when the list is already in order of start, so that
	// answers need no sorting.
	sorted bool
}

// New indexes n spans, span(i) giving the i-th.
func New(n int, span func(i int) document.Span) *Index {
	x := &Index{spans: make([]document.Span, n), order: make([]int, n), starts: make([]int, n), sorted: true}
	for i := range n {
		sp := span(i)
		x.spans[i], x.order[i] = sp, i
		if sp.End < sp.Start {
			x.linear = true
		}
		x.maxLen = max(x.maxLen, sp.End-sp.Start)
		if i > 0 && sp.Start < x.spans[i-1].Start {
			x.sorted = false
		}
	}
	if !x.sorted {
		sort.SliceStable(x.order, func(a, b int) bool { return x.spans[x.order[a]].Start < x.spans[x.order[b]].Start })
	}
	for k, i := range x.order {
		x.starts[k] = x.spans[i].Start
	}
	return x
}

// Mentions indexes the spans of ms.
func Mentions(ms []document.Mention) *Index {
	return New(len(ms), func(i int) document.Span { return ms[i].Span })
}

// Timexes indexes the spans of ts.
func Timexes(ts []document.Timex) *Index {
	return New(len(ts), func(i int) document.Span { return ts[i].Span })
}

// Len returns the number of spans indexed.
func (x *Index) Len() int {
	if x == nil {
		return 0
	}
	return len(x.spans)
}

// Inside appends to dst the positions of the spans that q contains
// (q.Contains(span)), in ascending order.
func (x *Index) Inside(dst []int, q document.Span) []int {
	if x == nil {
		return dst
	}
	if x.linear {
		for i, sp := range x.spans {
			if q.Contains(sp) {
				dst = append(dst, i)
			}
		}
		return dst
	}
	from := len(dst)
	for k := sort.SearchInts(x.starts, q.Start); k < len(x.starts) && x.starts[k] <= q.End; k++ {
		if i := x.order[k]; q.Contains(x.spans[i]) {
			dst = append(dst, i)
		}
	}
	return x.ascending(dst, from)
}

// Overlapping appends to dst the positions of the spans that share at
// least one byte with q (span.Overlaps(q)), in ascending order.
func (x *Index) Overlapping(dst []int, q document.Span) []int {
	if x == nil {
		return dst
	}
	if x.linear {
		for i, sp := range x.spans {
			if sp.Overlaps(q) {
				dst = append(dst, i)
			}
		}
		return dst
	}
	from := len(dst)
	for k := sort.SearchInts(x.starts, q.Start-x.maxLen); k < len(x.starts) && x.starts[k] < q.End; k++ {
		if i := x.order[k]; x.spans[i].Overlaps(q) {
			dst = append(dst, i)
		}
	}
	return x.ascending(dst, from)
}

// Containing appends to dst the positions of the spans that contain q
// (span.Contains(q)), in ascending order.
func (x *Index) Containing(dst []int, q document.Span) []int {
	if x == nil {
		return dst
	}
	if x.linear || q.End < q.Start {
		for i, sp := range x.spans {
			if sp.Contains(q) {
				dst = append(dst, i)
			}
		}
		return dst
	}
	from := len(dst)
	for k := sort.SearchInts(x.starts, q.Start-x.maxLen); k < len(x.starts) && x.starts[k] <= q.Start; k++ {
		if i := x.order[k]; x.spans[i].Contains(q) {
			dst = append(dst, i)
		}
	}
	return x.ascending(dst, from)
}

func (x *Index) ascending(dst []int, from int) []int {
	if !x.sorted {
		sort.Ints(dst[from:])
	}
	return dst
}
