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
// hashed feature, and the lexicon the features consult.
type Model struct {
	// Version describes the model (training data, date, settings).
	Version string
	lex     Lexicon
	index   map[uint64]uint32
	table   *featTable
	dense   []int16 // numLabels weights per feature in units of unit, for scoring
	unit    float32
	off     []uint32
	lab     []uint8
	w       []float32
	// Temp scales label scores into probabilities (confidences and the
	// beam's path scores); zero means DefaultTemp. Models trained with a
	// margin (TrainOptions.Margin) have larger scores and need a larger
	// one.
	Temp float32
	// stage2, when set, holds the weights of the second-stage features,
	// added on a second pass over each document (see WithStage2).
	stage2 *Model
}

// WithStage2 returns first with second attached as its second stage
// (from TrainStage2): tagging runs first over a whole document, then again
// with second's weights added for features of the first pass's labels.
func WithStage2(first, second *Model) *Model {
	m := *first
	m.stage2 = second
	return &m
}

// HasStage2 reports whether the model has a second stage.
func (m *Model) HasStage2() bool { return m.stage2 != nil }

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
	// TableFeatures records Lexicon.TableFeatures.
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
	// Stage2 holds the weights of the second-stage model, if any.
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

// Lexicon returns the model's lexicon (shared; do not modify).
func (m *Model) Lexicon() *Lexicon { return &m.lex }

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
	clusters, clusters2, casing := m.lex.Clusters, m.lex.Clusters2, m.lex.Casing
	if m.lex.split {
		clusters, clusters2, casing = m.lex.unjoin()
	}
	mf := modelFile{
		Version: m.Version, Clusters: clusters, Clusters2: clusters2, Gazetteer: m.lex.Gazetteer,
		GazMaxLen: m.lex.GazMaxLen, Casing: casing, ProjScale: m.lex.ProjScale,
		RunFeatures: m.lex.RunFeatures, TableFeatures: m.lex.TableFeatures, Extra: m.lex.Extra,
		Temp: m.Temp,
	}
	mf.Proj = m.lex.Proj
	if m.lex.split {
		mf.Proj = map[string][]int8{}
		for w, wi := range m.lex.words {
			if wi.proj != nil {
				mf.Proj[w] = wi.proj
			}
		}
	}
	wf := m.weightFile()
	mf.Keys, mf.Counts, mf.Labels, mf.Weights, mf.Scale = wf.Keys, wf.Counts, wf.Labels, wf.Weights, wf.Scale
	if m.stage2 != nil {
		mf.Stage2 = m.stage2.weightFile()
	}
	cw := &countWriter{w: w}
	header := fmt.Sprintf("%s %d %s\n", modelMagic, FormatVersion, strings.ReplaceAll(m.Version, "\n", " "))
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
	m := &Model{
		Version: mf.Version,
		Temp:    mf.Temp,
		lex:     Lexicon{Clusters: mf.Clusters, Clusters2: mf.Clusters2, Proj: mf.Proj, ProjScale: mf.ProjScale, Gazetteer: mf.Gazetteer, GazMaxLen: mf.GazMaxLen, Casing: mf.Casing, RunFeatures: mf.RunFeatures, TableFeatures: mf.TableFeatures, Extra: mf.Extra},
	}
	if err := m.setWeights(&weightFile{Keys: mf.Keys, Counts: mf.Counts, Labels: mf.Labels, Weights: mf.Weights, Scale: mf.Scale}, name); err != nil {
		return nil, err
	}
	m.finish()
	// The joined word table now holds clusters and casing; drop the
	// separate maps to halve the lexicon's memory (WriteTo rebuilds them).
	m.lex.Clusters, m.lex.Clusters2, m.lex.Casing, m.lex.Proj = nil, nil, nil, nil
	m.lex.split = true
	if mf.Stage2 != nil {
		s := &Model{Version: m.Version}
		if err := s.setWeights(mf.Stage2, name+" (second stage)"); err != nil {
			return nil, err
		}
		s.finishWeights()
		m.stage2 = s
	}
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

// temp returns the softmax temperature of m.
func (m *Model) temp() float64 {
	if m.Temp > 0 {
		return float64(m.Temp)
	}
	return DefaultTemp
}
