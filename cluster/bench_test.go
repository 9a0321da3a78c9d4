package cluster

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/corroborate/corroborate/document"
)

// synthetic builds n documents of a made-up stream: a new event every 20
// documents, each document drawn from one of the 10 most recent events (8
// of its 20 topic words plus 30 background words), ten minutes apart.
func synthetic(n int, seed uint64) ([]*document.Document, []int) {
	r := rand.New(rand.NewPCG(seed, 1))
	word := func(prefix string, i int) string { return prefix + strconv.Itoa(i) }
	docs := make([]*document.Document, n)
	events := make([]int, n)
	start := time.Date(2031, 1, 1, 0, 0, 0, 0, time.UTC)
	var b strings.Builder
	for i := range docs {
		newest := i / 20
		ev := newest - r.IntN(min(10, newest+1))
		b.Reset()
		for k := 0; k < 8; k++ {
			b.WriteString(word("topic", ev*20+r.IntN(20)))
			b.WriteByte(' ')
		}
		for k := 0; k < 30; k++ {
			b.WriteString(word("common", int(r.ExpFloat64()*500)))
			b.WriteByte(' ')
		}
		docs[i] = tagged(&document.Document{
			ID:        "d" + strconv.Itoa(i),
			Title:     word("topic", ev*20) + " " + word("topic", ev*20+1),
			Text:      b.String(),
			Published: document.Date{Time: start.Add(time.Duration(i) * 10 * time.Minute)},
			Mentions:  []document.Mention{{Text: word("Place", ev), Type: document.EntityLoc}},
		})
		events[i] = ev
	}
	return docs, events
}

// BenchmarkAdd measures the cost per document as the stream grows; the
// docs/s figure should stay roughly flat from 10k to 100k documents.
func BenchmarkAdd(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		docs, _ := synthetic(n, 7)
		b.Run(fmt.Sprintf("docs=%d", n), func(b *testing.B) {
			for b.Loop() {
				c := New(Options{Window: 2 * 24 * time.Hour, DecayHalfLife: 24 * time.Hour})
				for _, d := range docs {
					c.Add(d)
				}
			}
			b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "docs/s")
		})
	}
}

// TestSyntheticStream checks on a small synthetic stream that the events
// are found (nearly) as made and that old stories leave the live set.
func TestSyntheticStream(t *testing.T) {
	docs, events := synthetic(3000, 11)
	c := New(Options{Window: 2 * 24 * time.Hour, DecayHalfLife: 24 * time.Hour})
	got := make([]string, len(docs))
	for i, d := range docs {
		got[i] = c.Add(d)
	}
	// Purity: the share of documents whose story's majority event is theirs.
	byStory := map[string]map[int]int{}
	for i, s := range got {
		if byStory[s] == nil {
			byStory[s] = map[int]int{}
		}
		byStory[s][events[i]]++
	}
	pure := 0
	for _, counts := range byStory {
		best := 0
		for _, n := range counts {
			best = max(best, n)
		}
		pure += best
	}
	nEvents := events[len(events)-1] + 1
	if p := float64(pure) / float64(len(docs)); p < 0.95 {
		t.Errorf("purity %.3f, want ≥ 0.95", p)
	}
	if n := c.Len(); n > 2*nEvents {
		t.Errorf("%d stories for %d events: too fragmented", n, nEvents)
	}
	if len(c.live) >= c.Len() {
		t.Errorf("%d live of %d stories: none expired after 500 hours of stream with a 2-day window", len(c.live), c.Len())
	}
}
