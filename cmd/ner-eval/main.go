// Command ner-eval scores an NER model file on CoNLL-2003 for model
// selection. By default it runs the test evaluation of package eval/ner
// (what `corroborate eval ner` prints) on the model given with --model or
// the embedded one:
//
//	go run ./cmd/ner-eval --data ../shared/data/conll2003 --model /tmp/ner.bin
//
// With --dev it scores the development set (valid.txt) instead, with
// tagger options, pruning and temperature to try, and the mistakes sorted
// by kind:
//
//	go run ./cmd/ner-eval --data ../shared/data/conll2003 --dev --model /tmp/ner-dev.bin --errors 20
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
	"github.com/corroborate/corroborate/ner/conll"
	"github.com/corroborate/corroborate/ner/train"
)

// devOptions are the --dev flags: the model file (empty: the embedded
// one), changes to make to it, the tagger's options and the error
// breakdown.
type devOptions struct {
	model        string
	prune, temp  float64
	write        string
	tagger       ner.Options
	errorsToKeep int
}

// devTagger returns the tagger --dev scores: the embedded model, or the
// model file pruned and with the temperature asked for (written to
// o.write when set), with o.tagger.
func devTagger(o devOptions) (*ner.Tagger, error) {
	if o.model == "" {
		if o.prune > 0 || o.temp > 0 || o.write != "" {
			return nil, fmt.Errorf("--prune, --temp and --write need --model")
		}
		return ner.LoadWith(o.tagger)
	}
	f, err := os.Open(o.model)
	if err != nil {
		return nil, fmt.Errorf("opening model: %w", err)
	}
	defer f.Close()
	m, err := ner.ReadModel(f, o.model)
	if err != nil {
		return nil, err
	}
	if o.prune > 0 {
		n := m.NumFeatures()
		m = train.Prune(m, float32(o.prune))
		fmt.Printf("pruned below %g: %d → %d features\n", o.prune, n, m.NumFeatures())
	}
	if o.temp > 0 {
		m = m.WithTemp(float32(o.temp))
	}
	if o.write != "" {
		if err := m.WriteFile(o.write); err != nil {
			return nil, err
		}
	}
	return ner.NewTagger(m, o.tagger), nil
}

// scoreDev prints the scores of the tagger of o on the CoNLL development
// set.
func scoreDev(data string, o devOptions) error {
	t, err := devTagger(o)
	if err != nil {
		return err
	}
	dev, err := conll.Read(filepath.Join(data, "valid.txt"))
	if err != nil {
		return err
	}
	conll.MarkDocuments(dev)
	s, e := conll.EvaluateErrors(t, dev, o.errorsToKeep)
	s.Write(os.Stdout)
	if o.errorsToKeep > 0 {
		e.Write(os.Stdout)
	}
	fmt.Printf("Brier %.4f\n", e.Brier())
	fmt.Printf("F1 %.4f\n", s.Overall.F1())
	return nil
}

func main() {
	data := flag.String("data", "../shared/data/conll2003", "CoNLL-2003 folder (test.txt, conllpp_test.txt, valid.txt)")
	model := flag.String("model", "", "model file to score instead of the embedded one")
	consistent := flag.Float64("consistent", 0, "with --dev: label-consistency threshold (0: the tagger's default; negative: off)")
	dev := flag.Bool("dev", false, "score valid.txt only (for model selection; use with --model)")
	prune := flag.Float64("prune", 0, "with --dev --model: drop weights below this in absolute value before scoring")
	write := flag.String("write", "", "with --dev --model: write the (pruned) model here")
	temp := flag.Float64("temp", 0, "with --dev --model: softmax temperature to set on the model (0: keep the model's)")
	beam := flag.Int("beam", 0, "with --dev: beam width (0: the tagger's default)")
	errs := flag.Int("errors", 0, "with --dev: sort the mistakes by kind and print up to this many examples of each")
	flag.Parse()
	if flag.NArg() > 0 {
		fmt.Fprintf(os.Stderr, "ner-eval: unexpected arguments %q\n", flag.Args())
		os.Exit(2)
	}
	if *dev {
		o := devOptions{model: *model, prune: *prune, temp: *temp, write: *write,
			tagger: ner.Options{Beam: *beam, Consistent: *consistent}, errorsToKeep: *errs}
		if err := scoreDev(*data, o); err != nil {
			fmt.Fprintln(os.Stderr, "ner-eval:", err)
			os.Exit(1)
		}
		return
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := evalner.RunWith(ctx, *data, os.Stdout, evalner.Options{Model: *model}); err != nil {
		fmt.Fprintln(os.Stderr, "ner-eval:", err)
		os.Exit(1)
	}
}
