package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io"
	"mime"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/corroborate/corroborate/engine"
	"github.com/corroborate/corroborate/store"
)

// postBody is the JSON form of a submitted report.
type postBody struct {
	Source    string `json:"source"`
	URL       string `json:"url"`
	Title     string `json:"title"`
	Published string `json:"published"`
	Text      string `json:"text"`
	HTML      string `json:"html"`
	Story     string `json:"story"`
}

// submission reads a report from r: JSON ({"text"…}, {"html"…} or
// {"url"} alone to fetch it) or a multipart upload (field "file", with
// optional "story", "source", "url").
func submission(r *http.Request, maxMem int64) (engine.Submission, error) {
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	switch ct {
	case "multipart/form-data":
		if err := r.ParseMultipartForm(maxMem); err != nil {
			return engine.Submission{}, fmt.Errorf("reading the upload: %w", err)
		}
		return formSubmission(r)
	case "application/json", "":
		var b postBody
		dec := json.NewDecoder(r.Body)
		dec.DisallowUnknownFields()
		if err := dec.Decode(&b); err != nil {
			return engine.Submission{}, fmt.Errorf("reading the JSON body: %w", err)
		}
		sub := engine.Submission{Source: b.Source, URL: b.URL, Title: b.Title, Published: b.Published, Story: b.Story}
		switch {
		case strings.TrimSpace(b.Text) != "":
			sub.Text = b.Text
		case strings.TrimSpace(b.HTML) != "":
			sub.HTML = b.HTML
		case b.URL != "":
			sub.Fetch, sub.URL = b.URL, ""
		default:
			return sub, errors.New(`the JSON body needs "text", "html" or "url"`)
		}
		return sub, checkSubmission(sub)
	}
	return engine.Submission{}, fmt.Errorf("unsupported content type %q: send application/json or multipart/form-data", ct)
}

// formSubmission reads a submission from a parsed form: a file, a URL or
// pasted text.
func formSubmission(r *http.Request) (engine.Submission, error) {
	sub := engine.Submission{Story: r.FormValue("story"), Source: strings.TrimSpace(r.FormValue("source")), Title: strings.TrimSpace(r.FormValue("title")),
		Published: strings.TrimSpace(r.FormValue("published"))}
	if r.MultipartForm != nil && len(r.MultipartForm.File["file"]) > 0 {
		fh := r.MultipartForm.File["file"][0]
		if fh.Size > 0 {
			f, err := fh.Open()
			if err != nil {
				return sub, fmt.Errorf("reading the upload: %w", err)
			}
			defer f.Close()
			data, err := io.ReadAll(f)
			if err != nil {
				return sub, fmt.Errorf("reading the upload: %w", err)
			}
			sub.Data, sub.Name, sub.ContentType = data, baseName(fh.Filename), fh.Header.Get("Content-Type")
			sub.URL = strings.TrimSpace(r.FormValue("url"))
			return sub, checkSubmission(sub)
		}
	}
	if t := r.FormValue("text"); strings.TrimSpace(t) != "" {
		sub.Text = t
		sub.URL = strings.TrimSpace(r.FormValue("url"))
		return sub, checkSubmission(sub)
	}
	if u := strings.TrimSpace(r.FormValue("url")); u != "" {
		sub.Fetch = u
		return sub, checkSubmission(sub)
	}
	return sub, errors.New("give a file, a URL or the text of a report")
}

var storyIDRE = regexp.MustCompile(`^s[0-9]+$`)

func checkSubmission(sub engine.Submission) error {
	if sub.Story != "" && !storyIDRE.MatchString(sub.Story) {
		return fmt.Errorf("story %q: not a story id", sub.Story)
	}
	for _, u := range []string{sub.Fetch, sub.URL} {
		if u == "" {
			continue
		}
		p, err := url.Parse(u)
		if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
			return fmt.Errorf("url %q: want an absolute http(s) URL", u)
		}
	}
	return nil
}

func baseName(p string) string {
	if i := strings.LastIndexAny(p, `/\`); i >= 0 {
		p = p[i+1:]
	}
	if p == "" {
		return "upload"
	}
	return p
}

// enqueue commits a job for sub and wakes the worker.
func (s *Server) enqueue(ctx context.Context, sub engine.Submission) (*store.Job, error) {
	payload, err := json.Marshal(sub)
	if err != nil {
		return nil, err
	}
	j := &store.Job{Kind: engine.JobKind, Payload: payload}
	if err := s.cfg.Store.Update(ctx, func(tx store.Tx) error { return s.cfg.Queue.Enqueue(ctx, tx, j) }); err != nil {
		return nil, err
	}
	s.cfg.Queue.Notify()
	return j, nil
}

// jobView is a job in the API.
type jobView struct {
	ID       string            `json:"id"`
	Kind     string            `json:"kind"`
	State    string            `json:"state"`
	Attempts int               `json:"attempts"`
	Error    string            `json:"error,omitempty"`
	Result   *engine.Result    `json:"result,omitempty"`
	Created  time.Time         `json:"created"`
	Updated  time.Time         `json:"updated"`
	Links    map[string]string `json:"links,omitempty"`
}

func viewJob(j *store.Job) jobView {
	v := jobView{ID: strconv.FormatInt(j.ID, 10), Kind: j.Kind, State: j.State, Attempts: j.Attempts, Error: j.Error, Created: j.CreatedAt, Updated: j.UpdatedAt,
		Links: map[string]string{"self": "/api/v1/jobs/" + strconv.FormatInt(j.ID, 10)}}
	if j.State == store.JobDone && len(j.Result) > 0 {
		var res engine.Result
		if json.Unmarshal(j.Result, &res) == nil {
			v.Result = &res
			if res.ID != "" {
				v.Links["document"] = "/api/v1/documents/" + res.ID
			}
			if res.Story != "" {
				v.Links["story"] = "/api/v1/stories/" + res.Story
			}
		}
	}
	return v
}

// waitFor reads ?wait= (seconds, at most 60).
func (s *Server) waitFor(r *http.Request) time.Duration {
	w := s.cfg.Wait
	if q := r.URL.Query().Get("wait"); q != "" {
		if f, err := strconv.ParseFloat(q, 64); err == nil && f >= 0 {
			w = time.Duration(f * float64(time.Second))
		}
	}
	return min(max(w, 0), time.Minute)
}

func (s *Server) postDocument(w http.ResponseWriter, r *http.Request) {
	sub, err := submission(r, s.cfg.MaxBody)
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			writeError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("request body over %d bytes", s.cfg.MaxBody))
			return
		}
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	j, err := s.enqueue(r.Context(), sub)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.answerJob(w, r, j, s.waitFor(r))
}

// answerJob waits up to wait for j and answers 201 (done), 200 (the same
// report was already stored), 422 (failed) or 202 (still queued).
func (s *Server) answerJob(w http.ResponseWriter, r *http.Request, j *store.Job, wait time.Duration) {
	if wait > 0 {
		ctx, cancel := context.WithTimeout(r.Context(), wait)
		got, err := s.cfg.Queue.Wait(ctx, j.ID)
		cancel()
		if err == nil {
			j = got
		} else if !errors.Is(err, context.DeadlineExceeded) {
			s.fail(w, r, err)
			return
		}
	}
	v := viewJob(j)
	switch {
	case j.State == store.JobDone && v.Result != nil:
		code := http.StatusCreated
		if v.Result.Duplicate {
			code = http.StatusOK
		}
		w.Header().Set("Location", "/api/v1/documents/"+v.Result.ID)
		writeJSON(w, code, map[string]any{"id": v.Result.ID, "story": v.Result.Story, "job": v.ID, "duplicate": v.Result.Duplicate,
			"revision": v.Result.Revision, "flags": v.Result.Flags})
	case j.State == store.JobFailed:
		writeJSON(w, http.StatusUnprocessableEntity, map[string]any{"error": j.Error, "job": v.ID})
	default:
		w.Header().Set("Location", v.Links["self"])
		writeJSON(w, http.StatusAccepted, map[string]any{"job": v.ID, "state": j.State, "links": v.Links})
	}
}

func (s *Server) getJob(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		writeError(w, http.StatusNotFound, "not found")
		return
	}
	j, err := s.cfg.Store.Job(r.Context(), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, viewJob(j))
}

// documentView is a document in the API.
type documentView struct {
	*store.Document
	Text      string           `json:"text"`
	Revisions []store.Revision `json:"revisions"`
}

func (s *Server) getDocument(w http.ResponseWriter, r *http.Request) {
	d, err := s.cfg.Store.Document(r.Context(), r.PathValue("id"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	revs, err := s.cfg.Store.Revisions(r.Context(), d.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	v := documentView{Document: d, Revisions: revs}
	if doc, err := store.DecodeDocument(d.Record); err == nil {
		v.Text = doc.Text
	}
	writeJSON(w, http.StatusOK, v)
}

// getDocumentRaw sends a document's stored bytes (?rev= a revision's
// sha256) as inert plain text.
func (s *Server) getDocumentRaw(w http.ResponseWriter, r *http.Request) {
	d, err := s.cfg.Store.Document(r.Context(), r.PathValue("id"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	hash := d.BlobHash
	if rev := r.URL.Query().Get("rev"); rev != "" {
		revs, err := s.cfg.Store.Revisions(r.Context(), d.ID)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		hash = ""
		for _, x := range revs {
			if x.BlobHash == rev {
				hash = rev
			}
		}
		if hash == "" {
			writeError(w, http.StatusNotFound, "no such revision")
			return
		}
	}
	b, err := s.cfg.Store.Blob(r.Context(), hash)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Content-Security-Policy", "default-src 'none'; sandbox")
	w.Write(b)
}

func (s *Server) listStories(w http.ResponseWriter, r *http.Request) {
	q, err := storyQuery(r)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	list, err := s.cfg.Store.Stories(r.Context(), q)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if list == nil {
		list = []store.Story{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"stories": list})
}

// storyQuery reads q, since (RFC 3339 or YYYY-MM-DD) and limit (1–500).
func storyQuery(r *http.Request) (store.StoryQuery, error) {
	v := r.URL.Query()
	q := store.StoryQuery{Q: v.Get("q"), Limit: 50}
	if s := v.Get("since"); s != "" {
		t, err := time.Parse(time.RFC3339, s)
		if err != nil {
			if t, err = time.Parse("2006-01-02", s); err != nil {
				return q, fmt.Errorf("since %q: want RFC 3339 or YYYY-MM-DD", s)
			}
		}
		q.Since = t
	}
	if s := v.Get("limit"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > 500 {
			return q, fmt.Errorf("limit %q: want 1 to 500", s)
		}
		q.Limit = n
	}
	return q, nil
}

// getStory sends the account JSON, or the HTML report for "{id}.html".
func (s *Server) getStory(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	if strings.HasSuffix(id, ".html") {
		s.storyHTML(w, r, strings.TrimSuffix(id, ".html"))
		return
	}
	a, err := s.account(r.Context(), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	etag := fmt.Sprintf(`"%s-%d"`, a.StoryID, a.Version)
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("ETag", etag)
	h.Set("X-Account-Version", strconv.Itoa(a.Version))
	h.Set("Vary", "Accept-Encoding")
	if r.Header.Get("If-None-Match") == etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	if strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
		h.Set("Content-Encoding", "gzip")
		w.Write(a.gzJSON)
		return
	}
	w.Write(a.JSON)
}

func (s *Server) getStoryTimeline(w http.ResponseWriter, r *http.Request) {
	a, err := s.account(r.Context(), r.PathValue("id"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Write(a.TimelineJS)
}

var metaCSP = regexp.MustCompile(`<meta http-equiv="Content-Security-Policy" content="([^"]*)">`)

// storyHTML sends the self-contained HTML report of a story, with its own
// policy as a header too (and framing allowed only by this site's pages).
func (s *Server) storyHTML(w http.ResponseWriter, r *http.Request, id string) {
	a, err := s.account(r.Context(), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	csp := "default-src 'none'"
	if m := metaCSP.FindSubmatch(a.HTML); m != nil {
		csp = html.UnescapeString(string(m[1]))
	}
	w.Header().Set("Content-Security-Policy", csp+"; frame-ancestors 'self'")
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write(a.HTML)
}

func (s *Server) search(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query().Get("q")
	limit := 20
	if l, err := strconv.Atoi(r.URL.Query().Get("limit")); err == nil && l > 0 && l <= 200 {
		limit = l
	}
	hits, err := s.cfg.Store.Search(r.Context(), q, limit)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if hits == nil {
		hits = []store.Hit{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"q": q, "hits": hits})
}

func (s *Server) listFeeds(w http.ResponseWriter, r *http.Request) {
	fs, err := s.cfg.Store.Feeds(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if fs == nil {
		fs = []store.Feed{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"feeds": fs})
}

// addFeed stores a feed to poll and wakes the poller.
func (s *Server) addFeed(ctx context.Context, u string) (bool, error) {
	if err := checkSubmission(engine.Submission{Fetch: u}); err != nil {
		return false, err
	}
	var added bool
	err := s.cfg.Store.Update(ctx, func(tx store.Tx) (err error) {
		added, err = tx.AddFeed(ctx, u)
		return err
	})
	if err == nil && s.cfg.OnFeed != nil {
		s.cfg.OnFeed()
	}
	return added, err
}

func (s *Server) postFeed(w http.ResponseWriter, r *http.Request) {
	var b struct {
		URL string `json:"url"`
	}
	if err := json.NewDecoder(r.Body).Decode(&b); err != nil || strings.TrimSpace(b.URL) == "" {
		writeError(w, http.StatusBadRequest, `the JSON body needs "url", the feed's address`)
		return
	}
	u := strings.TrimSpace(b.URL)
	added, err := s.addFeed(r.Context(), u)
	if err != nil {
		if strings.HasPrefix(err.Error(), "url ") {
			writeError(w, http.StatusBadRequest, err.Error())
			return
		}
		s.fail(w, r, err)
		return
	}
	code := http.StatusCreated
	if !added {
		code = http.StatusOK
	}
	writeJSON(w, code, map[string]any{"url": u, "added": added})
}
