// Package jsonout writes a story as JSON following the schema in
// docs/format.md (report.SchemaVersion).
package jsonout

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/report"
)

// Write encodes the story's output model to w, indented.
func Write(w io.Writer, s *document.Story, generator string) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(report.Build(s, generator)); err != nil {
		return fmt.Errorf("writing JSON report: %w", err)
	}
	return nil
}
