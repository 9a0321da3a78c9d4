package ner

import (
	"bufio"
	"compress/gzip"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// modelMagic starts every model file; FormatVersion is the layout version
// written after it.
const (
	modelMagic    = "corroborate-ner"
	FormatVersion = 1
)

// Model is a trained tagger: sparse averaged-perceptron weights keyed by
// hashed feature, and the lexicon the features consult. A Model does not
// change once built (ReadModel, NewModel); WithVersion and WithTemp return
// changed copies.
type Model struct {
	// version describes the model (training data, date, settings).
	version string
	lex     Lexicon
	index   map[uint64]uint32
	table   *featTable
	dense   []int16 // numLabels weights per feature in units of unit, for scoring
	unit    float32
	off     []uint32
	lab     []uint8
	w       []float32
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

// modelFile is the gob-encoded body of a model file.
type modelFile struct {
	Version   string
	Clusters  map[string][3]uint16
	Clusters2 map[string][3]uint16
	Proj      map[string][]int8
	ProjScale float32
	Gazetteer map[string]uint8
	GazMaxLen int
	Casing    map[string]uint8
	// RunFeatures records Lexicon.RunFeatures.
	RunFeatures bool
	// TableFeatures was set by models with the table-line features, an
	// experiment that did not ship; ReadModel refuses such models. The
	// field stays so that the file layout (gob's type description) does
	// not change.
	TableFeatures bool
	// Extra records Lexicon.Extra.
	Extra FeatureSet
	// Temp records Model.Temp.
	Temp    float32
	Keys    []uint64
	Counts  []uint8
	Labels  []uint8
	Weights []int16
	Scale   float32
	// Stage2 held the weights of a second stage, an experiment that did
	// not ship; ReadModel refuses models with one. Kept for the layout,
	// like TableFeatures.
	Stage2 *weightFile
}

// weightFile is the quantized weight table of one model.
type weightFile struct {
	Keys    []uint64
	Counts  []uint8
	Labels  []uint8
	Weights []int16
	Scale   float32
}

// Lexicon returns the model's lexicon with its tables in the exported
// maps, for building another model from this one (package ner/train).
// The maps may be shared with the model: do not modify them.
func (m *Model) Lexicon() Lexicon {
	lx := Lexicon{Gazetteer: m.lex.Gazetteer, GazMaxLen: m.lex.GazMaxLen, ProjScale: m.lex.ProjScale,
		RunFeatures: m.lex.RunFeatures, Extra: m.lex.Extra,
		Clusters: m.lex.Clusters, Clusters2: m.lex.Clusters2, Casing: m.lex.Casing, Proj: m.lex.Proj}
	if m.lex.split {
		lx.Clusters, lx.Clusters2, lx.Casing, lx.Proj = m.lex.unjoin()
	}
	return lx
}

// NumFeatures returns the number of weighted features.
func (m *Model) NumFeatures() int { return len(m.off) - 1 }

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

// WriteTo writes the model: a text header line naming the format and
// version, then a gzip-compressed gob body with int16-quantized weights.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	lx := m.Lexicon()
	mf := modelFile{
		Version: m.version, Clusters: lx.Clusters, Clusters2: lx.Clusters2, Gazetteer: lx.Gazetteer,
		GazMaxLen: lx.GazMaxLen, Casing: lx.Casing, Proj: lx.Proj, ProjScale: lx.ProjScale,
		RunFeatures: lx.RunFeatures, Extra: lx.Extra, Temp: m.temp,
	}
	wf := m.weightFile()
	mf.Keys, mf.Counts, mf.Labels, mf.Weights, mf.Scale = wf.Keys, wf.Counts, wf.Labels, wf.Weights, wf.Scale
	cw := &countWriter{w: w}
	header := fmt.Sprintf("%s %d %s\n", modelMagic, FormatVersion, strings.ReplaceAll(m.version, "\n", " "))
	if _, err := io.WriteString(cw, header); err != nil {
		return cw.n, fmt.Errorf("writing model header: %w", err)
	}
	zw, err := gzip.NewWriterLevel(cw, gzip.BestCompression)
	if err != nil {
		return cw.n, err
	}
	if err := gob.NewEncoder(zw).Encode(&mf); err != nil {
		return cw.n, fmt.Errorf("encoding model: %w", err)
	}
	if err := zw.Close(); err != nil {
		return cw.n, fmt.Errorf("compressing model: %w", err)
	}
	return cw.n, nil
}

type countWriter struct {
	w io.Writer
	n int64
}

// Write passes p on and counts the bytes written.
func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// weightFile quantizes the model's weights to int16 with one scale.
func (m *Model) weightFile() *weightFile {
	var maxAbs float32
	for _, x := range m.w {
		if a := float32(math.Abs(float64(x))); a > maxAbs {
			maxAbs = a
		}
	}
	scale := maxAbs / 32767
	if scale == 0 {
		scale = 1
	}
	wf := &weightFile{Scale: scale}
	keys := make([]uint64, len(m.index))
	for k, f := range m.index {
		keys[f] = k
	}
	for f := 0; f+1 < len(m.off); f++ {
		n := 0
		for j := m.off[f]; j < m.off[f+1]; j++ {
			q := int16(math.Round(float64(m.w[j] / scale)))
			if q == 0 {
				continue
			}
			wf.Labels = append(wf.Labels, m.lab[j])
			wf.Weights = append(wf.Weights, q)
			n++
		}
		if n > 0 {
			wf.Keys = append(wf.Keys, keys[f])
			wf.Counts = append(wf.Counts, uint8(n))
		}
	}
	return wf
}

// setWeights fills the model's weight tables from wf.
func (m *Model) setWeights(wf *weightFile, name string) error {
	if len(wf.Keys) != len(wf.Counts) || len(wf.Labels) != len(wf.Weights) {
		return fmt.Errorf("reading model %s: inconsistent weight tables", name)
	}
	m.index = make(map[uint64]uint32, len(wf.Keys))
	m.off = make([]uint32, len(wf.Keys)+1)
	m.lab = wf.Labels
	m.w = make([]float32, len(wf.Weights))
	total := 0
	for f, k := range wf.Keys {
		m.index[k] = uint32(f)
		total += int(wf.Counts[f])
		m.off[f+1] = uint32(total)
	}
	if total != len(wf.Weights) {
		return fmt.Errorf("reading model %s: weight count %d, want %d", name, len(wf.Weights), total)
	}
	for j, q := range wf.Weights {
		if int(wf.Labels[j]) >= numLabels {
			return errors.New("reading model " + name + ": label index out of range")
		}
		m.w[j] = float32(q) * wf.Scale
	}
	return nil
}

// ReadModel reads a model written by WriteTo. name is used in errors.
func ReadModel(r io.Reader, name string) (*Model, error) {
	br := bufio.NewReader(r)
	header, err := br.ReadString('\n')
	if err != nil {
		return nil, fmt.Errorf("reading model %s: no header line: %w", name, err)
	}
	parts := strings.SplitN(strings.TrimSpace(header), " ", 3)
	if len(parts) < 2 || parts[0] != modelMagic {
		return nil, fmt.Errorf("reading model %s: not a corroborate NER model (header %.40q)", name, header)
	}
	v, err := strconv.Atoi(parts[1])
	if err != nil || v != FormatVersion {
		return nil, fmt.Errorf("reading model %s: format version %q, want %d", name, parts[1], FormatVersion)
	}
	zr, err := gzip.NewReader(br)
	if err != nil {
		return nil, fmt.Errorf("reading model %s: %w", name, err)
	}
	var mf modelFile
	if err := gob.NewDecoder(zr).Decode(&mf); err != nil {
		return nil, fmt.Errorf("decoding model %s: %w", name, err)
	}
	if mf.TableFeatures || mf.Stage2 != nil {
		return nil, fmt.Errorf("reading model %s: it uses table-line features or a second stage, experiments this tagger no longer runs (retrain with cmd/ner-train)", name)
	}
	m := &Model{
		version: mf.Version,
		temp:    mf.Temp,
		lex:     Lexicon{Clusters: mf.Clusters, Clusters2: mf.Clusters2, Proj: mf.Proj, ProjScale: mf.ProjScale, Gazetteer: mf.Gazetteer, GazMaxLen: mf.GazMaxLen, Casing: mf.Casing, RunFeatures: mf.RunFeatures, Extra: mf.Extra},
	}
	if err := m.setWeights(&weightFile{Keys: mf.Keys, Counts: mf.Counts, Labels: mf.Labels, Weights: mf.Weights, Scale: mf.Scale}, name); err != nil {
		return nil, err
	}
	m.finish()
	// The joined word table now holds clusters and casing; drop the
	// separate maps to halve the lexicon's memory (WriteTo rebuilds them).
	m.lex.Clusters, m.lex.Clusters2, m.lex.Casing, m.lex.Proj = nil, nil, nil, nil
	m.lex.split = true
	return m, nil
}

// finish builds the lookup structures of a model whose index and lexicon
// are set.
func (m *Model) finish() {
	m.finishWeights()
	m.lex.build()
}

// finishWeights builds the weight lookup structures.
func (m *Model) finishWeights() {
	m.table = newFeatTable(len(m.index))
	for k, f := range m.index {
		m.table.put(k, f)
	}
	// The rows hold int16 steps of unit, half the memory of float32 and
	// so more of the table in cache; the model file stores weights with
	// the same resolution.
	var top float32
	for _, w := range m.w {
		top = max(top, w, -w)
	}
	m.unit = top / 32767
	if m.unit == 0 {
		m.unit = 1
	}
	m.dense = make([]int16, (len(m.off)-1)*numLabels)
	for f := 0; f+1 < len(m.off); f++ {
		for j := m.off[f]; j < m.off[f+1]; j++ {
			m.dense[f*numLabels+int(m.lab[j])] = int16(math.Round(float64(m.w[j] / m.unit)))
		}
	}
}

// softmaxTemp returns the softmax temperature that applies to m.
func (m *Model) softmaxTemp() float64 {
	if m.temp > 0 {
		return float64(m.temp)
	}
	return DefaultTemp
}
