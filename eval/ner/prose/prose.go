// Package prose runs prose/v2's named-entity recognizer on the CoNLL-2003
// test sentences as a peer of our tagger (eval/ner). It is imported only
// by cmd/corroborate-eval, so that prose/v2 and its dependencies (gonum,
// about 4 MB of model data) stay out of the product binary.
package prose

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/jdkato/prose/v2"

	evalner "github.com/corroborate/corroborate/eval/ner"
	tagger "github.com/corroborate/corroborate/ner"
	"github.com/corroborate/corroborate/ner/conll"
)

// Peer returns prose/v2 as a peer for evalner.Options.Peers.
func Peer() evalner.Peer {
	return evalner.Peer{
		Name:    "prose",
		Heading: "prose/v2 NER on CoNLL-2003 test (labels PERSON→PER, ORGANIZATION→ORG, GPE/LOCATION/GSP→LOC; it has no MISC)",
		Run:     runProse,
	}
}

// proseTypes maps prose/v2 entity labels to CoNLL classes.
var proseTypes = map[string]string{
	"PERSON": "PER", "ORGANIZATION": "ORG", "GPE": "LOC", "LOCATION": "LOC", "GSP": "LOC",
}

// runProse tags each test sentence (words joined by spaces) with prose/v2,
// loading its model once, and scores its entities against the gold spans.
// prose tokenizes by itself and its entities carry only their text, so
// each entity is located in the sentence text (words joined by spaces) left
// to right; one that does not start and end on word boundaries counts as a
// false positive.
func runProse(ctx context.Context, sents []conll.Sentence, w io.Writer) error {
	start := time.Now()
	model := prose.ModelFromData("en")
	fmt.Fprintf(w, "prose model load: %v\n", time.Since(start).Round(time.Millisecond))
	scores := conll.NewScores()
	tokens := 0
	start = time.Now()
	for n, s := range sents {
		if n%256 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		tokens += len(s.Words)
		text := strings.Join(s.Words, " ")
		startOf, endOf := map[int]int{}, map[int]int{}
		pos := 0
		for i, wd := range s.Words {
			startOf[pos] = i
			endOf[pos+len(wd)] = i + 1
			pos += len(wd) + 1
		}
		doc, err := prose.NewDocument(text, prose.WithSegmentation(false), prose.UsingModel(model))
		if err != nil {
			return fmt.Errorf("prose on sentence %d: %w", n, err)
		}
		// prose's entities carry text only: find each in the sentence,
		// left to right, on word boundaries.
		var pred []tagger.Chunk
		at := 0
		for _, ent := range doc.Entities() {
			typ, ok := proseTypes[ent.Label]
			if !ok {
				continue
			}
			k := strings.Index(text[at:], ent.Text)
			if k < 0 {
				pred = append(pred, tagger.Chunk{Start: -1 - len(pred), End: -1, Type: typ}) // not found: a sure miss
				continue
			}
			a, b := at+k, at+k+len(ent.Text)
			ws, ok1 := startOf[a]
			we, ok2 := endOf[b]
			if !ok1 || !ok2 {
				pred = append(pred, tagger.Chunk{Start: -1 - len(pred), End: -1, Type: typ}) // inside a word: a sure miss
				continue
			}
			at = b
			pred = append(pred, tagger.Chunk{Start: ws, End: we, Type: typ})
		}
		scores.Add(conll.ChunksFromBIO(s.Tags), pred)
	}
	el := time.Since(start)
	fmt.Fprintf(w, "prose: %d tokens, %.0f tokens/s (tokenize + POS + NER)\n", tokens, float64(tokens)/el.Seconds())
	scores.Write(w)
	return nil
}
