package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/corroborate/corroborate/eval/suite"
)

// newEval returns the eval command: the evaluations of package suite,
// without the peers that need heavy dependencies (cmd/corroborate-eval
// runs those).
func newEval() *cobra.Command {
	var data string
	evs := suite.All()
	names := suite.Names(evs)
	var long strings.Builder
	long.WriteString("Runs one evaluation and ends with a line '<metric> <value>'.\n" +
		"Peers with heavy dependencies (prose/v2 for ner) run with `go run ./cmd/corroborate-eval WHAT`.\n\nEvaluations:\n")
	for _, e := range evs {
		fmt.Fprintf(&long, "  %-20s %s (default data: %s)\n", e.Name, e.About, e.DefaultData)
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
			ev, ok := suite.Find(evs, args[0])
			if !ok {
				return usageError{fmt.Errorf("unknown evaluation %q; want one of: %s", args[0], strings.Join(names, ", "))}
			}
			dir := data
			if dir == "" {
				dir = ev.DefaultData
			}
			return ev.Run(cmd.Context(), dir, cmd.OutOrStdout())
		},
	}
	cmd.Flags().StringVar(&data, "data", "", "data folder of the evaluation")
	return cmd
}
