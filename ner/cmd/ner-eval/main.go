// Command ner-eval runs the NER evaluation (package eval/ner) until the
// lead wires it as `corroborate eval ner --data DIR`.
//
//	go run ./ner/cmd/ner-eval --data ../shared/data/conll2003
//
// For model selection, --dev scores a model file on the development set
// (valid.txt) instead:
//
//	go run ./ner/cmd/ner-eval --data ../shared/data/conll2003 --dev --model /tmp/ner-dev.bin
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"

	evalner "github.com/corroborate/corroborate/eval/ner"
	"github.com/corroborate/corroborate/ner"
)

// scoreDev prints the scores of the model file (or the embedded model) on
// the CoNLL development set.
func scoreDev(data, model string, below, consistent float64) error {
	var t *ner.Tagger
	if model == "" {
		var err error
		if t, err = ner.Load(); err != nil {
			return err
		}
	} else {
		f, err := os.Open(model)
		if err != nil {
			return fmt.Errorf("opening model: %w", err)
		}
		defer f.Close()
		m, err := ner.ReadModel(f, model)
		if err != nil {
			return err
		}
		t = ner.NewTagger(m)
	}
	if below >= 0 {
		t.Stage2Below = float32(below)
	}
	if consistent >= 0 {
		t.Consistent = consistent
	}
	dev, err := ner.ReadCoNLL(filepath.Join(data, "valid.txt"))
	if err != nil {
		return err
	}
	ner.MarkDocuments(dev)
	s := ner.Evaluate(t, dev)
	s.Write(os.Stdout)
	fmt.Printf("F1 %.4f\n", s.Overall.F1())
	return nil
}

func main() {
	data := flag.String("data", "../shared/data/conll2003", "CoNLL-2003 folder (test.txt, conllpp_test.txt)")
	model := flag.String("model", "", "model file to score instead of the embedded one")
	noProse := flag.Bool("no-prose", false, "skip the prose/v2 comparison")
	below := flag.Float64("stage2-below", -1, "with --dev: second stage only where a first-stage label probability is below this (0: everywhere; -1: the tagger's default)")
	consistent := flag.Float64("consistent", -1, "with --dev: label-consistency threshold (0: off; -1: the tagger's default)")
	dev := flag.Bool("dev", false, "score valid.txt only (for model selection; use with --model)")
	flag.Parse()
	if *dev {
		if err := scoreDev(*data, *model, *below, *consistent); err != nil {
			fmt.Fprintln(os.Stderr, "ner-eval:", err)
			os.Exit(1)
		}
		return
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := evalner.RunWith(ctx, *data, os.Stdout, evalner.Options{Model: *model, SkipProse: *noProse}); err != nil {
		fmt.Fprintln(os.Stderr, "ner-eval:", err)
		os.Exit(1)
	}
}
