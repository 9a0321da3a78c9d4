package postgres

import (
	"context"
	"errors"
	"sync"
	"testing"

	"github.com/corroborate/corroborate/store"
	"github.com/corroborate/corroborate/store/postgres/pgtest"
	"github.com/corroborate/corroborate/store/storetest"
)

// TestSuite runs the shared store suite on a fresh database per run,
// emptied between subtests.
func TestSuite(t *testing.T) {
	ctx := context.Background()
	u := pgtest.NewDatabase(t)
	storetest.Run(t, func(t *testing.T) storetest.Store {
		db, err := Open(ctx, u)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Pool().Exec(ctx, `TRUNCATE blobs, stories, documents, revisions, accounts, jobs, feeds RESTART IDENTITY CASCADE`); err != nil {
			t.Fatal(err)
		}
		return db
	})
}

// TestConcurrentOpenAndClaims opens the store from several goroutines at
// once (the migrations run once under goose's lock) and claims jobs from
// all of them: each job is claimed exactly once.
func TestConcurrentOpenAndClaims(t *testing.T) {
	ctx := context.Background()
	u := pgtest.NewDatabase(t)
	const n = 4
	dbs := make([]*DB, n)
	var wg sync.WaitGroup
	errs := make([]error, n)
	for i := range dbs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			dbs[i], errs[i] = Open(ctx, u)
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		t.Fatal(err)
	}
	defer func() {
		for _, db := range dbs {
			db.Close()
		}
	}()
	const jobs = 60
	err := dbs[0].Update(ctx, func(tx store.Tx) error {
		for range jobs {
			if err := tx.EnqueueJob(ctx, &store.Job{Kind: "document", Payload: []byte("x")}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	seen := map[int64]int{}
	for _, db := range dbs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				j, err := db.ClaimJob(ctx)
				if errors.Is(err, store.ErrNotFound) {
					return
				}
				if err != nil {
					t.Error(err)
					return
				}
				mu.Lock()
				seen[j.ID]++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if len(seen) != jobs {
		t.Fatalf("%d jobs claimed, want %d", len(seen), jobs)
	}
	for id, c := range seen {
		if c != 1 {
			t.Fatalf("job %d claimed %d times", id, c)
		}
	}
}

// TestKillJob: a dead job shows as dead, and a finished one stays done.
func TestKillJob(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, pgtest.NewDatabase(t))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var a, b store.Job
	err = db.Update(ctx, func(tx store.Tx) error {
		a, b = store.Job{Kind: "document"}, store.Job{Kind: "document"}
		return errors.Join(tx.EnqueueJob(ctx, &a), tx.EnqueueJob(ctx, &b))
	})
	if err != nil {
		t.Fatal(err)
	}
	if j, err := db.StartJob(ctx, a.ID, 3); err != nil || j.State != store.JobRunning || j.Attempts != 3 {
		t.Fatalf("StartJob = %+v, %v", j, err)
	}
	if err := db.Update(ctx, func(tx store.Tx) error { return tx.FinishJob(ctx, b.ID, []byte("{}"), "") }); err != nil {
		t.Fatal(err)
	}
	for _, id := range []int64{a.ID, b.ID} {
		if err := db.KillJob(ctx, id, "boom"); err != nil {
			t.Fatal(err)
		}
	}
	ja, _ := db.Job(ctx, a.ID)
	jb, _ := db.Job(ctx, b.ID)
	if ja.State != JobDead || ja.Error != "boom" || jb.State != store.JobDone {
		t.Fatalf("after KillJob: %+v, %+v", ja, jb)
	}
	c, _ := db.Counts(ctx)
	if c.Jobs[JobDead] != 1 {
		t.Fatalf("counts %+v", c.Jobs)
	}
}
