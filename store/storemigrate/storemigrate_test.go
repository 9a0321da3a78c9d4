package storemigrate

import (
	"bytes"
	"context"
	"testing"
	"time"

	"github.com/corroborate/corroborate/store"
	"github.com/corroborate/corroborate/store/postgres"
	"github.com/corroborate/corroborate/store/postgres/pgtest"
	"github.com/corroborate/corroborate/store/sqlite"
)

func TestCopyKeepsEverything(t *testing.T) {
	ctx := context.Background()
	u := pgtest.NewDatabase(t)
	dir := t.TempDir()
	src, err := sqlite.Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	pub := time.Date(2020, 7, 6, 19, 0, 0, 0, time.UTC)
	var st store.Story
	var job store.Job
	err = src.Update(ctx, func(tx store.Tx) error {
		st = store.Story{Title: "Killing in Baghdad", Cluster: "c1", Reports: 1, First: pub}
		if err := tx.CreateStory(ctx, &st); err != nil {
			return err
		}
		h, err := tx.PutBlob(ctx, []byte("<p>raw</p>"))
		if err != nil {
			return err
		}
		d := &store.Document{Key: "url:https://a.example/1", StoryID: st.ID, Source: "a", URL: "https://a.example/1", Title: "Shot outside his home",
			Published: pub, BlobHash: h, Flags: []string{"x", "y"}, Text: "Hisham al-Hashimi was shot", Extracted: []byte("{}"), Record: []byte(`{"id":"a"}`)}
		if err := tx.InsertDocument(ctx, d); err != nil {
			return err
		}
		if _, err := tx.AddRevision(ctx, store.Revision{DocumentID: d.ID, BlobHash: h, ContentType: "text/html"}); err != nil {
			return err
		}
		if err := tx.PutAccount(ctx, &store.Account{StoryID: st.ID, JSON: []byte(`{"v":1}`), HTML: []byte("<p>"), Title: st.Title, Text: "summary of the killing"}); err != nil {
			return err
		}
		job = store.Job{Kind: "document", Payload: []byte(`{"text":"t"}`)}
		if err := tx.EnqueueJob(ctx, &job); err != nil {
			return err
		}
		_, err = tx.AddFeed(ctx, "https://a.example/rss")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	src.Close()
	dst, err := postgres.Open(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	defer dst.Close()
	n, err := Copy(ctx, dir, dst)
	if err != nil {
		t.Fatal(err)
	}
	if n["documents"] != 1 || n["blobs"] != 1 || n["accounts"] != 1 || n["jobs"] != 1 || n["feeds"] != 1 || n["revisions"] != 1 {
		t.Fatalf("copied %v", n)
	}
	d, err := dst.Document(ctx, "r1")
	if err != nil || d.StoryID != st.ID || !d.Published.Equal(pub) || len(d.Flags) != 2 || string(d.Record) != `{"id":"a"}` {
		t.Fatalf("document r1 = %+v, %v", d, err)
	}
	if hits, err := dst.Search(ctx, "hashimi", 5); err != nil || len(hits) != 1 {
		t.Fatalf("search after the copy: %+v, %v", hits, err)
	}
	if list, err := dst.Stories(ctx, store.StoryQuery{Q: "killing"}); err != nil || len(list) != 1 || !list[0].First.Equal(pub) {
		t.Fatalf("stories after the copy: %+v, %v", list, err)
	}
	acc, err := dst.Account(ctx, st.ID)
	if err != nil || acc.Version != 1 || !bytes.Equal(acc.JSON, []byte(`{"v":1}`)) {
		t.Fatalf("account %+v, %v", acc, err)
	}
	if j, err := dst.ClaimJob(ctx); err != nil || j.ID != job.ID || string(j.Payload) != `{"text":"t"}` {
		t.Fatalf("queued job after the copy: %+v, %v", j, err)
	}
	// New rows continue the IDs.
	var next store.Document
	err = dst.Update(ctx, func(tx store.Tx) error {
		h, _ := tx.PutBlob(ctx, []byte("other"))
		next = store.Document{Key: "k2", Source: "b", BlobHash: h, Record: []byte("{}")}
		return tx.InsertDocument(ctx, &next)
	})
	if err != nil || next.ID != "r2" {
		t.Fatalf("next document %q, %v", next.ID, err)
	}
	// A second copy is refused: the target is no longer empty.
	if _, err := Copy(ctx, dir, dst); err == nil {
		t.Fatal("copying into a non-empty store succeeded")
	}
}
