// Package jobs carries the service's work durably: a job is committed to
// the store before the client hears of it, and acknowledged (finished)
// only in the same transaction that commits its result, so that work is
// done at least once and, because storing is idempotent by content hash,
// takes effect exactly once.
//
// Queue is the interface; Local is the in-process implementation on a
// store's job table (a later implementation may carry jobs through a
// message broker with the same contract).
package jobs

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/corroborate/corroborate/store"
)

// Handler does one job. It must commit its result together with
// tx.FinishJob(ctx, j.ID, result, "") in one store transaction. An error
// leaves the job for another attempt, unless it is Permanent (or the
// attempts are used up), when the job fails with the error's message.
type Handler func(ctx context.Context, j *store.Job) error

// Queue is a durable job queue.
type Queue interface {
	// Enqueue queues a job inside tx, so that it is committed (and later
	// run) with whatever else the transaction writes; call Notify after
	// the commit.
	Enqueue(ctx context.Context, tx store.Tx, j *store.Job) error
	// Notify tells the workers that jobs were committed.
	Notify()
	// Run runs jobs with h until ctx ends, first putting back in the
	// queue the jobs a stopped process left running.
	Run(ctx context.Context, h Handler) error
	// Wait blocks until job id is done or failed, or ctx ends, and returns
	// the job as last read.
	Wait(ctx context.Context, id int64) (*store.Job, error)
}

// permanent marks an error that another attempt would not fix.
type permanent struct{ error }

func (p permanent) Unwrap() error { return p.error }

// Permanent marks err as one another attempt would not fix (bad input).
func Permanent(err error) error { return permanent{err} }

// IsPermanent reports whether err was marked by Permanent.
func IsPermanent(err error) bool { return errors.As(err, new(permanent)) }

// Backend is what Local needs from a store.
type Backend interface {
	store.Store
	store.Jobs
}

// Local is a Queue on a store's job table, run by workers in this
// process.
type Local struct {
	// MaxAttempts is the number of tries before a job fails (default 3).
	MaxAttempts int
	// Logger receives job failures (default slog.Default()).
	Logger *slog.Logger

	st   Backend
	wake chan struct{}

	mu       sync.Mutex
	finished chan struct{} // closed and replaced whenever a job finishes
}

var _ Queue = (*Local)(nil)

// NewLocal returns a queue on st.
func NewLocal(st Backend) *Local {
	return &Local{st: st, wake: make(chan struct{}, 1), finished: make(chan struct{})}
}

// Enqueue queues j inside tx.
func (q *Local) Enqueue(ctx context.Context, tx store.Tx, j *store.Job) error {
	return tx.EnqueueJob(ctx, j)
}

// Notify wakes a worker.
func (q *Local) Notify() {
	select {
	case q.wake <- struct{}{}:
	default:
	}
}

func (q *Local) logger() *slog.Logger {
	if q.Logger != nil {
		return q.Logger
	}
	return slog.Default()
}

func (q *Local) broadcast() {
	q.mu.Lock()
	close(q.finished)
	q.finished = make(chan struct{})
	q.mu.Unlock()
}

// Run runs queued jobs one at a time with h until ctx ends.
func (q *Local) Run(ctx context.Context, h Handler) error {
	if n, err := q.st.RequeueRunning(ctx); err != nil {
		return err
	} else if n > 0 {
		q.logger().Info("jobs: resumed jobs left running", "jobs", n)
	}
	max := q.MaxAttempts
	if max <= 0 {
		max = 3
	}
	for {
		j, err := q.st.ClaimJob(ctx)
		if errors.Is(err, store.ErrNotFound) {
			select {
			case <-ctx.Done():
				return nil
			case <-q.wake:
			case <-time.After(2 * time.Second):
			}
			continue
		}
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			q.logger().Error("jobs: claiming", "err", err)
			select {
			case <-ctx.Done():
				return nil
			case <-time.After(time.Second):
			}
			continue
		}
		err = safeRun(ctx, h, j)
		if err != nil && ctx.Err() != nil {
			return nil // stopping: the job stays running and is requeued on start
		}
		if err != nil {
			q.logger().Warn("jobs: job failed", "job", j.ID, "kind", j.Kind, "attempt", j.Attempts, "err", err)
			if IsPermanent(err) || j.Attempts >= max {
				err = q.st.Update(ctx, func(tx store.Tx) error { return tx.FinishJob(ctx, j.ID, nil, err.Error()) })
			} else {
				err = q.st.RetryJob(ctx, j.ID, err.Error())
			}
			if err != nil {
				q.logger().Error("jobs: recording a failure", "job", j.ID, "err", err)
			}
		}
		q.broadcast()
	}
}

// safeRun runs h, turning a panic into a permanent error.
func safeRun(ctx context.Context, h Handler, j *store.Job) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = Permanent(fmt.Errorf("job %d panicked: %v", j.ID, r))
		}
	}()
	return h(ctx, j)
}

// Wait blocks until job id is done or failed, or ctx ends.
func (q *Local) Wait(ctx context.Context, id int64) (*store.Job, error) {
	for {
		q.mu.Lock()
		ch := q.finished
		q.mu.Unlock()
		j, err := q.st.Job(ctx, id)
		if err != nil {
			return nil, err
		}
		if j.State == store.JobDone || j.State == store.JobFailed {
			return j, nil
		}
		select {
		case <-ctx.Done():
			return j, ctx.Err()
		case <-ch:
		case <-time.After(time.Second):
		}
	}
}
