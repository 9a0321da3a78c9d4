package summarize

import (
	"math/rand"
	"strings"
	"testing"
)

func TestCueMatcherTable(t *testing.T) {
	tests := []struct {
		in         string
		time, back bool
	}{
		{"The council met on Tuesday.", true, false},
		{"The council met on TUESDAYS.", false, false},
		{"It rained last  night.", false, false},
		{"It rained Last Night in town.", true, false},
		{"Signed on Jan. 5 by the mayor.", false, false},
		{"Signed Jan.5 by the mayor.", true, false},
		{"In 1998 the bridge opened.", true, false},
		{"Code 19985 is not a year.", false, false},
		{"x2020 and 2020x are not years, 2020_ neither.", false, false},
		{"She had previously served since 2011.", true, true},
		{"Back in the day, years ago, a mayday.", false, true},
		{"Mayor Ilsa spoke.", false, false},
		{"It was \u212aept secret last year.", false, true},
		{"", false, false},
	}
	for _, tc := range tests {
		if got := timeCueMatcher.MatchString(tc.in); got != tc.time || got != timeCue.MatchString(tc.in) {
			t.Errorf("time cue in %q: got %v, want %v (regexp %v)", tc.in, got, tc.time, timeCue.MatchString(tc.in))
		}
		if got := backgroundCueMatcher.MatchString(tc.in); got != tc.back || got != backgroundCue.MatchString(tc.in) {
			t.Errorf("background cue in %q: got %v, want %v (regexp %v)", tc.in, got, tc.back, backgroundCue.MatchString(tc.in))
		}
	}
}

// TestCueMatcherAgreesWithRegexp compares the scanner with the regexps it
// replaces on random text built from cue fragments and separators.
func TestCueMatcherAgreesWithRegexp(t *testing.T) {
	frags := []string{"monday", "Sunday", "MAY", "mayor", "jan", ".", "Sept", "sep", "dec.", "1999", "20", "19", "7",
		"last", "night", "this", "morning", "years", "ago", "a", "year", "since", "back", "in", "the", "past",
		"previously", "_", "-", "é", "\u017f", "x", "today", "’", "'"}
	seps := []string{"", " ", "  ", ".", ",", "\n", "-"}
	r := rand.New(rand.NewSource(7))
	for n := 0; n < 20000; n++ {
		var b strings.Builder
		for k := r.Intn(8); k >= 0; k-- {
			b.WriteString(frags[r.Intn(len(frags))])
			b.WriteString(seps[r.Intn(len(seps))])
		}
		s := b.String()
		if got, want := timeCueMatcher.MatchString(s), timeCue.MatchString(s); got != want {
			t.Fatalf("time cue in %q: scanner %v, regexp %v", s, got, want)
		}
		if got, want := backgroundCueMatcher.MatchString(s), backgroundCue.MatchString(s); got != want {
			t.Fatalf("background cue in %q: scanner %v, regexp %v", s, got, want)
		}
	}
}

func TestPlaceCueAgreesWithRegexp(t *testing.T) {
	fixed := []string{"He was shot in Baghdad.", "born in the Ézmir hills", "in the U", "in  the\tKarkh area",
		"within Basra", "in the city", "from Éire", "at O'Neil", "near A-", "outside  X’s", "in the the Mosul", "_in Basra", ""}
	frags := []string{"in", "outside", "near", "at", "from", "the", "The", "Basra", "A", "x", "É", "é", "'", "’", "-", "_", "within"}
	seps := []string{" ", "  ", "\n", "", ".", "\t"}
	r := rand.New(rand.NewSource(5))
	for n := 0; n < 20000+len(fixed); n++ {
		s := ""
		if n < len(fixed) {
			s = fixed[n]
		} else {
			var b strings.Builder
			for k := r.Intn(6); k >= 0; k-- {
				b.WriteString(frags[r.Intn(len(frags))])
				b.WriteString(seps[r.Intn(len(seps))])
			}
			s = b.String()
		}
		if got, want := placeCueAt(s), placeCue.MatchString(s); got != want {
			t.Fatalf("place cue in %q: scanner %v, regexp %v", s, got, want)
		}
	}
}
