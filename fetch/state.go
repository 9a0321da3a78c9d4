package fetch

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"time"
	"unicode/utf8"

	"github.com/corroborate/corroborate/document"
)

// The state folder (Options.StateDir) holds one file, StateFile, so that a
// later run revalidates pages an earlier run fetched and knows their
// revisions. It is JSON:
//
//	{
//	  "version": 1,                      // StateVersion; other versions are refused
//	  "saved_at": "2026-11-23T16:00:00Z",
//	  "cache": {                         // by URL as requested
//	    "https://example.org/news/a?id=7": {
//	      "etag": "\"v3\"",              // at least one of etag, last_modified
//	      "last_modified": "Mon, 06 Jul 2020 21:00:00 GMT",
//	      "content_type": "text/html; charset=utf-8",
//	      "final_url": "https://example.org/news/a?id=7",
//	      "fetched_at": "2026-11-23T15:59:58Z",
//	      "body": "<!DOCTYPE html>…",   // the response body, served again on 304
//	      "body_encoding": "base64"      // only when the body is not UTF-8
//	    }
//	  },
//	  "pages": {                         // by canonical URL (Document.URL)
//	    "https://example.org/news/a?id=7": [
//	      {
//	        "n": 1,                      // 1, 2, … in order
//	        "id": "example.org_news_a_id-7",  // "-rN" suffix from n = 2
//	        "fetched_at": "…", "checked_at": "…",
//	        "etag": "\"v1\"", "last_modified": "…",
//	        "hash": "…",                 // hex SHA-256 of text
//	        "text": "Paragraph one.\n\nParagraph two.",  // Revision.Text
//	        "extracted": "…",            // optional: Revision.Extracted
//	        "title": "…",                // optional
//	        "published": {document.Date},  // optional
//	        "updated": {document.Date}     // optional
//	      }
//	    ]
//	  }
//	}
//
// A file that cannot be read as this format (truncated, not JSON, another
// version, inconsistent revisions) is moved aside to StateFile+".bad" and
// the client starts from an empty state with a warning; see
// Client.StateError.

// StateFile is the name of the state file inside Options.StateDir.
const StateFile = "fetch-state.json"

// StateVersion is the version of the state file format read and written.
const StateVersion = 1

// ErrBadState is returned (wrapped, naming the file) for a state file that
// cannot be used.
var ErrBadState = errors.New("unusable fetch state")

// stateFile is the JSON form of the state folder's file.
type stateFile struct {
	Version int                         `json:"version"`
	SavedAt time.Time                   `json:"saved_at"`
	Cache   map[string]cacheRecord      `json:"cache"`
	Pages   map[string][]revisionRecord `json:"pages"`
}

// cacheRecord is the file form of a cache entry.
type cacheRecord struct {
	ETag         string    `json:"etag,omitempty"`
	LastModified string    `json:"last_modified,omitempty"`
	ContentType  string    `json:"content_type,omitempty"`
	FinalURL     string    `json:"final_url,omitempty"`
	FetchedAt    time.Time `json:"fetched_at"`
	Body         string    `json:"body"`
	BodyEncoding string    `json:"body_encoding,omitempty"`
}

// revisionRecord is the file form of a Revision.
type revisionRecord struct {
	N            int            `json:"n"`
	ID           string         `json:"id"`
	FetchedAt    time.Time      `json:"fetched_at"`
	CheckedAt    time.Time      `json:"checked_at"`
	ETag         string         `json:"etag,omitempty"`
	LastModified string         `json:"last_modified,omitempty"`
	Hash         string         `json:"hash"`
	Text         string         `json:"text"`
	Extracted    string         `json:"extracted,omitempty"`
	Title        string         `json:"title,omitempty"`
	Published    *document.Date `json:"published,omitempty"`
	Updated      *document.Date `json:"updated,omitempty"`
}

func datePtr(d document.Date) *document.Date {
	if d.IsZero() {
		return nil
	}
	return &d
}

func dateOf(p *document.Date) document.Date {
	if p == nil {
		return document.Date{}
	}
	return *p
}

// encodeState snapshots the cache and the history.
func (c *Client) encodeState(now time.Time) stateFile {
	st := stateFile{Version: StateVersion, SavedAt: now.UTC(), Cache: map[string]cacheRecord{}, Pages: map[string][]revisionRecord{}}
	c.cache.mu.Lock()
	for u, e := range c.cache.m {
		r := cacheRecord{ETag: e.etag, LastModified: e.lastModified, ContentType: e.contentType,
			FinalURL: e.finalURL, FetchedAt: e.fetchedAt, Body: string(e.body)}
		if !utf8.Valid(e.body) {
			r.Body, r.BodyEncoding = base64.StdEncoding.EncodeToString(e.body), "base64"
		}
		st.Cache[u] = r
	}
	c.cache.mu.Unlock()
	h := c.history
	h.mu.Lock()
	for u, revs := range h.byURL {
		recs := make([]revisionRecord, len(revs))
		for i, r := range revs {
			recs[i] = revisionRecord{N: r.N, ID: r.ID, FetchedAt: r.FetchedAt, CheckedAt: r.CheckedAt, ETag: r.ETag,
				LastModified: r.LastModified, Hash: r.Hash, Text: r.Text, Extracted: r.Extracted, Title: r.Title,
				Published: datePtr(r.Published), Updated: datePtr(r.Updated)}
		}
		st.Pages[u] = recs
	}
	h.mu.Unlock()
	return st
}

// decodeState checks a parsed state file and turns it into cache entries
// and revisions.
func decodeState(st stateFile) (map[string]cacheEntry, map[string][]Revision, error) {
	cache := make(map[string]cacheEntry, len(st.Cache))
	for u, r := range st.Cache {
		if u == "" {
			return nil, nil, errors.New("cache entry with an empty URL")
		}
		if r.ETag == "" && r.LastModified == "" {
			return nil, nil, fmt.Errorf("cache entry %s has neither etag nor last_modified", u)
		}
		body := []byte(r.Body)
		switch r.BodyEncoding {
		case "":
		case "base64":
			b, err := base64.StdEncoding.DecodeString(r.Body)
			if err != nil {
				return nil, nil, fmt.Errorf("cache entry %s: decoding body: %w", u, err)
			}
			body = b
		default:
			return nil, nil, fmt.Errorf("cache entry %s: unknown body_encoding %q", u, r.BodyEncoding)
		}
		cache[u] = cacheEntry{etag: r.ETag, lastModified: r.LastModified, contentType: r.ContentType,
			finalURL: r.FinalURL, body: body, fetchedAt: r.FetchedAt}
	}
	pages := make(map[string][]Revision, len(st.Pages))
	for u, recs := range st.Pages {
		if u == "" {
			return nil, nil, errors.New("page with an empty URL")
		}
		if len(recs) == 0 {
			return nil, nil, fmt.Errorf("page %s has no revisions", u)
		}
		revs := make([]Revision, len(recs))
		for i, r := range recs {
			if r.N != i+1 {
				return nil, nil, fmt.Errorf("page %s: revision %d is numbered %d", u, i+1, r.N)
			}
			if r.ID == "" {
				return nil, nil, fmt.Errorf("page %s: revision %d has no id", u, r.N)
			}
			sum := sha256.Sum256([]byte(r.Text))
			if r.Hash != hex.EncodeToString(sum[:]) {
				return nil, nil, fmt.Errorf("page %s: revision %d: hash does not match its text", u, r.N)
			}
			revs[i] = Revision{N: r.N, ID: r.ID, FetchedAt: r.FetchedAt, CheckedAt: r.CheckedAt, ETag: r.ETag,
				LastModified: r.LastModified, Hash: r.Hash, Text: r.Text, Extracted: r.Extracted, Title: r.Title,
				Published: dateOf(r.Published), Updated: dateOf(r.Updated)}
		}
		pages[u] = revs
	}
	return cache, pages, nil
}

// readState reads and checks the state file at path. A missing file gives
// empty maps and no error; an unusable one an error wrapping ErrBadState.
func readState(path string) (map[string]cacheEntry, map[string][]Revision, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, fmt.Errorf("reading fetch state %s: %w", path, err)
	}
	bad := func(format string, args ...any) error {
		return fmt.Errorf("reading fetch state %s: %w: %s", path, ErrBadState, fmt.Sprintf(format, args...))
	}
	if len(data) == 0 {
		return nil, nil, bad("the file is empty")
	}
	var head struct {
		Version *int `json:"version"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		return nil, nil, bad("%s", describeJSONError(err, len(data)))
	}
	switch {
	case head.Version == nil:
		return nil, nil, bad("no version field")
	case *head.Version != StateVersion:
		return nil, nil, bad("format version %d, this program reads version %d", *head.Version, StateVersion)
	}
	var st stateFile
	if err := json.Unmarshal(data, &st); err != nil {
		return nil, nil, bad("%s", describeJSONError(err, len(data)))
	}
	cache, pages, err := decodeState(st)
	if err != nil {
		return nil, nil, bad("%v", err)
	}
	return cache, pages, nil
}

// describeJSONError says where a JSON document went wrong.
func describeJSONError(err error, size int) string {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn) && syn.Offset >= int64(size):
		return fmt.Sprintf("the JSON ends early after %d bytes (truncated?)", size)
	case errors.As(err, &syn):
		return fmt.Sprintf("invalid JSON at byte %d: %v", syn.Offset, err)
	case errors.As(err, &typ):
		return fmt.Sprintf("field %q has a JSON %s where the format wants %s", typ.Field, typ.Value, typ.Type)
	}
	return err.Error()
}

// writeFileAtomic replaces path with data: it writes a temporary file in
// the same folder, syncs it, renames it over path and syncs the folder, so
// that readers, and a machine that crashes, see the old or the new file,
// never a partial one.
func writeFileAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	fail := func(err error) error {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		return fail(err)
	}
	if err := tmp.Sync(); err != nil {
		return fail(err)
	}
	if err := tmp.Chmod(0o644); err != nil {
		return fail(err)
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	// The rename itself reaches the disk with the folder.
	dir, err := os.Open(filepath.Dir(path))
	if err != nil {
		return err
	}
	defer dir.Close()
	if err := dir.Sync(); err != nil && !errors.Is(err, syscall.EINVAL) && !errors.Is(err, errors.ErrUnsupported) {
		return fmt.Errorf("syncing folder: %w", err)
	}
	return nil
}

// ErrStateBusy is the StateError of a client whose state folder stayed in
// use by another client for all of Options.StateWait.
var ErrStateBusy = errors.New("fetch state folder in use by another run")
