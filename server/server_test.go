package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/corroborate/corroborate/analysis"
	"github.com/corroborate/corroborate/engine"
	"github.com/corroborate/corroborate/feeds"
	"github.com/corroborate/corroborate/fetch"
	"github.com/corroborate/corroborate/internal/shareddata"
	"github.com/corroborate/corroborate/jobs"
	"github.com/corroborate/corroborate/report/jsonout"
	"github.com/corroborate/corroborate/server"
	"github.com/corroborate/corroborate/store/sqlite"
)

const gen = "corroborate test"

// service is a running service on a store in a temporary folder.
type service struct {
	*httptest.Server
	db  *sqlite.DB
	srv *server.Server
	q   *jobs.Local
}

func start(t *testing.T, cfg server.Config) *service {
	t.Helper()
	return startWith(t, cfg, analysis.Options{Workers: 1})
}

func startWith(t *testing.T, cfg server.Config, ao analysis.Options) *service {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	db, err := sqlite.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	svc := &service{db: db}
	e, err := engine.New(ctx, db, engine.Options{Generator: gen, Analysis: ao,
		OnAccount: func(id string) { svc.srv.Invalidate(id) }})
	if err != nil {
		t.Fatal(err)
	}
	q := jobs.NewLocal(db)
	svc.q = q
	cfg.Store, cfg.Queue, cfg.Generator = db, q, gen
	if svc.srv, err = server.New(cfg); err != nil {
		t.Fatal(err)
	}
	done := make(chan error)
	go func() { done <- q.Run(ctx, e.Handle) }()
	svc.Server = httptest.NewServer(svc.srv)
	t.Cleanup(func() {
		svc.Close()
		cancel()
		<-done
		db.Close()
	})
	return svc
}

// do sends a request and decodes a JSON answer into out (when not nil).
func (s *service) do(t *testing.T, method, path, ctype string, body io.Reader, out any, header ...string) *http.Response {
	t.Helper()
	req, err := http.NewRequest(method, s.URL+path, body)
	if err != nil {
		t.Fatal(err)
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if out != nil {
		if err := json.Unmarshal(b, out); err != nil {
			t.Fatalf("%s %s: %d %q: %v", method, path, resp.StatusCode, b, err)
		}
	}
	resp.Body = io.NopCloser(bytes.NewReader(b))
	return resp
}

func upload(t *testing.T, name string, data []byte, fields map[string]string) (string, io.Reader) {
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	for k, v := range fields {
		mw.WriteField(k, v)
	}
	fw, err := mw.CreateFormFile("file", name)
	if err != nil {
		t.Fatal(err)
	}
	fw.Write(data)
	mw.Close()
	return mw.FormDataContentType(), &b
}

type posted struct {
	ID        string `json:"id"`
	Story     string `json:"story"`
	Job       string `json:"job"`
	Duplicate bool   `json:"duplicate"`
	Revision  bool   `json:"revision"`
	Error     string `json:"error"`
}

func TestAPIHashimi(t *testing.T) {
	dir := shareddata.Require(t, "corpus", "hashimi")
	paths, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	sort.Strings(paths)
	if len(paths) != 5 {
		t.Fatalf("hashimi corpus holds %d reports", len(paths))
	}
	s := start(t, server.Config{})
	story := ""
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		fields := map[string]string{}
		if story != "" {
			fields["story"] = story // the clusterer alone keeps one report apart
		}
		ct, body := upload(t, filepath.Base(p), data, fields)
		var got posted
		resp := s.do(t, "POST", "/api/v1/documents", ct, body, &got)
		if resp.StatusCode != http.StatusCreated || got.ID == "" || got.Story == "" {
			t.Fatalf("POST %s: %d %+v", filepath.Base(p), resp.StatusCode, got)
		}
		story = got.Story
	}
	var list struct {
		Stories []struct {
			ID      string `json:"id"`
			Title   string `json:"title"`
			Reports int    `json:"reports"`
		} `json:"stories"`
	}
	s.do(t, "GET", "/api/v1/stories", "", nil, &list)
	if len(list.Stories) != 1 || list.Stories[0].ID != story || list.Stories[0].Reports != 5 || list.Stories[0].Title == "" {
		t.Fatalf("stories = %+v, want one of 5 reports", list)
	}
	// The account is analyze's for the same reports.
	resp := s.do(t, "GET", "/api/v1/stories/"+story, "", nil, nil)
	got, _ := io.ReadAll(resp.Body)
	opts := analysis.Options{SourceNames: map[string]string{}, Workers: 1}
	for _, p := range paths {
		opts.SourceNames[p] = filepath.Base(p)
	}
	as, err := analysis.Analyze(context.Background(), paths, opts)
	if err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	jsonout.Write(&want, as, gen)
	if !bytes.Equal(got, want.Bytes()) {
		t.Fatalf("GET story: %d bytes differ from analyze's %d", len(got), want.Len())
	}
	for _, q := range []string{"Hashimi", "Kataib Hezbollah", "assassination Baghdad"} {
		var res struct {
			Hits []struct {
				Kind, ID string
				StoryID  string `json:"story"`
			} `json:"hits"`
		}
		s.do(t, "GET", "/api/v1/search?q="+strings.ReplaceAll(q, " ", "+"), "", nil, &res)
		if len(res.Hits) == 0 {
			t.Errorf("search %q found nothing", q)
		}
		for _, h := range res.Hits {
			if h.StoryID != story {
				t.Errorf("search %q: hit %+v outside the story", q, h)
			}
		}
	}
	var filtered struct{ Stories []any }
	s.do(t, "GET", "/api/v1/stories?q=hashimi&limit=5&since=2020-01-01", "", nil, &filtered)
	if len(filtered.Stories) != 1 {
		t.Errorf("stories?q=hashimi = %+v", filtered)
	}
	s.do(t, "GET", "/api/v1/stories?q=volcano", "", nil, &filtered)
	if len(filtered.Stories) != 0 {
		t.Errorf("stories?q=volcano = %+v", filtered)
	}
	// The HTML report and the timeline.
	resp = s.do(t, "GET", "/api/v1/stories/"+story+".html", "", nil, nil)
	page, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 || !bytes.Contains(page, []byte("<html")) || !strings.Contains(resp.Header.Get("Content-Security-Policy"), "script-src 'sha256-") {
		t.Errorf("story .html: %d, CSP %q", resp.StatusCode, resp.Header.Get("Content-Security-Policy"))
	}
	var tl map[string]any
	if resp := s.do(t, "GET", "/api/v1/stories/"+story+"/timelinejs", "", nil, &tl); resp.StatusCode != 200 || tl["events"] == nil {
		t.Errorf("timelinejs: %d %v", resp.StatusCode, tl)
	}
	// The same report again is recognised.
	data, _ := os.ReadFile(paths[2])
	ct, body := upload(t, filepath.Base(paths[2]), data, nil)
	var again posted
	if resp := s.do(t, "POST", "/api/v1/documents", ct, body, &again); resp.StatusCode != 200 || !again.Duplicate || again.Story != story {
		t.Errorf("resubmitting: %d %+v", resp.StatusCode, again)
	}
	// The web pages.
	for _, p := range []string{"/", "/?q=hashimi", "/stories/" + story} {
		resp := s.do(t, "GET", p, "", nil, nil)
		b, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != 200 || !strings.Contains(resp.Header.Get("Content-Security-Policy"), "script-src 'self'") || !bytes.Contains(b, []byte("al-Hash")) {
			t.Errorf("GET %s: %d, CSP %q", p, resp.StatusCode, resp.Header.Get("Content-Security-Policy"))
		}
	}
}

func TestRevisionsAndJobs(t *testing.T) {
	s := start(t, server.Config{})
	post := func(html string, wait string) (*http.Response, posted) {
		b, _ := json.Marshal(map[string]string{"html": html, "url": "https://example.org/news/fire"})
		var p posted
		return s.do(t, "POST", "/api/v1/documents?wait="+wait, "application/json", bytes.NewReader(b), &p), p
	}
	v1 := `<html><head><title>Fire at the port</title></head><body><article><h1>Fire at the port</h1><p>A fire broke out at the port of Basra on Monday, officials said. Two workers were hurt.</p><p>The cause is not known.</p></article></body></html>`
	v2 := strings.Replace(v1, "Two workers were hurt.", "Three workers were hurt, one badly.", 1)
	resp, a := post(v1, "30")
	if resp.StatusCode != 201 {
		t.Fatalf("first version: %d %+v", resp.StatusCode, a)
	}
	// Queued without waiting: 202 and a job to follow.
	resp, _ = post(v2, "0")
	var accepted struct {
		Job   string            `json:"job"`
		Links map[string]string `json:"links"`
	}
	json.NewDecoder(resp.Body).Decode(&accepted)
	if resp.StatusCode != 202 || accepted.Job == "" {
		t.Fatalf("second version: %d %+v", resp.StatusCode, accepted)
	}
	var job struct {
		State  string         `json:"state"`
		Result *engine.Result `json:"result"`
	}
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		s.do(t, "GET", "/api/v1/jobs/"+accepted.Job, "", nil, &job)
		if job.State == "done" || job.State == "failed" || time.Now().After(deadline) {
			break
		}
	}
	if job.State != "done" || job.Result.ID != a.ID || !job.Result.Revision || job.Result.Story != a.Story {
		t.Fatalf("job = %+v (%+v), want a revision of %s", job, job.Result, a.ID)
	}
	var doc struct {
		ID        string `json:"id"`
		Text      string `json:"text"`
		Revisions []struct {
			SHA256 string `json:"sha256"`
		} `json:"revisions"`
	}
	s.do(t, "GET", "/api/v1/documents/"+a.ID, "", nil, &doc)
	if len(doc.Revisions) != 2 || !strings.Contains(doc.Text, "Three workers") {
		t.Fatalf("document = %+v, want two revisions and the new text", doc)
	}
	resp = s.do(t, "GET", "/api/v1/documents/"+a.ID+"/raw?rev="+doc.Revisions[0].SHA256, "", nil, nil)
	if raw, _ := io.ReadAll(resp.Body); string(raw) != v1 || !strings.Contains(resp.Header.Get("Content-Security-Policy"), "sandbox") {
		t.Fatalf("first revision's bytes: %q", raw)
	}
	var acc struct {
		Documents []struct{ Text string } `json:"documents"`
	}
	s.do(t, "GET", "/api/v1/stories/"+a.Story, "", nil, &acc)
	if len(acc.Documents) != 1 || !strings.Contains(acc.Documents[0].Text, "Three workers") {
		t.Fatalf("account after the revision: %+v", acc)
	}
	var hits struct{ Hits []any }
	s.do(t, "GET", "/api/v1/search?q=badly", "", nil, &hits)
	if len(hits.Hits) == 0 {
		t.Errorf("the new revision's text is not searchable")
	}
	// A report that cannot be read fails its job with a reason.
	var bad posted
	if resp := s.do(t, "POST", "/api/v1/documents", "application/json", strings.NewReader(`{"text":"   "}`), &bad); resp.StatusCode != 400 {
		t.Errorf("blank text: %d %+v", resp.StatusCode, bad)
	}
	if resp := s.do(t, "POST", "/api/v1/documents", "application/json", strings.NewReader(`{"text":"Hello.","story":"s999"}`), &bad); resp.StatusCode != 422 || !strings.Contains(bad.Error, "s999") {
		t.Errorf("unknown story: %d %+v", resp.StatusCode, bad)
	}
	var m bytes.Buffer
	resp = s.do(t, "GET", "/metrics", "", nil, nil)
	io.Copy(&m, resp.Body)
	for _, want := range []string{"corroborate_documents 1", `corroborate_jobs{state="done"} 2`, `corroborate_http_requests_total{code="201",route="post_document"} 1`} {
		if !strings.Contains(m.String(), want) {
			t.Errorf("metrics lack %q", want)
		}
	}
}

func TestSafety(t *testing.T) {
	s := start(t, server.Config{Token: "sekrit", MaxBody: 1 << 10, Rate: 5})
	body := `{"text":"Floods hit the north.","title":"Floods"}`
	resp := s.do(t, "POST", "/api/v1/documents", "application/json", strings.NewReader(body), nil)
	if resp.StatusCode != 401 {
		t.Errorf("write without token: %d", resp.StatusCode)
	}
	resp = s.do(t, "POST", "/api/v1/documents", "application/json", strings.NewReader(body), nil, "Authorization", "Bearer wrong")
	if resp.StatusCode != 401 {
		t.Errorf("write with a wrong token: %d", resp.StatusCode)
	}
	resp = s.do(t, "POST", "/api/v1/documents", "application/json", strings.NewReader(body), nil, "Authorization", "Bearer sekrit")
	if resp.StatusCode != 201 {
		b, _ := io.ReadAll(resp.Body)
		t.Errorf("write with the token: %d %s", resp.StatusCode, b)
	}
	big := fmt.Sprintf(`{"text":%q}`, strings.Repeat("word ", 1000))
	resp = s.do(t, "POST", "/api/v1/documents", "application/json", strings.NewReader(big), nil, "Authorization", "Bearer sekrit")
	if resp.StatusCode != 413 {
		t.Errorf("body over the limit: %d", resp.StatusCode)
	}
	// A form without its CSRF token is refused.
	resp = s.do(t, "POST", "/add", "application/x-www-form-urlencoded", strings.NewReader("text=hello&token=sekrit"), nil)
	if resp.StatusCode != 403 {
		t.Errorf("form without CSRF token: %d", resp.StatusCode)
	}
	// Errors carry no internals.
	resp = s.do(t, "GET", "/api/v1/stories/s404", "", nil, nil)
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 404 || strings.Contains(string(b), "sql") || strings.Contains(string(b), ".go") {
		t.Errorf("missing story: %d %s", resp.StatusCode, b)
	}
	// The rate limit: bursts of 10 at 5/s.
	limited := 0
	for range 30 {
		if s.do(t, "GET", "/healthz", "", nil, nil).StatusCode == 429 {
			limited++
		}
	}
	if limited == 0 {
		t.Errorf("30 quick requests were never limited")
	}
}

// TestFetchByURL: {"url"} alone fetches the page, under analyze's rules:
// a private address is refused unless allowed.
func TestFetchByURL(t *testing.T) {
	page := `<html><head><title>Bridge reopens in Kelmar</title></head><body><article><h1>Bridge reopens in Kelmar</h1>
<p>The old bridge over the Varna reopened on Friday after two years of repairs, the city council said.</p>
<p>"It is a good day for the whole valley," said Mayor Alina Dorescu at the ceremony.</p></article></body></html>`
	site := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/news/bridge" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, page)
	}))
	defer site.Close()
	body := `{"url":"` + site.URL + `/news/bridge"}`

	closed := start(t, server.Config{})
	var refused posted
	if resp := closed.do(t, "POST", "/api/v1/documents", "application/json", strings.NewReader(body), &refused); resp.StatusCode != 422 || refused.Error == "" {
		t.Errorf("fetching a loopback address by default: %d %+v, want 422 with the reason", resp.StatusCode, refused)
	}

	open := startWith(t, server.Config{}, analysis.Options{Workers: 1, AllowPrivate: true})
	var got posted
	if resp := open.do(t, "POST", "/api/v1/documents", "application/json", strings.NewReader(body), &got); resp.StatusCode != 201 || got.Story == "" {
		t.Fatalf("fetching with --allow-private: %d %+v", resp.StatusCode, got)
	}
	var doc struct {
		URL  string `json:"url"`
		Text string `json:"text"`
	}
	open.do(t, "GET", "/api/v1/documents/"+got.ID, "", nil, &doc)
	if doc.URL != site.URL+"/news/bridge" || !strings.Contains(doc.Text, "good day for the whole valley") {
		t.Errorf("fetched document %+v", doc)
	}
	var again posted
	if resp := open.do(t, "POST", "/api/v1/documents", "application/json", strings.NewReader(body), &again); resp.StatusCode != 200 || !again.Duplicate || again.ID != got.ID {
		t.Errorf("fetching the unchanged page again: %d %+v, want the same document", resp.StatusCode, again)
	}
}

// TestFeeds: a feed added through the API is polled; its article becomes
// a report in a story; polling again changes nothing until the page
// changes, which makes a new revision.
func TestFeeds(t *testing.T) {
	article := `<html><head><title>Ferry service resumes on the Varna</title></head><body><article><h1>Ferry service resumes on the Varna</h1>
<p>The ferry between Kelmar and Ostrava resumed on Thursday after the floods, the operator said.</p>
<p>"Boats will run every hour," said the harbour master, Ivo Renko.</p></article></body></html>`
	var mu sync.Mutex
	site := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		switch r.URL.Path {
		case "/rss.xml":
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Valley News</title><link>http://%s/</link>
<item><title>Ferry service resumes on the Varna</title><link>http://%s/news/ferry</link><pubDate>Thu, 13 Mar 2031 09:00:00 GMT</pubDate></item>
</channel></rss>`, r.Host, r.Host)
		case "/news/ferry":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			io.WriteString(w, article)
		default:
			http.NotFound(w, r)
		}
	}))
	defer site.Close()
	s := startWith(t, server.Config{}, analysis.Options{Workers: 1, AllowPrivate: true})
	p := feeds.New(s.db, s.q, fetch.Options{AllowPrivate: true, StateDir: t.TempDir()}, time.Hour)
	ctx := context.Background()

	var added struct {
		Added bool `json:"added"`
	}
	if resp := s.do(t, "POST", "/api/v1/feeds", "application/json", strings.NewReader(`{"url":"`+site.URL+`/rss.xml"}`), &added); resp.StatusCode != 201 || !added.Added {
		t.Fatalf("POST feed: %d %+v", resp.StatusCode, added)
	}
	if resp := s.do(t, "POST", "/api/v1/feeds", "application/json", strings.NewReader(`{"url":"ftp://x"}`), nil); resp.StatusCode != 400 {
		t.Errorf("POST a non-http feed: %d", resp.StatusCode)
	}
	drain := func() {
		t.Helper()
		for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(50 * time.Millisecond) {
			c, err := s.db.Counts(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if c.Jobs["queued"] == 0 && c.Jobs["running"] == 0 {
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("jobs not done: %v", c.Jobs)
			}
		}
	}
	if err := p.PollAll(ctx); err != nil {
		t.Fatal(err)
	}
	drain()
	var list struct {
		Stories []struct {
			ID      string `json:"id"`
			Reports int    `json:"reports"`
		} `json:"stories"`
	}
	s.do(t, "GET", "/api/v1/stories", "", nil, &list)
	if len(list.Stories) != 1 || list.Stories[0].Reports != 1 {
		t.Fatalf("after the first poll: %+v", list)
	}
	// Polling again: the page is the same, nothing changes.
	acc1, _ := s.db.Account(ctx, list.Stories[0].ID)
	if err := p.PollAll(ctx); err != nil {
		t.Fatal(err)
	}
	drain()
	acc2, _ := s.db.Account(ctx, list.Stories[0].ID)
	if acc2.Version != acc1.Version {
		t.Errorf("an unchanged page rebuilt the account (version %d → %d)", acc1.Version, acc2.Version)
	}
	// The page changes: a new revision of the same report.
	mu.Lock()
	article = strings.Replace(article, "every hour", "every half hour", 1)
	mu.Unlock()
	if err := p.PollAll(ctx); err != nil {
		t.Fatal(err)
	}
	drain()
	c, _ := s.db.Counts(ctx)
	d, err := s.db.DocumentByKey(ctx, "url:"+site.URL+"/news/ferry")
	if err != nil {
		t.Fatal(err)
	}
	revs, _ := s.db.Revisions(ctx, d.ID)
	if c.Documents != 1 || len(revs) != 2 {
		t.Errorf("after the page changed: %d documents, %d revisions; want 1 and 2", c.Documents, len(revs))
	}
	var fl struct {
		Feeds []struct {
			Reports   int    `json:"reports"`
			LastError string `json:"last_error"`
		} `json:"feeds"`
	}
	s.do(t, "GET", "/api/v1/feeds", "", nil, &fl)
	if len(fl.Feeds) != 1 || fl.Feeds[0].Reports < 1 || fl.Feeds[0].LastError != "" {
		t.Errorf("feeds = %+v", fl)
	}
}

// TestEveryRouteDocumented: each API route appears in docs/openapi.yaml
// (path and method) and in docs/api.md.
func TestEveryRouteDocumented(t *testing.T) {
	s := start(t, server.Config{})
	spec, err := os.ReadFile("../docs/openapi.yaml")
	if err != nil {
		t.Fatal(err)
	}
	prose, err := os.ReadFile("../docs/api.md")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, p := range s.srv.Routes() {
		method, path, _ := strings.Cut(p, " ")
		if !strings.HasPrefix(path, "/api/") && path != "/healthz" && path != "/metrics" {
			continue // web pages
		}
		n++
		i := strings.Index(string(spec), "\n  "+path+":\n")
		if i < 0 {
			t.Errorf("%s is not a path in docs/openapi.yaml", path)
			continue
		}
		rest := string(spec[i+len(path)+4:])
		if j := strings.Index(rest, "\n  /"); j >= 0 {
			rest = rest[:j]
		}
		if !strings.Contains(rest, "\n    "+strings.ToLower(method)+":") {
			t.Errorf("docs/openapi.yaml has no %s for %s", method, path)
		}
		if !strings.Contains(string(prose), strings.TrimSuffix(strings.TrimPrefix(path, "/api/v1"), "/{id}")) {
			t.Errorf("docs/api.md does not mention %s", path)
		}
	}
	if n < 10 {
		t.Errorf("only %d API routes found", n)
	}
}
