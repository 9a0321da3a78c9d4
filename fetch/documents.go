package fetch

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/ingest"
	"github.com/corroborate/corroborate/pipeline"
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
// Options.StateDir the state is saved as pages come in (see LockFile) and
// before Documents returns.
func (c *Client) Documents(ctx context.Context, urls []string) ([]*document.Document, []document.Problem) {
	return c.documents(ctx, urls, nil)
}

// documents is Documents with optional per-URL metadata from a feed. The
// fetches run on pipeline.ForEach's pool, Options.Concurrency wide; Fetch
// keeps each host within its own limits (see hostLimit).
func (c *Client) documents(ctx context.Context, urls []string, meta map[string]feedItem) ([]*document.Document, []document.Problem) {
	docs := make([]*document.Document, len(urls))
	errs := make([]error, len(urls))
	bar := c.progress(len(urls))
	panics := pipeline.ForEach(ctx, c.opts.Concurrency, urls, func(ctx context.Context, i int, u string) {
		if bar != nil {
			defer bar.Add(1)
		}
		d, err := c.document(ctx, u)
		c.saveSoon()
		if err != nil {
			errs[i] = err
			return
		}
		if m, ok := meta[u]; ok {
			m.apply(d)
		}
		docs[i] = d
	})
	if bar != nil {
		bar.Finish()
	}
	if err := c.saveState(); err != nil {
		c.log.Warn("fetch state not saved", "err", err)
	}
	var out []*document.Document
	var probs []document.Problem
	for i, d := range docs {
		err := errs[i]
		if err == nil {
			err = panics[i]
		}
		switch {
		case d != nil:
			out = append(out, d)
		case err != nil:
			probs = append(probs, document.Problem{Source: urls[i], Stage: Stage, Err: err})
		default: // never started: the context ended
			probs = append(probs, document.Problem{Source: urls[i], Stage: Stage, Err: fmt.Errorf("not fetched: %w", context.Cause(ctx))})
		}
	}
	return out, probs
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
	d, err := ingest.Page(page.URL, page.Body, page.ContentType, ingest.Options{MaxBytes: c.opts.MaxBytes})
	if err != nil {
		return nil, err
	}
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
