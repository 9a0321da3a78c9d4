package main

import (
	"fmt"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/corroborate/corroborate/store/postgres"
	"github.com/corroborate/corroborate/store/storemigrate"
	"github.com/corroborate/corroborate/store/storeurl"
)

func newStore() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "store",
		Short: "Manage the service's store",
	}
	var from, to string
	migrate := &cobra.Command{
		Use:   "migrate",
		Short: "Copy an embedded store into an empty PostgreSQL database, keeping every ID",
		Long: `store migrate copies every report's bytes and revisions, documents with their
annotations, stories, accounts, jobs and feeds from an embedded store (--from sqlite:DIR,
the folder serve --data used) into an empty PostgreSQL database (--to postgres://…), in
one transaction, keeping the IDs so that links stay valid. Stop serve first.`,
		Example: `  corroborate store migrate --from sqlite:$HOME/.local/share/corroborate --to postgres://corroborate@db:5432/corroborate`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usageError{fmt.Errorf("store migrate takes no arguments (got %q)", args[0])}
			}
			dir, ok := strings.CutPrefix(from, "sqlite:")
			if !ok || dir == "" {
				return usageError{fmt.Errorf("--from must be sqlite:DIR (got %q)", from)}
			}
			if !storeurl.IsPostgres(to) {
				return usageError{fmt.Errorf("--to must be postgres://… (got %q)", to)}
			}
			ctx := cmd.Context()
			dst, err := postgres.Open(ctx, to)
			if err != nil {
				return err
			}
			defer dst.Close()
			n, err := storemigrate.Copy(ctx, dir, dst)
			if err != nil {
				return err
			}
			var parts []string
			for t, c := range n {
				parts = append(parts, fmt.Sprintf("%s %d", t, c))
			}
			sort.Strings(parts)
			fmt.Fprintf(cmd.ErrOrStderr(), "corroborate: copied %s into %s\n", strings.Join(parts, ", "), dst.Path())
			return nil
		},
	}
	migrate.Flags().StringVar(&from, "from", "", "the embedded store: sqlite:DIR")
	migrate.Flags().StringVar(&to, "to", "", "the PostgreSQL database: postgres://user@host:5432/db")
	cmd.AddCommand(migrate)
	return cmd
}
