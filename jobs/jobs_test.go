package jobs

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
	"time"

	"github.com/corroborate/corroborate/store"
	"github.com/corroborate/corroborate/store/sqlite"
)

func TestLocalQueue(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	db, err := sqlite.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	q := NewLocal(db)
	q.MaxAttempts = 2
	enqueue := func(payload string) int64 {
		var j store.Job
		if err := db.Update(ctx, func(tx store.Tx) error {
			j = store.Job{Kind: "test", Payload: []byte(payload)}
			return q.Enqueue(ctx, tx, &j)
		}); err != nil {
			t.Fatal(err)
		}
		q.Notify()
		return j.ID
	}
	ok, flaky, bad, twice := enqueue("ok"), enqueue("flaky"), enqueue("bad"), enqueue("always")
	var flakyRuns atomic.Int32
	runCtx, stop := context.WithCancel(ctx)
	done := make(chan error)
	go func() {
		done <- q.Run(runCtx, func(ctx context.Context, j *store.Job) error {
			switch string(j.Payload) {
			case "flaky":
				if flakyRuns.Add(1) == 1 {
					return errors.New("try again")
				}
			case "bad":
				return Permanent(errors.New("bad input"))
			case "always":
				return errors.New("still broken")
			}
			return db.Update(ctx, func(tx store.Tx) error { return tx.FinishJob(ctx, j.ID, []byte("r:"+string(j.Payload)), "") })
		})
	}()
	for id, want := range map[int64]struct {
		state, result, err string
		attempts           int
	}{
		ok:    {store.JobDone, "r:ok", "", 1},
		flaky: {store.JobDone, "r:flaky", "", 2},
		bad:   {store.JobFailed, "", "bad input", 1},
		twice: {store.JobFailed, "", "still broken", 2},
	} {
		j, err := q.Wait(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if j.State != want.state || string(j.Result) != want.result || j.Error != want.err || j.Attempts != want.attempts {
			t.Errorf("job %d = %+v, want %+v", id, j, want)
		}
	}
	stop()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}
