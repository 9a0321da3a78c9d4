// Command eventcoref-train trains the pairwise event-coreference model of
// package eventcoref on ECB+ and writes it as JSON (the file embedded as
// eventcoref/model.json). It fits on topics 1–22, tunes the document and
// mention clustering thresholds on topics 23–25, and never reads the
// held-out topics.
//
//	go run ./cmd/eventcoref-train --data ../shared/data/ecbplus --out eventcoref/model.json
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"log/slog"
	"os"

	evalevents "github.com/corroborate/corroborate/eval/events"
	"github.com/corroborate/corroborate/eventcoref/train"
)

func main() {
	data := flag.String("data", "../shared/data/ecbplus", "ECB+ folder (ECB+/<topic>/ and the sentence CSV)")
	out := flag.String("out", "eventcoref/model.json", "where to write the model")
	l2 := flag.Float64("l2", 1e-4, "L2 penalty")
	epochs := flag.Int("epochs", 300, "gradient-descent epochs")
	flag.Parse()
	if err := run(context.Background(), *data, *out, *l2, *epochs); err != nil {
		slog.Error("eventcoref-train failed", "err", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, data, out string, l2 float64, epochs int) error {
	m, report, err := train.Model(ctx, data, l2, epochs, evalevents.CoNLL)
	if err != nil {
		return err
	}
	fmt.Print(report)
	b, err := json.MarshalIndent(m, "", " ")
	if err != nil {
		return fmt.Errorf("encoding the model: %w", err)
	}
	if err := os.WriteFile(out, append(b, '\n'), 0o644); err != nil {
		return fmt.Errorf("writing the model: %w", err)
	}
	fmt.Printf("wrote %s (%d bytes)\n", out, len(b))
	return nil
}
