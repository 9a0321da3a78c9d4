package cluster_test

import (
	"context"
	"testing"

	"github.com/corroborate/corroborate/analysis"
	"github.com/corroborate/corroborate/cluster"
	"github.com/corroborate/corroborate/internal/shareddata"
)

// TestHashimiOneStory clusters the five reports of the killing of Hisham
// al-Hashimi (../shared/corpus/hashimi) after the cluster command's own
// steps (the Tagged preset): they tell one event and must make one story.
func TestHashimiOneStory(t *testing.T) {
	dir := shareddata.Require(t, "corpus", "hashimi")
	ctx := context.Background()
	opts := analysis.Options{Workers: 1}
	docs, problems, err := analysis.Read(ctx, []string{dir}, opts)
	if err != nil {
		t.Fatal(err)
	}
	pl, err := analysis.NewPipeline(analysis.Tagged, opts)
	if err != nil {
		t.Fatal(err)
	}
	s, err := analysis.AnalyzeDocumentsWith(ctx, docs, problems, opts, pl.Steps)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Docs) != 5 {
		t.Fatalf("read %d reports, want 5", len(s.Docs))
	}
	c := cluster.New(cluster.Options{})
	for _, d := range s.Docs {
		c.Add(d)
	}
	stories := c.Stories()
	if len(stories) != 1 {
		for _, st := range stories {
			t.Logf("%s: %v", st.ID, st.Docs)
		}
		t.Errorf("the five hashimi reports make %d stories, want 1", len(stories))
	}
}
