package timeline

import (
	"context"
	"fmt"
	"io"
	"path/filepath"

	"github.com/corroborate/corroborate/ner"
	"github.com/corroborate/corroborate/pipeline"
	"github.com/corroborate/corroborate/resolve"
	"github.com/corroborate/corroborate/text"
	"github.com/corroborate/corroborate/timex"
)

// Published Track A results (Minard et al. 2015, SemEval-2015 Task 4,
// Table 4), micro F1 over the three corpora, in percent.
var published = []struct {
	name string
	f1   float64
}{
	{"WHUNLP_1 (best official Track A run)", 7.85},
}

// useEvents selects the event-mention stage as the trigger source; when
// false, the TempEval-3 lexicon is.
var useEvents = true

// triggerSource says where triggers come from.
func triggerSource() string {
	if useEvents {
		return "the event-mention stage (package event)"
	}
	return "fallback lexicon (words TimeML annotators mostly mark as events in TempEval-3 train)"
}

// steps are the stages run over each corpus: our standard per-document
// annotators that a timeline needs, then entity resolution.
func steps() ([]pipeline.Step, error) {
	tagger, err := ner.Load()
	if err != nil {
		return nil, fmt.Errorf("loading the named-entity model: %w", err)
	}
	res, err := resolve.New(resolve.Options{})
	if err != nil {
		return nil, err
	}
	out := []pipeline.Step{
		pipeline.PerDoc("text", text.New()),
		pipeline.PerDoc("ner", tagger),
		pipeline.PerDoc("timex", timex.New()),
	}
	if useEvents {
		evs, err := eventSteps()
		if err != nil {
			return nil, err
		}
		out = append(out, evs...)
	}
	return append(out, pipeline.Cross("resolve", res)), nil
}

// Run evaluates on the SemEval-2015 Task 4 data under dataDir (the shared
// data folder or its semeval2015-task4-timeline folder) and ends with
// "F1 <percent>", the micro-average over the three evaluation corpora.
func Run(ctx context.Context, dataDir string, w io.Writer) error {
	return run(ctx, dataDir, w, defaultOptions, true)
}

func run(ctx context.Context, dataDir string, w io.Writer, opt Options, withEval bool) error {
	root, err := findRoot(dataDir)
	if err != nil {
		return err
	}
	lex, err := loadEventLexicon(filepath.Join(root, "..", "tempeval3", "train", "TBAQ-cleaned"))
	if err != nil && !useEvents {
		return fmt.Errorf("no fallback trigger lexicon: %w", err)
	}
	st, err := steps()
	if err != nil {
		return err
	}
	fmt.Fprintln(w, "SemEval-2015 Task 4 TimeLine, Track A (raw text): timelines turned into relations")
	fmt.Fprintln(w, "(same line: simultaneous; next line: before; dated event: included in its date; dates by")
	fmt.Fprintln(w, "the calendar), scored by temporal awareness (UzZaman & Allen 2011), micro-averaged.")
	fmt.Fprintf(w, "Triggers: %s.\n\n", triggerSource())
	trial, err := trialCorpus(root)
	if err != nil {
		return err
	}
	tc, err := evalCorpus(ctx, w, trial, st, lex, opt)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "%-10s %9s %7s %7s %7s\n", "corpus", "timelines", "P", "R", "F1")
	printRow(w, "trial(dev)", len(trial.Entities), tc)
	if !withEval {
		fmt.Fprintf(w, "F1 %.2f\n", 100*tc.F1())
		return nil
	}
	corpora, err := evalCorpora(root)
	if err != nil {
		return err
	}
	var all Counts
	n := 0
	for _, c := range corpora {
		cc, err := evalCorpus(ctx, w, c, st, lex, opt)
		if err != nil {
			return err
		}
		printRow(w, c.Name, len(c.Entities), cc)
		all = all.Add(cc)
		n += len(c.Entities)
	}
	printRow(w, "all (test)", n, all)
	fmt.Fprintln(w)
	for _, p := range published {
		fmt.Fprintf(w, "Anchor: %s F1 %.2f (Minard et al. 2015).\n", p.name, p.f1)
	}
	fmt.Fprintf(w, "F1 %.2f\n", 100*all.F1())
	return nil
}

func printRow(w io.Writer, name string, n int, c Counts) {
	fmt.Fprintf(w, "%-10s %9d %7.2f %7.2f %7.2f\n", name, n, 100*c.P(), 100*c.R(), 100*c.F1())
}

// evalCorpus builds every target's timeline on c and scores it against
// the gold; a target with no gold timeline is skipped.
func evalCorpus(ctx context.Context, w io.Writer, c *Corpus, st []pipeline.Step, lex eventLexicon, opt Options) (Counts, error) {
	for _, e := range c.Skipped {
		fmt.Fprintf(w, "skipped: %v\n", e)
	}
	bs, story, err := analyse(ctx, c, st)
	if err != nil {
		return Counts{}, err
	}
	var sum Counts
	for _, e := range c.Entities {
		gold, ok := c.GoldFor(e)
		if !ok {
			continue
		}
		sys := buildTimeline(e, c.Entities, bs, story, lex, opt)
		sum = sum.Add(Score(sys, gold))
	}
	return sum, nil
}
