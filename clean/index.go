package clean

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/pipeline"
)

// Index is the cross-document step of cleaning: over a story, it counts
// per outlet how many documents carry each line, so that the per-document
// step (the Cleaner that made the index, see Cleaner.Index) can remove page
// furniture an outlet repeats on every page. It provides LayerRepeats.
//
// The index keeps each document's share until the cleaner takes it, keyed
// by the document itself, so that one pipeline may run over several stories
// at once. A run cut short between the two steps leaves the shares of the
// documents it did not clean in the index until the index goes with its
// cleaner (make one cleaner per flow or per run). It is safe for
// concurrent use.
type Index struct {
	mu      sync.Mutex
	pending map[*document.Document]indexed
}

// Link indexes the lines of every document of s. Only documents whose
// outlet has another document in s are kept (the others have no repeats);
// nil documents are skipped. Indexing a document again replaces its share.
func (x *Index) Link(ctx context.Context, s *document.Story) error {
	if s == nil {
		return errors.New("indexing repeated lines: story is nil")
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("indexing repeated lines of %d documents: %w", len(s.Docs), err)
	}
	r := newRepeatIndex(s.Docs)
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.pending == nil {
		x.pending = map[*document.Document]indexed{}
	}
	for i, d := range s.Docs {
		if e := r.entry(i); d != nil && e.counts != nil {
			x.pending[d] = e
		}
	}
	return nil
}

// take returns the lines of d that other documents of its outlet carry,
// and forgets d; nil when the index holds nothing for d.
func (x *Index) take(d *document.Document) map[string]bool {
	x.mu.Lock()
	e, ok := x.pending[d]
	delete(x.pending, d)
	x.mu.Unlock()
	if !ok {
		return nil
	}
	return e.repeated()
}

// Contract declares the layers the cross-document step reads and writes.
func (x *Index) Contract() pipeline.Contract {
	return pipeline.Needs(document.LayerExtracted).Gives(document.LayerRepeats)
}
