package clean

import (
	"context"
	"errors"
	"fmt"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/pipeline"
)

// CleanStory cleans every document of s outside a larger flow: it runs the
// two steps of cleaning (Index, then the cleaner on each document) as a
// pipeline of their own, on as many workers as there are processors. As in any
// pipeline, a document whose cleaning fails or panics gets a Problem and
// the others are cleaned all the same; CleanStory then also returns those
// failures, joined. It refuses a nil story or a story with a nil document
// before cleaning anything, and returns ctx's error if ctx ends first.
func (c *Cleaner) CleanStory(ctx context.Context, s *document.Story) error {
	if s == nil {
		return errors.New("cleaning story: story is nil")
	}
	before := make([]int, len(s.Docs))
	for i, d := range s.Docs {
		if d == nil {
			return fmt.Errorf("cleaning story: document %d is nil", i+1)
		}
		before[i] = len(d.Problems)
	}
	storyBefore := len(s.Problems)
	p, err := pipeline.New([]document.Layer{document.LayerExtracted},
		pipeline.Cross("clean-index", c.Index()),
		pipeline.PerDoc("clean", c))
	if err != nil {
		return fmt.Errorf("cleaning story: %w", err)
	}
	p.Logger = c.log
	if err := p.Run(ctx, s); err != nil {
		return fmt.Errorf("cleaning story of %d documents: %w", len(s.Docs), err)
	}
	var errs []error
	for _, pr := range s.Problems[storyBefore:] {
		errs = append(errs, pr)
	}
	for i, d := range s.Docs {
		for _, pr := range d.Problems[before[i]:] {
			errs = append(errs, pr)
		}
	}
	if len(errs) > 0 {
		return fmt.Errorf("cleaning story of %d documents: %w", len(s.Docs), errors.Join(errs...))
	}
	return nil
}
