package extract

import (
	"bytes"
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/eval/articlebench"
	"github.com/corroborate/corroborate/eval/internal/evaltest"
)

// TestRun runs the evaluation on the shared benchmark and checks the
// report's shape and that the scorer matches the published table. It runs
// the extractors on a sample of pages unless $CORROBORATE_FULL_EVAL is set
// (about 30 s), and is skipped with -short.
func TestRun(t *testing.T) {
	dir := evaltest.SharedData(t, "data", articlebench.Name)
	var buf bytes.Buffer
	if err := run(context.Background(), dir, &buf, evaltest.Limit(12)); err != nil {
		t.Fatal(err)
	}
	out := strings.TrimSpace(buf.String())
	t.Log("\n" + out)
	if f1 := evaltest.LastMetric(t, out, "F1"); f1 < 0.8 || f1 > 1 {
		t.Errorf("F1 %.4f out of the expected range", f1)
	}
	var worst float64
	for _, l := range strings.Split(out, "\n") {
		if rest, ok := strings.CutPrefix(l, "largest F1 difference from the published table: "); ok {
			worst, _ = strconv.ParseFloat(rest, 64)
		}
	}
	if worst > 0.001 {
		t.Errorf("scorer is %.4f off the published F1 numbers", worst)
	}
}
