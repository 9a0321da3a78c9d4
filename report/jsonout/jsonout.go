// Package jsonout writes the output model as JSON following the schema in
// docs/format.md (report.SchemaVersion).
package jsonout

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/report"
)

// Write encodes the output model of s to w, indented.
func Write(w io.Writer, s *document.Story, generator string) error {
	return Render(w, report.Build(s, generator))
}

// Render encodes o to w, indented, with '<', '>' and '&' written as they
// are (the output is data, not HTML).
func Render(w io.Writer, o *report.Output) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(o); err != nil {
		return fmt.Errorf("writing JSON report: %w", err)
	}
	return nil
}
