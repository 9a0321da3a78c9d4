// Package feeds polls the RSS, Atom and JSON feeds a service follows: on a
// schedule it fetches each feed and the articles it links to with package
// fetch (robots.txt, per-host rate limits, conditional requests through a
// state folder kept between polls), and queues every article as a report
// job, so that new reports join their stories and changed pages become new
// revisions; unchanged pages come back as duplicates and change nothing.
package feeds

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/corroborate/corroborate/engine"
	"github.com/corroborate/corroborate/fetch"
	"github.com/corroborate/corroborate/jobs"
	"github.com/corroborate/corroborate/store"
)

// Poller polls the store's feeds.
type Poller struct {
	// Store holds the feeds and receives the jobs.
	Store store.Store
	// Queue carries the jobs.
	Queue jobs.Queue
	// Fetch configures fetching (AllowPrivate, MaxBytes, Budget); StateDir
	// keeps validators between polls.
	Fetch fetch.Options
	// Interval is the time between polls of all feeds (default 15 min).
	Interval time.Duration
	// Logger receives poll failures (default slog.Default()).
	Logger *slog.Logger

	wake chan struct{}
}

// New returns a poller.
func New(st store.Store, q jobs.Queue, fo fetch.Options, interval time.Duration) *Poller {
	return &Poller{Store: st, Queue: q, Fetch: fo, Interval: interval, wake: make(chan struct{}, 1)}
}

// Wake polls at once (after a feed was added).
func (p *Poller) Wake() {
	select {
	case p.wake <- struct{}{}:
	default:
	}
}

// Run polls every Interval until ctx ends.
func (p *Poller) Run(ctx context.Context) {
	iv := p.Interval
	if iv <= 0 {
		iv = 15 * time.Minute
	}
	for {
		if err := p.PollAll(ctx); err != nil && ctx.Err() == nil {
			p.logger().Error("feeds: polling", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-p.wake:
		case <-time.After(iv):
		}
	}
}

func (p *Poller) logger() *slog.Logger {
	if p.Logger != nil {
		return p.Logger
	}
	return slog.Default()
}

// PollAll polls every feed once and returns the first store error (a feed
// that cannot be read is recorded on the feed, not returned).
func (p *Poller) PollAll(ctx context.Context) error {
	fs, err := p.Store.Feeds(ctx)
	if err != nil || len(fs) == 0 {
		return err
	}
	fo := p.Fetch
	if fo.Progress == nil {
		fo.Progress = discard{}
	}
	c := fetch.New(fo)
	defer c.Close()
	for _, f := range fs {
		if err := p.poll(ctx, c, f.URL); err != nil {
			return err
		}
	}
	return nil
}

type discard struct{}

func (discard) Write(b []byte) (int, error) { return len(b), nil }

// poll fetches one feed's articles and queues each as a job.
func (p *Poller) poll(ctx context.Context, c *fetch.Client, url string) error {
	docs, probs := c.FeedDocuments(ctx, url)
	var msgs []error
	for _, pr := range probs {
		msgs = append(msgs, pr)
	}
	queued := 0
	err := p.Store.Update(ctx, func(tx store.Tx) error {
		for _, d := range docs {
			if d.Raw == "" {
				continue
			}
			payload, err := json.Marshal(engine.Submission{HTML: d.Raw, URL: d.URL, Name: "page.html"})
			if err != nil {
				return err
			}
			if err := p.Queue.Enqueue(ctx, tx, &store.Job{Kind: engine.JobKind, Payload: payload}); err != nil {
				return err
			}
			queued++
		}
		msg := ""
		if len(msgs) > 0 {
			msg = errors.Join(msgs...).Error()
			if len(msg) > 500 {
				msg = msg[:500] + "…"
			}
		}
		return tx.FeedPolled(ctx, url, time.Now(), msg, queued)
	})
	if err != nil {
		return fmt.Errorf("feed %s: %w", url, err)
	}
	if queued > 0 {
		p.Queue.Notify()
	}
	p.logger().Info("feeds: polled", "feed", url, "queued", queued, "problems", len(probs))
	return nil
}
