package quantity

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata/")

// TestGolden compares the quantities of an invented article with
// testdata/harbor.golden.json (go test -update rewrites it).
func TestGolden(t *testing.T) {
	text, err := os.ReadFile(filepath.Join("testdata", "harbor.txt"))
	if err != nil {
		t.Fatal(err)
	}
	got, err := json.MarshalIndent(New().Extract(string(text)), "", "  ")
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
		t.Errorf("quantities differ from %s:\n%s", path, got)
	}
}
