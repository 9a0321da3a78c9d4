package quote

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/corroborate/corroborate/document"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata/")

// TestGolden runs the extractor over an invented article and compares the
// whole output with testdata/harbor.golden.json (go test -update rewrites
// it; check the diff before committing).
func TestGolden(t *testing.T) {
	text, err := os.ReadFile(filepath.Join("testdata", "harbor.txt"))
	if err != nil {
		t.Fatal(err)
	}
	d := &document.Document{ID: "harbor", Text: string(text)}
	if err := New().Annotate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	type row struct {
		document.Quote
		SpeakerAsWritten string `json:"speaker_as_written"`
	}
	var rows []row
	for _, q := range d.Quotes {
		rows = append(rows, row{q, d.Slice(q.SpeakerSpan)})
	}
	got, err := json.MarshalIndent(rows, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	path := filepath.Join("testdata", "harbor.golden.json")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("reading %s (create it with go test -update): %v", path, err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("quotes differ from %s:\n%s", path, got)
	}
}
