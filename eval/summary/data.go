package summary

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// article is one Giveme5W1H record: its body, title, the outlet's own
// description and, for the news_cluster set, its event.
type article struct {
	ID          string
	Title       string
	Description string
	Text        string
	Published   time.Time
	Event       string
}

type record struct {
	DID         string `json:"dId"`
	Title       string `json:"title"`
	Description string `json:"description"`
	Text        string `json:"text"`
	DatePublish string `json:"date_publish"`
	Category    string `json:"category"`
	NewsCluster struct {
		EventID int    `json:"EventId"`
		Event   string `json:"Event"`
	} `json:"newsCluster"`
}

// findGiveme locates the giveme5w1h folder: dataDir itself or
// dataDir/giveme5w1h.
func findGiveme(dataDir string) (string, error) {
	for _, d := range []string{dataDir, filepath.Join(dataDir, "giveme5w1h")} {
		if st, err := os.Stat(filepath.Join(d, "news_cluster", "data_raw")); err == nil && st.IsDir() {
			return d, nil
		}
	}
	return "", fmt.Errorf("summary evaluation: giveme5w1h data (news_cluster/data_raw) not found under %s or %s", dataDir, filepath.Join(dataDir, "giveme5w1h"))
}

// loadArticles reads every *.json record in the given folders, sorted by
// file name.
func loadArticles(dirs ...string) ([]article, error) {
	var files []string
	for _, d := range dirs {
		fs, err := filepath.Glob(filepath.Join(d, "*.json"))
		if err != nil {
			return nil, fmt.Errorf("listing %s: %w", d, err)
		}
		files = append(files, fs...)
	}
	sort.Strings(files)
	var out []article
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, fmt.Errorf("reading %s: %w", f, err)
		}
		var r record
		if err := json.Unmarshal(b, &r); err != nil {
			return nil, fmt.Errorf("decoding %s: %w", f, err)
		}
		a := article{ID: r.DID, Title: r.Title, Description: strings.TrimSpace(r.Description), Text: r.Text, Event: r.Category}
		if a.ID == "" {
			a.ID = strings.TrimSuffix(filepath.Base(f), ".json")
		}
		if r.NewsCluster.EventID != 0 {
			a.Event = fmt.Sprintf("%d:%s", r.NewsCluster.EventID, r.NewsCluster.Event)
		}
		for _, layout := range []string{"2006-01-02T15:04:05", "2006-01-02 15:04:05"} {
			if t, err := time.Parse(layout, r.DatePublish); err == nil {
				a.Published = t
				break
			}
		}
		out = append(out, a)
	}
	return out, nil
}
