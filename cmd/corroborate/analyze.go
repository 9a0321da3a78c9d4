package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/corroborate/corroborate/analysis"
	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/report/html"
	"github.com/corroborate/corroborate/report/jsonout"
	"github.com/corroborate/corroborate/report/markdown"
	"github.com/corroborate/corroborate/report/timelinejs"
)

// outputFlags are the flags shared by every command that writes an account.
type outputFlags struct {
	format string
	out    string
	opts   analysis.Options
}

func (f *outputFlags) register(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.StringVar(&f.format, "format", "md", "output format: md, json, html, timelinejs")
	fl.StringVarP(&f.out, "output", "o", "-", "write the account to this file ('-' for stdout)")
	fl.StringVar(&f.opts.Published, "published", "", "publication date to assume for inputs that carry none (YYYY-MM-DD)")
	fl.Int64Var(&f.opts.MaxBytes, "max-bytes", 20<<20, "largest input accepted, in bytes")
	fl.StringVar(&f.opts.AliasFile, "alias-file", "", "file of asserted or forbidden name equivalences (see docs/aliases.md)")
	fl.IntVar(&f.opts.SummarySentences, "summary-sentences", 5, "sentences in the summary")
	fl.IntVar(&f.opts.Workers, "workers", 0, "documents analysed at once (default: number of CPUs)")
	fl.BoolVar(&f.opts.KeepFlagged, "keep-flagged", false, "analyse paywalled and stub pages too")
	fl.BoolVar(&f.opts.AllowPrivate, "allow-private", false, "allow fetching URLs on private, loopback and link-local addresses")
	fl.StringVar(&f.opts.URLsFile, "urls", "", "file of URLs to fetch, one per line")
	fl.StringVar(&f.opts.WARC, "warc", "", "WARC file (.warc or .warc.gz) whose HTML responses to analyse")
	fl.StringVar(&f.opts.StateDir, "state", "", "folder keeping the fetch cache and page revisions between runs")
	fl.StringVar(&f.opts.Archive, "archive", "", "append every page fetched whole to this WARC file (.warc.gz)")
}

func (f *outputFlags) check() error {
	switch f.format {
	case "md", "markdown", "json", "html", "timelinejs":
		return nil
	}
	return usageError{fmt.Errorf("--format %q: want md, json, html or timelinejs", f.format)}
}

func newFetch() *cobra.Command {
	f := &outputFlags{}
	cmd := &cobra.Command{
		Use:   "fetch FEED_URL...",
		Short: "Fetch the articles that RSS, Atom or JSON feeds link to and analyse them as one story",
		Long: `fetch reads each feed, fetches the articles it links to (robots.txt honoured,
per-host rate limits, private addresses refused unless --allow-private) and writes
the account of them. Paywalled and stub pages are set aside unless --keep-flagged.`,
		Example: `  corroborate fetch https://example.org/world/rss.xml --format html -o report.html`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := f.check(); err != nil {
				return err
			}
			if len(args) == 0 {
				return usageError{fmt.Errorf("fetch needs at least one feed URL")}
			}
			f.opts.Feeds = args
			return run(cmd.Context(), nil, f, cmd.ErrOrStderr())
		},
	}
	f.register(cmd)
	return cmd
}

func newAnalyze() *cobra.Command {
	f := &outputFlags{}
	cmd := &cobra.Command{
		Use:   "analyze PATH|URL|GLOB|- ...",
		Short: "Analyse reports (files, folders, globs, URLs, '-' for stdin) into one sourced account",
		Example: `  corroborate analyze ../shared/corpus/hashimi/
  corroborate analyze a.html b.txt c.jsonl --format json -o account.json
  corroborate analyze https://example.org/story --format html -o report.html`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := f.check(); err != nil {
				return err
			}
			if len(args) == 0 && f.opts.URLsFile == "" && f.opts.WARC == "" {
				return usageError{fmt.Errorf("analyze needs at least one input (a file, folder, glob, URL or '-')")}
			}
			f.opts.Stdin = cmd.InOrStdin()
			return run(cmd.Context(), args, f, cmd.ErrOrStderr())
		},
	}
	f.register(cmd)
	return cmd
}

// run analyses the inputs, writes the account and reports problems.
func run(ctx context.Context, args []string, f *outputFlags, stderr io.Writer) error {
	start := time.Now()
	s, err := analysis.Analyze(ctx, args, f.opts)
	if err != nil {
		return err
	}
	if err := writeAccount(s, f.format, f.out); err != nil {
		return err
	}
	problems := s.AllProblems()
	for _, d := range s.Excluded {
		fmt.Fprintf(stderr, "corroborate: %s: set aside as %s (use --keep-flagged to analyse it)\n", d.Source, strings.Join(d.Flags, ", "))
	}
	for _, p := range problems {
		fmt.Fprintf(stderr, "corroborate: %s: %s: %s\n", p.Source, p.Stage, firstLine(fmt.Sprint(p.Err)))
	}
	fmt.Fprintf(stderr, "corroborate: %d document(s) analysed, %d excluded, %d problem(s) in %s\n",
		len(s.Docs), len(s.Excluded), len(problems), time.Since(start).Round(time.Millisecond))
	if len(s.Docs) == 0 {
		return fmt.Errorf("no input could be analysed")
	}
	if len(problems) > 0 {
		return errPartial
	}
	return nil
}

func writeAccount(s *document.Story, format, out string) error {
	gen := "corroborate " + version
	return writeOutput(out, func(w io.Writer) error {
		switch format {
		case "json":
			return jsonout.Write(w, s, gen)
		case "html":
			return html.Write(w, s, html.Options{Generator: gen})
		case "timelinejs":
			return timelinejs.Write(w, s)
		default:
			return markdown.Write(w, s, gen)
		}
	})
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}
