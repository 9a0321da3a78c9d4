package clean

import (
	"bytes"
	"context"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/internal/shareddata"
)

// TestRun runs the evaluation on the shared benchmark for the headline
// system (skipped when the data is absent or with -short) and checks that
// the last line is a metric and that cleaning did not lower F1.
func TestRun(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: reads the benchmark")
	}
	dir := shareddata.Require(t, "data", "scrapinghub-aeb")
	var buf bytes.Buffer
	peer, ours, err := run(context.Background(), dir, &buf, Systems[:1])
	if err != nil {
		t.Fatal(err)
	}
	if ours.F1 < peer.F1 || ours.P < peer.P {
		t.Errorf("cleaning lowered the scores: peer %+v, ours %+v", peer, ours)
	}
	if peer.R-ours.R > 0.01 {
		t.Errorf("cleaning cost %.4f recall (peer %.4f, ours %.4f)", peer.R-ours.R, peer.R, ours.R)
	}
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	last := strings.Fields(lines[len(lines)-1])
	if len(last) != 2 || last[0] != "F1" {
		t.Fatalf("last line %q is not \"F1 <value>\"", lines[len(lines)-1])
	}
	f, err := strconv.ParseFloat(last[1], 64)
	if err != nil || f < 0.9 || f > 1 {
		t.Errorf("F1 = %q, want a value in [0.9, 1]", last[1])
	}
	t.Log(buf.String())
}

func TestRunMissingData(t *testing.T) {
	err := Run(context.Background(), t.TempDir(), &bytes.Buffer{})
	if err == nil || !strings.Contains(err.Error(), "ground-truth.json") {
		t.Errorf("err = %v, want one naming the missing file", err)
	}
}

func TestScore(t *testing.T) {
	cases := []struct {
		name           string
		truth, pred    string
		wantTP, fp, fn int
	}{
		{name: "identical", truth: "one two three four five", pred: "one two three four five", wantTP: 2},
		{name: "extra boilerplate", truth: "one two three four five", pred: "one two three four five Share this article", wantTP: 2, fp: 3},
		{name: "missing tail", truth: "one two three four five six", pred: "one two three four", wantTP: 1, fn: 2},
		{name: "short texts", truth: "a b", pred: "a b", wantTP: 1},
		{name: "empty prediction", truth: "a b c d", pred: "", fn: 1},
	}
	for _, tc := range cases {
		c := match(tc.truth, tc.pred)
		if c.tp != tc.wantTP || c.fp != tc.fp || c.fn != tc.fn {
			t.Errorf("%s: got %+v, want tp=%d fp=%d fn=%d", tc.name, c, tc.wantTP, tc.fp, tc.fn)
		}
	}
	s := aggregate([]counts{{tp: 2}, {tp: 1, fp: 1}, {fn: 1}})
	// precision: (1 + 0.5) / 2 (the empty prediction is skipped); recall: (1 + 1 + 0) / 3.
	if d := s.P - 0.75; d > 1e-9 || d < -1e-9 {
		t.Errorf("P = %v, want 0.75", s.P)
	}
	if d := s.R - 2.0/3; d > 1e-9 || d < -1e-9 {
		t.Errorf("R = %v, want 2/3", s.R)
	}
}

// TestRunAll prints the whole evaluation (every system); it runs only when
// CLEAN_EVAL_ALL is set, e.g. CLEAN_EVAL_ALL=1 go test ./eval/clean -run TestRunAll -v.
func TestRunAll(t *testing.T) {
	if os.Getenv("CLEAN_EVAL_ALL") == "" {
		t.Skip("set CLEAN_EVAL_ALL=1 to run every system")
	}
	dir := shareddata.Require(t, "data", "scrapinghub-aeb")
	if err := Run(context.Background(), dir, os.Stdout); err != nil {
		t.Fatal(err)
	}
}
