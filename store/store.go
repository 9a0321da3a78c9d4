// Package store defines what Corroborate's service keeps between runs:
// every report's raw bytes (content-addressed, so the same page is stored
// once) and its revisions, the extracted and annotated document, stories
// and the reports in each, the latest account of each story, and jobs.
//
// Store is the interface; store/sqlite is the embedded implementation
// (one file, WAL) and storetest is the test suite every implementation
// passes. Writes go through Update, one transaction each, so that a
// half-finished analysis never shows: a story's account, its documents and
// the job that produced them are committed together or not at all.
package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"time"
)

// ErrNotFound is returned (wrapped) when a record does not exist.
var ErrNotFound = errors.New("not found")

// Store keeps the service's state. Implementations are safe for concurrent
// use.
type Store interface {
	Reader
	// Update runs fn in one transaction: every write fn makes is committed
	// when it returns nil and none when it returns an error (which Update
	// returns).
	Update(ctx context.Context, fn func(tx Tx) error) error
	// Close releases the store.
	Close() error
}

// Reader reads committed state.
type Reader interface {
	// Blob returns the bytes stored under hash (see Hash).
	Blob(ctx context.Context, hash string) ([]byte, error)
	// Document returns a document by its ID, with its record.
	Document(ctx context.Context, id string) (*Document, error)
	// DocumentByKey returns the document with the given key (see
	// Document.Key), or ErrNotFound.
	DocumentByKey(ctx context.Context, key string) (*Document, error)
	// Revisions lists a document's revisions, oldest first.
	Revisions(ctx context.Context, docID string) ([]Revision, error)
	// StoryDocuments lists a story's documents in the order they were
	// first stored, with their records.
	StoryDocuments(ctx context.Context, storyID string) ([]*Document, error)
	// EachDocument calls fn for every document assigned to a story, in the
	// order they were first stored, with their records (used to rebuild
	// the story clusterer on start).
	EachDocument(ctx context.Context, fn func(*Document) error) error
	// Story returns one story.
	Story(ctx context.Context, id string) (*Story, error)
	// Stories lists stories, most recently updated first.
	Stories(ctx context.Context, q StoryQuery) ([]Story, error)
	// Account returns the latest account of a story, or ErrNotFound when
	// none was built yet.
	Account(ctx context.Context, storyID string) (*Account, error)
	// Search finds documents and accounts matching a full-text query
	// (words; quoted phrases), best first.
	Search(ctx context.Context, q string, limit int) ([]Hit, error)
	// Job returns one job.
	Job(ctx context.Context, id int64) (*Job, error)
	// Feeds lists the feeds polled, oldest first.
	Feeds(ctx context.Context) ([]Feed, error)
	// Counts returns the number of documents, stories, blobs and jobs in
	// each state.
	Counts(ctx context.Context) (Counts, error)
}

// Tx is one transaction's writes (and the reads it needs to decide them).
type Tx interface {
	// PutBlob stores data under its hash, once, and returns the hash.
	PutBlob(ctx context.Context, data []byte) (string, error)
	// DocumentByKey reads a document inside the transaction.
	DocumentByKey(ctx context.Context, key string) (*Document, error)
	// StoryDocuments reads a story's documents inside the transaction.
	StoryDocuments(ctx context.Context, storyID string) ([]*Document, error)
	// InsertDocument stores a new document and sets its ID, Seq and times.
	InsertDocument(ctx context.Context, d *Document) error
	// UpdateDocument replaces a stored document's fields (by ID).
	UpdateDocument(ctx context.Context, d *Document) error
	// AddRevision records that a document's source had the given bytes;
	// it reports false when that revision was already recorded.
	AddRevision(ctx context.Context, r Revision) (bool, error)
	// CreateStory stores a new story and sets its ID and times.
	CreateStory(ctx context.Context, s *Story) error
	// UpdateStory replaces a story's fields (by ID) and sets UpdatedAt.
	UpdateStory(ctx context.Context, s *Story) error
	// PutAccount replaces a story's account; its Version is set to one
	// more than the previous.
	PutAccount(ctx context.Context, a *Account) error
	// EnqueueJob stores a queued job and sets its ID and times.
	EnqueueJob(ctx context.Context, j *Job) error
	// AddFeed adds a feed to poll; it reports false when it was there.
	AddFeed(ctx context.Context, url string) (bool, error)
	// FeedPolled records a poll of a feed: when, the error met ("" for
	// none) and how many reports it queued.
	FeedPolled(ctx context.Context, url string, at time.Time, errMsg string, queued int) error
	// FinishJob marks a job done with a result, or failed with an error
	// message when errMsg is not empty.
	FinishJob(ctx context.Context, id int64, result []byte, errMsg string) error
}

// Jobs is the store side of a durable job queue (package jobs builds the
// in-process queue on it).
type Jobs interface {
	// ClaimJob marks the oldest queued job running, counts an attempt and
	// returns it; ErrNotFound when none is queued.
	ClaimJob(ctx context.Context) (*Job, error)
	// RequeueRunning puts jobs left running (by a process that stopped)
	// back in the queue and returns how many.
	RequeueRunning(ctx context.Context) (int, error)
	// RetryJob puts a running job back in the queue with the error of its
	// last attempt.
	RetryJob(ctx context.Context, id int64, errMsg string) error
}

// Document is a stored report.
type Document struct {
	// ID names the document in the API ("r1", "r2", …).
	ID string `json:"id"`
	// Seq orders documents by first arrival.
	Seq int64 `json:"-"`
	// Key identifies the report across submissions: "url:" and its URL
	// when it has one, else "sha256:" and the hash of its bytes.
	Key string `json:"-"`
	// StoryID is the story the document belongs to ("" while set aside).
	StoryID   string    `json:"story,omitempty"`
	Source    string    `json:"source"`
	URL       string    `json:"url,omitempty"`
	Title     string    `json:"title,omitempty"`
	Outlet    string    `json:"outlet,omitempty"`
	Published time.Time `json:"published,omitzero"`
	// BlobHash names the raw bytes of the current revision.
	BlobHash string   `json:"sha256"`
	Flags    []string `json:"flags,omitempty"`
	// Text is the cleaned text (indexed for search).
	Text string `json:"-"`
	// Extracted is the document as extraction left it (EncodeDocument),
	// from which its annotations can be made again.
	Extracted []byte `json:"-"`
	// Record is the document with its annotation layers (EncodeDocument).
	Record    []byte    `json:"-"`
	CreatedAt time.Time `json:"created"`
	UpdatedAt time.Time `json:"updated"`
}

// Revision is one version of a document's source bytes.
type Revision struct {
	ID          int64     `json:"id"`
	DocumentID  string    `json:"document"`
	BlobHash    string    `json:"sha256"`
	Size        int64     `json:"size"`
	ContentType string    `json:"content_type,omitempty"`
	FetchedAt   time.Time `json:"fetched"`
}

// Story is a group of reports of the same events.
type Story struct {
	ID      string    `json:"id"`
	Title   string    `json:"title"`
	First   time.Time `json:"first,omitzero"`
	Last    time.Time `json:"last,omitzero"`
	Reports int       `json:"reports"`
	// Cluster is the story's key in the online clusterer.
	Cluster   string    `json:"-"`
	CreatedAt time.Time `json:"created"`
	UpdatedAt time.Time `json:"updated"`
}

// StoryQuery selects stories.
type StoryQuery struct {
	// Q is a full-text query over the accounts ("" for all).
	Q string
	// Since keeps stories updated at or after it (zero: all).
	Since time.Time
	// Limit caps the list (0: 50).
	Limit int
}

// Account is the latest account of a story: the corroborate/1.0 JSON of
// `analyze --format json`.
type Account struct {
	StoryID string `json:"story"`
	Version int    `json:"version"`
	JSON    []byte `json:"-"`
	// HTML is the self-contained HTML report and TimelineJS the TimelineJS
	// JSON of the same account.
	HTML       []byte `json:"-"`
	TimelineJS []byte `json:"-"`
	// Text is what search indexes: the title, summary and quotes.
	Text      string        `json:"-"`
	Title     string        `json:"title"`
	BuiltAt   time.Time     `json:"built"`
	BuildTime time.Duration `json:"build_ns"`
}

// Job states.
const (
	JobQueued  = "queued"
	JobRunning = "running"
	JobDone    = "done"
	JobFailed  = "failed"
)

// Job is a unit of queued work.
type Job struct {
	ID        int64     `json:"id"`
	Kind      string    `json:"kind"`
	State     string    `json:"state"`
	Payload   []byte    `json:"-"`
	Result    []byte    `json:"-"`
	Error     string    `json:"error,omitempty"`
	Attempts  int       `json:"attempts"`
	CreatedAt time.Time `json:"created"`
	UpdatedAt time.Time `json:"updated"`
}

// Feed is an RSS, Atom or JSON feed polled for new reports.
type Feed struct {
	URL       string    `json:"url"`
	AddedAt   time.Time `json:"added"`
	PolledAt  time.Time `json:"polled,omitzero"`
	LastError string    `json:"last_error,omitempty"`
	// Reports counts the reports queued from the feed so far.
	Reports int `json:"reports"`
}

// Hit is one search result.
type Hit struct {
	// Kind is "document" or "story".
	Kind    string  `json:"kind"`
	ID      string  `json:"id"`
	StoryID string  `json:"story,omitempty"`
	Title   string  `json:"title"`
	Snippet string  `json:"snippet"`
	Rank    float64 `json:"rank"`
}

// Counts sizes the store.
type Counts struct {
	Documents int            `json:"documents"`
	Stories   int            `json:"stories"`
	Blobs     int            `json:"blobs"`
	Jobs      map[string]int `json:"jobs"`
}

// Hash returns the content address of data: hex SHA-256.
func Hash(data []byte) string {
	h := sha256.Sum256(data)
	return hex.EncodeToString(h[:])
}
