//go:build slow

package timeline

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
)

// TestTuneTrial sweeps the builder's options on the trial (Apple) corpus,
// the only data tuned on: go test -tags slow -run TuneTrial ./eval/timeline
func TestTuneTrial(t *testing.T) {
	root, err := findRoot(sharedDir)
	if err != nil {
		t.Skipf("data absent: %v", err)
	}
	lex, _ := loadEventLexicon(filepath.Join(root, "..", "tempeval3", "train", "TBAQ-cleaned"))
	st, err := steps()
	if err != nil {
		t.Fatal(err)
	}
	c, err := trialCorpus(root)
	if err != nil {
		t.Fatal(err)
	}
	bs, story, err := analyse(context.Background(), c, st)
	if err != nil {
		t.Fatal(err)
	}
	for _, trig := range []string{"events", "lexicon", "union"} {
		for _, args := range []bool{false, true} {
			for _, share := range []float64{0.3, 0.5} {
				for _, win := range []int{0, 3, 6} {
					for _, dct := range []bool{true} {
						for _, tie := range []bool{false, true} {
							for _, md := range []bool{false, true} {
								opt := Options{MinEventShare: share, Window: win, DCTFallback: dct, SameSentenceTie: tie, MainDate: md, Triggers: trig, Args: args}
								var sum Counts
								for _, e := range c.Entities {
									sum = sum.Add(Score(buildTimeline(e, bs, story, lex, opt), c.Gold[e]))
								}
								fmt.Printf("%+v P %.2f R %.2f F1 %.2f\n", opt, 100*sum.P(), 100*sum.R(), 100*sum.F1())
							}
						}
					}
				}
			}
		}
	}
}
