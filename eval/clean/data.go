package clean

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
)

// item is one benchmark page: its truth and URL.
type item struct {
	Body string `json:"articleBody"`
	URL  string `json:"url"`
}

// readJSON decodes a benchmark file of items, unwrapping the
// {"version", "output"} form some system outputs use.
func readJSON(path string) (map[string]item, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	var wrapped struct {
		Output map[string]item `json:"output"`
	}
	if err := json.Unmarshal(b, &wrapped); err == nil && len(wrapped.Output) > 0 {
		return wrapped.Output, nil
	}
	var m map[string]item
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("decoding %s: %w", path, err)
	}
	return m, nil
}

// benchDir returns the scrapinghub-aeb folder inside dataDir (dataDir may
// also name that folder itself).
func benchDir(dataDir string) (string, error) {
	for _, p := range []string{filepath.Join(dataDir, "scrapinghub-aeb"), dataDir} {
		if _, err := os.Stat(filepath.Join(p, "ground-truth.json")); err == nil {
			return p, nil
		}
	}
	return "", fmt.Errorf("no scrapinghub-aeb/ground-truth.json under %s", dataDir)
}
