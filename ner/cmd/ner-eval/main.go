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

// devOptions are the --dev flags: the model file (empty: the embedded
// one), changes to make to it and to the tagger, and the error breakdown.
type devOptions struct {
	model                    string
	below, consistent, prune float64
	temp                     float64
	write                    string
	beam, errors             int
}

// scoreDev prints the scores of the model file (or the embedded model) on
// the CoNLL development set.
func scoreDev(data string, o devOptions) error {
	var t *ner.Tagger
	if o.model == "" {
		var err error
		if t, err = ner.Load(); err != nil {
			return err
		}
	} else {
		f, err := os.Open(o.model)
		if err != nil {
			return fmt.Errorf("opening model: %w", err)
		}
		defer f.Close()
		m, err := ner.ReadModel(f, o.model)
		if err != nil {
			return err
		}
		if o.prune > 0 {
			n := m.NumFeatures()
			m = m.Pruned(float32(o.prune))
			fmt.Printf("pruned below %g: %d → %d features\n", o.prune, n, m.NumFeatures())
		}
		if o.temp > 0 {
			m.Temp = float32(o.temp)
		}
		if o.write != "" {
			if err := writeModel(m, o.write); err != nil {
				return err
			}
		}
		t = ner.NewTagger(m)
	}
	if o.beam > 0 {
		t.Beam = o.beam
	}
	if o.below >= 0 {
		t.Stage2Below = float32(o.below)
	}
	if o.consistent >= 0 {
		t.Consistent = o.consistent
	}
	dev, err := ner.ReadCoNLL(filepath.Join(data, "valid.txt"))
	if err != nil {
		return err
	}
	ner.MarkDocuments(dev)
	s, e := ner.EvaluateErrors(t, dev, o.errors)
	s.Write(os.Stdout)
	if o.errors > 0 {
		e.Write(os.Stdout)
	}
	fmt.Printf("Brier %.4f\n", e.Brier())
	fmt.Printf("F1 %.4f\n", s.Overall.F1())
	return nil
}

// writeModel writes m to path.
func writeModel(m *ner.Model, path string) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("writing model: %w", err)
	}
	_, err = m.WriteTo(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("writing model %s: %w", path, err)
	}
	return nil
}

func main() {
	data := flag.String("data", "../shared/data/conll2003", "CoNLL-2003 folder (test.txt, conllpp_test.txt)")
	model := flag.String("model", "", "model file to score instead of the embedded one")
	noProse := flag.Bool("no-prose", false, "skip the prose/v2 comparison")
	below := flag.Float64("stage2-below", -1, "with --dev: second stage only where a first-stage label probability is below this (0: everywhere; -1: the tagger's default)")
	consistent := flag.Float64("consistent", -1, "with --dev: label-consistency threshold (0: off; -1: the tagger's default)")
	dev := flag.Bool("dev", false, "score valid.txt only (for model selection; use with --model)")
	prune := flag.Float64("prune", 0, "with --dev --model: drop weights below this in absolute value before scoring")
	write := flag.String("write", "", "with --dev --model: write the (pruned) model here")
	temp := flag.Float64("temp", 0, "with --dev --model: softmax temperature to set on the model (0: keep the model's)")
	beam := flag.Int("beam", 0, "with --dev: beam width (0: the tagger's default)")
	errors := flag.Int("errors", 0, "with --dev: sort the mistakes by kind and print up to this many examples of each")
	flag.Parse()
	if *dev {
		o := devOptions{model: *model, below: *below, consistent: *consistent, prune: *prune, temp: *temp, write: *write, beam: *beam, errors: *errors}
		if err := scoreDev(*data, o); err != nil {
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
