package train

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"slices"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/ner"
	"github.com/corroborate/corroborate/ner/conll"
)

func TestAverage(t *testing.T) {
	sents := parseTiny(tinyCorpus)
	var lx ner.Lexicon
	lx.Casing = BuildCasing(sents, 1)
	lx.AddPhrase("Basra", "LOC")
	vecs := map[string][]float32{"basra": {0.6, 0.8}, "mosul": {0.8, 0.6}, "haddad": {0, 1}}
	opt := Options{Epochs: 8, MinCount: 1, Vectors: vecs, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}
	var models []*ner.Model
	for seed := int64(1); seed <= 2; seed++ {
		opt.Seed = seed
		m, err := Train(context.Background(), sents, lx, opt)
		if err != nil {
			t.Fatal(err)
		}
		models = append(models, m)
	}
	// A model averaged with itself tags as it does.
	self, err := Average("self", models[0], models[0])
	if err != nil {
		t.Fatal(err)
	}
	words := strings.Fields("Layla Haddad flew to Basra .")
	want, _ := ner.NewTagger(models[0], ner.Options{}).TagWords(words)
	got, _ := ner.NewTagger(self, ner.Options{}).TagWords(words)
	if !slices.Equal(got, want) {
		t.Errorf("self-average tags %v, model tags %v", got, want)
	}
	if self.NumFeatures() != models[0].NumFeatures() {
		t.Errorf("self-average has %d features, model %d", self.NumFeatures(), models[0].NumFeatures())
	}
	both, err := Average("both", models...)
	if err != nil {
		t.Fatal(err)
	}
	if both.NumFeatures() < models[0].NumFeatures() || both.Version() != "both" || both.Lexicon().Proj == nil {
		t.Errorf("average: %d features (first model %d), version %q, projections %v", both.NumFeatures(), models[0].NumFeatures(), both.Version(), both.Lexicon().Proj != nil)
	}
	if s := conll.Evaluate(ner.NewTagger(both, ner.Options{}), sents); s.Overall.F1() < 0.8 {
		t.Errorf("averaged model training-set F1 %.3f < 0.8", s.Overall.F1())
	}

	if _, err := Average("none"); err == nil {
		t.Error("no error for no models")
	}
	var buf bytes.Buffer
	if _, err := models[0].WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	read, err := ner.ReadModel(&buf, "buffer")
	if err != nil {
		t.Fatal(err)
	}
	// A model read from a file (its lexicon joined into one table)
	// averages with itself to the same tags and vector scores.
	again, err := Average("read", read, read)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := ner.NewTagger(again, ner.Options{}).TagWords(words); !slices.Equal(got, want) {
		t.Errorf("self-average of the model read back tags %v, model tags %v", got, want)
	}
	if len(again.Lexicon().Proj) != len(vecs) {
		t.Errorf("self-average of the model read back has %d projected words, want %d", len(again.Lexicon().Proj), len(vecs))
	}
}
