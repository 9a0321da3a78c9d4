package train

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/ner"
	"github.com/corroborate/corroborate/ner/conll"
)

// tinyCorpus is invented training text in CoNLL form (word/TAG pairs).
var tinyCorpus = []string{
	"Omar/B-PER Haddad/I-PER visited/O Mosul/B-LOC on/O Monday/O ./O",
	"The/O Tigris/B-ORG Bank/I-ORG said/O Haddad/B-PER was/O in/O Basra/B-LOC ./O",
	"Layla/B-PER Nouri/I-PER of/O the/O Tigris/B-ORG Bank/I-ORG spoke/O in/O Mosul/B-LOC ./O",
	"Iraqi/B-MISC officials/O met/O in/O Basra/B-LOC ./O",
	"Nouri/B-PER said/O the/O Iraqi/B-MISC plan/O would/O help/O Mosul/B-LOC ./O",
}

func parseTiny(lines []string) []conll.Sentence {
	var out []conll.Sentence
	for _, l := range lines {
		var s conll.Sentence
		for _, wt := range strings.Fields(l) {
			i := strings.LastIndexByte(wt, '/')
			s.Words = append(s.Words, wt[:i])
			s.Tags = append(s.Tags, wt[i+1:])
		}
		out = append(out, s)
	}
	return out
}

func tinyModel(t testing.TB) *ner.Model {
	t.Helper()
	sents := parseTiny(tinyCorpus)
	var lx ner.Lexicon
	lx.Casing = BuildCasing(sents, 1)
	lx.AddPhrase("Basra", "LOC")
	lx.AddPhrase("Tigris Bank", "ORG")
	lx.Extra = ner.TitleBreak | ner.DocTopic
	m, err := Train(context.Background(), sents, lx, Options{Epochs: 8, MinCount: 1, Version: "tiny test", Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestTrainFitsTinyCorpus(t *testing.T) {
	m := tinyModel(t)
	s := conll.Evaluate(ner.NewTagger(m, ner.Options{}), parseTiny(tinyCorpus))
	if f := s.Overall.F1(); f < 0.9 {
		var b bytes.Buffer
		s.Write(&b)
		t.Errorf("training-set F1 %.3f < 0.9:\n%s", f, b.String())
	}
}

func TestModelRoundTrip(t *testing.T) {
	m := tinyModel(t).WithTemp(24)
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(buf.String(), "corroborate-ner\x00\x02\x00\x00\x00") {
		t.Errorf("header = %q, want the magic and format version 2", buf.String()[:min(20, buf.Len())])
	}
	m2, err := ner.ReadModel(bytes.NewReader(buf.Bytes()), "buffer")
	if err != nil {
		t.Fatal(err)
	}
	if m2.Version() != m.Version() || m2.NumFeatures() == 0 || m2.NumFeatures() > m.NumFeatures() {
		t.Errorf("read model: version %q features %d (wrote %d)", m2.Version(), m2.NumFeatures(), m.NumFeatures())
	}
	if m2.Temp() != 24 || m2.Lexicon().Extra != ner.TitleBreak|ner.DocTopic {
		t.Errorf("read model: temperature %g, feature groups %b; wrote 24 and %b", m2.Temp(), m2.Lexicon().Extra, ner.TitleBreak|ner.DocTopic)
	}
	// A model read back writes the same lexicon again.
	var buf2 bytes.Buffer
	if _, err := m2.WriteTo(&buf2); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), buf2.Bytes()) {
		t.Error("the model read back writes other bytes")
	}
	m3, err := ner.ReadModel(bytes.NewReader(buf2.Bytes()), "buffer 2")
	if err != nil {
		t.Fatal(err)
	}
	l1, l2, l3 := m.Lexicon(), m2.Lexicon(), m3.Lexicon()
	if len(l3.Casing) != len(l1.Casing) || len(l2.Casing) != len(l1.Casing) || len(l3.Gazetteer) != len(l1.Gazetteer) || m3.NumFeatures() != m2.NumFeatures() {
		t.Errorf("round trips lost data: casing %d/%d/%d gazetteer %d/%d features %d/%d",
			len(l1.Casing), len(l2.Casing), len(l3.Casing), len(l1.Gazetteer), len(l3.Gazetteer), m2.NumFeatures(), m3.NumFeatures())
	}
	words := strings.Fields("Layla Haddad flew to Basra .")
	c1, _ := ner.NewTagger(m, ner.Options{}).TagWords(words)
	c2, _ := ner.NewTagger(m2, ner.Options{}).TagWords(words)
	if len(c1) != len(c2) {
		t.Fatalf("quantized model disagrees: %v vs %v", c1, c2)
	}
	for i := range c1 {
		if c1[i] != c2[i] {
			t.Errorf("chunk %d: %v vs %v", i, c1[i], c2[i])
		}
	}
}

func TestTrainErrors(t *testing.T) {
	if _, err := Train(context.Background(), nil, ner.Lexicon{}, Options{}); err == nil {
		t.Error("no error for empty training data")
	}
	bad := []conll.Sentence{{Words: []string{"a", "b"}, Tags: []string{"O"}}}
	if _, err := Train(context.Background(), bad, ner.Lexicon{}, Options{}); err == nil {
		t.Error("no error for mismatched tags")
	}
}

func TestTrainWithMargin(t *testing.T) {
	sents := parseTiny(tinyCorpus)
	var lx ner.Lexicon
	lx.Casing = BuildCasing(sents, 1)
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	plain, err := Train(context.Background(), sents, lx, Options{Epochs: 8, MinCount: 1, Logger: quiet})
	if err != nil {
		t.Fatal(err)
	}
	wide, err := Train(context.Background(), sents, lx, Options{Epochs: 8, MinCount: 1, Logger: quiet, Margin: 40})
	if err != nil {
		t.Fatal(err)
	}
	if f := conll.Evaluate(ner.NewTagger(wide, ner.Options{}), sents).Overall.F1(); f < 0.9 {
		t.Errorf("margin model: training-set F1 %.3f < 0.9", f)
	}
	// Updates go on after the training data is separated, so the gold
	// label of each token leads by a wider margin.
	words := strings.Fields("Omar Haddad visited Mosul on Monday .")
	lead := func(m *ner.Model) float32 {
		weights := map[uint64][numLabels]float32{}
		m.EachWeight(func(k uint64, row [numLabels]float32) { weights[k] = row })
		var s [numLabels]float32
		for _, k := range ner.NewEncoder(m.Lexicon()).Encode(words).Static(3, nil, nil) {
			for l, w := range weights[k] {
				s[l] += w
			}
		}
		gold := ner.Labels(len(words), []ner.Chunk{{Start: 3, End: 4, Type: "LOC"}})[3]
		var next float32 = -1e9
		for l, v := range s {
			if l != gold && v > next {
				next = v
			}
		}
		return s[gold] - next
	}
	if p, w := lead(plain), lead(wide); w <= p {
		t.Errorf("gold lead of Mosul: %.1f with margin, %.1f without; want larger with", w, p)
	}
}
