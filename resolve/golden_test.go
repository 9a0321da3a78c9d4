package resolve

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// TestGoldenFixture compares the whole entity output on the invented
// fixture story with testdata/fixture_entities.json (regenerate with
// go test ./resolve -run Golden -update).
func TestGoldenFixture(t *testing.T) {
	s := fixture(t)
	link(t, s, Options{})
	got, err := json.MarshalIndent(s.Entities, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	path := filepath.Join("testdata", "fixture_entities.json")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("reading golden file (run with -update to create it): %v", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("entities differ from %s (run with -update after checking the change):\n%s", path, got)
	}
}
