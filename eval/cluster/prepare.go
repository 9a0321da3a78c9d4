package cluster

import (
	"context"
	"fmt"
	"log/slog"
	"sync"

	"github.com/corroborate/corroborate/ner"
	"github.com/corroborate/corroborate/text"
	"github.com/corroborate/corroborate/timex"
)

// annotate runs the per-document stages the clusterer reads (sentences and
// tokens, then named entities and time expressions) over the items, two at a time. A document a
// stage fails on keeps what it has; the failure is recorded on it.
func annotate(ctx context.Context, items []item) error {
	tagger, err := ner.Load()
	if err != nil {
		return fmt.Errorf("loading the named-entity model: %w", err)
	}
	tx := text.New()
	tm := timex.New()
	tm.Logger = slog.New(slog.DiscardHandler) // undated ECB+ files are expected
	work := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < 2; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				d := items[i].doc
				if err := tx.Annotate(ctx, d); err != nil {
					d.AddProblem("text", err)
					continue
				}
				if err := tagger.Annotate(ctx, d); err != nil {
					d.AddProblem("ner", err)
				}
				if err := tm.Annotate(ctx, d); err != nil {
					d.AddProblem("timex", err)
				}
			}
		}()
	}
	for i := range items {
		if ctx.Err() != nil {
			break
		}
		work <- i
	}
	close(work)
	wg.Wait()
	return ctx.Err()
}
