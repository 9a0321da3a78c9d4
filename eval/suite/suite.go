// Package suite lists the evaluations, one per benchmark in ../shared/data,
// that `corroborate eval` and cmd/corroborate-eval run. Every evaluation
// ends its output with a line "<metric> <value>". Peers that need heavy
// dependencies are not here: cmd/corroborate-eval adds them (see
// WithPeers), so that the product binary does not carry them.
package suite

import (
	"context"
	"io"
	"sort"

	evalclean "github.com/corroborate/corroborate/eval/clean"
	evalcluster "github.com/corroborate/corroborate/eval/cluster"
	evalcoref "github.com/corroborate/corroborate/eval/coref"
	evaldecoding "github.com/corroborate/corroborate/eval/decoding"
	evaleventmention "github.com/corroborate/corroborate/eval/eventmention"
	evalevents "github.com/corroborate/corroborate/eval/events"
	evalextract "github.com/corroborate/corroborate/eval/extract"
	evalmultilingual "github.com/corroborate/corroborate/eval/extract/multilingual"
	evalfivew "github.com/corroborate/corroborate/eval/fivew"
	evalner "github.com/corroborate/corroborate/eval/ner"
	evalquotes "github.com/corroborate/corroborate/eval/quotes"
	evalresolve "github.com/corroborate/corroborate/eval/resolve"
	evalsummary "github.com/corroborate/corroborate/eval/summary"
	evaltime "github.com/corroborate/corroborate/eval/time"
	evaltimeline "github.com/corroborate/corroborate/eval/timeline"
)

// Evaluation runs one benchmark on a data folder.
type Evaluation struct {
	// Name is the name on the command line.
	Name string
	// Run evaluates on dataDir and ends its output with "<metric> <value>".
	Run func(ctx context.Context, dataDir string, w io.Writer) error
	// DefaultData is the data folder used when none is given.
	DefaultData string
	// About says what is evaluated on which benchmark.
	About string
}

// All returns the evaluations sorted by name, without heavy peers.
func All() []Evaluation {
	all := []Evaluation{
		{"extract", evalextract.Run, "../shared/data/scrapinghub-aeb", "HTML main-text extraction + cleaning (ScrapingHub article-extraction benchmark)"},
		{"extract-multilingual", evalmultilingual.Run, "../shared/data/trafilatura-eval", "HTML main-text extraction, held out (trafilatura multilingual benchmark)"},
		{"cluster", evalcluster.Run, "../shared/data", "story clustering from a stream (giveme5w1h news_cluster, ECB+ topics)"},
		{"coref", evalcoref.Run, "../shared/data/gap", "pronoun coreference inside a document (GAP test, snippet context)"},
		{"clean", evalclean.Run, "../shared/data/scrapinghub-aeb", "boilerplate cleaning of stored extractor outputs (ScrapingHub benchmark)"},
		{"decoding", evaldecoding.Run, "../shared/data/trafilatura-eval", "character-set decoding of web pages"},
		{"events", evalevents.Run, "../shared/data/ecbplus", "cross-document event coreference (ECB+ held-out topics)"},
		{"event-mentions", evaleventmention.Run, "../shared/data/tempeval3", "event mentions: triggers and classes (TempEval-3 platinum, Task B)"},
		{"ner", evalner.Run, "../shared/data/conll2003", "named entities (CoNLL-2003 English test)"},
		{"timeline", evaltimeline.Run, "../shared/data/semeval2015-task4-timeline", "cross-document entity timelines (SemEval-2015 Task 4, Track A)"},
		{"5w1h", evalfivew.Run, "../shared/data/giveme5w1h", "main-event 5W1H (Giveme5W1H gold standard)"},
		{"time", evaltime.Run, "../shared/data/tempeval3", "time expressions (TempEval-3 platinum)"},
		{"resolve", evalresolve.Run, "../shared/data/anetac", "name-variant matching across documents (ANETAC variants)"},
		{"quotes", evalquotes.Run, "../shared/data/polnear", "quote speaker attribution (PolNeAR dev)"},
		{"summary", evalsummary.Run, "../shared/data/giveme5w1h", "cited multi-document summary (ROUGE)"},
	}
	sort.Slice(all, func(i, j int) bool { return all[i].Name < all[j].Name })
	return all
}

// WithPeers returns all with the NER evaluation running peers as well
// (cmd/corroborate-eval passes the prose/v2 peer); the other evaluations
// are unchanged.
func WithPeers(all []Evaluation, nerPeers ...evalner.Peer) []Evaluation {
	out := make([]Evaluation, len(all))
	copy(out, all)
	for i := range out {
		if out[i].Name == "ner" {
			out[i].Run = func(ctx context.Context, dataDir string, w io.Writer) error {
				return evalner.RunWith(ctx, dataDir, w, evalner.Options{Peers: nerPeers})
			}
		}
	}
	return out
}

// Find returns the evaluation called name in evs.
func Find(evs []Evaluation, name string) (Evaluation, bool) {
	for _, e := range evs {
		if e.Name == name {
			return e, true
		}
	}
	return Evaluation{}, false
}

// Names returns the names of evs in order.
func Names(evs []Evaluation) []string {
	out := make([]string, len(evs))
	for i, e := range evs {
		out[i] = e.Name
	}
	return out
}
