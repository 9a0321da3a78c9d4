package time

import (
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"strings"
	gotime "time"
)

// GoldTimex is one TIMEX3 of a TimeML document, with its span in the
// document's TEXT content.
type GoldTimex struct {
	Start, End int
	Text       string
	Type       string
	Value      string
	Mod        string
}

// TimeMLDoc is a TimeML document reduced to what timex evaluation needs.
type TimeMLDoc struct {
	Name string
	// DCT is the document creation time (the anchor).
	DCT gotime.Time
	// Text is the character content of the TEXT element.
	Text    string
	Timexes []GoldTimex
}

// ReadTimeML parses the TimeML file at path.
func ReadTimeML(path string) (*TimeMLDoc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("reading TimeML %s: %w", path, err)
	}
	defer f.Close()
	doc, err := ParseTimeML(f)
	if err != nil {
		return nil, fmt.Errorf("parsing TimeML %s: %w", path, err)
	}
	doc.Name = path
	return doc, nil
}

// ParseTimeML reads TimeML XML: the CREATION_TIME TIMEX3 gives the DCT and
// the TIMEX3 elements inside TEXT give the gold expressions, with offsets
// into the TEXT element's character content.
func ParseTimeML(r io.Reader) (*TimeMLDoc, error) {
	dec := xml.NewDecoder(r)
	dec.Strict = false
	doc := &TimeMLDoc{}
	var text strings.Builder
	inText := false
	var open *GoldTimex
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "TEXT":
				inText = true
			case "TIMEX3":
				attr := map[string]string{}
				for _, a := range t.Attr {
					attr[a.Name.Local] = a.Value
				}
				if attr["functionInDocument"] == "CREATION_TIME" && doc.DCT.IsZero() {
					v := attr["value"]
					if len(v) >= 10 {
						if d, err := gotime.Parse("2006-01-02", v[:10]); err == nil {
							doc.DCT = d
						}
					} else if d, err := gotime.Parse("20060102", v); err == nil {
						doc.DCT = d
					}
				}
				if inText {
					open = &GoldTimex{Start: text.Len(), Type: attr["type"], Value: attr["value"], Mod: attr["mod"]}
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "TEXT":
				inText = false
			case "TIMEX3":
				if open != nil {
					open.End = text.Len()
					open.Text = text.String()[open.Start:open.End]
					doc.Timexes = append(doc.Timexes, *open)
					open = nil
				}
			}
		case xml.CharData:
			if inText {
				text.Write(t)
			}
		}
	}
	doc.Text = text.String()
	if doc.DCT.IsZero() {
		return nil, fmt.Errorf("no CREATION_TIME TIMEX3 with a date value")
	}
	return doc, nil
}
