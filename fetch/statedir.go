package fetch

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/corroborate/corroborate/document"
)

// loadState fills the cache and the history from the state folder, if one
// is set. An unusable file is moved aside and remembered as StateError;
// fetching goes on from an empty state.
func (c *Client) loadState() {
	if c.opts.StateDir == "" {
		return
	}
	c.statePath = filepath.Join(c.opts.StateDir, StateFile)
	cache, pages, err := readState(c.statePath)
	if err != nil {
		c.stateErr = err
		if errors.Is(err, ErrBadState) {
			aside := c.statePath + ".bad"
			if rerr := os.Rename(c.statePath, aside); rerr == nil {
				c.log.Warn("fetch state unusable; starting from an empty state", "err", err, "moved_to", aside)
				return
			}
		}
		c.log.Warn("fetch state unusable; starting from an empty state", "err", err)
		return
	}
	c.cache.mu.Lock()
	c.cache.m = cache
	c.cache.mu.Unlock()
	c.history.mu.Lock()
	if pages != nil {
		c.history.byURL = pages
	}
	c.history.mu.Unlock()
	c.log.Debug("fetch state loaded", "file", c.statePath, "cached", len(cache), "pages", len(pages))
}

// StateError is the error met loading the state folder at New (nil when
// there was none, no file yet, or no StateDir). Such an error was logged
// as a warning and the client started from an empty state; errors.Is(err,
// ErrBadState) tells a damaged file (moved aside to StateFile+".bad") from
// an unreadable one.
func (c *Client) StateError() error { return c.stateErr }

// changes is the client's modification count, compared with the count at
// the last save.
func (c *Client) changes() int64 { return c.cache.changes.Load() + c.history.changes.Load() }

// saveState writes the cache and the history to the state folder when set
// and when anything changed since the last save.
func (c *Client) saveState() error {
	if c.statePath == "" {
		return nil
	}
	c.saveMu.Lock()
	defer c.saveMu.Unlock()
	gen := c.changes()
	if gen == c.savedAt {
		return nil
	}
	data, err := json.Marshal(c.encodeState(time.Now()))
	if err != nil {
		return fmt.Errorf("encoding fetch state for %s: %w", c.statePath, err)
	}
	if err := os.MkdirAll(c.opts.StateDir, 0o755); err != nil {
		return fmt.Errorf("saving fetch state: %w", err)
	}
	if err := writeFileAtomic(c.statePath, append(data, '\n')); err != nil {
		return fmt.Errorf("saving fetch state to %s: %w", c.statePath, err)
	}
	c.savedAt = gen
	c.log.Debug("fetch state saved", "file", c.statePath, "bytes", len(data)+1)
	return nil
}

// Record stores what processing learned about documents this client
// returned (extracted text, title, dates) in their revisions (see
// History.Record) and saves the state folder when Options.StateDir is set.
// Call it once the documents are extracted and dated; documents the client
// did not fetch are skipped. It is the only way extraction results reach
// the revisions: the client keeps no documents.
func (c *Client) Record(docs []*document.Document) error {
	for _, d := range docs {
		c.history.Record(d)
	}
	return c.saveState()
}

// Close saves the state folder when Options.StateDir is set and anything
// changed since the last save, and closes idle connections. Documents and
// FeedDocuments already save after every batch, and Record after
// recording; Close adds anything fetched with Fetch or PageDocument since.
// It also reports the first failure to write Options.Archive. The client
// stays usable; another Close saves again.
func (c *Client) Close() error {
	err := c.saveState()
	c.transport.CloseIdleConnections()
	if aerr := c.archiveErr(); aerr != nil {
		err = errors.Join(err, fmt.Errorf("archiving fetched pages: %w", aerr))
	}
	return err
}

// RecordState records documents in the revisions kept in the state folder
// dir (see Client.Record) and saves it: for a caller that fetched with one
// client and extracts later, when that client is gone. Documents whose
// pages the state does not hold are skipped, and a folder without a state
// file is left as it is. An unusable state file is an error (and is moved
// aside, as New does).
func RecordState(dir string, docs []*document.Document) error {
	c := New(Options{StateDir: dir})
	if err := c.StateError(); err != nil {
		return err
	}
	return errors.Join(c.Record(docs), c.Close())
}
