// Package engine keeps stories up to date as reports arrive: it reads a
// submitted report, extracts and annotates it, assigns it to a story with
// the online story clusterer (package cluster), and builds that story's
// account again from the stored per-document annotations, running only the
// cross-document stages. Everything a report changes is committed to the
// store in one transaction with the job that carried it.
package engine

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"strings"
	"sync"
	"time"

	"github.com/corroborate/corroborate/analysis"
	"github.com/corroborate/corroborate/cluster"
	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/extract"
	"github.com/corroborate/corroborate/fetch"
	"github.com/corroborate/corroborate/flags"
	"github.com/corroborate/corroborate/ingest"
	"github.com/corroborate/corroborate/jobs"
	"github.com/corroborate/corroborate/pipeline"
	"github.com/corroborate/corroborate/report"
	"github.com/corroborate/corroborate/report/html"
	"github.com/corroborate/corroborate/report/jsonout"
	"github.com/corroborate/corroborate/report/timelinejs"
	"github.com/corroborate/corroborate/store"
)

// JobKind is the kind of the jobs the engine runs: one submitted report.
const JobKind = "document"

// Submission is one report as a client sent it (the payload of a job).
// Exactly one of Data, HTML, Text and Fetch carries it.
type Submission struct {
	// Data are a file's bytes, read like a file of that Name by analyze.
	Data []byte `json:"data,omitempty"`
	// Name is the file name (extension and document id stem).
	Name string `json:"name,omitempty"`
	// ContentType is the type the client declared for Data or HTML.
	ContentType string `json:"content_type,omitempty"`
	// HTML is a page's markup.
	HTML string `json:"html,omitempty"`
	// Text is an article's plain text, with the fields below.
	Text string `json:"text,omitempty"`
	// Fetch is a URL to fetch (robots.txt and the SSRF rules of analyze).
	Fetch string `json:"fetch,omitempty"`

	// Story, when set, names the story the report joins instead of the
	// one the clusterer would choose (a person's decision).
	Story string `json:"story,omitempty"`

	Source    string `json:"source,omitempty"`
	URL       string `json:"url,omitempty"`
	Title     string `json:"title,omitempty"`
	Published string `json:"published,omitempty"`
}

// Result is what a finished job reports.
type Result struct {
	// ID is the stored document ("" when the report failed).
	ID string `json:"id"`
	// Story is the story it joined ("" when set aside).
	Story string `json:"story,omitempty"`
	// IDs lists every document stored when the submission held several
	// records.
	IDs []string `json:"ids,omitempty"`
	// Duplicate is true when the same bytes were already stored.
	Duplicate bool `json:"duplicate,omitempty"`
	// Revision is true when the report was a new version of a stored page.
	Revision bool `json:"revision,omitempty"`
	// Flags are why a report was set aside (paywall, stub).
	Flags []string `json:"flags,omitempty"`
	// LinkTime is how long building the story's account took.
	LinkTime time.Duration `json:"link_ns,omitempty"`
}

// Options configure an Engine.
type Options struct {
	// Analysis holds the analysis options (reading limits, aliases,
	// summary length, fetching rules).
	Analysis analysis.Options
	// Generator names the program in accounts ("corroborate VERSION").
	Generator string
	// Cluster tunes story assignment.
	Cluster cluster.Options
	// Logger receives notes (default slog.Default()).
	Logger *slog.Logger
	// OnAccount, when set, is called after a story's account is committed.
	OnAccount func(storyID string)
}

// Backend is the store an Engine needs.
type Backend interface {
	store.Store
	store.Jobs
}

// Engine turns submissions into stored documents and stories. Its Handle
// runs one job at a time.
type Engine struct {
	st   Backend
	opts Options
	log  *slog.Logger

	ex                        *extract.Extractor
	tagged, annotate, linkers []pipeline.Step
	taggedGiven, linkersGiven []document.Layer
	annotatorsGiven           []document.Layer
	annotators                []pipeline.Step

	mu        sync.Mutex
	clusterer *cluster.Clusterer
	stories   map[string]string // cluster story id → store story id
}

// New prepares an engine on st and rebuilds the story clusterer from the
// stored documents (in arrival order, so that it ends as it was).
func New(ctx context.Context, st Backend, opts Options) (*Engine, error) {
	e := &Engine{st: st, opts: opts, log: opts.Logger}
	if e.log == nil {
		e.log = slog.Default()
	}
	e.opts.Analysis.Logger = e.log
	var err error
	if e.ex, err = extract.New(extract.Options{}); err != nil {
		return nil, fmt.Errorf("setting up extraction: %w", err)
	}
	// The presets are contiguous runs of Full's steps (see analysis.Preset):
	// Tagged, then the rest of Annotate, then the linkers.
	full, err := analysis.Steps(analysis.Full, e.opts.Analysis)
	if err != nil {
		return nil, err
	}
	tagged, err := analysis.Steps(analysis.Tagged, e.opts.Analysis)
	if err != nil {
		return nil, err
	}
	annotate, err := analysis.Steps(analysis.Annotate, e.opts.Analysis)
	if err != nil {
		return nil, err
	}
	e.tagged, e.annotate = tagged, annotate
	e.annotators = annotate[len(tagged):]
	e.linkers = full[len(annotate):]
	e.taggedGiven = analysis.Extracted
	e.annotatorsGiven = pipeline.Provided(analysis.Extracted, tagged)
	e.linkersGiven = pipeline.Provided(analysis.Extracted, annotate)
	for _, chk := range []struct {
		given []document.Layer
		steps []pipeline.Step
	}{{e.taggedGiven, e.tagged}, {e.annotatorsGiven, e.annotators}, {e.linkersGiven, e.linkers}, {e.taggedGiven, e.annotate}} {
		if err := pipeline.Validate(chk.given, chk.steps); err != nil {
			return nil, fmt.Errorf("engine: %w", err)
		}
	}
	if err := e.rebuild(ctx); err != nil {
		return nil, err
	}
	return e, nil
}

// rebuild replays the stored documents into a new clusterer.
func (e *Engine) rebuild(ctx context.Context) error {
	e.clusterer = cluster.New(e.opts.Cluster)
	e.stories = map[string]string{}
	n := 0
	err := e.st.EachDocument(ctx, func(sd *store.Document) error {
		n++
		return e.observe(sd)
	})
	if err != nil {
		return fmt.Errorf("rebuilding stories from the store: %w", err)
	}
	if n > 0 {
		e.log.Info("engine: stories rebuilt", "documents", n, "stories", len(e.stories))
	}
	return nil
}

// observe adds a stored document to the story clusterer.
func (e *Engine) observe(sd *store.Document) error {
	if e.setAside(sd.Flags) || sd.StoryID == "" {
		return nil
	}
	d, err := store.DecodeDocument(sd.Record)
	if err != nil {
		return fmt.Errorf("document %s: %w", sd.ID, err)
	}
	cid := e.clusterer.Add(d)
	if _, ok := e.stories[cid]; !ok {
		e.stories[cid] = sd.StoryID
	}
	return nil
}

// Observe adds documents another process stored (in arrival order) to
// the story clusterer, as a restart would replay them: workers sharing a
// store call it before each job so that their clusterers agree.
func (e *Engine) Observe(docs ...*store.Document) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	for _, sd := range docs {
		if err := e.observe(sd); err != nil {
			return err
		}
	}
	return nil
}

// Handle runs one job (a jobs.Handler): the submission in its payload is
// read, analysed and committed with the job's result.
func (e *Engine) Handle(ctx context.Context, j *store.Job) error {
	if j.Kind != JobKind {
		return jobs.Permanent(fmt.Errorf("unknown job kind %q", j.Kind))
	}
	var sub Submission
	if err := json.Unmarshal(j.Payload, &sub); err != nil {
		return jobs.Permanent(fmt.Errorf("reading job %d: %w", j.ID, err))
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	res, err := e.add(ctx, sub, j.ID)
	if err != nil {
		// The clusterer may have taken a document the store did not.
		if rerr := e.rebuild(context.WithoutCancel(ctx)); rerr != nil {
			e.log.Error("engine: rebuilding the clusterer", "err", rerr)
		}
		return err
	}
	if res.Story != "" && e.opts.OnAccount != nil {
		e.opts.OnAccount(res.Story)
	}
	return nil
}

// read turns a submission into one document and the raw bytes stored for
// it.
func (e *Engine) read(ctx context.Context, sub Submission) ([]*document.Document, []byte, string, error) {
	ao := e.opts.Analysis
	io := ingest.Options{MaxBytes: ao.MaxBytes, Published: ao.Published}
	var docs []*document.Document
	var probs []document.Problem
	var raw []byte
	ctype := sub.ContentType
	switch {
	case sub.Fetch != "":
		c := fetch.New(fetch.Options{AllowPrivate: ao.AllowPrivate, MaxBytes: ao.MaxBytes, Budget: ao.FetchTimeout, Progress: nopWriter{}})
		docs, probs = c.Documents(ctx, []string{sub.Fetch})
		c.Close()
		if len(docs) > 0 {
			raw = []byte(docs[0].Raw)
			ctype = "text/html"
		}
	case sub.Data != nil:
		raw = sub.Data
		name := sub.Name
		if name == "" {
			name = "upload"
		}
		docs, probs = ingest.Bytes(name, name, raw, ctype, io)
	case sub.HTML != "":
		raw = []byte(sub.HTML)
		name := firstNonEmpty(sub.Name, "page.html")
		ctype = "text/html"
		docs, probs = ingest.Bytes(firstNonEmpty(sub.URL, sub.Source, name), name, raw, ctype, io)
		for _, d := range docs {
			if d.URL == "" {
				d.URL = sub.URL
			}
		}
	case sub.Text != "":
		rec := map[string]string{"maintext": sub.Text, "title": sub.Title, "url": sub.URL, "date_publish": sub.Published, "source_domain": sub.Source}
		for k, v := range rec {
			if v == "" {
				delete(rec, k)
			}
		}
		raw, _ = json.Marshal(rec)
		name := firstNonEmpty(sub.Name, "report.json")
		ctype = "application/json"
		docs, probs = ingest.Bytes(firstNonEmpty(sub.Source, sub.URL, name), name, raw, ctype, io)
	default:
		return nil, nil, "", jobs.Permanent(errors.New("empty submission: give a file, html, text or url"))
	}
	if len(probs) > 0 && len(docs) == 0 {
		return nil, nil, "", jobs.Permanent(probs[0])
	}
	if len(docs) == 0 {
		return nil, nil, "", jobs.Permanent(errors.New("the submission holds no report"))
	}
	for _, p := range probs {
		docs[0].Problems = append(docs[0].Problems, p)
	}
	return docs, raw, ctype, nil
}

type nopWriter struct{}

func (nopWriter) Write(p []byte) (int, error) { return len(p), nil }

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// key identifies a report across submissions.
func key(d *document.Document, raw []byte) string {
	if d.URL != "" {
		return "url:" + d.URL
	}
	return "sha256:" + store.Hash(raw)
}

// run runs steps over the documents as one story.
func (e *Engine) run(ctx context.Context, given []document.Layer, steps []pipeline.Step, docs ...*document.Document) (*document.Story, error) {
	s := document.NewStory()
	for _, d := range docs {
		s.Add(d)
	}
	p := &pipeline.Pipeline{Workers: e.opts.Analysis.Workers, Logger: e.log, Steps: steps, Given: given}
	if err := p.Run(ctx, s); err != nil {
		return nil, err
	}
	return s, nil
}

// setAside reports whether a document with these flags stays out of the
// analysis (unless Options.Analysis.KeepFlagged).
func (e *Engine) setAside(flags []string) bool {
	return len(flags) > 0 && !e.opts.Analysis.KeepFlagged
}

// encodeAnnotated encodes d without its source text, which no
// cross-document stage reads (the extracted record keeps it).
func encodeAnnotated(d *document.Document) ([]byte, error) {
	c := *d
	c.Raw, c.ExtractedToRaw = "", nil
	return store.EncodeDocument(&c)
}

// add stores a submission and updates its story. A file of several
// records (JSONL) gives several documents, each stored as its record's
// text; the job finishes with the last.
func (e *Engine) add(ctx context.Context, sub Submission, jobID int64) (*Result, error) {
	docs, raw, ctype, err := e.read(ctx, sub)
	if err != nil {
		return nil, err
	}
	if len(docs) == 1 {
		return e.addDoc(ctx, docs[0], raw, ctype, sub.Story, jobID)
	}
	var first *Result
	for i, d := range docs {
		j := int64(0)
		if i == len(docs)-1 {
			j = jobID
		}
		res, err := e.addDoc(ctx, d, []byte(d.Raw), ctype, sub.Story, j)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", d.Source, err)
		}
		if first == nil {
			first = res
		}
		first.IDs = append(first.IDs, res.ID)
	}
	return first, nil
}

// addDoc stores one document read from raw and updates its story.
func (e *Engine) addDoc(ctx context.Context, d *document.Document, raw []byte, ctype, storyHint string, jobID int64) (*Result, error) {
	var err error
	if storyHint != "" {
		if _, err := e.st.Story(ctx, storyHint); err != nil {
			return nil, jobs.Permanent(fmt.Errorf("joining story %s: %w", storyHint, err))
		}
	}
	k := key(d, raw)
	hash := store.Hash(raw)
	prev, err := e.st.DocumentByKey(ctx, k)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return nil, err
	}
	if prev != nil && prev.BlobHash == hash {
		// The same bytes again (a client retrying): nothing changes.
		res := &Result{ID: prev.ID, Story: prev.StoryID, Duplicate: true, Flags: prev.Flags}
		return res, e.finish(ctx, jobID, res, nil)
	}
	// Extraction and flags, as analyze does before forming the story.
	if _, err := e.run(ctx, []document.Layer{document.LayerRaw}, []pipeline.Step{
		pipeline.PerDoc("extract", e.ex), pipeline.PerDoc("flags", flags.New()),
	}, d); err != nil {
		return nil, err
	}
	extracted, err := store.EncodeDocument(d)
	if err != nil {
		return nil, err
	}
	sd := &store.Document{Key: k, Source: d.Source, URL: d.URL, Title: oneLine(d.Title), Outlet: d.Outlet,
		Published: d.Published.Time, BlobHash: hash, Flags: d.Flags, Extracted: extracted}
	if prev != nil {
		sd.ID, sd.Seq, sd.StoryID, sd.CreatedAt = prev.ID, prev.Seq, prev.StoryID, prev.CreatedAt
	}
	res := &Result{Revision: prev != nil, Flags: d.Flags}
	aside := e.setAside(d.Flags)
	if aside && sd.StoryID == "" && storyHint == "" {
		// Set aside, as analyze does: stored, in no story.
		sd.Record = extracted
		err := e.st.Update(ctx, func(tx store.Tx) error {
			if err := e.putDoc(ctx, tx, sd, raw, ctype); err != nil {
				return err
			}
			res.ID = sd.ID
			return e.finishTx(ctx, tx, jobID, res)
		})
		return res, err
	}
	storyID, newCluster := sd.StoryID, ""
	if !aside {
		// The layers the clusterer reads, on this document alone.
		if _, err := e.run(ctx, e.taggedGiven, e.tagged, d); err != nil {
			return nil, err
		}
		if storyID == "" && storyHint != "" {
			storyID = storyHint
			e.clusterer.Observe(d)
		}
		if storyID == "" {
			cid := e.clusterer.Add(d)
			if storyID = e.stories[cid]; storyID == "" {
				newCluster = cid
			}
		}
	} else if storyID == "" {
		// Set aside within the story named: listed among its excluded
		// reports, as analyze lists them.
		storyID = storyHint
	}
	start := time.Now()
	// The story's other documents, as stored, in arrival order.
	var members []*store.Document
	if newCluster == "" {
		all, err := e.st.StoryDocuments(ctx, storyID)
		if err != nil {
			return nil, err
		}
		for _, m := range all {
			if m.ID != sd.ID {
				members = append(members, m)
			}
		}
	}
	docs := make([]*document.Document, len(members))
	ids := map[string]bool{}
	var sameOutlet []int
	for i, m := range members {
		md, err := store.DecodeDocument(m.Record)
		if err != nil {
			return nil, fmt.Errorf("document %s: %w", m.ID, err)
		}
		ids[md.ID] = true
		if !aside && !e.setAside(m.Flags) && d.Outlet != "" && md.Outlet == d.Outlet {
			sameOutlet = append(sameOutlet, i)
		}
		docs[i] = md
	}
	// A unique id within the story, as document.Story.Add gives.
	if ids[d.ID] || d.ID == "" {
		base := firstNonEmpty(d.ID, "doc")
		for n := 2; ; n++ {
			if id := fmt.Sprintf("%s-%d", base, n); !ids[id] {
				renameDoc(d, id)
				break
			}
		}
	}
	switch {
	case aside:
		// Kept as extracted: no stage reads it.
	case len(sameOutlet) == 0:
		// Cleaning's repeated lines are counted per outlet: with no other
		// report of this outlet in the story, this document's cleaning
		// stands, and only the remaining annotators run on it.
		if _, err := e.run(ctx, e.annotatorsGiven, e.annotators, d); err != nil {
			return nil, err
		}
	default:
		// Another report of the same outlet: clean and annotate that
		// outlet's reports again together from their extracted form, as
		// analyze would.
		var group []*document.Document
		for _, i := range sameOutlet {
			md, err := store.DecodeDocument(members[i].Extracted)
			if err != nil {
				return nil, fmt.Errorf("document %s: %w", members[i].ID, err)
			}
			renameDoc(md, docs[i].ID)
			docs[i] = md
			group = append(group, md)
		}
		fresh, err := store.DecodeDocument(extracted)
		if err != nil {
			return nil, err
		}
		renameDoc(fresh, d.ID)
		d = fresh
		if _, err := e.run(ctx, e.taggedGiven, e.annotate, append(group, d)...); err != nil {
			return nil, err
		}
	}
	sd.Title, sd.Text = oneLine(d.Title), d.Text
	if aside {
		sd.Record = extracted
	} else if sd.Record, err = encodeAnnotated(d); err != nil {
		return nil, err
	}
	for _, i := range sameOutlet {
		if members[i].Record, err = encodeAnnotated(docs[i]); err != nil {
			return nil, err
		}
	}
	// The new document takes its place in arrival order (a revision keeps
	// the place of the page it replaces); reports set aside are listed as
	// excluded.
	var linked, excluded []*document.Document
	newSeq := int64(math.MaxInt64)
	if prev != nil {
		newSeq = prev.Seq
	}
	placed := false
	place := func() {
		if aside {
			excluded = append(excluded, d)
		} else {
			linked = append(linked, d)
		}
		placed = true
	}
	for i, m := range members {
		if !placed && m.Seq > newSeq {
			place()
		}
		if e.setAside(m.Flags) {
			excluded = append(excluded, docs[i])
		} else {
			linked = append(linked, docs[i])
		}
	}
	if !placed {
		place()
	}
	acc, st, err := e.link(ctx, linked, excluded)
	if err != nil {
		return nil, err
	}
	acc.BuildTime = time.Since(start)
	res.LinkTime = acc.BuildTime
	err = e.st.Update(ctx, func(tx store.Tx) error {
		if newCluster != "" {
			ns := &store.Story{Cluster: newCluster}
			if err := tx.CreateStory(ctx, ns); err != nil {
				return err
			}
			storyID = ns.ID
			st.CreatedAt = ns.CreatedAt
		} else if old, err := e.st.Story(ctx, storyID); err == nil {
			st.Cluster, st.CreatedAt = old.Cluster, old.CreatedAt
		}
		st.ID = storyID
		if newCluster != "" {
			st.Cluster = newCluster
		}
		sd.StoryID = storyID
		if err := e.putDoc(ctx, tx, sd, raw, ctype); err != nil {
			return err
		}
		for _, i := range sameOutlet {
			if err := tx.UpdateDocument(ctx, members[i]); err != nil {
				return err
			}
		}
		if err := tx.UpdateStory(ctx, st); err != nil {
			return err
		}
		acc.StoryID = storyID
		if err := tx.PutAccount(ctx, acc); err != nil {
			return err
		}
		res.ID, res.Story = sd.ID, storyID
		return e.finishTx(ctx, tx, jobID, res)
	})
	if err != nil {
		return nil, err
	}
	if newCluster != "" {
		e.stories[newCluster] = storyID
	}
	return res, nil
}

// renameDoc gives d a new id, and its problems with it.
func renameDoc(d *document.Document, id string) {
	for i := range d.Problems {
		if d.Problems[i].Doc == d.ID {
			d.Problems[i].Doc = id
		}
	}
	d.ID = id
}

// putDoc stores the raw bytes, the document (new or a revision) and the
// revision.
func (e *Engine) putDoc(ctx context.Context, tx store.Tx, sd *store.Document, raw []byte, ctype string) error {
	if _, err := tx.PutBlob(ctx, raw); err != nil {
		return err
	}
	var err error
	if sd.ID == "" {
		err = tx.InsertDocument(ctx, sd)
	} else {
		err = tx.UpdateDocument(ctx, sd)
	}
	if err != nil {
		return err
	}
	_, err = tx.AddRevision(ctx, store.Revision{DocumentID: sd.ID, BlobHash: sd.BlobHash, ContentType: ctype})
	return err
}

func (e *Engine) finishTx(ctx context.Context, tx store.Tx, jobID int64, res *Result) error {
	if jobID == 0 {
		return nil
	}
	b, err := json.Marshal(res)
	if err != nil {
		return err
	}
	return tx.FinishJob(ctx, jobID, b, "")
}

func (e *Engine) finish(ctx context.Context, jobID int64, res *Result, _ error) error {
	return e.st.Update(ctx, func(tx store.Tx) error { return e.finishTx(ctx, tx, jobID, res) })
}

// link runs the cross-document stages over docs and renders the account
// in every stored form.
func (e *Engine) link(ctx context.Context, docs, excluded []*document.Document) (*store.Account, *store.Story, error) {
	s := document.NewStory()
	for _, d := range docs {
		s.Add(d)
	}
	s.Excluded = excluded
	p := &pipeline.Pipeline{Workers: e.opts.Analysis.Workers, Logger: e.log, Steps: e.linkers, Given: e.linkersGiven}
	if err := p.Run(ctx, s); err != nil {
		return nil, nil, err
	}
	o := report.Build(s, e.opts.Generator)
	var js, page, tl bytes.Buffer
	if err := jsonout.Render(&js, o); err != nil {
		return nil, nil, fmt.Errorf("writing the account: %w", err)
	}
	if err := html.Render(&page, o, html.Options{Generator: e.opts.Generator}); err != nil {
		return nil, nil, fmt.Errorf("writing the account's HTML: %w", err)
	}
	if err := timelinejs.Render(&tl, o); err != nil {
		return nil, nil, fmt.Errorf("writing the account's timeline: %w", err)
	}
	st := &store.Story{Title: oneLine(o.Title), Reports: len(s.Docs)}
	for _, d := range s.Docs {
		t := d.Published.Time
		if t.IsZero() {
			continue
		}
		if st.First.IsZero() || t.Before(st.First) {
			st.First = t
		}
		if t.After(st.Last) {
			st.Last = t
		}
	}
	if st.Title == "" && len(s.Docs) > 0 {
		st.Title = s.Docs[0].Source
	}
	var text strings.Builder
	for _, ss := range s.Summary {
		text.WriteString(ss.Text)
		text.WriteByte('\n')
	}
	for _, d := range s.Docs {
		text.WriteString(oneLine(d.Title))
		text.WriteByte('\n')
	}
	acc := &store.Account{JSON: js.Bytes(), HTML: page.Bytes(), TimelineJS: tl.Bytes(), Title: st.Title, Text: text.String()}
	return acc, st, nil
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// Add stores one submission outside any job (tests, imports) and updates
// its story.
func (e *Engine) Add(ctx context.Context, sub Submission) (*Result, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	res, err := e.add(ctx, sub, 0)
	if err != nil {
		if rerr := e.rebuild(context.WithoutCancel(ctx)); rerr != nil {
			e.log.Error("engine: rebuilding the clusterer", "err", rerr)
		}
	}
	return res, err
}
