// Package ecbplus holds what the readers of the ECB+ corpus share: the
// list of sentences its annotators checked for coreference.
package ecbplus

import (
	"encoding/csv"
	"fmt"
	"os"
	"strings"
)

// CheckedFile is the name of the sentence list in an ECB+ folder.
const CheckedFile = "ECBplus_coreference_sentences.csv"

// CheckedSentences reads the CSV of sentences checked for coreference
// (columns Topic, File, Sentence Number, after a header row) into keys
// "topic/file/sentence", such as "10/10ecbplus/3".
func CheckedSentences(path string) (map[string]bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("reading ECB+ sentence list: %w", err)
	}
	defer f.Close()
	cr := csv.NewReader(f)
	cr.FieldsPerRecord = -1 // a short row is skipped, not an error
	rows, err := cr.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	out := map[string]bool{}
	for i, r := range rows {
		if i == 0 || len(r) < 3 {
			continue
		}
		out[strings.TrimSpace(r[0])+"/"+strings.TrimSpace(r[1])+"/"+strings.TrimSpace(r[2])] = true
	}
	return out, nil
}
