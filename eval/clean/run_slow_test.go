//go:build slow

package clean

import (
	"bytes"
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/eval/articlebench"
	"github.com/corroborate/corroborate/eval/internal/evaltest"
)

// TestRunAll runs the whole evaluation, every stored system's output (about
// 2 s of CPU), and checks for each that cleaning raised or kept its F1 and
// cost at most 0.01 recall. It is in the slow tier: go test -tags slow ./eval/...
func TestRunAll(t *testing.T) {
	dir := evaltest.SharedData(t, "data", articlebench.Name)
	var buf bytes.Buffer
	if err := Run(context.Background(), dir, &buf); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	t.Log("\n" + out)
	rows := 0
	for _, l := range strings.Split(out, "\n") {
		f := strings.Fields(l)
		// Table rows start at the margin; the removals listed under a
		// row are indented.
		if len(f) < 3 || !isSystem(f[0]) || !strings.HasPrefix(l, f[0]) {
			continue
		}
		peer, ours := prf(t, f[1]), prf(t, f[2])
		rows++
		if ours[2] < peer[2] {
			t.Errorf("%s: cleaning lowered F1 from %.3f to %.3f", f[0], peer[2], ours[2])
		}
		if peer[1]-ours[1] > 0.01 {
			t.Errorf("%s: cleaning cost %.3f recall", f[0], peer[1]-ours[1])
		}
	}
	if rows != len(Systems) {
		t.Errorf("%d system rows, want %d", rows, len(Systems))
	}
	// Measured F1 0.9516 for the headline system (2026-12-05).
	if f := evaltest.LastMetric(t, out, "F1"); f < 0.9416 {
		t.Errorf("F1 = %.4f below the floor 0.9416", f)
	}
}

func isSystem(name string) bool {
	for _, s := range Systems {
		if s == name {
			return true
		}
	}
	return false
}

// prf parses "P/R/F1".
func prf(t *testing.T, cell string) [3]float64 {
	t.Helper()
	var v [3]float64
	parts := strings.Split(cell, "/")
	if len(parts) != 3 {
		t.Fatalf("cell %q is not P/R/F1", cell)
	}
	for i, p := range parts {
		x, err := strconv.ParseFloat(p, 64)
		if err != nil {
			t.Fatalf("cell %q: %v", cell, err)
		}
		v[i] = x
	}
	return v
}
