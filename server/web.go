package server

import (
	"crypto/subtle"
	"embed"
	"html/template"
	"io/fs"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/corroborate/corroborate/store"
)

//go:embed web/templates/*.html web/static/*
var webFS embed.FS

// pageCSP is the policy of the service's own pages: scripts and styles
// only from this site's files, no inline code, frames only of this site.
const pageCSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; " +
	"frame-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

const csrfCookie = "corroborate_csrf"

func (s *Server) webRoutes() error {
	t, err := template.New("").Funcs(template.FuncMap{
		"date": func(t time.Time) string {
			if t.IsZero() {
				return ""
			}
			return t.Format("2 Jan 2006")
		},
		"when": func(t time.Time) string { return t.Format("2 Jan 2006 15:04 UTC") },
	}).ParseFS(webFS, "web/templates/*.html")
	if err != nil {
		return err
	}
	s.tmpl = t
	static, err := fs.Sub(webFS, "web/static")
	if err != nil {
		return err
	}
	s.mux.Handle("GET /static/", http.StripPrefix("/static/", http.FileServer(http.FS(static))))
	s.route("GET /{$}", "page_home", s.home)
	s.route("GET /stories/{id}", "page_story", s.storyPage)
	s.route("GET /jobs/{id}", "page_job", s.jobPage)
	s.route("POST /add", "form_add", s.addForm)
	s.route("POST /feeds", "form_feed", s.feedForm)
	return nil
}

// page renders template name with data, a CSRF token and the page policy.
func (s *Server) page(w http.ResponseWriter, r *http.Request, code int, name string, data map[string]any) {
	tok := ""
	if c, err := r.Cookie(csrfCookie); err == nil && len(c.Value) == 64 {
		tok = c.Value
	} else {
		tok = randomToken()
		http.SetCookie(w, &http.Cookie{Name: csrfCookie, Value: tok, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode})
	}
	if data == nil {
		data = map[string]any{}
	}
	data["CSRF"] = tok
	data["NeedToken"] = s.cfg.Token != ""
	data["Generator"] = s.cfg.Generator
	w.Header().Set("Content-Security-Policy", pageCSP)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(code)
	if err := s.tmpl.ExecuteTemplate(w, name, data); err != nil {
		s.log.Error("server: rendering page", "page", name, "err", err)
	}
}

func (s *Server) home(w http.ResponseWriter, r *http.Request) {
	q, err := storyQuery(r)
	if err != nil {
		s.page(w, r, http.StatusBadRequest, "error.html", map[string]any{"Message": err.Error()})
		return
	}
	stories, err := s.cfg.Store.Stories(r.Context(), q)
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	var hits []store.Hit
	if q.Q != "" {
		if hits, err = s.cfg.Store.Search(r.Context(), q.Q, 20); err != nil {
			s.pageFail(w, r, err)
			return
		}
	}
	feeds, err := s.cfg.Store.Feeds(r.Context())
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	s.page(w, r, http.StatusOK, "home.html", map[string]any{"Q": q.Q, "Stories": stories, "Hits": hits, "Feeds": feeds})
}

func (s *Server) storyPage(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	st, err := s.cfg.Store.Story(r.Context(), id)
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	docs, err := s.cfg.Store.StoryDocuments(r.Context(), id)
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	a, err := s.account(r.Context(), id)
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	// What changed since the last visit: reports newer than ?since= (the
	// page links to itself with the time it was shown).
	var since time.Time
	if v := r.URL.Query().Get("since"); v != "" {
		since, _ = time.Parse(time.RFC3339Nano, v)
	}
	type row struct {
		*store.Document
		New bool
	}
	rows := make([]row, len(docs))
	nNew := 0
	for i, d := range docs {
		rows[i] = row{Document: d, New: !since.IsZero() && d.UpdatedAt.After(since)}
		if rows[i].New {
			nNew++
		}
	}
	s.page(w, r, http.StatusOK, "story.html", map[string]any{"Story": st, "StoryID": st.ID, "Docs": rows, "Account": a, "New": nNew,
		"Since": !since.IsZero(), "Now": time.Now().UTC().Format(time.RFC3339Nano)})
}

func (s *Server) jobPage(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		s.pageFail(w, r, store.ErrNotFound)
		return
	}
	j, err := s.cfg.Store.Job(r.Context(), id)
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	s.page(w, r, http.StatusOK, "job.html", map[string]any{"Job": viewJob(j)})
}

// checkForm parses a form and checks its CSRF token and the service
// token, answering the page itself when one is wrong.
func (s *Server) checkForm(w http.ResponseWriter, r *http.Request) bool {
	r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxBody)
	if err := r.ParseMultipartForm(s.cfg.MaxBody); err != nil && err != http.ErrNotMultipart {
		s.page(w, r, http.StatusBadRequest, "error.html", map[string]any{"Message": "the form could not be read (too large?)"})
		return false
	}
	c, err := r.Cookie(csrfCookie)
	if err != nil || len(c.Value) != 64 || subtle.ConstantTimeCompare([]byte(c.Value), []byte(r.FormValue("csrf"))) != 1 {
		s.page(w, r, http.StatusForbidden, "error.html", map[string]any{"Message": "the form's security token is missing or stale: reload the page and send it again"})
		return false
	}
	if !s.authorized(r, r.FormValue("token")) {
		s.page(w, r, http.StatusUnauthorized, "error.html", map[string]any{"Message": "this server needs its token for changes"})
		return false
	}
	return true
}

// feedForm adds a feed from the web form.
func (s *Server) feedForm(w http.ResponseWriter, r *http.Request) {
	if !s.checkForm(w, r) {
		return
	}
	if _, err := s.addFeed(r.Context(), strings.TrimSpace(r.FormValue("feed"))); err != nil {
		if strings.HasPrefix(err.Error(), "url ") {
			s.page(w, r, http.StatusBadRequest, "error.html", map[string]any{"Message": err.Error()})
			return
		}
		s.pageFail(w, r, err)
		return
	}
	http.Redirect(w, r, "/#feeds", http.StatusSeeOther)
}

// addForm takes the web form: checks the CSRF token (and the service token
// when one is set), queues the report and shows its progress.
func (s *Server) addForm(w http.ResponseWriter, r *http.Request) {
	if !s.checkForm(w, r) {
		return
	}
	sub, err := formSubmission(r)
	if err != nil {
		s.page(w, r, http.StatusBadRequest, "error.html", map[string]any{"Message": err.Error()})
		return
	}
	j, err := s.enqueue(r.Context(), sub)
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	http.Redirect(w, r, "/jobs/"+strconv.FormatInt(j.ID, 10), http.StatusSeeOther)
}

func (s *Server) pageFail(w http.ResponseWriter, r *http.Request, err error) {
	if strings.Contains(err.Error(), store.ErrNotFound.Error()) {
		s.page(w, r, http.StatusNotFound, "error.html", map[string]any{"Message": "not found"})
		return
	}
	s.log.Error("server: page failed", "path", r.URL.Path, "err", err)
	s.page(w, r, http.StatusInternalServerError, "error.html", map[string]any{"Message": "internal error"})
}
