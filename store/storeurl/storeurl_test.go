package storeurl

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/store/postgres"
	"github.com/corroborate/corroborate/store/postgres/pgtest"
	"github.com/corroborate/corroborate/store/sqlite"
)

func TestOpen(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	for _, spec := range []string{dir, "sqlite:" + dir} {
		st, err := Open(ctx, spec)
		if err != nil {
			t.Fatalf("Open(%q): %v", spec, err)
		}
		if _, ok := st.(*sqlite.DB); !ok || st.Path() != filepath.Join(dir, sqlite.FileName) {
			t.Fatalf("Open(%q) = %T %s", spec, st, st.Path())
		}
		st.Close()
	}
	for _, spec := range []string{"", "sqlite:", "mysql://x/y"} {
		if _, err := Open(ctx, spec); err == nil {
			t.Fatalf("Open(%q) succeeded", spec)
		}
	}
	u := pgtest.NewDatabase(t)
	st, err := Open(ctx, strings.Replace(u, "postgres://", "postgresql://", 1))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, ok := st.(*postgres.DB); !ok {
		t.Fatalf("Open(postgresql://…) = %T", st)
	}
}
