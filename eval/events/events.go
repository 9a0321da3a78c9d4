// Package events evaluates cross-document event coreference on ECB+.
package events

import "github.com/corroborate/corroborate/eval/internal/corefscore"

// CoNLL returns the CoNLL F1 of pred against gold.
func CoNLL(gold, pred []string) float64 { return corefscore.Score(gold, pred).CoNLL }
