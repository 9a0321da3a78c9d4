package fetch

import (
	"sync"
	"sync/atomic"
	"time"
)

// cacheEntry remembers what a conditional GET needs to revalidate a page.
type cacheEntry struct {
	etag, lastModified string
	contentType        string
	finalURL           string
	body               []byte
	fetchedAt          time.Time
}

// validatorCache is an in-memory store of pages with validators, keyed by
// requested URL.
type validatorCache struct {
	mu sync.Mutex
	m  map[string]cacheEntry
	// changes counts modifications, so that a client saves only when
	// something changed.
	changes atomic.Int64
}

func (vc *validatorCache) get(url string) (cacheEntry, bool) {
	vc.mu.Lock()
	defer vc.mu.Unlock()
	e, ok := vc.m[url]
	return e, ok
}

// put stores e for url when it has a validator to revalidate with.
func (vc *validatorCache) put(url string, e cacheEntry) {
	if e.etag == "" && e.lastModified == "" {
		return
	}
	vc.mu.Lock()
	defer vc.mu.Unlock()
	if vc.m == nil {
		vc.m = map[string]cacheEntry{}
	}
	vc.m[url] = e
	vc.changes.Add(1)
}
