package eventmention

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/internal/shareddata"
	"github.com/corroborate/corroborate/internal/timeml"
)

func TestCountsAdd(t *testing.T) {
	gold := []timeml.Event{
		{Start: 0, End: 4, Class: "OCCURRENCE", Polarity: "POS"},
		{Start: 10, End: 14, Class: "REPORTING", Polarity: "NEG"},
		{Start: 20, End: 25, Class: "STATE", Polarity: "POS", Modality: "could"},
	}
	sys := []document.EventMention{
		{Span: document.Span{Start: 0, End: 4}, Class: "OCCURRENCE", Polarity: "POS"},
		{Span: document.Span{Start: 11, End: 14}, Class: "OCCURRENCE", Polarity: "NEG"}, // relaxed only, wrong class
		{Span: document.Span{Start: 30, End: 33}, Class: "STATE", Polarity: "POS"},      // spurious
	}
	var c Counts
	c.Add(gold, sys)
	want := Counts{Gold: 3, System: 3, Strict: 1, Relaxed: 2, Class: 1, Polarity: 2, Modality: 2}
	if c != want {
		t.Fatalf("counts %+v, want %+v", c, want)
	}
	s := c.Scores()
	if s.StrictF1 != 1.0/3 || s.RelaxedF1 != 2.0/3 || s.ClassF1 != 2.0/3*0.5 {
		t.Errorf("scores %+v", s)
	}
}

// TestRun runs the evaluation on the platinum set and checks the figure
// stays near the one measured (F1 0.8152, class F1 0.7015 with the
// committed model).
func TestRun(t *testing.T) {
	dir := shareddata.Require(t, "data", "tempeval3")
	var buf bytes.Buffer
	if err := Run(context.Background(), dir, &buf); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	lines := strings.Split(strings.TrimSpace(out), "\n")
	last := lines[len(lines)-1]
	var f1 float64
	if _, err := fmtSscan(last, &f1); err != nil {
		t.Fatalf("last line %q: %v", last, err)
	}
	if f1 < 0.81 {
		t.Errorf("F1 %.4f, below 0.81\n%s", f1, out)
	}
	var acc, classF1 float64
	for _, l := range lines {
		if strings.HasPrefix(l, "class accuracy") {
			if _, err := fmt.Sscanf(l, "class accuracy %f  class F1 %f", &acc, &classF1); err != nil {
				t.Fatalf("line %q: %v", l, err)
			}
		}
	}
	if classF1 < 69.5 {
		t.Errorf("class F1 %.2f, below 69.5\n%s", classF1, out)
	}
	if !strings.Contains(out, "ATT-1") {
		t.Errorf("no anchor in the output:\n%s", out)
	}
}

func fmtSscan(line string, f *float64) (int, error) { return fmt.Sscanf(line, "F1 %f", f) }
