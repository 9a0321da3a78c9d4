package main

import (
	"context"
	"net/http"
	"strings"
	"sync/atomic"
	"time"
)

// dependency is a server serve needs (PostgreSQL, NATS): its name and a
// check.
type dependency struct {
	name  string
	check func(ctx context.Context) bool
}

// availability answers 503 with a clear message while a dependency is
// unreachable, and passes requests through again once it is back. The
// checks run every interval, so no request waits for a timeout.
type availability struct {
	next http.Handler
	down atomic.Pointer[string] // the message while something is down
}

func newAvailability(ctx context.Context, next http.Handler, deps []dependency, interval time.Duration) *availability {
	a := &availability{next: next}
	probe := func() {
		var down []string
		for _, d := range deps {
			cctx, cancel := context.WithTimeout(ctx, interval)
			ok := d.check(cctx)
			cancel()
			if !ok {
				down = append(down, d.name)
			}
		}
		if len(down) == 0 {
			a.down.Store(nil)
			return
		}
		msg := strings.Join(down, " and ") + " unreachable; this service recovers by itself when they are back"
		a.down.Store(&msg)
	}
	probe()
	go func() {
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				probe()
			}
		}
	}()
	return a
}

func (a *availability) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if msg := a.down.Load(); msg != nil && r.URL.Path != "/metrics" {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Retry-After", "5")
		w.WriteHeader(http.StatusServiceUnavailable)
		w.Write([]byte(`{"error":` + jsonString(*msg) + `}` + "\n"))
		return
	}
	a.next.ServeHTTP(w, r)
}

func jsonString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20:
			b.WriteString(" ")
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
