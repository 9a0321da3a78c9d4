//go:build slow

package resolve

import (
	"bytes"
	"context"
	"regexp"
	"strconv"
	"testing"

	"github.com/corroborate/corroborate/eval/internal/evaltest"
)

// TestRunANETAC runs the whole evaluation on the shared data: ANETAC name
// variants and, beside them, ECB+ entity coreference (about 5 s of CPU). It
// is in the slow tier: go test -tags slow ./eval/...
func TestRunANETAC(t *testing.T) {
	dir := evaltest.SharedData(t, "data", "anetac")
	var buf bytes.Buffer
	if err := Run(context.Background(), dir, &buf); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	t.Log("\n" + out)
	// Measured PairF1 0.8617 on the held-out half (2026-12-05).
	if f1 := evaltest.LastMetric(t, out, "PairF1"); f1 < 0.852 || f1 > 1 {
		t.Errorf("ANETAC PairF1 %.4f below the floor 0.852 (or above 1)", f1)
	}
	// The first "corroborate resolve" row is all topics 1-35: measured
	// CoNLL F1 0.4723 against 0.4640 for exact name strings.
	m := regexp.MustCompile(`corroborate resolve .*CoNLL F1 ([0-9.]+)`).FindStringSubmatch(out)
	if m == nil {
		t.Fatal("no ECB+ row for corroborate resolve (is ../shared/data/ecbplus present?)")
	}
	if conll, _ := strconv.ParseFloat(m[1], 64); conll < 0.467 {
		t.Errorf("ECB+ CoNLL F1 %.4f below the floor 0.467", conll)
	}
}
