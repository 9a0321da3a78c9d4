package fetch

import (
	"io"
	"log/slog"
	"time"
)

// DefaultUserAgent names the crawler and where to learn about it.
const DefaultUserAgent = "Corroborate/0.1 (+https://github.com/corroborate/corroborate)"

// RobotsAgent is the product token matched against robots.txt groups.
const RobotsAgent = "Corroborate"

// Stage is the stage name on problems found while fetching.
const Stage = "fetch"

// Options configures a Client. Zero values take the defaults shown.
type Options struct {
	// AllowPrivate permits connections to loopback, private, link-local
	// and other non-public addresses (default false: refused).
	AllowPrivate bool
	// Concurrency is the number of fetches in flight in Documents (4).
	Concurrency int
	// PerHost is the number of requests in flight to one host (2).
	PerHost int
	// RatePerHost is the most requests per second sent to one host (1);
	// a robots.txt Crawl-delay can only slow it down.
	RatePerHost float64
	// Budget bounds the time spent on one URL: robots.txt, connecting,
	// headers, body, every retry and the backoff between them (60s). Only
	// waiting for a turn at the URL's host (PerHost, RatePerHost) is not
	// counted. A URL over budget fails with ErrTimeBudget, naming the URL
	// and the budget; the other URLs of a batch go on.
	Budget time.Duration
	// Timeout bounds one request (one attempt), body included (30s).
	Timeout time.Duration
	// HeaderTimeout bounds the wait for a response's headers, redirects
	// included, in one attempt (20s).
	HeaderTimeout time.Duration
	// IdleTimeout bounds a silence while reading a response body: an
	// attempt that receives no byte for this long ends (20s).
	IdleTimeout time.Duration
	// ConnectTimeout bounds establishing a connection (10s).
	ConnectTimeout time.Duration
	// MaxBytes bounds a response body after decompression (20 MiB).
	MaxBytes int64
	// UserAgent is sent with every request (DefaultUserAgent).
	UserAgent string
	// MaxRetries is how often a request is retried after a 429 or 5xx
	// answer or a transient network error (3); negative means never. See
	// retry.go for what counts as transient.
	MaxRetries int
	// RetryBase is the first backoff delay, doubled on each retry (1s).
	// A Retry-After header, up to MaxRetryWait, takes precedence.
	RetryBase time.Duration
	// MaxRetryWait caps one backoff delay (30s).
	MaxRetryWait time.Duration
	// MaxRedirects is the longest redirect chain followed (5).
	MaxRedirects int
	// IgnoreRobots skips robots.txt (default false: honoured).
	IgnoreRobots bool
	// Progress receives a progress bar in Documents, and the line New
	// writes when it waits for a state folder in use. Nil means standard
	// error: the bar only when it is a terminal, the line always.
	Progress io.Writer
	// StateDir is a folder where the revalidation cache (validators and
	// bodies of pages with an ETag or Last-Modified) and the revision
	// history persist between runs, in the file StateFile (format in
	// state.go). It is locked and loaded by New, saved atomically as
	// pages come in (at most every 2s) and at the end of each Documents or
	// FeedDocuments batch, and saved and released by Close; a second
	// client on the same folder waits for it (see LockFile). Empty means
	// in memory only.
	StateDir string
	// StateWait is how long New waits for another client (this process
	// or another) to release StateDir before it gives up on the state
	// folder (30s). See ErrStateBusy.
	StateWait time.Duration
	// Archive, when set, receives every page fetched with a full answer
	// (not robots.txt, not 304s), body decompressed, so that a run can be
	// analysed again offline (ingest.ReadWARC reads the file back): a
	// *warc.Appender for a .warc.gz file shared between runs, or a
	// *warc.Writer. A page whose payload is archived already becomes a
	// revisit record. Write errors are logged and returned by Close; the
	// caller closes the archive after Close.
	Archive Archiver
	// Logger receives debug notes (slog.Default()).
	Logger *slog.Logger
}

func (o Options) withDefaults() Options {
	if o.Concurrency <= 0 {
		o.Concurrency = 4
	}
	if o.PerHost <= 0 {
		o.PerHost = 2
	}
	if o.RatePerHost <= 0 {
		o.RatePerHost = 1
	}
	if o.Budget <= 0 {
		o.Budget = 60 * time.Second
	}
	if o.Timeout <= 0 {
		o.Timeout = 30 * time.Second
	}
	if o.HeaderTimeout <= 0 {
		o.HeaderTimeout = 20 * time.Second
	}
	if o.IdleTimeout <= 0 {
		o.IdleTimeout = 20 * time.Second
	}
	if o.StateWait <= 0 {
		o.StateWait = 30 * time.Second
	}
	if o.ConnectTimeout <= 0 {
		o.ConnectTimeout = 10 * time.Second
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = 20 << 20
	}
	if o.UserAgent == "" {
		o.UserAgent = DefaultUserAgent
	}
	if o.MaxRetries == 0 {
		o.MaxRetries = 3
	}
	if o.RetryBase <= 0 {
		o.RetryBase = time.Second
	}
	if o.MaxRetryWait <= 0 {
		o.MaxRetryWait = 30 * time.Second
	}
	if o.MaxRedirects <= 0 {
		o.MaxRedirects = 5
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	return o
}
