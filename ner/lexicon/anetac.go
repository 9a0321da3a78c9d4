package lexicon

import (
	"bufio"
	"fmt"
	"os"
	"strings"
)

// ANETAC reads the English side of the ANETAC English–Arabic named-entity
// list ("CLASS English Arabic" a line; classes PERSON, LOCATION,
// ORGANIZATION) as gazetteer phrases.
func ANETAC(path string) ([]Phrase, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("reading ANETAC: %w", err)
	}
	defer f.Close()
	var out []Phrase
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) < 3 {
			continue
		}
		class := map[string]string{"PERSON": "PER", "LOCATION": "LOC", "ORGANIZATION": "ORG"}[fields[0]]
		if class == "" {
			continue
		}
		// English words run until the first non-Latin field.
		var en []string
		for _, w := range fields[1:] {
			if !latin(w) {
				break
			}
			en = append(en, w)
		}
		if len(en) > 0 && isCapitalized(en[0]) {
			out = append(out, Phrase{Text: strings.Join(en, " "), Class: class})
		}
	}
	return out, sc.Err()
}

// TSV reads "phrase<TAB>CLASS" lines (as written by
// scripts/ner-npm-gazetteer.js).
func TSV(path string) ([]Phrase, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("reading gazetteer list: %w", err)
	}
	defer f.Close()
	var out []Phrase
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if line == "" {
			continue
		}
		text, class, ok := strings.Cut(line, "\t")
		if !ok {
			return nil, fmt.Errorf("reading %s line %d: want phrase<TAB>class", path, n)
		}
		out = append(out, Phrase{Text: text, Class: class})
	}
	return out, sc.Err()
}
