// Package storeurl opens the store a URL names: PostgreSQL for
// postgres:// and postgresql:// URLs, the embedded SQLite store for
// sqlite:DIR or a plain folder path.
package storeurl

import (
	"context"
	"errors"
	"strings"

	"github.com/corroborate/corroborate/store"
	"github.com/corroborate/corroborate/store/postgres"
	"github.com/corroborate/corroborate/store/sqlite"
)

// Backend is an opened store: a store with a job table that can name
// itself.
type Backend interface {
	store.Store
	store.Jobs
	// Path names where the data lives (a file, or a URL without its
	// password).
	Path() string
}

var (
	_ Backend = (*sqlite.DB)(nil)
	_ Backend = (*postgres.DB)(nil)
)

// IsPostgres reports whether spec names a PostgreSQL database.
func IsPostgres(spec string) bool {
	return strings.HasPrefix(spec, "postgres://") || strings.HasPrefix(spec, "postgresql://")
}

// Open opens the store spec names: "postgres://user@host:5432/db?…" (or
// postgresql://), "sqlite:DIR", or DIR.
func Open(ctx context.Context, spec string) (Backend, error) {
	switch {
	case IsPostgres(spec):
		return postgres.Open(ctx, spec)
	case strings.HasPrefix(spec, "sqlite:"):
		dir := strings.TrimPrefix(strings.TrimPrefix(spec, "sqlite:"), "//")
		if dir == "" {
			return nil, errors.New("store sqlite: give a folder (sqlite:DIR)")
		}
		return sqlite.Open(ctx, dir)
	case strings.Contains(spec, "://"):
		return nil, errors.New("store " + strings.SplitN(spec, "://", 2)[0] + "://…: not a store URL (postgres://… or sqlite:DIR)")
	case spec == "":
		return nil, errors.New("no store given (a folder, sqlite:DIR or postgres://…)")
	}
	return sqlite.Open(ctx, spec)
}
