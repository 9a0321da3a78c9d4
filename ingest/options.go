package ingest

import (
	"context"

	"github.com/corroborate/corroborate/document"
	"io"
	"log/slog"
)

// DefaultMaxBytes is the per-input size limit used when Options.MaxBytes is 0.
const DefaultMaxBytes int64 = 20 << 20

// Stage is the stage name recorded on problems found while ingesting.
const Stage = "ingest"

// Options controls Read.
type Options struct {
	// Stdin is read for the argument "-" (nil: no standard input).
	Stdin io.Reader
	// MaxBytes is the largest input accepted, in bytes (0: DefaultMaxBytes).
	// It also bounds the decompressed size of .gz inputs.
	MaxBytes int64
	// Published, when set, is the publication date given to every document:
	// YYYY-MM-DD, YYYY-MM, YYYY or RFC 3339.
	Published string
	// Logger receives debug notes (default: slog.Default()).
	Logger *slog.Logger
	// WARC, when set, reads web archives: files named *.warc or *.warc.gz,
	// or starting with a WARC version line, are handed to it whole (they
	// are exempt from MaxBytes, which then applies per page). Set it to
	// warc.Documents; ingest cannot import package warc itself, which
	// imports ingest. Without it, such files are reported as problems.
	WARC func(ctx context.Context, path string) ([]*document.Document, []document.Problem)
}

func (o Options) maxBytes() int64 {
	if o.MaxBytes <= 0 {
		return DefaultMaxBytes
	}
	return o.MaxBytes
}

func (o Options) logger() *slog.Logger {
	if o.Logger == nil {
		return slog.Default()
	}
	return o.Logger
}
