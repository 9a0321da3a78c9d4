package fetch

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// cacheRecord is the file form of a cache entry.
type cacheRecord struct {
	ETag         string    `json:"etag,omitempty"`
	LastModified string    `json:"last_modified,omitempty"`
	ContentType  string    `json:"content_type,omitempty"`
	FinalURL     string    `json:"final_url,omitempty"`
	Body         []byte    `json:"body"`
	FetchedAt    time.Time `json:"fetched_at"`
}

// LoadCache reads revalidation entries saved by SaveCache, so that a later
// run sends conditional GETs for pages an earlier run fetched. A missing
// file is no error.
func (c *Client) LoadCache(path string) error {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("reading fetch cache: %w", err)
	}
	var recs map[string]cacheRecord
	if err := json.Unmarshal(data, &recs); err != nil {
		return fmt.Errorf("parsing fetch cache %s: %w", path, err)
	}
	for u, r := range recs {
		c.cache.put(u, cacheEntry{etag: r.ETag, lastModified: r.LastModified, contentType: r.ContentType,
			finalURL: r.FinalURL, body: r.Body, fetchedAt: r.FetchedAt})
	}
	return nil
}

// SaveCache writes the revalidation entries (pages with an ETag or
// Last-Modified, bodies included) to path, atomically.
func (c *Client) SaveCache(path string) error {
	c.cache.mu.Lock()
	recs := make(map[string]cacheRecord, len(c.cache.m))
	for u, e := range c.cache.m {
		recs[u] = cacheRecord{ETag: e.etag, LastModified: e.lastModified, ContentType: e.contentType,
			FinalURL: e.finalURL, Body: e.body, FetchedAt: e.fetchedAt}
	}
	c.cache.mu.Unlock()
	data, err := json.Marshal(recs)
	if err != nil {
		return fmt.Errorf("encoding fetch cache: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".fetch-cache-*")
	if err != nil {
		return fmt.Errorf("writing fetch cache: %w", err)
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return fmt.Errorf("writing fetch cache: %w", err)
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("writing fetch cache: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("writing fetch cache: %w", err)
	}
	return nil
}
