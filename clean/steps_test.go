package clean

import (
	"context"
	"errors"
	"log/slog"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/pipeline"
)

// panicsOn returns a cleaner whose first rule panics on the document with
// the given ID and does nothing on the others.
func panicsOn(id string) *Cleaner {
	c := New(Options{Logger: slog.New(slog.DiscardHandler)})
	boom := rule{code: "test-panic", run: func(st *state) {
		if st.d.ID == id {
			panic("rule blew up on " + id)
		}
	}}
	c.rules = append([]rule{boom}, rules...)
	return c
}

// adStory returns three documents of one outlet, each with an
// advertisement line to remove.
func adStory() *document.Story {
	s := document.NewStory()
	for _, id := range []string{"a", "b", "c"} {
		d := docWith("", "Lantern Watch", "Advertisement")
		d.ID, d.Source = id, id+".txt"
		s.Add(d)
	}
	return s
}

// cleanSteps returns a pipeline of the two cleaning steps of c.
func cleanSteps(t *testing.T, c *Cleaner, workers int) *pipeline.Pipeline {
	t.Helper()
	p, err := pipeline.New([]document.Layer{document.LayerExtracted},
		pipeline.Cross("clean-index", c.Index()),
		pipeline.PerDoc("clean", c))
	if err != nil {
		t.Fatal(err)
	}
	p.Workers = workers
	p.Logger = slog.New(slog.DiscardHandler)
	return p
}

// checkPanicContained checks that document b carries one Problem of stage
// "clean" naming the panic, and that a and c were cleaned.
func checkPanicContained(t *testing.T, s *document.Story) {
	t.Helper()
	if len(s.Problems) != 0 {
		t.Errorf("story problems: %v", s.Problems)
	}
	for _, d := range s.Docs {
		if d.ID == "b" {
			if len(d.Problems) != 1 {
				t.Fatalf("b: %d problems, want 1: %v", len(d.Problems), d.Problems)
			}
			pr := d.Problems[0]
			if pr.Stage != "clean" || pr.Source != "b.txt" || !strings.Contains(pr.Err.Error(), "rule blew up on b") {
				t.Errorf("b: problem %q (stage %q), want the panic under stage clean", pr.Error(), pr.Stage)
			}
			if d.Text != "" {
				t.Errorf("b: half-cleaned text left behind: %q", d.Text)
			}
			continue
		}
		if len(d.Problems) != 0 {
			t.Errorf("%s: problems %v", d.ID, d.Problems)
		}
		if got := codeOf(t, d, "Advertisement"); got != CodeAdvertisement {
			t.Errorf("%s: advertisement line code %q, want %s", d.ID, got, CodeAdvertisement)
		}
		if !strings.Contains(d.Text, paraBefore) || !strings.Contains(d.Text, paraAfter) {
			t.Errorf("%s: not cleaned, Text = %q", d.ID, d.Text)
		}
		checkInvariants(t, d)
	}
}

// TestPanickingRuleInPipeline proves that a rule panicking on one document
// does not end the run: the pipeline recovers it as that document's
// Problem and cleans the others, on one worker and on several.
func TestPanickingRuleInPipeline(t *testing.T) {
	for _, workers := range []int{1, 3} {
		s := adStory()
		if err := cleanSteps(t, panicsOn("b"), workers).Run(context.Background(), s); err != nil {
			t.Fatalf("workers=%d: %v", workers, err)
		}
		checkPanicContained(t, s)
	}
}

// TestPanickingRuleInCleanStory checks the same outside a pipeline, where
// CleanStory also returns the failure.
func TestPanickingRuleInCleanStory(t *testing.T) {
	s := adStory()
	err := panicsOn("b").CleanStory(context.Background(), s)
	var pr document.Problem
	if !errors.As(err, &pr) || pr.Stage != "clean" || pr.Doc != "b" {
		t.Errorf("CleanStory error %v, want b's problem of stage clean", err)
	}
	checkPanicContained(t, s)
}

// TestCleanerNeedsIndex checks that a flow with the per-document step but
// not the index is refused.
func TestCleanerNeedsIndex(t *testing.T) {
	_, err := pipeline.New([]document.Layer{document.LayerExtracted}, pipeline.PerDoc("clean", New(Options{})))
	var ce *pipeline.ContractError
	if !errors.As(err, &ce) || len(ce.Missing) != 1 || ce.Missing[0] != document.LayerRepeats {
		t.Errorf("err = %v, want the repeats layer missing", err)
	}
}

// TestIndexShares checks how the index hands out its shares: per
// document, across stories indexed before either is cleaned, and once.
func TestIndexShares(t *testing.T) {
	const promo = "Lantern Watch: the north, every morning"
	mk := func(id, outlet, body string) *document.Document {
		return &document.Document{ID: id, Source: id, Format: document.FormatText, Outlet: outlet,
			Extracted: body + "\n\n" + promo}
	}
	s1, s2 := document.NewStory(), document.NewStory()
	a, b := mk("a", "Lantern Watch", paraBefore), mk("b", "Lantern Watch", paraAfter)
	alone := mk("c", "Lantern Watch", paraAfter) // its outlet has one document in s2
	other := mk("d", "Varnholt Courier", paraBefore)
	s1.Add(a)
	s1.Add(b)
	s2.Add(alone)
	s2.Add(other)
	c := New(Options{})
	ctx := context.Background()
	for _, s := range []*document.Story{s1, s2} {
		if err := c.Index().Link(ctx, s); err != nil {
			t.Fatal(err)
		}
	}
	for _, d := range []*document.Document{a, b, alone, other} {
		if err := c.Annotate(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		d    *document.Document
		want string
	}{{a, CodeCrossDocRepeat}, {b, CodeCrossDocRepeat}, {alone, ""}, {other, ""}} {
		if got := codeOf(t, tc.d, promo); got != tc.want {
			t.Errorf("%s: promo code %q, want %q", tc.d.ID, got, tc.want)
		}
	}
	// The share was taken: cleaning a again goes on its own evidence, as
	// Clean(d, nil) does.
	if err := c.Annotate(ctx, a); err != nil {
		t.Fatal(err)
	}
	if got := codeOf(t, a, promo); got != "" {
		t.Errorf("a cleaned again: promo code %q, want it kept without the index", got)
	}
	if n := len(c.Index().pending); n != 0 {
		t.Errorf("index still holds %d shares after every document was cleaned", n)
	}
}
