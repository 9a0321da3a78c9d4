// Package server is Corroborate's HTTP service: the JSON API under
// /api/v1 (documented in docs/api.md and docs/openapi.yaml), the web
// interface at /, /healthz and /metrics. Reports are queued as jobs
// (package jobs) and turned into stories by package engine; everything is
// read back from the store (package store).
//
// It is safe by default: writes need the token when one is set (and the
// command refuses a non-loopback address without one), forms carry CSRF
// tokens, every response sends a strict Content-Security-Policy, request
// bodies are limited, each client is rate limited, and a failure answers
// a short message, never a stack trace.
package server

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/corroborate/corroborate/jobs"
	"github.com/corroborate/corroborate/store"
)

// Config configures a Server.
type Config struct {
	// Store is read for every answer.
	Store store.Store
	// Queue carries submitted reports to the engine.
	Queue jobs.Queue
	// Token, when set, must accompany every write (Authorization: Bearer,
	// or the form's token field).
	Token string
	// MaxBody caps a request body in bytes (default 20 MiB).
	MaxBody int64
	// Rate is the requests per second allowed to one client address, with
	// bursts of twice as many (0: no limit).
	Rate float64
	// Wait is how long POST /api/v1/documents waits for the analysis
	// before answering 202 (default 10s; a request's ?wait= overrides it,
	// up to a minute).
	Wait time.Duration
	// OnFeed, when set, is called after a feed was added (to poll it).
	OnFeed func()
	// Generator names the program ("corroborate VERSION").
	Generator string
	// Logger receives request failures (default slog.Default()).
	Logger *slog.Logger
	// Collectors are more metrics for /metrics (the NATS queue's).
	Collectors []prometheus.Collector
}

// Server is the HTTP handler of the service.
type Server struct {
	cfg     Config
	log     *slog.Logger
	mux     *http.ServeMux
	limiter *limiter
	reg     *prometheus.Registry
	metrics *metrics
	tmpl    *template.Template

	patterns []string // every route registered, as "METHOD /path"

	mu         sync.Mutex
	cache      map[string]*cached
	cacheBytes int
	gen        map[string]uint64 // bumped by Invalidate: a read begun before it is not cached
}

// maxCacheBytes bounds the accounts kept in memory.
const maxCacheBytes = 256 << 20

// cached is a story's account with its JSON gzip-compressed once.
type cached struct {
	*store.Account
	gzJSON []byte
}

// New returns a server for cfg.
func New(cfg Config) (*Server, error) {
	if cfg.Store == nil || cfg.Queue == nil {
		return nil, errors.New("server: a store and a queue are needed")
	}
	if cfg.MaxBody <= 0 {
		cfg.MaxBody = 20 << 20
	}
	if cfg.Wait == 0 {
		cfg.Wait = 10 * time.Second
	}
	s := &Server{cfg: cfg, log: cfg.Logger, mux: http.NewServeMux(), cache: map[string]*cached{}, gen: map[string]uint64{}}
	if s.log == nil {
		s.log = slog.Default()
	}
	if cfg.Rate > 0 {
		s.limiter = newLimiter(cfg.Rate, 2*cfg.Rate)
	}
	s.reg = prometheus.NewRegistry()
	s.metrics = newMetrics(s.reg, cfg.Store)
	s.reg.MustRegister(cfg.Collectors...)
	if err := s.routes(); err != nil {
		return nil, err
	}
	return s, nil
}

// Invalidate drops a story's cached account (the engine calls it after
// committing a new one).
func (s *Server) Invalidate(storyID string) {
	s.mu.Lock()
	s.gen[storyID]++
	if old := s.cache[storyID]; old != nil {
		s.cacheBytes -= len(old.JSON) + len(old.HTML) + len(old.TimelineJS) + len(old.gzJSON)
		delete(s.cache, storyID)
	}
	s.mu.Unlock()
}

// account returns a story's account, cached.
func (s *Server) account(ctx context.Context, id string) (*cached, error) {
	s.mu.Lock()
	a, gen := s.cache[id], s.gen[id]
	s.mu.Unlock()
	if a != nil {
		return a, nil
	}
	acc, err := s.cfg.Store.Account(ctx, id)
	if err != nil {
		return nil, err
	}
	var gz bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&gz, gzip.BestSpeed)
	zw.Write(acc.JSON)
	zw.Close()
	a = &cached{Account: acc, gzJSON: gz.Bytes()}
	size := len(acc.JSON) + len(acc.HTML) + len(acc.TimelineJS) + gz.Len()
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.gen[id] != gen {
		return a, nil // a newer account was committed meanwhile: serve this one, keep none
	}
	if s.cacheBytes+size > maxCacheBytes {
		s.cache, s.cacheBytes = map[string]*cached{}, 0
	}
	if old := s.cache[id]; old != nil {
		s.cacheBytes -= len(old.JSON) + len(old.HTML) + len(old.TimelineJS) + len(old.gzJSON)
	}
	s.cache[id] = a
	s.cacheBytes += size
	return a, nil
}

// route registers h for pattern, counted in the metrics under name.
func (s *Server) route(pattern, name string, h http.HandlerFunc) {
	s.patterns = append(s.patterns, pattern)
	s.mux.Handle(pattern, s.metrics.instrument(name, h))
}

// Routes lists the routes served, as "METHOD /path" patterns (for the
// documentation test).
func (s *Server) Routes() []string { return append([]string(nil), s.patterns...) }

func (s *Server) routes() error {
	s.route("GET /healthz", "healthz", s.healthz)
	s.mux.Handle("GET /metrics", promhttp.HandlerFor(s.reg, promhttp.HandlerOpts{}))
	s.patterns = append(s.patterns, "GET /metrics")
	s.route("POST /api/v1/documents", "post_document", s.write(s.postDocument))
	s.route("GET /api/v1/documents/{id}", "get_document", s.getDocument)
	s.route("GET /api/v1/documents/{id}/raw", "get_document_raw", s.getDocumentRaw)
	s.route("GET /api/v1/stories", "list_stories", s.listStories)
	s.route("GET /api/v1/stories/{id}", "get_story", s.getStory)
	s.route("GET /api/v1/stories/{id}/timelinejs", "get_story_timelinejs", s.getStoryTimeline)
	s.route("GET /api/v1/search", "search", s.search)
	s.route("GET /api/v1/jobs/{id}", "get_job", s.getJob)
	s.route("GET /api/v1/feeds", "list_feeds", s.listFeeds)
	s.route("POST /api/v1/feeds", "post_feed", s.write(s.postFeed))
	return s.webRoutes()
}

// ServeHTTP applies the common headers, the rate limit and panic recovery.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
	h.Set("Content-Security-Policy", apiCSP)
	defer func() {
		if v := recover(); v != nil {
			if v == http.ErrAbortHandler {
				panic(v)
			}
			s.log.Error("server: panic", "method", r.Method, "path", r.URL.Path, "panic", fmt.Sprint(v))
			writeError(w, http.StatusInternalServerError, "internal error")
		}
	}()
	if s.limiter != nil && !s.limiter.allow(clientIP(r)) {
		w.Header().Set("Retry-After", "1")
		writeError(w, http.StatusTooManyRequests, "too many requests from this address; slow down")
		return
	}
	s.mux.ServeHTTP(w, r)
}

// apiCSP is the policy of every answer that is not a page.
const apiCSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"

func clientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// write wraps a handler that changes state: the body is limited and the
// token checked.
func (s *Server) write(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxBody)
		if !s.authorized(r, "") {
			w.Header().Set("WWW-Authenticate", `Bearer realm="corroborate"`)
			writeError(w, http.StatusUnauthorized, "this server needs its token for writes (Authorization: Bearer TOKEN)")
			return
		}
		h(w, r)
	}
}

// authorized reports whether r carries the token (in the Authorization
// header, or formToken from a form), or none is needed.
func (s *Server) authorized(r *http.Request, formToken string) bool {
	if s.cfg.Token == "" {
		return true
	}
	got := formToken
	if a := r.Header.Get("Authorization"); strings.HasPrefix(a, "Bearer ") {
		got = strings.TrimPrefix(a, "Bearer ")
	}
	return subtle.ConstantTimeCompare([]byte(got), []byte(s.cfg.Token)) == 1
}

func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	if _, err := s.cfg.Store.Counts(ctx); err != nil {
		s.log.Error("server: health check", "err", err)
		writeError(w, http.StatusServiceUnavailable, "store unavailable")
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

// writeJSON writes v as JSON with status code.
func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(v)
}

// writeError writes {"error": msg}.
func writeError(w http.ResponseWriter, code int, msg string) {
	writeJSON(w, code, map[string]string{"error": msg})
}

// fail answers err: 404 for a missing record, else 500 with a short
// message (the error itself is logged, not sent).
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	if errors.Is(err, store.ErrNotFound) {
		writeError(w, http.StatusNotFound, "not found")
		return
	}
	if errors.Is(err, context.Canceled) {
		return
	}
	s.log.Error("server: request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	writeError(w, http.StatusInternalServerError, "internal error")
}

// randomToken returns 32 random bytes in hex.
func randomToken() string {
	b := make([]byte, 32)
	rand.Read(b)
	return hex.EncodeToString(b)
}
