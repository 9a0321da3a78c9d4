package timex

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/corroborate/corroborate/internal/golden"
	textstage "github.com/corroborate/corroborate/text"
)

// TestGolden tags an invented report and compares every expression with
// testdata/fictional.timex.json (rewrite it with -update after checking).
func TestGolden(t *testing.T) {
	text, err := os.ReadFile(filepath.Join("testdata", "fictional.txt"))
	if err != nil {
		t.Fatal(err)
	}
	anchor := time.Date(2021, 3, 11, 0, 0, 0, 0, time.UTC)
	got := New().Tag(string(text), textstage.Sentences(string(text)), anchor)
	golden.CheckJSON(t, filepath.Join("testdata", "fictional.timex.json"), got)
}
