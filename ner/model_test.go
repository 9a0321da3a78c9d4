package ner

import (
	"bytes"
	"compress/gzip"
	"encoding/gob"
	"strings"
	"testing"
)

// TestReadModelRefusesExperiments checks that a model file carrying the
// removed table-line features or second stage is refused, not tagged with
// features the tagger no longer computes.
func TestReadModelRefusesExperiments(t *testing.T) {
	for name, mf := range map[string]modelFile{
		"table-line features": {Version: "old", TableFeatures: true},
		"second stage":        {Version: "old", Stage2: &weightFile{Scale: 1}},
	} {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			buf.WriteString(modelMagic + " 1 old\n")
			zw := gzip.NewWriter(&buf)
			if err := gob.NewEncoder(zw).Encode(&mf); err != nil {
				t.Fatal(err)
			}
			if err := zw.Close(); err != nil {
				t.Fatal(err)
			}
			_, err := ReadModel(&buf, "old.bin")
			if err == nil || !strings.Contains(err.Error(), "old.bin") || !strings.Contains(err.Error(), "no longer") {
				t.Errorf("ReadModel = %v, want an error naming old.bin and the removed experiment", err)
			}
		})
	}
}

func TestReadModelErrors(t *testing.T) {
	tests := map[string]string{
		"empty":       "",
		"wrong magic": "something-else 1 x\n",
		"bad version": "corroborate-ner 99 x\n",
		"bad body":    "corroborate-ner 1 x\nnot gzip",
	}
	for name, in := range tests {
		t.Run(name, func(t *testing.T) {
			_, err := ReadModel(strings.NewReader(in), "test input")
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.Contains(err.Error(), "test input") {
				t.Errorf("error %q does not name the input", err)
			}
		})
	}
}
