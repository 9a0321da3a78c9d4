package fetch

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// testOptions are fast, permissive options for loopback test servers.
func testOptions() Options {
	return Options{AllowPrivate: true, RatePerHost: 1000, RetryBase: time.Millisecond, Timeout: 5 * time.Second}
}

const storyHTML = `<!DOCTYPE html><html><head><title>Dam opens</title>
<link rel="canonical" href="/news/dam-opens?utm_source=feed"></head>
<body><article><p>The new dam opened on Monday.</p></article></body></html>`

func newsServer(t *testing.T) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	var hits atomic.Int32
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		// Our own group applies, not the star group that bars everyone.
		fmt.Fprint(w, "User-agent: *\nDisallow: /\n\nUser-agent: Corroborate\nDisallow: /no-corroborate/\nDisallow: /private/\n")
	})
	mux.HandleFunc("/story", func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		if !strings.HasPrefix(r.UserAgent(), "Corroborate/0.1 (+") {
			http.Error(w, "who are you", http.StatusForbidden)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, storyHTML)
	})
	mux.HandleFunc("/plain", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		fmt.Fprint(w, "A plain report of the dam opening.")
	})
	mux.HandleFunc("/logo.png", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		w.Write([]byte("\x89PNG\r\n\x1a\n"))
	})
	mux.HandleFunc("/private/memo", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "secret") })
	mux.HandleFunc("/no-corroborate/x", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "x") })
	mux.HandleFunc("/missing", http.NotFound)
	mux.HandleFunc("/hop/", func(w http.ResponseWriter, r *http.Request) {
		var n int
		fmt.Sscanf(strings.TrimPrefix(r.URL.Path, "/hop/"), "%d", &n)
		if n == 0 {
			http.Redirect(w, r, "/story", http.StatusFound)
			return
		}
		http.Redirect(w, r, fmt.Sprintf("/hop/%d", n-1), http.StatusMovedPermanently)
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(3 * time.Second):
		case <-r.Context().Done():
		}
	})
	mux.HandleFunc("/huge", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		chunk := bytes.Repeat([]byte("<p>padding</p>\n"), 1000)
		for i := 0; i < 200; i++ {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	})
	mux.HandleFunc("/bomb", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Encoding", "gzip")
		zw := gzip.NewWriter(w)
		zw.Write(bytes.Repeat([]byte("a"), 4<<20))
		zw.Close()
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv, &hits
}

func TestFetchRules(t *testing.T) {
	srv, _ := newsServer(t)
	cases := []struct {
		name    string
		path    string
		opts    func(*Options)
		err     error  // kind, or nil for success
		errText string // substring of the error
	}{
		{"page", "/story", nil, nil, ""},
		{"plain text", "/plain", nil, nil, ""},
		{"five redirects are followed", "/hop/4", nil, nil, ""},
		{"six redirects are too many", "/hop/5", nil, nil, "stopped after 5 redirects"},
		{"image refused", "/logo.png", nil, ErrContentType, `"image/png"`},
		{"404", "/missing", nil, ErrStatus, "404"},
		{"robots.txt own group", "/private/memo", nil, ErrDisallowed, "robots.txt"},
		{"robots.txt second rule", "/no-corroborate/x", nil, ErrDisallowed, ""},
		{"robots ignored on request", "/private/memo", func(o *Options) { o.IgnoreRobots = true }, nil, ""},
		{"timeout", "/slow", func(o *Options) { o.Timeout = 200 * time.Millisecond }, nil, "timed out (limit 200ms)"},
		{"size cap", "/huge", func(o *Options) { o.MaxBytes = 1 << 20 }, ErrTooLarge, "over the 1048576-byte limit"},
		{"gzip bomb", "/bomb", func(o *Options) { o.MaxBytes = 1 << 20 }, ErrTooLarge, "decompressed body"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			o := testOptions()
			if tc.opts != nil {
				tc.opts(&o)
			}
			start := time.Now()
			page, err := New(o).Fetch(context.Background(), srv.URL+tc.path)
			if tc.err == nil && tc.errText == "" {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				if len(page.Body) == 0 || page.Status != 200 {
					t.Errorf("page: status %d, %d bytes", page.Status, len(page.Body))
				}
				return
			}
			if err == nil {
				t.Fatalf("no error, want %v %q", tc.err, tc.errText)
			}
			if tc.err != nil && !errors.Is(err, tc.err) {
				t.Errorf("error %v is not %v", err, tc.err)
			}
			if !strings.Contains(err.Error(), tc.errText) {
				t.Errorf("error %q should contain %q", err, tc.errText)
			}
			if d := time.Since(start); d > 2*time.Second {
				t.Errorf("took %s", d)
			}
		})
	}
}

func TestFetchRefusesPrivateAddresses(t *testing.T) {
	srv, hits := newsServer(t)
	// Without AllowPrivate a loopback server is refused outright …
	_, err := New(Options{}).Fetch(context.Background(), srv.URL+"/story")
	if !errors.Is(err, ErrPrivateAddress) {
		t.Fatalf("fetching a loopback address: %v, want ErrPrivateAddress", err)
	}
	// … and so is a redirect from an admitted server to another loopback
	// address: the check runs on every connection, after resolution.
	front := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		http.Redirect(w, r, srv.URL+"/story", http.StatusFound)
	}))
	defer front.Close()
	c := New(Options{RetryBase: time.Millisecond})
	c.allowAddr = map[string]bool{front.Listener.Addr().String(): true}
	_, err = c.Fetch(context.Background(), front.URL+"/go")
	if !errors.Is(err, ErrPrivateAddress) {
		t.Fatalf("redirect to a private address: %v, want ErrPrivateAddress", err)
	}
	if hits.Load() != 0 {
		t.Errorf("the private server was reached %d times", hits.Load())
	}
	if !strings.Contains(err.Error(), "127.0.0.1") {
		t.Errorf("error should name the address: %v", err)
	}
}

func TestFetchConditionalGet(t *testing.T) {
	var full, notModified atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Last-Modified", "Mon, 06 Jul 2020 21:00:00 GMT")
		if r.Header.Get("If-None-Match") == `"v1"` {
			notModified.Add(1)
			w.WriteHeader(http.StatusNotModified)
			return
		}
		full.Add(1)
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, storyHTML)
	}))
	defer srv.Close()
	c := New(testOptions())
	first, err := c.Fetch(context.Background(), srv.URL+"/a")
	if err != nil {
		t.Fatal(err)
	}
	second, err := c.Fetch(context.Background(), srv.URL+"/a")
	if err != nil {
		t.Fatal(err)
	}
	if first.NotModified || !second.NotModified || !bytes.Equal(first.Body, second.Body) {
		t.Errorf("first NotModified=%v, second NotModified=%v, same body %v", first.NotModified, second.NotModified, bytes.Equal(first.Body, second.Body))
	}
	if full.Load() != 1 || notModified.Load() != 1 {
		t.Errorf("server sent %d full answers and %d 304s, want 1 and 1", full.Load(), notModified.Load())
	}
	// The validators survive a restart through the state folder.
	o := testOptions()
	o.StateDir = t.TempDir()
	c1 := New(o)
	if _, err := c1.Fetch(context.Background(), srv.URL+"/a"); err != nil {
		t.Fatal(err)
	}
	if err := c1.Close(); err != nil {
		t.Fatal(err)
	}
	c2 := New(o)
	third, err := c2.Fetch(context.Background(), srv.URL+"/a")
	if err != nil || !third.NotModified || !bytes.Equal(third.Body, first.Body) {
		t.Errorf("after reload: err %v, NotModified %v", err, third != nil && third.NotModified)
	}
}

func TestFetchRetries(t *testing.T) {
	cases := []struct {
		name      string
		failures  int32
		status    int
		retries   int
		wantErr   string
		wantCalls int32
	}{
		{"503 twice then ok", 2, http.StatusServiceUnavailable, 3, "", 3},
		{"429 once then ok", 1, http.StatusTooManyRequests, 3, "", 2},
		{"503 forever", 100, http.StatusServiceUnavailable, 3, "gave up after 4 attempts", 4},
		{"no retries", 100, http.StatusBadGateway, -1, "502", 1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var calls atomic.Int32
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if r.URL.Path == "/robots.txt" {
					http.NotFound(w, r)
					return
				}
				if calls.Add(1) <= tc.failures {
					w.Header().Set("Retry-After", "0")
					w.WriteHeader(tc.status)
					return
				}
				w.Header().Set("Content-Type", "text/plain")
				fmt.Fprint(w, "finally")
			}))
			defer srv.Close()
			o := testOptions()
			o.MaxRetries = tc.retries
			_, err := New(o).Fetch(context.Background(), srv.URL+"/x")
			if tc.wantErr == "" && err != nil {
				t.Errorf("unexpected error %v", err)
			}
			if tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)) {
				t.Errorf("error %v, want %q", err, tc.wantErr)
			}
			if calls.Load() != tc.wantCalls {
				t.Errorf("%d calls, want %d", calls.Load(), tc.wantCalls)
			}
		})
	}
}

func TestFetchRateLimitPerHost(t *testing.T) {
	srv, _ := newsServer(t)
	o := testOptions()
	o.RatePerHost = 20 // one request per 50 ms
	c := New(o)
	start := time.Now()
	docs, probs := c.Documents(context.Background(), []string{srv.URL + "/story", srv.URL + "/plain", srv.URL + "/story?x=1", srv.URL + "/plain?y=2"})
	if len(docs) != 4 || len(probs) != 0 {
		t.Fatalf("docs %d problems %v", len(docs), probs)
	}
	if d := time.Since(start); d < 150*time.Millisecond {
		t.Errorf("4 requests at 20/s took %s, want ≥150ms", d)
	}
}

func TestDocuments(t *testing.T) {
	srv, _ := newsServer(t)
	urls := []string{srv.URL + "/story?utm_medium=social", srv.URL + "/missing", srv.URL + "/plain#frag", "ftp://example.org/x"}
	docs, probs := New(testOptions()).Documents(context.Background(), urls)
	if len(docs) != 2 || len(probs) != 2 {
		t.Fatalf("docs %d, problems %v", len(docs), probs)
	}
	d := docs[0]
	if d.Source != urls[0] || d.URL != srv.URL+"/news/dam-opens" || d.Format != "html" || !strings.Contains(d.Raw, "The new dam opened") {
		t.Errorf("html doc: source %q url %q format %q", d.Source, d.URL, d.Format)
	}
	if want := "127.0.0.1_news_dam-opens"; d.ID != want {
		t.Errorf("ID = %q, want %q", d.ID, want)
	}
	if p := docs[1]; p.Format != "text" || p.URL != srv.URL+"/plain" {
		t.Errorf("text doc: format %q url %q", p.Format, p.URL)
	}
	if probs[0].Source != urls[1] || !strings.Contains(probs[0].Error(), "404") || probs[1].Source != urls[3] {
		t.Errorf("problems %v", probs)
	}
}

func TestRevisions(t *testing.T) {
	var version atomic.Int32
	version.Store(1)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/plain")
		if version.Load() == 1 {
			fmt.Fprint(w, "Dam opens.\n\nOfficials said two people were hurt.")
			return
		}
		fmt.Fprint(w, "Dam opens.\n\nOfficials said three people were hurt.\n\nAn inquiry begins.")
	}))
	defer srv.Close()
	c := New(testOptions())
	first, _ := c.Documents(context.Background(), []string{srv.URL + "/d"})
	again, _ := c.Documents(context.Background(), []string{srv.URL + "/d"})
	version.Store(2)
	changed, _ := c.Documents(context.Background(), []string{srv.URL + "/d"})
	if len(first) != 1 || len(again) != 1 || len(changed) != 1 {
		t.Fatal("fetches failed")
	}
	revs := c.History().Revisions(first[0].URL)
	if len(revs) != 2 || revs[1].N != 2 || changed[0].ID != first[0].ID+"-r2" || again[0].ID != first[0].ID {
		t.Fatalf("revisions %d, ids %q %q %q", len(revs), first[0].ID, again[0].ID, changed[0].ID)
	}
	var ops []string
	for _, ch := range DiffParagraphs(revs[0].Text, revs[1].Text) {
		ops = append(ops, string(ch.Op))
	}
	if strings.Join(ops, "") != "=-++" {
		t.Errorf("diff ops %v", ops)
	}
}

func TestFeedDocuments(t *testing.T) {
	srv, _ := newsServer(t)
	rss := `<?xml version="1.0"?><rss version="2.0"><channel><title>Example wire</title>
<item><title>Dam opens</title><link>/story?utm_source=rss</link><pubDate>Mon, 06 Jul 2020 21:00:00 GMT</pubDate><author>desk@example.org (Wire Desk)</author></item>
<item><title>Plain</title><link>` + srv.URL + `/plain</link></item>
<item><title>Again</title><link>/story?utm_source=rss#c</link></item>
<item><title>Gone</title><link>/missing</link></item>
</channel></rss>`
	feedSrv := http.NewServeMux()
	feedSrv.HandleFunc("/robots.txt", http.NotFound)
	feedSrv.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, strings.ReplaceAll(rss, "<link>/", "<link>"+srv.URL+"/"))
	})
	fs := httptest.NewServer(feedSrv)
	defer fs.Close()
	c := New(testOptions())
	links, err := c.Feed(context.Background(), fs.URL+"/feed.xml")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{srv.URL + "/story", srv.URL + "/plain", srv.URL + "/missing"}
	if strings.Join(links, " ") != strings.Join(want, " ") {
		t.Errorf("links %v, want %v", links, want)
	}
	docs, probs := c.FeedDocuments(context.Background(), fs.URL+"/feed.xml")
	if len(docs) != 2 || len(probs) != 1 {
		t.Fatalf("docs %d problems %v", len(docs), probs)
	}
	if docs[0].Title != "Dam opens" || docs[0].Published.Value != "2020-07-06T21:00" || docs[0].Published.Source != "feed" {
		t.Errorf("feed metadata not applied: %q %+v", docs[0].Title, docs[0].Published)
	}
	_, probs = c.FeedDocuments(context.Background(), srv.URL+"/plain")
	if len(probs) != 1 || !strings.Contains(probs[0].Error(), "reading feed") {
		t.Errorf("not a feed: %v", probs)
	}
}

func TestFetchPerHostConcurrency(t *testing.T) {
	var inFlight, peak atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		n := inFlight.Add(1)
		defer inFlight.Add(-1)
		for {
			p := peak.Load()
			if n <= p || peak.CompareAndSwap(p, n) {
				break
			}
		}
		time.Sleep(30 * time.Millisecond)
		w.Header().Set("Content-Type", "text/plain")
		fmt.Fprint(w, "report ", r.URL.Path)
	}))
	defer srv.Close()
	o := testOptions()
	o.Concurrency, o.PerHost = 8, 2
	var urls []string
	for i := 0; i < 8; i++ {
		urls = append(urls, fmt.Sprintf("%s/p%d", srv.URL, i))
	}
	docs, probs := New(o).Documents(context.Background(), urls)
	if len(docs) != 8 || len(probs) != 0 {
		t.Fatalf("docs %d, problems %v", len(docs), probs)
	}
	if p := peak.Load(); p > 2 || p < 1 {
		t.Errorf("peak requests in flight to one host = %d, want ≤ 2", p)
	}
	for i, d := range docs {
		if !strings.HasSuffix(d.Raw, fmt.Sprintf("/p%d", i)) {
			t.Errorf("document %d out of order: %q", i, d.Raw)
		}
	}
}

func TestProgressBarOnlyWhenAsked(t *testing.T) {
	srv, _ := newsServer(t)
	var bar bytes.Buffer
	o := testOptions()
	o.Progress = &bar
	docs, _ := New(o).Documents(context.Background(), []string{srv.URL + "/story", srv.URL + "/plain"})
	if len(docs) != 2 || !strings.Contains(bar.String(), "fetching") {
		t.Errorf("docs %d, progress output %q", len(docs), bar.String())
	}
}

func TestRobotsRedirectLoopDoesNotHang(t *testing.T) {
	var a, b *httptest.Server
	a = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.Redirect(w, r, b.URL+"/robots.txt", http.StatusFound)
			return
		}
		http.Redirect(w, r, b.URL+"/page", http.StatusFound)
	}))
	defer a.Close()
	b = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.Redirect(w, r, a.URL+"/robots.txt", http.StatusFound)
			return
		}
		w.Header().Set("Content-Type", "text/plain")
		fmt.Fprint(w, "reached")
	}))
	defer b.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	page, err := New(testOptions()).Fetch(ctx, a.URL+"/start")
	if err != nil || string(page.Body) != "reached" {
		t.Fatalf("err %v", err)
	}
}
