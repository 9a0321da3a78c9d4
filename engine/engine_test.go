package engine

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/corroborate/corroborate/analysis"
	"github.com/corroborate/corroborate/cluster"
	"github.com/corroborate/corroborate/internal/shareddata"
	"github.com/corroborate/corroborate/report/jsonout"
	"github.com/corroborate/corroborate/store/sqlite"
)

const gen = "corroborate test"

// hashimiFiles returns the five hashimi reports in name order.
func hashimiFiles(t *testing.T) []string {
	dir := shareddata.Require(t, "corpus", "hashimi")
	paths, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(paths) != 5 {
		t.Fatalf("hashimi corpus: %v, %v", paths, err)
	}
	sort.Strings(paths)
	return paths
}

// analyzeJSON is what `analyze --format json` writes for paths, with each
// source named by its base name as an upload is.
func analyzeJSON(t *testing.T, paths []string) []byte {
	opts := analysis.Options{SourceNames: map[string]string{}, Workers: 1}
	for _, p := range paths {
		opts.SourceNames[p] = filepath.Base(p)
	}
	s, err := analysis.Analyze(context.Background(), paths, opts)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := jsonout.Write(&b, s, gen); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestHashimiAccountEqualsAnalyze(t *testing.T) {
	paths := hashimiFiles(t)
	ctx := context.Background()
	db, err := sqlite.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	e, err := New(ctx, db, Options{Generator: gen, Analysis: analysis.Options{Workers: 1}})
	if err != nil {
		t.Fatal(err)
	}
	var story string
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		// The clusterer keeps 003 apart (as the cluster command does);
		// here a person names the story.
		res, err := e.Add(ctx, Submission{Data: data, Name: filepath.Base(p), Story: story})
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		t.Logf("%s → %s in story %s (link %v, total %v)", filepath.Base(p), res.ID, res.Story, res.LinkTime, time.Since(start))
		if story != "" && res.Story != story {
			t.Errorf("%s joined story %s, want %s", p, res.Story, story)
		}
		story = res.Story
	}
	acc, err := db.Account(ctx, story)
	if err != nil {
		t.Fatal(err)
	}
	want := analyzeJSON(t, paths)
	if !bytes.Equal(acc.JSON, want) {
		os.WriteFile(filepath.Join(t.TempDir(), "x"), nil, 0o644)
		dir := os.Getenv("CORROBORATE_TESTOUT")
		if dir != "" {
			os.WriteFile(filepath.Join(dir, "service.json"), acc.JSON, 0o644)
			os.WriteFile(filepath.Join(dir, "analyze.json"), want, 0o644)
		}
		t.Fatalf("the story's account (%d bytes) differs from analyze's (%d bytes)", len(acc.JSON), len(want))
	}
	// The same bytes again change nothing.
	data, _ := os.ReadFile(paths[0])
	res, err := e.Add(ctx, Submission{Data: data, Name: filepath.Base(paths[0])})
	if err != nil || !res.Duplicate || res.Story != story {
		t.Fatalf("resubmitting: %+v, %v", res, err)
	}
	if acc2, _ := db.Account(ctx, story); acc2.Version != acc.Version {
		t.Fatalf("a duplicate rebuilt the account (version %d → %d)", acc.Version, acc2.Version)
	}
	// A restart rebuilds the clusterer: a report of the same story joins it.
	e2, err := New(ctx, db, Options{Generator: gen})
	if err != nil {
		t.Fatal(err)
	}
	for cid, sid := range e2.stories {
		if sid != story {
			t.Fatalf("rebuilt clusterer maps %s to %s, want %s", cid, sid, story)
		}
	}
}

// TestOnlineAssignmentMatchesClusterer: without a story named, reports
// join the stories the batch clusterer (the cluster command) forms for the
// same reports in the same order.
func TestOnlineAssignmentMatchesClusterer(t *testing.T) {
	paths := hashimiFiles(t)
	ctx := context.Background()
	opts := analysis.Options{SourceNames: map[string]string{}, Workers: 1}
	for _, p := range paths {
		opts.SourceNames[p] = filepath.Base(p)
	}
	docs, _, err := analysis.Read(ctx, paths, opts)
	if err != nil {
		t.Fatal(err)
	}
	steps, err := analysis.Steps(analysis.Tagged, opts)
	if err != nil {
		t.Fatal(err)
	}
	s, err := analysis.AnalyzeDocumentsWith(ctx, docs, nil, opts, steps)
	if err != nil {
		t.Fatal(err)
	}
	c := cluster.New(cluster.Options{})
	batch := map[string]string{} // doc source → story of its first member
	first := map[string]string{}
	for _, d := range s.Docs {
		cid := c.Add(d)
		if first[cid] == "" {
			first[cid] = d.Source
		}
		batch[d.Source] = first[cid]
	}

	db, err := sqlite.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	e, err := New(ctx, db, Options{Generator: gen, Analysis: analysis.Options{Workers: 1}})
	if err != nil {
		t.Fatal(err)
	}
	online := map[string]string{}
	firstOnline := map[string]string{}
	for _, p := range paths {
		data, _ := os.ReadFile(p)
		res, err := e.Add(ctx, Submission{Data: data, Name: filepath.Base(p)})
		if err != nil {
			t.Fatal(err)
		}
		if firstOnline[res.Story] == "" {
			firstOnline[res.Story] = filepath.Base(p)
		}
		online[filepath.Base(p)] = firstOnline[res.Story]
	}
	for src, want := range batch {
		if online[src] != want {
			t.Errorf("%s grouped with %s online, with %s by the clusterer", src, online[src], want)
		}
	}
	if len(online) != len(batch) {
		t.Errorf("online %v, batch %v", online, batch)
	}
}
