// Command corroborate turns a pile of news reports about one event into one
// sourced account: clean text and metadata, entities resolved across
// reports, normalized dates, quotes, numbers and claims with agreement and
// disagreement, derivation between reports, a timeline and a cited summary.
//
// Usage:
//
//	corroborate analyze PATH|URL|GLOB|-... [--format md|json|html|timelinejs] [-o FILE]
//	corroborate demo [--format md|json|html|timelinejs] [-o FILE]
//	corroborate entities PATH|URL|GLOB|-... [--format md|json] [-o FILE]
//	corroborate fetch FEED_URL... [--format md|json|html|timelinejs] [-o FILE]
//	corroborate cluster PATH|GLOB|-... [--format md|json] [-o FILE]
//	corroborate eval WHAT [--data DIR]
//	corroborate serve [--data DIR] [--addr 127.0.0.1:8080] [--token TOKEN]
//
// Each command accepts only the flags and formats it honours; run
// "corroborate COMMAND --help" for its flags.
//
// Exit status: 0 when everything was read and analysed, 3 when the account
// was written but some inputs or stages failed (each named on stderr), 1
// when nothing could be produced (no account is written then), 2 for a
// usage error (an unknown command or flag, a format the command does not
// write, a missing input).
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
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
	os.Exit(exitCode(executeRoot(ctx, newRoot()), os.Stderr))
}

// exitCode maps the error of a run to the exit status, printing it to
// stderr unless it only marks a partial failure (already reported).
func exitCode(err error, stderr io.Writer) int {
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errPartial):
		return exitPartial
	}
	fmt.Fprintln(stderr, "corroborate:", displayText(err.Error()))
	var ue usageError
	if errors.As(err, &ue) {
		return exitUsage
	}
	return exitFatal
}

// executeRoot runs the command line. An error met before any command ran
// (an unknown command) is a usage error, as flag errors already are.
func executeRoot(ctx context.Context, root *cobra.Command) error {
	cmd, err := root.ExecuteContextC(ctx)
	var ue usageError
	if err != nil && cmd == root && !errors.As(err, &ue) {
		return usageError{err}
	}
	return err
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
	root.AddCommand(newAnalyze(), newDemo(), newEntities(), newFetch(), newCluster(), newEval(), newServe(), newWorker(), newStore())
	return root
}
