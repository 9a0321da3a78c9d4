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
	f.addOutput(cmd, accountFormats...)
	f.addReading(cmd)
	f.addAnalysis(cmd)
	f.addProgress(cmd)
	f.addSummary(cmd)
	f.addFetching(cmd)
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
	f.addOutput(cmd, accountFormats...)
	f.addReading(cmd)
	f.addAnalysis(cmd)
	f.addProgress(cmd)
	f.addSummary(cmd)
	f.addSources(cmd)
	f.addFetching(cmd)
	return cmd
}

// run analyses the inputs, reports problems and writes the account.
func run(ctx context.Context, args []string, f *outputFlags, stderr io.Writer) error {
	s, err := analyse(ctx, args, f, stderr)
	if err != nil {
		return err
	}
	if err := writeAccount(s, f.format, f.out); err != nil {
		return err
	}
	if len(s.AllProblems()) > 0 {
		return errPartial
	}
	return nil
}

// analyse reads and analyses the inputs (args and those the flags name) and
// names on stderr every input set aside and every problem. When no document could be analysed it returns an
// error naming the inputs, so that no empty account is written.
func analyse(ctx context.Context, args []string, f *outputFlags, stderr io.Writer) (*document.Story, error) {
	start := time.Now()
	bar := newProgress(stderr, f.quiet)
	opts := f.opts
	opts.Progress, opts.Quiet = bar.fn(), f.quiet
	s, err := analysis.Analyze(ctx, args, opts)
	bar.close()
	if err != nil {
		return nil, err
	}
	problems := reportProblems(stderr, s, "analyse")
	fmt.Fprintf(stderr, "corroborate: %d document(s) analysed, %d excluded, %d problem(s) in %s\n",
		len(s.Docs), len(s.Excluded), len(problems), time.Since(start).Round(time.Millisecond))
	if len(s.Docs) == 0 {
		inputs := append(append([]string{}, args...), f.opts.Feeds...)
		for _, in := range []string{f.opts.URLsFile, f.opts.WARC} {
			if in != "" {
				inputs = append(inputs, in)
			}
		}
		return nil, nothingAnalysed("account", inputs, s)
	}
	return s, nil
}

// reportProblems writes a line on stderr for each document set aside and
// each problem (with its place in the document's text when known), and
// returns the problems; verb says what --keep-flagged would do. Names and
// messages are made safe for a terminal (displayName, displayText).
func reportProblems(stderr io.Writer, s *document.Story, verb string) []document.Problem {
	for _, d := range s.Excluded {
		fmt.Fprintf(stderr, "corroborate: %s: set aside as %s (use --keep-flagged to %s it)\n", displayName(d.Source), displayText(strings.Join(d.Flags, ", ")), verb)
	}
	problems := s.AllProblems()
	for _, p := range problems {
		where := displayName(p.Source)
		if p.Span != nil {
			where = fmt.Sprintf("%s (bytes %d–%d of its text)", where, p.Span.Start, p.Span.End)
		}
		fmt.Fprintf(stderr, "corroborate: %s: %s: %s\n", where, p.Stage, displayText(firstLine(fmt.Sprint(p.Err))))
	}
	return problems
}

// nothingAnalysed is the error of a run in which no document was left to
// analyse, so that nothing (what) was written: it names the inputs that
// failed or were set aside, else those given.
func nothingAnalysed(what string, inputs []string, s *document.Story) error {
	var names []string
	seen := map[string]bool{}
	add := func(name string) {
		if name != "" && !seen[name] {
			seen[name] = true
			names = append(names, displayName(name))
		}
	}
	for _, p := range s.AllProblems() {
		add(p.Source)
	}
	for _, d := range s.Excluded {
		add(d.Source)
	}
	if len(names) == 0 {
		for _, in := range inputs {
			add(in)
		}
	}
	const most = 5
	if len(names) > most {
		names = append(names[:most], fmt.Sprintf("%d more", len(names)-most))
	}
	if len(names) == 0 {
		return fmt.Errorf("no %s written: no input was given", what)
	}
	return fmt.Errorf("no %s written: nothing could be analysed in %s", what, strings.Join(names, ", "))
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
