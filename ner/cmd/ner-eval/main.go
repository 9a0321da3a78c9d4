// Command ner-eval runs the NER evaluation (package eval/ner) until the
// lead wires it as `corroborate eval ner --data DIR`.
//
//	go run ./ner/cmd/ner-eval --data ../shared/data/conll2003
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"

	evalner "github.com/corroborate/corroborate/eval/ner"
)

func main() {
	data := flag.String("data", "../shared/data/conll2003", "CoNLL-2003 folder (test.txt, conllpp_test.txt)")
	model := flag.String("model", "", "model file to score instead of the embedded one")
	noProse := flag.Bool("no-prose", false, "skip the prose/v2 comparison")
	flag.Parse()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := evalner.RunWith(ctx, *data, os.Stdout, evalner.Options{Model: *model, SkipProse: *noProse}); err != nil {
		fmt.Fprintln(os.Stderr, "ner-eval:", err)
		os.Exit(1)
	}
}
