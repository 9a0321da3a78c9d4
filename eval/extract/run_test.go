package extract

import (
	"bytes"
	"context"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/internal/shareddata"
)

// TestRun runs the evaluation on the shared benchmark and checks the
// report's shape and that the scorer matches the published table. It runs
// the extractors on a sample of pages unless $CORROBORATE_FULL_EVAL is set
// (about 30 s), and is skipped with -short.
func TestRun(t *testing.T) {
	if testing.Short() {
		t.Skip("extraction benchmark skipped in -short mode")
	}
	dir := shareddata.Require(t, "data", benchDir)
	limit := 12
	if os.Getenv("CORROBORATE_FULL_EVAL") != "" {
		limit = 0
	}
	var buf bytes.Buffer
	if err := run(context.Background(), dir, &buf, limit); err != nil {
		t.Fatal(err)
	}
	out := strings.TrimSpace(buf.String())
	t.Log("\n" + out)
	lines := strings.Split(out, "\n")
	last := strings.Fields(lines[len(lines)-1])
	if len(last) != 2 || last[0] != "F1" {
		t.Fatalf("last line %q, want \"F1 <value>\"", lines[len(lines)-1])
	}
	f1, err := strconv.ParseFloat(last[1], 64)
	if err != nil || f1 < 0.8 || f1 > 1 {
		t.Errorf("F1 %q out of the expected range", last[1])
	}
	var worst float64
	for _, l := range lines {
		if rest, ok := strings.CutPrefix(l, "largest F1 difference from the published table: "); ok {
			worst, _ = strconv.ParseFloat(rest, 64)
		}
	}
	if worst > 0.001 {
		t.Errorf("scorer is %.4f off the published F1 numbers", worst)
	}
}
