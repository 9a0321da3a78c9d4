package fetch

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/corroborate/corroborate/document"
)

// pagedServer serves /p/0 … /p/N-1, each with its own ETag, answering 304
// to a matching If-None-Match. The page numbered block (when ≥ 0) signals
// reached and then answers only once the client gives up: a fetch that
// is still running when the run dies.
type pagedServer struct {
	*httptest.Server
	block             atomic.Int32
	reached           chan struct{}
	full, notModified atomic.Int32
}

func newPagedServer(t *testing.T) *pagedServer {
	t.Helper()
	s := &pagedServer{reached: make(chan struct{}, 16)}
	s.block.Store(-1)
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var n int
		if _, err := fmt.Sscanf(r.URL.Path, "/p/%d", &n); err != nil {
			http.NotFound(w, r)
			return
		}
		if int32(n) == s.block.Load() {
			s.reached <- struct{}{}
			<-r.Context().Done()
			return
		}
		etag := fmt.Sprintf(`"page-%d"`, n)
		w.Header().Set("ETag", etag)
		if r.Header.Get("If-None-Match") == etag {
			s.notModified.Add(1)
			w.WriteHeader(http.StatusNotModified)
			return
		}
		s.full.Add(1)
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprintf(w, "Report number %d on the river flood.\n\nThe water rose %d centimetres overnight.", n, 10+n)
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *pagedServer) urls(from, to int) []string {
	var out []string
	for i := from; i < to; i++ {
		out = append(out, fmt.Sprintf("%s/p/%d", s.URL, i))
	}
	return out
}

// statePages is the number of pages whose validators the state file in dir
// holds (0 when there is no file yet).
func statePages(t *testing.T, dir string) int {
	t.Helper()
	cache, _, err := readState(filepath.Join(dir, StateFile))
	if err != nil {
		t.Fatalf("state file: %v", err)
	}
	return len(cache)
}

// waitForState waits up to 6s for the state file in dir to hold want
// pages, failing with what it holds.
func waitForState(t *testing.T, dir string, want int) {
	t.Helper()
	deadline := time.Now().Add(6 * time.Second)
	for {
		got := statePages(t, dir)
		if got == want {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("while the run is still going, the state file holds %d pages, want the %d fetched so far", got, want)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// waitReached waits for the blocking page to be requested.
func (s *pagedServer) waitReached(t *testing.T) {
	t.Helper()
	select {
	case <-s.reached:
	case <-time.After(10 * time.Second):
		t.Fatal("the blocking page was never requested")
	}
}

// copyState copies the state file of dir into a new folder, as a run
// killed at this moment would leave it.
func copyState(t *testing.T, dir string) string {
	t.Helper()
	to := t.TempDir()
	data, err := os.ReadFile(filepath.Join(dir, StateFile))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(to, StateFile), data, 0o644); err != nil {
		t.Fatal(err)
	}
	return to
}

// TestStateWrittenAsItGoes cancels a run of ten pages while the sixth is
// in flight. The state on disk must already hold the five pages fetched
// (a kill at that moment leaves them), and a second run from that state
// revalidates those five with conditional requests.
func TestStateWrittenAsItGoes(t *testing.T) {
	srv := newPagedServer(t)
	srv.block.Store(5)
	dir := t.TempDir()
	o := testOptions()
	o.StateDir = dir
	o.Concurrency = 1
	c := New(o)
	ctx, cancel := context.WithCancel(context.Background())
	type result struct {
		docs  []*document.Document
		probs []document.Problem
	}
	done := make(chan result, 1)
	go func() {
		docs, probs := c.Documents(ctx, srv.urls(0, 10))
		done <- result{docs, probs}
	}()
	srv.waitReached(t)
	waitForState(t, dir, 5)
	killed := copyState(t, dir)
	cancel()
	res := <-done
	if len(res.docs) != 5 || len(res.probs) != 5 {
		t.Fatalf("cancelled run: %d documents, %d problems; want 5 and 5", len(res.docs), len(res.probs))
	}
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	if got := statePages(t, dir); got != 5 {
		t.Errorf("after the cancelled run the state holds %d pages, want 5", got)
	}

	srv.block.Store(-1)
	full := srv.full.Load()
	o.StateDir = killed
	c2 := New(o)
	docs, probs := c2.Documents(context.Background(), srv.urls(0, 10))
	if len(docs) != 10 || len(probs) != 0 {
		t.Fatalf("second run: %d documents, problems %v", len(docs), probs)
	}
	if err := c2.Close(); err != nil {
		t.Fatal(err)
	}
	if got, refetched := srv.notModified.Load(), srv.full.Load()-full; got != 5 || refetched != 5 {
		t.Errorf("second run: %d pages revalidated (304), %d fetched whole; want 5 and 5", got, refetched)
	}
}

// killChildEnv tells the test binary, run again by TestStateSurvivesKill,
// to be the run that gets killed: "dir\turl url …".
const killChildEnv = "CORROBORATE_FETCH_KILL_CHILD"

// TestStateSurvivesKill runs a batch of ten pages in a child process and
// kills it (SIGKILL, no chance to save) while the sixth page is in flight:
// the five pages fetched before must be in the state folder, and a second
// run on the same folder (its lock left by a dead process) revalidates
// them.
func TestStateSurvivesKill(t *testing.T) {
	if spec := os.Getenv(killChildEnv); spec != "" {
		dir, urls, _ := strings.Cut(spec, "\t")
		o := testOptions()
		o.StateDir = dir
		o.Concurrency = 1
		New(o).Documents(context.Background(), strings.Fields(urls))
		select {} // killed by the parent
	}
	if runtime.GOOS == "windows" || runtime.GOOS == "js" || runtime.GOOS == "wasip1" {
		t.Skip("needs a child process to kill")
	}
	srv := newPagedServer(t)
	srv.block.Store(5)
	dir := t.TempDir()
	child := exec.Command(os.Args[0], "-test.run=^TestStateSurvivesKill$")
	child.Env = append(os.Environ(), killChildEnv+"="+dir+"\t"+strings.Join(srv.urls(0, 10), " "))
	var stderr bytes.Buffer
	child.Stderr = &stderr
	if err := child.Start(); err != nil {
		t.Fatal(err)
	}
	killed := false
	t.Cleanup(func() {
		if !killed {
			child.Process.Kill()
			child.Wait()
		}
	})
	srv.waitReached(t)
	waitForState(t, dir, 5)
	if err := child.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	child.Wait()
	killed = true
	if got := statePages(t, dir); got != 5 {
		t.Fatalf("after the kill the state holds %d pages, want 5 (child stderr: %s)", got, stderr.String())
	}

	srv.block.Store(-1)
	full := srv.full.Load()
	o := testOptions()
	o.StateDir = dir
	o.StateWait = 2 * time.Second
	c := New(o)
	if err := c.StateError(); err != nil {
		t.Fatalf("state after the kill: %v", err)
	}
	docs, probs := c.Documents(context.Background(), srv.urls(0, 10))
	if len(docs) != 10 || len(probs) != 0 {
		t.Fatalf("second run: %d documents, problems %v", len(docs), probs)
	}
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	if got, refetched := srv.notModified.Load(), srv.full.Load()-full; got != 5 || refetched != 5 {
		t.Errorf("second run: %d pages revalidated (304), %d fetched whole; want 5 and 5", got, refetched)
	}
}

// TestSecondRunWaitsForTheStateFolder starts a second client on a state
// folder in use: it waits, says so, and starts once the first is closed,
// from the first one's pages; nothing either fetched is lost.
func TestSecondRunWaitsForTheStateFolder(t *testing.T) {
	srv := newPagedServer(t)
	dir := t.TempDir()
	o := testOptions()
	o.StateDir = dir
	a := New(o)
	if _, probs := a.Documents(context.Background(), srv.urls(0, 3)); len(probs) != 0 {
		t.Fatal(probs)
	}

	var notice bytes.Buffer
	ob := o
	ob.StateWait = 20 * time.Second
	ob.Progress = &notice
	started := make(chan *Client, 1)
	go func() { started <- New(ob) }()
	select {
	case <-started:
		t.Fatal("a second client started on a state folder in use")
	case <-time.After(500 * time.Millisecond):
	}
	if err := a.Close(); err != nil {
		t.Fatal(err)
	}
	var b *Client
	select {
	case b = <-started:
	case <-time.After(10 * time.Second):
		t.Fatal("the second client still waits after the first closed")
	}
	if err := b.StateError(); err != nil {
		t.Fatalf("second client: %v", err)
	}
	if msg := notice.String(); !strings.Contains(msg, dir) || !strings.Contains(msg, "waiting") {
		t.Errorf("waiting notice %q should name the folder %s and say it waits", msg, dir)
	}
	// Page 2 was fetched by the first client: the second revalidates it.
	fetchAndClose(t, b, srv.urls(2, 5))
	if got := srv.notModified.Load(); got != 1 {
		t.Errorf("second client: %d pages revalidated, want 1 (the first client's page 2)", got)
	}
	if got := statePages(t, dir); got != 5 {
		t.Errorf("state after both runs holds %d pages, want 5", got)
	}
}

// TestBusyStateFolderIsRefused: a second client that waited all of
// StateWait runs without the state folder, says why (naming it), and
// leaves the first client's state intact.
func TestBusyStateFolderIsRefused(t *testing.T) {
	srv := newPagedServer(t)
	dir := t.TempDir()
	o := testOptions()
	o.StateDir = dir
	a := New(o)

	ob := o
	ob.StateWait = 300 * time.Millisecond
	ob.Progress = &bytes.Buffer{}
	ob.Logger = slog.New(slog.NewTextHandler(&bytes.Buffer{}, nil))
	start := time.Now()
	b := New(ob)
	waited := time.Since(start)
	err := b.StateError()
	if !errors.Is(err, ErrStateBusy) || !strings.Contains(err.Error(), dir) {
		t.Fatalf("second client's StateError %v: want ErrStateBusy naming %s", err, dir)
	}
	if waited < 250*time.Millisecond || waited > 3*time.Second {
		t.Errorf("second client waited %s, want about 300ms", waited)
	}
	// The second client still fetches, without the state.
	if docs, probs := b.Documents(context.Background(), srv.urls(3, 5)); len(docs) != 2 || len(probs) != 0 {
		t.Fatalf("second client: %d documents, problems %v", len(docs), probs)
	}
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
	fetchAndClose(t, a, srv.urls(0, 3))
	if got := statePages(t, dir); got != 3 {
		t.Errorf("state holds %d pages, want the first client's 3", got)
	}
}

// TestSaveAfterCloseMergesWithDisk: a client used again after Close (its
// lock released) locks the folder for its next save and keeps what
// another client saved there meanwhile.
func TestSaveAfterCloseMergesWithDisk(t *testing.T) {
	srv := newPagedServer(t)
	dir := t.TempDir()
	o := testOptions()
	o.StateDir = dir
	a := New(o)
	fetchAndClose(t, a, srv.urls(0, 3))
	b := New(o)
	fetchAndClose(t, b, srv.urls(3, 5))
	fetchAndClose(t, a, srv.urls(5, 6))
	if got := statePages(t, dir); got != 6 {
		t.Errorf("state holds %d pages, want 6 (3 and 1 by the first client, 2 by the second)", got)
	}
	_, pages, err := readState(filepath.Join(dir, StateFile))
	if err != nil || len(pages) != 6 {
		t.Errorf("state holds the revisions of %d pages (%v), want 6", len(pages), err)
	}
}

// fetchAndClose fetches urls with c, failing the test on any problem, and
// closes c (which saves its state).
func fetchAndClose(t *testing.T, c *Client, urls []string) {
	t.Helper()
	if _, probs := c.Documents(context.Background(), urls); len(probs) != 0 {
		t.Fatal(probs)
	}
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
}
