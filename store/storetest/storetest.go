// Package storetest is the test suite every store.Store implementation
// passes: call Run from the implementation's tests with a function that
// opens a fresh, empty store.
package storetest

import (
	"bytes"
	"context"
	"errors"
	"testing"
	"time"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/store"
)

// Store is what the suite needs: a store with a job table.
type Store interface {
	store.Store
	store.Jobs
}

// Run runs the suite; open returns a fresh empty store (closed by the
// suite) for each subtest.
func Run(t *testing.T, open func(t *testing.T) Store) {
	for _, tc := range []struct {
		name string
		fn   func(t *testing.T, s Store)
	}{
		{"BlobsOnce", testBlobsOnce},
		{"DocumentsAndRevisions", testDocuments},
		{"StoriesAndAccounts", testStories},
		{"Search", testSearch},
		{"Rollback", testRollback},
		{"Jobs", testJobs},
		{"DocumentCodec", testCodec},
		{"Feeds", testFeeds},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := open(t)
			defer s.Close()
			tc.fn(t, s)
		})
	}
}

func update(t *testing.T, s store.Store, fn func(tx store.Tx) error) {
	t.Helper()
	if err := s.Update(context.Background(), fn); err != nil {
		t.Fatal(err)
	}
}

func testBlobsOnce(t *testing.T, s Store) {
	ctx := context.Background()
	data := []byte("<html>same page</html>")
	var h1, h2 string
	update(t, s, func(tx store.Tx) (err error) {
		if h1, err = tx.PutBlob(ctx, data); err != nil {
			return err
		}
		h2, err = tx.PutBlob(ctx, append([]byte(nil), data...))
		return err
	})
	if h1 != h2 || h1 != store.Hash(data) {
		t.Fatalf("hashes %s %s, want %s", h1, h2, store.Hash(data))
	}
	got, err := s.Blob(ctx, h1)
	if err != nil || !bytes.Equal(got, data) {
		t.Fatalf("Blob = %q, %v", got, err)
	}
	c, err := s.Counts(ctx)
	if err != nil || c.Blobs != 1 {
		t.Fatalf("counts %+v, %v; want one blob", c, err)
	}
	if _, err := s.Blob(ctx, store.Hash([]byte("other"))); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("missing blob: %v, want ErrNotFound", err)
	}
}

// putDoc stores a new revision of a document keyed key, as the service
// does: the blob, the document (new or updated) and the revision.
func putDoc(t *testing.T, s store.Store, key, storyID, text string, raw []byte) *store.Document {
	t.Helper()
	ctx := context.Background()
	var d *store.Document
	update(t, s, func(tx store.Tx) error {
		h, err := tx.PutBlob(ctx, raw)
		if err != nil {
			return err
		}
		d, err = tx.DocumentByKey(ctx, key)
		switch {
		case errors.Is(err, store.ErrNotFound):
			d = &store.Document{Key: key, Source: key, Title: "T " + key, StoryID: storyID, BlobHash: h, Text: text, Record: []byte("{}")}
			err = tx.InsertDocument(ctx, d)
		case err == nil:
			d.BlobHash, d.Text = h, text
			err = tx.UpdateDocument(ctx, d)
		}
		if err != nil {
			return err
		}
		_, err = tx.AddRevision(ctx, store.Revision{DocumentID: d.ID, BlobHash: h, ContentType: "text/html"})
		return err
	})
	return d
}

func testDocuments(t *testing.T, s Store) {
	ctx := context.Background()
	a := putDoc(t, s, "url:https://example.org/a", "", "first version", []byte("v1"))
	b := putDoc(t, s, "url:https://example.org/a", "", "second version", []byte("v2"))
	if a.ID == "" || a.ID != b.ID {
		t.Fatalf("same key gave documents %q and %q", a.ID, b.ID)
	}
	c := putDoc(t, s, "url:https://example.org/a", "", "second version", []byte("v2"))
	revs, err := s.Revisions(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(revs) != 2 || revs[0].BlobHash != store.Hash([]byte("v1")) || revs[1].BlobHash != store.Hash([]byte("v2")) || revs[1].Size != 2 {
		t.Fatalf("revisions %+v, want v1 then v2 once each", revs)
	}
	got, err := s.Document(ctx, a.ID)
	if err != nil || got.BlobHash != store.Hash([]byte("v2")) || got.Title != "T url:https://example.org/a" {
		t.Fatalf("Document = %+v, %v", got, err)
	}
	if _, err := s.Document(ctx, "r999"); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("missing document: %v", err)
	}
	other := putDoc(t, s, "sha256:x", "", "text", []byte("x"))
	if other.ID == a.ID || other.Seq <= a.Seq {
		t.Fatalf("second document %+v after %+v", other, a)
	}
}

func testStories(t *testing.T, s Store) {
	ctx := context.Background()
	var st store.Story
	update(t, s, func(tx store.Tx) error {
		st = store.Story{Title: "Killing in Baghdad", Cluster: "s1"}
		return tx.CreateStory(ctx, &st)
	})
	d1 := putDoc(t, s, "k1", st.ID, "one", []byte("1"))
	d2 := putDoc(t, s, "k2", st.ID, "two", []byte("2"))
	putDoc(t, s, "k3", "", "aside", []byte("3"))
	docs, err := s.StoryDocuments(ctx, st.ID)
	if err != nil || len(docs) != 2 || docs[0].ID != d1.ID || docs[1].ID != d2.ID {
		t.Fatalf("StoryDocuments = %v, %v", docs, err)
	}
	var each []string
	if err := s.EachDocument(ctx, func(d *store.Document) error { each = append(each, d.ID); return nil }); err != nil || len(each) != 2 {
		t.Fatalf("EachDocument = %v, %v (documents without a story are left out)", each, err)
	}
	if _, err := s.Account(ctx, st.ID); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("account before any: %v", err)
	}
	for i := 1; i <= 2; i++ {
		update(t, s, func(tx store.Tx) error {
			st.Reports = 2
			st.First = time.Date(2020, 7, 6, 0, 0, 0, 0, time.UTC)
			if err := tx.UpdateStory(ctx, &st); err != nil {
				return err
			}
			return tx.PutAccount(ctx, &store.Account{StoryID: st.ID, JSON: []byte(`{"v":1}`), HTML: []byte("<p>"), Title: st.Title, Text: "summary text", BuildTime: time.Millisecond})
		})
	}
	acc, err := s.Account(ctx, st.ID)
	if err != nil || acc.Version != 2 || string(acc.JSON) != `{"v":1}` || string(acc.HTML) != "<p>" || acc.BuildTime != time.Millisecond {
		t.Fatalf("Account = %+v, %v; want version 2", acc, err)
	}
	got, err := s.Story(ctx, st.ID)
	if err != nil || got.Reports != 2 || !got.First.Equal(st.First) || got.Cluster != "s1" {
		t.Fatalf("Story = %+v, %v", got, err)
	}
	var empty store.Story
	update(t, s, func(tx store.Tx) error { return tx.CreateStory(ctx, &empty) })
	list, err := s.Stories(ctx, store.StoryQuery{})
	if err != nil || len(list) != 1 || list[0].ID != st.ID {
		t.Fatalf("Stories = %+v, %v; want only the story with reports", list, err)
	}
	if list, _ := s.Stories(ctx, store.StoryQuery{Since: time.Now().Add(time.Hour)}); len(list) != 0 {
		t.Fatalf("Stories since the future = %+v", list)
	}
	if list, _ := s.Stories(ctx, store.StoryQuery{Q: "baghdad"}); len(list) != 1 {
		t.Fatalf("Stories q=baghdad = %+v", list)
	}
	if list, _ := s.Stories(ctx, store.StoryQuery{Q: "mosul"}); len(list) != 0 {
		t.Fatalf("Stories q=mosul = %+v", list)
	}
}

func testSearch(t *testing.T, s Store) {
	ctx := context.Background()
	putDoc(t, s, "k1", "", "Hisham al-Hashimi was shot outside his home in Baghdad.", []byte("1"))
	putDoc(t, s, "k2", "", "Floods in the north.", []byte("2"))
	for _, q := range []string{"hashimi", "Baghdad shot", `"al-Hashimi" home)(*`, "HOME"} {
		hits, err := s.Search(ctx, q, 10)
		if err != nil {
			t.Fatalf("Search(%q): %v", q, err)
		}
		if len(hits) != 1 || hits[0].Kind != "document" || hits[0].Snippet == "" {
			t.Fatalf("Search(%q) = %+v, want the Baghdad report", q, hits)
		}
	}
	if hits, err := s.Search(ctx, "mosul", 10); err != nil || len(hits) != 0 {
		t.Fatalf("Search(mosul) = %+v, %v", hits, err)
	}
	if hits, err := s.Search(ctx, "  ()* ", 10); err != nil || len(hits) != 0 {
		t.Fatalf("Search of punctuation = %+v, %v", hits, err)
	}
	// A changed text replaces the indexed one.
	putDoc(t, s, "k2", "", "Floods in Baghdad.", []byte("2b"))
	if hits, _ := s.Search(ctx, "north", 10); len(hits) != 0 {
		t.Fatalf("old text still found: %+v", hits)
	}
	if hits, _ := s.Search(ctx, "baghdad", 10); len(hits) != 2 {
		t.Fatalf("Search(baghdad) = %+v, want 2", hits)
	}
}

func testRollback(t *testing.T, s Store) {
	ctx := context.Background()
	boom := errors.New("boom")
	err := s.Update(ctx, func(tx store.Tx) error {
		h, err := tx.PutBlob(ctx, []byte("half"))
		if err != nil {
			return err
		}
		if err := tx.InsertDocument(ctx, &store.Document{Key: "half", Source: "half", BlobHash: h, Text: "half finished", Record: []byte("{}")}); err != nil {
			return err
		}
		st := store.Story{Title: "half"}
		if err := tx.CreateStory(ctx, &st); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("Update = %v, want boom", err)
	}
	c, err := s.Counts(ctx)
	if err != nil || c.Documents != 0 || c.Blobs != 0 {
		t.Fatalf("after rollback: %+v, %v", c, err)
	}
	if hits, _ := s.Search(ctx, "finished", 5); len(hits) != 0 {
		t.Fatalf("rolled-back document searchable: %+v", hits)
	}
}

func testJobs(t *testing.T, s Store) {
	ctx := context.Background()
	if _, err := s.ClaimJob(ctx); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("claim on empty queue: %v", err)
	}
	var a, b store.Job
	update(t, s, func(tx store.Tx) error {
		a = store.Job{Kind: "document", Payload: []byte("a")}
		if err := tx.EnqueueJob(ctx, &a); err != nil {
			return err
		}
		b = store.Job{Kind: "document", Payload: []byte("b")}
		return tx.EnqueueJob(ctx, &b)
	})
	j, err := s.ClaimJob(ctx)
	if err != nil || j.ID != a.ID || j.State != store.JobRunning || j.Attempts != 1 || string(j.Payload) != "a" {
		t.Fatalf("first claim = %+v, %v", j, err)
	}
	// A process that stopped leaves it running; a restart requeues it.
	if n, err := s.RequeueRunning(ctx); err != nil || n != 1 {
		t.Fatalf("RequeueRunning = %d, %v", n, err)
	}
	j, err = s.ClaimJob(ctx)
	if err != nil || j.ID != a.ID || j.Attempts != 2 {
		t.Fatalf("claim after requeue = %+v, %v", j, err)
	}
	update(t, s, func(tx store.Tx) error { return tx.FinishJob(ctx, j.ID, []byte(`{"id":"r1"}`), "") })
	j2, err := s.ClaimJob(ctx)
	if err != nil || j2.ID != b.ID {
		t.Fatalf("second claim = %+v, %v", j2, err)
	}
	if err := s.RetryJob(ctx, j2.ID, "flaky"); err != nil {
		t.Fatal(err)
	}
	j2, _ = s.ClaimJob(ctx)
	update(t, s, func(tx store.Tx) error { return tx.FinishJob(ctx, j2.ID, nil, "bad input") })
	got, err := s.Job(ctx, a.ID)
	if err != nil || got.State != store.JobDone || string(got.Result) != `{"id":"r1"}` {
		t.Fatalf("job a = %+v, %v", got, err)
	}
	got, _ = s.Job(ctx, b.ID)
	if got.State != store.JobFailed || got.Error != "bad input" || got.Attempts != 2 {
		t.Fatalf("job b = %+v", got)
	}
	c, _ := s.Counts(ctx)
	if c.Jobs[store.JobDone] != 1 || c.Jobs[store.JobFailed] != 1 {
		t.Fatalf("job counts %+v", c.Jobs)
	}
}

func testCodec(t *testing.T, s Store) {
	d := &document.Document{ID: "a", Source: "a.txt", Raw: "raw", Extracted: "Body.", Text: "Body.",
		Sentences: []document.Span{{Start: 0, End: 5}},
		Tokens:    []document.Token{{Span: document.Span{Start: 0, End: 4}}},
		Mentions:  []document.Mention{{Span: document.Span{Start: 0, End: 4}, Text: "Body"}},
	}
	d.AddProblem("quote", errors.New("no quotes"))
	b, err := store.EncodeDocument(d)
	if err != nil {
		t.Fatal(err)
	}
	back, err := store.DecodeDocument(b)
	if err != nil {
		t.Fatal(err)
	}
	if back.Raw != "raw" || len(back.Sentences) != 1 || len(back.Tokens) != 1 || back.Mentions[0].Text != "Body" ||
		len(back.Problems) != 1 || back.Problems[0].Err.Error() != "no quotes" {
		t.Fatalf("round trip lost layers: %+v", back)
	}
}

func testFeeds(t *testing.T, s Store) {
	ctx := context.Background()
	var added []bool
	update(t, s, func(tx store.Tx) error {
		for _, u := range []string{"https://a.example/rss", "https://b.example/atom", "https://a.example/rss"} {
			ok, err := tx.AddFeed(ctx, u)
			if err != nil {
				return err
			}
			added = append(added, ok)
		}
		return nil
	})
	if !added[0] || !added[1] || added[2] {
		t.Fatalf("AddFeed added %v, want true, true, false", added)
	}
	at := time.Date(2031, 3, 9, 12, 0, 0, 0, time.UTC)
	update(t, s, func(tx store.Tx) error { return tx.FeedPolled(ctx, "https://a.example/rss", at, "", 3) })
	update(t, s, func(tx store.Tx) error {
		return tx.FeedPolled(ctx, "https://a.example/rss", at.Add(time.Hour), "timeout", 2)
	})
	if err := s.Update(ctx, func(tx store.Tx) error { return tx.FeedPolled(ctx, "https://c.example/", at, "", 1) }); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("polling an unknown feed: %v", err)
	}
	feeds, err := s.Feeds(ctx)
	if err != nil || len(feeds) != 2 {
		t.Fatalf("Feeds = %+v, %v", feeds, err)
	}
	var a store.Feed
	for _, f := range feeds {
		if f.URL == "https://a.example/rss" {
			a = f
		}
	}
	if a.Reports != 5 || a.LastError != "timeout" || !a.PolledAt.Equal(at.Add(time.Hour)) {
		t.Fatalf("feed a = %+v", a)
	}
}
