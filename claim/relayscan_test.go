package claim

import (
	"math/rand"
	"reflect"
	"strings"
	"testing"
)

func TestRelayScannersTable(t *testing.T) {
	tests := []struct {
		in             string
		relay, reports int
	}{
		{"Officials told the Valley Post that it burned.", 1, 0},
		{"A spokesman, speaking to The Associated Press, denied it; he later told Reuters more.", 2, 0},
		{"The Riverside Daily Herald reported on Monday that the Hill Times reports too.", 0, 2},
		{"The Bank of Loria said in a report that the Tribune said in its report.", 0, 2},
		{"it was untold, citing nobody; Foretold News reported.", 0, 1},
		{"The X.Post reports, and Y’s Wire reported: fine.", 0, 2},
		{"no cues here at all", 0, 0},
		{"", 0, 0},
	}
	for _, tc := range tests {
		got, want := findRelayCues(tc.in), relayRe.FindAllStringSubmatchIndex(tc.in, -1)
		if len(got) != tc.relay || !reflect.DeepEqual(got, want) {
			t.Errorf("relay cues in %q: got %v, want %d matches %v", tc.in, got, tc.relay, want)
		}
		got, want = findReportedCues(tc.in), reportedRe.FindAllStringSubmatchIndex(tc.in, -1)
		if len(got) != tc.reports || !reflect.DeepEqual(got, want) {
			t.Errorf("reported cues in %q: got %v, want %d matches %v", tc.in, got, tc.reports, want)
		}
	}
}

// TestRelayScannersAgreeWithRegexp checks the scanners against the plain
// regexps on random text made of outlet names, cues and separators.
func TestRelayScannersAgreeWithRegexp(t *testing.T) {
	frags := []string{"The", "the", "of", "Valley", "Post", "Times", "AP", "Reuters", "Al Jazeera", "Al-Jazeera",
		"told", "untold", "speaking to", "according to", "quoting", "quoted by", "reported by", "citing",
		"reported", "reports", "report", "reporter", "said in a", "said in its", "said", "in", "a", "its",
		"x", "O’Neil", "St.", "_", "9", "é", "Bank", "News"}
	seps := []string{" ", " ", " ", "  ", "\n", ",", ".", "", "’", "-", ": ", "\t"}
	r := rand.New(rand.NewSource(11))
	for n := 0; n < 30000; n++ {
		var b strings.Builder
		for k := r.Intn(12); k >= 0; k-- {
			b.WriteString(frags[r.Intn(len(frags))])
			b.WriteString(seps[r.Intn(len(seps))])
		}
		s := b.String()
		if got, want := findRelayCues(s), relayRe.FindAllStringSubmatchIndex(s, -1); !reflect.DeepEqual(got, want) {
			t.Fatalf("relay cues in %q: scanner %v, regexp %v", s, got, want)
		}
		if got, want := findReportedCues(s), reportedRe.FindAllStringSubmatchIndex(s, -1); !reflect.DeepEqual(got, want) {
			t.Fatalf("reported cues in %q: scanner %v, regexp %v", s, got, want)
		}
	}
}
