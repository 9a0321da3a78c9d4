package main

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/report/markdown"
)

func newEntities() *cobra.Command {
	f := &outputFlags{}
	cmd := &cobra.Command{
		Use:   "entities PATH|URL|GLOB|- ...",
		Short: "Print the entities of the reports: one row per person, group or place, with every spelling per source",
		Long: `entities reads and analyses the inputs as analyze does and writes only the
entity table: as a Markdown table (--format md) or as JSON holding the
generator and the entities array of the account (--format json).`,
		Example: `  corroborate entities ../shared/corpus/hashimi/
  corroborate entities --warc crawl.warc.gz --format json -o entities.json`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := f.check(); err != nil {
				return err
			}
			if len(args) == 0 && f.opts.URLsFile == "" && f.opts.WARC == "" {
				return usageError{fmt.Errorf("entities needs at least one input (a file, folder, glob, URL or '-')")}
			}
			f.opts.Stdin = cmd.InOrStdin()
			s, err := analyse(cmd.Context(), args, f, cmd.ErrOrStderr())
			if err != nil {
				return err
			}
			if err := writeOutput(f.out, func(w io.Writer) error {
				if f.format == "json" {
					return writeEntityJSON(w, s)
				}
				return writeEntityTable(w, s)
			}); err != nil {
				return err
			}
			if len(s.AllProblems()) > 0 {
				return errPartial
			}
			return nil
		},
	}
	f.addOutput(cmd, tableFormats...)
	f.addReading(cmd)
	f.addAnalysis(cmd)
	f.addProgress(cmd)
	f.addSources(cmd)
	f.addFetching(cmd)
	return cmd
}

// entityOutput is what entities writes as JSON: the entities of the account,
// each following the schema's entity definition.
type entityOutput struct {
	Generator string            `json:"generator"`
	Entities  []document.Entity `json:"entities"`
}

func writeEntityJSON(w io.Writer, s *document.Story) error {
	o := entityOutput{Generator: "corroborate " + version, Entities: s.Entities}
	if o.Entities == nil {
		o.Entities = []document.Entity{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(o); err != nil {
		return fmt.Errorf("writing entities as JSON: %w", err)
	}
	return nil
}

// writeEntityTable writes the entities as a Markdown table, one row per
// entity with every spelling and the documents that use it.
func writeEntityTable(w io.Writer, s *document.Story) error {
	cell := markdown.Cell
	var b strings.Builder
	b.WriteString("| id | name | type | mentions | spellings (per document) |\n|---|---|---|---|---|\n")
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
		fmt.Fprintf(&b, "| %s | %s | %s | %d | %s |\n", cell(e.ID), cell(e.Name), cell(e.Type), len(e.Mentions), cell(strings.Join(al, "; ")))
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("writing the entity table: %w", err)
	}
	return nil
}
