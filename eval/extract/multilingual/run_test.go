package multilingual

import (
	"bytes"
	"context"
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

// TestRun runs the evaluation on a sample of pages, or on all of them
// (about 3 minutes) when $CORROBORATE_FULL_EVAL is set; skipped with -short.
func TestRun(t *testing.T) {
	dir := evaltest.SharedData(t, "data", snippetbench.Name)
	var buf bytes.Buffer
	if err := run(context.Background(), dir, &buf, evaltest.Limit(20)); err != nil {
		t.Fatal(err)
	}
	out := strings.TrimSpace(buf.String())
	t.Log("\n" + out)
	if f1 := evaltest.LastMetric(t, out, "F1"); f1 <= 0 || f1 > 1 {
		t.Errorf("F1 %.4f out of (0, 1]", f1)
	}
}
