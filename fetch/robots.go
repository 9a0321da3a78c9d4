package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"

	"github.com/temoto/robotstxt"
)

// ErrDisallowed is returned (wrapped) for pages robots.txt forbids.
var ErrDisallowed = errors.New("disallowed by robots.txt")

// robotsEntry is the parsed robots.txt of one host, fetched once.
type robotsEntry struct {
	done chan struct{}         // closed once data is set
	data *robotstxt.RobotsData // nil: everything allowed
}

// robotsAllowed reports whether robots.txt lets us fetch u, fetching and
// caching the host's robots.txt on first use. A robots.txt that cannot be
// fetched (network error, 4xx) allows everything; a 5xx answer forbids
// everything, as the robots exclusion standard asks. The file is fetched
// apart from any one caller, within Options.Timeout, so that a caller
// whose context ends (its budget spent) stops waiting with an error and
// leaves the fetch to the others.
func (c *Client) robotsAllowed(ctx context.Context, u *url.URL) (bool, error) {
	if c.opts.IgnoreRobots {
		return true, nil
	}
	key := u.Scheme + "://" + u.Host
	c.mu.Lock()
	e, ok := c.robots[key]
	if !ok {
		e = &robotsEntry{done: make(chan struct{})}
		c.robots[key] = e
		go c.loadRobots(context.WithoutCancel(ctx), key, e)
	}
	c.mu.Unlock()
	select {
	case <-e.done:
	case <-ctx.Done():
		return false, fmt.Errorf("waiting for %s/robots.txt: %w", key, context.Cause(ctx))
	}
	if e.data == nil {
		return true, nil
	}
	path := u.EscapedPath()
	if path == "" {
		path = "/"
	}
	if u.RawQuery != "" {
		path += "?" + u.RawQuery
	}
	return e.data.TestAgent(path, RobotsAgent), nil
}

// loadRobots fetches the robots.txt of a host into e and applies its
// Crawl-delay. A panic (a hostile file) leaves everything allowed.
func (c *Client) loadRobots(ctx context.Context, key string, e *robotsEntry) {
	defer close(e.done)
	defer func() {
		if r := recover(); r != nil {
			c.log.Warn("robots.txt unreadable; allowing", "host", key, "panic", r)
			e.data = nil
		}
	}()
	e.data = c.fetchRobots(ctx, key)
	if e.data != nil {
		if g := e.data.FindGroup(RobotsAgent); g != nil && g.CrawlDelay > 0 {
			c.host(key).slowDown(g.CrawlDelay)
		}
	}
}

func (c *Client) fetchRobots(ctx context.Context, base string) *robotstxt.RobotsData {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+"/robots.txt", nil)
	if err != nil {
		return nil
	}
	req.Header.Set("User-Agent", c.opts.UserAgent)
	resp, err := c.robotsHTTP.Do(req)
	if err != nil {
		c.log.Debug("robots.txt unavailable; allowing", "host", base, "err", err)
		return nil
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 512<<10))
	if err != nil {
		return nil
	}
	data, err := robotstxt.FromStatusAndBytes(resp.StatusCode, body)
	if err != nil {
		c.log.Debug("robots.txt unparsable; allowing", "host", base, "err", err)
		return nil
	}
	return data
}
