package fetch

import (
	"context"
	"sync"
	"time"
)

// hostLimit spaces requests to one host and caps how many are in flight.
type hostLimit struct {
	sem      chan struct{}
	mu       sync.Mutex
	next     time.Time
	interval time.Duration
}

// host returns the limiter of a host (scheme://host:port key).
func (c *Client) host(key string) *hostLimit {
	c.mu.Lock()
	defer c.mu.Unlock()
	h, ok := c.hosts[key]
	if !ok {
		h = &hostLimit{
			sem:      make(chan struct{}, c.opts.PerHost),
			interval: time.Duration(float64(time.Second) / c.opts.RatePerHost),
		}
		c.hosts[key] = h
	}
	return h
}

// slowDown raises the spacing of requests to at least d (robots.txt
// Crawl-delay).
func (h *hostLimit) slowDown(d time.Duration) {
	h.mu.Lock()
	h.interval = max(h.interval, d)
	h.mu.Unlock()
}

// acquire waits for a free slot and for the host's next send time; release
// must follow.
func (h *hostLimit) acquire(ctx context.Context) error {
	select {
	case h.sem <- struct{}{}:
	case <-ctx.Done():
		return ctx.Err()
	}
	h.mu.Lock()
	now := time.Now()
	at := now
	if h.next.After(at) {
		at = h.next
	}
	h.next = at.Add(h.interval)
	h.mu.Unlock()
	if err := sleep(ctx, at.Sub(now)); err != nil {
		<-h.sem
		return err
	}
	return nil
}

func (h *hostLimit) release() { <-h.sem }

// sleep waits d or until ctx ends.
func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
