//go:build slow

package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/corroborate/corroborate/jobs/natsq/natstest"
	"github.com/corroborate/corroborate/store/postgres/pgtest"
)

// throughput posts n synthetic reports from 4 clients to serve (answered
// 202 at once) and returns reports per second, from the first POST to the
// last job done.
func throughput(t *testing.T, base string, n int) float64 {
	t.Helper()
	client := &http.Client{Timeout: time.Minute}
	jobs := make([]string, n)
	var wg sync.WaitGroup
	var mu sync.Mutex
	next := 0
	start := time.Now()
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				mu.Lock()
				i := next
				next++
				mu.Unlock()
				if i >= n {
					return
				}
				b, _ := json.Marshal(syntheticReport(i))
				resp, err := client.Post(base+"/api/v1/documents", "application/json", bytes.NewReader(b))
				if err != nil {
					t.Error(err)
					return
				}
				var v struct {
					Job any `json:"job"`
				}
				json.NewDecoder(resp.Body).Decode(&v)
				resp.Body.Close()
				if resp.StatusCode != http.StatusAccepted && resp.StatusCode != http.StatusCreated {
					t.Errorf("POST report %d: %d", i, resp.StatusCode)
					return
				}
				jobs[i] = fmt.Sprint(v.Job)
			}
		}()
	}
	wg.Wait()
	if t.Failed() {
		t.FailNow()
	}
	posted := time.Since(start)
	deadline := time.Now().Add(20 * time.Minute)
	for i, id := range jobs {
		for {
			resp, err := client.Get(base + "/api/v1/jobs/" + id)
			if err != nil {
				t.Fatal(err)
			}
			var j struct{ State string }
			json.NewDecoder(resp.Body).Decode(&j)
			resp.Body.Close()
			if j.State == "done" {
				break
			}
			if j.State == "failed" || j.State == "dead" || time.Now().After(deadline) {
				t.Fatalf("report %d's job %s: %s", i, id, j.State)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	el := time.Since(start)
	t.Logf("%d reports posted in %v, all done after %v", n, posted.Round(time.Millisecond), el.Round(time.Millisecond))
	return float64(n) / el.Seconds()
}

// latency posts m more reports one at a time, each waiting for its
// analysis (?wait=60: the answer comes once the story's account is
// committed), and returns the p50 and p99 of those times.
func latency(t *testing.T, base string, from, m int) (time.Duration, time.Duration) {
	t.Helper()
	client := &http.Client{Timeout: 2 * time.Minute}
	var ds []time.Duration
	for i := from; i < from+m; i++ {
		b, _ := json.Marshal(syntheticReport(i))
		start := time.Now()
		resp, err := client.Post(base+"/api/v1/documents?wait=60", "application/json", bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusCreated {
			t.Fatalf("POST report %d with wait: %d", i, resp.StatusCode)
		}
		ds = append(ds, time.Since(start))
	}
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	return ds[len(ds)/2], ds[(len(ds)*99)/100]
}

// rssKB returns a process's resident memory in kB (Linux), 0 when unknown.
func rssKB(pid int) int {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			n, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(rest), " kB"))
			return n
		}
	}
	return 0
}

// TestThroughputDistributedVsEmbedded compares the embedded serve with a
// serve on PostgreSQL and NATS whose jobs run in two workers, on the same
// synthetic reports ($CORROBORATE_THROUGHPUT_N, default 400).
func TestThroughputDistributedVsEmbedded(t *testing.T) {
	n := 400
	if v, err := strconv.Atoi(os.Getenv("CORROBORATE_THROUGHPUT_N")); err == nil && v > 0 {
		n = v
	}
	nurl := natstest.URL(t)
	pg := pgtest.NewDatabase(t)

	emb := startServe(t, t.TempDir(), "--wait", "0")
	embedded := throughput(t, emb.base, n)
	e50, e99 := latency(t, emb.base, n, 50)
	emb.cmd.Process.Signal(os.Interrupt)
	emb.cmd.Wait()

	dist := []string{"--store", pg, "--queue", nurl, "--queue-name", natstest.Streams(t, nurl)}
	srv := startServe(t, t.TempDir(), append([]string{"--wait", "0", "--work=false"}, dist...)...)
	defer func() { srv.cmd.Process.Signal(os.Interrupt); srv.cmd.Wait() }()
	workers := []*exec.Cmd{startWorker(t, dist...), startWorker(t, dist...)}
	time.Sleep(3 * time.Second) // the workers' start (models loaded)
	rss := func() string {
		return fmt.Sprintf("%d kB, %d kB", rssKB(workers[0].Process.Pid), rssKB(workers[1].Process.Pid))
	}
	before := rss()
	distributed := throughput(t, srv.base, n)
	d50, d99 := latency(t, srv.base, n, 50)
	t.Logf("workers' resident memory: %s before, %s after %d reports", before, rss(), n+50)
	t.Logf("POST to account committed, 50 reports one at a time: embedded p50 %v p99 %v; distributed p50 %v p99 %v",
		e50.Round(time.Millisecond), e99.Round(time.Millisecond), d50.Round(time.Millisecond), d99.Round(time.Millisecond))
	t.Logf("throughput on %d synthetic reports: embedded %.1f reports/s, serve + 2 workers (PostgreSQL, NATS) %.1f reports/s (%.0f%% of embedded)",
		n, embedded, distributed, 100*distributed/embedded)
	if distributed < embedded/10 {
		t.Fatalf("the distributed mode runs at under a tenth of the embedded one")
	}
}
