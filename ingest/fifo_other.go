//go:build !unix

package ingest

import (
	"context"
	"os"
	"time"
)

// openFIFO opens a named pipe for reading; systems other than Unix have no
// FIFOs in the file system, so this is a plain open.
func openFIFO(_ context.Context, path string, _ time.Duration) (*os.File, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, describeFSError("opening", err)
	}
	return f, nil
}
