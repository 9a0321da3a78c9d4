package fetch

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// misbehave is how a test server fails one request.
type misbehave func(w http.ResponseWriter, r *http.Request)

// hangUp closes the connection before sending any response byte.
func hangUp(w http.ResponseWriter, r *http.Request) {
	conn, _, err := w.(http.Hijacker).Hijack()
	if err == nil {
		conn.Close()
	}
}

// resetConn aborts the connection with a TCP reset.
func resetConn(w http.ResponseWriter, r *http.Request) {
	conn, _, err := w.(http.Hijacker).Hijack()
	if err != nil {
		return
	}
	if tc, ok := conn.(*net.TCPConn); ok {
		tc.SetLinger(0)
	}
	conn.Close()
}

// halfHeaders sends a status line and part of the headers, then hangs up.
func halfHeaders(w http.ResponseWriter, r *http.Request) {
	conn, buf, err := w.(http.Hijacker).Hijack()
	if err != nil {
		return
	}
	buf.WriteString("HTTP/1.1 200 OK\r\nContent-Type: text/pl")
	buf.Flush()
	conn.Close()
}

// stall waits until the client gives up, sending nothing.
func stall(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() }

// stallAfterHeaders sends headers, then nothing until the client gives up.
func stallAfterHeaders(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain")
	w.WriteHeader(http.StatusOK)
	w.(http.Flusher).Flush()
	<-r.Context().Done()
}

// stallMidBody sends part of the body, then nothing until the client gives
// up.
func stallMidBody(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain")
	w.Header().Set("Content-Length", "1000")
	fmt.Fprint(w, "The first part of a report")
	w.(http.Flusher).Flush()
	<-r.Context().Done()
}

// flakyServer misbehaves on the first failures requests and then serves a
// short text; it counts requests other than robots.txt.
func flakyServer(t *testing.T, failures int32, bad misbehave) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			fmt.Fprint(w, "User-agent: *\nDisallow: /closed/\n")
			return
		}
		if calls.Add(1) <= failures {
			bad(w, r)
			return
		}
		if r.URL.Path == "/big" {
			w.Header().Set("Content-Type", "text/plain")
			fmt.Fprint(w, strings.Repeat("word ", 1000))
			return
		}
		if r.URL.Path == "/gone" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/plain")
		fmt.Fprint(w, "The bridge reopened after repairs.")
	}))
	t.Cleanup(srv.Close)
	return srv, &calls
}

func TestFetchRetriesTransientNetworkErrors(t *testing.T) {
	cases := []struct {
		name      string
		failures  int32
		bad       misbehave
		wantErr   string // substring; empty for success
		wantCalls int32
	}{
		{"hang-up before headers, twice", 2, hangUp, "", 3},
		{"connection reset", 1, resetConn, "", 2},
		{"EOF inside headers", 1, halfHeaders, "", 2},
		{"timeout before headers", 1, stall, "", 2},
		{"timeout before any body byte", 1, stallAfterHeaders, "", 2},
		{"timeout mid-body is final", 1, stallMidBody, "timed out", 1},
		{"hang-ups forever", 100, hangUp, "gave up after 3 attempts", 3},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv, calls := flakyServer(t, tc.failures, tc.bad)
			o := testOptions()
			// No robots.txt request: its kept-alive connection would let
			// net/http silently retry the first hang-up itself.
			o.IgnoreRobots = true
			o.MaxRetries = 2
			o.Timeout = 150 * time.Millisecond
			page, err := New(o).Fetch(context.Background(), srv.URL+"/story")
			if tc.wantErr == "" {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				if string(page.Body) != "The bridge reopened after repairs." {
					t.Errorf("body %q", page.Body)
				}
			} else if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("error %v, want %q", err, tc.wantErr)
			}
			if got := calls.Load(); got != tc.wantCalls {
				t.Errorf("%d requests, want %d", got, tc.wantCalls)
			}
		})
	}
}

func TestFetchConnectionRefusedIsRetriedWithBackoff(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close() // nothing listens there now
	o := testOptions()
	o.IgnoreRobots = true
	o.MaxRetries = 2
	o.RetryBase = 20 * time.Millisecond
	start := time.Now()
	_, err = New(o).Fetch(context.Background(), "http://"+addr+"/story")
	if err == nil || !errors.Is(err, syscall.ECONNREFUSED) || !strings.Contains(err.Error(), "gave up after 3 attempts") {
		t.Fatalf("error %v, want connection refused after 3 attempts", err)
	}
	if d := time.Since(start); d < 60*time.Millisecond {
		t.Errorf("3 attempts with 20ms+40ms backoff took only %s", d)
	}
}

func TestFetchDoesNotRetryFinalErrors(t *testing.T) {
	cases := []struct {
		name      string
		path      string
		opts      func(*Options)
		want      error
		wantCalls int32
	}{
		{"non-public address", "/story", func(o *Options) { o.AllowPrivate = false }, ErrPrivateAddress, 0},
		{"robots.txt", "/closed/story", nil, ErrDisallowed, 0},
		{"too large", "/big", func(o *Options) { o.MaxBytes = 100 }, ErrTooLarge, 1},
		{"404", "/gone", nil, ErrStatus, 1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv, calls := flakyServer(t, 0, nil)
			o := testOptions()
			o.MaxRetries = 3
			o.RetryBase = 50 * time.Millisecond
			if tc.opts != nil {
				tc.opts(&o)
			}
			start := time.Now()
			_, err := New(o).Fetch(context.Background(), srv.URL+tc.path)
			if !errors.Is(err, tc.want) {
				t.Fatalf("error %v, want %v", err, tc.want)
			}
			if strings.Contains(err.Error(), "gave up") || calls.Load() != tc.wantCalls {
				t.Errorf("retried: %v after %d requests, want %d", err, calls.Load(), tc.wantCalls)
			}
			if d := time.Since(start); d >= 50*time.Millisecond {
				t.Errorf("took %s: a backoff was slept", d)
			}
		})
	}
}

func TestFetchStopsRetryingWhenCancelled(t *testing.T) {
	srv, calls := flakyServer(t, 100, hangUp)
	o := testOptions()
	o.MaxRetries = 50
	o.RetryBase = 30 * time.Millisecond
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	_, err := New(o).Fetch(ctx, srv.URL+"/story")
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("error %v, want the context's deadline", err)
	}
	if n := calls.Load(); n > 4 {
		t.Errorf("%d attempts within 100ms of 30ms+ backoffs", n)
	}
}

func TestBackoff(t *testing.T) {
	o := Options{RetryBase: time.Second, MaxRetryWait: 10 * time.Second}
	cases := []struct {
		attempt    int
		retryAfter time.Duration
		want       time.Duration
	}{
		{0, 0, time.Second},
		{2, 0, 4 * time.Second},
		{4, 0, 10 * time.Second},
		{70, 0, 10 * time.Second},
		{0, 3 * time.Second, 3 * time.Second},
		{0, time.Hour, 10 * time.Second},
	}
	for _, c := range cases {
		if got := backoff(o, c.attempt, c.retryAfter); got != c.want {
			t.Errorf("backoff(%d, %s) = %s, want %s", c.attempt, c.retryAfter, got, c.want)
		}
	}
}
