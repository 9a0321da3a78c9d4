//go:build slow

package timeline

import (
	"context"
	"fmt"
	"os"
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
	var opts []Options
	for _, trig := range []string{"events", "lexicon", "union"} {
		for _, win := range []int{2, 3, 4} {
			for _, share := range []float64{0.3, 0.5} {
				o := defaultOptions
				o.Triggers, o.Window, o.MinEventShare = trig, win, share
				opts = append(opts, o)
			}
		}
	}
	for _, opt := range opts {
		var sum Counts
		for _, e := range c.Entities {
			sum = sum.Add(Score(buildTimeline(e, c.Entities, bs, story, lex, opt), goldOf(c, e)))
		}
		fmt.Printf("%+v P %.2f R %.2f F1 %.2f\n", opt, 100*sum.P(), 100*sum.R(), 100*sum.F1())
	}
}

// TestDebugTrial prints, per trial target, how many gold events the
// builder found and dated right: go test -tags slow -run DebugTrial
func TestDebugTrial(t *testing.T) {
	root, err := findRoot(sharedDir)
	if err != nil {
		t.Skip(err)
	}
	lex, _ := loadEventLexicon(filepath.Join(root, "..", "tempeval3", "train", "TBAQ-cleaned"))
	st, _ := steps()
	c, _ := trialCorpus(root)
	bs, story, _ := analyse(context.Background(), c, st)
	for _, e := range c.Entities {
		sys := buildTimeline(e, c.Entities, bs, story, lex, defaultOptions)
		sysDate := map[string]string{}
		for _, r := range sys.Rows {
			for _, ev := range r.Events {
				sysDate[ev] = r.Date
			}
		}
		found, total, dateOK := 0, 0, 0
		for _, r := range goldOf(c, e).Rows {
			for _, ev := range r.Events {
				total++
				d, ok := sysDate[ev]
				if ok {
					found++
					if d == r.Date {
						dateOK++
					}
				}
				if os.Getenv("V") != "" {
					fmt.Printf("%s\t%d\t%s\t%-25s\tsys=%v %s\n", e, r.Pos, r.Date, ev, ok, d)
				}
			}
		}
		fmt.Printf("== %s gold %d found %d dateOK %d sys %d\n", e, total, found, dateOK, len(sysDate))
	}
}

// TestRecallTrial breaks the trial's missed gold relations down by kind
// and by whether the system has their events.
func TestRecallTrial(t *testing.T) {
	root, err := findRoot(sharedDir)
	if err != nil {
		t.Skip(err)
	}
	lex, _ := loadEventLexicon(filepath.Join(root, "..", "tempeval3", "train", "TBAQ-cleaned"))
	st, _ := steps()
	c, _ := trialCorpus(root)
	bs, story, _ := analyse(context.Background(), c, st)
	stats := map[string]int{}
	for _, e := range c.Entities {
		sys := buildTimeline(e, c.Entities, bs, story, lex, defaultOptions)
		gs, rs := relations(sys, goldOf(c, e))
		gg, rg := relations(goldOf(c, e), sys)
		for _, r := range rg {
			_, a := gs.index[r.a]
			_, b := gs.index[r.b]
			k := fmt.Sprintf("gold kind %d have %v/%v ok %v", r.kind, a, b, gs.entails(r))
			stats[k]++
		}
		for _, r := range rs {
			_, a := gg.index[r.a]
			_, b := gg.index[r.b]
			k := fmt.Sprintf("sys kind %d have %v/%v ok %v", r.kind, a, b, gg.entails(r))
			stats[k]++
		}
	}
	for k, n := range stats {
		fmt.Println(n, k)
	}
}

// TestExtraTrial lists system events of the trial that no gold timeline
// of the target has.
func TestExtraTrial(t *testing.T) {
	root, err := findRoot(sharedDir)
	if err != nil {
		t.Skip(err)
	}
	lex, _ := loadEventLexicon(filepath.Join(root, "..", "tempeval3", "train", "TBAQ-cleaned"))
	st, _ := steps()
	c, _ := trialCorpus(root)
	bs, story, _ := analyse(context.Background(), c, st)
	for _, e := range c.Entities {
		gold := map[string]bool{}
		for _, r := range goldOf(c, e).Rows {
			for _, ev := range r.Events {
				gold[ev] = true
			}
		}
		for _, r := range buildTimeline(e, c.Entities, bs, story, lex, defaultOptions).Rows {
			for _, ev := range r.Events {
				if !gold[ev] && r.Pos > 0 {
					fmt.Printf("extra %s\t%s\t%s\n", e, r.Date, ev)
				}
			}
		}
	}
}

func goldOf(c *Corpus, e string) Timeline {
	tl, _ := c.GoldFor(e)
	return tl
}
