// Package natstest gives tests the URL of a NATS server with JetStream,
// skipping the test with one line naming what is missing when there is
// none (failing it under CI=true, as pgtest does), and names for streams
// of their own.
package natstest

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net"
	"os"
	"os/exec"
	"strconv"
	"strings"
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

// Server is a NATS server a test runs itself (so that it may kill and
// restart it), with JetStream storage in a folder of the test.
type Server struct {
	t    testing.TB
	port int
	dir  string
	cmd  *exec.Cmd
}

// Private starts a NATS server of the test's own on a free port; it is
// killed when the test ends.
func Private(t testing.TB) *Server {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	s := &Server{t: t, port: port, dir: t.TempDir()}
	s.Start()
	t.Cleanup(s.Kill)
	return s
}

// URL is the server's address.
func (s *Server) URL() string { return fmt.Sprintf("nats://127.0.0.1:%d", s.port) }

// Start starts the server (again) and waits until it answers.
func (s *Server) Start() {
	s.t.Helper()
	bin, err := exec.LookPath("nats-server")
	if err != nil {
		bin = "/usr/sbin/nats-server"
		if _, serr := os.Stat(bin); serr != nil {
			pgtest.Unavailable(s.t, "nats-server not installed (needed to run a NATS server of the test's own)")
		}
	}
	s.cmd = exec.Command(bin, "-a", "127.0.0.1", "-p", strconv.Itoa(s.port), "-js", "-sd", s.dir)
	if err := s.cmd.Start(); err != nil {
		s.t.Fatal(err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		nc, err := nats.Connect(s.URL())
		if err == nil {
			nc.Close()
			return
		}
		if time.Now().After(deadline) {
			s.Kill()
			s.t.Fatalf("nats-server did not start: %v", err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// Kill stops the server with SIGKILL.
func (s *Server) Kill() {
	if s.cmd != nil && s.cmd.Process != nil {
		s.cmd.Process.Kill()
		s.cmd.Wait()
		s.cmd = nil
	}
}

// Streams returns a fresh queue name and deletes its streams (NAME_JOBS,
// NAME_DEAD) on the server at url when the test ends, for tests whose
// queues live in child processes.
func Streams(t testing.TB, url string) string {
	name := Name()
	t.Cleanup(func() {
		nc, err := nats.Connect(url)
		if err != nil {
			return
		}
		defer nc.Close()
		js, err := nc.JetStream()
		if err != nil {
			return
		}
		for _, s := range []string{"_JOBS", "_DEAD"} {
			js.DeleteStream(strings.ToUpper(name) + s)
		}
	})
	return name
}
