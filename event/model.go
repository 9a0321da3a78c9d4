package event

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"math"
	"os"
	"strings"
	"sync"
	"unsafe"
)

// The model file, little endian:
//
//	magic "EVTM", version uint32 (1)
//	buckets uint32 (a power of two), nClass uint32, nPOS uint32
//	scale, bias, slope float32
//	nClass + nPOS names, each a uint8 length and bytes
//	zero bytes up to an even offset
//	weights int16 [buckets][nClass], then int16 [buckets][nPOS]
//	CRC-32 (IEEE) of everything before, uint32
//
// Weights are read in place from the file's bytes: loading checks the
// header and the checksum and decodes nothing else.
const (
	modelMagic   = "EVTM"
	modelVersion = 2
)

// Model scores tokens as event triggers: for each feature hash bucket it
// holds one weight per class label (the first label, "O", is "no event")
// and one per label of the extra heads, read only for triggers: part of
// speech ("pos:VERB", "pos:NOUN", …) and class ("class:OCCURRENCE", …).
type Model struct {
	buckets uint32
	classes []string
	pos     []string
	// scale turns stored int16 weights into scores; bias is added to the
	// "O" score (a positive bias trades recall for precision); slope
	// turns the margin of the best class over "O" into a confidence.
	scale, bias, slope float32
	weights            []byte
	width              int
}

//go:embed model/event.bin
var embeddedModel string

var (
	embeddedOnce sync.Once
	embedded     *Model
	embeddedErr  error
)

// Embedded returns the model compiled into the binary, checked once and
// shared.
func Embedded() (*Model, error) {
	embeddedOnce.Do(func() {
		// A read-only view of the embedded bytes: the weights are read in
		// place, never written, so the 5 MB are not copied.
		b := unsafe.Slice(unsafe.StringData(embeddedModel), len(embeddedModel))
		embedded, embeddedErr = ParseModel(b, "embedded")
	})
	return embedded, embeddedErr
}

// LoadModel reads a model file.
func LoadModel(path string) (*Model, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("event: reading model: %w", err)
	}
	return ParseModel(b, path)
}

// ParseModel checks the bytes of a model file (named name in errors) and
// returns the model reading its weights in place.
func ParseModel(b []byte, name string) (*Model, error) {
	bad := func(what string) error { return fmt.Errorf("event: model %s: %s", name, what) }
	if len(b) < 36 || string(b[:4]) != modelMagic {
		return nil, bad("not an event model (bad magic)")
	}
	le := binary.LittleEndian
	if v := le.Uint32(b[4:]); v != modelVersion {
		return nil, bad(fmt.Sprintf("version %d, want %d", v, modelVersion))
	}
	if crc32.ChecksumIEEE(b[:len(b)-4]) != le.Uint32(b[len(b)-4:]) {
		return nil, bad("checksum mismatch (truncated or damaged)")
	}
	m := &Model{buckets: le.Uint32(b[8:])}
	nc, np := int(le.Uint32(b[12:])), int(le.Uint32(b[16:]))
	m.scale = math.Float32frombits(le.Uint32(b[20:]))
	m.bias = math.Float32frombits(le.Uint32(b[24:]))
	m.slope = math.Float32frombits(le.Uint32(b[28:]))
	if m.buckets == 0 || m.buckets&(m.buckets-1) != 0 || nc < 2 || nc > 64 || np > 64 {
		return nil, bad("bad sizes")
	}
	off := 32
	for k := 0; k < nc+np; k++ {
		if off >= len(b) {
			return nil, bad("truncated names")
		}
		n := int(b[off])
		if off+1+n > len(b) {
			return nil, bad("truncated names")
		}
		s := string(b[off+1 : off+1+n])
		if k < nc {
			m.classes = append(m.classes, s)
		} else {
			m.pos = append(m.pos, s)
		}
		off += 1 + n
	}
	if m.classes[0] != "O" {
		return nil, bad(`first class is not "O"`)
	}
	off += off & 1
	m.width = nc + np
	size := int(m.buckets) * m.width * 2
	if off+size+4 != len(b) {
		return nil, bad(fmt.Sprintf("%d bytes of weights, want %d", len(b)-off-4, size))
	}
	m.weights = b[off : off+size]
	return m, nil
}

// NewModel builds a model from float weights laid out as
// [buckets][len(classes)+len(pos)], quantizing them to 16 bits. classes[0]
// must be "O".
func NewModel(buckets int, classes, pos []string, weights []float32, bias, slope float32) (*Model, error) {
	w := len(classes) + len(pos)
	if buckets <= 0 || buckets&(buckets-1) != 0 || len(classes) < 2 || classes[0] != "O" || len(weights) != buckets*w {
		return nil, errors.New("event: NewModel: bad sizes or labels")
	}
	var max float64
	for _, x := range weights {
		max = math.Max(max, math.Abs(float64(x)))
	}
	if max == 0 {
		max = 1
	}
	m := &Model{buckets: uint32(buckets), classes: classes, pos: pos, scale: float32(max / 32767), bias: bias, slope: slope, width: w}
	// The detection head's weights come first, so that a token that is
	// no trigger reads one short row per feature.
	m.weights = make([]byte, 2*len(weights))
	nc := len(classes)
	for b := 0; b < buckets; b++ {
		for k := 0; k < w; k++ {
			q := int16(math.Round(float64(weights[b*w+k]) / max * 32767))
			i := b*nc + k
			if k >= nc {
				i = buckets*nc + b*(w-nc) + k - nc
			}
			binary.LittleEndian.PutUint16(m.weights[2*i:], uint16(q))
		}
	}
	return m, nil
}

// Write writes the model file.
func (m *Model) Write(w io.Writer) error {
	le := binary.LittleEndian
	b := []byte(modelMagic)
	b = le.AppendUint32(b, modelVersion)
	b = le.AppendUint32(b, m.buckets)
	b = le.AppendUint32(b, uint32(len(m.classes)))
	b = le.AppendUint32(b, uint32(len(m.pos)))
	b = le.AppendUint32(b, math.Float32bits(m.scale))
	b = le.AppendUint32(b, math.Float32bits(m.bias))
	b = le.AppendUint32(b, math.Float32bits(m.slope))
	for _, s := range append(append([]string{}, m.classes...), m.pos...) {
		if len(s) > 255 {
			return errors.New("event: label name too long")
		}
		b = append(b, byte(len(s)))
		b = append(b, s...)
	}
	if len(b)%2 == 1 {
		b = append(b, 0)
	}
	b = append(b, m.weights...)
	b = le.AppendUint32(b, crc32.ChecksumIEEE(b))
	_, err := w.Write(b)
	return err
}

// WithBias returns a copy of m whose "O" bias is bias.
func (m *Model) WithBias(bias float32) *Model {
	c := *m
	c.bias = bias
	return &c
}

// WithSlope returns a copy of m whose confidence slope is slope.
func (m *Model) WithSlope(slope float32) *Model {
	c := *m
	c.slope = slope
	return &c
}

// Classes returns the class labels, "O" first.
func (m *Model) Classes() []string { return m.classes }

// Heads returns the labels of the extra heads ("pos:VERB", "class:STATE").
func (m *Model) Heads() []string { return m.pos }

// Scores adds the scores of the features to dst (len(classes)+len(heads)
// values, cleared first) and returns it.
func (m *Model) Scores(feats []uint32, dst []float32) []float32 {
	return m.scores(feats, dst, m.width)
}

// scores sums the first n labels of each feature's row into dst[:n]
// (dst has room for every label; the rest are cleared).
func (m *Model) scores(feats []uint32, dst []float32, n int) []float32 {
	if cap(dst) < m.width {
		dst = make([]float32, m.width)
	}
	dst = dst[:m.width]
	for k := range dst {
		dst[k] = 0
	}
	mask := m.buckets - 1
	nc := len(m.classes)
	heads := n > nc
	if heads {
		n = nc
	}
	if n == 8 && nc == 8 {
		// The usual shape: eight labels, one 16-byte row per feature,
		// read as two words.
		var acc [8]int32
		for _, f := range feats {
			off := int(f&mask) * 16
			row := m.weights[off : off+16 : off+16]
			a, b := binary.LittleEndian.Uint64(row), binary.LittleEndian.Uint64(row[8:])
			acc[0] += int32(int16(a))
			acc[1] += int32(int16(a >> 16))
			acc[2] += int32(int16(a >> 32))
			acc[3] += int32(int16(a >> 48))
			acc[4] += int32(int16(b))
			acc[5] += int32(int16(b >> 16))
			acc[6] += int32(int16(b >> 32))
			acc[7] += int32(int16(b >> 48))
		}
		for k := range acc {
			dst[k] = float32(acc[k])
		}
	} else {
		for _, f := range feats {
			off := int(f&mask) * nc * 2
			row := m.weights[off : off+2*n]
			for k := 0; k < n; k++ {
				dst[k] += float32(int16(binary.LittleEndian.Uint16(row[2*k:])))
			}
		}
	}
	if heads {
		m.headScores(feats, dst)
	}
	for k := 0; k < n; k++ {
		dst[k] *= m.scale
	}
	dst[0] += m.bias
	return dst
}

// headScores adds the extra heads' scores of the features to dst, whose
// detection scores scores already summed.
func (m *Model) headScores(feats []uint32, dst []float32) {
	nc := len(m.classes)
	nh := m.width - nc
	mask := m.buckets - 1
	base := int(m.buckets) * nc * 2
	for _, f := range feats {
		off := base + int(f&mask)*nh*2
		row := m.weights[off : off+2*nh]
		for k := nc; k < m.width; k++ {
			dst[k] += float32(int16(binary.LittleEndian.Uint16(row[2*(k-nc):])))
		}
	}
	for k := nc; k < m.width; k++ {
		dst[k] *= m.scale
	}
}

// decide returns the best class (0 for none), its confidence and the
// best part of speech from scores. The detection head (the classes, "O"
// first) decides whether the token is a trigger; the extra labels hold a
// part-of-speech head ("pos:VERB" …) and may hold a class head
// ("class:REPORTING" …, trained on triggers only) that then gives the
// class.
func (m *Model) decide(sc []float32) (class int, conf float64, pos string) {
	nc := len(m.classes)
	best := 1
	for k := 2; k < nc; k++ {
		if sc[k] > sc[best] {
			best = k
		}
	}
	margin := float64(sc[best] - sc[0])
	conf = 1 / (1 + math.Exp(-float64(m.slope)*margin))
	if margin <= 0 {
		return 0, conf, ""
	}
	bp, bc := -1, -1
	for k, l := range m.pos {
		switch {
		case strings.HasPrefix(l, "pos:"):
			if bp < 0 || sc[nc+k] > sc[nc+bp] {
				bp = k
			}
		case strings.HasPrefix(l, "class:"):
			if bc < 0 || sc[nc+k] > sc[nc+bc] {
				bc = k
			}
		}
	}
	if bp >= 0 {
		pos = strings.TrimPrefix(m.pos[bp], "pos:")
	}
	if bc >= 0 {
		name := strings.TrimPrefix(m.pos[bc], "class:")
		for k := 1; k < nc; k++ {
			if m.classes[k] == name {
				best = k
			}
		}
	}
	return best, conf, pos
}

// afterAuxiliary reports whether the word at i follows an auxiliary, a
// modal or "to" (negation and -ly adverbs between).
func afterAuxiliary(s *sentence, i int) bool {
	p := prevWord(s, i)
	if p < 0 {
		return false
	}
	w := s.toks[p].lower
	return auxiliaries[w] && w != "'s" || modals[w] || w == "to"
}

// Probability returns the model's probability that the token with the
// features is a trigger (the confidence of a mention), using sc as
// scratch space, and the scratch space.
func (m *Model) Probability(feats []uint32, sc []float32) (float64, []float32) {
	sc = m.scores(feats, sc, len(m.classes))
	best := sc[1]
	for k := 2; k < len(m.classes); k++ {
		best = max(best, sc[k])
	}
	return 1 / (1 + math.Exp(-float64(m.slope)*float64(best-sc[0]))), sc
}

// isTrigger reports whether the detection scores name a trigger.
func (m *Model) isTrigger(sc []float32) bool {
	for k := 1; k < len(m.classes); k++ {
		if sc[k] > sc[0] {
			return true
		}
	}
	return false
}

// Classify returns the class index of the token with the features (0:
// no event), using sc as scratch space, and the scratch space.
func (m *Model) Classify(feats []uint32, sc []float32) (int, []float32) {
	sc = m.Scores(feats, sc)
	c, _, _ := m.decide(sc)
	return c, sc
}

// tag marks the triggers of s with their class and confidence.
func (m *Model) tag(s *sentence) {
	feats, sc := s.feats, s.sc
	defer func() { s.feats, s.sc = feats, sc }()
	for i := range s.toks {
		if !candidate(s, i) {
			continue
		}
		feats = tokenFeatures(s, i, feats[:0])
		sc = m.scores(feats, sc, len(m.classes))
		if !m.isTrigger(sc) {
			continue
		}
		m.headScores(feats, sc)
		c, conf, pos := m.decide(sc)
		if c == 0 {
			continue
		}
		t := &s.toks[i]
		t.trigger, t.class, t.conf = true, m.classes[c], conf
		switch pos {
		case "VERB":
			t.verbal = true
		case "NOUN":
			// "did not claim", "to attack": a verb whatever the head says.
			t.verbal = afterAuxiliary(s, i)
		default:
			// Adjectives and others: participles ("shot dead",
			// "wounded") take verbal arguments.
			t.verbal = irregular[t.lower] != "" || strings.HasSuffix(t.lower, "ed") || strings.HasSuffix(t.lower, "ing") || afterAuxiliary(s, i)
		}
	}
	lexiconNouns(s)
}
