// Package extract turns a document's Raw bytes (decoded HTML or plain text)
// into Extracted text plus metadata: title, authors, outlet, publication and
// update dates, language and canonical URL.
//
// HTML goes through go-trafilatura, go-readability (readeck) and
// go-domdistiller; the main text is chosen among their candidates by this
// package's own selection rule (see select.go). Plain text keeps its bytes
// (line endings normalized, with an exact alignment back to Raw) and its
// metadata is read from the text itself: headline, byline, dateline, outlet.
package extract

import (
	"context"
	"fmt"
	"github.com/corroborate/corroborate/pipeline"
	"log/slog"
	"runtime/debug"

	"github.com/corroborate/corroborate/document"
)

// Options configures an Extractor. The zero value is ready to use.
type Options struct {
	// TrafilaturaOnly skips the readability and distiller candidates and
	// keeps go-trafilatura's main text (faster; used as a baseline).
	TrafilaturaOnly bool
	// Logger receives debug notes on candidate selection (default:
	// slog.Default()).
	Logger *slog.Logger
}

// Extractor extracts main text and metadata. It is safe for concurrent use.
type Extractor struct {
	opts Options
	log  *slog.Logger
	text *textRules
}

// New returns an Extractor with the given options.
func New(opts Options) (*Extractor, error) {
	log := opts.Logger
	if log == nil {
		log = slog.Default()
	}
	return &Extractor{opts: opts, log: log, text: newTextRules()}, nil
}

// Annotate fills d.Extracted (unless ingest already did, for records) and the
// metadata fields that are still empty. It implements pipeline.Annotator.
func (e *Extractor) Annotate(ctx context.Context, d *document.Document) (err error) {
	if err := ctx.Err(); err != nil {
		return err
	}
	if d == nil {
		return fmt.Errorf("extracting: nil document")
	}
	defer func() {
		if r := recover(); r != nil {
			e.log.Debug("extractor panic", "source", d.Source, "panic", r, "stack", string(debug.Stack()))
			err = fmt.Errorf("extracting %s: extractor panicked: %v", d.Source, r)
		}
	}()
	switch d.Format {
	case document.FormatHTML:
		return e.annotateHTML(ctx, d)
	case document.FormatText, "":
		return e.annotateText(d)
	case document.FormatRecord:
		return e.annotateRecord(d)
	default:
		return fmt.Errorf("extracting %s: unknown format %q", d.Source, d.Format)
	}
}

// Contract declares the layers the stage reads and writes.
func (x *Extractor) Contract() pipeline.Contract {
	return pipeline.Needs(document.LayerRaw).Gives(document.LayerExtracted)
}
