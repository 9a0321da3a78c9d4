// Package sqlite is the embedded implementation of store.Store: one SQLite
// file (pure-Go driver modernc.org/sqlite) in WAL mode with full
// synchronous commits, schema migrations embedded and run by goose on
// Open, and FTS5 indexes over documents and accounts.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/pressly/goose/v3"
	_ "modernc.org/sqlite" // the database/sql driver "sqlite"

	"github.com/corroborate/corroborate/store"
)

//go:embed migrations/*.sql
var migrations embed.FS

// FileName is the database file inside the data folder.
const FileName = "corroborate.db"

// DB is a store.Store on one SQLite file. Writes go through one
// connection (SQLite allows one writer at a time), reads through a pool.
type DB struct {
	w, r *sql.DB
	path string
}

var (
	_ store.Store = (*DB)(nil)
	_ store.Jobs  = (*DB)(nil)
)

// Open opens (creating when missing) the store in folder dir and brings
// its schema up to date.
func Open(ctx context.Context, dir string) (*DB, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("creating data folder %s: %w", dir, err)
	}
	path := filepath.Join(dir, FileName)
	dsn := "file:" + path + "?_pragma=journal_mode(WAL)&_pragma=synchronous(FULL)&_pragma=busy_timeout(10000)&_pragma=foreign_keys(1)"
	w, err := sql.Open("sqlite", dsn+"&_txlock=immediate")
	if err != nil {
		return nil, fmt.Errorf("opening store %s: %w", path, err)
	}
	w.SetMaxOpenConns(1)
	r, err := sql.Open("sqlite", dsn)
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("opening store %s: %w", path, err)
	}
	r.SetMaxOpenConns(4)
	db := &DB{w: w, r: r, path: path}
	if err := db.migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

func (db *DB) migrate(ctx context.Context) error {
	sub, err := fs.Sub(migrations, "migrations")
	if err != nil {
		return err
	}
	p, err := goose.NewProvider(goose.DialectSQLite3, db.w, sub)
	if err != nil {
		return fmt.Errorf("store %s: preparing migrations: %w", db.path, err)
	}
	if _, err := p.Up(ctx); err != nil {
		return fmt.Errorf("store %s: migrating schema: %w", db.path, err)
	}
	return nil
}

// Path returns the database file.
func (db *DB) Path() string { return db.path }

// Close closes the database.
func (db *DB) Close() error {
	return errors.Join(db.r.Close(), db.w.Close())
}

// querier is what reads need from *sql.DB and *sql.Tx.
type querier interface {
	QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row
	ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error)
}

func now() time.Time { return time.Now().UTC() }

func fmtTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339Nano)
}

func parseTime(s string) time.Time {
	t, _ := time.Parse(time.RFC3339Nano, s)
	return t
}

func notFound(what, id string) error { return fmt.Errorf("%s %s: %w", what, id, store.ErrNotFound) }

// Update runs fn in one immediate transaction.
func (db *DB) Update(ctx context.Context, fn func(tx store.Tx) error) error {
	sqlTx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: beginning transaction: %w", err)
	}
	if err := fn(&tx{q: sqlTx}); err != nil {
		sqlTx.Rollback()
		return err
	}
	if err := sqlTx.Commit(); err != nil {
		return fmt.Errorf("store: committing: %w", err)
	}
	return nil
}

// Blob returns the bytes stored under hash.
func (db *DB) Blob(ctx context.Context, hash string) ([]byte, error) {
	var b []byte
	err := db.r.QueryRowContext(ctx, `SELECT data FROM blobs WHERE hash = ?`, hash).Scan(&b)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("blob", hash)
	}
	return b, err
}

const docColumns = `id, seq, key, COALESCE(story_id, ''), source, url, title, outlet, published, blob_hash, flags, extracted, record, created_at, updated_at`

func scanDoc(sc interface{ Scan(...any) error }) (*store.Document, error) {
	var d store.Document
	var pub, flags, created, updated string
	if err := sc.Scan(&d.ID, &d.Seq, &d.Key, &d.StoryID, &d.Source, &d.URL, &d.Title, &d.Outlet, &pub, &d.BlobHash, &flags, &d.Extracted, &d.Record, &created, &updated); err != nil {
		return nil, err
	}
	d.Published, d.CreatedAt, d.UpdatedAt = parseTime(pub), parseTime(created), parseTime(updated)
	if flags != "" {
		d.Flags = strings.Split(flags, ",")
	}
	return &d, nil
}

func getDoc(ctx context.Context, q querier, where string, arg any, what string) (*store.Document, error) {
	d, err := scanDoc(q.QueryRowContext(ctx, `SELECT `+docColumns+` FROM documents WHERE `+where+` = ?`, arg))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound(what, fmt.Sprint(arg))
	}
	if err != nil {
		return nil, fmt.Errorf("reading %s %v: %w", what, arg, err)
	}
	return d, nil
}

// Document returns a document by ID.
func (db *DB) Document(ctx context.Context, id string) (*store.Document, error) {
	return getDoc(ctx, db.r, "id", id, "document")
}

// DocumentByKey returns the document with the given key.
func (db *DB) DocumentByKey(ctx context.Context, key string) (*store.Document, error) {
	return getDoc(ctx, db.r, "key", key, "document key")
}

func listDocs(ctx context.Context, q querier, where string, args ...any) ([]*store.Document, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+docColumns+` FROM documents `+where, args...)
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
	return listDocs(ctx, db.r, `WHERE story_id = ? ORDER BY seq`, storyID)
}

// EachDocument calls fn for every document in a story, in arrival order.
func (db *DB) EachDocument(ctx context.Context, fn func(*store.Document) error) error {
	var last int64
	for {
		page, err := listDocs(ctx, db.r, `WHERE story_id IS NOT NULL AND seq > ? ORDER BY seq LIMIT 200`, last)
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

// Revisions lists a document's revisions, oldest first.
func (db *DB) Revisions(ctx context.Context, docID string) ([]store.Revision, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT r.id, r.document_id, r.blob_hash, b.size, r.content_type, r.fetched_at
		FROM revisions r JOIN blobs b ON b.hash = r.blob_hash WHERE r.document_id = ? ORDER BY r.id`, docID)
	if err != nil {
		return nil, fmt.Errorf("listing revisions of %s: %w", docID, err)
	}
	defer rows.Close()
	var out []store.Revision
	for rows.Next() {
		var r store.Revision
		var at string
		if err := rows.Scan(&r.ID, &r.DocumentID, &r.BlobHash, &r.Size, &r.ContentType, &at); err != nil {
			return nil, err
		}
		r.FetchedAt = parseTime(at)
		out = append(out, r)
	}
	return out, rows.Err()
}

const storyColumns = `id, title, first_at, last_at, reports, cluster, created_at, updated_at`

func scanStory(sc interface{ Scan(...any) error }) (*store.Story, error) {
	var s store.Story
	var first, last, created, updated string
	if err := sc.Scan(&s.ID, &s.Title, &first, &last, &s.Reports, &s.Cluster, &created, &updated); err != nil {
		return nil, err
	}
	s.First, s.Last, s.CreatedAt, s.UpdatedAt = parseTime(first), parseTime(last), parseTime(created), parseTime(updated)
	return &s, nil
}

// Story returns one story.
func (db *DB) Story(ctx context.Context, id string) (*store.Story, error) {
	s, err := scanStory(db.r.QueryRowContext(ctx, `SELECT `+storyColumns+` FROM stories WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
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
	where, args := []string{"1=1"}, []any{}
	if !q.Since.IsZero() {
		where = append(where, "updated_at >= ?")
		args = append(args, fmtTime(q.Since))
	}
	if m := matchQuery(q.Q); m != "" {
		where = append(where, "id IN (SELECT story_id FROM accounts_fts WHERE accounts_fts MATCH ?)")
		args = append(args, m)
	} else if strings.TrimSpace(q.Q) != "" {
		return nil, nil
	}
	args = append(args, limit)
	rows, err := db.r.QueryContext(ctx, `SELECT `+storyColumns+` FROM stories WHERE `+strings.Join(where, " AND ")+` AND reports > 0 ORDER BY updated_at DESC, seq DESC LIMIT ?`, args...)
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
	var built string
	var ns int64
	err := db.r.QueryRowContext(ctx, `SELECT story_id, version, json, html, timelinejs, title, built_at, build_ns FROM accounts WHERE story_id = ?`, storyID).
		Scan(&a.StoryID, &a.Version, &a.JSON, &a.HTML, &a.TimelineJS, &a.Title, &built, &ns)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("account of story", storyID)
	}
	if err != nil {
		return nil, fmt.Errorf("reading account of %s: %w", storyID, err)
	}
	a.BuiltAt, a.BuildTime = parseTime(built), time.Duration(ns)
	return &a, nil
}

var wordRE = regexp.MustCompile(`[\p{L}\p{N}]+`)

// matchQuery turns user words into an FTS5 query: every word (quoted,
// so no FTS syntax leaks through) must occur; "" when there is none.
func matchQuery(q string) string {
	words := wordRE.FindAllString(q, 16)
	for i, w := range words {
		words[i] = `"` + w + `"`
	}
	return strings.Join(words, " ")
}

// Search finds documents and accounts matching q.
func (db *DB) Search(ctx context.Context, q string, limit int) ([]store.Hit, error) {
	m := matchQuery(q)
	if m == "" {
		return nil, nil
	}
	if limit <= 0 {
		limit = 20
	}
	var hits []store.Hit
	add := func(kind, query string) error {
		rows, err := db.r.QueryContext(ctx, query, m, limit)
		if err != nil {
			return fmt.Errorf("searching %q: %w", q, err)
		}
		defer rows.Close()
		for rows.Next() {
			h := store.Hit{Kind: kind}
			if err := rows.Scan(&h.ID, &h.StoryID, &h.Title, &h.Snippet, &h.Rank); err != nil {
				return err
			}
			hits = append(hits, h)
		}
		return rows.Err()
	}
	if err := add("story", `SELECT f.story_id, f.story_id, f.title, snippet(accounts_fts, 2, '', '', '…', 16), bm25(accounts_fts)
		FROM accounts_fts f WHERE accounts_fts MATCH ? ORDER BY bm25(accounts_fts) LIMIT ?`); err != nil {
		return nil, err
	}
	if err := add("document", `SELECT f.id, COALESCE(d.story_id, ''), f.title, snippet(documents_fts, 2, '', '', '…', 16), bm25(documents_fts)
		FROM documents_fts f JOIN documents d ON d.id = f.id WHERE documents_fts MATCH ? ORDER BY bm25(documents_fts) LIMIT ?`); err != nil {
		return nil, err
	}
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].Rank < hits[j].Rank })
	if len(hits) > limit {
		hits = hits[:limit]
	}
	return hits, nil
}

const jobColumns = `id, kind, state, payload, result, error, attempts, created_at, updated_at`

func scanJob(sc interface{ Scan(...any) error }) (*store.Job, error) {
	var j store.Job
	var created, updated string
	if err := sc.Scan(&j.ID, &j.Kind, &j.State, &j.Payload, &j.Result, &j.Error, &j.Attempts, &created, &updated); err != nil {
		return nil, err
	}
	j.CreatedAt, j.UpdatedAt = parseTime(created), parseTime(updated)
	return &j, nil
}

// Job returns one job.
func (db *DB) Job(ctx context.Context, id int64) (*store.Job, error) {
	j, err := scanJob(db.r.QueryRowContext(ctx, `SELECT `+jobColumns+` FROM jobs WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("job", strconv.FormatInt(id, 10))
	}
	return j, err
}

// Counts sizes the store.
func (db *DB) Counts(ctx context.Context) (store.Counts, error) {
	c := store.Counts{Jobs: map[string]int{}}
	for q, dst := range map[string]*int{
		`SELECT count(*) FROM documents`:                 &c.Documents,
		`SELECT count(*) FROM stories WHERE reports > 0`: &c.Stories,
		`SELECT count(*) FROM blobs`:                     &c.Blobs,
	} {
		if err := db.r.QueryRowContext(ctx, q).Scan(dst); err != nil {
			return c, fmt.Errorf("counting: %w", err)
		}
	}
	rows, err := db.r.QueryContext(ctx, `SELECT state, count(*) FROM jobs GROUP BY state`)
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

// ClaimJob marks the oldest queued job running and returns it.
func (db *DB) ClaimJob(ctx context.Context) (*store.Job, error) {
	var out *store.Job
	err := db.Update(ctx, func(t store.Tx) error {
		q := t.(*tx).q
		j, err := scanJob(q.QueryRowContext(ctx, `SELECT `+jobColumns+` FROM jobs WHERE state = ? ORDER BY id LIMIT 1`, store.JobQueued))
		if errors.Is(err, sql.ErrNoRows) {
			return store.ErrNotFound
		}
		if err != nil {
			return fmt.Errorf("claiming a job: %w", err)
		}
		j.State, j.Attempts, j.UpdatedAt = store.JobRunning, j.Attempts+1, now()
		if _, err := q.ExecContext(ctx, `UPDATE jobs SET state = ?, attempts = ?, updated_at = ? WHERE id = ?`, j.State, j.Attempts, fmtTime(j.UpdatedAt), j.ID); err != nil {
			return fmt.Errorf("claiming job %d: %w", j.ID, err)
		}
		out = j
		return nil
	})
	return out, err
}

// RequeueRunning puts jobs left running back in the queue.
func (db *DB) RequeueRunning(ctx context.Context) (int, error) {
	res, err := db.w.ExecContext(ctx, `UPDATE jobs SET state = ?, updated_at = ? WHERE state = ?`, store.JobQueued, fmtTime(now()), store.JobRunning)
	if err != nil {
		return 0, fmt.Errorf("requeueing jobs: %w", err)
	}
	n, _ := res.RowsAffected()
	return int(n), nil
}

// RetryJob puts a job back in the queue with its last error.
func (db *DB) RetryJob(ctx context.Context, id int64, errMsg string) error {
	_, err := db.w.ExecContext(ctx, `UPDATE jobs SET state = ?, error = ?, updated_at = ? WHERE id = ?`, store.JobQueued, errMsg, fmtTime(now()), id)
	if err != nil {
		return fmt.Errorf("requeueing job %d: %w", id, err)
	}
	return nil
}

// tx implements store.Tx on a SQL transaction.
type tx struct{ q querier }

func (t *tx) PutBlob(ctx context.Context, data []byte) (string, error) {
	h := store.Hash(data)
	if _, err := t.q.ExecContext(ctx, `INSERT INTO blobs (hash, size, data, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (hash) DO NOTHING`,
		h, len(data), data, fmtTime(now())); err != nil {
		return "", fmt.Errorf("storing blob: %w", err)
	}
	return h, nil
}

func (t *tx) DocumentByKey(ctx context.Context, key string) (*store.Document, error) {
	return getDoc(ctx, t.q, "key", key, "document key")
}

func (t *tx) StoryDocuments(ctx context.Context, storyID string) ([]*store.Document, error) {
	return listDocs(ctx, t.q, `WHERE story_id = ? ORDER BY seq`, storyID)
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

func (t *tx) InsertDocument(ctx context.Context, d *store.Document) error {
	d.CreatedAt = now()
	d.UpdatedAt = d.CreatedAt
	res, err := t.q.ExecContext(ctx, `INSERT INTO documents (id, key, story_id, source, url, title, outlet, published, blob_hash, flags, extracted, record, created_at, updated_at)
		VALUES ('', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		d.Key, nullable(d.StoryID), d.Source, d.URL, d.Title, d.Outlet, fmtTime(d.Published), d.BlobHash, strings.Join(d.Flags, ","), nonNil(d.Extracted), d.Record,
		fmtTime(d.CreatedAt), fmtTime(d.UpdatedAt))
	if err != nil {
		return fmt.Errorf("storing document %s: %w", d.Source, err)
	}
	d.Seq, _ = res.LastInsertId()
	d.ID = "r" + strconv.FormatInt(d.Seq, 10)
	if _, err := t.q.ExecContext(ctx, `UPDATE documents SET id = ? WHERE seq = ?`, d.ID, d.Seq); err != nil {
		return fmt.Errorf("storing document %s: %w", d.Source, err)
	}
	return t.indexDoc(ctx, d)
}

func (t *tx) indexDoc(ctx context.Context, d *store.Document) error {
	if _, err := t.q.ExecContext(ctx, `DELETE FROM documents_fts WHERE id = ?`, d.ID); err != nil {
		return fmt.Errorf("indexing document %s: %w", d.ID, err)
	}
	if _, err := t.q.ExecContext(ctx, `INSERT INTO documents_fts (id, title, text) VALUES (?, ?, ?)`, d.ID, d.Title, d.Text); err != nil {
		return fmt.Errorf("indexing document %s: %w", d.ID, err)
	}
	return nil
}

func (t *tx) UpdateDocument(ctx context.Context, d *store.Document) error {
	d.UpdatedAt = now()
	res, err := t.q.ExecContext(ctx, `UPDATE documents SET story_id = ?, source = ?, url = ?, title = ?, outlet = ?, published = ?, blob_hash = ?, flags = ?, extracted = ?, record = ?, updated_at = ? WHERE id = ?`,
		nullable(d.StoryID), d.Source, d.URL, d.Title, d.Outlet, fmtTime(d.Published), d.BlobHash, strings.Join(d.Flags, ","), nonNil(d.Extracted), d.Record, fmtTime(d.UpdatedAt), d.ID)
	if err != nil {
		return fmt.Errorf("updating document %s: %w", d.ID, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return notFound("document", d.ID)
	}
	if d.Text == "" {
		return nil
	}
	return t.indexDoc(ctx, d)
}

func (t *tx) AddRevision(ctx context.Context, r store.Revision) (bool, error) {
	if r.FetchedAt.IsZero() {
		r.FetchedAt = now()
	}
	res, err := t.q.ExecContext(ctx, `INSERT INTO revisions (document_id, blob_hash, content_type, fetched_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (document_id, blob_hash) DO NOTHING`, r.DocumentID, r.BlobHash, r.ContentType, fmtTime(r.FetchedAt))
	if err != nil {
		return false, fmt.Errorf("recording a revision of %s: %w", r.DocumentID, err)
	}
	n, _ := res.RowsAffected()
	return n > 0, nil
}

func (t *tx) CreateStory(ctx context.Context, s *store.Story) error {
	s.CreatedAt = now()
	s.UpdatedAt = s.CreatedAt
	res, err := t.q.ExecContext(ctx, `INSERT INTO stories (id, title, first_at, last_at, reports, cluster, created_at, updated_at) VALUES ('', ?, ?, ?, ?, ?, ?, ?)`,
		s.Title, fmtTime(s.First), fmtTime(s.Last), s.Reports, s.Cluster, fmtTime(s.CreatedAt), fmtTime(s.UpdatedAt))
	if err != nil {
		return fmt.Errorf("creating a story: %w", err)
	}
	seq, _ := res.LastInsertId()
	s.ID = "s" + strconv.FormatInt(seq, 10)
	if _, err := t.q.ExecContext(ctx, `UPDATE stories SET id = ? WHERE seq = ?`, s.ID, seq); err != nil {
		return fmt.Errorf("creating a story: %w", err)
	}
	return nil
}

func (t *tx) UpdateStory(ctx context.Context, s *store.Story) error {
	s.UpdatedAt = now()
	res, err := t.q.ExecContext(ctx, `UPDATE stories SET title = ?, first_at = ?, last_at = ?, reports = ?, cluster = ?, updated_at = ? WHERE id = ?`,
		s.Title, fmtTime(s.First), fmtTime(s.Last), s.Reports, s.Cluster, fmtTime(s.UpdatedAt), s.ID)
	if err != nil {
		return fmt.Errorf("updating story %s: %w", s.ID, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return notFound("story", s.ID)
	}
	return nil
}

func (t *tx) PutAccount(ctx context.Context, a *store.Account) error {
	var v int
	err := t.q.QueryRowContext(ctx, `SELECT version FROM accounts WHERE story_id = ?`, a.StoryID).Scan(&v)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("storing account of %s: %w", a.StoryID, err)
	}
	a.Version = v + 1
	if a.BuiltAt.IsZero() {
		a.BuiltAt = now()
	}
	if _, err := t.q.ExecContext(ctx, `INSERT INTO accounts (story_id, version, json, html, timelinejs, title, built_at, build_ns) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (story_id) DO UPDATE SET version = excluded.version, json = excluded.json, html = excluded.html, timelinejs = excluded.timelinejs,
		title = excluded.title, built_at = excluded.built_at, build_ns = excluded.build_ns`,
		a.StoryID, a.Version, a.JSON, nonNil(a.HTML), nonNil(a.TimelineJS), a.Title, fmtTime(a.BuiltAt), int64(a.BuildTime)); err != nil {
		return fmt.Errorf("storing account of %s: %w", a.StoryID, err)
	}
	if _, err := t.q.ExecContext(ctx, `DELETE FROM accounts_fts WHERE story_id = ?`, a.StoryID); err != nil {
		return fmt.Errorf("indexing account of %s: %w", a.StoryID, err)
	}
	if _, err := t.q.ExecContext(ctx, `INSERT INTO accounts_fts (story_id, title, text) VALUES (?, ?, ?)`, a.StoryID, a.Title, a.Text); err != nil {
		return fmt.Errorf("indexing account of %s: %w", a.StoryID, err)
	}
	return nil
}

func (t *tx) EnqueueJob(ctx context.Context, j *store.Job) error {
	j.State, j.CreatedAt = store.JobQueued, now()
	j.UpdatedAt = j.CreatedAt
	res, err := t.q.ExecContext(ctx, `INSERT INTO jobs (kind, state, payload, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`,
		j.Kind, j.State, j.Payload, fmtTime(j.CreatedAt), fmtTime(j.UpdatedAt))
	if err != nil {
		return fmt.Errorf("queueing a %s job: %w", j.Kind, err)
	}
	j.ID, _ = res.LastInsertId()
	return nil
}

func (t *tx) FinishJob(ctx context.Context, id int64, result []byte, errMsg string) error {
	state := store.JobDone
	if errMsg != "" {
		state = store.JobFailed
	}
	res, err := t.q.ExecContext(ctx, `UPDATE jobs SET state = ?, result = ?, error = ?, payload = CASE WHEN ? THEN NULL ELSE payload END, updated_at = ? WHERE id = ?`,
		state, result, errMsg, state == store.JobDone, fmtTime(now()), id)
	if err != nil {
		return fmt.Errorf("finishing job %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return notFound("job", strconv.FormatInt(id, 10))
	}
	return nil
}

// Feeds lists the feeds polled, oldest first.
func (db *DB) Feeds(ctx context.Context) ([]store.Feed, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT url, added_at, polled_at, last_error, reports FROM feeds ORDER BY added_at, url`)
	if err != nil {
		return nil, fmt.Errorf("listing feeds: %w", err)
	}
	defer rows.Close()
	var out []store.Feed
	for rows.Next() {
		var f store.Feed
		var added, polled string
		if err := rows.Scan(&f.URL, &added, &polled, &f.LastError, &f.Reports); err != nil {
			return nil, err
		}
		f.AddedAt, f.PolledAt = parseTime(added), parseTime(polled)
		out = append(out, f)
	}
	return out, rows.Err()
}

func (t *tx) AddFeed(ctx context.Context, url string) (bool, error) {
	res, err := t.q.ExecContext(ctx, `INSERT INTO feeds (url, added_at) VALUES (?, ?) ON CONFLICT (url) DO NOTHING`, url, fmtTime(now()))
	if err != nil {
		return false, fmt.Errorf("adding feed %s: %w", url, err)
	}
	n, _ := res.RowsAffected()
	return n > 0, nil
}

func (t *tx) FeedPolled(ctx context.Context, url string, at time.Time, errMsg string, queued int) error {
	res, err := t.q.ExecContext(ctx, `UPDATE feeds SET polled_at = ?, last_error = ?, reports = reports + ? WHERE url = ?`, fmtTime(at), errMsg, queued, url)
	if err != nil {
		return fmt.Errorf("recording a poll of %s: %w", url, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return notFound("feed", url)
	}
	return nil
}
