package quote

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/corroborate/corroborate/internal/golden"

	"github.com/corroborate/corroborate/document"
)

// TestGolden runs the extractor over an invented article and compares the
// whole output with testdata/harbor.golden.json (go test -update rewrites
// it; check the diff before committing).
func TestGolden(t *testing.T) {
	text, err := os.ReadFile(filepath.Join("testdata", "harbor.txt"))
	if err != nil {
		t.Fatal(err)
	}
	d := split(t, string(text))
	d.ID = "harbor"
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
	golden.CheckJSON(t, filepath.Join("testdata", "harbor.golden.json"), rows)
}
