package shareddata

import (
	"os"
	"path/filepath"
	"testing"
)

func TestCorpus(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "corpus", "invented")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "001_b.txt"), []byte("second"), 0o644)
	os.WriteFile(filepath.Join(dir, "000_a.txt"), []byte("first"), 0o644)
	os.WriteFile(filepath.Join(dir, "notes.md"), []byte("not a report"), 0o644)
	t.Setenv(EnvVar, root)
	got := Corpus(t, "invented")
	if len(got) != 2 || got[0].ID != "000" || got[0].Name != "000_a" || got[0].Text != "first" || got[1].ID != "001" {
		t.Errorf("Corpus = %+v", got)
	}
	t.Run("missing folder skips", func(t *testing.T) {
		Corpus(t, "absent")
		t.Error("Corpus did not skip for a missing folder")
	})
}
