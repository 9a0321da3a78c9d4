//go:build slow

package engine

import (
	"context"
	"fmt"
	"math/rand"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/corroborate/corroborate/analysis"
	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/pipeline"
	"github.com/corroborate/corroborate/store"
	"github.com/corroborate/corroborate/store/sqlite"
)

// floodReport is invented report i of one event: the same people, places
// and numbers that vary between outlets, quotes, relative dates.
func floodReport(i int) Submission {
	r := rand.New(rand.NewSource(int64(i)))
	pick := func(xs ...string) string { return xs[r.Intn(len(xs))] }
	day := 3 + r.Intn(5)
	dead := 9 + r.Intn(4)
	var b strings.Builder
	fmt.Fprintf(&b, "At least %d people died when the Varna river burst its banks in Kelmar on %s, officials said. ", dead, pick("Monday", "Sunday night", "Monday morning"))
	fmt.Fprintf(&b, "\"%s\", said Mayor Alina Dorescu, who %s. ", pick("The water rose faster than anyone expected", "We have never seen the river this high", "Every pump in the city is working"), pick("visited the flooded districts", "spoke at the town hall", "toured the harbour"))
	fmt.Fprintf(&b, "The regional emergency agency said %d homes were damaged and %d people were moved to shelters. ", 300+r.Intn(200), 1000+100*r.Intn(10))
	fmt.Fprintf(&b, "Colonel Petr Varga of the civil defence said %s. ", pick("rescue teams had reached every village by Tuesday", "two helicopters were searching for missing fishermen", "the dam upstream was holding"))
	fmt.Fprintf(&b, "Weather forecasters expect more rain %s. ", pick("on Wednesday", "later this week", "over the weekend"))
	fmt.Fprintf(&b, "The %s said %s.", pick("Red Cross", "World Food Programme", "national government"), pick("it was sending aid", "it would open a relief fund", "schools would stay closed"))
	return Submission{Text: b.String(), Title: fmt.Sprintf("Floods kill %d in Kelmar", dead), Source: "Outlet " + strconv.Itoa(i),
		Published: fmt.Sprintf("2031-03-%02d", day)}
}

// TestIncrementalUpdateLargeStory stores a story of N-1 reports (N from
// $CORROBORATE_LARGE_STORY, default 1000), annotated once, then adds the
// N-th and reports how long the story's account took to be rebuilt: the
// other reports are not analysed again, only the cross-document stages
// run.
func TestIncrementalUpdateLargeStory(t *testing.T) {
	n := 1000
	if v, err := strconv.Atoi(os.Getenv("CORROBORATE_LARGE_STORY")); err == nil && v > 1 {
		n = v
	}
	ctx := context.Background()
	db, err := sqlite.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	e, err := New(ctx, db, Options{Generator: gen, Analysis: analysis.Options{Workers: 2}})
	if err != nil {
		t.Fatal(err)
	}
	// The first N-1 reports, annotated in one batch and stored in one story.
	t0 := time.Now()
	var docs []*document.Document
	var raws [][]byte
	for i := range n - 1 {
		ds, raw, _, err := e.read(ctx, floodReport(i))
		if err != nil {
			t.Fatal(err)
		}
		ds[0].ID = fmt.Sprintf("r%d", i)
		docs, raws = append(docs, ds[0]), append(raws, raw)
	}
	if _, err := e.run(ctx, []document.Layer{document.LayerRaw}, []pipeline.Step{pipeline.PerDoc("extract", e.ex)}, docs...); err != nil {
		t.Fatal(err)
	}
	extracted := make([][]byte, len(docs))
	for i, d := range docs {
		if extracted[i], err = store.EncodeDocument(d); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := e.run(ctx, e.taggedGiven, e.annotate, docs...); err != nil {
		t.Fatal(err)
	}
	err = db.Update(ctx, func(tx store.Tx) error {
		st := &store.Story{Title: "Floods in Kelmar", Reports: len(docs)}
		if err := tx.CreateStory(ctx, st); err != nil {
			return err
		}
		for i, d := range docs {
			rec, err := encodeAnnotated(d)
			if err != nil {
				return err
			}
			sd := &store.Document{Key: "sha256:" + store.Hash(raws[i]), Source: d.Source, StoryID: st.ID, Title: d.Title, Outlet: d.Outlet,
				BlobHash: store.Hash(raws[i]), Text: d.Text, Extracted: extracted[i], Record: rec}
			if err := e.putDoc(ctx, tx, sd, raws[i], "application/json"); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d reports annotated and stored in %v", len(docs), time.Since(t0).Round(time.Millisecond))

	start := time.Now()
	res, err := e.Add(ctx, Submission{Text: floodReport(n).Text, Title: "Floods: the toll rises", Source: "Late Outlet", Published: "2031-03-09", Story: "s1"})
	if err != nil {
		t.Fatal(err)
	}
	total := time.Since(start)
	acc, err := db.Account(ctx, "s1")
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("report %d added to a story of %d: visible in the account after %v (cross-document stages and writing %v); account %d KB JSON, %d KB HTML",
		n, n-1, total.Round(time.Millisecond), res.LinkTime.Round(time.Millisecond), len(acc.JSON)>>10, len(acc.HTML)>>10)
	if !strings.Contains(string(acc.JSON), "the toll rises") {
		t.Errorf("the new report is not in the account")
	}
}
