package fetch

import (
	"context"
	"fmt"
	"io"
	"os"
	"sync"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/ingest"
	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// Documents fetches urls (Options.Concurrency at a time, within the per-host
// limits) and returns their documents in the order given, and a problem
// naming each URL that failed. Each document has Format html or text, Raw,
// Encoding, Source = the URL as given, URL = the page's canonical address
// (its <link rel=canonical>, else the final URL after redirects, cleaned by
// Canonicalize) and an ID made from that address. A page fetched again with
// changed content becomes a new revision (see History). With
// Options.StateDir the state is saved before Documents returns.
func (c *Client) Documents(ctx context.Context, urls []string) ([]*document.Document, []document.Problem) {
	return c.documents(ctx, urls, nil)
}

// documents is Documents with optional per-URL metadata from a feed.
func (c *Client) documents(ctx context.Context, urls []string, meta map[string]feedItem) ([]*document.Document, []document.Problem) {
	type result struct {
		doc  *document.Document
		prob *document.Problem
	}
	results := make([]result, len(urls))
	bar := c.progress(len(urls))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < min(c.opts.Concurrency, max(len(urls), 1)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				d, err := c.document(ctx, urls[i])
				if err != nil {
					results[i].prob = &document.Problem{Source: urls[i], Stage: Stage, Err: err}
				} else {
					if m, ok := meta[urls[i]]; ok {
						m.apply(d)
					}
					results[i].doc = d
				}
				if bar != nil {
					bar.Add(1)
				}
			}
		}()
	}
	for i := range urls {
		if ctx.Err() != nil {
			break
		}
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	if bar != nil {
		bar.Finish()
	}
	if err := c.saveState(); err != nil {
		c.log.Warn("fetch state not saved", "err", err)
	}
	var docs []*document.Document
	var probs []document.Problem
	for i, r := range results {
		switch {
		case r.doc != nil:
			docs = append(docs, r.doc)
		case r.prob != nil:
			probs = append(probs, *r.prob)
		default: // never started: the context ended
			probs = append(probs, document.Problem{Source: urls[i], Stage: Stage, Err: fmt.Errorf("not fetched: %w", context.Cause(ctx))})
		}
	}
	return docs, probs
}

// document fetches one URL and turns the page into a document.
func (c *Client) document(ctx context.Context, raw string) (*document.Document, error) {
	page, err := c.Fetch(ctx, raw)
	if err != nil {
		return nil, err
	}
	return c.PageDocument(page)
}

// PageDocument turns a fetched page into a document (see Documents) and
// records it in the client's History.
func (c *Client) PageDocument(page *Page) (*document.Document, error) {
	docs, probs := ingest.Bytes(page.URL, "", page.Body, page.ContentType, ingest.Options{MaxBytes: c.opts.MaxBytes})
	if len(probs) > 0 {
		return nil, probs[0].Err
	}
	if len(docs) != 1 {
		return nil, fmt.Errorf("page gave %d documents, want 1", len(docs))
	}
	d := docs[0]
	canon := ""
	if d.Format == document.FormatHTML {
		canon = CanonicalFromHTML(d.Raw, page.FinalURL)
	}
	if canon == "" {
		if u, err := Canonicalize(page.FinalURL); err == nil {
			canon = u
		} else {
			canon = page.FinalURL
		}
	}
	d.URL = canon
	d.Source = page.URL
	d.ID = ingest.URLID(canon)
	c.history.add(d, page.FetchedAt, page.ETag, page.LastModified)
	return d, nil
}

// progress returns a progress bar for n items on the configured writer, or
// nil when there is nowhere to draw one.
func (c *Client) progress(n int) *progressbar.ProgressBar {
	var w io.Writer = c.opts.Progress
	if w == nil {
		if !term.IsTerminal(int(os.Stderr.Fd())) {
			return nil
		}
		w = os.Stderr
	}
	if n < 2 {
		return nil
	}
	return progressbar.NewOptions(n,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription("fetching"),
		progressbar.OptionShowCount(),
		progressbar.OptionThrottle(100_000_000),
		progressbar.OptionClearOnFinish(),
	)
}
