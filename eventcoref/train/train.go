package train

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strings"
	"unicode"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/eventcoref"
)

// The fixed split inside ECB+ topics 1–35: the model is fitted on Train,
// its thresholds tuned on Dev; every other topic (26–35 here, 36–45 in
// the full corpus) is held out and reported once.
var (
	Train = func(t int) bool { return t >= 1 && t <= 22 }
	Dev   = func(t int) bool { return t >= 23 && t <= 25 }
	Test  = func(t int) bool { return !Train(t) && !Dev(t) }
)

// Set is a group of ECB+ documents analysed together as one story.
type Set struct {
	Docs []*Doc
	// Story holds the documents; Prep its prepared mentions, in document
	// order then mention order; Gold the gold cluster of each.
	Story *document.Story
	Prep  *eventcoref.Prepared
	Gold  []string
	// Topic and Sub are the gold topic and sub-topic of each mention.
	Topic []int
	Sub   []string
	// DocVec is the vector each document is clustered by.
	DocVec []eventcoref.Vector
}

// NewSet builds a Set from the documents of topics.
func NewSet(topics []*Topic) *Set {
	s := &Set{Story: document.NewStory()}
	for _, t := range topics {
		for _, d := range t.Docs {
			s.Docs = append(s.Docs, d)
			s.Story.Add(d.Document)
		}
	}
	s.Prep = eventcoref.Prepare(s.Story)
	s.DocVec = docVectors(s, 3)
	for _, m := range s.Prep.Mentions {
		d := s.Docs[m.Doc]
		s.Gold = append(s.Gold, fmt.Sprintf("%d/%s", d.Topic, d.Gold[m.Index]))
		s.Topic = append(s.Topic, d.Topic)
		s.Sub = append(s.Sub, fmt.Sprintf("%d%s", d.Topic, d.Sub))
	}
	return s
}

// docVectors returns a unit tf-idf vector per document of s over word
// keys, names (capitalized words not first in their sentence) and numbers
// weighing capW times a common word; words in one document only are
// dropped.
func docVectors(s *Set, capW float64) []eventcoref.Vector {
	df := map[string]float64{}
	tfs := make([]map[string]float64, len(s.Docs))
	for i, d := range s.Docs {
		tf := map[string]float64{}
		for _, line := range strings.Split(d.Text, "\n") {
			for k, w := range strings.Fields(line) {
				lw := strings.ToLower(w)
				if len(lw) < 2 || !unicode.IsLetter([]rune(lw)[0]) && !unicode.IsDigit([]rune(lw)[0]) {
					continue
				}
				key := eventcoref.Key(lw)
				wt := 1.0
				r := []rune(w)[0]
				if (unicode.IsUpper(r) && k > 0) || unicode.IsDigit(r) {
					wt = capW
				}
				tf[key] += wt
			}
		}
		tfs[i] = tf
		for w := range tf {
			df[w]++
		}
	}
	n := float64(len(s.Docs))
	out := make([]eventcoref.Vector, len(s.Docs))
	for i, tf := range tfs {
		v := map[string]float64{}
		for w, c := range tf {
			if df[w] < 2 {
				continue
			}
			v[w] = (1 + math.Log(c)) * math.Log(n/df[w])
		}
		out[i] = eventcoref.NewVector(v)
	}
	return out
}

// ClusterWith clusters the mentions of s with the product linker l
// (blocking, gates, constraints) within each predicted topic.
func (s *Set) ClusterWith(ctx context.Context, l *eventcoref.Linker, docClusters []int) ([]string, error) {
	lab, _, err := l.Cluster(ctx, s.Prep, func(i, j int) bool {
		return docClusters[s.Prep.Mentions[i].Doc] == docClusters[s.Prep.Mentions[j].Doc]
	})
	if err != nil {
		return nil, err
	}
	out := make([]string, len(lab))
	for i, c := range lab {
		out[i] = fmt.Sprint(c)
	}
	return out, nil
}

// ClusterDocs groups the documents of s into predicted topics by average
// linkage over their tf-idf cosine, merging while the mean similarity is
// at least threshold. It returns a cluster number per document.
func (s *Set) ClusterDocs(threshold float64) []int {
	var edges []eventcoref.Edge
	n := len(s.Docs)
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			if c := eventcoref.Cosine(s.DocVec[i], s.DocVec[j]); c > 0 {
				edges = append(edges, eventcoref.Edge{I: i, J: j, P: c})
			}
		}
	}
	return eventcoref.Agglomerate(n, edges, threshold)
}

// DocPairF1 scores a document clustering against the gold sub-topics
// (pairwise precision, recall, F1).
func (s *Set) DocPairF1(clusters []int) (p, r, f float64) {
	var tp, fp, fn float64
	for i := range s.Docs {
		for j := i + 1; j < len(s.Docs); j++ {
			same := s.Docs[i].Topic == s.Docs[j].Topic && s.Docs[i].Sub == s.Docs[j].Sub
			pred := clusters[i] == clusters[j]
			switch {
			case same && pred:
				tp++
			case pred:
				fp++
			case same:
				fn++
			}
		}
	}
	if tp > 0 {
		p, r = tp/(tp+fp), tp/(tp+fn)
		f = 2 * p * r / (p + r)
	}
	return
}

// GoldSubtopics returns the gold sub-topic of each document as a cluster
// number.
func (s *Set) GoldSubtopics() []int {
	ids := map[string]int{}
	out := make([]int, len(s.Docs))
	for i, d := range s.Docs {
		k := fmt.Sprintf("%d%s", d.Topic, d.Sub)
		if _, ok := ids[k]; !ok {
			ids[k] = len(ids)
		}
		out[i] = ids[k]
	}
	return out
}

// byCluster groups mention indices by the predicted cluster of their
// document.
func (s *Set) byCluster(docClusters []int) [][]int {
	groups := map[int][]int{}
	var order []int
	for i, m := range s.Prep.Mentions {
		c := docClusters[m.Doc]
		if _, ok := groups[c]; !ok {
			order = append(order, c)
		}
		groups[c] = append(groups[c], i)
	}
	out := make([][]int, len(order))
	for k, c := range order {
		out[k] = groups[c]
	}
	return out
}

// LemmaBaseline links mentions with the same trigger key within a
// predicted topic (the "lemma-delta" baseline).
func (s *Set) LemmaBaseline(docClusters []int) []string {
	out := make([]string, len(s.Prep.Mentions))
	for i, m := range s.Prep.Mentions {
		out[i] = fmt.Sprintf("%d/%s", docClusters[m.Doc], m.Key)
	}
	return out
}

// Predict clusters the mentions with model m within each predicted topic.
func (s *Set) Predict(ctx context.Context, m *eventcoref.Model, docClusters []int, threshold float64) ([]string, error) {
	out := make([]string, len(s.Prep.Mentions))
	for _, g := range s.byCluster(docClusters) {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		var edges []eventcoref.Edge
		for a := range g {
			for b := a + 1; b < len(g); b++ {
				edges = append(edges, eventcoref.Edge{I: a, J: b, P: m.Prob(s.Prep, g[a], g[b])})
			}
		}
		lab := eventcoref.Agglomerate(len(g), edges, threshold)
		for a, i := range g {
			out[i] = fmt.Sprintf("%d/%d", docClusters[s.Prep.Mentions[g[0]].Doc], g[lab[a]])
		}
	}
	return out, nil
}

// counts holds lexicon counts: coreferring and all mention pairs per
// trigger-key pair.
type counts struct{ coref, all map[string]float64 }

func newCounts() counts { return counts{map[string]float64{}, map[string]float64{}} }

// topicCounts counts the different-key mention pairs of one topic.
func topicCounts(s *Set, idx []int) counts {
	c := newCounts()
	for a := range idx {
		for b := a + 1; b < len(idx); b++ {
			i, j := idx[a], idx[b]
			ki, kj := s.Prep.Mentions[i].Key, s.Prep.Mentions[j].Key
			if ki == kj || ki == "" || kj == "" {
				continue
			}
			k := eventcoref.PairKey(ki, kj)
			c.all[k]++
			if s.Gold[i] == s.Gold[j] {
				c.coref[k]++
			}
		}
	}
	return c
}

// lexicon turns counts minus an excluded topic's counts into a lexicon:
// pairs seen coreferring at least minCoref times, with their smoothed
// coreference rate.
func lexicon(total, minus counts, minCoref float64) map[string]float64 {
	lex := map[string]float64{}
	for k, cr := range total.coref {
		cr -= minus.coref[k]
		all := total.all[k] - minus.all[k]
		if cr >= minCoref {
			lex[k] = cr / (all + 1)
		}
	}
	return lex
}

// Fit trains the model on s: the trigger lexicon from the coreference of
// different triggers, then logistic regression over all mention pairs
// within each gold topic. The lexicon feature of a training pair is
// computed without the pair's own topic, so that the weights see it as
// they will on new topics.
func Fit(ctx context.Context, s *Set, docClusters []int, l2 float64, epochs int) (*eventcoref.Model, error) {
	byTopic := map[int][]int{}
	var topics []int
	for i, t := range s.Topic {
		if _, ok := byTopic[t]; !ok {
			topics = append(topics, t)
		}
		byTopic[t] = append(byTopic[t], i)
	}
	sort.Ints(topics)
	total := newCounts()
	per := map[int]counts{}
	for _, t := range topics {
		c := topicCounts(s, byTopic[t])
		per[t] = c
		for k, v := range c.coref {
			total.coref[k] += v
		}
		for k, v := range c.all {
			total.all[k] += v
		}
	}
	const minCoref = 2
	var X [][]float64
	var Y []float64
	for _, t := range topics {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		lex := lexicon(total, per[t], minCoref)
		idx := byTopic[t]
		for a := range idx {
			for b := a + 1; b < len(idx); b++ {
				i, j := idx[a], idx[b]
				if docClusters != nil && docClusters[s.Prep.Mentions[i].Doc] != docClusters[s.Prep.Mentions[j].Doc] {
					continue
				}
				X = append(X, s.Prep.Features(i, j, lex))
				Y = append(Y, b2f(s.Gold[i] == s.Gold[j]))
			}
		}
	}
	w := logreg(X, Y, l2, epochs)
	return &eventcoref.Model{Weights: w, Lexicon: lexicon(total, newCounts(), minCoref)}, nil
}

// logreg fits logistic regression by full-batch gradient descent with
// Adam steps and an L2 penalty on the non-bias weights.
func logreg(X [][]float64, Y []float64, l2 float64, epochs int) []float64 {
	if len(X) == 0 {
		return nil
	}
	d := len(X[0])
	w := make([]float64, d)
	m1, m2 := make([]float64, d), make([]float64, d)
	const lr, b1, b2, eps = 0.05, 0.9, 0.999, 1e-8
	n := float64(len(X))
	g := make([]float64, d)
	for ep := 1; ep <= epochs; ep++ {
		for k := range g {
			g[k] = 0
		}
		for r, x := range X {
			e := eventcoref.Logistic(eventcoref.Dot(w, x)) - Y[r]
			for k, v := range x {
				g[k] += e * v
			}
		}
		for k := range g {
			g[k] /= n
			if k > 0 {
				g[k] += l2 * w[k]
			}
			m1[k] = b1*m1[k] + (1-b1)*g[k]
			m2[k] = b2*m2[k] + (1-b2)*g[k]*g[k]
			mh := m1[k] / (1 - math.Pow(b1, float64(ep)))
			vh := m2[k] / (1 - math.Pow(b2, float64(ep)))
			w[k] -= lr * mh / (math.Sqrt(vh) + eps)
		}
	}
	return w
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// Scorer returns a clustering score of pred against gold (the CoNLL F1).
type Scorer func(gold, pred []string) float64

// Model trains the model on the ECB+ folder dir: the document-clustering
// threshold that best recovers the sub-topics of the train and dev
// topics, the pairwise model fitted on the train topics, and the mention
// clustering threshold that scores best on the dev topics. It returns the
// model and a report of the tuning.
func Model(ctx context.Context, dir string, l2 float64, epochs int, score Scorer) (*eventcoref.Model, string, error) {
	topics, err := ReadECB(dir, func(t int) bool { return Train(t) || Dev(t) })
	if err != nil {
		return nil, "", err
	}
	var tr, dv []*Topic
	for _, t := range topics {
		if Train(t.Number) {
			tr = append(tr, t)
		} else {
			dv = append(dv, t)
		}
	}
	if len(tr) == 0 || len(dv) == 0 {
		return nil, "", fmt.Errorf("training on ECB+: need train topics 1-22 and dev topics 23-25 in %s", dir)
	}
	var rep strings.Builder
	trainSet, devSet := NewSet(tr), NewSet(dv)
	// Document clustering threshold: best mean pairwise F1 over train
	// and dev sub-topics.
	bestDoc, bestDocF := 0.0, -1.0
	for th := 0.1; th < 0.4; th += 0.01 {
		_, _, f1 := trainSet.DocPairF1(trainSet.ClusterDocs(th))
		_, _, f2 := devSet.DocPairF1(devSet.ClusterDocs(th))
		if f := (f1 + f2) / 2; f > bestDocF {
			bestDoc, bestDocF = th, f
		}
	}
	fmt.Fprintf(&rep, "document clustering: threshold %.3f, sub-topic pairwise F1 %.4f (train and dev mean)\n", bestDoc, bestDocF)
	m, err := Fit(ctx, trainSet, trainSet.ClusterDocs(bestDoc), l2, epochs)
	if err != nil {
		return nil, "", err
	}
	m.DocThreshold = bestDoc
	fmt.Fprintf(&rep, "fitted on %d train mentions, lexicon of %d trigger pairs\n", len(trainSet.Gold), len(m.Lexicon))
	for k, name := range append([]string{"bias"}, eventcoref.FeatureNames...) {
		fmt.Fprintf(&rep, "  %-24s %+.3f\n", name, m.Weights[k])
	}
	docs := devSet.ClusterDocs(bestDoc)
	fmt.Fprintf(&rep, "dev lemma baseline CoNLL F1 %.4f\n", score(devSet.Gold, devSet.LemmaBaseline(docs)))
	gold := devSet.GoldSubtopics()
	for _, th := range []float64{0.1, 0.2, 0.3, 0.4, 0.5} {
		if pred, err := devSet.Predict(ctx, m, gold, th); err == nil {
			fmt.Fprintf(&rep, "dev with gold sub-topics: lemma %.4f, model at %.2f %.4f\n", score(devSet.Gold, devSet.LemmaBaseline(gold)), th, score(devSet.Gold, pred))
		}
	}
	bestTh, bestF := 0.5, -1.0
	for th := 0.1; th < 0.9; th += 0.025 {
		pred, err := devSet.Predict(ctx, m, docs, th)
		if err != nil {
			return nil, "", err
		}
		f := score(devSet.Gold, pred)
		fmt.Fprintf(&rep, "  threshold %.3f dev CoNLL F1 %.4f\n", th, f)
		if f > bestF {
			bestTh, bestF = th, f
		}
	}
	m.Threshold = bestTh
	// The Linker's own threshold, over its blocked, gated pairs.
	bestLink, bestLinkF := 0.5, -1.0
	for th := eventcoref.MinThreshold; th < 0.9; th += 0.05 {
		l, err := eventcoref.New(eventcoref.Options{Model: m, Threshold: th})
		if err != nil {
			return nil, "", err
		}
		pred, err := devSet.ClusterWith(ctx, l, docs)
		if err != nil {
			return nil, "", err
		}
		f := score(devSet.Gold, pred)
		fmt.Fprintf(&rep, "  linker threshold %.2f dev CoNLL F1 %.4f\n", th, f)
		if f > bestLinkF {
			bestLink, bestLinkF = th, f
		}
	}
	m.LinkThreshold = bestLink
	fmt.Fprintf(&rep, "linker threshold %.2f, dev CoNLL F1 %.4f\n", bestLink, bestLinkF)
	m.Note = fmt.Sprintf("ECB+ topics 1-22 (fit), 23-25 (thresholds); l2 %g, %d epochs; dev CoNLL F1 %.4f (pairs), %.4f (linker)", l2, epochs, bestF, bestLinkF)
	fmt.Fprintf(&rep, "mention clustering threshold %.3f, dev CoNLL F1 %.4f\n", bestTh, bestF)
	return m, rep.String(), nil
}
