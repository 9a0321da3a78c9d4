package ner

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"strings"
	"testing"
)

// tinyCorpus is invented training text in CoNLL form (word/TAG pairs).
var tinyCorpus = []string{
	"Omar/B-PER Haddad/I-PER visited/O Mosul/B-LOC on/O Monday/O ./O",
	"The/O Tigris/B-ORG Bank/I-ORG said/O Haddad/B-PER was/O in/O Basra/B-LOC ./O",
	"Layla/B-PER Nouri/I-PER of/O the/O Tigris/B-ORG Bank/I-ORG spoke/O in/O Mosul/B-LOC ./O",
	"Iraqi/B-MISC officials/O met/O in/O Basra/B-LOC ./O",
	"Nouri/B-PER said/O the/O Iraqi/B-MISC plan/O would/O help/O Mosul/B-LOC ./O",
}

func parseTiny(lines []string) []Sentence {
	var out []Sentence
	for _, l := range lines {
		var s Sentence
		for _, wt := range strings.Fields(l) {
			i := strings.LastIndexByte(wt, '/')
			s.Words = append(s.Words, wt[:i])
			s.Tags = append(s.Tags, wt[i+1:])
		}
		out = append(out, s)
	}
	return out
}

func tinyModel(t testing.TB) *Model {
	t.Helper()
	sents := parseTiny(tinyCorpus)
	var lx Lexicon
	lx.Casing = BuildCasing(sents, 1)
	lx.AddPhrase("Basra", "LOC")
	lx.AddPhrase("Tigris Bank", "ORG")
	m, err := Train(context.Background(), sents, lx, TrainOptions{Epochs: 8, MinCount: 1, Version: "tiny test", Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestTrainFitsTinyCorpus(t *testing.T) {
	m := tinyModel(t)
	s := Evaluate(NewTagger(m), parseTiny(tinyCorpus))
	if f := s.Overall.F1(); f < 0.9 {
		var b bytes.Buffer
		s.Write(&b)
		t.Errorf("training-set F1 %.3f < 0.9:\n%s", f, b.String())
	}
}

func TestModelRoundTrip(t *testing.T) {
	m := tinyModel(t)
	m.Temp = 24
	m.lex.Extra = TitleBreak | DocTopic
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(buf.String(), "corroborate-ner 1 tiny test\n") {
		t.Errorf("header = %q", strings.SplitN(buf.String(), "\n", 2)[0])
	}
	m2, err := ReadModel(bytes.NewReader(buf.Bytes()), "buffer")
	if err != nil {
		t.Fatal(err)
	}
	if m2.Version != m.Version || m2.NumFeatures() == 0 || m2.NumFeatures() > m.NumFeatures() {
		t.Errorf("read model: version %q features %d (wrote %d)", m2.Version, m2.NumFeatures(), m.NumFeatures())
	}
	if m2.Temp != 24 || m2.lex.Extra != TitleBreak|DocTopic {
		t.Errorf("read model: temperature %g, feature groups %b; wrote 24 and %b", m2.Temp, m2.lex.Extra, TitleBreak|DocTopic)
	}
	// A model read back writes the same lexicon again.
	var buf2 bytes.Buffer
	if _, err := m2.WriteTo(&buf2); err != nil {
		t.Fatal(err)
	}
	m3, err := ReadModel(bytes.NewReader(buf2.Bytes()), "buffer 2")
	if err != nil {
		t.Fatal(err)
	}
	if len(m3.lex.words) != len(m2.lex.words) || len(m3.lex.Gazetteer) != len(m.lex.Gazetteer) || m3.NumFeatures() != m2.NumFeatures() {
		t.Errorf("second round trip lost data: words %d/%d gazetteer %d/%d features %d/%d",
			len(m3.lex.words), len(m2.lex.words), len(m3.lex.Gazetteer), len(m.lex.Gazetteer), m3.NumFeatures(), m2.NumFeatures())
	}
	words := strings.Fields("Layla Haddad flew to Basra .")
	c1, _ := NewTagger(m).TagWords(words)
	c2, _ := NewTagger(m2).TagWords(words)
	if len(c1) != len(c2) {
		t.Fatalf("quantized model disagrees: %v vs %v", c1, c2)
	}
	for i := range c1 {
		if c1[i] != c2[i] {
			t.Errorf("chunk %d: %v vs %v", i, c1[i], c2[i])
		}
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

func TestTrainErrors(t *testing.T) {
	if _, err := Train(context.Background(), nil, Lexicon{}, TrainOptions{}); err == nil {
		t.Error("no error for empty training data")
	}
	bad := []Sentence{{Words: []string{"a", "b"}, Tags: []string{"O"}}}
	if _, err := Train(context.Background(), bad, Lexicon{}, TrainOptions{}); err == nil {
		t.Error("no error for mismatched tags")
	}
}

func TestTrainWithMargin(t *testing.T) {
	sents := parseTiny(tinyCorpus)
	var lx Lexicon
	lx.Casing = BuildCasing(sents, 1)
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	plain, err := Train(context.Background(), sents, lx, TrainOptions{Epochs: 8, MinCount: 1, Logger: quiet})
	if err != nil {
		t.Fatal(err)
	}
	wide, err := Train(context.Background(), sents, lx, TrainOptions{Epochs: 8, MinCount: 1, Logger: quiet, Margin: 40})
	if err != nil {
		t.Fatal(err)
	}
	if f := Evaluate(NewTagger(wide), sents).Overall.F1(); f < 0.9 {
		t.Errorf("margin model: training-set F1 %.3f < 0.9", f)
	}
	// Updates go on after the training data is separated, so the gold
	// label of each token leads by a wider margin.
	words := strings.Fields("Omar Haddad visited Mosul on Monday .")
	lead := func(m *Model) float32 {
		sc := &scratch{}
		m.lex.prepare(&sc.si, words, nil, map[string]*wordEntry{})
		s := m.staticScores(sc, 3, docHistory{})
		gold := makeLabel(classLOC, posU)
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
