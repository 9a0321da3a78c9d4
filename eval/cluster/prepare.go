package cluster

import (
	"context"
	"fmt"
	"log/slog"

	"github.com/corroborate/corroborate/analysis"
	"github.com/corroborate/corroborate/document"
)

// annotate runs the steps the cluster command runs before clustering (the
// analysis.Tagged preset: cleaning across the items, then sentences and
// tokens, named entities and time expressions) over the items' documents,
// gathered into one story as the command gathers its inputs. A document a
// stage fails on keeps what it has; the failure is recorded on it.
func annotate(ctx context.Context, items []item) error {
	// Undated ECB+ files are expected: the notes saying so are dropped.
	p, err := analysis.NewPipeline(analysis.Tagged, analysis.Options{Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		return fmt.Errorf("setting up the tagged preset: %w", err)
	}
	s := document.NewStory()
	for _, it := range items {
		s.Add(it.doc)
	}
	return p.Run(ctx, s)
}
