package timeline

import (
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode"
)

// eventLexicon maps a lower-case word to the share of its occurrences
// that TimeML annotators marked as an EVENT in the TempEval-3 training
// corpus (TimeBank and AQUAINT). It is the fallback trigger detector when
// no event-mention stage has run: a word is a candidate trigger when it is
// usually an event there.
type eventLexicon map[string]float64

// loadEventLexicon reads the TempEval-3 training files under dir.
func loadEventLexicon(dir string) (eventLexicon, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*", "*.tml"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no TempEval-3 training files under %s", dir)
	}
	events, all := map[string]int{}, map[string]int{}
	for _, f := range files {
		if err := countEvents(f, events, all); err != nil {
			return nil, err
		}
	}
	lex := eventLexicon{}
	for w, n := range all {
		if n >= 2 && events[w] > 0 {
			lex[w] = float64(events[w]) / float64(n)
		}
	}
	return lex, nil
}

func countEvents(path string, events, all map[string]int) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	dec := xml.NewDecoder(f)
	dec.Strict = false
	inText, inEvent := false, false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "TEXT":
				inText = true
			case "EVENT":
				inEvent = true
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "TEXT":
				inText = false
			case "EVENT":
				inEvent = false
			}
		case xml.CharData:
			if !inText {
				continue
			}
			for _, w := range words(string(t)) {
				all[w]++
				if inEvent {
					events[w]++
				}
			}
		}
	}
}

// words splits s into lower-case words (letters, digits, inner hyphens
// and apostrophes).
func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' && r != '\''
	})
}
