package ner

import (
	"context"
	"fmt"
	"log/slog"
	"math/rand"
)

// Stage2Options configure TrainStage2.
type Stage2Options struct {
	// Folds is the number of cross-validation folds (default 5).
	Folds int
	// FoldEpochs is the number of training passes of each fold's
	// first-stage model (default: the Epochs of the first-stage options).
	FoldEpochs int
	// Epochs is the number of passes over the data for the second-stage
	// weights (default 10).
	Epochs int
}

// TrainStage2 fits the second-stage weights for a first-stage model
// trained with opt on sents (attach them with WithStage2). Documents are
// split into folds; each fold is tagged by a first-stage model trained on
// the other folds, so the second stage learns from first-stage labels with
// the errors a model makes on unseen text. The second stage then re-tags
// each document with that fold model's scores plus its own weights for the
// features of the first-pass labels (for a capitalized token, the
// distribution of labels the other occurrences of its word got anywhere in
// the document, alone and with the token's own first-pass class), and only
// those weights are learnt.
func TrainStage2(ctx context.Context, sents []Sentence, lex Lexicon, opt TrainOptions, so Stage2Options) (*Model, error) {
	if so.Folds == 0 {
		so.Folds = 5
	}
	if so.Epochs <= 0 {
		so.Epochs = 10
	}
	if so.Folds < 2 {
		return nil, fmt.Errorf("training the NER second stage: need at least 2 folds, got %d", so.Folds)
	}
	log := opt.Logger
	if log == nil {
		log = slog.Default()
	}
	docs := documentRanges(sents)
	if len(docs) < so.Folds {
		return nil, fmt.Errorf("training the NER second stage: %d documents for %d folds", len(docs), so.Folds)
	}
	for n, s := range sents {
		if len(s.Words) != len(s.Tags) {
			return nil, fmt.Errorf("training the NER second stage: sentence %d has %d words and %d tags", n, len(s.Words), len(s.Tags))
		}
	}
	fo := opt
	fo.Dev, fo.DevEvery = nil, 0
	if so.FoldEpochs > 0 {
		fo.Epochs = so.FoldEpochs
	}
	models := make([]*Model, so.Folds)
	words := make([][][]string, len(docs))
	stage1 := make([][][]int, len(docs))
	for d, r := range docs {
		for _, s := range sents[r[0]:r[1]] {
			words[d] = append(words[d], s.Words)
		}
	}
	for f := range models {
		var train []Sentence
		for d, r := range docs {
			if d%so.Folds != f {
				train = append(train, sents[r[0]:r[1]]...)
			}
		}
		m, err := Train(ctx, train, lex, fo)
		if err != nil {
			return nil, fmt.Errorf("training the NER second stage: fold %d of %d: %w", f+1, so.Folds, err)
		}
		models[f] = m
		t := NewTagger(m)
		t.Consistent = 0 // the second pass sees the labels before that step
		for d := range docs {
			if d%so.Folds != f {
				continue
			}
			if stage1[d], err = t.docLabels(ctx, words[d]); err != nil {
				return nil, fmt.Errorf("training the NER second stage: fold %d of %d: %w", f+1, so.Folds, err)
			}
		}
		log.Info("ner second stage: fold model trained", "fold", f+1, "folds", so.Folds)
	}

	tt := &trainTable{idx: map[uint64]int32{}}
	scratches := make([]*scratch, so.Folds)
	for f := range scratches {
		scratches[f] = &scratch{}
	}
	rng := rand.New(rand.NewSource(opt.Seed + 1))
	order := rng.Perm(len(docs))
	c := 1.0
	var keys []uint64
	for epoch := 1; epoch <= so.Epochs; epoch++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		rng.Shuffle(len(order), func(a, b int) { order[a], order[b] = order[b], order[a] })
		errs, toks := 0, 0
		for _, d := range order {
			f := d % so.Folds
			m, sc := models[f], scratches[f]
			if len(sc.cache) > maxCache {
				sc.cache = nil
			}
			if sc.cache == nil {
				sc.cache = make(map[string]*wordEntry, 1024)
			}
			dc := newDocContext(words[d])
			agg := newDocAgg(words[d], stage1[d])
			hist := docHistory{}
			for si, ws := range words[d] {
				if len(ws) == 0 {
					continue
				}
				gold := bilouFromBIO(sents[docs[d][0]+si].Tags)
				sc.buf = m.lex.prepare(&sc.si, ws, sc.buf, sc.cache)
				sc.si.doc, sc.si.agg, sc.si.s1 = dc, nil, nil
				pred := make([]int, len(ws))
				p1, p2 := -1, -1
				for i := range ws {
					scores := m.staticScores(sc, i, hist)
					sc.keys = sc.si.history(i, p1, p2, sc.keys[:0])
					m.addScores(sc.keys, &scores)
					keys = agg.features(&sc.si, i, stage1[d][si], keys[:0])
					ids := make([]int32, len(keys))
					for j, k := range keys {
						ids[j] = tt.id(k, true)
						row := tt.w[int(ids[j])*numLabels : int(ids[j]+1)*numLabels]
						for l := range scores {
							scores[l] += row[l]
						}
					}
					best := -1
					for l := 0; l < numLabels; l++ {
						if allowed(p1, l) && (best < 0 || scores[l] > scores[best]) {
							best = l
						}
					}
					toks++
					if g := gold[i]; best != g {
						errs++
						for _, f := range ids {
							tt.w[int(f)*numLabels+g]++
							tt.w[int(f)*numLabels+best]--
							tt.u[int(f)*numLabels+g] += c
							tt.u[int(f)*numLabels+best] -= c
						}
					}
					c++
					p2, p1 = p1, best
					pred[i] = best
				}
				for i := range ws {
					hist.add(&sc.si.toks[i], pred[i])
				}
			}
		}
		log.Info("ner second stage epoch", "epoch", epoch, "token_error", float64(errs)/float64(toks), "features", len(tt.idx))
	}
	prune := opt.Prune
	if prune == 0 {
		prune = 0.05
	}
	return tt.average(c, prune, Lexicon{}, opt.Version+" (second stage)"), nil
}
