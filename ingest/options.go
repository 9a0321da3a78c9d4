package ingest

import (
	"io"
	"log/slog"
	"time"
)

// DefaultMaxBytes is the per-input size limit used when Options.MaxBytes is 0.
const DefaultMaxBytes int64 = 20 << 20

// DefaultOpenWait is how long a named pipe waits for a writer when
// Options.OpenWait is 0.
const DefaultOpenWait = 30 * time.Second

// Stage is the stage name recorded on problems found while ingesting.
const Stage = "ingest"

// Options controls Read.
type Options struct {
	// Stdin is read for the argument "-" (nil: no standard input).
	Stdin io.Reader
	// MaxBytes is the largest input accepted, in bytes (0: DefaultMaxBytes).
	// It also bounds the decompressed size of .gz inputs, and each record of
	// a web archive (the archive itself is streamed, whatever its size; a
	// larger record is skipped with a problem).
	MaxBytes int64
	// Published, when set, is the publication date given to every document:
	// YYYY-MM-DD, YYYY-MM, YYYY or RFC 3339.
	Published string
	// OpenWait bounds how long a named pipe (FIFO) given as an argument
	// may wait for a writer before it is reported as having none
	// (0: DefaultOpenWait).
	OpenWait time.Duration
	// Logger receives debug notes (default: slog.Default()).
	Logger *slog.Logger
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

func (o Options) openWait() time.Duration {
	if o.OpenWait <= 0 {
		return DefaultOpenWait
	}
	return o.OpenWait
}
