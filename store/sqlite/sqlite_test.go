package sqlite

import (
	"context"
	"testing"

	"github.com/corroborate/corroborate/store"
	"github.com/corroborate/corroborate/store/storetest"
)

func TestSuite(t *testing.T) {
	storetest.Run(t, func(t *testing.T) storetest.Store {
		db, err := Open(context.Background(), t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		return db
	})
}

func TestReopenKeepsData(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db, err := Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(ctx, func(tx store.Tx) error {
		h, err := tx.PutBlob(ctx, []byte("page"))
		if err != nil {
			return err
		}
		return tx.InsertDocument(ctx, &store.Document{Key: "k", Source: "k", BlobHash: h, Text: "kept text", Record: []byte("{}")})
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	// Opening again finds the schema current (goose runs nothing) and the data kept.
	db2, err := Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer db2.Close()
	d, err := db2.Document(ctx, "r1")
	if err != nil || d.Key != "k" {
		t.Fatalf("after reopening: %+v, %v", d, err)
	}
	if hits, err := db2.Search(ctx, "kept", 5); err != nil || len(hits) != 1 {
		t.Fatalf("search after reopening: %+v, %v", hits, err)
	}
}
