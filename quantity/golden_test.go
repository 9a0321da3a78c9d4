package quantity

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/corroborate/corroborate/internal/golden"
)

// TestGolden compares the quantities of an invented article with
// testdata/harbor.golden.json (go test -update rewrites it).
func TestGolden(t *testing.T) {
	text, err := os.ReadFile(filepath.Join("testdata", "harbor.txt"))
	if err != nil {
		t.Fatal(err)
	}
	golden.CheckJSON(t, filepath.Join("testdata", "harbor.golden.json"), New().Extract(split(t, string(text))))
}
