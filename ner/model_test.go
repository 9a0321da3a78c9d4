package ner

import (
	"bytes"
	"encoding/binary"
	"math/rand"
	"reflect"
	"strings"
	"testing"
	"unsafe"
)

// sampleSentences are tagged by the round-trip tests.
var sampleSentences = [][]string{
	strings.Fields("Hisham al-Hashimi was killed in Baghdad on Monday ."),
	strings.Fields("The United Nations mission in Iraq condemned the attack , said Layla Haddad in London ."),
	strings.Fields("KATA'IB HEZBOLLAH DENIED ANY ROLE"),
}

// smallModel builds a model over a small lexicon with random weights on
// the keys the sample sentences produce, so that tagging reads every
// table.
func smallModel(t testing.TB) *Model {
	t.Helper()
	lx := Lexicon{
		Clusters:  map[string][3]uint16{"baghdad": {1, 2, 3}, "london": {1, 2, 4}, "killed": {5, 6, 7}},
		Clusters2: map[string][3]uint16{"baghdad": {9, 8, 7}, "hashimi": {3, 3, 3}},
		Casing:    map[string]uint8{"baghdad": CaseTitle, "the": CaseLower, "iraq": CaseTitle},
		Proj:      map[string][]int8{"iraq": make([]int8, VectorWindow*NumLabels), "hashimi": make([]int8, VectorWindow*NumLabels)},
		ProjScale: 0.25, RunFeatures: true, Extra: TitleBreak | DocTopic,
	}
	for i := range lx.Proj["iraq"] {
		lx.Proj["iraq"][i] = int8(i%7 - 3)
		lx.Proj["hashimi"][i] = int8(i%5 - 2)
	}
	lx.AddPhrase("United Nations", "ORG")
	lx.AddPhrase("Layla Haddad", "PER")
	lx.AddPhrase("London", "LOC")
	enc := NewEncoder(lx)
	rng := rand.New(rand.NewSource(7))
	var ws Weights
	seen := map[uint64]bool{}
	add := func(keys []uint64) {
		for _, k := range keys {
			if seen[k] {
				continue
			}
			seen[k] = true
			var row [NumLabels]float32
			for n := 0; n < 3; n++ {
				row[rng.Intn(NumLabels)] = float32(rng.NormFloat64() * 20)
			}
			ws.Add(k, row)
		}
	}
	for _, s := range sampleSentences {
		e := enc.Encode(s)
		for i := 0; i < e.Len(); i++ {
			add(e.Static(i, nil, nil))
			add(e.History(i, 0, 0, nil))
			add(e.History(i, 1, 0, nil))
		}
	}
	return NewModel("small test model", lx, 20, &ws)
}

// tagAll tags the sample sentences as one document.
func tagAll(m *Model) ([][]Chunk, [][]float64) {
	return NewTagger(m, Options{}).TagDocument(sampleSentences)
}

func writeModel(t testing.TB, m *Model) []byte {
	t.Helper()
	var buf bytes.Buffer
	n, err := m.WriteTo(&buf)
	if err != nil || n != int64(buf.Len()) {
		t.Fatalf("WriteTo = %d, %v (wrote %d bytes)", n, err, buf.Len())
	}
	return buf.Bytes()
}

func TestModelRoundTrip(t *testing.T) {
	m := smallModel(t)
	data := writeModel(t, m)
	if again := writeModel(t, smallModel(t)); !bytes.Equal(again, data) {
		t.Fatal("the same model written twice gave different bytes")
	}
	r, err := ReadModel(bytes.NewReader(data), "small.bin")
	if err != nil {
		t.Fatal(err)
	}
	if r.Version() != m.Version() || r.Temp() != 20 || r.NumFeatures() != m.NumFeatures() || r.NumFeatures() < 50 {
		t.Errorf("read back: version %q, temp %g, %d features; wrote %q, 20, %d", r.Version(), r.Temp(), r.NumFeatures(), m.Version(), m.NumFeatures())
	}
	c1, p1 := tagAll(m)
	c2, p2 := tagAll(r)
	if !reflect.DeepEqual(c1, c2) || !reflect.DeepEqual(p1, p2) {
		t.Errorf("tags differ after the round trip:\n%v %v\n%v %v", c1, p1, c2, p2)
	}
	if n := len(c1[0]) + len(c1[1]) + len(c1[2]); n == 0 {
		t.Error("the sample model tags nothing; the test compares nothing")
	}
	if !reflect.DeepEqual(m.Lexicon(), r.Lexicon()) {
		t.Errorf("lexicon read back differs:\n%+v\n%+v", m.Lexicon(), r.Lexicon())
	}
	// Weights come back as the stored int16 steps times the unit.
	got := map[uint64][NumLabels]float32{}
	r.EachWeight(func(k uint64, row [NumLabels]float32) { got[k] = row })
	m.EachWeight(func(k uint64, row [NumLabels]float32) {
		for l, w := range row {
			if d := got[k][l] - w; d > r.unit/2+1e-6 || d < -r.unit/2-1e-6 {
				t.Fatalf("weight %x/%d: read %g, built %g (unit %g)", k, l, got[k][l], w, r.unit)
			}
		}
	})
	// Changed copies write what changed and keep the rest.
	v := writeModel(t, r.WithVersion("renamed").WithTemp(3))
	r2, err := ReadModel(bytes.NewReader(v), "renamed.bin")
	if err != nil || r2.Version() != "renamed" || r2.Temp() != 3 || r2.NumFeatures() != r.NumFeatures() {
		t.Errorf("renamed copy read back: %v", err)
	}
}

// TestEmbeddedModelReproducible checks the shipped model: it reads, and
// writing it gives back the very same bytes.
func TestEmbeddedModelReproducible(t *testing.T) {
	m, err := parseModel(embeddedModel, "embedded")
	if err != nil {
		t.Fatal(err)
	}
	if out := writeModel(t, m); string(out) != embeddedModel {
		t.Errorf("the embedded model written again differs (%d bytes against %d)", len(out), len(embeddedModel))
	}
}

// fixChecksum recomputes the checksum of a model file after an edit.
func fixChecksum(b []byte) {
	binary.LittleEndian.PutUint32(b[32:], checksum(unsafe.String(&b[0], len(b))))
}

func TestReadModelErrors(t *testing.T) {
	good := writeModel(t, smallModel(t))
	edit := func(f func(b []byte) []byte) string {
		b := f(bytes.Clone(good))
		return string(b)
	}
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", "empty"},
		{"wrong magic", "something-else 1 x\n" + strings.Repeat("x", 64), "not a corroborate NER model"},
		{"format version 1", "corroborate-ner 1 x\n\x1f\x8b", "ner-train --convert"},
		{"later version", edit(func(b []byte) []byte { b[16] = 3; return b }), "format version 3, want 2"},
		{"truncated header", string(good[:20]), "truncated"},
		{"truncated", string(good[:len(good)-100]), "truncated"},
		{"trailing bytes", string(good) + "xx", "header says"},
		{"corrupted", edit(func(b []byte) []byte { b[len(b)/2] ^= 0x10; return b }), "checksum"},
		{"bad section offset", edit(func(b []byte) []byte {
			binary.LittleEndian.PutUint64(b[headerSize+8:], uint64(len(b)+8))
			fixChecksum(b)
			return b
		}), "outside"},
		{"other label set", edit(func(b []byte) []byte {
			off := binary.LittleEndian.Uint64(b[headerSize+8:])
			b[off]++
			fixChecksum(b)
			return b
		}), "labels"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadModel(strings.NewReader(tt.in), "test input")
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.Contains(err.Error(), "test input") || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not name the input and %q", err, tt.want)
			}
		})
	}
}

// TestReadModelDamaged changes bytes of a small model file one at a time
// (every byte of the header, section table and meta section, one in seven
// after them), with the checksum made to match, as a deliberately damaged
// file would be: reading must refuse it or give a model that tags without
// panicking.
func TestReadModelDamaged(t *testing.T) {
	good := writeModel(t, smallModel(t))
	refused, tried := 0, 0
	for i := range good {
		if i >= 32 && i < 36 || i > 1024 && i%7 != 0 {
			continue // the checksum itself, or not sampled
		}
		tried++
		b := bytes.Clone(good)
		b[i] ^= 0xa5
		fixChecksum(b)
		func() {
			defer func() {
				if p := recover(); p != nil {
					t.Fatalf("byte %d changed: panic %v", i, p)
				}
			}()
			m, err := ReadModel(bytes.NewReader(b), "damaged")
			if err != nil {
				refused++
				return
			}
			tagAll(m)
		}()
	}
	t.Logf("%d of %d one-byte changes refused", refused, tried)
	if refused < tried/10 {
		t.Errorf("only %d of %d changed files refused", refused, tried)
	}
}
