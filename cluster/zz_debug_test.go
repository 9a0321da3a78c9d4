package cluster

import (
	"context"
	"testing"
	"sort"

	"github.com/corroborate/corroborate/analysis"
	"github.com/corroborate/corroborate/internal/shareddata"
)

func TestZZDebug(t *testing.T) {
	dir := shareddata.Require(t, "corpus", "hashimi")
	ctx := context.Background()
	opts := analysis.Options{Workers: 1}
	docs, problems, _ := analysis.Read(ctx, []string{dir}, opts)
	pl, _ := analysis.NewPipeline(analysis.Tagged, opts)
	s, _ := analysis.AnalyzeDocumentsWith(ctx, docs, problems, opts, pl.Steps)
	sort.SliceStable(s.Docs, func(i, j int) bool { return !s.Docs[i].Published.Time.IsZero() && s.Docs[j].Published.Time.IsZero() })
	c := New(Options{})
	for _, d := range s.Docs {
		f := extract(d, c.o)
		df := append([]int32(nil), c.df...)
		c.nDocs++
		words := c.weigh(f.words, "")
		ents := c.weigh(f.entities, "@")
		q := c.queryTerms(words, ents)
		var qs []string
		for _, e := range q { qs = append(qs, c.names[e.term]) }
		t.Logf("%s query %v", d.ID, qs)
		var es2 []string
		for _, e := range ents[:min(15,len(ents))] { es2 = append(es2, c.names[e.term]) }
		t.Logf("%s ents %v", d.ID, es2)
		for si, st := range c.stories {
			ws := st.words.cos(words)
			es := st.ents.cos(ents)
			t.Logf("%s vs s%d: words %.3f ents %.3f total %.3f", d.ID, si, ws, es, c.similarity(st, words, ents, f.when))
		}
		c.nDocs--
		copy(c.df, df)
		for i := len(df); i < len(c.df); i++ { c.df[i] = 0 }
		c.Add(d)
		t.Logf("%s -> %v published %v", d.ID, len(c.stories), d.Published)
	}
}
