package ner

import (
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/corroborate/corroborate/document"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// TestGoldenStory tags the invented story and compares the mentions with
// testdata/story_mentions.golden.json (regenerate with -update after
// retraining the model, and review the diff).
func TestGoldenStory(t *testing.T) {
	tg := mustLoad(t)
	d := &document.Document{Source: "story", Text: storyText}
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
	got, err := json.MarshalIndent(rows, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	path := filepath.Join("testdata", "story_mentions.golden.json")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("reading golden file (run go test -run GoldenStory -update): %v", err)
	}
	if string(got) != string(want) {
		t.Errorf("mentions differ from %s (rerun with -update if the model changed on purpose):\ngot:\n%s\nwant:\n%s", path, got, want)
	}
}
