// Package storemigrate copies an embedded (SQLite) store into an empty
// PostgreSQL store, keeping every ID, so that links to stories, documents
// and jobs stay valid: `corroborate store migrate --from sqlite:DIR --to
// postgres://…`.
package storemigrate

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/corroborate/corroborate/store/postgres"
	"github.com/corroborate/corroborate/store/sqlite"
)

// Counts says how many rows of each table were copied.
type Counts map[string]int

// Copy copies the SQLite store in folder dir into to, which must hold no
// documents, stories or jobs. It runs in one PostgreSQL transaction: on
// error nothing is copied.
func Copy(ctx context.Context, dir string, to *postgres.DB) (Counts, error) {
	// Opening the store brings its schema up to date first.
	src, err := sqlite.Open(ctx, dir)
	if err != nil {
		return nil, err
	}
	src.Close()
	path := filepath.Join(dir, sqlite.FileName)
	from, err := sql.Open("sqlite", "file:"+path+"?mode=ro&_pragma=busy_timeout(10000)")
	if err != nil {
		return nil, fmt.Errorf("opening %s: %w", path, err)
	}
	defer from.Close()
	c, err := to.Counts(ctx)
	if err != nil {
		return nil, err
	}
	if n := c.Documents + c.Stories + c.Blobs + len(c.Jobs); n > 0 {
		return nil, fmt.Errorf("store %s is not empty (%d documents, %d stories, %d blobs): migrate into an empty database", to.Path(), c.Documents, c.Stories, c.Blobs)
	}
	out := Counts{}
	err = pgx.BeginFunc(ctx, to.Pool(), func(tx pgx.Tx) error {
		for _, t := range tables {
			n, err := copyTable(ctx, from, tx, t)
			if err != nil {
				return fmt.Errorf("copying %s: %w", t.name, err)
			}
			out[t.name] = n
		}
		for _, s := range [][2]string{{"documents", "seq"}, {"stories", "seq"}, {"revisions", "id"}, {"jobs", "id"}} {
			if _, err := tx.Exec(ctx, fmt.Sprintf(`SELECT setval(pg_get_serial_sequence('%s', '%s'), GREATEST((SELECT max(%s) FROM %s), 1))`, s[0], s[1], s[1], s[0])); err != nil {
				return fmt.Errorf("moving the %s sequence on: %w", s[0], err)
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// column kinds: how a SQLite value becomes a PostgreSQL one.
const (
	plain    = iota
	timeNull // RFC 3339 text, "" for none → timestamptz or NULL
	timeReq  // RFC 3339 text → timestamptz
	flags    // comma-separated → text[]
	blob     // bytes, never NULL
)

type col struct {
	src, dst string
	kind     int
}

type table struct {
	name, from, order string
	cols              []col
}

var tables = []table{
	{"blobs", "blobs", "hash", []col{{"hash", "hash", plain}, {"size", "size", plain}, {"data", "data", blob}, {"created_at", "created_at", timeReq}}},
	{"stories", "stories", "seq", []col{{"seq", "seq", plain}, {"id", "id", plain}, {"title", "title", plain}, {"first_at", "first_at", timeNull},
		{"last_at", "last_at", timeNull}, {"reports", "reports", plain}, {"cluster", "cluster", plain}, {"created_at", "created_at", timeReq}, {"updated_at", "updated_at", timeReq}}},
	{"documents", "documents d LEFT JOIN documents_fts f ON f.id = d.id", "d.seq", []col{{"d.seq", "seq", plain}, {"d.id", "id", plain}, {"d.key", "key", plain},
		{"d.story_id", "story_id", plain}, {"d.source", "source", plain}, {"d.url", "url", plain}, {"d.title", "title", plain}, {"d.outlet", "outlet", plain},
		{"d.published", "published", timeNull}, {"d.blob_hash", "blob_hash", plain}, {"d.flags", "flags", flags}, {"COALESCE(f.text, '')", "text", plain},
		{"d.extracted", "extracted", blob}, {"d.record", "record", blob}, {"d.created_at", "created_at", timeReq}, {"d.updated_at", "updated_at", timeReq}}},
	{"revisions", "revisions", "id", []col{{"id", "id", plain}, {"document_id", "document_id", plain}, {"blob_hash", "blob_hash", plain},
		{"content_type", "content_type", plain}, {"fetched_at", "fetched_at", timeReq}}},
	{"accounts", "accounts a LEFT JOIN accounts_fts f ON f.story_id = a.story_id", "a.story_id", []col{{"a.story_id", "story_id", plain}, {"a.version", "version", plain},
		{"a.json", "json", blob}, {"a.html", "html", blob}, {"a.timelinejs", "timelinejs", blob}, {"a.title", "title", plain}, {"COALESCE(f.text, '')", "text", plain},
		{"a.built_at", "built_at", timeReq}, {"a.build_ns", "build_ns", plain}}},
	{"jobs", "jobs", "id", []col{{"id", "id", plain}, {"kind", "kind", plain}, {"state", "state", plain}, {"payload", "payload", plain}, {"result", "result", plain},
		{"error", "error", plain}, {"attempts", "attempts", plain}, {"created_at", "created_at", timeReq}, {"updated_at", "updated_at", timeReq}}},
	{"feeds", "feeds", "url", []col{{"url", "url", plain}, {"added_at", "added_at", timeReq}, {"polled_at", "polled_at", timeNull},
		{"last_error", "last_error", plain}, {"reports", "reports", plain}}},
}

func copyTable(ctx context.Context, from *sql.DB, to pgx.Tx, t table) (int, error) {
	var src, dst []string
	for _, c := range t.cols {
		src = append(src, c.src)
		dst = append(dst, c.dst)
	}
	rows, err := from.QueryContext(ctx, `SELECT `+strings.Join(src, ", ")+` FROM `+t.from+` ORDER BY `+t.order)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	var data [][]any
	for rows.Next() {
		vals := make([]any, len(t.cols))
		ptrs := make([]any, len(t.cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return 0, err
		}
		for i, c := range t.cols {
			if vals[i], err = convert(vals[i], c.kind); err != nil {
				return 0, fmt.Errorf("column %s: %w", c.dst, err)
			}
		}
		data = append(data, vals)
	}
	if err := rows.Err(); err != nil {
		return 0, err
	}
	n, err := to.CopyFrom(ctx, pgx.Identifier{t.name}, dst, pgx.CopyFromRows(data))
	return int(n), err
}

func convert(v any, kind int) (any, error) {
	if b, ok := v.([]byte); ok && kind != blob && kind != plain {
		v = string(b)
	}
	switch kind {
	case timeNull, timeReq:
		s, _ := v.(string)
		if s == "" {
			if kind == timeNull {
				return nil, nil
			}
			return nil, errors.New("a time is missing")
		}
		t, err := time.Parse(time.RFC3339Nano, s)
		if err != nil {
			return nil, err
		}
		return t, nil
	case flags:
		s, _ := v.(string)
		if s == "" {
			return []string{}, nil
		}
		return strings.Split(s, ","), nil
	case blob:
		switch b := v.(type) {
		case nil:
			return []byte{}, nil
		case string:
			return []byte(b), nil
		case []byte:
			if b == nil {
				return []byte{}, nil
			}
		}
	}
	return v, nil
}
