package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/corroborate/corroborate/report"
)

// TestFetchTimeoutFlag: --fetch-timeout bounds a URL whose server drips
// its headers; the message names the URL and the budget, and the other
// URL of the run is analysed.
func TestFetchTimeoutFlag(t *testing.T) {
	srv := articleServer(t)
	drip := http.NewServeMux()
	drip.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		conn, buf, err := w.(http.Hijacker).Hijack()
		if err != nil {
			return
		}
		defer conn.Close()
		buf.WriteString("HTTP/1.1 200 OK\r\nX-Slow: ")
		buf.Flush()
		for {
			select {
			case <-r.Context().Done():
				return
			case <-time.After(200 * time.Millisecond):
			}
			if _, err := conn.Write([]byte("a")); err != nil {
				return
			}
		}
	})
	slowSrv := httptest.NewServer(drip)
	t.Cleanup(slowSrv.Close)
	slow := slowSrv.URL + "/slow"
	start := time.Now()
	out, stderr, err := runToFile(t, "analyze", slow, srv.URL+"/news/ferry", "--allow-private", "--fetch-timeout", "1s", "--format", "json")
	took := time.Since(start)
	// The slow URL is a failed input: the run says so in its exit status.
	if err == nil || !strings.Contains(err.Error(), "failed") {
		t.Errorf("exit error %v, want the report of a failed input\n%s", err, stderr)
	}
	// One second for the slow URL, the rest for the analysis of one page.
	if took > 10*time.Second {
		t.Errorf("the run took %s with --fetch-timeout 1s", took.Round(time.Millisecond))
	}
	var o report.Output
	if err := json.Unmarshal([]byte(out), &o); err != nil {
		t.Fatal(err)
	}
	if len(o.Documents) != 1 || !strings.Contains(o.Documents[0].Text, "ferry service") {
		t.Errorf("want the article that answered, got %d documents", len(o.Documents))
	}
	for _, want := range []string{slow, "1s", "--fetch-timeout"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr does not name %q:\n%s", want, stderr)
		}
	}
}
