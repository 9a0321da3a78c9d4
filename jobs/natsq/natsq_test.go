package natsq

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"math/big"
	"os"
	"os/exec"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/corroborate/corroborate/jobs"
	"github.com/corroborate/corroborate/jobs/natsq/natstest"
	"github.com/corroborate/corroborate/store"
	"github.com/corroborate/corroborate/store/postgres"
	"github.com/corroborate/corroborate/store/postgres/pgtest"
)

// env is a fresh database and a queue with its own streams.
type env struct {
	db      *postgres.DB
	dbURL   string
	natsURL string
	name    string
}

func newEnv(t *testing.T) *env {
	t.Helper()
	nu := natstest.URL(t)
	u := pgtest.NewDatabase(t)
	db, err := postgres.Open(context.Background(), u)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return &env{db: db, dbURL: u, natsURL: nu, name: natstest.Name()}
}

func (e *env) queue(t *testing.T, opts Options) *Queue {
	t.Helper()
	opts.Name = e.name
	q, err := Open(context.Background(), e.natsURL, e.db, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		q.DeleteStreams(context.Background())
		q.Close()
	})
	return q
}

// enqueue commits one job per payload as the server does and publishes
// them.
func enqueue(t *testing.T, st store.Store, q jobs.Queue, payloads ...string) []int64 {
	t.Helper()
	ctx := context.Background()
	var ids []int64
	for _, p := range payloads {
		j := &store.Job{Kind: "document", Payload: []byte(p)}
		if err := st.Update(ctx, func(tx store.Tx) error { return q.Enqueue(ctx, tx, j) }); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, j.ID)
		q.Notify()
	}
	return ids
}

// storing is a handler that does what the engine does with a report, in
// small: the bytes, a document keyed by their hash (a report seen before
// is not stored again) and the job's result, in one transaction.
func storing(st store.Store, pause time.Duration) jobs.Handler {
	return func(ctx context.Context, j *store.Job) error {
		if pause > 0 {
			n, _ := rand.Int(rand.Reader, big.NewInt(int64(pause)))
			time.Sleep(time.Duration(n.Int64()))
		}
		return st.Update(ctx, func(tx store.Tx) error {
			h, err := tx.PutBlob(ctx, j.Payload)
			if err != nil {
				return err
			}
			key := "sha256:" + h
			d, err := tx.DocumentByKey(ctx, key)
			if errors.Is(err, store.ErrNotFound) {
				d = &store.Document{Key: key, Source: "job " + strconv.FormatInt(j.ID, 10), BlobHash: h, Text: string(j.Payload), Record: []byte("{}")}
				err = tx.InsertDocument(ctx, d)
			}
			if err != nil {
				return err
			}
			return tx.FinishJob(ctx, j.ID, []byte(`{"id":"`+d.ID+`"}`), "")
		})
	}
}

func waitAll(t *testing.T, q *Queue, ids []int64, within time.Duration) map[string]int {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), within)
	defer cancel()
	states := map[string]int{}
	for _, id := range ids {
		j, err := q.Wait(ctx, id)
		if err != nil {
			t.Fatalf("job %d: %v (state %+v)", id, err, j)
		}
		states[j.State]++
	}
	return states
}

func TestJobsRunOnce(t *testing.T) {
	e := newEnv(t)
	q := e.queue(t, Options{})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var wg sync.WaitGroup
	for range 2 {
		wg.Add(1)
		go func() { defer wg.Done(); q.Run(ctx, storing(e.db, 0)) }()
	}
	var payloads []string
	for i := range 40 {
		payloads = append(payloads, fmt.Sprintf("report %d", i%30)) // ten sent twice
	}
	ids := enqueue(t, e.db, q, payloads...)
	states := waitAll(t, q, ids, time.Minute)
	cancel()
	wg.Wait()
	if states[store.JobDone] != 40 {
		t.Fatalf("job states %v, want 40 done", states)
	}
	c, _ := e.db.Counts(context.Background())
	if c.Documents != 30 {
		t.Fatalf("%d documents, want 30", c.Documents)
	}
	if d, err := q.Depth(context.Background()); err != nil || d != 0 {
		t.Fatalf("depth %d, %v after all acknowledged", d, err)
	}
}

func TestDeadLetterAfterRepeatedFailures(t *testing.T) {
	e := newEnv(t)
	q := e.queue(t, Options{MaxDeliver: 3, AckWait: 5 * time.Second})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	tries := 0
	go q.Run(ctx, func(ctx context.Context, j *store.Job) error {
		if string(j.Payload) == "poison" {
			tries++
			return errors.New("cannot read this report")
		}
		return storing(e.db, 0)(ctx, j)
	})
	ids := enqueue(t, e.db, q, "poison", "fine")
	waitAll(t, q, ids, time.Minute)
	cancel()
	poison, _ := e.db.Job(context.Background(), ids[0])
	fine, _ := e.db.Job(context.Background(), ids[1])
	if poison.State != JobDead || poison.Error != "cannot read this report" || poison.Attempts != 3 || tries != 3 {
		t.Fatalf("poison job %+v after %d tries, want dead after 3", poison, tries)
	}
	if fine.State != store.JobDone {
		t.Fatalf("fine job %+v", fine)
	}
	if n, err := q.DeadLetters(context.Background()); err != nil || n != 1 {
		t.Fatalf("dead-letter stream holds %d, %v; want 1", n, err)
	}
	c, _ := e.db.Counts(context.Background())
	if c.Jobs[JobDead] != 1 {
		t.Fatalf("job counts %v", c.Jobs)
	}
}

// Child processes: the test binary run again as a worker.
const (
	childEnv = "NATSQ_TEST_CHILD"
)

// TestChildWorker is a worker process for the kill tests (it does
// nothing unless started by them).
func TestChildWorker(t *testing.T) {
	mode := os.Getenv(childEnv)
	if mode == "" {
		t.Skip("run by the kill tests as a worker process")
	}
	ctx := context.Background()
	db, err := postgres.Open(ctx, os.Getenv("NATSQ_DB"))
	if err != nil {
		t.Fatal(err)
	}
	ack, _ := time.ParseDuration(os.Getenv("NATSQ_ACKWAIT"))
	q, err := Open(ctx, os.Getenv("NATSQ_URL"), db, Options{Name: os.Getenv("NATSQ_NAME"), AckWait: ack, MaxDeliver: 50})
	if err != nil {
		t.Fatal(err)
	}
	h := storing(db, 20*time.Millisecond)
	if mode == "hang" {
		// Starts the job and never finishes it.
		h = func(ctx context.Context, j *store.Job) error { select {} }
	}
	q.Run(ctx, h)
}

func (e *env) child(t *testing.T, mode string, ackWait time.Duration) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestChildWorker$", "-test.count=1")
	cmd.Env = append(os.Environ(), childEnv+"="+mode, "NATSQ_DB="+e.dbURL, "NATSQ_URL="+e.natsURL, "NATSQ_NAME="+e.name,
		"NATSQ_ACKWAIT="+ackWait.String(), "CI=")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd
}

func kill9(cmd *exec.Cmd) {
	cmd.Process.Kill() // SIGKILL
	cmd.Wait()
}

func TestRedeliveryAfterKill9(t *testing.T) {
	e := newEnv(t)
	ack := 2 * time.Second
	q := e.queue(t, Options{AckWait: ack, MaxDeliver: 50})
	hung := e.child(t, "hang", ack)
	defer kill9(hung)
	ids := enqueue(t, e.db, q, "the report")
	ctx := context.Background()
	deadline := time.Now().Add(30 * time.Second)
	for {
		j, err := e.db.Job(ctx, ids[0])
		if err != nil {
			t.Fatal(err)
		}
		if j.State == store.JobRunning {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the child worker never started the job: %+v", j)
		}
		time.Sleep(50 * time.Millisecond)
	}
	kill9(hung)
	start := time.Now()
	rctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go q.Run(rctx, storing(e.db, 0))
	states := waitAll(t, q, ids, 30*time.Second)
	j, _ := e.db.Job(ctx, ids[0])
	if states[store.JobDone] != 1 || j.Attempts != 2 {
		t.Fatalf("after kill -9: %+v, want done on the second delivery", j)
	}
	if q.Redelivered.Load() != 1 {
		t.Fatalf("redelivered %d", q.Redelivered.Load())
	}
	t.Logf("done %v after kill -9 (AckWait %v)", time.Since(start).Round(10*time.Millisecond), ack)
}

// killAtRandom runs workers child processes over n reports (a tenth sent
// twice), killing one with SIGKILL and starting another every interval,
// then checks every job is done and every report stored once.
func killAtRandom(t *testing.T, n, workers int, interval time.Duration) {
	e := newEnv(t)
	ack := time.Second
	q := e.queue(t, Options{AckWait: ack, MaxDeliver: 50})
	procs := make([]*exec.Cmd, workers)
	for i := range procs {
		procs[i] = e.child(t, "store", ack)
	}
	defer func() {
		for _, p := range procs {
			kill9(p)
		}
	}()
	var payloads []string
	distinct := n - n/10
	for i := range n {
		payloads = append(payloads, fmt.Sprintf("report number %d", i%distinct))
	}
	stop := make(chan struct{})
	killed := 0
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			select {
			case <-stop:
				return
			case <-time.After(interval):
			}
			k, _ := rand.Int(rand.Reader, big.NewInt(int64(workers)))
			i := int(k.Int64())
			kill9(procs[i])
			killed++
			procs[i] = e.child(t, "store", ack)
		}
	}()
	start := time.Now()
	ids := enqueue(t, e.db, q, payloads...)
	states := waitAll(t, q, ids, 4*time.Minute)
	close(stop)
	wg.Wait()
	ctx := context.Background()
	c, err := e.db.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var redelivered int
	if err := e.db.Pool().QueryRow(ctx, `SELECT count(*) FROM jobs WHERE attempts > 1`).Scan(&redelivered); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d reports, %d workers, %d killed with SIGKILL, %d jobs delivered more than once, %v", n, workers, killed, redelivered, time.Since(start).Round(time.Second))
	if states[store.JobDone] != n {
		t.Fatalf("job states %v, want %d done", states, n)
	}
	if c.Documents != distinct {
		t.Fatalf("%d documents stored, want %d (one per distinct report)", c.Documents, distinct)
	}
	if killed == 0 {
		t.Fatal("no worker was killed")
	}
}

func TestNoDuplicatesWithWorkersKilled(t *testing.T) {
	killAtRandom(t, 300, 3, 400*time.Millisecond)
}

// TestNATSRestartMidRun kills the NATS server (SIGKILL) while jobs run
// and starts it again: the queue reconnects, jobs enqueued while it was
// down are published by Notify or Sweep, and every job ends done once.
func TestNATSRestartMidRun(t *testing.T) {
	natstest.URL(t) // the same requirement as the other tests, for CI
	srv := natstest.Private(t)
	u := pgtest.NewDatabase(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	db, err := postgres.Open(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	q, err := Open(ctx, srv.URL(), db, Options{AckWait: 2 * time.Second, MaxDeliver: 50, Republish: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	go q.Run(ctx, storing(db, 10*time.Millisecond))
	var payloads []string
	for i := range 120 {
		payloads = append(payloads, fmt.Sprintf("report %d", i))
	}
	ids := enqueue(t, db, q, payloads[:60]...)
	srv.Kill()
	// Enqueued while NATS is down: committed to the store, published later.
	ids = append(ids, enqueue(t, db, q, payloads[60:90]...)...)
	time.Sleep(time.Second)
	srv.Start()
	ids = append(ids, enqueue(t, db, q, payloads[90:]...)...)
	wctx, wcancel := context.WithTimeout(ctx, 2*time.Minute)
	defer wcancel()
	go func() {
		for wctx.Err() == nil {
			q.Notify()
			q.Sweep(wctx)
			sleep(wctx, 2*time.Second)
		}
	}()
	states := waitAll(t, q, ids, 2*time.Minute)
	if states[store.JobDone] != len(ids) {
		t.Fatalf("job states %v, want %d done", states, len(ids))
	}
	c, _ := db.Counts(ctx)
	if c.Documents != 120 {
		t.Fatalf("%d documents, want 120", c.Documents)
	}
}

// TestDeadAfterWorkersDieEveryTime: a job whose every delivery ends with
// its worker gone (never acknowledged, never failed) is marked dead once
// JetStream gives up on it, by WatchDeadLetters.
func TestDeadAfterWorkersDieEveryTime(t *testing.T) {
	e := newEnv(t)
	q := e.queue(t, Options{AckWait: time.Second, MaxDeliver: 2})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go q.WatchDeadLetters(ctx)
	time.Sleep(100 * time.Millisecond) // the advisory subscription is in place
	ids := enqueue(t, e.db, q, "crashes its worker")
	cons, err := q.js.Consumer(ctx, q.stream, Consumer)
	if err != nil {
		t.Fatal(err)
	}
	// Two deliveries taken and dropped, as by workers killed mid-job.
	for got := 0; got < 2; {
		b, err := cons.Fetch(1, jetstream.FetchMaxWait(5*time.Second))
		if err != nil {
			t.Fatal(err)
		}
		for range b.Messages() {
			got++
		}
	}
	// A worker still asking for work makes JetStream notice the job has no
	// delivery left (the advisory comes then).
	if b, err := cons.Fetch(1, jetstream.FetchMaxWait(3*time.Second)); err == nil {
		for m := range b.Messages() {
			t.Fatalf("delivered a third time: %s", m.Data())
		}
	}
	wctx, wcancel := context.WithTimeout(ctx, 20*time.Second)
	defer wcancel()
	j, err := q.Wait(wctx, ids[0])
	if err != nil || j.State != JobDead {
		t.Fatalf("job after its workers died twice: %+v, %v; want dead", j, err)
	}
	if n, _ := q.DeadLetters(ctx); n != 1 {
		t.Fatalf("dead-letter stream holds %d, want 1", n)
	}
}
