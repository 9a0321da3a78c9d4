package fetch

import (
	"net/http"
	"sync"
	"time"
)

// Archiver stores the pages a Client fetched whole (Options.Archive).
// *warc.Appender, a .warc.gz file that concurrent runs share safely, and
// *warc.Writer implement it: each writes a response record, or a revisit
// record when the payload is archived already, and says which.
type Archiver interface {
	WritePage(uri string, date time.Time, header map[string]string, body []byte) (revisit bool, err error)
}

// archivedHeaders are the response headers kept in archive records. The
// body is stored decompressed, so Content-Encoding and the lengths are not.
var archivedHeaders = []string{"Content-Type", "Content-Language", "Date", "ETag", "Last-Modified"}

// archive writes fetched pages to Options.Archive as WARC response (or
// revisit) records.
type archive struct {
	mu       sync.Mutex
	w        Archiver
	err      error // the first write error
	count    int   // response records written
	revisits int   // revisit records written
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
	revisit, err := a.w.WritePage(p.FinalURL, p.FetchedAt, header, p.Body)
	if err != nil {
		c.log.Warn("page not archived", "url", p.FinalURL, "err", err)
		if a.err == nil {
			a.err = err
		}
		return
	}
	if revisit {
		a.revisits++
	} else {
		a.count++
	}
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
