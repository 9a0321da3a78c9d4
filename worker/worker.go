// Package worker runs the engine's jobs in a process that shares its
// store with others (a serve and any number of `corroborate worker`s on
// one PostgreSQL database and one NATS JetStream queue).
//
// The engine assigns reports to stories with an in-memory clusterer and
// links a story from the documents stored; two processes doing so at once
// could split a story or build its account without the other's report.
// So a job runs holding one PostgreSQL advisory lock, and first replays
// into the clusterer the documents the other processes stored since this
// one last looked (Engine.Observe): every process ends with the
// clusterer a single process would have. Fetching the job, reading the
// store and acknowledging it happen outside the lock.
package worker

import (
	"context"
	"fmt"

	"github.com/corroborate/corroborate/engine"
	"github.com/corroborate/corroborate/store"
	"github.com/corroborate/corroborate/store/postgres"
)

// LockKey is the PostgreSQL advisory lock the workers share.
const LockKey int64 = 0x636f72726f62 // "corrob"

// Worker runs jobs with an engine on a shared PostgreSQL store.
type Worker struct {
	db   *postgres.DB
	e    *engine.Engine
	seen int64 // the highest document Seq the clusterer has seen
}

// New builds the engine (replaying the stored documents) under the lock.
func New(ctx context.Context, db *postgres.DB, opts engine.Options) (*Worker, error) {
	w := &Worker{db: db}
	err := db.Locked(ctx, LockKey, func(ctx context.Context) error {
		var err error
		if w.e, err = engine.New(ctx, db, opts); err != nil {
			return err
		}
		w.seen, err = db.MaxSeq(ctx)
		return err
	})
	if err != nil {
		return nil, err
	}
	return w, nil
}

// Engine returns the worker's engine.
func (w *Worker) Engine() *engine.Engine { return w.e }

// Handle runs one job (a jobs.Handler) holding the lock.
func (w *Worker) Handle(ctx context.Context, j *store.Job) error {
	return w.db.Locked(ctx, LockKey, func(ctx context.Context) error {
		var docs []*store.Document
		if err := w.db.DocumentsAfter(ctx, w.seen, func(d *store.Document) error {
			docs = append(docs, d)
			return nil
		}); err != nil {
			return fmt.Errorf("catching up with the store: %w", err)
		}
		if err := w.e.Observe(docs...); err != nil {
			return err
		}
		err := w.e.Handle(ctx, j)
		if seq, serr := w.db.MaxSeq(context.WithoutCancel(ctx)); serr == nil {
			w.seen = seq
		}
		return err
	})
}
