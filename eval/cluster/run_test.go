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

// measuredB3F1 is the news_cluster B³ F1 measured with Run on all 419
// articles (settings tuned on the odd-numbered events).
const measuredB3F1 = 0.884

// TestNewsClusterB3 clusters news_cluster with the tuned settings and
// checks the B³ F1 stays near the measured value.
func TestNewsClusterB3(t *testing.T) {
	if testing.Short() {
		t.Skip("slow (about 10 s): annotates and clusters news_cluster 200 times")
	}
	dir := shareddata.Require(t, "data", "giveme5w1h", "news_cluster", "data_raw")
	ctx := context.Background()
	items, err := loadNewsCluster(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 419 || countGold(items) != 70 {
		t.Fatalf("read %d articles in %d events, want 419 in 70", len(items), countGold(items))
	}
	if err := annotate(ctx, items); err != nil {
		t.Fatal(err)
	}
	s, err := evalNewsCluster(ctx, items, io.Discard, false)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("news_cluster: %d clusters for %d events, B3 P %.3f R %.3f F1 %.4f", s.Predicted, s.Gold, s.B3P, s.B3R, s.B3F)
	if s.B3F < measuredB3F1-0.02 {
		t.Errorf("news_cluster B3 F1 = %.4f, below the measured %.4f minus 0.02", s.B3F, measuredB3F1)
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
