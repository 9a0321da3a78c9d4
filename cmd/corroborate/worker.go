package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/corroborate/corroborate/engine"
	"github.com/corroborate/corroborate/jobs/natsq"
	"github.com/corroborate/corroborate/store/postgres"
	"github.com/corroborate/corroborate/store/storeurl"
	"github.com/corroborate/corroborate/worker"
)

// Environment variables read when --store and --queue are not given.
const (
	storeEnv = "CORROBORATE_STORE"
	queueEnv = "CORROBORATE_QUEUE"
)

// distFlags select the store and the queue of a distributed deployment
// (serve and worker).
type distFlags struct {
	store, queue, name string
	ackWait            time.Duration
	maxDeliver         int
	republish          time.Duration
	work               bool
}

func (d *distFlags) add(cmd *cobra.Command, serve bool) {
	fl := cmd.Flags()
	storeHelp := "store: postgres://user@host:5432/db?… for PostgreSQL, or sqlite:DIR (default $" + storeEnv + ")"
	if serve {
		storeHelp = "store: postgres://user@host:5432/db?… for PostgreSQL, or sqlite:DIR; overrides --data (default $" + storeEnv + ", else the embedded store under --data)"
	}
	fl.StringVar(&d.store, "store", "", storeHelp)
	fl.StringVar(&d.queue, "queue", "", "job queue: nats://host:4222 for NATS JetStream (needs a postgres:// --store), or local for the in-process queue (default $"+queueEnv+", else local)")
	fl.StringVar(&d.name, "queue-name", "corroborate", "prefix of the JetStream streams (NAME_JOBS, NAME_DEAD) and subjects, to run several deployments on one NATS")
	fl.DurationVar(&d.ackWait, "ack-wait", 30*time.Second, "with --queue nats://: how long a worker may go silent before its job is delivered to another (a running job is kept alive every third of it)")
	fl.IntVar(&d.maxDeliver, "max-deliver", 5, "with --queue nats://: deliveries of a job before it is dead (state dead, copied to the dead-letter stream)")
	if serve {
		fl.DurationVar(&d.republish, "republish", 10*time.Minute, "with --queue nats://: publish again the jobs queued in the store and unchanged this long (a publication lost while NATS was down)")
		fl.BoolVar(&d.work, "work", true, "with --queue nats://: run jobs in the serving process too (one worker); false leaves them to `corroborate worker`s")
	}
}

func (d *distFlags) fromEnv() {
	if d.store == "" {
		d.store = os.Getenv(storeEnv)
	}
	if d.queue == "" {
		d.queue = os.Getenv(queueEnv)
	}
}

// open connects to the NATS queue on a PostgreSQL store and, when work
// is set, prepares a worker.
func (d *distFlags) open(ctx context.Context, db storeurl.Backend, eopts engine.Options, work bool) (*natsq.Queue, *worker.Worker, error) {
	pg, ok := db.(*postgres.DB)
	if !ok {
		return nil, nil, usageError{fmt.Errorf("--queue %s needs a shared store: give --store postgres://… (workers on other machines cannot open %s)", d.queue, db.Path())}
	}
	var w *worker.Worker
	var q *natsq.Queue
	var err error
	if work {
		inner := eopts.OnAccount
		eopts.OnAccount = func(id string) {
			if inner != nil {
				inner(id)
			}
			if q != nil {
				q.AccountChanged(id)
			}
		}
		if w, err = worker.New(ctx, pg, eopts); err != nil {
			return nil, nil, err
		}
	}
	q, err = natsq.Open(ctx, d.queue, pg, natsq.Options{AckWait: d.ackWait, MaxDeliver: d.maxDeliver, Republish: d.republish, Name: d.name, Logger: eopts.Logger})
	if err != nil {
		return nil, nil, err
	}
	return q, w, nil
}

// sweep publishes lost jobs again every minute until ctx ends.
func sweep(ctx context.Context, q *natsq.Queue, log *slog.Logger) {
	for {
		if n, err := q.Sweep(ctx); err != nil && ctx.Err() == nil {
			log.Warn("queue: republishing lost jobs", "err", err)
		} else if n > 0 {
			log.Info("queue: jobs published again", "jobs", n)
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(time.Minute):
		}
	}
}

func newWorker() *cobra.Command {
	f := &outputFlags{}
	d := &distFlags{}
	cmd := &cobra.Command{
		Use:   "worker",
		Short: "Run the jobs of a distributed serve: reports from NATS JetStream, stored in PostgreSQL",
		Long: `worker takes jobs (reports to read, annotate, assign to a story and link) from the
NATS JetStream queue a ` + "`corroborate serve --store postgres://… --queue nats://…`" + ` publishes them
to, and commits their results to the same PostgreSQL store. Run as many as wanted, on
any machine: a job is acknowledged only after its result is committed, the job of a
worker that stops is delivered to another after --ack-wait, and a job that fails
--max-deliver times is marked dead. See docs/deploy.md.`,
		Example: `  corroborate worker --store postgres://corroborate@db:5432/corroborate --queue nats://nats:4222`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usageError{fmt.Errorf("worker takes no arguments (got %q)", args[0])}
			}
			return runWorker(cmd.Context(), d, f, cmd.ErrOrStderr())
		},
	}
	d.add(cmd, false)
	f.addReading(cmd)
	f.addAnalysis(cmd)
	f.addSummary(cmd)
	cmd.Flags().BoolVar(&f.opts.AllowPrivate, "allow-private", false, "allow fetching URLs on private, loopback and link-local addresses")
	cmd.Flags().DurationVar(&f.opts.FetchTimeout, "fetch-timeout", 60*time.Second, "time allowed for one URL: connecting, headers, body and all retries")
	return cmd
}

func runWorker(ctx context.Context, d *distFlags, f *outputFlags, stderr io.Writer) error {
	d.fromEnv()
	if !storeurl.IsPostgres(d.store) {
		return usageError{fmt.Errorf("worker needs --store postgres://… (or $%s)", storeEnv)}
	}
	if d.queue == "" || d.queue == "local" {
		return usageError{fmt.Errorf("worker needs --queue nats://… (or $%s)", queueEnv)}
	}
	log := slog.Default()
	db, err := storeurl.Open(ctx, d.store)
	if err != nil {
		return err
	}
	defer db.Close()
	q, w, err := d.open(ctx, db, engine.Options{Analysis: f.opts, Generator: "corroborate " + version, Logger: log}, true)
	if err != nil {
		return err
	}
	defer q.Close()
	fmt.Fprintf(stderr, "corroborate: worker on %s, store %s\n", d.queue, db.Path())
	err = q.Run(ctx, w.Handle)
	fmt.Fprintln(stderr, "corroborate: worker stopped")
	return err
}
