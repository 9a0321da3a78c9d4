package articlebench

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/corroborate/corroborate/eval/internal/benchfile"
)

// Name is the benchmark's folder name inside shared/data.
const Name = "scrapinghub-aeb"

// truthFile is the ground truth inside the benchmark folder.
const truthFile = "ground-truth.json"

// Item is one benchmark page with its article body (the true one, or a
// system's output).
type Item struct {
	ID   string
	URL  string
	Body string
}

// Find returns the benchmark folder: dataDir itself, or dataDir/Name, or
// dataDir/data/Name.
func Find(dataDir string) (string, error) {
	return benchfile.Find(dataDir, Name, truthFile)
}

// record is one entry of a benchmark JSON file.
type record struct {
	ArticleBody string `json:"articleBody"`
	URL         string `json:"url"`
}

// ReadItems reads a {"id": {"articleBody": ..., "url": ...}} file (the
// ground truth or a system output), also in its {"version": ...,
// "output": {...}} wrapped form, keyed by page id.
func ReadItems(path string) (map[string]Item, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	var wrapped struct {
		Output map[string]record `json:"output"`
	}
	recs := map[string]record{}
	if err := json.Unmarshal(b, &wrapped); err == nil && wrapped.Output != nil {
		recs = wrapped.Output
	} else if err := json.Unmarshal(b, &recs); err != nil {
		return nil, fmt.Errorf("parsing %s: %w", path, err)
	}
	items := make(map[string]Item, len(recs))
	for id, r := range recs {
		items[id] = Item{ID: id, URL: r.URL, Body: r.ArticleBody}
	}
	return items, nil
}

// LoadTruth reads the ground truth of the benchmark folder dir, sorted by
// page id.
func LoadTruth(dir string) ([]Item, error) {
	m, err := ReadItems(filepath.Join(dir, truthFile))
	if err != nil {
		return nil, err
	}
	items := make([]Item, 0, len(m))
	for _, it := range m {
		items = append(items, it)
	}
	sort.Slice(items, func(i, j int) bool { return items[i].ID < items[j].ID })
	return items, nil
}

// ReadHTML reads the gzip-compressed page of item id.
func ReadHTML(dir, id string) (string, error) {
	b, err := benchfile.ReadGzip(filepath.Join(dir, "html", id+".html.gz"))
	return string(b), err
}

// OutputPath names the stored output of the system called name.
func OutputPath(dir, name string) string {
	return filepath.Join(dir, "output", name+".json")
}

// OutputPaths lists the system outputs shipped with the benchmark, sorted.
func OutputPaths(dir string) ([]string, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "output", "*.json"))
	if err != nil {
		return nil, fmt.Errorf("listing outputs in %s: %w", dir, err)
	}
	sort.Strings(paths)
	return paths, nil
}
