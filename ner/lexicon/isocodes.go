package lexicon

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
)

// ISOCodes reads country and subdivision names from Debian iso-codes JSON
// (dir is e.g. /usr/share/iso-codes/json). All are LOC.
func ISOCodes(dir string) ([]Phrase, error) {
	var out []Phrase
	var c1 map[string][]map[string]string
	if err := readJSON(filepath.Join(dir, "iso_3166-1.json"), &c1); err != nil {
		return nil, err
	}
	for _, c := range c1["3166-1"] {
		for _, k := range []string{"name", "common_name", "official_name"} {
			if v := c[k]; v != "" {
				out = append(out, Phrase{Text: v, Class: "LOC"})
			}
		}
	}
	var c2 map[string][]map[string]string
	if err := readJSON(filepath.Join(dir, "iso_3166-2.json"), &c2); err != nil {
		return nil, err
	}
	for _, c := range c2["3166-2"] {
		if v := c["name"]; v != "" && latin(v) {
			out = append(out, Phrase{Text: v, Class: "LOC"})
		}
	}
	return out, nil
}

func readJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("reading iso-codes: %w", err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("decoding %s: %w", path, err)
	}
	return nil
}
