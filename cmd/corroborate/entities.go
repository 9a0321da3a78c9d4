package main

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/corroborate/corroborate/analysis"
	"github.com/corroborate/corroborate/document"
)

func newEntities() *cobra.Command {
	f := &outputFlags{}
	cmd := &cobra.Command{
		Use:   "entities PATH...",
		Short: "Print the entities of the reports: one row per person, group or place, with every spelling per source",
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageError{fmt.Errorf("entities needs at least one input")}
			}
			f.opts.Stdin = cmd.InOrStdin()
			s, err := analysis.Analyze(cmd.Context(), args, f.opts)
			if err != nil {
				return err
			}
			if f.format == "json" {
				return writeAccount(s, "json", f.out)
			}
			writeEntityTable(cmd.OutOrStdout(), s)
			return nil
		},
	}
	f.register(cmd)
	return cmd
}

func writeEntityTable(w io.Writer, s *document.Story) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tNAME\tTYPE\tMENTIONS\tSPELLINGS (per document)")
	for _, e := range s.Entities {
		var al []string
		for _, a := range e.Aliases {
			keys := make([]string, 0, len(a.Counts))
			for k := range a.Counts {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			var parts []string
			for _, k := range keys {
				parts = append(parts, fmt.Sprintf("%s×%d", k, a.Counts[k]))
			}
			al = append(al, fmt.Sprintf("%s [%s]", a.Text, strings.Join(parts, " ")))
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%s\n", e.ID, e.Name, e.Type, len(e.Mentions), strings.Join(al, "; "))
	}
	tw.Flush()
}
