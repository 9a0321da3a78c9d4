package clean

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/corroborate/corroborate/internal/golden"

	"github.com/corroborate/corroborate/document"
)

// readFixture parses a fixture page: "# key: value" header lines (title,
// outlet, authors separated by ";", format, published), a blank line, then
// the extracted text.
func readFixture(path string) (*document.Document, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading fixture %s: %w", path, err)
	}
	d := &document.Document{ID: strings.TrimSuffix(filepath.Base(path), ".txt"), Source: path, Format: document.FormatText}
	rest := string(b)
	for strings.HasPrefix(rest, "# ") {
		line, after, _ := strings.Cut(rest, "\n")
		rest = after
		key, val, ok := strings.Cut(strings.TrimPrefix(line, "# "), ": ")
		if !ok {
			return nil, fmt.Errorf("fixture %s: header line %q is not \"# key: value\"", path, line)
		}
		switch key {
		case "title":
			d.Title = val
		case "outlet":
			d.Outlet = val
		case "authors":
			for _, a := range strings.Split(val, ";") {
				d.Authors = append(d.Authors, strings.TrimSpace(a))
			}
		case "format":
			d.Format = document.Format(val)
		case "published":
			t, err := time.Parse("2006-01-02", val)
			if err != nil {
				return nil, fmt.Errorf("fixture %s: published: %w", path, err)
			}
			d.Published = document.DayDate(t, "fixture")
		default:
			return nil, fmt.Errorf("fixture %s: unknown header %q", path, key)
		}
	}
	d.Extracted = strings.TrimPrefix(rest, "\n")
	return d, nil
}

// goldenOutput is what a golden file holds for one fixture.
type goldenOutput struct {
	Text    string             `json:"text"`
	Removed []document.Removal `json:"removed"`
}

// TestGolden cleans every fixture page in testdata and compares the text
// and removals with testdata/<name>.golden.json (go test ./clean -update
// rewrites them).
func TestGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures in testdata: %v", err)
	}
	c := New(Options{})
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			d, err := readFixture(f)
			if err != nil {
				t.Fatal(err)
			}
			c.Clean(d, nil)
			checkInvariants(t, d)
			golden.CheckJSON(t, strings.TrimSuffix(f, ".txt")+".golden.json", goldenOutput{Text: d.Text, Removed: d.Removed})
		})
	}
}
