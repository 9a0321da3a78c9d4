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
	// Timeout bounds one request, body included (30s).
	Timeout time.Duration
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
	// Progress receives a progress bar in Documents. Nil means standard
	// error when it is a terminal, and no bar otherwise.
	Progress io.Writer
	// StateDir is a folder where the revalidation cache (validators and
	// bodies of pages with an ETag or Last-Modified) and the revision
	// history persist between runs, in the file StateFile (format in
	// state.go). It is loaded by New and saved, atomically, after each
	// Documents or FeedDocuments batch and by Close. Empty means in memory
	// only. Two processes sharing a folder at once do not merge: the last
	// save wins.
	StateDir string
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
	if o.Timeout <= 0 {
		o.Timeout = 30 * time.Second
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
