package ingest_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/corroborate/corroborate/ingest"
)

func ExampleRead() {
	dir, _ := os.MkdirTemp("", "ingest-example")
	defer os.RemoveAll(dir)
	os.WriteFile(filepath.Join(dir, "wire.txt"), []byte("Storm closes port\n\nThe port closed on Friday.\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "feed.jsonl"), []byte(`{"title":"Port reopens","maintext":"Ships sailed again on Monday.","date_publish":"2024-03-11 00:00:00","source_domain":"example.org"}`+"\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "logo.png"), []byte("\x89PNG\r\n\x1a\n"), 0o644)

	docs, problems := ingest.Read(context.Background(), []string{dir}, ingest.Options{})
	for _, d := range docs {
		fmt.Println(strings.TrimSpace(fmt.Sprintf("%s %s %q %s", d.ID, d.Format, d.Title, d.Published.Value)))
	}
	for _, p := range problems {
		fmt.Println(strings.TrimPrefix(p.Error(), dir+string(filepath.Separator)))
	}
	// Output:
	// feed-1 record "Port reopens" 2024-03-11
	// wire text ""
	// logo.png: ingest: binary input: PNG image
}
