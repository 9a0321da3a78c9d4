package analysis

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/internal/shareddata"
	"github.com/corroborate/corroborate/pipeline"
)

func stepNames(steps []pipeline.Step) []string {
	var out []string
	for _, st := range steps {
		out = append(out, st.Name)
	}
	return out
}

func TestPresetSteps(t *testing.T) {
	steps := map[Preset][]string{}
	for _, p := range Presets() {
		pl, err := NewPipeline(p, Options{Workers: 3})
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		if pl.Workers != 3 {
			t.Errorf("%s: workers %d, want 3", p, pl.Workers)
		}
		steps[p] = stepNames(pl.Steps)
	}
	full := steps[Full]
	if len(full) < 8 || full[0] != "clean-index" || full[len(full)-1] != "account" {
		t.Fatalf("full flow = %v", full)
	}
	// Tagged is Full's start and Story the rest: together they are Full.
	if got := append(slices.Clone(steps[Tagged]), steps[Story]...); !slices.Equal(got, full) {
		t.Errorf("tagged + story = %v, want the full flow %v", got, full)
	}
	if !slices.Equal(steps[Tagged], []string{"clean-index", "clean", "text", "ner", "timex", "event"}) {
		t.Errorf("tagged = %v, want clean-index clean text ner timex event", steps[Tagged])
	}
	// Annotate is Full without its linkers (clean-index, the one
	// cross-document step of cleaning, stays).
	var perDoc []string
	for _, name := range full {
		if !slices.Contains([]string{"resolve", "compare", "events", "anchor", "timeline", "fivew", "summarize", "account"}, name) {
			perDoc = append(perDoc, name)
		}
	}
	if !slices.Equal(steps[Annotate], perDoc) {
		t.Errorf("annotate = %v, want %v", steps[Annotate], perDoc)
	}
	// Story starts from what Tagged provides, sentences and mentions
	// among them.
	given, err := Given(Story, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range []document.Layer{document.LayerText, document.LayerSentences, document.LayerTokens, document.LayerMentions, document.LayerTimexes, document.LayerEventMentions} {
		if !slices.Contains(given, l) {
			t.Errorf("story preset: given layers %v lack %s", given, l)
		}
	}
	// Story alone from extracted documents breaks its contract.
	st, err := Steps(Story, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := pipeline.Validate(Extracted, st); err == nil {
		t.Error("story preset validated without the layers of tagged")
	}
	if _, err := NewPipeline("nonsense", Options{}); err == nil || !strings.Contains(err.Error(), "nonsense") {
		t.Errorf("unknown preset: err = %v", err)
	}
}

// TestPresetsComposeToFull runs Tagged, then Story on the same story (as
// the cluster command does per story), and checks the account is the one
// the Full preset gives.
func TestPresetsComposeToFull(t *testing.T) {
	dir := shareddata.Require(t, "corpus", "hashimi")
	ctx := context.Background()
	paths, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	opts := Options{Workers: 1}
	run := func(presets ...Preset) []byte {
		docs, problems, err := Read(ctx, paths, opts)
		if err != nil {
			t.Fatal(err)
		}
		first, err := NewPipeline(presets[0], opts)
		if err != nil {
			t.Fatal(err)
		}
		s, err := AnalyzeDocumentsWith(ctx, docs, problems, opts, first.Steps)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range presets[1:] {
			next, err := NewPipeline(p, opts)
			if err != nil {
				t.Fatal(err)
			}
			if err := next.Run(ctx, s); err != nil {
				t.Fatal(err)
			}
		}
		if len(s.AllProblems()) > 0 || len(s.Summary) == 0 {
			t.Fatalf("%v: problems %v, %d summary sentences", presets, s.AllProblems(), len(s.Summary))
		}
		out, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	if full, parts := run(Full), run(Tagged, Story); !bytes.Equal(full, parts) {
		t.Errorf("tagged then story gives a different story than full (%d bytes of JSON against %d)", len(parts), len(full))
	}
}
