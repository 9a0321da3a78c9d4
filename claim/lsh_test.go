package claim

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/corroborate/corroborate/document"
)

// syntheticDocs makes n short documents of 30 words drawn from a
// 5,000-word vocabulary; every tenth document is a light edit (one word
// replaced) of a random earlier one. It returns the texts and the planted
// near-duplicate pairs.
func syntheticDocs(n int, seed uint64) ([]string, [][2]int) {
	r := rand.New(rand.NewPCG(seed, 7))
	vocab := make([]string, 5000)
	for i := range vocab {
		vocab[i] = fmt.Sprintf("w%x", i*2654435761%1000003)
	}
	docs := make([]string, n)
	words := make([][]string, n)
	var planted [][2]int
	for i := range docs {
		var ws []string
		if i%10 == 9 {
			src := r.IntN(i)
			ws = append([]string(nil), words[src]...)
			for k := 0; k < 1; k++ {
				ws[r.IntN(len(ws))] = vocab[r.IntN(len(vocab))]
			}
			planted = append(planted, [2]int{src, i})
		} else {
			ws = make([]string, 30)
			for k := range ws {
				ws[k] = vocab[r.IntN(len(vocab))]
			}
		}
		words[i] = ws
		docs[i] = strings.Join(ws, " ")
	}
	return docs, planted
}

// indexAll streams docs through MinHash and the LSH index and returns the
// candidate pairs found.
func indexAll(tb testing.TB, docs []string) map[[2]int]bool {
	mh := NewMinHasher(128)
	lsh := NewLSH(32, 4)
	cands := map[[2]int]bool{}
	for i, d := range docs {
		sh := Shingles(d, document.Span{Start: 0, End: len(d)}, ShingleSize)
		got, err := lsh.Add(int32(i), mh.Signature(hashesOf(sh)))
		if err != nil {
			tb.Fatal(err)
		}
		for _, o := range got {
			cands[[2]int{int(o), i}] = true
		}
	}
	return cands
}

func TestLSHFindsPlantedDuplicates(t *testing.T) {
	n := 5000
	docs, planted := syntheticDocs(n, 1)
	cands := indexAll(t, docs)
	found := 0
	for _, p := range planted {
		if cands[p] {
			found++
		}
	}
	recall := float64(found) / float64(len(planted))
	if recall < 0.95 {
		t.Errorf("recall of planted near-duplicates %.3f (%d/%d), want ≥ 0.95", recall, found, len(planted))
	}
	// Sub-quadratic: candidates stay near the planted pairs, far below the
	// n²/2 pairs a full comparison would check.
	if len(cands) > 2*len(planted)+n/100 {
		t.Errorf("%d candidate pairs for %d documents (%d planted): the index is not selective", len(cands), n, len(planted))
	}
}

func TestMinHashEstimate(t *testing.T) {
	mh := NewMinHasher(256)
	a := make([]uint64, 0, 200)
	b := make([]uint64, 0, 200)
	for i := uint64(0); i < 200; i++ {
		a = append(a, splitmix(i))
		b = append(b, splitmix(i+100)) // overlap 100 of 300: J = 1/3
	}
	got := EstimateJaccard(mh.Signature(a), mh.Signature(b))
	if got < 0.25 || got > 0.42 {
		t.Errorf("estimate %.3f, want about 0.333", got)
	}
	if EstimateJaccard(mh.Signature(nil), mh.Signature(nil)) != 0 {
		t.Error("empty sets must not look similar")
	}
}

func TestLSHShortSignature(t *testing.T) {
	if _, err := NewLSH(32, 4).Add(1, make([]uint64, 10)); err == nil {
		t.Error("short signature: want error")
	}
}

// BenchmarkLSH100k streams 100,000 synthetic documents through MinHash
// and the LSH index and reports documents per second and candidate pairs.
func BenchmarkLSH100k(b *testing.B) {
	docs, planted := syntheticDocs(100_000, 1)
	b.ResetTimer()
	for b.Loop() {
		start := time.Now()
		cands := indexAll(b, docs)
		el := time.Since(start).Seconds()
		found := 0
		for _, p := range planted {
			if cands[p] {
				found++
			}
		}
		b.ReportMetric(float64(len(docs))/el, "docs/s")
		b.ReportMetric(float64(len(cands)), "candidate-pairs")
		b.ReportMetric(float64(found)/float64(len(planted)), "planted-recall")
	}
}

// BenchmarkLink times the whole comparison on the invented story.
func BenchmarkLink(b *testing.B) {
	s := inventedStory(b)
	c := New()
	for b.Loop() {
		if err := c.Link(b.Context(), s); err != nil {
			b.Fatal(err)
		}
	}
}
