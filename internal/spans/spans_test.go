package spans

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/corroborate/corroborate/document"
)

// TestMatchesScan compares the index's answers with a scan of every span,
// for sorted, unsorted and malformed lists.
func TestMatchesScan(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 7))
	for _, tc := range []struct {
		name    string
		sorted  bool
		invalid bool
	}{{"sorted", true, false}, {"unsorted", false, false}, {"malformed", false, true}} {
		t.Run(tc.name, func(t *testing.T) {
			var sps []document.Span
			for range 300 {
				s := r.IntN(1000)
				sps = append(sps, document.Span{Start: s, End: s + r.IntN(30)})
			}
			if tc.sorted {
				slices.SortStableFunc(sps, func(a, b document.Span) int { return a.Start - b.Start })
			}
			if tc.invalid {
				sps[5] = document.Span{Start: 500, End: 400}
			}
			x := New(len(sps), func(i int) document.Span { return sps[i] })
			for range 2000 {
				s := r.IntN(1100) - 50
				q := document.Span{Start: s, End: s + r.IntN(80) - 5}
				var in, over, around []int
				for i, sp := range sps {
					if q.Contains(sp) {
						in = append(in, i)
					}
					if sp.Overlaps(q) {
						over = append(over, i)
					}
					if sp.Contains(q) {
						around = append(around, i)
					}
				}
				if got := x.Inside(nil, q); !slices.Equal(got, in) {
					t.Fatalf("Inside(%v) = %v, want %v", q, got, in)
				}
				if got := x.Containing(nil, q); !slices.Equal(got, around) {
					t.Fatalf("Containing(%v) = %v, want %v", q, got, around)
				}
				if got := x.Overlapping(nil, q); !slices.Equal(got, over) {
					t.Fatalf("Overlapping(%v) = %v, want %v", q, got, over)
				}
			}
		})
	}
}

// TestNil checks that a nil index holds nothing.
func TestNil(t *testing.T) {
	var x *Index
	if x.Len() != 0 || len(x.Inside(nil, document.Span{End: 10})) != 0 || len(x.Overlapping(nil, document.Span{End: 10})) != 0 || len(x.Containing(nil, document.Span{End: 10})) != 0 {
		t.Error("a nil index answers")
	}
}
