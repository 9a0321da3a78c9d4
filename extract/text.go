package extract

import (
	"fmt"
	"strings"

	"github.com/corroborate/corroborate/document"
)

// normalizeNewlines turns CRLF and lone CR into LF and drops a leading
// byte-order mark, returning the text and its exact alignment back to raw.
func normalizeNewlines(raw string) (string, document.Alignment) {
	var sb strings.Builder
	sb.Grow(len(raw))
	var al document.Alignment
	i := 0
	if strings.HasPrefix(raw, "\ufeff") {
		i = len("\ufeff")
	}
	runStart := i // start in raw of the run being copied
	for i < len(raw) {
		if raw[i] != '\r' {
			i++
			continue
		}
		// copy raw[runStart:i], then write "\n" for the CR (or CRLF).
		al.Add(sb.Len(), sb.Len()+i-runStart, runStart)
		sb.WriteString(raw[runStart:i])
		if i+1 < len(raw) && raw[i+1] == '\n' {
			// The LF of a CRLF is copied as is: map it to its raw byte.
			i++
			runStart = i
			continue
		}
		sb.WriteByte('\n') // a lone CR: the inserted LF has no origin
		i++
		runStart = i
	}
	al.Add(sb.Len(), sb.Len()+len(raw)-runStart, runStart)
	sb.WriteString(raw[runStart:])
	return sb.String(), al
}

// annotateText extracts a plain-text document: the text itself, with the
// metadata its first and last lines give.
func (e *Extractor) annotateText(d *document.Document) error {
	if strings.TrimSpace(d.Raw) == "" {
		return fmt.Errorf("extracting %s: the text is empty", d.Source)
	}
	d.Extracted, d.ExtractedToRaw = normalizeNewlines(d.Raw)
	e.text.read(d.Extracted).apply(d)
	fillOutletFromURL(d)
	if d.Language == "" {
		d.Language = detectLanguage(d.Extracted)
	}
	return nil
}

// annotateRecord fills what a record from ingest lacks: Extracted stays as
// ingest set it; the outlet comes from the URL and the title from the first
// line when missing.
func (e *Extractor) annotateRecord(d *document.Document) error {
	if d.Extracted == "" {
		if strings.TrimSpace(d.Raw) == "" {
			return fmt.Errorf("extracting %s: the record has no text", d.Source)
		}
		d.Extracted, d.ExtractedToRaw = normalizeNewlines(d.Raw)
	}
	fillOutletFromURL(d)
	if d.Title == "" {
		first := strings.TrimSpace(firstLine(d.Extracted))
		if looksLikeHeadline(first) {
			d.Title = first
		}
	}
	if d.Language == "" {
		d.Language = detectLanguage(d.Extracted)
	}
	return nil
}

// firstLine returns the first non-blank line of s.
func firstLine(s string) string {
	for _, l := range strings.Split(s, "\n") {
		if strings.TrimSpace(l) != "" {
			return l
		}
	}
	return ""
}
