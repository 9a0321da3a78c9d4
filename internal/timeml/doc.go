package timeml

import (
	"context"
	"fmt"

	"github.com/corroborate/corroborate/document"
)

// Annotator is a per-document stage (text, ner, timex, event).
type Annotator interface {
	Annotate(ctx context.Context, d *document.Document) error
}

// Document returns a corroborate document whose text is d's TEXT content
// (so that offsets agree) published on d's creation time, run through
// the given stages in order.
func (d *Doc) Document(ctx context.Context, stages ...Annotator) (*document.Document, error) {
	out := &document.Document{ID: d.Name, Source: d.Name, Text: d.Text}
	if !d.DCT.IsZero() {
		out.Published = document.DayDate(d.DCT, "dct")
	}
	for _, st := range stages {
		if err := st.Annotate(ctx, out); err != nil {
			return nil, fmt.Errorf("timeml: %s: %w", d.Name, err)
		}
	}
	return out, nil
}
