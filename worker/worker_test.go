package worker

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/corroborate/corroborate/engine"
	"github.com/corroborate/corroborate/store"
	"github.com/corroborate/corroborate/store/postgres"
	"github.com/corroborate/corroborate/store/postgres/pgtest"
	"github.com/corroborate/corroborate/store/sqlite"
)

// run enqueues one job per file and hands them to the handlers in turn,
// returning each story's account.
func run(t *testing.T, st engine.Backend, files []string, handlers ...func(context.Context, *store.Job) error) map[string][]byte {
	t.Helper()
	ctx := context.Background()
	for i, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		payload, _ := json.Marshal(engine.Submission{Data: data, Name: filepath.Base(f)})
		j := &store.Job{Kind: engine.JobKind, Payload: payload}
		if err := st.Update(ctx, func(tx store.Tx) error { return tx.EnqueueJob(ctx, j) }); err != nil {
			t.Fatal(err)
		}
		if err := handlers[i%len(handlers)](ctx, j); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
	}
	list, err := st.Stories(ctx, store.StoryQuery{})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, s := range list {
		a, err := st.Account(ctx, s.ID)
		if err != nil {
			t.Fatal(err)
		}
		out[s.ID] = a.JSON
	}
	return out
}

// TestWorkersTakingTurnsMatchOneEngine: two workers on one PostgreSQL
// store, taking the hashimi reports in turn, give the stories and
// accounts one embedded engine gives; each catches up with the reports
// the other stored.
func TestWorkersTakingTurnsMatchOneEngine(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "shared", "corpus", "hashimi", "*.txt"))
	if len(files) == 0 {
		t.Skip("the hashimi corpus is not at ../../shared/corpus/hashimi")
	}
	sort.Strings(files)
	ctx := context.Background()
	opts := engine.Options{Generator: "corroborate test"}

	lite, err := sqlite.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer lite.Close()
	one, err := engine.New(ctx, lite, opts)
	if err != nil {
		t.Fatal(err)
	}
	want := run(t, lite, files, one.Handle)

	db, err := postgres.Open(ctx, pgtest.NewDatabase(t))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	w1, err := New(ctx, db, opts)
	if err != nil {
		t.Fatal(err)
	}
	w2, err := New(ctx, db, opts)
	if err != nil {
		t.Fatal(err)
	}
	got := run(t, db, files, w1.Handle, w2.Handle)
	if len(got) != len(want) || len(want) == 0 {
		t.Fatalf("%d stories from two workers, %d from one engine", len(got), len(want))
	}
	for id, w := range want {
		if !bytes.Equal(got[id], w) {
			t.Fatalf("story %s: the accounts differ (%d and %d bytes)", id, len(got[id]), len(w))
		}
	}
	// A third worker started now rebuilds from the store and agrees too.
	w3, err := New(ctx, db, opts)
	if err != nil {
		t.Fatal(err)
	}
	if w3.seen != w1.seen || w1.seen != int64(len(files)) {
		t.Fatalf("worker 3 has seen up to %d, worker 1 (the last to work) up to %d; want %d", w3.seen, w1.seen, len(files))
	}
}
