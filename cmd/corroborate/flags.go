package main

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/corroborate/corroborate/analysis"
)

// Output formats a command may accept.
var (
	accountFormats = []string{"md", "json", "html", "timelinejs"}
	tableFormats   = []string{"md", "json"}
)

// outputFlags hold the flags of the commands that analyse reports. Each
// command registers only the groups it honours, so that a flag it would
// ignore is refused as unknown rather than silently dropped.
type outputFlags struct {
	format  string
	formats []string // the formats --format accepts
	out     string
	opts    analysis.Options
	quiet   bool
}

// addOutput registers --format (one of formats, the first the default) and
// -o/--output.
func (f *outputFlags) addOutput(cmd *cobra.Command, formats ...string) {
	f.formats = formats
	cmd.Flags().StringVar(&f.format, "format", formats[0], "output format: "+strings.Join(formats, ", "))
	cmd.Flags().StringVarP(&f.out, "output", "o", "-", "write to this file ('-' for stdout)")
}

// addAnalysis registers the flags that tune the analysis itself.
func (f *outputFlags) addAnalysis(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.StringVar(&f.opts.AliasFile, "alias-file", "", "file of asserted or forbidden name equivalences (see docs/aliases.md)")
	fl.IntVar(&f.opts.Workers, "workers", 0, "documents analysed at once (default: number of CPUs)")
	fl.BoolVar(&f.opts.KeepFlagged, "keep-flagged", false, "analyse paywalled and stub pages too")
}

// addReading registers the flags that govern how inputs are read.
func (f *outputFlags) addReading(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.StringVar(&f.opts.Published, "published", "", "publication date to assume for inputs that carry none (YYYY-MM-DD)")
	fl.Int64Var(&f.opts.MaxBytes, "max-bytes", 20<<20, "largest input accepted, in bytes")
}

// addProgress registers --quiet, which keeps the progress bar (drawn on
// stderr when it is a terminal) off.
func (f *outputFlags) addProgress(cmd *cobra.Command) {
	cmd.Flags().BoolVarP(&f.quiet, "quiet", "q", false, "draw no progress bar on the terminal")
}

// addSummary registers the flags of the written summary.
func (f *outputFlags) addSummary(cmd *cobra.Command) {
	cmd.Flags().IntVar(&f.opts.SummarySentences, "summary-sentences", 5, "sentences in the summary")
}

// addSources registers the inputs given by flag rather than as arguments.
func (f *outputFlags) addSources(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.StringVar(&f.opts.URLsFile, "urls", "", "file of URLs to fetch, one per line")
	fl.StringVar(&f.opts.WARC, "warc", "", "WARC file (.warc or .warc.gz) whose HTML responses to analyse")
}

// addFetching registers the flags of fetching pages over HTTP.
func (f *outputFlags) addFetching(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.BoolVar(&f.opts.AllowPrivate, "allow-private", false, "allow fetching URLs on private, loopback and link-local addresses")
	fl.StringVar(&f.opts.StateDir, "state", "", "folder keeping the fetch cache and page revisions between runs")
	fl.StringVar(&f.opts.Archive, "archive", "", "append every page fetched whole to this WARC file (.warc.gz)")
	fl.DurationVar(&f.opts.FetchTimeout, "fetch-timeout", 60*time.Second, "time allowed for one URL: connecting, headers, body and all retries")
}

// check refuses a --format the command does not write ("markdown" is
// accepted for "md").
func (f *outputFlags) check() error {
	if f.format == "markdown" {
		f.format = "md"
	}
	if slices.Contains(f.formats, f.format) {
		return nil
	}
	return usageError{fmt.Errorf("--format %q: want %s", f.format, orList(f.formats))}
}

// orList renders xs as "a, b or c".
func orList(xs []string) string {
	if len(xs) < 2 {
		return strings.Join(xs, "")
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " or " + xs[len(xs)-1]
}
