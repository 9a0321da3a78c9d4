package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/corroborate/corroborate/analysis"
	"github.com/corroborate/corroborate/cluster"
	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/report/markdown"
)

// clusterFlags are the flags of the cluster command: the shared groups of
// the commands that read reports, and the clusterer's own.
type clusterFlags struct {
	outputFlags
	analyze   string
	threshold float64
	window    time.Duration
}

func newCluster() *cobra.Command {
	f := &clusterFlags{}
	cmd := &cobra.Command{
		Use:   "cluster PATH|GLOB|- ...",
		Short: "Group a stream of reports about many events into stories",
		Long: `cluster reads the inputs (files, folders, globs, '-', --urls, --warc), extracts,
cleans and tags each report (names, dates), then assigns the reports one at a time, in order of
publication date, to stories: a report joins the most similar recent story (words
of title and lead, named entities, closeness in time) or starts a new one. It
prints each story's id, label, dates and reports. With --analyze DIR it also
writes one account per story of two or more reports into DIR.`,
		Example: `  corroborate cluster feeds/2031-03/ --format json -o stories.json
  corroborate cluster crawl/*.html --analyze accounts/`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := f.check(); err != nil {
				return err
			}
			if len(args) == 0 && f.opts.URLsFile == "" && f.opts.WARC == "" {
				return usageError{fmt.Errorf("cluster needs at least one input (a file, folder, glob or '-')")}
			}
			if f.threshold < 0 || f.threshold > 1 {
				return usageError{fmt.Errorf("--threshold %v: want a similarity between 0 and 1", f.threshold)}
			}
			f.opts.Stdin = cmd.InOrStdin()
			return runCluster(cmd.Context(), args, f, cmd.ErrOrStderr())
		},
	}
	f.addOutput(cmd, tableFormats...)
	f.addReading(cmd)
	f.addAnalysis(cmd)
	f.addProgress(cmd)
	f.addSummary(cmd)
	f.addSources(cmd)
	f.addFetching(cmd)
	fl := cmd.Flags()
	fl.StringVar(&f.analyze, "analyze", "", "also write one account per story (2+ reports) into this folder")
	fl.Float64Var(&f.threshold, "threshold", 0, "least similarity (0–1) to join a story (default: the clusterer's)")
	fl.DurationVar(&f.window, "window", 0, "time window of a story, e.g. 720h (default: the clusterer's, 30 days)")
	return cmd
}

// runCluster reads and tags the inputs, clusters them, and writes the
// stories (and, with --analyze, one account per story).
func runCluster(ctx context.Context, args []string, f *clusterFlags, stderr io.Writer) error {
	start := time.Now()
	bar := newProgress(stderr, f.quiet)
	defer bar.close()
	opts := f.opts
	opts.Progress, opts.Quiet = bar.fn(), f.quiet
	if opts.Progress != nil {
		opts.Progress("read", 0, len(args))
	}
	docs, problems, err := analysis.Read(ctx, args, opts)
	if err != nil {
		return err
	}
	if opts.Progress != nil {
		opts.Progress("read", len(args), len(args))
	}
	tagged, err := analysis.NewPipeline(analysis.Tagged, opts)
	if err != nil {
		return err
	}
	all, err := analysis.AnalyzeDocumentsWith(ctx, docs, problems, opts, tagged.Steps)
	bar.close()
	if err != nil {
		return err
	}
	if len(all.Docs) == 0 {
		reportProblems(stderr, all, "cluster")
		return nothingAnalysed("stories", args, all)
	}
	stream := streamOrder(all.Docs)
	c := cluster.New(cluster.Options{Threshold: f.threshold, Window: f.window})
	for _, d := range stream {
		if err := ctx.Err(); err != nil {
			return err
		}
		c.Add(d)
	}
	stories := c.Stories()
	byID := map[string]*document.Document{}
	for _, d := range all.Docs {
		byID[d.ID] = d
	}
	if err := writeOutput(f.out, func(w io.Writer) error { return writeStories(w, stories, byID, f.format) }); err != nil {
		return err
	}
	if f.analyze != "" {
		if err := analyzeStories(ctx, stories, byID, f, bar, stderr); err != nil {
			return err
		}
	}
	reported := reportProblems(stderr, all, "cluster")
	fmt.Fprintf(stderr, "corroborate: %d document(s) in %d stories, %d excluded, %d problem(s) in %s\n",
		len(all.Docs), len(stories), len(all.Excluded), len(reported), time.Since(start).Round(time.Millisecond))
	if len(reported) > 0 {
		return errPartial
	}
	return nil
}

// streamOrder returns the documents by publication date; undated ones keep
// their input order after the dated ones.
func streamOrder(docs []*document.Document) []*document.Document {
	out := append([]*document.Document(nil), docs...)
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Published.Time, out[j].Published.Time
		if a.IsZero() || b.IsZero() {
			return !a.IsZero() && b.IsZero()
		}
		return a.Before(b)
	})
	return out
}

// storyDoc is one report of a story as written out.
type storyDoc struct {
	ID        string `json:"id"`
	Title     string `json:"title,omitempty"`
	Outlet    string `json:"outlet,omitempty"`
	Published string `json:"published,omitempty"`
	Source    string `json:"source"`
	URL       string `json:"url,omitempty"`
}

// storyOut is one story as written out.
type storyOut struct {
	cluster.Story
	Documents []storyDoc `json:"documents"`
}

func describe(s cluster.Story, byID map[string]*document.Document) storyOut {
	out := storyOut{Story: s}
	for _, id := range s.Docs {
		d := byID[id]
		if d == nil {
			continue
		}
		out.Documents = append(out.Documents, storyDoc{ID: d.ID, Title: d.Title, Outlet: d.Outlet,
			Published: d.Published.Value, Source: d.Source, URL: d.URL})
	}
	return out
}

// writeStories writes the stories as Markdown or JSON.
func writeStories(w io.Writer, stories []cluster.Story, byID map[string]*document.Document, format string) error {
	outs := make([]storyOut, len(stories))
	for i, s := range stories {
		outs[i] = describe(s, byID)
	}
	if format == "json" {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		if err := enc.Encode(map[string]any{"generator": "corroborate " + version, "stories": outs}); err != nil {
			return fmt.Errorf("writing stories as JSON: %w", err)
		}
		return nil
	}
	fmt.Fprintf(w, "# Stories\n\n%d stories from %d reports.\n", len(stories), len(byID))
	for _, s := range outs {
		fmt.Fprintf(w, "\n## %s: %s\n\n", markdown.Text(s.ID), markdown.Text(orNone(s.Label)))
		fmt.Fprintf(w, "%d report(s)%s\n\n", len(s.Documents), dateRange(s.First, s.Last))
		for _, d := range s.Documents {
			title := d.Title
			if title == "" {
				title = "(untitled)"
			}
			var meta []string
			for _, m := range []string{d.Outlet, d.Published} {
				if m != "" {
					meta = append(meta, markdown.Text(m))
				}
			}
			fmt.Fprintf(w, "- %s", markdown.Text(title))
			if len(meta) > 0 {
				fmt.Fprintf(w, " — %s", strings.Join(meta, ", "))
			}
			fmt.Fprintf(w, " (%s)\n", markdown.Text(d.Source))
		}
	}
	return nil
}

func orNone(s string) string {
	if s == "" {
		return "(no label)"
	}
	return s
}

func dateRange(first, last time.Time) string {
	switch {
	case first.IsZero():
		return ", undated"
	case first.Format("2006-01-02") == last.Format("2006-01-02"):
		return ", " + first.Format("2006-01-02")
	}
	return ", " + first.Format("2006-01-02") + " to " + last.Format("2006-01-02")
}

// analyzeStories runs the rest of the flow (the Story preset: the
// annotators after timex and the cross-document linkers) over each story of two or more reports and
// writes its account into f.analyze as <story id>.md or .json.
func analyzeStories(ctx context.Context, stories []cluster.Story, byID map[string]*document.Document, f *clusterFlags, bar *progressDisplay, stderr io.Writer) error {
	if err := os.MkdirAll(f.analyze, 0o755); err != nil {
		return fmt.Errorf("creating --analyze folder: %w", err)
	}
	rest, err := analysis.NewPipeline(analysis.Story, f.opts)
	if err != nil {
		return err
	}
	format, ext := "md", ".md"
	if f.format == "json" {
		format, ext = "json", ".json"
	}
	// One bar for the stories, not one per story's stages.
	total := 0
	for _, s := range stories {
		if len(s.Docs) >= 2 {
			total++
		}
	}
	progress := bar.fn()
	if progress != nil {
		progress("analysing stories", 0, total)
	}
	defer bar.close()
	written := 0
	for _, s := range stories {
		if len(s.Docs) < 2 {
			continue
		}
		st := document.NewStory()
		for _, id := range s.Docs {
			if d := byID[id]; d != nil {
				st.Add(d)
			}
		}
		if err := rest.Run(ctx, st); err != nil {
			return fmt.Errorf("analysing story %s: %w", s.ID, err)
		}
		if err := writeAccount(st, format, filepath.Join(f.analyze, s.ID+ext)); err != nil {
			return fmt.Errorf("writing the account of story %s: %w", s.ID, err)
		}
		written++
		if progress != nil {
			progress("analysing stories", written, total)
		}
	}
	bar.close()
	fmt.Fprintf(stderr, "corroborate: %d account(s) written to %s\n", written, displayName(f.analyze))
	return nil
}
