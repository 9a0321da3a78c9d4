package summary

import (
	"math"
	"testing"
)

func TestRouge(t *testing.T) {
	tests := []struct {
		name, cand, ref string
		want            Scores
	}{
		{"identical", "the cat sat", "the cat sat", Scores{1, 1, 1}},
		{"disjoint", "a b c", "x y z", Scores{}},
		// cand: the cat was found under the bed (7); ref: the cat was under the bed (6)
		// unigram matches 6 → P 6/7 R 1; bigrams: cand 6, ref 5, matches "the cat","cat was","under the","the bed" = 4;
		// LCS = 6.
		{"textbook", "the cat was found under the bed", "the cat was under the bed",
			Scores{R1: f1(6.0/7, 1), R2: f1(4.0/6, 4.0/5), RL: f1(6.0/7, 1)}},
		{"clipped counts", "the the the", "the cat", Scores{R1: f1(1.0/3, 1.0/2), R2: 0, RL: f1(1.0/3, 1.0/2)}},
		{"empty candidate", "", "the cat", Scores{}},
		{"case and punctuation", "The Cat, sat!", "the cat sat", Scores{1, 1, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Rouge(Words(tt.cand), Words(tt.ref))
			if math.Abs(got.R1-tt.want.R1) > 1e-9 || math.Abs(got.R2-tt.want.R2) > 1e-9 || math.Abs(got.RL-tt.want.RL) > 1e-9 {
				t.Errorf("Rouge(%q, %q) = %+v, want %+v", tt.cand, tt.ref, got, tt.want)
			}
		})
	}
}
