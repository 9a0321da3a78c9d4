package main

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	evalclean "github.com/corroborate/corroborate/eval/clean"
	evalcluster "github.com/corroborate/corroborate/eval/cluster"
	evaldecoding "github.com/corroborate/corroborate/eval/decoding"
	evalextract "github.com/corroborate/corroborate/eval/extract"
	evalmultilingual "github.com/corroborate/corroborate/eval/extract/multilingual"
	evalner "github.com/corroborate/corroborate/eval/ner"
	evalquotes "github.com/corroborate/corroborate/eval/quotes"
	evalresolve "github.com/corroborate/corroborate/eval/resolve"
	evalsummary "github.com/corroborate/corroborate/eval/summary"
	evaltime "github.com/corroborate/corroborate/eval/time"
)

// evaluation runs one benchmark on a data folder and ends its output with
// the line "<metric> <value>".
type evaluation struct {
	run         func(ctx context.Context, dataDir string, w io.Writer) error
	defaultData string
	about       string
}

var evaluations = map[string]evaluation{
	"extract":              {evalextract.Run, "../shared/data/scrapinghub-aeb", "HTML main-text extraction + cleaning (ScrapingHub article-extraction benchmark)"},
	"extract-multilingual": {evalmultilingual.Run, "../shared/data/trafilatura-eval", "HTML main-text extraction, held out (trafilatura multilingual benchmark)"},
	"cluster":              {evalcluster.Run, "../shared/data", "story clustering from a stream (giveme5w1h news_cluster, ECB+ topics)"},
	"clean":                {evalclean.Run, "../shared/data/scrapinghub-aeb", "boilerplate cleaning of stored extractor outputs (ScrapingHub benchmark)"},
	"decoding":             {evaldecoding.Run, "../shared/data/trafilatura-eval", "character-set decoding of web pages"},
	"ner":                  {evalner.Run, "../shared/data/conll2003", "named entities (CoNLL-2003 English test)"},
	"time":                 {evaltime.Run, "../shared/data/tempeval3", "time expressions (TempEval-3 platinum)"},
	"resolve":              {evalresolve.Run, "../shared/data/anetac", "name-variant matching across documents (ANETAC variants)"},
	"quotes":               {evalquotes.Run, "../shared/data/polnear", "quote speaker attribution (PolNeAR dev)"},
	"summary":              {evalsummary.Run, "../shared/data/giveme5w1h", "cited multi-document summary (ROUGE)"},
}

func newEval() *cobra.Command {
	var data string
	names := make([]string, 0, len(evaluations))
	for n := range evaluations {
		names = append(names, n)
	}
	sort.Strings(names)
	var long strings.Builder
	long.WriteString("Runs one evaluation and ends with a line '<metric> <value>'.\n\nEvaluations:\n")
	for _, n := range names {
		fmt.Fprintf(&long, "  %-20s %s (default data: %s)\n", n, evaluations[n].about, evaluations[n].defaultData)
	}
	cmd := &cobra.Command{
		Use:       "eval WHAT --data DIR",
		Short:     "Run an evaluation: " + strings.Join(names, ", "),
		Long:      long.String(),
		ValidArgs: names,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usageError{fmt.Errorf("eval needs one of: %s", strings.Join(names, ", "))}
			}
			ev, ok := evaluations[args[0]]
			if !ok {
				return usageError{fmt.Errorf("unknown evaluation %q; want one of: %s", args[0], strings.Join(names, ", "))}
			}
			dir := data
			if dir == "" {
				dir = ev.defaultData
			}
			return ev.run(cmd.Context(), dir, cmd.OutOrStdout())
		},
	}
	cmd.Flags().StringVar(&data, "data", "", "data folder of the evaluation")
	return cmd
}
