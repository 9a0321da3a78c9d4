// Package postgres is the PostgreSQL implementation of store.Store
// (pgx v5 through a pgxpool): schema migrations embedded and run by goose
// on Open under a session lock (so that a serve and its workers starting
// together migrate once), full-text search through tsvector columns and
// GIN indexes instead of FTS5, and content-hash idempotent inserts with
// ON CONFLICT. Several processes may share one database: jobs are claimed
// with FOR UPDATE SKIP LOCKED, and Locked serializes work across
// processes with an advisory lock.
package postgres

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/pgx/v5/stdlib"
	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"

	"github.com/corroborate/corroborate/store"
)

//go:embed migrations/*.sql
var migrations embed.FS

// JobDead is the state of a job given up after its last delivery (a
// dead letter).
const JobDead = "dead"

// DB is a store.Store on a PostgreSQL database.
type DB struct {
	pool *pgxpool.Pool
	name string // the URL without its password, for messages
}

var (
	_ store.Store = (*DB)(nil)
	_ store.Jobs  = (*DB)(nil)
)

// redact returns the URL with its password hidden.
func redact(rawURL string) string {
	u, err := url.Parse(rawURL)
	if err != nil {
		return "postgres://…"
	}
	return u.Redacted()
}

// Open connects to the database at rawURL (postgres://user@host:port/db?…)
// and brings its schema up to date.
func Open(ctx context.Context, rawURL string) (*DB, error) {
	name := redact(rawURL)
	cfg, err := pgxpool.ParseConfig(rawURL)
	if err != nil {
		return nil, fmt.Errorf("store %s: %w", name, err)
	}
	if cfg.MaxConns < 8 {
		cfg.MaxConns = 8
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("store %s: %w", name, err)
	}
	db := &DB{pool: pool, name: name}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("store %s: PostgreSQL unreachable: %w", name, err)
	}
	if err := db.migrate(ctx); err != nil {
		pool.Close()
		return nil, err
	}
	return db, nil
}

func (db *DB) migrate(ctx context.Context) error {
	sub, err := fs.Sub(migrations, "migrations")
	if err != nil {
		return err
	}
	sqlDB := stdlib.OpenDBFromPool(db.pool)
	defer sqlDB.Close()
	locker, err := lock.NewPostgresSessionLocker()
	if err != nil {
		return err
	}
	p, err := goose.NewProvider(goose.DialectPostgres, sqlDB, sub, goose.WithSessionLocker(locker))
	if err != nil {
		return fmt.Errorf("store %s: preparing migrations: %w", db.name, err)
	}
	if _, err := p.Up(ctx); err != nil {
		return fmt.Errorf("store %s: migrating schema: %w", db.name, err)
	}
	return nil
}

// Path names the database (its URL without the password).
func (db *DB) Path() string { return db.name }

// Ping checks that PostgreSQL answers.
func (db *DB) Ping(ctx context.Context) error { return db.pool.Ping(ctx) }

// Close closes the pool.
func (db *DB) Close() error {
	db.pool.Close()
	return nil
}

// Pool returns the connection pool (tests and tools).
func (db *DB) Pool() *pgxpool.Pool { return db.pool }

// Locked runs fn holding the PostgreSQL advisory lock key, so that no
// other process holding the same key runs at the same time.
func (db *DB) Locked(ctx context.Context, key int64, fn func(ctx context.Context) error) error {
	conn, err := db.pool.Acquire(ctx)
	if err != nil {
		return fmt.Errorf("store: acquiring a connection for lock %d: %w", key, err)
	}
	defer conn.Release()
	if _, err := conn.Exec(ctx, `SELECT pg_advisory_lock($1)`, key); err != nil {
		return fmt.Errorf("store: taking lock %d: %w", key, err)
	}
	defer func() {
		if _, err := conn.Exec(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock($1)`, key); err != nil {
			conn.Conn().Close(context.Background()) // closing the session frees the lock
		}
	}()
	return fn(ctx)
}

// querier is what reads and writes need from a pool and a transaction.
type querier interface {
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

func now() time.Time { return time.Now().UTC().Truncate(time.Microsecond) }

// tsOrNil stores the zero time as NULL.
func tsOrNil(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC()
}

func utc(t *time.Time) time.Time {
	if t == nil {
		return time.Time{}
	}
	return t.UTC()
}

func notFound(what, id string) error { return fmt.Errorf("%s %s: %w", what, id, store.ErrNotFound) }

// Update runs fn in one transaction.
func (db *DB) Update(ctx context.Context, fn func(tx store.Tx) error) error {
	return pgx.BeginFunc(ctx, db.pool, func(t pgx.Tx) error { return fn(&tx{q: t}) })
}

// Blob returns the bytes stored under hash.
func (db *DB) Blob(ctx context.Context, hash string) ([]byte, error) {
	var b []byte
	err := db.pool.QueryRow(ctx, `SELECT data FROM blobs WHERE hash = $1`, hash).Scan(&b)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, notFound("blob", hash)
	}
	return b, err
}

const docColumns = `id, seq, key, COALESCE(story_id, ''), source, url, title, outlet, published, blob_hash, flags, extracted, record, created_at, updated_at`

func scanDoc(sc pgx.Row) (*store.Document, error) {
	var d store.Document
	var pub *time.Time
	if err := sc.Scan(&d.ID, &d.Seq, &d.Key, &d.StoryID, &d.Source, &d.URL, &d.Title, &d.Outlet, &pub, &d.BlobHash, &d.Flags, &d.Extracted, &d.Record, &d.CreatedAt, &d.UpdatedAt); err != nil {
		return nil, err
	}
	d.Published, d.CreatedAt, d.UpdatedAt = utc(pub), d.CreatedAt.UTC(), d.UpdatedAt.UTC()
	if len(d.Flags) == 0 {
		d.Flags = nil
	}
	return &d, nil
}

func getDoc(ctx context.Context, q querier, col string, arg any, what string) (*store.Document, error) {
	d, err := scanDoc(q.QueryRow(ctx, `SELECT `+docColumns+` FROM documents WHERE `+col+` = $1`, arg))
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, notFound(what, fmt.Sprint(arg))
	}
	if err != nil {
		return nil, fmt.Errorf("reading %s %v: %w", what, arg, err)
	}
	return d, nil
}

// Document returns a document by ID.
func (db *DB) Document(ctx context.Context, id string) (*store.Document, error) {
	return getDoc(ctx, db.pool, "id", id, "document")
}

// DocumentByKey returns the document with the given key.
func (db *DB) DocumentByKey(ctx context.Context, key string) (*store.Document, error) {
	return getDoc(ctx, db.pool, "key", key, "document key")
}

func listDocs(ctx context.Context, q querier, where string, args ...any) ([]*store.Document, error) {
	rows, err := q.Query(ctx, `SELECT `+docColumns+` FROM documents `+where, args...)
	if err != nil {
		return nil, fmt.Errorf("listing documents: %w", err)
	}
	defer rows.Close()
	var out []*store.Document
	for rows.Next() {
		d, err := scanDoc(rows)
		if err != nil {
			return nil, fmt.Errorf("listing documents: %w", err)
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// StoryDocuments lists a story's documents in arrival order.
func (db *DB) StoryDocuments(ctx context.Context, storyID string) ([]*store.Document, error) {
	return listDocs(ctx, db.pool, `WHERE story_id = $1 ORDER BY seq`, storyID)
}

// EachDocument calls fn for every document in a story, in arrival order.
func (db *DB) EachDocument(ctx context.Context, fn func(*store.Document) error) error {
	return db.DocumentsAfter(ctx, 0, fn)
}

// DocumentsAfter calls fn for every document assigned to a story whose
// Seq is above seq, in arrival order (a worker catching up with the
// documents other workers stored).
func (db *DB) DocumentsAfter(ctx context.Context, seq int64, fn func(*store.Document) error) error {
	last := seq
	for {
		page, err := listDocs(ctx, db.pool, `WHERE story_id IS NOT NULL AND seq > $1 ORDER BY seq LIMIT 200`, last)
		if err != nil {
			return err
		}
		if len(page) == 0 {
			return nil
		}
		for _, d := range page {
			if err := fn(d); err != nil {
				return err
			}
			last = d.Seq
		}
	}
}

// MaxSeq returns the highest document Seq stored (0 when none).
func (db *DB) MaxSeq(ctx context.Context) (int64, error) {
	var n int64
	err := db.pool.QueryRow(ctx, `SELECT COALESCE(max(seq), 0) FROM documents`).Scan(&n)
	return n, err
}

// Revisions lists a document's revisions, oldest first.
func (db *DB) Revisions(ctx context.Context, docID string) ([]store.Revision, error) {
	rows, err := db.pool.Query(ctx, `SELECT r.id, r.document_id, r.blob_hash, b.size, r.content_type, r.fetched_at
		FROM revisions r JOIN blobs b ON b.hash = r.blob_hash WHERE r.document_id = $1 ORDER BY r.id`, docID)
	if err != nil {
		return nil, fmt.Errorf("listing revisions of %s: %w", docID, err)
	}
	defer rows.Close()
	var out []store.Revision
	for rows.Next() {
		var r store.Revision
		if err := rows.Scan(&r.ID, &r.DocumentID, &r.BlobHash, &r.Size, &r.ContentType, &r.FetchedAt); err != nil {
			return nil, err
		}
		r.FetchedAt = r.FetchedAt.UTC()
		out = append(out, r)
	}
	return out, rows.Err()
}

const storyColumns = `id, title, first_at, last_at, reports, cluster, created_at, updated_at`

func scanStory(sc pgx.Row) (*store.Story, error) {
	var s store.Story
	var first, last *time.Time
	if err := sc.Scan(&s.ID, &s.Title, &first, &last, &s.Reports, &s.Cluster, &s.CreatedAt, &s.UpdatedAt); err != nil {
		return nil, err
	}
	s.First, s.Last, s.CreatedAt, s.UpdatedAt = utc(first), utc(last), s.CreatedAt.UTC(), s.UpdatedAt.UTC()
	return &s, nil
}

// Story returns one story.
func (db *DB) Story(ctx context.Context, id string) (*store.Story, error) {
	s, err := scanStory(db.pool.QueryRow(ctx, `SELECT `+storyColumns+` FROM stories WHERE id = $1`, id))
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, notFound("story", id)
	}
	return s, err
}

// Stories lists stories, most recently updated first.
func (db *DB) Stories(ctx context.Context, q store.StoryQuery) ([]store.Story, error) {
	limit := q.Limit
	if limit <= 0 {
		limit = 50
	}
	where, args := []string{"reports > 0"}, []any{}
	arg := func(v any) string {
		args = append(args, v)
		return "$" + strconv.Itoa(len(args))
	}
	if !q.Since.IsZero() {
		where = append(where, "updated_at >= "+arg(q.Since.UTC()))
	}
	if m := tsQuery(q.Q); m != "" {
		where = append(where, "id IN (SELECT story_id FROM accounts WHERE tsv @@ to_tsquery('simple', "+arg(m)+"))")
	} else if strings.TrimSpace(q.Q) != "" {
		return nil, nil
	}
	rows, err := db.pool.Query(ctx, `SELECT `+storyColumns+` FROM stories WHERE `+strings.Join(where, " AND ")+` ORDER BY updated_at DESC, seq DESC LIMIT `+arg(limit), args...)
	if err != nil {
		return nil, fmt.Errorf("listing stories: %w", err)
	}
	defer rows.Close()
	var out []store.Story
	for rows.Next() {
		s, err := scanStory(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, *s)
	}
	return out, rows.Err()
}

// Account returns a story's latest account.
func (db *DB) Account(ctx context.Context, storyID string) (*store.Account, error) {
	var a store.Account
	var ns int64
	err := db.pool.QueryRow(ctx, `SELECT story_id, version, json, html, timelinejs, title, text, built_at, build_ns FROM accounts WHERE story_id = $1`, storyID).
		Scan(&a.StoryID, &a.Version, &a.JSON, &a.HTML, &a.TimelineJS, &a.Title, &a.Text, &a.BuiltAt, &ns)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, notFound("account of story", storyID)
	}
	if err != nil {
		return nil, fmt.Errorf("reading account of %s: %w", storyID, err)
	}
	a.BuiltAt, a.BuildTime = a.BuiltAt.UTC(), time.Duration(ns)
	return &a, nil
}

var wordRE = regexp.MustCompile(`[\p{L}\p{N}]+`)

// tsQuery turns user words into a tsquery in which every word must occur
// (only letters and digits pass, so no tsquery syntax leaks through); ""
// when there is none.
func tsQuery(q string) string {
	words := wordRE.FindAllString(q, 16)
	return strings.Join(words, " & ")
}

// Search finds documents and accounts matching q. Rank is the negated
// ts_rank, so that, as with the embedded store, lower is better.
func (db *DB) Search(ctx context.Context, q string, limit int) ([]store.Hit, error) {
	m := tsQuery(q)
	if m == "" {
		return nil, nil
	}
	if limit <= 0 {
		limit = 20
	}
	var hits []store.Hit
	add := func(kind, query string) error {
		rows, err := db.pool.Query(ctx, query, m, limit)
		if err != nil {
			return fmt.Errorf("searching %q: %w", q, err)
		}
		defer rows.Close()
		for rows.Next() {
			h := store.Hit{Kind: kind}
			var rank float32
			if err := rows.Scan(&h.ID, &h.StoryID, &h.Title, &h.Snippet, &rank); err != nil {
				return err
			}
			h.Rank = -float64(rank)
			hits = append(hits, h)
		}
		return rows.Err()
	}
	const headline = `'StartSel="",StopSel="",MaxWords=16,MinWords=6,FragmentDelimiter="…",MaxFragments=2'`
	if err := add("story", `SELECT a.story_id, a.story_id, a.title, ts_headline('simple', a.text, q, `+headline+`), ts_rank(a.tsv, q)
		FROM accounts a, to_tsquery('simple', $1) q WHERE a.tsv @@ q ORDER BY ts_rank(a.tsv, q) DESC LIMIT $2`); err != nil {
		return nil, err
	}
	if err := add("document", `SELECT d.id, COALESCE(d.story_id, ''), d.title, ts_headline('simple', d.text, q, `+headline+`), ts_rank(d.tsv, q)
		FROM documents d, to_tsquery('simple', $1) q WHERE d.tsv @@ q ORDER BY ts_rank(d.tsv, q) DESC LIMIT $2`); err != nil {
		return nil, err
	}
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].Rank < hits[j].Rank })
	if len(hits) > limit {
		hits = hits[:limit]
	}
	return hits, nil
}

const jobColumns = `id, kind, state, payload, result, error, attempts, created_at, updated_at`

func scanJob(sc pgx.Row) (*store.Job, error) {
	var j store.Job
	if err := sc.Scan(&j.ID, &j.Kind, &j.State, &j.Payload, &j.Result, &j.Error, &j.Attempts, &j.CreatedAt, &j.UpdatedAt); err != nil {
		return nil, err
	}
	j.CreatedAt, j.UpdatedAt = j.CreatedAt.UTC(), j.UpdatedAt.UTC()
	return &j, nil
}

// Job returns one job.
func (db *DB) Job(ctx context.Context, id int64) (*store.Job, error) {
	j, err := scanJob(db.pool.QueryRow(ctx, `SELECT `+jobColumns+` FROM jobs WHERE id = $1`, id))
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, notFound("job", strconv.FormatInt(id, 10))
	}
	return j, err
}

// Counts sizes the store.
func (db *DB) Counts(ctx context.Context) (store.Counts, error) {
	c := store.Counts{Jobs: map[string]int{}}
	err := db.pool.QueryRow(ctx, `SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM stories WHERE reports > 0), (SELECT count(*) FROM blobs)`).
		Scan(&c.Documents, &c.Stories, &c.Blobs)
	if err != nil {
		return c, fmt.Errorf("counting: %w", err)
	}
	rows, err := db.pool.Query(ctx, `SELECT state, count(*) FROM jobs GROUP BY state`)
	if err != nil {
		return c, fmt.Errorf("counting jobs: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var s string
		var n int
		if err := rows.Scan(&s, &n); err != nil {
			return c, err
		}
		c.Jobs[s] = n
	}
	return c, rows.Err()
}

// ClaimJob marks the oldest queued job running and returns it; jobs
// another process is claiming are skipped.
func (db *DB) ClaimJob(ctx context.Context) (*store.Job, error) {
	j, err := scanJob(db.pool.QueryRow(ctx, `UPDATE jobs SET state = $1, attempts = attempts + 1, updated_at = $2
		WHERE id = (SELECT id FROM jobs WHERE state = $3 ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
		RETURNING `+jobColumns, store.JobRunning, now(), store.JobQueued))
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, store.ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("claiming a job: %w", err)
	}
	return j, nil
}

// StartJob marks job id running on its given delivery (attempt) and
// returns it; a job already done, failed or dead is returned unchanged.
func (db *DB) StartJob(ctx context.Context, id int64, attempt int) (*store.Job, error) {
	j, err := scanJob(db.pool.QueryRow(ctx, `UPDATE jobs SET state = CASE WHEN state IN ($1, $2) THEN $3 ELSE state END,
		attempts = CASE WHEN state IN ($1, $2) THEN GREATEST(attempts + 1, $4) ELSE attempts END, updated_at = $5
		WHERE id = $6 RETURNING `+jobColumns, store.JobQueued, store.JobRunning, store.JobRunning, attempt, now(), id))
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, notFound("job", strconv.FormatInt(id, 10))
	}
	if err != nil {
		return nil, fmt.Errorf("starting job %d: %w", id, err)
	}
	return j, nil
}

// QueuedBefore lists the IDs of jobs queued (or left running) and not
// changed since t, oldest first (an outbox a broker-backed queue
// publishes again).
func (db *DB) QueuedBefore(ctx context.Context, t time.Time, limit int) ([]int64, error) {
	rows, err := db.pool.Query(ctx, `SELECT id FROM jobs WHERE state IN ($1, $2) AND updated_at < $3 ORDER BY id LIMIT $4`,
		store.JobQueued, store.JobRunning, t.UTC(), limit)
	if err != nil {
		return nil, fmt.Errorf("listing queued jobs: %w", err)
	}
	return pgx.CollectRows(rows, pgx.RowTo[int64])
}

// RequeueRunning puts jobs left running back in the queue.
func (db *DB) RequeueRunning(ctx context.Context) (int, error) {
	tag, err := db.pool.Exec(ctx, `UPDATE jobs SET state = $1, updated_at = $2 WHERE state = $3`, store.JobQueued, now(), store.JobRunning)
	if err != nil {
		return 0, fmt.Errorf("requeueing jobs: %w", err)
	}
	return int(tag.RowsAffected()), nil
}

// RetryJob puts a job back in the queue with its last error.
func (db *DB) RetryJob(ctx context.Context, id int64, errMsg string) error {
	if _, err := db.pool.Exec(ctx, `UPDATE jobs SET state = $1, error = $2, updated_at = $3 WHERE id = $4`, store.JobQueued, errMsg, now(), id); err != nil {
		return fmt.Errorf("requeueing job %d: %w", id, err)
	}
	return nil
}

// KillJob marks a job dead (given up after its last delivery) with the
// error of its last attempt, unless it finished meanwhile.
func (db *DB) KillJob(ctx context.Context, id int64, errMsg string) error {
	if _, err := db.pool.Exec(ctx, `UPDATE jobs SET state = $1, error = $2, updated_at = $3 WHERE id = $4 AND state NOT IN ($5, $6)`,
		JobDead, errMsg, now(), id, store.JobDone, store.JobFailed); err != nil {
		return fmt.Errorf("marking job %d dead: %w", id, err)
	}
	return nil
}

// Feeds lists the feeds polled, oldest first.
func (db *DB) Feeds(ctx context.Context) ([]store.Feed, error) {
	rows, err := db.pool.Query(ctx, `SELECT url, added_at, polled_at, last_error, reports FROM feeds ORDER BY added_at, url`)
	if err != nil {
		return nil, fmt.Errorf("listing feeds: %w", err)
	}
	defer rows.Close()
	var out []store.Feed
	for rows.Next() {
		var f store.Feed
		var polled *time.Time
		if err := rows.Scan(&f.URL, &f.AddedAt, &polled, &f.LastError, &f.Reports); err != nil {
			return nil, err
		}
		f.AddedAt, f.PolledAt = f.AddedAt.UTC(), utc(polled)
		out = append(out, f)
	}
	return out, rows.Err()
}

// tx implements store.Tx on a pgx transaction.
type tx struct{ q querier }

func (t *tx) PutBlob(ctx context.Context, data []byte) (string, error) {
	h := store.Hash(data)
	if _, err := t.q.Exec(ctx, `INSERT INTO blobs (hash, size, data, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT (hash) DO NOTHING`,
		h, len(data), nonNil(data), now()); err != nil {
		return "", fmt.Errorf("storing blob: %w", err)
	}
	return h, nil
}

func (t *tx) DocumentByKey(ctx context.Context, key string) (*store.Document, error) {
	return getDoc(ctx, t.q, "key", key, "document key")
}

func (t *tx) StoryDocuments(ctx context.Context, storyID string) ([]*store.Document, error) {
	return listDocs(ctx, t.q, `WHERE story_id = $1 ORDER BY seq`, storyID)
}

func nonNil(b []byte) []byte {
	if b == nil {
		return []byte{}
	}
	return b
}

func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func flagsOf(f []string) []string {
	if f == nil {
		return []string{}
	}
	return f
}

func (t *tx) InsertDocument(ctx context.Context, d *store.Document) error {
	d.CreatedAt = now()
	d.UpdatedAt = d.CreatedAt
	err := t.q.QueryRow(ctx, `WITH n AS (SELECT nextval(pg_get_serial_sequence('documents', 'seq')) AS seq)
		INSERT INTO documents (seq, id, key, story_id, source, url, title, outlet, published, blob_hash, flags, text, extracted, record, created_at, updated_at)
		SELECT n.seq, 'r' || n.seq, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13 FROM n RETURNING seq`,
		d.Key, nullable(d.StoryID), d.Source, d.URL, d.Title, d.Outlet, tsOrNil(d.Published), d.BlobHash, flagsOf(d.Flags), d.Text,
		nonNil(d.Extracted), nonNil(d.Record), d.CreatedAt).Scan(&d.Seq)
	if err != nil {
		return fmt.Errorf("storing document %s: %w", d.Source, err)
	}
	d.ID = "r" + strconv.FormatInt(d.Seq, 10)
	return nil
}

func (t *tx) UpdateDocument(ctx context.Context, d *store.Document) error {
	d.UpdatedAt = now()
	// An empty Text keeps the indexed text, as the embedded store does.
	tag, err := t.q.Exec(ctx, `UPDATE documents SET story_id = $1, source = $2, url = $3, title = $4, outlet = $5, published = $6, blob_hash = $7,
		flags = $8, extracted = $9, record = $10, updated_at = $11, text = CASE WHEN $12 = '' THEN text ELSE $12 END WHERE id = $13`,
		nullable(d.StoryID), d.Source, d.URL, d.Title, d.Outlet, tsOrNil(d.Published), d.BlobHash, flagsOf(d.Flags), nonNil(d.Extracted), nonNil(d.Record),
		d.UpdatedAt, d.Text, d.ID)
	if err != nil {
		return fmt.Errorf("updating document %s: %w", d.ID, err)
	}
	if tag.RowsAffected() == 0 {
		return notFound("document", d.ID)
	}
	return nil
}

func (t *tx) AddRevision(ctx context.Context, r store.Revision) (bool, error) {
	if r.FetchedAt.IsZero() {
		r.FetchedAt = now()
	}
	tag, err := t.q.Exec(ctx, `INSERT INTO revisions (document_id, blob_hash, content_type, fetched_at) VALUES ($1, $2, $3, $4)
		ON CONFLICT (document_id, blob_hash) DO NOTHING`, r.DocumentID, r.BlobHash, r.ContentType, r.FetchedAt.UTC())
	if err != nil {
		return false, fmt.Errorf("recording a revision of %s: %w", r.DocumentID, err)
	}
	return tag.RowsAffected() > 0, nil
}

func (t *tx) CreateStory(ctx context.Context, s *store.Story) error {
	s.CreatedAt = now()
	s.UpdatedAt = s.CreatedAt
	var seq int64
	err := t.q.QueryRow(ctx, `WITH n AS (SELECT nextval(pg_get_serial_sequence('stories', 'seq')) AS seq)
		INSERT INTO stories (seq, id, title, first_at, last_at, reports, cluster, created_at, updated_at)
		SELECT n.seq, 's' || n.seq, $1, $2, $3, $4, $5, $6, $6 FROM n RETURNING seq`,
		s.Title, tsOrNil(s.First), tsOrNil(s.Last), s.Reports, s.Cluster, s.CreatedAt).Scan(&seq)
	if err != nil {
		return fmt.Errorf("creating a story: %w", err)
	}
	s.ID = "s" + strconv.FormatInt(seq, 10)
	return nil
}

func (t *tx) UpdateStory(ctx context.Context, s *store.Story) error {
	s.UpdatedAt = now()
	tag, err := t.q.Exec(ctx, `UPDATE stories SET title = $1, first_at = $2, last_at = $3, reports = $4, cluster = $5, updated_at = $6 WHERE id = $7`,
		s.Title, tsOrNil(s.First), tsOrNil(s.Last), s.Reports, s.Cluster, s.UpdatedAt, s.ID)
	if err != nil {
		return fmt.Errorf("updating story %s: %w", s.ID, err)
	}
	if tag.RowsAffected() == 0 {
		return notFound("story", s.ID)
	}
	return nil
}

func (t *tx) PutAccount(ctx context.Context, a *store.Account) error {
	if a.BuiltAt.IsZero() {
		a.BuiltAt = now()
	}
	err := t.q.QueryRow(ctx, `INSERT INTO accounts (story_id, version, json, html, timelinejs, title, text, built_at, build_ns) VALUES ($1, 1, $2, $3, $4, $5, $6, $7, $8)
		ON CONFLICT (story_id) DO UPDATE SET version = accounts.version + 1, json = excluded.json, html = excluded.html, timelinejs = excluded.timelinejs,
		title = excluded.title, text = excluded.text, built_at = excluded.built_at, build_ns = excluded.build_ns RETURNING version`,
		a.StoryID, nonNil(a.JSON), nonNil(a.HTML), nonNil(a.TimelineJS), a.Title, a.Text, a.BuiltAt.UTC(), int64(a.BuildTime)).Scan(&a.Version)
	if err != nil {
		return fmt.Errorf("storing account of %s: %w", a.StoryID, err)
	}
	return nil
}

func (t *tx) EnqueueJob(ctx context.Context, j *store.Job) error {
	j.State, j.CreatedAt = store.JobQueued, now()
	j.UpdatedAt = j.CreatedAt
	err := t.q.QueryRow(ctx, `INSERT INTO jobs (kind, state, payload, created_at, updated_at) VALUES ($1, $2, $3, $4, $4) RETURNING id`,
		j.Kind, j.State, j.Payload, j.CreatedAt).Scan(&j.ID)
	if err != nil {
		return fmt.Errorf("queueing a %s job: %w", j.Kind, err)
	}
	return nil
}

func (t *tx) FinishJob(ctx context.Context, id int64, result []byte, errMsg string) error {
	state := store.JobDone
	if errMsg != "" {
		state = store.JobFailed
	}
	tag, err := t.q.Exec(ctx, `UPDATE jobs SET state = $1, result = $2, error = $3, payload = CASE WHEN $4 THEN NULL ELSE payload END, updated_at = $5 WHERE id = $6`,
		state, result, errMsg, state == store.JobDone, now(), id)
	if err != nil {
		return fmt.Errorf("finishing job %d: %w", id, err)
	}
	if tag.RowsAffected() == 0 {
		return notFound("job", strconv.FormatInt(id, 10))
	}
	return nil
}

func (t *tx) AddFeed(ctx context.Context, u string) (bool, error) {
	tag, err := t.q.Exec(ctx, `INSERT INTO feeds (url, added_at) VALUES ($1, $2) ON CONFLICT (url) DO NOTHING`, u, now())
	if err != nil {
		return false, fmt.Errorf("adding feed %s: %w", u, err)
	}
	return tag.RowsAffected() > 0, nil
}

func (t *tx) FeedPolled(ctx context.Context, u string, at time.Time, errMsg string, queued int) error {
	tag, err := t.q.Exec(ctx, `UPDATE feeds SET polled_at = $1, last_error = $2, reports = reports + $3 WHERE url = $4`, tsOrNil(at), errMsg, queued, u)
	if err != nil {
		return fmt.Errorf("recording a poll of %s: %w", u, err)
	}
	if tag.RowsAffected() == 0 {
		return notFound("feed", u)
	}
	return nil
}
