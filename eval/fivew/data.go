package fivew

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// Questions in print order.
var Questions = []string{"who", "what", "when", "where", "why", "how"}

// Gold is one annotated phrase.
type Gold struct {
	Text   string
	Coders int
	Parsed string // "when" only: the date the phrase names
}

// Article is one gold-standard article with its gold phrases and the
// Giveme5W1H system's top answer per question.
type Article struct {
	ID, File, Title, Text string
	Published             time.Time
	Gold                  map[string][]Gold
	Peer                  map[string]string
}

type record struct {
	DID         string `json:"dId"`
	Title       string `json:"title"`
	Description string `json:"description"`
	Text        string `json:"text"`
	DatePublish string `json:"date_publish"`
	FiveWOneH   map[string]struct {
		Annotated []struct {
			Text   string `json:"text"`
			Coders int    `json:"coderPhraseCount"`
			Parsed string `json:"parsed"`
		} `json:"annotated"`
		Extracted []struct {
			Text string `json:"text"`
		} `json:"extracted"`
	} `json:"fiveWoneH"`
}

// findRoot returns the giveme5w1h folder under dataDir.
func findRoot(dataDir string) (string, error) {
	for _, c := range []string{dataDir, filepath.Join(dataDir, "giveme5w1h")} {
		if st, err := os.Stat(filepath.Join(c, "system_output_giveme5w1h")); err == nil && st.IsDir() {
			return c, nil
		}
	}
	return "", fmt.Errorf("no Giveme5W1H gold standard (system_output_giveme5w1h/) under %s", dataDir)
}

// loadArticles reads the gold articles (data/ and data_damaged/) and
// joins the peer output by file name. A file that does not parse is
// reported and skipped.
func loadArticles(root string) ([]*Article, []error) {
	var out []*Article
	var errs []error
	for _, sub := range []string{"data", "data_damaged"} {
		files, _ := filepath.Glob(filepath.Join(root, sub, "*.json"))
		sort.Strings(files)
		for _, f := range files {
			a, err := readArticle(f)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			if p, err := readRecord(filepath.Join(root, "system_output_giveme5w1h", filepath.Base(f))); err == nil {
				for _, q := range Questions {
					if ex := p.FiveWOneH[q].Extracted; len(ex) > 0 {
						a.Peer[q] = ex[0].Text
					}
				}
			}
			out = append(out, a)
		}
	}
	return out, errs
}

func readRecord(path string) (*record, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var r record
	if err := json.Unmarshal(b, &r); err != nil {
		return nil, fmt.Errorf("parsing %s: %w", path, err)
	}
	return &r, nil
}

func readArticle(path string) (*Article, error) {
	r, err := readRecord(path)
	if err != nil {
		return nil, err
	}
	a := &Article{ID: r.DID, File: filepath.Base(path), Title: strings.TrimSpace(r.Title), Text: r.Text,
		Gold: map[string][]Gold{}, Peer: map[string]string{}}
	if a.ID == "" {
		a.ID = strings.TrimSuffix(a.File, ".json")
	}
	if t, err := time.Parse("2006-01-02 15:04:05", r.DatePublish); err == nil {
		a.Published = t
	}
	for _, q := range Questions {
		for _, g := range r.FiveWOneH[q].Annotated {
			if strings.TrimSpace(g.Text) != "" {
				a.Gold[q] = append(a.Gold[q], Gold{Text: g.Text, Coders: g.Coders, Parsed: g.Parsed})
			}
		}
	}
	return a, nil
}

// halves splits the articles by sorted id into a tuning half (even
// positions) and a reporting half (odd positions).
func halves(arts []*Article) (tune, report []*Article) {
	s := append([]*Article(nil), arts...)
	sort.Slice(s, func(i, j int) bool { return s[i].ID < s[j].ID })
	for i, a := range s {
		if i%2 == 0 {
			tune = append(tune, a)
		} else {
			report = append(report, a)
		}
	}
	return tune, report
}
