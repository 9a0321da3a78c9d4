// Package natsq is a jobs.Queue on NATS JetStream, for a serve and any
// number of workers (`corroborate worker`) sharing one PostgreSQL store.
//
// A job is first committed to the store (its state is what the API
// shows); after the commit, Notify publishes its ID to the stream
// CORROBORATE_JOBS (subject corroborate.jobs.<kind>, work-queue
// retention, de-duplicated by job ID). Workers pull from one durable
// consumer with explicit acks: a message is acknowledged only after the
// handler has committed the job's result, a worker that stops (even by
// kill -9) leaves its message unacknowledged and JetStream delivers it
// again after AckWait, and a job delivered MaxDeliver times without
// success is marked dead in the store and copied to the dead-letter
// stream CORROBORATE_DEAD (subject corroborate.dead.<kind>). Because the
// store is idempotent by content hash, a report delivered twice is stored
// once.
package natsq

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/corroborate/corroborate/jobs"
	"github.com/corroborate/corroborate/store"
)

// Consumer is the durable consumer the workers share.
const Consumer = "workers"

// JobDead is the state of a job given up after MaxDeliver deliveries.
const JobDead = "dead"

// Backend is what the queue needs from the shared store (store/postgres
// provides it).
type Backend interface {
	store.Store
	// StartJob marks a job running on its given delivery and returns it
	// (unchanged when already finished).
	StartJob(ctx context.Context, id int64, attempt int) (*store.Job, error)
	// RetryJob puts a job back in the queue with its last error.
	RetryJob(ctx context.Context, id int64, errMsg string) error
	// KillJob marks a job dead with its last error.
	KillJob(ctx context.Context, id int64, errMsg string) error
	// QueuedBefore lists jobs queued or running, unchanged since t.
	QueuedBefore(ctx context.Context, t time.Time, limit int) ([]int64, error)
}

// Options configure a Queue.
type Options struct {
	// AckWait is how long a delivered job may go unacknowledged before
	// JetStream delivers it again (default 30 s; a running handler
	// extends it every AckWait/3).
	AckWait time.Duration
	// MaxDeliver is the number of deliveries before a job is dead
	// (default 5).
	MaxDeliver int
	// Republish is the age after which a job the store holds as queued
	// or running is published again by Sweep (default 10 min).
	Republish time.Duration
	// Name prefixes the streams (NAME_JOBS, NAME_DEAD, upper-cased) and
	// subjects (name.jobs.<kind>, name.dead.<kind>, name.events.…); default
	// "corroborate". Tests use their own.
	Name string
	// Logger receives notes (default slog.Default()).
	Logger *slog.Logger
}

// Queue is a jobs.Queue on JetStream.
type Queue struct {
	opts Options
	st   Backend
	nc   *nats.Conn
	js   jetstream.JetStream
	log  *slog.Logger
	name string

	stream, deadStream, jobsPrefix, deadPrefix, eventsPrefix string

	closed    chan struct{}
	closeOnce sync.Once

	mu       sync.Mutex
	pending  map[int64]pendingJob
	finished chan struct{}
	onAcct   []func(storyID string)

	// Counters for metrics.
	Done, Failed, Dead, Redelivered atomic.Int64
}

type pendingJob struct {
	kind string
	at   time.Time
}

var _ jobs.Queue = (*Queue)(nil)

// message is a job's message body.
type message struct {
	ID    int64  `json:"id"`
	Kind  string `json:"kind"`
	Error string `json:"error,omitempty"`
}

func redact(s string) string {
	u, err := url.Parse(s)
	if err != nil || u.Host == "" {
		return s
	}
	return u.Redacted()
}

// Open connects to the NATS server(s) at natsURL (comma-separated
// nats://host:port), creating the streams and the consumer when missing.
// The connection reconnects by itself when the server comes back.
func Open(ctx context.Context, natsURL string, st Backend, opts Options) (*Queue, error) {
	if opts.AckWait <= 0 {
		opts.AckWait = 30 * time.Second
	}
	if opts.MaxDeliver <= 0 {
		opts.MaxDeliver = 5
	}
	if opts.Republish <= 0 {
		opts.Republish = 10 * time.Minute
	}
	if opts.Name == "" {
		opts.Name = "corroborate"
	}
	q := &Queue{opts: opts, st: st, log: opts.Logger, name: redact(natsURL), pending: map[int64]pendingJob{}, finished: make(chan struct{})}
	if q.log == nil {
		q.log = slog.Default()
	}
	up := strings.ToUpper(subjectToken(opts.Name))
	q.stream, q.deadStream = up+"_JOBS", up+"_DEAD"
	q.jobsPrefix, q.deadPrefix, q.eventsPrefix = opts.Name+".jobs.", opts.Name+".dead.", opts.Name+".events."
	nc, err := nats.Connect(natsURL, nats.Name("corroborate"), nats.MaxReconnects(-1), nats.ReconnectWait(500*time.Millisecond),
		nats.RetryOnFailedConnect(false))
	if err != nil {
		return nil, fmt.Errorf("queue %s: NATS unreachable: %w", q.name, err)
	}
	q.nc = nc
	if q.js, err = jetstream.New(nc); err != nil {
		nc.Close()
		return nil, fmt.Errorf("queue %s: %w", q.name, err)
	}
	if err := q.setup(ctx); err != nil {
		nc.Close()
		return nil, err
	}
	if _, err := nc.Subscribe(q.eventsPrefix+">", q.event); err != nil {
		nc.Close()
		return nil, fmt.Errorf("queue %s: %w", q.name, err)
	}
	q.closed = make(chan struct{})
	go q.flush()
	return q, nil
}

func (q *Queue) setup(ctx context.Context) error {
	if _, err := q.js.CreateOrUpdateStream(ctx, jetstream.StreamConfig{
		Name: q.stream, Subjects: []string{q.jobsPrefix + ">"}, Retention: jetstream.WorkQueuePolicy,
		Storage: jetstream.FileStorage, Duplicates: 2 * time.Minute,
	}); err != nil {
		return fmt.Errorf("queue %s: creating stream %s: %w", q.name, q.stream, err)
	}
	if _, err := q.js.CreateOrUpdateStream(ctx, jetstream.StreamConfig{
		Name: q.deadStream, Subjects: []string{q.deadPrefix + ">"}, Retention: jetstream.LimitsPolicy,
		Storage: jetstream.FileStorage, MaxAge: 30 * 24 * time.Hour,
	}); err != nil {
		return fmt.Errorf("queue %s: creating stream %s: %w", q.name, q.deadStream, err)
	}
	if _, err := q.js.CreateOrUpdateConsumer(ctx, q.stream, jetstream.ConsumerConfig{
		Durable: Consumer, AckPolicy: jetstream.AckExplicitPolicy, AckWait: q.opts.AckWait,
		MaxDeliver: q.opts.MaxDeliver, FilterSubject: q.jobsPrefix + ">", MaxAckPending: 1000,
	}); err != nil {
		return fmt.Errorf("queue %s: creating consumer %s: %w", q.name, Consumer, err)
	}
	return nil
}

// Close closes the connection.
func (q *Queue) Close() {
	q.closeOnce.Do(func() { close(q.closed) })
	q.nc.Close()
}

// flush publishes every second the jobs left pending (their transaction
// committed after a Notify looked, or NATS was down), until Close.
func (q *Queue) flush() {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case <-q.closed:
			return
		case <-t.C:
			q.mu.Lock()
			n := len(q.pending)
			q.mu.Unlock()
			if n > 0 {
				q.Notify()
			}
		}
	}
}

// Connected reports whether the NATS connection is up.
func (q *Queue) Connected() bool { return q.nc.IsConnected() }

// Depth returns the number of jobs published and not yet acknowledged.
func (q *Queue) Depth(ctx context.Context) (int, error) {
	s, err := q.js.Stream(ctx, q.stream)
	if err != nil {
		return 0, err
	}
	info, err := s.Info(ctx)
	if err != nil {
		return 0, err
	}
	return int(info.State.Msgs), nil
}

// event handles the workers' notes: a job finished, an account changed.
func (q *Queue) event(m *nats.Msg) {
	rest := strings.TrimPrefix(m.Subject, q.eventsPrefix)
	switch {
	case strings.HasPrefix(rest, "job."):
		q.mu.Lock()
		close(q.finished)
		q.finished = make(chan struct{})
		q.mu.Unlock()
	case rest == "account":
		q.mu.Lock()
		fns := q.onAcct
		q.mu.Unlock()
		for _, fn := range fns {
			fn(string(m.Data))
		}
	}
}

// OnAccount registers fn to be called when any worker commits a story's
// account (serve drops its cached copy).
func (q *Queue) OnAccount(fn func(storyID string)) {
	q.mu.Lock()
	q.onAcct = append(q.onAcct, fn)
	q.mu.Unlock()
}

// AccountChanged tells every process that a story's account changed.
func (q *Queue) AccountChanged(storyID string) {
	if err := q.nc.Publish(q.eventsPrefix+"account", []byte(storyID)); err != nil {
		q.log.Warn("natsq: announcing an account", "story", storyID, "err", err)
	}
}

// Enqueue commits j inside tx; Notify publishes it after the commit.
func (q *Queue) Enqueue(ctx context.Context, tx store.Tx, j *store.Job) error {
	if err := tx.EnqueueJob(ctx, j); err != nil {
		return err
	}
	q.mu.Lock()
	q.pending[j.ID] = pendingJob{kind: j.Kind, at: time.Now()}
	q.mu.Unlock()
	return nil
}

// Notify publishes the jobs enqueued whose transaction has committed (a
// job not yet visible in the store stays pending for the next Notify; one
// whose transaction rolled back is dropped after a minute).
func (q *Queue) Notify() {
	if !q.nc.IsConnected() {
		return // kept pending: the next Notify or Sweep publishes them
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	// Take the pending jobs, so that concurrent Notify calls do not
	// publish the same job; those not published are put back.
	q.mu.Lock()
	ids := q.pending
	q.pending = map[int64]pendingJob{}
	q.mu.Unlock()
	keep := map[int64]pendingJob{}
	failed := false
	for id, p := range ids {
		if failed {
			keep[id] = p
			continue
		}
		j, err := q.st.Job(ctx, id)
		if errors.Is(err, store.ErrNotFound) {
			if time.Since(p.at) < time.Minute {
				keep[id] = p // its transaction has not committed yet
			}
			continue
		}
		if err != nil {
			q.log.Warn("natsq: reading a job to publish", "job", id, "err", err)
			keep[id] = p
			continue
		}
		if err := q.publish(ctx, j.ID, j.Kind, true); err != nil {
			q.log.Warn("natsq: publishing a job (it stays pending, and queued in the store for Sweep)", "job", id, "err", err)
			keep[id] = p
			failed = true
		}
	}
	if len(keep) > 0 {
		q.mu.Lock()
		for id, p := range keep {
			q.pending[id] = p
		}
		q.mu.Unlock()
	}
}

func (q *Queue) publish(ctx context.Context, id int64, kind string, dedup bool) error {
	b, _ := json.Marshal(message{ID: id, Kind: kind})
	var opts []jetstream.PublishOpt
	if dedup {
		opts = append(opts, jetstream.WithMsgID("job-"+strconv.FormatInt(id, 10)))
	}
	ctx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	_, err := q.js.Publish(ctx, q.jobsPrefix+subjectToken(kind), b, opts...)
	return err
}

// subjectToken keeps a kind to one subject token.
func subjectToken(s string) string {
	s = strings.Map(func(r rune) rune {
		if r == '.' || r == '*' || r == '>' || r <= ' ' {
			return '_'
		}
		return r
	}, s)
	if s == "" {
		return "_"
	}
	return s
}

// Sweep publishes again the jobs the store holds as queued or running
// but unchanged for Options.Republish: those whose publication was lost
// (a serve stopped between commit and publish, NATS was down) or whose
// message expired. A job published twice runs once: a worker acknowledges
// a delivery of a finished job without running it.
func (q *Queue) Sweep(ctx context.Context) (int, error) {
	if !q.nc.IsConnected() {
		return 0, fmt.Errorf("queue %s: NATS unreachable", q.name)
	}
	ids, err := q.st.QueuedBefore(ctx, time.Now().Add(-q.opts.Republish), 500)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, id := range ids {
		j, err := q.st.Job(ctx, id)
		if err != nil {
			continue
		}
		if err := q.publish(ctx, id, j.Kind, false); err != nil {
			return n, fmt.Errorf("queue %s: republishing job %d: %w", q.name, id, err)
		}
		n++
	}
	return n, nil
}

// Run pulls jobs and runs them with h, one at a time, until ctx ends.
func (q *Queue) Run(ctx context.Context, h jobs.Handler) error {
	var cons jetstream.Consumer
	for ctx.Err() == nil {
		if cons == nil {
			var err error
			if cons, err = q.js.Consumer(ctx, q.stream, Consumer); err != nil {
				cons = nil
				if ctx.Err() != nil {
					break
				}
				q.log.Warn("natsq: no consumer (NATS unreachable?)", "err", err)
				if err := q.setup(ctx); err != nil {
					sleep(ctx, time.Second)
				}
				continue
			}
		}
		batch, err := cons.Fetch(1, jetstream.FetchMaxWait(2*time.Second))
		if err != nil {
			if ctx.Err() == nil {
				q.log.Warn("natsq: fetching (NATS unreachable?)", "err", err)
				cons = nil
				sleep(ctx, time.Second)
			}
			continue
		}
		for m := range batch.Messages() {
			q.handle(ctx, m, h)
		}
		if err := batch.Error(); err != nil && !errors.Is(err, nats.ErrTimeout) && ctx.Err() == nil {
			q.log.Debug("natsq: fetch ended", "err", err)
		}
	}
	return nil
}

func sleep(ctx context.Context, d time.Duration) {
	select {
	case <-ctx.Done():
	case <-time.After(d):
	}
}

func (q *Queue) announce(id int64) {
	q.nc.Publish(q.eventsPrefix+"job."+strconv.FormatInt(id, 10), nil)
}

// handle runs one delivery.
func (q *Queue) handle(ctx context.Context, m jetstream.Msg, h jobs.Handler) {
	var msg message
	if err := json.Unmarshal(m.Data(), &msg); err != nil || msg.ID == 0 {
		q.log.Error("natsq: unreadable message dropped", "subject", m.Subject(), "err", err)
		m.Term()
		return
	}
	meta, err := m.Metadata()
	if err != nil {
		m.Nak()
		return
	}
	delivery := int(meta.NumDelivered)
	if delivery > 1 {
		q.Redelivered.Add(1)
	}
	j, err := q.st.StartJob(ctx, msg.ID, delivery)
	if errors.Is(err, store.ErrNotFound) {
		if delivery < 3 {
			m.NakWithDelay(time.Second) // its transaction may not be visible yet
		} else {
			q.log.Warn("natsq: job not in the store, dropped", "job", msg.ID)
			m.Term()
		}
		return
	}
	if err != nil {
		q.log.Warn("natsq: starting a job (store unreachable?)", "job", msg.ID, "err", err)
		m.NakWithDelay(2 * time.Second)
		return
	}
	if j.State != store.JobRunning {
		m.Ack() // finished already: a duplicate delivery
		q.announce(j.ID)
		return
	}
	// Keep the delivery ours while the handler runs.
	hctx, stop := context.WithCancel(ctx)
	go func() {
		t := time.NewTicker(q.opts.AckWait / 3)
		defer t.Stop()
		for {
			select {
			case <-hctx.Done():
				return
			case <-t.C:
				m.InProgress()
			}
		}
	}()
	err = safeRun(hctx, h, j)
	stop()
	if err != nil && ctx.Err() != nil {
		return // stopping: the message is delivered again to another worker
	}
	if err == nil {
		if aerr := m.DoubleAck(ctx); aerr != nil {
			q.log.Warn("natsq: acknowledging (the job is committed; a redelivery is acknowledged without running)", "job", j.ID, "err", aerr)
		}
		q.Done.Add(1)
		q.announce(j.ID)
		return
	}
	q.log.Warn("natsq: job failed", "job", j.ID, "kind", j.Kind, "delivery", delivery, "err", err)
	switch {
	case jobs.IsPermanent(err):
		if ferr := q.st.Update(ctx, func(tx store.Tx) error { return tx.FinishJob(ctx, j.ID, nil, err.Error()) }); ferr != nil {
			q.log.Error("natsq: recording a failure", "job", j.ID, "err", ferr)
			m.NakWithDelay(2 * time.Second)
			return
		}
		q.Failed.Add(1)
		m.Term()
	case delivery >= q.opts.MaxDeliver:
		if derr := q.bury(ctx, j.ID, j.Kind, err.Error()); derr != nil {
			q.log.Error("natsq: recording a dead job", "job", j.ID, "err", derr)
			m.NakWithDelay(2 * time.Second)
			return
		}
		m.Term()
	default:
		if rerr := q.st.RetryJob(ctx, j.ID, err.Error()); rerr != nil {
			q.log.Error("natsq: recording a retry", "job", j.ID, "err", rerr)
		}
		m.NakWithDelay(backoff(delivery))
	}
	q.announce(j.ID)
}

// bury marks a job dead in the store and copies it to the dead-letter
// stream.
func (q *Queue) bury(ctx context.Context, id int64, kind, errMsg string) error {
	if err := q.st.KillJob(ctx, id, errMsg); err != nil {
		return err
	}
	q.Dead.Add(1)
	b, _ := json.Marshal(message{ID: id, Kind: kind, Error: errMsg})
	if _, err := q.js.Publish(ctx, q.deadPrefix+subjectToken(kind), b); err != nil {
		q.log.Warn("natsq: copying a dead job to the dead-letter stream", "job", id, "err", err)
	}
	return nil
}

// WatchDeadLetters marks dead the jobs JetStream stopped delivering
// after MaxDeliver deliveries that never finished (the worker died each
// time, so no worker could mark them), until ctx ends.
func (q *Queue) WatchDeadLetters(ctx context.Context) error {
	subj := "$JS.EVENT.ADVISORY.CONSUMER.MAX_DELIVERIES." + q.stream + "." + Consumer
	sub, err := q.nc.Subscribe(subj, func(m *nats.Msg) {
		var adv struct {
			StreamSeq uint64 `json:"stream_seq"`
		}
		if json.Unmarshal(m.Data, &adv) != nil {
			return
		}
		s, err := q.js.Stream(ctx, q.stream)
		if err != nil {
			return
		}
		raw, err := s.GetMsg(ctx, adv.StreamSeq)
		if err != nil {
			return
		}
		var msg message
		if json.Unmarshal(raw.Data, &msg) != nil || msg.ID == 0 {
			return
		}
		j, err := q.st.Job(ctx, msg.ID)
		if err != nil || j.State == store.JobDone || j.State == store.JobFailed || j.State == JobDead {
			s.DeleteMsg(ctx, adv.StreamSeq)
			return
		}
		if err := q.bury(ctx, msg.ID, msg.Kind, fmt.Sprintf("given up after %d deliveries (the worker stopped each time)", q.opts.MaxDeliver)); err == nil {
			s.DeleteMsg(ctx, adv.StreamSeq)
			q.announce(msg.ID)
		}
	})
	if err != nil {
		return err
	}
	<-ctx.Done()
	return sub.Unsubscribe()
}

func backoff(delivery int) time.Duration {
	d := time.Duration(delivery) * time.Second
	if d > 30*time.Second {
		d = 30 * time.Second
	}
	return d
}

// safeRun runs h, turning a panic into a permanent error.
func safeRun(ctx context.Context, h jobs.Handler, j *store.Job) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = jobs.Permanent(fmt.Errorf("job %d panicked: %v", j.ID, r))
		}
	}()
	return h(ctx, j)
}

// Wait blocks until job id is done, failed or dead, or ctx ends.
func (q *Queue) Wait(ctx context.Context, id int64) (*store.Job, error) {
	for {
		q.mu.Lock()
		ch := q.finished
		q.mu.Unlock()
		j, err := q.st.Job(ctx, id)
		if err != nil {
			return nil, err
		}
		if j.State == store.JobDone || j.State == store.JobFailed || j.State == JobDead {
			return j, nil
		}
		select {
		case <-ctx.Done():
			return j, ctx.Err()
		case <-ch:
		case <-time.After(500 * time.Millisecond):
		}
	}
}

// DeleteStreams removes the queue's streams and consumer (tests, and an
// operator resetting a deployment).
func (q *Queue) DeleteStreams(ctx context.Context) error {
	return errors.Join(q.js.DeleteStream(ctx, q.stream), q.js.DeleteStream(ctx, q.deadStream))
}

// DeadLetters returns the number of messages in the dead-letter stream.
func (q *Queue) DeadLetters(ctx context.Context) (int, error) {
	s, err := q.js.Stream(ctx, q.deadStream)
	if err != nil {
		return 0, err
	}
	info, err := s.Info(ctx)
	if err != nil {
		return 0, err
	}
	return int(info.State.Msgs), nil
}
