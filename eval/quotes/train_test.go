package quotes

import (
	"bytes"
	"context"
	"os"
	"strconv"
	"testing"

	"github.com/corroborate/corroborate/internal/shareddata"
)

// TestTrainLoop scores the PolNeAR train split: the development loop for
// tuning the quote stage (dev is reported, not tuned on). It is slow, so
// it runs only when CORROBORATE_QUOTES_TRAIN is set; a number there keeps
// only that many articles (a quicker sample):
//
//	CORROBORATE_QUOTES_TRAIN=all go test ./eval/quotes -run TrainLoop -v
func TestTrainLoop(t *testing.T) {
	lim := os.Getenv("CORROBORATE_QUOTES_TRAIN")
	if lim == "" {
		t.Skip("set CORROBORATE_QUOTES_TRAIN=all (or a number of articles) to score PolNeAR train")
	}
	dir := shareddata.Require(t, "data", "polnear", "train")
	arts, err := ReadDev(dir)
	if err != nil {
		t.Fatal(err)
	}
	if n, err := strconv.Atoi(lim); err == nil && n < len(arts) {
		arts = arts[:n]
	}
	r, err := Score(context.Background(), arts)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	Print(&out, dir, r)
	t.Log("\n" + out.String())
}
