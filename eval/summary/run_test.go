package summary

import (
	"bytes"
	"context"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/eval/internal/evaltest"
)

// sample is what the default test evaluates: 5 articles for the
// one-sentence part and 4 leave-one-out runs of 2 events; the whole data
// runs in the slow tier (run_slow_test.go).
var sample = limits{articles: 5, events: 2, runs: 4}

// TestRun runs the evaluation on a sample of the shared Giveme5W1H data
// (skipped with -short) and checks the output's shape and the ROUGE-2 of
// the multi-document part.
func TestRun(t *testing.T) {
	// Measured ROUGE-2 0.0807 on the sample (2026-12-05).
	checkRun(t, sample, 0.0757)
}

// checkRun runs the evaluation within lim and checks the final metric line,
// that every system appears in both tables, and that our ROUGE-2 is at
// least floor; it returns the leave-one-out ROUGE-2 of each system.
func checkRun(t *testing.T, lim limits, floor float64) map[string]float64 {
	t.Helper()
	dir := evaltest.SharedData(t, "data", "giveme5w1h")
	var buf bytes.Buffer
	if err := run(context.Background(), dir, &buf, lim); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	t.Log("\n" + out)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	last := lines[len(lines)-1]
	if !regexp.MustCompile(`^ROUGE-2 0\.\d{4}$`).MatchString(last) {
		t.Errorf("last line %q is not `ROUGE-2 <value>`", last)
	}
	for _, s := range systems {
		if strings.Count(out, "   "+s) != 2 {
			t.Errorf("system %s does not appear in both tables", s)
		}
	}
	if r2 := evaltest.LastMetric(t, out, "ROUGE-2"); r2 < floor {
		t.Errorf("ROUGE-2 %.4f below the floor %.4f", r2, floor)
	}
	return leaveOneOutR2(t, out)
}

// leaveOneOutR2 reads the R2 column of table B (leave-one-out).
func leaveOneOutR2(t *testing.T, out string) map[string]float64 {
	t.Helper()
	i := strings.Index(out, "\nB. ")
	if i < 0 {
		t.Fatalf("no table B in:\n%s", out)
	}
	r2 := map[string]float64{}
	for _, l := range strings.Split(out[i:], "\n") {
		f := strings.Fields(l)
		if len(f) == 4 {
			if v, err := strconv.ParseFloat(f[2], 64); err == nil {
				r2[f[0]] = v
			}
		}
	}
	for _, s := range systems {
		if _, ok := r2[s]; !ok {
			t.Fatalf("no row for %s in table B:\n%s", s, out[i:])
		}
	}
	return r2
}

func TestRunMissingData(t *testing.T) {
	err := Run(context.Background(), t.TempDir(), &bytes.Buffer{})
	if err == nil || !strings.Contains(err.Error(), "giveme5w1h") {
		t.Errorf("missing data: err = %v, want one naming giveme5w1h", err)
	}
}
