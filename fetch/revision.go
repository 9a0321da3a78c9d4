package fetch

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/corroborate/corroborate/document"
)

// Revision is one version of a page.
type Revision struct {
	// N counts versions of the same URL from 1.
	N int
	// ID is the document ID this version was given: the page's ID for the
	// first version, with a "-rN" suffix from the second on.
	ID string
	// FetchedAt is when this version was first fetched; CheckedAt is the
	// last fetch that found the same content (equal to FetchedAt until the
	// page is fetched again unchanged).
	FetchedAt, CheckedAt time.Time
	// ETag and LastModified are the validators the server sent with this
	// version, if any.
	ETag, LastModified string
	// Hash is the hex SHA-256 of Text: what decides whether a page changed.
	Hash string
	// Text is the page's text as fetched: VisibleText of the page (the
	// page source when nothing is visible), or the text of a plain-text
	// document.
	Text string
	// Extracted is the article text from extraction, once the caller has
	// recorded the extracted document (History.Record, Client.Record).
	Extracted string
	// Title, Published and Updated are the document's, as recorded: at
	// fetch time what the page's metadata or feed gave, after
	// History.Record what extraction found.
	Title              string
	Published, Updated document.Date
}

// History keeps the versions of pages, keyed by canonical URL. It is safe
// for concurrent use.
type History struct {
	mu    sync.Mutex
	byURL map[string][]Revision
	// changes counts modifications, so that a client saves only when
	// something changed.
	changes atomic.Int64
}

// NewHistory returns an empty history.
func NewHistory() *History { return &History{byURL: map[string][]Revision{}} }

// pageText is what decides whether a page changed: the visible text of its
// source; the source itself when nothing is visible (a page its scripts
// fill in); the extracted text of a document that has no source.
func pageText(d *document.Document) string {
	if d.Raw == "" {
		return strings.Join(Paragraphs(d.Extracted), "\n\n")
	}
	if t := VisibleText(d); t != "" {
		return t
	}
	return d.Raw
}

// Add records d as fetched at t. When the page (keyed by d.URL, else
// d.Source) was seen before with the same text (see Revision.Text), Add
// returns that revision and changed false, and gives d that revision's ID.
// Otherwise d becomes a new revision, with d's title and dates as known
// now: its ID gets a "-rN" suffix from the second revision on, and changed
// is true. Either way d takes the first version's recorded publication
// date when it has none of its own. Add does not keep d; call Record once d
// is extracted.
func (h *History) Add(d *document.Document, t time.Time) (rev Revision, changed bool) {
	return h.add(d, t, "", "")
}

func (h *History) add(d *document.Document, t time.Time, etag, lastModified string) (Revision, bool) {
	key := pageKey(d)
	text := pageText(d)
	hash := textHash(text)
	h.mu.Lock()
	defer h.mu.Unlock()
	defer h.changes.Add(1)
	revs := h.byURL[key]
	if len(revs) > 0 && d.Published.IsZero() {
		d.Published = revs[0].Published
	}
	if n := len(revs); n > 0 && revs[n-1].Hash == hash {
		last := &revs[n-1]
		last.CheckedAt = t
		d.ID = last.ID
		return *last, false
	}
	if len(revs) > 0 {
		d.ID = fmt.Sprintf("%s-r%d", revs[0].ID, len(revs)+1)
	}
	rev := Revision{N: len(revs) + 1, ID: d.ID, FetchedAt: t, CheckedAt: t, ETag: etag, LastModified: lastModified,
		Hash: hash, Text: text}
	record(&rev, d)
	h.byURL[key] = append(revs, rev)
	return rev, true
}

// pageKey is the key of d's page in a History: its URL, else its Source.
func pageKey(d *document.Document) string {
	if d.URL != "" {
		return d.URL
	}
	return d.Source
}

// textHash is the hex SHA-256 of a page text (Revision.Hash).
func textHash(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:])
}

// record copies what d tells about its page (extracted text, title, dates)
// into r, and reports whether anything changed. Empty fields of d leave r's
// as they are.
func record(r *Revision, d *document.Document) bool {
	changed := false
	set := func(dst *string, v string) {
		if v != "" && *dst != v {
			*dst, changed = v, true
		}
	}
	set(&r.Extracted, d.Extracted)
	set(&r.Title, d.Title)
	if !d.Published.IsZero() && !d.Published.Equal(r.Published) {
		r.Published, changed = d.Published, true
	}
	if !d.Updated.IsZero() && !d.Updated.Equal(r.Updated) {
		r.Updated, changed = d.Updated, true
	}
	return changed
}

// Record stores what processing learned about a fetched document (its
// extracted text, title and dates) in the revision it was fetched as: the
// revision of d's page (d.URL, else d.Source) whose content matches d's
// page source (see Revision.Hash). Call it once the document is extracted
// and dated; the history reads the document only during the call. It
// reports whether d matched a revision; documents the history never saw
// (local files, say) match none and are left alone.
func (h *History) Record(d *document.Document) bool {
	h.mu.Lock()
	_, revs := h.lookup(pageKey(d))
	h.mu.Unlock()
	if len(revs) == 0 {
		return false
	}
	hash := textHash(pageText(d)) // outside the lock: it reads the whole page
	h.mu.Lock()
	defer h.mu.Unlock()
	_, revs = h.lookup(pageKey(d))
	for i := len(revs) - 1; i >= 0; i-- {
		if revs[i].Hash == hash {
			if record(&revs[i], d) {
				h.changes.Add(1)
			}
			return true
		}
	}
	return false
}

// lookup finds the revisions of url, also when given in a non-canonical
// form. h.mu must be held.
func (h *History) lookup(url string) (string, []Revision) {
	if revs, ok := h.byURL[url]; ok {
		return url, revs
	}
	if canon, err := Canonicalize(url); err == nil {
		return canon, h.byURL[canon]
	}
	return url, nil
}

// Revisions returns the versions of a page in fetch order, with what was
// recorded about them (see Record). url may be the canonical URL or any
// form of it that Canonicalize maps there.
func (h *History) Revisions(url string) []Revision {
	h.mu.Lock()
	defer h.mu.Unlock()
	_, revs := h.lookup(url)
	return slices.Clone(revs)
}

// URLs lists the pages with at least one revision, sorted.
func (h *History) URLs() []string {
	h.mu.Lock()
	defer h.mu.Unlock()
	urls := make([]string, 0, len(h.byURL))
	for u := range h.byURL {
		urls = append(urls, u)
	}
	slices.Sort(urls)
	return urls
}

// DiffParagraphs compares the last two revisions of a page paragraph by
// paragraph (see the function DiffParagraphs). It compares extracted texts
// when both revisions have one, else the fetched texts (Revision.Text). It
// fails when the page has fewer than two revisions.
func (h *History) DiffParagraphs(url string) ([]ParagraphChange, error) {
	revs := h.Revisions(url)
	if len(revs) < 2 {
		return nil, fmt.Errorf("diffing revisions of %s: %d revision(s) known, need 2", url, len(revs))
	}
	prev, last := revs[len(revs)-2], revs[len(revs)-1]
	if prev.Extracted != "" && last.Extracted != "" {
		return DiffParagraphs(prev.Extracted, last.Extracted), nil
	}
	return DiffParagraphs(prev.Text, last.Text), nil
}
