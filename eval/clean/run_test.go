package clean

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/eval/articlebench"
	"github.com/corroborate/corroborate/eval/internal/evaltest"
)

// TestRun runs the evaluation on the shared benchmark for the headline
// system (skipped when the data is absent or with -short) and checks that
// the last line is a metric and that cleaning did not lower F1.
func TestRun(t *testing.T) {
	dir := evaltest.SharedData(t, "data", articlebench.Name)
	var buf bytes.Buffer
	peer, ours, err := run(context.Background(), dir, &buf, Systems[:1])
	if err != nil {
		t.Fatal(err)
	}
	if ours.F1 < peer.F1 || ours.Precision < peer.Precision {
		t.Errorf("cleaning lowered the scores: peer %+v, ours %+v", peer, ours)
	}
	if peer.Recall-ours.Recall > 0.01 {
		t.Errorf("cleaning cost %.4f recall (peer %.4f, ours %.4f)", peer.Recall-ours.Recall, peer.Recall, ours.Recall)
	}
	// Measured F1 0.9516 for go_readability_fork's output, 0.947 before
	// cleaning (2026-12-05; 0.9509 before cleaning inside flattened lines).
	if f := evaltest.LastMetric(t, buf.String(), "F1"); f < 0.9416 || f > 1 {
		t.Errorf("F1 = %.4f, want a value in [0.9416, 1]", f)
	}
	t.Log(buf.String())
}

func TestRunMissingData(t *testing.T) {
	err := Run(context.Background(), t.TempDir(), &bytes.Buffer{})
	if err == nil || !strings.Contains(err.Error(), "ground-truth.json") {
		t.Errorf("err = %v, want one naming the missing file", err)
	}
}

func TestHost(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://www.example.org/news/1", "example.org"},
		{"http://news.example.com:8080/a", "news.example.com"},
		{"", ""},
		{"://bad url", ""},
	}
	for _, tt := range tests {
		if got := host(tt.in); got != tt.want {
			t.Errorf("host(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
