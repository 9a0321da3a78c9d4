package time

import (
	"regexp"
	"strings"

	"github.com/corroborate/corroborate/document"
)

// Counts accumulates matching counts over documents.
type Counts struct {
	Gold, System int
	// StrictGold/StrictSys count exact-extent matches; RelaxedGold counts
	// gold timexes overlapped by a system one, RelaxedSys system timexes
	// overlapping a gold one.
	Strict                  int
	RelaxedGold, RelaxedSys int
	// Pairs are the relaxed matches attributes are compared on; TypeOK and
	// ValueOK count agreeing pairs.
	Pairs, TypeOK, ValueOK int
}

// Add scores one document's system timexes against its gold ones and
// returns the mismatches (for error analysis).
func (c *Counts) Add(gold []GoldTimex, sys []document.Timex) []Mismatch {
	c.Gold += len(gold)
	c.System += len(sys)
	var out []Mismatch
	used := make([]bool, len(sys))
	for _, g := range gold {
		best, bestOv := -1, 0
		for k, s := range sys {
			if ov := min(g.End, s.End) - max(g.Start, s.Start); ov > 0 && ov > bestOv {
				best, bestOv = k, ov
			}
		}
		if best < 0 {
			out = append(out, Mismatch{Gold: g, Missed: true})
			continue
		}
		c.RelaxedGold++
		s := sys[best]
		used[best] = true
		if s.Start == g.Start && s.End == g.End {
			c.Strict++
		}
		c.Pairs++
		if s.Type == g.Type {
			c.TypeOK++
		}
		if SameValue(s.Value, g.Value) {
			c.ValueOK++
		} else {
			out = append(out, Mismatch{Gold: g, System: s})
		}
	}
	for k, s := range sys {
		overlaps := used[k]
		for _, g := range gold {
			if min(g.End, s.End)-max(g.Start, s.Start) > 0 {
				overlaps = true
			}
		}
		if overlaps {
			c.RelaxedSys++
		} else {
			out = append(out, Mismatch{System: s, Spurious: true})
		}
	}
	return out
}

// Mismatch is a gold timex missed or valued differently, or a spurious
// system timex.
type Mismatch struct {
	Gold     GoldTimex
	System   document.Timex
	Missed   bool
	Spurious bool
}

// Scores are the TempEval-3 Task A numbers, as fractions.
type Scores struct {
	StrictP, StrictR, StrictF1    float64
	RelaxedP, RelaxedR, RelaxedF1 float64
	TypeAccuracy, ValueAccuracy   float64
	TypeF1, ValueF1               float64
}

// Scores computes precision, recall and F1 from the counts.
func (c Counts) Scores() Scores {
	var s Scores
	s.StrictP, s.StrictR = ratio(c.Strict, c.System), ratio(c.Strict, c.Gold)
	s.StrictF1 = f1(s.StrictP, s.StrictR)
	s.RelaxedP, s.RelaxedR = ratio(c.RelaxedSys, c.System), ratio(c.RelaxedGold, c.Gold)
	s.RelaxedF1 = f1(s.RelaxedP, s.RelaxedR)
	s.TypeAccuracy, s.ValueAccuracy = ratio(c.TypeOK, c.Pairs), ratio(c.ValueOK, c.Pairs)
	s.TypeF1, s.ValueF1 = s.RelaxedF1*s.TypeAccuracy, s.RelaxedF1*s.ValueAccuracy
	return s
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

var weekNum = regexp.MustCompile(`W0(\d)`)

// SameValue compares TIMEX3 values, treating zero-padded and unpadded week
// numbers (2013-W07, 2013-W7) as equal.
func SameValue(a, b string) bool {
	if a == b {
		return true
	}
	norm := func(v string) string { return weekNum.ReplaceAllString(strings.TrimSpace(v), "W$1") }
	return norm(a) == norm(b)
}
