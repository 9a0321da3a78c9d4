package fetch

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// dripServer serves /drip-headers, whose headers arrive one byte every
// 100ms and never end, /drip-body, whose body does the same after its
// headers, and /ok/N, a short text. It counts requests to the drips.
func dripServer(t *testing.T) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	var drips atomic.Int32
	drip := func(w http.ResponseWriter, r *http.Request, prefix string) {
		conn, buf, err := w.(http.Hijacker).Hijack()
		if err != nil {
			return
		}
		defer conn.Close()
		buf.WriteString(prefix)
		buf.Flush()
		for {
			select {
			case <-r.Context().Done():
				return
			case <-time.After(100 * time.Millisecond):
			}
			if _, err := conn.Write([]byte("a")); err != nil {
				return
			}
		}
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Path == "/robots.txt":
			http.NotFound(w, r)
		case r.URL.Path == "/drip-headers":
			drips.Add(1)
			drip(w, r, "HTTP/1.1 200 OK\r\nX-Slow: ")
		case r.URL.Path == "/drip-body":
			drips.Add(1)
			drip(w, r, "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 100000\r\n\r\nThe")
		case strings.HasPrefix(r.URL.Path, "/ok/"):
			w.Header().Set("Content-Type", "text/plain")
			fmt.Fprintf(w, "Report %s: the ferry sailed again on Friday.", strings.TrimPrefix(r.URL.Path, "/ok/"))
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	return srv, &drips
}

// TestBudgetPerURL: a server that drips its headers costs one URL its
// budget (2s here), retries included, and no more; the error names the
// URL and the budget, and the other URLs of the batch are fetched.
func TestBudgetPerURL(t *testing.T) {
	srv, drips := dripServer(t)
	o := testOptions()
	o.Timeout = 30 * time.Second // the defaults of one attempt …
	o.HeaderTimeout = 0
	o.IdleTimeout = 0
	o.RetryBase = 100 * time.Millisecond
	o.Budget = 2 * time.Second // … and a short budget over them all
	drip := srv.URL + "/drip-headers"
	urls := []string{drip, srv.URL + "/ok/1", srv.URL + "/ok/2", srv.URL + "/ok/3"}
	start := time.Now()
	docs, probs := New(o).Documents(context.Background(), urls)
	took := time.Since(start)
	if took > 3*time.Second {
		t.Errorf("the batch took %s, want the 2s budget and a little more", took.Round(time.Millisecond))
	}
	if len(docs) != 3 {
		t.Errorf("%d documents, want the 3 that answer", len(docs))
	}
	if len(probs) != 1 {
		t.Fatalf("problems %v, want one for %s", probs, drip)
	}
	err := probs[0].Err
	if probs[0].Source != drip || !errors.Is(err, ErrTimeBudget) {
		t.Errorf("problem %s: %v; want ErrTimeBudget for %s", probs[0].Source, err, drip)
	}
	for _, want := range []string{drip, "2s", "response headers"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q should name %q", err, want)
		}
	}
	t.Logf("%s: %v (%d requests, batch %s)", drip, err, drips.Load(), took.Round(time.Millisecond))
}

// TestHeaderAndIdleTimeouts: inside the budget, an attempt ends when the
// headers take longer than HeaderTimeout or the body goes silent for
// IdleTimeout, each with a message naming its limit. Headers that never
// come are retried; a body that stalls after its first bytes is not.
func TestHeaderAndIdleTimeouts(t *testing.T) {
	cases := []struct {
		name     string
		path     string
		opts     func(*Options)
		want     []string
		attempts int32
		within   time.Duration
	}{
		{"headers dripping", "/drip-headers", func(o *Options) { o.HeaderTimeout = 300 * time.Millisecond },
			[]string{"response headers", "300ms", "gave up after 3 attempts"}, 3, 2 * time.Second},
		{"body going silent", "/drip-body", func(o *Options) { o.IdleTimeout = 50 * time.Millisecond },
			[]string{"no data", "50ms"}, 1, time.Second},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s, drips := dripServer(t)
			o := testOptions()
			o.MaxRetries = 2
			o.Budget = 10 * time.Second
			tc.opts(&o)
			start := time.Now()
			_, err := New(o).Fetch(context.Background(), s.URL+tc.path)
			took := time.Since(start)
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q should contain %q", err, w)
				}
			}
			if errors.Is(err, ErrTimeBudget) {
				t.Errorf("error %q blames the budget", err)
			}
			if took > tc.within {
				t.Errorf("took %s, want under %s", took, tc.within)
			}
			if got := drips.Load(); got != tc.attempts {
				t.Errorf("%d requests, want %d", got, tc.attempts)
			}
		})
	}
}
