// Package pgtest gives tests a fresh PostgreSQL database: created for
// the test run under a random name and dropped afterwards. When
// PostgreSQL cannot be reached the test is skipped with one line naming
// it, except under CI=true, where it fails: this project's machines run
// PostgreSQL, so a skip there would hide a broken setup.
package pgtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// Env names the variable holding the URL of the server's maintenance
// database tests connect to first.
const Env = "CORROBORATE_TEST_POSTGRES"

// DefaultURL is used when Env is not set.
const DefaultURL = "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable&connect_timeout=3"

// Unavailable skips t with reason, or fails it when CI=true.
func Unavailable(t testing.TB, reason string) {
	t.Helper()
	reason = strings.Join(strings.Fields(reason), " ")
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s (CI=true: this test must run here)", reason)
	}
	t.Skip(reason)
}

// NewDatabase creates an empty database corroborate_test_<random>, drops
// it when the test ends, and returns its URL.
func NewDatabase(t testing.TB) string {
	t.Helper()
	admin := os.Getenv(Env)
	if admin == "" {
		admin = DefaultURL
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, admin)
	if err != nil {
		Unavailable(t, "PostgreSQL unreachable at "+redact(admin)+" (set $"+Env+"): "+err.Error())
	}
	defer conn.Close(context.Background())
	var b [6]byte
	rand.Read(b[:])
	name := "corroborate_test_" + hex.EncodeToString(b[:])
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+name); err != nil {
		t.Fatalf("creating database %s: %v", name, err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		c, err := pgx.Connect(ctx, admin)
		if err != nil {
			t.Errorf("dropping database %s: %v", name, err)
			return
		}
		defer c.Close(ctx)
		if _, err := c.Exec(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)"); err != nil {
			t.Errorf("dropping database %s: %v", name, err)
		}
	})
	u, _ := url.Parse(admin)
	u.Path = "/" + name
	return u.String()
}

func redact(s string) string {
	u, err := url.Parse(s)
	if err != nil {
		return "the configured URL"
	}
	return u.Redacted()
}
