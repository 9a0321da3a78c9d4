package resolve

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/document"
)

// syntheticStory builds a story of docs documents with perDoc mentions
// each: invented two-part names with spelling variants, surnames alone,
// and organization names.
func syntheticStory(docs, perDoc int, seed uint64) *document.Story {
	rng := rand.New(rand.NewPCG(seed, 7))
	cons := []string{"b", "d", "f", "h", "j", "k", "l", "m", "n", "r", "s", "t", "z", "sh", "kh", "q"}
	vows := []string{"a", "i", "u", "e", "o"}
	word := func() string {
		var b strings.Builder
		n := 2 + rng.IntN(2)
		for i := 0; i < n; i++ {
			b.WriteString(cons[rng.IntN(len(cons))])
			b.WriteString(vows[rng.IntN(len(vows))])
		}
		b.WriteString(cons[rng.IntN(len(cons))])
		w := b.String()
		return strings.ToUpper(w[:1]) + w[1:]
	}
	firsts := make([]string, 400)
	for i := range firsts {
		firsts[i] = word()
	}
	lasts := make([]string, 20000)
	for i := range lasts {
		lasts[i] = word()
	}
	variant := func(w string) string {
		switch rng.IntN(4) {
		case 0:
			return strings.Replace(w, "i", "e", 1)
		case 1:
			return strings.Replace(w, "u", "o", 1)
		}
		return w
	}
	s := document.NewStory()
	for d := 0; d < docs; d++ {
		var text strings.Builder
		var ms []document.Mention
		for m := 0; m < perDoc; m++ {
			p := rng.IntN(len(lasts))
			var name, typ string
			switch r := rng.IntN(10); {
			case r < 5:
				name, typ = firsts[p%len(firsts)]+" al-"+variant(lasts[p]), document.EntityPerson
			case r < 8:
				name, typ = variant(lasts[p]), document.EntityPerson
			default:
				name, typ = "Kataib "+lasts[p], document.EntityOrg
			}
			text.WriteString("Then ")
			start := text.Len()
			text.WriteString(name)
			ms = append(ms, document.Mention{Span: document.Span{Start: start, End: text.Len()}, Text: name, Type: typ})
			text.WriteString(" spoke.\n")
		}
		s.Add(&document.Document{ID: fmt.Sprintf("d%04d", d), Text: text.String(), Mentions: ms})
	}
	return s
}

var benchDocs = 1000 // 1000 documents × 100 mentions = 100k mentions

func BenchmarkLink100k(b *testing.B) {
	r, err := New(Options{})
	if err != nil {
		b.Fatal(err)
	}
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		s := syntheticStory(benchDocs, 100, 1)
		b.StartTimer()
		if err := r.Link(context.Background(), s); err != nil {
			b.Fatal(err)
		}
	}
}

// TestLinkScales checks that blocking keeps the number of name
// comparisons far below all pairs: at most 20 per mention for 10k mentions
// (all pairs would be 5,000 per mention). The benchmark above measures
// time.
func TestLinkScales(t *testing.T) {
	r, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	const docs, perDoc = 100, 100
	g, err := r.link(context.Background(), syntheticStory(docs, perDoc, 2))
	if err != nil {
		t.Fatal(err)
	}
	n := docs * perDoc
	t.Logf("%d name comparisons for %d mentions", g.cmp.calls, n)
	if g.cmp.calls == 0 || g.cmp.calls > 20*n {
		t.Errorf("%d name comparisons for %d mentions: blocking is not working", g.cmp.calls, n)
	}
}
