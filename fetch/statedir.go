package fetch

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/corroborate/corroborate/document"
)

// LockFile is the lock file in Options.StateDir. A client holds an
// exclusive lock on it (flock) from New to Close, so that two runs never
// use one state folder at once: a second client waits up to
// Options.StateWait for the first to close, saying so on the Progress
// writer (standard error when nil), and then goes on without the state
// (StateError wraps ErrStateBusy and names the folder). The lock dies
// with its holder, however that exits; the file stays, holding the pid of
// the last holder.
const LockFile = "lock"

// How the state reaches the disk. The state file is replaced atomically
// (a temporary file in the same folder, fsynced, renamed over it, and the
// folder fsynced), as pages come in: Documents and FeedDocuments save
// after each page, at most every 2 seconds (a page done sooner goes with
// a save at most 2 seconds later), and once more at the end of the batch.
// A run killed midway leaves the pages it fetched until the last save.
// Before replacing the file, a save merges what another writer put there
// since this client last read or wrote it (where the folder could not be
// locked, or after Close released it): pages and cache entries this
// client does not know are kept; for a page both know, this client's
// revisions win, and for a cache entry the later fetch.

// loadState locks the state folder, if one is set, and fills the cache
// and the history from it. A busy folder (past StateWait) leaves the
// client without a state; an unusable file is moved aside and remembered
// as StateError; fetching goes on from an empty state either way.
func (c *Client) loadState() {
	if c.opts.StateDir == "" {
		return
	}
	c.statePath = filepath.Join(c.opts.StateDir, StateFile)
	c.lockable = true
	f, err := c.acquireLock()
	switch {
	case errors.Is(err, ErrStateBusy):
		c.stateErr = err
		c.statePath = ""
		c.log.Warn("fetch state not used", "err", err)
		return
	case err != nil:
		c.lockable = false
		c.log.Warn("fetch state folder not locked; saves merge with the file instead", "err", err)
	}
	c.lock = f
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
	c.disk, _ = os.Stat(c.statePath)
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

// acquireLock creates the state folder and takes its lock, waiting up to
// StateWait for another holder. The error wraps ErrStateBusy when the wait
// ran out; any other error means the folder cannot be locked at all.
func (c *Client) acquireLock() (*os.File, error) {
	dir := c.opts.StateDir
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("creating fetch state folder: %w", err)
	}
	path := filepath.Join(dir, LockFile)
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("opening the lock of the fetch state folder: %w", err)
	}
	deadline := time.Now().Add(c.opts.StateWait)
	for waited := false; ; waited = true {
		ok, err := tryLock(f)
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("locking %s: %w", path, err)
		}
		if ok {
			// Who holds it, for the message of a run that waits.
			if err := f.Truncate(0); err == nil {
				fmt.Fprintf(f, "pid %d since %s\n", os.Getpid(), time.Now().UTC().Format(time.RFC3339))
			}
			if waited {
				c.notice("fetch: state folder %q is free; going on\n", dir)
			}
			return f, nil
		}
		holder := lockHolder(path)
		left := time.Until(deadline)
		if left <= 0 {
			f.Close()
			return nil, fmt.Errorf("%w: %s (held by %s; lock file %s); waited %s, so this run neither reads nor saves it",
				ErrStateBusy, dir, holder, path, c.opts.StateWait)
		}
		if !waited {
			c.notice("fetch: state folder %q is in use by another run (%s); waiting up to %s\n", dir, holder, c.opts.StateWait.Round(time.Second))
		}
		time.Sleep(min(left, 100*time.Millisecond))
	}
}

// lockHolder describes the holder of a lock file from what it wrote there.
func lockHolder(path string) string {
	data, err := os.ReadFile(path)
	if s := strings.TrimSpace(string(data)); err == nil && s != "" && len(s) < 200 {
		return s
	}
	return "holder unknown"
}

// notice writes a line for the user on the Progress writer, else on
// standard error.
func (c *Client) notice(format string, args ...any) {
	w := c.opts.Progress
	if w == nil {
		w = os.Stderr
	}
	fmt.Fprintf(w, format, args...)
}

// releaseLock gives the state folder's lock up; saveMu is held.
func (c *Client) releaseLock() error {
	if c.lock == nil {
		return nil
	}
	f := c.lock
	c.lock = nil
	return errors.Join(unlock(f), f.Close())
}

// StateError is the error met loading the state folder at New (nil when
// there was none, no file yet, or no StateDir). Such an error was logged
// as a warning and the client started from an empty state; errors.Is(err,
// ErrBadState) tells a damaged file (moved aside to StateFile+".bad") from
// an unreadable one, and errors.Is(err, ErrStateBusy) a folder another run
// kept for all of Options.StateWait (this client then neither reads nor
// saves it).
func (c *Client) StateError() error { return c.stateErr }

// changes is the client's modification count, compared with the count at
// the last save.
func (c *Client) changes() int64 { return c.cache.changes.Load() + c.history.changes.Load() }

// saveSoon saves the state now if the last save is saveEvery old, else
// once it is; without waiting either way. Documents calls it after each
// page.
func (c *Client) saveSoon() {
	if c.statePath == "" {
		return
	}
	c.timerMu.Lock()
	defer c.timerMu.Unlock()
	if c.saveTimer != nil {
		return // a save is pending and will take this page along
	}
	c.saveMu.Lock()
	wait := c.saveEvery - time.Since(c.lastSave)
	c.saveMu.Unlock()
	c.saveTimer = time.AfterFunc(max(wait, 0), func() {
		c.timerMu.Lock()
		c.saveTimer = nil
		c.timerMu.Unlock()
		if err := c.saveState(); err != nil {
			c.log.Warn("fetch state not saved", "err", err)
		}
	})
}

// saveState writes the cache and the history to the state folder when set
// and when anything changed since the last save, merged with what someone
// else wrote there meanwhile.
func (c *Client) saveState() error {
	if c.statePath == "" {
		return nil
	}
	c.saveMu.Lock()
	defer c.saveMu.Unlock()
	if c.changes() == c.savedAt {
		return nil
	}
	if c.lock == nil && c.lockable {
		// After Close: hold the folder for the time of this save.
		f, err := c.acquireLock()
		if err != nil {
			return fmt.Errorf("saving fetch state to %s: %w", c.statePath, err)
		}
		c.lock = f
		defer c.releaseLock()
	}
	c.mergeDisk()
	gen := c.changes()
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
	c.disk, _ = os.Stat(c.statePath)
	c.savedAt = gen
	c.lastSave = time.Now()
	c.log.Debug("fetch state saved", "file", c.statePath, "bytes", len(data)+1)
	return nil
}

// mergeDisk takes into the client what another writer put in the state
// file since this client last read or wrote it (see LockFile for the
// rules). saveMu is held.
func (c *Client) mergeDisk() {
	now, err := os.Stat(c.statePath)
	if err != nil || (c.disk != nil && os.SameFile(c.disk, now) && c.disk.Size() == now.Size() && c.disk.ModTime().Equal(now.ModTime())) {
		return
	}
	cache, pages, err := readState(c.statePath)
	if err != nil {
		c.log.Warn("fetch state changed on disk but unreadable; replacing it", "err", err)
		return
	}
	added := 0
	c.cache.mu.Lock()
	if c.cache.m == nil {
		c.cache.m = map[string]cacheEntry{}
	}
	for u, e := range cache {
		if mine, ok := c.cache.m[u]; !ok || e.fetchedAt.After(mine.fetchedAt) {
			c.cache.m[u] = e
			added++
		}
	}
	c.cache.mu.Unlock()
	h := c.history
	h.mu.Lock()
	for u, revs := range pages {
		if _, ok := h.byURL[u]; !ok {
			h.byURL[u] = revs
			added++
		}
	}
	h.mu.Unlock()
	c.log.Debug("fetch state merged with the file on disk", "file", c.statePath, "taken", added)
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
// changed since the last save, releases the folder's lock (see LockFile)
// and closes idle connections. Documents and FeedDocuments already save
// as pages come in, and Record after recording; Close adds anything
// fetched with Fetch or PageDocument since. It also reports the first
// failure to write Options.Archive. The client stays usable; another
// Close saves again (locking the folder for the time of the save).
func (c *Client) Close() error {
	c.timerMu.Lock()
	if c.saveTimer != nil && c.saveTimer.Stop() {
		c.saveTimer = nil
	}
	c.timerMu.Unlock()
	err := c.saveState()
	c.saveMu.Lock()
	if lerr := c.releaseLock(); lerr != nil {
		err = errors.Join(err, fmt.Errorf("releasing the fetch state folder %s: %w", c.opts.StateDir, lerr))
	}
	c.saveMu.Unlock()
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
	if _, err := os.Stat(filepath.Join(dir, StateFile)); errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	c := New(Options{StateDir: dir})
	if err := c.StateError(); err != nil {
		return err
	}
	return errors.Join(c.Record(docs), c.Close())
}
