package multilingual

import (
	"bytes"
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/eval/internal/evaltest"
	"github.com/corroborate/corroborate/eval/snippetbench"
)

func TestCounts(t *testing.T) {
	tests := []struct {
		text          string
		with, without []string
		want          Counts
	}{
		{"The  river\nrose fast.", []string{"river rose"}, []string{"Imprint"}, Counts{TP: 1, TN: 1}},
		{"Imprint and more", []string{"river"}, []string{"Imprint"}, Counts{FN: 1, FP: 1}},
		{"", []string{"a"}, nil, Counts{FN: 1}},
	}
	for _, tt := range tests {
		var c Counts
		c.Add(tt.text, tt.with, tt.without)
		if c != tt.want {
			t.Errorf("Add(%q) = %+v, want %+v", tt.text, c, tt.want)
		}
	}
	p, r, acc, f1 := Counts{TP: 3, FP: 1, FN: 1, TN: 5}.Scores()
	if p != 0.75 || r != 0.75 || acc != 0.8 || f1 != 0.75 {
		t.Errorf("Scores = %v %v %v %v", p, r, acc, f1)
	}
}

// samplePages is how many pages the default test evaluates; the whole
// benchmark (990 pages) runs in the slow tier (run_slow_test.go).
const samplePages = 20

// TestRun runs the evaluation on the first samplePages pages (skipped with
// -short).
func TestRun(t *testing.T) {
	// Measured F1 0.7761 on the 20-page sample (2026-12-05).
	checkRun(t, samplePages, 0.766)
}

// checkRun runs the evaluation on limit pages (0: all) and checks that the
// final F1 is at least floor and that ours beats go-trafilatura run
// beside it.
func checkRun(t *testing.T, limit int, floor float64) {
	t.Helper()
	dir := evaltest.SharedData(t, "data", snippetbench.Name)
	var buf bytes.Buffer
	if err := run(context.Background(), dir, &buf, limit); err != nil {
		t.Fatal(err)
	}
	out := strings.TrimSpace(buf.String())
	t.Log("\n" + out)
	if f1 := evaltest.LastMetric(t, out, "F1"); f1 < floor || f1 > 1 {
		t.Errorf("F1 %.4f below the floor %.3f (or above 1)", f1, floor)
	}
	ours, peer := rowF1(t, out, "extract (ours)"), rowF1(t, out, "go-trafilatura default")
	if ours < peer {
		t.Errorf("extract F1 %.3f below go-trafilatura's %.3f on the same pages", ours, peer)
	}
}

// rowF1 reads the F1 column (the fourth number) of the table row of a
// system.
func rowF1(t *testing.T, out, system string) float64 {
	t.Helper()
	for _, l := range strings.Split(out, "\n") {
		if rest, ok := strings.CutPrefix(l, system+" "); ok {
			f := strings.Fields(rest)
			if len(f) >= 4 {
				if v, err := strconv.ParseFloat(f[3], 64); err == nil {
					return v
				}
			}
		}
	}
	t.Fatalf("no table row for %s in:\n%s", system, out)
	return 0
}
