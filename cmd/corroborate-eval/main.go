// Command corroborate-eval runs the evaluations of `corroborate eval` with
// every peer in the same run, including those whose dependencies are kept
// out of the product binary (prose/v2 and gonum for ner). It prints what
// `corroborate eval WHAT` prints, plus the heavy peers' sections.
//
//	go run ./cmd/corroborate-eval ner                      # ours, then prose/v2 on the same sentences
//	go run ./cmd/corroborate-eval --data DIR resolve       # same as corroborate eval resolve
//
// Exit status: 0 done, 1 the evaluation failed, 2 usage error.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"

	"github.com/corroborate/corroborate/eval/ner/prose"
	"github.com/corroborate/corroborate/eval/suite"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run parses args, runs one evaluation and returns the exit status.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	evs := suite.WithPeers(suite.All(), prose.Peer())
	names := suite.Names(evs)
	fs := flag.NewFlagSet("corroborate-eval", flag.ContinueOnError)
	fs.SetOutput(stderr)
	data := fs.String("data", "", "data folder of the evaluation (default: the evaluation's folder under ../shared/data)")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: corroborate-eval [--data DIR] WHAT\n\nRuns one evaluation with all its peers and ends with a line '<metric> <value>'.\n\nEvaluations:\n")
		for _, e := range evs {
			fmt.Fprintf(stderr, "  %-20s %s (default data: %s)\n", e.Name, e.About, e.DefaultData)
		}
		fmt.Fprintln(stderr, "\nFlags:")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return 0
		}
		return 2
	}
	if fs.NArg() != 1 {
		fmt.Fprintf(stderr, "corroborate-eval: want one evaluation, one of: %s\n", strings.Join(names, ", "))
		return 2
	}
	ev, ok := suite.Find(evs, fs.Arg(0))
	if !ok {
		fmt.Fprintf(stderr, "corroborate-eval: unknown evaluation %q; want one of: %s\n", fs.Arg(0), strings.Join(names, ", "))
		return 2
	}
	dir := *data
	if dir == "" {
		dir = ev.DefaultData
	}
	if err := ev.Run(ctx, dir, stdout); err != nil {
		fmt.Fprintf(stderr, "corroborate-eval %s: %v\n", ev.Name, err)
		return 1
	}
	return 0
}
