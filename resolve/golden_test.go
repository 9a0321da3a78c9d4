package resolve

import (
	"path/filepath"
	"testing"

	"github.com/corroborate/corroborate/internal/golden"
)

// TestGoldenFixture compares the whole entity output on the invented
// fixture story with testdata/fixture_entities.json (regenerate with
// go test ./resolve -run Golden -update).
func TestGoldenFixture(t *testing.T) {
	s := fixture(t)
	link(t, s, Options{})
	golden.CheckJSON(t, filepath.Join("testdata", "fixture_entities.json"), s.Entities)
}
