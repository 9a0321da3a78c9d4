package fetch

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/url"
	"sync"

	"github.com/temoto/robotstxt"
)

// ErrDisallowed is returned (wrapped) for pages robots.txt forbids.
var ErrDisallowed = errors.New("disallowed by robots.txt")

// robotsEntry is the parsed robots.txt of one host, fetched once.
type robotsEntry struct {
	once sync.Once
	data *robotstxt.RobotsData // nil: everything allowed
}

// robotsAllowed reports whether robots.txt lets us fetch u, fetching and
// caching the host's robots.txt on first use. A robots.txt that cannot be
// fetched (network error, 4xx) allows everything; a 5xx answer forbids
// everything, as the robots exclusion standard asks.
func (c *Client) robotsAllowed(ctx context.Context, u *url.URL) bool {
	if c.opts.IgnoreRobots {
		return true
	}
	key := u.Scheme + "://" + u.Host
	c.mu.Lock()
	e, ok := c.robots[key]
	if !ok {
		e = &robotsEntry{}
		c.robots[key] = e
	}
	c.mu.Unlock()
	e.once.Do(func() {
		e.data = c.fetchRobots(ctx, key)
		if e.data != nil {
			if g := e.data.FindGroup(RobotsAgent); g != nil && g.CrawlDelay > 0 {
				c.host(key).slowDown(g.CrawlDelay)
			}
		}
	})
	if e.data == nil {
		return true
	}
	path := u.EscapedPath()
	if path == "" {
		path = "/"
	}
	if u.RawQuery != "" {
		path += "?" + u.RawQuery
	}
	return e.data.TestAgent(path, RobotsAgent)
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
