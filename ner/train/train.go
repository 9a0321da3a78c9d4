package train

import (
	"context"
	"fmt"
	"log/slog"
	"math"
	"math/rand"
	"slices"

	"github.com/corroborate/corroborate/ner"
	"github.com/corroborate/corroborate/ner/conll"
)

// numLabels is the number of labels the model scores.
const numLabels = ner.NumLabels

// Options configure Train.
type Options struct {
	// Epochs is the number of passes over the training data (default 12;
	// ner-train uses 20).
	Epochs int
	// MinCount drops static features seen fewer times in training
	// (default 2).
	MinCount int
	// Seed makes the shuffling reproducible.
	Seed int64
	// Prune drops averaged weights with absolute value below it (default
	// 0.05).
	Prune float32
	// Version is stored in the model header.
	Version string
	// Dev, when set, is scored after every DevEvery epochs (logged only).
	Dev      []conll.Sentence
	DevEvery int
	// Vectors, when set, adds dense word-vector features: lowercase word →
	// unit vector (all of one length).
	Vectors map[string][]float32
	// Margin, when above zero, trains with a loss-augmented margin: a
	// wrong label within Margin of the gold label's score also counts as
	// a mistake and triggers an update.
	Margin float32
	// Logger receives progress (default slog.Default()).
	Logger *slog.Logger
}

// trainTable is the dense weight table of the averaged perceptron.
type trainTable struct {
	idx map[uint64]int32
	w   []float32 // numLabels per feature
	u   []float64 // sum of c·update, for averaging
}

func (tt *trainTable) id(k uint64, create bool) int32 {
	if f, ok := tt.idx[k]; ok {
		return f
	}
	if !create {
		return -1
	}
	f := int32(len(tt.idx))
	tt.idx[k] = f
	tt.w = append(tt.w, make([]float32, numLabels)...)
	tt.u = append(tt.u, make([]float64, numLabels)...)
	return f
}

// Train fits an averaged perceptron with greedy BILOU decoding on sents
// (BIO-tagged) using the features of lex.
func Train(ctx context.Context, sents []conll.Sentence, lex ner.Lexicon, opt Options) (*ner.Model, error) {
	if opt.Epochs <= 0 {
		opt.Epochs = 12
	}
	if opt.MinCount <= 0 {
		opt.MinCount = 2
	}
	if opt.Prune == 0 {
		opt.Prune = 0.05
	}
	log := opt.Logger
	if log == nil {
		log = slog.Default()
	}
	if len(sents) == 0 {
		return nil, fmt.Errorf("training NER: no sentences")
	}
	enc := ner.NewEncoder(lex)
	// Static features of every token, computed once.
	type sentFeats struct {
		gold    []int
		si      *ner.Encoded
		keys    []uint64
		tokOffs []int32
		vecs    [][]float32
	}
	data := make([]sentFeats, len(sents))
	counts := map[uint64]int32{}
	docOf := make([]*ner.DocContext, len(sents))
	for _, r := range conll.Documents(sents) {
		words := make([][]string, 0, r[1]-r[0])
		for _, st := range sents[r[0]:r[1]] {
			words = append(words, st.Words)
		}
		dc := ner.NewDocContext(words)
		for n := r[0]; n < r[1]; n++ {
			docOf[n] = dc
		}
	}
	for n, s := range sents {
		if len(s.Words) != len(s.Tags) {
			return nil, fmt.Errorf("training NER: sentence %d has %d words and %d tags", n, len(s.Words), len(s.Tags))
		}
		sf := &data[n]
		sf.gold = bilouFromBIO(s.Tags)
		sf.si = enc.Encode(s.Words)
		if opt.Vectors != nil {
			sf.vecs = make([][]float32, len(s.Words))
			for i := range s.Words {
				lower, stem := sf.si.Word(i)
				v, ok := opt.Vectors[lower]
				if !ok && stem != "" {
					v = opt.Vectors[stem]
				}
				sf.vecs[i] = v
			}
		}
		sf.tokOffs = make([]int32, len(s.Words)+1)
		for i := range s.Words {
			sf.keys = sf.si.Static(i, docOf[n], sf.keys)
			sf.tokOffs[i+1] = int32(len(sf.keys))
		}
		for _, k := range sf.keys {
			counts[k]++
		}
	}
	tt := &trainTable{idx: map[uint64]int32{}}
	ids := make([][]int32, len(data))
	for n := range data {
		sf := &data[n]
		ids[n] = make([]int32, len(sf.keys))
		for j, k := range sf.keys {
			if counts[k] >= int32(opt.MinCount) {
				ids[n][j] = tt.id(k, true)
			} else {
				ids[n][j] = -1
			}
		}
		sf.keys = nil
	}
	log.Info("ner training features", "static", len(tt.idx), "seen", len(counts), "sentences", len(sents))
	counts = nil

	// Documents (runs of sentences from one DocStart to the next) are
	// shuffled; sentences inside one are visited in order so that the
	// document history sees what came before.
	docs := conll.Documents(sents)
	var et *embTrainer
	for _, v := range opt.Vectors {
		et = newEmbTrainer(len(v))
		break
	}
	rng := rand.New(rand.NewSource(opt.Seed))
	order := rng.Perm(len(docs))
	c := 1.0
	var histBuf []uint64
	var pred []int
	var hids []int32
	for epoch := 1; epoch <= opt.Epochs; epoch++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		rng.Shuffle(len(order), func(a, b int) { order[a], order[b] = order[b], order[a] })
		errs, toks := 0, 0
		for _, dn := range order {
			dh := ner.NewDocHistory()
			for n := docs[dn][0]; n < docs[dn][1]; n++ {
				sf := &data[n]
				p1, p2 := -1, -1
				pred = append(pred[:0], sf.gold...)
				for i := range sf.gold {
					hist := sf.si.History(i, p1, p2, histBuf[:0])
					hist = dh.Keys(sf.si, i, hist) // state before the sentence
					histBuf = hist
					hids = hids[:0]
					for _, k := range hist {
						hids = append(hids, tt.id(k, false))
					}
					var scores [numLabels]float32
					var win [embPos][]float32
					if et != nil {
						win = window(sf.vecs, i)
						et.score(win, &scores)
					}
					stat := ids[n][sf.tokOffs[i]:sf.tokOffs[i+1]]
					for _, f := range stat {
						if f >= 0 {
							row := tt.w[int(f)*numLabels : int(f+1)*numLabels]
							for l := range scores {
								scores[l] += row[l]
							}
						}
					}
					for _, f := range hids {
						if f >= 0 {
							row := tt.w[int(f)*numLabels : int(f+1)*numLabels]
							for l := range scores {
								scores[l] += row[l]
							}
						}
					}
					gold := sf.gold[i]
					best := -1
					for l := 0; l < numLabels; l++ {
						if ner.Allowed(p1, l) && (best < 0 || scores[l] > scores[best]) {
							best = l
						}
					}
					// rival is the label the update pushes down: the best one,
					// or with a margin the one that most violates it (gold
					// when none does).
					rival := best
					if opt.Margin > 0 {
						rival = -1
						var top float32
						for l := 0; l < numLabels; l++ {
							if !ner.Allowed(p1, l) || l == gold {
								continue
							}
							if v := scores[l] + opt.Margin; rival < 0 || v > top {
								rival, top = l, v
							}
						}
						if rival < 0 || top <= scores[gold] {
							rival = gold
						}
					}
					toks++
					if best != gold {
						errs++
					}
					if rival != gold {
						upd := func(f int32) {
							tt.w[int(f)*numLabels+gold]++
							tt.w[int(f)*numLabels+rival]--
							tt.u[int(f)*numLabels+gold] += c
							tt.u[int(f)*numLabels+rival] -= c
						}
						for _, f := range stat {
							if f >= 0 {
								upd(f)
							}
						}
						if et != nil {
							et.update(win, gold, rival, c)
						}
						for j, k := range hist {
							f := hids[j]
							if f < 0 {
								f = tt.id(k, true)
							}
							upd(f)
						}
					}
					c++
					p2, p1 = p1, best
					pred[i] = best
				}
				for i := range sf.gold {
					dh.Add(sf.si, i, pred[i])
				}
			}
		}
		log.Info("ner training epoch", "epoch", epoch, "token_error", float64(errs)/float64(toks), "features", len(tt.idx))
		if len(opt.Dev) > 0 && opt.DevEvery > 0 && (epoch%opt.DevEvery == 0 || epoch == opt.Epochs) {
			m := tt.average(c, opt.Prune, withProj(lex, et, c, opt.Vectors), opt.Version)
			s := conll.Evaluate(ner.NewTagger(m, ner.Options{}), opt.Dev)
			log.Info("ner dev", "epoch", epoch, "P", s.Overall.Precision(), "R", s.Overall.Recall(), "F1", s.Overall.F1())
		}
	}
	return tt.average(c, opt.Prune, withProj(lex, et, c, opt.Vectors), opt.Version), nil
}

// withProj returns lex with the projections of the dense weights.
func withProj(lex ner.Lexicon, et *embTrainer, c float64, vecs map[string][]float32) ner.Lexicon {
	if et == nil {
		return lex
	}
	lex.Proj, lex.ProjScale = et.project(c, vecs)
	return lex
}

// average returns the runtime model with averaged, pruned weights.
func (tt *trainTable) average(c float64, prune float32, lex ner.Lexicon, version string) *ner.Model {
	keys := make([]uint64, 0, len(tt.idx))
	for k := range tt.idx {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var ws ner.Weights
	for _, k := range keys {
		f := tt.idx[k]
		var row [numLabels]float32
		for l := 0; l < numLabels; l++ {
			j := int(f)*numLabels + l
			a := float32(float64(tt.w[j]) - tt.u[j]/c)
			if float32(math.Abs(float64(a))) < prune {
				continue
			}
			row[l] = a
		}
		ws.Add(k, row)
	}
	return ner.NewModel(version, lex, 0, &ws)
}
