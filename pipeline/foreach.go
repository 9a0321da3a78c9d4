package pipeline

import (
	"context"
	"fmt"
	"runtime"
	"runtime/debug"
	"sync"
)

// ForEach calls fn for every item on at most workers goroutines (default:
// GOMAXPROCS) and returns when all calls have. It is the project's one
// worker pool: stages do not start their own. Items not yet started when
// ctx is cancelled are skipped. A panicking call is recovered and returned
// as that item's error; the others go on. The returned slice holds one
// error per item (nil where the call returned normally).
func ForEach[T any](ctx context.Context, workers int, items []T, fn func(ctx context.Context, i int, item T)) []error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, len(items))
	errs := make([]error, len(items))
	call := func(i int) {
		defer func() {
			if r := recover(); r != nil {
				errs[i] = fmt.Errorf("panic: %v\n%s", r, debug.Stack())
			}
		}()
		fn(ctx, i, items[i])
	}
	if workers <= 1 {
		for i := range items {
			if ctx.Err() != nil {
				break
			}
			call(i)
		}
		return errs
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				call(i)
			}
		}()
	}
	for i := range items {
		if ctx.Err() != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	return errs
}
