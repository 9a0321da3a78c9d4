package time

import (
	"fmt"
	"io"

	"github.com/corroborate/corroborate/internal/timeml"
)

// GoldTimex is one TIMEX3 of a TimeML document, with its span in the
// document's TEXT content.
type GoldTimex = timeml.Timex

// TimeMLDoc is a TimeML document; the evaluation reads its DCT, Text and
// Timexes.
type TimeMLDoc = timeml.Doc

// ReadTimeML parses the TimeML file at path, which must carry a creation
// time (the anchor of relative expressions).
func ReadTimeML(path string) (*TimeMLDoc, error) {
	doc, err := timeml.Read(path)
	if err != nil {
		return nil, fmt.Errorf("reading TimeML %s: %w", path, err)
	}
	if doc.DCT.IsZero() {
		return nil, fmt.Errorf("parsing TimeML %s: no CREATION_TIME TIMEX3 with a date value", path)
	}
	return doc, nil
}

// ParseTimeML reads TimeML XML: the CREATION_TIME TIMEX3 gives the DCT and
// the TIMEX3 elements inside TEXT give the gold expressions, with offsets
// into the TEXT element's character content.
func ParseTimeML(r io.Reader) (*TimeMLDoc, error) {
	doc, err := timeml.Parse(r)
	if err != nil {
		return nil, err
	}
	if doc.DCT.IsZero() {
		return nil, fmt.Errorf("no CREATION_TIME TIMEX3 with a date value")
	}
	return doc, nil
}
