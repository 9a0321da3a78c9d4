package ner

import (
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"unsafe"
)

// Model is a trained tagger: sparse averaged-perceptron weights keyed by
// hashed feature, and the lexicon the features consult. Its tables are
// flat arrays (see flat.go) which a model read from a file uses in place.
// A Model does not change once built (ReadModel, NewModel); WithVersion and
// WithTemp return changed copies.
type Model struct {
	// version describes the model (training data, date, settings).
	version string
	lex     Lexicon
	// lexMaps is the lexicon with its maps, kept by NewModel for
	// Lexicon; nil in models read from a file.
	lexMaps *Lexicon
	// keys holds the feature key of each weight row, ascending.
	keys  []uint64
	table *featTable
	dense []int16 // numLabels weights per feature in units of unit, for scoring
	unit  float32
	// exact holds the unquantized weights (numLabels per feature) of a
	// model built by NewModel, for EachWeight; nil in models read back.
	exact []float32
	// secs holds the sections the tables view; WriteTo writes them.
	secs *sections
	// temp scales label scores into probabilities (confidences and the
	// beam's path scores); zero means DefaultTemp. Models trained with a
	// margin have larger scores and need a larger one.
	temp float32
}

// Version describes the model (training data, date, settings).
func (m *Model) Version() string { return m.version }

// Temp returns the softmax temperature stored in the model (0: the
// package's DefaultTemp applies).
func (m *Model) Temp() float32 { return m.temp }

// WithVersion returns a copy of m with another version text (the copy
// shares m's tables).
func (m *Model) WithVersion(version string) *Model {
	c := *m
	c.version = version
	return &c
}

// WithTemp returns a copy of m with softmax temperature temp (the copy
// shares m's tables).
func (m *Model) WithTemp(temp float32) *Model {
	c := *m
	c.temp = temp
	return &c
}

// Lexicon returns the model's lexicon with its tables in the exported
// maps, for building another model from this one (package ner/train).
// The maps may be shared with the model: do not modify them.
func (m *Model) Lexicon() Lexicon {
	if m.lexMaps != nil {
		lx := *m.lexMaps
		lx.tab = nil
		return lx
	}
	lx := m.lex
	lx.tab = nil
	if m.lex.tab != nil {
		m.lex.tab.maps(&lx)
	}
	return lx
}

// NumFeatures returns the number of weighted features.
func (m *Model) NumFeatures() int { return len(m.keys) }

// addScores adds the weights of keys to scores.
func (m *Model) addScores(keys []uint64, scores *[numLabels]float32) {
	var acc [numLabels]int32
	for _, k := range keys {
		f, ok := m.table.get(k)
		if !ok {
			continue
		}
		row := m.dense[int(f)*numLabels : int(f)*numLabels+numLabels]
		for l := range row {
			acc[l] += int32(row[l])
		}
	}
	for l, a := range acc {
		scores[l] += float32(a) * m.unit
	}
}

// meta returns the meta section's contents for m.
func (m *Model) meta() meta {
	run := uint32(0)
	if m.lex.RunFeatures {
		run = 1
	}
	t := m.lex.tab
	return meta{labels: numLabels, window: embPos, temp: m.temp, unit: m.unit, projScale: m.lex.ProjScale,
		gazMaxLen: uint32(m.lex.GazMaxLen), runFeatures: run, extra: uint32(m.lex.Extra),
		features: uint32(len(m.keys)), words: uint32(t.words.len()), projected: uint32(len(t.proj) / (embPos * numLabels)),
		gaze: uint32(t.gaz.len()), version: m.version}
}

// WriteFile writes the model to the file at path (created or truncated).
func (m *Model) WriteFile(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("writing model: %w", err)
	}
	_, err = m.WriteTo(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("writing model %s: %w", path, err)
	}
	return nil
}

// WriteTo writes the model file (format version FormatVersion, see
// flat.go). The same model always gives the same bytes.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	secs := *m.secs
	mt := m.meta()
	secs[secMeta] = mt.encode()
	n, err := w.Write(assemble(&secs))
	if err != nil {
		return int64(n), fmt.Errorf("writing model: %w", err)
	}
	return int64(n), nil
}

// ReadModel reads a model written by WriteTo. name is used in errors. The
// model keeps the bytes read and uses its tables in place.
func ReadModel(r io.Reader, name string) (*Model, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("reading model %s: %w", name, err)
	}
	if len(b) == 0 {
		return nil, fmt.Errorf("reading model %s: empty", name)
	}
	return parseModel(unsafe.String(&b[0], len(b)), name)
}

// parseModel checks the model file data and returns the model viewing
// it. data must not change afterwards.
func parseModel(data, name string) (*Model, error) {
	secs, err := splitSections(data)
	if err != nil {
		return nil, fmt.Errorf("reading model %s: %w", name, err)
	}
	m, err := viewModel(secs)
	if err != nil {
		return nil, fmt.Errorf("reading model %s: %w", name, err)
	}
	return m, nil
}

// viewModel checks the sections of a model and returns the model using
// them in place.
func viewModel(secs *sections) (*Model, error) {
	mt, err := decodeMeta(secs[secMeta])
	if err != nil {
		return nil, err
	}
	if mt.labels != numLabels || mt.window != embPos {
		return nil, fmt.Errorf("made for %d labels and %d vector positions, want %d and %d", mt.labels, mt.window, numLabels, embPos)
	}
	if mt.runFeatures > 1 || mt.gazMaxLen > 64 || !(mt.unit > 0) || math.IsInf(float64(mt.unit), 0) {
		return nil, errors.New("meta section out of range")
	}
	m := &Model{version: mt.version, temp: mt.temp, unit: mt.unit, secs: secs,
		lex: Lexicon{ProjScale: mt.projScale, GazMaxLen: int(mt.gazMaxLen), RunFeatures: mt.runFeatures == 1, Extra: FeatureSet(mt.extra)}}
	nf := int(mt.features)
	if len(secs[secFeatKeys]) != 8*nf || len(secs[secFeatRows]) != 2*numLabels*nf {
		return nil, fmt.Errorf("weights: %d key bytes and %d weight bytes for %d features", len(secs[secFeatKeys]), len(secs[secFeatRows]), nf)
	}
	m.keys = u64s(secs[secFeatKeys])
	m.dense = i16s(secs[secFeatRows])
	if m.table, err = viewFeatTable(secs[secTabKeys], secs[secTabVals], secs[secTabSeen], nf); err != nil {
		return nil, err
	}
	if m.lex.tab, err = newLexTables(secs, &mt); err != nil {
		return nil, err
	}
	return m, nil
}

// build returns the model with the given weights (unquantized, numLabels
// per key; keys ascending) and lexicon.
func build(version string, lex Lexicon, temp float32, keys []uint64, exact []float32) (*Model, error) {
	// The rows hold int16 steps of unit, half the memory of float32 and
	// so more of the table in cache.
	var top float32
	for _, w := range exact {
		top = max(top, w, -w)
	}
	unit := top / 32767
	if unit == 0 {
		unit = 1
	}
	dense := make([]int16, 0, len(exact))
	kept := keys[:0:0]
	keptW := exact[:0:0]
	for f, k := range keys {
		row := exact[f*numLabels : (f+1)*numLabels]
		var q [numLabels]int16
		zero := true
		for l, w := range row {
			q[l] = int16(math.Round(float64(w / unit)))
			zero = zero && q[l] == 0
		}
		if zero {
			continue // scores nothing
		}
		kept = append(kept, k)
		keptW = append(keptW, row...)
		dense = append(dense, q[:]...)
	}
	var secs sections
	nw, np, ng, err := lex.lexSections(&secs)
	if err != nil {
		return nil, err
	}
	secs[secFeatKeys] = putU64s(kept)
	secs[secFeatRows] = putI16s(dense)
	secs[secTabKeys], secs[secTabVals], secs[secTabSeen] = tableSections(kept)
	run := uint32(0)
	if lex.RunFeatures {
		run = 1
	}
	mt := meta{labels: numLabels, window: embPos, temp: temp, unit: unit, projScale: lex.ProjScale,
		gazMaxLen: uint32(lex.GazMaxLen), runFeatures: run, extra: uint32(lex.Extra),
		features: uint32(len(kept)), words: uint32(nw), projected: uint32(np), gaze: uint32(ng), version: version}
	secs[secMeta] = mt.encode()
	m, err := viewModel(&secs)
	if err != nil {
		return nil, fmt.Errorf("building model: %w", err)
	}
	lx := lex
	lx.tab = nil
	m.lexMaps = &lx
	m.exact = keptW
	return m, nil
}

// sortedRows returns the keys of a sparse weight table in ascending order
// with their weights, numLabels per key.
func sortedRows(index map[uint64]uint32, off []uint32, lab []uint8, w []float32) ([]uint64, []float32) {
	keys := make([]uint64, 0, len(index))
	for k := range index {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	exact := make([]float32, numLabels*len(keys))
	for i, k := range keys {
		f := index[k]
		for j := off[f]; j < off[f+1]; j++ {
			exact[i*numLabels+int(lab[j])] = w[j]
		}
	}
	return keys, exact
}

// softmaxTemp returns the softmax temperature that applies to m.
func (m *Model) softmaxTemp() float64 {
	if m.temp > 0 {
		return float64(m.temp)
	}
	return DefaultTemp
}
