package fetch

import (
	"bytes"
	"context"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/corroborate/corroborate/document"
	"github.com/mmcdole/gofeed"
)

// feedItem is what a feed says about one article.
type feedItem struct {
	title     string
	published *time.Time
	authors   []string
}

// apply fills fields the page itself did not provide.
func (m feedItem) apply(d *document.Document) {
	if d.Title == "" {
		d.Title = m.title
	}
	if d.Published.IsZero() && m.published != nil {
		d.Published = document.Date{Value: m.published.UTC().Format("2006-01-02T15:04"), Time: *m.published,
			Precision: document.PrecisionTime, Source: "feed"}
	}
	if len(d.Authors) == 0 {
		d.Authors = m.authors
	}
}

// Feed fetches an RSS, Atom or JSON feed and returns the article links it
// lists, resolved against the feed's address, canonicalised and without
// duplicates, in feed order.
func (c *Client) Feed(ctx context.Context, feedURL string) ([]string, error) {
	links, _, err := c.feed(ctx, feedURL)
	return links, err
}

func (c *Client) feed(ctx context.Context, feedURL string) ([]string, map[string]feedItem, error) {
	page, err := c.Fetch(ctx, feedURL)
	if err != nil {
		return nil, nil, err
	}
	f, err := gofeed.NewParser().Parse(bytes.NewReader(page.Body))
	if err != nil {
		return nil, nil, fmt.Errorf("parsing feed: %w", err)
	}
	base, _ := url.Parse(page.FinalURL)
	seen := map[string]bool{}
	var links []string
	meta := map[string]feedItem{}
	for _, it := range f.Items {
		link := strings.TrimSpace(it.Link)
		if link == "" && len(it.Links) > 0 {
			link = strings.TrimSpace(it.Links[0])
		}
		if link == "" {
			continue
		}
		if ref, err := url.Parse(link); err == nil && base != nil {
			link = base.ResolveReference(ref).String()
		}
		canon, err := Canonicalize(link)
		if err != nil || seen[canon] {
			continue
		}
		seen[canon] = true
		links = append(links, canon)
		m := feedItem{title: strings.TrimSpace(it.Title), published: it.PublishedParsed}
		for _, a := range it.Authors {
			if a != nil && strings.TrimSpace(a.Name) != "" {
				m.authors = append(m.authors, strings.TrimSpace(a.Name))
			}
		}
		meta[canon] = m
	}
	return links, meta, nil
}

// FeedDocuments fetches a feed and then every article it links to, as
// Documents does; the feed's title, date and authors fill what a page
// lacks (date Source "feed"). A feed that cannot be read is one problem.
func (c *Client) FeedDocuments(ctx context.Context, feedURL string) ([]*document.Document, []document.Problem) {
	links, meta, err := c.feed(ctx, feedURL)
	if err != nil {
		return nil, []document.Problem{{Source: feedURL, Stage: Stage, Err: fmt.Errorf("reading feed: %w", err)}}
	}
	return c.documents(ctx, links, meta)
}
