package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/corroborate/corroborate/demo"
)

func newDemo() *cobra.Command {
	f := &outputFlags{}
	cmd := &cobra.Command{
		Use:   "demo",
		Short: "Analyse the small example story shipped with Corroborate",
		Long: `demo analyses three invented reports of one invented event, shipped inside the
binary: a wire text, an HTML page and news-please style JSON records. They carry the
problems real reports have (spelling variants, relative dates, disagreeing numbers,
copied wire text, boilerplate, a paywalled stub).`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := f.check(); err != nil {
				return err
			}
			dir, err := os.MkdirTemp("", "corroborate-demo-")
			if err != nil {
				return fmt.Errorf("creating demo folder: %w", err)
			}
			defer os.RemoveAll(dir)
			paths, err := demo.WriteTo(dir)
			if err != nil {
				return err
			}
			f.opts.SourceNames = map[string]string{}
			for _, p := range paths {
				f.opts.SourceNames[p] = "demo/" + baseName(p)
			}
			return run(cmd.Context(), paths, f, cmd.ErrOrStderr())
		},
	}
	f.addOutput(cmd, accountFormats...)
	f.addAnalysis(cmd)
	f.addSummary(cmd)
	return cmd
}

func baseName(p string) string {
	for i := len(p) - 1; i >= 0; i-- {
		if p[i] == '/' || p[i] == os.PathSeparator {
			return p[i+1:]
		}
	}
	return p
}
