// Package timeml reads TimeML documents (TempEval-3's TimeBank, AQUAINT
// and platinum files) into their text, creation time, EVENT annotations
// with their instance attributes, and TIMEX3 spans: what event detection
// trains and is evaluated on, and the time expressions the time
// evaluation scores.
package timeml

import (
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// Event is one EVENT of a TimeML document, with the attributes of its
// first instance (MAKEINSTANCE).
type Event struct {
	ID         string
	Start, End int // byte offsets into Doc.Text
	Text       string
	Class      string
	Polarity   string // POS or NEG
	Modality   string // the modal word, "" when none
	Tense      string
	Aspect     string
	POS        string
}

// Timex is a TIMEX3 of the TEXT element.
type Timex struct {
	Start, End int
	Text       string
	Type       string
	Value      string
	Mod        string
}

// Doc is a TimeML document.
type Doc struct {
	// Name is the file's base name.
	Name string
	// DCT is the document creation time (zero when absent).
	DCT time.Time
	// Text is the character content of the TEXT element; every offset is
	// into it.
	Text    string
	Events  []Event
	Timexes []Timex
}

// Read parses the TimeML file at path.
func Read(path string) (*Doc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("timeml: %w", err)
	}
	defer f.Close()
	d, err := Parse(f)
	if err != nil {
		return nil, fmt.Errorf("timeml: parsing %s: %w", path, err)
	}
	d.Name = filepath.Base(path)
	return d, nil
}

// ReadDir parses every .tml file under dir (recursively), in name order.
func ReadDir(dir string) ([]*Doc, error) {
	var paths []string
	err := filepath.WalkDir(dir, func(p string, e os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !e.IsDir() && strings.HasSuffix(p, ".tml") {
			paths = append(paths, p)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("timeml: %w", err)
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("timeml: no .tml files under %s", dir)
	}
	sort.Strings(paths)
	docs := make([]*Doc, 0, len(paths))
	for _, p := range paths {
		d, err := Read(p)
		if err != nil {
			return nil, err
		}
		docs = append(docs, d)
	}
	return docs, nil
}

// Parse reads TimeML XML.
func Parse(r io.Reader) (*Doc, error) {
	dec := xml.NewDecoder(r)
	dec.Strict = false
	d := &Doc{}
	var text strings.Builder
	inText := false
	var ev *Event
	var tx *Timex
	instances := map[string]map[string]string{}
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
			attr := map[string]string{}
			for _, a := range t.Attr {
				attr[a.Name.Local] = a.Value
			}
			switch t.Name.Local {
			case "TEXT":
				inText = true
			case "EVENT":
				if inText {
					ev = &Event{ID: attr["eid"], Start: text.Len(), Class: attr["class"]}
				}
			case "TIMEX3":
				if attr["functionInDocument"] == "CREATION_TIME" && d.DCT.IsZero() {
					d.DCT = parseDate(attr["value"])
				}
				if inText {
					tx = &Timex{Start: text.Len(), Type: attr["type"], Value: attr["value"], Mod: attr["mod"]}
				}
			case "MAKEINSTANCE":
				if id := attr["eventID"]; instances[id] == nil {
					instances[id] = attr
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "TEXT":
				inText = false
			case "EVENT":
				if ev != nil {
					ev.End = text.Len()
					ev.Text = text.String()[ev.Start:ev.End]
					d.Events = append(d.Events, *ev)
					ev = nil
				}
			case "TIMEX3":
				if tx != nil {
					tx.End = text.Len()
					tx.Text = text.String()[tx.Start:tx.End]
					d.Timexes = append(d.Timexes, *tx)
					tx = nil
				}
			}
		case xml.CharData:
			if inText {
				text.Write(t)
			}
		}
	}
	d.Text = text.String()
	for i := range d.Events {
		e := &d.Events[i]
		e.Polarity = "POS"
		if a := instances[e.ID]; a != nil {
			if a["polarity"] != "" {
				e.Polarity = a["polarity"]
			}
			e.Modality, e.Tense, e.Aspect, e.POS = strings.ToLower(a["modality"]), a["tense"], a["aspect"], a["pos"]
		}
	}
	return d, nil
}

// parseDate reads a TIMEX3 date value (2013-03-22, 20130322, or with a
// time of day).
func parseDate(v string) time.Time {
	if len(v) >= 10 {
		if t, err := time.Parse("2006-01-02", v[:10]); err == nil {
			return t
		}
	}
	if len(v) >= 8 {
		if t, err := time.Parse("20060102", v[:8]); err == nil {
			return t
		}
	}
	return time.Time{}
}
