// Command corroborate turns a pile of news reports about one event into one
// sourced account: clean text and metadata, entities resolved across
// reports, normalized dates, quotes, numbers and claims with agreement and
// disagreement, derivation between reports, a timeline and a cited summary.
//
// Usage:
//
//	corroborate analyze PATH... [--format md|json|html|timelinejs] [-o FILE]
//	corroborate demo
//	corroborate entities PATH...
//	corroborate fetch FEED_URL...
//	corroborate cluster PATH...
//	corroborate eval WHAT --data DIR
//
// Exit status: 0 when everything was read and analysed, 3 when the account
// was written but some inputs or stages failed (each named on stderr), 1
// when nothing could be produced, 2 for a usage error.
package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"
)

// version is the program version (set with -ldflags "-X main.version=…").
var version = "0.1.0"

// Exit codes.
const (
	exitOK      = 0
	exitFatal   = 1
	exitUsage   = 2
	exitPartial = 3
)

// errPartial marks a run whose output was written while some inputs failed.
var errPartial = errors.New("some inputs or stages failed")

// usageError marks bad command-line use.
type usageError struct{ error }

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err := newRoot().ExecuteContext(ctx)
	switch {
	case err == nil:
		os.Exit(exitOK)
	case errors.Is(err, errPartial):
		os.Exit(exitPartial)
	default:
		fmt.Fprintln(os.Stderr, "corroborate:", err)
		var ue usageError
		if errors.As(err, &ue) {
			os.Exit(exitUsage)
		}
		os.Exit(exitFatal)
	}
}

func newRoot() *cobra.Command {
	var logLevel string
	root := &cobra.Command{
		Use:           "corroborate",
		Short:         "Turn many news reports of one event into one sourced account",
		Version:       version,
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			var lvl slog.Level
			if err := lvl.UnmarshalText([]byte(logLevel)); err != nil {
				return usageError{fmt.Errorf("--log-level %q: %w", logLevel, err)}
			}
			slog.SetDefault(slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: lvl})))
			return nil
		},
	}
	root.PersistentFlags().StringVar(&logLevel, "log-level", "error", "log level: debug, info, warn, error")
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error { return usageError{err} })
	root.AddCommand(newAnalyze(), newDemo(), newEntities(), newFetch(), newCluster(), newEval())
	return root
}
