package warc

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/ingest"
)

func TestIngestReadsArchivesThroughHook(t *testing.T) {
	archive := writeArchive(t)
	dir := filepath.Dir(archive)
	os.WriteFile(filepath.Join(dir, "note.txt"), []byte("A local note about the dam."), 0o644)

	docs, probs := ingest.Read(context.Background(), []string{dir}, ingest.Options{WARC: Documents, Published: "2024-03-13"})
	var ids []string
	for _, d := range docs {
		ids = append(ids, d.ID)
		if d.Published.Value != "2024-03-13" {
			t.Errorf("%s: user publication date not applied", d.ID)
		}
	}
	if got := strings.Join(ids, " "); got != "news.example_a ar.news.example_b news.example_c note" {
		t.Errorf("ids %q", got)
	}
	if len(probs) != 2 { // the two bad pages inside the archive
		t.Errorf("problems %v", probs)
	}

	// Without the hook the archive is refused with a pointer to the reader.
	_, probs = ingest.Read(context.Background(), []string{archive}, ingest.Options{})
	if len(probs) != 1 || !errors.Is(probs[0], ingest.ErrBinary) || !strings.Contains(probs[0].Error(), "WARC archive") {
		t.Errorf("archive without hook: %v", probs)
	}
}
