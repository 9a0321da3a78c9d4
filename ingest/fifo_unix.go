//go:build unix

package ingest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"sync"
	"syscall"
	"time"
)

// openFIFO opens a named pipe for reading. Opening a FIFO blocks until a
// writer opens it too, so the open runs aside and is given up after wait
// (or when ctx ends) with a problem saying the pipe has no writer; the
// blocked open is then released by opening the pipe for writing for a
// moment, so that nothing is left waiting. The other way, opening with
// O_NONBLOCK, would not wait at all: a writer that comes a moment after
// the reader would find it gone, and the input would read as empty.
// Anonymous pipes named by path (/dev/stdin, /dev/fd/N) open at once.
func openFIFO(ctx context.Context, path string, wait time.Duration) (*os.File, error) {
	type opened struct {
		f   *os.File
		err error
	}
	ch := make(chan opened, 1)
	var mu sync.Mutex
	abandoned := false
	go func() {
		f, err := os.Open(path)
		mu.Lock()
		defer mu.Unlock()
		if abandoned {
			if f != nil {
				f.Close()
			}
			return
		}
		ch <- opened{f, err}
	}()
	if ctx == nil {
		ctx = context.Background()
	}
	timer := time.NewTimer(wait)
	defer timer.Stop()
	var why error
	select {
	case o := <-ch:
		if o.err != nil {
			return nil, describeFSError("opening", o.err)
		}
		return o.f, nil
	case <-timer.C:
		why = reason(ErrNoWriter, "named pipe has no writer: nothing opened it for writing within %s", wait)
	case <-ctx.Done():
		why = fmt.Errorf("opening named pipe stopped: %w", ctx.Err())
	}
	mu.Lock()
	select {
	case o := <-ch: // opened as the wait ended
		mu.Unlock()
		if o.err != nil {
			return nil, describeFSError("opening", o.err)
		}
		return o.f, nil
	default:
		abandoned = true
	}
	mu.Unlock()
	go releaseFIFO(path)
	return nil, why
}

// releaseFIFO ends an abandoned open of the FIFO at path by opening it for
// writing without blocking and closing it at once. ENXIO means the reader
// is not yet waiting; it is tried again for a few seconds.
func releaseFIFO(path string) {
	for range 50 {
		w, err := os.OpenFile(path, os.O_WRONLY|syscall.O_NONBLOCK, 0)
		if err == nil {
			w.Close()
			return
		}
		if !errors.Is(err, syscall.ENXIO) {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
}
