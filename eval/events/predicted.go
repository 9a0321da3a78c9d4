package events

import (
	"context"
	"fmt"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/event"
	"github.com/corroborate/corroborate/eventcoref/train"
	"github.com/corroborate/corroborate/ner"
	textstage "github.com/corroborate/corroborate/text"
	"github.com/corroborate/corroborate/timex"
)

// predicted holds the documents of a set re-annotated by the product's
// per-document stages, with the key of each predicted mention.
type predicted struct {
	topics []*train.Topic
	// missed are the gold labels of the gold mentions no predicted
	// mention matches.
	missed []string
	// found, goldN, predN count matched, gold and predicted mentions.
	found, goldN, predN int
}

// predictMentions runs text, NER, timex and event detection on each
// document of topics and keeps the event mentions in checked sentences.
// A predicted mention takes the gold cluster of the first unmatched gold
// mention it overlaps, else a cluster of its own.
func predictMentions(ctx context.Context, topics []*train.Topic) (*predicted, error) {
	tagger, err := ner.Load()
	if err != nil {
		return nil, fmt.Errorf("loading NER: %w", err)
	}
	det, err := event.New(event.Options{})
	if err != nil {
		return nil, err
	}
	splitter, tm := textstage.New(), timex.New()
	out := &predicted{}
	for _, t := range topics {
		nt := &train.Topic{Number: t.Number}
		for _, gd := range t.Docs {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			d := &document.Document{ID: gd.ID, Text: gd.Text}
			for _, st := range []interface {
				Annotate(context.Context, *document.Document) error
			}{splitter, tagger, tm, det} {
				if err := st.Annotate(ctx, d); err != nil {
					return nil, fmt.Errorf("annotating ECB+ document %s: %w", gd.ID, err)
				}
			}
			pd := &train.Doc{Document: d, Topic: gd.Topic, Sub: gd.Sub, Checked: gd.Checked}
			used := make([]bool, len(gd.Events))
			var kept []document.EventMention
			for _, m := range d.Events {
				line := -1
				for i, sp := range gd.Sentences {
					if sp.Contains(m.Span) {
						line = i
						break
					}
				}
				if line < 0 || !gd.Checked[line] {
					continue
				}
				label := ""
				for gi, g := range gd.Events {
					if !used[gi] && g.Overlaps(m.Span) {
						used[gi], label = true, gd.Gold[gi]
						out.found++
						break
					}
				}
				if label == "" {
					label = fmt.Sprintf("%s/predicted/%d", gd.ID, m.Start)
				}
				kept = append(kept, m)
				pd.Gold = append(pd.Gold, label)
			}
			d.Events = kept
			out.predN += len(kept)
			out.goldN += len(gd.Events)
			for gi, u := range used {
				if !u {
					out.missed = append(out.missed, fmt.Sprintf("%d/%s", gd.Topic, gd.Gold[gi]))
				}
			}
			nt.Docs = append(nt.Docs, pd)
		}
		out.topics = append(out.topics, nt)
	}
	return out, nil
}
