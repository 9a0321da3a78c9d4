package extract

import (
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// benchDir names the article-extraction benchmark folder inside shared/data.
const benchDir = "scrapinghub-aeb"

// Item is one benchmark page with its true article body.
type Item struct {
	ID   string
	URL  string
	Body string
}

// findBench accepts the benchmark folder itself or a folder holding it.
func findBench(dataDir string) (string, error) {
	for _, p := range []string{dataDir, filepath.Join(dataDir, benchDir), filepath.Join(dataDir, "data", benchDir)} {
		if _, err := os.Stat(filepath.Join(p, "ground-truth.json")); err == nil {
			return p, nil
		}
	}
	return "", fmt.Errorf("finding %s: no ground-truth.json in %s or %s", benchDir, dataDir, filepath.Join(dataDir, benchDir))
}

type bodyRecord struct {
	ArticleBody string `json:"articleBody"`
	URL         string `json:"url"`
}

// readBodies reads a {"id": {"articleBody": ..., "url": ...}} file, also in
// its {"version": ..., "output": {...}} wrapped form.
func readBodies(path string) (map[string]bodyRecord, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	var wrapped struct {
		Output map[string]bodyRecord `json:"output"`
	}
	if err := json.Unmarshal(b, &wrapped); err == nil && wrapped.Output != nil {
		return wrapped.Output, nil
	}
	var m map[string]bodyRecord
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("parsing %s: %w", path, err)
	}
	return m, nil
}

// loadItems reads the ground truth, sorted by id.
func loadItems(dir string) ([]Item, error) {
	m, err := readBodies(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		return nil, err
	}
	items := make([]Item, 0, len(m))
	for id, r := range m {
		items = append(items, Item{ID: id, URL: r.URL, Body: r.ArticleBody})
	}
	sort.Slice(items, func(i, j int) bool { return items[i].ID < items[j].ID })
	return items, nil
}

// readHTML reads the gzip-compressed page of item id.
func readHTML(dir, id string) (string, error) {
	path := filepath.Join(dir, "html", id+".html.gz")
	f, err := os.Open(path)
	if err != nil {
		return "", fmt.Errorf("opening %s: %w", path, err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return "", fmt.Errorf("reading %s: %w", path, err)
	}
	var sb strings.Builder
	if _, err := io.Copy(&sb, zr); err != nil {
		return "", fmt.Errorf("reading %s: %w", path, err)
	}
	return sb.String(), nil
}

// storedOutputs lists the system outputs shipped with the benchmark.
func storedOutputs(dir string) ([]string, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "output", "*.json"))
	if err != nil {
		return nil, fmt.Errorf("listing outputs in %s: %w", dir, err)
	}
	sort.Strings(paths)
	return paths, nil
}

// scoreBodies scores predicted bodies (missing ones count as empty).
func scoreBodies(items []Item, pred map[string]string) []ItemScore {
	out := make([]ItemScore, len(items))
	for i, it := range items {
		out[i] = ScoreItem(it.Body, pred[it.ID])
	}
	return out
}
