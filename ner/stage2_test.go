package ner

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"slices"
	"strings"
	"testing"
)

func TestLabelsFromChunks(t *testing.T) {
	tests := []struct {
		tags []string
	}{
		{[]string{"B-PER", "I-PER", "O", "B-LOC"}},
		{[]string{"B-ORG", "I-ORG", "I-ORG", "O", "B-MISC", "B-MISC"}},
		{[]string{"O", "O"}},
	}
	for _, tc := range tests {
		chunks := ChunksFromBIO(tc.tags)
		labels := labelsFromChunks(len(tc.tags), chunks)
		if got := chunksFromLabels(labels); !slices.Equal(got, chunks) {
			t.Errorf("%v: chunks %v → labels %v → %v", tc.tags, chunks, labels, got)
		}
	}
	// Chunks outside the sentence are ignored, not a panic.
	if got := labelsFromChunks(2, []Chunk{{Start: 1, End: 5, Type: "PER"}}); !slices.Equal(got, []int{0, 0}) {
		t.Errorf("out-of-range chunk gave %v", got)
	}
}

func TestDocAggCountsOtherOccurrences(t *testing.T) {
	sents := [][]string{{"Nouri", "spoke", "."}, {"Layla", "Nouri", "left", "."}}
	per := makeLabel(classPER, posU)
	labels := [][]int{{per, 0, 0}, {makeLabel(classPER, posB), makeLabel(classPER, posL), 0, 0}}
	a := newDocAgg(sents, labels)
	c := a.counts["nouri"]
	if c == nil || c[aggSlot(per)] != 1 || c[aggSlot(makeLabel(classPER, posL))] != 1 {
		t.Fatalf("counts of nouri = %v", c)
	}
	var si sentenceInfo
	var lx Lexicon
	lx.prepare(&si, sents[0], nil, nil)
	keys := a.features(&si, 0, labels[0], nil)
	// The other occurrence (inside a two-word PER) must show up; the
	// token's own label must not count as another occurrence.
	want := keyN(fS1Agg, byte(aggSlot(makeLabel(classPER, posL))), 0, 1)
	self := keyN(fS1Agg, byte(aggSlot(per)), 0, 1)
	if !slices.Contains(keys, want) {
		t.Error("aggregate of the other occurrence missing")
	}
	if slices.Contains(keys, self) {
		t.Error("own occurrence counted as another one")
	}
}

func TestStage2RoundTrip(t *testing.T) {
	// Four documents: the tiny corpus, then three where its names play
	// other roles, so that fold models make mistakes to learn from.
	var sents []Sentence
	for d := 0; d < 4; d++ {
		lines := tinyCorpus
		if d > 0 {
			lines = stage2Docs[d-1]
		}
		doc := parseTiny(lines)
		doc[0].DocStart = true
		sents = append(sents, doc...)
	}
	var lx Lexicon
	lx.Casing = BuildCasing(sents, 1)
	opt := TrainOptions{Epochs: 8, MinCount: 1, Version: "tiny two-stage", Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}
	ctx := context.Background()
	m1, err := Train(ctx, sents, lx, opt)
	if err != nil {
		t.Fatal(err)
	}
	m2, err := TrainStage2(ctx, sents, lx, opt, Stage2Options{Folds: 2, Epochs: 4})
	if err != nil {
		t.Fatal(err)
	}
	if m2.NumFeatures() == 0 {
		t.Fatal("second stage learnt no weights")
	}
	m := WithStage2(m1, m2)
	if !m.HasStage2() || m1.HasStage2() {
		t.Fatal("WithStage2 did not attach (only) to the copy")
	}
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	back, err := ReadModel(bytes.NewReader(buf.Bytes()), "buffer")
	if err != nil {
		t.Fatal(err)
	}
	if !back.HasStage2() {
		t.Fatal("second stage lost in the model file")
	}
	doc := [][]string{strings.Fields("Layla Nouri visited Basra ."), strings.Fields("Nouri met the Tigris Bank .")}
	c1, _ := NewTagger(m).TagDocument(doc)
	c2, _ := NewTagger(back).TagDocument(doc)
	for i := range c1 {
		if !slices.Equal(c1[i], c2[i]) {
			t.Errorf("sentence %d: %v before writing, %v after", i, c1[i], c2[i])
		}
	}
	if s := Evaluate(NewTagger(back), sents); s.Overall.F1() < 0.8 {
		t.Errorf("two-stage training-set F1 %.3f < 0.8", s.Overall.F1())
	}
}

// stage2Docs are invented documents in which a word keeps one class
// throughout.
var stage2Docs = [][]string{
	{
		"Basra/B-ORG Oil/I-ORG hired/O Nouri/B-PER ./O",
		"BASRA/B-ORG SAYS/O PROFITS/O ROSE/O",
		"Profits/O at/O Basra/B-ORG rose/O ,/O Nouri/B-PER said/O ./O",
	},
	{
		"Haddad/B-ORG ,/O a/O Mosul/B-LOC firm/O ,/O hired/O Layla/B-PER ./O",
		"HADDAD/B-ORG WINS/O CONTRACT/O",
		"Haddad/B-ORG won/O a/O contract/O in/O Basra/B-LOC ./O",
	},
	{
		"Mosul/B-ORG beat/O Basra/B-ORG 2-1/O on/O Friday/O ./O",
		"Mosul/B-ORG scored/O twice/O ./O",
		"Omar/B-PER Haddad/I-PER played/O for/O Mosul/B-ORG ./O",
	},
}

func TestTrainStage2Errors(t *testing.T) {
	sents := parseTiny(tinyCorpus)
	ctx := context.Background()
	if _, err := TrainStage2(ctx, sents, Lexicon{}, TrainOptions{}, Stage2Options{Folds: 1}); err == nil {
		t.Error("no error for one fold")
	}
	if _, err := TrainStage2(ctx, sents[:1], Lexicon{}, TrainOptions{}, Stage2Options{Folds: 3}); err == nil {
		t.Error("no error for fewer documents than folds")
	}
	bad := []Sentence{{Words: []string{"a", "b"}, Tags: []string{"O"}, DocStart: true}, {Words: []string{"c"}, Tags: []string{"O"}, DocStart: true}}
	if _, err := TrainStage2(ctx, bad, Lexicon{}, TrainOptions{}, Stage2Options{Folds: 2}); err == nil {
		t.Error("no error for mismatched tags")
	}
}
