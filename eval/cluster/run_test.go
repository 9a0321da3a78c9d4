package cluster

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/internal/shareddata"
)

// sampleEvents picks the news_cluster events of the fast check: those whose
// id ends in 1 or 4 (15 events, 88 articles), odd (tuned on) and even (held
// out) ones alike.
func sampleEvents(it item) bool { return it.topic%10 == 1 || it.topic%10 == 4 }

// measuredSampleB3F1 is the B³ F1 that evalNewsCluster measured on all the
// articles of the sample events (settings tuned on its odd-numbered
// events).
const measuredSampleB3F1 = 0.904

// TestNewsClusterSample runs the news_cluster evaluation (the cluster
// command's tagged preset, tuning, scoring) on a sample of the events and
// checks the B³ F1 stays near the value measured on that sample. The whole
// set is checked by TestNewsClusterB3 in the slow tier (go test -tags slow).
func TestNewsClusterSample(t *testing.T) {
	dir := shareddata.Require(t, "data", "giveme5w1h", "news_cluster", "data_raw")
	ctx := context.Background()
	all, err := loadNewsCluster(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	var items []item
	for _, it := range all {
		if sampleEvents(it) {
			items = append(items, it)
		}
	}
	if len(items) != 88 || countGold(items) != 15 {
		t.Fatalf("sample of %d articles in %d events, want 88 in 15", len(items), countGold(items))
	}
	if err := annotate(ctx, items); err != nil {
		t.Fatal(err)
	}
	for _, it := range items {
		if len(it.doc.Problems) > 0 || len(it.doc.Tokens) == 0 && it.doc.Text != "" {
			t.Fatalf("%s: not tagged (problems %v, %d tokens)", it.doc.ID, it.doc.Problems, len(it.doc.Tokens))
		}
	}
	s, err := evalNewsCluster(ctx, items, io.Discard, false)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("news_cluster sample: %d articles, %d clusters for %d events, B3 P %.3f R %.3f F1 %.4f", len(items), s.Predicted, s.Gold, s.B3P, s.B3R, s.B3F)
	if s.B3F < measuredSampleB3F1-0.02 {
		t.Errorf("news_cluster sample B3 F1 = %.4f, below the measured %.4f minus 0.02", s.B3F, measuredSampleB3F1)
	}
}

// TestRun runs the whole evaluation, peer included. It takes about a
// minute, so it runs only when CORROBORATE_FULL_EVAL=1.
func TestRun(t *testing.T) {
	if testing.Short() || os.Getenv("CORROBORATE_FULL_EVAL") != "1" {
		t.Skip("slow (about a minute): set CORROBORATE_FULL_EVAL=1 to run the whole evaluation with its peer")
	}
	shareddata.Require(t, "data", "giveme5w1h", "news_cluster", "data_raw")
	ecb := shareddata.Require(t, "data", "ecbplus")
	var buf bytes.Buffer
	if err := Run(context.Background(), filepath.Dir(ecb), &buf); err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + buf.String())
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	last := strings.Fields(lines[len(lines)-1])
	if len(last) != 2 || last[0] != "B3-F1" {
		t.Fatalf("last line %q, want \"B3-F1 <value>\"", lines[len(lines)-1])
	}
	if _, err := strconv.ParseFloat(last[1], 64); err != nil {
		t.Fatal(err)
	}
}

func TestRunMissingData(t *testing.T) {
	err := Run(context.Background(), t.TempDir(), io.Discard)
	if err == nil || !strings.Contains(err.Error(), "news_cluster") {
		t.Fatalf("Run on an empty folder: err = %v, want one naming news_cluster", err)
	}
}
