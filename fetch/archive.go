package fetch

import (
	"net/http"
	"sync"

	"github.com/corroborate/corroborate/warc"
)

// archivedHeaders are the response headers kept in archive records. The
// body is stored decompressed, so Content-Encoding and the lengths are not.
var archivedHeaders = []string{"Content-Type", "Content-Language", "Date", "ETag", "Last-Modified"}

// archive writes fetched pages to Options.Archive as WARC response records.
type archive struct {
	mu    sync.Mutex
	w     *warc.Writer
	err   error // the first write error
	count int
}

// archivePage records a page fetched with a full answer (not a 304, which
// the archive holds already from the run that fetched it). A failed write
// is logged and kept for Close; the fetch itself succeeds.
func (c *Client) archivePage(p *Page, h http.Header) {
	a := c.archive
	if a == nil {
		return
	}
	header := map[string]string{}
	for _, k := range archivedHeaders {
		if v := h.Get(k); v != "" {
			header[k] = v
		}
	}
	header["Content-Type"] = p.ContentType
	a.mu.Lock()
	defer a.mu.Unlock()
	if err := a.w.WriteResponse(p.FinalURL, p.FetchedAt, header, p.Body); err != nil {
		c.log.Warn("page not archived", "url", p.FinalURL, "err", err)
		if a.err == nil {
			a.err = err
		}
		return
	}
	a.count++
}

// archiveErr returns the first archive write error, if any.
func (c *Client) archiveErr() error {
	if c.archive == nil {
		return nil
	}
	c.archive.mu.Lock()
	defer c.archive.mu.Unlock()
	return c.archive.err
}
