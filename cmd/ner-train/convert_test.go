package main

import (
	"bytes"
	"compress/gzip"
	"encoding/gob"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/ner"
)

// legacyBytes writes mf as a model file of format version 1.
func legacyBytes(t *testing.T, mf *legacyFile) []byte {
	t.Helper()
	var buf bytes.Buffer
	buf.WriteString("corroborate-ner 1 " + mf.Version + "\n")
	zw := gzip.NewWriter(&buf)
	if err := gob.NewEncoder(zw).Encode(mf); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// legacyModel returns a version-1 model body whose weights make the
// words of "visited Baghdad" a location, as the old trainer wrote it.
func legacyModel() *legacyFile {
	lx := ner.Lexicon{Casing: map[string]uint8{"baghdad": ner.CaseTitle}}
	lx.AddPhrase("Baghdad", "LOC")
	words := strings.Fields("They visited Baghdad .")
	loc := ner.Labels(len(words), []ner.Chunk{{Start: 2, End: 3, Type: "LOC"}})[2]
	mf := &legacyFile{Version: "legacy test", Casing: lx.Casing, Gazetteer: lx.Gazetteer, GazMaxLen: lx.GazMaxLen, Temp: 8, Scale: 0.01}
	enc := ner.NewEncoder(lx).Encode(words)
	seen := map[uint64]bool{}
	for _, i := range []int{0, 1, 3} {
		for _, k := range enc.Static(i, nil, nil) {
			seen[k] = true // keys of the other words get no weight
		}
	}
	for _, k := range enc.Static(2, nil, nil) {
		if seen[k] {
			continue
		}
		seen[k] = true
		mf.Keys = append(mf.Keys, k)
		mf.Counts = append(mf.Counts, 2)
		mf.Labels = append(mf.Labels, 0, uint8(loc))
		mf.Weights = append(mf.Weights, -300, 1200+int16(len(mf.Keys)))
	}
	return mf
}

func TestConvert(t *testing.T) {
	dir := t.TempDir()
	old := filepath.Join(dir, "old.bin")
	if err := os.WriteFile(old, legacyBytes(t, legacyModel()), 0o644); err != nil {
		t.Fatal(err)
	}
	a, b := filepath.Join(dir, "a.bin"), filepath.Join(dir, "b.bin")
	for _, out := range []string{a, b} {
		if err := convert(old, out); err != nil {
			t.Fatal(err)
		}
	}
	da, _ := os.ReadFile(a)
	db, _ := os.ReadFile(b)
	if len(da) == 0 || !bytes.Equal(da, db) {
		t.Fatalf("two conversions gave %d and %d bytes, not the same", len(da), len(db))
	}
	m, err := ner.ReadModel(bytes.NewReader(da), a)
	if err != nil {
		t.Fatal(err)
	}
	mf := legacyModel()
	if m.Version() != mf.Version || m.Temp() != mf.Temp || m.NumFeatures() != len(mf.Keys) {
		t.Errorf("converted: version %q, temp %g, %d features; want %q, %g, %d", m.Version(), m.Temp(), m.NumFeatures(), mf.Version, mf.Temp, len(mf.Keys))
	}
	// The weights are the old steps times the old scale (the largest one
	// sets the new unit, so they come back within half a step).
	want := map[uint64][2]float32{}
	for i, k := range mf.Keys {
		want[k] = [2]float32{float32(mf.Weights[2*i]) * mf.Scale, float32(mf.Weights[2*i+1]) * mf.Scale}
	}
	loc := int(mf.Labels[1])
	m.EachWeight(func(k uint64, row [ner.NumLabels]float32) {
		w := want[k]
		if d := row[0] - w[0]; d > 1e-3 || d < -1e-3 {
			t.Errorf("key %x: O weight %g, want %g", k, row[0], w[0])
		}
		if d := row[loc] - w[1]; d > 1e-3 || d < -1e-3 {
			t.Errorf("key %x: LOC weight %g, want %g", k, row[loc], w[1])
		}
	})
	chunks, _ := ner.NewTagger(m, ner.Options{Beam: 1}).TagWords(strings.Fields("They visited Baghdad ."))
	if len(chunks) != 1 || chunks[0].Type != "LOC" || chunks[0].Start != 2 {
		t.Errorf("converted model tags %v, want Baghdad as LOC", chunks)
	}
}

func TestConvertRefuses(t *testing.T) {
	stage2 := legacyModel()
	stage2.Stage2 = &legacyWeights{Scale: 1}
	bad := legacyModel()
	bad.Counts[0] = 9
	tests := map[string]struct {
		in   []byte
		want string
	}{
		"not a model":    {[]byte("hello\n"), "not a version-1"},
		"version 2":      {[]byte("corroborate-ner 2 x\n"), "format version"},
		"not gzip":       {[]byte("corroborate-ner 1 x\nplain"), "old.bin"},
		"second stage":   {legacyBytes(t, stage2), "no longer runs"},
		"counts too big": {legacyBytes(t, bad), "out of range"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			_, err := readLegacy(bytes.NewReader(tt.in), "old.bin")
			if err == nil || !strings.Contains(err.Error(), "old.bin") || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("readLegacy = %v, want an error naming old.bin and %q", err, tt.want)
			}
		})
	}
}
