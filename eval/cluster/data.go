package cluster

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/ingest"
)

// item is one evaluation document with its gold group.
type item struct {
	doc   *document.Document
	gold  string // gold cluster label
	topic int    // ECB+ topic number, or the news_cluster event id
}

// newsClusterRecord is the part of a news_cluster JSON file we read.
type newsClusterRecord struct {
	Title       string `json:"title"`
	Description string `json:"description"`
	Text        string `json:"text"`
	DatePublish string `json:"date_publish"`
	Source      string `json:"source_domain"`
	URL         string `json:"url"`
	DID         string `json:"dId"`
	NewsCluster struct {
		EventID int    `json:"EventId"`
		Event   string `json:"Event"`
	} `json:"newsCluster"`
}

// loadNewsCluster reads the JSON articles of dir (news_cluster/data_raw)
// in stream order: by publication date, then id.
func loadNewsCluster(ctx context.Context, dir string) ([]item, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return nil, fmt.Errorf("listing %s: %w", dir, err)
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("reading news_cluster: no *.json files in %s", dir)
	}
	var items []item
	for _, path := range files {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("reading news_cluster article: %w", err)
		}
		var r newsClusterRecord
		if err := json.Unmarshal(b, &r); err != nil {
			return nil, fmt.Errorf("parsing news_cluster article %s: %w", path, err)
		}
		d := &document.Document{
			ID:     strings.TrimSuffix(filepath.Base(path), ".json"),
			Source: path,
			URL:    r.URL,
			Format: document.FormatRecord,
			Outlet: r.Source,
			Title:  strings.TrimSpace(r.Title),
			Text:   strings.TrimSpace(r.Text),
		}
		if d.Text == "" {
			d.Text = strings.TrimSpace(r.Description)
		}
		if r.DatePublish != "" {
			if pd, err := ingest.ParseDate(r.DatePublish, "record"); err == nil {
				d.Published = pd
			}
		}
		items = append(items, item{doc: d, gold: "e" + strconv.Itoa(r.NewsCluster.EventID), topic: r.NewsCluster.EventID})
	}
	sort.SliceStable(items, func(i, j int) bool {
		a, b := items[i].doc.Published.Time, items[j].doc.Published.Time
		if !a.Equal(b) {
			return a.Before(b)
		}
		return items[i].doc.ID < items[j].doc.ID
	})
	return items, nil
}

// ecbToken is a token element of an ECB+ (CROMER) XML file.
type ecbToken struct {
	Sentence int    `xml:"sentence,attr"`
	Text     string `xml:",chardata"`
}

// ecbFile is the part of an ECB+ file we read.
type ecbFile struct {
	Tokens []ecbToken `xml:"token"`
}

// loadECB reads the ECB+ documents of topics lo–hi under dir (the folder
// holding ECB+/). The gold label is the sub-topic: topic plus "ecb" or
// "ecbplus". The stream order is fixed but mixes topics (by a hash of the
// file name), since ECB+ documents carry no dates.
func loadECB(ctx context.Context, dir string, lo, hi int) ([]item, error) {
	root := filepath.Join(dir, "ECB+")
	if _, err := os.Stat(root); err != nil {
		return nil, fmt.Errorf("reading ECB+: %w", err)
	}
	var items []item
	for topic := lo; topic <= hi; topic++ {
		files, err := filepath.Glob(filepath.Join(root, strconv.Itoa(topic), "*.xml"))
		if err != nil {
			return nil, fmt.Errorf("listing ECB+ topic %d: %w", topic, err)
		}
		for _, path := range files {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			d, err := readECB(path)
			if err != nil {
				return nil, err
			}
			half := "ecb"
			if strings.HasSuffix(path, "ecbplus.xml") {
				half = "ecbplus"
			}
			items = append(items, item{doc: d, gold: strconv.Itoa(topic) + half, topic: topic})
		}
	}
	if len(items) == 0 {
		return nil, fmt.Errorf("reading ECB+: no documents for topics %d–%d under %s", lo, hi, root)
	}
	sort.SliceStable(items, func(i, j int) bool {
		a, b := fnv(items[i].doc.ID), fnv(items[j].doc.ID)
		if a != b {
			return a < b
		}
		return items[i].doc.ID < items[j].doc.ID
	})
	return items, nil
}

// readECB rebuilds the text of one ECB+ file from its tokens, one line per
// sentence.
func readECB(path string) (*document.Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("reading ECB+ file: %w", err)
	}
	defer f.Close()
	var x ecbFile
	if err := xml.NewDecoder(io.LimitReader(f, 50<<20)).Decode(&x); err != nil {
		return nil, fmt.Errorf("parsing ECB+ file %s: %w", path, err)
	}
	var b strings.Builder
	sent := -1
	for _, t := range x.Tokens {
		switch {
		case t.Sentence != sent && sent >= 0:
			b.WriteString("\n")
		case sent >= 0:
			b.WriteString(" ")
		}
		sent = t.Sentence
		b.WriteString(t.Text)
	}
	return &document.Document{
		ID:     strings.TrimSuffix(filepath.Base(path), ".xml"),
		Source: path,
		Format: document.FormatText,
		Text:   b.String(),
	}, nil
}

// fnv is the 32-bit FNV-1a hash of s.
func fnv(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}

// dated reports the share of items with a publication date.
func dated(items []item) float64 {
	if len(items) == 0 {
		return 0
	}
	n := 0
	for _, it := range items {
		if it.doc.Published.Time != (time.Time{}) {
			n++
		}
	}
	return float64(n) / float64(len(items))
}
