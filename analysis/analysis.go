// Package analysis assembles Corroborate's standard flow — ingest, extract,
// clean, per-document annotation, cross-document linking — and runs it over
// the inputs a user names. The command line and the evaluations call it; each
// stage lives in its own package and meets the others at package document.
// Named presets (Full, Tagged, Annotate, Story; see Preset) give the parts
// of the flow that the cluster command, the evaluations and a service run,
// so that none assembles stages by hand.
package analysis

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"github.com/corroborate/corroborate/coref"
	"io"
	"log/slog"
	"os"
	"strings"
	"time"

	"github.com/corroborate/corroborate/account"
	"github.com/corroborate/corroborate/anchor"
	"github.com/corroborate/corroborate/claim"
	"github.com/corroborate/corroborate/clean"
	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/event"
	"github.com/corroborate/corroborate/eventcoref"
	"github.com/corroborate/corroborate/extract"
	"github.com/corroborate/corroborate/fetch"
	"github.com/corroborate/corroborate/fivew"
	"github.com/corroborate/corroborate/flags"
	"github.com/corroborate/corroborate/ingest"
	"github.com/corroborate/corroborate/ner"
	"github.com/corroborate/corroborate/pipeline"
	"github.com/corroborate/corroborate/quantity"
	"github.com/corroborate/corroborate/quote"
	"github.com/corroborate/corroborate/resolve"
	"github.com/corroborate/corroborate/summarize"
	"github.com/corroborate/corroborate/text"
	"github.com/corroborate/corroborate/timeline"
	"github.com/corroborate/corroborate/timex"
	"github.com/corroborate/corroborate/warc"
)

// Options configure a run.
type Options struct {
	// Stdin is read for the input "-".
	Stdin io.Reader
	// Published is the publication date assumed for inputs that carry none.
	Published string
	// MaxBytes is the largest input accepted.
	MaxBytes int64
	// AliasFile names a file of asserted or forbidden name equivalences.
	AliasFile string
	// SummarySentences is the length of the summary.
	SummarySentences int
	// Workers is the number of documents analysed at once.
	Workers int
	// KeepFlagged analyses paywalled and stub pages instead of excluding
	// them.
	KeepFlagged bool
	// AllowPrivate lets fetching reach private and loopback addresses.
	AllowPrivate bool
	// FetchTimeout is the time allowed for one fetched URL: connecting,
	// headers, body and every retry (0: package fetch's default, 60s).
	FetchTimeout time.Duration
	// URLsFile names a file of URLs to fetch, one per line.
	URLsFile string
	// WARC names a WARC file whose HTML responses are analysed.
	WARC string
	// Feeds are RSS, Atom or JSON Feed URLs whose linked articles are
	// fetched and analysed.
	Feeds []string
	// StateDir keeps the fetch cache and page revisions between runs, so
	// pages are revalidated with conditional requests and changed pages
	// become new revisions (empty: nothing is kept).
	StateDir string
	// Archive names a WARC file (.warc.gz) to which every page fetched
	// whole is appended (pages revalidated as unchanged are not).
	Archive string
	// SourceNames renames document sources (input path → name shown).
	SourceNames map[string]string
	// Logger receives the stages' notes and failures (default:
	// slog.Default()).
	Logger *slog.Logger
	// Progress, when set, is told how far the run is: "read" (inputs
	// given, then read), then the pipelines' steps (see
	// pipeline.ProgressFunc).
	Progress pipeline.ProgressFunc
	// Quiet keeps fetching from drawing its progress bar on a terminal.
	Quiet bool
}

// Analyze reads the inputs and runs the whole flow over them. Problems with
// single inputs or stages are recorded on the story; the error is only for
// cancellation and for setup failures (a model or alias file that cannot be
// loaded).
func Analyze(ctx context.Context, inputs []string, opts Options) (*document.Story, error) {
	if opts.Progress != nil {
		opts.Progress("read", 0, len(inputs))
	}
	docs, problems, err := Read(ctx, inputs, opts)
	if err != nil {
		return nil, err
	}
	if opts.Progress != nil {
		opts.Progress("read", len(inputs), len(inputs))
	}
	return AnalyzeDocuments(ctx, docs, problems, opts)
}

// Read turns inputs (paths, folders, globs, '-', http(s) URLs, a URL list and
// a WARC file) into documents, with a problem for each input that failed.
// Local inputs and archives go through package ingest (archives met among
// the inputs and Options.WARC alike, with ingest.ReadWARC); URLs and feeds
// through package fetch. With Options.StateDir, fetched pages become
// revisions in the state folder; AnalyzeDocumentsWith records what
// extraction finds about them.
func Read(ctx context.Context, inputs []string, opts Options) ([]*document.Document, []document.Problem, error) {
	var local, urls []string
	for _, in := range inputs {
		if strings.HasPrefix(in, "http://") || strings.HasPrefix(in, "https://") {
			urls = append(urls, in)
		} else {
			local = append(local, in)
		}
	}
	var docs []*document.Document
	var problems []document.Problem
	inOpts := ingest.Options{Stdin: opts.Stdin, MaxBytes: opts.MaxBytes, Published: opts.Published}
	if len(local) > 0 {
		d, p := ingest.Read(ctx, local, inOpts)
		docs, problems = append(docs, d...), append(problems, p...)
	}
	if opts.URLsFile != "" {
		more, err := readLines(opts.URLsFile)
		if err != nil {
			problems = append(problems, document.Problem{Source: opts.URLsFile, Stage: "ingest", Err: err})
		}
		urls = append(urls, more...)
	}
	if len(urls) > 0 || len(opts.Feeds) > 0 {
		d, p, err := fetchAll(ctx, urls, opts)
		if err != nil {
			return nil, nil, err
		}
		docs, problems = append(docs, d...), append(problems, p...)
	}
	if opts.WARC != "" {
		d, p := ingest.ReadWARC(ctx, opts.WARC, inOpts)
		docs, problems = append(docs, d...), append(problems, p...)
	}
	for _, d := range docs {
		if name, ok := opts.SourceNames[d.Source]; ok {
			d.Source = name
		} else {
			for path, name := range opts.SourceNames {
				if strings.HasPrefix(d.Source, path+"#") {
					d.Source = name + strings.TrimPrefix(d.Source, path)
				}
			}
		}
	}
	for i := range problems {
		if name, ok := opts.SourceNames[problems[i].Source]; ok {
			problems[i].Source = name
		}
	}
	return docs, problems, ctx.Err()
}

// fetchAll fetches pages and feeds with one polite client, saving its state
// and archive when asked.
func fetchAll(ctx context.Context, urls []string, opts Options) (docs []*document.Document, problems []document.Problem, err error) {
	fo := fetch.Options{AllowPrivate: opts.AllowPrivate, MaxBytes: opts.MaxBytes, StateDir: opts.StateDir, Budget: opts.FetchTimeout}
	if opts.Quiet {
		fo.Progress = io.Discard
	}
	if opts.Archive != "" {
		// Appending keeps earlier runs' pages; the appender locks the file
		// against concurrent runs and repairs a record cut short.
		a, err := warc.OpenAppender(opts.Archive)
		if err != nil {
			return nil, nil, err
		}
		for _, note := range a.Notices() {
			problems = append(problems, document.Problem{Source: opts.Archive, Stage: "archive", Err: errors.New(note)})
		}
		defer func() {
			if cerr := a.Close(); cerr != nil && err == nil {
				err = fmt.Errorf("closing web archive %s: %w", opts.Archive, cerr)
			}
		}()
		fo.Archive = a
	}
	c := fetch.New(fo)
	if serr := c.StateError(); serr != nil {
		problems = append(problems, document.Problem{Source: opts.StateDir, Stage: "fetch", Err: serr})
	}
	for _, feed := range opts.Feeds {
		d, p := c.FeedDocuments(ctx, feed)
		docs, problems = append(docs, d...), append(problems, p...)
	}
	if len(urls) > 0 {
		d, p := c.Documents(ctx, urls)
		docs, problems = append(docs, d...), append(problems, p...)
	}
	// The documents are not extracted yet: the state saved here holds their
	// revisions without title, dates or article text, which
	// AnalyzeDocumentsWith records after extraction (fetch.RecordState).
	if cerr := c.Close(); cerr != nil {
		problems = append(problems, document.Problem{Source: "fetch", Stage: "fetch", Err: cerr})
	}
	return docs, problems, nil
}

// AnalyzeDocuments runs extraction, cleaning, annotation and linking over
// documents already read.
func AnalyzeDocuments(ctx context.Context, docs []*document.Document, problems []document.Problem, opts Options) (*document.Story, error) {
	p, err := Pipeline(opts)
	if err != nil {
		return nil, err
	}
	return AnalyzeDocumentsWith(ctx, docs, problems, opts, p.Steps)
}

// AnalyzeDocumentsWith extracts and flags the documents, records what
// extraction found about fetched pages in the state folder (Options.StateDir),
// sets flagged documents aside (unless Options.KeepFlagged) and runs the
// given steps (for instance a subset of Pipeline's) over the rest.
func AnalyzeDocumentsWith(ctx context.Context, docs []*document.Document, problems []document.Problem, opts Options, steps []pipeline.Step) (*document.Story, error) {
	ex, err := extract.New(extract.Options{})
	if err != nil {
		return nil, fmt.Errorf("setting up extraction: %w", err)
	}
	// Extraction first, over all documents, so that flagged pages can be
	// set aside before the story is formed.
	pre := document.NewStory()
	for _, d := range docs {
		pre.Add(d)
	}
	first, err := pipeline.New([]document.Layer{document.LayerRaw},
		pipeline.PerDoc("extract", ex),
		pipeline.PerDoc("flags", flags.New()),
	)
	if err != nil {
		return nil, err
	}
	first.Workers, first.Progress = opts.Workers, opts.Progress
	if err := first.Run(ctx, pre); err != nil {
		return nil, err
	}
	s := document.NewStory()
	for _, p := range problems {
		s.AddProblem(p)
	}
	if opts.StateDir != "" && anyURL(pre.Docs) {
		if err := fetch.RecordState(opts.StateDir, pre.Docs); err != nil {
			s.AddProblem(document.Problem{Source: opts.StateDir, Stage: fetch.Stage, Err: fmt.Errorf("recording page revisions: %w", err)})
		}
	}
	flags.SetAside(s, pre.Docs, opts.KeepFlagged)
	p := &pipeline.Pipeline{Workers: opts.Workers, Logger: opts.Logger, Progress: opts.Progress, Steps: steps, Given: Extracted}
	if err := p.Run(ctx, s); err != nil {
		return nil, err
	}
	return s, nil
}

// anyURL reports whether a document came from the web (fetched or
// archived), the only ones the fetch state can hold.
func anyURL(docs []*document.Document) bool {
	for _, d := range docs {
		if d.URL != "" {
			return true
		}
	}
	return false
}

// Extracted lists the layers documents carry when the steps of Pipeline
// start: read, extracted, flagged and gathered into a story.
var Extracted = []document.Layer{document.LayerRaw, document.LayerExtracted, document.LayerFlags, document.LayerStory}

// Pipeline returns the standard stages after extraction (the Full preset):
// cleaning, then the per-document annotators, then the cross-document
// linkers.
func Pipeline(opts Options) (*pipeline.Pipeline, error) {
	return NewPipeline(Full, opts)
}

// taggedSteps are the first steps of the flow: cleaning and the
// per-document layers the story clusterer reads (words, names, dates,
// event mentions).
func taggedSteps(opts Options) ([]pipeline.Step, error) {
	tagger, err := ner.Load()
	if err != nil {
		return nil, fmt.Errorf("loading the named-entity model: %w", err)
	}
	tm := timex.New()
	tm.Logger = opts.Logger
	ev, err := event.New(event.Options{Logger: opts.Logger})
	if err != nil {
		return nil, fmt.Errorf("loading the event model: %w", err)
	}
	cl := clean.New(clean.Options{})
	return []pipeline.Step{
		pipeline.Cross("clean-index", cl.Index()), pipeline.PerDoc("clean", cl),
		pipeline.PerDoc("text", text.New()),
		pipeline.PerDoc("ner", tagger),
		pipeline.PerDoc("timex", tm),
		pipeline.PerDoc("event", ev),
	}, nil
}

// annotatorSteps are the remaining per-document annotators.
func annotatorSteps() []pipeline.Step {
	return []pipeline.Step{
		pipeline.PerDoc("coref", coref.New(coref.Options{})),
		pipeline.PerDoc("quote", quote.New()),
		pipeline.PerDoc("quantity", quantity.New()),
		pipeline.PerDoc("claim", claim.NewExtractor()),
	}
}

// linkerSteps are the cross-document linkers.
func linkerSteps(opts Options) ([]pipeline.Step, error) {
	res, err := resolve.New(resolve.Options{AliasFile: opts.AliasFile})
	if err != nil {
		return nil, fmt.Errorf("setting up entity resolution: %w", err)
	}
	n := opts.SummarySentences
	if n <= 0 {
		n = 5
	}
	events, err := eventcoref.New(eventcoref.Options{Logger: opts.Logger})
	if err != nil {
		return nil, fmt.Errorf("setting up event linking: %w", err)
	}
	return []pipeline.Step{
		pipeline.Cross("resolve", res),
		pipeline.Cross("compare", claim.New()),
		pipeline.Cross("events", events),
		pipeline.Cross("anchor", anchor.New()),
		pipeline.Cross("timeline", timeline.New()),
		pipeline.Cross("fivew", fivew.New()),
		pipeline.Cross("summarize", summarize.New(summarize.Options{Sentences: n})),
		pipeline.Cross("account", account.New()),
	}, nil
}

func readLines(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("reading URL list: %w", err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line != "" && !strings.HasPrefix(line, "#") {
			out = append(out, line)
		}
	}
	if err := sc.Err(); err != nil {
		return out, fmt.Errorf("reading URL list %s: %w", path, err)
	}
	return out, nil
}
