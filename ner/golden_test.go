package ner

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/corroborate/corroborate/internal/golden"
)

// TestGoldenStory tags the invented story and compares the mentions with
// testdata/story_mentions.golden.json (regenerate with -update after
// retraining the model, and review the diff).
func TestGoldenStory(t *testing.T) {
	tg := mustLoad(t)
	d := tokenized(t, "story", storyText)
	if err := tg.Annotate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	type row struct {
		Start, End int
		Text, Type string
	}
	var rows []row
	for _, m := range d.Mentions {
		rows = append(rows, row{m.Start, m.End, m.Text, m.Type})
	}
	golden.CheckJSON(t, filepath.Join("testdata", "story_mentions.golden.json"), rows)
}
