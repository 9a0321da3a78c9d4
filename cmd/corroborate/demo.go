package main

import (
	"context"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/corroborate/corroborate/demo"
	"github.com/corroborate/corroborate/engine"
)

func newDemo() *cobra.Command {
	f := &outputFlags{}
	sf := &serveFlags{}
	var serve bool
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
			if serve {
				return serveDemo(cmd, sf, f)
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
	cmd.Flags().BoolVar(&serve, "serve", false, "serve the demo story in the web interface (with serve's flags; --data defaults to a new temporary folder)")
	sf.add(cmd)
	return cmd
}

// serveDemo runs serve with the demo reports added as one story, and
// prints the story's address.
func serveDemo(cmd *cobra.Command, sf *serveFlags, f *outputFlags) error {
	stderr := cmd.ErrOrStderr()
	if !cmd.Flags().Changed("data") {
		dir, err := os.MkdirTemp("", "corroborate-demo-data-")
		if err != nil {
			return fmt.Errorf("creating demo data folder: %w", err)
		}
		defer os.RemoveAll(dir)
		sf.data = dir
	}
	return runServe(cmd.Context(), sf, f, stderr, func(ctx context.Context, e *engine.Engine, base string) error {
		story, err := addDemo(ctx, e)
		if err != nil {
			return err
		}
		fmt.Fprintf(stderr, "corroborate: the demo story is at %s/stories/%s\n", base, story)
		return nil
	})
}

// addDemo adds the demo reports to the engine's store as one story, named
// as the demo command names them, and returns the story's id.
func addDemo(ctx context.Context, e *engine.Engine) (string, error) {
	names, err := demo.Files()
	if err != nil {
		return "", err
	}
	story := ""
	for _, n := range names {
		data, err := demo.ReadFile(n)
		if err != nil {
			return "", err
		}
		res, err := e.Add(ctx, engine.Submission{Data: data, Name: "demo/" + n, Story: story})
		if err != nil {
			return "", fmt.Errorf("adding demo report %s: %w", n, err)
		}
		if story == "" {
			story = res.Story
		}
	}
	return story, nil
}

func baseName(p string) string {
	for i := len(p) - 1; i >= 0; i-- {
		if p[i] == '/' || p[i] == os.PathSeparator {
			return p[i+1:]
		}
	}
	return p
}
