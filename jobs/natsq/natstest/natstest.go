// Package natstest gives tests the URL of a NATS server with JetStream,
// skipping the test with one line naming what is missing when there is
// none (failing it under CI=true, as pgtest does), and names for streams
// of their own.
package natstest

import (
	"crypto/rand"
	"encoding/hex"
	"os"
	"testing"
	"time"

	"github.com/nats-io/nats.go"

	"github.com/corroborate/corroborate/store/postgres/pgtest"
)

// Env names the variable holding the NATS URL tests use.
const Env = "CORROBORATE_TEST_NATS"

// DefaultURL is used when Env is not set.
const DefaultURL = "nats://127.0.0.1:4222"

// URL returns the URL of a NATS server with JetStream.
func URL(t testing.TB) string {
	t.Helper()
	u := os.Getenv(Env)
	if u == "" {
		u = DefaultURL
	}
	nc, err := nats.Connect(u, nats.Timeout(3*time.Second))
	if err != nil {
		pgtest.Unavailable(t, "NATS unreachable at "+u+" (set $"+Env+"): "+err.Error())
	}
	defer nc.Close()
	js, err := nc.JetStream()
	if err == nil {
		_, err = js.AccountInfo()
	}
	if err != nil {
		pgtest.Unavailable(t, "NATS at "+u+" has no JetStream (start nats-server with -js): "+err.Error())
	}
	return u
}

// Name returns a fresh queue name (stream and subject prefix) for one
// test.
func Name() string {
	var b [4]byte
	rand.Read(b[:])
	return "ctest" + hex.EncodeToString(b[:])
}
