package fetch

import (
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Errors a fetch can fail with (wrapped; test with errors.Is).
var (
	ErrTooLarge    = errors.New("response too large")
	ErrContentType = errors.New("unsupported content type")
	ErrStatus      = errors.New("HTTP error status")
)

// Client fetches pages. It is safe for concurrent use; create one per run so
// that robots.txt, rate limits and the revalidation cache are shared.
type Client struct {
	opts Options
	http *http.Client
	// robotsHTTP fetches robots.txt files; its redirects skip the robots
	// check, which would otherwise recurse into the fetch in progress.
	robotsHTTP *http.Client
	log        *slog.Logger
	mu         sync.Mutex
	hosts      map[string]*hostLimit
	robots     map[string]*robotsEntry
	cache      validatorCache
	history    *History
	// allowAddr lists exact ip:port addresses exempt from the address
	// check (tests use it to admit one loopback server and no other).
	allowAddr map[string]bool
	transport *http.Transport
	// statePath is the state file ("" without Options.StateDir, or when
	// another run kept the folder); stateErr the error loading it. saveMu
	// serialises saves and guards the fields after it: savedAt is the
	// modification count last saved, lastSave its time; lock is the
	// state folder's lock file while this client holds it, lockable false
	// where the folder cannot be locked; disk describes the state file as
	// this client last read or wrote it (nil: none), so that a file
	// changed by someone else is merged before it is replaced.
	statePath string
	stateErr  error
	saveMu    sync.Mutex
	savedAt   int64
	lastSave  time.Time
	lock      *os.File
	lockable  bool
	disk      os.FileInfo
	// saveEvery spaces the saves made as pages come in; timerMu guards
	// saveTimer, the save pending.
	saveEvery time.Duration
	timerMu   sync.Mutex
	saveTimer *time.Timer
	archive   *archive // nil without Options.Archive
}

// New returns a client with opts (zero fields take their defaults). With
// Options.StateDir it loads the revalidation cache and the revision history
// saved there; a damaged state file is logged as a warning (see
// StateError) and the client starts from an empty state. Call Close when
// done so that the state is saved.
func New(opts Options) *Client {
	opts = opts.withDefaults()
	c := &Client{
		opts:    opts,
		log:     opts.Logger,
		hosts:   map[string]*hostLimit{},
		robots:  map[string]*robotsEntry{},
		history: NewHistory(),
		// A save rewrites the whole file (bodies included): spacing them
		// keeps a batch linear while losing at most 2s of pages to a kill.
		saveEvery: 2 * time.Second,
	}
	dialer := &net.Dialer{Timeout: opts.ConnectTimeout, KeepAlive: 30 * time.Second, Control: c.control}
	transport := &http.Transport{
		Proxy:                 nil, // a proxy would hide the real destination from the address check
		DialContext:           dialer.DialContext,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          64,
		MaxIdleConnsPerHost:   opts.PerHost,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   opts.ConnectTimeout,
		ResponseHeaderTimeout: opts.Timeout,
		DisableCompression:    true, // we ask for gzip ourselves to bound its output
	}
	basicRedirect := func(req *http.Request, via []*http.Request) error {
		if len(via) > opts.MaxRedirects {
			return fmt.Errorf("stopped after %d redirects", opts.MaxRedirects)
		}
		if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
			return fmt.Errorf("redirect to unsupported scheme %q", req.URL.Scheme)
		}
		return nil
	}
	c.transport = transport
	c.robotsHTTP = &http.Client{Transport: transport, Timeout: opts.Timeout, CheckRedirect: basicRedirect}
	c.http = &http.Client{
		Transport: transport,
		Timeout:   opts.Timeout,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if err := basicRedirect(req, via); err != nil {
				return err
			}
			allowed, err := c.robotsAllowed(req.Context(), req.URL)
			if err != nil {
				return err
			}
			if !allowed {
				return fmt.Errorf("redirect to %s: %w", req.URL, ErrDisallowed)
			}
			return nil
		},
	}
	if opts.Archive != nil {
		c.archive = &archive{w: opts.Archive}
	}
	c.loadState()
	return c
}

// History returns the revisions of the pages this client fetched, and of
// those loaded from Options.StateDir.
func (c *Client) History() *History { return c.history }

// Page is a fetched response.
type Page struct {
	// URL is the address as requested; FinalURL is where redirects led.
	URL, FinalURL string
	Status        int
	ContentType   string
	// Body is the (decompressed) response body.
	Body         []byte
	ETag         string
	LastModified string
	FetchedAt    time.Time
	// NotModified is set when the server answered 304 and Body comes from
	// the client's cache.
	NotModified bool
}

// allowedTypes are the media types worth reading as news or feeds.
var allowedTypes = map[string]bool{
	"text/html": true, "application/xhtml+xml": true, "text/plain": true,
	"application/rss+xml": true, "application/atom+xml": true, "application/rdf+xml": true,
	"application/xml": true, "text/xml": true, "application/feed+json": true,
}

// Fetch GETs one page, following the rules of the client's options. All of
// it — robots.txt, every attempt, the backoff between them — fits in
// Options.Budget, except the wait for a turn at the host; a URL over
// budget fails with ErrTimeBudget.
func (c *Client) Fetch(ctx context.Context, rawURL string) (*Page, error) {
	u, err := url.Parse(strings.TrimSpace(rawURL))
	if err != nil {
		return nil, fmt.Errorf("parsing URL: %w", err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("only http and https URLs are fetched, not %q", u.Scheme)
	}
	if u.Host == "" {
		return nil, fmt.Errorf("URL has no host")
	}
	target := u.String()
	start := time.Now()
	rctx, rcancel := context.WithTimeoutCause(ctx, c.opts.Budget, ErrTimeBudget)
	allowed, err := c.robotsAllowed(rctx, u)
	rcancel()
	if err != nil {
		if overBudget(ctx, rctx) {
			return nil, c.budgetError(target, 0, err)
		}
		return nil, err
	}
	if !allowed {
		return nil, fmt.Errorf("%s: %w", u.EscapedPath(), ErrDisallowed)
	}
	h := c.host(u.Scheme + "://" + u.Host)
	// Waiting for the first turn at the host is not counted: the budget
	// (less the time robots.txt took) starts once it is this URL's turn.
	if err := h.acquire(ctx); err != nil {
		return nil, err
	}
	end := time.Now().Add(c.opts.Budget - time.Since(start))
	bctx, cancel := context.WithDeadlineCause(ctx, end, ErrTimeBudget)
	defer cancel()
	for attempt := 0; ; attempt++ {
		if attempt > 0 {
			if err := h.acquire(bctx); err != nil {
				if overBudget(ctx, bctx) {
					return nil, c.budgetError(target, attempt, errors.New("waiting for a turn at the host to retry"))
				}
				return nil, err
			}
		}
		page, retryAfter, err := c.once(bctx, target)
		h.release()
		if err == nil {
			return page, nil
		}
		if overBudget(ctx, bctx) {
			return nil, c.budgetError(target, attempt+1, err)
		}
		if retryAfter < 0 || c.opts.MaxRetries < 0 || attempt >= c.opts.MaxRetries {
			if retryAfter >= 0 && attempt > 0 {
				return nil, fmt.Errorf("%w (gave up after %d attempts)", err, attempt+1)
			}
			return nil, err
		}
		wait := backoff(c.opts, attempt, retryAfter)
		if time.Until(end) <= wait {
			return nil, c.budgetError(target, attempt+1, fmt.Errorf("%w; no time left for a retry in %s", err, wait))
		}
		c.log.Debug("retrying", "url", rawURL, "attempt", attempt+1, "wait", wait, "err", err)
		if err := sleep(bctx, wait); err != nil {
			if overBudget(ctx, bctx) {
				return nil, c.budgetError(target, attempt+1, err)
			}
			return nil, err
		}
	}
}

// overBudget reports whether bctx, derived from the caller's ctx, ended
// because the URL's time budget ran out (rather than the caller's
// cancellation).
func overBudget(ctx, bctx context.Context) bool {
	return ctx.Err() == nil && bctx.Err() != nil && errors.Is(context.Cause(bctx), ErrTimeBudget)
}

// budgetError is the error of a URL whose budget ran out after attempts
// requests, the last ending with last.
func (c *Client) budgetError(target string, attempts int, last error) error {
	tries := "before any request"
	switch {
	case attempts == 1:
		tries = "after 1 attempt"
	case attempts > 1:
		tries = fmt.Sprintf("after %d attempts", attempts)
	}
	return fmt.Errorf("%s: %w (%s, --fetch-timeout) %s: %w", target, ErrTimeBudget, c.opts.Budget, tries, last)
}

// Reasons an attempt is cut short by the client's own timers (the
// causes of its context).
var (
	errHeaderTimeout = errors.New("header timeout")
	errIdleTimeout   = errors.New("idle timeout")
)

// once makes one request within ctx (the URL's budget), with
// Options.HeaderTimeout for the headers and Options.IdleTimeout for each
// silence in the body. retryAfter is negative when the error is not worth
// retrying, zero for the default backoff, positive for a server's
// Retry-After.
func (c *Client) once(ctx context.Context, target string) (page *Page, retryAfter time.Duration, err error) {
	actx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	req, err := http.NewRequestWithContext(actx, http.MethodGet, target, nil)
	if err != nil {
		return nil, -1, fmt.Errorf("building request: %w", err)
	}
	req.Header.Set("User-Agent", c.opts.UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.1")
	req.Header.Set("Accept-Encoding", "gzip")
	cached, haveCached := c.cache.get(target)
	if haveCached {
		if cached.etag != "" {
			req.Header.Set("If-None-Match", cached.etag)
		}
		if cached.lastModified != "" {
			req.Header.Set("If-Modified-Since", cached.lastModified)
		}
	}
	headers := time.AfterFunc(c.opts.HeaderTimeout, func() { cancel(errHeaderTimeout) })
	resp, err := c.http.Do(req)
	headers.Stop()
	if err != nil {
		switch {
		case ctx.Err() != nil && errors.Is(context.Cause(ctx), ErrTimeBudget):
			return nil, -1, errors.New("cut off while waiting for the response headers")
		case ctx.Err() == nil && errors.Is(context.Cause(actx), errHeaderTimeout):
			return nil, 0, fmt.Errorf("no complete response headers within %s (header timeout)", c.opts.HeaderTimeout)
		}
		if transientNetError(ctx, err) {
			return nil, 0, describeNetError(err, c.opts)
		}
		return nil, -1, describeNetError(err, c.opts)
	}
	defer resp.Body.Close()
	idle := time.AfterFunc(c.opts.IdleTimeout, func() { cancel(errIdleTimeout) })
	defer idle.Stop()
	resp.Body = &idleBody{ReadCloser: resp.Body, timer: idle, d: c.opts.IdleTimeout}
	page, retryAfter, err = c.answer(ctx, resp, target, cached, haveCached)
	if err != nil && ctx.Err() == nil && errors.Is(context.Cause(actx), errIdleTimeout) {
		got := resp.Body.(*idleBody).n
		err = fmt.Errorf("no data for %s while reading the body, %d bytes in (idle timeout)", c.opts.IdleTimeout, got)
		if got == 0 {
			return nil, 0, err
		}
		return nil, -1, err
	}
	if err != nil && ctx.Err() != nil && errors.Is(context.Cause(ctx), ErrTimeBudget) {
		return nil, -1, fmt.Errorf("cut off while reading the body, %d bytes in", resp.Body.(*idleBody).n)
	}
	return page, retryAfter, err
}

// idleBody re-arms the idle timer at every read that brings bytes, and
// counts them.
type idleBody struct {
	io.ReadCloser
	timer *time.Timer
	d     time.Duration
	n     int64
}

func (b *idleBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	if n > 0 {
		b.n += int64(n)
		b.timer.Reset(b.d)
	}
	return n, err
}

// answer turns the response to one request into a page, or an error with
// its retry advice (see once).
func (c *Client) answer(ctx context.Context, resp *http.Response, target string, cached cacheEntry, haveCached bool) (page *Page, retryAfter time.Duration, err error) {
	now := time.Now()
	switch {
	case resp.StatusCode == http.StatusNotModified && haveCached:
		return &Page{URL: target, FinalURL: cached.finalURL, Status: resp.StatusCode, ContentType: cached.contentType,
			Body: cached.body, ETag: cached.etag, LastModified: cached.lastModified, FetchedAt: now, NotModified: true}, 0, nil
	case resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500:
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		return nil, parseRetryAfter(resp.Header.Get("Retry-After"), now), fmt.Errorf("%w: %s", ErrStatus, resp.Status)
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		return nil, -1, fmt.Errorf("%w: %s", ErrStatus, resp.Status)
	}
	ct := resp.Header.Get("Content-Type")
	mt, _, _ := mime.ParseMediaType(ct)
	if ct != "" && !allowedTypes[mt] {
		return nil, -1, fmt.Errorf("%w %q (want HTML, text or a feed)", ErrContentType, mt)
	}
	if resp.ContentLength > c.opts.MaxBytes {
		return nil, -1, fmt.Errorf("%w: %d bytes announced, over the %d-byte limit", ErrTooLarge, resp.ContentLength, c.opts.MaxBytes)
	}
	body, got, err := c.readBody(resp)
	if err != nil {
		if transientBodyError(ctx, err, got) {
			return nil, 0, err
		}
		return nil, -1, err
	}
	if ct == "" {
		ct = http.DetectContentType(body)
		if mt, _, _ := mime.ParseMediaType(ct); !allowedTypes[mt] {
			return nil, -1, fmt.Errorf("%w %q (no Content-Type; sniffed)", ErrContentType, mt)
		}
	}
	page = &Page{URL: target, FinalURL: resp.Request.URL.String(), Status: resp.StatusCode, ContentType: ct, Body: body,
		ETag: resp.Header.Get("ETag"), LastModified: resp.Header.Get("Last-Modified"), FetchedAt: now}
	c.cache.put(target, cacheEntry{etag: page.ETag, lastModified: page.LastModified, contentType: ct,
		finalURL: page.FinalURL, body: body, fetchedAt: now})
	c.archivePage(page, resp.Header)
	return page, 0, nil
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n int64
}

func (cr *countingReader) Read(p []byte) (int, error) {
	n, err := cr.r.Read(p)
	cr.n += int64(n)
	return n, err
}

// readBody reads the body, decompressing gzip, within MaxBytes. got is the
// number of bytes that arrived from the network, also on error.
func (c *Client) readBody(resp *http.Response) (body []byte, got int64, err error) {
	wire := &countingReader{r: resp.Body}
	var r io.Reader = wire
	what := "body"
	switch strings.ToLower(resp.Header.Get("Content-Encoding")) {
	case "", "identity":
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(wire)
		if err != nil {
			return nil, wire.n, describeNetError(fmt.Errorf("reading gzip body: %w", err), c.opts)
		}
		defer zr.Close()
		r, what = zr, "decompressed body"
	default:
		return nil, wire.n, fmt.Errorf("unsupported Content-Encoding %q", resp.Header.Get("Content-Encoding"))
	}
	body, err = io.ReadAll(io.LimitReader(r, c.opts.MaxBytes+1))
	if err != nil {
		return nil, wire.n, describeNetError(fmt.Errorf("reading %s: %w", what, err), c.opts)
	}
	if int64(len(body)) > c.opts.MaxBytes {
		return nil, wire.n, fmt.Errorf("%w: %s is over the %d-byte limit", ErrTooLarge, what, c.opts.MaxBytes)
	}
	return body, wire.n, nil
}

// parseRetryAfter reads a Retry-After header (seconds or an HTTP date).
func parseRetryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if s, err := strconv.Atoi(v); err == nil && s >= 0 {
		return time.Duration(s) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}

// describeNetError makes timeouts say which limit was hit.
func describeNetError(err error, o Options) error {
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return fmt.Errorf("timed out (limit %s): %w", o.Timeout, err)
	}
	return err
}

// ErrTimeBudget is returned (wrapped, naming the URL and the budget) when
// a URL took all of Options.Budget.
var ErrTimeBudget = errors.New("time budget per URL spent")
