package timex

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata")

// TestGolden tags an invented report and compares every expression with
// testdata/fictional.timex.json (rewrite it with -update after checking).
func TestGolden(t *testing.T) {
	text, err := os.ReadFile(filepath.Join("testdata", "fictional.txt"))
	if err != nil {
		t.Fatal(err)
	}
	anchor := time.Date(2021, 3, 11, 0, 0, 0, 0, time.UTC)
	got := New().Tag(string(text), nil, anchor)
	b, err := json.MarshalIndent(got, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	b = append(b, '\n')
	golden := filepath.Join("testdata", "fictional.timex.json")
	if *update {
		if err := os.WriteFile(golden, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("reading golden file (run with -update to create it): %v", err)
	}
	if !bytes.Equal(b, want) {
		t.Errorf("timexes differ from %s (run with -update after checking):\n%s", golden, b)
	}
}
