//go:build slow

package server_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/corroborate/corroborate/internal/shareddata"
	"github.com/corroborate/corroborate/server"
)

// loadRun runs clients goroutines calling fn for d and returns the
// latencies of the calls that succeeded and the number that failed.
func loadRun(clients int, d time.Duration, fn func(client, i int) error) ([]time.Duration, int) {
	var mu sync.Mutex
	var lat []time.Duration
	var failed atomic.Int64
	stop := time.Now().Add(d)
	var wg sync.WaitGroup
	for c := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var mine []time.Duration
			for i := 0; time.Now().Before(stop); i++ {
				t0 := time.Now()
				if err := fn(c, i); err != nil {
					failed.Add(1)
					continue
				}
				mine = append(mine, time.Since(t0))
			}
			mu.Lock()
			lat = append(lat, mine...)
			mu.Unlock()
		}()
	}
	wg.Wait()
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	return lat, int(failed.Load())
}

func pct(lat []time.Duration, p float64) time.Duration {
	if len(lat) == 0 {
		return 0
	}
	return lat[int(p*float64(len(lat)-1))]
}

// TestLoad is a bounded load test on loopback: 50 clients reading a
// story's account for 20 s, then 50 clients adding reports for 20 s.
// It prints requests/s and p50/p99 latency of each (and fails only on
// errors: the figures depend on the machine's load).
func TestLoad(t *testing.T) {
	dir := shareddata.Require(t, "corpus", "hashimi")
	paths, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	sort.Strings(paths)
	s := start(t, server.Config{Wait: -1})
	story := ""
	for _, p := range paths {
		data, _ := os.ReadFile(p)
		fields := map[string]string{}
		if story != "" {
			fields["story"] = story
		}
		ct, body := upload(t, filepath.Base(p), data, fields)
		var got posted
		s.do(t, "POST", "/api/v1/documents?wait=60", ct, body, &got)
		story = got.Story
	}
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64}, Timeout: 30 * time.Second}
	const clients, dur = 50, 20 * time.Second

	lat, failed := loadRun(clients, dur, func(_, _ int) error {
		// Asking for gzip explicitly keeps the client from decompressing:
		// the figures measure the server (as a browser would be served).
		req, _ := http.NewRequest("GET", s.URL+"/api/v1/stories/"+story, nil)
		req.Header.Set("Accept-Encoding", "gzip")
		resp, err := client.Do(req)
		if err != nil {
			return err
		}
		n, _ := io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || n < 1000 {
			return fmt.Errorf("GET story: %d, %d bytes", resp.StatusCode, n)
		}
		return nil
	})
	t.Logf("GET /api/v1/stories/{id}: %d clients × %v: %.0f req/s, p50 %v, p99 %v, %d failed",
		clients, dur, float64(len(lat))/dur.Seconds(), pct(lat, .5), pct(lat, .99), failed)
	if failed > 0 || len(lat) == 0 {
		t.Errorf("%d GETs failed", failed)
	}

	lat, failed = loadRun(clients, dur, func(c, i int) error {
		b, _ := json.Marshal(map[string]string{"title": fmt.Sprintf("Load report %d-%d", c, i),
			"text": fmt.Sprintf("Officials in Kelmar said on Monday that %d lorries had crossed the bridge by noon (report %d of client %d). Traffic was slow.", i+3, i, c)})
		resp, err := client.Post(s.URL+"/api/v1/documents?wait=0", "application/json", bytes.NewReader(b))
		if err != nil {
			return err
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 202 && resp.StatusCode != 201 {
			return fmt.Errorf("POST: %d", resp.StatusCode)
		}
		return nil
	})
	t.Logf("POST /api/v1/documents (queued, ?wait=0): %d clients × %v: %.0f req/s, p50 %v, p99 %v, %d failed",
		clients, dur, float64(len(lat))/dur.Seconds(), pct(lat, .5), pct(lat, .99), failed)
	if failed > 0 || len(lat) == 0 {
		t.Errorf("%d POSTs failed", failed)
	}
	c, _ := s.db.Counts(t.Context())
	t.Logf("after the POST phase: %d documents analysed, jobs %v", c.Documents, c.Jobs)
}
