package ingest

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/internal/shareddata"
)

func TestReadHashimiCorpus(t *testing.T) {
	dir := shareddata.Require(t, "corpus", "hashimi")
	docs, probs := Read(context.Background(), []string{dir}, Options{})
	if len(probs) != 0 {
		t.Fatalf("problems: %v", probs)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), ".") && !e.IsDir() {
			want = append(want, strings.TrimSuffix(e.Name(), filepath.Ext(e.Name())))
		}
	}
	if len(docs) != 5 || len(want) != 5 {
		t.Fatalf("read %d documents from %d files, want 5", len(docs), len(want))
	}
	for i, d := range docs {
		if d.ID != want[i] {
			t.Errorf("doc %d ID = %q, want the stem %q", i, d.ID, want[i])
		}
		if d.Format != document.FormatText || d.Encoding != "utf-8" {
			t.Errorf("%s: format %s, encoding %s", d.ID, d.Format, d.Encoding)
		}
		raw, _ := os.ReadFile(d.Source)
		if d.Raw != string(raw) {
			t.Errorf("%s: Raw differs from the file's bytes", d.ID)
		}
		if len(d.Problems) > 0 {
			t.Errorf("%s: problems %v", d.ID, d.Problems)
		}
	}
}
