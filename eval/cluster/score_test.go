package cluster

import (
	"math"
	"testing"
)

func TestScore(t *testing.T) {
	tests := []struct {
		name             string
		pred, gold       []string
		b3p, b3r, pp, pr float64
		wantErr          bool
	}{
		{name: "perfect", pred: []string{"a", "a", "b"}, gold: []string{"x", "x", "y"}, b3p: 1, b3r: 1, pp: 1, pr: 1},
		{name: "all in one", pred: []string{"a", "a", "a", "a"}, gold: []string{"x", "x", "y", "y"},
			b3p: 0.5, b3r: 1, pp: 2.0 / 6, pr: 1},
		{name: "all apart", pred: []string{"a", "b", "c", "d"}, gold: []string{"x", "x", "y", "y"},
			b3p: 1, b3r: 0.5, pp: 1, pr: 0},
		{name: "one misplaced", pred: []string{"a", "a", "b", "b"}, gold: []string{"x", "x", "x", "y"},
			// B³ P: (1+1+.5+.5)/4; R: (2/3+2/3+1/3+1)/4; pairs: tp 1 of pred 2, gold 3.
			b3p: 0.75, b3r: (2.0/3 + 2.0/3 + 1.0/3 + 1) / 4, pp: 0.5, pr: 1.0 / 3},
		{name: "length mismatch", pred: []string{"a"}, gold: []string{"x", "y"}, wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := score(tt.pred, tt.gold)
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, want error %v", err, tt.wantErr)
			}
			if tt.wantErr {
				return
			}
			for _, c := range []struct {
				what      string
				got, want float64
			}{{"B3 P", s.B3P, tt.b3p}, {"B3 R", s.B3R, tt.b3r}, {"pair P", s.PairP, tt.pp}, {"pair R", s.PairR, tt.pr}} {
				if math.Abs(c.got-c.want) > 1e-9 {
					t.Errorf("%s = %.4f, want %.4f", c.what, c.got, c.want)
				}
			}
		})
	}
}
