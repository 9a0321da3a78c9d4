package extract

import (
	"context"
	"fmt"
	"sync"
	"testing"
)

// TestConcurrent runs one Extractor from several goroutines, as the
// pipeline's workers do; run it with -race.
func TestConcurrent(t *testing.T) {
	ex := newTestExtractor(t, Options{})
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			docs := benchDocs()
			d := docs[i%len(docs)]
			if err := ex.Annotate(context.Background(), d); err != nil {
				errs <- err
			}
			if d.Extracted == "" {
				errs <- fmt.Errorf("%s: empty Extracted", d.Source)
			}
		}(i)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}
