package corefscore

import (
	"math"
	"testing"
)

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestCorefMetrics(t *testing.T) {
	gold := []string{"a", "a", "b"}
	pred := []string{"x", "x", "x"}
	if b := BCubed(gold, pred); !near(b.P, 5.0/9) || !near(b.R, 1) {
		t.Errorf("B3 = %+v, want P 5/9 R 1", b)
	}
	if m := MUC(gold, pred); !near(m.P, 0.5) || !near(m.R, 1) {
		t.Errorf("MUC = %+v, want P 0.5 R 1", m)
	}
	if c := CEAFe(gold, pred); !near(c.P, 0.8) || !near(c.R, 0.4) {
		t.Errorf("CEAF-e = %+v, want P 0.8 R 0.4", c)
	}
	// A perfect response scores 1 everywhere.
	for name, f := range map[string]func(g, p []string) PRF{"muc": MUC, "b3": BCubed, "ceafe": CEAFe, "lea": LEA} {
		if s := f([]string{"a", "a", "b", "c", "c"}, []string{"1", "1", "2", "3", "3"}); !near(s.F1, 1) {
			t.Errorf("%s on a perfect response = %+v", name, s)
		}
	}
}

func TestMaxAssignment(t *testing.T) {
	w := [][]float64{{1, 2, 3}, {2, 4, 6}, {3, 6, 9.5}}
	// The diagonal 1 + 4 + 9.5 = 14.5 beats every other assignment.
	if got := MaxAssignment(w); !near(got, 14.5) {
		t.Errorf("maxAssignment = %v, want 14.5", got)
	}
	if got := MaxAssignment([][]float64{{0.2, 0.9}}); !near(got, 0.9) {
		t.Errorf("rectangular maxAssignment = %v, want 0.9", got)
	}
}

func TestLEA(t *testing.T) {
	// Key {a1 a2 a3} {b}; response {a1 a2} {a3 b}.
	gold := []string{"a", "a", "a", "b"}
	pred := []string{"x", "x", "y", "y"}
	// Recall: a has 3 links, 1 found, weight 3; b is a singleton not
	// resolved as one, weight 1: (3·1/3 + 0) / 4 = 0.25.
	// Precision: x has 1 link, found, weight 2; y's link (a3, b) is not in
	// the key, weight 2: (2 + 0) / 4 = 0.5.
	if l := LEA(gold, pred); !near(l.R, 0.25) || !near(l.P, 0.5) {
		t.Errorf("LEA = %+v, want P 0.5 R 0.25", l)
	}
	s := Score(gold, pred)
	if !near(s.CoNLL, (s.MUC.F1+s.B3.F1+s.CEAFe.F1)/3) {
		t.Errorf("CoNLL = %v, not the mean of MUC, B3, CEAF-e", s.CoNLL)
	}
}
