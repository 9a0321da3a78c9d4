package main

import (
	"bytes"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/corroborate/corroborate/jobs/natsq/natstest"
	"github.com/corroborate/corroborate/store/postgres/pgtest"
)

// startWorker starts `corroborate worker` as a child process.
func startWorker(t *testing.T, args ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], append([]string{"worker", "--workers", "1"}, args...)...)
	cmd.Env = append(os.Environ(), childEnv+"=1")
	var logs bytes.Buffer
	cmd.Stderr = &logs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Signal(os.Interrupt)
		cmd.Wait()
		if t.Failed() {
			t.Logf("worker log:\n%s", logs.String())
		}
	})
	return cmd
}

// postFile uploads a file to serve and returns the story it joined.
func postFile(t *testing.T, base, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	fw, _ := mw.CreateFormFile("file", filepath.Base(path))
	fw.Write(data)
	mw.Close()
	resp, err := http.Post(base+"/api/v1/documents", mw.FormDataContentType(), &body)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("POST %s: %d %s", filepath.Base(path), resp.StatusCode, b)
	}
	var v struct{ Story string }
	json.Unmarshal(b, &v)
	return v.Story
}

func getBody(t *testing.T, url string) []byte {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %d %s", url, resp.StatusCode, b)
	}
	return b
}

// addAll posts the files one after the other and returns each story's
// account.
func addAll(t *testing.T, base string, files []string) map[string][]byte {
	t.Helper()
	accounts := map[string][]byte{}
	for _, f := range files {
		if s := postFile(t, base, f); s != "" {
			accounts[s] = nil
		}
	}
	for s := range accounts {
		accounts[s] = getBody(t, base+"/api/v1/stories/"+s)
	}
	return accounts
}

// TestDistributedMatchesEmbedded adds the five hashimi reports to the
// embedded serve and to a serve on PostgreSQL and NATS whose jobs run in
// two `corroborate worker` processes: the stories and accounts are the
// same.
func TestDistributedMatchesEmbedded(t *testing.T) {
	if testing.Short() {
		t.Skip("starts servers and workers")
	}
	corpus := filepath.Join("..", "..", "..", "shared", "corpus", "hashimi")
	files, _ := filepath.Glob(filepath.Join(corpus, "*.txt"))
	if len(files) == 0 {
		t.Skipf("the hashimi corpus is not at %s", corpus)
	}
	sort.Strings(files)
	nurl := natstest.URL(t)
	pg := pgtest.NewDatabase(t)
	name := natstest.Streams(t, nurl)

	emb := startServe(t, t.TempDir(), "--wait", "2m")
	defer func() { emb.cmd.Process.Signal(os.Interrupt); emb.cmd.Wait() }()
	start := time.Now()
	want := addAll(t, emb.base, files)
	embedded := time.Since(start)

	dist := []string{"--store", pg, "--queue", nurl, "--queue-name", name}
	srv := startServe(t, t.TempDir(), append([]string{"--wait", "2m", "--work=false"}, dist...)...)
	defer func() { srv.cmd.Process.Signal(os.Interrupt); srv.cmd.Wait() }()
	startWorker(t, dist...)
	startWorker(t, dist...)
	start = time.Now()
	got := addAll(t, srv.base, files)
	t.Logf("%d reports: embedded %v, serve + 2 workers %v", len(files), embedded.Round(time.Millisecond), time.Since(start).Round(time.Millisecond))
	if len(got) != len(want) {
		t.Fatalf("%d stories distributed, %d embedded", len(got), len(want))
	}
	for s, w := range want {
		if !bytes.Equal(got[s], w) {
			d := t.TempDir()
			os.WriteFile(filepath.Join(d, "embedded.json"), w, 0o644)
			os.WriteFile(filepath.Join(d, "distributed.json"), got[s], 0o644)
			t.Fatalf("story %s: the accounts differ (%d and %d bytes; see %s)\n%s", s, len(w), len(got[s]), d, srv.logs)
		}
	}
	// The story list is served from PostgreSQL.
	var stories struct {
		Stories []struct{ ID string } `json:"stories"`
	}
	json.Unmarshal(getBody(t, srv.base+"/api/v1/stories"), &stories)
	if len(stories.Stories) != len(want) {
		t.Fatalf("GET /api/v1/stories: %+v", stories)
	}
	m := getBody(t, srv.base+"/metrics")
	for _, line := range []string{"corroborate_queue_up 1", "corroborate_queue_pending 0", "corroborate_queue_in_flight 0", `corroborate_jobs{state="done"} 5`} {
		if !bytes.Contains(m, []byte(line+"\n")) {
			t.Errorf("/metrics lacks %q", line)
		}
	}
}

// TestServeAnswers503WhileNATSIsDown kills a NATS server of the test's
// own under a distributed serve: serve answers 503 naming NATS, and
// recovers by itself when NATS is back.
func TestServeAnswers503WhileNATSIsDown(t *testing.T) {
	if testing.Short() {
		t.Skip("starts servers")
	}
	natstest.URL(t)
	ns := natstest.Private(t)
	pg := pgtest.NewDatabase(t)
	srv := startServe(t, t.TempDir(), "--store", pg, "--queue", ns.URL(), "--work=false")
	defer func() { srv.cmd.Process.Signal(os.Interrupt); srv.cmd.Wait() }()
	status := func() (int, string) {
		resp, err := http.Get(srv.base + "/api/v1/stories")
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	waitFor := func(want int) string {
		deadline := time.Now().Add(20 * time.Second)
		for {
			code, body := status()
			if code == want {
				return body
			}
			if time.Now().After(deadline) {
				t.Fatalf("GET /api/v1/stories = %d %s, want %d", code, body, want)
			}
			time.Sleep(200 * time.Millisecond)
		}
	}
	waitFor(http.StatusOK)
	ns.Kill()
	if body := waitFor(http.StatusServiceUnavailable); !bytes.Contains([]byte(body), []byte("NATS")) {
		t.Fatalf("503 without naming NATS: %s", body)
	}
	ns.Start()
	waitFor(http.StatusOK)
}
