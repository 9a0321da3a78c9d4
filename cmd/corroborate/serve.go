package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/spf13/cobra"

	"github.com/corroborate/corroborate/engine"
	"github.com/corroborate/corroborate/feeds"
	"github.com/corroborate/corroborate/fetch"
	"github.com/corroborate/corroborate/jobs"
	"github.com/corroborate/corroborate/server"
	"github.com/corroborate/corroborate/store"
	"github.com/corroborate/corroborate/store/postgres"
	"github.com/corroborate/corroborate/store/sqlite"
	"github.com/corroborate/corroborate/store/storeurl"
)

// tokenEnv is the environment variable read when --token is not given.
const tokenEnv = "CORROBORATE_TOKEN"

// serveFlags hold the flags of serve (and demo --serve).
type serveFlags struct {
	data, addr, token string
	maxBody           int64
	rate              float64
	wait              time.Duration
	feeds             string
	feedInterval      time.Duration
	dist              distFlags
}

func (sf *serveFlags) add(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.StringVar(&sf.data, "data", "", "data folder of the store (default: a per-user folder, $XDG_DATA_HOME/corroborate or ~/.local/share/corroborate)")
	fl.StringVar(&sf.addr, "addr", "127.0.0.1:8080", "address to listen on; any but loopback needs --token")
	fl.StringVar(&sf.token, "token", "", "token every write must carry (Authorization: Bearer TOKEN); default $"+tokenEnv)
	fl.Int64Var(&sf.maxBody, "max-body", 20<<20, "largest request body accepted, in bytes")
	fl.Float64Var(&sf.rate, "rate", 20, "requests per second allowed to one client address, bursts of twice as many (0: no limit)")
	fl.DurationVar(&sf.wait, "wait", 10*time.Second, "how long a POST waits for the analysis before answering 202 with a job")
	fl.StringVar(&sf.feeds, "feeds", "", "file of RSS, Atom or JSON feed URLs to follow, one per line (added to those already followed)")
	fl.DurationVar(&sf.feedInterval, "feed-interval", 15*time.Minute, "time between polls of the feeds followed")
}

// defaultDataDir is the per-user data folder.
func defaultDataDir() (string, error) {
	if d := os.Getenv("XDG_DATA_HOME"); d != "" {
		return filepath.Join(d, "corroborate"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("no --data folder given and no home folder: %w", err)
	}
	return filepath.Join(home, ".local", "share", "corroborate"), nil
}

// loopback reports whether addr listens only on a loopback address.
func loopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func newServe() *cobra.Command {
	f := &outputFlags{}
	sf := &serveFlags{}
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve stories that grow as reports arrive: a JSON API and a web interface over an embedded store",
		Long: `serve keeps reports, stories and their accounts in a store under --data and serves
the JSON API under /api/v1 (see docs/api.md), the web interface at /, /healthz and
/metrics. Each report added joins a story (or starts one) and only that story's
cross-document stages run again. Feeds given with --feeds or added through the API are
polled every --feed-interval. It listens on 127.0.0.1 unless told otherwise; any
other address needs --token (or $` + tokenEnv + `), which every write must then carry.`,
		Example: `  corroborate serve --data ~/corroborate-data
  corroborate serve --addr 0.0.0.0:8080 --token "$(cat token.txt)"`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usageError{fmt.Errorf("serve takes no arguments (got %q)", args[0])}
			}
			return runServe(cmd.Context(), sf, f, cmd.ErrOrStderr(), nil)
		},
	}
	sf.add(cmd)
	sf.dist.add(cmd, true)
	f.addReading(cmd)
	f.addAnalysis(cmd)
	f.addSummary(cmd)
	cmd.Flags().BoolVar(&f.opts.AllowPrivate, "allow-private", false, "allow fetching URLs on private, loopback and link-local addresses")
	cmd.Flags().DurationVar(&f.opts.FetchTimeout, "fetch-timeout", 60*time.Second, "time allowed for one URL: connecting, headers, body and all retries")
	return cmd
}

// runServe opens the store and serves until ctx ends. ready, when set, is
// called once the engine runs, with the address served (demo --serve adds
// its reports there).
func runServe(ctx context.Context, sf *serveFlags, f *outputFlags, stderr io.Writer, ready func(ctx context.Context, e *engine.Engine, base string) error) error {
	if sf.token == "" {
		sf.token = os.Getenv(tokenEnv)
	}
	if !loopback(sf.addr) && sf.token == "" {
		return usageError{fmt.Errorf("--addr %s is not a loopback address: give --token (or set $%s) so that writes need it", sf.addr, tokenEnv)}
	}
	if sf.data == "" {
		d, err := defaultDataDir()
		if err != nil {
			return err
		}
		sf.data = d
	}
	log := slog.Default()
	sf.dist.fromEnv()
	var db storeurl.Backend
	var err error
	if sf.dist.store != "" {
		db, err = storeurl.Open(ctx, sf.dist.store)
	} else {
		db, err = sqlite.Open(ctx, sf.data)
	}
	if err != nil {
		return err
	}
	defer db.Close()
	gen := "corroborate " + version
	var srv *server.Server
	invalidate := func(id string) {
		if srv != nil {
			srv.Invalidate(id)
		}
	}
	eopts := engine.Options{Analysis: f.opts, Generator: gen, Logger: log, OnAccount: invalidate}
	var (
		e       *engine.Engine
		q       jobs.Queue
		handler jobs.Handler
		extra   []func(ctx context.Context)
		deps    []dependency
		metrics []prometheus.Collector
	)
	if pg, ok := db.(*postgres.DB); ok {
		deps = append(deps, dependency{"PostgreSQL (" + pg.Path() + ")", func(ctx context.Context) bool { return pg.Ping(ctx) == nil }})
	}
	if sf.dist.queue == "" || sf.dist.queue == "local" {
		if e, err = engine.New(ctx, db, eopts); err != nil {
			return err
		}
		lq := jobs.NewLocal(db)
		lq.Logger = log
		q, handler = lq, e.Handle
	} else {
		nq, w, err := sf.dist.open(ctx, db, eopts, sf.dist.work)
		if err != nil {
			return err
		}
		defer nq.Close()
		nq.OnAccount(invalidate)
		q = nq
		metrics = append(metrics, nq.Collector())
		deps = append(deps, dependency{"NATS (" + sf.dist.queue + ")", func(context.Context) bool { return nq.Connected() }})
		if w != nil {
			e, handler = w.Engine(), w.Handle
		}
		extra = append(extra, func(ctx context.Context) { nq.WatchDeadLetters(ctx) }, func(ctx context.Context) { sweep(ctx, nq, log) })
	}
	if sf.feeds != "" {
		if err := addFeeds(ctx, db, sf.feeds); err != nil {
			return err
		}
	}
	poller := feeds.New(db, q, fetch.Options{AllowPrivate: f.opts.AllowPrivate, MaxBytes: f.opts.MaxBytes, Budget: f.opts.FetchTimeout,
		StateDir: filepath.Join(sf.data, "fetch-state")}, sf.feedInterval)
	poller.Logger = log
	srv, err = server.New(server.Config{Store: db, Queue: q, Token: sf.token, MaxBody: sf.maxBody, Rate: sf.rate, Wait: sf.wait, Generator: gen, Logger: log,
		OnFeed: poller.Wake, Collectors: metrics})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", sf.addr)
	if err != nil {
		return fmt.Errorf("listening on %s: %w", sf.addr, err)
	}
	var front http.Handler = srv
	if len(deps) > 0 {
		front = newAvailability(ctx, srv, deps, time.Second)
	}
	hs := &http.Server{Handler: front, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 2 * time.Minute,
		WriteTimeout: 2 * time.Minute, IdleTimeout: 2 * time.Minute, ErrorLog: slog.NewLogLogger(log.Handler(), slog.LevelWarn)}
	runCtx, stop := context.WithCancel(ctx)
	defer stop()
	workerDone := make(chan error, 1)
	if handler != nil {
		go func() { workerDone <- q.Run(runCtx, handler) }()
	} else {
		go func() { <-runCtx.Done(); workerDone <- nil }()
	}
	for _, fn := range extra {
		go fn(runCtx)
	}
	go poller.Run(runCtx)
	serveDone := make(chan error, 1)
	go func() { serveDone <- hs.Serve(ln) }()
	base := "http://" + ln.Addr().String()
	fmt.Fprintf(stderr, "corroborate: serving %s (data in %s)\n", base, db.Path())
	if ready != nil && e == nil {
		hs.Close()
		return errors.New("this mode needs an engine in the serving process: drop --work=false")
	}
	if ready != nil {
		if err := ready(runCtx, e, base); err != nil {
			hs.Close()
			return err
		}
	}
	select {
	case <-ctx.Done():
	case err := <-serveDone:
		stop()
		<-workerDone
		return fmt.Errorf("serving: %w", err)
	}
	shutCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	err = hs.Shutdown(shutCtx)
	stop()
	if werr := <-workerDone; werr != nil {
		err = errors.Join(err, werr)
	}
	fmt.Fprintln(stderr, "corroborate: stopped")
	return err
}

// addFeeds adds the feed URLs listed in path (one per line, '#' comments)
// to those the store follows.
func addFeeds(ctx context.Context, st store.Store, path string) error {
	urls, err := readLines(path)
	if err != nil {
		return fmt.Errorf("--feeds: %w", err)
	}
	return st.Update(ctx, func(tx store.Tx) error {
		for _, u := range urls {
			if !strings.HasPrefix(u, "http://") && !strings.HasPrefix(u, "https://") {
				return usageError{fmt.Errorf("--feeds %s: %q is not an http(s) URL", path, u)}
			}
			if _, err := tx.AddFeed(ctx, u); err != nil {
				return err
			}
		}
		return nil
	})
}

func readLines(path string) ([]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, line := range strings.Split(string(b), "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			out = append(out, line)
		}
	}
	return out, nil
}
