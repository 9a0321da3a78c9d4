package clean

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/eval/articlebench"
	"github.com/corroborate/corroborate/eval/internal/evaltest"
	"github.com/corroborate/corroborate/internal/shareddata"
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
	if f := evaltest.LastMetric(t, buf.String(), "F1"); f < 0.9 || f > 1 {
		t.Errorf("F1 = %.4f, want a value in [0.9, 1]", f)
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

// TestRunAll prints the whole evaluation (every system); it runs only when
// CLEAN_EVAL_ALL is set, e.g. CLEAN_EVAL_ALL=1 go test ./eval/clean -run TestRunAll -v.
func TestRunAll(t *testing.T) {
	if os.Getenv("CLEAN_EVAL_ALL") == "" {
		t.Skip("set CLEAN_EVAL_ALL=1 to run every system")
	}
	dir := shareddata.Require(t, "data", articlebench.Name)
	if err := Run(context.Background(), dir, os.Stdout); err != nil {
		t.Fatal(err)
	}
}
