package extract

import (
	"bytes"
	"context"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/eval/articlebench"
	"github.com/corroborate/corroborate/eval/internal/evaltest"
)

// samplePages is how many pages the default test runs the extractors on;
// the whole benchmark (181 pages) runs in the slow tier (run_slow_test.go).
const samplePages = 12

// TestRun runs the evaluation on the shared benchmark, the extractors on
// the first samplePages pages (skipped with -short), and checks the scorer
// against the published table and the F1 of extraction + cleaning.
func TestRun(t *testing.T) {
	// Measured F1 0.9731 on the 12-page sample (2026-12-05).
	checkRun(t, samplePages, 0.963)
}

// checkRun runs the evaluation on limit pages (0: all) and checks that the
// scorer reproduces the published F1 of the stored outputs and that the
// final F1 is at least floor.
func checkRun(t *testing.T, limit int, floor float64) {
	t.Helper()
	dir := evaltest.SharedData(t, "data", articlebench.Name)
	var buf bytes.Buffer
	if err := run(context.Background(), dir, &buf, limit); err != nil {
		t.Fatal(err)
	}
	out := strings.TrimSpace(buf.String())
	t.Log("\n" + out)
	if f1 := evaltest.LastMetric(t, out, "F1"); f1 < floor || f1 > 1 {
		t.Errorf("F1 %.4f below the floor %.3f (or above 1)", f1, floor)
	}
	worst, err := scorerDifference(out)
	if err != nil {
		t.Fatal(err)
	}
	if worst > 0.001 {
		t.Errorf("scorer is %.4f off the published F1 numbers", worst)
	}
}

// scorerDifference reads the line giving the largest difference between
// our scorer and the published table; its absence is an error, so that a
// change of the output cannot pass the check unseen.
func scorerDifference(out string) (float64, error) {
	const prefix = "largest F1 difference from the published table: "
	for _, l := range strings.Split(out, "\n") {
		if rest, ok := strings.CutPrefix(l, prefix); ok {
			v, err := strconv.ParseFloat(strings.TrimSpace(rest), 64)
			if err != nil {
				return 0, fmt.Errorf("line %q: %w", l, err)
			}
			return v, nil
		}
	}
	return 0, fmt.Errorf("no line %q in the output", strings.TrimSpace(prefix))
}

func TestScorerDifference(t *testing.T) {
	tests := []struct {
		out     string
		want    float64
		wantErr bool
	}{
		{"x\nlargest F1 difference from the published table: 0.0005\n\nF1 0.97", 0.0005, false},
		{"x\nlargest F1 difference from the published table: 0.0120", 0.012, false},
		{"x\nF1 0.97", 0, true},
		{"largest F1 difference from the published table: much", 0, true},
	}
	for _, tt := range tests {
		got, err := scorerDifference(tt.out)
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("scorerDifference(%q) = %v, %v; want %v, error %v", tt.out, got, err, tt.want, tt.wantErr)
		}
	}
}
